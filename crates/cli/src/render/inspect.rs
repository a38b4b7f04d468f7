//! The inspector's text report.

use std::fmt::Write;

use embed_core::hazards::Severity;
use embed_core::InspectReport;

/// Renders the report; `fingerprint` names the secret used, if any.
pub fn render(report: &InspectReport, fingerprint: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", report.scheme_label, report.scheme.id());
    if report.base.is_empty() {
        let _ = writeln!(
            out,
            "  base: (a token without its URL: the host is not known)"
        );
    } else {
        let _ = writeln!(out, "  base: {}", report.base);
    }
    if let Some(fragment) = &report.fragment {
        let _ = writeln!(out, "  fragment (not sent): #{fragment}");
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Parameters ({}, in received order)",
        report.parameters.len()
    );
    let width = report
        .parameters
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(0);
    for p in &report.parameters {
        let signed = if p.signed { "signed  " } else { "unsigned" };
        let _ = writeln!(
            out,
            "  {:>2}. {:<width$}  {signed}  {}",
            p.index + 1,
            p.name,
            p.value
        );
        let raw = format!("{}={}", p.raw_name, p.raw_value.as_deref().unwrap_or(""));
        if p.raw_name != p.name || p.raw_value.as_deref().unwrap_or("") != p.value {
            let _ = writeln!(out, "      {:<width$}  raw       {raw}", "");
        }
        match &p.info {
            Some(info) => {
                let required = if info.required { "required; " } else { "" };
                let _ = writeln!(
                    out,
                    "      {:<width$}  {}  ({required}{})",
                    "", info.meaning, info.allowed
                );
            }
            None => {
                let _ = writeln!(out, "      {:<width$}  (not a documented parameter)", "");
            }
        }
    }
    if let Some(jwt) = &report.jwt {
        let _ = writeln!(out);
        let _ = writeln!(out, "JWT header: {}", jwt.header);
        let _ = writeln!(out, "JWT claims:");
        for claim in &jwt.claims {
            let meaning = claim.meaning.unwrap_or("(not a documented claim)");
            let _ = writeln!(out, "  {} = {}  ({meaning})", claim.name, claim.value);
        }
    }
    let id = &report.identity;
    let _ = writeln!(out);
    let _ = writeln!(out, "Who");
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let names_no_user = embed_core::schemes::spec(report.scheme)
        .capabilities()
        .identity
        == embed_core::model::capabilities::UserIdentity::None;
    if names_no_user {
        let _ = writeln!(out, "  (this scheme's embeds name no user)");
    } else {
        let _ = writeln!(out, "  email:        {}", show(&id.email));
        if id.external_user_id.is_some() {
            let _ = writeln!(out, "  external id:  {}", show(&id.external_user_id));
        }
        let _ = writeln!(out, "  account type: {}", show(&id.account_type));
        let _ = writeln!(
            out,
            "  teams:        {}",
            id.teams
                .as_ref()
                .map_or_else(|| "-".into(), |t| t.join(", "))
        );
        for (name, values) in &id.user_attributes {
            let _ = writeln!(out, "  attribute:    {name} = {}", values.join(", "));
        }
    }
    let _ = writeln!(out, "  client id:    {}", show(&id.client_id));
    let _ = writeln!(out);
    if report.hazards.is_empty() {
        let _ = writeln!(out, "Hazards: none");
    } else {
        let _ = writeln!(out, "Hazards ({})", report.hazards.len());
        for h in &report.hazards {
            let severity = match h.severity {
                Severity::Error => "error  ",
                Severity::Warning => "warning",
                Severity::Info => "info   ",
            };
            let _ = writeln!(out, "  {severity} {}: {}", h.code, h.message);
            let _ = writeln!(out, "          fix: {}", h.fix);
        }
    }
    if let Some(verification) = &report.verification {
        let _ = writeln!(out);
        let _ = write!(
            out,
            "Verdict (secret sha256:{}): ",
            fingerprint.unwrap_or("?")
        );
        super::verdict::write(&mut out, verification, report.scheme.vendor());
        for s in &report.settings {
            let _ = writeln!(
                out,
                "  setting in force: {}={} ({})",
                s.name, s.value, s.note
            );
        }
    }
    if let Some(timing) = &report.timing {
        let _ = writeln!(out);
        super::verdict::write_timing(&mut out, timing);
    }
    out
}
