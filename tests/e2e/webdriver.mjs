// A minimal W3C WebDriver client over fetch (no dependencies), for
// tauri-driver in front of WebKitWebDriver.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Session {
  constructor(base, id) { this.base = base; this.id = id; }

  static async start(base, application) {
    const body = { capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application } } } };
    const response = await call(base, 'POST', '/session', body);
    return new Session(base, response.sessionId);
  }

  cmd(method, path, body) { return call(this.base, method, `/session/${this.id}${path}`, body); }

  async find(css, timeoutMs = 15000, pollMs = 200) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const found = await this.cmd('POST', '/element', { using: 'css selector', value: css });
        return found[ELEMENT];
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no element ${css}: ${error.message}`);
        await new Promise((r) => setTimeout(r, pollMs));
      }
    }
  }

  /** The element's text; a live view may re-render it between finding and
   * reading (a stale element), so it is found again a few times. */
  async text(css, timeoutMs) {
    for (let attempt = 0; ; attempt++) {
      try { return await this.cmd('GET', `/element/${await this.find(css, timeoutMs)}/text`); } catch (error) {
        if (attempt >= 4 || !/stale element/.test(error.message)) throw error;
      }
    }
  }
  async click(css) { return this.cmd('POST', `/element/${await this.find(css)}/click`, {}); }
  async type(css, text) { return this.cmd('POST', `/element/${await this.find(css)}/value`, { text }); }
  async clear(css) { return this.cmd('POST', `/element/${await this.find(css)}/clear`, {}); }
  async run(script, ...args) { return this.cmd('POST', '/execute/sync', { script, args }); }
  async runAsync(script, ...args) { return this.cmd('POST', '/execute/async', { script, args }); }

  /** Waits until `read()` returns something `ok` accepts. */
  async until(read, ok, what, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
      try { last = await read(); if (ok(last)) return last; } catch (error) { last = error.message; }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
  }

  async end() { try { await call(this.base, 'DELETE', `/session/${this.id}`); } catch { /* already gone */ } }
}

async function call(base, method, path, body) {
  const response = await fetch(base + path, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || (json.value && json.value.error)) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json.value ?? json).slice(0, 300)}`);
  }
  return json.value;
}
