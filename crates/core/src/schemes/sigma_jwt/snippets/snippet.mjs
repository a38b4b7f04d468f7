// Builds a Sigma JWT embed URL (HS256, kid = client id).
// Run: @SECRET_ENV@=... node embed-url.mjs
@PRELUDE@
// The values this URL was signed with. The nonce and the time are single-use:
// in production make them fresh for every URL (crypto.randomUUID() and Math.floor(Date.now() / 1000)).
@DATA@

const b64url = (text) => Buffer.from(text, 'utf8').toString('base64url');
// Claim order matters only for reproducing this exact token; Sigma reads any order.
const header = { typ: 'JWT', alg: 'HS256', kid: clientId };
const claims = { sub: email, jti, iat, exp: iat + ttl };
if (issuer !== null) claims.iss = issuer;
if (version !== null) claims.ver = version;
if (version === '1.1') claims.aud = 'sigmacomputing';
if (accountType !== null) claims.account_type = accountType;
if (teams.length > 0) claims.teams = teams;
if (userAttributes.length > 0) claims.user_attributes = Object.fromEntries(userAttributes);
if (evalConnectionId !== null) claims.eval_connection_id = evalConnectionId;
if (firstName !== null) claims.first_name = firstName;
if (lastName !== null) claims.last_name = lastName;
const unsigned = b64url(JSON.stringify(header)) + '.' + b64url(JSON.stringify(claims));
const token = unsigned + '.' + crypto.createHmac('sha256', secret).update(unsigned, 'utf8').digest('base64url');
let url = workbookUrl + '?:jwt=' + enc(token) + '&:embed=true';
// Interface parameters ride unsigned beside the token.
for (const [name, value] of params) url += '&' + enc(name, '=') + '=' + enc(value);
console.log(url);
