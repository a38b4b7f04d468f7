//! The values a snippet starts from, named once for every language.

use crate::request::EmbedRequest;
use crate::scheme::Scheme;
use crate::sigma_classic::UserAttribute;

/// A value as the snippet declares it.
pub enum Value<'a> {
    /// A string.
    Str(&'a str),
    /// A string or nothing.
    OptStr(Option<&'a str>),
    /// A whole number.
    Int(u64),
    /// A whole number or nothing.
    OptInt(Option<u64>),
    /// A boolean.
    Bool(bool),
    /// A list of strings.
    Strs(&'a [String]),
    /// Name/value pairs.
    Pairs(&'a [(String, String)]),
    /// User attributes with several values each.
    Attrs(&'a [UserAttribute]),
    /// A fresh single-use value made when the snippet runs (a UUID v4).
    FreshNonce,
    /// The current Unix time when the snippet runs.
    FreshTime,
    /// The current Unix time when the snippet runs, where the value is optional.
    FreshSomeTime,
}

impl Value<'_> {
    /// Whether the snippet makes this value when it runs.
    pub fn is_fresh(&self) -> bool {
        matches!(
            self,
            Value::FreshNonce | Value::FreshTime | Value::FreshSomeTime
        )
    }
}

/// The single-use values (nonce and time, under each scheme's names). Rust
/// binds them as locals at the start of `main`, from constants when exact
/// and made on every run when fresh.
pub fn is_single_use(name: &str) -> bool {
    matches!(name, "nonce" | "time" | "jti" | "iat" | "timestamp")
}

/// Whether the snippet reproduces the URL shown or makes a fresh one on each run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// The nonce and time the URL was signed with: prints that very URL.
    Exact,
    /// A new nonce and the current time on every run: a new, unspent URL.
    Fresh,
}

/// The request's scheme and its values, by snake_case name, in the order
/// the snippet declares them (nonce and time last, under their comment).
pub fn fields(
    request: &EmbedRequest,
    freshness: Freshness,
) -> (Scheme, Vec<(&'static str, Value<'_>)>) {
    use Value::*;
    let fresh = freshness == Freshness::Fresh;
    let nonce = |exact| if fresh { FreshNonce } else { Str(exact) };
    let now = |exact| if fresh { FreshTime } else { Int(exact) };
    match request {
        EmbedRequest::SigmaClassic(r) => (
            Scheme::SigmaClassic,
            vec![
                ("embed_path", Str(&r.embed_path)),
                ("client_id", Str(&r.client_id)),
                ("email", Str(&r.email)),
                ("external_user_id", Str(&r.external_user_id)),
                ("teams", Strs(&r.teams)),
                ("account_type", OptStr(r.account_type.as_deref())),
                ("mode", Str(&r.mode)),
                ("session_length", Int(r.session_length)),
                ("user_attributes", Attrs(&r.user_attributes)),
                ("params", Pairs(&r.params)),
                ("nonce", nonce(&r.nonce)),
                ("time", now(r.time)),
            ],
        ),
        EmbedRequest::SigmaJwt(r) => (
            Scheme::SigmaJwt,
            vec![
                ("workbook_url", Str(&r.workbook_url)),
                ("client_id", Str(&r.client_id)),
                ("email", Str(&r.email)),
                ("ttl", Int(r.ttl)),
                ("issuer", OptStr(r.issuer.as_deref())),
                ("version", OptStr(r.version.as_deref())),
                ("account_type", OptStr(r.account_type.as_deref())),
                ("teams", Strs(&r.teams)),
                ("user_attributes", Pairs(&r.user_attributes)),
                (
                    "eval_connection_id",
                    OptStr(r.eval_connection_id.as_deref()),
                ),
                ("first_name", OptStr(r.first_name.as_deref())),
                ("last_name", OptStr(r.last_name.as_deref())),
                ("params", Pairs(&r.params)),
                ("jti", nonce(&r.jti)),
                ("iat", now(r.iat)),
            ],
        ),
        EmbedRequest::BoldBi(r) => (
            Scheme::BoldBi,
            vec![
                ("dashboard_url", Str(&r.dashboard_url)),
                ("email", Str(&r.email)),
                ("options", Pairs(&r.params)),
                ("expiration", OptInt(r.expiration)),
                ("escape_signature", Bool(r.escape_signature)),
                ("nonce", nonce(&r.nonce)),
                (
                    "timestamp",
                    match r.timestamp {
                        Some(_) if fresh => FreshSomeTime,
                        exact => OptInt(exact),
                    },
                ),
            ],
        ),
    }
}
