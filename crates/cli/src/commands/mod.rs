//! One module per subcommand; each returns the process exit code.

pub mod completions;
pub mod diff;
pub mod doctor;
pub mod inspect;
pub mod replay;
pub mod scenarios;
pub mod serve;
pub mod sign;
pub mod token_endpoint;
pub mod verify;
