//! Helpers the schemes' scenario builders share: small edits of a request
//! or a URL (drop a character, add a `+`, find a nonce whose signature has
//! a `+`, insert or remove a parameter, replace an embed id). They know no
//! scheme and call no registry.

use crate::model::scenario::{NotBuilt, MISSING_EMBED_ID};

/// Removes the client id's last character (the seed's own debugging
/// example) and says what was removed.
pub fn drop_last_character(client_id: &mut String) -> String {
    match client_id.pop() {
        Some(c) => format!("removed the client id's last character ({c:?})"),
        None => "the client id is empty".to_owned(),
    }
}

/// The email with `+qa` before its `@` (a plus-addressed user).
pub fn with_plus(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{local}+qa@{domain}"),
        None => "ann+qa@example.com".into(),
    }
}

/// `text` with its first letter upper-cased.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "A".into(),
    }
}

/// Tries the nonces `<nonce>`, `<nonce>-1`, … of `request` (through
/// `nonce_of`) until `fits` gives a URL: for the scenarios that need a
/// Base64 signature containing `+` (about one nonce in six gives none).
pub fn first_nonce_with_plus<R>(
    request: &mut R,
    nonce_of: impl Fn(&mut R) -> &mut String,
    mut fits: impl FnMut(&R) -> Result<Option<String>, NotBuilt>,
) -> Result<String, NotBuilt> {
    let stem = nonce_of(request).clone();
    for attempt in 0..256u32 {
        if attempt > 0 {
            *nonce_of(request) = format!("{stem}-{attempt}");
        }
        if let Some(url) = fits(request)? {
            return Ok(url);
        }
    }
    Err(NotBuilt::NotApplicable(
        "No nonce among 256 gave a signature with a '+'.",
    ))
}

/// `url` with `text` inserted right after the first `marker`.
pub fn insert_after(url: &str, marker: &str, text: &str) -> Option<String> {
    let at = url.find(marker)? + marker.len();
    Some(format!("{}{text}{}", url.get(..at)?, url.get(at..)?))
}

/// A query string without the parameters called `name` (as sent).
pub fn without_param(query: &str, name: &str) -> String {
    let prefix = format!("{name}=");
    query
        .split('&')
        .filter(|p| !p.starts_with(&prefix))
        .collect::<Vec<_>>()
        .join("&")
}

/// Replaces the embed id after `marker` in `path` with [`MISSING_EMBED_ID`].
pub fn replace_embed_id(path: &mut String, marker: &str) -> Result<(), NotBuilt> {
    let Some(at) = path.find(marker).map(|i| i + marker.len()) else {
        return Err(NotBuilt::NotApplicable(
            "The embed path has no embed id to replace.",
        ));
    };
    let rest = path[at..]
        .find('/')
        .map_or("", |i| &path[at + i..])
        .to_owned();
    *path = format!("{}{MISSING_EMBED_ID}{rest}", &path[..at]);
    Ok(())
}
