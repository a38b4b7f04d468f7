//! One status per signed URL, in plain words, tied to that URL.
//!
//! A screen that shows a URL shows exactly one status for it, built here from
//! what is known: the local signature check (this profile's secret, no
//! organisation data: never worded as the vendor's verdict), what the host
//! said when the URL was loaded, whether its origin could be reached at all,
//! what the embed posted, how long it has been, and whether the URL is spent
//! or expired. The app only renders the result, so the words cannot drift
//! between screens, and a green line can never sit above a red refusal.

use serde::Serialize;

/// How the status should look.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tone {
    /// The vendor (or the local host standing in for it) let the embed in.
    Good,
    /// Refused, failed, or unusable.
    Bad,
    /// Probably broken, not proven (a blank frame).
    Warn,
    /// Still waiting.
    Pending,
    /// Nothing judged yet.
    Neutral,
}

/// What the local signature check found (no organisation data, no ledger).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalCheck {
    /// The signature verifies and nothing the URL itself says is refused.
    Passes,
    /// The URL itself would be refused; the refusal's words.
    Fails(String),
    /// No secret to check with.
    NotChecked,
}

/// How the URL's origin answered a probe (only its root is asked, never the
/// signed URL: a probe must not spend a nonce).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reachability {
    /// The origin answered with this HTTP status.
    Reached {
        /// The status.
        status: u16,
    },
    /// The host name does not resolve.
    Dns {
        /// The host.
        host: String,
    },
    /// Nothing accepts connections there (refused, or no route).
    Refused {
        /// `host:port`.
        host: String,
    },
    /// No answer in time.
    Timeout {
        /// The host.
        host: String,
        /// Seconds waited.
        seconds: u64,
    },
    /// The TLS handshake failed (certificate, protocol).
    Tls {
        /// The host.
        host: String,
        /// What the TLS layer said.
        detail: String,
    },
    /// Any other failure, with what the HTTP client said.
    Other {
        /// The host.
        host: String,
        /// The error.
        detail: String,
    },
}

/// The local host's verdict on the load (it stands in for the vendor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostVerdict {
    /// The HTTP status sent.
    pub status: u16,
    /// Whether it let the embed in.
    pub accepted: bool,
    /// It could not judge (its ledger failed): no verdict at all.
    pub unavailable: bool,
    /// The refusal's reason id.
    pub reason: Option<String>,
    /// What the embed showed.
    pub message: Option<String>,
    /// The vendor's code.
    pub code: Option<String>,
}

/// Everything observed since the URL was loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observations {
    /// Seconds since the load started; `None` when the URL was never loaded.
    pub seconds_since_load: Option<u64>,
    /// The local host's verdict (local URLs only).
    pub host: Option<HostVerdict>,
    /// How the origin answered (remote URLs only).
    pub reach: Option<Reachability>,
    /// The frame fired its load event.
    pub frame_loaded: bool,
    /// The embed posted its "loaded" event (`workbook:loaded`, `dashboard:loaded`, ...).
    pub embed_loaded: bool,
    /// The embed posted `workbook:error`: its code and message.
    pub embed_error: Option<(Option<String>, String)>,
    /// The local host's framing emulation refuses this frame in its parent
    /// page (or drops the session cookie the embed needs): the doctor's
    /// failing check (see `doctor::blank_frames::refusal`).
    pub frame_refused: Option<crate::doctor::Check>,
}

/// After this long with no load event and no embed event, a frame is blank.
pub const BLANK_AFTER_SECONDS: u64 = 8;

/// The status of one URL.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UrlStatus {
    /// How it should look.
    pub tone: Tone,
    /// A few words for a pill: "Accepted 200", "Refused 403 unknown-team", "Not loaded: DNS".
    pub pill: String,
    /// One sentence: what is true of this URL.
    pub headline: String,
    /// What to do, when something failed.
    pub fix: Option<String>,
    /// The local check in words, always labelled as local.
    pub local_check: String,
    /// The URL was loaded and its nonce is single-use: it cannot be used again.
    pub spent: bool,
    /// Its validity has passed.
    pub expired: bool,
    /// No later observation can change this status (stop polling).
    pub settled: bool,
    /// The frame was refused or stayed silent: the embed doctor can say
    /// why (the app offers it).
    pub doctor: bool,
}

