//! The error scenario gallery: from one good request, each deliberately
//! broken variant a QA engineer needs to reproduce a vendor error, with the
//! refusal the vendor (or the local host, where the vendor is silent and a
//! setting decides) should give.
//!
//! Building is pure: a scenario is a URL, how many times to load it, and
//! what to expect. Loading and comparing is the caller's job (the local host
//! or a real vendor, over HTTP).

use serde::Serialize;

use crate::policy::Policy;
use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::verdict::Reason;

/// A scenario's stable id ("wrong-secret"): the shared ones are constants
/// here, a scheme's own are declared in its folder ([`ScenarioDef`]), and
/// the registry collects them, so a new vendor's scenario needs no shared line.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ScenarioId(&'static str);

/// A scenario as its owner declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScenarioDef {
    /// Its id.
    pub id: ScenarioId,
    /// A short title.
    pub title: &'static str,
}

impl ScenarioId {
    /// The client id with its last character removed (the seed's own example).
    pub const WRONG_CLIENT_ID: ScenarioId = ScenarioId("wrong-client-id");
    /// Signed with another secret.
    pub const WRONG_SECRET: ScenarioId = ScenarioId("wrong-secret");
    /// A parameter changed after signing.
    pub const TAMPERED_AFTER_SIGNING: ScenarioId = ScenarioId("tampered-after-signing");
    /// Signed so long ago that it has expired.
    pub const EXPIRED: ScenarioId = ScenarioId("expired");
    /// Signed with a time ahead of now by more than the allowed skew.
    pub const TIME_IN_FUTURE: ScenarioId = ScenarioId("time-in-future");
    /// The time in milliseconds (JavaScript's `Date.now()` without `/ 1000`).
    pub const MILLISECOND_TIME: ScenarioId = ScenarioId("millisecond-time");
    /// The same URL loaded twice.
    pub const REUSED_NONCE: ScenarioId = ScenarioId("reused-nonce");
    /// A team the organisation does not have.
    pub const UNKNOWN_TEAM: ScenarioId = ScenarioId("unknown-team");
    /// An email that is not an address.
    pub const INVALID_EMAIL: ScenarioId = ScenarioId("invalid-email");
    /// A session length (or token lifetime, or expiration) over the maximum.
    pub const SESSION_TOO_LONG: ScenarioId = ScenarioId("session-too-long");
    /// A required parameter left out.
    pub const MISSING_REQUIRED: ScenarioId = ScenarioId("missing-required");
    /// A `+` in the email sent raw, as hand-built URLs do.
    pub const RAW_PLUS_IN_EMAIL: ScenarioId = ScenarioId("raw-plus-in-email");
    /// A required parameter's name mistyped (and signed that way).
    pub const MISTYPED_PARAMETER: ScenarioId = ScenarioId("mistyped-parameter");
    /// An embed path the organisation does not have.
    pub const UNKNOWN_EMBED: ScenarioId = ScenarioId("unknown-embed");
    /// The email of an internal (non-embed) user.
    pub const INTERNAL_USER: ScenarioId = ScenarioId("internal-user");
    /// A session so short it runs out while the embed is open.
    pub const SESSION_RUNS_OUT: ScenarioId = ScenarioId("session-runs-out");

    /// A scenario id a scheme folder declares for one of its own scenarios.
    pub const fn declare(id: &'static str) -> Self {
        ScenarioId(id)
    }

    /// The stable id.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// A short title.
    pub fn title(self) -> &'static str {
        all()
            .into_iter()
            .find(|def| def.id == self)
            .map_or(self.0, |def| def.title)
    }
}

impl<'de> serde::Deserialize<'de> for ScenarioId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        find(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown scenario {id:?}")))
    }
}

