//! The error scenario gallery: from one good request, each deliberately
//! broken variant a QA engineer needs to reproduce a vendor error, with the
//! refusal the vendor (or the local host, where the vendor is silent and a
//! setting decides) should give.
//!
//! Building is pure: a scenario is a URL, how many times to load it, and
//! what to expect. Loading and comparing is the caller's job (the local host
//! or a real vendor, over HTTP).

use serde::Serialize;

use crate::boldbi;
use crate::error::Result;
use crate::policy::Policy;
use crate::query::ParsedUrl;
use crate::request::{sign_boldbi_params, sign_classic_prefix, EmbedRequest};
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::sigma_jwt;
use crate::verdict::Reason;

/// Every scenario, in the gallery's order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioId {
    /// The client id with its last character removed (the seed's own example).
    WrongClientId,
    /// Signed with another secret.
    WrongSecret,
    /// A parameter changed after signing.
    TamperedAfterSigning,
    /// Signed so long ago that it has expired.
    Expired,
    /// Signed with a time ahead of now by more than the allowed skew.
    TimeInFuture,
    /// The time in milliseconds (JavaScript's `Date.now()` without `/ 1000`).
    MillisecondTime,
    /// A fractional `:time`, as Sigma's Python signing package sends it.
    FractionalTime,
    /// The same URL loaded twice.
    ReusedNonce,
    /// A team the organisation does not have.
    UnknownTeam,
    /// `:mode` other than `userbacked`.
    WrongMode,
    /// An email that is not an address.
    InvalidEmail,
    /// A session length (or token lifetime, or expiration) over the maximum.
    SessionTooLong,
    /// A required parameter left out.
    MissingRequired,
    /// A `+` in the email sent raw, as hand-built URLs do.
    RawPlusInEmail,
    /// A Bold BI signature containing `+`, sent raw (the vendor sample's way).
    BoldBiRawPlusSignature,
    /// The same, with the `+` escaped as `%2B`.
    BoldBiEscapedPlusSignature,
    /// Signed over the lower-cased query (the old Bold BI sample's `ToLower()`).
    LowercasedQuery,
    /// No team at all.
    NoTeam,
    /// A required parameter's name mistyped (and signed that way).
    MistypedParameter,
    /// An embed path the organisation does not have.
    UnknownEmbed,
    /// The email of an internal (non-embed) user.
    InternalUser,
    /// A session so short it runs out while the embed is open.
    SessionRunsOut,
}

/// All scenarios in order.
pub const ALL: [ScenarioId; 22] = [
    ScenarioId::WrongClientId,
    ScenarioId::WrongSecret,
    ScenarioId::TamperedAfterSigning,
    ScenarioId::Expired,
    ScenarioId::TimeInFuture,
    ScenarioId::MillisecondTime,
    ScenarioId::FractionalTime,
    ScenarioId::ReusedNonce,
    ScenarioId::UnknownTeam,
    ScenarioId::WrongMode,
    ScenarioId::InvalidEmail,
    ScenarioId::SessionTooLong,
    ScenarioId::MissingRequired,
    ScenarioId::RawPlusInEmail,
    ScenarioId::BoldBiRawPlusSignature,
    ScenarioId::BoldBiEscapedPlusSignature,
    ScenarioId::LowercasedQuery,
    ScenarioId::NoTeam,
    ScenarioId::MistypedParameter,
    ScenarioId::UnknownEmbed,
    ScenarioId::InternalUser,
    ScenarioId::SessionRunsOut,
];

/// An embed id no organisation has; the local demo organisation refuses it
/// as "Embed not found".
pub const MISSING_EMBED_ID: &str = "0-no-such-embed";
/// The local demo organisation's internal (non-embed) user.
pub const DEMO_INTERNAL_USER: &str = "analyst@internal.example.com";
/// The session length of [`ScenarioId::SessionRunsOut`], in seconds.
pub const SHORT_SESSION: u64 = 5;

