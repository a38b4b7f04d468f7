//! The classic URL's own checks, in Sigma's order: `:mode` after the
//! nonce; session length and teams after the email; the strict `:time`
//! setting last. The shared order is `verify`'s.

use super::settings::{MAX_SESSION_LENGTH, REFUSE_LEGACY_MODES, STRICT_TIME};
use super::DEFAULT_MODE;
use crate::facts::EmbedFacts;
use crate::policy::Policy;
use crate::verdict::{Reason, Refusal};

/// `:mode` must be `userbacked`; `view` and `explore` (the Node signing
/// package's) pass unless the setting refuses them.
pub fn mode(facts: &EmbedFacts, policy: &Policy) -> Option<Refusal> {
    match facts.mode.as_deref() {
        Some(DEFAULT_MODE) => None,
        Some(legacy @ ("view" | "explore")) if policy.switch(&REFUSE_LEGACY_MODES) => Some(
            super::refusal(Reason::WrongMode,
                format!(":mode is {legacy:?}, an older application-embed mode; secure embeds document \"userbacked\"."),
                "Send :mode=userbacked (Sigma's Node signing package still sends view).",
            )
            .with_setting(policy.used(&REFUSE_LEGACY_MODES)),
        ),
        Some("view" | "explore") => None,
        Some(other) => Some(super::refusal(Reason::WrongMode,
            format!(":mode is {other:?}; this scheme needs \"userbacked\"."),
            "Send :mode=userbacked.",
        )),
        None => Some(super::refusal(Reason::WrongMode,
            ":mode is missing.",
            "Send :mode=userbacked.",
        )),
    }
}

/// The session length against the maximum in force, then at least one team.
pub fn claims(facts: &EmbedFacts, policy: &Policy) -> Option<Refusal> {
    if let Some(length) = facts.lifetime {
        if length > policy.seconds(&MAX_SESSION_LENGTH) {
            return Some(
                super::refusal(Reason::SessionLengthTooLong,
                    format!(":session_length is {length} s; the maximum in force is {} s.", policy.seconds(&MAX_SESSION_LENGTH)),
                    "Lower :session_length (seconds), or raise max-session-length if your Sigma org accepts more.",
                )
                .with_setting(policy.used(&MAX_SESSION_LENGTH)),
            );
        }
    }
    if facts
        .teams
        .as_ref()
        .is_none_or(|t| t.iter().all(String::is_empty))
    {
        return Some(super::refusal(Reason::NoTeam,
            "No team is given in :external_user_team; an embed user must belong to at least one team.",
            "Send :external_user_team with at least one team name.",
        ));
    }
    None
}

/// A fractional `:time`, refused only when the strict setting is on.
pub fn strict_time(facts: &EmbedFacts, policy: &Policy) -> Option<Refusal> {
    let value = facts
        .fractional_time
        .as_ref()
        .filter(|_| policy.switch(&STRICT_TIME))?;
    Some(
        super::refusal(
            Reason::MissingParameter,
            format!(
                ":time is {value:?}, with a fraction of a second; Sigma documents Unix seconds."
            ),
            "Send whole seconds (int(time.time()) in Python).",
        )
        .with_setting(policy.used(&STRICT_TIME)),
    )
}
