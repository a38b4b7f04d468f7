//! How the scenario gallery breaks a Bold BI URL on purpose, including the
//! traps of Bold BI's own samples (a raw '+' in the Base64 signature, the
//! old sample's `ToLower()`).

use super::{sign_params, signed_params, BoldBiRequest, MAX_EXPIRATION, SIGNATURE_PARAM};
use crate::model::scenario::{Built, Expected, NotBuilt, ScenarioDef, ScenarioId};
use crate::request::EmbedRequest;
use crate::scenario_kit::{
    capitalise, first_nonce_with_plus, insert_after, replace_embed_id, with_plus, without_param,
};
use crate::secret::Secret;
use crate::spec::breaking::Breaking;
use crate::verdict::Reason;

/// Builds scenario `b.id` from `request` (nonce and time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let Some(r) = request.get_mut::<BoldBiRequest>() else {
        return Err(NotBuilt::NotApplicable("not a Bold BI request"));
    };
    let secret = b.base.secret;
    Ok(match b.id {
        ScenarioId::TAMPERED_AFTER_SIGNING => {
            let url = super::sign(r, secret)?;
            let tampered = insert_after(&url, "embed_user_email=", "x").ok_or(
                NotBuilt::NotApplicable("The parameter to tamper with is not in the URL."),
            )?;
            b.built(
                "embed_user_email changed after signing".into(),
                tampered,
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::SESSION_TOO_LONG => {
            r.expiration = Some(MAX_EXPIRATION + 1);
            b.built(
                format!("embed_expirationtime set to {}", MAX_EXPIRATION + 1),
                super::sign(r, secret)?,
                b.refused(Reason::InvalidExpiration),
            )
        }
        ScenarioId::MISSING_REQUIRED => b.built(
            "embed_user_email left out (and the URL signed without it)".into(),
            resign_with(&super::sign(r, secret)?, secret, |q| {
                without_param(q, "embed_user_email")
            }),
            b.refused(Reason::MissingParameter),
        ),
        ScenarioId::MISTYPED_PARAMETER => b.built(
            "embed_user_email sent as embed_user_mail (signed that way)".into(),
            resign_with(&super::sign(r, secret)?, secret, |q| {
                q.replacen("&embed_user_email=", "&embed_user_mail=", 1)
            }),
            b.refused(Reason::MissingParameter),
        ),
        ScenarioId::RAW_PLUS_IN_EMAIL => {
            r.email = with_plus(&r.email);
            let url = super::sign(r, secret)?;
            b.built(
                "a + added to the email and sent raw (signed as sent)".into(),
                resign_with(&url, secret, |q| q.replace("%2B", "+")),
                b.refused(Reason::InvalidEmail),
            )
        }
        BOLD_BI_RAW_PLUS_SIGNATURE | BOLD_BI_ESCAPED_PLUS_SIGNATURE => {
            let escaped = b.id == BOLD_BI_ESCAPED_PLUS_SIGNATURE;
            r.escape_signature = escaped;
            let url = with_plus_in_signature(r, secret)?;
            let expected = if escaped || !b.base.policy.switch(&super::settings::PLUS_AS_SPACE) {
                Expected::accepted()
            } else {
                b.refused(Reason::InvalidSignature)
            };
            b.built(
                format!(
                    "nonce chosen so the Base64 signature contains '+', sent {}",
                    if escaped { "as %2B" } else { "raw" }
                ),
                url,
                expected.depending_on("Bold BI reads a raw + as a space"),
            )
        }
        LOWERCASED_QUERY => {
            if !r.email.chars().any(char::is_uppercase) {
                r.email = capitalise(&r.email);
            }
            let params = signed_params(r)?;
            let signed_lower = sign_params(
                &r.dashboard_url,
                &params.to_lowercase(),
                secret,
                r.escape_signature,
            );
            let signature = signed_lower
                .rsplit_once('&')
                .map(|(_, sig)| sig)
                .unwrap_or_default();
            b.built(
                "signed over the lower-cased query, sent in its real case".into(),
                format!("{}?{params}&{signature}", r.dashboard_url),
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::UNKNOWN_EMBED => {
            replace_embed_id(&mut r.dashboard_url, "/dashboards/")?;
            b.unknown_embed(super::sign(r, secret)?)
        }
        ScenarioId::WRONG_CLIENT_ID => {
            return Err(NotBuilt::NotApplicable("Bold BI URLs carry no client id."))
        }
        ScenarioId::UNKNOWN_TEAM => {
            return Err(NotBuilt::NotApplicable("Bold BI URLs carry no teams."))
        }
        ScenarioId::SESSION_RUNS_OUT => {
            return Err(NotBuilt::NotApplicable(
                "Bold BI's shortest validity is a day.",
            ))
        }
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}

/// Rewrites the signed parameters of `url` with `edit` and signs them again as sent.
fn resign_with(url: &str, secret: &Secret, edit: impl Fn(&str) -> String) -> String {
    let (base, rest) = url.split_once('?').unwrap_or((url, ""));
    let (params, signature) = rest
        .rsplit_once(&format!("&{SIGNATURE_PARAM}="))
        .unwrap_or((rest, ""));
    sign_params(base, &edit(params), secret, signature.contains('%'))
}

/// `request` signed with the first nonce whose raw Base64 signature has a `+`.
fn with_plus_in_signature(
    request: &mut BoldBiRequest,
    secret: &Secret,
) -> Result<String, NotBuilt> {
    let marker = format!("&{SIGNATURE_PARAM}=");
    first_nonce_with_plus(
        request,
        |r| &mut r.nonce,
        |r| {
            let params = signed_params(r)?;
            let raw = sign_params(&r.dashboard_url, &params, secret, false);
            let has_plus = raw
                .rsplit_once(&marker)
                .is_some_and(|(_, tag)| tag.contains('+'));
            Ok(if has_plus {
                Some(super::sign(r, secret)?)
            } else {
                None
            })
        },
    )
}

/// Bold BI signature with a raw +.
pub const BOLD_BI_RAW_PLUS_SIGNATURE: ScenarioId = ScenarioId::declare("boldbi-raw-plus-signature");
/// Bold BI signature with an escaped +.
pub const BOLD_BI_ESCAPED_PLUS_SIGNATURE: ScenarioId =
    ScenarioId::declare("boldbi-escaped-plus-signature");
/// Lower-cased query (ToLower()).
pub const LOWERCASED_QUERY: ScenarioId = ScenarioId::declare("lowercased-query");

/// The scenarios only this scheme has (its gallery adds them to the shared
/// ones).
pub static OWN: [ScenarioDef; 3] = [
    ScenarioDef {
        id: BOLD_BI_RAW_PLUS_SIGNATURE,
        title: "Bold BI signature with a raw +",
    },
    ScenarioDef {
        id: BOLD_BI_ESCAPED_PLUS_SIGNATURE,
        title: "Bold BI signature with an escaped +",
    },
    ScenarioDef {
        id: LOWERCASED_QUERY,
        title: "Lower-cased query (ToLower())",
    },
];
