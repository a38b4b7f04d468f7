import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import EmbedForm from './EmbedForm.svelte';
import { newForm } from './form';
import type { ProfileView, SignForm } from '../ipc';

afterEach(() => { cleanup(); clearMocks(); });

const view: ProfileView = {
  profile: { id: 'p1', name: 'Prod', scheme: 'sigma-classic', embed_path: 'https://h/embed/1-x', client_id: 'c', defaults: {}, demo: false, created_at: 0 },
  secret: { set: true, fingerprint: 'ab12cd34', warning: null },
};

describe('the form', () => {
  it('shows the core\'s validation messages for what is typed, re-checked on each change', async () => {
    const checked: SignForm[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== 'check_form') return undefined;
      const form = (args as { form: SignForm }).form;
      checked.push(form);
      return form.email.includes('@') ? [] : ['The email is not a full address like name@example.com; the vendor will refuse it.'];
    });
    const props = $state({ profile: view, form: newForm('sigma-classic'), fields: [], maxSessionLength: 36000, onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, props);
    await waitFor(() => expect(checked.length).toBeGreaterThan(0));
    expect(screen.getByTestId('issues').textContent).toBe('');
    await fireEvent.input(screen.getByTestId('email'), { target: { value: 'nobody' } });
    await waitFor(() => expect(screen.getByTestId('issues').textContent).toMatch(/not a full address/));
    expect(checked.at(-1)?.email).toBe('nobody');
    expect(props.form.email).toBe('nobody');
  });

  it('a custom account type and mode are free text behind "custom…"', async () => {
    mockIPC(() => []);
    const props = $state({ profile: view, form: newForm('sigma-classic'), fields: [], maxSessionLength: 36000, onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, props);
    await fireEvent.change(screen.getByTestId('account-type'), { target: { value: '__custom' } });
    await fireEvent.input(screen.getByTestId('custom-account-type'), { target: { value: 'Analyst' } });
    expect(props.form.account_type).toBe('Analyst');
    await fireEvent.change(screen.getByTestId('account-type'), { target: { value: '' } });
    expect(props.form.account_type).toBe('');
  });
});
