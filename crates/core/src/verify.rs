//! Judges an embed URL the way the vendor does, check by check, in the vendor's order.
//!
//! Order (issue "Local host", point 3): client id, signature, expiry, clock
//! skew, nonce, `:mode`, email, session length, teams, other required
//! parameters. The first failing check is the refusal. The nonce ledger is a
//! trait so the core stays free of I/O: the CLI verifies without one, the
//! local host brings its own.

use crate::facts::EmbedFacts;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;
use crate::signature::SignatureCheck;
use crate::verdict::{Reason, Refusal};

pub use crate::model::judging::{Context, Directory, Judge, NonceLedger, Timing, Verification};

/// Checks the signature under `scheme`.
pub fn check_signature(
    url: &ParsedUrl,
    scheme: Scheme,
    facts: &EmbedFacts,
    judge: &Judge<'_>,
) -> SignatureCheck {
    crate::schemes::spec(scheme).check_signature(url, facts, judge)
}

/// Runs every check in order; the ledger (if any) is consulted only once the
/// URL is otherwise authentic and in date.
pub fn verify(
    url: &ParsedUrl,
    scheme: Scheme,
    facts: &EmbedFacts,
    judge: &Judge<'_>,
    context: Context<'_>,
) -> Verification {
    let signature = check_signature(url, scheme, facts, judge);
    let refusal = first_refusal(url, scheme, facts, judge, signature, context).map(|mut r| {
        if let Some(message) = crate::schemes::spec(scheme).refusal_message(r.reason, facts) {
            r.message = message;
        }
        r
    });
    Verification {
        accepted: refusal.is_none(),
        signature,
        refusal,
    }
}

fn first_refusal(
    url: &ParsedUrl,
    scheme: Scheme,
    facts: &EmbedFacts,
    judge: &Judge<'_>,
    signature: SignatureCheck,
    context: Context<'_>,
) -> Option<Refusal> {
    let refuse = |reason, why: String, fix: &str| Some(Refusal::new(scheme, reason, why, fix));
    let policy = judge.policy;
    let spec = crate::schemes::spec(scheme);

    if let Some(refusal) = spec.shape_refusal(url) {
        return Some(refusal);
    }
    if let Some(what) = spec.client_id_name() {
        match (&facts.client_id, &policy.client_id) {
            (None, _) => return refuse(Reason::UnknownClientId, format!("{what} is missing."), "Send the client id of the embed credentials (Administration > Developer access)."),
            (Some(got), _) if got.trim().is_empty() => return refuse(Reason::UnknownClientId, format!("{what} is empty."), "Send the client id of the embed credentials (Administration > Developer access)."),
            (Some(got), Some(want)) if got != want => {
                return refuse(
                    Reason::UnknownClientId,
                    format!("{what} {got:?} is not the configured client id {want:?}."),
                    "Copy the client id again from the vendor's admin page; a character may be missing (the seed's own debugging example drops the last one).",
                )
            }
            _ => {}
        }
    }

    match signature {
        SignatureCheck::Valid => {}
        SignatureCheck::Missing => {
            return refuse(
                Reason::InvalidSignature,
                "The URL carries no signature.".into(),
                "Append the signature parameter last, computed over everything before it.",
            )
        }
        SignatureCheck::Invalid => {
            let (why, fix) = crate::diagnose::signature_mismatch(url, scheme, facts, judge);
            let mut refusal = Refusal::new(scheme, Reason::InvalidSignature, why, fix);
            if let Some(setting) = spec.signature_setting(policy) {
                refusal = refusal.with_setting(setting);
            }
            return Some(refusal);
        }
    }

    if let Some(now) = judge.now {
        if let Some(expires_at) = spec.expiry(facts, policy) {
            let leeway = spec.capabilities().expiry_leeway;
            if expires_at.saturating_add(leeway) < now {
                let refusal = Refusal::new(
                    scheme,
                    Reason::Expired,
                    format!("The URL expired at {expires_at}, {} s before now ({now}).", now - expires_at),
                    "Sign a fresh URL for every load; if it was just signed, the signing server's clock is behind: sync it (NTP).",
                );
                return Some(match spec.expiry_setting(policy) {
                    Some(setting) => refusal.with_setting(setting),
                    None => refusal,
                });
            }
        }
        let (future_refused, future_setting) = spec.future_time_rule(policy);
        if let Some(issued_at) = facts.issued_at.filter(|_| future_refused) {
            if issued_at > now.saturating_add(policy.seconds(&crate::schemes::CLOCK_SKEW)) {
                let mut refusal = Refusal::new(
                    scheme,
                    Reason::TimeInFuture,
                    format!("The URL claims to be issued at {issued_at}, {} s after now ({now}).", issued_at - now),
                    "The signing server's clock is ahead: sync it (NTP), or send the current Unix time in seconds, not milliseconds.",
                )
                .with_setting(policy.used(&crate::schemes::CLOCK_SKEW));
                if let Some(setting) = future_setting {
                    refusal = refusal.with_setting(setting);
                }
                return Some(refusal);
            }
        }
    }

    if let Some(refusal) = judge.now.and_then(|now| spec.time_refusal(facts, now)) {
        return Some(refusal);
    }

    let (nonce_refused, nonce_setting) = spec.nonce_rule(policy);
    let ledger = context.ledger.filter(|_| nonce_refused);
    if let (Some(ledger), Some(nonce)) = (ledger, &facts.nonce) {
        if !ledger.first_use(scheme, nonce, facts.expires_at) {
            let refusal = Refusal::new(
                scheme,
                Reason::NonceReused,
                "This exact URL was loaded before; its nonce is single-use.",
                "Sign a new URL (new nonce) for every load, including previews and retries.",
            );
            return Some(match nonce_setting {
                Some(setting) => refusal.with_setting(setting),
                None => refusal,
            });
        }
    }

    if let Some(refusal) = spec.mode_refusal(facts, policy) {
        return Some(refusal);
    }

    // A scheme that names the user otherwise (Looker's external user id) has no email to check.
    if spec.user_by_email() {
        match facts.email.as_deref() {
            Some(email) if is_valid_email(email) => {}
            Some(email) => {
                let plus_hint = if email.contains(' ') {
                    " A space usually means a raw '+' in the address was read as a space: send it as %2B."
                } else {
                    ""
                };
                return refuse(
                    Reason::InvalidEmail,
                    format!("The email {email:?} is not a valid address.{plus_hint}"),
                    "Send a full address like name@example.com, percent-encoding '+' as %2B.",
                );
            }
            None => {
                return refuse(
                    spec.missing_email_reason(),
                    "The email is missing.".into(),
                    "Send the embed user's email address.",
                )
            }
        }
    }

    if let Some(refusal) = spec.claims_refusal(url, facts, policy) {
        return Some(refusal);
    }

    if let Some(directory) = context.directory {
        if let Some(refusal) = directory_refusal(url, scheme, facts, directory) {
            return Some(refusal);
        }
    }

    if let Some(refusal) = spec.strict_refusal(url, facts, policy) {
        return Some(refusal);
    }
    if let Some(bad) = facts.unreadable.first() {
        return refuse(
            Reason::MissingParameter,
            format!("{} is unreadable: {}.", bad.name, bad.problem),
            "Send it as a plain whole number of seconds (no sign, no fraction).",
        );
    }
    let missing = crate::documented::missing_required(url, scheme);
    if let Some(name) = missing.first() {
        return refuse(
            Reason::MissingParameter,
            format!("The required parameter {name} is missing (or its name is mistyped)."),
            "Add it; the inspector lists every required parameter.",
        );
    }
    None
}

