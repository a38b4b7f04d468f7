//! The values a Bold BI URL's hand-off snippet declares (its templates are in
//! `snippets/`).

use super::BoldBiRequest;
use crate::model::snippet::Value;
use crate::request::EmbedRequest;

/// The values the hand-off snippet declares, in order (nonce and time
/// last); `fresh` makes those two at run time.
pub fn snippet_values(request: &EmbedRequest, fresh: bool) -> Vec<(&'static str, Value<'_>)> {
    use Value::*;
    let Some(r) = request.get::<BoldBiRequest>() else {
        return Vec::new();
    };
    let nonce = |exact| if fresh { FreshNonce } else { Str(exact) };
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
    ]
}
