// Posts Sigma-style embed events to the parent window (outbound event shapes).
function post(type, fields) { try { window.parent.postMessage(Object.assign({ type: type }, fields || {}), '*'); } catch (e) {} }
function postHeight() { post('workbook:pageheight:onchange', { pageHeight: document.documentElement.scrollHeight }); }
