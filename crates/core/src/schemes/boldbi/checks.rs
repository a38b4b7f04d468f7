//! Bold BI's own checks after the email: no embed parameter outside the
//! signed string, and `embed_expirationtime` needs a timestamp to count
//! from and must lie in the documented range.

use super::{signed_view, unsigned_prefix, MAX_EXPIRATION, MIN_EXPIRATION};
use crate::catalogue::Allowed;
use crate::facts::EmbedFacts;
use crate::policy::Policy;
use crate::query::ParsedUrl;
use crate::verdict::{Reason, Refusal};

/// Names that belong in front of `embed_nonce`: the widget sample puts
/// them on the dashboard URL, where they only choose what to show.
pub const DASHBOARD_URL_PARAMS: [&str; 3] = ["isWidgetMode", "widgetId", "WidgetId"];

/// The parameters in front of `embed_nonce` that Bold BI reads as embed
/// parameters (the user, permissions, the interface, the time): outside
/// the signature, so anyone holding the URL could set them.
pub fn unsigned_embed_params(url: &ParsedUrl) -> Vec<&str> {
    unsigned_prefix(url)
        .iter()
        .map(|p| p.name.as_str())
        .filter(|name| !DASHBOARD_URL_PARAMS.contains(name))
        .filter(|name| {
            name.starts_with("embed_") || super::catalogue::PARAMS.iter().any(|p| p.name == *name)
        })
        .collect()
}

/// An embed parameter outside the signed string. What Bold BI's server
/// does with one is not documented; trusting it would let anyone holding
/// the URL choose the user, so the product refuses it (in its own words).
pub fn unsigned_embed_param(url: &ParsedUrl) -> Option<Refusal> {
    let names = unsigned_embed_params(url);
    let first = names.first()?;
    Some(super::refusal(Reason::InvalidSignature,
        format!(
            "{} stand{} before embed_nonce, outside the signed string: the signature does not vouch for {}, so anyone holding the URL could have set {}.",
            names.join(", "),
            if names.len() == 1 { "s" } else { "" },
            if names.len() == 1 { "it" } else { "them" },
            if names.len() == 1 { format!("{first} to anything") } else { "them".to_owned() },
        ),
        "Put every embed parameter after embed_nonce, inside the signed string; only the dashboard URL's own isWidgetMode and widgetId may stand in front.",
    ))
}

/// A boolean sent as C# prints it (`True`), refused only when the strict
/// setting is on; otherwise it is read as the sample means it.
pub fn strict_booleans(url: &ParsedUrl, policy: &Policy) -> Option<Refusal> {
    if !policy.switch(&super::settings::STRICT_BOOLEANS) {
        return None;
    }
    let signed = signed_view(url);
    let param = signed.params.iter().find(|p| {
        super::catalogue::PARAMS
            .iter()
            .any(|spec| spec.name == p.name && matches!(spec.allowed, Allowed::Bool))
            && p.value != "true"
            && p.value != "false"
            && (p.value.eq_ignore_ascii_case("true") || p.value.eq_ignore_ascii_case("false"))
    })?;
    Some(
        super::refusal(Reason::MissingParameter,
            format!("{}={} is not true or false as Bold BI documents them (it is C#'s bool.ToString()).", param.name, param.value),
            "Send lower-case true / false (value.ToString().ToLower() in C#).",
        )
        .with_setting(policy.used(&super::settings::STRICT_BOOLEANS)),
    )
}

/// An expiration without a timestamp, or outside Bold BI's range.
pub fn expiration(url: &ParsedUrl, facts: &EmbedFacts) -> Option<Refusal> {
    let url = &signed_view(url);
    let expiration = url.first("embed_expirationtime")?;
    let why = if facts.issued_at.is_none() {
        "embed_expirationtime is set without embed_timestamp, so there is nothing to count from."
            .to_owned()
    } else {
        match expiration.value.trim().parse::<u64>() {
            Ok(s) if (MIN_EXPIRATION..=MAX_EXPIRATION).contains(&s) => return None,
            Ok(s) => format!(
                "embed_expirationtime is {s} s; Bold BI accepts {MIN_EXPIRATION} to {MAX_EXPIRATION} s."
            ),
            Err(_) => return None, // reported as unreadable
        }
    };
    Some(super::refusal(Reason::InvalidExpiration,
        why,
        "Send embed_timestamp (Unix seconds) and an embed_expirationtime between 86400 and 518400, or neither.",
    ))
}
