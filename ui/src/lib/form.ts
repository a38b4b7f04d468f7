// The form a profile starts from: its saved defaults over the values its
// scheme's kit says the vendor accepts, so the first screen already signs a
// URL that loads.
import type { ProfileView, Scheme, SignForm } from '../ipc';
import { kitOf } from './kits';

/** A form with every field at the value its scheme's vendor accepts. */
export function newForm(scheme: Scheme): SignForm {
  return structuredClone(kitOf(scheme).defaults);
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
