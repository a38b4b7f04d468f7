//! Local host commands: what the preview did, the host's settings for
//! unconfirmed vendor behaviour, and the form's check under them.

use embed_core::policy_settings::SettingView;
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// What happened in the preview since the UI last asked: the host's verdicts
/// and the messages the embed posted.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize)]
pub struct PreviewActivity {
    /// Judged requests with an id above the one asked for.
    pub requests: Vec<embed_host::log::LogEntry>,
    /// Posted events with an id above the one asked for.
    pub events: Vec<embed_host::log::EmbedEvent>,
}

#[tauri::command]
pub(crate) fn preview_activity(
    state: State<'_, AppState>,
    after_request: u64,
    after_event: u64,
) -> PreviewActivity {
    PreviewActivity {
        requests: state.host.state.log.since(after_request),
        events: state.host.state.events.since(after_event),
    }
}

#[tauri::command]
pub(crate) fn host_settings(state: State<'_, AppState>) -> Vec<SettingView> {
    state.host.state.setting_views()
}

/// Changes one of the local host's settings; a bad value changes nothing
/// and says why.
#[tauri::command]
pub(crate) fn set_host_setting(
    state: State<'_, AppState>,
    name: String,
    value: String,
) -> Result<Vec<SettingView>, IpcError> {
    state.host.state.set_setting(&name, &value)?;
    Ok(state.host.state.setting_views())
}

#[tauri::command]
pub(crate) fn check_form(
    state: State<'_, AppState>,
    scheme: embed_core::Scheme,
    form: embed_core::form::SignForm,
) -> Vec<String> {
    embed_core::form_check::issues(scheme, &form, &state.host.state.policy())
}
