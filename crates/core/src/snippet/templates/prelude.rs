use hmac::{Hmac, Mac};
use sha2::Sha256;

@ENCODE@
/// Percent-encodes (uppercase hex) only the bytes that would break the URL:
/// controls, non-ASCII, space and "#%&+<>[\]^`{|}, plus `extra`.
#[allow(dead_code)]
fn enc(text: &str, extra: &[u8]) -> String {
    const ALWAYS: &[u8] = b" \"#%&+<>[\\]^`{|}";
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte < 0x20 || byte >= 0x7f || ALWAYS.contains(&byte) || extra.contains(&byte) {
            out.push_str(&format!("%{byte:02X}"));
        } else {
            out.push(char::from(byte));
        }
    }
    out
}

/// A comma-separated list: commas inside an element are escaped, the separators are not.
#[allow(dead_code)]
fn list(items: &[&str]) -> String {
    items.iter().map(|item| enc(item, b",")).collect::<Vec<_>>().join(",")
}

@END_ENCODE@
fn hmac_sha256(secret: &str, message: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
    mac.update(message.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The secret comes from the environment: never write it into code.
fn secret() -> String {
    match std::env::var("@SECRET_ENV@") {
        Ok(secret) if !secret.is_empty() => secret,
        _ => {
            eprintln!("Set @SECRET_ENV@ to the embed secret.");
            std::process::exit(2);
        }
    }
}
