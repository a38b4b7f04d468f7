//! The local host's framing emulation: the headers and cookie attributes
//! that make an embed blank in a customer's page, as settings, so QA can
//! reproduce each failure the doctor diagnoses (`X-Frame-Options`, a
//! `frame-ancestors` list, Bold BI's allowed domains, a session cookie
//! without `SameSite=None`). Pure: the host applies what this says.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::policy_settings::{SettingKind, SettingView};
use crate::scheme::Scheme;

/// The name of the session cookie the local host sets on vendor pages.
pub const SESSION_COOKIE: &str = "sandbox_session";

/// What the local host sends to say who may frame its embeds, and how its
/// session cookie is set. The default frames anywhere with a `Lax` cookie
/// (fine for the app's own same-origin preview).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Framing {
    /// `X-Frame-Options`: `off`, `deny` or `sameorigin`.
    pub frame_options: String,
    /// A CSP `frame-ancestors` source list, empty for none.
    pub frame_ancestors: String,
    /// Bold BI's "Accept embedding requests from these websites": origins
    /// separated by spaces or commas, empty for any.
    pub allowed_domains: String,
    /// The session cookie's attributes: `lax`, `unset` (no SameSite),
    /// `none-secure` or `none-secure-partitioned`.
    pub session_cookie: String,
}

impl Default for Framing {
    fn default() -> Self {
        Framing {
            frame_options: "off".into(),
            frame_ancestors: String::new(),
            allowed_domains: String::new(),
            session_cookie: "lax".into(),
        }
    }
}

const FRAME_OPTIONS: [&str; 3] = ["off", "deny", "sameorigin"];
const COOKIE_MODES: [&str; 4] = ["lax", "unset", "none-secure", "none-secure-partitioned"];

impl Framing {
    /// The headers an embed page of `scheme` gets (names lower-case).
    pub fn headers(&self, scheme: Option<Scheme>) -> Vec<(&'static str, String)> {
        let mut headers = Vec::new();
        if self.frame_options != "off" {
            headers.push(("x-frame-options", self.frame_options.to_ascii_uppercase()));
        }
        if !self.frame_ancestors.trim().is_empty() {
            headers.push((
                "content-security-policy",
                format!("frame-ancestors {}", self.frame_ancestors.trim()),
            ));
        }
        let domains: Vec<&str> = self
            .allowed_domains
            .split([' ', ','])
            .filter(|d| !d.is_empty())
            .collect();
        if scheme.is_some_and(|s| emulates(s, "allowed-domains")) && !domains.is_empty() {
            headers.push((
                "content-security-policy",
                format!("frame-ancestors 'self' {}", domains.join(" ")),
            ));
        }
        headers
    }

