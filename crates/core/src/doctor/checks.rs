//! The checks, in the order a browser meets them: the parent's page (mixed
//! content, its own CSP, the iframe element), then the embed's answer (can
//! it be reached, `X-Frame-Options`, `frame-ancestors`), then its cookies,
//! then what changes when a page that works on localhost is deployed.

use super::cookies::{self, SetCookie};
use super::csp;
use super::origin::Origin;
use super::{header_values, Check, EmbedObserved, ParentObserved, Status};
use crate::inspect::Embed;

const CSP: &str = "content-security-policy";
const NO_PARENT_ORIGIN: &str = "Give the origin the saved page is served from (e.g. https://app.example.com: \"Served from\" in the app, --parent-origin in the CLI), or the page's URL instead.";

/// Every check for `embed` in `parent`.
pub fn all(
    parent: &ParentObserved,
    parent_origin: Option<&Origin>,
    embed: &EmbedObserved,
    embed_origin: Option<&Origin>,
) -> Vec<Check> {
    let mut checks = Vec::new();
    let Some(embed_origin) = embed_origin else {
        checks.push(Check::new(
            "embed-url",
            Status::Fail,
            crate::redact::redact(&embed.url, true)
                .chars()
                .take(80)
                .collect::<String>(),
            "The embed URL is not an absolute http(s) URL, so no browser can frame it.",
            "Give the full URL the iframe loads (https://…).",
        ));
        return checks;
    };
    checks.push(mixed_content(parent_origin, embed_origin));
    // An error page is not the customer's page: its policy and iframes say
    // nothing about the embed, so only the embed's side is checked.
    match parent.status.filter(|s| *s >= 400) {
        Some(status) => checks.push(Check::new(
            "parent-page",
            Status::Fail,
            format!("GET {} → {status}", parent.url.as_deref().unwrap_or("the parent")),
            format!("The parent page answered HTTP {status}: that is an error page, not the page that frames the embed, so its policy and iframe were not checked."),
            "Give the address of the page that shows the embed (as the browser's address bar has it), or save that page's HTML.",
        )),
        None => {
            checks.push(parent_csp(parent, parent_origin, embed));
            if let Some(html) = &parent.html {
                checks.extend(super::iframe::checks(html, &embed.url, embed_origin));
            }
        }
    }
    checks.push(reach(embed));
    if embed.answer.is_ok() {
        let policies = csp::policies(header_values(&embed.headers, CSP));
        let governed = policies
            .iter()
            .any(|p| p.directive("frame-ancestors").is_some());
        checks.push(frame_options(embed, parent_origin, embed_origin, governed));
        checks.push(frame_ancestors(
            embed,
            &policies,
            parent_origin,
            embed_origin,
        ));
        checks.extend(cookie_checks(embed, parent_origin, embed_origin));
        if let Some(origin) = parent_origin.filter(|o| o.is_loopback()) {
            checks.push(deployed(origin, embed_origin, &policies));
        }
    }
    checks
}

fn mixed_content(parent: Option<&Origin>, embed: &Origin) -> Check {
    let id = "mixed-content";
    let evidence = match parent {
        Some(p) => format!("parent {p}, embed {embed}"),
        None => format!("parent origin unknown, embed {embed}"),
    };
    match parent {
        Some(p) if p.scheme == "https" && embed.scheme == "http" && !embed.is_loopback() => Check::new(id, Status::Fail, evidence, "An https page may not frame an http URL: every browser blocks it as mixed content and shows an empty frame.", "Serve the embed over https (the vendor's https address)."),
        Some(p) if p.scheme == "https" && embed.scheme == "http" => Check::new(id, Status::Warn, evidence, "An https page framing http on this machine: Chrome and Firefox allow loopback addresses, Safari blocks them as mixed content.", "Serve both over the same scheme while testing."),
        Some(_) => Check::new(id, Status::Pass, evidence, "No mixed content: the embed's scheme is allowed in this parent.", ""),
        None => Check::new(id, Status::Warn, evidence, "The parent's origin is unknown, so mixed content cannot be ruled out.", NO_PARENT_ORIGIN),
    }
}

