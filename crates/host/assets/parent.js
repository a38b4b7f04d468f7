// The preview parent page: frames the embed URL and lists every message it posts.
const { src } = JSON.parse(document.getElementById('data').textContent);
// The host's tools token arrives in the fragment (never sent over the network,
// never visible to the framed embed): without it, events are shown here only.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const frame = document.getElementById('embed');
const status = document.getElementById('status');
const events = document.getElementById('events');
let settled = false;
function setStatus(text, kind) { status.textContent = text; status.className = kind || ''; }
function log(line) { events.textContent += new Date().toISOString().slice(11, 19) + '  ' + line + '\n'; events.scrollTop = events.scrollHeight; }
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  let text;
  try { text = JSON.stringify(event.data); } catch (e) { text = String(event.data); }
  log(event.origin + '  ' + text);
  // The app's main window reads these from the host (this page has no IPC).
  let body;
  try { body = JSON.stringify({ origin: event.origin, data: event.data === undefined ? null : event.data }); }
  catch (e) { body = JSON.stringify({ origin: event.origin, data: text }); }
  if (token) fetch('/__sandbox/events', { method: 'POST', headers: { 'content-type': 'application/json', 'x-embed-sandbox-token': token }, body }).catch(() => {});
  const data = event.data || {};
  if (data.type === 'workbook:loaded') { settled = true; setStatus('embed loaded', 'ok'); }
  if (data.type === 'workbook:error') { settled = true; setStatus('embed error: ' + (data.message || data.code || 'unknown'), 'error'); }
  if (data.type === 'workbook:pageheight:onchange' && typeof data.pageHeight === 'number') { frame.style.height = data.pageHeight + 'px'; frame.style.flex = 'none'; }
});
frame.addEventListener('load', () => { if (!settled) setStatus('page loaded (no embed event yet)'); log('iframe load event'); });
log('loading ' + src);
if (!token) log('events are shown here only: this page was opened without the host\'s token, so it does not relay them to the app');
frame.src = src;
