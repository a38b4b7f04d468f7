//! The request of any scheme (plain data: [`crate::model::request`]),
//! at the path scheme folders and callers have always used.

pub use crate::model::request::{EmbedRequest, SignRequest};
