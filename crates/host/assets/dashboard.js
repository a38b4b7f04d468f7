// The mock Bold BI dashboard: tells the parent it loaded, with its filters.
const { variables } = JSON.parse(document.getElementById('data').textContent);
post('workbook:loaded', { workbook: { variables } });
