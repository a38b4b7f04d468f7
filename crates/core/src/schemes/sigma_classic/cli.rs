//! This scheme's `embed-sandbox sign sigma`: its flags (unchanged since
//! scripts depend on them) and the request they describe (see
//! [`crate::spec::sign_cli`]).

use super::{SigmaClassicRequest, UserAttribute};
use crate::error::Result;
use crate::request::EmbedRequest;
use crate::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

/// `sign sigma`.
pub static COMMAND: SignCommandDef = SignCommandDef {
    command: "sigma",
    about: "Sigma classic signed URL (:mode=userbacked), as the seed's embed-api.js builds it",
    flags: &[
        Flag::text("embed-path", "URL", "Embed path: https://app.sigmacomputing.com/embed/<embedId> (or .../tag/<tag>)").required(),
        Flag::text("client-id", "ID", "Client id of the embed credentials").required(),
        Flag::text("email", "E", "The embed user's email").required(),
        Flag::text("external-user-id", "ID", "Your application's id for the user").required(),
        Flag::text("team", "NAME", "A team; repeat for several (A,B is the same as --team A --team B)").of(FlagKind::Repeated).required(),
        Flag::text("account-type", "TYPE", "Account type: Viewer, Creator or a custom type").required(),
        Flag::text("session-length", "SECONDS", "Session length in seconds").of(FlagKind::Number).required(),
        Flag::text("mode", "MODE", ":mode (only change it to reproduce the \"Invalid embed request.\" error)").default("userbacked"),
        Flag::text("time", "UNIX", ":time in Unix seconds [default: now]").of(FlagKind::Number),
        Flag::text("nonce", "N", ":nonce [default: a fresh UUID v4]"),
        Flag::text("ua", "NAME=V1,V2", "User attribute NAME=V1,V2 (sent as :ua_NAME); repeatable").of(FlagKind::Repeated),
        Flag::text("param", "NAME=VALUE", "Extra parameter NAME=VALUE, name emitted exactly as given (:theme=Dark, Store-Region=West); repeatable").of(FlagKind::Repeated),
    ],
    build,
};

fn build(values: &SignValues) -> Result<EmbedRequest> {
    let user_attributes = values
        .key_values("ua")?
        .into_iter()
        .map(|(name, list)| UserAttribute {
            name,
            values: list.split(',').map(str::to_owned).collect(),
        })
        .collect();
    Ok(EmbedRequest::new(SigmaClassicRequest {
        embed_path: values.required("embed-path")?,
        client_id: values.required("client-id")?,
        email: values.required("email")?,
        external_user_id: values.required("external-user-id")?,
        teams: values.split_commas("team"),
        account_type: Some(values.required("account-type")?),
        mode: values.required("mode")?,
        session_length: values.number("session-length")?.unwrap_or_default(),
        time: values.time("time")?,
        nonce: values.nonce("nonce"),
        user_attributes,
        params: values.key_values("param")?,
    }))
}
