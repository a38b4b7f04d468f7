//! Things in a URL that break embeds even when the signature is right.
//!
//! Each hazard is one of the traps in vendors.md (section 5 and the parameter
//! notes): `+` read as a space, a space after a comma, lowercase escapes,
//! duplicates, typos, a signature not last, values out of range, parameters
//! that need a partner, a JWT living too long. The inspector reports them all
//! without a secret; they are advice, not the verdict.

use crate::catalogue::Allowed;
use crate::encoding::has_lowercase_escape;
use crate::facts::EmbedFacts;
use crate::query::{ParsedUrl, RawParam};
use crate::scheme::Scheme;
use crate::schemes::SchemeSpec;

pub use crate::model::hazard::{Hazard, Severity};

/// All hazards of `url` under `scheme`.
pub fn find(url: &ParsedUrl, scheme: Scheme, facts: &EmbedFacts) -> Vec<Hazard> {
    let mut found = Vec::new();
    if let Some(fragment) = &url.fragment {
        found.push(Hazard::new(
            "fragment",
            Severity::Info,
            None,
            format!("Everything after '#' ({} bytes) stays in the browser and never reaches the server.", fragment.len()),
            "If a parameter value contains '#', send it as %23.",
        ));
    }
    port_zero(url, &mut found);
    let spec = crate::schemes::spec(scheme);
    signature_position(url, spec, &mut found);
    duplicates(url, &mut found);
    for param in &url.params {
        per_parameter(param, spec, &mut found);
    }
    missing(url, scheme, &mut found);
    pairs(url, spec, &mut found);
    spec.hazards(url, facts, &mut found);
    found.sort_by_key(|h| h.severity);
    found
}

/// `https://host:0/…`: port 0 is no port a browser connects to (Looker's
/// C# sample leaves its `HostPort` at 0 and prints it).
fn port_zero(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    let authority = url
        .base
        .split_once("://")
        .map_or("", |(_, rest)| rest.split('/').next().unwrap_or_default());
    let zero_port = authority
        .rsplit_once(':')
        .filter(|(_, port)| !port.is_empty() && port.bytes().all(|b| b == b'0'));
    if let Some((host, _)) = zero_port {
        found.push(Hazard::new(
            "port-zero",
            Severity::Error,
            None,
            format!("The URL's address is {host}:0: port 0 is no port a browser can connect to, so the embed never loads (a signer's port setting left at 0, as one vendor's published C# sample leaves it)."),
            "Leave the port out (443 for https), or set the real one, and sign again: the host, port included, is part of what is signed.",
        ));
    }
}

fn signature_position(url: &ParsedUrl, spec: &dyn SchemeSpec, found: &mut Vec<Hazard>) {
    let Some(name) = spec.signature_param() else {
        return;
    };
    let Some(sig) = url.params.iter().rev().find(|p| p.name == name) else {
        return;
    };
    // Only where the vendor reads the signature's position (Sigma classic
    // signs everything before it); Looker reads its parameters by name.
    if spec.signature_goes_last() && sig.index + 1 != url.params.len() {
        found.push(Hazard::new(
            "signature-not-last",
            Severity::Warning,
            Some(name),
            format!("{name} is parameter {} of {}, not the last.", sig.index + 1, url.params.len()),
            "Append the signature last; anything after it is either unsigned or was moved by a URL builder.",
        ));
    }
    spec.signature_hazards(sig, found);
}

fn duplicates(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    let mut reported: Vec<&str> = Vec::new();
    for param in &url.params {
        let name = param.name.as_str();
        if reported.contains(&name) || url.all(name).count() < 2 {
            continue;
        }
        reported.push(name);
        found.push(Hazard::new(
            "duplicate",
            Severity::Warning,
            Some(name),
            format!(
                "{name} appears {} times; servers disagree on which one wins.",
                url.all(name).count()
            ),
            "Send each parameter once (join multiple values with commas).",
        ));
    }
}

