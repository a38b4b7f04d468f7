//! A third toy scheme, registered only in the conformance tests, whose
//! token is not a URL at all: it is handed to a web component beside the
//! view's URL, `<toy-viz src="https://toy-viz.example/views/Book/Sheet"
//! token="JWT"></toy-viz>`. The JWT (HS256) names the user by a user name
//! (`sub`), carries a single-use id (`jti`), the scopes it grants (`scp`,
//! a form field the scheme declares for itself, not one of the shared
//! form's) and only its expiry. Signing gives that element; inspect,
//! verify, diff and redaction read it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use embed_core::catalogue::ParamSpec;
use embed_core::error::{Error, Result};
use embed_core::facts::EmbedFacts;
use embed_core::form::{Environment, FormBasis, SignForm};
use embed_core::form_layout::{Control, FormInput, FormKey, FormSection, Layout, ProfileFields};
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

/// The component toy's scheme id.
pub const TOY_VIZ: Scheme = Scheme::declare("toy-viz");
const ELEMENT: &str = "toy-viz";
const AUDIENCE: &str = "toy-viz";
const VALIDITY: u64 = 300;

/// A component toy request: which view, for whom, with which token id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToyVizRequest {
    view: String,
    user: String,
    jti: String,
    scopes: Vec<String>,
    time: u64,
    /// Claims to change after signing (a tampered token).
    tamper: bool,
}

fn part(json: &serde_json::Value) -> String {
    URL_SAFE_NO_PAD.encode(json.to_string())
}

impl ToyVizRequest {
    fn token(&self, secret: &Secret) -> String {
        let header = part(&serde_json::json!({"alg": "HS256", "typ": "JWT"}));
        let claims = serde_json::json!({
            "aud": AUDIENCE,
            "sub": self.user,
            "jti": self.jti,
            "scp": self.scopes,
            "exp": self.time + VALIDITY,
        });
        let signed = format!("{header}.{}", part(&claims));
        let signature = URL_SAFE_NO_PAD.encode(hmac_sha256(secret, signed.as_bytes()));
        if self.tamper {
            let mut changed = claims;
            changed["sub"] = serde_json::json!("admin");
            return format!("{header}.{}.{signature}", part(&changed));
        }
        format!("{signed}.{signature}")
    }
}

