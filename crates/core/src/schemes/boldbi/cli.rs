//! This scheme's `embed-sandbox sign boldbi`: its flags (unchanged since
//! scripts depend on them) and the request they describe (see
//! [`crate::spec::sign_cli`]).

use super::BoldBiRequest;
use crate::error::Result;
use crate::request::EmbedRequest;
use crate::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

/// `sign boldbi`.
pub static COMMAND: SignCommandDef = SignCommandDef {
    command: "boldbi",
    about: "Bold BI token authentication (Base64 embed_signature)",
    flags: &[
        Flag::text("dashboard-url", "URL", "Dashboard URL: {server}/bi/site/{site}/dashboards/{id}/{Category}/{Name} (or dashboard-designer)").required(),
        Flag::text("email", "E", "embed_user_email").required(),
        Flag::text("nonce", "N", "embed_nonce [default: a fresh UUID v4]"),
        Flag::text("param", "NAME=VALUE", "Optional parameter NAME=VALUE in the order given; repeatable").of(FlagKind::Repeated),
        Flag::text("timestamp", "UNIX", "embed_timestamp (Unix seconds); without it the URL never expires").of(FlagKind::Number),
        Flag::text("expiration", "SECONDS", "embed_expirationtime in seconds (86400..518400); needs --timestamp").of(FlagKind::Number).requires("timestamp"),
        Flag::text("escape-signature", "", "Percent-escape the Base64 signature (+ / =). Off by default, like the vendor's samples").of(FlagKind::Switch),
    ],
    build,
};

fn build(values: &SignValues) -> Result<EmbedRequest> {
    Ok(EmbedRequest::new(BoldBiRequest {
        dashboard_url: values.required("dashboard-url")?,
        nonce: values.nonce("nonce"),
        email: values.required("email")?,
        params: values.key_values("param")?,
        timestamp: values.number("timestamp")?,
        expiration: values.number("expiration")?,
        escape_signature: values.switch("escape-signature"),
    }))
}
