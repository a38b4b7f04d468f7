//! Environments for the desktop app: profiles in SQLite, secrets in the OS keychain.
//!
//! No Tauri here: the app's commands are thin adapters over [`Profiles`].
//! The keychain is reached only through [`keychain::Vault`], implemented for
//! the OS by [`keychain::OsKeychain`]; secrets go in and are only ever
//! described by their fingerprint on the way out.

pub mod cache;
pub mod demo;
pub mod entry;
pub mod error;
pub mod history;
pub mod keychain;
pub mod profiles;
pub mod signing;
pub mod store;
pub mod tiers;

pub use entry::SecretStatus;
pub use error::{KeychainError, ProfileError};
pub use profiles::Profiles;
pub use store::{Profile, ProfileInput};
