//! How the scenario gallery breaks a Metabase embed on purpose: Metabase's
//! documented refusals (a manipulated token, `alg` missing or `none`, no
//! `resource`, `nbf` ahead), and why the scenarios about a nonce, a user or
//! a client id do not apply.

use serde_json::Value;

use super::sign::{claims, encode, iframe_url, MetabaseRequest, HEADER};
use super::texts::{ALG_MISSING, ALG_NONE};
use crate::model::scenario::MISSING_EMBED_ID;
use crate::model::scenario::{Built, NotBuilt, ScenarioDef, ScenarioId};
use crate::request::EmbedRequest;
use crate::spec::breaking::Breaking;
use crate::verdict::Reason;

/// `alg` missing from the header.
pub const NO_ALG: ScenarioId = ScenarioId::declare("alg-missing");
/// `alg` none, no signature.
pub const ALG_NONE_TOKEN: ScenarioId = ScenarioId::declare("alg-none");
/// `nbf` an hour ahead.
pub const NOT_YET_VALID: ScenarioId = ScenarioId::declare("not-yet-valid");

/// The scenarios only this scheme has.
pub static OWN: [ScenarioDef; 3] = [
    ScenarioDef {
        id: NO_ALG,
        title: "JWT header without alg",
    },
    ScenarioDef {
        id: ALG_NONE_TOKEN,
        title: "JWT with alg none (unsigned)",
    },
    ScenarioDef {
        id: NOT_YET_VALID,
        title: "nbf an hour ahead",
    },
];

fn b64(text: &str) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    URL_SAFE_NO_PAD.encode(text)
}

/// Builds scenario `b.id` from `request` (time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let Some(r) = request.get_mut::<MetabaseRequest>() else {
        return Err(NotBuilt::NotApplicable("not a Metabase request"));
    };
    r.guest = false;
    let secret = b.base.secret;
    let claims_of = |r: &MetabaseRequest, change: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut claims = claims(r);
        if let Some(map) = claims.as_object_mut() {
            change(map);
        }
        claims.to_string()
    };
    Ok(match b.id {
        ScenarioId::TAMPERED_AFTER_SIGNING => {
            let token = super::sign::token(r, secret);
            let other = claims_of(r, &|c| {
                c.insert("params".into(), serde_json::json!({"tampered": "yes"}));
            });
            let parts: Vec<&str> = token.split('.').collect();
            let tampered = format!("{}.{}.{}", parts[0], b64(&other), parts[2]);
            b.built(
                "params changed after signing, the signature kept".into(),
                iframe_url(r, &tampered),
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::UNKNOWN_EMBED => {
            r.id = MISSING_EMBED_ID.into();
            b.unknown_embed(super::sign::sign(r, secret)?)
        }
        ScenarioId::MISSING_REQUIRED => {
            let without = claims_of(r, &|c| {
                c.remove("resource");
            });
            b.built(
                "the resource claim left out".into(),
                iframe_url(r, &encode(HEADER, &without, secret)),
                b.refused(Reason::MissingParameter),
            )
        }
        NO_ALG => b.built(
            "header {\"typ\":\"JWT\"}, signed HS256".into(),
            iframe_url(
                r,
                &encode(r#"{"typ":"JWT"}"#, &claims(r).to_string(), secret),
            ),
            b.refused(ALG_MISSING),
        ),
        ALG_NONE_TOKEN => {
            let unsigned = format!(
                "{}.{}.",
                b64(r#"{"alg":"none","typ":"JWT"}"#),
                b64(&claims(r).to_string())
            );
            b.built(
                "header alg none, no signature".into(),
                iframe_url(r, &unsigned),
                b.refused(ALG_NONE),
            )
        }
        NOT_YET_VALID => {
            let nbf = b.base.now + 3600;
            let ahead = claims_of(r, &|c| {
                c.insert("nbf".into(), Value::from(nbf));
            });
            b.built(
                format!("nbf {nbf}, an hour ahead (Metabase allows 60 s)"),
                iframe_url(r, &encode(HEADER, &ahead, secret)),
                b.refused(Reason::TimeInFuture),
            )
        }
        ScenarioId::WRONG_CLIENT_ID => {
            return Err(NotBuilt::NotApplicable(
                "Metabase tokens carry no client id: the embedding secret is the site's.",
            ))
        }
        ScenarioId::INVALID_EMAIL
        | ScenarioId::INTERNAL_USER
        | ScenarioId::UNKNOWN_TEAM
        | ScenarioId::RAW_PLUS_IN_EMAIL => {
            return Err(NotBuilt::NotApplicable(
                "Metabase's static embeds name no user: no email, no teams.",
            ))
        }
        ScenarioId::SESSION_TOO_LONG | ScenarioId::SESSION_RUNS_OUT => {
            return Err(NotBuilt::NotApplicable(
                "Metabase's static embeds start no session: the token's exp is all.",
            ))
        }
        ScenarioId::MISTYPED_PARAMETER => {
            return Err(NotBuilt::NotApplicable(
                "Metabase refuses a parameter its object does not have (\"Unknown parameter x.\"), but the local host does not know each object's parameters yet, so it cannot show that.",
            ))
        }
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}
