//! The blank-frame gallery: each framing failure the local host can
//! emulate, the setting that switches it on, and the doctor finding it must
//! produce, so QA can reproduce a blank frame on purpose and see that the
//! doctor names it. And [`refusal`]: what the host's current framing does to
//! one load in one parent page, so the preview's status never says
//! "accepted" above a frame the browser refused.
//!
//! Every case is judged from a parent on another site (the app's preview
//! opened from `localhost` around an embed on `127.0.0.1`), as a customer's
//! web app frames a vendor.

use serde::Serialize;

use super::cookies::SetCookie;
use super::emulation::{emulates, Framing, SESSION_COOKIE};
use super::origin::Origin;
use super::{diagnose, Check, EmbedObserved, ParentObserved, Status};
use crate::scheme::Scheme;

/// Each blank-frame case, in the gallery's order.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlankFrameCase {
    /// `X-Frame-Options: DENY` (a vendor's default, or a proxy adding it).
    FrameOptionsDeny,
    /// `X-Frame-Options: SAMEORIGIN` with a parent on another origin.
    FrameOptionsSameorigin,
    /// CSP `frame-ancestors` that does not list the parent.
    FrameAncestorsList,
    /// A vendor's own allowlist of embedding sites (Bold BI's allowed
    /// domains) without the parent's origin.
    AllowedDomains,
    /// A session cookie with `SameSite=Lax`, dropped in a cross-site frame.
    SessionCookieLax,
}

/// The doctor finding a case must produce.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedFinding {
    /// The check's id (`x-frame-options`, `frame-ancestors`, `cookie:…`).
    pub check: String,
    /// Its status.
    pub status: Status,
}

/// A case as the gallery lists it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlankFrameCaseView {
    /// Which.
    pub id: BlankFrameCase,
    /// Its title.
    pub title: String,
    /// The host setting that reproduces it, as `name=value`.
    pub setting: String,
    /// The setting's name alone.
    pub setting_name: String,
    /// The value that switches the case on.
    pub value: String,
    /// The value that switches it off again (the host's default).
    pub reset: String,
    /// What the user sees in the frame.
    pub symptom: String,
    /// The doctor finding it must produce.
    pub expected: ExpectedFinding,
}

impl BlankFrameCase {
    /// Every case.
    pub const ALL: [BlankFrameCase; 5] = [
        BlankFrameCase::FrameOptionsDeny,
        BlankFrameCase::FrameOptionsSameorigin,
        BlankFrameCase::FrameAncestorsList,
        BlankFrameCase::AllowedDomains,
        BlankFrameCase::SessionCookieLax,
    ];