fn parent_csp(
    parent: &ParentObserved,
    parent_origin: Option<&Origin>,
    embed: &EmbedObserved,
) -> Check {
    let id = "parent-csp";
    let mut values: Vec<&str> = header_values(&parent.headers, CSP).collect();
    let meta = parent
        .html
        .as_deref()
        .map(super::html::meta_policies)
        .unwrap_or_default();
    values.extend(meta.iter().map(String::as_str));
    let policies = csp::policies(values);
    let governing: Vec<(&csp::Policy, &str, &[String])> = policies
        .iter()
        .filter_map(|p| {
            p.first_of(&["frame-src", "child-src", "default-src"])
                .map(|(name, sources)| (p, name, sources))
        })
        .collect();
    if governing.is_empty() {
        return Check::new(
            id,
            Status::Pass,
            "no frame-src, child-src or default-src in the parent's Content-Security-Policy",
            "The parent's own policy does not restrict what it frames.",
            "",
        );
    }
    let (Ok(url), Some(protected)) = (Origin::of(&embed.url), parent_origin) else {
        return Check::new(
            id,
            Status::Warn,
            governing[0].0.text.clone(),
            "The parent restricts frames, but its origin is unknown, so 'self' cannot be judged.",
            NO_PARENT_ORIGIN,
        );
    };
    let path = super::origin::path_of(&embed.url);
    match governing.iter().find(|(_, _, sources)| !csp::allows(sources, &url, path, protected)) {
        Some((policy, name, sources)) => Check::new(id, Status::Fail, format!("{name} {}", sources.join(" ")), format!("The parent's Content-Security-Policy ({name}) does not list {url}, so the browser refuses to load the frame (Chrome: \"Refused to frame … because it violates the following Content Security Policy directive\"). Policy: {}", policy.text), format!("Add {url} to the parent's {name} (keep the other sources).")),
        None => {
            let (_, name, sources) = governing[0];
            Check::new(id, Status::Pass, format!("{name} {}", sources.join(" ")), format!("The parent's {name} allows {url}."), "")
        }
    }
}

fn reach(embed: &EmbedObserved) -> Check {
    let id = "reach";
    let chain = embed.chain.join(" → ");
    match &embed.answer {
        Ok(status) => Check::new(id, Status::Pass, format!("GET {} → {status}", if chain.is_empty() { embed.probe.clone() } else { chain }), format!("The embed's origin answers. The doctor asked it for {} (without the query, so the signed URL's nonce is not spent); an error status there is expected for an address without its signature, and its headers are what the checks below read.", embed.probe), ""),
        Err(why) => Check::new(id, Status::Fail, format!("GET {}: {why}", embed.probe), "The embed's origin did not answer, so the frame stays empty whatever the headers would say.", "Check the address, the network and any proxy between this machine and the vendor."),
    }
}

