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
}

fn outcome_text(run: &ScenarioRun) -> String {
    match &run.actual {
        Ok(outcome) => format!(
            "{} {}{}{} (evidence: {:?})",
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
            outcome.evidence
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
    let mut out = format!(
        "## Embed scenario: {title}{finding}\n\n\
         - **Embed Sandbox**: {version}\n\
         - **Profile**: {name} ({scheme:?}), `{path}`, client id `{client}` (secret not included)\n\
         - **Changed**: {change}\n\
         - **Loads**: {loads}\n\n\
         **URL** (signature and nonce redacted):\n\n```\n{url}\n```\n\n\
         | | |\n|---|---|\n| Expected | {expected} |\n| Actual | {actual} |\n",
        title = scenario.title,
        finding = if run.matches {
            ""
        } else {
            " (finding: actual differs from expected)"
        },
        version = context.app_version,
        name = context.profile.name,
        scheme = context.profile.scheme,
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use embed_core::policy::Policy;
    use embed_core::request::EmbedRequest;
    use embed_core::scenario::{build, Base, ScenarioId};
    use embed_core::sigma_classic::SigmaClassicRequest;
    use embed_core::verdict::Reason;
    use embed_core::Secret;

    use super::*;
    use crate::load::{Evidence, LoadOutcome};

    #[test]
    fn the_report_carries_no_secret_signature_or_nonce() {
        let secret = Secret::new("very-secret-value");
        let request = EmbedRequest::SigmaClassic(SigmaClassicRequest {
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
        let scenario = build(ScenarioId::WrongSecret, &base, "nonce-abcdef-123".into()).unwrap();
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
                host_log: &["12:00:00 403 refused invalid-signature nonce 1a2b3c4d".into()],
            },
        );
        assert!(!report.contains("very-secret-value"));
        assert!(!report.contains(&signature), "{report}");
        assert!(!report.contains("nonce-abcdef-123"), "{report}");
        assert!(report.contains("| Expected | refused `invalid-signature`"));
        assert!(report.contains("x \\| y"));
        assert!(report.contains("nonce 1a2b3c4d") && report.contains("- clock-skew: 300 ("));
    }
}
