//! A second toy scheme, registered only in the conformance tests, whose
//! embeds break every assumption of a query URL: the signed material is a
//! token in the URL's path, the fragment holds appearance options the
//! server never sees, there is no nonce and no single use, the token
//! carries only its expiry (with a minute's leeway past it), and nobody is
//! named. If the shared code still assumed a query with a nonce, used once,
//! this scheme would fail the suite.
//!
//! Its URL: `https://toy-path.example/toy-embed/board/<JWT>#bordered=true`,
//! the JWT HS256 over `{"toy":{"board":ID},"exp":T}` (Metabase's shape
//! under other names, so the two are told apart by their own marks).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use embed_core::catalogue::ParamSpec;
use embed_core::error::{Error, Result};
use embed_core::facts::EmbedFacts;
use embed_core::form::{Environment, FormBasis, SignForm};
use embed_core::form_layout::{FormSection, Layout, ProfileFields};
use embed_core::mac::hmac_sha256;
use embed_core::model::capabilities::{Capabilities, Carrier, KeyShape, UserIdentity};
use embed_core::model::embed::Embed;
use embed_core::model::embedding::Embedding;
use embed_core::model::judging::Judge;
use embed_core::model::scenario::{Built, NotBuilt, ScenarioId};
use embed_core::model::snippet::{Language, Value};
use embed_core::policy::Policy;
use embed_core::query::{ParsedUrl, RawParam};
use embed_core::request::{EmbedRequest, SignRequest};
use embed_core::signature::SignatureCheck;
use embed_core::spec::breaking::Breaking;
use embed_core::spec::{Likeness, SchemeSpec};
use embed_core::verdict::{Reason, Wording};
use embed_core::{Scheme, Secret};

/// The path toy's scheme id.
pub const TOY_PATH: Scheme = Scheme::declare("toy-path");
const ORIGIN: &str = "https://toy-path.example";
const TOKEN_AT: &str = "/toy-embed/board/";
const VALIDITY: u64 = 600;
const LEEWAY: u64 = 60;
const FRAGMENT: &str = "bordered=true";

/// A path toy request: which dashboard, on which site, until when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToyPathRequest {
    site: String,
    dashboard: String,
    time: u64,
}

fn part(json: &serde_json::Value) -> String {
    URL_SAFE_NO_PAD.encode(json.to_string())
}

impl SignRequest for ToyPathRequest {
    fn scheme(&self) -> Scheme {
        TOY_PATH
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        let header = part(&serde_json::json!({"alg": "HS256", "typ": "JWT"}));
        let claims = part(&serde_json::json!({
            // A numeric id as a number, an entity id as a string.
            "toy": {"board": self.dashboard.parse::<u64>().map_or_else(
                |_| serde_json::json!(self.dashboard),
                |n| serde_json::json!(n),
            )},
            "exp": self.time + VALIDITY,
        }));
        let signed = format!("{header}.{claims}");
        let signature = URL_SAFE_NO_PAD.encode(hmac_sha256(secret, signed.as_bytes()));
        Ok(format!(
            "{}{TOKEN_AT}{signed}.{signature}#{FRAGMENT}",
            self.site
        ))
    }
    fn embedding(&self, secret: &Secret) -> Result<Embedding> {
        let url = self.sign(secret)?;
        let token = url
            .split_once(TOKEN_AT)
            .and_then(|(_, rest)| rest.split('#').next())
            .map(str::to_owned);
        Ok(Embedding::in_iframe(url, token))
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        None
    }
    fn time(&self) -> Option<u64> {
        Some(self.time)
    }
    fn set_time(&mut self, time: u64) {
        self.time = time;
    }
    fn validity(&self) -> u64 {
        VALIDITY
    }
}

/// The token in `url`'s path where this scheme puts it, or pasted alone.
fn token(url: &ParsedUrl) -> Option<&str> {
    let in_path = url
        .base
        .split_once(TOKEN_AT)
        .map(|(_, token)| token)
        .filter(|token| !token.is_empty() && !token.contains('/'));
    in_path.or(url.token.as_deref())
}

/// The dashboard a token names.
fn dashboard(url: &ParsedUrl) -> Option<String> {
    let claims = embed_core::jwt::decode(token(url)?).ok()?.claims;
    match claims.get("toy")?.get("board")? {
        serde_json::Value::String(id) => Some(id.clone()),
        id => id.as_u64().map(|n| n.to_string()),
    }
}

fn origin(url: &ParsedUrl) -> String {
    url.base
        .split_once(TOKEN_AT)
        .map_or_else(String::new, |(site, _)| site.to_owned())
}

static TABLES: [&[ParamSpec]; 0] = [];

