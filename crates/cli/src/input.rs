//! Reading what the user hands over: the secret, a URL, NAME=VALUE pairs, the clock.
//!
//! The secret comes only from an environment variable or standard input, is
//! size-capped, never echoed, and a warning (never the secret) is printed
//! when it carries surrounding whitespace, the classic copy-and-paste cause
//! of "Invalid embed signature".

use std::io::Read;
use std::time::{SystemTime, UNIX_EPOCH};

use embed_core::Secret;

use crate::error::CliError;
use crate::secret_args::SecretSource;

/// Largest secret or URL read from standard input.
const STDIN_LIMIT: u64 = 64 * 1024;

/// Reads the secret from its source, if one was given.
pub fn secret(source: &SecretSource) -> Result<Option<Secret>, CliError> {
    let text = if let Some(var) = &source.secret_env {
        match std::env::var(var) {
            Ok(value) => value,
            Err(std::env::VarError::NotPresent) => {
                return Err(CliError::SecretEnvMissing(var.clone()))
            }
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(CliError::SecretEnvNotUnicode(var.clone()))
            }
        }
    } else if source.secret_stdin {
        let mut text = read_stdin("the secret")?;
        if text.ends_with('\n') {
            text.pop();
            if text.ends_with('\r') {
                text.pop();
            }
        }
        text
    } else {
        return Ok(None);
    };
    let secret = Secret::new(text);
    if secret.is_empty() {
        return Err(CliError::SecretEmpty);
    }
    if secret.has_surrounding_whitespace() {
        eprintln!("warning: the secret (sha256:{}) has leading or trailing whitespace; it is used exactly as given, which is a common cause of \"Invalid embed signature\"", secret.fingerprint());
    }
    Ok(Some(secret))
}

/// Reads the secret, which this command requires.
pub fn required_secret(source: &SecretSource) -> Result<Secret, CliError> {
    secret(source)?.ok_or(CliError::SecretRequired)
}

/// The URL argument, or standard input for `-`.
pub fn url(argument: &str, source: &SecretSource) -> Result<String, CliError> {
    if argument != "-" {
        return Ok(argument.to_owned());
    }
    if source.secret_stdin {
        return Err(CliError::StdinTwice);
    }
    read_stdin("the URL")
}

fn read_stdin(what: &'static str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(STDIN_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Stdin {
            what,
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > STDIN_LIMIT {
        return Err(CliError::Stdin {
            what,
            reason: format!("more than {STDIN_LIMIT} bytes"),
        });
    }
    String::from_utf8(bytes).map_err(|_| CliError::Stdin {
        what,
        reason: "it is not UTF-8 text".into(),
    })
}

/// Now, in Unix seconds.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A fresh nonce.
pub fn fresh_nonce() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The profile file at `path` (JSON: name, scheme, embed_path, client_id,
/// secret_env, form).
pub fn profile_file(path: &std::path::Path) -> Result<embed_core::form::ProfileFile, CliError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CliError::ProfileFile {
        path: shown.clone(),
        reason: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| CliError::ProfileFile {
        path: shown.clone(),
        reason: "it is not UTF-8 text".into(),
    })?;
    embed_core::form::ProfileFile::parse(&text).map_err(|e| CliError::ProfileFile {
        path: shown,
        reason: e.to_string(),
    })
}

/// The secret from the flags, or else from the variable `file_env` names.
pub fn secret_or_file(
    source: &SecretSource,
    file_env: Option<&String>,
) -> Result<Secret, CliError> {
    if let Some(secret) = secret(source)? {
        return Ok(secret);
    }
    let mut source = source.clone();
    source.secret_env = file_env.cloned();
    required_secret(&source)
}
