//! The Looker form: the request it signs, what Looker would refuse in it,
//! and the form a received URL reads back into. The environment's embed
//! path is the content's address on the Looker host
//! (`https://acme.looker.com/embed/dashboards/3`): the host and the embed
//! URL are taken from it.

use serde_json::Value;

use super::facts::{json, json_text};
use super::permissions;
use super::{Algorithm, LookerRequest, LOGIN_PATH, MAX_SESSION_LENGTH};
use crate::encoding::decode_component;
use crate::form::{named, non_empty, Environment, FormBasis, SignForm};
use crate::model::embed::Embed;
use crate::request::EmbedRequest;

/// `https://host[:port]` and the path with its query, of an embed path.
pub fn split_embed_path(embed_path: &str) -> (String, String) {
    let (scheme, rest) = embed_path
        .split_once("://")
        .unwrap_or(("https", embed_path));
    match rest.find('/') {
        Some(at) => (format!("{scheme}://{}", &rest[..at]), rest[at..].to_owned()),
        None => (format!("{scheme}://{rest}"), "/".to_owned()),
    }
}

/// The algorithm a form names.
pub fn algorithm(form: &SignForm) -> Algorithm {
    if form.algorithm.trim().eq_ignore_ascii_case("sha256") {
        Algorithm::Sha256
    } else {
        Algorithm::Sha1
    }
}

/// The request `form` describes.
pub fn request(env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
    let (host, embed_url) = split_embed_path(&env.embed_path);
    EmbedRequest::new(LookerRequest {
        host,
        embed_url,
        nonce: basis.nonce,
        time: basis.time,
        session_length: form.session_length,
        external_user_id: form.external_user_id.clone(),
        permissions: form
            .permissions
            .iter()
            .filter_map(|p| non_empty(p))
            .collect(),
        models: form.models.iter().filter_map(|m| non_empty(m)).collect(),
        group_ids: form.group_ids.clone(),
        external_group_id: non_empty(&form.external_group_id),
        user_attributes: named(&form.user_attributes),
        access_filters: non_empty(&form.access_filters).unwrap_or_else(|| "{}".into()),
        first_name: non_empty(&form.first_name),
        last_name: non_empty(&form.last_name),
        user_timezone: non_empty(&form.user_timezone),
        force_logout_login: form.force_logout_login,
        algorithm: algorithm(form),
    })
}

/// What Looker would refuse in `form`.
pub fn issues(form: &SignForm, say: &mut Vec<String>) {
    if form.external_user_id.trim().is_empty() {
        say.push("Looker needs an external user id.".into());
    }
    let granted = form.permissions.iter().any(|p| !p.trim().is_empty())
        && form.models.iter().any(|m| !m.trim().is_empty());
    if !granted && form.group_ids.is_empty() {
        say.push("Looker needs permissions and models, or group ids that grant them.".into());
    }
    if form.session_length > MAX_SESSION_LENGTH {
        say.push(format!(
            "session_length is over {MAX_SESSION_LENGTH} s (30 days); Looker refuses it."
        ));
    }
    for permission in form.permissions.iter().map(|p| p.trim()) {
        if permission.is_empty() || permissions::is_documented(permission) {
            continue;
        }
        say.push(match permissions::nearest(permission) {
            Some(known) => format!("\"{permission}\" is not a permission Looker lists for embed users: did you mean \"{known}\"? It is signed as typed."),
            None => format!("\"{permission}\" is not a permission Looker lists for embed users; check its spelling (it is signed as typed, and what Looker does with it is unconfirmed)."),
        });
    }
    if let Some(problem) = access_filters_problem(&form.access_filters) {
        say.push(format!("access_filters is {problem}."));
    }
    if !matches!(
        form.algorithm.trim().to_ascii_lowercase().as_str(),
        "" | "sha1" | "sha256"
    ) {
        say.push("The algorithm is sha1 or sha256.".into());
    }
}

/// What is wrong with `text` as `access_filters` (a JSON object, `{}` when
/// unused), as "not valid JSON (…)" or "JSON but not an object (…)", with
/// how to write it.
pub fn access_filters_problem(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let example = r#"write it like {"model": {"view.field": "value"}}, or leave it empty for {}"#;
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(_)) => None,
        Ok(other) => Some(format!(
            "JSON but not an object (it is {}); {example}",
            json_kind(&other)
        )),
        Err(e) => Some(format!(
            "not valid JSON (the text breaks at line {}, column {}); {example}",
            e.line(),
            e.column()
        )),
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The content's address a received URL opens: its host and decoded embed URL.
pub fn embed_path(embed: &Embed) -> String {
    let base = &embed.url.base;
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let host = rest.split('/').next().unwrap_or_default();
    let escaped = rest
        .find(LOGIN_PATH)
        .map_or("", |at| &rest[at + LOGIN_PATH.len()..]);
    let decoded = decode_component(escaped, false).unwrap_or_else(|_| escaped.to_owned());
    format!("{scheme}://{host}{decoded}")
}

/// The form a received Looker URL reads back into.
pub fn from_url(embed: &Embed, form: &mut SignForm) {
    let url = &embed.url;
    let strings = |name: &str| match json(url, name) {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    form.external_user_id = embed.facts.external_user_id.clone().unwrap_or_default();
    form.permissions = strings("permissions");
    form.models = strings("models");
    form.group_ids = match json(url, "group_ids") {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_u64).collect(),
        _ => Vec::new(),
    };
    form.external_group_id = json_text(url, "external_group_id")
        .filter(|g| g != "null")
        .unwrap_or_default();
    form.user_attributes = embed
        .facts
        .user_attributes
        .iter()
        .map(|(name, values)| (name.clone(), values.join(",")))
        .collect();
    form.access_filters = json(url, "access_filters").map_or_else(String::new, |v| v.to_string());
    form.first_name = embed.facts.first_name.clone().unwrap_or_default();
    form.last_name = embed.facts.last_name.clone().unwrap_or_default();
    form.user_timezone = json_text(url, "user_timezone")
        .filter(|z| z != "null")
        .unwrap_or_default();
    form.force_logout_login = url
        .first("force_logout_login")
        .and_then(|p| p.value.trim().parse().ok());
    form.session_length = url
        .first("session_length")
        .and_then(|p| p.value.trim().parse().ok())
        .unwrap_or_default();
}
