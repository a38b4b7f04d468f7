//! This scheme's `embed-sandbox sign looker`: its flags (unchanged since
//! scripts depend on them) and the request they describe (see
//! [`crate::spec::sign_cli`]).

use super::{Algorithm, LookerRequest};
use crate::error::Result;
use crate::request::EmbedRequest;
use crate::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

/// `sign looker`.
pub static COMMAND: SignCommandDef = SignCommandDef {
    command: "looker",
    about: "Looker signed embed (/login/embed/..., Base64 HMAC of the values), as node_example.js builds it",
    flags: &[
        Flag::text("host", "HOST", "The Looker host: HOST[:PORT] (https), or with its scheme (http://127.0.0.1:PORT for the local host)").required(),
        Flag::text("embed-url", "PATH", "The content to embed, e.g. /embed/dashboards/3 (with any query)").required(),
        Flag::text("external-user-id", "ID", "Your application's id for the user").required(),
        Flag::text("permission", "P", "A Looker permission (access_data, see_user_dashboards, ...); repeatable, or several after one flag").of(FlagKind::Several).required(),
        Flag::text("model", "M", "A model the user may query; repeatable, or several after one flag").of(FlagKind::Several).required(),
        Flag::text("group-id", "N", "A Looker group id; repeatable (signed only when given)").of(FlagKind::RepeatedNumber),
        Flag::text("external-group-id", "ID", "Your application's group id (signed only when given)"),
        Flag::text("ua", "NAME=VALUE", "A user attribute NAME=VALUE; repeatable (signed only when given)").of(FlagKind::Repeated),
        Flag::text("access-filters", "JSON", "Access filters as a JSON object (always signed; {} when not given)").default("{}"),
        Flag::text("session-length", "SECONDS", "Session length in seconds (at most 2592000)").of(FlagKind::Number).default("300"),
        Flag::text("first-name", "F", "First name (not signed)"),
        Flag::text("last-name", "L", "Last name (not signed)"),
        Flag::text("user-timezone", "TZ", "Time zone (not signed), e.g. Europe/Berlin"),
        Flag::text("force-logout-login", "true|false", "Log out a user already signed in to Looker first (not signed; Looker's default is true)").of(FlagKind::Bool),
        Flag::text("nonce", "N", "The nonce, sent as a JSON string [default: a fresh random one]"),
        Flag::text("time", "UNIX", "The signing time, Unix seconds [default: now]").of(FlagKind::Number),
        Flag::text("algorithm", "ALGORITHM", "The HMAC the secret signs with").of(FlagKind::OneOf(&["sha1", "sha256"])).default("sha1"),
    ],
    build,
};

fn build(values: &SignValues) -> Result<EmbedRequest> {
    Ok(EmbedRequest::new(LookerRequest {
        host: values.required("host")?,
        embed_url: values.required("embed-url")?,
        nonce: values.nonce("nonce"),
        time: values.time("time")?,
        session_length: values.number("session-length")?.unwrap_or(300),
        external_user_id: values.required("external-user-id")?,
        permissions: values.all("permission"),
        models: values.all("model"),
        group_ids: values.numbers("group-id")?,
        external_group_id: values.text("external-group-id"),
        user_attributes: values.key_values("ua")?,
        access_filters: values.text("access-filters").unwrap_or_else(|| "{}".into()),
        first_name: values.text("first-name"),
        last_name: values.text("last-name"),
        user_timezone: values.text("user-timezone"),
        force_logout_login: values.boolean("force-logout-login")?,
        algorithm: match values.text("algorithm").as_deref() {
            Some("sha256") => Algorithm::Sha256,
            _ => Algorithm::Sha1,
        },
    }))
}
