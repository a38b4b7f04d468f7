// Independent implementation of Sigma's classic signed URL, for golden vectors.
//
// The signing lines are those of the vendor's sample `embed-api.js`
// (sigmacomputing/quickstarts-public, embedding_signed_url/signed_url): build
// "?:nonce=...&:client_id=...", concatenate with EMBED_PATH, HMAC-SHA256 with
// Buffer.from(EMBED_SECRET, 'utf8'), hex digest, append "&:signature=".
// The product's encoding rule (escape only what breaks the URL) is
// re-implemented here byte by byte, without sharing code with the Rust core.
//
// Usage: node scripts/vectors/sigma_classic.mjs > tests/vectors/sigma_classic.json
import crypto from 'node:crypto';

const KEEP_VALUE = /^[A-Za-z0-9\-._~!$'()*,;:@/?=]$/;
const KEEP_NAME = /^[A-Za-z0-9\-._~!$'()*,;:@/?]$/;
const KEEP_LIST_ELEMENT = /^[A-Za-z0-9\-._~!$'()*;:@/?=]$/;

function enc(text, keep) {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && keep.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
const list = (items) => items.map((i) => enc(i, KEEP_LIST_ELEMENT)).join(',');

function sign(c) {
  // Items 6 and 7 of embed-api.js, with the product's optional parts after :time.
  let searchParams = `?:nonce=${enc(c.nonce, KEEP_VALUE)}`;
  searchParams += `&:client_id=${enc(c.client_id, KEEP_VALUE)}`;
  searchParams += `&:email=${enc(c.email, KEEP_VALUE)}`;
  searchParams += `&:external_user_id=${enc(c.external_user_id, KEEP_VALUE)}`;
  searchParams += `&:external_user_team=${list(c.teams)}`;
  searchParams += `&:account_type=${enc(c.account_type, KEEP_VALUE)}`;
  searchParams += `&:mode=${enc(c.mode, KEEP_VALUE)}`;
  searchParams += `&:session_length=${c.session_length}`;
  searchParams += `&:time=${c.time}`;
  for (const [name, values] of c.user_attributes) searchParams += `&:ua_${enc(name, KEEP_NAME)}=${list(values)}`;
  for (const [name, value] of c.params) searchParams += `&${enc(name, KEEP_NAME)}=${enc(value, KEEP_VALUE)}`;
  const URL_WITH_SEARCH_PARAMS = c.embed_path + searchParams;
  const SIGNATURE = crypto
    .createHmac('sha256', Buffer.from(c.secret, 'utf8'))
    .update(Buffer.from(URL_WITH_SEARCH_PARAMS, 'utf8'))
    .digest('hex');
  return URL_WITH_SEARCH_PARAMS + '&:signature=' + SIGNATURE;
}

const base = {
  // A made-up test secret shaped like Sigma's (128 hex characters, used as UTF-8 text).
  secret: '0123456789abcdef'.repeat(8),
  embed_path: 'https://app.sigmacomputing.com/embed/1-2wDc2M6GqIrajkSwjkl0az',
  client_id: 'c0ffee00'.repeat(8),
  email: 'embed.user@example.com',
  external_user_id: 'embed.user@example.com',
  teams: ['Sales_Managers'],
  account_type: 'Creator',
  mode: 'userbacked',
  session_length: 600,
  time: 1700000000,
  nonce: '2b6f0cc9-4a3e-4c6b-9a52-5f1d6f7d1e10',
  user_attributes: [],
  params: [],
};

const cases = [
  { name: 'seed sample, required parameters only', ...base },
  { name: 'viewer on two teams with a user attribute', ...base, account_type: 'Viewer', teams: ['Sales_Managers', 'Sales_People'], user_attributes: [['Region', ['West', 'East']]] },
  { name: 'plus in the email is escaped', ...base, email: 'neil.coleman+embed@example.com', external_user_id: 'neil.coleman+embed@example.com' },
  { name: 'team names with space, ampersand, hash, percent and comma', ...base, teams: ['Team A', 'R&D #1', '100% Sales', 'North,South'] },
  { name: 'unicode values', ...base, email: 'zoë@example.com', teams: ['Zürich', '東京'], user_attributes: [['Ville', ['Genève', 'Montréal']]] },
  { name: 'interface parameters and a workbook control', ...base, params: [[':theme', 'Dark'], [':menu_position', 'bottom'], [':hide_folder_navigation', 'true'], ['Store-Region', 'West'], [':loading_text', 'Loading…']] },
  { name: 'a name with an equals sign', ...base, params: [['a=b', 'c=d']] },
  { name: 'custom account type and long session', ...base, account_type: 'Pro Analyst', session_length: 36000, time: 1760000000 },
  { name: 'utf-8 secret', ...base, secret: 'sécret-🔑' },
];

// URLs signed the way Sigma's *other* samples do (URLSearchParams encodes ':'
// as %3A; another order), to prove the verifier MACs received bytes.
function foreign(c) {
  const sp = new URLSearchParams();
  sp.set(':time', String(c.time));
  sp.set(':nonce', c.nonce);
  sp.set(':client_id', c.client_id);
  sp.set(':email', c.email);
  sp.set(':external_user_id', c.external_user_id);
  sp.set(':external_user_team', c.teams.join(','));
  sp.set(':account_type', c.account_type);
  sp.set(':mode', c.mode);
  sp.set(':session_length', String(c.session_length));
  const unsigned = `${c.embed_path}?${sp.toString()}`;
  const signature = crypto.createHmac('sha256', Buffer.from(c.secret, 'utf8')).update(Buffer.from(unsigned, 'utf8')).digest('hex');
  sp.set(':signature', signature);
  return `${c.embed_path}?${sp.toString()}`;
}

const vectors = cases.map((c) => ({ ...c, url: sign(c) }));
const foreign_vectors = [
  { name: 'URLSearchParams encoding (%3A names), reordered', secret: base.secret, url: foreign(base), now: base.time + 10 },
  { name: 'URLSearchParams with a plus in the email and two teams', secret: base.secret, url: foreign({ ...base, email: 'a+b@example.com', teams: ['Sales_Managers', 'Sales_People'] }), now: base.time + 10 },
];
process.stdout.write(JSON.stringify({ generator: 'scripts/vectors/sigma_classic.mjs (Node crypto, embed-api.js construction)', vectors, foreign_vectors }, null, 2) + '\n');
