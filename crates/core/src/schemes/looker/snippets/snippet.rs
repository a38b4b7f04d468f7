//! Builds a Looker signed embed URL (every value JSON text, escaped as
//! JavaScript's encodeURIComponent does). Run: @SECRET_ENV@=... cargo run
//! Cargo.toml: [dependencies] hmac = "0.12", sha2 = "0.10"@FRESH_DEPS@, sha1 = "0.10", base64 = "0.22",
//! serde_json = { version = "1", features = ["preserve_order"] }
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Map, Value};
@PRELUDE@

// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (a UUID v4 and SystemTime::now()).
@DATA@

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
    // The host line is host[:port] without the scheme.
    let (scheme, host_line) = HOST.split_once("://").unwrap_or(("https", HOST));
    let host = host_line.trim_end_matches('/');
    let path = format!("/login/embed/{}", component(EMBED_URL));
    let mut params: Vec<(&str, String)> = vec![
        ("nonce", json!(nonce).to_string()),
        ("time", json!(time).to_string()),
        ("session_length", json!(SESSION_LENGTH).to_string()),
        ("external_user_id", json!(EXTERNAL_USER_ID).to_string()),
        ("permissions", json!(PERMISSIONS).to_string()),
        ("models", json!(MODELS).to_string()),
    ];
    // Group ids, the external group id and user attributes are sent, and signed, only when present.
    if !GROUP_IDS.is_empty() {
        params.push(("group_ids", json!(GROUP_IDS).to_string()));
    }
    if let Some(group) = EXTERNAL_GROUP_ID {
        params.push(("external_group_id", json!(group).to_string()));
    }
    if !USER_ATTRIBUTES.is_empty() {
        let attributes: Map<String, Value> = USER_ATTRIBUTES.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
        params.push(("user_attributes", Value::Object(attributes).to_string()));
    }
    // access_filters is deprecated but always signed: {} when unused.
    let filters: Map<String, Value> = serde_json::from_str(ACCESS_FILTERS).expect("ACCESS_FILTERS is a JSON object");
    params.push(("access_filters", Value::Object(filters).to_string()));
    let signed: Vec<&str> = params.iter().map(|(_, value)| value.as_str()).collect();
    let string_to_sign = [vec![host, path.as_str()], signed].concat().join("\n");
    let tag = if ALGORITHM == "sha1" {
        let mut mac = Hmac::<sha1::Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC accepts any key length");
        mac.update(string_to_sign.as_bytes());
        mac.finalize().into_bytes().to_vec()
    } else {
        hmac_sha256(&secret, &string_to_sign)
    };
    // Not signed.
    for (name, value) in [("first_name", FIRST_NAME), ("last_name", LAST_NAME), ("user_timezone", USER_TIMEZONE)] {
        if let Some(value) = value {
            params.push((name, json!(value).to_string()));
        }
    }
    if let Some(force) = FORCE_LOGOUT_LOGIN {
        params.push(("force_logout_login", force.to_string()));
    }
    let query: Vec<String> = params.iter().map(|(name, value)| format!("{name}={}", component(value))).collect();
    println!("{scheme}://{host}{path}?{}&signature={}", query.join("&"), component(&STANDARD.encode(tag)));
}
