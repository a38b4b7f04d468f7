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

/// The reasons a vendor refuses an embed.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The client id is missing or not one the vendor knows.
    UnknownClientId,
    /// The signature is missing or does not match.
    InvalidSignature,
    /// The URL's validity has run out.
    Expired,
    /// The issue time lies further in the future than the allowed skew.
    TimeInFuture,
    /// The nonce / jti was used before.
    NonceReused,
    /// `:mode` is not `userbacked`.
    WrongMode,
    /// The email is malformed.
    InvalidEmail,
    /// `:session_length` is over the maximum.
    SessionLengthTooLong,
    /// A JWT's `exp - iat` is over 30 days.
    JwtLifetimeTooLong,
    /// An OAuth token claim in a JWT whose `ver` is not 1.1.
    OAuthNeedsVersion11,
    /// Bold BI `embed_expirationtime` without `embed_timestamp`, or out of range.
    InvalidExpiration,
    /// No team was given.
    NoTeam,
    /// A team is not known to the organisation.
    UnknownTeam,
    /// The embed path is not known.
    UnknownEmbed,
    /// The email belongs to an internal user.
    InternalUser,
    /// The account type is not one the organisation has.
    UnknownAccountType,
    /// A required parameter is missing or unreadable.
    MissingParameter,
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

/// Every reason.
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

impl Reason {
    /// A stable machine-readable name.
    pub fn id(self) -> &'static str {
        match self {
            Reason::UnknownClientId => "unknown-client-id",
            Reason::InvalidSignature => "invalid-signature",
            Reason::Expired => "expired",
            Reason::TimeInFuture => "time-in-future",
            Reason::NonceReused => "nonce-reused",
            Reason::WrongMode => "wrong-mode",
            Reason::InvalidEmail => "invalid-email",
            Reason::SessionLengthTooLong => "session-length-too-long",
            Reason::JwtLifetimeTooLong => "jwt-lifetime-too-long",
            Reason::OAuthNeedsVersion11 => "oauth-needs-version-1-1",
            Reason::InvalidExpiration => "invalid-expiration",
            Reason::NoTeam => "no-team",
            Reason::UnknownTeam => "unknown-team",
            Reason::UnknownEmbed => "unknown-embed",
            Reason::InternalUser => "internal-user",
            Reason::UnknownAccountType => "unknown-account-type",
            Reason::MissingParameter => "missing-parameter",
        }
    }

    /// The reason whose [`Reason::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Reason> {
        ALL_REASONS.iter().copied().find(|r| r.id() == id)
    }
}

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
