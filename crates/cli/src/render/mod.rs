//! Plain-text renderings for people; `--json` output is the core's types as JSON.

pub mod checks;
pub mod diff;
pub mod inspect;
pub mod verdict;

use serde::Serialize;

use crate::error::CliError;

/// Serializes `value` as pretty JSON under a top-level `format` tag.
pub fn json<T: Serialize>(format: &'static str, value: &T) -> Result<String, CliError> {
    #[derive(Serialize)]
    struct Tagged<'a, T> {
        format: &'static str,
        #[serde(flatten)]
        body: &'a T,
    }
    serde_json::to_string_pretty(&Tagged {
        format,
        body: value,
    })
    .map_err(|e| CliError::Output(e.to_string()))
}

/// "in 5 s", "3 s ago".
pub fn relative(seconds: i64) -> String {
    if seconds == 0 {
        "now".to_owned()
    } else if seconds > 0 {
        format!("in {seconds} s")
    } else {
        format!("{} s ago", seconds.unsigned_abs())
    }
}
