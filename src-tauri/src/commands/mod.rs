//! The IPC commands, one module per area; each command is a thin adapter
//! over the crates (no signing, checking or storage logic here).

pub mod doctor;
pub mod history;
pub mod host;
pub mod lab;
pub mod profiles;
pub mod tiers;
