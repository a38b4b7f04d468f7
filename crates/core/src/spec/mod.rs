//! What a scheme is, as the shared machinery may ask it: the [`SchemeSpec`]
//! trait every scheme folder implements, and what its hooks take. This
//! layer sits above the plain data ([`crate::model`]) and below the scheme
//! folders; it names no scheme and calls no registry.

pub mod breaking;
pub use crate::model::capabilities;
pub mod sign_cli;

use crate::catalogue::{ParamInfo, ParamSpec};
use crate::error::Result;
use crate::facts::EmbedFacts;
use crate::form::{Environment, FormBasis, SignForm};
use crate::form_layout::Layout;
use crate::model::embed::Embed;
use crate::model::hazard::{Hazard, Severity};
use crate::model::judging::Judge;
use crate::model::scenario::{Built, NotBuilt, ScenarioDef};
use crate::model::snippet::Language;
use crate::model::snippet::Value;
use crate::policy::{Policy, SettingUsed};
use crate::query::{ParsedUrl, RawParam};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::setting::SettingDef;
use crate::signature::SignatureCheck;
use crate::verdict::{Reason, Refusal, Wording};
use breaking::Breaking;

/// How surely a URL belongs to a scheme, from what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    /// Nothing of the scheme.
    None,
    /// Only the path has the scheme's shape.
    Path,
    /// The scheme's parameters (what the vendor checks).
    Params,
    /// The scheme's parameters on its path shape.
    ParamsAndPath,
    /// A parameter no other scheme has (Sigma's `:jwt`).
    Unmistakable,
}

impl Likeness {
    /// The likeness of a URL that carries the scheme's parameters (or
    /// not) on its path shape (or not).
    pub fn of(params: bool, path: bool) -> Self {
        match (params, path) {
            (true, true) => Likeness::ParamsAndPath,
            (true, false) => Likeness::Params,
            (false, true) => Likeness::Path,
            (false, false) => Likeness::None,
        }
    }
}

/// A framing emulation setting a vendor's embeds need (its own allowlist
/// of embedding sites, its session cookie), as the local host's settings
/// panel shows it; the emulation itself is `doctor::emulation`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FramingEmulation {
    /// The setting's name (`allowed-domains`, `session-cookie`).
    pub name: &'static str,
    /// What it decides, in the panel's words.
    pub label: &'static str,
    /// What it reproduces.
    pub note: &'static str,
}

/// A scheme's "Local demo" profile: a working profile against the local
/// host, so the first launch works with no vendor account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demo {
    /// The profile's name.
    pub name: &'static str,
    /// Its client id (empty for a scheme whose URLs name no client).
    pub client_id: &'static str,
    /// Its embed path under the local host's origin.
    pub path: &'static str,
}

/// Everything one scheme knows, as the shared machinery asks for it.
pub trait SchemeSpec: Sync {
    /// Which scheme this is.
    fn scheme(&self) -> Scheme;
    /// The name used on the command line and in JSON.
    fn id(&self) -> &'static str;
    /// The name shown to people ("Sigma classic signed URL").
    fn label(&self) -> &'static str;
    /// The vendor's name ("Sigma").
    fn vendor(&self) -> &'static str;

    /// How much `url` looks like this scheme's.
    fn likeness(&self, url: &ParsedUrl) -> Likeness;
    /// Reshapes what the generic parser read where the vendor reads
    /// differently (Bold BI reads a raw `&` inside its filter as data).
    fn prepare(&self, _url: &mut ParsedUrl) {}
    /// What `url` claims.
    fn facts(&self, url: &ParsedUrl) -> Result<EmbedFacts>;
    /// Checks the signature over the bytes as received.
    fn check_signature(
        &self,
        url: &ParsedUrl,
        facts: &EmbedFacts,
        judge: &Judge<'_>,
    ) -> SignatureCheck;

