//! Loads embed URLs over real HTTP and judges what came back, for the
//! replay test and the error scenario gallery.
//!
//! Against the local host the verdict comes from its verdict header; against
//! a real vendor, from the status code and the vendor's error text found in
//! the page. Every outcome says which of the two it rests on. The app's
//! preview follows each load (`watch`) and asks a URL's origin whether it
//! can be reached at all (`reach`), never the signed URL itself.

pub mod blank_frames;
pub mod doctor;
pub mod error;
pub mod load;
pub mod reach;
pub mod replay;
pub mod report;
pub mod scenarios;
pub mod token_endpoint;
pub mod watch;

pub use error::LabError;
pub use load::{Evidence, LoadOutcome, Loader};
pub use replay::{replay, ReplayReport};
pub use scenarios::{run_scenarios, tally, ScenarioRun, Tally};