fn directory_refusal(
    url: &ParsedUrl,
    scheme: Scheme,
    facts: &EmbedFacts,
    directory: &dyn Directory,
) -> Option<Refusal> {
    let refuse = |reason, why: String, fix: &str| Some(Refusal::new(scheme, reason, why, fix));
    let unknown = directory.unknown_teams(facts.teams.as_deref().unwrap_or_default());
    if !unknown.is_empty() {
        return refuse(
            Reason::UnknownTeam,
            format!("No team named {} exists in this organisation.", unknown.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>().join(", ")),
            "Check the spelling (names are case-sensitive, no space after commas) or create the team in the admin portal.",
        );
    }
    if let Some(account_type) = &facts.account_type {
        if !directory.account_type_known(account_type) {
            return refuse(
                Reason::UnknownAccountType,
                format!("No account type named {account_type:?} exists in this organisation."),
                "Use an existing account type (case-sensitive), such as Viewer or Creator.",
            );
        }
    }
    let id = crate::schemes::spec(scheme).embed_id_in(url);
    if !directory.embed_known(scheme, id.as_deref()) {
        return refuse(
            Reason::UnknownEmbed,
            format!("Nothing is embedded at {}.", url.base),
            "Copy the embed path again from the workbook's embed settings.",
        );
    }
    if let Some(email) = &facts.email {
        if directory.is_internal_user(email) {
            return refuse(
                Reason::InternalUser,
                format!(
                    "{email} belongs to an internal user of the organisation, not an embed user."
                ),
                "Use a different email for the embed user; internal users sign in directly.",
            );
        }
    }
    None
}

/// A plain syntactic email check: one `@`, a non-empty local part, a dotted
/// domain, no whitespace.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_check_catches_a_plus_read_as_space() {
        assert!(is_valid_email("neil.coleman+embed@sigmacomputing.com"));
        assert!(!is_valid_email("neil.coleman embed@sigmacomputing.com"));
        assert!(!is_valid_email("nobody"));
        assert!(!is_valid_email("a@b"));
        assert!(!is_valid_email("a@@b.co"));
    }
}
