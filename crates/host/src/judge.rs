//! Judges one embed request: which client's secret applies, then the core's
//! verification with the host's ledger, organisation and clock, and the
//! log entry that records it.
//!
//! The checks themselves live in `embed_core::verify`; this module only
//! chooses the secret (by client id for Sigma; for Bold BI, whose URLs name
//! no client, the first configured secret whose signature matches), maps the
//! verdict to an HTTP status and writes the log.

use std::collections::BTreeSet;

use embed_core::signature::SignatureCheck;
use embed_core::verdict::{Reason, Refusal};
use embed_core::{Context, Embed, Judge, Scheme};

use crate::ledger::LedgerAt;
use crate::log::{fingerprint, LogEntry};
use crate::org::{Org, Permission};
use crate::state::HostState;

/// A URL the host accepted.
pub struct Accepted {
    /// The embed as read.
    pub embed: Embed,
    /// What the account type grants.
    pub grants: BTreeSet<Permission>,
    /// The host's time at the load.
    pub now: u64,
}

/// What the host decided.
pub enum Outcome {
    /// Show the mock embed.
    Accepted(Box<Accepted>),
    /// Show the refusal.
    Refused(Box<Refusal>),
    /// The host could not judge (its ledger failed): a 503 with the cause,
    /// never a verdict it cannot stand behind.
    Unavailable(String),
}

/// The decision with its HTTP status.
pub struct Judgement {
    /// The status to send.
    pub status: u16,
    /// What to show.
    pub outcome: Outcome,
    /// The scheme the page speaks (the route's).
    pub scheme: Scheme,
}

/// The HTTP status for a refusal.
pub fn status_for(reason: Reason) -> u16 {
    match reason {
        Reason::UnknownEmbed => 404,
        Reason::UnknownClientId
        | Reason::InvalidSignature
        | Reason::Expired
        | Reason::TimeInFuture
        | Reason::NoTeam
        | Reason::UnknownTeam
        | Reason::InternalUser => 403,
        Reason::NonceReused
        | Reason::WrongMode
        | Reason::InvalidEmail
        | Reason::SessionLengthTooLong
        | Reason::JwtLifetimeTooLong
        | Reason::OAuthNeedsVersion11
        | Reason::InvalidExpiration
        | Reason::UnknownAccountType
        | Reason::MissingParameter => 400,
        // A reason a scheme declares for itself: refused as a bad request,
        // unless the scheme documents its own status.
        _ => 400,
    }
}

/// Who a request claimed to be, for the log.
#[derive(Default)]
struct Who {
    url: Option<String>,
    client_id: Option<String>,
    user: Option<String>,
    nonce: Option<String>,
}

impl Who {
    fn of(embed: &Embed) -> Self {
        Who {
            url: Some(embed_core::redact::redact_parsed(
                &embed.url,
                Some(embed.scheme),
                false,
            )),
            client_id: embed.facts.client_id.clone(),
            user: embed.facts.email.clone(),
            nonce: embed.facts.nonce.clone(),
        }
    }
}

/// How one request is judged besides its URL.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestOptions {
    /// A tool's probe, logged as one.
    pub probe: bool,
    /// Seconds to judge this request later (or earlier) than the host's
    /// clock: a tool's per-request time travel, which moves no one else's.
    pub shift: i64,
}

/// Judges `url` (as the browser sent it) arriving on a route for
/// `route_scheme`.
pub fn judge(
    state: &HostState,
    route_scheme: Scheme,
    route: &str,
    url: &str,
    options: RequestOptions,
) -> Judgement {
    let now = state.clock.now_shifted(options.shift);
    let org = state.org();
    let (outcome, who) = decide(state, &org, route_scheme, url, now);
    let (status, refusal, verdict) = match &outcome {
        Outcome::Accepted(_) => (200, None, "accepted"),
        Outcome::Refused(refusal) => (
            embed_core::schemes::spec(route_scheme)
                .refusal_status(refusal.reason)
                .unwrap_or_else(|| status_for(refusal.reason)),
            Some(refusal.as_ref()),
            "refused",
        ),
        Outcome::Unavailable(_) => (503, None, "unavailable"),
    };
    let probe = options.probe;
    let offset = state.clock.offset().saturating_add(options.shift);
    state.log.push(LogEntry {
        id: 0,
        time: u64::try_from(
            i64::try_from(now)
                .unwrap_or(i64::MAX)
                .saturating_sub(offset),
        )
        .unwrap_or(0),
        host_clock_offset: offset,
        route: route.to_owned(),
        url: who
            .url
            .unwrap_or_else(|| embed_core::redact::redact(url, false)),
        scheme: Some(route_scheme.id().to_owned()),
        client_id: who.client_id,
        user: who.user,
        verdict,
        status,
        reason: refusal.map(|r| r.reason.id().to_owned()),
        message: match &outcome {
            Outcome::Unavailable(cause) => Some(cause.clone()),
            _ => refusal.map(|r| r.message.clone()),
        },
        code: refusal.and_then(|r| r.code.map(str::to_owned)),
        nonce_fingerprint: who.nonce.as_deref().map(fingerprint),
        probe,
    });
    Judgement {
        status,
        outcome,
        scheme: route_scheme,
    }
}

