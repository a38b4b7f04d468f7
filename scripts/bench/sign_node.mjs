// The Node half of scripts/bench/sign.sh: the vendor's embed-api.js signing
// lines (string building + crypto.createHmac + hex digest) on the same inputs
// as crates/core/examples/sign_throughput.rs. Prints `node <urls/s> <checksum>`.
import crypto from 'node:crypto';

const count = Number(process.argv[2] || 200000);
const EMBED_PATH = 'https://app.sigmacomputing.com/embed/1-2wDc2M6GqIrajkSwjkl0az';
const EMBED_SECRET = '0123456789abcdef'.repeat(8);
const CLIENT_ID = 'c0ffee00'.repeat(8);

// Nonces are made before the clock starts, as in the Rust half.
const nonces = Array.from({ length: count }, (_, i) => 'nonce-' + String(i).padStart(12, '0'));
let checksum = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < count; i++) {
  const nonce = nonces[i];
  let searchParams = `?:nonce=${nonce}`;
  searchParams += `&:client_id=${CLIENT_ID}`;
  searchParams += '&:email=embed.user@example.com';
  searchParams += '&:external_user_id=embed.user@example.com';
  searchParams += '&:external_user_team=Sales_Managers';
  searchParams += '&:account_type=Creator';
  searchParams += '&:mode=userbacked';
  searchParams += '&:session_length=600';
  searchParams += `&:time=${1700000000}`;
  const URL_WITH_SEARCH_PARAMS = EMBED_PATH + searchParams;
  const SIGNATURE = crypto
    .createHmac('sha256', Buffer.from(EMBED_SECRET, 'utf8'))
    .update(Buffer.from(URL_WITH_SEARCH_PARAMS, 'utf8'))
    .digest('hex');
  const url = URL_WITH_SEARCH_PARAMS + '&:signature=' + SIGNATURE;
  checksum += url.length;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`node ${(count / seconds).toFixed(0)} ${checksum}`);
