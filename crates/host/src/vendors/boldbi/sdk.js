// Embed Sandbox: a stand-in for Bold BI's Embed SDK (boldbi-embed.js), served
// by the local host so a customer's page works offline. It does what the
// SDK does for an authorization server (vendors.md section 4.1), no more:
//   BoldBI.create({serverUrl, dashboardId, embedContainerId,
//                  authorizationServer: {url, headers}}).loadDashboard()
// posts {embedQuerString, dashboardServerApiUrl} as JSON to the customer's
// authorization server, reads Bold BI's answer, and opens the dashboard in
// an iframe by posting the answer's access_token to it. Failures are shown
// in the container (data-state="failed") and passed to actionComplete.
(function () {
  'use strict';

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, function () {
      return Math.floor(Math.random() * 16).toString(16);
    });
  }

  function show(container, state, text) {
    container.setAttribute('data-state', state);
    var note = document.createElement('p');
    note.setAttribute('data-testid', 'boldbi-sdk-' + state);
    note.textContent = text;
    container.replaceChildren(note);
  }

  function create(options) {
    var opts = options || {};
    var instance = {
      options: opts,
      loadDashboard: function () { return load(opts); },
    };
    return instance;
  }

  function load(opts) {
    var container = document.getElementById(opts.embedContainerId);
    if (!container) throw new Error('BoldBI: no element with id ' + opts.embedContainerId);
    var server = String(opts.serverUrl || '').replace(/\/+$/, '');
    var api = server.replace('/bi/site/', '/bi/api/site/');
    var mode = opts.mode || 'view';
    var query = 'embed_nonce=' + uuid()
      + '&embed_dashboard_id=' + encodeURIComponent(opts.dashboardId || '')
      + '&embed_dashboard_ids=&embed_dashboard_path=&embed_dashboard_paths=&pinboard_name='
      + '&embed_mode=' + encodeURIComponent(mode)
      + '&embed_timestamp=' + Math.floor(Date.now() / 1000)
      + '&embed_expirationtime=' + (opts.expirationTime || 86400);
    var auth = opts.authorizationServer || {};
    var headers = Object.assign({ 'Content-Type': 'application/json' }, auth.headers || {});
    show(container, 'authorizing', 'Authorizing with ' + auth.url + ' …');
    var done = function (ok, detail) {
      if (typeof opts.actionComplete === 'function') opts.actionComplete({ status: ok, detail: detail });
    };
    return fetch(auth.url, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify({ embedQuerString: query, dashboardServerApiUrl: api }),
      credentials: 'same-origin',
    }).then(function (response) {
      return response.text().then(function (text) { return { status: response.status, text: text }; });
    }).then(function (answer) {
      var body;
      try { body = JSON.parse(answer.text); } catch (e) { body = null; }
      var data = body && (body.Data || body.data);
      if (!body || !(body.ApiStatus || body.apiStatus) || !data || !data.access_token) {
        var why = body && (body.Message || body.message) ? (body.Message || body.message) : answer.text.slice(0, 200);
        show(container, 'failed', 'Authorization failed (HTTP ' + answer.status + '): ' + why);
        done(false, why);
        return;
      }
      var name = 'boldbi-' + uuid();
      var frame = document.createElement('iframe');
      frame.name = name;
      frame.setAttribute('data-testid', 'boldbi-frame');
      frame.style.width = '100%';
      frame.style.height = (opts.height || '600px');
      frame.style.border = '0';
      var form = document.createElement('form');
      form.method = 'POST';
      form.target = name;
      form.action = server + '/dashboards/' + encodeURIComponent(opts.dashboardId || '');
      form.style.display = 'none';
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = 'access_token';
      field.value = data.access_token;
      form.appendChild(field);
      container.replaceChildren(frame, form);
      container.setAttribute('data-state', 'loaded');
      form.submit();
      done(true, data.email);
    }).catch(function (error) {
      show(container, 'failed', 'Authorization failed: ' + error);
      done(false, String(error));
    });
  }

  window.BoldBI = { create: create };
})();