    /// Its stable id.
    pub fn id(self) -> &'static str {
        match self {
            BlankFrameCase::FrameOptionsDeny => "frame-options-deny",
            BlankFrameCase::FrameOptionsSameorigin => "frame-options-sameorigin",
            BlankFrameCase::FrameAncestorsList => "frame-ancestors-list",
            BlankFrameCase::AllowedDomains => "allowed-domains",
            BlankFrameCase::SessionCookieLax => "session-cookie-lax",
        }
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            BlankFrameCase::FrameOptionsDeny => "X-Frame-Options: DENY",
            BlankFrameCase::FrameOptionsSameorigin => {
                "X-Frame-Options: SAMEORIGIN, parent on another origin"
            }
            BlankFrameCase::FrameAncestorsList => "frame-ancestors without the parent",
            BlankFrameCase::AllowedDomains => "The vendor's allowed domains without the parent",
            BlankFrameCase::SessionCookieLax => "Session cookie SameSite=Lax in a cross-site frame",
        }
    }

    /// The host setting `(name, value)` that reproduces it.
    pub fn setting(self) -> (&'static str, &'static str) {
        match self {
            BlankFrameCase::FrameOptionsDeny => ("frame-options", "deny"),
            BlankFrameCase::FrameOptionsSameorigin => ("frame-options", "sameorigin"),
            BlankFrameCase::FrameAncestorsList => ("frame-ancestors", CUSTOMER_APP),
            BlankFrameCase::AllowedDomains => ("allowed-domains", CUSTOMER_APP),
            BlankFrameCase::SessionCookieLax => ("session-cookie", "lax"),
        }
    }

    /// What the user sees.
    pub fn symptom(self) -> &'static str {
        match self {
            BlankFrameCase::SessionCookieLax => "The signed URL is accepted, then the embed asks to log in: its session cookie never comes back to the frame.",
            _ => "An empty frame (Chrome draws a grey \"refused to connect\" page or nothing): only the browser's console says why; the parent page gets no event and cannot tell.",
        }
    }

    /// The finding the doctor must report.
    pub fn expected(self) -> ExpectedFinding {
        let check = match self {
            BlankFrameCase::FrameOptionsDeny | BlankFrameCase::FrameOptionsSameorigin => {
                "x-frame-options".to_owned()
            }
            BlankFrameCase::FrameAncestorsList | BlankFrameCase::AllowedDomains => {
                "frame-ancestors".to_owned()
            }
            BlankFrameCase::SessionCookieLax => {
                format!("cookie:{SESSION_COOKIE}")
            }
        };
        ExpectedFinding {
            check,
            status: Status::Fail,
        }
    }

    /// Why it does not apply to `scheme`, if it does not.
    pub fn not_applicable(self, scheme: Scheme) -> Option<&'static str> {
        match self {
            BlankFrameCase::AllowedDomains if !emulates(scheme, "allowed-domains") => {
                Some("this vendor has no allowlist of embedding sites of its own")
            }
            BlankFrameCase::SessionCookieLax if !emulates(scheme, "session-cookie") => Some(
                "this vendor's local mock needs no session cookie back (only a mock whose content asks to log in without one does); the doctor still reports every cookie an embed sets",
            ),
            _ => None,
        }
    }

    /// `framing` with this case switched on (everything else as it was).
    pub fn apply(self, framing: &Framing) -> Framing {
        let mut changed = framing.clone();
        let (name, value) = self.setting();
        // The values are constants that `set` accepts (a test holds that).
        let _ = changed.set(name, value);
        changed
    }

    /// The case as the gallery shows it.
    pub fn view(self) -> BlankFrameCaseView {
        let (name, value) = self.setting();
        BlankFrameCaseView {
            id: self,
            title: self.title().into(),
            setting: format!("{name}={value}"),
            setting_name: name.into(),
            value: value.into(),
            reset: Framing::default().value(name).into(),
            symptom: self.symptom().into(),
            expected: self.expected(),
        }
    }
}

/// The customer app the allowlist cases name (not the parent that frames).
pub const CUSTOMER_APP: &str = "https://app.example.com";

/// The other-site spelling of the local host's origin: `localhost` for
/// `127.0.0.1` and back. A page there frames the host's embeds cross-site.
pub fn other_site(host_origin: &str) -> String {
    if host_origin.contains("://127.0.0.1") {
        host_origin.replacen("://127.0.0.1", "://localhost", 1)
    } else {
        host_origin.replacen("://localhost", "://127.0.0.1", 1)
    }
}

