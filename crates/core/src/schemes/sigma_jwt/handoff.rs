//! The values the JWT URL's hand-off snippet declares (its templates are in
//! `snippets/`).

use super::SigmaJwtRequest;
use crate::model::snippet::Value;
use crate::request::EmbedRequest;

/// The values the hand-off snippet declares, in order (nonce and time
/// last); `fresh` makes those two at run time.
pub fn snippet_values(request: &EmbedRequest, fresh: bool) -> Vec<(&'static str, Value<'_>)> {
    use Value::*;
    let Some(r) = request.get::<SigmaJwtRequest>() else {
        return Vec::new();
    };
    let nonce = |exact| if fresh { FreshNonce } else { Str(exact) };
    let now = |exact| if fresh { FreshTime } else { Int(exact) };
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
    ]
}
