import { describe, expect, it } from 'vitest';
import { validate } from './validate';
import { defaultsOf, formFor, newForm } from './form';
import type { ProfileView, SignForm } from '../ipc';

const form = (over: Partial<SignForm> = {}): SignForm => ({ ...newForm('sigma-classic'), params: [], user_attributes: [], ...over });

describe('inline validation', () => {
  it('accepts a good Sigma form', () => {
    expect(validate('sigma-classic', form())).toEqual([]);
  });
  it('says what the vendor would refuse, in plain words', () => {
    expect(validate('sigma-classic', form({ email: 'nobody' }))[0]).toMatch(/not a full address/);
    expect(validate('sigma-classic', form({ teams: [] }))).toContain('Sigma needs at least one team.');
    expect(validate('sigma-classic', form({ session_length: 40000 })).join()).toMatch(/exceeds maximum/);
    expect(validate('sigma-classic', form({ params: [[':first_name', 'Ann']] })).join()).toMatch(/only work together/);
    expect(validate('sigma-classic', form({ params: [[':hide_menu', 'true']] })).join()).toMatch(/needs :menu_position/);
    expect(validate('sigma-classic', form({ params: [[':lng_variant', 'GB']] })).join()).toMatch(/needs :lng/);
    expect(validate('sigma-classic', form({ mode: 'view' })).join()).toMatch(/Invalid embed request/);
    expect(validate('sigma-jwt', form({ session_length: 2592001 })).join()).toMatch(/30 days/);
    expect(validate('boldbi', form({ session_length: 600 })).join()).toMatch(/86400 to 518400/);
    expect(validate('boldbi', form({ session_length: 86400, boldbi_timestamp: false })).join()).toMatch(/needs the timestamp/);
  });
  it('uses the maximum session length from the settings', () => {
    expect(validate('sigma-classic', form({ session_length: 4000 }), 3600).join()).toMatch(/over 3600 s/);
    expect(validate('sigma-classic', form({ session_length: 4000 }), 36000)).toEqual([]);
  });
  it('starts each scheme from values its vendor accepts', () => {
    for (const scheme of ['sigma-classic', 'sigma-jwt', 'boldbi'] as const) {
      expect(validate(scheme, newForm(scheme))).toEqual([]);
    }
  });
});

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
