//! Looker signed embed ("SSO embed"; vendors.md §5): the URL
//! `/login/embed/<escaped embed URL>?…&signature=`, whose signature is a
//! Base64 HMAC (SHA-1 by default, SHA-256 for API-made secrets) over the
//! host, the path and the signed parameters' JSON values, one per line.
//!
//! Signing follows Looker's `node_example.js` (compact JSON,
//! `encodeURIComponent`); reading takes the values *as received*, because
//! Looker's Python sample sends spaced JSON and `quote_plus` escapes.

pub mod catalogue;
mod checks;
mod cli;
mod diagnose;
pub mod facts;
pub mod form;
mod handoff;
mod hazards;
mod layout;
mod permissions;
mod read;
mod request;
mod scenarios;
pub mod settings;
mod sign;
pub mod texts;
mod tiers;

pub use read::{check_signature, signed_string, SIGNED_LINES};
pub use sign::{sign, string_to_sign, Algorithm, LookerRequest};

use crate::catalogue::ParamSpec;
use crate::error::Result;
use crate::facts::EmbedFacts;
use crate::form::{Environment, FormBasis, SignForm};
use crate::form_layout::Layout;
use crate::model::embed::Embed;
use crate::model::hazard::Hazard;
use crate::model::judging::Judge;
use crate::model::scenario::{Built, NotBuilt};
use crate::model::snippet::Language;
use crate::model::snippet::Value;
use crate::policy::{Policy, SettingUsed};
use crate::query::{ParsedUrl, RawParam};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::signature::SignatureCheck;
use crate::spec::breaking::Breaking;
use crate::spec::{segment_after, Likeness, SchemeSpec};
use crate::verdict::{Reason, Refusal, Wording};

/// The parameter that carries the signature.
pub const SIGNATURE_PARAM: &str = "signature";
/// The path every signed embed URL starts with.
pub const LOGIN_PATH: &str = "/login/embed/";
/// The longest session Looker allows, in seconds (30 days).
pub const MAX_SESSION_LENGTH: u64 = 2_592_000;
/// How far `time` may be from the server's clock, in seconds.
pub const TIME_WINDOW: u64 = 300;

/// Looker's spec.
pub struct Looker;

/// A refusal for `reason` in this scheme's own words (its texts, not the
/// registry's lookup of them).
pub(crate) fn refusal(
    reason: Reason,
    explanation: impl Into<String>,
    fix: impl Into<String>,
) -> Refusal {
    Refusal::worded(Looker.refusal_text(reason), reason, explanation, fix)
}

