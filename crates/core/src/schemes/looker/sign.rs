//! Builds a Looker signed embed URL the way Looker's `node_example.js`
//! does: every value is JSON text (compact), escaped with
//! `encodeURIComponent`; the signed parameters in signing order, the
//! unsigned ones after them, the signature last.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{LOGIN_PATH, SIGNATURE_PARAM};
use crate::encoding::push_uri_component;
use crate::error::{Error, Result};
use crate::mac::{hmac_sha1, hmac_sha256};
use crate::secret::Secret;

/// The HMAC a Looker embed secret signs with.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// HMAC-SHA1: secrets made in Admin > Embed.
    #[default]
    Sha1,
    /// HMAC-SHA256: the default of secrets made with the `create_embed_secret`
    /// API (that it signs the same string is unconfirmed).
    Sha256,
}

impl Algorithm {
    /// The name used on the command line and in settings.
    pub fn id(self) -> &'static str {
        match self {
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha256 => "sha256",
        }
    }

    /// The other algorithm (to name a mismatch).
    pub fn other(self) -> Algorithm {
        match self {
            Algorithm::Sha1 => Algorithm::Sha256,
            Algorithm::Sha256 => Algorithm::Sha1,
        }
    }

    /// The Base64 tag of `message` under `secret`.
    pub fn tag(self, secret: &Secret, message: &[u8]) -> String {
        match self {
            Algorithm::Sha1 => STANDARD.encode(hmac_sha1(secret, message)),
            Algorithm::Sha256 => STANDARD.encode(hmac_sha256(secret, message)),
        }
    }
}

/// Everything a Looker signed embed URL carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookerRequest {
    /// The Looker host as `host[:port]`, or with its scheme
    /// (`http://127.0.0.1:8711`; the scheme is not signed, `https` by default).
    pub host: String,
    /// The content to open, e.g. `/embed/dashboards/3` (with any query).
    pub embed_url: String,
    /// Single-use value, sent as a JSON string.
    pub nonce: String,
    /// Signing time, Unix seconds.
    pub time: u64,
    /// Session length in seconds (at most 2592000).
    pub session_length: u64,
    /// Your application's id for the user (a JSON string).
    pub external_user_id: String,
    /// Looker permissions (`access_data`, `see_user_dashboards`, ...).
    pub permissions: Vec<String>,
    /// Model names the user may query.
    pub models: Vec<String>,
    /// Looker group ids (sent and signed only when not empty).
    pub group_ids: Vec<u64>,
    /// Your application's group id (sent and signed only when set).
    pub external_group_id: Option<String>,
    /// User attributes, in order (sent and signed only when not empty).
    pub user_attributes: Vec<(String, String)>,
    /// Access filters as JSON text (deprecated but always signed; `{}` when unused).
    pub access_filters: String,
    /// First name (unsigned).
    pub first_name: Option<String>,
    /// Last name (unsigned).
    pub last_name: Option<String>,
    /// Time zone (unsigned), e.g. `Europe/Berlin`.
    pub user_timezone: Option<String>,
    /// Whether to log out any user already signed in (unsigned; Looker's default is true).
    pub force_logout_login: Option<bool>,
    /// The HMAC the secret signs with.
    pub algorithm: Algorithm,
}

impl LookerRequest {
    /// The host as signed (no scheme) and the scheme to print.
    pub fn host_and_scheme(&self) -> (&str, &str) {
        for scheme in ["https", "http"] {
            if let Some(rest) = self
                .host
                .strip_prefix(scheme)
                .and_then(|r| r.strip_prefix("://"))
            {
                return (rest.trim_end_matches('/'), scheme);
            }
        }
        (self.host.trim_end_matches('/'), "https")
    }

    /// The signed path: `/login/embed/` and the embed URL, escaped.
    pub fn path(&self) -> String {
        let mut path = String::with_capacity(LOGIN_PATH.len() + self.embed_url.len() * 2);
        path.push_str(LOGIN_PATH);
        push_uri_component(&mut path, &self.embed_url);
        path
    }

