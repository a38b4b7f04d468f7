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
