import { describe, expect, it } from 'vitest';
import { defaultsOf, formFor, newForm } from './form';
import type { ProfileView, SignForm } from '../ipc';

const form = (over: Partial<SignForm> = {}): SignForm => ({ ...newForm('sigma-classic'), params: [], user_attributes: [], ...over });

describe('profile defaults', () => {
  const view = (defaults: unknown): ProfileView => ({
    profile: { id: 'p', name: 'P', scheme: 'sigma-jwt', embed_path: 'https://h/o/workbook/w-1', client_id: 'c', defaults: defaults as never, demo: false, created_at: 0 },
    secret: { set: true, fingerprint: 'ab', warning: null },
  });
  it('load over the scheme defaults but never carry a nonce or a time', () => {
    const saved = { ...defaultsOf(form({ email: 'bob@example.com', nonce: 'n', time: 5, time_offset: 9 })), nonce: 'leaked', time: 7 };
    const loaded = formFor(view(saved));
    expect(loaded.email).toBe('bob@example.com');
    expect([loaded.nonce, loaded.time, loaded.time_offset]).toEqual(['', null, 0]);
    expect(defaultsOf(form({ nonce: 'n' }))).not.toHaveProperty('nonce');
  });
  it('ignore damaged defaults', () => {
    expect(formFor(view('garbage')).session_length).toBe(3600);
    expect(formFor(view(null)).email).toBe('ann@example.com');
  });
});
