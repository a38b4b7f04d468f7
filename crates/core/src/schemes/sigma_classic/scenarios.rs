//! How the scenario gallery breaks a classic signed URL on purpose: each
//! vendor error this scheme can show, from one good request.

use super::{sign_prefix, SigmaClassicRequest};
use crate::model::scenario::{Built, Expected, NotBuilt, ScenarioDef, ScenarioId, SHORT_SESSION};
use crate::request::EmbedRequest;
use crate::scenario_kit::{
    drop_last_character, insert_after, replace_embed_id, with_plus, without_param,
};
use crate::secret::Secret;
use crate::spec::breaking::Breaking;
use crate::verdict::Reason;

/// Builds scenario `b.id` from `request` (nonce and time already fresh).
pub fn build(b: &Breaking<'_>, request: &mut EmbedRequest) -> Result<Built, NotBuilt> {
    let Some(r) = request.get_mut::<SigmaClassicRequest>() else {
        return Err(NotBuilt::NotApplicable("not a Sigma classic request"));
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
            let tampered = insert_after(&url, "&:external_user_id=", "x").ok_or(
                NotBuilt::NotApplicable("The parameter to tamper with is not in the URL."),
            )?;
            b.built(
                ":external_user_id changed after signing".into(),
                tampered,
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
        NO_TEAM => {
            r.teams.clear();
            b.built(
                ":external_user_team sent empty".into(),
                super::sign(r, secret)?,
                b.refused(Reason::NoTeam),
            )
        }
        WRONG_MODE => {
            // Not view or explore: those older modes are a setting of their own.
            r.mode = "userbaked".into();
            b.built(
                ":mode mistyped as userbaked".into(),
                super::sign(r, secret)?,
                b.refused(Reason::WrongMode),
            )
        }
        ScenarioId::SESSION_TOO_LONG => {
            r.session_length = b.base.policy.seconds(&super::settings::MAX_SESSION_LENGTH) + 1;
            b.built(
                format!(":session_length set to {}", r.session_length),
                super::sign(r, secret)?,
                b.refused(Reason::SessionLengthTooLong)
                    .depending_on("max session length"),
            )
        }
        ScenarioId::SESSION_RUNS_OUT => {
            r.session_length = SHORT_SESSION;
            b.built(
                format!("session length {SHORT_SESSION} s: it loads, then the open embed says \"Session expired. Reload the page.\" (show it in the preview)"),
                super::sign(r, secret)?,
                Expected::accepted(),
            )
        }
        ScenarioId::MISSING_REQUIRED => b.built(
            ":external_user_id left out (and the URL signed without it)".into(),
            resign_with(&super::sign(r, secret)?, secret, |q| {
                without_param(q, ":external_user_id")
            }),
            b.refused(Reason::MissingParameter),
        ),
        ScenarioId::MISTYPED_PARAMETER => b.built(
            ":session_length sent as :sesion_length (signed that way)".into(),
            resign_with(&super::sign(r, secret)?, secret, |q| {
                q.replacen("&:session_length=", "&:sesion_length=", 1)
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
        ScenarioId::UNKNOWN_EMBED => {
            replace_embed_id(&mut r.embed_path, "/embed/")?;
            b.unknown_embed(super::sign(r, secret)?)
        }
        FRACTIONAL_TIME => fractional_time(b, r)?,
        _ => return Err(NotBuilt::NotApplicable("a scenario every scheme shares")),
    })
}

/// A `:time` with a fraction of a second, as Sigma's Python signing
/// package sends `time.time()`: accepted unless the strict setting is on.
fn fractional_time(b: &Breaking<'_>, r: &SigmaClassicRequest) -> Result<Built, NotBuilt> {
    let url = super::sign(r, b.base.secret)?;
    let whole = format!("&:time={}&", r.time);
    let fraction = format!("&:time={}.069265&", r.time);
    let unsigned = url
        .rsplit_once("&:signature=")
        .map_or(url.as_str(), |(prefix, _)| prefix);
    let with_fraction = format!("{unsigned}&").replacen(&whole, &fraction, 1);
    let prefix = with_fraction.strip_suffix('&').unwrap_or(&with_fraction);
    let expected = if b.base.policy.switch(&super::settings::STRICT_TIME) {
        b.refused(Reason::MissingParameter)
    } else {
        Expected::accepted()
    };
    Ok(b.built(
        format!("signed with :time={}.069265, as Python's time.time() gives it: accepted by Sigma's own sample, refused only when strict", r.time),
        sign_prefix(prefix, b.base.secret),
        expected.depending_on("Sigma strict :time"),
    ))
}

/// Rewrites the query of a signed URL with `edit` and signs it again as sent.
fn resign_with(url: &str, secret: &Secret, edit: impl Fn(&str) -> String) -> String {
    let prefix = url
        .rsplit_once("&:signature=")
        .map_or(url, |(prefix, _)| prefix);
    let (base, query) = prefix.split_once('?').unwrap_or((prefix, ""));
    sign_prefix(&format!("{base}?{}", edit(query)), secret)
}

/// Fractional :time (Sigma's Python sample).
pub const FRACTIONAL_TIME: ScenarioId = ScenarioId::declare("fractional-time");
/// Wrong :mode.
pub const WRONG_MODE: ScenarioId = ScenarioId::declare("wrong-mode");
/// No team.
pub const NO_TEAM: ScenarioId = ScenarioId::declare("no-team");

/// The scenarios only this scheme has (its gallery adds them to the shared
/// ones).
pub static OWN: [ScenarioDef; 3] = [
    ScenarioDef {
        id: FRACTIONAL_TIME,
        title: "Fractional :time (Sigma's Python sample)",
    },
    ScenarioDef {
        id: WRONG_MODE,
        title: "Wrong :mode",
    },
    ScenarioDef {
        id: NO_TEAM,
        title: "No team",
    },
];