fn profile() -> ProfileFields {
    ProfileFields {
        path_label: "Dashboard URL".into(),
        path_placeholder: format!("{ORIGIN}/board/7"),
        client_id_label: None,
    }
}

fn sections() -> Vec<FormSection> {
    Vec::new()
}

fn defaults() -> SignForm {
    SignForm::default()
}

static LAYOUT: Layout = Layout {
    profile,
    sections,
    defaults,
};

/// The path toy scheme.
pub struct ToyPath;

impl SchemeSpec for ToyPath {
    fn scheme(&self) -> Scheme {
        TOY_PATH
    }
    fn id(&self) -> &'static str {
        "toy-path"
    }
    fn label(&self) -> &'static str {
        "Toy token in the path"
    }
    fn vendor(&self) -> &'static str {
        "Toy path"
    }
    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        // Its tokens name what they embed in `toy`.
        let names_a_resource = token(url)
            .and_then(|t| embed_core::jwt::decode(t).ok())
            .is_some_and(|j| j.claims.get("toy").is_some());
        Likeness::of(names_a_resource, url.base.starts_with(ORIGIN))
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        let Some(token) = token(url) else {
            return Err(Error::MalformedJwt {
                reason: "the path carries no token".into(),
            });
        };
        let jwt = embed_core::jwt::decode(token)?;
        Ok(EmbedFacts {
            expires_at: jwt.claim_u64("exp"),
            jwt: Some(jwt),
            ..EmbedFacts::default()
        })
    }
    fn check_signature(
        &self,
        url: &ParsedUrl,
        _: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck {
        token(url).map_or(SignatureCheck::Missing, |t| {
            embed_core::jwt::check_hs256(t, judge.secret)
        })
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities {
            carrier: Carrier::PathToken,
            nonce: None,
            single_use: false,
            issue_time: false,
            expiry_leeway: LEEWAY,
            param_order_signed: false,
            fragment: Some("appearance options (bordered, titled, theme)"),
            identity: UserIdentity::None,
            key: KeyShape::Secret,
        }
    }
    fn refusal_text(&self, _: Reason) -> (&'static str, Wording, Option<&'static str>) {
        ("The path toy refuses this embed.", Wording::Product, None)
    }
    fn signature_param(&self) -> Option<&'static str> {
        None
    }
    fn nonce_param(&self) -> Option<&'static str> {
        None
    }
    fn is_signed(&self, _: &ParsedUrl, _: &RawParam) -> bool {
        false
    }
    fn signs(&self, _: &str) -> bool {
        false
    }
    fn signs_base(&self) -> bool {
        false
    }
    fn user_by_email(&self) -> bool {
        false
    }
    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &TABLES
    }
    fn embed_id(&self, _: &str) -> Option<String> {
        None
    }
    fn embed_id_in(&self, url: &ParsedUrl) -> Option<String> {
        dashboard(url)
    }
    fn path_hint(&self) -> &'static str {
        "/toy-embed/board/<token>"
    }
    fn scenario(&self, b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
        let Some(r) = request.get_mut::<ToyPathRequest>() else {
            return Err(NotBuilt::NotApplicable("not a path toy request"));
        };
        match b.id {
            ScenarioId::UNKNOWN_EMBED => {
                r.dashboard = embed_core::scenario::MISSING_EMBED_ID.into();
                Ok(b.unknown_embed(r.sign(b.base.secret)?))
            }
            _ => Err(NotBuilt::NotApplicable(
                "the path toy breaks only a few things",
            )),
        }
    }
    fn snippet_values<'a>(&self, _: &'a EmbedRequest, _: bool) -> Vec<(&'static str, Value<'a>)> {
        Vec::new()
    }
    fn snippet_template(&self, _: Language) -> &'static str {
        ""
    }
    fn form_request(&self, env: &Environment, _: &SignForm, basis: FormBasis) -> EmbedRequest {
        let (site, id) = env
            .embed_path
            .rsplit_once("/board/")
            .unwrap_or((env.embed_path.as_str(), ""));
        EmbedRequest::new(ToyPathRequest {
            site: site.to_owned(),
            dashboard: id.to_owned(),
            time: basis.time,
        })
    }
    fn form_issues(&self, _: &SignForm, _: &Policy, _: &mut Vec<String>) {}
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form.time = embed.facts.expires_at.map(|exp| exp - VALIDITY);
    }
    fn embed_path_of(&self, embed: &Embed) -> String {
        format!(
            "{}/board/{}",
            origin(&embed.url),
            dashboard(&embed.url).unwrap_or_default()
        )
    }
    fn layout(&self) -> &'static Layout {
        &LAYOUT
    }
}

/// Registers the path toy (once; later calls change nothing).
pub fn register() {
    embed_core::schemes::register(&ToyPath);
}
