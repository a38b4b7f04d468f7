//! The shape of a documented parameter (meaning, allowed values, legacy
//! name) and the look-ups over a scheme's catalogue. The catalogues
//! themselves are each scheme's data, in its folder under `schemes/`.
//!
//! Built from vendors.md. The inspector annotates pasted URLs with it, flags
//! values outside what is allowed, names missing required parameters and
//! suggests the nearest known name for a typo.

use serde::Serialize;

/// What values a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    /// Free text.
    Text,
    /// An email address.
    Email,
    /// A whole number of seconds in a range.
    Seconds {
        /// Smallest.
        min: u64,
        /// Largest, when documented.
        max: Option<u64>,
    },
    /// Unix seconds.
    UnixTime,
    /// `true` or `false`, exactly.
    Bool,
    /// One of these, exactly (case-sensitive).
    OneOf(&'static [&'static str]),
    /// One of these built-ins (case-sensitive) or a custom name.
    BuiltInOrCustom(&'static [&'static str]),
    /// A comma-separated list of names.
    CommaList,
    /// A comma-separated list drawn from these codes.
    CommaListOf(&'static [&'static str]),
    /// A signature the verifier checks.
    Signature,
}

impl Allowed {
    /// A short human description of the allowed values.
    pub fn describe(self) -> String {
        match self {
            Allowed::Text => "text".into(),
            Allowed::Email => "email address".into(),
            Allowed::Seconds {
                min,
                max: Some(max),
            } => format!("seconds, {min}..{max}"),
            Allowed::Seconds { min, max: None } => format!("seconds, at least {min}"),
            Allowed::UnixTime => "Unix time in seconds".into(),
            Allowed::Bool => "true | false".into(),
            Allowed::OneOf(values) => values.join(" | "),
            Allowed::BuiltInOrCustom(values) => {
                format!("{} | a custom name (case-sensitive)", values.join(" | "))
            }
            Allowed::CommaList => "comma-separated names, no space after a comma".into(),
            Allowed::CommaListOf(values) => format!("comma-separated, from {}", values.join(",")),
            Allowed::Signature => "signature".into(),
        }
    }
}

/// One documented parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamSpec {
    /// The decoded name.
    pub name: &'static str,
    /// What it does.
    pub meaning: &'static str,
    /// What it takes.
    pub allowed: Allowed,
    /// Whether the vendor refuses a URL without it.
    pub required: bool,
    /// For a renamed parameter: its current name and the last version that
    /// still reads this one. Never "unknown": old servers still run.
    pub legacy: Option<Legacy>,
}

/// A renamed parameter's successor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Legacy {
    /// The current name.
    pub current: &'static str,
    /// Which versions still read the old name, in the vendor's words.
    pub supported: &'static str,
}

/// A [`ParamSpec`] as shown in reports.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamInfo {
    /// What it does.
    pub meaning: String,
    /// What it takes.
    pub allowed: String,
    /// Whether it is required.
    pub required: bool,
    /// For a legacy name: the current name to use instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub current_name: Option<String>,
}

impl From<&ParamSpec> for ParamInfo {
    fn from(spec: &ParamSpec) -> Self {
        ParamInfo {
            meaning: spec.meaning.to_owned(),
            allowed: spec.allowed.describe(),
            required: spec.required,
            current_name: spec.legacy.map(|l| l.current.to_owned()),
        }
    }
}

/// A required parameter.
pub const fn req(name: &'static str, meaning: &'static str, allowed: Allowed) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: true,
        legacy: None,
    }
}

/// An optional parameter.
pub const fn opt(name: &'static str, meaning: &'static str, allowed: Allowed) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: false,
        legacy: None,
    }
}

/// An older name of the parameter `current`, still read by the vendor
/// versions `supported` names.
pub const fn renamed(
    name: &'static str,
    current: &'static str,
    supported: &'static str,
    meaning: &'static str,
    allowed: Allowed,
) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: false,
        legacy: Some(Legacy { current, supported }),
    }
}
