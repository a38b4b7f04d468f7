//! What can go wrong loading a URL, each with what to do about it.

use thiserror::Error;

/// A load that could not be judged.
#[derive(Debug, Error)]
pub enum LabError {
    /// The URL is not one we can load.
    #[error("the URL cannot be loaded: {0}")]
    BadUrl(String),
    /// The host could not be reached or did not answer in time.
    #[error("could not load {host}: {detail}")]
    Network {
        /// Scheme, host and port only: never the signed query.
        host: String,
        /// What the HTTP client said.
        detail: String,
    },
    /// The page was larger than we read.
    #[error("the response from {host} is over {limit} bytes")]
    TooLarge {
        /// Scheme, host and port.
        host: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// A local host tool endpoint (its clock) refused.
    #[error("the local host's {endpoint} answered {status}")]
    HostTool {
        /// Which endpoint.
        endpoint: &'static str,
        /// The HTTP status.
        status: u16,
    },
    /// The local host answered that it could not judge the load (its nonce
    /// ledger failed): no verdict, and the URL's nonce was not spent.
    #[error("the local host at {host} could not judge the load: {cause}")]
    HostCannotJudge {
        /// Scheme, host and port.
        host: String,
        /// What the host said.
        cause: String,
    },
    /// The parent page given to the doctor is larger than it reads.
    #[error("the parent page {what} is over {limit} bytes")]
    ParentTooLarge {
        /// Its URL's origin, or "given" for saved HTML.
        what: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// What the doctor was given cannot be checked (a parent or embed that
    /// is not an http(s) URL).
    #[error("the doctor cannot check this: {0}")]
    DoctorInput(String),
    /// A scratch local host (for the blank-frame cases) did not start.
    #[error("could not start a scratch local host on 127.0.0.1: {0}")]
    ScratchHost(String),
}

impl LabError {
    /// A stable machine-readable name.
    pub fn code(&self) -> &'static str {
        match self {
            LabError::BadUrl(_) => "bad-url",
            LabError::Network { .. } => "network",
            LabError::TooLarge { .. } => "too-large",
            LabError::HostTool { .. } => "host-tool",
            LabError::HostCannotJudge { .. } => "host-cannot-judge",
            LabError::ScratchHost(_) => "scratch-host",
            LabError::DoctorInput(_) => "doctor-input",
            LabError::ParentTooLarge { .. } => "parent-too-large",
        }
    }

    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            LabError::BadUrl(_) => "Paste the whole URL, starting with http:// or https://.",
            LabError::Network { .. } => "Check the host is running and reachable from this machine (proxy, VPN, firewall), then try again.",
            LabError::TooLarge { .. } => "This is not an embed page; check the URL's path.",
            LabError::HostTool { status: 403, .. } => "The local host's time travel needs its per-run token: run the replay from the app, or set EMBED_SANDBOX_HOST_TOKEN to the token `embed-sandbox serve` printed.",
            LabError::HostTool { .. } => "Restart the local host; if it persists, report it as a bug.",
            LabError::HostCannotJudge { .. } => "Make the host's ledger file writable (or restart `embed-sandbox serve` with another --ledger path), then run again.",
            LabError::ParentTooLarge { .. } => "Give the page that holds the embed's iframe (its HTML alone, without inlined images or bundles).",
            LabError::DoctorInput(_) => "Give the parent page's http(s) URL (or its saved HTML) and the whole embed URL the iframe loads, starting with http:// or https://.",
            LabError::ScratchHost(_) => "Check that this machine can listen on 127.0.0.1 (any free port), then run again.",
        }
    }
}

/// What an HTTP client error says, with its causes ("error sending request:
/// … Connection refused"), never the URL (which may carry a signed query).
pub fn describe(error: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(error);
    while let Some(e) = source {
        let text = e.to_string();
        if !parts.contains(&text) {
            parts.push(text);
        }
        source = e.source();
    }
    let head = if error.is_timeout() {
        "no answer in time"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "the request failed"
    };
    if parts.is_empty() {
        head.to_owned()
    } else {
        format!("{head}: {}", parts.join(": "))
    }
}

/// `scheme://host:port` of `url`, for messages that must not carry the query.
pub fn origin_of(url: &str) -> String {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    url.get(..end).unwrap_or(url).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_drop_path_and_query() {
        assert_eq!(origin_of("https://h:8/embed/x?:nonce=1"), "https://h:8");
        assert_eq!(origin_of("http://h?a"), "http://h");
        assert_eq!(origin_of("http://h"), "http://h");
    }
}
