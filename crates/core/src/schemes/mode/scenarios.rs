//! How the scenario gallery breaks a Mode embed URL on purpose. Mode's
//! URLs have no nonce and name no user, so the scenarios about those say
//! why they do not apply.

use super::sign::{ModeRequest, SIGNATURE_PARAM};
use crate::model::scenario::{Built, NotBuilt, ScenarioId};
use crate::request::EmbedRequest;
use crate::scenario_kit::{drop_last_character, insert_after, replace_embed_id, without_param};
use crate::spec::breaking::Breaking;
use crate::verdict::Reason;

/// Builds scenario `b.id` from `request` (time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let Some(r) = request.get_mut::<ModeRequest>() else {
        return Err(NotBuilt::NotApplicable("not a Mode request"));
    };
    let secret = b.base.secret;
    Ok(match b.id {
        ScenarioId::WRONG_CLIENT_ID => {
            let change = drop_last_character(&mut r.access_key);
            b.built(
                format!("the access key: {change}"),
                super::sign::sign(r, secret)?,
                b.refused(Reason::UnknownClientId),
            )
        }
        ScenarioId::TAMPERED_AFTER_SIGNING => {
            let url = super::sign::sign(r, secret)?;
            let tampered = insert_after(&url, "&timestamp=", "1").ok_or(
                NotBuilt::NotApplicable("The URL has no timestamp to tamper with."),
            )?;
            b.built(
                "timestamp changed after signing".into(),
                tampered,
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::MISSING_REQUIRED => {
            let url = super::sign::sign(r, secret)?;
            let (unsigned, signature) = url
                .rsplit_once(&format!("&{SIGNATURE_PARAM}="))
                .unwrap_or((&url, ""));
            let (base, query) = unsigned.split_once('?').unwrap_or((unsigned, ""));
            b.built(
                "access_key left out after signing".into(),
                format!(
                    "{base}?{}&{SIGNATURE_PARAM}={signature}",
                    without_param(query, "access_key")
                ),
                b.refused(Reason::UnknownClientId),
            )
        }
        ScenarioId::MISTYPED_PARAMETER => b.built(
            "max_age sent as maxage".into(),
            super::sign::sign(r, secret)?.replacen("max_age=", "maxage=", 1),
            b.refused(Reason::InvalidSignature),
        ),
        ScenarioId::UNKNOWN_EMBED => {
            replace_embed_id(&mut r.report_url, "/reports/")?;
            b.unknown_embed(super::sign::sign(r, secret)?)
        }
        ScenarioId::SESSION_TOO_LONG | ScenarioId::SESSION_RUNS_OUT => {
            return Err(NotBuilt::NotApplicable(
                "Mode's URLs start no session: max_age is how long a cached run is reused.",
            ))
        }
        ScenarioId::UNKNOWN_TEAM | ScenarioId::RAW_PLUS_IN_EMAIL => {
            return Err(NotBuilt::NotApplicable(
                "Mode's URLs name no user: no email, no teams.",
            ))
        }
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}