    /// Every parameter as `(name, JSON text)`, in the order sent, signed ones first.
    pub fn params(&self) -> Result<Vec<(&'static str, String)>> {
        let json = |v: Value| v.to_string();
        let strings = |items: &[String]| json(Value::from(items.to_vec()));
        if let Some(problem) = super::form::access_filters_problem(&self.access_filters) {
            return Err(Error::BadField {
                field: "access_filters".into(),
                reason: problem,
            });
        }
        let access_filters: Map<String, Value> = match self.access_filters.trim() {
            "" => Map::new(),
            text => serde_json::from_str(text).unwrap_or_default(),
        };
        let mut params = vec![
            ("nonce", json(Value::from(self.nonce.as_str()))),
            ("time", self.time.to_string()),
            ("session_length", self.session_length.to_string()),
            (
                "external_user_id",
                json(Value::from(self.external_user_id.as_str())),
            ),
            ("permissions", strings(&self.permissions)),
            ("models", strings(&self.models)),
        ];
        if !self.group_ids.is_empty() {
            params.push(("group_ids", json(Value::from(self.group_ids.clone()))));
        }
        if let Some(group) = &self.external_group_id {
            params.push(("external_group_id", json(Value::from(group.as_str()))));
        }
        if !self.user_attributes.is_empty() {
            let attributes: Map<String, Value> = self
                .user_attributes
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect();
            params.push(("user_attributes", json(Value::Object(attributes))));
        }
        params.push(("access_filters", json(Value::Object(access_filters))));
        let text = |v: &Option<String>| v.as_deref().map(|s| json(Value::from(s)));
        for (name, value) in [
            ("first_name", text(&self.first_name)),
            ("last_name", text(&self.last_name)),
            ("user_timezone", text(&self.user_timezone)),
            (
                "force_logout_login",
                self.force_logout_login.map(|b| b.to_string()),
            ),
        ] {
            if let Some(value) = value {
                params.push((name, value));
            }
        }
        Ok(params)
    }
}

/// The text Looker signs: host, path, then the signed values one per line
/// (group ids, external group id and user attributes only when present).
pub fn string_to_sign(host: &str, path: &str, signed_values: &[&str]) -> String {
    let mut text = String::with_capacity(host.len() + path.len() + 256);
    text.push_str(host);
    text.push('\n');
    text.push_str(path);
    for value in signed_values {
        text.push('\n');
        text.push_str(value);
    }
    text
}

/// Signs `request`: `https://HOST/login/embed/<escaped>?…&signature=<escaped Base64>`.
pub fn sign(request: &LookerRequest, secret: &Secret) -> Result<String> {
    let (host, scheme) = request.host_and_scheme();
    if host.is_empty() || host.contains(['/', '?', '#', ' ']) {
        return Err(Error::BadField {
            field: "host".into(),
            reason: format!("{host:?} is not a Looker host like acme.looker.com or 127.0.0.1:8711"),
        });
    }
    if !request.embed_url.starts_with('/') {
        return Err(Error::BadField {
            field: "embed URL".into(),
            reason: format!(
                "{:?} must be a path such as /embed/dashboards/3",
                request.embed_url
            ),
        });
    }
    let path = request.path();
    let params = request.params()?;
    let signed: Vec<&str> = params
        .iter()
        .filter(|(name, _)| super::SIGNED_LINES.contains(name))
        .map(|(_, value)| value.as_str())
        .collect();
    let tag = request
        .algorithm
        .tag(secret, string_to_sign(host, &path, &signed).as_bytes());
    let mut url = format!("{scheme}://{host}{path}?");
    for (name, value) in &params {
        url.push_str(name);
        url.push('=');
        push_uri_component(&mut url, value);
        url.push('&');
    }
    url.push_str(SIGNATURE_PARAM);
    url.push('=');
    push_uri_component(&mut url, &tag);
    Ok(url)
}