fn frame_options(
    embed: &EmbedObserved,
    parent: Option<&Origin>,
    origin: &Origin,
    governed: bool,
) -> Check {
    let id = "x-frame-options";
    let mut values: Vec<String> = header_values(&embed.headers, "x-frame-options")
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
        .collect();
    values.dedup();
    if values.is_empty() {
        return Check::new(
            id,
            Status::Pass,
            "no X-Frame-Options",
            "The embed does not forbid framing with X-Frame-Options.",
            "",
        );
    }
    let evidence = format!("X-Frame-Options: {}", values.join(", "));
    if governed {
        return Check::new(
            id,
            Status::Pass,
            evidence,
            "Ignored: the response also has a CSP frame-ancestors, which browsers obey instead.",
            "",
        );
    }
    let blocks = |why: String| {
        Check::new(id, Status::Fail, evidence.clone(), why, "Have the embed's server drop X-Frame-Options for embed pages, or replace it with Content-Security-Policy: frame-ancestors listing the parent's origin. If a proxy or CDN in front of it adds the header, change it there.")
    };
    if values.len() > 1
        && values
            .iter()
            .any(|v| matches!(v.as_str(), "deny" | "sameorigin" | "allowall"))
    {
        return blocks(
            "Conflicting X-Frame-Options values: browsers then refuse the frame.".into(),
        );
    }
    match values[0].as_str() {
        "deny" => blocks("DENY: no page may frame the embed; Chrome shows \"refused to connect\" in the frame.".into()),
        "sameorigin" => match parent {
            Some(p) if p == origin => Check::new(id, Status::Pass, evidence, "SAMEORIGIN, and the parent has the embed's origin.", ""),
            Some(p) => blocks(format!("SAMEORIGIN: only pages on {origin} may frame it, and the parent is on {p}.")),
            None => Check::new(id, Status::Warn, evidence, "SAMEORIGIN: only pages on the embed's own origin may frame it; the parent's origin is unknown.", NO_PARENT_ORIGIN),
        },
        "allowall" => Check::new(id, Status::Pass, evidence, "ALLOWALL does not restrict framing.", ""),
        other => Check::new(id, Status::Warn, evidence, format!("{other:?} is not a value browsers act on (ALLOW-FROM is obsolete): the header is ignored, so it neither blocks nor protects."), "Use Content-Security-Policy: frame-ancestors to say who may frame the embed."),
    }
}

fn frame_ancestors(
    embed: &EmbedObserved,
    policies: &[csp::Policy],
    parent: Option<&Origin>,
    origin: &Origin,
) -> Check {
    let id = "frame-ancestors";
    let listing: Vec<(&csp::Policy, &[String])> = policies
        .iter()
        .filter_map(|p| p.directive("frame-ancestors").map(|s| (p, s)))
        .collect();
    let report_only: Vec<String> =
        header_values(&embed.headers, "content-security-policy-report-only")
            .filter(|v| v.to_ascii_lowercase().contains("frame-ancestors"))
            .map(str::to_owned)
            .collect();
    if listing.is_empty() {
        let note = if report_only.is_empty() {
            String::new()
        } else {
            " (A report-only policy names frame-ancestors; it reports but never blocks.)".to_owned()
        };
        return Check::new(
            id,
            Status::Pass,
            "no frame-ancestors in Content-Security-Policy",
            format!("The embed's policy does not restrict who frames it.{note}"),
            "",
        );
    }
    let evidence = listing
        .iter()
        .map(|(_, s)| format!("frame-ancestors {}", s.join(" ")))
        .collect::<Vec<_>>()
        .join(" | ");
    let Some(parent) = parent else {
        return Check::new(
            id,
            Status::Warn,
            evidence,
            "The embed names who may frame it; the parent's origin is unknown.",
            NO_PARENT_ORIGIN,
        );
    };
    if listing
        .iter()
        .all(|(_, sources)| csp::allows(sources, parent, "/", origin))
    {
        return Check::new(
            id,
            Status::Pass,
            evidence,
            format!("The embed's frame-ancestors allows {parent}."),
            "",
        );
    }
    let vendor = Embed::read(&embed.url)
        .ok()
        .and_then(|e| crate::schemes::spec(e.scheme).framing_allowlist());
    let fix = match vendor {
        Some(advice) => format!("{advice} It must allow {parent} exactly (scheme, host and port)."),
        None => format!("Add {parent} to the embed's frame-ancestors (on the vendor's side: its embed or domain allowlist setting)."),
    };
    Check::new(id, Status::Fail, evidence, format!("The embed's Content-Security-Policy frame-ancestors does not allow {parent}: the browser refuses the frame and shows it empty, with no event to the parent."), fix)
}

