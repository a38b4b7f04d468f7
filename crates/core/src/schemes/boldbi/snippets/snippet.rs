//! Builds a Bold BI embed URL with token authentication. Run: @SECRET_ENV@=... cargo run
//! Cargo.toml: [dependencies] hmac = "0.12", sha2 = "0.10"@FRESH_DEPS@, base64 = "0.22"
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
@PRELUDE@

// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (a UUID v4 and SystemTime::now()).
@DATA@

fn main() {
    let secret = secret();
@SINGLE_USE@
    let mut query = format!("embed_nonce={}&embed_user_email={}", enc(nonce, b""), enc(EMAIL, b""));
    for (name, value) in OPTIONS {
        query += &format!("&{}={}", enc(name, b"="), enc(value, b""));
    }
    if let Some(timestamp) = timestamp {
        query += &format!("&embed_timestamp={timestamp}");
        if let Some(expiration) = EXPIRATION {
            query += &format!("&embed_expirationtime={expiration}");
        }
    }
    // Only the query is signed, and the signature is standard Base64.
    let mut signature = STANDARD.encode(hmac_sha256(&secret, &query));
    // The vendor's sample appends it raw, so a '+' in it can arrive as a space; escaping avoids that.
    if ESCAPE_SIGNATURE {
        signature = signature.replace('+', "%2B").replace('/', "%2F").replace('=', "%3D");
    }
    println!("{DASHBOARD_URL}?{query}&embed_signature={signature}");
}
