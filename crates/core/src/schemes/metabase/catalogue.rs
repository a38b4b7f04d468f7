//! Metabase's embed URL has no signed parameters: the token is in the path.
//! Its query may carry editable filter values by slug (`?region=West`),
//! which the report names, so nothing is catalogued here.

use crate::catalogue::ParamSpec;

/// No documented query parameters.
pub const PARAMS: &[ParamSpec] = &[];
