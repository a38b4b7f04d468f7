//! Python 3 snippets (standard library only).

use super::literal::{array, pairs, py_optional, quoted, strings};
use crate::request::EmbedRequest;

const PRELUDE: &str = include_str!("templates/prelude.py");

fn number(value: Option<u64>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| v.to_string())
}

/// The Python snippet for `request`.
pub fn render(request: &EmbedRequest, secret_env: &str) -> String {
    let (template, data): (&str, Vec<(&str, String)>) = match request {
        EmbedRequest::SigmaClassic(r) => (
            include_str!("templates/classic.py"),
            vec![
                ("EMBED_PATH", quoted(&r.embed_path)),
                ("CLIENT_ID", quoted(&r.client_id)),
                ("EMAIL", quoted(&r.email)),
                ("EXTERNAL_USER_ID", quoted(&r.external_user_id)),
                ("TEAMS", strings(&r.teams)),
                ("ACCOUNT_TYPE", py_optional(r.account_type.as_deref())),
                ("MODE", quoted(&r.mode)),
                ("SESSION_LENGTH", r.session_length.to_string()),
                (
                    "USER_ATTRIBUTES",
                    array(&r.user_attributes, |a| {
                        format!("[{}, {}]", quoted(&a.name), strings(&a.values))
                    }),
                ),
                ("PARAMS", pairs(&r.params)),
                ("NONCE", quoted(&r.nonce)),
                ("TIME", r.time.to_string()),
            ],
        ),
        EmbedRequest::SigmaJwt(r) => (
            include_str!("templates/jwt.py"),
            vec![
                ("WORKBOOK_URL", quoted(&r.workbook_url)),
                ("CLIENT_ID", quoted(&r.client_id)),
                ("EMAIL", quoted(&r.email)),
                ("TTL", r.ttl.to_string()),
                ("ISSUER", py_optional(r.issuer.as_deref())),
                ("VERSION", py_optional(r.version.as_deref())),
                ("ACCOUNT_TYPE", py_optional(r.account_type.as_deref())),
                ("TEAMS", strings(&r.teams)),
                ("USER_ATTRIBUTES", pairs(&r.user_attributes)),
                (
                    "EVAL_CONNECTION_ID",
                    py_optional(r.eval_connection_id.as_deref()),
                ),
                ("FIRST_NAME", py_optional(r.first_name.as_deref())),
                ("LAST_NAME", py_optional(r.last_name.as_deref())),
                ("PARAMS", pairs(&r.params)),
                ("JTI", quoted(&r.jti)),
                ("IAT", r.iat.to_string()),
            ],
        ),
        EmbedRequest::BoldBi(r) => (
            include_str!("templates/boldbi.py"),
            vec![
                ("DASHBOARD_URL", quoted(&r.dashboard_url)),
                ("EMAIL", quoted(&r.email)),
                ("OPTIONS", pairs(&r.params)),
                ("EXPIRATION", number(r.expiration)),
                (
                    "ESCAPE_SIGNATURE",
                    if r.escape_signature { "True" } else { "False" }.to_owned(),
                ),
                ("NONCE", quoted(&r.nonce)),
                ("TIMESTAMP", number(r.timestamp)),
            ],
        ),
    };
    let data: Vec<String> = data
        .into_iter()
        .map(|(name, value)| format!("{name} = {value}"))
        .collect();
    super::fill(template, PRELUDE, &data, secret_env)
}
