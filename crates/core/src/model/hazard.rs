//! A hazard: one thing in a URL that breaks embeds even when the signature
//! is right, as plain data (the finding of them is [`crate::hazards`]).

use serde::Serialize;

/// How bad a hazard is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The vendor will refuse or misread this.
    Error,
    /// Likely to break or to be read differently than meant.
    Warning,
    /// Worth knowing.
    Info,
}

/// One finding.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hazard {
    /// Stable name (`raw-plus`, `space-after-comma`, ...).
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// The parameter concerned (decoded name), if any.
    pub parameter: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to change.
    pub fix: String,
}

impl Hazard {
    /// A finding: its stable code, severity, parameter, message and fix.
    pub fn new(
        code: &'static str,
        severity: Severity,
        parameter: Option<&str>,
        message: String,
        fix: impl Into<String>,
    ) -> Hazard {
        Hazard {
            code,
            severity,
            parameter: parameter.map(str::to_owned),
            message,
            fix: fix.into(),
        }
    }
}
