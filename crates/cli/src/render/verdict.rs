//! The verdict block: accepted, or refused in the vendor's words with reason and fix.

use std::fmt::Write;

use embed_core::verdict::Wording;
use embed_core::verify::Timing;
use embed_core::Verification;

use super::relative;

/// Writes the verdict lines.
pub fn write(out: &mut String, verification: &Verification, vendor: &str) {
    match &verification.refusal {
        None => {
            let _ = writeln!(out, "accepted");
        }
        Some(refusal) => {
            let code = refusal.code.map(|c| format!(" [{c}]")).unwrap_or_default();
            let whose = match refusal.wording {
                Wording::Vendor => format!("{vendor} shows"),
                Wording::Product => "Embed Sandbox says (the vendor documents no text)".to_owned(),
            };
            let _ = writeln!(out, "refused: {}{code}", refusal.reason.id());
            let _ = writeln!(out, "  {whose}: {}", refusal.message);
            let _ = writeln!(out, "  reason: {}", refusal.explanation);
            let _ = writeln!(out, "  fix: {}", refusal.fix);
            if let Some(setting) = &refusal.setting {
                let _ = writeln!(
                    out,
                    "  setting: {}={} ({})",
                    setting.name, setting.value, setting.note
                );
            }
        }
    }
}

/// Writes the timing lines.
pub fn write_timing(out: &mut String, timing: &Timing) {
    let _ = writeln!(out, "Timing (now = {})", timing.now);
    match (timing.issued_at, timing.skew) {
        (Some(issued), Some(skew)) => {
            let _ = writeln!(out, "  issued   {issued} ({})", relative(skew));
        }
        _ => {
            let _ = writeln!(out, "  issued   unknown");
        }
    }
    match (timing.expires_at, timing.seconds_left) {
        (Some(expires), Some(left)) if left >= 0 => {
            let _ = writeln!(out, "  expires  {expires} ({})", relative(left));
        }
        (Some(expires), Some(left)) => {
            let _ = writeln!(out, "  expired  {expires} ({})", relative(left));
        }
        _ => {
            let _ = writeln!(out, "  expires  never (or unknown)");
        }
    }
}
