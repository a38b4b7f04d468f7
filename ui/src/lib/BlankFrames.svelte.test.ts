import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import BlankFrames from './BlankFrames.svelte';
import type { BlankFrameResults, ProfileView, SettingView } from '../ipc';
import { newForm } from './form';

afterEach(() => { cleanup(); clearMocks(); });

const deny = { id: 'frame-options-deny', title: 'X-Frame-Options: DENY', setting: 'frame-options=deny', setting_name: 'frame-options', value: 'deny', reset: 'off', symptom: 'An empty frame.', expected: { check: 'x-frame-options', status: 'fail' } } as const;
const RESULTS: BlankFrameResults = {
  runs: [{ case: deny, actual: { id: 'x-frame-options', status: 'fail', evidence: 'X-Frame-Options: DENY', explanation: 'No page may frame it.', fix: 'Drop the header.' }, matches: true, not_run: null }],
  skipped: [],
  summary: '1 run, 1 as expected, 0 findings, 0 not applicable',
  parent_origin: 'http://localhost:5',
};
const profile = { profile: { id: 'p1', name: 'Demo', scheme: 'sigma-classic' }, secret: { set: true } } as unknown as ProfileView;
const setting = (value: string): SettingView => ({ name: 'frame-options', label: 'X-Frame-Options', kind: { kind: 'one_of', values: ['off', 'deny', 'sameorigin'] }, value, note: '', schemes: [], default: 'off', emulation: true });

describe('the blank-frame gallery', () => {
  it('lists each case with its expected finding, reproduces one, and resets it', async () => {
    const asked: string[] = [];
    let current = 'off';
    mockIPC((cmd, args) => {
      asked.push(cmd);
      if (cmd === 'blank_frames') return RESULTS;
      if (cmd === 'reproduce_blank_frame') { expect((args as { case: string }).case).toBe('frame-options-deny'); current = 'deny'; return { url: 'u', content: 'c' }; }
      if (cmd === 'host_settings') return [setting(current)];
      if (cmd === 'set_host_setting') { current = (args as { value: string }).value; return [setting(current)]; }
      return null;
    });
    const loaded: unknown[] = [];
    const props = $state({ profile, form: newForm('sigma-classic'), settings: [setting('off')], onloaded: (s: unknown) => loaded.push(s), onsettings: (s: SettingView[]) => { props.settings = s; } });
    render(BlankFrames, props);
    const row = await screen.findByTestId('blank-row');
    expect(row.textContent).toContain('x-frame-options: fail');
    expect(row.getAttribute('data-matches')).toBe('true');
    expect(screen.queryByTestId('blank-active')).toBeNull();
    (screen.getByTestId('blank-reproduce') as HTMLButtonElement).click();
    expect((await screen.findByTestId('blank-active')).textContent).toContain('frame-options=deny');
    expect(loaded).toEqual([{ url: 'u', content: 'c' }]);
    (screen.getByTestId('blank-reset') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 20));
    expect(current).toBe('off');
    expect(screen.queryByTestId('blank-active')).toBeNull();
    expect(asked).toEqual(['blank_frames', 'reproduce_blank_frame', 'host_settings', 'set_host_setting']);
  });
});