impl SignRequest for ToyVizRequest {
    fn scheme(&self) -> Scheme {
        TOY_VIZ
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        Ok(self.embedding(secret)?.markup)
    }
    fn embedding(&self, secret: &Secret) -> Result<Embedding> {
        Ok(Embedding::in_component(
            ELEMENT,
            Some(self.view.clone()),
            self.token(secret),
            &[],
        ))
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.jti)
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

fn claims(url: &ParsedUrl) -> Option<embed_core::jwt::DecodedJwt> {
    embed_core::jwt::decode(url.token.as_deref()?).ok()
}

static TABLES: [&[ParamSpec]; 0] = [];

fn profile() -> ProfileFields {
    ProfileFields {
        path_label: "View URL".into(),
        path_placeholder: "https://toy-viz.example/views/Book/Sheet".into(),
        client_id_label: None,
    }
}

/// The scopes field: the toy's own, kept in the form's `extra`.
const SCOPES: FormKey = FormKey::declare("scopes");

fn sections() -> Vec<FormSection> {
    vec![FormSection::open(
        "Access",
        vec![FormInput::new(
            SCOPES,
            "Scopes",
            "toy-scopes",
            Control::Chips {
                item: "scope".into(),
                suggestions: vec!["toy:view".into(), "toy:edit".into()],
                demo_suggestions: Vec::new(),
                numbers: false,
            },
        )],
    )]
}

fn defaults() -> SignForm {
    let mut form = SignForm {
        external_user_id: "ann".into(),
        ..SignForm::default()
    };
    form.set_extra(SCOPES.name(), ["toy:view"]);
    form
}

static LAYOUT: Layout = Layout {
    profile,
    sections,
    defaults,
};

/// The component toy scheme.
pub struct ToyViz;

impl SchemeSpec for ToyViz {
    fn scheme(&self) -> Scheme {
        TOY_VIZ
    }
    fn id(&self) -> &'static str {
        "toy-viz"
    }
    fn label(&self) -> &'static str {
        "Toy token for a web component"
    }
    fn vendor(&self) -> &'static str {
        "Toy viz"
    }
    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        Likeness::of(
            claims(url).is_some_and(|j| j.claim_str("aud") == Some(AUDIENCE)),
            url.base.starts_with("https://toy-viz.example/views/"),
        )
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        let jwt = claims(url).ok_or_else(|| Error::MalformedJwt {
            reason: "the element carries no readable token".into(),
        })?;
        Ok(EmbedFacts {
            external_user_id: jwt.claim_str("sub").map(str::to_owned),
            nonce: jwt.claim_str("jti").map(str::to_owned),
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
        url.token.as_deref().map_or(SignatureCheck::Missing, |t| {
            embed_core::jwt::check_hs256(t, judge.secret)
        })
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities {
            carrier: Carrier::ComponentToken,
            nonce: Some("jti"),
            single_use: true,
            issue_time: false,
            expiry_leeway: 0,
            param_order_signed: false,
            fragment: None,
            identity: UserIdentity::Username,
            key: KeyShape::Secret,
        }
    }
    fn refusal_text(&self, _: Reason) -> (&'static str, Wording, Option<&'static str>) {
        (
            "The component toy refuses this embed.",
            Wording::Product,
            None,
        )
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
    fn embed_id(&self, base: &str) -> Option<String> {
        embed_core::spec::segment_after(base, "views")
    }
    fn path_hint(&self) -> &'static str {
        "<toy-viz src=\"/views/<workbook>/<view>\" token=…>"
    }
    fn scenario(&self, b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
        let Some(r) = request.get_mut::<ToyVizRequest>() else {
            return Err(NotBuilt::NotApplicable("not a component toy request"));
        };
        match b.id {
            ScenarioId::TAMPERED_AFTER_SIGNING => {
                r.tamper = true;
                Ok(b.built(
                    "the user changed to admin after signing".into(),
                    r.sign(b.base.secret)?,
                    b.refused(Reason::InvalidSignature),
                ))
            }
            _ => Err(NotBuilt::NotApplicable(
                "the component toy breaks only a few things",
            )),
        }
    }
    fn snippet_values<'a>(&self, _: &'a EmbedRequest, _: bool) -> Vec<(&'static str, Value<'a>)> {
        Vec::new()
    }
    fn snippet_template(&self, _: Language) -> &'static str {
        ""
    }
    fn form_request(&self, env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
        EmbedRequest::new(ToyVizRequest {
            view: env.embed_path.clone(),
            user: form.external_user_id.clone(),
            jti: basis.nonce,
            scopes: form.extra(SCOPES.name()).unwrap_or_default(),
            time: basis.time,
            tamper: false,
        })
    }
    fn form_issues(&self, form: &SignForm, _: &Policy, issues: &mut Vec<String>) {
        if form.external_user_id.trim().is_empty() {
            issues.push("The component toy needs a user name.".into());
        }
        if form
            .extra::<Vec<String>>(SCOPES.name())
            .is_none_or(|s| s.is_empty())
        {
            issues.push("The component toy needs at least one scope.".into());
        }
    }
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form.external_user_id = embed.facts.external_user_id.clone().unwrap_or_default();
        form.nonce = embed.facts.nonce.clone().unwrap_or_default();
        form.time = embed.facts.expires_at.map(|exp| exp - VALIDITY);
        if let Some(scopes) = embed.facts.jwt.as_ref().and_then(|j| j.claims.get("scp")) {
            form.set_extra(SCOPES.name(), scopes);
        }
    }
    fn layout(&self) -> &'static Layout {
        &LAYOUT
    }
}

/// Registers the component toy (once; later calls change nothing).
pub fn register() {
    embed_core::schemes::register(&ToyViz);
}
