//! A bounded fuzz of the CLI as a careful tester runs it: mutated URLs into
//! `inspect`, `verify` and `diff`, and generated pages into `doctor` (each
//! against a closed loopback port, so nothing leaves the machine). Every
//! run ends within its time limit, exits 0, 1 or 2, never panics, and
//! prints neither the secret nor, from the doctor, the page's nonce or
//! signature. The inputs come from a fixed seed: a failure reproduces.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

const SECRET: &str = "fuzz-canary-secret-8c1d";
const RUNS: usize = 120;

/// A small deterministic generator (xorshift): the same inputs every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap()).unwrap()
    }
}

const PIECES: &[&str] = &[
    "&",
    "=",
    "?",
    "#",
    "%",
    "%2",
    "%zz",
    "%2B",
    "+",
    " ",
    ":",
    ",",
    "\"",
    "'",
    "<",
    ">",
    "é",
    "\u{0}",
    "😀",
    "&:nonce=x",
    "&embed_nonce=",
    "&signature=",
    "%00",
    "\\",
    "\n",
    "&&",
];

fn mutate(rng: &mut Rng, url: &str) -> String {
    let mut chars: Vec<char> = url.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(4) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())];
                for (i, c) in piece.chars().enumerate() {
                    chars.insert(at + i, c);
                }
            }
            2 if at < chars.len() => {
                let c = chars[at];
                for _ in 0..rng.below(300) {
                    chars.insert(at, c);
                }
            }
            _ => {
                let end = (at + rng.below(40)).min(chars.len());
                let copy: Vec<char> = chars[at.min(end)..end].to_vec();
                for (i, c) in copy.into_iter().enumerate() {
                    chars.insert(end + i, c);
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::cargo_bin("embed-sandbox")
        .unwrap()
        .args(args)
        .env("FUZZ_SECRET", SECRET)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    } else {
        drop(child.stdin.take());
    }
    let started = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().unwrap() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("embed-sandbox {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn check(output: &Output, what: &str, forbidden: &[&str]) {
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit {code:?}\n{output:?}"
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!text.contains("panicked"), "{what}: {text}");
    for secret in forbidden {
        assert!(
            !text.contains(secret),
            "{what}: {secret:?} printed:\n{text}"
        );
    }
}

fn signed(args: &[&str]) -> String {
    let output = run(
        &[&["sign"], args, &["--secret-env", "FUZZ_SECRET"]].concat(),
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

#[test]
fn mutated_urls_into_inspect_verify_and_diff_exit_cleanly_and_never_echo_the_secret() {
    let seeds = [
        signed(&[
            "sigma",
            "--embed-path",
            "https://app.sigmacomputing.com/acme/embed/1-x",
            "--client-id",
            "c-1",
            "--email",
            "a@example.com",
            "--external-user-id",
            "a",
            "--team",
            "Sales",
            "--account-type",
            "Viewer",
            "--session-length",
            "600",
        ]),
        signed(&[
            "boldbi",
            "--dashboard-url",
            "https://bi.example.com/bi/site/s1/dashboards/d-1/Sales/Overview",
            "--email",
            "bo@example.com",
        ]),
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    for i in 0..RUNS {
        let seed = &seeds[i % seeds.len()];
        let url = mutate(&mut rng, seed);
        let what = format!("run {i}: {url:?}");
        match i % 3 {
            0 => check(
                &run(
                    &["inspect", "-", "--secret-env", "FUZZ_SECRET", "--json"],
                    Some(&url),
                ),
                &what,
                &[SECRET],
            ),
            1 => check(
                &run(&["verify", "-", "--secret-env", "FUZZ_SECRET"], Some(&url)),
                &what,
                &[SECRET],
            ),
            // argv cannot carry a NUL (no shell can pass one either).
            _ => check(
                &run(&["diff", seed, &url.replace('\0', "%00"), "--json"], None),
                &what,
                &[SECRET],
            ),
        }
    }
}

#[test]
fn generated_pages_into_the_doctor_never_print_the_nonce_or_signature() {
    // A closed port: the probe gets "connection refused", nothing leaves the machine.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let nonce = "0b5e55ed-nonce-77aa";
    let signature = "c2lnbmF0dXJlLWZ1enotOTk";
    let embed = format!(
        "http://127.0.0.1:{port}/embed/1-x?:nonce={nonce}&:email=a%40b.co&:signature={signature}"
    );
    let attributes = [
        "src",
        "data-src",
        "title",
        "data-lazy",
        "name",
        "srcdoc",
        "aria-label",
        "\"broken",
        "a=b",
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0xd0c7_0042_1357_9bdf);
    for i in 0..RUNS / 3 {
        let mut html = String::from("<html><body>");
        for _ in 0..=rng.below(3) {
            let attribute = attributes[rng.below(attributes.len())];
            let value = match rng.below(3) {
                0 => embed.clone(),
                1 => embed.replace('&', "&amp;"),
                _ => mutate(&mut rng, &embed),
            };
            html.push_str(&format!(
                "<iframe {attribute}=\"{value}\" {}>",
                PIECES[rng.below(PIECES.len())]
            ));
            if rng.below(2) == 0 {
                html.push_str(&format!("<p>{value}</p>"));
            }
        }
        let page = dir.path().join(format!("page-{i}.html"));
        std::fs::write(&page, &html).unwrap();
        let output = run(
            &[
                "doctor",
                "--parent",
                page.to_str().unwrap(),
                "--parent-origin",
                "https://app.example.com",
                "--embed",
                &embed,
                "--json",
            ],
            None,
        );
        check(&output, &format!("page {i}: {html}"), &[nonce, signature]);
    }
}
