//! The Metabase form: the request it signs, what Metabase would refuse in
//! it, and the form a received embed reads back into. The environment's
//! embed path is the object's address on the Metabase site, as its address
//! bar shows it (`https://metabase.example.com/dashboard/1-sales`): the
//! site, the resource and its id are taken from it.

use serde_json::Value;

use super::read::{decoded, named};
use super::sign::{Expiry, MetabaseRequest, Resource};
use crate::form::{named as named_rows, Environment, FormBasis, SignForm};
use crate::form_layout::FormKey;
use crate::model::embed::Embed;
use crate::request::EmbedRequest;

/// The appearance rows (the URL's hash), a field of this scheme's own.
pub const APPEARANCE: FormKey = FormKey::declare("appearance");
/// The `exp` Metabase's own snippet sets: ten minutes.
pub const DEFAULT_TTL: u64 = 600;

/// The site, resource and id of an embed path; `None` when it names neither
/// a dashboard nor a question.
pub fn split_embed_path(embed_path: &str) -> Option<(String, Resource, String)> {
    let path = embed_path.trim().trim_end_matches('/');
    let (site, resource, rest) = ["/dashboard/", "/question/"]
        .into_iter()
        .filter_map(|marker| {
            let at = path.rfind(marker)?;
            let resource = Resource::from_word(marker.trim_matches('/'))?;
            Some((&path[..at], resource, &path[at + marker.len()..]))
        })
        .max_by_key(|(site, _, _)| site.len())?;
    let segment = rest.split('/').next().unwrap_or_default();
    // Metabase's addresses add a slug to a numeric id: 1-sales-overview.
    let digits: String = segment.chars().take_while(char::is_ascii_digit).collect();
    let id = if !digits.is_empty()
        && (segment.len() == digits.len() || segment[digits.len()..].starts_with('-'))
    {
        digits
    } else {
        segment.to_owned()
    };
    (!id.is_empty()).then(|| (site.to_owned(), resource, id))
}

/// A parameter row's value as JSON (text that is not JSON is sent as a string);
/// `to_string` gives its compact text.
pub fn json_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::from(text))
}

/// The request `form` describes.
pub fn request(env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
    let (site_url, resource, id) = split_embed_path(&env.embed_path)
        .unwrap_or_else(|| (env.embed_path.clone(), Resource::Dashboard, String::new()));
    EmbedRequest::new(MetabaseRequest {
        site_url,
        resource,
        id,
        params: named_rows(&form.params)
            .into_iter()
            .map(|(slug, value)| (slug, json_value(&value).to_string()))
            .collect(),
        expiry: match form.session_length {
            0 => Expiry::Never,
            ttl => Expiry::Ttl(ttl),
        },
        time: basis.time,
        appearance: named_rows(
            &form
                .extra::<Vec<(String, String)>>(APPEARANCE.name())
                .unwrap_or_default(),
        ),
        guest: false,
    })
}

/// What Metabase would refuse in `form`, or what it would read otherwise
/// than meant, one sentence each.
pub fn issues(form: &SignForm, issues: &mut Vec<String>) {
    for (slug, value) in named_rows(&form.params) {
        if serde_json::from_str::<Value>(&value).is_err() {
            issues.push(format!(
                "The value of {slug} is not JSON, so it is sent as the string {}. Write it as JSON (\"West\", [\"West\",\"East\"], 42) to say what you mean.",
                Value::from(value.as_str())
            ));
        }
    }
}

/// The form `embed` reads back into: its locked parameters, appearance and
/// a ten-minute `exp` (the signing time is not in the token).
pub fn from_url(embed: &Embed, form: &mut SignForm) {
    let jwt = decoded(&embed.url);
    form.params = jwt
        .as_ref()
        .and_then(|j| j.claims.get("params")?.as_object().cloned())
        .map(|params| {
            params
                .into_iter()
                .map(|(k, v)| (k, v.to_string()))
                .collect()
        })
        .unwrap_or_default();
    form.session_length = match embed.facts.expires_at {
        Some(_) => DEFAULT_TTL,
        None => 0,
    };
    form.time = embed
        .facts
        .expires_at
        .map(|exp| exp.saturating_sub(DEFAULT_TTL));
    let appearance: Vec<(String, String)> = embed
        .url
        .fragment
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_owned(), v.to_owned())
        })
        .collect();
    form.set_extra(APPEARANCE.name(), appearance);
}

/// The object's address a received embed names.
pub fn embed_path(embed: &Embed) -> String {
    let site = embed
        .url
        .base
        .split_once("/embed/")
        .map_or("", |(site, _)| site);
    let (resource, id) = decoded(&embed.url)
        .as_ref()
        .and_then(named)
        .unwrap_or((Resource::Dashboard, String::new()));
    format!("{site}/{}/{id}", resource.word())
}

/// Whether `embed_path` names a dashboard or a question.
pub fn embed_path_issue(embed_path: &str) -> Option<String> {
    split_embed_path(embed_path).is_none().then(|| {
        format!("{embed_path} names no dashboard or question: copy the address Metabase shows for it (like https://metabase.example.com/dashboard/1)")
    })
}
