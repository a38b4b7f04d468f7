//! The embed doctor, the blank-frame gallery and the token endpoint check:
//! adapters over `embed_lab::doctor`, `embed_lab::blank_frames` and
//! `embed_lab::token_endpoint`. Nothing here loads a signed URL except
//! "reproduce", which is a deliberate preview load; the profile's secret
//! stays on the Rust side.

use std::time::Duration;

use embed_core::doctor::blank_frames::{self, BlankFrameCase};
use embed_core::doctor::emulation::Framing;
use embed_core::doctor::DoctorReport;
use embed_core::token_endpoint::TokenEndpointReport;
use embed_lab::blank_frames::BlankFrameResults;
use embed_lab::doctor::Parent;
use embed_profiles::profiles::Signed;
use embed_profiles::signing::SignForm;
use tauri::State;

use super::profiles::{now, preview_load};
use crate::error::IpcError;
use crate::state::AppState;

/// Each of the doctor's fetches waits at most this long.
const DOCTOR_TIMEOUT: Duration = Duration::from_secs(10);

/// Diagnoses `embed` framed by `parent`; the signed URL is never requested.
#[tauri::command]
pub(crate) async fn doctor(parent: Parent, embed: String) -> Result<DoctorReport, IpcError> {
    Ok(embed_lab::doctor::examine(parent, embed.trim(), DOCTOR_TIMEOUT).await?)
}

/// Checks the customer's token endpoint at `url` as Bold BI's Embed SDK
/// calls it, for dashboard `entity`, with the session `cookies` a signed-in
/// browser sends; a scratch local host holding the profile's secret records
/// what the endpoint signs.
#[tauri::command]
pub(crate) async fn token_endpoint(
    state: State<'_, AppState>,
    id: String,
    url: String,
    entity: String,
    cookies: Vec<(String, String)>,
) -> Result<TokenEndpointReport, IpcError> {
    let profile = state.profiles.store().get(&id)?;
    if !embed_core::schemes::spec(profile.scheme).has_token_endpoint() {
        return Err(IpcError {
            code: "not-applicable".into(),
            message: format!("{} is a {} profile: the token endpoint check is for an embed whose browser SDK asks your server to sign ({}). Choose such a profile.", profile.name, profile.scheme.label(), embed_lab::token_endpoint::token_endpoint_labels()),
        });
    }
    let secret = state.profiles.secret(&id)?;
    let request = embed_lab::token_endpoint::Request {
        scheme: profile.scheme,
        endpoint: url.trim(),
        entity: entity.trim(),
        cookies: &cookies,
        secret: &secret,
        timeout: DOCTOR_TIMEOUT,
    };
    Ok(embed_lab::token_endpoint::check(&request).await?)
}

/// Runs every blank-frame case for the profile's embed on a scratch local
/// host (the app's host and its settings are untouched).
#[tauri::command]
pub(crate) async fn blank_frames(
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
) -> Result<BlankFrameResults, IpcError> {
    let profile = state.profiles.store().get(&id)?;
    // Signed only for its address: nothing requests it, its nonce stays unspent.
    let signed = state
        .profiles
        .sign_checked(&id, &form, now(), &state.host.state.policy())?;
    Ok(embed_lab::blank_frames::run(profile.scheme, &signed.url, DOCTOR_TIMEOUT).await?)
}

/// Switches `case` on in the app's local host, every other framing setting
/// back to its default so the preview shows this case alone (it stays on,
/// visible in Host settings, until changed back), and loads the form in the
/// preview framed from another site, as a customer's page would frame it.
#[tauri::command]
pub(crate) async fn reproduce_blank_frame(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
    case: BlankFrameCase,
) -> Result<Signed, IpcError> {
    let scheme = state.profiles.store().get(&id)?.scheme;
    if let Some(why) = case.not_applicable(scheme) {
        return Err(IpcError {
            code: "not-applicable".into(),
            message: format!("{} does not apply to this profile: {why}.", case.title()),
        });
    }
    state
        .host
        .state
        .set_framing(case.apply(&Framing::default()));
    let parent = blank_frames::other_site(&state.host.origin());
    preview_load(&app, &state, &id, form, &parent)
}
