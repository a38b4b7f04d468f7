//! How the scenario gallery breaks a Sigma JWT URL on purpose.

use super::SigmaJwtRequest;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::{decode, token, MAX_LIFETIME};
use crate::model::scenario::{Built, Expected, NotBuilt, ScenarioId, SHORT_SESSION};
use crate::query::ParsedUrl;
use crate::request::EmbedRequest;
use crate::scenario_kit::{drop_last_character, replace_embed_id, without_param};
use crate::spec::breaking::Breaking;
use crate::verdict::Reason;

/// Builds scenario `b.id` from `request` (nonce and time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let Some(r) = request.get_mut::<SigmaJwtRequest>() else {
        return Err(NotBuilt::NotApplicable("not a Sigma JWT request"));
    };
    let secret = b.base.secret;
    Ok(match b.id {
        ScenarioId::WRONG_CLIENT_ID => b.built(
            drop_last_character(&mut r.client_id),
            super::sign(r, secret)?,
            b.refused(Reason::UnknownClientId),
        ),
        ScenarioId::TAMPERED_AFTER_SIGNING => {
            let url = super::sign(r, secret)?;
            b.built(
                "the token's sub changed to mallory@example.com, signature kept".into(),
                tamper(&url)?,
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::UNKNOWN_TEAM => {
            r.teams = vec!["No_Such_Team".into()];
            b.built(
                "team set to No_Such_Team".into(),
                super::sign(r, secret)?,
                b.refused(Reason::UnknownTeam),
            )
        }
        ScenarioId::SESSION_TOO_LONG => {
            r.ttl = MAX_LIFETIME + 1;
            b.built(
                format!("exp - iat set to {}", r.ttl),
                super::sign(r, secret)?,
                b.refused(Reason::JwtLifetimeTooLong),
            )
        }
        ScenarioId::SESSION_RUNS_OUT => {
            r.ttl = SHORT_SESSION;
            b.built(
                format!("session length {SHORT_SESSION} s: it loads, then the open embed says \"Session expired. Reload the page.\" (show it in the preview)"),
                super::sign(r, secret)?,
                Expected::accepted(),
            )
        }
        ScenarioId::MISSING_REQUIRED => {
            let url = super::sign(r, secret)?;
            let (base, query) = url.split_once('?').unwrap_or((&url, ""));
            b.built(
                ":embed=true left out".into(),
                format!("{base}?{}", without_param(query, ":embed")),
                b.refused(Reason::MissingParameter),
            )
        }
        ScenarioId::MISTYPED_PARAMETER => b.built(
            ":embed sent as :embedd".into(),
            super::sign(r, secret)?.replacen("&:embed=true", "&:embedd=true", 1),
            b.refused(Reason::MissingParameter),
        ),
        ScenarioId::UNKNOWN_EMBED => {
            replace_embed_id(&mut r.workbook_url, "/workbook/")?;
            b.unknown_embed(super::sign(r, secret)?)
        }
        ScenarioId::RAW_PLUS_IN_EMAIL => {
            return Err(NotBuilt::NotApplicable(
                "A JWT carries the email inside the signed token, not in the URL.",
            ))
        }
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}

/// Changes the token's `sub` and keeps its signature.
fn tamper(url: &str) -> Result<String, NotBuilt> {
    let parsed = ParsedUrl::parse(url)?;
    let token = token(&parsed)
        .ok_or(NotBuilt::NotApplicable(
            "The parameter to tamper with is not in the URL.",
        ))?
        .to_owned();
    let (Some((header, rest)), true) = (token.split_once('.'), token.matches('.').count() == 2)
    else {
        return Err(NotBuilt::NotApplicable("The URL carries no readable JWT."));
    };
    let signature = rest
        .rsplit_once('.')
        .map(|(_, sig)| sig)
        .unwrap_or_default();
    let mut claims = decode(&token)?.claims;
    claims["sub"] = serde_json::Value::String("mallory@example.com".into());
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    Ok(url.replacen(&token, &format!("{header}.{payload}.{signature}"), 1))
}
