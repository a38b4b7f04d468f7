//! A bug report for one scenario, as Markdown to paste into a ticket: the
//! app version, the profile (never its secret), what was broken, the URL
//! with its signature and nonce redacted, expected against actual, and the
//! host's log lines for that URL.

use embed_core::policy::SettingUsed;
use embed_core::redact::redact;
use embed_core::Scheme;
use serde::Deserialize;

use crate::scenarios::ScenarioRun;

/// The profile as a report shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReportedProfile {
    /// Its name.
    pub name: String,
    /// Its scheme.
    pub scheme: Scheme,
    /// Embed path, workbook or dashboard URL.
    pub embed_path: String,
    /// Client id (not a secret; vendors show it in admin pages).
    pub client_id: String,
}

/// What goes into a report beside the run.
pub struct ReportContext<'a> {
    /// The app's version.
    pub app_version: &'a str,
    /// The profile.
    pub profile: &'a ReportedProfile,
    /// The settings for unconfirmed behaviour.
    pub settings: &'a [SettingUsed],
    /// The host's log lines for this URL (already free of secrets).
    pub host_log: &'a [String],
    /// Now, Unix seconds (times are written as dates and relative to it).
    pub now: u64,
}

fn evidence_words(evidence: crate::load::Evidence) -> &'static str {
    match evidence {
        crate::load::Evidence::HostHeader => "the local host's verdict header",
        crate::load::Evidence::VendorText => "the vendor's error text in the page",
        crate::load::Evidence::StatusOnly => "the HTTP status only",
    }
}

fn outcome_text(run: &ScenarioRun) -> String {
    match &run.actual {
        Ok(outcome) => format!(
            "{} {}{}{} (from {})",
            outcome.status,
            if outcome.accepted {
                "accepted"
            } else {
                "refused"
            },
            outcome
                .reason
                .map(|r| format!(" `{}`", r.id()))
                .unwrap_or_default(),
            outcome
                .message
                .as_deref()
                .map(|m| format!(": {m}"))
                .unwrap_or_default(),
            evidence_words(outcome.evidence)
        ),
        Err(error) => format!("not loaded: {error}"),
    }
}

