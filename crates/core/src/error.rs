//! The one error type of the core: everything a caller can get wrong.
//!
//! A refusal of a well-formed URL is *not* an error (see [`crate::verdict`]):
//! errors are for input that cannot be judged at all, or for a signing request
//! that would produce a broken URL. Every variant carries what happened and,
//! through [`Error::fix`], what the user should do about it.

use thiserror::Error;

/// Largest URL the core accepts. Browsers and proxies cap request lines far
/// below this (most servers at 8–16 KiB), so anything longer is not a real embed.
pub const MAX_URL_BYTES: usize = 32 * 1024;

/// Why the core could not sign or read an embed URL.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input was empty or only whitespace.
    #[error("the URL is empty")]
    EmptyUrl,
    /// The input is longer than [`MAX_URL_BYTES`].
    #[error("the URL is {len} bytes long; embed URLs over {max} bytes are not accepted")]
    UrlTooLong {
        /// Length of the input in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The input does not parse as an absolute http(s) URL.
    #[error("not a URL: {reason}")]
    NotAUrl {
        /// What the URL parser objected to.
        reason: String,
    },
    /// The URL has no query string at all.
    #[error("the URL has no query string (nothing after '?'), so it carries no embed parameters")]
    NoQuery,
    /// A `%` not followed by two hex digits.
    #[error("invalid percent escape {escape:?} at byte {offset} of the query")]
    InvalidPercentEscape {
        /// The offending text (up to 3 bytes).
        escape: String,
        /// Byte offset inside the query string.
        offset: usize,
    },
    /// A parameter decodes to bytes that are not UTF-8.
    #[error("parameter {parameter:?} decodes to bytes that are not UTF-8")]
    NotUtf8 {
        /// The raw name of the parameter.
        parameter: String,
    },
    /// None of the known schemes' parameters were found.
    #[error("not an embed URL: found none of {looked_for}")]
    UnknownScheme {
        /// Each scheme's telling parameters, from the registry.
        looked_for: String,
        /// What each scheme's whole URL carries, for the fix.
        expected: String,
    },
    /// What was pasted carries no URL to read the embed from.
    #[error("{what}: there is no URL to read the embed from")]
    NoEmbedUrl {
        /// What was pasted.
        what: String,
    },
    /// The `:jwt` value is not a compact JWS.
    #[error("the :jwt parameter is not a JWT: {reason}")]
    MalformedJwt {
        /// What is wrong with it.
        reason: String,
    },
    /// A signing request names a base URL that cannot carry the query.
    #[error("the {field} {value:?} cannot be used: {reason}")]
    BadBaseUrl {
        /// Which field (embed path, workbook URL, dashboard URL).
        field: &'static str,
        /// The value given.
        value: String,
        /// Why not.
        reason: String,
    },
    /// A signing request is missing or has an unusable field.
    #[error("{field}: {reason}")]
    BadField {
        /// The field's name as the user knows it.
        field: String,
        /// Why it is unusable.
        reason: String,
    },
    /// The JWT library refused to sign (should not happen with HS256).
    #[error("could not sign the JWT: {0}")]
    JwtSigning(String),
}

impl Error {
    /// A stable machine-readable code for this error (used in JSON output and IPC).
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyUrl => "empty-url",
            Error::UrlTooLong { .. } => "url-too-long",
            Error::NotAUrl { .. } => "not-a-url",
            Error::NoQuery => "no-query",
            Error::InvalidPercentEscape { .. } => "invalid-percent-escape",
            Error::NotUtf8 { .. } => "not-utf8",
            Error::UnknownScheme { .. } => "unknown-scheme",
            Error::NoEmbedUrl { .. } => "no-embed-url",
            Error::MalformedJwt { .. } => "malformed-jwt",
            Error::BadBaseUrl { .. } => "bad-base-url",
            Error::BadField { .. } => "bad-field",
            Error::JwtSigning(_) => "jwt-signing",
        }
    }

    /// What the user should do about it.
    pub fn fix(&self) -> String {
        match self {
            Error::EmptyUrl => "Paste the whole iframe src URL, starting with https://.".into(),
            Error::UrlTooLong { .. } => {
                "Check that you pasted one URL, not a page or a log; move bulky values (long attribute lists) out of the URL.".into()
            }
            Error::NotAUrl { .. } => {
                "Paste the whole iframe src URL, starting with http:// or https://.".into()
            }
            Error::NoQuery => {
                "Copy the full iframe src (right-click the iframe's src in the browser inspector, 'Copy link address'); the part after '?' is missing.".into()
            }
            Error::InvalidPercentEscape { .. } => {
                "Every '%' must start an escape like %2B; a literal percent sign must be sent as %25. Fix the code that builds the URL.".into()
            }
            Error::NotUtf8 { .. } => {
                "Percent-encode the UTF-8 bytes of the text (encodeURIComponent in JavaScript, urllib.parse.quote in Python), not Latin-1 or UTF-16.".into()
            }
            Error::UnknownScheme { expected, .. } => {
                format!("Paste the whole signed URL, query included: {expected}.")
            }
            Error::NoEmbedUrl { .. } => "Paste the embed's URL, or the whole element with its src (copy it from the page's developer tools).".into(),
            Error::MalformedJwt { .. } => {
                "A JWT is three base64url parts joined by dots (header.claims.signature); check it was not truncated or double-encoded.".into()
            }
            Error::BadBaseUrl { .. } => {
                "Give the bare URL of the embed, workbook or dashboard (https://host/path) without '?', '#' or spaces.".into()
            }
            Error::BadField { .. } => "Correct the value and sign again.".into(),
            Error::JwtSigning(_) => "Report this as a bug in Embed Sandbox.".into(),
        }
    }
}

/// Result alias of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;
