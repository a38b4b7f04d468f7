//! What breaks Mode embeds, found without the secret: a parameter order
//! other than the signers' (sorted by name, `timestamp` last), and a value
//! that reads differently decoded once or twice (how Mode decodes is a
//! setting: [`super::settings::PARAM_DECODING`]).

use super::sign::{PARAM_PREFIX, SIGNATURE_PARAM, TIMESTAMP_PARAM};
use crate::encoding::decode_component;
use crate::model::hazard::{Hazard, Severity};
use crate::query::{ParsedUrl, RawParam};

/// Hazards of the whole URL.
pub fn whole(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    for param in &url.params {
        parameter(param, found);
    }
    let names: Vec<&str> = url
        .params
        .iter()
        .map(|p| p.name.as_str())
        .filter(|n| *n != SIGNATURE_PARAM && *n != TIMESTAMP_PARAM)
        .collect();
    if names.windows(2).any(|w| w[0] > w[1]) {
        found.push(Hazard::new(
            "mode-unsorted",
            Severity::Info,
            None,
            format!("The parameters are not in name order ({}): Mode's signers sort them. The signature covers them as sent, so this URL verifies; whether Mode re-sorts before checking is unconfirmed.", names.join(", ")),
            "Sort the parameters by name before signing, as Mode's test page does.",
        ));
    }
    let timestamp_at = url.first(TIMESTAMP_PARAM).map(|p| p.index);
    let last_before_signature = url
        .params
        .iter()
        .rfind(|p| p.name != SIGNATURE_PARAM)
        .map(|p| p.index);
    if timestamp_at.is_some() && timestamp_at != last_before_signature {
        found.push(Hazard::new(
            "mode-timestamp-not-last",
            Severity::Info,
            Some(TIMESTAMP_PARAM),
            "timestamp is not the last parameter before the signature, where Mode's signers put it.".into(),
            "Append timestamp after the sorted parameters, then the signature.",
        ));
    }
}

/// Hazards of one parameter: a report parameter's value that decoding
/// once and twice read differently.
fn parameter(param: &RawParam, found: &mut Vec<Hazard>) {
    if !param.name.starts_with(PARAM_PREFIX) {
        return;
    }
    let once = &param.value;
    let Ok(twice) = decode_component(once, false) else {
        return;
    };
    if &twice != once {
        found.push(Hazard::new(
            "mode-encoded-twice",
            Severity::Info,
            Some(&param.name),
            format!("{} reads {once:?} decoded once and {twice:?} decoded twice: one public Mode signer encodes values twice. Which one the report sees is the setting mode-param-decoding (unconfirmed).", param.name),
            "Encode each value once (encodeURIComponent), unless Mode's support confirms otherwise.",
        ));
    }
}
