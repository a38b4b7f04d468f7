//! What a scheme's embeds are like, as facts shared code may branch on
//! (never on which scheme it is): where the signed material travels, its
//! nonce and whether a load spends it, its times, whether the order of
//! parameters is signed, how the user is named and what the key is.

use serde::Serialize;

/// Where the signed material travels.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Carrier {
    /// In the URL's query, with everything it signs.
    QueryUrl,
    /// A token in the URL's path.
    PathToken,
    /// A token handed to a web component, not a URL.
    ComponentToken,
}

/// How the embed names its user.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserIdentity {
    /// By email address.
    Email,
    /// By the customer application's own id.
    ExternalId,
    /// By a user name in the vendor.
    Username,
    /// Not at all (an anonymous embed).
    None,
}

/// What signing needs besides the secret.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyShape {
    /// The secret alone.
    Secret,
    /// A client id the URL names, and its secret.
    ClientId,
    /// A client id and a secret id, and the secret.
    ClientAndSecretId,
}

/// What one scheme's embeds are like.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Capabilities {
    /// Where the signed material travels.
    pub carrier: Carrier,
    /// The nonce's parameter or claim, if the scheme has one.
    pub nonce: Option<&'static str>,
    /// Whether the vendor refuses a second load of the same URL (its
    /// documented default; a setting may say otherwise).
    pub single_use: bool,
    /// Whether the embed carries its issue time (otherwise only an expiry).
    pub issue_time: bool,
    /// Seconds past its expiry the vendor still accepts an embed.
    pub expiry_leeway: u64,
    /// Whether moving a signed parameter to another place in the URL
    /// breaks the signature (the MAC covers the bytes as sent).
    pub param_order_signed: bool,
    /// What the URL's fragment holds for the vendor, if anything.
    pub fragment: Option<&'static str>,
    /// How the user is named.
    pub identity: UserIdentity,
    /// What signing needs besides the secret.
    pub key: KeyShape,
}
