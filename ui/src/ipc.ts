// The one module that calls Tauri's invoke: a typed wrapper per command.
// Components never call invoke directly (tests replace this with mockIPC).
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';

// Every type that crosses IPC is generated from Rust by ts-rs (ui/src/bindings).
import type { AppInfo } from './bindings/AppInfo';
import type { IpcError } from './bindings/IpcError';
import type { ProfileInput } from './bindings/ProfileInput';
import type { ProfileView } from './bindings/ProfileView';
import type { SecretStatus } from './bindings/SecretStatus';
import type { SignForm } from './bindings/SignForm';
import type { Signed } from './bindings/Signed';
import type { FormField } from './bindings/FormField';
import type { PreviewActivity } from './bindings/PreviewActivity';
import type { SettingView } from './bindings/SettingView';
import type { Scheme } from './bindings/Scheme';

export type { AppInfo, IpcError, ProfileInput, ProfileView, SecretStatus, SignForm, Signed, FormField, PreviewActivity, SettingView, Scheme };
export type { SchemeKit } from './bindings/SchemeKit';
export type { FormSection } from './bindings/FormSection';
export type { FormInput } from './bindings/FormInput';
export type { FormKey } from './bindings/FormKey';
export type { Choice } from './bindings/Choice';
export type { LogEntry } from './bindings/LogEntry';
import type { LoadView } from './bindings/LoadView';
export type { LoadView };
import type { ScenarioResults } from './bindings/ScenarioResults';
import type { ReplayReport } from './bindings/ReplayReport';
import type { Inspection } from './bindings/Inspection';
import type { DiffReport } from './bindings/DiffReport';
import type { OpenedForm } from './bindings/OpenedForm';
import type { Language } from './bindings/Language';
import type { ScenarioId } from './bindings/ScenarioId';
export type { ScenarioResults, ReplayReport, Inspection, DiffReport, OpenedForm, Language, ScenarioId };
export type { ScenarioRunView } from './bindings/ScenarioRunView';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { HistoryQuery } from './bindings/HistoryQuery';
export type { HistoryEntry, HistoryQuery };
export type { HistoryKind } from './bindings/HistoryKind';
import type { Tier } from './bindings/Tier';
export type { Tier };
export type { LoadOutcome } from './bindings/LoadOutcome';
export type { EmbedEvent } from './bindings/EmbedEvent';
export type { InspectReport } from './bindings/InspectReport';
import type { DoctorReport } from './bindings/DoctorReport';
import type { Parent } from './bindings/Parent';
import type { BlankFrameResults } from './bindings/BlankFrameResults';
import type { BlankFrameCase } from './bindings/BlankFrameCase';
export type { DoctorReport, Parent, BlankFrameResults, BlankFrameCase };
export type { Check } from './bindings/Check';
import type { TokenEndpointReport } from './bindings/TokenEndpointReport';
export type { TokenEndpointReport };
export type { Status } from './bindings/Status';
export type { BlankFrameCaseView } from './bindings/BlankFrameCaseView';

export const appInfo = () => invoke<AppInfo>('app_info');
export const listProfiles = () => invoke<ProfileView[]>('list_profiles');
export const createProfile = (input: ProfileInput) => invoke<ProfileView>('create_profile', { input });
export const updateProfile = (id: string, input: ProfileInput) => invoke<ProfileView>('update_profile', { id, input });
export const deleteProfile = (id: string) => invoke<void>('delete_profile', { id });
export const setSecret = (id: string, secret: string) => invoke<SecretStatus>('set_secret', { id, secret });
export const clearSecret = (id: string) => invoke<SecretStatus>('clear_secret', { id });
export const sign = (id: string, form: SignForm) => invoke<Signed>('sign', { id, form });
/** Signs a fresh URL from `form`, shows it in the preview and follows that load; returns the URL loaded (now spent). */
export const openPreview = (id: string, form: SignForm) => invoke<Signed>('open_preview', { id, form });
/** The profile's last load and its status now (null: not loaded yet). */
export const loadStatus = (id: string) => invoke<LoadView | null>('load_status', { id });
export const history = (query: HistoryQuery) => invoke<HistoryEntry[]>('history', { query });
export const recordCopied = (id: string, url: string) => invoke<void>('record_copied', { id, url });
export const clearHistory = () => invoke<number>('clear_history');
export const previewActivity = (afterRequest: number, afterEvent: number) =>
  invoke<PreviewActivity>('preview_activity', { afterRequest, afterEvent });