impl SchemeSpec for Looker {
    fn capabilities(&self) -> crate::spec::capabilities::Capabilities {
        // The signature covers the values in a fixed order, not the URL's.
        crate::spec::capabilities::Capabilities {
            param_order_signed: false,
            ..crate::spec::default_capabilities(self)
        }
    }
    fn sign_command(&self) -> Option<&'static crate::spec::sign_cli::SignCommandDef> {
        Some(&cli::COMMAND)
    }
    fn framing_emulations(&self) -> &'static [crate::spec::FramingEmulation] {
        &[crate::spec::FramingEmulation {
            name: "session-cookie",
            label: "Looker's session cookie: SameSite (lax, unset, none-secure, none-secure-partitioned)",
            note: "framing emulation: in a cross-site frame Chrome drops a session cookie without SameSite=None; Secure (the doctor says what each browser does; the app's WebKit preview, like Safari, sends no cookie to a cross-site frame at all)",
        }]
    }
    fn demo(&self) -> Option<crate::spec::Demo> {
        // Looker's URLs name no client: the local host knows its secret by
        // the profile.
        Some(crate::spec::Demo {
            name: "Local demo · Looker",
            client_id: "",
            path: "/embed/dashboards/1",
        })
    }
    fn own_scenarios(&self) -> &'static [crate::model::scenario::ScenarioDef] {
        &scenarios::OWN
    }
    fn scheme(&self) -> Scheme {
        Scheme::Looker
    }
    fn id(&self) -> &'static str {
        "looker"
    }
    fn label(&self) -> &'static str {
        "Looker signed embed"
    }
    fn vendor(&self) -> &'static str {
        "Looker"
    }

    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        let has = |name: &str| url.first(name).is_some();
        let params = has(SIGNATURE_PARAM) && has("nonce") && has("external_user_id");
        Likeness::of(params, url.base.contains(LOGIN_PATH))
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        Ok(facts::read(url))
    }
    fn check_signature(
        &self,
        url: &ParsedUrl,
        _facts: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck {
        check_signature(url, None, judge.secret, settings::algorithm(judge.policy))
    }
    fn mismatch_cause(&self, url: &ParsedUrl, judge: &Judge<'_>) -> Option<(String, String)> {
        diagnose::cause(url, judge.secret, settings::algorithm(judge.policy))
    }
    fn signature_setting(&self, policy: &Policy) -> Option<SettingUsed> {
        Some(policy.used(&settings::ALGORITHM))
    }
    fn future_time_rule(&self, policy: &Policy) -> (bool, Option<SettingUsed>) {
        (
            policy.switch(&settings::REFUSE_FUTURE_TIME),
            Some(policy.used(&settings::REFUSE_FUTURE_TIME)),
        )
    }
    fn claims_refusal(
        &self,
        url: &ParsedUrl,
        _facts: &EmbedFacts,
        _policy: &Policy,
    ) -> Option<Refusal> {
        checks::session_length(url)
    }
    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
        texts::message(reason)
    }

    fn signature_goes_last(&self) -> bool {
        false
    }
    fn documented_status(&self, reason: Reason) -> Option<u16> {
        // "Lower-case escapes in the path give a 404" (vendors.md §5).
        (reason == Reason::UnknownEmbed).then_some(404)
    }
    fn signature_param(&self) -> Option<&'static str> {
        Some(SIGNATURE_PARAM)
    }
    fn nonce_param(&self) -> Option<&'static str> {
        Some("nonce")
    }
    fn is_signed(&self, _url: &ParsedUrl, param: &RawParam) -> bool {
        self.signs(&param.name)
    }
    fn signs(&self, name: &str) -> bool {
        SIGNED_LINES.contains(&name)
    }
    fn signs_base(&self) -> bool {
        // The host and the path are the first two signed lines.
        true
    }

    fn plus_is_a_space(&self) -> bool {
        // Looker form-decodes its query, and its Python sample quote_plus-es
        // the JSON: a '+' there is a space the signature covers.
        true
    }
    fn signature_hazards(&self, signature: &RawParam, found: &mut Vec<Hazard>) {
        hazards::signature(signature, found);
    }
    fn hazards(&self, url: &ParsedUrl, _facts: &EmbedFacts, found: &mut Vec<Hazard>) {
        hazards::whole(url, found);
    }
    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &[catalogue::PARAMS]
    }
    fn demo_tiers(&self) -> Vec<crate::tier::Tier> {
        tiers::demo()
    }
    fn declared_settings(&self) -> &'static [&'static crate::setting::SettingDef] {
        &settings::ALL
    }
    fn settings(&self, policy: &Policy) -> Vec<SettingUsed> {
        vec![
            policy.used(&settings::ALGORITHM),
            policy.used(&settings::REFUSE_FUTURE_TIME),
        ]
    }
    fn path_hint(&self) -> &'static str {
        "/login/embed/<escaped embed URL>"
    }
    fn embed_id(&self, base: &str) -> Option<String> {
        let decoded = crate::encoding::decode_component(base, false).ok()?;
        ["dashboards", "looks", "explore"]
            .into_iter()
            .find_map(|kind| segment_after(&decoded, kind))
            .map(|id| id.split('?').next().unwrap_or_default().to_owned())
    }

    fn user_by_email(&self) -> bool {
        false
    }
    fn form_request(&self, env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
        form::request(env, form, basis)
    }
    fn form_issues(&self, form: &SignForm, _policy: &Policy, issues: &mut Vec<String>) {
        form::issues(form, issues);
    }
    fn embed_path_issue(&self, embed_path: &str) -> Option<String> {
        let (_, embed_url) = form::split_embed_path(embed_path);
        (!embed_url.starts_with("/embed/")).then(|| {
            format!("its path {embed_url} does not start with /embed/: Looker signs users in to embed content only (like https://acme.looker.com/embed/dashboards/3)")
        })
    }
    fn snippet_uses_encoding(&self) -> bool {
        false
    }
    fn shape_refusal(&self, url: &ParsedUrl) -> Option<Refusal> {
        checks::path_escapes(url)
    }
    fn profile_policy(&self, defaults: &SignForm, policy: &mut Policy) {
        if !defaults.algorithm.trim().is_empty() {
            policy.choose_value(
                &settings::ALGORITHM,
                crate::setting::Value::Choice(form::algorithm(defaults).id()),
            );
        }
    }
    fn form_covers(&self, _name: &str) -> bool {
        // Every Looker parameter has its own control: none is free-form.
        true
    }
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form::from_url(embed, form);
    }
    fn embed_path_of(&self, embed: &Embed) -> String {
        form::embed_path(embed)
    }

    fn scenario(
        &self,
        b: &Breaking<'_>,
        request: &mut EmbedRequest,
    ) -> std::result::Result<Built, NotBuilt> {
        scenarios::build(b, request)
    }
    fn snippet_values<'a>(
        &self,
        request: &'a EmbedRequest,
        fresh: bool,
    ) -> Vec<(&'static str, Value<'a>)> {
        handoff::snippet_values(request, fresh)
    }
    fn snippet_template(&self, language: Language) -> &'static str {
        match language {
            Language::Node => include_str!("snippets/snippet.mjs"),
            Language::Python => include_str!("snippets/snippet.py"),
            Language::Rust => include_str!("snippets/snippet.rs"),
        }
    }
    fn layout(&self) -> &'static Layout {
        &layout::LAYOUT
    }
}
