import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import Doctor from './Doctor.svelte';
import { emptyDoctorInput } from './doctor';
import type { DoctorReport } from '../ipc';

afterEach(() => { cleanup(); clearMocks(); });

const REPORT: DoctorReport = {
  format: 'embed-sandbox.doctor.v1',
  parent: { url: 'http://localhost:3000/', file: null, origin: 'http://localhost:3000' },
  embed: { url: 'http://127.0.0.1:9/embed/x?:nonce=…', origin: 'http://127.0.0.1:9', probe: 'http://127.0.0.1:9/embed/x', status: 403 },
  checks: [
    { id: 'reach', status: 'pass', evidence: 'GET http://127.0.0.1:9/embed/x → 403', explanation: 'Asked the origin.', fix: '' },
    { id: 'x-frame-options', status: 'fail', evidence: 'X-Frame-Options: DENY', explanation: 'No page may frame it.', fix: 'Drop the header.' },
  ],
};

describe('the embed doctor tab', () => {
  it('sends the parent URL and the embed, then shows each check with its evidence and fix', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => { asked.push([cmd, args]); return REPORT; });
    const input = $state({ ...emptyDoctorInput(), parentUrl: ' http://localhost:3000/ ', embed: 'http://127.0.0.1:9/embed/x?:nonce=n&:signature=s' });
    render(Doctor, { input });
    (screen.getByTestId('doctor-run') as HTMLButtonElement).click();
    const fail = await screen.findByText('X-Frame-Options: DENY');
    expect(asked).toEqual([['doctor', { parent: { kind: 'url', value: 'http://localhost:3000/' }, embed: input.embed }]]);
    expect(fail.closest('tr')?.getAttribute('data-status')).toBe('fail');
    expect(fail.closest('tr')?.textContent).toContain('Fix: Drop the header.');
    expect(screen.getByTestId('doctor-summary').textContent).toMatch(/1 fail.*0 warn.*1 pass/s);
    expect(screen.getByTestId('doctor-summary').textContent).toContain('the doctor never loads a signed URL');
    expect(input.report).toEqual(REPORT);
  });

  it('reads saved HTML with its origin, and names what is missing instead of calling', async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => { asked.push([cmd, args]); return REPORT; });
    const input = $state({ ...emptyDoctorInput(), embed: 'https://bi.example.com/embed/1' });
    render(Doctor, { input });
    (screen.getByTestId('doctor-run') as HTMLButtonElement).click();
    expect((await screen.findByTestId('doctor-error')).textContent).toMatch(/parent page's URL/);
    (screen.getByTestId('doctor-mode-html') as HTMLInputElement).click();
    flushSync();
    await fireEvent.input(screen.getByTestId('doctor-html'), { target: { value: '<iframe src="https://bi.example.com/embed/1"></iframe>' } });
    await fireEvent.input(screen.getByTestId('doctor-origin'), { target: { value: 'https://app.example.com' } });
    // Ctrl+Enter runs too.
    await fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('doctor-report');
    expect(asked).toEqual([['doctor', { parent: { kind: 'html', value: { file: 'pasted HTML', html: '<iframe src="https://bi.example.com/embed/1"></iframe>', origin: 'https://app.example.com' } }, embed: 'https://bi.example.com/embed/1' }]]);
  });

  it('says why a run failed, and runs at once when opened from a blank load', async () => {
    mockIPC(() => { throw { code: 'network', message: 'could not load http://localhost:3000: could not connect. Check the host is running.' }; });
    const input = $state({ ...emptyDoctorInput(), parentUrl: 'http://localhost:3000/', embed: 'http://127.0.0.1:9/embed/x' });
    render(Doctor, { input, run: 1 });
    expect((await screen.findByTestId('doctor-error')).textContent).toContain('could not connect');
  });
});
