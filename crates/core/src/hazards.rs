//! Things in a URL that break embeds even when the signature is right.
//!
//! Each hazard is one of the traps in vendors.md (section 5 and the parameter
//! notes): `+` read as a space, a space after a comma, lowercase escapes,
//! duplicates, typos, a signature not last, values out of range, parameters
//! that need a partner, a JWT living too long. The inspector reports them all
//! without a secret; they are advice, not the verdict.

use serde::Serialize;

use crate::catalogue::{self, Allowed};
use crate::encoding::has_lowercase_escape;
use crate::facts::EmbedFacts;
use crate::query::{ParsedUrl, RawParam};
use crate::scheme::Scheme;
use crate::{boldbi, sigma_classic, sigma_jwt};

/// How bad a hazard is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The vendor will refuse or misread this.
    Error,
    /// Likely to break or to be read differently than meant.
    Warning,
    /// Worth knowing.
    Info,
}

/// One finding.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hazard {
    /// Stable name (`raw-plus`, `space-after-comma`, ...).
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// The parameter concerned (decoded name), if any.
    pub parameter: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to change.
    pub fix: String,
}

fn hazard(
    code: &'static str,
    severity: Severity,
    parameter: Option<&str>,
    message: String,
    fix: impl Into<String>,
) -> Hazard {
    Hazard {
        code,
        severity,
        parameter: parameter.map(str::to_owned),
        message,
        fix: fix.into(),
    }
}

/// All hazards of `url` under `scheme`.
pub fn find(url: &ParsedUrl, scheme: Scheme, facts: &EmbedFacts) -> Vec<Hazard> {
    let mut found = Vec::new();
    if let Some(fragment) = &url.fragment {
        found.push(hazard(
            "fragment",
            Severity::Info,
            None,
            format!("Everything after '#' ({} bytes) stays in the browser and never reaches the server.", fragment.len()),
            "If a parameter value contains '#', send it as %23.",
        ));
    }
    signature_position(url, scheme, &mut found);
    duplicates(url, &mut found);
    for param in &url.params {
        per_parameter(param, scheme, &mut found);
    }
    missing(url, scheme, &mut found);
    if scheme == Scheme::BoldBi {
        boldbi_reading(url, &mut found);
    }
    pairs(url, scheme, &mut found);
    times(scheme, facts, &mut found);
    if let Some(jwt) = &facts.jwt {
        jwt_header(jwt, &mut found);
        beside_jwt(url, &mut found);
    }
    found.sort_by_key(|h| h.severity);
    found
}

fn signature_position(url: &ParsedUrl, scheme: Scheme, found: &mut Vec<Hazard>) {
    let (sig, name) = match scheme {
        Scheme::SigmaClassic => (
            sigma_classic::signature_param(url),
            sigma_classic::SIGNATURE_PARAM,
        ),
        Scheme::BoldBi => (boldbi::signature_param(url), boldbi::SIGNATURE_PARAM),
        Scheme::SigmaJwt => return,
    };
    if let Some(sig) = sig {
        if sig.index + 1 != url.params.len() {
            found.push(hazard(
                "signature-not-last",
                Severity::Warning,
                Some(name),
                format!("{name} is parameter {} of {}, not the last.", sig.index + 1, url.params.len()),
                "Append the signature last; anything after it is either unsigned or was moved by a URL builder.",
            ));
        }
        if scheme == Scheme::BoldBi && sig.raw_value_or_empty().contains('+') {
            found.push(hazard(
                "raw-plus",
                Severity::Warning,
                Some(name),
                "The Base64 signature carries a raw '+', which a server may read as a space (the vendor samples append it raw).".into(),
                "Escape the signature (--escape-signature: + as %2B, / as %2F, = as %3D).",
            ));
        }
    }
}

