// Which of the local host's framing emulation settings are switched on (off
// their defaults): every preview load is then framed (or cookied) that way,
// so the screens that show settings say so.
import type { SettingView } from '../ipc';

export const emulationOn = (settings: SettingView[]): SettingView[] =>
  settings.filter((s) => s.emulation && s.value !== s.default);