impl ScenarioId {
    /// A short title.
    pub fn title(self) -> &'static str {
        match self {
            ScenarioId::WrongClientId => "Wrong client id",
            ScenarioId::WrongSecret => "Wrong secret",
            ScenarioId::TamperedAfterSigning => "Parameter tampered after signing",
            ScenarioId::Expired => "Expired",
            ScenarioId::TimeInFuture => "Time in the future",
            ScenarioId::MillisecondTime => "Time in milliseconds",
            ScenarioId::FractionalTime => "Fractional :time (Sigma's Python sample)",
            ScenarioId::ReusedNonce => "Reused nonce",
            ScenarioId::UnknownTeam => "Unknown team",
            ScenarioId::WrongMode => "Wrong :mode",
            ScenarioId::InvalidEmail => "Invalid email",
            ScenarioId::SessionTooLong => "Session length over the maximum",
            ScenarioId::MissingRequired => "Missing required parameter",
            ScenarioId::RawPlusInEmail => "Raw + in the email",
            ScenarioId::BoldBiRawPlusSignature => "Bold BI signature with a raw +",
            ScenarioId::BoldBiEscapedPlusSignature => "Bold BI signature with an escaped +",
            ScenarioId::LowercasedQuery => "Lower-cased query (ToLower())",
            ScenarioId::NoTeam => "No team",
            ScenarioId::MistypedParameter => "Mistyped parameter name",
            ScenarioId::UnknownEmbed => "Unknown embed path",
            ScenarioId::InternalUser => "Email of an internal user",
            ScenarioId::SessionRunsOut => "Session runs out while open",
        }
    }

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            ScenarioId::WrongClientId => "wrong-client-id",
            ScenarioId::WrongSecret => "wrong-secret",
            ScenarioId::TamperedAfterSigning => "tampered-after-signing",
            ScenarioId::Expired => "expired",
            ScenarioId::TimeInFuture => "time-in-future",
            ScenarioId::MillisecondTime => "millisecond-time",
            ScenarioId::FractionalTime => "fractional-time",
            ScenarioId::ReusedNonce => "reused-nonce",
            ScenarioId::UnknownTeam => "unknown-team",
            ScenarioId::WrongMode => "wrong-mode",
            ScenarioId::InvalidEmail => "invalid-email",
            ScenarioId::SessionTooLong => "session-too-long",
            ScenarioId::MissingRequired => "missing-required",
            ScenarioId::RawPlusInEmail => "raw-plus-in-email",
            ScenarioId::BoldBiRawPlusSignature => "boldbi-raw-plus-signature",
            ScenarioId::BoldBiEscapedPlusSignature => "boldbi-escaped-plus-signature",
            ScenarioId::LowercasedQuery => "lowercased-query",
            ScenarioId::NoTeam => "no-team",
            ScenarioId::MistypedParameter => "mistyped-parameter",
            ScenarioId::UnknownEmbed => "unknown-embed",
            ScenarioId::InternalUser => "internal-user",
            ScenarioId::SessionRunsOut => "session-runs-out",
        }
    }
}

/// What a scenario should get.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expected {
    /// Whether the (last) load should be accepted.
    pub accepted: bool,
    /// The refusal's reason, when refused.
    pub reason: Option<Reason>,
    /// What the embed should show.
    pub message: Option<String>,
    /// The setting this expectation depends on, for unconfirmed behaviour.
    pub setting: Option<String>,
}

impl Expected {
    fn refused(scheme: Scheme, reason: Reason) -> Self {
        Expected {
            accepted: false,
            reason: Some(reason),
            message: Some(reason.message(scheme).0.to_owned()),
            setting: None,
        }
    }

    fn accepted() -> Self {
        Expected {
            accepted: true,
            reason: None,
            message: None,
            setting: None,
        }
    }

    fn depending_on(mut self, setting: &str) -> Self {
        self.setting = Some(setting.to_owned());
        self
    }
}

