import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import HostSettingsPanel from './HostSettingsPanel.svelte';
import type { SettingView } from '../ipc';

afterEach(() => { cleanup(); clearMocks(); });

const settings: SettingView[] = [
  { name: 'clock-skew', label: 'Allowed clock skew (s)', kind: { kind: 'seconds', min: 0 }, value: '300', note: 'unconfirmed', schemes: ['sigma-classic', 'sigma-jwt', 'boldbi', 'looker'], default: '', emulation: false },
  { name: 'looker-algorithm', label: 'Looker HMAC', kind: { kind: 'one_of', values: ['sha1', 'sha256'] }, value: 'sha1', note: 'unconfirmed', schemes: ['looker'], default: '', emulation: false },
  { name: 'frame-ancestors', label: 'CSP frame-ancestors', kind: { kind: 'text', placeholder: "'self' http://localhost:3000" }, value: '', note: 'framing emulation', schemes: ['sigma-classic', 'sigma-jwt', 'boldbi', 'looker'], default: '', emulation: true },
  { name: 'sigma-strict-time', label: 'Sigma refuses a fractional :time', kind: { kind: 'switch' }, value: 'false', note: 'unconfirmed', schemes: ['sigma-classic', 'sigma-jwt'], default: '', emulation: false },
];

async function open() {
  const panel = screen.getByTestId('host-settings') as HTMLDetailsElement;
  panel.open = true;
  await fireEvent(panel, new Event('toggle'));
}

describe('the host settings panel', () => {
  it('shows the profile scheme\'s settings first, folds the others, and names a refused value', async () => {
    mockIPC((cmd, args) => {
      const { name, value } = args as { name: string; value: string };
      if (cmd === 'set_host_setting' && name === 'clock-skew' && value === '-1') throw { code: 'bad-field', message: 'clock-skew: "-1" is not a whole number of seconds of at least 0' };
      return settings.map((s) => (s.name === name ? { ...s, value } : s));
    });
    const props = $state({ settings, scheme: 'looker' as const });
    render(HostSettingsPanel, props);
    await open();
    const others = screen.getByTestId('other-settings');
    expect(others.textContent).toMatch(/fractional/);
    expect(others.textContent).not.toMatch(/Looker HMAC/);
    await fireEvent.change(screen.getByTestId('setting-looker-algorithm'), { target: { value: 'sha256' } });
    await screen.findByText('Applied to the local host.');
    expect(props.settings.find((s) => s.name === 'looker-algorithm')?.value).toBe('sha256');
    const ancestors = screen.getByTestId('setting-frame-ancestors') as HTMLInputElement;
    expect(ancestors.placeholder).toMatch(/localhost:3000/);
    expect(screen.queryByTestId('emulation-on')).toBeNull();
    await fireEvent.change(ancestors, { target: { value: "'self'" } });
    expect(props.settings.find((s) => s.name === 'frame-ancestors')?.value).toBe("'self'");
    // A framing setting off its default is named even with the panel folded.
    expect((await screen.findByTestId('emulation-on')).textContent).toContain('frame-ancestors');
    await fireEvent.change(screen.getByTestId('setting-clock-skew'), { target: { value: '-1' } });
    expect((await screen.findByRole('status')).textContent).toMatch(/not a whole number/);
  });
});
