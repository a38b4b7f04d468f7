// A refused embed: tells the parent why, as Sigma's workbook:error does.
const { code, message } = JSON.parse(document.getElementById('data').textContent);
post('workbook:error', { code, message });
