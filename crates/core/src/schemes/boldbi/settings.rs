//! What Bold BI leaves unconfirmed, as settings (see [`crate::setting`]).

use crate::setting::{CliAlias, Control, SettingDef};

/// Whether a raw `+` in `embed_signature` reaches the server as a space.
pub static PLUS_AS_SPACE: SettingDef = SettingDef {
    name: "boldbi-plus-as-space",
    label: "Bold BI reads a raw “+” in the signature as a space",
    note: "unconfirmed: whether Bold BI reads a raw '+' in embed_signature as a space",
    control: Control::Switch { default: false },
    cli_aliases: &[],
};

/// Whether a reused `embed_nonce` is refused.
pub static REFUSE_REUSED_NONCE: SettingDef = SettingDef {
    name: "boldbi-refuse-reused-nonce",
    label: "Bold BI refuses a reused embed_nonce",
    note: "unconfirmed: whether Bold BI refuses an embed_nonce it has seen before",
    control: Control::Switch { default: true },
    cli_aliases: &[CliAlias {
        flag: "boldbi-accept-reused-nonce",
        sets: Some("false"),
    }],
};

/// Whether `True` / `False` (C#'s `bool.ToString()`, which its C# samples
/// send) are refused; off follows the sample, with a hazard.
pub static STRICT_BOOLEANS: SettingDef = SettingDef {
    name: "boldbi-strict-booleans",
    label: "Bold BI refuses True / False (its C# samples send them; off reads them as true / false)",
    note: "unconfirmed: how Bold BI reads True / False (its C# samples send C#'s bool.ToString(); its .NET server likely ignores case)",
    control: Control::Switch { default: false },
    cli_aliases: &[],
};

/// Bold BI's settings, in the order reports list them.
pub static ALL: [&SettingDef; 3] = [&PLUS_AS_SPACE, &REFUSE_REUSED_NONCE, &STRICT_BOOLEANS];
