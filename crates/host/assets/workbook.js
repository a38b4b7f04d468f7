// The mock Sigma workbook: draws the rows, runs the region control, posts
// Sigma-style events to the parent, and ends the session on time.
// The page's data: config (variables, session, flags) and the rows this user may see.
const { config, rows } = JSON.parse(document.getElementById('data').textContent);
const loading = document.getElementById('loading');
if (loading) {
  if (config.loadingBg) loading.style.background = config.loadingBg;
  setTimeout(() => loading.remove(), 400);
}
const variables = Object.assign({}, config.variables);
const body = document.getElementById('rows');
for (const [region, store, product, revenue] of rows) {
  const tr = document.createElement('tr');
  tr.dataset.region = region;
  tr.dataset.revenue = String(revenue);
  for (const text of [region, store, product, '$' + revenue.toLocaleString('en-US')]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
  }
  tr.lastElementChild.className = 'num';
  if (!config.hideTooltip) tr.lastElementChild.title = store + ' · ' + product;
  body.appendChild(tr);
}
const control = document.getElementById('region-control');
function applyRegion() {
  let total = 0;
  for (const row of document.querySelectorAll('tbody tr')) {
    const show = !control.value || row.dataset.region === control.value;
    row.hidden = !show;
    if (show) total += Number(row.dataset.revenue);
  }
  document.getElementById('total').textContent = '$' + total.toLocaleString('en-US');
}
control.addEventListener('change', () => {
  applyRegion();
  variables.Region = control.value;
  post('workbook:variables:onchange', { workbook: { variables: Object.assign({}, variables) } });
  if (config.responsiveHeight) postHeight();
});
applyRegion();
post('workbook:loaded', { workbook: { variables: Object.assign({}, variables) } });
post('workbook:dataloaded');
// Where the embed is, without its signed query (no signature in any log).
post('url:onchange', { url: location.origin + location.pathname });

// Inbound events from the host page, answered as Sigma documents them.
let bookmarks = [];
let selectedBookmark = null;
const current = () => Object.assign({}, variables);
function setVariable(name, value) {
  variables[name] = value;
  if (name === 'Region') {
    const options = Array.from(control.options).map((o) => o.value);
    control.value = options.includes(String(value)) ? String(value) : '';
    applyRegion();
  }
}
window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  const msg = event.data || {};
  switch (msg.type) {
    case 'workbook:variables:update':
      for (const [name, value] of Object.entries(msg.variables || {})) setVariable(name, value);
      post('workbook:variables:onchange', { workbook: { variables: current() } });
      if (config.responsiveHeight) postHeight();
      break;
    case 'workbook:variables:list':
      post('workbook:variables:current', { variables: current() });
      break;
    case 'workbook:selectednodeid:update':
      post('workbook:selectednodeid:onchange', { selectedNodeId: msg.nodeId || null, nodeType: msg.nodeType || null });
      break;
    case 'workbook:fullscreen:update':
      post('workbook:fullscreen:onchange', { fullScreen: Boolean(msg.nodeId) });
      break;
    case 'workbook:sharinglink:update':
      if (String(msg.sharingLink || '').length > 1000 || String(msg.sharingExplorationLink || '').length > 1000) {
        post('workbook:error', { code: 'EINVAL', message: 'A sharing link is longer than 1000 characters.' });
      }
      break;
    case 'workbook:bookmark:create': {
      const bookmark = { bookmarkId: 'bm-' + (bookmarks.length + 1), name: msg.name || 'Bookmark', isShared: Boolean(msg.isShared), isDefault: Boolean(msg.isDefault), variables: current() };
      bookmarks.push(bookmark);
      selectedBookmark = bookmark.bookmarkId;
      post('workbook:bookmark:oncreate', { bookmarkName: bookmark.name, bookmarkId: bookmark.bookmarkId, isShared: bookmark.isShared, isDefault: bookmark.isDefault });
      break;
    }
    case 'workbook:bookmark:update': {
      const bookmark = bookmarks.find((b) => b.bookmarkId === selectedBookmark);
      if (!bookmark) { post('workbook:error', { code: 'EINVAL', message: 'Bookmark not selected' }); break; }
      if (JSON.stringify(bookmark.variables) === JSON.stringify(current())) { post('workbook:error', { code: 'EINVAL', message: 'Cannot update bookmark, no explore changes made' }); break; }
      bookmark.variables = current();
      post('workbook:bookmark:onupdate', { bookmarkName: bookmark.name, bookmarkId: bookmark.bookmarkId });
      break;
    }
    case 'workbook:bookmark:delete':
      bookmarks = bookmarks.filter((b) => b.bookmarkId !== msg.bookmarkId);
      if (selectedBookmark === msg.bookmarkId) selectedBookmark = null;
      post('workbook:bookmark:ondelete', { bookmarkId: msg.bookmarkId });
      break;
    case 'workbook:bookmark:select': {
      const bookmark = bookmarks.find((b) => b.bookmarkId === msg.bookmarkId);
      if (!bookmark) { post('workbook:error', { code: 'ENOENT', message: 'Bookmark not found' }); break; }
      selectedBookmark = bookmark.bookmarkId;
      for (const [name, value] of Object.entries(bookmark.variables)) setVariable(name, value);
      post('workbook:bookmark:onchange', { bookmarkName: bookmark.name, bookmarkId: bookmark.bookmarkId });
      break;
    }
    default:
      break;
  }
});
if (config.responsiveHeight) { postHeight(); window.addEventListener('resize', postHeight); }
if (typeof config.sessionSeconds === 'number') {
  setTimeout(() => {
    const app = document.getElementById('app');
    app.innerHTML = '';
    const box = document.createElement('div');
    box.className = 'expired';
    box.dataset.testid = 'session-expired';
    box.textContent = config.expiredText;
    app.appendChild(box);
    const reading = document.createElement('p');
    reading.className = 'reading';
    reading.textContent = config.expiryReading;
    app.appendChild(reading);
    post('workbook:error', { code: 'ETIMEDOUT', message: config.expiredText });
  }, Math.min(config.sessionSeconds, 2147483) * 1000);
}
