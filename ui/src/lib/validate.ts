// Inline validation in plain words, as the user types. The signer accepts
// anything (to reproduce errors on purpose); these say what the vendor would refuse.
import type { Scheme, SignForm } from '../ipc';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validate(scheme: Scheme, form: SignForm, maxSessionLength = 36000): string[] {
  const issues: string[] = [];
  if (!EMAIL.test(form.email)) issues.push('The email is not a full address like name@example.com; the vendor will refuse it.');
  if (form.email.includes('+')) issues.push('A "+" in the email is fine here (it is escaped), but hand-built URLs often send it raw and it becomes a space.');
  const names = form.params.map(([name]) => name);
  if (names.includes(':first_name') !== names.includes(':last_name')) issues.push(':first_name and :last_name only work together.');
  if (names.includes(':hide_menu') && !names.includes(':menu_position')) issues.push(':hide_menu needs :menu_position.');
  if (names.includes(':lng_variant') && !names.includes(':lng')) issues.push(':lng_variant needs :lng.');
  if (scheme !== 'boldbi' && form.mode.trim() !== '' && form.mode.trim() !== 'userbacked' && scheme === 'sigma-classic') {
    issues.push('":mode" other than userbacked: Sigma answers "Invalid embed request."');
  }
  if (scheme === 'sigma-classic') {
    if (form.teams.length === 0) issues.push('Sigma needs at least one team.');
    if (form.session_length < 1) issues.push('The session length must be at least 1 second.');
    if (form.session_length > maxSessionLength) {
      issues.push(`Session length over ${maxSessionLength} s (the maximum in Settings): Sigma refuses it (":session_length" exceeds maximum).`);
    }
  }
  if (scheme === 'sigma-jwt' && form.session_length < 1) issues.push('The JWT lifetime must be at least 1 second (exp after iat).');
  if (scheme === 'sigma-jwt' && form.jwt_version !== '' && form.jwt_version !== '1.0' && form.jwt_version !== '1.1') issues.push('ver is "1.0" or "1.1".');
  if (scheme === 'sigma-jwt' && form.session_length > 2592000) issues.push('The JWT lifetime (exp - iat) is over 30 days (2592000 s); Sigma refuses it.');
  if (scheme === 'boldbi' && form.boldbi_timestamp && (form.session_length < 86400 || form.session_length > 518400)) {
    issues.push('Bold BI accepts an expiration time from 86400 to 518400 seconds (1 to 6 days).');
  }
  if (scheme === 'boldbi' && !form.boldbi_timestamp) {
    issues.push('Without embed_timestamp the URL never expires, and no embed_expirationtime is sent (it needs the timestamp).');
  }
  if (form.nonce.length > 255) issues.push('The nonce is over 255 characters; Sigma refuses it.');
  return issues;
}
