//! Every parameter the vendors document, with its meaning and allowed values.
//!
//! Built from vendors.md. The inspector annotates pasted URLs with it, flags
//! values outside what is allowed, names missing required parameters and
//! suggests the nearest known name for a typo.

use serde::Serialize;

use crate::query::ParsedUrl;
use crate::scheme::Scheme;

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
}

impl From<&ParamSpec> for ParamInfo {
    fn from(spec: &ParamSpec) -> Self {
        ParamInfo {
            meaning: spec.meaning.to_owned(),
            allowed: spec.allowed.describe(),
            required: spec.required,
        }
    }
}

const fn req(name: &'static str, meaning: &'static str, allowed: Allowed) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: true,
    }
}

const fn opt(name: &'static str, meaning: &'static str, allowed: Allowed) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: false,
    }
}

const BOOL: Allowed = Allowed::Bool;
const TEXT: Allowed = Allowed::Text;
const MENU_POSITIONS: &[&str] = &["top", "bottom", "none"];
const THEMES: &[&str] = &["Light", "Dark", "Surface"];

/// Sigma interface parameters, shared by the classic and JWT URLs.
const SIGMA_INTERFACE: &[ParamSpec] = &[
    opt(
        ":disable_mobile_view",
        "Always show the desktop layout, even on small screens.",
        BOOL,
    ),
    opt(":hide_bookmarks", "Hide the bookmarks menu.", BOOL),
    opt(
        ":hide_folder_navigation",
        "Hide the folder navigation (breadcrumb) in the header.",
        BOOL,
    ),
    opt(
        ":hide_menu",
        "Hide the workbook menu; needs :menu_position.",
        BOOL,
    ),
    opt(
        ":hide_run_as_recipient",
        "Hide 'run as recipient' in schedules.",
        BOOL,
    ),
    opt(":hide_schedule", "Hide the schedule export option.", BOOL),
    opt(":hide_send", "Hide the 'send now' export option.", BOOL),
    opt(
        ":hide_sheet_interactions",
        "Hide sort, filter and other sheet interactions.",
        BOOL,
    ),
    opt(":hide_tooltip", "Hide element tooltips.", BOOL),
    opt(
        ":first_name",
        "The embed user's first name (send with :last_name).",
        TEXT,
    ),
    opt(
        ":last_name",
        "The embed user's last name (send with :first_name).",
        TEXT,
    ),
    opt(
        ":loading_bg",
        "Background colour of the loading screen (hex).",
        TEXT,
    ),
    opt(":loading_text", "Text of the loading screen.", TEXT),
    opt(
        ":lng",
        "Interface language code (en, fr, de, ja, ...).",
        TEXT,
    ),
    opt(":lng_variant", "Language variant; needs :lng.", TEXT),
    opt(
        ":menu_position",
        "Where the workbook menu sits.",
        Allowed::OneOf(MENU_POSITIONS),
    ),
    opt(
        ":responsive_height",
        "Post the page height to the parent (workbook:pageheight:onchange).",
        BOOL,
    ),
    opt(":show_footer", "Show the footer with page tabs.", BOOL),
    opt(
        ":showUnderlyingData",
        "Allow 'show underlying data' on elements.",
        BOOL,
    ),
    opt(
        ":theme",
        "Workbook theme.",
        Allowed::BuiltInOrCustom(THEMES),
    ),
    opt(
        ":use_user_name",
        "Show the user's name instead of the email.",
        BOOL,
    ),
    opt(
        ":eval_connection_id",
        "Connection to evaluate the workbook against.",
        TEXT,
    ),
];

