//! The values a Metabase embed's hand-off snippet declares (its templates
//! are in `snippets/`): the parameters' values as JSON text, parsed by the
//! snippet, so every language builds the same claims.

use super::sign::{Expiry, MetabaseRequest};
use crate::model::snippet::Value;
use crate::request::EmbedRequest;

/// The values the hand-off snippet declares, in order (the time last);
/// `fresh` takes the time at run time.
pub fn snippet_values(request: &EmbedRequest, fresh: bool) -> Vec<(&'static str, Value<'_>)> {
    use Value::*;
    let Some(r) = request.get::<MetabaseRequest>() else {
        return Vec::new();
    };
    let (ttl, exp_at) = match r.expiry {
        Expiry::Ttl(ttl) => (Some(ttl), None),
        Expiry::At(at) => (None, Some(at)),
        Expiry::Never => (None, None),
    };
    vec![
        ("site_url", Str(&r.site_url)),
        ("resource", Str(r.resource.word())),
        ("id", Str(&r.id)),
        ("params", Pairs(&r.params)),
        ("ttl", OptInt(ttl)),
        ("exp_at", OptInt(exp_at)),
        ("appearance", Pairs(&r.appearance)),
        ("time", if fresh { FreshTime } else { Int(r.time) }),
    ]
}
