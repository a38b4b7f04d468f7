//! Signing a Metabase static ("guest") embed (vendors.md §6): an HS256 JWT
//! over `{"resource": {"dashboard": ID} | {"question": ID}, "params": {...},
//! "exp": T}` under the embedding secret *as text*, with the header
//! `{"alg":"HS256","typ":"JWT"}` (what `jsonwebtoken` writes), carried in
//! the iframe URL `<site>/embed/dashboard/<token>#bordered=true&titled=true`
//! or handed to `<metabase-dashboard token=…>` (the guest embed, §6.1).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{Map, Value};

use crate::error::Result;
use crate::mac::hmac_sha256;
use crate::model::embedding::Embedding;
use crate::secret::Secret;

/// What the token embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resource {
    /// A dashboard.
    #[default]
    Dashboard,
    /// A question (a saved card).
    Question,
}

impl Resource {
    /// Its word in the path and in the `resource` claim.
    pub fn word(self) -> &'static str {
        match self {
            Resource::Dashboard => "dashboard",
            Resource::Question => "question",
        }
    }

    /// The resource named `word`.
    pub fn from_word(word: &str) -> Option<Resource> {
        match word {
            "dashboard" => Some(Resource::Dashboard),
            "question" => Some(Resource::Question),
            _ => None,
        }
    }

    /// The guest embed's element.
    pub fn element(self) -> &'static str {
        match self {
            Resource::Dashboard => "metabase-dashboard",
            Resource::Question => "metabase-question",
        }
    }
}

/// When the token stops being valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// `exp` = signing time + these seconds (Metabase's snippet: 600).
    Ttl(u64),
    /// `exp` at this Unix time.
    At(u64),
    /// No `exp`: the token never expires (Metabase's Django and Rails samples).
    Never,
}

/// A Metabase embed request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetabaseRequest {
    /// The Metabase site: `https://metabase.example.com`.
    pub site_url: String,
    /// Dashboard or question.
    pub resource: Resource,
    /// Its id: a positive integer, or an entity id.
    pub id: String,
    /// The locked parameters, by slug, each value compact JSON text
    /// (`"West"`, `["West","East"]`).
    pub params: Vec<(String, String)>,
    /// When it expires.
    pub expiry: Expiry,
    /// Signing time, Unix seconds.
    pub time: u64,
    /// The iframe URL's hash options (`bordered`, `titled`, `theme`, …), unsigned.
    pub appearance: Vec<(String, String)>,
    /// Hand over the guest embed's markup instead of the iframe URL.
    pub guest: bool,
}

/// The header every token carries, as `jsonwebtoken` writes it.
pub const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// `id` as the claim holds it: a number when it is one, else the entity id.
pub fn id_value(id: &str) -> Value {
    match id.parse::<u64>() {
        Ok(n) if !id.starts_with('0') || id == "0" => Value::from(n),
        _ => Value::from(id),
    }
}

/// The token's claims, in the order Metabase's samples write them.
pub fn claims(r: &MetabaseRequest) -> Value {
    let mut resource = Map::new();
    resource.insert(r.resource.word().into(), id_value(&r.id));
    let mut claims = Map::new();
    claims.insert("resource".into(), Value::Object(resource));
    let params: Map<String, Value> = r
        .params
        .iter()
        .map(|(slug, json)| {
            let value = serde_json::from_str(json).unwrap_or_else(|_| Value::from(json.as_str()));
            (slug.clone(), value)
        })
        .collect();
    claims.insert("params".into(), Value::Object(params));
    if let Some(exp) = exp(r) {
        claims.insert("exp".into(), Value::from(exp));
    }
    Value::Object(claims)
}

/// The `exp` claim, if any.
pub fn exp(r: &MetabaseRequest) -> Option<u64> {
    match r.expiry {
        Expiry::Ttl(ttl) => Some(r.time.saturating_add(ttl)),
        Expiry::At(at) => Some(at),
        Expiry::Never => None,
    }
}

/// A compact JWS of `header` and `claims` (JSON texts), HS256 under `secret`.
pub fn encode(header: &str, claims: &str, secret: &Secret) -> String {
    let signed = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(claims)
    );
    let signature = URL_SAFE_NO_PAD.encode(hmac_sha256(secret, signed.as_bytes()));
    format!("{signed}.{signature}")
}

/// The signed token.
pub fn token(r: &MetabaseRequest, secret: &Secret) -> String {
    encode(HEADER, &claims(r).to_string(), secret)
}

/// The iframe URL for `token`.
pub fn iframe_url(r: &MetabaseRequest, token: &str) -> String {
    let site = r.site_url.trim_end_matches('/');
    let mut url = format!("{site}/embed/{}/{token}", r.resource.word());
    if !r.appearance.is_empty() {
        url.push('#');
        let hash: Vec<String> = r
            .appearance
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        url.push_str(&hash.join("&"));
    }
    url
}

/// The guest embed's markup for `token` (§6.1): Metabase's script, its
/// configuration, and the element.
pub fn guest_markup(r: &MetabaseRequest, token: &str) -> String {
    let site = r.site_url.trim_end_matches('/');
    let with_title = r
        .appearance
        .iter()
        .find(|(k, _)| k == "titled")
        .map_or("true", |(_, v)| v.as_str());
    let element = crate::html::element(
        r.resource.element(),
        &[("token", token), ("with-title", with_title)],
    );
    // The site URL as a JavaScript string literal (JSON's rules, `<` escaped
    // so nothing can end the script).
    let instance = Value::from(site).to_string().replace('<', "\\u003c");
    format!(
        "<script defer src=\"{}/app/embed.js\"></script>\n<script>\n  window.metabaseConfig = {{ isGuest: true, instanceUrl: {instance} }};\n</script>\n{element}",
        crate::html::escape_attribute(site)
    )
}

/// The embedding: the iframe URL and its token, or the guest markup.
pub fn embedding(r: &MetabaseRequest, secret: &Secret) -> Result<Embedding> {
    crate::base_url::check("site URL", &r.site_url)?;
    let token = token(r, secret);
    Ok(if r.guest {
        Embedding {
            url: None,
            markup: guest_markup(r, &token),
            element: r.resource.element().into(),
            token: Some(token),
        }
    } else {
        Embedding::in_iframe(iframe_url(r, &token), Some(token))
    })
}

/// The signed embed as one artifact: the iframe URL, or the guest markup.
pub fn sign(r: &MetabaseRequest, secret: &Secret) -> Result<String> {
    let embedding = embedding(r, secret)?;
    Ok(match embedding.url {
        Some(url) => url,
        None => embedding.markup,
    })
}
