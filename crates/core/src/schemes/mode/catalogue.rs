//! Mode's white-label embed parameters (vendors.md §8).

use crate::catalogue::{opt, req, Allowed, ParamSpec};

/// Every parameter of a signed embed URL (report parameters, `param_<name>`,
/// are named by the report and read by [`super::Mode::uncatalogued_param`]).
pub const PARAMS: &[ParamSpec] = &[
    req("access_key", "The access key whose secret signed the URL.", Allowed::Text),
    opt(
        "max_age",
        "Seconds a cached run stays fresh before the report is re-run.",
        Allowed::Seconds { min: 0, max: None },
    ),
    req(
        "timestamp",
        "Unix time (seconds) of signing; sent last, after the sorted parameters.",
        Allowed::UnixTime,
    ),
    req(
        "signature",
        "Lower-case hex HMAC-SHA256 of GET,,1B2M2Y8AsgTpgAmY7PhCfg== (the Base64 MD5 of the empty body, not hex),<the URL before it>,<timestamp>.",
        Allowed::Signature,
    ),
];
