//! How the scenario gallery breaks a Looker signed embed URL on purpose.

use super::{signed_string, LookerRequest, LOGIN_PATH, MAX_SESSION_LENGTH, SIGNATURE_PARAM};
use crate::encoding::push_uri_component;
use crate::model::scenario::{Built, NotBuilt, ScenarioDef, ScenarioId};
use crate::query::ParsedUrl;
use crate::request::EmbedRequest;
use crate::scenario_kit::{first_nonce_with_plus, insert_after, replace_embed_id, without_param};
use crate::secret::Secret;
use crate::spec::breaking::Breaking;
use crate::verdict::Reason;

/// Builds scenario `b.id` from `request` (nonce and time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let Some(r) = request.get_mut::<LookerRequest>() else {
        return Err(NotBuilt::NotApplicable("not a Looker request"));
    };
    let secret = b.base.secret;
    Ok(match b.id {
        ScenarioId::TAMPERED_AFTER_SIGNING => {
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
        ScenarioId::SESSION_TOO_LONG => {
            r.session_length = MAX_SESSION_LENGTH + 1;
            b.built(
                format!("session_length set to {}", r.session_length),
                super::sign(r, secret)?,
                b.refused(Reason::SessionLengthTooLong),
            )
        }
        ScenarioId::MISSING_REQUIRED => {
            let url = super::sign(r, secret)?;
            let (base, query) = url.split_once('?').unwrap_or((&url, ""));
            b.built(
                "access_filters left out (Looker always signs it)".into(),
                format!("{base}?{}", without_param(query, "access_filters")),
                b.refused(Reason::InvalidSignature),
            )
        }
        ScenarioId::MISTYPED_PARAMETER => b.built(
            "session_length sent as sesion_length".into(),
            super::sign(r, secret)?.replacen("&session_length=", "&sesion_length=", 1),
            b.refused(Reason::InvalidSignature),
        ),
        ScenarioId::UNKNOWN_EMBED => {
            let marker = ["/dashboards/", "/looks/", "/explore/"]
                .into_iter()
                .find(|m| r.embed_url.contains(m))
                .unwrap_or("/dashboards/");
            replace_embed_id(&mut r.embed_url, marker)?;
            b.unknown_embed(super::sign(r, secret)?)
        }
        ScenarioId::WRONG_CLIENT_ID => {
            return Err(NotBuilt::NotApplicable(
                "Looker URLs carry no client id: the secret belongs to the host.",
            ))
        }
        ScenarioId::UNKNOWN_TEAM => {
            return Err(NotBuilt::NotApplicable(
                "Looker URLs carry groups and permissions, not teams.",
            ))
        }
        ScenarioId::RAW_PLUS_IN_EMAIL => {
            return Err(NotBuilt::NotApplicable(
                "Looker URLs carry no email; every value is escaped JSON.",
            ))
        }
        LOWERCASE_PATH_ESCAPE => b.built(
            "the embed path escaped as %2fembed%2f… and signed that way".into(),
            lowercase_path(r, secret)?,
            b.refused(Reason::UnknownEmbed),
        ),
        RAW_PLUS_SIGNATURE => b.built(
            "nonce chosen so the Base64 signature contains '+', sent raw (read as a space)".into(),
            raw_plus_signature(r, secret)?,
            b.refused(Reason::InvalidSignature),
        ),
        ScenarioId::SESSION_RUNS_OUT => {
            return Err(NotBuilt::NotApplicable(
                "The local host's Looker session does not run out while open.",
            ))
        }
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}

/// `r` signed with the first nonce whose signature contains `+`, that `+`
/// left unescaped as hand-built URLs do.
fn raw_plus_signature(r: &mut LookerRequest, secret: &Secret) -> Result<String, NotBuilt> {
    let marker = format!("&{SIGNATURE_PARAM}=");
    first_nonce_with_plus(
        r,
        |r| &mut r.nonce,
        |r| {
            let url = super::sign(r, secret)?;
            Ok(url.rsplit_once(&marker).and_then(|(unsigned, tag)| {
                tag.contains("%2B")
                    .then(|| format!("{unsigned}{marker}{}", tag.replace("%2B", "+")))
            }))
        },
    )
}

/// `r` signed as a signer that writes lower-case escapes does: the login
/// path's escapes in lower-case hex, and the signature over that path (so
/// only the path is wrong, as in the reported 404s).
fn lowercase_path(r: &LookerRequest, secret: &Secret) -> Result<String, NotBuilt> {
    let url = super::sign(r, secret)?;
    let not_built = || NotBuilt::NotApplicable("The URL has no /login/embed/ path to change.");
    let at = url.find(LOGIN_PATH).ok_or_else(not_built)? + LOGIN_PATH.len();
    let query_at = url.find('?').ok_or_else(not_built)?;
    let lowered: String = url[at..query_at]
        .split('%')
        .enumerate()
        .map(|(i, part)| match (i, part.get(..2)) {
            (0, _) | (_, None) => part.to_owned(),
            (_, Some(hex)) => format!("{}{}", hex.to_ascii_lowercase(), &part[2..]),
        })
        .collect::<Vec<_>>()
        .join("%");
    let signature_at = url
        .rfind(&format!("&{SIGNATURE_PARAM}="))
        .ok_or_else(not_built)?;
    let unsigned = format!("{}{lowered}{}", &url[..at], &url[query_at..signature_at]);
    let parsed = ParsedUrl::parse(&unsigned).map_err(|_| not_built())?;
    let text = signed_string(&parsed, None).map_err(|_| not_built())?;
    let mut out = unsigned;
    out.push('&');
    out.push_str(SIGNATURE_PARAM);
    out.push('=');
    push_uri_component(&mut out, &r.algorithm.tag(secret, text.as_bytes()));
    Ok(out)
}

/// Embed path escaped in lower case (%2f).
pub const LOWERCASE_PATH_ESCAPE: ScenarioId = ScenarioId::declare("lowercase-path-escape");
/// Signature with a raw + (not %2B).
pub const RAW_PLUS_SIGNATURE: ScenarioId = ScenarioId::declare("raw-plus-signature");

/// The scenarios only this scheme has (its gallery adds them to the shared
/// ones).
pub static OWN: [ScenarioDef; 2] = [
    ScenarioDef {
        id: LOWERCASE_PATH_ESCAPE,
        title: "Embed path escaped in lower case (%2f)",
    },
    ScenarioDef {
        id: RAW_PLUS_SIGNATURE,
        title: "Signature with a raw + (not %2B)",
    },
];
