//! Bold BI token authentication (vendors.md §4): signing, reading (with its
//! datasource filter), its catalogue and its hand-off snippets.

pub mod authorize;
pub mod catalogue;
mod checks;
mod cli;
pub mod datasource_filter;
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
mod texts;

pub use sign::*;

use crate::catalogue::ParamSpec;
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
use crate::signature::SignatureCheck;
use crate::spec::breaking::Breaking;
use crate::spec::{Likeness, SchemeSpec};
use crate::verdict::{Reason, Refusal, Wording};

/// Bold BI's spec.
pub struct BoldBi;

/// Whether a base URL has Bold BI's shape: `/bi/site/...`, or with a
/// culture segment, `/bi/en-us/site/...`.
pub fn is_boldbi_path(base: &str) -> bool {
    let path = base.split_once("://").map_or(base, |(_, rest)| rest);
    let segments: Vec<&str> = path.split('/').collect();
    segments.windows(2).any(|w| w == ["bi", "site"])
        || segments.windows(3).any(|w| w == ["bi", "api", "site"])
        || segments
            .windows(3)
            .any(|w| w[0] == "bi" && w[2] == "site" && is_culture(w[1]))
}

/// `en-us`, `fr-FR`, `ja`: a language tag of letters and hyphens.
fn is_culture(segment: &str) -> bool {
    (2..=10).contains(&segment.len())
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-')
}

/// A refusal for `reason` in this scheme's own words (its texts, not the
/// registry's lookup of them).
pub(crate) fn refusal(
    reason: Reason,
    explanation: impl Into<String>,
    fix: impl Into<String>,
) -> Refusal {
    Refusal::worded(BoldBi.refusal_text(reason), reason, explanation, fix)
}

