import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import EmbedForm from './EmbedForm.svelte';
import { newForm } from './form';
import { kitOf } from './kits';
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
    const props = $state({ profile: view, kit: kitOf('sigma-classic'), form: newForm('sigma-classic'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
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
    const props = $state({ profile: view, kit: kitOf('sigma-classic'), form: newForm('sigma-classic'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, props);
    await fireEvent.change(screen.getByTestId('account-type'), { target: { value: '__custom' } });
    await fireEvent.input(screen.getByTestId('custom-account-type'), { target: { value: 'Analyst' } });
    expect(props.form.account_type).toBe('Analyst');
    await fireEvent.change(screen.getByTestId('account-type'), { target: { value: '' } });
    expect(props.form.account_type).toBe('');
  });

  it('draws a Looker form from the core\'s kit: chips, whole-number group ids, an optional yes/no', async () => {
    mockIPC(() => []);
    const looker: ProfileView = { ...view, profile: { ...view.profile, scheme: 'looker', embed_path: 'https://h/embed/dashboards/1', client_id: '' } };
    const props = $state({ profile: looker, kit: kitOf('looker'), form: newForm('looker'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, props);
    // No Sigma control, and no free interface rows: every Looker parameter has its control.
    expect(screen.queryByTestId('account-type')).toBeNull();
    expect(screen.queryByTestId('email')).toBeNull();
    expect(screen.getAllByTestId('permission-chip').map((c) => c.textContent?.replace('×', ''))).toEqual(['access_data', 'see_user_dashboards', 'see_looks']);
    const permission = screen.getByTestId('permission-input');
    await fireEvent.input(permission, { target: { value: 'explore' } });
    await fireEvent.keyDown(permission, { key: 'Enter' });
    expect(props.form.permissions).toContain('explore');
    const group = screen.getByTestId('group-id-input');
    await fireEvent.input(group, { target: { value: 'four' } });
    await fireEvent.keyDown(group, { key: 'Enter' });
    expect(props.form.group_ids).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/whole number/);
    await fireEvent.input(group, { target: { value: '4' } });
    await fireEvent.keyDown(group, { key: 'Enter' });
    expect(props.form.group_ids).toEqual([4]);
    await fireEvent.change(screen.getByTestId('force-logout-login'), { target: { value: 'false' } });
    expect(props.form.force_logout_login).toBe(false);
    await fireEvent.change(screen.getByTestId('force-logout-login'), { target: { value: '' } });
    expect(props.form.force_logout_login).toBeNull();
    await fireEvent.change(screen.getByTestId('algorithm'), { target: { value: 'sha256' } });
    expect(props.form.algorithm).toBe('sha256');
    await fireEvent.input(screen.getByTestId('access-filters'), { target: { value: '{"a":{"b":"c"}}' } });
    expect(props.form.access_filters).toBe('{"a":{"b":"c"}}');
  });

  it('a Bold BI expiration applies only while embed_timestamp is sent', async () => {
    mockIPC(() => []);
    const bold: ProfileView = { ...view, profile: { ...view.profile, scheme: 'boldbi', client_id: '' } };
    const props = $state({ profile: bold, kit: kitOf('boldbi'), form: newForm('boldbi'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, props);
    const expiration = screen.getByTestId('session-length') as HTMLInputElement;
    expect(expiration.disabled).toBe(false);
    await fireEvent.click(screen.getByTestId('boldbi-timestamp'));
    expect(props.form.sign_time).toBe(false);
    expect(expiration.disabled).toBe(true);
  });
  it('asks for a nonce only when the scheme has one', async () => {
    mockIPC(() => []);
    const kit = kitOf('sigma-classic');
    const withNonce = $state({ profile: view, kit, form: newForm('sigma-classic'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, withNonce);
    expect(screen.getByTestId('nonce-and-time').textContent).toBe('Nonce and time');
    expect(screen.queryByTestId('nonce')).not.toBeNull();
    cleanup();
    const reusable = { ...kit, capabilities: { ...kit.capabilities, nonce: null, single_use: false } };
    const withoutNonce = $state({ profile: view, kit: reusable, form: newForm('sigma-classic'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, withoutNonce);
    expect(screen.getByTestId('nonce-and-time').textContent).toBe('Time');
    expect(screen.queryByTestId('nonce')).toBeNull();
    expect(screen.queryByTestId('time')).not.toBeNull();
  });

  it('edits a field a scheme declares for itself, sent beside the shared ones', async () => {
    const checked: SignForm[] = [];
    mockIPC((cmd, args) => { if (cmd === 'check_form') checked.push((args as { form: SignForm }).form); return []; });
    const base = kitOf('sigma-classic');
    const kit = { ...base, sections: [{ title: 'Access', folded: false, inputs: [{ key: 'region_code', label: 'Region code', help: null, control: { kind: 'text' as const, placeholder: 'EU' }, test_id: 'region-code', enabled_by: null }] }] };
    const props = $state({ profile: view, kit, form: newForm('sigma-classic'), policy: [], onsecretchange: () => {}, onsavedefaults: () => {} });
    render(EmbedForm, props);
    await fireEvent.input(screen.getByTestId('region-code'), { target: { value: 'EU-West' } });
    await waitFor(() => expect((checked.at(-1) as unknown as Record<string, unknown>)?.region_code).toBe('EU-West'));
  });
});
