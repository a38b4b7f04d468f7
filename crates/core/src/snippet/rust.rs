//! Rust snippets (`hmac`, `sha2`; `base64` and `serde_json` where needed).

use super::literal::{array, rust_optional, rust_pairs, rust_quoted, rust_strings};
use crate::request::EmbedRequest;

const PRELUDE: &str = include_str!("templates/prelude.rs");

fn number(value: Option<u64>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| format!("Some({v})"))
}

/// The Rust snippet for `request`.
pub fn render(request: &EmbedRequest, secret_env: &str) -> String {
    let (template, data): (&str, Vec<(&str, &str, String)>) = match request {
        EmbedRequest::SigmaClassic(r) => (
            include_str!("templates/classic.rs"),
            vec![
                ("EMBED_PATH", "&str", rust_quoted(&r.embed_path)),
                ("CLIENT_ID", "&str", rust_quoted(&r.client_id)),
                ("EMAIL", "&str", rust_quoted(&r.email)),
                ("EXTERNAL_USER_ID", "&str", rust_quoted(&r.external_user_id)),
                ("TEAMS", "&[&str]", rust_strings(&r.teams)),
                (
                    "ACCOUNT_TYPE",
                    "Option<&str>",
                    rust_optional(r.account_type.as_deref()),
                ),
                ("MODE", "&str", rust_quoted(&r.mode)),
                ("SESSION_LENGTH", "u64", r.session_length.to_string()),
                (
                    "USER_ATTRIBUTES",
                    "&[(&str, &[&str])]",
                    format!(
                        "&{}",
                        array(&r.user_attributes, |a| {
                            format!("({}, {})", rust_quoted(&a.name), rust_strings(&a.values))
                        })
                    ),
                ),
                ("PARAMS", "&[(&str, &str)]", rust_pairs(&r.params)),
                ("NONCE", "&str", rust_quoted(&r.nonce)),
                ("TIME", "u64", r.time.to_string()),
            ],
        ),
        EmbedRequest::SigmaJwt(r) => (
            include_str!("templates/jwt.rs"),
            vec![
                ("WORKBOOK_URL", "&str", rust_quoted(&r.workbook_url)),
                ("CLIENT_ID", "&str", rust_quoted(&r.client_id)),
                ("EMAIL", "&str", rust_quoted(&r.email)),
                ("TTL", "u64", r.ttl.to_string()),
                ("ISSUER", "Option<&str>", rust_optional(r.issuer.as_deref())),
                (
                    "VERSION",
                    "Option<&str>",
                    rust_optional(r.version.as_deref()),
                ),
                (
                    "ACCOUNT_TYPE",
                    "Option<&str>",
                    rust_optional(r.account_type.as_deref()),
                ),
                ("TEAMS", "&[&str]", rust_strings(&r.teams)),
                (
                    "USER_ATTRIBUTES",
                    "&[(&str, &str)]",
                    rust_pairs(&r.user_attributes),
                ),
                (
                    "EVAL_CONNECTION_ID",
                    "Option<&str>",
                    rust_optional(r.eval_connection_id.as_deref()),
                ),
                (
                    "FIRST_NAME",
                    "Option<&str>",
                    rust_optional(r.first_name.as_deref()),
                ),
                (
                    "LAST_NAME",
                    "Option<&str>",
                    rust_optional(r.last_name.as_deref()),
                ),
                ("PARAMS", "&[(&str, &str)]", rust_pairs(&r.params)),
                ("JTI", "&str", rust_quoted(&r.jti)),
                ("IAT", "u64", r.iat.to_string()),
            ],
        ),
        EmbedRequest::BoldBi(r) => (
            include_str!("templates/boldbi.rs"),
            vec![
                ("DASHBOARD_URL", "&str", rust_quoted(&r.dashboard_url)),
                ("EMAIL", "&str", rust_quoted(&r.email)),
                ("OPTIONS", "&[(&str, &str)]", rust_pairs(&r.params)),
                ("EXPIRATION", "Option<u64>", number(r.expiration)),
                ("ESCAPE_SIGNATURE", "bool", r.escape_signature.to_string()),
                ("NONCE", "&str", rust_quoted(&r.nonce)),
                ("TIMESTAMP", "Option<u64>", number(r.timestamp)),
            ],
        ),
    };
    let data: Vec<String> = data
        .into_iter()
        .map(|(name, kind, value)| format!("const {name}: {kind} = {value};"))
        .collect();
    super::fill(template, PRELUDE, &data, secret_env)
}
