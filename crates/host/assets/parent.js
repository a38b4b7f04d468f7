// The preview parent page: frames the embed URL, lists every message it posts
// by its event name, and sends any of its vendor's inbound events to it.
const { src, inbound, outbound, loaded, posts_loaded: postsLoaded, text_messages: textMessages } = JSON.parse(document.getElementById('data').textContent);
// The host's tools token arrives in the fragment (never sent over the network,
// never visible to the framed embed): without it, events are shown here only.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const frame = document.getElementById('embed');
const status = document.getElementById('status');
const events = document.getElementById('events');
let settled = false;
function setStatus(text, kind) { status.textContent = text; status.className = kind || ''; }
function log(line) { events.textContent += new Date().toISOString().slice(11, 19) + '  ' + line + '\n'; events.scrollTop = events.scrollHeight; }
function eventName(data) {
  if (!data || typeof data.type !== 'string') return '(no type)';
  return outbound.includes(data.type) ? data.type : data.type + ' (not a documented embed event)';
}
// The app's main window reads what happened from the host (this page has no IPC).
function relay(origin, data, text) {
  if (!token) return;
  let body;
  try { body = JSON.stringify({ origin, data: data === undefined ? null : data }); }
  catch (e) { body = JSON.stringify({ origin, data: text }); }
  fetch('/__sandbox/events', { method: 'POST', headers: { 'content-type': 'application/json', 'x-embed-sandbox-token': token }, body }).catch(() => {});
}
window.addEventListener('message', (event) => {
  // Only what this page's own frame posted: nothing else is relayed.
  if (event.source !== frame.contentWindow) return;
  let text;
  try { text = JSON.stringify(event.data); } catch (e) { text = String(event.data); }
  // Looker posts JSON text, Sigma and Bold BI objects: both are read.
  let data = event.data || {};
  if (typeof data === 'string') { try { data = JSON.parse(data) || {}; } catch (e) { data = {}; } }
  log('← ' + eventName(data) + '  from ' + event.origin + '  ' + text);
  relay(event.origin, event.data, text);
  if (loaded.includes(data.type)) { settled = true; setStatus('embed loaded', 'ok'); }
  if (data.type === 'workbook:error') { settled = true; setStatus('embed error: ' + (data.message || data.code || 'unknown'), 'error'); }
  if (data.type === 'workbook:pageheight:onchange' && typeof data.pageHeight === 'number') { frame.style.height = data.pageHeight + 'px'; frame.style.flex = 'none'; }
});
let frameLoaded = false;
frame.addEventListener('load', () => {
  frameLoaded = true;
  // A vendor whose embeds post nothing: the load itself is all there is
  // (the app's Last load shows the host's verdict).
  if (!settled) setStatus(postsLoaded ? 'frame loaded (no embed event yet)' : 'frame loaded (this vendor\'s embeds post no events)');
  log('iframe load event (browsers fire it for a refused frame too)');
  // Told apart from the embed's own messages by its prefix.
  relay(location.origin, { type: 'embed-sandbox:frame-load' });
});
// A frame that stays silent is reported, not left "loading" forever.
setTimeout(() => {
  if (settled) return;
  setStatus(frameLoaded
    ? 'no embed event after 8 s: the frame was refused (X-Frame-Options, CSP frame-ancestors: browsers fire the load event for a refused frame too) or shows something that is not an embed that speaks (a vendor error or login page); the main window says which, and its embed doctor why'
    : 'blank frame: no load event and no embed event after 8 s; the frame is probably refused (X-Frame-Options, CSP frame-ancestors, an allowed-domains list) or the server cannot be reached; the main window says which, and its embed doctor why', 'error');
}, 8000);

log('loading ' + src);
if (!token) log('events are shown here only: this page was opened without the host\'s token, so it does not relay them to the app');
// The frame loads before the composer is drawn: nothing below can keep it blank.
frame.src = src;

// The composer: every inbound event of the embed's vendor with its
// documented payload, sent to the embed's origin (editable: a real embed
// only listens to its own).
const select = document.getElementById('event-type');
const note = document.getElementById('event-note');
const message = document.getElementById('event-body');
const target = document.getElementById('event-target');
const result = document.getElementById('send-result');
for (const event of inbound) {
  const option = document.createElement('option');
  option.value = event.type;
  option.textContent = event.type;
  select.appendChild(option);
}
function pick() {
  const event = inbound.find((e) => e.type === select.value) || inbound[0];
  // A vendor whose embeds take no events: nothing to send (the note says so).
  if (!event) { message.value = ''; note.textContent = ''; return; }
  message.value = event.example;
  note.textContent = event.note;
}
document.getElementById('send-form').querySelector('button').disabled = inbound.length === 0;
select.addEventListener('change', pick);
pick();
try { target.value = new URL(src).origin; } catch (e) { target.value = ''; }
document.getElementById('send-form').addEventListener('submit', (e) => {
  e.preventDefault();
  let msg;
  try { msg = JSON.parse(message.value); } catch (err) { result.textContent = 'Not JSON: ' + err.message; return; }
  // Looker reads its messages as JSON text; Sigma as objects.
  const sent = textMessages ? JSON.stringify(msg) : msg;
  try { frame.contentWindow.postMessage(sent, target.value || '*'); } catch (err) { result.textContent = 'Not sent: ' + err.message; return; }
  result.textContent = 'sent ' + (msg && msg.type) + ' to ' + (target.value || '*');
  log('→ ' + (msg && msg.type) + '  to ' + (target.value || '*') + '  ' + message.value);
});