/// One built scenario.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Built {
    /// Which scenario.
    pub id: ScenarioId,
    /// Its title.
    pub title: String,
    /// What was broken, in words.
    pub change: String,
    /// The URL to load.
    pub url: String,
    /// How many times to load it (the last load is the one judged).
    pub loads: u8,
    /// What the last load should get.
    pub expected: Expected,
}

/// Why a scenario does not apply to a scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotBuilt {
    /// The scenario makes no sense for this scheme.
    NotApplicable(&'static str),
    /// The base request could not be signed.
    Failed(crate::Error),
}

impl From<crate::Error> for NotBuilt {
    fn from(error: crate::Error) -> Self {
        NotBuilt::Failed(error)
    }
}

/// What every builder starts from.
pub struct Base<'a> {
    /// The good request (its nonce is replaced by a fresh one).
    pub request: &'a EmbedRequest,
    /// The profile's secret.
    pub secret: &'a Secret,
    /// The settings that decide unconfirmed behaviour.
    pub policy: &'a Policy,
    /// Now, Unix seconds.
    pub now: u64,
}

/// Builds scenario `id` from `base`, with `nonce` as its fresh nonce.
pub fn build(id: ScenarioId, base: &Base<'_>, nonce: String) -> Result<Built, NotBuilt> {
    let scheme = base.request.scheme();
    let mut request = base.request.clone();
    *request.nonce_mut() = nonce;
    request.set_time(base.now);
    if let EmbedRequest::BoldBi(r) = &mut request {
        // Where a raw '+' would break the signature anyway, escape it, so
        // each scenario shows only its own fault.
        r.escape_signature |= base.policy.boldbi_plus_as_space;
    }
    let built = |change: String, url: String, expected: Expected| Built {
        id,
        title: id.title().to_owned(),
        change,
        url,
        loads: 1,
        expected,
    };
    let refused = |reason| Expected::refused(scheme, reason);
    Ok(match id {
        ScenarioId::WrongClientId => {
            let client_id = match &mut request {
                EmbedRequest::SigmaClassic(r) => &mut r.client_id,
                EmbedRequest::SigmaJwt(r) => &mut r.client_id,
                EmbedRequest::BoldBi(_) => {
                    return Err(NotBuilt::NotApplicable("Bold BI URLs carry no client id."))
                }
            };
            let removed = client_id.pop();
            let change = match removed {
                Some(c) => format!("removed the client id's last character ({c:?})"),
                None => "the client id is empty".to_owned(),
            };
            built(
                change,
                request.sign(base.secret)?,
                refused(Reason::UnknownClientId),
            )
        }
        ScenarioId::WrongSecret => built(
            "signed with another secret".into(),
            request.sign(&Secret::new("embed-sandbox-wrong-secret"))?,
            refused(Reason::InvalidSignature),
        ),
        ScenarioId::TamperedAfterSigning => {
            let url = request.sign(base.secret)?;
            let (change, tampered) = tamper(scheme, &url)?;
            built(change, tampered, refused(Reason::InvalidSignature))
        }
        ScenarioId::Expired => {
            let time = base
                .now
                .saturating_sub(request.validity())
                .saturating_sub(3600);
            request.set_time(time);
            built(
                format!(
                    "signed at {time}, an hour more than its validity ({} s) ago",
                    request.validity()
                ),
                request.sign(base.secret)?,
                refused(Reason::Expired),
            )
        }
        ScenarioId::TimeInFuture => {
            let ahead = base.policy.clock_skew + 600;
            request.set_time(base.now + ahead);
            built(
                format!(
                    "signed {ahead} s in the future (allowed skew {} s)",
                    base.policy.clock_skew
                ),
                request.sign(base.secret)?,
                refused(Reason::TimeInFuture).depending_on("clock skew"),
            )
        }
        ScenarioId::MillisecondTime => {
            let millis = base.now.saturating_mul(1000);
            request.set_time(millis);
            built(
                format!("signed with the time in milliseconds ({millis}, Date.now() without / 1000): tens of thousands of years ahead"),
                request.sign(base.secret)?,
                refused(Reason::TimeInFuture),
            )
        }
        ScenarioId::FractionalTime => {
            let EmbedRequest::SigmaClassic(r) = &request else {
                return Err(NotBuilt::NotApplicable(
                    "Only Sigma's classic :time is sent as a float by a vendor sample.",
                ));
            };
            let url = request.sign(base.secret)?;
            let whole = format!("&:time={}&", r.time);
            let fraction = format!("&:time={}.069265&", r.time);
            let unsigned = url
                .rsplit_once("&:signature=")
                .map_or(url.as_str(), |(prefix, _)| prefix);
            let with_fraction = format!("{unsigned}&").replacen(&whole, &fraction, 1);
            let prefix = with_fraction.strip_suffix('&').unwrap_or(&with_fraction);
            let expected = if base.policy.sigma_strict_time {
                refused(Reason::MissingParameter)
            } else {
                Expected::accepted()
            };
            built(
                format!("signed with :time={}.069265, as Python's time.time() gives it: accepted by Sigma's own sample, refused only when strict", r.time),
                sign_classic_prefix(prefix, base.secret),
                expected.depending_on("Sigma strict :time"),
            )
        }
        ScenarioId::ReusedNonce => {
            let expected = if scheme != Scheme::BoldBi {
                refused(Reason::NonceReused)
            } else if base.policy.boldbi_refuse_reused_nonce {
                refused(Reason::NonceReused).depending_on("Bold BI refuses a reused nonce")
            } else {
                Expected::accepted().depending_on("Bold BI refuses a reused nonce")
            };
            Built {
                loads: 2,
                ..built(
                    "the same URL loaded twice".into(),
                    request.sign(base.secret)?,
                    expected,
                )
            }
        }
        ScenarioId::UnknownTeam => {
            let teams = match &mut request {
                EmbedRequest::SigmaClassic(r) => &mut r.teams,
                EmbedRequest::SigmaJwt(r) => &mut r.teams,
                EmbedRequest::BoldBi(_) => {
                    return Err(NotBuilt::NotApplicable("Bold BI URLs carry no teams."))
                }
            };
            *teams = vec!["No_Such_Team".into()];
            built(
                "team set to No_Such_Team".into(),
                request.sign(base.secret)?,
                refused(Reason::UnknownTeam),
            )
        }
        ScenarioId::WrongMode => {
            let EmbedRequest::SigmaClassic(r) = &mut request else {
                return Err(NotBuilt::NotApplicable(
                    "Only Sigma classic URLs carry :mode.",
                ));
            };
            // Not view or explore: those older modes are a setting of their own.
            r.mode = "userbaked".into();
            built(
                ":mode mistyped as userbaked".into(),
                request.sign(base.secret)?,
                refused(Reason::WrongMode),
            )
        }
        ScenarioId::InvalidEmail => {
            *request.email_mut() = "ann.example.com".into();
            built(
                "email set to ann.example.com".into(),
                request.sign(base.secret)?,
                refused(Reason::InvalidEmail),
            )
        }
        ScenarioId::SessionTooLong => {
            let (change, expected) = match &mut request {
                EmbedRequest::SigmaClassic(r) => {
                    r.session_length = base.policy.max_session_length + 1;
                    (
                        format!(":session_length set to {}", r.session_length),
                        refused(Reason::SessionLengthTooLong).depending_on("max session length"),
                    )
                }
                EmbedRequest::SigmaJwt(r) => {
                    r.ttl = sigma_jwt::MAX_LIFETIME + 1;
                    (
                        format!("exp - iat set to {}", r.ttl),
                        refused(Reason::JwtLifetimeTooLong),
                    )
                }
                EmbedRequest::BoldBi(r) => {
                    r.expiration = Some(boldbi::MAX_EXPIRATION + 1);
                    (
                        format!("embed_expirationtime set to {}", boldbi::MAX_EXPIRATION + 1),
                        refused(Reason::InvalidExpiration),
                    )
                }
            };
            built(change, request.sign(base.secret)?, expected)
        }
        ScenarioId::MissingRequired => {
            let url = request.sign(base.secret)?;
            let (change, url) = drop_required(scheme, &url, base.secret)?;
            built(change, url, refused(Reason::MissingParameter))
        }
        ScenarioId::RawPlusInEmail => {
            if scheme == Scheme::SigmaJwt {
                return Err(NotBuilt::NotApplicable(
                    "A JWT carries the email inside the signed token, not in the URL.",
                ));
            }
            let email = request.email_mut();
            *email = match email.split_once('@') {
                Some((local, domain)) => format!("{local}+qa@{domain}"),
                None => "ann+qa@example.com".into(),
            };
            let url = request.sign(base.secret)?;
            let raw = resign_with(scheme, &url, base.secret, |query| query.replace("%2B", "+"))?;
            built(
                "a + added to the email and sent raw (signed as sent)".into(),
                raw,
                refused(Reason::InvalidEmail),
            )
        }
        ScenarioId::BoldBiRawPlusSignature | ScenarioId::BoldBiEscapedPlusSignature => {
            let EmbedRequest::BoldBi(r) = &mut request else {
                return Err(NotBuilt::NotApplicable(
                    "Only Bold BI signatures are Base64 (Sigma's are hex).",
                ));
            };
            let escaped = id == ScenarioId::BoldBiEscapedPlusSignature;
            r.escape_signature = escaped;
            let url = with_plus_in_signature(r, base.secret)?;
            let expected = if escaped || !base.policy.boldbi_plus_as_space {
                Expected::accepted()
            } else {
                refused(Reason::InvalidSignature)
            };
            built(
                format!(
                    "nonce chosen so the Base64 signature contains '+', sent {}",
                    if escaped { "as %2B" } else { "raw" }
                ),
                url,
                expected.depending_on("Bold BI reads a raw + as a space"),
            )
        }
        ScenarioId::LowercasedQuery => {
            let EmbedRequest::BoldBi(r) = &mut request else {
                return Err(NotBuilt::NotApplicable(
                    "The ToLower() trap is the old Bold BI sample's.",
                ));
            };
            if !r.email.chars().any(char::is_uppercase) {
                r.email = capitalise(&r.email);
            }
            let params = boldbi::signed_params(r)?;
            let signed_lower = sign_boldbi_params(
                &r.dashboard_url,
                &params.to_lowercase(),
                base.secret,
                r.escape_signature,
            );
            let signature = signed_lower
                .rsplit_once('&')
                .map(|(_, sig)| sig)
                .unwrap_or_default();
            built(
                "signed over the lower-cased query, sent in its real case".into(),
                format!("{}?{params}&{signature}", r.dashboard_url),
                refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::NoTeam => {
            let EmbedRequest::SigmaClassic(r) = &mut request else {
                return Err(NotBuilt::NotApplicable(
                    "Only Sigma classic requires a team (a JWT may omit teams; Bold BI has none).",
                ));
            };
            r.teams.clear();
            built(
                ":external_user_team sent empty".into(),
                request.sign(base.secret)?,
                refused(Reason::NoTeam),
            )
        }
        ScenarioId::MistypedParameter => {
            let url = request.sign(base.secret)?;
            let (change, url) = mistype(scheme, &url, base.secret)?;
            built(change, url, refused(Reason::MissingParameter))
        }
        ScenarioId::UnknownEmbed => {
            let marker = match scheme {
                Scheme::SigmaClassic => "/embed/",
                Scheme::SigmaJwt => "/workbook/",
                Scheme::BoldBi => "/dashboards/",
            };
            let path = match &mut request {
                EmbedRequest::SigmaClassic(r) => &mut r.embed_path,
                EmbedRequest::SigmaJwt(r) => &mut r.workbook_url,
                EmbedRequest::BoldBi(r) => &mut r.dashboard_url,
            };
            let Some(at) = path.find(marker).map(|i| i + marker.len()) else {
                return Err(NotBuilt::NotApplicable(
                    "The embed path has no embed id to replace.",
                ));
            };
            let rest = path[at..]
                .find('/')
                .map_or("", |i| &path[at + i..])
                .to_owned();
            *path = format!("{}{MISSING_EMBED_ID}{rest}", &path[..at]);
            built(
                format!("embed id replaced by {MISSING_EMBED_ID}"),
                request.sign(base.secret)?,
                refused(Reason::UnknownEmbed).depending_on("the organisation's embeds"),
            )
        }
        ScenarioId::InternalUser => {
            *request.email_mut() = DEMO_INTERNAL_USER.into();
            built(
                format!(
                    "email set to {DEMO_INTERNAL_USER}, an internal user of the demo organisation"
                ),
                request.sign(base.secret)?,
                refused(Reason::InternalUser).depending_on("the organisation's users"),
            )
        }
        ScenarioId::SessionRunsOut => {
            match &mut request {
                EmbedRequest::SigmaClassic(r) => r.session_length = SHORT_SESSION,
                EmbedRequest::SigmaJwt(r) => r.ttl = SHORT_SESSION,
                EmbedRequest::BoldBi(_) => {
                    return Err(NotBuilt::NotApplicable(
                        "Bold BI's shortest validity is a day.",
                    ))
                }
            }
            built(
                format!("session length {SHORT_SESSION} s: it loads, then the open embed says \"Session expired. Reload the page.\" (show it in the preview)"),
                request.sign(base.secret)?,
                Expected::accepted(),
            )
        }
    })
}

/// Every scenario of the gallery, built or with the reason it was not.
pub type Gallery = Vec<(ScenarioId, Result<Built, NotBuilt>)>;

/// Builds every scenario that applies, with a nonce from `fresh_nonce` each.
pub fn build_all(base: &Base<'_>, mut fresh_nonce: impl FnMut() -> String) -> Gallery {
    ALL.iter()
        .map(|&id| (id, build(id, base, fresh_nonce())))
        .collect()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "A".into(),
    }
}

/// Changes one signed value after signing.
fn tamper(scheme: Scheme, url: &str) -> Result<(String, String), NotBuilt> {
    let missing = NotBuilt::NotApplicable("The parameter to tamper with is not in the URL.");
    match scheme {
        Scheme::SigmaClassic => insert_after(url, "&:external_user_id=", "x")
            .map(|u| (":external_user_id changed after signing".to_owned(), u))
            .ok_or(missing),
        Scheme::BoldBi => insert_after(url, "embed_user_email=", "x")
            .map(|u| ("embed_user_email changed after signing".to_owned(), u))
            .ok_or(missing),
        Scheme::SigmaJwt => {
            use base64::engine::general_purpose::URL_SAFE_NO_PAD;
            use base64::Engine;
            let parsed = ParsedUrl::parse(url)?;
            let token = sigma_jwt::token(&parsed).ok_or(missing)?.to_owned();
            let (Some((header, rest)), true) =
                (token.split_once('.'), token.matches('.').count() == 2)
            else {
                return Err(NotBuilt::NotApplicable("The URL carries no readable JWT."));
            };
            let signature = rest
                .rsplit_once('.')
                .map(|(_, sig)| sig)
                .unwrap_or_default();
            let mut claims = sigma_jwt::decode(&token)?.claims;
            claims["sub"] = serde_json::Value::String("mallory@example.com".into());
            let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
            Ok((
                "the token's sub changed to mallory@example.com, signature kept".into(),
                url.replacen(&token, &format!("{header}.{payload}.{signature}"), 1),
            ))
        }
    }
}

fn insert_after(url: &str, marker: &str, text: &str) -> Option<String> {
    let at = url.find(marker)? + marker.len();
    Some(format!("{}{text}{}", url.get(..at)?, url.get(at..)?))
}

/// Rewrites the signed part of `url` with `edit` and signs it again as sent.
fn resign_with(
    scheme: Scheme,
    url: &str,
    secret: &Secret,
    edit: impl Fn(&str) -> String,
) -> Result<String, NotBuilt> {
    match scheme {
        Scheme::SigmaClassic => {
            let prefix = url
                .rsplit_once("&:signature=")
                .map(|(prefix, _)| prefix)
                .unwrap_or(url);
            let (base, query) = prefix.split_once('?').unwrap_or((prefix, ""));
            Ok(sign_classic_prefix(
                &format!("{base}?{}", edit(query)),
                secret,
            ))
        }
        Scheme::BoldBi => {
            let (base, rest) = url.split_once('?').unwrap_or((url, ""));
            let (params, signature) = rest
                .rsplit_once(&format!("&{}=", boldbi::SIGNATURE_PARAM))
                .unwrap_or((rest, ""));
            Ok(sign_boldbi_params(
                base,
                &edit(params),
                secret,
                signature.contains('%'),
            ))
        }
        Scheme::SigmaJwt => Err(NotBuilt::NotApplicable(
            "A JWT URL is not re-signed by hand.",
        )),
    }
}

/// Leaves out one required parameter, re-signing where the vendor signs.
fn drop_required(scheme: Scheme, url: &str, secret: &Secret) -> Result<(String, String), NotBuilt> {
    let without = |query: &str, name: &str| {
        query
            .split('&')
            .filter(|p| !p.starts_with(&format!("{name}=")))
            .collect::<Vec<_>>()
            .join("&")
    };
    match scheme {
        Scheme::SigmaClassic => Ok((
            ":external_user_id left out (and the URL signed without it)".into(),
            resign_with(scheme, url, secret, |q| without(q, ":external_user_id"))?,
        )),
        Scheme::BoldBi => Ok((
            "embed_user_email left out (and the URL signed without it)".into(),
            resign_with(scheme, url, secret, |q| without(q, "embed_user_email"))?,
        )),
        Scheme::SigmaJwt => {
            let (base, query) = url.split_once('?').unwrap_or((url, ""));
            let kept = without(query, ":embed");
            Ok((":embed=true left out".into(), format!("{base}?{kept}")))
        }
    }
}

/// Renames one required parameter as a typo would, re-signing where the vendor signs.
fn mistype(scheme: Scheme, url: &str, secret: &Secret) -> Result<(String, String), NotBuilt> {
    match scheme {
        Scheme::SigmaClassic => Ok((
            ":session_length sent as :sesion_length (signed that way)".into(),
            resign_with(scheme, url, secret, |q| {
                q.replacen("&:session_length=", "&:sesion_length=", 1)
            })?,
        )),
        Scheme::BoldBi => Ok((
            "embed_user_email sent as embed_user_mail (signed that way)".into(),
            resign_with(scheme, url, secret, |q| {
                q.replacen("&embed_user_email=", "&embed_user_mail=", 1)
            })?,
        )),
        Scheme::SigmaJwt => Ok((
            ":embed sent as :embedd".into(),
            url.replacen("&:embed=true", "&:embedd=true", 1),
        )),
    }
}

/// Tries nonces (the given one, then numbered variants) until the Base64
/// signature contains a `+`; about one in six has none, so a few tries do.
fn with_plus_in_signature(
    request: &mut boldbi::BoldBiRequest,
    secret: &Secret,
) -> Result<String, NotBuilt> {
    let stem = request.nonce.clone();
    let marker = format!("&{}=", boldbi::SIGNATURE_PARAM);
    for attempt in 0..256u32 {
        if attempt > 0 {
            request.nonce = format!("{stem}-{attempt}");
        }
        let params = boldbi::signed_params(request)?;
        let raw = sign_boldbi_params(&request.dashboard_url, &params, secret, false);
        let has_plus = raw
            .rsplit_once(&marker)
            .is_some_and(|(_, tag)| tag.contains('+'));
        if has_plus {
            return Ok(boldbi::sign(request, secret)?);
        }
    }
    Err(NotBuilt::NotApplicable(
        "No nonce among 256 gave a signature with a '+'.",
    ))
}

#[cfg(test)]
mod tests;
