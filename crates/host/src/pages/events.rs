//! The JavaScript that posts Sigma-style embed events to the parent window.
//!
//! Shapes follow Sigma's outbound event reference: `workbook:loaded` with
//! `workbook.variables`, `workbook:error` with `code` and `message`,
//! `workbook:variables:onchange` with `workbook.variables`, and
//! `workbook:pageheight:onchange` with `pageHeight`.

/// Defines `post(type, fields)` and `postHeight()` for the page's own script.
pub const POST: &str = "\
function post(type, fields) { try { window.parent.postMessage(Object.assign({ type: type }, fields || {}), '*'); } catch (e) {} }\n\
function postHeight() { post('workbook:pageheight:onchange', { pageHeight: document.documentElement.scrollHeight }); }\n";
