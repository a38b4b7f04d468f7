//! Looker's own checks: the login path's escapes (before anything, as
//! Looker's router answers 404), and the session length after the shared
//! checks.

use super::{LOGIN_PATH, MAX_SESSION_LENGTH};
use crate::encoding::has_lowercase_escape;
use crate::query::ParsedUrl;
use crate::verdict::{Reason, Refusal};

/// `session_length` over Looker's 30 days.
pub fn session_length(url: &ParsedUrl) -> Option<Refusal> {
    let length: u64 = url.first("session_length")?.value.trim().parse().ok()?;
    (length > MAX_SESSION_LENGTH).then(|| {
        super::refusal(Reason::SessionLengthTooLong,
            format!("session_length is {length} s; Looker allows at most {MAX_SESSION_LENGTH} s (30 days)."),
            "Lower session_length (the API's default is 300).",
        )
    })
}

/// A login path escaped in lower-case hex (`%2fembed%2f…`): Looker answers
/// 404 Not Found before it reads the signature.
pub fn path_escapes(url: &ParsedUrl) -> Option<Refusal> {
    let path = url.base.split_once(LOGIN_PATH)?.1;
    has_lowercase_escape(path).then(|| {
        super::refusal(Reason::UnknownEmbed,
            format!("The embed path {path} is escaped in lower case; Looker answers 404 Not Found for it."),
            "Escape the embed URL with upper-case hex (%2F), as encodeURIComponent does, and sign that text.",
        )
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn only_a_lower_case_login_path_is_a_404() {
        let url = |path: &str| {
            ParsedUrl::parse(&format!("https://h{LOGIN_PATH}{path}?nonce=%22n%22")).unwrap()
        };
        let refusal = path_escapes(&url("%2fembed%2fdashboards%2f1")).unwrap();
        assert_eq!(refusal.reason, Reason::UnknownEmbed);
        assert!(
            refusal.explanation.contains("%2fembed%2fdashboards%2f1"),
            "{}",
            refusal.explanation
        );
        assert!(path_escapes(&url("%2Fembed%2Fdashboards%2F1")).is_none());
        // An escape in the query is not the path's.
        assert!(path_escapes(
            &ParsedUrl::parse(&format!(
                "https://h{LOGIN_PATH}%2Fembed%2Fdashboards%2F1?models=%5b%5d"
            ))
            .unwrap()
        )
        .is_none());
    }
}
