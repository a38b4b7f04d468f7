//! Sigma's classic signed URL (`:mode=userbacked`; vendors.md §1): signing,
//! reading, its catalogue and its hand-off snippets.

pub mod catalogue;
mod checks;
mod cli;
mod diagnose;
mod facts;
mod form;
mod handoff;
mod hazards;
mod layout;
mod request;
mod scenarios;
pub mod settings;
mod sign;

pub use sign::*;

use crate::catalogue::{ParamInfo, ParamSpec};
use crate::error::Result;
use crate::facts::EmbedFacts;
use crate::form::{Environment, FormBasis, SignForm};
use crate::form_layout::Layout;
use crate::model::embed::Embed;
use crate::model::hazard::{Hazard, Severity};
use crate::model::judging::Judge;
use crate::model::scenario::{Built, NotBuilt};
use crate::model::snippet::Language;
use crate::model::snippet::Value;
use crate::policy::{Policy, SettingUsed};
use crate::query::{ParsedUrl, RawParam};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::schemes::sigma::{self, interface::INTERFACE};
use crate::signature::SignatureCheck;
use crate::spec::breaking::Breaking;
use crate::spec::{Likeness, SchemeSpec};
use crate::verdict::{Reason, Refusal, Wording};

/// The classic signed URL's spec.
pub struct SigmaClassic;

/// A refusal for `reason` in this scheme's own words (its texts, not the
/// registry's lookup of them).
pub(crate) fn refusal(
    reason: Reason,
    explanation: impl Into<String>,
    fix: impl Into<String>,
) -> Refusal {
    Refusal::worded(SigmaClassic.refusal_text(reason), reason, explanation, fix)
}

impl SchemeSpec for SigmaClassic {
    fn sign_command(&self) -> Option<&'static crate::spec::sign_cli::SignCommandDef> {
        Some(&cli::COMMAND)
    }
    fn demo(&self) -> Option<crate::spec::Demo> {
        Some(crate::spec::Demo {
            name: "Local demo · Sigma classic",
            client_id: "local-demo-sigma",
            path: "/embed/1-local-demo",
        })
    }
    fn own_scenarios(&self) -> &'static [crate::model::scenario::ScenarioDef] {
        &scenarios::OWN
    }
    fn scheme(&self) -> Scheme {
        Scheme::SigmaClassic
    }
    fn id(&self) -> &'static str {
        "sigma-classic"
    }
    fn label(&self) -> &'static str {
        "Sigma classic signed URL"
    }
    fn vendor(&self) -> &'static str {
        "Sigma"
    }

    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        let params = url.params.iter().any(|p| p.name.starts_with(':'));
        Likeness::of(params, url.base.contains("/embed/"))
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
        check_signature(url, judge.secret)
    }

    fn client_id_name(&self) -> Option<&'static str> {
        Some(":client_id")
    }
    fn mismatch_cause(&self, url: &ParsedUrl, judge: &Judge<'_>) -> Option<(String, String)> {
        diagnose::cause(url, judge.secret)
    }
    fn mode_refusal(&self, facts: &EmbedFacts, policy: &Policy) -> Option<Refusal> {
        checks::mode(facts, policy)
    }
    fn missing_email_reason(&self) -> Reason {
        Reason::InvalidEmail
    }
    fn claims_refusal(
        &self,
        _url: &ParsedUrl,
        facts: &EmbedFacts,
        policy: &Policy,
    ) -> Option<Refusal> {
        checks::claims(facts, policy)
    }
    fn strict_refusal(
        &self,
        _url: &ParsedUrl,
        facts: &EmbedFacts,
        policy: &Policy,
    ) -> Option<Refusal> {
        checks::strict_time(facts, policy)
    }

    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
        sigma::texts::message(reason, None)
    }

    fn refusal_note(&self, reason: Reason) -> Option<&'static str> {
        (reason == Reason::Expired).then_some(sigma::texts::EXPIRY_TEXTS_NOTE)
    }

    fn signature_param(&self) -> Option<&'static str> {
        Some(SIGNATURE_PARAM)
    }
    fn nonce_param(&self) -> Option<&'static str> {
        Some(":nonce")
    }
    fn is_signed(&self, _url: &ParsedUrl, param: &RawParam) -> bool {
        self.signs(&param.name)
    }
    fn signs(&self, name: &str) -> bool {
        name != SIGNATURE_PARAM
    }
    fn signs_base(&self) -> bool {
        true
    }

    fn parameter_hazards(&self, param: &RawParam, found: &mut Vec<Hazard>) {
        hazards::parameter(param, found);
    }
    fn uncatalogued_hazard(&self, name: &str, nearest: Option<&str>) -> Option<Option<Hazard>> {
        sigma::uncatalogued_hazard(name, nearest)
    }
    fn partners(&self) -> &'static [(&'static str, &'static str, Severity)] {
        sigma::PARTNERS
    }
    fn hazards(&self, _url: &ParsedUrl, facts: &EmbedFacts, found: &mut Vec<Hazard>) {
        hazards::samples_oddities(facts, found);
    }

    fn path_hint(&self) -> &'static str {
        "/embed/..."
    }
    fn embed_id(&self, base: &str) -> Option<String> {
        crate::spec::segment_after(base, "embed")
    }

    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &[catalogue::IDENTITY, INTERFACE]
    }
    fn uncatalogued_param(&self, name: &str) -> Option<ParamInfo> {
        sigma::uncatalogued_param(name)
    }
    fn demo_tiers(&self) -> Vec<crate::tier::Tier> {
        // Sigma JWT takes the same presets; they are listed once, here.
        super::sigma::tiers::demo()
    }
    fn declared_settings(&self) -> &'static [&'static crate::setting::SettingDef] {
        &settings::ALL
    }
    fn settings(&self, policy: &Policy) -> Vec<SettingUsed> {
        vec![
            policy.used(&settings::MAX_SESSION_LENGTH),
            policy.used(&settings::STRICT_TIME),
            policy.used(&settings::REFUSE_LEGACY_MODES),
        ]
    }

    fn scenario(&self, b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
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
    fn form_request(&self, env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
        form::request(env, form, basis)
    }
    fn form_issues(&self, form: &SignForm, policy: &Policy, issues: &mut Vec<String>) {
        sigma::form::shared_issues(form, issues);
        form::issues(form, policy, issues);
    }
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form::from_url(embed, form);
    }
    fn form_covers(&self, name: &str) -> bool {
        name == ":account_type"
    }
    fn layout(&self) -> &'static Layout {
        &layout::LAYOUT
    }
}
