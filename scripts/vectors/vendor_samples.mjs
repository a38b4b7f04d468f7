// URLs built the way Sigma's own Node samples build them, for golden vectors.
//
// Independent of the Rust core (Node's crypto and URLSearchParams only):
// - embed-signing-packages node/signing.js: the order :nonce, :email,
//   :external_user_id, :client_id, :time, :session_length, :mode,
//   :external_user_team; URLSearchParams encoding (':' as %3A, '@' as %40,
//   space as '+', ',' as %2C); :mode=view and no :account_type; the
//   signature appended raw as "&:signature=".
// - embed-sdk docs utils.ts: object order, URLSearchParams, the signature
//   appended through URLSearchParams as "&%3Asignature=", a current
//   account type (Analyze).
//
// Usage: node scripts/vectors/vendor_samples.mjs > tests/vectors/vendor_samples_node.json
import crypto from 'node:crypto';

const secret = '0123456789abcdef'.repeat(8);
const embedPath = 'https://app.sigmacomputing.com/embed/1-2wDc2M6GqIrajkSwjkl0az';
const time = 1795314028;
const hmacHex = (text) => crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(text, 'utf8')).digest('hex');

function signingPackageNode() {
  const params = new URLSearchParams();
  params.append(':nonce', '9c1e7f3a-2b4d-4e6f-8a0b-1c2d3e4f5a6b');
  params.append(':email', 'ann.lee@example.com');
  params.append(':external_user_id', 'ann-lee-1');
  params.append(':client_id', 'c0ffee00'.repeat(8));
  params.append(':time', String(time));
  params.append(':session_length', '3600');
  params.append(':mode', 'view');
  params.append(':external_user_team', 'Sales_Managers,Sales People');
  const unsigned = `${embedPath}?${params.toString()}`;
  return `${unsigned}&:signature=${hmacHex(unsigned)}`;
}

function embedSdkUtils() {
  const params = new URLSearchParams({
    ':nonce': '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    ':client_id': 'c0ffee00'.repeat(8),
    ':email': 'ann.lee+embed@example.com',
    ':external_user_id': 'ann-lee-1',
    ':external_user_team': 'Sales_Managers',
    ':account_type': 'Analyze',
    ':mode': 'userbacked',
    ':session_length': '3600',
    ':time': String(time),
  });
  const unsigned = `${embedPath}?${params.toString()}`;
  params.append(':signature', hmacHex(unsigned));
  return `${embedPath}?${params.toString()}`;
}

const vectors = [
  {
    name: 'Sigma Node signing package: :mode=view, no :account_type, URLSearchParams with %2C and +',
    scheme: 'sigma-classic', secret, url: signingPackageNode(), now: time + 60,
    hazards: ['legacy-mode'], not_hazards: ['unknown-parameter', 'out-of-range', 'missing-required'],
    strict_setting: 'sigma-refuse-legacy-modes', teams: ['Sales_Managers', 'Sales People'],
  },
  {
    name: 'Sigma embed-sdk utils.ts: URLSearchParams, &%3Asignature=, a current account type',
    scheme: 'sigma-classic', secret, url: embedSdkUtils(), now: time + 60,
    hazards: [], not_hazards: ['unknown-parameter', 'out-of-range', 'raw-plus'],
  },
];
process.stdout.write(JSON.stringify({ generator: 'scripts/vectors/vendor_samples.mjs (Node crypto, URLSearchParams)', vectors }, null, 2) + '\n');
