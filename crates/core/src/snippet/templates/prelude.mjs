import crypto from 'node:crypto';

// The secret comes from the environment: never write it into code.
const secret = process.env.@SECRET_ENV@;
if (!secret) {
  console.error('Set @SECRET_ENV@ to the embed secret.');
  process.exit(2);
}

@ENCODE@
// Percent-encodes (uppercase hex) only the bytes that would break the URL:
// controls, non-ASCII, space and "#%&+<>[\]^`{|}, plus `extra`.
const ALWAYS = ' "#%&+<>[\\]^`{|}';
function enc(text, extra = '') {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    const escape = byte < 0x20 || byte >= 0x7f || ALWAYS.includes(char) || extra.includes(char);
    out += escape ? '%' + byte.toString(16).toUpperCase().padStart(2, '0') : char;
  }
  return out;
}
// A comma-separated list: commas inside an element are escaped, the separators are not.
const list = (items) => items.map((item) => enc(item, ',')).join(',');
@END_ENCODE@
