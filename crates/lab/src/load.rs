//! One GET of an embed URL, judged.

use std::time::Duration;

use embed_core::verdict::{Reason, ALL_REASONS};
use embed_core::Scheme;
use serde::Serialize;

use crate::error::{origin_of, LabError};

/// The local host's verdict header (see `embed_host::routes::VERDICT_HEADER`).
pub const VERDICT_HEADER: &str = "x-embed-sandbox-verdict";
/// Why the local host could not judge (see `embed_host::routes::CAUSE_HEADER`).
pub const CAUSE_HEADER: &str = "x-embed-sandbox-cause";
/// Judge one request later (see `embed_host::routes::TIME_OFFSET_HEADER`).
pub const TIME_OFFSET_HEADER: &str = "x-embed-sandbox-time-offset";
/// Most of a page read when looking for an error text.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// What a verdict rests on.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// The local host's verdict header: exact.
    HostHeader,
    /// A vendor error text found in the page.
    VendorText,
    /// Only the HTTP status (no known text in the page).
    StatusOnly,
}

/// What one load got.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadOutcome {
    /// The HTTP status.
    pub status: u16,
    /// Whether the embed was let in.
    pub accepted: bool,
    /// The refusal's reason, when known.
    pub reason: Option<Reason>,
    /// The error text shown, when known.
    pub message: Option<String>,
    /// What the verdict rests on.
    pub evidence: Evidence,
}

/// An HTTP client for embed URLs: no redirects followed (a redirect is
/// reported, not chased), a timeout, and a cap on what is read.
#[derive(Clone)]
pub struct Loader {
    client: reqwest::Client,
    /// The local host's origin and its tools' token: sent to that origin's
    /// tool endpoints only, never to a vendor.
    host_token: Option<(String, String)>,
}

/// The header the local host's tools read their token from (see
/// `embed_host::guard::TOKEN_HEADER`).
pub const TOKEN_HEADER: &str = "x-embed-sandbox-token";

impl Loader {
    /// A loader with `timeout` per request.
    pub fn new(timeout: Duration) -> Result<Self, LabError> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .user_agent(concat!("embed-sandbox/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LabError::Network {
                host: String::new(),
                detail: e.to_string(),
            })?;
        Ok(Loader {
            client,
            host_token: None,
        })
    }

    /// This loader, knowing the tools' `token` of the local host at `origin`
    /// (`http://127.0.0.1:PORT`).
    pub fn with_host_token(mut self, origin: &str, token: &str) -> Self {
        self.host_token = Some((origin.trim_end_matches('/').to_owned(), token.to_owned()));
        self
    }

    /// The token for a tool endpoint at `url`, when `url` is on the local
    /// host this loader knows.
    pub fn token_for(&self, url: &str) -> Option<&str> {
        let (origin, token) = self.host_token.as_ref()?;
        (origin_of(url) == *origin).then_some(token.as_str())
    }

    /// The client, for the local host's tool endpoints.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// Loads `url` once, as `scheme`.
    pub async fn load(&self, url: &str, scheme: Scheme) -> Result<LoadOutcome, LabError> {
        self.load_at(url, scheme, 0).await
    }

    /// Loads `url` once, as `scheme`, judged `shift` seconds after the
    /// local host's clock: for that request only, so nobody else's loads
    /// move in time. Needs the host's tools token (see
    /// [`Loader::with_host_token`]); a shift of 0 is a plain load.
    pub async fn load_at(
        &self,
        url: &str,
        scheme: Scheme,
        shift: i64,
    ) -> Result<LoadOutcome, LabError> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(LabError::BadUrl(
                "it does not start with http:// or https://".into(),
            ));
        }
        let host = origin_of(url);
        let network = |e: reqwest::Error| LabError::Network {
            host: host.clone(),
            // reqwest's message may quote the URL: keep only what it says after it.
            detail: e.without_url().to_string(),
        };
        let mut request = self.client.get(url);
        if shift != 0 {
            let token = self.token_for(url).ok_or(LabError::HostTool {
                endpoint: "time offset",
                status: 403,
            })?;
            request = request
                .header(TOKEN_HEADER, token)
                .header(TIME_OFFSET_HEADER, shift.to_string());
        }
        let mut response = request.send().await.map_err(network)?;
        let status = response.status().as_u16();
        let header_text = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let header = header_text(VERDICT_HEADER);
        if header
            .as_deref()
            .is_some_and(|v| v.starts_with("unavailable"))
        {
            return Err(LabError::HostCannotJudge {
                host,
                cause: header_text(CAUSE_HEADER)
                    .unwrap_or_else(|| format!("it answered {status} without a verdict")),
            });
        }
        if shift != 0 && header.is_none() {
            // The host refused the shift itself (a wrong token), or is no
            // local host: nothing was judged at the later time.
            return Err(LabError::HostTool {
                endpoint: "time offset",
                status,
            });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(network)? {
            if body.len() + chunk.len() > BODY_LIMIT {
                return Err(LabError::TooLarge {
                    host,
                    limit: BODY_LIMIT,
                });
            }
            body.extend_from_slice(&chunk);
        }
        let text = String::from_utf8_lossy(&body);
        Ok(match header {
            Some(verdict) => from_header(status, &verdict, scheme),
            None => from_page(status, scheme, &text),
        })
    }
}

fn from_header(status: u16, verdict: &str, scheme: Scheme) -> LoadOutcome {
    let reason = verdict
        .strip_prefix("refused; reason=")
        .and_then(Reason::from_id);
    LoadOutcome {
        status,
        accepted: verdict == "accepted",
        reason,
        message: reason.map(|r| r.message(scheme).0.to_owned()),
        evidence: Evidence::HostHeader,
    }
}

/// Judges a page from a host that sends no verdict header.
pub fn from_page(status: u16, scheme: Scheme, page: &str) -> LoadOutcome {
    // The longest matching text wins: "…Invalid embed signature." over its
    // prefix "You don't have permission to access this page."
    let found = ALL_REASONS
        .iter()
        .map(|&r| (r, r.message(scheme).0))
        .filter(|(_, text)| page.contains(*text) || page.contains(&html_escape(text)))
        .max_by_key(|(_, text)| text.len());
    match found {
        Some((reason, text)) => LoadOutcome {
            status,
            accepted: false,
            reason: Some(reason),
            message: Some(text.to_owned()),
            evidence: Evidence::VendorText,
        },
        None => LoadOutcome {
            status,
            accepted: (200..300).contains(&status),
            reason: None,
            message: None,
            evidence: Evidence::StatusOnly,
        },
    }
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vendor_pages_are_read_by_their_longest_known_text() {
        let page =
            "<p>You don&#39;t have permission to access this page. Invalid embed signature.</p>";
        let outcome = from_page(403, Scheme::SigmaClassic, page);
        assert_eq!(outcome.reason, Some(Reason::InvalidSignature));
        assert_eq!(outcome.evidence, Evidence::VendorText);
        let unknown = from_page(500, Scheme::SigmaClassic, "<p>oops</p>");
        assert!(!unknown.accepted && unknown.reason.is_none());
        assert!(from_page(200, Scheme::SigmaClassic, "<p>dashboard</p>").accepted);
    }

    #[test]
    fn the_host_header_is_exact() {
        let outcome = from_header(403, "refused; reason=nonce-reused", Scheme::SigmaClassic);
        assert_eq!(outcome.reason, Some(Reason::NonceReused));
        assert!(!outcome.accepted);
        assert!(from_header(200, "accepted", Scheme::BoldBi).accepted);
    }
}