/// The scenarios every scheme's gallery lists (a scheme one does not
/// apply to says why), in the gallery's order.
pub static SHARED: [ScenarioDef; 16] = [
    ScenarioDef {
        id: ScenarioId::WRONG_CLIENT_ID,
        title: "Wrong client id",
    },
    ScenarioDef {
        id: ScenarioId::WRONG_SECRET,
        title: "Wrong secret",
    },
    ScenarioDef {
        id: ScenarioId::TAMPERED_AFTER_SIGNING,
        title: "Parameter tampered after signing",
    },
    ScenarioDef {
        id: ScenarioId::EXPIRED,
        title: "Expired",
    },
    ScenarioDef {
        id: ScenarioId::TIME_IN_FUTURE,
        title: "Time in the future",
    },
    ScenarioDef {
        id: ScenarioId::MILLISECOND_TIME,
        title: "Time in milliseconds",
    },
    ScenarioDef {
        id: ScenarioId::REUSED_NONCE,
        title: "Reused nonce",
    },
    ScenarioDef {
        id: ScenarioId::UNKNOWN_TEAM,
        title: "Unknown team",
    },
    ScenarioDef {
        id: ScenarioId::INVALID_EMAIL,
        title: "Invalid email",
    },
    ScenarioDef {
        id: ScenarioId::SESSION_TOO_LONG,
        title: "Session length over the maximum",
    },
    ScenarioDef {
        id: ScenarioId::MISSING_REQUIRED,
        title: "Missing required parameter",
    },
    ScenarioDef {
        id: ScenarioId::RAW_PLUS_IN_EMAIL,
        title: "Raw + in the email",
    },
    ScenarioDef {
        id: ScenarioId::MISTYPED_PARAMETER,
        title: "Mistyped parameter name",
    },
    ScenarioDef {
        id: ScenarioId::UNKNOWN_EMBED,
        title: "Unknown embed path",
    },
    ScenarioDef {
        id: ScenarioId::INTERNAL_USER,
        title: "Email of an internal user",
    },
    ScenarioDef {
        id: ScenarioId::SESSION_RUNS_OUT,
        title: "Session runs out while open",
    },
];

/// Every scenario: the shared ones, then each scheme's own in listing order.
pub fn all() -> Vec<ScenarioDef> {
    let mut found: Vec<ScenarioDef> = SHARED.to_vec();
    for spec in crate::schemes::listed() {
        for def in spec.own_scenarios() {
            if !found.iter().any(|d| d.id == def.id) {
                found.push(*def);
            }
        }
    }
    found
}

/// The scenario whose id is `id`.
pub fn find(id: &str) -> Option<ScenarioId> {
    all().into_iter().map(|def| def.id).find(|s| s.0 == id)
}

/// Whether `id` is a shared scenario (every gallery lists it).
pub fn is_shared(id: ScenarioId) -> bool {
    SHARED.iter().any(|def| def.id == id)
}

/// The gallery of `scheme`: the shared scenarios, then its own.
pub fn gallery(scheme: Scheme) -> Vec<ScenarioId> {
    let own = crate::schemes::spec(scheme).own_scenarios();
    SHARED.iter().chain(own).map(|def| def.id).collect()
}

/// An embed id no organisation has; the local demo organisation refuses it
/// as "Embed not found".
pub const MISSING_EMBED_ID: &str = "0-no-such-embed";
/// The local demo organisation's internal (non-embed) user.
pub const DEMO_INTERNAL_USER: &str = "analyst@internal.example.com";
/// The session length of [`ScenarioId::SESSION_RUNS_OUT`], in seconds.
pub const SHORT_SESSION: u64 = 5;

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
    /// A refusal for `reason`, in `scheme`'s words.
    pub fn refused(scheme: Scheme, reason: Reason) -> Self {
        Expected {
            accepted: false,
            reason: Some(reason),
            message: Some(reason.message(scheme).0.to_owned()),
            setting: None,
        }
    }

    /// An acceptance.
    pub fn accepted() -> Self {
        Expected {
            accepted: true,
            reason: None,
            message: None,
            setting: None,
        }
    }

    /// In a few words: "accepted" or "refused: unknown-team".
    pub fn summary(&self) -> String {
        match (self.accepted, self.reason) {
            (true, _) => "accepted".into(),
            (false, Some(reason)) => format!("refused: {}", reason.id()),
            (false, None) => "refused".into(),
        }
    }

    /// The same, depending on the setting named `setting`.
    pub fn depending_on(mut self, setting: &str) -> Self {
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

/// What a scheme's scenario builder works with: the scenario and the base.
pub struct Breaking<'a> {
    /// Which scenario.
    pub id: ScenarioId,
    /// The good request, secret, settings and clock.
    pub base: &'a Base<'a>,
}

