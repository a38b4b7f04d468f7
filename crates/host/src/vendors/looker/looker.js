// The mock Looker content: tells the parent it is ready as Looker's embed
// does, with JSON text messages (not objects) of Looker's event types.
const { event, content } = JSON.parse(document.getElementById('data').textContent);
function post(message) { try { window.parent.postMessage(JSON.stringify(message), '*'); } catch (e) {} }
post({ type: 'page:properties:changed', height: document.documentElement.scrollHeight });
post(Object.assign({ type: event }, content));
