// Builds a Metabase static embed URL: an HS256 JWT over the resource, the
// locked parameters and exp, under the embedding secret as text, in
// /embed/<resource>/<token>#<appearance>. With the jsonwebtoken package,
// jwt.sign(payload, secret, { noTimestamp: true }) gives this same token.
// Run: @SECRET_ENV@=... node embed-url.mjs
@PRELUDE@
// The values this URL was signed with. The token expires:
// in production take the current time for every URL (Math.floor(Date.now() / 1000)).
@DATA@

const b64url = (data) => Buffer.from(data).toString('base64url');
// A numeric id is a number in the token; an entity id a string.
const resourceId = /^(0|[1-9][0-9]*)$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
const payload = {
  resource: { [resource]: resourceId },
  params: Object.fromEntries(params.map(([slug, value]) => [slug, JSON.parse(value)])),
};
const exp = expAt !== null ? expAt : ttl !== null ? time + ttl : null;
if (exp !== null) payload.exp = exp;
const signingInput = b64url('{"alg":"HS256","typ":"JWT"}') + '.' + b64url(JSON.stringify(payload));
const signature = crypto.createHmac('sha256', secret).update(signingInput).digest('base64url');
const hash = appearance.map(([key, value]) => `${key}=${value}`).join('&');
console.log(`${siteUrl.replace(/\/+$/, '')}/embed/${resource}/${signingInput}.${signature}${hash ? '#' + hash : ''}`);