impl Breaking<'_> {
    /// The built scenario.
    pub fn built(&self, change: String, url: String, expected: Expected) -> Built {
        Built {
            id: self.id,
            title: self.id.title().to_owned(),
            change,
            url,
            loads: 1,
            expected,
        }
    }

    /// The expectation of a refusal for `reason`, in the scheme's words.
    pub fn refused(&self, reason: Reason) -> Expected {
        Expected::refused(self.base.request.scheme(), reason)
    }

    /// [`ScenarioId::UNKNOWN_EMBED`] for `url`, whose embed id was replaced.
    pub fn unknown_embed(&self, url: String) -> Built {
        self.built(
            format!("embed id replaced by {MISSING_EMBED_ID}"),
            url,
            self.refused(Reason::UnknownEmbed)
                .depending_on("the organisation's embeds"),
        )
    }
}

/// Builds scenario `id` from `base`, with `nonce` as its fresh nonce. The
/// scenarios every scheme shares are built here; the rest by the scheme.
pub fn build(id: ScenarioId, base: &Base<'_>, nonce: String) -> Result<Built, NotBuilt> {
    let spec = crate::schemes::spec(base.request.scheme());
    if !gallery(base.request.scheme()).contains(&id) {
        return Err(NotBuilt::NotApplicable(
            "another vendor's scenario: this scheme's gallery does not list it",
        ));
    }
    let mut request = base.request.clone();
    if let Some(slot) = request.nonce_mut() {
        *slot = nonce;
    }
    request.set_time(base.now);
    spec.prepare_scenario(&mut request, base.policy);
    let b = Breaking { id, base };
    Ok(match id {
        ScenarioId::WRONG_SECRET => b.built(
            "signed with another secret".into(),
            request.sign(&Secret::new("embed-sandbox-wrong-secret"))?,
            b.refused(Reason::InvalidSignature),
        ),
        ScenarioId::EXPIRED => {
            let time = base
                .now
                .saturating_sub(request.validity())
                .saturating_sub(3600);
            request.set_time(time);
            b.built(
                format!(
                    "signed at {time}, an hour more than its validity ({} s) ago",
                    request.validity()
                ),
                request.sign(base.secret)?,
                b.refused(Reason::Expired),
            )
        }
        ScenarioId::TIME_IN_FUTURE => {
            let ahead = base.policy.seconds(&crate::schemes::CLOCK_SKEW) + 600;
            request.set_time(base.now + ahead);
            b.built(
                format!(
                    "signed {ahead} s in the future (allowed skew {} s)",
                    base.policy.seconds(&crate::schemes::CLOCK_SKEW)
                ),
                request.sign(base.secret)?,
                {
                    let expected = future(&b, spec);
                    match expected.setting {
                        Some(_) => expected,
                        None => expected.depending_on("clock skew"),
                    }
                },
            )
        }
        ScenarioId::MILLISECOND_TIME => {
            let millis = base.now.saturating_mul(1000);
            request.set_time(millis);
            b.built(
                format!("signed with the time in milliseconds ({millis}, Date.now() without / 1000): tens of thousands of years ahead"),
                request.sign(base.secret)?,
                future(&b, spec),
            )
        }
        ScenarioId::REUSED_NONCE => {
            if request.nonce_mut().is_none() {
                return Err(NotBuilt::NotApplicable(
                    "this scheme's URLs carry no nonce: nothing makes a load single-use",
                ));
            }
            let (refused, setting) = spec.nonce_rule(base.policy);
            let expected = if refused {
                b.refused(Reason::NonceReused)
            } else {
                Expected::accepted()
            };
            let expected = match setting {
                Some(_) => {
                    expected.depending_on(&format!("{} refuses a reused nonce", spec.vendor()))
                }
                None => expected,
            };
            Built {
                loads: 2,
                ..b.built(
                    "the same URL loaded twice".into(),
                    request.sign(base.secret)?,
                    expected,
                )
            }
        }
        ScenarioId::INVALID_EMAIL => {
            let email = request.email_mut().ok_or(NotBuilt::NotApplicable(
                "This scheme's URL carries no email.",
            ))?;
            *email = "ann.example.com".into();
            b.built(
                "email set to ann.example.com".into(),
                request.sign(base.secret)?,
                b.refused(Reason::InvalidEmail),
            )
        }
        ScenarioId::INTERNAL_USER => {
            let email = request.email_mut().ok_or(NotBuilt::NotApplicable(
                "This scheme's URL carries no email.",
            ))?;
            *email = DEMO_INTERNAL_USER.into();
            b.built(
                format!(
                    "email set to {DEMO_INTERNAL_USER}, an internal user of the demo organisation"
                ),
                request.sign(base.secret)?,
                b.refused(Reason::InternalUser)
                    .depending_on("the organisation's users"),
            )
        }
        _ => spec.scenario(&b, &mut request)?,
    })
}

