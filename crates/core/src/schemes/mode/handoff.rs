//! The values a Mode URL's hand-off snippet declares (its templates are in
//! `snippets/`).

use super::sign::ModeRequest;
use crate::model::snippet::Value;
use crate::request::EmbedRequest;

/// The values the hand-off snippet declares, in order (the time last);
/// `fresh` makes the time at run time.
pub fn snippet_values(request: &EmbedRequest, fresh: bool) -> Vec<(&'static str, Value<'_>)> {
    use Value::*;
    let Some(r) = request.get::<ModeRequest>() else {
        return Vec::new();
    };
    vec![
        ("report_url", Str(&r.report_url)),
        ("access_key", Str(&r.access_key)),
        ("max_age", OptInt(r.max_age)),
        ("params", Pairs(&r.params)),
        (
            "timestamp",
            if fresh { FreshTime } else { Int(r.timestamp) },
        ),
    ]
}
