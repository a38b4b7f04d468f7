//! What both Sigma forms check: the interface parameters that need a
//! partner, and Sigma's nonce limit.

use crate::form::SignForm;

/// Longest nonce Sigma accepts.
pub const MAX_NONCE_CHARS: usize = 255;

/// The Sigma rules every Sigma form shares, one sentence each.
pub fn shared_issues(form: &SignForm, say: &mut Vec<String>) {
    let has = |name: &str| form.params.iter().any(|(n, _)| n == name);
    if has(":first_name") != has(":last_name") {
        say.push(":first_name and :last_name only work together.".into());
    }
    if has(":hide_menu") && !has(":menu_position") {
        say.push(":hide_menu needs :menu_position.".into());
    }
    if has(":lng_variant") && !has(":lng") {
        say.push(":lng_variant needs :lng.".into());
    }
    if form.nonce.chars().count() > MAX_NONCE_CHARS {
        say.push(format!(
            "The nonce is over {MAX_NONCE_CHARS} characters; Sigma refuses it."
        ));
    }
}
