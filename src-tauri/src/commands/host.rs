//! Local host commands: what the preview did, the form's interface
//! fields, and the host's settings for unconfirmed vendor behaviour.

use embed_core::form_fields::FormField;
use serde::Serialize;
use tauri::State;

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
pub(crate) fn form_choices(scheme: embed_core::Scheme) -> embed_core::form_choices::FormChoices {
    embed_core::form_choices::form_choices(scheme)
}

#[tauri::command]
pub(crate) fn interface_fields(scheme: embed_core::Scheme) -> Vec<FormField> {
    embed_core::form_fields::interface_fields(scheme)
}

/// The local host's settings for what the vendors leave unconfirmed.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct HostSettings {
    /// Largest `:session_length` accepted, seconds.
    pub max_session_length: u64,
    /// How far a signing time may lie in the future, seconds.
    pub clock_skew: u64,
    /// Bold BI: a raw `+` in the signature arrives as a space.
    pub boldbi_plus_as_space: bool,
    /// Bold BI: a reused `embed_nonce` is refused.
    pub boldbi_refuse_reused_nonce: bool,
    /// Sigma: a fractional `:time` is refused.
    pub sigma_strict_time: bool,
    /// Sigma: `:mode=view` / `:mode=explore` are refused.
    pub sigma_refuse_legacy_modes: bool,
}

#[tauri::command]
pub(crate) fn host_settings(state: State<'_, AppState>) -> HostSettings {
    let policy = state.host.state.policy();
    HostSettings {
        max_session_length: policy.max_session_length,
        clock_skew: policy.clock_skew,
        boldbi_plus_as_space: policy.boldbi_plus_as_space,
        boldbi_refuse_reused_nonce: policy.boldbi_refuse_reused_nonce,
        sigma_strict_time: policy.sigma_strict_time,
        sigma_refuse_legacy_modes: policy.sigma_refuse_legacy_modes,
    }
}

#[tauri::command]
pub(crate) fn set_host_settings(
    state: State<'_, AppState>,
    settings: HostSettings,
) -> HostSettings {
    let policy = embed_core::Policy {
        max_session_length: settings.max_session_length,
        clock_skew: settings.clock_skew,
        boldbi_plus_as_space: settings.boldbi_plus_as_space,
        boldbi_refuse_reused_nonce: settings.boldbi_refuse_reused_nonce,
        sigma_strict_time: settings.sigma_strict_time,
        sigma_refuse_legacy_modes: settings.sigma_refuse_legacy_modes,
        ..state.host.state.policy()
    };
    state.host.state.set_policy(policy);
    settings
}

#[tauri::command]
pub(crate) fn check_form(
    state: State<'_, AppState>,
    scheme: embed_core::Scheme,
    form: embed_core::form::SignForm,
) -> Vec<String> {
    embed_core::form_check::issues(scheme, &form, &state.host.state.policy())
}