    /// The attributes after `name=value` in the session cookie.
    pub fn cookie_attributes(&self) -> &'static str {
        match self.session_cookie.as_str() {
            "unset" => "Path=/; HttpOnly",
            "none-secure" => "Path=/; HttpOnly; SameSite=None; Secure",
            "none-secure-partitioned" => "Path=/; HttpOnly; SameSite=None; Secure; Partitioned",
            _ => "Path=/; HttpOnly; SameSite=Lax",
        }
    }

    /// Every emulation setting, as the settings panel shows it.
    pub fn views(&self) -> Vec<SettingView> {
        let defaults = Framing::default();
        let all: Vec<Scheme> = crate::schemes::all().iter().map(|s| s.scheme()).collect();
        let view =
            |name: &str, label: &str, kind: SettingKind, note: &str, schemes: Vec<Scheme>| {
                SettingView {
                    name: name.into(),
                    label: label.into(),
                    kind,
                    value: self.value(name).into(),
                    note: note.into(),
                    schemes,
                    default: defaults.value(name).into(),
                    emulation: true,
                }
            };
        let mut views = vec![
            view("frame-options", "X-Frame-Options on embed pages (off, DENY, SAMEORIGIN)", SettingKind::OneOf { values: FRAME_OPTIONS.map(String::from).to_vec() }, "framing emulation: reproduces a frame refused by X-Frame-Options (a vendor's or a proxy's)", all.clone()),
            view("frame-ancestors", "CSP frame-ancestors on embed pages (empty: none)", SettingKind::Text { placeholder: "'self' http://localhost:3000".into() }, "framing emulation: reproduces a frame refused by Content-Security-Policy frame-ancestors", all.clone()),
        ];
        // The vendors' own: each declared by the scheme folders that have it.
        for (name, kind) in [
            (
                "allowed-domains",
                SettingKind::Text {
                    placeholder: "https://app.example.com".into(),
                },
            ),
            (
                "session-cookie",
                SettingKind::OneOf {
                    values: COOKIE_MODES.map(String::from).to_vec(),
                },
            ),
        ] {
            let declaring: Vec<&crate::spec::FramingEmulation> = crate::schemes::all()
                .iter()
                .flat_map(|s| s.framing_emulations())
                .filter(|e| e.name == name)
                .collect();
            if let Some(first) = declaring.first() {
                let schemes = all.iter().copied().filter(|s| emulates(*s, name)).collect();
                views.push(view(name, first.label, kind, first.note, schemes));
            }
        }
        views
    }

    /// The value of setting `name` (empty for an unknown name).
    pub fn value(&self, name: &str) -> &str {
        match name {
            "frame-options" => &self.frame_options,
            "frame-ancestors" => &self.frame_ancestors,
            "allowed-domains" => &self.allowed_domains,
            "session-cookie" => &self.session_cookie,
            _ => "",
        }
    }

    /// Whether `name` is one of these settings.
    pub fn has(name: &str) -> bool {
        Framing::default().views().iter().any(|v| v.name == name)
    }

    /// Changes setting `name` to `value`.
    pub fn set(&mut self, name: &str, value: &str) -> Result<()> {
        let bad = |reason: String| Error::BadField {
            field: name.to_owned(),
            reason,
        };
        let value = value.trim();
        let one_of = |allowed: &[&str]| -> Result<String> {
            let lower = value.to_ascii_lowercase();
            if allowed.contains(&lower.as_str()) {
                Ok(lower)
            } else {
                Err(bad(format!(
                    "{value:?} is not one of {}",
                    allowed.join(", ")
                )))
            }
        };
        let list = |text: &str| -> Result<String> {
            if text
                .chars()
                .any(|c| matches!(c, ';' | '\r' | '\n') || c.is_control())
            {
                return Err(bad(format!(
                    "{text:?} must be a list of sources, without ';' or line breaks"
                )));
            }
            Ok(text.to_owned())
        };
        match name {
            "frame-options" => self.frame_options = one_of(&FRAME_OPTIONS)?,
            "frame-ancestors" => self.frame_ancestors = list(value)?,
            "allowed-domains" => self.allowed_domains = list(value)?,
            "session-cookie" => self.session_cookie = one_of(&COOKIE_MODES)?,
            _ => return Err(bad("no such setting".into())),
        }
        Ok(())
    }
}

/// Whether `scheme`'s vendor has the framing emulation setting `name`.
pub fn emulates(scheme: Scheme, name: &str) -> bool {
    crate::schemes::spec(scheme)
        .framing_emulations()
        .iter()
        .any(|e| e.name == name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn each_setting_becomes_its_header_and_bad_values_change_nothing() {
        let mut framing = Framing::default();
        assert!(framing.headers(Some(Scheme::BoldBi)).is_empty());
        framing.set("frame-options", "SAMEORIGIN").unwrap();
        framing
            .set("frame-ancestors", "'self' http://localhost:3000")
            .unwrap();
        framing
            .set(
                "allowed-domains",
                "https://a.example.com, https://b.example.com",
            )
            .unwrap();
        let sigma = framing.headers(Some(Scheme::SigmaClassic));
        assert_eq!(
            sigma,
            vec![
                ("x-frame-options", "SAMEORIGIN".to_owned()),
                (
                    "content-security-policy",
                    "frame-ancestors 'self' http://localhost:3000".to_owned()
                )
            ]
        );
        let boldbi = framing.headers(Some(Scheme::BoldBi));
        assert_eq!(
            boldbi[2].1,
            "frame-ancestors 'self' https://a.example.com https://b.example.com"
        );
        let before = framing.clone();
        assert!(framing.set("frame-options", "allow-from x").is_err());
        assert!(framing.set("frame-ancestors", "x; script-src *").is_err());
        assert!(framing.set("session-cookie", "strict").is_err());
        assert!(framing.set("nope", "1").is_err());
        assert_eq!(framing, before);
        framing.set("session-cookie", "none-secure").unwrap();
        assert!(framing
            .cookie_attributes()
            .contains("SameSite=None; Secure"));
        for view in Framing::default().views() {
            let mut f = Framing::default();
            f.set(&view.name, &view.value).unwrap();
            assert_eq!(f, Framing::default(), "{}", view.name);
        }
    }
}