fn per_parameter(param: &RawParam, spec: &dyn SchemeSpec, found: &mut Vec<Hazard>) {
    let scheme = spec.scheme();
    let raw = param.raw_value_or_empty();
    let name = param.name.as_str();
    let is_signature = spec.signature_param() == Some(name);
    if has_lowercase_escape(raw) || has_lowercase_escape(&param.raw_name) {
        found.push(Hazard::new(
            "lowercase-escape",
            Severity::Warning,
            Some(name),
            format!("{name} uses lowercase percent escapes (like %2f); some servers and proxies reject or rewrite them, which breaks the signature."),
            "Emit uppercase escapes (%2F).",
        ));
    }
    if raw.contains('+') && !is_signature && !spec.plus_is_a_space() {
        let is_email = matches!(name, ":email" | "embed_user_email");
        found.push(Hazard::new(
            "raw-plus",
            if is_email {
                Severity::Error
            } else {
                Severity::Warning
            },
            Some(name),
            format!(
                "{name} holds a raw '+', which the server reads as a space ({:?}).",
                param.value
            ),
            "Send '+' as %2B.",
        ));
    }
    if raw.contains(", ") || raw.contains(",%20") || raw.contains(",+") {
        found.push(Hazard::new(
            "space-after-comma",
            Severity::Error,
            Some(name),
            format!("{name} has a space after a comma; {} then looks for a name starting with a space and the load fails.", spec.vendor()),
            "Join list values with bare commas: A,B.",
        ));
    }
    if let Some(documented) = crate::documented::lookup(scheme, name) {
        check_value(
            documented.name,
            documented.allowed,
            &param.value,
            spec,
            found,
        );
        if let Some(legacy) = documented.legacy {
            found.push(Hazard::new(
                "legacy-parameter",
                Severity::Info,
                Some(name),
                format!(
                    "{name} is the legacy name of {} ({}); current {} servers read {}.",
                    legacy.current,
                    legacy.supported,
                    scheme.vendor(),
                    legacy.current
                ),
                format!(
                    "Send {} for current servers; keep {name} only for a server that old.",
                    legacy.current
                ),
            ));
        }
        spec.parameter_hazards(param, found);
        return;
    }
    unknown(param, spec, found);
}

fn unknown(param: &RawParam, spec: &dyn SchemeSpec, found: &mut Vec<Hazard>) {
    let scheme = spec.scheme();
    let name = param.name.as_str();
    let suggestion = crate::documented::nearest(scheme, name);
    if let Some(own) = spec.uncatalogued_hazard(name, suggestion) {
        found.extend(own);
        return;
    }
    match suggestion {
        Some(near) => found.push(Hazard::new(
            "unknown-parameter",
            Severity::Warning,
            Some(name),
            format!(
                "{name} is not a documented {} parameter; did you mean {near}?",
                scheme.vendor()
            ),
            format!("Rename it to {near}."),
        )),
        None => found.push(Hazard::new(
            "unknown-parameter",
            Severity::Warning,
            Some(name),
            format!(
                "{name} is not a documented {} parameter; it is probably ignored.",
                scheme.vendor()
            ),
            "Check the spelling against the vendor's parameter list.",
        )),
    }
}

