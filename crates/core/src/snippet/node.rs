//! Node.js snippets (ES module, `node:crypto` only).

use super::literal::{array, js_optional, pairs, quoted, strings};
use crate::request::EmbedRequest;

const PRELUDE: &str = include_str!("templates/prelude.mjs");

fn number(value: Option<u64>) -> String {
    value.map_or_else(|| "null".to_owned(), |v| v.to_string())
}

/// The Node snippet for `request`.
pub fn render(request: &EmbedRequest, secret_env: &str) -> String {
    let (template, data): (&str, Vec<(&str, String)>) = match request {
        EmbedRequest::SigmaClassic(r) => (
            include_str!("templates/classic.mjs"),
            vec![
                ("embedPath", quoted(&r.embed_path)),
                ("clientId", quoted(&r.client_id)),
                ("email", quoted(&r.email)),
                ("externalUserId", quoted(&r.external_user_id)),
                ("teams", strings(&r.teams)),
                ("accountType", js_optional(r.account_type.as_deref())),
                ("mode", quoted(&r.mode)),
                ("sessionLength", r.session_length.to_string()),
                (
                    "userAttributes",
                    array(&r.user_attributes, |a| {
                        format!("[{}, {}]", quoted(&a.name), strings(&a.values))
                    }),
                ),
                ("params", pairs(&r.params)),
                ("nonce", quoted(&r.nonce)),
                ("time", r.time.to_string()),
            ],
        ),
        EmbedRequest::SigmaJwt(r) => (
            include_str!("templates/jwt.mjs"),
            vec![
                ("workbookUrl", quoted(&r.workbook_url)),
                ("clientId", quoted(&r.client_id)),
                ("email", quoted(&r.email)),
                ("ttl", r.ttl.to_string()),
                ("issuer", js_optional(r.issuer.as_deref())),
                ("version", js_optional(r.version.as_deref())),
                ("accountType", js_optional(r.account_type.as_deref())),
                ("teams", strings(&r.teams)),
                ("userAttributes", pairs(&r.user_attributes)),
                (
                    "evalConnectionId",
                    js_optional(r.eval_connection_id.as_deref()),
                ),
                ("firstName", js_optional(r.first_name.as_deref())),
                ("lastName", js_optional(r.last_name.as_deref())),
                ("params", pairs(&r.params)),
                ("jti", quoted(&r.jti)),
                ("iat", r.iat.to_string()),
            ],
        ),
        EmbedRequest::BoldBi(r) => (
            include_str!("templates/boldbi.mjs"),
            vec![
                ("dashboardUrl", quoted(&r.dashboard_url)),
                ("email", quoted(&r.email)),
                ("options", pairs(&r.params)),
                ("expiration", number(r.expiration)),
                ("escapeSignature", r.escape_signature.to_string()),
                ("nonce", quoted(&r.nonce)),
                ("timestamp", number(r.timestamp)),
            ],
        ),
    };
    let data: Vec<String> = data
        .into_iter()
        .map(|(name, value)| format!("const {name} = {value};"))
        .collect();
    super::fill(template, PRELUDE, &data, secret_env)
}