const SIGMA_CLASSIC_IDENTITY: &[ParamSpec] = &[
    req(
        ":nonce",
        "Single-use random string (at most 255 characters); refused when reused.",
        TEXT,
    ),
    req(":client_id", "Client id of the embed credentials.", TEXT),
    req(":email", "The embed user's email address.", Allowed::Email),
    req(
        ":external_user_id",
        "Your application's stable id for the user.",
        TEXT,
    ),
    req(
        ":external_user_team",
        "Team(s) the user belongs to, comma-separated.",
        Allowed::CommaList,
    ),
    opt(
        ":account_type",
        "Account type: Viewer, Creator or a custom type (highest type when absent).",
        Allowed::BuiltInOrCustom(&["Viewer", "Creator"]),
    ),
    req(
        ":mode",
        "Embed mode; this scheme needs userbacked.",
        Allowed::OneOf(&["userbacked"]),
    ),
    req(
        ":session_length",
        "Seconds the embed session lasts.",
        Allowed::Seconds { min: 1, max: None },
    ),
    req(
        ":time",
        "Unix time (seconds) when the URL was signed.",
        Allowed::UnixTime,
    ),
    req(
        ":signature",
        "Lowercase hex HMAC-SHA256 of everything before it, keyed with the secret.",
        Allowed::Signature,
    ),
];

const SIGMA_JWT_URL: &[ParamSpec] = &[
    req(
        ":jwt",
        "The HS256-signed token carrying the user's identity.",
        Allowed::Signature,
    ),
    req(
        ":embed",
        "Marks the URL as an embed.",
        Allowed::OneOf(&["true"]),
    ),
];

const BOLD_BI: &[ParamSpec] = &[
    req(
        "embed_nonce",
        "Random GUID; restricts URL reconstruction.",
        TEXT,
    ),
    req(
        "embed_user_email",
        "The user's email address.",
        Allowed::Email,
    ),
    opt(
        "embed_timestamp",
        "Unix time (seconds) of signing; the URL is valid 6 days from it.",
        Allowed::UnixTime,
    ),
    opt(
        "embed_expirationtime",
        "Validity in seconds from embed_timestamp (needs it).",
        Allowed::Seconds {
            min: 86_400,
            max: Some(518_400),
        },
    ),
    opt("embed_dashboard_views", "Show the views icon.", BOOL),
    opt(
        "embed_dashboard_views_edit",
        "Allow saving, updating and deleting views.",
        BOOL,
    ),
    opt("embed_dashboard_export", "Show the export options.", BOOL),
    opt(
        "embed_dashboard_comments",
        "Allow dashboard comments.",
        BOOL,
    ),
    opt("embed_widget_comments", "Allow widget comments.", BOOL),
    opt("hide_dashboard_edit", "Hide the dashboard edit icon.", BOOL),
    opt("hide_preview_as", "Hide 'preview as'.", BOOL),
    opt("embed_dashboard_favorite", "Show the favourite icon.", BOOL),
    opt("hide_header", "Hide the dashboard header.", BOOL),
    opt("hide_metrics", "Hide metrics.", BOOL),
    opt(
        "hide_tool",
        "Toolbar icons to hide.",
        Allowed::CommaListOf(&["tm", "dp", "fo", "fs", "rf", "om", "sh"]),
    ),
    opt(
        "hide_widget_tool",
        "Widget icons to hide.",
        Allowed::CommaListOf(&["fr", "fs", "om"]),
    ),
    opt(
        "restrict_mobile_view",
        "Keep the desktop layout on mobile.",
        BOOL,
    ),
    opt(
        "hide_language_dropdown",
        "Hide the language drop-down.",
        BOOL,
    ),
    opt("language_code", "Dashboard language code.", TEXT),
    opt("enable_ai_assistant", "Enable the AI assistant.", BOOL),
    opt("enable_ai_summary", "Enable AI summaries.", BOOL),
    opt("hide_ai_icons", "Hide AI icons.", BOOL),
    opt(
        "customize_ai_name",
        "Display name of the AI assistant.",
        TEXT,
    ),
    opt(
        "embed_datasource_filter",
        "Filters: dashboard parameters after '&&', URL filters after '&', inside this one value.",
        TEXT,
    ),
    req(
        "embed_signature",
        "Base64 HMAC-SHA256 of the query string before it, keyed with the secret.",
        Allowed::Signature,
    ),
];

