// Builds and signs a Sigma classic embed URL (:mode=userbacked), as Sigma's
// embed-api.js does. Run: @SECRET_ENV@=... node embed-url.mjs
@PRELUDE@
// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (crypto.randomUUID() and Math.floor(Date.now() / 1000)).
@DATA@

let url = embedPath + '?:nonce=' + enc(nonce) + '&:client_id=' + enc(clientId) + '&:email=' + enc(email)
  + '&:external_user_id=' + enc(externalUserId) + '&:external_user_team=' + list(teams);
if (accountType !== null) url += '&:account_type=' + enc(accountType);
url += '&:mode=' + enc(mode) + '&:session_length=' + sessionLength + '&:time=' + time;
for (const [name, values] of userAttributes) url += '&:ua_' + enc(name, '=') + '=' + list(values);
for (const [name, value] of params) url += '&' + enc(name, '=') + '=' + enc(value);
// The signature covers the whole URL so far and goes last.
url += '&:signature=' + crypto.createHmac('sha256', secret).update(url, 'utf8').digest('hex');
console.log(url);
