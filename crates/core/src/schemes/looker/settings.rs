//! What Looker leaves unconfirmed, as settings (see [`crate::setting`]).

use crate::policy::Policy;
use crate::setting::{CliAlias, Control, SettingDef};

use super::sign::Algorithm;

/// The HMAC the embed secret signs with.
pub static ALGORITHM: SettingDef = SettingDef {
    name: "looker-algorithm",
    label: "The HMAC of the local host's Looker secret (sha1: Admin > Embed; sha256: the API's default)",
    note: "unconfirmed: that an API-made SHA-256 secret signs the same text as a SHA-1 one (likely)",
    control: Control::OneOf {
        values: &["sha1", "sha256"],
        default: "sha1",
    },
    cli_aliases: &[CliAlias {
        flag: "algorithm",
        sets: None,
    }],
};

/// Whether a `time` ahead of the clock by more than the window is refused.
pub static REFUSE_FUTURE_TIME: SettingDef = SettingDef {
    name: "looker-refuse-future-time",
    label: "Looker refuses a time more than 5 minutes ahead of its clock",
    note: "unconfirmed: whether Looker's 5-minute window for time also refuses a time ahead of its clock",
    control: Control::Switch { default: true },
    cli_aliases: &[CliAlias {
        flag: "looker-accept-future-time",
        sets: Some("false"),
    }],
};

/// Looker's settings, in the order reports list them.
pub static ALL: [&SettingDef; 2] = [&ALGORITHM, &REFUSE_FUTURE_TIME];

/// The algorithm in force.
pub fn algorithm(policy: &Policy) -> Algorithm {
    match policy.choice(&ALGORITHM) {
        "sha256" => Algorithm::Sha256,
        _ => Algorithm::Sha1,
    }
}