    /// How the verifier names the client id the scheme carries (`None`
    /// when it carries none, as Bold BI's URL does).
    fn client_id_name(&self) -> Option<&'static str> {
        None
    }
    /// The scheme's own explanation of a signature that does not match.
    fn mismatch_cause(&self, _url: &ParsedUrl, _judge: &Judge<'_>) -> Option<(String, String)> {
        None
    }
    /// The setting an invalid signature's verdict depends on, if any.
    fn signature_setting(&self, _policy: &Policy) -> Option<SettingUsed> {
        None
    }
    /// Whether a reused nonce is refused, and the setting that decides it
    /// where the vendor does not say.
    fn nonce_rule(&self, _policy: &Policy) -> (bool, Option<SettingUsed>) {
        (true, None)
    }
    /// The scheme's checks right after the nonce (Sigma classic's `:mode`).
    fn mode_refusal(&self, _facts: &EmbedFacts, _policy: &Policy) -> Option<Refusal> {
        None
    }
    /// Whether an issue time ahead of the clock (beyond the skew) is
    /// refused, and the setting that decides it where the vendor does not say.
    fn future_time_rule(&self, _policy: &Policy) -> (bool, Option<SettingUsed>) {
        (true, None)
    }
    /// Why a URL without an email is refused.
    fn missing_email_reason(&self) -> Reason {
        Reason::MissingParameter
    }
    /// The scheme's checks after the email: lifetime, claims, teams.
    fn claims_refusal(
        &self,
        _url: &ParsedUrl,
        _facts: &EmbedFacts,
        _policy: &Policy,
    ) -> Option<Refusal> {
        None
    }
    /// The scheme's checks after the organisation's (strict settings).
    fn strict_refusal(
        &self,
        _url: &ParsedUrl,
        _facts: &EmbedFacts,
        _policy: &Policy,
    ) -> Option<Refusal> {
        None
    }

    /// When an embed stops being accepted under `policy` (by default its
    /// own expiry; a scheme whose validity window is a setting computes it).
    fn expiry(&self, facts: &EmbedFacts, _policy: &Policy) -> Option<u64> {
        facts.expires_at
    }
    /// The HTTP status the vendor answers every refusal for `reason` with,
    /// when it documents one status for all (Metabase: 400); `None` leaves
    /// the local host's usual status.
    fn refusal_status(&self, _reason: Reason) -> Option<u16> {
        None
    }
    /// The scheme's own time checks at `now` (Metabase's `nbf`, with its
    /// own margin), after the expiry and the shared future-time check.
    fn time_refusal(&self, _facts: &EmbedFacts, _now: u64) -> Option<Refusal> {
        None
    }
    /// The vendor's text for a refusal when it quotes the embed ("Token is
    /// expired (1700000000)"); `None` keeps the scheme's fixed text.
    fn refusal_message(&self, _reason: Reason, _facts: &EmbedFacts) -> Option<String> {
        None
    }
    /// The setting that decides [`SchemeSpec::expiry`], if one does.
    fn expiry_setting(&self, _policy: &Policy) -> Option<SettingUsed> {
        None
    }

    /// The refusal reasons only this scheme has (beyond
    /// [`crate::verdict::ALL_REASONS`]), so they read back from their ids.
    fn own_reasons(&self) -> &'static [Reason] {
        &[]
    }

    /// What the embed shows for `reason`, whose words they are, and the
    /// vendor's code if any.
    fn refusal_text(&self, reason: Reason) -> (&'static str, Wording, Option<&'static str>);

    /// A note the refusal page adds for `reason` (where a reading of the
    /// vendor's texts is ours, it says so).
    fn refusal_note(&self, _reason: Reason) -> Option<&'static str> {
        None
    }

    /// The parameter that carries the signature (or signed token); `None`
    /// when the signed material travels elsewhere (a token in the path, or
    /// one handed to a web component).
    fn signature_param(&self) -> Option<&'static str>;
    /// How a report shows the signature parameter's raw value; `None`
    /// shortens it to a few characters.
    fn redact_signature(&self, _raw: &str) -> Option<String> {
        None
    }
    /// The URL parameter holding the single-use nonce, if it is in the URL.
    fn nonce_param(&self) -> Option<&'static str>;
    /// Whether the signature covers `param` of `url`.
    fn is_signed(&self, url: &ParsedUrl, param: &RawParam) -> bool;
    /// Whether changing the parameter called `name` breaks the signature.
    fn signs(&self, name: &str) -> bool;
    /// Whether changing the base URL (scheme, host, path) breaks the signature.
    fn signs_base(&self) -> bool;

    /// The settings this scheme's verdicts depend on (its unconfirmed
    /// behaviours), declared in its folder; the registry collects them for
    /// the CLI, the host's config and the app's panel.
    fn declared_settings(&self) -> &'static [&'static SettingDef] {
        &[]
    }

    /// What its embeds are like (shared code branches on these, never on
    /// the scheme). The default reads today's hooks: a query URL, the
    /// nonce parameter (single use when the vendor refuses a reuse by
    /// default), an issue time, no leeway, parameter order signed.
    fn capabilities(&self) -> capabilities::Capabilities {
        default_capabilities(self)
    }

    /// Whether its browser SDK asks the customer's own server to sign (a
    /// token endpoint the doctor can check, as `embed-lab` posts to it).
    fn has_token_endpoint(&self) -> bool {
        false
    }

    /// Its `embed-sandbox sign` command, if it has one.
    fn sign_command(&self) -> Option<&'static sign_cli::SignCommandDef> {
        None
    }

    /// Its "Local demo" profile, if it has one.
    fn demo(&self) -> Option<Demo> {
        None
    }

    /// The tier presets a new install offers this scheme's profiles (a
    /// vendor's two schemes that share presets list them under one).
    fn demo_tiers(&self) -> Vec<crate::tier::Tier> {
        Vec::new()
    }

    /// What a claim of the scheme's token means, for the inspector's table
    /// (for a scheme that carries a JWT).
    fn claim_meaning(&self, _claim: &str) -> Option<&'static str> {
        None
    }

    /// The documented parameters, in tables (a vendor's shared tables too).
    fn catalogue(&self) -> &'static [&'static [ParamSpec]];
    /// What a parameter outside the catalogue is, when the scheme has a
    /// rule for it (Sigma's `:ua_` attributes and workbook controls).
    fn uncatalogued_param(&self, _name: &str) -> Option<ParamInfo> {
        None
    }
    /// The settings for unconfirmed behaviour this scheme's verdicts use,
    /// besides the clock skew every scheme uses.
    fn settings(&self, _policy: &Policy) -> Vec<SettingUsed> {
        Vec::new()
    }
    /// Whether a raw `+` in a value is the sender's escaped space, signed
    /// as a space (Looker's samples `quote_plus` their JSON), so that
    /// "send '+' as %2B" would be wrong advice.
    fn plus_is_a_space(&self) -> bool {
        false
    }
    /// Whether the vendor needs the signature last in the URL, so that a
    /// parameter after it is unsigned or was moved (Sigma classic, Bold BI).
    /// False where position means nothing: a JWT is followed by unsigned
    /// interface parameters, and Looker reads every parameter by name (its
    /// Ruby and Go samples put signed ones after the signature).
    fn signature_goes_last(&self) -> bool {
        true
    }
    /// The setting that makes this vendor's reading of `True` / `False`
    /// strict, when its server reads booleans without regard to case
    /// (unconfirmed, and its own samples send them so): such a value is then
    /// an informational hazard naming the setting, not an error.
    fn strict_booleans_setting(&self) -> Option<&'static str> {
        None
    }
    /// Hazards of the signature parameter's value.
    fn signature_hazards(&self, _signature: &RawParam, _found: &mut Vec<Hazard>) {}
    /// Hazards of a documented parameter beyond its value check.
    fn parameter_hazards(&self, _param: &RawParam, _found: &mut Vec<Hazard>) {}
    /// The scheme's rule for a parameter outside its catalogue: `Some` with
    /// its hazard (or none) when it has one, `None` for the generic
    /// "unknown parameter". `nearest` is the closest documented name.
    fn uncatalogued_hazard(&self, _name: &str, _nearest: Option<&str>) -> Option<Option<Hazard>> {
        None
    }
    /// Parameters that only work with a partner: (present, needed, severity).
    fn partners(&self) -> &'static [(&'static str, &'static str, Severity)] {
        &[]
    }
    /// The scheme's own hazards of the whole URL.
    fn hazards(&self, _url: &ParsedUrl, _facts: &EmbedFacts, _found: &mut Vec<Hazard>) {}
    /// The id of the embed a base URL opens (embed id, workbook slug,
    /// dashboard id), as the vendor's organisation knows it.
    fn embed_id(&self, base: &str) -> Option<String>;
    /// The embed a whole URL names: its base URL's by default (Bold BI's
    /// authorize request names its dashboard in `embed_dashboard_id`).
    fn embed_id_in(&self, url: &ParsedUrl) -> Option<String> {
        self.embed_id(&url.base)
    }
    /// Where this scheme's URLs go, for people ("/embed/...").
    fn path_hint(&self) -> &'static str;
    /// Whether a URL is valid forever (Bold BI without a timestamp).
    fn never_expires(&self, _url: &ParsedUrl) -> bool {
        false
    }

    /// Readies a good request for the scenario gallery, so each scenario
    /// shows only its own fault (Bold BI escapes a '+' the server would misread).
    fn prepare_scenario(&self, _request: &mut EmbedRequest, _policy: &Policy) {}
    /// Builds the scenarios whose breakage depends on the scheme (the
    /// shared ones are built by `scenario::build`), or says why one does not apply.
    fn scenario(&self, b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt>;

    /// The values the hand-off snippet declares, by snake_case name, in
    /// order (nonce and time last); `fresh` makes those two at run time.
    fn snippet_values<'a>(
        &self,
        request: &'a EmbedRequest,
        fresh: bool,
    ) -> Vec<(&'static str, Value<'a>)>;
    /// The hand-off snippet template in `language` (see `snippet`).
    fn snippet_template(&self, language: Language) -> &'static str;
    /// Whether the snippet templates use the shared percent-encoding
    /// helpers (`enc`, `list`) of the prelude.
    fn snippet_uses_encoding(&self) -> bool {
        true
    }
    /// Whether the scheme identifies the user by an email address.
    fn user_by_email(&self) -> bool {
        true
    }
    /// The request a form describes.
    fn form_request(&self, env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest;
    /// What the vendor would refuse in a form, one sentence each (the
    /// email is checked by the shared code).
    fn form_issues(&self, form: &SignForm, policy: &Policy, issues: &mut Vec<String>);
    /// Fills `form` (its email already set) from a received URL.
    fn form_from_url(&self, embed: &Embed, form: &mut SignForm);
    /// The environment's embed path a received URL reads back into.
    fn embed_path_of(&self, embed: &Embed) -> String {
        embed.url.base.clone()
    }
    /// Whether an interface parameter is set elsewhere than in the
    /// interface rows (by the main form, or as a claim).
    fn form_covers(&self, _name: &str) -> bool {
        false
    }
    /// A refusal on the URL's shape alone, before its signature is read or
    /// its nonce spent (Looker: lower-case escapes in the path are a 404;
    /// Bold BI: embed parameters outside the signed string).
    fn shape_refusal(&self, _url: &ParsedUrl) -> Option<Refusal> {
        None
    }
    /// The scenarios only this scheme has; its gallery is these and the
    /// shared ones ([`crate::scenario::gallery`]). Another vendor's
    /// scenario is never listed.
    fn own_scenarios(&self) -> &'static [ScenarioDef] {
        &[]
    }
    /// The HTTP status the vendor documents for exactly `reason`, so that a
    /// page with no known text and that status is evidence of it (Looker:
    /// a lower-case login path is a 404). `None` where the vendor documents
    /// none: a bare status then proves nothing.
    fn documented_status(&self, _reason: Reason) -> Option<u16> {
        None
    }
    /// Where this vendor's own allowlist of embedding sites is set, when it
    /// has one (a frame refused by `frame-ancestors` is then fixed there).
    fn framing_allowlist(&self) -> Option<&'static str> {
        None
    }
    /// The framing emulation settings this vendor's embeds have (the
    /// local host reproduces its allowlist or its session cookie).
    fn framing_emulations(&self) -> &'static [FramingEmulation] {
        &[]
    }
    /// How this vendor's server sets a cookie that survives a cross-site
    /// frame (its name for partitioned cookies), if it has a setting.
    fn partitioned_cookie_setting(&self) -> Option<&'static str> {
        None
    }
    /// Why a profile's embed path cannot be this scheme's, if it cannot
    /// (checked when the profile is saved).
    fn embed_path_issue(&self, _embed_path: &str) -> Option<String> {
        None
    }
    /// The judgement settings a profile's saved form implies for its own
    /// URLs (Looker: the algorithm of its secret), over `policy`.
    fn profile_policy(&self, _defaults: &SignForm, _policy: &mut Policy) {}
    /// What the app draws for this scheme (the folder's `layout.rs`).
    fn layout(&self) -> &'static Layout;
}

