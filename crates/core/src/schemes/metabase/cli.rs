//! This scheme's `embed-sandbox sign metabase` (the flags the CLI contract
//! fixes; see [`crate::spec::sign_cli`]).

use super::form::{json_value, DEFAULT_TTL};
use super::sign::{Expiry, MetabaseRequest, Resource};
use crate::error::{Error, Result};
use crate::request::EmbedRequest;
use crate::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

/// `sign metabase`.
pub static COMMAND: SignCommandDef = SignCommandDef {
    command: "metabase",
    about: "Metabase static (guest) embed: an HS256 JWT in /embed/dashboard/<token>, or --guest for <metabase-dashboard token=…>",
    flags: &[
        Flag::text("site-url", "URL", "The Metabase site: https://metabase.example.com").required(),
        Flag::text("dashboard", "ID", "The dashboard's id (a number, or an entity id); or --question"),
        Flag::text("question", "ID", "The question's id (a number, or an entity id); or --dashboard"),
        Flag::text("param", "SLUG=JSON", "A locked parameter: its slug and JSON value (region='\"West\"'; text that is not JSON is sent as a string); repeatable").of(FlagKind::Repeated),
        Flag::text("exp", "UNIX", "exp at this Unix time [default: now + 600, as Metabase's snippet]").of(FlagKind::Number),
        Flag::text("ttl", "SECONDS", "exp this many seconds from now").of(FlagKind::Number),
        Flag::text("no-exp", "", "No exp: the token never expires (Metabase's Django and Rails samples)").of(FlagKind::Switch),
        Flag::text("appearance", "KEY=VALUE", "An option of the iframe URL's hash (bordered=true, titled=false, theme=night); repeatable [default: bordered=true, titled=true]").of(FlagKind::Repeated),
        Flag::text("guest", "", "Print the guest embed's markup (embed.js, metabaseConfig, <metabase-dashboard token=…>) instead of the iframe URL").of(FlagKind::Switch),
    ],
    build,
};

fn one_of(values: &SignValues) -> Result<(Resource, String)> {
    match (values.text("dashboard"), values.text("question")) {
        (Some(id), None) => Ok((Resource::Dashboard, id)),
        (None, Some(id)) => Ok((Resource::Question, id)),
        _ => Err(Error::BadField {
            field: "--dashboard / --question".into(),
            reason: "give exactly one of them".into(),
        }),
    }
}

fn expiry(values: &SignValues) -> Result<Expiry> {
    let (exp, ttl, never) = (
        values.number("exp")?,
        values.number("ttl")?,
        values.switch("no-exp"),
    );
    match (exp, ttl, never) {
        (Some(at), None, false) => Ok(Expiry::At(at)),
        (None, Some(ttl), false) => Ok(Expiry::Ttl(ttl)),
        (None, None, true) => Ok(Expiry::Never),
        (None, None, false) => Ok(Expiry::Ttl(DEFAULT_TTL)),
        _ => Err(Error::BadField {
            field: "--exp / --ttl / --no-exp".into(),
            reason: "give at most one of them".into(),
        }),
    }
}

fn build(values: &SignValues) -> Result<EmbedRequest> {
    let (resource, id) = one_of(values)?;
    let appearance = values.key_values("appearance")?;
    Ok(EmbedRequest::new(MetabaseRequest {
        site_url: values.required("site-url")?,
        resource,
        id,
        params: values
            .key_values("param")?
            .into_iter()
            .map(|(slug, json)| (slug, json_value(&json).to_string()))
            .collect(),
        expiry: expiry(values)?,
        time: values.time("time")?,
        appearance: if appearance.is_empty() {
            vec![
                ("bordered".into(), "true".into()),
                ("titled".into(), "true".into()),
            ]
        } else {
            appearance
        },
        guest: values.switch("guest"),
    }))
}
