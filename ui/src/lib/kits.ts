// Each scheme's kit: what the core says its profile editor and form hold
// (crates/core/src/form_layout.rs and each scheme's folder). Generated into
// bindings/scheme_kits.json by `cargo test`; CI fails when it is stale.
import kits from '../bindings/scheme_kits.json';
import type { Scheme, SchemeKit } from '../ipc';

/** Every scheme's kit, in the order the profile editor offers them. */
export const KITS = kits as unknown as SchemeKit[];

/** The kit of `scheme`. */
export function kitOf(scheme: Scheme): SchemeKit {
  const kit = KITS.find((k) => k.scheme === scheme);
  if (!kit) throw new Error(`No form is described for the scheme ${scheme}: regenerate ui/src/bindings (cargo test).`);
  return kit;
}
