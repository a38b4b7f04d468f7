//! History commands: search, record a copied URL, clear.

use embed_profiles::history::{HistoryEntry, HistoryKind, HistoryQuery};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub(crate) fn history(
    state: State<'_, AppState>,
    query: HistoryQuery,
) -> Result<Vec<HistoryEntry>, IpcError> {
    Ok(state.profiles.store().search(&query)?)
}

#[tauri::command]
pub(crate) fn record_copied(state: State<'_, AppState>, id: String, url: String) {
    state.remember(HistoryKind::Signed, Some(&id), &url, "copied", None);
}

#[tauri::command]
pub(crate) fn clear_history(state: State<'_, AppState>) -> Result<usize, IpcError> {
    Ok(state.profiles.store().clear_history()?)
}
