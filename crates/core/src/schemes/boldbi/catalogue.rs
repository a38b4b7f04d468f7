//! Bold BI's embed parameters (vendors.md §4): the signed identity and
//! time, and the v12+ interface names beside the names they replaced.

use crate::catalogue::{opt, renamed, req, Allowed, ParamSpec};

const BOOL: Allowed = Allowed::Bool;
const TEXT: Allowed = Allowed::Text;

/// Every Bold BI embed parameter, current names first, legacy names with
/// the version that retired them.
pub const PARAMS: &[ParamSpec] = &[
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
        "Unix time (seconds) of signing; the URL is valid embed_expirationtime seconds from it (6 days when that is absent).",
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
    // The Embed SDK's authorize request (vendors.md section 4.1): what the
    // SDK's embedQuerString carries, and the server's own timestamp.
    opt(
        "embed_dashboard_id",
        "Authorize request: the dashboard the Embed SDK asks for (the browser chooses it; the authorization server should check it).",
        TEXT,
    ),
    opt(
        "embed_dashboard_ids",
        "Authorize request: several dashboards (multi-tab embedding); empty for one.",
        TEXT,
    ),
    opt(
        "embed_dashboard_path",
        "Authorize request: the dashboard by path (Category/Name) instead of id; empty when by id.",
        TEXT,
    ),
    opt(
        "embed_dashboard_paths",
        "Authorize request: several dashboards by path; empty for one.",
        TEXT,
    ),
    opt(
        "pinboard_name",
        "Authorize request: the pinboard to embed; empty for a dashboard.",
        TEXT,
    ),
    opt(
        "embed_mode",
        "Authorize request: view, or design for the designer.",
        TEXT,
    ),
    opt(
        "embed_server_timestamp",
        "Authorize request: Unix time (seconds) at which the customer's authorization server signed it.",
        Allowed::UnixTime,
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
