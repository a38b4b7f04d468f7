//! The Mode form: the request it signs, what Mode would refuse in it, and
//! the form a received URL reads back into. The environment's embed path
//! is the report's embed address, its client id the access key; the form
//! holds `max_age` (its session length field) and, in its parameter rows,
//! the report parameters (`param_<name>`), names as sent.

use super::sign::{ModeRequest, PARAM_PREFIX};
use crate::form::{named, Environment, FormBasis, SignForm};
use crate::model::embed::Embed;
use crate::request::EmbedRequest;

/// The request `form` describes.
pub fn request(env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
    EmbedRequest::new(ModeRequest {
        report_url: env.embed_path.trim().to_owned(),
        access_key: env.client_id.trim().to_owned(),
        max_age: (form.session_length > 0).then_some(form.session_length),
        params: named(&form.params),
        timestamp: basis.time,
    })
}

/// What Mode would refuse in `form`, one sentence each.
pub fn issues(form: &SignForm, issues: &mut Vec<String>) {
    for (name, _) in named(&form.params) {
        if !name.starts_with(PARAM_PREFIX) {
            issues.push(format!(
                "{name} is not a Mode embed parameter: report parameters are sent as {PARAM_PREFIX}<name> (like {PARAM_PREFIX}{name})."
            ));
        }
    }
}

/// The form `embed` reads back into.
pub fn from_url(embed: &Embed, form: &mut SignForm) {
    form.session_length = embed
        .url
        .first("max_age")
        .and_then(|p| p.value.parse().ok())
        .unwrap_or(0);
    form.params = embed
        .url
        .params
        .iter()
        .filter(|p| p.name.starts_with(PARAM_PREFIX))
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect();
    form.time = embed.facts.issued_at;
}

/// Whether `embed_path` is a report's embed address.
pub fn embed_path_issue(embed_path: &str) -> Option<String> {
    let path = embed_path
        .split_once("://")
        .map_or(embed_path, |(_, rest)| rest);
    let ok = path.contains("/reports/") && path.trim_end_matches('/').ends_with("/embed");
    (!ok).then(|| {
        format!("{embed_path} is not a report's embed address: Mode's look like https://app.mode.com/<org>/reports/<report token>/embed")
    })
}
