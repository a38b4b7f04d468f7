// The one module that calls Tauri's invoke: a typed wrapper per command.
// Components never call invoke directly (tests replace this with mockIPC).
import { invoke } from '@tauri-apps/api/core';

export type Scheme = 'sigma-classic' | 'sigma-jwt' | 'boldbi';

export interface IpcError { code: string; message: string }
export interface AppInfo { host_origin: string; version: string }
export interface SecretStatus { set: boolean; fingerprint: string | null; warning: string | null }
export interface Profile {
  id: string; name: string; scheme: Scheme; embed_path: string; client_id: string;
  defaults: unknown; demo: boolean; created_at: number;
}
export interface ProfileInput { name: string; scheme: Scheme; embed_path: string; client_id: string; defaults: unknown }
export interface ProfileView { profile: Profile; secret: SecretStatus }
export interface SignForm {
  email: string; external_user_id: string; teams: string[]; account_type: string; mode: string;
  session_length: number; user_attributes: [string, string][]; params: [string, string][];
  nonce: string; time: number | null; time_offset: number; boldbi_timestamp: boolean; escape_signature: boolean;
}
export interface ParamRow {
  index: number; raw_name: string; raw_value: string | null; name: string; value: string; signed: boolean;
  info: { meaning: string; allowed: string; required: boolean } | null;
}
export interface Hazard { code: string; severity: 'error' | 'warning' | 'info'; parameter: string | null; message: string; fix: string }
export interface Refusal { reason: string; message: string; wording: 'vendor' | 'product'; code: string | null; explanation: string; fix: string }
export interface InspectReport {
  scheme: Scheme; scheme_label: string; parameters: ParamRow[]; hazards: Hazard[];
  verification: { accepted: boolean; signature: string; refusal: Refusal | null } | null;
}
export interface Signed { url: string; iframe: string; report: InspectReport }

export const appInfo = () => invoke<AppInfo>('app_info');
export const listProfiles = () => invoke<ProfileView[]>('list_profiles');
export const createProfile = (input: ProfileInput) => invoke<ProfileView>('create_profile', { input });
export const updateProfile = (id: string, input: ProfileInput) => invoke<ProfileView>('update_profile', { id, input });
export const deleteProfile = (id: string) => invoke<void>('delete_profile', { id });
export const setSecret = (id: string, secret: string) => invoke<SecretStatus>('set_secret', { id, secret });
export const clearSecret = (id: string) => invoke<SecretStatus>('clear_secret', { id });
export const sign = (id: string, form: SignForm) => invoke<Signed>('sign', { id, form });
export const openPreview = (url: string) => invoke<void>('open_preview', { url });

/** The message of a failed command, whatever was thrown. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as IpcError).message);
  return String(error);
}
