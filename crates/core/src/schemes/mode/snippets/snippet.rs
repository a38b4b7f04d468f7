//! Builds a Mode white-label embed URL: the parameters sorted by name, the
//! timestamp last, signed with a lower-case hex HMAC-SHA256 of
//! GET,,<Base64 MD5 of the empty body>,<URL>,<timestamp>. Run: @SECRET_ENV@=... cargo run
//! Cargo.toml: [dependencies] hmac = "0.12", sha2 = "0.10"@FRESH_DEPS@
@PRELUDE@

// The values this URL was signed with. The timestamp ages out:
// in production take the current time for every URL (SystemTime::now()).
@DATA@

/// The Base64 MD5 of the empty body: a constant of Mode's request string.
const EMPTY_BODY_MD5: &str = "1B2M2Y8AsgTpgAmY7PhCfg==";

/// encodeURIComponent: everything but letters, digits and -_.!~*'() escaped.
fn component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn main() {
    let secret = secret();
@SINGLE_USE@
    let mut pairs: Vec<(String, String)> = vec![("access_key".into(), ACCESS_KEY.into())];
    if let Some(max_age) = MAX_AGE {
        pairs.push(("max_age".into(), max_age.to_string()));
    }
    pairs.extend(PARAMS.iter().map(|(name, value)| (name.to_string(), value.to_string())));
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let query: String = pairs.iter().map(|(name, value)| format!("{}={}&", component(name), component(value))).collect();
    let url = format!("{REPORT_URL}?{query}timestamp={timestamp}");
    let request = format!("GET,,{EMPTY_BODY_MD5},{url},{timestamp}");
    let signature: String = hmac_sha256(&secret, &request).iter().map(|b| format!("{b:02x}")).collect();
    println!("{url}&signature={signature}");
}
