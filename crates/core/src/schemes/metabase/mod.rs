//! Metabase static embedding, now "guest embeds" (vendors.md §6, §6.1): an
//! HS256 JWT naming a dashboard or question, its locked parameters and its
//! `exp`, under the embedding secret as text; carried in the iframe URL's
//! path (`/embed/dashboard/<token>#bordered=true&titled=true`, the hash
//! unsigned) or handed to `<metabase-dashboard token=…>`. No nonce, no
//! single use, no user; `exp` is honoured 60 s late and `nbf` 60 s early.

pub mod catalogue;
mod checks;
mod cli;
pub mod facts;
pub mod form;
mod handoff;
mod hazards;
mod layout;
pub mod read;
mod request;
mod scenarios;
pub mod sign;
pub mod texts;

pub use sign::{Expiry, MetabaseRequest, Resource};

use crate::catalogue::{ParamInfo, ParamSpec};
use crate::error::Result;
use crate::facts::EmbedFacts;
use crate::form::{Environment, FormBasis, SignForm};
use crate::form_layout::Layout;
use crate::model::capabilities::{Capabilities, Carrier, KeyShape, UserIdentity};
use crate::model::embed::Embed;
use crate::model::hazard::Hazard;
use crate::model::judging::Judge;
use crate::model::scenario::{Built, NotBuilt};
use crate::model::snippet::{Language, Value};
use crate::policy::{Policy, SettingUsed};
use crate::query::{ParsedUrl, RawParam};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::signature::SignatureCheck;
use crate::spec::breaking::Breaking;
use crate::spec::{Likeness, SchemeSpec};
use crate::verdict::{Reason, Refusal, Wording};

/// Metabase's spec.
pub struct Metabase;

impl SchemeSpec for Metabase {
    fn scheme(&self) -> Scheme {
        Scheme::Metabase
    }
    fn id(&self) -> &'static str {
        "metabase"
    }
    fn label(&self) -> &'static str {
        "Metabase static (guest) embed"
    }
    fn vendor(&self) -> &'static str {
        "Metabase"
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities {
            carrier: Carrier::PathToken,
            nonce: None,
            single_use: false,
            issue_time: false,
            // Expired iff exp <= now - 60: accepted through exp + 59.
            expiry_leeway: 59,
            param_order_signed: false,
            fragment: Some(
                "appearance options, unsigned (bordered, titled, theme, hide_parameters, …)",
            ),
            identity: UserIdentity::None,
            key: KeyShape::Secret,
        }
    }
    fn sign_command(&self) -> Option<&'static crate::spec::sign_cli::SignCommandDef> {
        Some(&cli::COMMAND)
    }
    fn demo(&self) -> Option<crate::spec::Demo> {
        // Metabase's tokens name no client: the local host knows the
        // secret by the profile.
        Some(crate::spec::Demo {
            name: "Local demo · Metabase",
            client_id: "",
            path: "/dashboard/1",
        })
    }
    fn own_scenarios(&self) -> &'static [crate::model::scenario::ScenarioDef] {
        &scenarios::OWN
    }
    fn own_reasons(&self) -> &'static [Reason] {
        &texts::OWN
    }
    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        let jwt = read::decoded(url);
        let path = read::path_resource(url).is_some();
        // A JWT in /embed/dashboard/ is Metabase's even when its claims are
        // wrong (they are what a refusal explains); a token alone is when
        // it names a resource.
        let token = jwt.is_some_and(|jwt| path || read::named(&jwt).is_some());
        Likeness::of(token, path)
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        facts::read(url)
    }
    fn check_signature(
        &self,
        url: &ParsedUrl,
        _: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck {
        read::token(url).map_or(SignatureCheck::Missing, |token| {
            crate::jwt::check_hs256(token, judge.secret)
        })
    }
    fn shape_refusal(&self, url: &ParsedUrl) -> Option<Refusal> {
        checks::shape(url)
    }
    fn future_time_rule(&self, _policy: &Policy) -> (bool, Option<SettingUsed>) {
        // Its nbf margin is its own (60 s): see time_refusal.
        (false, None)
    }
    fn time_refusal(&self, facts: &EmbedFacts, now: u64) -> Option<Refusal> {
        checks::not_yet_valid(facts, now)
    }
    fn refusal_message(&self, reason: Reason, facts: &EmbedFacts) -> Option<String> {
        checks::quoted_message(reason, facts)
    }
    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
        texts::message(reason)
    }
    fn refusal_status(&self, reason: Reason) -> Option<u16> {
        // A refusal is a 400 with a plain-text body (vendors.md §6), so the
        // status alone says nothing of the reason (no documented_status);
        // an object it does not have is a 404 (`check-404`).
        Some(if reason == Reason::UnknownEmbed {
            404
        } else {
            400
        })
    }
    fn hazards(&self, _url: &ParsedUrl, facts: &EmbedFacts, found: &mut Vec<Hazard>) {
        hazards::expiry(facts, found);
    }
    fn claim_meaning(&self, claim: &str) -> Option<&'static str> {
        match claim {
            "resource" => Some("What is embedded: {\"dashboard\": ID} or {\"question\": ID}."),
            "params" => Some("The locked parameters' values, by slug."),
            "exp" => Some("Expiry, Unix seconds; optional. Metabase refuses the token once now - 60 >= exp (accepted through 59 s past it)."),
            "nbf" => Some("Not before, Unix seconds (Metabase allows 60 s early)."),
            "iat" => Some("Issued at (jsonwebtoken adds it; Metabase does not check it)."),
            _ => None,
        }
    }
    fn user_by_email(&self) -> bool {
        false
    }
    fn signature_param(&self) -> Option<&'static str> {
        None
    }
    fn nonce_param(&self) -> Option<&'static str> {
        None
    }
    fn is_signed(&self, _: &ParsedUrl, _: &RawParam) -> bool {
        // The query's editable filter values are not in the token.
        false
    }
    fn signs(&self, _: &str) -> bool {
        false
    }
    fn signs_base(&self) -> bool {
        // The token is the path's last segment.
        true
    }
    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &[catalogue::PARAMS]
    }
    fn uncatalogued_param(&self, name: &str) -> Option<ParamInfo> {
        Some(ParamInfo {
            meaning: format!("An editable filter's value ({name}), not signed."),
            allowed: "text".into(),
            required: false,
            current_name: None,
        })
    }
    fn uncatalogued_hazard(&self, _name: &str, _nearest: Option<&str>) -> Option<Option<Hazard>> {
        // A query parameter is an editable filter's slug: the dashboard names it.
        Some(None)
    }
    fn embed_id(&self, _base: &str) -> Option<String> {
        None
    }
    fn embed_id_in(&self, url: &ParsedUrl) -> Option<String> {
        read::decoded(url)
            .as_ref()
            .and_then(read::named)
            .map(|(_, id)| id)
    }
    fn path_hint(&self) -> &'static str {
        "/embed/dashboard/<token>"
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
    fn snippet_uses_encoding(&self) -> bool {
        false
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
    fn embed_path_of(&self, embed: &Embed) -> String {
        form::embed_path(embed)
    }
    fn embed_path_issue(&self, embed_path: &str) -> Option<String> {
        form::embed_path_issue(embed_path)
    }
    fn form_covers(&self, _name: &str) -> bool {
        true
    }
    fn layout(&self) -> &'static Layout {
        &layout::LAYOUT
    }
}
