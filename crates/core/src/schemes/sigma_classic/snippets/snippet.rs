//! Builds and signs a Sigma classic embed URL (:mode=userbacked), as Sigma's
//! embed-api.js does. Run: @SECRET_ENV@=... cargo run
//! Cargo.toml: [dependencies] hmac = "0.12", sha2 = "0.10"@FRESH_DEPS@
@PRELUDE@

// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (a UUID v4 and SystemTime::now()).
@DATA@

fn main() {
    let secret = secret();
@SINGLE_USE@
    let mut url = format!(
        "{EMBED_PATH}?:nonce={}&:client_id={}&:email={}&:external_user_id={}&:external_user_team={}",
        enc(nonce, b""),
        enc(CLIENT_ID, b""),
        enc(EMAIL, b""),
        enc(EXTERNAL_USER_ID, b""),
        list(TEAMS)
    );
    if let Some(account_type) = ACCOUNT_TYPE {
        url += &format!("&:account_type={}", enc(account_type, b""));
    }
    url += &format!("&:mode={}&:session_length={SESSION_LENGTH}&:time={time}", enc(MODE, b""));
    for (name, values) in USER_ATTRIBUTES {
        url += &format!("&:ua_{}={}", enc(name, b"="), list(values));
    }
    for (name, value) in PARAMS {
        url += &format!("&{}={}", enc(name, b"="), enc(value, b""));
    }
    // The signature covers the whole URL so far and goes last.
    let signature: String = hmac_sha256(&secret, &url).iter().map(|b| format!("{b:02x}")).collect();
    println!("{url}&:signature={signature}");
}