/// What is known about a URL besides what was observed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlContext {
    /// The local check.
    pub local: LocalCheck,
    /// When it expires, Unix seconds (`None`: never).
    pub expires_at: Option<u64>,
    /// Now, Unix seconds.
    pub now: u64,
    /// Whether a load spends it (a single-use nonce or `jti`).
    pub single_use: bool,
    /// Whether the embed names a user (the vendor then checks who it is).
    pub names_user: bool,
    /// The host the URL goes to, for messages.
    pub host: String,
}

fn local_words(context: &UrlContext) -> String {
    match &context.local {
        LocalCheck::Passes => {
            let knows = if context.names_user {
                "its users, their teams or groups and account types, and its embeds"
            } else {
                "its embeds"
            };
            let spent = if context.single_use {
                " and single use are"
            } else {
                " are"
            };
            format!("Local check: the signature is valid with this profile's secret; what only the vendor knows ({knows}){spent} checked only there.")
        }
        LocalCheck::Fails(why) => {
            format!("Local check: the vendor would refuse this URL as it stands: {why}")
        }
        LocalCheck::NotChecked => "Local check: not run (this profile has no secret).".into(),
    }
}

/// A judgement before the URL's own facts (spent, expired) are added.
struct Said {
    tone: Tone,
    pill: String,
    headline: String,
    fix: Option<String>,
    settled: bool,
    doctor: bool,
}

impl Said {
    /// The same, offering the embed doctor.
    fn with_doctor(self) -> Said {
        Said {
            doctor: true,
            ..self
        }
    }
}

fn status(
    tone: Tone,
    pill: impl Into<String>,
    headline: impl Into<String>,
    fix: Option<&str>,
) -> Said {
    Said {
        tone,
        pill: pill.into(),
        headline: headline.into(),
        fix: fix.map(str::to_owned),
        settled: matches!(tone, Tone::Good | Tone::Bad | Tone::Warn),
        doctor: false,
    }
}

fn unreachable(reach: &Reachability) -> Option<Said> {
    let (pill, headline, fix) = match reach {
        Reachability::Reached { .. } => return None,
        Reachability::Dns { host } => ("Not loaded: DNS", format!("{host} does not resolve: this machine cannot find the vendor's server."), "Check the host name, your network, VPN or proxy; offline, use a profile on the local host."),
        Reachability::Refused { host } => ("Not loaded: no connection", format!("Nothing accepts connections at {host}."), "Check the port and that the server runs; a firewall or a stopped local host refuses too."),
        Reachability::Timeout { host, seconds } => return Some(status(Tone::Bad, "Not loaded: timeout", format!("{host} did not answer within {seconds} s."), Some("Check your network, VPN or proxy, then load a fresh URL."))),
        Reachability::Tls { host, detail } => return Some(status(Tone::Bad, "Not loaded: TLS", format!("The secure connection to {host} failed: {detail}."), Some("Check the address (https), the clock, and any proxy that intercepts TLS."))),
        Reachability::Other { host, detail } => return Some(status(Tone::Bad, "Not loaded: network", format!("Could not reach {host}: {detail}."), Some("Check the address and your network, then load a fresh URL."))),
    };
    Some(status(Tone::Bad, pill, headline, Some(fix)))
}

/// The local check of a verification made with the profile's secret.
pub fn local_check(verification: Option<&crate::verify::Verification>) -> LocalCheck {
    match verification {
        None => LocalCheck::NotChecked,
        Some(v) if v.accepted => LocalCheck::Passes,
        Some(v) => LocalCheck::Fails(v.refusal.as_ref().map_or_else(
            || "refused".to_owned(),
            |r| format!("{} ({})", r.message, r.explanation),
        )),
    }
}

