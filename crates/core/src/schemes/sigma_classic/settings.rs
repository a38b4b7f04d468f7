//! What Sigma leaves unconfirmed about its classic signed URL, as settings
//! (see [`crate::setting`]).

use crate::setting::{Control, SettingDef};

/// Default of [`MAX_SESSION_LENGTH`]: the SDK docs' 36000 (10 hours).
pub const DEFAULT_MAX_SESSION_LENGTH: u64 = 36_000;

/// The largest `:session_length` accepted, in seconds.
pub static MAX_SESSION_LENGTH: SettingDef = SettingDef {
    name: "max-session-length",
    label: "Largest :session_length Sigma accepts (s): help says < 3600, SDK docs 36000",
    note: "unconfirmed: Sigma's error page says under 3600, its SDK docs use 36000",
    control: Control::Seconds {
        min: 1,
        default: DEFAULT_MAX_SESSION_LENGTH,
    },
    cli_aliases: &[],
};

/// Whether a fractional `:time` is refused (Sigma's Python signing package
/// sends `time.time()`; off follows the sample, with a hazard).
pub static STRICT_TIME: SettingDef = SettingDef {
    name: "sigma-strict-time",
    label: "Sigma refuses a fractional :time (its Python signing package sends one)",
    note: "unconfirmed: Sigma documents Unix seconds, but its Python signing package sends a fractional time.time()",
    control: Control::Switch { default: false },
    cli_aliases: &[],
};

/// Whether the older application-embed modes `:mode=view` and
/// `:mode=explore` are refused (Sigma's Node signing package sends `view`;
/// off follows the sample, with a hazard).
pub static REFUSE_LEGACY_MODES: SettingDef = SettingDef {
    name: "sigma-refuse-legacy-modes",
    label: "Sigma refuses :mode=view / explore (its Node signing package sends view)",
    note: "unconfirmed: what Sigma does today with :mode=view or explore (the older application-embed modes its Node signing package still sends)",
    control: Control::Switch { default: false },
    cli_aliases: &[],
};

/// Sigma classic's settings, in the order reports list them.
pub static ALL: [&SettingDef; 3] = [&MAX_SESSION_LENGTH, &STRICT_TIME, &REFUSE_LEGACY_MODES];
