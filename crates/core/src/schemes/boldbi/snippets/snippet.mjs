// Builds a Bold BI embed URL with token authentication.
// Run: @SECRET_ENV@=... node embed-url.mjs
@PRELUDE@
// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (crypto.randomUUID() and Math.floor(Date.now() / 1000)).
@DATA@

let query = 'embed_nonce=' + enc(nonce) + '&embed_user_email=' + enc(email);
for (const [name, value] of options) query += '&' + enc(name, '=') + '=' + enc(value);
if (timestamp !== null) {
  query += '&embed_timestamp=' + timestamp;
  if (expiration !== null) query += '&embed_expirationtime=' + expiration;
}
// Only the query is signed, and the signature is standard Base64.
let signature = crypto.createHmac('sha256', secret).update(query, 'utf8').digest('base64');
// The vendor's sample appends it raw, so a '+' in it can arrive as a space; escaping avoids that.
if (escapeSignature) signature = signature.replace(/\+/g, '%2B').replace(/\//g, '%2F').replace(/=/g, '%3D');
console.log(dashboardUrl + '?' + query + '&embed_signature=' + signature);
