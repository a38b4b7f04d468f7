//! The error scenarios as plain data: their ids (the shared ones as
//! constants; a scheme declares its own), what one should get, what was
//! built and what every builder starts from. Building and listing them is
//! [`crate::scenario`]'s.

use serde::Serialize;

use crate::model::request::EmbedRequest;
use crate::policy::Policy;
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
    /// A refusal for `reason` in the words `text` (a scheme's
    /// [`SchemeSpec::refusal_text`](crate::spec::SchemeSpec::refusal_text)).
    pub fn refused_in(
        text: (&'static str, crate::verdict::Wording, Option<&'static str>),
        reason: Reason,
    ) -> Self {
        Expected {
            accepted: false,
            reason: Some(reason),
            message: Some(text.0.to_owned()),
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
