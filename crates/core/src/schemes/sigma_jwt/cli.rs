//! This scheme's `embed-sandbox sign sigma-jwt`: its flags (unchanged since
//! scripts depend on them) and the request they describe (see
//! [`crate::spec::sign_cli`]).

use super::SigmaJwtRequest;
use crate::error::Result;
use crate::request::EmbedRequest;
use crate::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

/// `sign sigma-jwt`.
pub static COMMAND: SignCommandDef = SignCommandDef {
    command: "sigma-jwt",
    about: "Sigma JWT embed (HS256, kid = client id)",
    flags: &[
        Flag::text("workbook-url", "URL", "Workbook URL: https://app.sigmacomputing.com/<org>/workbook/<name>-<id> (or /page/, /element/, /tag/)").required(),
        Flag::text("client-id", "ID", "Client id (the JWT header's kid)").required(),
        Flag::text("email", "E", "The embed user's email (sub)").required(),
        Flag::text("team", "NAME", "A team; repeatable").of(FlagKind::Repeated),
        Flag::text("account-type", "TYPE", "Account type [default: omitted, meaning the highest type]"),
        Flag::text("ua", "NAME=VALUE", "User attribute NAME=VALUE; repeatable").of(FlagKind::Repeated),
        Flag::text("iat", "UNIX", "iat in Unix seconds [default: now]").of(FlagKind::Number),
        Flag::text("ttl", "SECONDS", "Lifetime: exp = iat + ttl (at most 2592000)").of(FlagKind::Number).default("3600"),
        Flag::text("jti", "ID", "jti [default: a fresh UUID v4]"),
        Flag::text("iss", "ISS", "iss claim (Sigma expects the client id)"),
        Flag::text("claims-version", "VER", "Claims version ver: 1.0 or 1.1 (1.1 adds aud=sigmacomputing)"),
        Flag::text("eval-connection-id", "ID", "eval_connection_id claim"),
        Flag::text("first-name", "NAME", "first_name claim"),
        Flag::text("last-name", "NAME", "last_name claim"),
        Flag::text("param", "NAME=VALUE", "Unsigned interface parameter NAME=VALUE after :embed=true; repeatable").of(FlagKind::Repeated),
    ],
    build,
};

fn build(values: &SignValues) -> Result<EmbedRequest> {
    Ok(EmbedRequest::new(SigmaJwtRequest {
        workbook_url: values.required("workbook-url")?,
        client_id: values.required("client-id")?,
        email: values.required("email")?,
        jti: values.nonce("jti"),
        iat: values.time("iat")?,
        ttl: values.number("ttl")?.unwrap_or(3600),
        issuer: values.text("iss"),
        version: values.text("claims-version"),
        account_type: values.text("account-type"),
        teams: values.split_commas("team"),
        user_attributes: values.key_values("ua")?,
        eval_connection_id: values.text("eval-connection-id"),
        first_name: values.text("first-name"),
        last_name: values.text("last-name"),
        params: values.key_values("param")?,
    }))
}