/// What a Bold BI URL carries that its signature does not cover, or that a
/// plain query parser would misread.
fn boldbi_reading(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    let prefix = boldbi::unsigned_prefix(url);
    if !prefix.is_empty() {
        let names: Vec<&str> = prefix.iter().map(|p| p.name.as_str()).collect();
        found.push(hazard(
            "unsigned-prefix",
            Severity::Info,
            names.first().copied(),
            format!("{} stand before embed_nonce: they were already on the dashboard URL (as the vendor's widget sample builds it) and are outside the signed string, so anyone holding the URL can change them.", names.join(", ")),
            "Nothing, if they only choose what to show (isWidgetMode, widgetId); never put identity or permissions there.",
        ));
    }
    if let Some(filter) = url.first(crate::datasource_filter::FILTER_PARAM) {
        let parts: Vec<String> = crate::datasource_filter::conditions(&filter.value)
            .into_iter()
            .map(|c| {
                format!(
                    "{} {}",
                    if c.dashboard_parameter {
                        "dashboard parameter"
                    } else {
                        "URL filter"
                    },
                    c.text
                )
            })
            .collect();
        if !parts.is_empty() {
            found.push(hazard(
                "datasource-filter",
                Severity::Info,
                Some(crate::datasource_filter::FILTER_PARAM),
                format!("embed_datasource_filter is read whole, raw '&' included, up to the next known Bold BI parameter (as Bold BI does): {}.", parts.join("; ")),
                "Names and values are case-sensitive; escape a literal & or | inside a value as ~&~ or ~|~.",
            ));
        }
    }
}

