//! The pages every vendor shares: the refusal page, the parent and compare
//! pages, the index, the probe and the labels' languages. Each vendor's
//! mock content lives in its folder under `vendors/`.

pub mod compare;
pub mod i18n;
pub mod index;
pub mod parent;
pub mod probe;
pub mod refusal;
