//! Bold BI's form: the request it signs, what Bold BI would refuse in it,
//! and the form a received URL reads back into.

use super::{BoldBiRequest, MAX_EXPIRATION, MIN_EXPIRATION, SIGNATURE_PARAM};
use crate::form::{named, Environment, FormBasis, SignForm};
use crate::model::embed::Embed;
use crate::request::EmbedRequest;

/// The request `form` describes.
pub fn request(env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
    EmbedRequest::new(BoldBiRequest {
        dashboard_url: env.embed_path.clone(),
        nonce: basis.nonce,
        email: form.email.clone(),
        params: named(&form.params),
        timestamp: form.sign_time.then_some(basis.time),
        expiration: (form.sign_time && form.session_length > 0).then_some(form.session_length),
        escape_signature: form.escape_signature,
    })
}

/// What Bold BI would refuse in `form`.
pub fn issues(form: &SignForm, say: &mut Vec<String>) {
    if !form.sign_time {
        say.push("Without embed_timestamp the URL never expires, and no embed_expirationtime is sent (it needs the timestamp).".into());
    } else if !(MIN_EXPIRATION..=MAX_EXPIRATION).contains(&form.session_length) {
        say.push(format!(
            "Bold BI accepts an expiration time from {MIN_EXPIRATION} to {MAX_EXPIRATION} seconds (1 to 6 days)."
        ));
    }
}

/// The form a received Bold BI URL reads back into.
pub fn from_url(embed: &Embed, form: &mut SignForm) {
    let url = &embed.url;
    // The validity without embed_expirationtime is implied, not sent.
    form.session_length = url
        .first("embed_expirationtime")
        .and_then(|p| p.value.parse().ok())
        .unwrap_or_default();
    form.params = url
        .params
        .iter()
        .filter(|p| {
            !matches!(
                p.name.as_str(),
                "embed_nonce"
                    | "embed_user_email"
                    | "embed_timestamp"
                    | "embed_expirationtime"
                    | SIGNATURE_PARAM
            ) && !super::authorize::AUTHORIZE_PARAMS.contains(&p.name.as_str())
        })
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect();
    form.sign_time = embed.facts.issued_at.is_some();
    form.escape_signature = url
        .first(SIGNATURE_PARAM)
        .is_some_and(|p| p.raw_value_or_empty().contains('%'));
}
