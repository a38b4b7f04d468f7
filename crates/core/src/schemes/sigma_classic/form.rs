//! The classic URL's form: the request it signs, what the vendor would
//! refuse in it, and the form a received URL reads back into.

use super::{SigmaClassicRequest, UserAttribute, DEFAULT_MODE, SIGNATURE_PARAM};
use crate::form::{named, non_empty, Environment, FormBasis, SignForm};
use crate::model::embed::Embed;
use crate::policy::Policy;
use crate::request::EmbedRequest;

/// The request `form` describes.
pub fn request(env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
    EmbedRequest::new(SigmaClassicRequest {
        embed_path: env.embed_path.clone(),
        client_id: env.client_id.clone(),
        email: form.email.clone(),
        external_user_id: form.external_user_id.clone(),
        teams: basis.teams,
        account_type: non_empty(&form.account_type),
        mode: non_empty(&form.mode).unwrap_or_else(|| DEFAULT_MODE.to_owned()),
        session_length: form.session_length,
        time: basis.time,
        nonce: basis.nonce,
        user_attributes: form
            .user_attributes
            .iter()
            .filter(|(name, _)| !name.trim().is_empty())
            .map(|(name, values)| UserAttribute {
                name: name.trim().to_owned(),
                values: values.split(',').map(str::to_owned).collect(),
            })
            .collect(),
        params: named(&form.params),
    })
}

/// What Sigma would refuse in `form` under `policy`.
pub fn issues(form: &SignForm, policy: &Policy, say: &mut Vec<String>) {
    let mode = form.mode.trim();
    let legacy = matches!(mode, "view" | "explore");
    if legacy && policy.switch(&super::settings::REFUSE_LEGACY_MODES) {
        say.push(format!("\":mode\" {mode} is an older application-embed mode, refused under the setting sigma-refuse-legacy-modes: Sigma answers \"Invalid embed request.\""));
    } else if legacy {
        say.push(format!("\":mode\" {mode} is an older application-embed mode (Sigma's Node signing package sends view); secure embeds document userbacked. The local host accepts it (unconfirmed)."));
    } else if !mode.is_empty() && mode != DEFAULT_MODE {
        say.push(
            "\":mode\" other than userbacked: Sigma answers \"Invalid embed request.\"".into(),
        );
    }
    if form.teams.iter().all(|t| t.trim().is_empty()) {
        say.push("Sigma needs at least one team.".into());
    }
    if let Some(team) = form.teams.iter().find(|t| t.contains(',')) {
        say.push(format!("The team {team:?} holds a comma: Sigma splits teams on commas (encoded or not), so it is read as several teams."));
    }
    if form.session_length < 1 {
        say.push("The session length must be at least 1 second.".into());
    }
    if form.session_length > policy.seconds(&super::settings::MAX_SESSION_LENGTH) {
        say.push(format!(
            "Session length over {} s (the maximum in the host settings): Sigma refuses it (\":session_length\" exceeds maximum).",
            policy.seconds(&super::settings::MAX_SESSION_LENGTH)
        ));
    }
}

/// Parameters the form fills from its own fields, not the free rows.
fn carried(name: &str) -> bool {
    name.starts_with(":ua_")
        || matches!(
            name,
            ":nonce"
                | ":client_id"
                | ":email"
                | ":external_user_id"
                | ":external_user_team"
                | ":account_type"
                | ":mode"
                | ":session_length"
                | ":time"
                | SIGNATURE_PARAM
        )
}

/// The form a received classic URL reads back into.
pub fn from_url(embed: &Embed, form: &mut SignForm) {
    let facts = &embed.facts;
    form.external_user_id = facts.external_user_id.clone().unwrap_or_default();
    form.teams = facts.teams.clone().unwrap_or_default();
    form.account_type = facts.account_type.clone().unwrap_or_default();
    form.mode = facts
        .mode
        .clone()
        .filter(|m| m != DEFAULT_MODE)
        .unwrap_or_default();
    form.session_length = facts.lifetime.unwrap_or_default();
    form.user_attributes = facts
        .user_attributes
        .iter()
        .map(|(name, values)| (name.clone(), values.join(",")))
        .collect();
    form.params = embed
        .url
        .params
        .iter()
        .filter(|p| !carried(&p.name))
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect();
}
