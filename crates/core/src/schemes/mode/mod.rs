//! Mode white-label embeds (vendors.md §8): the report's `/embed` address
//! with its parameters sorted by name and `timestamp` last, signed with a
//! lower-case hex HMAC-SHA256 of `GET,,<MD5 of the empty body>,<URL>,<timestamp>`
//! under the access secret. No nonce, no user: a URL loads until its
//! timestamp ages out (the window is unconfirmed, so it is a setting).

pub mod catalogue;
mod checks;
mod cli;
pub mod facts;
pub mod form;
mod handoff;
mod hazards;
mod layout;
mod read;
mod request;
mod scenarios;
pub mod settings;
pub mod sign;
pub mod texts;

pub use read::check_signature;
pub use sign::{sign, ModeRequest};

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
use crate::spec::{segment_after, Likeness, SchemeSpec};
use crate::verdict::{Reason, Wording};
use sign::{ACCESS_KEY_PARAM, PARAM_PREFIX, SIGNATURE_PARAM, TIMESTAMP_PARAM};

/// Mode's spec.
pub struct Mode;

impl SchemeSpec for Mode {
    fn scheme(&self) -> Scheme {
        Scheme::Mode
    }
    fn id(&self) -> &'static str {
        "mode"
    }
    fn label(&self) -> &'static str {
        "Mode white-label embed"
    }
    fn vendor(&self) -> &'static str {
        "Mode"
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities {
            carrier: Carrier::QueryUrl,
            nonce: None,
            single_use: false,
            issue_time: true,
            expiry_leeway: 0,
            // The signature covers the URL's bytes as sent.
            param_order_signed: true,
            fragment: None,
            identity: UserIdentity::None,
            key: KeyShape::ClientId,
        }
    }
    fn sign_command(&self) -> Option<&'static crate::spec::sign_cli::SignCommandDef> {
        Some(&cli::COMMAND)
    }
    fn demo(&self) -> Option<crate::spec::Demo> {
        Some(crate::spec::Demo {
            name: "Local demo · Mode",
            client_id: "demo-access-key",
            path: "/acme/reports/r-demo/embed",
        })
    }
    fn likeness(&self, url: &ParsedUrl) -> Likeness {
        let has = |name: &str| url.first(name).is_some();
        let params = has(SIGNATURE_PARAM) && has(ACCESS_KEY_PARAM) && has(TIMESTAMP_PARAM);
        let path = url.base.contains("/reports/") && url.base.ends_with("/embed");
        Likeness::of(params, path)
    }
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts> {
        Ok(facts::read(url))
    }
    fn check_signature(
        &self,
        url: &ParsedUrl,
        _: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck {
        check_signature(url, judge.secret)
    }
    fn client_id_name(&self) -> Option<&'static str> {
        Some(ACCESS_KEY_PARAM)
    }
    fn expiry(&self, facts: &EmbedFacts, policy: &Policy) -> Option<u64> {
        checks::expiry(facts, policy)
    }
    fn expiry_setting(&self, policy: &Policy) -> Option<SettingUsed> {
        Some(policy.used(&settings::TIMESTAMP_WINDOW))
    }
    fn user_by_email(&self) -> bool {
        false
    }
    fn form_covers(&self, name: &str) -> bool {
        // max_age has its own control.
        name == "max_age"
    }
    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>) {
        texts::message(reason)
    }
    fn signature_param(&self) -> Option<&'static str> {
        Some(SIGNATURE_PARAM)
    }
    fn nonce_param(&self) -> Option<&'static str> {
        None
    }
    fn is_signed(&self, _: &ParsedUrl, param: &RawParam) -> bool {
        self.signs(&param.name)
    }
    fn signs(&self, name: &str) -> bool {
        name != SIGNATURE_PARAM
    }
    fn signs_base(&self) -> bool {
        true
    }
    fn catalogue(&self) -> &'static [&'static [ParamSpec]] {
        &[catalogue::PARAMS]
    }
    fn uncatalogued_param(&self, name: &str) -> Option<ParamInfo> {
        name.strip_prefix(PARAM_PREFIX).map(|report| ParamInfo {
            meaning: format!("The report's parameter {report}."),
            allowed: "text".into(),
            required: false,
            current_name: None,
        })
    }
    fn uncatalogued_hazard(&self, name: &str, _nearest: Option<&str>) -> Option<Option<Hazard>> {
        // A report parameter is the report's to name.
        name.starts_with(PARAM_PREFIX).then_some(None)
    }
    fn hazards(&self, url: &ParsedUrl, _facts: &EmbedFacts, found: &mut Vec<Hazard>) {
        hazards::whole(url, found);
    }
    fn declared_settings(&self) -> &'static [&'static crate::setting::SettingDef] {
        &settings::ALL
    }
    fn settings(&self, policy: &Policy) -> Vec<SettingUsed> {
        vec![
            policy.used(&settings::TIMESTAMP_WINDOW),
            policy.used(&settings::PARAM_DECODING),
        ]
    }
    fn embed_id(&self, base: &str) -> Option<String> {
        segment_after(base, "reports")
    }
    fn path_hint(&self) -> &'static str {
        "/<org>/reports/<report token>/embed"
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
    fn embed_path_issue(&self, embed_path: &str) -> Option<String> {
        form::embed_path_issue(embed_path)
    }
    fn layout(&self) -> &'static Layout {
        &layout::LAYOUT
    }
}
