//! The sandbox's own pages: the parent and compare pages, the index and the
//! probe. (The refusal page and the labels' languages sit below the vendor
//! folders, in `refusal_page` and `i18n`; each vendor's mock content lives
//! in its folder under `vendors/`.)

pub mod compare;
pub mod index;
pub mod parent;
pub mod probe;