/** What the vendor would refuse in `form`, in plain words (the core's rules and the host's settings). */
export const checkForm = (scheme: Scheme, form: SignForm) => invoke<string[]>('check_form', { scheme, form });
/** The local host's settings for unconfirmed vendor behaviour, as the core describes them. */
export const hostSettings = () => invoke<SettingView[]>('host_settings');
export const runScenarios = (id: string, form: SignForm) => invoke<ScenarioResults>('run_scenarios', { id, form });
export const previewScenario = (id: string, form: SignForm, scenario: ScenarioId) => invoke<void>('preview_scenario', { id, form, scenario });
export const replay = (id: string, form: SignForm) => invoke<ReplayReport>('replay', { id, form });
/** `secret`: typed for this check only; sent once, never stored. */
export const inspectUrl = (url: string, secret: string | null, record = true) => invoke<Inspection>('inspect_url', { url, secret, record });
export const diffUrls = (a: string, b: string) => invoke<DiffReport>('diff_urls', { a, b });
export const openInForm = (url: string) => invoke<OpenedForm>('open_in_form', { url });
/** Hand-off code: `exact` reproduces `url` byte for byte; otherwise a fresh nonce and time on every run. */
export const snippet = (id: string, form: SignForm, url: string, language: Language, exact: boolean) =>
  invoke<string>('snippet', { id, form, url, language, exact });
export const listTiers = () => invoke<Tier[]>('list_tiers');
export const applyTier = (form: SignForm, name: string) => invoke<SignForm>('apply_tier', { form, name });
export const saveTier = (tier: Tier) => invoke<Tier[]>('save_tier', { tier });
/** Saves the access of `form` (a `scheme` profile's) as a tier named `name`. */
export const saveFormTier = (name: string, scheme: Scheme, form: SignForm) => invoke<Tier[]>('save_form_tier', { name, scheme, form });
/** The first of the tiers `names` whose access `form` holds (null: none). */
export const activeTier = (form: SignForm, names: string[]) => invoke<string | null>('active_tier', { form, names });
export const deleteTier = (name: string) => invoke<Tier[]>('delete_tier', { name });
/** Puts back the built-in tiers that were deleted. */
export const restoreTiers = () => invoke<Tier[]>('restore_tiers');
export const exportTiers = () => invoke<string>('export_tiers');
export const importTiers = (text: string) => invoke<Tier[]>('import_tiers', { text });
export const compareTiers = (id: string, form: SignForm, a: string, b: string) => invoke<void>('compare_tiers', { id, form, a, b });
/** Changes one setting (`value` as the CLI takes it); a bad value changes nothing and is named. */
export const setHostSetting = (name: string, value: string) => invoke<SettingView[]>('set_host_setting', { name, value });

/** The embed doctor: fetches `parent` and the embed origin's unsigned answer (never `embed` itself). */
export const doctor = (parent: Parent, embed: string) => invoke<DoctorReport>('doctor', { parent, embed });
/** Checks the customer's token endpoint as Bold BI's Embed SDK calls it; profile `id`'s secret stays in Rust. */
export const tokenEndpoint = (id: string, url: string, entity: string, cookies: [string, string][]) =>
  invoke<TokenEndpointReport>('token_endpoint', { id, url, entity, cookies });
/** Runs every blank-frame case on a scratch local host (the app's host is untouched). */
export const blankFrames = (id: string, form: SignForm) => invoke<BlankFrameResults>('blank_frames', { id, form });
/** Switches `blankCase` on in the app's local host and loads the form in the preview from another site. */
export const reproduceBlankFrame = (id: string, form: SignForm, blankCase: BlankFrameCase) =>
  invoke<Signed>('reproduce_blank_frame', { id, form, case: blankCase });

/** Calls `handler` when start-up's keychain work is done (demo secrets set, host clients known). */
export const onKeychainReady = (handler: () => void) => listen('keychain-ready', handler);

/** The message of a failed command, whatever was thrown. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as IpcError).message);
  return String(error);
}
