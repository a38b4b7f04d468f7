//! Why an embed URL is refused, in the vendor's own words where they exist.
//!
//! The texts are the table in vendors.md ("Secure embed error code
//! reference" for Sigma). Where a vendor documents no text (every Bold BI
//! refusal, Sigma's clock-skew and JWT-lifetime cases), the message is the
//! product's own and [`Wording::Product`] says so, so nobody mistakes it for
//! what the vendor will show.

use serde::Serialize;

use crate::policy::SettingUsed;
use crate::scheme::Scheme;

/// Why a vendor refuses an embed, by its stable id (`invalid-signature`).
/// The reasons every scheme shares are the constants below; a scheme
/// folder declares any reason of its own ([`Reason::declare`], listed by
/// its `SchemeSpec::own_reasons`), so a new vendor's refusal needs no line
/// here.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reason(&'static str);

// The constants keep the names the enum's variants had.
#[allow(non_upper_case_globals)]
impl Reason {
    /// The client id is missing or not one the vendor knows.
    pub const UnknownClientId: Reason = Reason("unknown-client-id");
    /// The signature is missing or does not match.
    pub const InvalidSignature: Reason = Reason("invalid-signature");
    /// The URL's validity has run out.
    pub const Expired: Reason = Reason("expired");
    /// The issue time lies further in the future than the allowed skew.
    pub const TimeInFuture: Reason = Reason("time-in-future");
    /// The nonce / jti was used before.
    pub const NonceReused: Reason = Reason("nonce-reused");
    /// `:mode` is not `userbacked`.
    pub const WrongMode: Reason = Reason("wrong-mode");
    /// The email is malformed.
    pub const InvalidEmail: Reason = Reason("invalid-email");
    /// `:session_length` is over the maximum.
    pub const SessionLengthTooLong: Reason = Reason("session-length-too-long");
    /// A JWT's `exp - iat` is over 30 days.
    pub const JwtLifetimeTooLong: Reason = Reason("jwt-lifetime-too-long");
    /// An OAuth token claim in a JWT whose `ver` is not 1.1.
    pub const OAuthNeedsVersion11: Reason = Reason("oauth-needs-version-1-1");
    /// Bold BI `embed_expirationtime` without `embed_timestamp`, or out of range.
    pub const InvalidExpiration: Reason = Reason("invalid-expiration");
    /// No team was given.
    pub const NoTeam: Reason = Reason("no-team");
    /// A team is not known to the organisation.
    pub const UnknownTeam: Reason = Reason("unknown-team");
    /// The embed path is not known.
    pub const UnknownEmbed: Reason = Reason("unknown-embed");
    /// The email belongs to an internal user.
    pub const InternalUser: Reason = Reason("internal-user");
    /// The account type is not one the organisation has.
    pub const UnknownAccountType: Reason = Reason("unknown-account-type");
    /// A required parameter is missing or unreadable.
    pub const MissingParameter: Reason = Reason("missing-parameter");

    /// A reason a scheme folder declares for a refusal of its own.
    pub const fn declare(id: &'static str) -> Reason {
        Reason(id)
    }

    /// A stable machine-readable name.
    pub fn id(self) -> &'static str {
        self.0
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// Whose words a message is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wording {
    /// The vendor documents this text.
    Vendor,
    /// Embed Sandbox's own text: the vendor documents none.
    Product,
}

/// Every reason the schemes share.
pub const ALL_REASONS: [Reason; 17] = [
    Reason::UnknownClientId,
    Reason::InvalidSignature,
    Reason::Expired,
    Reason::TimeInFuture,
    Reason::NonceReused,
    Reason::WrongMode,
    Reason::InvalidEmail,
    Reason::SessionLengthTooLong,
    Reason::JwtLifetimeTooLong,
    Reason::OAuthNeedsVersion11,
    Reason::InvalidExpiration,
    Reason::NoTeam,
    Reason::UnknownTeam,
    Reason::UnknownEmbed,
    Reason::InternalUser,
    Reason::UnknownAccountType,
    Reason::MissingParameter,
];

/// A refusal: the vendor's words, a plain explanation and what to change.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// Why, as a stable name.
    pub reason: Reason,
    /// What the embed shows.
    pub message: String,
    /// Whose words `message` is.
    pub wording: Wording,
    /// The vendor's error code, where documented (`EINVAL`, `EACCES`).
    pub code: Option<&'static str>,
    /// What happened, in plain words.
    pub explanation: String,
    /// What to change.
    pub fix: String,
    /// The unconfirmed setting this refusal depended on, if any.
    pub setting: Option<SettingUsed>,
}

impl Refusal {
    /// A refusal for `reason` under `scheme`, in the scheme's words (found
    /// through the registry: for shared code).
    pub fn new(
        scheme: Scheme,
        reason: Reason,
        explanation: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Refusal::worded(reason.message(scheme), reason, explanation, fix)
    }

    /// A refusal for `reason` with its text given as `(message, whose
    /// words, the vendor's code)`: a scheme's folder passes its own texts,
    /// with no trip through the registry.
    pub fn worded(
        text: (&'static str, Wording, Option<&'static str>),
        reason: Reason,
        explanation: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        let (message, wording, code) = text;
        Refusal {
            reason,
            message: message.to_owned(),
            wording,
            code,
            explanation: explanation.into(),
            fix: fix.into(),
            setting: None,
        }
    }

    /// Names the setting the refusal depended on.
    pub fn with_setting(mut self, setting: SettingUsed) -> Self {
        self.setting = Some(setting);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reasons_json_is_its_id_and_reads_back() {
        for reason in ALL_REASONS {
            let json = serde_json::to_string(&reason).unwrap();
            assert_eq!(json, format!("\"{}\"", reason.id()));
            assert_eq!(Reason::from_id(reason.id()), Some(reason));
        }
        assert_eq!(Reason::from_id("no-such-reason"), None);
    }

    #[test]
    fn every_reason_is_found_by_its_id() {
        for reason in ALL_REASONS {
            assert_eq!(Reason::from_id(reason.id()), Some(reason));
        }
        let ids: std::collections::HashSet<_> = ALL_REASONS.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), ALL_REASONS.len());
        assert_eq!(Reason::from_id("nope"), None);
    }

    #[test]
    fn sigma_texts_are_the_vendors_table() {
        let (text, wording, _) = Reason::InvalidSignature.message(Scheme::SigmaClassic);
        assert_eq!(
            text,
            "You don't have permission to access this page. Invalid embed signature."
        );
        assert_eq!(wording, Wording::Vendor);
        let (text, _, _) = Reason::SessionLengthTooLong.message(Scheme::SigmaClassic);
        assert_eq!(
            text,
            "Invalid embed request. \":session_length\" exceeds maximum"
        );
    }

    #[test]
    fn boldbi_texts_are_labelled_as_the_products_own() {
        for reason in [
            Reason::InvalidSignature,
            Reason::Expired,
            Reason::NonceReused,
        ] {
            let (text, wording, _) = reason.message(Scheme::BoldBi);
            assert_eq!(wording, Wording::Product);
            assert!(!text.is_empty());
        }
    }
}
