//! What a hand-off snippet is made of, as plain data: the languages, and
//! the values a scheme declares for its snippet. Writing snippets is
//! [`crate::snippet`]'s.

use serde::{Deserialize, Serialize};

use crate::user_attribute::UserAttribute;

/// A language a snippet is written in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Node.js (ES module, `node:crypto` only).
    Node,
    /// Python 3 (standard library only).
    Python,
    /// Rust (`hmac`, `sha2`; `base64`, `serde_json` where needed).
    Rust,
}

impl Language {
    /// The file name a snippet is best saved as.
    pub fn file_name(self) -> &'static str {
        match self {
            Language::Node => "embed-url.mjs",
            Language::Python => "embed_url.py",
            Language::Rust => "main.rs",
        }
    }
}

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
    /// A boolean or nothing.
    OptBool(Option<bool>),
    /// A list of whole numbers.
    Ints(&'a [u64]),
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