/// The path segment after the segment `marker` in a base URL
/// (`segment_after("https://h/embed/1-abc", "embed")` is `1-abc`).
pub fn segment_after(base: &str, marker: &str) -> Option<String> {
    let path = base.split_once("://").map_or(base, |(_, rest)| rest);
    let mut segments = path.split('/').skip(1);
    segments.find(|s| *s == marker)?;
    segments.next().map(str::to_owned)
}

/// The capabilities today's hooks imply (see [`SchemeSpec::capabilities`]);
/// a scheme's own override starts from them.
pub fn default_capabilities<S: SchemeSpec + ?Sized>(spec: &S) -> capabilities::Capabilities {
    use capabilities::{Capabilities, Carrier, KeyShape, UserIdentity};
    let nonce = spec.nonce_param();
    Capabilities {
        carrier: Carrier::QueryUrl,
        nonce,
        single_use: nonce.is_some() && spec.nonce_rule(&Policy::default()).0,
        issue_time: true,
        expiry_leeway: 0,
        param_order_signed: true,
        fragment: None,
        identity: if spec.user_by_email() {
            UserIdentity::Email
        } else {
            UserIdentity::ExternalId
        },
        key: if spec.client_id_name().is_some() {
            KeyShape::ClientId
        } else {
            KeyShape::Secret
        },
    }
}
