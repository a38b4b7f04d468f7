//! Hand-off code: the exact current URL, reproduced in Node (in the style
//! of Sigma's `embed-api.js`), Python or Rust, reading the secret from an
//! environment variable. The values (nonce and time included) are the ones
//! the URL was signed with, so the snippet prints the very same URL; the
//! comments say what to make fresh in production.
//!
//! Every snippet is run by the tests and must print, byte for byte, what
//! the core signs for the same inputs.

mod declare;
mod fields;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;

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
    let (scheme, values) = fields::fields(request);
    let declare: fn(&str, &fields::Value<'_>) -> String = match language {
        Language::Node => declare::node,
        Language::Python => declare::python,
        Language::Rust => declare::rust,
    };
    let data: Vec<String> = values
        .iter()
        .map(|(name, value)| declare(name, value))
        .collect();
    Ok(fill(
        template(scheme, language),
        prelude(language),
        &data,
        secret_env,
    ))
}

fn prelude(language: Language) -> &'static str {
    match language {
        Language::Node => include_str!("templates/prelude.mjs"),
        Language::Python => include_str!("templates/prelude.py"),
        Language::Rust => include_str!("templates/prelude.rs"),
    }
}

fn template(scheme: Scheme, language: Language) -> &'static str {
    match (scheme, language) {
        (Scheme::SigmaClassic, Language::Node) => include_str!("templates/classic.mjs"),
        (Scheme::SigmaClassic, Language::Python) => include_str!("templates/classic.py"),
        (Scheme::SigmaClassic, Language::Rust) => include_str!("templates/classic.rs"),
        (Scheme::SigmaJwt, Language::Node) => include_str!("templates/jwt.mjs"),
        (Scheme::SigmaJwt, Language::Python) => include_str!("templates/jwt.py"),
        (Scheme::SigmaJwt, Language::Rust) => include_str!("templates/jwt.rs"),
        (Scheme::BoldBi, Language::Node) => include_str!("templates/boldbi.mjs"),
        (Scheme::BoldBi, Language::Python) => include_str!("templates/boldbi.py"),
        (Scheme::BoldBi, Language::Rust) => include_str!("templates/boldbi.rs"),
    }
}

/// `template` with its prelude, data lines and secret variable filled in.
fn fill(template: &str, prelude: &str, data: &[String], secret_env: &str) -> String {
    template
        .replace("@PRELUDE@\n", prelude)
        .replace("@DATA@", &data.join("\n"))
        .replace("@SECRET_ENV@", secret_env)
}
