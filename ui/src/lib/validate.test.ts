import { describe, expect, it } from 'vitest';
import { schemeDefaults, validate } from './validate';
import type { SignForm } from '../ipc';

const form = (over: Partial<SignForm> = {}): SignForm => ({
  email: 'ann@example.com', external_user_id: 'ann-1', teams: ['Sales_Managers'], account_type: 'Creator', mode: '',
  session_length: 600, user_attributes: [], params: [], nonce: '', time: null, time_offset: 0,
  boldbi_timestamp: true, escape_signature: false, ...over,
});

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
    expect(validate('sigma-jwt', form({ session_length: 2592001 })).join()).toMatch(/30 days/);
    expect(validate('boldbi', form({ session_length: 600 })).join()).toMatch(/86400 to 518400/);
  });
  it('starts each scheme from values its vendor accepts', () => {
    for (const scheme of ['sigma-classic', 'sigma-jwt', 'boldbi'] as const) {
      const d = schemeDefaults(scheme);
      expect(validate(scheme, form({ session_length: d.session_length, params: d.params }))).toEqual([]);
    }
  });
});
