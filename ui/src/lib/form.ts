// The form a profile starts from: its saved defaults over values its
// vendor accepts, so the first screen already signs a URL that loads.
import type { ProfileView, Scheme, SignForm } from '../ipc';

/** A form with every field at the value its scheme's vendor accepts. */
export function newForm(scheme: Scheme): SignForm {
  return {
    email: 'ann@example.com', external_user_id: 'ann-1', teams: scheme === 'boldbi' ? [] : ['Sales_Managers'],
    account_type: scheme === 'boldbi' ? '' : 'Creator', mode: '',
    session_length: scheme === 'sigma-classic' || scheme === 'looker' ? 600 : scheme === 'sigma-jwt' ? 3600 : 86400,
    user_attributes: scheme === 'boldbi' ? [] : [['Region', 'West']],
    params: scheme === 'sigma-classic' || scheme === 'sigma-jwt' ? [[':theme', 'Light']] : [],
    nonce: '', time: null, time_offset: 0, boldbi_timestamp: true, escape_signature: false,
    jwt_version: '', jwt_issuer: false, first_name: '', last_name: '', eval_connection_id: '',
    permissions: ['access_data', 'see_user_dashboards'], models: ['thelook'], group_ids: [], external_group_id: '',
    access_filters: '', user_timezone: '', force_logout_login: null, algorithm: '',
  };
}

/** Fields a saved default never carries: they must be fresh on each signing. */
const PER_SIGNING: (keyof SignForm)[] = ['nonce', 'time', 'time_offset'];

/** The form for `view`: its saved defaults over the scheme's. */
export function formFor(view: ProfileView): SignForm {
  const saved = (view.profile.defaults && typeof view.profile.defaults === 'object' && !Array.isArray(view.profile.defaults))
    ? view.profile.defaults as Partial<SignForm> : {};
  const form = { ...newForm(view.profile.scheme), ...saved };
  for (const key of PER_SIGNING) (form as Record<string, unknown>)[key] = newForm(view.profile.scheme)[key];
  return form;
}

/** What "Save as defaults" stores: the form without its per-signing fields. */
export function defaultsOf(form: SignForm): Partial<SignForm> {
  const copy: Record<string, unknown> = { ...form };
  for (const key of PER_SIGNING) delete copy[key];
  return copy as Partial<SignForm>;
}
