// Builds a Mode white-label embed URL: the parameters sorted by name, the
// timestamp last, signed with a lower-case hex HMAC-SHA256 of
// GET,,<Base64 MD5 of the empty body>,<URL>,<timestamp>.
// Run: @SECRET_ENV@=... node embed-url.mjs
@PRELUDE@
// The values this URL was signed with. The timestamp ages out:
// in production take the current time for every URL (Math.floor(Date.now() / 1000)).
@DATA@

const pairs = [['access_key', accessKey]];
if (maxAge !== null) pairs.push(['max_age', String(maxAge)]);
pairs.push(...params);
// By name, byte for byte (UTF-8).
pairs.sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
const query = pairs.map(([name, value]) => encodeURIComponent(name) + '=' + encodeURIComponent(value) + '&').join('');
const url = `${reportUrl}?${query}timestamp=${timestamp}`;
const emptyBodyMd5 = crypto.createHash('md5').update('').digest('base64');
const request = ['GET', '', emptyBodyMd5, url, String(timestamp)].join(',');
const signature = crypto.createHmac('sha256', secret).update(request, 'utf8').digest('hex');
console.log(`${url}&signature=${signature}`);