/// Meaning of a user attribute parameter.
pub const USER_ATTRIBUTE_MEANING: &str =
    "User attribute (row-level security and personalisation), comma-separated values.";
/// Meaning of a Sigma parameter without a colon.
pub const CONTROL_MEANING: &str =
    "Workbook control value (control id = value); not part of the embed identity.";

/// The spec of a decoded name under a scheme, if documented.
pub fn lookup(scheme: Scheme, name: &str) -> Option<&'static ParamSpec> {
    specs(scheme).find(|s| s.name == name)
}

/// All documented parameters of a scheme's URL.
pub fn specs(scheme: Scheme) -> impl Iterator<Item = &'static ParamSpec> {
    let tables: [&'static [ParamSpec]; 2] = match scheme {
        Scheme::SigmaClassic => [SIGMA_CLASSIC_IDENTITY, SIGMA_INTERFACE],
        Scheme::SigmaJwt => [SIGMA_JWT_URL, SIGMA_INTERFACE],
        Scheme::BoldBi => [BOLD_BI, &[]],
    };
    tables.into_iter().flatten()
}

/// Required parameters absent from the URL, in catalogue order.
pub fn missing_required(url: &ParsedUrl, scheme: Scheme) -> Vec<&'static str> {
    specs(scheme)
        .filter(|s| s.required && url.first(s.name).is_none())
        .map(|s| s.name)
        .collect()
}

/// The nearest documented name to a probable typo (edit distance ≤ 3,
/// ignoring case and a missing leading colon).
pub fn nearest(scheme: Scheme, name: &str) -> Option<&'static str> {
    let lowered = name.to_ascii_lowercase();
    specs(scheme)
        .map(|s| {
            let candidate = s.name.to_ascii_lowercase();
            let bare = candidate.trim_start_matches(':');
            let distance = strsim::levenshtein(&lowered, &candidate)
                .min(strsim::levenshtein(&lowered, bare) + 1);
            (distance, s.name)
        })
        .filter(|(distance, _)| *distance <= 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// Meanings of the JWT claims Sigma reads.
pub fn jwt_claim_meaning(claim: &str) -> Option<&'static str> {
    Some(match claim {
        "sub" => "The embed user's email address.",
        "jti" => "Single-use token id; Sigma stores it and refuses a reuse.",
        "iat" => "Issued at (Unix seconds).",
        "exp" => "Expires at (Unix seconds); exp - iat at most 2592000.",
        "iss" => "Issuer: the client id.",
        "ver" => "Claims version: 1.0 (default) or 1.1.",
        "aud" => "Audience: sigmacomputing (required by ver 1.1).",
        "account_type" => "Account type (highest type when absent).",
        "teams" => "Teams the user belongs to (array of names).",
        "user_attributes" => "User attributes (object of strings).",
        "eval_connection_id" => "Connection to evaluate the workbook against.",
        "first_name" => "The embed user's first name.",
        "last_name" => "The embed user's last name.",
        "oauth_token" => "OAuth token passed to the warehouse connection.",
        "connection_oauth_tokens" => "Per-connection OAuth tokens (ver 1.1, encrypted).",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_intended_parameter() {
        assert_eq!(
            nearest(Scheme::SigmaClassic, ":sesion_length"),
            Some(":session_length")
        );
        assert_eq!(nearest(Scheme::SigmaClassic, "nonce"), Some(":nonce"));
        assert_eq!(
            nearest(Scheme::BoldBi, "embed_user_mail"),
            Some("embed_user_email")
        );
        assert_eq!(nearest(Scheme::SigmaClassic, "Store-Region"), None);
    }

    #[test]
    fn missing_required_parameters_are_listed() {
        let url = ParsedUrl::parse("https://h/embed/x?:nonce=1&:client_id=c").unwrap();
        let missing = missing_required(&url, Scheme::SigmaClassic);
        assert!(missing.contains(&":email"));
        assert!(missing.contains(&":signature"));
        assert!(!missing.contains(&":account_type"));
    }
}