impl SchemeSpec for BoldBi {
    fn sign_command(&self) -> Option<&'static crate::spec::sign_cli::SignCommandDef> {
        Some(&cli::COMMAND)
    }
    fn demo(&self) -> Option<crate::spec::Demo> {
        Some(crate::spec::Demo {
            name: "Local demo · Bold BI",
            client_id: "local-demo-boldbi",
            path: "/bi/site/demo/dashboards/local-demo/Sales/Overview",
        })
    }
    fn own_scenarios(&self) -> &'static [crate::model::scenario::ScenarioDef] {
        &scenarios::OWN
    }
    fn framing_emulations(&self) -> &'static [crate::spec::FramingEmulation] {
        &[crate::spec::FramingEmulation {
            name: "allowed-domains",
            label: "Bold BI allowed domains (\"Accept embedding requests from these websites\"; empty: any)",
            note: "framing emulation: Bold BI blocks embedding elsewhere and Chrome shows a blank page; the local host sends frame-ancestors with these",
        }]
    }
    fn has_token_endpoint(&self) -> bool {
        true
    }
    fn partitioned_cookie_setting(&self) -> Option<&'static str> {
        Some("\"Enable CHIPS for IFrame-based Embedding\"")
    }
    fn framing_allowlist(&self) -> Option<&'static str> {
        Some("Bold BI: add the parent's origin to the allowed domains (\"Accept embedding requests from these websites\" in the embed settings); elsewhere Chrome shows a blank page with no error.")
    }
    fn scheme(&self) -> Scheme {
        Scheme::BoldBi
    }
    fn id(&self) -> &'static str {
        "boldbi"
    }
    fn label(&self) -> &'static str {
        "Bold BI token authentication"
    }
    fn vendor(&self) -> &'static str {
        "Bold BI"
    }

    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        let params = url.params.iter().any(|p| p.name.starts_with("embed_"));
        Likeness::of(params, is_boldbi_path(&url.base))
    }
    fn prepare(&self, url: &mut ParsedUrl) {
        datasource_filter::fold(url);
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
        check_signature(
            url,
            judge.secret,
            judge.policy.switch(&settings::PLUS_AS_SPACE),
        )
    }

    fn mismatch_cause(&self, url: &ParsedUrl, judge: &Judge<'_>) -> Option<(String, String)> {
        diagnose::cause(
            url,
            judge.secret,
            judge.policy.switch(&settings::PLUS_AS_SPACE),
        )
    }
    fn signature_setting(&self, policy: &Policy) -> Option<SettingUsed> {
        policy
            .switch(&settings::PLUS_AS_SPACE)
            .then(|| policy.used(&settings::PLUS_AS_SPACE))
    }
    fn nonce_rule(&self, policy: &Policy) -> (bool, Option<SettingUsed>) {
        (
            policy.switch(&settings::REFUSE_REUSED_NONCE),
            Some(policy.used(&settings::REFUSE_REUSED_NONCE)),
        )
    }
    fn claims_refusal(
        &self,
        url: &ParsedUrl,
        facts: &EmbedFacts,
        _policy: &Policy,
    ) -> Option<Refusal> {
        checks::expiration(url, facts)
    }
    fn strict_refusal(
        &self,
        url: &ParsedUrl,
        _facts: &EmbedFacts,
        policy: &Policy,
    ) -> Option<Refusal> {
        checks::strict_booleans(url, policy)
    }
    fn strict_booleans_setting(&self) -> Option<&'static str> {
        Some("boldbi-strict-booleans")
    }
    fn shape_refusal(&self, url: &ParsedUrl) -> Option<Refusal> {
        checks::unsigned_embed_param(url)
    }

    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
        (texts::message(reason), Wording::Product, None)
    }

    fn signature_param(&self) -> Option<&'static str> {
        Some(SIGNATURE_PARAM)
    }
    fn nonce_param(&self) -> Option<&'static str> {
        Some("embed_nonce")
    }
    fn is_signed(&self, url: &ParsedUrl, param: &RawParam) -> bool {
        // Parameters already on the dashboard URL (in front of embed_nonce) are not signed.
        self.signs(&param.name) && param.index >= unsigned_prefix(url).len()
    }
    fn signs(&self, name: &str) -> bool {
        name != SIGNATURE_PARAM
    }
    fn signs_base(&self) -> bool {
        false
    }

    fn signature_hazards(&self, signature: &RawParam, found: &mut Vec<Hazard>) {
        hazards::signature(signature, found);
    }
    fn partners(&self) -> &'static [(&'static str, &'static str, Severity)] {
        &[("embed_expirationtime", "embed_timestamp", Severity::Error)]
    }
    fn hazards(&self, url: &ParsedUrl, _facts: &EmbedFacts, found: &mut Vec<Hazard>) {
        hazards::reading(url, found);
    }

    fn path_hint(&self) -> &'static str {
        "/bi/site/..."
    }
    fn embed_id(&self, base: &str) -> Option<String> {
        crate::spec::segment_after(base, "dashboards")
            .or_else(|| crate::spec::segment_after(base, "dashboard-designer"))
            // The designer without an id opens a new dashboard.
            .or_else(|| Some("new-dashboard".into()))
    }
    fn embed_id_in(&self, url: &ParsedUrl) -> Option<String> {
        if authorize::is_authorize(&url.base) {
            return authorize::dashboard_id(url);
        }
        self.embed_id(&url.base)
    }
    fn embed_path_of(&self, embed: &Embed) -> String {
        // An authorize request opens in the form as the dashboard it asks for.
        authorize::dashboard_url(&embed.url).unwrap_or_else(|| embed.url.base.clone())
    }

    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &[catalogue::PARAMS]
    }
    fn declared_settings(&self) -> &'static [&'static crate::setting::SettingDef] {
        &settings::ALL
    }
    fn settings(&self, policy: &Policy) -> Vec<SettingUsed> {
        vec![policy.used(&settings::PLUS_AS_SPACE)]
    }
    fn never_expires(&self, url: &ParsedUrl) -> bool {
        url.first("embed_timestamp").is_none()
    }

    fn prepare_scenario(&self, request: &mut EmbedRequest, policy: &Policy) {
        if let Some(r) = request.get_mut::<BoldBiRequest>() {
            // Where a raw '+' would break the signature anyway, escape it, so
            // each scenario shows only its own fault.
            r.escape_signature |= policy.switch(&settings::PLUS_AS_SPACE);
        }
    }
    fn scenario(&self, b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
        scenarios::build(b, request)
    }

    fn form_request(&self, env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
        form::request(env, form, basis)
    }
    fn form_issues(&self, form: &SignForm, _policy: &Policy, issues: &mut Vec<String>) {
        form::issues(form, issues);
    }
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form::from_url(embed, form);
    }
    fn form_covers(&self, name: &str) -> bool {
        // The authorize request's own parameters are the Embed SDK's and its
        // authorization server's, never an iframe URL's interface.
        matches!(
            name,
            "embed_timestamp" | "embed_expirationtime" | "isWidgetMode" | "widgetId" | "WidgetId"
        ) || authorize::AUTHORIZE_PARAMS.contains(&name)
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
