//! Profile and signing commands: one-line adapters over `embed_profiles`.

use embed_lab::watch::{LoadView, LoadWatch};
use embed_profiles::profiles::Signed;
use embed_profiles::signing::SignForm;
use embed_profiles::{Profile, ProfileInput, SecretStatus};
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

pub(crate) use crate::state::now;

/// What the UI needs to know about the app.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct AppInfo {
    /// The local host's origin.
    pub host_origin: String,
    /// The same host under its other-site name (`localhost` for
    /// `127.0.0.1`): a page there frames the host's embeds cross-site.
    pub other_site_origin: String,
    /// The app version.
    pub version: &'static str,
}

/// A profile with its secret's status (never the secret).
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct ProfileView {
    /// The profile.
    pub profile: Profile,
    /// Whether a secret is set, and its fingerprint.
    pub secret: SecretStatus,
}

fn view(state: &AppState, profile: Profile) -> Result<ProfileView, IpcError> {
    let secret = state.profiles.listing_status(&profile.id)?;
    Ok(ProfileView { profile, secret })
}

#[tauri::command]
pub(crate) fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        host_origin: state.host.origin(),
        other_site_origin: embed_core::doctor::blank_frames::other_site(&state.host.origin()),
        version: env!("CARGO_PKG_VERSION"),
    }
}

#[tauri::command]
pub(crate) fn list_profiles(state: State<'_, AppState>) -> Result<Vec<ProfileView>, IpcError> {
    state
        .profiles
        .store()
        .list()?
        .into_iter()
        .map(|p| view(&state, p))
        .collect()
}

#[tauri::command]
pub(crate) fn create_profile(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> Result<ProfileView, IpcError> {
    view(&state, state.profiles.create(&input, now())?)
}

#[tauri::command]
pub(crate) fn update_profile(
    state: State<'_, AppState>,
    id: String,
    input: ProfileInput,
) -> Result<ProfileView, IpcError> {
    view(&state, state.profiles.store().update(&id, &input)?)
}

#[tauri::command]
pub(crate) fn delete_profile(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    Ok(state.delete_profile(&id)?)
}

#[tauri::command]
pub(crate) fn set_secret(
    state: State<'_, AppState>,
    id: String,
    secret: String,
) -> Result<SecretStatus, IpcError> {
    let status = state.profiles.set_secret(&id, &secret)?;
    state.sync_host_clients();
    Ok(status)
}

#[tauri::command]
pub(crate) fn clear_secret(
    state: State<'_, AppState>,
    id: String,
) -> Result<SecretStatus, IpcError> {
    Ok(state.profiles.clear_secret(&id)?)
}

#[tauri::command]
pub(crate) fn sign(
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
) -> Result<Signed, IpcError> {
    Ok(state
        .profiles
        .sign_checked(&id, &form, now(), &state.host.state.policy())?)
}

/// Loads the profile's form into the preview: signs a fresh URL (a URL is
/// single-use), shows it, and starts following that load. Returns the URL
/// loaded, which is spent from now on.
#[tauri::command]
pub(crate) async fn open_preview(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
) -> Result<Signed, IpcError> {
    let origin = state.host.origin();
    preview_load(&app, &state, &id, form, &origin)
}

/// Signs a fresh URL from `form`, starts following its load, and shows it
/// in the preview framed by the host's parent page on `parent_origin` (the
/// host's own origin, or its other-site spelling).
pub(crate) fn preview_load(
    app: &tauri::AppHandle,
    state: &AppState,
    id: &str,
    form: SignForm,
    parent_origin: &str,
) -> Result<Signed, IpcError> {
    let fresh = SignForm {
        nonce: String::new(),
        ..form
    };
    let signed = state
        .profiles
        .sign_checked(id, &fresh, now(), &state.host.state.policy())?;
    let origin = state.host.origin();
    // The watch notes where the host's logs stand before the preview can
    // reach the host, so the verdict on this load is never missed.
    let local = embed_core::url_status::local_check(signed.report.verification.as_ref());
    let loader = embed_lab::Loader::new(embed_lab::watch::PROBE_TIMEOUT)?;
    let watch = LoadWatch::start(
        &signed.url,
        local,
        &state.host.state,
        &origin,
        &loader,
        now(),
    );
    state.loads.started(id, watch.framed_by(parent_origin));
    crate::preview::show(
        app,
        &embed_host::parent_url(parent_origin, state.host.token(), &signed.url),
    )?;
    state.remember_load(id, &signed.url);
    Ok(signed)
}

/// The profile's last load and its status now (`None`: not loaded yet).
#[tauri::command]
pub(crate) fn load_status(state: State<'_, AppState>, id: String) -> Option<LoadView> {
    let view = state.loads.view(&id, &state.host.state, now())?;
    state.settle_history(&id, &view);
    Some(view)
}
