//! The embed doctor and the blank-frame gallery: adapters over
//! `embed_lab::doctor` and `embed_lab::blank_frames`. Nothing here loads a
//! signed URL except "reproduce", which is a deliberate preview load.

use std::time::Duration;

use embed_core::doctor::blank_frames::{self, BlankFrameCase};
use embed_core::doctor::emulation::Framing;
use embed_core::doctor::DoctorReport;
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
