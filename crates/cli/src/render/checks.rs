//! Checks as text (the doctor's and the token endpoint's): one block per
//! check with its evidence, meaning and fix, then the counts.

use embed_core::doctor::{Check, Status};
use serde::Serialize;

use crate::error::CliError;

/// A checks report as the CLI prints it: pretty JSON, or `text`; exit 1
/// when a check fails, 0 otherwise.
pub fn output<T: Serialize>(
    report: &T,
    checks: &[Check],
    json: bool,
    text: impl FnOnce() -> String,
) -> Result<(String, u8), CliError> {
    let code = u8::from(embed_core::doctor::worst(checks) == Status::Fail);
    if json {
        let json =
            serde_json::to_string_pretty(report).map_err(|e| CliError::Output(e.to_string()))?;
        return Ok((json + "\n", code));
    }
    Ok((text(), code))
}

/// `checks` as blocks and a closing count line.
pub fn blocks(checks: &[Check]) -> String {
    let mut out = String::new();
    for check in checks {
        let mark = match check.status {
            Status::Pass => "pass",
            Status::Warn => "WARN",
            Status::Fail => "FAIL",
        };
        out.push_str(&format!(
            "{mark}  {}\n      {}\n      {}\n",
            check.id, check.evidence, check.explanation
        ));
        if !check.fix.is_empty() {
            out.push_str(&format!("      fix: {}\n", check.fix));
        }
    }
    let count = |s: Status| checks.iter().filter(|c| c.status == s).count();
    out.push_str(&format!(
        "\n{} fail, {} warn, {} pass\n",
        count(Status::Fail),
        count(Status::Warn),
        count(Status::Pass)
    ));
    out
}
