import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import TokenEndpoint from './TokenEndpoint.svelte';
import { cookiePairs, emptyTokenEndpointInput } from './tokenEndpoint';
import type { ProfileView, TokenEndpointReport } from '../ipc';

afterEach(() => { cleanup(); clearMocks(); });

const bold = { profile: { id: 'b1', name: 'Bold demo', scheme: 'boldbi' }, secret: { set: true } } as unknown as ProfileView;
const sigma = { profile: { id: 's1', name: 'Sigma demo', scheme: 'sigma-classic' }, secret: { set: true } } as unknown as ProfileView;

const REPORT: TokenEndpointReport = {
  format: 'embed-sandbox.token-endpoint.v1',
  endpoint: 'http://localhost:3000/authorize',
  entity: 'd-42',
  checks: [
    { id: 'session-required', status: 'pass', evidence: 'without the cookie: HTTP 401', explanation: 'Refused.', fix: '' },
    { id: 'entity-checked', status: 'fail', evidence: 'embed_dashboard_id=d-42-not-on-this-page was signed', explanation: 'Signs any dashboard.', fix: 'Check the id.' },
  ],
};

describe('the token endpoint check', () => {
  it('sends the profile, the endpoint, the dashboard and the cookies, and shows each check', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => { asked.push([cmd, args]); return REPORT; });
    const input = $state({ ...emptyTokenEndpointInput(), url: 'http://localhost:3000/authorize', entity: 'd-42', cookies: 'sid=abc=def\n\n theme = dark ' });
    render(TokenEndpoint, { input, profile: bold });
    (screen.getByTestId('token-run') as HTMLButtonElement).click();
    const fail = await screen.findByText('Signs any dashboard.');
    expect(asked).toEqual([['token_endpoint', { id: 'b1', url: 'http://localhost:3000/authorize', entity: 'd-42', cookies: [['sid', 'abc=def'], ['theme', ' dark']] }]]);
    expect(fail.closest('tr')?.getAttribute('data-status')).toBe('fail');
    expect(screen.getByTestId('token-summary').textContent).toMatch(/1 fail.*0 warn.*1 pass/s);
  });

  it('says what is missing and never runs for another scheme', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd) => { asked.push(cmd); return REPORT; });
    const input = $state(emptyTokenEndpointInput());
    render(TokenEndpoint, { input, profile: sigma });
    expect(screen.getByTestId('token-not-applicable').textContent).toContain('Sigma demo');
    expect((screen.getByTestId('token-run') as HTMLButtonElement).disabled).toBe(true);
    expect(asked).toEqual([]);
  });

  it('names a cookie line that is not NAME=VALUE by its name only', () => {
    expect(cookiePairs('sid=1\nbroken')).toMatch(/"broken" is not NAME=VALUE/);
    expect(cookiePairs('=secretvalue')).not.toMatch(/secretvalue/);
  });
});
