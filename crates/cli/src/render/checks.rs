//! Checks as text (the doctor's and the token endpoint's): one block per
//! check with its evidence, meaning and fix, then the counts.

use embed_core::doctor::{Check, Status};

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