fn check_value(
    name: &str,
    allowed: Allowed,
    value: &str,
    spec: &dyn SchemeSpec,
    found: &mut Vec<Hazard>,
) {
    let out_of_range = |found: &mut Vec<Hazard>, why: String| {
        found.push(Hazard::new(
            "out-of-range",
            Severity::Error,
            Some(name),
            why,
            format!("Allowed: {}.", allowed.describe()),
        ));
    };
    match allowed {
        Allowed::Bool if value != "true" && value != "false" => {
            let cased = value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false");
            if let Some(setting) = spec.strict_booleans_setting().filter(|_| cased) {
                found.push(Hazard::new(
                    "csharp-boolean",
                    Severity::Info,
                    Some(name),
                    format!("{name}={value} is C#'s bool.ToString(), as {}'s own C# samples send it; its server is .NET, whose boolean parsing ignores case, so it is read as {} here (unconfirmed: the setting {setting} refuses it instead).", spec.vendor(), value.to_ascii_lowercase()),
                    format!("Nothing to change if it works; to be safe send {}.", value.to_ascii_lowercase()),
                ));
                return;
            }
            let hint = if cased {
                " (casing: C# prints True/False)"
            } else {
                ""
            };
            out_of_range(
                found,
                format!("{name}={value:?} is not true or false{hint}."),
            );
        }
        Allowed::OneOf(values) if !values.contains(&value) => {
            out_of_range(
                found,
                format!("{name}={value:?} is not one of {}.", values.join(", ")),
            );
        }
        Allowed::BuiltInOrCustom(values) => {
            if let Some(builtin) = values
                .iter()
                .find(|b| b.eq_ignore_ascii_case(value) && **b != value)
            {
                found.push(Hazard::new(
                    "out-of-range",
                    Severity::Warning,
                    Some(name),
                    format!("{name}={value:?} differs from the built-in {builtin:?} only in case; names are case-sensitive, so it is read as a custom name."),
                    format!("Send {builtin}."),
                ));
            }
        }
        Allowed::Seconds { min, max } => match value.parse::<u64>() {
            Ok(n) if n < min || max.is_some_and(|m| n > m) => {
                out_of_range(
                    found,
                    format!("{name}={n} is outside {}.", allowed.describe()),
                );
            }
            Ok(_) => {}
            Err(_) => out_of_range(
                found,
                format!("{name}={value:?} is not a whole number of seconds."),
            ),
        },
        Allowed::UnixTime if crate::facts::whole_seconds_of_fraction(value).is_some() => {}
        Allowed::UnixTime => match value.parse::<u64>() {
            Ok(n) if n > 100_000_000_000 => found.push(Hazard::new(
                "out-of-range",
                Severity::Error,
                Some(name),
                format!("{name}={n} looks like milliseconds, not seconds."),
                "Divide by 1000 (Math.floor(Date.now() / 1000) in JavaScript).",
            )),
            Ok(_) => {}
            Err(_) => out_of_range(found, format!("{name}={value:?} is not Unix seconds.")),
        },
        Allowed::CommaListOf(codes) => {
            for code in value.split(',').filter(|c| !codes.contains(c)) {
                out_of_range(
                    found,
                    format!("{name} contains {code:?}, not one of {}.", codes.join(",")),
                );
            }
        }
        _ => {}
    }
}

fn missing(url: &ParsedUrl, scheme: Scheme, found: &mut Vec<Hazard>) {
    for name in crate::documented::missing_required(url, scheme) {
        found.push(Hazard::new(
            "missing-required",
            Severity::Error,
            Some(name),
            format!("The required parameter {name} is missing."),
            format!("Add {name}."),
        ));
    }
}

fn pairs(url: &ParsedUrl, spec: &dyn SchemeSpec, found: &mut Vec<Hazard>) {
    let has = |n: &str| url.first(n).is_some();
    let rules = spec.partners();
    for (present, needed, severity) in rules {
        if has(present) && !has(needed) {
            found.push(Hazard::new(
                "needs-partner",
                *severity,
                Some(present),
                format!("{present} only takes effect together with {needed}, which is missing."),
                format!("Add {needed}."),
            ));
        }
    }
}

/// Hazards that depend on the clock: already expired, or issued further in
/// the future than the allowed skew.
pub fn timing(facts: &EmbedFacts, now: u64, clock_skew: u64) -> Vec<Hazard> {
    let mut found = Vec::new();
    if let Some(expires_at) = facts.expires_at.filter(|e| *e < now) {
        found.push(Hazard::new(
            "expired",
            Severity::Error,
            None,
            format!(
                "The URL expired {} s ago (at {expires_at}).",
                now - expires_at
            ),
            "Sign a fresh URL for every load.",
        ));
    }
    if let Some(issued_at) = facts
        .issued_at
        .filter(|i| *i > now.saturating_add(clock_skew))
    {
        found.push(Hazard::new(
            "clock-ahead",
            Severity::Error,
            None,
            format!(
                "The URL was issued {} s in the future (allowed skew: {clock_skew} s).",
                issued_at - now
            ),
            "Sync the signing server's clock (NTP) and send Unix seconds, not milliseconds.",
        ));
    }
    found
}
