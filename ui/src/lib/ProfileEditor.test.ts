import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ProfileEditor from './ProfileEditor.svelte';

afterEach(() => { cleanup(); clearMocks(); });

describe('the profile editor', () => {
  it('keeps every field when the app refuses the profile, and says why', async () => {
    mockIPC(() => { throw { code: 'name-taken', message: 'a profile named "Prod" already exists. Choose another name.' }; });
    let savedCalls = 0;
    render(ProfileEditor, { editing: null, onsaved: () => { savedCalls++; }, ondeleted: () => {}, onclose: () => {} });
    await fireEvent.input(screen.getByTestId('pe-name'), { target: { value: 'Prod' } });
    await fireEvent.input(screen.getByTestId('pe-path'), { target: { value: 'https://app.sigmacomputing.com/embed/1-x' } });
    await fireEvent.input(screen.getByTestId('pe-client'), { target: { value: 'cid' } });
    await fireEvent.click(screen.getByTestId('pe-save'));
    expect((await screen.findByTestId('pe-error')).textContent).toMatch(/already exists/);
    expect((screen.getByTestId('pe-name') as HTMLInputElement).value).toBe('Prod');
    expect((screen.getByTestId('pe-path') as HTMLInputElement).value).toBe('https://app.sigmacomputing.com/embed/1-x');
    expect(savedCalls).toBe(0);
  });

  it('asks twice before deleting a profile', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => { calls.push(cmd); });
    const view = {
      profile: { id: 'p1', name: 'Prod', scheme: 'boldbi' as const, embed_path: 'https://h/bi/site/s/dashboards/1', client_id: '', defaults: {}, demo: false, created_at: 0 },
      secret: { set: false, fingerprint: null, warning: null },
    };
    let deleted = false;
    render(ProfileEditor, { editing: view, onsaved: () => {}, ondeleted: () => { deleted = true; }, onclose: () => {} });
    await fireEvent.click(screen.getByTestId('pe-delete'));
    expect(calls).toEqual([]);
    expect(screen.getByTestId('pe-delete').textContent).toMatch(/Really delete/);
    await fireEvent.click(screen.getByTestId('pe-delete'));
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['delete_profile']);
    expect(deleted).toBe(true);
  });

  it('asks what the chosen scheme needs, as its kit says: Looker has no client id', async () => {
    const inputs: unknown[] = [];
    mockIPC((cmd, args) => { inputs.push((args as { input: unknown }).input); throw { code: 'x', message: 'stop' }; });
    render(ProfileEditor, { editing: null, onsaved: () => {}, ondeleted: () => {}, onclose: () => {} });
    expect(screen.getByTestId('pe-client')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('pe-client'), { target: { value: 'typed-before-switching' } });
    await fireEvent.change(screen.getByTestId('pe-scheme'), { target: { value: 'looker' } });
    expect(screen.queryByTestId('pe-client')).toBeNull();
    expect(screen.getByLabelText(/Content URL/)).toBeTruthy();
    expect((screen.getByTestId('pe-path') as HTMLInputElement).placeholder).toMatch(/looker\.com\/embed\/dashboards/);
    await fireEvent.click(screen.getByTestId('pe-save'));
    expect(inputs[0]).toMatchObject({ scheme: 'looker', client_id: '' });
  });
});
