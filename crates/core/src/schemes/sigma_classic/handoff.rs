//! The values the classic URL's hand-off snippet declares (its templates are in
//! `snippets/`).

use super::SigmaClassicRequest;
use crate::model::snippet::Value;
use crate::request::EmbedRequest;

/// The values the hand-off snippet declares, in order (nonce and time
/// last); `fresh` makes those two at run time.
pub fn snippet_values(request: &EmbedRequest, fresh: bool) -> Vec<(&'static str, Value<'_>)> {
    use Value::*;
    let Some(r) = request.get::<SigmaClassicRequest>() else {
        return Vec::new();
    };
    let nonce = |exact| if fresh { FreshNonce } else { Str(exact) };
    let now = |exact| if fresh { FreshTime } else { Int(exact) };
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
    ]
}