fn duplicates(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    let mut reported: Vec<&str> = Vec::new();
    for param in &url.params {
        let name = param.name.as_str();
        if reported.contains(&name) || url.all(name).count() < 2 {
            continue;
        }
        reported.push(name);
        found.push(hazard(
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

fn per_parameter(param: &RawParam, scheme: Scheme, found: &mut Vec<Hazard>) {
    let raw = param.raw_value_or_empty();
    let name = param.name.as_str();
    let is_signature = name == sigma_classic::SIGNATURE_PARAM || name == boldbi::SIGNATURE_PARAM;
    if has_lowercase_escape(raw) || has_lowercase_escape(&param.raw_name) {
        found.push(hazard(
            "lowercase-escape",
            Severity::Warning,
            Some(name),
            format!("{name} uses lowercase percent escapes (like %2f); some servers and proxies reject or rewrite them, which breaks the signature."),
            "Emit uppercase escapes (%2F).",
        ));
    }
    if raw.contains('+') && !is_signature {
        let is_email = matches!(name, ":email" | "embed_user_email");
        found.push(hazard(
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
        found.push(hazard(
            "space-after-comma",
            Severity::Error,
            Some(name),
            format!("{name} has a space after a comma; Sigma then looks for a name starting with a space and the load fails."),
            "Join list values with bare commas: A,B.",
        ));
    }
    if let Some(spec) = catalogue::lookup(scheme, name) {
        check_value(spec.name, spec.allowed, &param.value, found);
        if let Some(legacy) = spec.legacy {
            found.push(hazard(
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
        if name == ":nonce" && param.value.chars().count() > 255 {
            found.push(hazard(
                "out-of-range",
                Severity::Error,
                Some(name),
                ":nonce is longer than 255 characters.".into(),
                "Use a UUID.",
            ));
        }
        if matches!(name, ":external_user_team") && raw.to_ascii_uppercase().contains("%2C") {
            let teams = crate::facts::split_list(param);
            found.push(hazard(
                "encoded-comma",
                Severity::Info,
                Some(name),
                format!("{name} encodes its comma as %2C (Sigma's Node signing package and an older help example do); it still separates, so this is {} team(s): {}.", teams.len(), teams.join(" | ")),
                "Nothing to change if these are the teams you meant; a team name cannot contain a comma.",
            ));
        }
        if matches!(name, ":external_user_team" | ":account_type" | ":theme") && raw.contains('%') {
            found.push(hazard(
                "encoded-name",
                Severity::Info,
                Some(name),
                format!("{name} is percent-encoded; Sigma's help says team names, account types and theme names must not be encoded (an older example does encode them)."),
                "If the name is not found, compare it with the admin portal's spelling; escape only what would break the URL (&, #, +, %, spaces).",
            ));
        }
        return;
    }
    unknown(param, scheme, found);
}

/// Interface parameters Sigma does not take beside a JWT.
fn beside_jwt(url: &ParsedUrl, found: &mut Vec<Hazard>) {
    for param in &url.params {
        let name = param.name.as_str();
        if name.starts_with(':')
            && !crate::sigma_jwt::catalogue::ALLOWED_BESIDE.contains(&name)
            && catalogue::lookup(Scheme::SigmaJwt, name).is_some()
        {
            found.push(hazard(
                "not-beside-jwt",
                Severity::Warning,
                Some(name),
                format!("{name} is not among the interface parameters Sigma allows beside a JWT; it is a claim, an account-type permission, or unsupported there, and is probably ignored."),
                "Drop it, or set it as a claim (first_name, last_name, eval_connection_id) or through the account type.",
            ));
        }
    }
}

fn unknown(param: &RawParam, scheme: Scheme, found: &mut Vec<Hazard>) {
    let name = param.name.as_str();
    if scheme != Scheme::BoldBi && name.starts_with(":ua_") {
        return;
    }
    let sigma_control = scheme != Scheme::BoldBi && !name.starts_with(':');
    let suggestion = catalogue::nearest(scheme, name);
    match (sigma_control, suggestion) {
        (true, None) => found.push(hazard(
            "control",
            Severity::Info,
            Some(name),
            format!("{name} has no colon, so Sigma reads it as a workbook control id."),
            "Make sure a control with this id exists in the workbook.",
        )),
        (_, Some(near)) => found.push(hazard(
            "unknown-parameter",
            Severity::Warning,
            Some(name),
            format!(
                "{name} is not a documented {} parameter; did you mean {near}?",
                scheme.vendor()
            ),
            format!("Rename it to {near}."),
        )),
        (false, None) => found.push(hazard(
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

fn check_value(name: &str, allowed: Allowed, value: &str, found: &mut Vec<Hazard>) {
    let out_of_range = |found: &mut Vec<Hazard>, why: String| {
        found.push(hazard(
            "out-of-range",
            Severity::Error,
            Some(name),
            why,
            format!("Allowed: {}.", allowed.describe()),
        ));
    };
    match allowed {
        Allowed::Bool if value != "true" && value != "false" => {
            let hint = if value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false")
            {
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
                found.push(hazard(
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
            Ok(n) if n > 100_000_000_000 => found.push(hazard(
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
    for name in catalogue::missing_required(url, scheme) {
        found.push(hazard(
            "missing-required",
            Severity::Error,
            Some(name),
            format!("The required parameter {name} is missing."),
            format!("Add {name}."),
        ));
    }
}

fn pairs(url: &ParsedUrl, scheme: Scheme, found: &mut Vec<Hazard>) {
    let has = |n: &str| url.first(n).is_some();
    let rules: &[(&str, &str, Severity)] = match scheme {
        Scheme::SigmaClassic | Scheme::SigmaJwt => &[
            (":hide_menu", ":menu_position", Severity::Warning),
            (":first_name", ":last_name", Severity::Warning),
            (":last_name", ":first_name", Severity::Warning),
            (":lng_variant", ":lng", Severity::Warning),
        ],
        Scheme::BoldBi => &[("embed_expirationtime", "embed_timestamp", Severity::Error)],
    };
    for (present, needed, severity) in rules {
        if has(present) && !has(needed) {
            found.push(hazard(
                "needs-partner",
                *severity,
                Some(present),
                format!("{present} only takes effect together with {needed}, which is missing."),
                format!("Add {needed}."),
            ));
        }
    }
}

fn times(scheme: Scheme, facts: &EmbedFacts, found: &mut Vec<Hazard>) {
    if scheme == Scheme::SigmaJwt && facts.lifetime.is_some_and(|l| l > sigma_jwt::MAX_LIFETIME) {
        found.push(hazard(
            "jwt-lifetime",
            Severity::Error,
            Some("exp"),
            format!(
                "exp - iat is {} s; Sigma allows at most {} s (30 days).",
                facts.lifetime.unwrap_or_default(),
                sigma_jwt::MAX_LIFETIME
            ),
            "Shorten the token lifetime.",
        ));
    }
    if scheme == Scheme::SigmaJwt
        && facts
            .jwt
            .as_ref()
            .is_some_and(|j| j.claims.get("exp").is_none())
    {
        found.push(hazard(
            "missing-required",
            Severity::Error,
            Some("exp"),
            "The JWT has no exp claim.".into(),
            "Add exp (Unix seconds).",
        ));
    }
    if let Some(value) = &facts.fractional_time {
        found.push(hazard(
            "fractional-time",
            Severity::Warning,
            Some(":time"),
            format!(":time is {value}, with a fraction of a second (Sigma's Python signing package sends time.time()). Sigma documents whole Unix seconds; it is read here as {} (the setting sigma-strict-time refuses it instead).", facts.issued_at.unwrap_or_default()),
            "Send whole seconds: int(time.time()) in Python, Math.floor(Date.now() / 1000) in JavaScript.",
        ));
    }
    if scheme == Scheme::SigmaClassic {
        if let Some(mode) = facts
            .mode
            .as_deref()
            .filter(|m| matches!(*m, "view" | "explore"))
        {
            found.push(hazard(
                "legacy-mode",
                Severity::Warning,
                Some(":mode"),
                format!(":mode={mode} is one of the older application-embed modes (view, explore) that Sigma's Node signing package still sends; secure embeds document :mode=userbacked, and what Sigma does with {mode} today is unconfirmed (the local host accepts it unless sigma-refuse-legacy-modes is on)."),
                "Send :mode=userbacked, with :account_type for the user's permissions.",
            ));
        }
    }
    // Unreadable query parameters are reported by their value check; JWT
    // claims have no such check.
    for unreadable in facts
        .unreadable
        .iter()
        .filter(|_| scheme == Scheme::SigmaJwt)
    {
        found.push(hazard(
            "out-of-range",
            Severity::Error,
            Some(&unreadable.name),
            format!("{}: {}.", unreadable.name, unreadable.problem),
            "Send Unix seconds as a plain integer.",
        ));
    }
}

/// Hazards that depend on the clock: already expired, or issued further in
/// the future than the allowed skew.
pub fn timing(facts: &EmbedFacts, now: u64, clock_skew: u64) -> Vec<Hazard> {
    let mut found = Vec::new();
    if let Some(expires_at) = facts.expires_at.filter(|e| *e < now) {
        found.push(hazard(
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
        found.push(hazard(
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

fn jwt_header(jwt: &sigma_jwt::DecodedJwt, found: &mut Vec<Hazard>) {
    let alg = jwt
        .header
        .get("alg")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("");
    if alg != "HS256" {
        found.push(hazard(
            "jwt-alg",
            Severity::Error,
            Some("alg"),
            format!("The JWT is signed with {alg:?}; Sigma expects HS256."),
            "Sign with HS256.",
        ));
    }
    if jwt.kid().is_none() {
        found.push(hazard(
            "missing-required",
            Severity::Error,
            Some("kid"),
            "The JWT header has no kid (the client id).".into(),
            "Put the client id in the header's kid.",
        ));
    }
    for claim in ["sub", "jti", "iat"] {
        if jwt.claims.get(claim).is_none() {
            found.push(hazard(
                "missing-required",
                Severity::Error,
                Some(claim),
                format!("The JWT has no {claim} claim."),
                format!("Add {claim}."),
            ));
        }
    }
    if jwt.claim_str("sub").is_some_and(|sub| sub.contains('_')) {
        found.push(hazard(
            "sub-underscore",
            Severity::Warning,
            Some("sub"),
            "sub contains an underscore: Sigma's help says sub must not include white space or unsupported characters such as underscores, yet Sigma's own samples use them. Not refused here.".into(),
            "If Sigma refuses the user, try an address without underscores.",
        ));
    }
    for claim in ["connection_oauth_tokens", "oauth_token"] {
        if jwt.claims.get(claim).is_some() && jwt.claim_str("ver") != Some("1.1") {
            found.push(hazard(
                "needs-partner",
                Severity::Error,
                Some(claim),
                format!("{claim} is only supported with ver 1.1 (Sigma: \"connection_oauth_tokens is only supported in ver 1.1\")."),
                "Set ver: \"1.1\" and aud: \"sigmacomputing\".",
            ));
        }
    }
    if jwt.claim_str("ver") == Some("1.1") && jwt.claim_str("aud") != Some(sigma_jwt::AUDIENCE_V1_1)
    {
        found.push(hazard(
            "needs-partner",
            Severity::Error,
            Some("aud"),
            "ver 1.1 needs aud = \"sigmacomputing\".".into(),
            "Add aud: \"sigmacomputing\".",
        ));
    }
}
