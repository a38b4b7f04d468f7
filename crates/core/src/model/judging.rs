//! What a verification is judged with and what it finds, as plain data: the
//! judge (secret, settings, clock), the stateful context (nonce ledger,
//! organisation directory) and the outcome. The judging itself is
//! [`crate::verify`].

use serde::Serialize;

use crate::facts::EmbedFacts;
use crate::policy::Policy;
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::signature::SignatureCheck;
use crate::verdict::Refusal;

/// Remembers which nonces were used (the local host's ledger).
pub trait NonceLedger {
    /// Records `nonce` and returns true if it was never seen; `valid_until` is
    /// when the URL would expire anyway (so the entry may be dropped then).
    fn first_use(&mut self, scheme: Scheme, nonce: &str, valid_until: Option<u64>) -> bool;
}

/// What the organisation knows: teams, account types, embeds, internal users.
///
/// The CLI verifies without one (anything goes); the local host answers from
/// its configuration, so unknown names are refused as the vendor would.
pub trait Directory {
    /// Teams of `teams` the organisation does not have.
    fn unknown_teams(&self, teams: &[String]) -> Vec<String>;
    /// Whether the account type exists.
    fn account_type_known(&self, account_type: &str) -> bool;
    /// Whether the embed (embed id, workbook or dashboard) the URL names
    /// exists; `id` is `None` when the URL names none the scheme can read.
    fn embed_known(&self, scheme: Scheme, id: Option<&str>) -> bool;
    /// Whether the email belongs to an internal (non-embed) user.
    fn is_internal_user(&self, email: &str) -> bool;
}

/// How the URL's clock compares with the verifier's.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Timing {
    /// The verifier's time, Unix seconds.
    pub now: u64,
    /// When the URL was issued.
    pub issued_at: Option<u64>,
    /// When it expires (`None`: never).
    pub expires_at: Option<u64>,
    /// Seconds left before expiry (negative once expired).
    pub seconds_left: Option<i64>,
    /// `issued_at - now`: positive when the signer's clock is ahead.
    pub skew: Option<i64>,
    /// The URL never expires by design (Bold BI without `embed_timestamp`);
    /// when false and `expires_at` is absent, its expiry cannot be read.
    pub never_expires: bool,
}

impl Timing {
    /// Timing of `facts` at `now`.
    pub fn of(facts: &EmbedFacts, now: u64) -> Self {
        let diff = |t: u64| {
            i64::try_from(t)
                .unwrap_or(i64::MAX)
                .saturating_sub(i64::try_from(now).unwrap_or(i64::MAX))
        };
        Timing {
            now,
            issued_at: facts.issued_at,
            expires_at: facts.expires_at,
            seconds_left: facts.expires_at.map(diff),
            skew: facts.issued_at.map(diff),
            never_expires: false,
        }
    }
}

/// The outcome of verification.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Whether the vendor would accept the URL.
    pub accepted: bool,
    /// What the signature check found.
    pub signature: SignatureCheck,
    /// The first failing check, if any.
    pub refusal: Option<Refusal>,
}

impl Verification {
    /// The verdict in a few words: `accepted` or `refused: <reason>`.
    pub fn summary(&self) -> String {
        match (&self.refusal, self.accepted) {
            (_, true) => "accepted".to_owned(),
            (Some(refusal), false) => format!("refused: {}", refusal.reason.id()),
            (None, false) => "refused".to_owned(),
        }
    }
}

/// Everything a verification needs besides the URL.
pub struct Judge<'a> {
    /// The shared secret.
    pub secret: &'a Secret,
    /// Settings for undocumented behaviour.
    pub policy: &'a Policy,
    /// The verifier's clock; `None` skips time checks.
    pub now: Option<u64>,
}

/// The stateful parts of a verification: the nonce ledger and the
/// organisation's directory, both optional.
#[derive(Default)]
pub struct Context<'a> {
    /// Single-use nonces.
    pub ledger: Option<&'a mut dyn NonceLedger>,
    /// Known teams, account types, embeds and users.
    pub directory: Option<&'a dyn Directory>,
}
