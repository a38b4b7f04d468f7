//! What Mode leaves unconfirmed, as settings (see [`crate::setting`]).

use crate::policy::Policy;
use crate::setting::{Control, SettingDef};

/// How far the URL's `timestamp` may be behind the server's clock.
pub static TIMESTAMP_WINDOW: SettingDef = SettingDef {
    name: "mode-timestamp-window",
    label: "Seconds a Mode URL stays valid after its timestamp",
    note:
        "unconfirmed: Mode does not publish the window within which it accepts a signed timestamp",
    control: Control::Seconds {
        min: 1,
        default: DEFAULT_WINDOW,
    },
    cli_aliases: &[],
};

/// How many times Mode decodes a parameter value.
pub static PARAM_DECODING: SettingDef = SettingDef {
    name: "mode-param-decoding",
    label: "How many times Mode percent-decodes a report parameter's value (once, or twice as one public signer encodes)",
    note: "unconfirmed: how Mode reads a value with a space, '@' or '&' (one public signer encodes values twice, another not at all)",
    control: Control::OneOf {
        values: &["once", "twice"],
        default: "once",
    },
    cli_aliases: &[],
};

/// The window this product assumes while the setting is left alone.
pub const DEFAULT_WINDOW: u64 = 300;

/// Mode's settings, in the order reports list them.
pub static ALL: [&SettingDef; 2] = [&TIMESTAMP_WINDOW, &PARAM_DECODING];

/// The timestamp window in force.
pub fn window(policy: &Policy) -> u64 {
    policy.seconds(&TIMESTAMP_WINDOW)
}

/// Whether values are decoded twice.
pub fn decodes_twice(policy: &Policy) -> bool {
    policy.choice(&PARAM_DECODING) == "twice"
}
