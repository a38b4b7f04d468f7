//! Hand-off code: the current URL, built in Node (in the style of Sigma's
//! `embed-api.js`), Python or Rust, reading the secret from an environment
//! variable. Fresh (the default in the app, Node and Python): a new nonce
//! and the current time on every run, so what it prints is never a spent or
//! expired URL. Exact: the nonce and time the URL was signed with, so the
//! snippet prints the very same URL; the comments say what to make fresh.
//!
//! Every snippet is run by the tests and must print, byte for byte, what
//! the core signs for the same inputs.

mod declare;
pub mod fields;

use crate::error::{Error, Result};
use crate::request::EmbedRequest;
use crate::scheme::Scheme;

pub use crate::model::snippet::Language;

/// The default environment variable the snippets read the secret from.
pub const DEFAULT_SECRET_ENV: &str = "EMBED_SECRET";

pub use fields::Freshness;

/// The snippet in `language` that prints the URL `request` signs to, with
/// the secret read from the environment variable `secret_env`.
pub fn snippet(request: &EmbedRequest, language: Language, secret_env: &str) -> Result<String> {
    snippet_with(request, language, secret_env, Freshness::Exact)
}

/// [`snippet`], or with `Freshness::Fresh` a snippet that makes a new nonce
/// and takes the current time on every run, so what it prints is never a
/// spent or expired URL (in Rust, as locals at the start of `main`).
pub fn snippet_with(
    request: &EmbedRequest,
    language: Language,
    secret_env: &str,
    freshness: Freshness,
) -> Result<String> {
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
    let (scheme, values) = fields::fields(request, freshness);
    let declare: fn(&str, &fields::Value<'_>) -> String = match language {
        Language::Node => declare::node,
        Language::Python => declare::python,
        Language::Rust => declare::rust,
    };
    let single_use = declare::single_use(language, &values);
    // A fresh nonce only where the scheme has one.
    let has_nonce = values
        .iter()
        .any(|(_, value)| matches!(value, fields::Value::FreshNonce));
    let data: Vec<String> = values
        .iter()
        .filter(|(_, value)| language != Language::Rust || !value.is_fresh())
        .map(|(name, value)| declare(name, value))
        .collect();
    let text = fill(
        template(scheme, language),
        &prelude_for(
            language,
            crate::schemes::spec(scheme).snippet_uses_encoding(),
        ),
        &data,
        secret_env,
    )
    .replace("@SINGLE_USE@", &single_use)
    .replace(
        "@FRESH_DEPS@",
        if freshness == Freshness::Fresh && has_nonce {
            ", uuid = { version = \"1\", features = [\"v4\"] }"
        } else {
            ""
        },
    );
    Ok(match freshness {
        Freshness::Exact => text,
        Freshness::Fresh => fresh_comment(&text, has_nonce),
    })
}

/// Rewrites the two comment lines above the values for a fresh snippet.
fn fresh_comment(text: &str, has_nonce: bool) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if let Some(at) = lines
        .iter()
        .position(|l| l.contains("The values this URL was signed with."))
    {
        let prefix = if lines[at].trim_start().starts_with('#') {
            "# "
        } else {
            "// "
        };
        let (fresh, never) = if has_nonce {
            (
                "the nonce and the time are",
                "a new URL that has never been used",
            )
        } else {
            ("the time is", "a new URL signed now")
        };
        lines[at] = format!("{prefix}The form's values; {fresh} made fresh on every run,");
        if let Some(next) = lines.get_mut(at + 1) {
            *next = format!("{prefix}so each run prints {never}.");
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn prelude(language: Language) -> &'static str {
    match language {
        Language::Node => include_str!("templates/prelude.mjs"),
        Language::Python => include_str!("templates/prelude.py"),
        Language::Rust => include_str!("templates/prelude.rs"),
    }
}

/// The prelude with its percent-encoding helpers (`enc`, `list`) only
/// when the template uses them (Looker's JSON values are escaped as
/// `encodeURIComponent` does, by the template itself).
fn prelude_for(language: Language, encodes: bool) -> String {
    let text = prelude(language);
    match text
        .split_once("@ENCODE@\n")
        .and_then(|(before, rest)| Some((before, rest.split_once("@END_ENCODE@\n")?)))
    {
        Some((before, (helpers, after))) if encodes => format!("{before}{helpers}{after}"),
        Some((before, (_, after))) => format!("{before}{after}"),
        None => text.to_owned(),
    }
}

fn template(scheme: Scheme, language: Language) -> &'static str {
    crate::schemes::spec(scheme).snippet_template(language)
}

/// `template` with its prelude, data lines and secret variable filled in.
fn fill(template: &str, prelude: &str, data: &[String], secret_env: &str) -> String {
    template
        .replace("@PRELUDE@\n", prelude)
        .replace("@DATA@", &data.join("\n"))
        .replace("@SECRET_ENV@", secret_env)
}
