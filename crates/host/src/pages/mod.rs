//! The pages the host serves: the mock Sigma workbook, the mock Bold BI
//! dashboard, the refusal page, the parent and compare pages and the index.

pub mod compare;
pub mod dashboard;
pub mod i18n;
pub mod index;
pub mod parent;
pub mod probe;
pub mod refusal;
pub mod sigma_events;
pub mod workbook;
