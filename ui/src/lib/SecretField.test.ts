import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import SecretField from './SecretField.svelte';
import type { ProfileView } from '../ipc';

const view: ProfileView = {
  profile: { id: 'p1', name: 'Prod', scheme: 'sigma-classic', embed_path: 'https://h/embed/x', client_id: 'c', defaults: {}, demo: false, created_at: 0 },
  secret: { set: false, fingerprint: null, warning: null },
};

afterEach(() => { cleanup(); clearMocks(); });

describe('the secret field', () => {
  it('sends the secret once and shows only the fingerprint and the whitespace warning', async () => {
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === 'set_secret') return { set: true, fingerprint: 'ba7816bf', warning: 'Leading or trailing whitespace was removed from the secret.' };
    });
    render(SecretField, { profile: view, onchange: () => {} });
    const input = screen.getByTestId('secret-input') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: ' abc ' } });
    await fireEvent.click(screen.getByTestId('save-secret'));
    expect(await screen.findByTestId('secret-message')).toHaveProperty('textContent', 'Leading or trailing whitespace was removed from the secret.');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject(['set_secret', { id: 'p1', secret: ' abc ' }]);
    expect(input.value).toBe('');
  });

  it('keeps what was typed when the keychain refuses, and says what to do', async () => {
    mockIPC(() => { throw { code: 'keychain-locked', message: 'the OS keychain is locked. Unlock your login keyring and try again; what you typed is kept.' }; });
    render(SecretField, { profile: view, onchange: () => {} });
    const input = screen.getByTestId('secret-input') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'typed-secret' } });
    await fireEvent.click(screen.getByTestId('save-secret'));
    expect((await screen.findByTestId('secret-message')).textContent).toMatch(/Unlock your login keyring/);
    expect(input.value).toBe('typed-secret');
  });
});
