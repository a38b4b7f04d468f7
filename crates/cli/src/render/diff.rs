//! The diff's text report.

use std::fmt::Write;

use embed_core::diff::{ChangeKind, DiffReport};

fn kind(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
        ChangeKind::Reencoded => "re-encoded",
        ChangeKind::Reordered => "reordered",
        ChangeKind::BaseChanged => "base changed",
    }
}

/// Renders the diff.
pub fn render(report: &DiffReport) -> String {
    let mut out = String::new();
    let scheme = |s: Option<embed_core::Scheme>| s.map_or("not an embed URL", |s| s.id());
    let _ = writeln!(
        out,
        "A: {}  B: {}",
        scheme(report.scheme_a),
        scheme(report.scheme_b)
    );
    if report.identical {
        let _ = writeln!(out, "identical");
        return out;
    }
    if report.changes.is_empty() {
        let _ = writeln!(out, "no parameter changes");
    }
    for change in &report.changes {
        let mark = if change.breaks_signature {
            "  breaks signature"
        } else {
            ""
        };
        let _ = writeln!(out, "{:<12} {}{mark}", kind(change.kind), change.name);
        if let Some(a) = &change.a {
            let _ = writeln!(out, "    A: {a}");
        }
        if let Some(b) = &change.b {
            let _ = writeln!(out, "    B: {b}");
        }
    }
    if !report.claims.is_empty() {
        let _ = writeln!(out, "JWT claims:");
        for claim in &report.claims {
            let show = |v: &Option<serde_json::Value>| {
                v.as_ref()
                    .map_or_else(|| "-".to_owned(), ToString::to_string)
            };
            let _ = writeln!(
                out,
                "{:<12} {}: {} -> {}",
                kind(claim.kind),
                claim.name,
                show(&claim.a),
                show(&claim.b)
            );
        }
    }
    if report.breaking.is_empty() {
        let _ = writeln!(out, "signature: no change breaks A's signature");
    } else {
        let _ = writeln!(
            out,
            "signature: broken by the change to {}",
            report.breaking.join(", ")
        );
    }
    out
}
