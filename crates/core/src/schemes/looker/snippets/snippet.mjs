// Builds a Looker signed embed URL the way Looker's node_example.js does
// (every value JSON text, escaped with encodeURIComponent).
// Run: @SECRET_ENV@=... node embed-url.mjs
@PRELUDE@
// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (crypto.randomUUID() and Math.floor(Date.now() / 1000)).
@DATA@

// The host line is host[:port] without the scheme.
const [scheme, hostLine] = host.includes('://') ? host.split('://') : ['https', host];
const hostOnly = hostLine.replace(/\/+$/, '');
const path = '/login/embed/' + encodeURIComponent(embedUrl);
const params = [
  ['nonce', JSON.stringify(nonce)],
  ['time', JSON.stringify(time)],
  ['session_length', JSON.stringify(sessionLength)],
  ['external_user_id', JSON.stringify(externalUserId)],
  ['permissions', JSON.stringify(permissions)],
  ['models', JSON.stringify(models)],
];
// Group ids, the external group id and user attributes are sent, and signed, only when present.
if (groupIds.length) params.push(['group_ids', JSON.stringify(groupIds)]);
if (externalGroupId !== null) params.push(['external_group_id', JSON.stringify(externalGroupId)]);
if (userAttributes.length) params.push(['user_attributes', JSON.stringify(Object.fromEntries(userAttributes))]);
// access_filters is deprecated but always signed: {} when unused.
params.push(['access_filters', JSON.stringify(JSON.parse(accessFilters))]);
const signed = params.map(([, value]) => value);
// Not signed.
if (firstName !== null) params.push(['first_name', JSON.stringify(firstName)]);
if (lastName !== null) params.push(['last_name', JSON.stringify(lastName)]);
if (userTimezone !== null) params.push(['user_timezone', JSON.stringify(userTimezone)]);
if (forceLogoutLogin !== null) params.push(['force_logout_login', JSON.stringify(forceLogoutLogin)]);
const stringToSign = [hostOnly, path, ...signed].join('\n');
const signature = crypto.createHmac(algorithm, secret).update(stringToSign, 'utf8').digest('base64');
const query = params.map(([name, value]) => name + '=' + encodeURIComponent(value)).join('&');
console.log(`${scheme}://${hostOnly}${path}?${query}&signature=${encodeURIComponent(signature)}`);