/// What `framing` on the local host does to `embed_url` (a `scheme` embed)
/// in the app's preview, framed by its page on `parent_origin`: the check
/// that fails, if the browser refuses the frame or, when the embed
/// `needs_session` back, drops its session cookie. `None` when nothing the
/// emulation sends stops this load there.
///
/// The preview is WebKit, which (like Safari) sends no cookie to a frame
/// from another site whatever its `SameSite` or `Partitioned`: so a
/// cross-site parent loses the session in the preview even where the
/// doctor says Chrome would keep it.
pub fn refusal(
    framing: &Framing,
    scheme: Scheme,
    parent_origin: &str,
    embed_url: &str,
    needs_session: bool,
) -> Option<Check> {
    let parent = ParentObserved {
        origin: Some(parent_origin.to_owned()),
        ..ParentObserved::default()
    };
    let embed = EmbedObserved {
        url: embed_url.to_owned(),
        probe: String::new(),
        chain: Vec::new(),
        answer: Ok(200),
        headers: framing
            .headers(Some(scheme))
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect(),
        set_cookies: Vec::new(),
    };
    let framed = diagnose(&parent, &embed).checks.into_iter().find(|c| {
        c.status == Status::Fail && (c.id == "x-frame-options" || c.id == "frame-ancestors")
    });
    if framed.is_some() || !needs_session {
        return framed;
    }
    let cross_site = match (Origin::of(parent_origin), Origin::of(embed_url)) {
        (Ok(parent), Ok(embed)) => !parent.same_site(&embed),
        _ => false,
    };
    let cookie = SetCookie::parse(&format!(
        "{SESSION_COOKIE}=x; {}",
        framing.cookie_attributes()
    ))?;
    cross_site.then(|| {
        Check::new(
            format!("cookie:{SESSION_COOKIE}"),
            Status::Fail,
            cookie.evidence(),
            format!("the preview frames it from {parent_origin}, another site, and the preview's WebKit (like Safari) sends no cookie to a cross-site frame whatever its SameSite or Partitioned: the session is lost and the embed asks to log in. The embed doctor says what Chrome and Firefox do with this cookie"),
            "",
        )
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    const HOST: &str = "http://127.0.0.1:4000";
    const SIGMA: &str = "http://127.0.0.1:4000/embed/x?:nonce=n&:signature=s";
    const LOOKER: &str = "http://127.0.0.1:4000/login/embed/%2Fembed%2Fdashboards%2F1?nonce=n";

    #[test]
    fn every_case_is_a_setting_the_host_accepts_and_changes_only_that() {
        for case in BlankFrameCase::ALL {
            let (name, value) = case.setting();
            let mut framing = Framing::default();
            framing.set(name, value).unwrap();
            assert_eq!(case.apply(&Framing::default()), framing, "{}", case.id());
            let json = serde_json::to_value(case).unwrap();
            assert_eq!(json, case.id());
        }
    }

    #[test]
    fn each_case_refuses_a_cross_site_parent_with_its_expected_check() {
        let parent = other_site(HOST);
        assert_eq!(parent, "http://localhost:4000");
        for case in BlankFrameCase::ALL {
            let scheme = match case {
                BlankFrameCase::AllowedDomains => Scheme::BoldBi,
                BlankFrameCase::SessionCookieLax => Scheme::Looker,
                _ => Scheme::SigmaClassic,
            };
            assert!(case.not_applicable(scheme).is_none());
            let url = if scheme == Scheme::Looker {
                LOOKER
            } else {
                SIGMA
            };
            let framing = case.apply(&Framing::default());
            let found = refusal(&framing, scheme, &parent, url, true).unwrap();
            let expected = case.expected();
            assert_eq!((found.id, found.status), (expected.check, expected.status));
        }
    }

    #[test]
    fn the_same_origin_preview_is_refused_only_by_deny() {
        let deny = BlankFrameCase::FrameOptionsDeny.apply(&Framing::default());
        assert!(refusal(&deny, Scheme::SigmaClassic, HOST, SIGMA, false).is_some());
        let sameorigin = BlankFrameCase::FrameOptionsSameorigin.apply(&Framing::default());
        assert!(refusal(&sameorigin, Scheme::SigmaClassic, HOST, SIGMA, false).is_none());
        // The default framing with its Lax cookie refuses nothing same-site.
        assert!(refusal(&Framing::default(), Scheme::Looker, HOST, LOOKER, true).is_none());
        // Allowed domains are Bold BI's only.
        let domains = BlankFrameCase::AllowedDomains.apply(&Framing::default());
        let cross = other_site(HOST);
        assert!(refusal(&domains, Scheme::SigmaClassic, &cross, SIGMA, false).is_none());
        assert!(BlankFrameCase::AllowedDomains
            .not_applicable(Scheme::SigmaClassic)
            .is_some());
    }

    #[test]
    fn cross_site_the_preview_loses_even_a_partitioned_session_cookie() {
        let mut partitioned = Framing::default();
        partitioned
            .set("session-cookie", "none-secure-partitioned")
            .unwrap();
        let cross = other_site(HOST);
        let lost = refusal(&partitioned, Scheme::Looker, &cross, LOOKER, true).unwrap();
        assert_eq!(lost.id, "cookie:sandbox_session");
        assert!(lost.explanation.contains("WebKit"), "{}", lost.explanation);
        // An embed that needs no session loses nothing; same-site keeps it.
        assert!(refusal(&partitioned, Scheme::SigmaClassic, &cross, SIGMA, false).is_none());
        assert!(refusal(&partitioned, Scheme::Looker, HOST, LOOKER, true).is_none());
    }
}
