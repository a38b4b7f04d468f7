//! A form signed: the request a form describes, through the scheme its
//! environment names (the registry), with the nonce and time filled in.

use crate::error::Result;
use crate::form::{non_empty, Environment, FormBasis, SignForm};
use crate::request::EmbedRequest;

/// The core request `form` describes for `env` at `now`; `fresh_nonce`
/// makes a nonce when the form has none.
pub fn request(
    env: &Environment,
    form: &SignForm,
    now: u64,
    fresh_nonce: impl Fn() -> String,
) -> EmbedRequest {
    let time = form
        .time
        .unwrap_or(now)
        .saturating_add_signed(form.time_offset);
    let nonce = non_empty(&form.nonce).unwrap_or_else(fresh_nonce);
    let basis = FormBasis {
        time,
        nonce,
        teams: form.teams.iter().filter_map(|t| non_empty(t)).collect(),
    };
    crate::schemes::spec(env.scheme).form_request(env, form, basis)
}

/// What `form` says for `env`, apart from the nonce and (unless the form
/// fixes it) the signing time: two forms with the same key sign the same
/// request. The app uses it to tell whether the form still matches the URL
/// it last loaded, whatever the form's unrelated fields hold.
pub fn content_key(env: &Environment, form: &SignForm) -> Result<String> {
    use sha2::{Digest, Sha256};
    let fixed = SignForm {
        nonce: "content".into(),
        ..form.clone()
    };
    let url = request(env, &fixed, 0, String::new).sign(&crate::Secret::new("content-key"))?;
    Ok(hex::encode(Sha256::digest(url.as_bytes())))
}