/// Every scenario of the gallery, built or with the reason it was not.
pub type Gallery = Vec<(ScenarioId, Result<Built, NotBuilt>)>;

/// Builds every scenario that applies, with a nonce from `fresh_nonce` each.
/// The scheme's own gallery: the scenarios it declares (shared ones that
/// do not apply to it say why; other vendors' are not listed).
pub fn build_all(base: &Base<'_>, mut fresh_nonce: impl FnMut() -> String) -> Gallery {
    gallery(base.request.scheme())
        .into_iter()
        .map(|id| (id, build(id, base, fresh_nonce())))
        .collect()
}

/// What a time ahead of the clock gets under the scheme's rule (and the
/// setting that decides it, where the vendor does not say).
fn future(b: &Breaking<'_>, spec: &dyn crate::schemes::SchemeSpec) -> Expected {
    match spec.future_time_rule(b.base.policy) {
        (true, None) => b.refused(Reason::TimeInFuture),
        (true, Some(setting)) => b.refused(Reason::TimeInFuture).depending_on(setting.name),
        (false, setting) => {
            let expected = Expected::accepted();
            match setting {
                Some(setting) => expected.depending_on(setting.name),
                None => expected,
            }
        }
    }
}

/// Removes the client id's last character (the seed's own debugging
/// example) and says what was removed.
pub fn drop_last_character(client_id: &mut String) -> String {
    match client_id.pop() {
        Some(c) => format!("removed the client id's last character ({c:?})"),
        None => "the client id is empty".to_owned(),
    }
}

/// The email with `+qa` before its `@` (a plus-addressed user).
pub fn with_plus(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{local}+qa@{domain}"),
        None => "ann+qa@example.com".into(),
    }
}

/// `text` with its first letter upper-cased.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "A".into(),
    }
}

/// Tries the nonces `<nonce>`, `<nonce>-1`, … of `request` (through
/// `nonce_of`) until `fits` gives a URL: for the scenarios that need a
/// Base64 signature containing `+` (about one nonce in six gives none).
pub fn first_nonce_with_plus<R>(
    request: &mut R,
    nonce_of: impl Fn(&mut R) -> &mut String,
    mut fits: impl FnMut(&R) -> Result<Option<String>, NotBuilt>,
) -> Result<String, NotBuilt> {
    let stem = nonce_of(request).clone();
    for attempt in 0..256u32 {
        if attempt > 0 {
            *nonce_of(request) = format!("{stem}-{attempt}");
        }
        if let Some(url) = fits(request)? {
            return Ok(url);
        }
    }
    Err(NotBuilt::NotApplicable(
        "No nonce among 256 gave a signature with a '+'.",
    ))
}

/// `url` with `text` inserted right after the first `marker`.
pub fn insert_after(url: &str, marker: &str, text: &str) -> Option<String> {
    let at = url.find(marker)? + marker.len();
    Some(format!("{}{text}{}", url.get(..at)?, url.get(at..)?))
}

/// A query string without the parameters called `name` (as sent).
pub fn without_param(query: &str, name: &str) -> String {
    let prefix = format!("{name}=");
    query
        .split('&')
        .filter(|p| !p.starts_with(&prefix))
        .collect::<Vec<_>>()
        .join("&")
}

/// Replaces the embed id after `marker` in `path` with [`MISSING_EMBED_ID`].
pub fn replace_embed_id(path: &mut String, marker: &str) -> Result<(), NotBuilt> {
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
    Ok(())
}

#[cfg(test)]
mod tests;
