//! Sigma's interface parameters, shared by the classic and JWT URLs
//! (help "Add URL parameters to a secure embed"; vendors.md §1).

use crate::catalogue::{opt, Allowed, ParamSpec};

const BOOL: Allowed = Allowed::Bool;
const TEXT: Allowed = Allowed::Text;
const MENU_POSITIONS: &[&str] = &["top", "bottom", "none"];
const THEMES: &[&str] = &["Light", "Dark", "Surface"];

/// Sigma interface parameters, shared by the classic and JWT URLs.
pub const INTERFACE: &[ParamSpec] = &[
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
