//! Builds a Metabase static embed URL: an HS256 JWT over the resource, the
//! locked parameters and exp, under the embedding secret as text, in
//! /embed/<resource>/<token>#<appearance>. Run: @SECRET_ENV@=... cargo run
//! Cargo.toml: [dependencies] hmac = "0.12", sha2 = "0.10"@FRESH_DEPS@, base64 = "0.22",
//! serde_json = { version = "1", features = ["preserve_order"] }
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Map, Value};
@PRELUDE@

// The values this URL was signed with. The token expires:
// in production take the current time for every URL (SystemTime::now()).
@DATA@

fn main() {
    let secret = secret();
@SINGLE_USE@
    // A numeric id is a number in the token; an entity id a string.
    let id: Value = match ID.parse::<u64>() {
        Ok(n) if ID == "0" || !ID.starts_with('0') => json!(n),
        _ => json!(ID),
    };
    let mut resource = Map::new();
    resource.insert(RESOURCE.to_string(), id);
    let params: Map<String, Value> = PARAMS
        .iter()
        .map(|(slug, value)| (slug.to_string(), serde_json::from_str(value).expect("each parameter's value is JSON")))
        .collect();
    let mut payload = Map::new();
    payload.insert("resource".into(), Value::Object(resource));
    payload.insert("params".into(), Value::Object(params));
    if let Some(exp) = EXP_AT.or(TTL.map(|ttl| time + ttl)) {
        payload.insert("exp".into(), json!(exp));
    }
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(Value::Object(payload).to_string())
    );
    let signature = URL_SAFE_NO_PAD.encode(hmac_sha256(&secret, &signing_input));
    let hash: Vec<String> = APPEARANCE.iter().map(|(key, value)| format!("{key}={value}")).collect();
    let hash = if hash.is_empty() { String::new() } else { format!("#{}", hash.join("&")) };
    println!("{}/embed/{RESOURCE}/{signing_input}.{signature}{hash}", SITE_URL.trim_end_matches('/'));
}
