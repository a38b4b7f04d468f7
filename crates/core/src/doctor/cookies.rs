//! What Chrome, Firefox and Safari do with a cookie the embed sets when the
//! embed is framed by the parent: its `SameSite`, `Secure` and `Partitioned`
//! attributes against whether the frame is third-party (another site).
//!
//! Browser facts used (current stable versions): Chrome treats a cookie
//! without `SameSite` as `Lax`, rejects `SameSite=None` without `Secure`,
//! and sends `None; Secure` cookies in third-party frames only while
//! third-party cookies are allowed (not in Incognito or when the user blocks
//! them) unless they are `Partitioned` (CHIPS). Firefox's Total Cookie
//! Protection keeps third-party cookies, partitioned per top-level site.
//! Safari blocks unpartitioned third-party cookies by default.

use serde::Serialize;

use super::Status;

/// A `Set-Cookie` header, read for the attributes framing cares about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetCookie {
    /// The cookie's name (its value is never kept).
    pub name: String,
    /// `SameSite`, lower-cased, if given.
    pub same_site: Option<String>,
    /// Whether `Secure` is set.
    pub secure: bool,
    /// Whether `Partitioned` is set.
    pub partitioned: bool,
}

impl SetCookie {
    /// Reads one `Set-Cookie` value (`None` when it has no `name=`).
    pub fn parse(header: &str) -> Option<SetCookie> {
        let mut parts = header.split(';');
        let (name, _) = parts.next()?.split_once('=')?;
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let mut cookie = SetCookie {
            name: name.to_owned(),
            same_site: None,
            secure: false,
            partitioned: false,
        };
        for attribute in parts {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            match key.trim().to_ascii_lowercase().as_str() {
                "samesite" => cookie.same_site = Some(value.trim().to_ascii_lowercase()),
                "secure" => cookie.secure = true,
                "partitioned" => cookie.partitioned = true,
                _ => {}
            }
        }
        Some(cookie)
    }

    /// The attributes as evidence: `name: SameSite=Lax; Secure` (never the value).
    pub fn evidence(&self) -> String {
        let mut out = format!(
            "{}: SameSite={}",
            self.name,
            self.same_site.as_deref().unwrap_or("(not set)")
        );
        if self.secure {
            out.push_str("; Secure");
        }
        if self.partitioned {
            out.push_str("; Partitioned");
        }
        out
    }
}

/// What one browser does with the cookie in the frame.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrowserFate {
    /// `Chrome`, `Firefox` or `Safari`.
    pub browser: String,
    /// Whether the cookie comes back to the embed in the frame.
    pub sent: bool,
    /// Why, in a few words.
    pub why: String,
}

/// Each browser's fate for `cookie`, framed from another site when
/// `third_party`, over a secure (`https` or loopback) embed origin when
/// `secure_origin`.
pub fn fates(cookie: &SetCookie, third_party: bool, secure_origin: bool) -> Vec<BrowserFate> {
    let fate = |browser: &str, sent: bool, why: &str| BrowserFate {
        browser: browser.into(),
        sent,
        why: why.into(),
    };
    let same_site = cookie.same_site.as_deref();
    if cookie.secure && !secure_origin {
        let why = "a Secure cookie set over plain http is rejected";
        return ["Chrome", "Firefox", "Safari"]
            .into_iter()
            .map(|b| fate(b, false, why))
            .collect();
    }
    if !third_party {
        return ["Chrome", "Firefox", "Safari"]
            .into_iter()
            .map(|b| {
                fate(
                    b,
                    true,
                    "the frame is same-site: every SameSite value is sent",
                )
            })
            .collect();
    }
    let chrome = match same_site {
        None => fate("Chrome", false, "no SameSite is treated as Lax, which a cross-site frame does not get"),
        Some("lax") | Some("strict") => fate("Chrome", false, "SameSite=Lax/Strict cookies are not sent to a cross-site frame"),
        Some("none") if !cookie.secure => fate("Chrome", false, "SameSite=None without Secure is rejected"),
        Some("none") if cookie.partitioned => fate("Chrome", true, "a Partitioned (CHIPS) cookie is kept for this parent site, even with third-party cookies blocked"),
        Some("none") => fate("Chrome", true, "sent while third-party cookies are allowed; lost in Incognito or when the user blocks them"),
        Some(_) => fate("Chrome", false, "an unknown SameSite value is treated as Lax"),
    };
    let firefox = match same_site {
        Some("lax") | Some("strict") => fate(
            "Firefox",
            false,
            "SameSite=Lax/Strict cookies are not sent to a cross-site frame",
        ),
        _ => fate(
            "Firefox",
            true,
            "Total Cookie Protection keeps it, partitioned for this parent site",
        ),
    };
    let safari = match same_site {
        Some("lax") | Some("strict") => fate(
            "Safari",
            false,
            "SameSite=Lax/Strict cookies are not sent to a cross-site frame",
        ),
        Some("none") if cookie.secure && cookie.partitioned => fate(
            "Safari",
            true,
            "kept as a partitioned cookie where Safari supports CHIPS; older versions block it",
        ),
        _ => fate(
            "Safari",
            false,
            "tracking prevention blocks unpartitioned third-party cookies",
        ),
    };
    vec![chrome, firefox, safari]
}

/// The check's status: fail when Chrome drops the cookie, warn when another
/// browser (or a Chrome user blocking third-party cookies) does.
pub fn status(cookie: &SetCookie, fates: &[BrowserFate], third_party: bool) -> Status {
    let lost = |browser: &str| fates.iter().any(|f| f.browser == browser && !f.sent);
    if lost("Chrome") {
        Status::Fail
    } else if lost("Firefox") || lost("Safari") || (third_party && !cookie.partitioned) {
        Status::Warn
    } else {
        Status::Pass
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn verdict(header: &str, third_party: bool) -> Status {
        let cookie = SetCookie::parse(header).unwrap();
        let fates = fates(&cookie, third_party, true);
        status(&cookie, &fates, third_party)
    }

    #[test]
    fn attributes_are_read_and_the_value_is_not_kept() {
        let c = SetCookie::parse(
            "sid=SECRETVALUE; Path=/; HttpOnly; SameSite=None; Secure; Partitioned",
        )
        .unwrap();
        assert_eq!(c.evidence(), "sid: SameSite=none; Secure; Partitioned");
        assert!(!format!("{c:?}").contains("SECRETVALUE"));
        assert!(SetCookie::parse("garbage").is_none());
    }

    #[test]
    fn a_cross_site_frame_needs_none_secure_and_partitioned_for_every_browser() {
        assert_eq!(verdict("a=1", true), Status::Fail);
        assert_eq!(verdict("a=1; SameSite=Lax", true), Status::Fail);
        assert_eq!(verdict("a=1; SameSite=None", true), Status::Fail);
        assert_eq!(verdict("a=1; SameSite=None; Secure", true), Status::Warn);
        assert_eq!(
            verdict("a=1; SameSite=None; Secure; Partitioned", true),
            Status::Pass
        );
        assert_eq!(verdict("a=1; SameSite=Strict", false), Status::Pass);
        let cookie = SetCookie::parse("a=1; SameSite=None; Secure").unwrap();
        assert!(
            fates(&cookie, true, false).iter().all(|f| !f.sent),
            "Secure over http"
        );
    }
}