/// The status of a URL just signed and not loaded, from its report.
pub fn of_report(report: &crate::inspect::InspectReport, now: u64) -> UrlStatus {
    let host = report
        .base
        .split_once("://")
        .map_or(report.base.as_str(), |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    // Structural faults need no secret: the first error hazard is enough to
    // say the vendor would refuse the URL as it stands.
    let structural = report
        .hazards
        .iter()
        .find(|h| h.severity == crate::hazards::Severity::Error)
        .map(|h| format!("{} (found without the secret)", h.message));
    let local = match (local_check(report.verification.as_ref()), structural) {
        (LocalCheck::NotChecked, Some(fault)) => LocalCheck::Fails(fault),
        (local, _) => local,
    };
    let context = UrlContext {
        local,
        expires_at: report.timing.and_then(|t| t.expires_at),
        now,
        single_use: crate::schemes::spec(report.scheme)
            .capabilities()
            .single_use,
        names_user: crate::schemes::spec(report.scheme).capabilities().identity
            != crate::model::capabilities::UserIdentity::None,
        host,
    };
    of(&context, &Observations::default())
}

/// The one status of a URL.
pub fn of(context: &UrlContext, seen: &Observations) -> UrlStatus {
    let expired = context.expires_at.is_some_and(|e| e < context.now);
    let loaded = seen.seconds_since_load.is_some();
    // A request that never reached the server spent nothing.
    let undelivered = matches!(&seen.reach, Some(r) if !matches!(r, Reachability::Reached { .. }));
    let spent = loaded && context.single_use && !undelivered;
    let Said {
        tone,
        pill,
        headline,
        fix,
        settled,
        doctor,
    } = judge(context, seen, expired);
    UrlStatus {
        tone,
        pill,
        headline,
        fix,
        local_check: local_words(context),
        spent,
        expired,
        settled,
        doctor,
    }
}

fn judge(context: &UrlContext, seen: &Observations, expired: bool) -> Said {
    let Some(seconds) = seen.seconds_since_load else {
        return match (&context.local, expired) {
            (_, true) => status(
                Tone::Bad,
                "Expired",
                "This URL has expired: it would be refused.",
                Some("Sign a fresh URL."),
            ),
            (LocalCheck::Fails(why), _) => status(
                Tone::Bad,
                "Would be refused",
                format!("Not loaded yet; as it stands the vendor would refuse it: {why}"),
                Some("Change what the local check names, then load."),
            ),
            _ => status(
                Tone::Neutral,
                "Not loaded",
                "Not loaded yet: Load asks the vendor (or the local host).",
                None,
            ),
        };
    };
    // The local host stands in for the vendor: its verdict is authoritative.
    if let Some(host) = &seen.host {
        let reason = host
            .reason
            .as_deref()
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        if host.unavailable {
            return status(
                Tone::Bad,
                format!("Not judged {}", host.status),
                format!(
                    "The local host could not judge this load, so it neither accepted nor refused it: {}",
                    host.message.as_deref().unwrap_or("no cause given")
                ),
                Some("Its nonce ledger failed: make the ledger file writable (or restart the host), then load again; the URL is unspent."),
            );
        }
        if !host.accepted {
            let words = host
                .message
                .clone()
                .unwrap_or_else(|| "no error text".into());
            let code = host
                .code
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            return status(
                Tone::Bad,
                format!("Refused {}{reason}", host.status),
                format!("The local host refused it{code}: {words}"),
                Some("Open the preview for what happened and what to change, or inspect the URL."),
            );
        }
        if let Some(check) = &seen.frame_refused {
            let (pill, what) = if check.id.starts_with("cookie:") {
                (
                    "session cookie dropped",
                    "the browser drops the embed's session cookie in this frame",
                )
            } else {
                (
                    "frame refused",
                    "the browser refuses to show it in this parent page",
                )
            };
            return status(
                Tone::Bad,
                format!("Accepted {}, {pill}", host.status),
                format!("The local host accepted it (HTTP {}), but its framing emulation ({}) means {what}: {}", host.status, check.evidence, check.explanation),
                Some(if check.id.starts_with("cookie:") {
                    "The preview framed it from another site (a reproduced blank-frame case): load it from Compose to frame it same-site, or open the embed doctor for what Chrome and Firefox would do."
                } else {
                    "The local host's framing emulation does this (Host settings, or Scenarios › Blank frames, shows what is switched on): switch it off, or open the embed doctor for the fix a real vendor would need."
                }),
            )
            .with_doctor();
        }
        if let Some((code, message)) = &seen.embed_error {
            let code = code.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
            return status(Tone::Bad, format!("Embed error{code}"), format!("The local host accepted it (HTTP {}), then the embed reported an error: {message}", host.status), None);
        }
        return status(
            Tone::Good,
            format!("Accepted {}", host.status),
            "The local host accepted it and the embed is shown in the preview.",
            None,
        );
    }
    if let Some(failure) = seen.reach.as_ref().and_then(unreachable) {
        return failure;
    }
    if let Some((code, message)) = &seen.embed_error {
        let code = code.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
        return status(
            Tone::Bad,
            format!("Embed error{code}"),
            format!("The embed reported an error: {message}"),
            Some("Inspect the URL; the embed's own words are above."),
        );
    }
    if seen.embed_loaded {
        return status(
            Tone::Good,
            "Embed loaded",
            format!("The embed at {} posted its loaded event.", context.host),
            None,
        );
    }
    if seconds >= BLANK_AFTER_SECONDS {
        let (pill, headline) = if seen.frame_loaded {
            ("No embed event", format!("The frame fired its load event, but the embed has posted nothing in {seconds} s: the frame may be refused (browsers fire the load event for a refused frame too), or show the vendor's error page or a login page."))
        } else {
            ("Blank frame", format!("No load event and no embed event after {seconds} s: the frame is probably refused (X-Frame-Options, CSP frame-ancestors, an allowed-domains list) or stuck."))
        };
        return status(
            Tone::Warn,
            pill,
            headline,
            Some("Look at the preview; run the embed doctor on this parent page and embed URL."),
        )
        .with_doctor();
    }
    let waiting = match &seen.reach {
        Some(Reachability::Reached { status: code }) => format!(
            "Loading… {} answers (HTTP {code} at its root); waiting for the embed ({seconds} s).",
            context.host
        ),
        _ => format!("Loading… ({seconds} s)"),
    };
    status(Tone::Pending, "Loading", waiting, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(local: LocalCheck) -> UrlContext {
        UrlContext {
            local,
            expires_at: Some(2_000),
            now: 1_000,
            single_use: true,
            names_user: true,
            host: "app.sigmacomputing.com".into(),
        }
    }

    fn loaded(seconds: u64) -> Observations {
        Observations {
            seconds_since_load: Some(seconds),
            ..Observations::default()
        }
    }

    fn accepted(status: u16) -> HostVerdict {
        HostVerdict {
            status,
            accepted: true,
            unavailable: false,
            reason: None,
            message: None,
            code: None,
        }
    }

    fn refused() -> HostVerdict {
        HostVerdict {
            status: 403,
            accepted: false,
            unavailable: false,
            reason: Some("unknown-team".into()),
            message: Some("The specified teams in \":external_user_team\" do not exist.".into()),
            code: None,
        }
    }

    #[test]
    fn a_load_the_host_could_not_judge_is_neither_accepted_nor_refused() {
        let seen = Observations {
            host: Some(HostVerdict {
                status: 503,
                accepted: false,
                unavailable: true,
                reason: None,
                message: Some("the nonce ledger l.sqlite could not record this URL's nonce (attempt to write a readonly database)".into()),
                code: None,
            }),
            ..loaded(1)
        };
        let s = of(&context(LocalCheck::Passes), &seen);
        assert_eq!(s.tone, Tone::Bad);
        assert_eq!(s.pill, "Not judged 503");
        assert!(!s.headline.contains("host refused it"), "{}", s.headline);
        assert!(s.headline.contains("readonly"), "{}", s.headline);
    }

    #[test]
    fn a_local_check_is_never_worded_as_the_vendors_verdict() {
        let s = of(&context(LocalCheck::Passes), &Observations::default());
        assert_eq!(s.tone, Tone::Neutral);
        assert!(s.local_check.starts_with("Local check:"));
        assert!(!s.local_check.contains("would accept") && !s.headline.contains("accept"));
    }

    #[test]
    fn an_accepted_url_in_a_refused_frame_is_not_shown_as_good() {
        let framing = crate::doctor::blank_frames::BlankFrameCase::FrameOptionsDeny
            .apply(&crate::doctor::emulation::Framing::default());
        let refusal = crate::doctor::blank_frames::refusal(
            &framing,
            crate::Scheme::SigmaClassic,
            "http://127.0.0.1:4000",
            "http://127.0.0.1:4000/embed/x",
            false,
        );
        let seen = Observations {
            host: Some(accepted(200)),
            frame_refused: refusal,
            ..loaded(1)
        };
        let s = of(&context(LocalCheck::Passes), &seen);
        assert_eq!(s.tone, Tone::Bad);
        assert_eq!(s.pill, "Accepted 200, frame refused");
        assert!(s.doctor, "a refused frame offers the doctor");
        assert!(
            s.headline
                .to_ascii_lowercase()
                .contains("x-frame-options: deny"),
            "{}",
            s.headline
        );
    }

    #[test]
    fn a_host_refusal_wins_over_a_passing_local_check_and_nothing_says_accepted() {
        let seen = Observations {
            host: Some(refused()),
            ..loaded(1)
        };
        let s = of(&context(LocalCheck::Passes), &seen);
        assert_eq!(s.tone, Tone::Bad);
        assert_eq!(s.pill, "Refused 403 unknown-team");
        assert!(s.headline.contains("do not exist"));
        assert!(!s.pill.contains("Accepted") && !s.headline.contains("accepted"));
        assert!(s.spent && s.settled);
    }

    #[test]
    fn an_unreachable_vendor_is_one_clear_failure_with_a_fix() {
        let seen = Observations {
            reach: Some(Reachability::Refused {
                host: "127.0.0.1:9".into(),
            }),
            ..loaded(2)
        };
        let s = of(&context(LocalCheck::Passes), &seen);
        assert_eq!(
            (s.tone, s.pill.as_str()),
            (Tone::Bad, "Not loaded: no connection")
        );
        assert!(s.fix.is_some() && s.settled);
        assert!(!s.spent, "a URL that never reached the server is not spent");
        let dns = Observations {
            reach: Some(Reachability::Dns {
                host: "x.invalid".into(),
            }),
            ..loaded(1)
        };
        assert!(of(&context(LocalCheck::Passes), &dns)
            .headline
            .contains("does not resolve"));
    }

    #[test]
    fn silence_becomes_a_blank_frame_after_the_timeout_not_before() {
        let ctx = context(LocalCheck::Passes);
        assert_eq!(of(&ctx, &loaded(2)).tone, Tone::Pending);
        let blank = of(&ctx, &loaded(BLANK_AFTER_SECONDS));
        assert_eq!(
            (blank.tone, blank.pill.as_str()),
            (Tone::Warn, "Blank frame")
        );
        assert!(blank.doctor && !of(&ctx, &loaded(1)).doctor);
        let quiet = of(
            &ctx,
            &Observations {
                frame_loaded: true,
                ..loaded(9)
            },
        );
        assert_eq!(quiet.pill, "No embed event");
        let fine = of(
            &ctx,
            &Observations {
                embed_loaded: true,
                ..loaded(9)
            },
        );
        assert_eq!(fine.tone, Tone::Good);
    }

    #[test]
    fn spent_and_expired_are_facts_of_the_url() {
        let mut ctx = context(LocalCheck::Passes);
        assert!(!of(&ctx, &Observations::default()).spent);
        ctx.now = 3_000;
        let s = of(&ctx, &Observations::default());
        assert!(s.expired && s.tone == Tone::Bad);
        ctx.single_use = false;
        assert!(
            !of(&ctx, &loaded(1)).spent,
            "a reusable token is not spent by a load"
        );
    }

    #[test]
    fn a_structural_fault_needs_no_secret_to_be_headlined() {
        let url = "https://h/embed/1-x?:nonce=n&:client_id=c&:email=a@b.co&:external_user_id=a&:external_user_team=T&:mode=userbacked&:session_length=600&:time=1700000000000&:signature=00";
        let report =
            crate::inspect::inspect(url, &crate::inspect::InspectOptions::default()).unwrap();
        let status = of_report(&report, 1_700_000_000);
        assert_eq!(status.tone, Tone::Bad);
        assert!(
            status.headline.contains("milliseconds")
                && status.headline.contains("without the secret"),
            "{status:?}"
        );
        let fine = "https://h/embed/1-x?:nonce=n&:client_id=c&:email=a@b.co&:external_user_id=a&:external_user_team=T&:mode=userbacked&:session_length=600&:time=1700000000&:signature=00";
        let report =
            crate::inspect::inspect(fine, &crate::inspect::InspectOptions::default()).unwrap();
        assert_eq!(of_report(&report, 1_700_000_000).tone, Tone::Neutral);
    }

    #[test]
    fn an_embed_error_after_acceptance_is_not_reported_as_success() {
        let seen = Observations {
            host: Some(accepted(200)),
            embed_error: Some((
                Some("ETIMEDOUT".into()),
                "Session expired. Reload the page.".into(),
            )),
            ..loaded(30)
        };
        let s = of(&context(LocalCheck::Passes), &seen);
        assert_eq!(s.tone, Tone::Bad);
        assert!(s.headline.contains("Session expired"));
    }
}
