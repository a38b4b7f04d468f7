//! The plain data every layer shares: no module here calls the registry or
//! a service, so a scheme folder can build on it and the services on top of
//! the folders can hand it around. (Older paths like `crate::hazards::Hazard`
//! re-export these.)

pub mod capabilities;
pub mod embed;
pub mod embedding;
pub mod hazard;
pub mod judging;
pub mod request;
pub mod scenario;
pub mod snippet;