/// The Markdown report for `run`.
pub fn bug_report(run: &ScenarioRun, context: &ReportContext<'_>) -> String {
    let scenario = &run.scenario;
    let expected = match scenario.expected.reason {
        Some(reason) => format!(
            "refused `{}`{}",
            reason.id(),
            scenario
                .expected
                .message
                .as_deref()
                .map(|m| format!(": {m}"))
                .unwrap_or_default()
        ),
        None => "accepted".to_owned(),
    };
    let times = embed_core::Embed::read(&scenario.url)
        .ok()
        .map(|e| {
            let issued = e.facts.issued_at.map_or_else(
                || "no time in the URL".to_owned(),
                |t| format!("issued {}", embed_core::when::both(t, context.now)),
            );
            let expires = e.facts.expires_at.map_or_else(
                || "never expires".to_owned(),
                |t| format!("expires {}", embed_core::when::both(t, context.now)),
            );
            format!("{issued}; {expires}")
        })
        .unwrap_or_default();
    let mut out = format!(
        "## Embed scenario: {title}{finding}\n\n\
         - **Embed Sandbox**: {version}, report written {written}\n\
         - **Profile**: {name} ({scheme}), `{path}`, client id `{client}` (secret not included)\n\
         - **Changed**: {change}\n\
         - **Loads**: {loads}\n\
         - **Times**: {times}\n\n\
         **URL** (signature and nonce redacted):\n\n```\n{url}\n```\n\n\
         | | |\n|---|---|\n| Expected | {expected} |\n| Actual | {actual} |\n",
        title = scenario.title,
        finding = if run.matches {
            ""
        } else {
            " (finding: actual differs from expected)"
        },
        version = context.app_version,
        written = embed_core::when::iso8601(context.now),
        name = context.profile.name,
        scheme = context.profile.scheme.label(),
        path = context.profile.embed_path,
        client = context.profile.client_id,
        change = scenario.change,
        loads = scenario.loads,
        url = redact(&scenario.url, true),
        actual = outcome_text(run).replace('|', "\\|"),
        expected = expected.replace('|', "\\|"),
    );
    if let Some(setting) = &scenario.expected.setting {
        out.push_str(&format!(
            "\nThe expectation depends on the setting **{setting}**.\n"
        ));
    }
    out.push_str("\n**What to change**\n\n");
    if run.is_finding() {
        out.push_str(&format!(
            "The host answered otherwise than the vendor's documentation says it should. If the vendor really behaves this way, {}; otherwise fix the host (or report it to Embed Sandbox) with this report.\n",
            scenario.expected.setting.as_deref().map_or_else(
                || "note it for this vendor".to_owned(),
                |s| format!("switch the setting {s} to match it")
            )
        ));
    } else if scenario.expected.accepted {
        out.push_str(&format!(
            "Nothing: the vendor accepts this variant ({}), and so did the host.\n",
            scenario.change
        ));
    } else {
        out.push_str(&format!(
            "Nothing is wrong with the host: this scenario breaks the URL on purpose. A real URL refused like this one is fixed by undoing the change ({}).\n",
            scenario.change
        ));
    }
    if !context.settings.is_empty() {
        out.push_str("\n**Settings**\n\n");
        for setting in context.settings {
            out.push_str(&format!(
                "- {}: {} ({})\n",
                setting.name, setting.value, setting.note
            ));
        }
    }
    out.push_str("\n**Host log**\n\n```\n");
    if context.host_log.is_empty() {
        out.push_str("(no entry: a real vendor host, or the request did not arrive)\n");
    }
    for line in context.host_log {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("```\n");
    out
}

/// A Markdown report for a URL in the Inspector, where QA holds the failing
/// URL: the local check, the times, the URL redacted, the hazards and what
/// to change. No secret, no whole signature, no nonce.
pub fn inspection_report(
    url: &str,
    report: &embed_core::InspectReport,
    app_version: &str,
    now: u64,
) -> String {
    let verdict = match &report.verification {
        None => "not checked (no secret for this URL)".to_owned(),
        Some(v) if v.accepted => "local check passes: the signature is valid with the profile's secret (not the vendor's verdict)".to_owned(),
        Some(v) => v.refusal.as_ref().map_or_else(
            || "local check fails".to_owned(),
            |r| format!("local check fails: {} ({})", r.message, r.explanation),
        ),
    };
    let times = report.timing.map_or_else(String::new, |t| {
        let issued = t.issued_at.map_or_else(
            || "no readable time".to_owned(),
            |i| format!("issued {}", embed_core::when::both(i, now)),
        );
        let expires = match (t.expires_at, t.never_expires) {
            (Some(e), _) => format!("expires {}", embed_core::when::both(e, now)),
            (None, true) => "never expires".to_owned(),
            (None, false) => "expiry unknown".to_owned(),
        };
        format!("{issued}; {expires}")
    });
    let mut out = format!(
        "## Embed URL inspected: {scheme}\n\n\
         - **Embed Sandbox**: {app_version}, report written {written}\n\
         - **Verdict**: {verdict}\n\
         - **Times**: {times}\n\n\
         **URL** (signature and nonce redacted):\n\n```\n{url}\n```\n",
        scheme = report.scheme_label,
        written = embed_core::when::iso8601(now),
        url = redact(url, true),
    );
    out.push_str("\n**Hazards**\n\n");
    if report.hazards.is_empty() {
        out.push_str("none\n");
    }
    for hazard in &report.hazards {
        let severity = match hazard.severity {
            embed_core::hazards::Severity::Error => "error",
            embed_core::hazards::Severity::Warning => "warning",
            embed_core::hazards::Severity::Info => "info",
        };
        out.push_str(&format!(
            "- {severity} `{}`: {}\n",
            hazard.code, hazard.message
        ));
    }
    out.push_str("\n**What to change**\n\n");
    let mut fixes: Vec<String> = report
        .verification
        .iter()
        .filter_map(|v| v.refusal.as_ref().map(|r| r.fix.clone()))
        .collect();
    fixes.extend(
        report
            .hazards
            .iter()
            .filter(|h| h.severity != embed_core::hazards::Severity::Info)
            .map(|h| format!("{}: {}", h.code, h.fix)),
    );
    if fixes.is_empty() {
        out.push_str("Nothing the URL itself shows; if the vendor still refuses it, load it once in the preview and copy that status.\n");
    }
    for fix in fixes {
        out.push_str(&format!("- {fix}\n"));
    }
    if !report.settings.is_empty() {
        out.push_str("\n**Settings**\n\n");
        for setting in &report.settings {
            out.push_str(&format!(
                "- {}: {} ({})\n",
                setting.name, setting.value, setting.note
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use embed_core::policy::Policy;
    use embed_core::request::EmbedRequest;
    use embed_core::scenario::{build, Base, ScenarioId};
    use embed_core::schemes::sigma_classic::SigmaClassicRequest;
    use embed_core::verdict::Reason;
    use embed_core::Secret;

    use super::*;
    use crate::load::{Evidence, LoadOutcome};

    #[test]
    fn the_report_carries_no_secret_signature_or_nonce() {
        let secret = Secret::new("very-secret-value");
        let request = EmbedRequest::new(SigmaClassicRequest {
            embed_path: "https://h/embed/1-x".into(),
            client_id: "cid".into(),
            email: "ann@example.com".into(),
            external_user_id: "ann".into(),
            teams: vec!["T".into()],
            account_type: None,
            mode: "userbacked".into(),
            session_length: 60,
            time: 0,
            nonce: String::new(),
            user_attributes: vec![],
            params: vec![],
        });
        let base = Base {
            request: &request,
            secret: &secret,
            policy: &Policy::default(),
            now: 1_800_000_000,
        };
        let scenario = build(ScenarioId::WRONG_SECRET, &base, "nonce-abcdef-123".into()).unwrap();
        let signature = scenario.url.rsplit('=').next().unwrap().to_owned();
        let run = ScenarioRun {
            scenario,
            actual: Ok(LoadOutcome {
                status: 403,
                accepted: false,
                reason: Some(Reason::InvalidSignature),
                message: Some("x | y".into()),
                evidence: Evidence::HostHeader,
            }),
            matches: true,
            not_run: None,
        };
        let profile = ReportedProfile {
            name: "Prod".into(),
            scheme: Scheme::SigmaClassic,
            embed_path: "https://h/embed/1-x".into(),
            client_id: "cid".into(),
        };
        let report = bug_report(
            &run,
            &ReportContext {
                app_version: "0.1.0",
                profile: &profile,
                settings: &Policy::default().settings(),
                host_log: &[
                    "2026-11-22T04:00:00Z 403 refused invalid-signature [nonce sha256:1a2b3c4d]"
                        .into(),
                ],
                now: 1_800_000_100,
            },
        );
        assert!(!report.contains("very-secret-value"));
        assert!(!report.contains(&signature), "{report}");
        assert!(!report.contains("nonce-abcdef-123"), "{report}");
        assert!(report.contains("| Expected | refused `invalid-signature`"));
        assert!(report.contains("x \\| y"));
        assert!(
            report.contains("[nonce sha256:1a2b3c4d]") && report.contains("- clock-skew: 300 (")
        );
        // People's words, not enum names or raw Unix times.
        assert!(
            report.contains("(Sigma classic signed URL)") && !report.contains("SigmaClassic"),
            "{report}"
        );
        assert!(
            report.contains("from the local host's verdict header")
                && !report.contains("HostHeader")
        );
        assert!(
            report.contains("issued 2027-01-15T08:00:00Z (1 min ago)"),
            "{report}"
        );
        assert!(report.contains("**What to change**") && report.contains("undoing the change"));
        // A variant the vendor accepts is not "fixed by undoing" anything.
        let accepted = ScenarioRun {
            scenario: build(ScenarioId::SESSION_RUNS_OUT, &base, "n-2".into()).unwrap(),
            actual: Ok(LoadOutcome {
                status: 200,
                accepted: true,
                reason: None,
                message: None,
                evidence: Evidence::HostHeader,
            }),
            matches: true,
            not_run: None,
        };
        let context = ReportContext {
            app_version: "0.1.0",
            profile: &profile,
            settings: &[],
            host_log: &[],
            now: 1_800_000_100,
        };
        let accepted_report = bug_report(&accepted, &context);
        assert!(
            accepted_report.contains("the vendor accepts this variant")
                && !accepted_report.contains("undoing"),
            "{accepted_report}"
        );
        // One way of showing the nonce: its fingerprint, in the URL as in the log.
        let fingerprint = embed_core::redact::nonce_fingerprint("nonce-abcdef-123");
        assert!(
            report.contains(&format!(":nonce=[nonce sha256:{fingerprint}]")),
            "{report}"
        );
    }

    #[test]
    fn an_inspection_report_names_hazards_and_fixes_and_hides_the_signature() {
        let secret = Secret::new("s3cret-value");
        let url = embed_core::schemes::sigma_classic::sign(
            &SigmaClassicRequest::seed_user(
                "https://h/embed/1-x",
                "cid",
                1_800_000_000,
                "nonce-xyz-1",
            ),
            &secret,
        )
        .unwrap()
        .replace(":email=", ":email=a%20");
        let inspected = embed_core::inspect(
            &url,
            &embed_core::InspectOptions {
                secret: Some(&secret),
                now: Some(1_800_000_060),
                ..Default::default()
            },
        )
        .unwrap();
        let report = inspection_report(&url, &inspected, "0.1.0", 1_800_000_060);
        let signature = url.rsplit('=').next().unwrap();
        assert!(
            !report.contains(signature)
                && !report.contains("s3cret-value")
                && !report.contains("nonce-xyz-1")
        );
        assert!(
            report.contains("## Embed URL inspected: Sigma classic signed URL"),
            "{report}"
        );
        assert!(report.contains("local check fails"), "{report}");
        assert!(
            report.contains("issued 2027-01-15T08:00:00Z (1 min ago)"),
            "{report}"
        );
        assert!(
            report.contains("**What to change**") && report.contains("- "),
            "{report}"
        );
    }
}
