//! The behaviours the vendors do not document, as visible settings.
//!
//! vendors.md marks these *unconfirmed*: the product must never guess them
//! silently. Each has a stated default, a name the CLI and config use, and a
//! note saying why it is a setting; a refusal that depended on one names it.

use serde::Serialize;

/// Judgement settings for verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Largest `:session_length` Sigma accepts, in seconds.
    pub max_session_length: u64,
    /// How far `:time` / `iat` / `embed_timestamp` may lie in the future, in seconds.
    pub clock_skew: u64,
    /// Whether a raw `+` in a Bold BI signature reaches the server as a space.
    pub boldbi_plus_as_space: bool,
    /// Whether Bold BI refuses a reused `embed_nonce`.
    pub boldbi_refuse_reused_nonce: bool,
    /// Bold BI: refuse `True` / `False` (C#'s `bool.ToString()`, which its
    /// C# samples send; Bold BI's .NET server likely reads them without
    /// regard to case; off = follow the sample, with a hazard).
    pub boldbi_strict_booleans: bool,
    /// Sigma: refuse a fractional `:time` (Sigma's Python signing package
    /// sends `time.time()`; off = follow the sample, with a hazard).
    pub sigma_strict_time: bool,
    /// Sigma: refuse the older application-embed modes `:mode=view` and
    /// `:mode=explore` (Sigma's Node signing package sends `view`; off =
    /// follow the sample, with a hazard).
    pub sigma_refuse_legacy_modes: bool,
    /// Looker: the HMAC the embed secret signs with (SHA-1 for secrets made
    /// in Admin > Embed; the `create_embed_secret` API defaults to SHA-256).
    pub looker_algorithm: crate::schemes::looker::Algorithm,
    /// Looker: refuse a `time` ahead of the clock by more than its window
    /// (Looker documents "within 5 minutes"; whether that includes the
    /// future is unconfirmed).
    pub looker_refuse_future_time: bool,
    /// The only client id accepted (any other is refused as unknown), if set.
    pub client_id: Option<String>,
}

/// Default for [`Policy::max_session_length`]: the SDK docs' 36000 (10 hours).
pub const DEFAULT_MAX_SESSION_LENGTH: u64 = 36_000;
/// Default for [`Policy::clock_skew`]: 5 minutes, as Looker documents for its scheme.
pub const DEFAULT_CLOCK_SKEW: u64 = 300;

impl Default for Policy {
    fn default() -> Self {
        Policy {
            max_session_length: DEFAULT_MAX_SESSION_LENGTH,
            clock_skew: DEFAULT_CLOCK_SKEW,
            boldbi_plus_as_space: false,
            boldbi_refuse_reused_nonce: true,
            boldbi_strict_booleans: false,
            sigma_strict_time: false,
            sigma_refuse_legacy_modes: false,
            looker_algorithm: crate::schemes::looker::Algorithm::Sha1,
            looker_refuse_future_time: true,
            client_id: None,
        }
    }
}

/// A setting a verdict depended on, named so the user can change it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingUsed {
    /// The setting's name (`--max-session-length`, config key of the same name).
    pub name: &'static str,
    /// Its value in force.
    pub value: String,
    /// Why it is a setting.
    pub note: &'static str,
}

impl Policy {
    /// Every setting with its value, for reports.
    pub fn settings(&self) -> [SettingUsed; 9] {
        [
            self.max_session_length_used(),
            self.clock_skew_used(),
            self.boldbi_plus_used(),
            self.boldbi_nonce_used(),
            self.boldbi_strict_booleans_used(),
            self.sigma_strict_time_used(),
            self.sigma_legacy_modes_used(),
            self.looker_algorithm_used(),
            self.looker_future_time_used(),
        ]
    }

    /// The Looker algorithm setting as used.
    pub fn looker_algorithm_used(&self) -> SettingUsed {
        SettingUsed {
            name: "looker-algorithm",
            value: self.looker_algorithm.id().to_owned(),
            note: "unconfirmed: that an API-made SHA-256 secret signs the same text as a SHA-1 one (likely)",
        }
    }

    /// The Looker future-time setting as used.
    pub fn looker_future_time_used(&self) -> SettingUsed {
        SettingUsed {
            name: "looker-refuse-future-time",
            value: self.looker_refuse_future_time.to_string(),
            note: "unconfirmed: whether Looker's 5-minute window for time also refuses a time ahead of its clock",
        }
    }

    /// The Bold BI strict-booleans setting as used.
    pub fn boldbi_strict_booleans_used(&self) -> SettingUsed {
        SettingUsed {
            name: "boldbi-strict-booleans",
            value: self.boldbi_strict_booleans.to_string(),
            note: "unconfirmed: how Bold BI reads True / False (its C# samples send C#'s bool.ToString(); its .NET server likely ignores case)",
        }
    }

    /// The Sigma fractional-time setting as used.
    pub fn sigma_strict_time_used(&self) -> SettingUsed {
        SettingUsed {
            name: "sigma-strict-time",
            value: self.sigma_strict_time.to_string(),
            note: "unconfirmed: Sigma documents Unix seconds, but its Python signing package sends a fractional time.time()",
        }
    }

    /// The Sigma legacy-modes setting as used.
    pub fn sigma_legacy_modes_used(&self) -> SettingUsed {
        SettingUsed {
            name: "sigma-refuse-legacy-modes",
            value: self.sigma_refuse_legacy_modes.to_string(),
            note: "unconfirmed: what Sigma does today with :mode=view or explore (the older application-embed modes its Node signing package still sends)",
        }
    }

    /// The max-session-length setting as used.
    pub fn max_session_length_used(&self) -> SettingUsed {
        SettingUsed {
            name: "max-session-length",
            value: self.max_session_length.to_string(),
            note: "unconfirmed: Sigma's error page says under 3600, its SDK docs use 36000",
        }
    }

    /// The clock-skew setting as used.
    pub fn clock_skew_used(&self) -> SettingUsed {
        SettingUsed {
            name: "clock-skew",
            value: self.clock_skew.to_string(),
            note: "unconfirmed: the vendors do not document an allowed skew; 300 s is Looker's",
        }
    }

    /// The Bold BI nonce-reuse setting as used.
    pub fn boldbi_nonce_used(&self) -> SettingUsed {
        SettingUsed {
            name: "boldbi-refuse-reused-nonce",
            value: self.boldbi_refuse_reused_nonce.to_string(),
            note: "unconfirmed: whether Bold BI refuses an embed_nonce it has seen before",
        }
    }

    /// The Bold BI raw-plus setting as used.
    pub fn boldbi_plus_used(&self) -> SettingUsed {
        SettingUsed {
            name: "boldbi-plus-as-space",
            value: self.boldbi_plus_as_space.to_string(),
            note: "unconfirmed: whether Bold BI reads a raw '+' in embed_signature as a space",
        }
    }
}
