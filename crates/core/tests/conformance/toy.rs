//! A toy scheme, registered only in the conformance tests: proof that a new
//! kind of embed needs nothing but its own code and one `register` call.
//! It lives outside the core (only the core's public API), names no shared
//! enum variant, and the suite runs it like every built-in scheme.
//!
//! Its URL: `https://toy.example/embed/<id>?toy_nonce=N&toy_user=EMAIL&toy_time=T&toy_sig=HEX`,
//! where HEX is the lower-case hex HMAC-SHA256 of everything before `&toy_sig=`
//! under the secret, and the URL is good for five minutes after `toy_time`.

use embed_core::catalogue::{req, Allowed, ParamSpec};
use embed_core::error::Result;
use embed_core::facts::EmbedFacts;
use embed_core::form::{Environment, FormBasis, SignForm};
use embed_core::form_layout::{email_input, FormSection, Layout, ProfileFields};
use embed_core::mac::{hmac_sha256, tags_equal};
use embed_core::model::embed::Embed;
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

/// The toy's scheme id.
pub const TOY: Scheme = Scheme::declare("toy");
const SIGNATURE: &str = "toy_sig";
const NONCE: &str = "toy_nonce";
const VALIDITY: u64 = 300;

/// A toy request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToyRequest {
    embed_path: String,
    nonce: String,
    user: String,
    time: u64,
}

fn tag(secret: &Secret, message: &str) -> String {
    hmac_sha256(secret, message.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn encode(value: &str) -> String {
    embed_core::encoding::encode_value(value).into_owned()
}

impl SignRequest for ToyRequest {
    fn scheme(&self) -> Scheme {
        TOY
    }
    fn sign(&self, secret: &Secret) -> Result<String> {
        let unsigned = format!(
            "{}?toy_nonce={}&toy_user={}&toy_time={}",
            self.embed_path,
            encode(&self.nonce),
            encode(&self.user),
            self.time
        );
        let signature = tag(secret, &unsigned);
        Ok(format!("{unsigned}&{SIGNATURE}={signature}"))
    }
    fn nonce_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.nonce)
    }
    fn email_mut(&mut self) -> Option<&mut String> {
        Some(&mut self.user)
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

static CATALOGUE: [ParamSpec; 4] = [
    req(NONCE, "Single-use nonce.", Allowed::Text),
    req("toy_user", "The user's email.", Allowed::Email),
    req("toy_time", "Signing time, Unix seconds.", Allowed::Text),
    req(
        SIGNATURE,
        "Hex HMAC-SHA256 of everything before it.",
        Allowed::Text,
    ),
];
static TABLES: [&[ParamSpec]; 1] = [&CATALOGUE];

fn profile() -> ProfileFields {
    ProfileFields {
        path_label: "Embed URL".into(),
        path_placeholder: "https://toy.example/embed/t-1".into(),
        client_id_label: None,
    }
}

fn sections() -> Vec<FormSection> {
    vec![FormSection::open("User", vec![email_input()])]
}

fn defaults() -> SignForm {
    SignForm {
        email: "ann@example.com".into(),
        ..SignForm::default()
    }
}

static LAYOUT: Layout = Layout {
    profile,
    sections,
    defaults,
};

/// The toy scheme.
pub struct Toy;

impl SchemeSpec for Toy {
    fn scheme(&self) -> Scheme {
        TOY
    }
    fn id(&self) -> &'static str {
        "toy"
    }
    fn label(&self) -> &'static str {
        "Toy signed URL"
    }
    fn vendor(&self) -> &'static str {
        "Toy"
    }
    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        Likeness::of(
            url.first(SIGNATURE).is_some(),
            url.base.starts_with("https://toy.example/"),
        )
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        let mut facts = EmbedFacts::default();
        let value = |name: &str| url.first(name).map(|p| p.value.clone());
        facts.nonce = value(NONCE);
        facts.email = value("toy_user");
        facts.issued_at = embed_core::facts::number(url, "toy_time", &mut facts.unreadable);
        facts.lifetime = Some(VALIDITY);
        facts.expires_at = facts.issued_at.map(|t| t + VALIDITY);
        Ok(facts)
    }
    fn check_signature(
        &self,
        url: &ParsedUrl,
        _: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck {
        let marker = format!("&{SIGNATURE}=");
        let Some((unsigned, received)) = url.raw.rsplit_once(&marker) else {
            return SignatureCheck::Missing;
        };
        if tags_equal(&tag(judge.secret, unsigned), received) {
            SignatureCheck::Valid
        } else {
            SignatureCheck::Invalid
        }
    }
    fn refusal_text(&self, _: Reason) -> (&'static str, Wording, Option<&'static str>) {
        ("The toy refuses this embed.", Wording::Product, None)
    }
    fn signature_param(&self) -> Option<&'static str> {
        Some(SIGNATURE)
    }
    fn nonce_param(&self) -> Option<&'static str> {
        Some(NONCE)
    }
    fn is_signed(&self, _: &ParsedUrl, param: &RawParam) -> bool {
        param.name != SIGNATURE
    }
    fn signs(&self, name: &str) -> bool {
        name != SIGNATURE
    }
    fn signs_base(&self) -> bool {
        true
    }
    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &TABLES
    }
    fn embed_id(&self, base: &str) -> Option<String> {
        embed_core::spec::segment_after(base, "embed")
    }
    fn path_hint(&self) -> &'static str {
        "/embed/<id>"
    }
    fn scenario(&self, b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
        let Some(r) = request.get_mut::<ToyRequest>() else {
            return Err(NotBuilt::NotApplicable("not a toy request"));
        };
        match b.id {
            ScenarioId::UNKNOWN_EMBED => {
                r.embed_path = "https://toy.example/embed/0-no-such-embed".into();
                Ok(b.unknown_embed(r.sign(b.base.secret)?))
            }
            ScenarioId::TAMPERED_AFTER_SIGNING => {
                let url = r.sign(b.base.secret)?.replace("toy_user=", "toy_user=x");
                Ok(b.built(
                    "the user changed after signing".into(),
                    url,
                    b.refused(Reason::InvalidSignature),
                ))
            }
            _ => Err(NotBuilt::NotApplicable("the toy breaks only a few things")),
        }
    }
    fn snippet_values<'a>(&self, _: &'a EmbedRequest, _: bool) -> Vec<(&'static str, Value<'a>)> {
        Vec::new()
    }
    fn snippet_template(&self, _: Language) -> &'static str {
        ""
    }
    fn form_request(&self, env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
        EmbedRequest::new(ToyRequest {
            embed_path: env.embed_path.clone(),
            nonce: basis.nonce,
            user: form.email.clone(),
            time: basis.time,
        })
    }
    fn form_issues(&self, form: &SignForm, _: &Policy, issues: &mut Vec<String>) {
        if form.email.trim().is_empty() {
            issues.push("The toy needs the user's email.".into());
        }
    }
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form.email = embed.facts.email.clone().unwrap_or_default();
        form.nonce = embed.facts.nonce.clone().unwrap_or_default();
        form.time = embed.facts.issued_at;
    }
    fn layout(&self) -> &'static Layout {
        &LAYOUT
    }
}

/// Registers the toy (once; later calls change nothing).
pub fn register() {
    embed_core::schemes::register(&Toy);
}
