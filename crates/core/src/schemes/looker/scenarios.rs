//! How the scenario gallery breaks a Looker signed embed URL on purpose.

use super::MAX_SESSION_LENGTH;
use crate::request::EmbedRequest;
use crate::scenario::{
    insert_after, replace_embed_id, without_param, Breaking, Built, NotBuilt, ScenarioId,
};
use crate::verdict::Reason;

/// Builds scenario `b.id` from `request` (nonce and time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let EmbedRequest::Looker(r) = request else {
        return Err(NotBuilt::NotApplicable("not a Looker request"));
    };
    let secret = b.base.secret;
    Ok(match b.id {
        ScenarioId::TamperedAfterSigning => {
            let url = super::sign(r, secret)?;
            let tampered = insert_after(&url, "&external_user_id=%22", "x").ok_or(
                NotBuilt::NotApplicable("The parameter to tamper with is not in the URL."),
            )?;
            b.built(
                "external_user_id changed after signing".into(),
                tampered,
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::SessionTooLong => {
            r.session_length = MAX_SESSION_LENGTH + 1;
            b.built(
                format!("session_length set to {}", r.session_length),
                super::sign(r, secret)?,
                b.refused(Reason::SessionLengthTooLong),
            )
        }
        ScenarioId::MissingRequired => {
            let url = super::sign(r, secret)?;
            let (base, query) = url.split_once('?').unwrap_or((&url, ""));
            b.built(
                "access_filters left out (Looker always signs it)".into(),
                format!("{base}?{}", without_param(query, "access_filters")),
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::MistypedParameter => b.built(
            "session_length sent as sesion_length".into(),
            super::sign(r, secret)?.replacen("&session_length=", "&sesion_length=", 1),
            b.refused(Reason::InvalidSignature),
        ),
        ScenarioId::UnknownEmbed => {
            let marker = ["/dashboards/", "/looks/", "/explore/"]
                .into_iter()
                .find(|m| r.embed_url.contains(m))
                .unwrap_or("/dashboards/");
            replace_embed_id(&mut r.embed_url, marker)?;
            b.unknown_embed(super::sign(r, secret)?)
        }
        ScenarioId::WrongClientId => {
            return Err(NotBuilt::NotApplicable(
                "Looker URLs carry no client id: the secret belongs to the host.",
            ))
        }
        ScenarioId::UnknownTeam | ScenarioId::NoTeam => {
            return Err(NotBuilt::NotApplicable(
                "Looker URLs carry groups and permissions, not teams.",
            ))
        }
        ScenarioId::WrongMode => {
            return Err(NotBuilt::NotApplicable(
                "Only Sigma classic URLs carry :mode.",
            ))
        }
        ScenarioId::RawPlusInEmail => {
            return Err(NotBuilt::NotApplicable(
                "Looker URLs carry no email; every value is escaped JSON.",
            ))
        }
        ScenarioId::BoldBiRawPlusSignature | ScenarioId::BoldBiEscapedPlusSignature => {
            return Err(NotBuilt::NotApplicable(
                "These are Bold BI's sample traps; a Looker signature is always escaped.",
            ))
        }
        ScenarioId::LowercasedQuery => {
            return Err(NotBuilt::NotApplicable(
                "The ToLower() trap is the old Bold BI sample's.",
            ))
        }
        ScenarioId::SessionRunsOut => {
            return Err(NotBuilt::NotApplicable(
                "The local host's Looker session does not run out while open.",
            ))
        }
        ScenarioId::FractionalTime => {
            return Err(NotBuilt::NotApplicable(
                "Only Sigma's classic :time is sent as a float by a vendor sample.",
            ))
        }
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}