fn cookie_checks(embed: &EmbedObserved, parent: Option<&Origin>, origin: &Origin) -> Vec<Check> {
    let cookies: Vec<SetCookie> = embed
        .set_cookies
        .iter()
        .filter_map(|h| SetCookie::parse(h))
        .collect();
    if cookies.is_empty() {
        return vec![Check::new("cookies", Status::Pass, "no Set-Cookie in the unsigned answer", "The unsigned page set no cookie. The session cookie may be set only by the signed load, which the doctor does not make (it would spend the URL): if the embed signs in and then shows a login or error page, look at that cookie's SameSite in the browser's storage panel.", "")];
    }
    let Some(parent) = parent else {
        return vec![Check::new("cookies", Status::Warn, cookies.iter().map(SetCookie::evidence).collect::<Vec<_>>().join(" | "), "The embed sets cookies; whether the frame is third-party depends on the parent's origin, which is unknown.", NO_PARENT_ORIGIN)];
    };
    let third_party = !parent.same_site(origin);
    cookies
        .iter()
        .map(|cookie| {
            let fates = cookies::fates(cookie, third_party, origin.is_trustworthy());
            let status = cookies::status(cookie, &fates, third_party);
            let context = if third_party {
                format!("{parent} and {origin} are different sites, so the frame is third-party.")
            } else {
                format!("{parent} and {origin} are the same site.")
            };
            let browsers = fates.iter().map(|f| format!("{}: {} ({})", f.browser, if f.sent { "kept" } else { "dropped" }, f.why)).collect::<Vec<_>>().join("; ");
            let fix = match status {
                Status::Pass => String::new(),
                _ if cookie.secure && !origin.is_trustworthy() => "Serve the embed over https: a Secure cookie needs it.".into(),
                _ => format!("The embed's server must set this cookie with SameSite=None; Secure; Partitioned{}, or serve the embed from a subdomain of the parent's site so the frame is first-party.", partitioned_settings()),
            };
            Check::new(format!("cookie:{}", cookie.name), status, cookie.evidence(), format!("{context} {browsers}."), fix)
        })
        .collect()
}

fn deployed(parent: &Origin, embed: &Origin, policies: &[csp::Policy]) -> Check {
    let id = "deployed-origin";
    let mut changes = Vec::new();
    if embed.scheme == "http" && !embed.is_loopback() {
        changes
            .push("a deployed https page may not frame this http embed (mixed content)".to_owned());
    }
    let only_local = policies
        .iter()
        .filter_map(|p| p.directive("frame-ancestors"))
        .any(|sources| {
            sources.iter().all(|s| {
                let s = s.to_ascii_lowercase();
                s.contains("localhost") || s.contains("127.0.0.1") || s == "'self'" || s == "'none'"
            })
        });
    if only_local {
        changes.push("the embed's frame-ancestors names only this machine: the deployed origin must be added".to_owned());
    }
    if changes.is_empty() {
        Check::new(id, Status::Pass, format!("parent on {parent}"), "The parent runs on this machine. When deployed, its origin changes: every allowlist (frame-ancestors, the vendor's allowed domains) must name the deployed origin, and a page served over https may frame only https embeds.", "")
    } else {
        Check::new(id, Status::Warn, format!("parent on {parent}"), format!("Works here, but when deployed: {}.", changes.join("; ")), "Add the deployed origin to the embed's allowlist and serve the embed over https before going live.")
    }
}
/// The vendors' own settings for partitioned cookies, as " (Vendor: setting)".
fn partitioned_settings() -> String {
    let named: Vec<String> = crate::schemes::all()
        .iter()
        .filter_map(|s| {
            s.partitioned_cookie_setting()
                .map(|setting| format!("{}: {setting}", s.vendor()))
        })
        .collect();
    if named.is_empty() {
        String::new()
    } else {
        format!(" ({})", named.join("; "))
    }
}
