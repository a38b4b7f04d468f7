//! Hand-off code: the exact current URL, reproduced in Node (in the style
//! of Sigma's `embed-api.js`), Python or Rust, reading the secret from an
//! environment variable. The values (nonce and time included) are the ones
//! the URL was signed with, so the snippet prints the very same URL; the
//! comments say what to make fresh in production.
//!
//! Every snippet is run by the tests and must print, byte for byte, what
//! the core signs for the same inputs.

mod literal;
mod node;
mod python;
mod rust;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::request::EmbedRequest;

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

/// The default environment variable the snippets read the secret from.
pub const DEFAULT_SECRET_ENV: &str = "EMBED_SECRET";

/// The snippet in `language` that prints the URL `request` signs to, with
/// the secret read from the environment variable `secret_env`.
pub fn snippet(request: &EmbedRequest, language: Language, secret_env: &str) -> Result<String> {
    let valid_name = secret_env
        .bytes()
        .enumerate()
        .all(|(i, b)| b == b'_' || b.is_ascii_uppercase() || (i > 0 && b.is_ascii_digit()));
    if secret_env.is_empty() || !valid_name {
        return Err(Error::BadField {
            field: "secret variable".into(),
            reason: format!("{secret_env:?} is not an environment variable name like EMBED_SECRET"),
        });
    }
    Ok(match language {
        Language::Node => node::render(request, secret_env),
        Language::Python => python::render(request, secret_env),
        Language::Rust => rust::render(request, secret_env),
    })
}

/// `template` with its prelude, data lines and secret variable filled in.
fn fill(template: &str, prelude: &str, data: &[String], secret_env: &str) -> String {
    template
        .replace("@PRELUDE@\n", prelude)
        .replace("@DATA@", &data.join("\n"))
        .replace("@SECRET_ENV@", secret_env)
}
