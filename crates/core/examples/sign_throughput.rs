//! Signs N Sigma classic URLs with distinct nonces and prints URLs per second.
//!
//! The Rust half of `scripts/bench/sign.sh`; the Node half runs the vendor's
//! `embed-api.js` construction on the same inputs. Prints one line:
//! `rust <urls per second> <checksum>`.

use std::time::Instant;

use embed_core::schemes::sigma_classic;

#[path = "../benches/fixture.rs"]
mod fixture;

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200_000);
    let secret = fixture::secret();
    let mut request = fixture::classic("");
    // Nonces are made before the clock starts, in both halves of the bench,
    // so that what is timed is building and signing the URL.
    let mut nonces: Vec<String> = (0..count).map(|i| format!("nonce-{i:012}")).collect();
    let mut checksum = 0usize;
    let start = Instant::now();
    for nonce in &mut nonces {
        request.nonce = std::mem::take(nonce);
        match sigma_classic::sign(&request, &secret) {
            Ok(url) => checksum = checksum.wrapping_add(url.len()),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(2);
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("rust {:.0} {checksum}", count as f64 / seconds);
}
