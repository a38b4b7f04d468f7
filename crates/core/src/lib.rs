//! Embed Sandbox's core: sign, parse, inspect, verify and diff signed BI embed URLs.
//!
//! Three schemes ([`sigma_classic`], [`sigma_jwt`], [`boldbi`]) agree byte
//! for byte with the vendors' own samples. Everything else works on the
//! received bytes of a pasted URL ([`query`]), reads what it claims
//! ([`facts`]), judges it as the vendor would ([`verify`], in the vendor's
//! words from [`verdict`]) and explains it ([`inspect`], [`hazards`],
//! [`diff`]). No I/O, no clock, no randomness: callers pass time and nonces,
//! which is what makes every result reproducible.

pub mod artifact;
pub mod base_url;
pub mod catalogue;
pub mod diagnose;
pub mod diff;
pub mod doctor;
pub mod documented;
pub mod encoding;
pub mod error;
pub mod facts;
pub mod form;
pub mod form_check;
pub mod form_choices;
pub mod form_fields;
pub mod form_layout;
pub mod form_request;
pub mod hazards;
pub mod html;
pub mod inspect;
pub mod jwt;
pub mod kits;
pub mod mac;
pub mod model;
pub mod open_in_form;
pub mod policy;
pub mod policy_settings;
pub mod query;
pub mod redact;
pub mod request;
pub mod scenario;
pub mod scenario_kit;
pub mod scheme;
pub mod schemes;
pub mod scrub;
pub mod secret;
pub mod setting;
pub mod signature;
pub mod snippet;
pub mod spec;
pub mod tier;
pub mod token_endpoint;
pub mod url_status;
pub mod user_attribute;
pub mod verdict;
pub mod verify;
pub mod when;

pub use error::{Error, Result};
pub use inspect::{inspect, Embed, InspectOptions, InspectReport};
pub use policy::Policy;
pub use scheme::Scheme;
pub use secret::Secret;
pub use verify::{Context, Judge, Verification};
