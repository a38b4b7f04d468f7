import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import LastLoad from './LastLoad.svelte';
import type { LoadView } from '../ipc';

afterEach(() => { cleanup(); clearMocks(); });

const view = (status: Partial<LoadView['status']>): LoadView => ({
  url: 'http://127.0.0.1:1/embed/x?:nonce=n&:signature=s',
  events: [],
  parent: 'http://127.0.0.1:1/__sandbox/parent?src=http%3A%2F%2F127.0.0.1%3A1%2Fembed%2Fx',
  status: { tone: 'neutral', pill: '', headline: '', fix: null, local_check: 'Local check: …', spent: false, expired: false, settled: true, doctor: false, ...status },
});

describe('the last-load panel', () => {
  it('offers the doctor on a blank frame, with the parent page and the URL loaded', async () => {
    mockIPC(() => view({ tone: 'warn', pill: 'Blank frame', headline: 'No load event.', fix: 'Run the doctor.', doctor: true }));
    const asked: [string, string][] = [];
    render(LastLoad, { profileId: 'p', tick: 0, ondoctor: (parent: string, url: string) => asked.push([parent, url]) });
    (await screen.findByTestId('load-doctor')).click();
    expect(asked).toEqual([[view({}).parent, view({}).url]]);
    cleanup(); clearMocks();
    mockIPC(() => view({ tone: 'bad', pill: 'Refused 403', headline: 'Refused.', fix: 'Check the team.' }));
    render(LastLoad, { profileId: 'p', tick: 0, ondoctor: () => undefined });
    await screen.findByTestId('load-fix');
    expect(screen.queryByTestId('load-doctor')).toBeNull();
  });

  it('shows the profile asked for, and nothing when it was never loaded', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => { asked.push([cmd, args]); return null; });
    render(LastLoad, { profileId: 'bold', tick: 0 });
    expect((await screen.findByTestId('load-none')).textContent).toMatch(/Not loaded yet with this profile/);
    expect(asked).toEqual([['load_status', { id: 'bold' }]]);
  });

  it('renders each state with its tone, its fix, and says the loaded URL is spent', async () => {
    for (const [status, tone] of [
      [{ tone: 'good', pill: 'Accepted 200', headline: 'The local host accepted it.', spent: true }, 'good'],
      [{ tone: 'bad', pill: 'Refused 403 unknown-team', headline: 'The local host refused it.', fix: 'Check the team.', spent: true }, 'bad'],
      [{ tone: 'bad', pill: 'Not loaded: no connection', headline: 'Nothing accepts connections.', fix: 'Check the port.' }, 'bad'],
      [{ tone: 'warn', pill: 'Blank frame', headline: 'No load event.', fix: 'Run the doctor.' }, 'warn'],
    ] as const) {
      mockIPC(() => view(status));
      render(LastLoad, { profileId: 'p', tick: 0 });
      const pill = await screen.findByTestId('load-pill');
      expect(pill.textContent).toBe(status.pill);
      expect(pill.className).toContain(tone);
      expect(screen.getByTestId('load-headline').textContent).toBe(status.headline);
      if ('fix' in status) expect(screen.getByTestId('load-fix').textContent).toContain(status.fix);
      expect(screen.queryByTestId('load-spent') !== null).toBe('spent' in status && status.spent === true);
      cleanup();
      clearMocks();
    }
  });

  it('keeps polling while the load is not settled', async () => {
    let calls = 0;
    mockIPC(() => { calls += 1; return calls < 3 ? view({ tone: 'pending', pill: 'Loading', headline: 'Loading… (1 s)', settled: false }) : view({ tone: 'good', pill: 'Accepted 200', headline: 'ok' }); });
    render(LastLoad, { profileId: 'p', tick: 0 });
    await screen.findByText('Accepted 200', {}, { timeout: 4000 });
    expect(calls).toBe(3);
  });
});
