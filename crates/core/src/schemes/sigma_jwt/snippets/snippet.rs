//! Builds a Sigma JWT embed URL (HS256, kid = client id). Run: @SECRET_ENV@=... cargo run
//! Cargo.toml: [dependencies] hmac = "0.12", sha2 = "0.10"@FRESH_DEPS@, base64 = "0.22",
//! serde_json = { version = "1", features = ["preserve_order"] }
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Map, Value};
@PRELUDE@

// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (a UUID v4 and SystemTime::now()).
@DATA@

fn main() {
    let secret = secret();
@SINGLE_USE@
    // Claim order matters only for reproducing this exact token; Sigma reads any order.
    let header = json!({ "typ": "JWT", "alg": "HS256", "kid": CLIENT_ID });
    let mut claims = Map::new();
    claims.insert("sub".into(), EMAIL.into());
    claims.insert("jti".into(), jti.into());
    claims.insert("iat".into(), iat.into());
    claims.insert("exp".into(), (iat + TTL).into());
    let optional = [
        ("iss", ISSUER),
        ("ver", VERSION),
        ("aud", (VERSION == Some("1.1")).then_some("sigmacomputing")),
        ("account_type", ACCOUNT_TYPE),
    ];
    for (name, value) in optional {
        if let Some(value) = value {
            claims.insert(name.into(), value.into());
        }
    }
    if !TEAMS.is_empty() {
        claims.insert("teams".into(), TEAMS.to_vec().into());
    }
    if !USER_ATTRIBUTES.is_empty() {
        let attributes: Map<String, Value> = USER_ATTRIBUTES.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect();
        claims.insert("user_attributes".into(), attributes.into());
    }
    for (name, value) in [("eval_connection_id", EVAL_CONNECTION_ID), ("first_name", FIRST_NAME), ("last_name", LAST_NAME)] {
        if let Some(value) = value {
            claims.insert(name.into(), value.into());
        }
    }
    let unsigned = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(Value::Object(claims).to_string())
    );
    let token = format!("{unsigned}.{}", URL_SAFE_NO_PAD.encode(hmac_sha256(&secret, &unsigned)));
    let mut url = format!("{WORKBOOK_URL}?:jwt={}&:embed=true", enc(&token, b""));
    // Interface parameters ride unsigned beside the token.
    for (name, value) in PARAMS {
        url += &format!("&{}={}", enc(name, b"="), enc(value, b""));
    }
    println!("{url}");
}
