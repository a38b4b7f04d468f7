//! Sigma's JWT embed (`:jwt=`; vendors.md §2): the token, reading it back,
//! its catalogue and its hand-off snippets.

pub mod catalogue;
mod checks;
mod cli;
mod facts;
mod form;
mod handoff;
mod hazards;
mod layout;
mod request;
mod scenarios;
mod token;

pub use token::*;

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
use crate::policy::Policy;
use crate::query::{ParsedUrl, RawParam};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::schemes::sigma::{self, interface::INTERFACE};
use crate::signature::SignatureCheck;
use crate::spec::breaking::Breaking;
use crate::spec::{Likeness, SchemeSpec};
use crate::verdict::{Reason, Refusal, Wording};

/// The JWT embed's spec.
pub struct SigmaJwt;

/// A refusal for `reason` in this scheme's own words (its texts, not the
/// registry's lookup of them).
pub(crate) fn refusal(
    reason: Reason,
    explanation: impl Into<String>,
    fix: impl Into<String>,
) -> Refusal {
    Refusal::worded(SigmaJwt.refusal_text(reason), reason, explanation, fix)
}

impl SchemeSpec for SigmaJwt {
    fn capabilities(&self) -> crate::spec::capabilities::Capabilities {
        // The token is signed, not where it sits among the URL's parameters.
        // Its nonce is the token's jti claim, which Sigma stores and refuses
        // to see again.
        crate::spec::capabilities::Capabilities {
            nonce: Some("jti"),
            single_use: true,
            param_order_signed: false,
            ..crate::spec::default_capabilities(self)
        }
    }
    fn sign_command(&self) -> Option<&'static crate::spec::sign_cli::SignCommandDef> {
        Some(&cli::COMMAND)
    }
    fn demo(&self) -> Option<crate::spec::Demo> {
        Some(crate::spec::Demo {
            name: "Local demo · Sigma JWT",
            client_id: "local-demo-sigma-jwt",
            path: "/acme/workbook/Local-Demo-1a2b",
        })
    }
    fn claim_meaning(&self, claim: &str) -> Option<&'static str> {
        catalogue::claim_meaning(claim)
    }
    fn scheme(&self) -> Scheme {
        Scheme::SigmaJwt
    }
    fn id(&self) -> &'static str {
        "sigma-jwt"
    }
    fn label(&self) -> &'static str {
        "Sigma JWT embed"
    }
    fn vendor(&self) -> &'static str {
        "Sigma"
    }

    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        if url.params.iter().any(|p| p.name == JWT_PARAM) {
            Likeness::Unmistakable
        } else {
            Likeness::None
        }
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        facts::read(url)
    }
    fn check_signature(
        &self,
        url: &ParsedUrl,
        facts: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck {
        match token(url) {
            Some(token) if facts.jwt.is_some() => check_signature(token, judge.secret),
            _ => SignatureCheck::Missing,
        }
    }

    fn client_id_name(&self) -> Option<&'static str> {
        Some("the JWT header's kid")
    }
    fn claims_refusal(
        &self,
        _url: &ParsedUrl,
        facts: &EmbedFacts,
        _policy: &Policy,
    ) -> Option<Refusal> {
        checks::lifetime(facts).or_else(|| facts.jwt.as_ref().and_then(checks::claims))
    }

    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
        // Sigma's code list: EINVAL is also "the JWT is expired".
        sigma::texts::message(reason, Some("EINVAL"))
    }

    fn refusal_note(&self, reason: Reason) -> Option<&'static str> {
        (reason == Reason::Expired).then_some(sigma::texts::EXPIRY_TEXTS_NOTE)
    }

    fn signature_param(&self) -> Option<&'static str> {
        Some(JWT_PARAM)
    }
    fn redact_signature(&self, raw: &str) -> Option<String> {
        // The header and claims stay readable; the signature goes.
        let head = raw.rsplit_once('.').map_or(raw, |(head, _)| head);
        Some(format!("{head}.…redacted"))
    }
    fn nonce_param(&self) -> Option<&'static str> {
        None
    }
    fn is_signed(&self, _url: &ParsedUrl, param: &RawParam) -> bool {
        self.signs(&param.name)
    }
    fn signs(&self, name: &str) -> bool {
        name == JWT_PARAM
    }
    fn signs_base(&self) -> bool {
        false
    }

    fn signature_goes_last(&self) -> bool {
        false
    }
    fn uncatalogued_hazard(&self, name: &str, nearest: Option<&str>) -> Option<Option<Hazard>> {
        sigma::uncatalogued_hazard(name, nearest)
    }
    fn partners(&self) -> &'static [(&'static str, &'static str, Severity)] {
        sigma::PARTNERS
    }
    fn hazards(&self, url: &ParsedUrl, facts: &EmbedFacts, found: &mut Vec<Hazard>) {
        hazards::times(facts, found);
        if let Some(jwt) = &facts.jwt {
            hazards::header_and_claims(jwt, found);
            hazards::beside(url, found);
        }
    }

    fn path_hint(&self) -> &'static str {
        "/<org>/workbook/..."
    }
    fn embed_id(&self, base: &str) -> Option<String> {
        crate::spec::segment_after(base, "workbook")
    }

    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &[catalogue::URL_PARAMS, INTERFACE]
    }
    fn uncatalogued_param(&self, name: &str) -> Option<ParamInfo> {
        sigma::uncatalogued_param(name)
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
    fn form_issues(&self, form: &SignForm, _policy: &Policy, issues: &mut Vec<String>) {
        sigma::form::shared_issues(form, issues);
        form::issues(form, issues);
    }
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm) {
        form::from_url(embed, form);
    }
    fn form_covers(&self, name: &str) -> bool {
        // Beside a JWT Sigma takes only a few interface parameters; the
        // rest are claims or account-type permissions.
        !catalogue::ALLOWED_BESIDE.contains(&name)
    }
    fn layout(&self) -> &'static Layout {
        &layout::LAYOUT
    }
}