fn refused(refusal: Refusal) -> Outcome {
    Outcome::Refused(Box::new(refusal))
}

fn decide(
    state: &HostState,
    org: &Org,
    route_scheme: Scheme,
    url: &str,
    now: u64,
) -> (Outcome, Who) {
    let embed = match Embed::read(url) {
        Ok(embed) => embed,
        Err(e) => {
            let refusal = Refusal::new(
                route_scheme,
                Reason::MissingParameter,
                e.to_string(),
                e.fix(),
            );
            return (refused(refusal), Who::default());
        }
    };
    if embed.scheme != route_scheme {
        let refusal = Refusal::new(
            route_scheme,
            Reason::MissingParameter,
            format!(
                "This address serves {} embeds, but the URL carries the parameters of a {}.",
                route_scheme.label(),
                embed.scheme.label()
            ),
            format!(
                "Check the embed path: {}.",
                embed_core::schemes::all()
                    .iter()
                    .map(|s| format!("{} URLs go to {}", s.label(), s.path_hint()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        return (refused(refusal), Who::of(&embed));
    }
    // A scheme whose URL names no client (Bold BI) is tried with every
    // client that signs it: the one whose secret verifies is the sender.
    let client = match embed_core::schemes::spec(route_scheme).client_id_name() {
        None => {
            // Clients configured for this scheme first, then those for any:
            // when none verifies, the diagnosis uses the scheme's own secret.
            let mut candidates: Vec<_> = org
                .clients
                .iter()
                .filter(|c| c.signs(route_scheme))
                .collect();
            candidates.sort_by_key(|c| !c.schemes.contains(&route_scheme));
            candidates
                .iter()
                .find(|c| {
                    let judge = Judge {
                        secret: &c.secret,
                        policy: &org.policy,
                        now: Some(now),
                    };
                    embed_core::verify::check_signature(
                        &embed.url,
                        embed.scheme,
                        &embed.facts,
                        &judge,
                    ) == SignatureCheck::Valid
                })
                .or(candidates.first())
                .copied()
        }
        Some(_) => embed
            .facts
            .client_id
            .as_deref()
            .and_then(|id| org.client(id))
            .filter(|c| c.signs(route_scheme)),
    };
    let Some(client) = client else {
        let what = match &embed.facts.client_id {
            Some(id) => format!("The client id {id:?} is not one this host knows."),
            None if embed_core::schemes::spec(route_scheme)
                .client_id_name()
                .is_none() =>
            {
                format!(
                    "No embed client for {} is configured on this host.",
                    route_scheme.vendor()
                )
            }
            None => "The URL carries no client id.".to_owned(),
        };
        let refusal = Refusal::new(
            route_scheme,
            Reason::UnknownClientId,
            what,
            "Sign with a client id the host was started with (--client-id), exactly as issued: the seed's debugging exercise drops its last character.",
        );
        return (refused(refusal), Who::of(&embed));
    };
    let judge = Judge {
        secret: &client.secret,
        policy: &org.policy,
        now: Some(now),
    };
    let mut ledger = LedgerAt::new(&state.ledger, now);
    let verification = embed.verify(
        &judge,
        Context {
            ledger: Some(&mut ledger),
            directory: Some(org),
        },
    );
    let who = Who::of(&embed);
    if let Some(cause) = ledger.fault {
        return (Outcome::Unavailable(cause), who);
    }
    match verification.refusal {
        Some(refusal) => (refused(refusal), who),
        None => {
            let grants = org.grants(embed.facts.account_type.as_deref());
            (
                Outcome::Accepted(Box::new(Accepted { embed, grants, now })),
                who,
            )
        }
    }
}
