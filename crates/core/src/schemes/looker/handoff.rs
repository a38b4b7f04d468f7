//! The values a Looker URL's hand-off snippet declares (its templates are
//! in `snippets/`).

use super::LookerRequest;
use crate::model::snippet::Value;
use crate::request::EmbedRequest;

/// The values the hand-off snippet declares, in order (nonce and time
/// last); `fresh` makes those two at run time.
pub fn snippet_values(request: &EmbedRequest, fresh: bool) -> Vec<(&'static str, Value<'_>)> {
    use Value::*;
    let Some(r) = request.get::<LookerRequest>() else {
        return Vec::new();
    };
    vec![
        ("host", Str(&r.host)),
        ("embed_url", Str(&r.embed_url)),
        ("external_user_id", Str(&r.external_user_id)),
        ("permissions", Strs(&r.permissions)),
        ("models", Strs(&r.models)),
        ("group_ids", Ints(&r.group_ids)),
        ("external_group_id", OptStr(r.external_group_id.as_deref())),
        ("user_attributes", Pairs(&r.user_attributes)),
        ("access_filters", Str(&r.access_filters)),
        ("first_name", OptStr(r.first_name.as_deref())),
        ("last_name", OptStr(r.last_name.as_deref())),
        ("user_timezone", OptStr(r.user_timezone.as_deref())),
        ("force_logout_login", OptBool(r.force_logout_login)),
        ("session_length", Int(r.session_length)),
        ("algorithm", Str(r.algorithm.id())),
        ("nonce", if fresh { FreshNonce } else { Str(&r.nonce) }),
        ("time", if fresh { FreshTime } else { Int(r.time) }),
    ]
}
