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

const fn req(name: &'static str, meaning: &'static str, allowed: Allowed) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: true,
        legacy: None,
    }
}

const fn opt(name: &'static str, meaning: &'static str, allowed: Allowed) -> ParamSpec {
    ParamSpec {
        name,
        meaning,
        allowed,
        required: false,
        legacy: None,
    }
}

const fn renamed(
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
        "Where the workbook menu sits (default bottom; none beside a JWT).",
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
        "Account type: View, Act, Analyze, Build, Admin (current defaults), a legacy name (Viewer, Creator, Explorer, Lite, Essential, Pro) or a custom type; the highest type when absent.",
        Allowed::BuiltInOrCustom(crate::form_choices::SIGMA_ALL_ACCOUNT_TYPES),
    ),
    req(
        ":mode",
        "Embed mode: userbacked for secure embeds (view and explore are the older application-embed modes).",
        Allowed::OneOf(&["userbacked", "view", "explore"]),
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
    opt(
        ":hide_explore_toggle",
        "Hide the explore toggle (JWT URLs only).",
        BOOL,
    ),
];

/// The interface parameters Sigma allows beside a JWT (unsigned, in the
/// URL); the others are claims, account-type permissions, or unsupported.
pub const SIGMA_JWT_ALLOWED_BESIDE: &[&str] = &[
    ":jwt",
    ":embed",
    ":hide_bookmarks",
    ":hide_explore_toggle",
    ":hide_folder_navigation",
    ":hide_menu",
    ":hide_tooltip",
    ":lng",
    ":lng_variant",
    ":menu_position",
    ":responsive_height",
    ":theme",
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
    // Current names (Bold BI 12 and later; vendors.md section 4): every
    // switch defaults to false, the favourite icon to true.
    opt("views", "Show the views icon (default false).", BOOL),
    opt(
        "embed_dashboard_views_edit",
        "Allow saving, updating and deleting views (default false).",
        BOOL,
    ),
    opt("export", "Show the export options (default false).", BOOL),
    opt(
        "dashboard_comments",
        "Allow dashboard comments (default false).",
        BOOL,
    ),
    opt("widget_comments", "Allow widget comments (default false).", BOOL),
    opt(
        "hide_dashboard_edit",
        "Hide the dashboard edit icon (default false).",
        BOOL,
    ),
    opt("hide_preview_as", "Hide 'preview as' (default false).", BOOL),
    opt(
        "embed_dashboard_favorite",
        "Show the favourite icon (default true).",
        BOOL,
    ),
    opt("hide_header", "Hide the dashboard header (default false).", BOOL),
    opt("hide_metrics", "Hide metrics (default false).", BOOL),
    opt(
        "hide_tool",
        "Toolbar icons to hide: dp dashboard parameters, fo filter overview, fs full screen, rf refresh, om options, sh share (since v10).",
        Allowed::CommaListOf(&["dp", "fo", "fs", "rf", "om", "sh"]),
    ),
    opt(
        "hide_widget_tool",
        "Widget icons to hide: fr filter, fs maximize, om options.",
        Allowed::CommaListOf(&["fr", "fs", "om"]),
    ),
    opt(
        "restrict_mobile_view",
        "Keep the desktop layout on mobile (default false).",
        BOOL,
    ),
    opt(
        "hide_language_dropdown",
        "Hide the language drop-down (default false).",
        BOOL,
    ),
    opt(
        "language_code",
        "Dashboard language code, such as fr-FR.",
        TEXT,
    ),
    opt(
        "enable_ai_assistant",
        "Enable the AI assistant (default false).",
        BOOL,
    ),
    opt(
        "enable_ai_summary",
        "AI summaries: ds for the dashboard, ws for widgets.",
        Allowed::CommaListOf(&["ds", "ws"]),
    ),
    opt(
        "hide_ai_icons",
        "AI icons to hide: du data usage, ch chat.",
        Allowed::CommaListOf(&["du", "ch"]),
    ),
    opt(
        "customize_ai_name",
        "Display name of the AI assistant.",
        TEXT,
    ),
    // Legacy names, still read by older servers.
    renamed(
        "embed_dashboard_views",
        "views",
        "supported up to version 11.3",
        "Show the views icon (legacy name of views).",
        BOOL,
    ),
    renamed(
        "embed_dashboard_export",
        "export",
        "supported up to version 11.3",
        "Show the export options (legacy name of export).",
        BOOL,
    ),
    renamed(
        "embed_dashboard_comments",
        "dashboard_comments",
        "supported up to version 11.3",
        "Allow dashboard comments (legacy name of dashboard_comments).",
        BOOL,
    ),
    renamed(
        "embed_widget_comments",
        "widget_comments",
        "supported up to version 11.3",
        "Allow widget comments (legacy name of widget_comments).",
        BOOL,
    ),
    renamed(
        "hide_aidata_usage",
        "hide_ai_icons",
        "the version 12 name",
        "Hide the AI data-usage icon (legacy name; now hide_ai_icons=du).",
        BOOL,
    ),
    // On the dashboard URL itself, in front of the signed parameters.
    opt(
        "isWidgetMode",
        "Show one widget instead of the dashboard (on the dashboard URL, before embed_nonce: not signed).",
        BOOL,
    ),
    opt(
        "widgetId",
        "The widget to show with isWidgetMode (on the dashboard URL, before embed_nonce: not signed).",
        TEXT,
    ),
    opt(
        "WidgetId",
        "The widget to show, as the vendor's C# widget sample spells it (before embed_nonce: not signed).",
        TEXT,
    ),
    opt(
        "embed_datasource_filter",
        "Filters with raw '&' inside one value: dashboard parameters after '&&', URL filters after '&'; read up to the next known Bold BI parameter.",
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
