//! Embed Sandbox's local host: a faithful offline stand-in for Sigma and Bold BI.
//!
//! It checks embed URLs exactly as the vendors do (the checks are
//! `embed_core::verify`; this crate adds the organisation, the nonce ledger,
//! the clock and HTTP), answers refusals with the vendors' texts, and serves
//! believable mock embeds that post Sigma-style events to their parent. The
//! CLI's `serve` runs it; the desktop app embeds it.

pub mod assets;
pub mod clock;
pub mod config;
pub mod connections;
pub mod data;
pub mod error;
pub mod framing;
pub mod guard;
pub mod html;
pub mod i18n;
pub mod judge;
pub mod ledger;
pub mod log;
pub mod org;
pub mod pages;
pub mod refusal_page;
pub mod respond;
pub mod routes;
pub mod server;
pub mod state;
pub mod vendor;
pub mod vendors;

pub use error::HostError;
pub use org::{Client, Org};
pub use server::{start, HostOptions, RunningHost};

/// The host's compare page framing two (label, url) pairs side by side; the
/// tools' `token` rides in the fragment (never sent, so never logged), and
/// lets the page relay the embeds' events to the host.
pub fn compare_url(origin: &str, token: &str, a: (&str, &str), b: (&str, &str)) -> String {
    use embed_core::encoding::encode_value;
    format!(
        "{origin}/__sandbox/compare?la={}&a={}&lb={}&b={}#token={token}",
        encode_value(a.0),
        encode_value(a.1),
        encode_value(b.0),
        encode_value(b.1)
    )
}

/// The parent page's address for `src` on the host at `origin`, with the
/// tools' `token` in the fragment (see [`compare_url`]).
pub fn parent_url(origin: &str, token: &str, src: &str) -> String {
    format!("{}#token={token}", parent_page(origin, src))
}

/// The parent page's address for `src` on the host at `origin`, without the
/// tools' token (for a tool that only reads the page, such as the doctor).
pub fn parent_page(origin: &str, src: &str) -> String {
    format!(
        "{origin}/__sandbox/parent?src={}",
        embed_core::encoding::encode_value(src)
    )
}
