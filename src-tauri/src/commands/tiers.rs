//! Tier preset commands: list, save, delete, share as JSON, and compare two
//! tiers side by side in the preview window.

use embed_core::form::SignForm;
use embed_core::tier::{self, Tier};
use embed_profiles::history::HistoryKind;
use tauri::State;

use super::profiles::now;
use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub(crate) fn list_tiers(state: State<'_, AppState>) -> Result<Vec<Tier>, IpcError> {
    Ok(state.profiles.store().tiers()?)
}

#[tauri::command]
pub(crate) fn save_tier(state: State<'_, AppState>, tier: Tier) -> Result<Vec<Tier>, IpcError> {
    state.profiles.store().save_tier(&tier)?;
    Ok(state.profiles.store().tiers()?)
}

/// Saves the access of `form` (a `scheme` profile's) as the tier `name`.
#[tauri::command]
pub(crate) fn save_form_tier(
    state: State<'_, AppState>,
    name: String,
    scheme: embed_core::Scheme,
    form: SignForm,
) -> Result<Vec<Tier>, IpcError> {
    state
        .profiles
        .store()
        .save_tier(&Tier::from_form(&name, scheme, &form))?;
    Ok(state.profiles.store().tiers()?)
}

/// The first of the tiers `names` whose access `form` holds exactly.
#[tauri::command]
pub(crate) fn active_tier(
    state: State<'_, AppState>,
    form: SignForm,
    names: Vec<String>,
) -> Result<Option<String>, IpcError> {
    Ok(state
        .profiles
        .store()
        .tiers()?
        .into_iter()
        .find(|t| names.contains(&t.name) && t.matches(&form))
        .map(|t| t.name))
}

#[tauri::command]
pub(crate) fn delete_tier(state: State<'_, AppState>, name: String) -> Result<Vec<Tier>, IpcError> {
    state.profiles.store().delete_tier(&name)?;
    Ok(state.profiles.store().tiers()?)
}

/// Puts back the built-in tiers that were deleted.
#[tauri::command]
pub(crate) fn restore_tiers(state: State<'_, AppState>) -> Result<Vec<Tier>, IpcError> {
    state.profiles.store().restore_default_tiers()?;
    Ok(state.profiles.store().tiers()?)
}

#[tauri::command]
pub(crate) fn export_tiers(state: State<'_, AppState>) -> Result<String, IpcError> {
    Ok(tier::export(&state.profiles.store().tiers()?))
}

#[tauri::command]
pub(crate) fn import_tiers(
    state: State<'_, AppState>,
    text: String,
) -> Result<Vec<Tier>, IpcError> {
    state.profiles.store().import_tiers(&text)?;
    Ok(state.profiles.store().tiers()?)
}

/// The tier named `name`, or an error saying what to do.
fn find_tier(state: &AppState, name: &str) -> Result<Tier, IpcError> {
    state
        .profiles
        .store()
        .tiers()?
        .into_iter()
        .find(|t| t.name == name)
        .ok_or_else(|| IpcError {
            code: "no-such-tier".into(),
            message: format!(
                "there is no tier named {name:?}. Pick one from the list, or save the form as a tier first."
            ),
        })
}

#[tauri::command]
pub(crate) fn apply_tier(
    state: State<'_, AppState>,
    form: SignForm,
    name: String,
) -> Result<SignForm, IpcError> {
    Ok(find_tier(&state, &name)?.apply(&form))
}

#[tauri::command]
pub(crate) fn compare_tiers(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: String,
    form: SignForm,
    a: String,
    b: String,
) -> Result<(), IpcError> {
    let (tier_a, tier_b) = (find_tier(&state, &a)?, find_tier(&state, &b)?);
    // Each side is a fresh, single-use URL.
    let fresh = SignForm {
        nonce: String::new(),
        ..form
    };
    let url_a = state.profiles.sign(&id, &tier_a.apply(&fresh), now())?.url;
    let url_b = state.profiles.sign(&id, &tier_b.apply(&fresh), now())?.url;
    let page = embed_host::compare_url(
        &state.host.origin(),
        state.host.token(),
        (&a, &url_a),
        (&b, &url_b),
    );
    crate::preview::show(&app, &page)?;
    for url in [&url_a, &url_b] {
        state.remember(
            HistoryKind::Loaded,
            Some(&id),
            url,
            "opened in the tier comparison",
            None,
        );
    }
    Ok(())
}
