//! The outcome of checking a signature, shared by all schemes.

use serde::Serialize;

/// What a signature check found.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureCheck {
    /// No signature parameter (or, for a JWT, no signature part).
    Missing,
    /// The signature matches the received bytes under the secret.
    Valid,
    /// The signature does not match.
    Invalid,
}
