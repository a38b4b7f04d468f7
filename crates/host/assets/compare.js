// The compare page: two embeds side by side (two tiers of one user), each
// with its own load status; every posted message is relayed to the host
// like the parent page does, so the app's event log sees both.
const { frames } = JSON.parse(document.getElementById('data').textContent);
// The host's tools token, from the fragment (see parent.js).
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const panes = frames.map((spec, i) => {
  const frame = document.getElementById('embed-' + i);
  const status = document.getElementById('status-' + i);
  let settled = false;
  frame.addEventListener('load', () => { if (!settled) status.textContent = 'page loaded (no embed event yet)'; });
  frame.src = spec.src;
  return { frame, status, settle(text, kind) { settled = true; status.textContent = text; status.className = 'status ' + kind; } };
});
window.addEventListener('message', (event) => {
  const pane = panes.find((p) => event.source === p.frame.contentWindow);
  if (!pane) return;
  const data = event.data || {};
  if (data.type === 'workbook:loaded') pane.settle('embed loaded', 'ok');
  if (data.type === 'workbook:error') pane.settle('embed error: ' + (data.message || data.code || 'unknown'), 'error');
  let body;
  try { body = JSON.stringify({ origin: event.origin, data: event.data === undefined ? null : event.data }); }
  catch (e) { body = JSON.stringify({ origin: event.origin, data: String(event.data) }); }
  if (token) fetch('/__sandbox/events', { method: 'POST', headers: { 'content-type': 'application/json', 'x-embed-sandbox-token': token }, body }).catch(() => {});
});
