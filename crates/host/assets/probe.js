// The IPC probe: tries every route it can find into a Tauri app from this
// page and reports each outcome, in the page and to the parent. Loaded in
// the app's preview, none of them may answer.
const results = {};
const out = document.getElementById('results');
function report(route, outcome) {
  results[route] = outcome;
  const line = document.createElement('li');
  line.dataset.route = route;
  line.textContent = route + ': ' + outcome;
  out.appendChild(line);
}
function settle(route, attempt) {
  try {
    Promise.resolve(attempt())
      .then((value) => report(route, 'ANSWERED ' + JSON.stringify(value).slice(0, 200)))
      .catch((error) => report(route, 'refused: ' + String(error).slice(0, 200)));
  } catch (error) {
    report(route, 'unavailable: ' + String(error).slice(0, 200));
  }
}
const internals = window.__TAURI_INTERNALS__;
settle('__TAURI_INTERNALS__.invoke', () => internals.invoke('app_info'));
settle('__TAURI__.core.invoke', () => window.__TAURI__.core.invoke('app_info'));
settle('fetch ipc://localhost', () => fetch('ipc://localhost/app_info', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Tauri-Callback': '1', 'Tauri-Error': '2' } }).then((r) => r.status === 200 ? r.text() : Promise.reject(new Error('status ' + r.status))));
settle('fetch http://ipc.localhost', () => fetch('http://ipc.localhost/app_info', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Tauri-Callback': '1', 'Tauri-Error': '2' } }).then((r) => r.status === 200 ? r.text() : Promise.reject(new Error('status ' + r.status))));
settle('webkit.messageHandlers.ipc', () => { window.webkit.messageHandlers.ipc.postMessage(JSON.stringify({ cmd: 'app_info', callback: 1, error: 2, payload: {} })); return new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000)); });
settle('window.ipc.postMessage', () => { window.ipc.postMessage(JSON.stringify({ cmd: 'app_info' })); return new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000)); });
setTimeout(() => {
  document.body.dataset.done = 'true';
  try { window.parent.postMessage({ type: 'probe:results', results }, '*'); } catch (e) { /* no parent */ }
}, 2500);
