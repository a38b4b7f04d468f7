//! Looker signed embed ("SSO embed"; vendors.md §5): the URL
//! `/login/embed/<escaped embed URL>?…&signature=`, whose signature is a
//! Base64 HMAC (SHA-1 by default, SHA-256 for API-made secrets) over the
//! host, the path and the signed parameters' JSON values, one per line.
//!
//! Signing follows Looker's `node_example.js` (compact JSON,
//! `encodeURIComponent`); reading takes the values *as received*, because
//! Looker's Python sample sends spaced JSON and `quote_plus` escapes.

mod read;
mod sign;

pub use read::{check_signature, signed_string, SIGNED_LINES};
pub use sign::{sign, string_to_sign, Algorithm, LookerRequest};

/// The parameter that carries the signature.
pub const SIGNATURE_PARAM: &str = "signature";
/// The path every signed embed URL starts with.
pub const LOGIN_PATH: &str = "/login/embed/";
/// The longest session Looker allows, in seconds (30 days).
pub const MAX_SESSION_LENGTH: u64 = 2_592_000;
/// How far `time` may be from the server's clock, in seconds.
pub const TIME_WINDOW: u64 = 300;
