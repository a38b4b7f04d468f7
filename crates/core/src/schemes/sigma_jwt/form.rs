//! The JWT embed's form: the request it signs, what Sigma would refuse in
//! it, and the form a received JWT URL reads back into.

use super::{SigmaJwtRequest, JWT_PARAM, MAX_LIFETIME};
use crate::form::{named, non_empty, Environment, FormBasis, SignForm};
use crate::model::embed::Embed;
use crate::request::EmbedRequest;

/// The request `form` describes.
pub fn request(env: &Environment, form: &SignForm, basis: FormBasis) -> EmbedRequest {
    EmbedRequest::new(SigmaJwtRequest {
        workbook_url: env.embed_path.clone(),
        client_id: env.client_id.clone(),
        email: form.email.clone(),
        jti: basis.nonce,
        iat: basis.time,
        ttl: form.session_length,
        account_type: non_empty(&form.account_type),
        teams: basis.teams,
        user_attributes: named(&form.user_attributes),
        params: named(&form.params),
        issuer: form.jwt_issuer.then(|| env.client_id.clone()),
        version: non_empty(&form.jwt_version),
        eval_connection_id: non_empty(&form.eval_connection_id),
        first_name: non_empty(&form.first_name),
        last_name: non_empty(&form.last_name),
    })
}

/// What Sigma would refuse in `form`.
pub fn issues(form: &SignForm, say: &mut Vec<String>) {
    if form.session_length < 1 {
        say.push("The JWT lifetime must be at least 1 second (exp after iat).".into());
    }
    if form.session_length > MAX_LIFETIME {
        say.push(format!(
            "The JWT lifetime (exp - iat) is over 30 days ({MAX_LIFETIME} s); Sigma refuses it."
        ));
    }
    if !matches!(form.jwt_version.as_str(), "" | "1.0" | "1.1") {
        say.push("ver is \"1.0\" or \"1.1\".".into());
    }
}

/// The form a received JWT URL reads back into (its claims).
pub fn from_url(embed: &Embed, form: &mut SignForm) {
    let facts = &embed.facts;
    let claim = |name: &str| {
        facts
            .jwt
            .as_ref()
            .and_then(|jwt| jwt.claim_str(name))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    form.teams = facts.teams.clone().unwrap_or_default();
    form.account_type = facts.account_type.clone().unwrap_or_default();
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
        .filter(|p| !matches!(p.name.as_str(), JWT_PARAM | ":embed"))
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect();
    form.jwt_version = claim("ver");
    form.jwt_issuer = facts
        .jwt
        .as_ref()
        .is_some_and(|jwt| jwt.claim_str("iss").is_some());
    form.first_name = claim("first_name");
    form.last_name = claim("last_name");
    form.eval_connection_id = claim("eval_connection_id");
}
