//! The embed doctor: why an embed stays blank in the customer's page.
//!
//! The two most common embed failures are not signatures: the frame is
//! refused (`X-Frame-Options`, CSP `frame-ancestors`, the parent's own
//! `frame-src`, mixed content, a vendor's domain allowlist) or the session
//! cookie is dropped (`SameSite`, `Secure`, third-party cookie blocking).
//! The browser shows a blank frame and the parent cannot see why. Given what
//! was fetched (the parent's headers and HTML, and the embed origin's answer
//! to an *unsigned* request), [`diagnose`] reports check by check with the
//! evidence and the fix. Fetching is the caller's (`embed-lab`); this is
//! pure, so every verdict is reproducible from its inputs.

pub mod blank_frames;
mod checks;
pub mod cookies;
pub mod csp;
pub mod emulation;
pub use crate::html;
mod iframe;
pub mod origin;
mod probe;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use probe::unsigned_probe;

/// The `--json` format's name.
pub const FORMAT: &str = "embed-sandbox.doctor.v1";

/// A check's verdict.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Nothing here stops the embed.
    Pass,
    /// Works in some browsers or settings, or could not be checked.
    Warn,
    /// This stops the embed.
    Fail,
}

/// One check: what was looked at, what it means, what to change.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Stable id, e.g. `x-frame-options`, `cookie:session`.
    pub id: String,
    /// The verdict.
    pub status: Status,
    /// The exact header, tag or value the verdict rests on.
    pub evidence: String,
    /// What it means for the embed, in plain words.
    pub explanation: String,
    /// What to change (empty when nothing needs to).
    pub fix: String,
}

/// Where the parent page came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParentObserved {
    /// Its URL, or `None` for a saved file.
    pub url: Option<String>,
    /// A file's name, for the report.
    pub file: Option<String>,
    /// The origin the page is served from (from its URL, or given for a file).
    pub origin: Option<String>,
    /// The HTTP status it was served with (`None` for a file).
    pub status: Option<u16>,
    /// The response headers (none for a file).
    pub headers: Vec<(String, String)>,
    /// The HTML, when there is one to read.
    pub html: Option<String>,
}

/// What the embed's origin answered to the unsigned probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedObserved {
    /// The embed URL as given (never fetched).
    pub url: String,
    /// The unsigned URL that was fetched instead.
    pub probe: String,
    /// Each URL the probe was redirected through, then the last.
    pub chain: Vec<String>,
    /// The last response's status, or why there was none.
    pub answer: Result<u16, String>,
    /// The last response's headers.
    pub headers: Vec<(String, String)>,
    /// Every `Set-Cookie` along the chain.
    pub set_cookies: Vec<String>,
}

/// The parent as the report names it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentSummary {
    /// Its URL, or null for a file.
    pub url: Option<String>,
    /// The file, or null.
    pub file: Option<String>,
    /// The origin judged against, or null when unknown.
    pub origin: Option<String>,
}

/// The embed as the report names it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmbedSummary {
    /// The embed URL with its signature and nonce redacted.
    pub url: String,
    /// Its origin.
    pub origin: String,
    /// The unsigned URL fetched instead of it (the signed one is unspent).
    pub probe: String,
    /// The probe's last status, or null when it got no answer.
    pub status: Option<u16>,
}

/// The doctor's report (`embed-sandbox.doctor.v1`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoctorReport {
    /// Always [`FORMAT`].
    pub format: String,
    /// The parent page.
    pub parent: ParentSummary,
    /// The embed.
    pub embed: EmbedSummary,
    /// Every check, in the order a browser meets them.
    pub checks: Vec<Check>,
}

impl DoctorReport {
    /// The worst status (pass when there are no checks).
    pub fn worst(&self) -> Status {
        worst(&self.checks)
    }
}

/// The worst status of `checks` (pass when there are none).
pub fn worst(checks: &[Check]) -> Status {
    checks
        .iter()
        .map(|c| c.status)
        .max()
        .unwrap_or(Status::Pass)
}

/// Diagnoses `embed` framed by `parent`.
pub fn diagnose(parent: &ParentObserved, embed: &EmbedObserved) -> DoctorReport {
    let embed_origin = origin::Origin::of(&embed.url).ok();
    let parent_origin = parent
        .origin
        .as_deref()
        .and_then(|o| origin::Origin::of(o).ok());
    let checks = checks::all(parent, parent_origin.as_ref(), embed, embed_origin.as_ref());
    let report = DoctorReport {
        format: FORMAT.into(),
        parent: ParentSummary {
            url: parent.url.clone(),
            file: parent.file.clone(),
            origin: parent_origin.as_ref().map(ToString::to_string),
        },
        embed: EmbedSummary {
            url: crate::redact::redact(&embed.url, true),
            origin: embed_origin.map(|o| o.to_string()).unwrap_or_default(),
            probe: embed.probe.clone(),
            status: embed.answer.as_ref().ok().copied(),
        },
        checks,
    };
    scrubbed(report, &crate::scrub::secrets_of(&embed.url))
}

/// `report` with every signature and nonce taken out of its free text: the
/// page it quotes may carry signed URLs anywhere (a `data-src`, a `title`,
/// a damaged attribute), and no report ever does.
fn scrubbed(mut report: DoctorReport, known: &[String]) -> DoctorReport {
    let scrub = |text: &mut String| *text = crate::scrub::scrub(text, known);
    if let Some(url) = report.parent.url.as_mut() {
        scrub(url);
    }
    if let Some(file) = report.parent.file.as_mut() {
        scrub(file);
    }
    scrub(&mut report.embed.probe);
    for check in &mut report.checks {
        scrub(&mut check.evidence);
        scrub(&mut check.explanation);
        scrub(&mut check.fix);
    }
    report
}

impl Check {
    /// A check with its evidence, meaning and fix (empty when nothing needs to change).
    pub(crate) fn new(
        id: impl Into<String>,
        status: Status,
        evidence: impl Into<String>,
        explanation: impl Into<String>,
        fix: impl Into<String>,
    ) -> Check {
        Check {
            id: id.into(),
            status,
            evidence: evidence.into(),
            explanation: explanation.into(),
            fix: fix.into(),
        }
    }
}

/// The values of header `name` (case-insensitive) in `headers`.
fn header_values<'a>(
    headers: &'a [(String, String)],
    name: &'a str,
) -> impl Iterator<Item = &'a str> {
    headers
        .iter()
        .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
