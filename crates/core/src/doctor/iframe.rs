//! The parent's `<iframe>` for the embed: does its `src` point where the
//! embed URL says, and do `sandbox`, `referrerpolicy`, `allow` or its size
//! stop the embed from working.

use super::html::{self, Element};
use super::origin::Origin;
use super::{Check, Status};

/// The iframe checks for `embed_url` in `page`.
pub fn checks(page: &str, embed_url: &str, embed: &Origin) -> Vec<Check> {
    let frames = html::elements(page, "iframe");
    let on_origin =
        |f: &&Element| f.get("src").and_then(|s| Origin::of(s).ok()).as_ref() == Some(embed);
    let Some(frame) = frames.iter().find(on_origin) else {
        let found: Vec<String> = frames.iter().map(evidence).collect();
        let scripted = frames.iter().any(|f| {
            f.get("src")
                .is_none_or(|s| s.trim().is_empty() || s.starts_with("about:"))
        });
        return vec![if found.is_empty() || scripted {
            Check::new("iframe-src", Status::Warn, if found.is_empty() { "no <iframe> in the HTML".to_owned() } else { found.join(" | ") }, "The page's markup has no iframe loading the embed: its src is probably set by script, so the attributes that matter cannot all be checked here.", "Give the HTML as the browser has it (save the page from the devtools Elements panel), or check the iframe's src, sandbox and referrerpolicy by hand.")
        } else {
            Check::new("iframe-src", Status::Fail, found.join(" | "), format!("No iframe in the page loads {embed}: the embed URL is not the one the page frames."), format!("Set the iframe's src to the signed URL on {embed}, freshly signed for each page view."))
        }];
    };
    let mut checks = vec![src(frame, embed_url)];
    checks.push(sandbox(frame));
    checks.push(referrer(frame));
    checks.push(allow(frame));
    if let Some(size) = zero_size(frame) {
        checks.push(size);
    }
    checks
}

/// The tag as evidence: every attribute scrubbed, `src` redacted (a page's
/// iframe carries a signed URL, in `src`, `data-src` or anywhere else: its
/// nonce and signature never reach a report).
fn evidence(frame: &Element) -> String {
    let mut out = String::from("<iframe");
    for (name, value) in &frame.attributes {
        let value = if name == "src" {
            crate::redact::redact(value, true)
        } else {
            crate::scrub::scrub(value, &[])
        };
        let name = crate::scrub::scrub(name, &[]);
        if value.is_empty() {
            out.push_str(&format!(" {name}"));
        } else {
            out.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    out.push('>');
    out.chars().take(400).collect()
}

fn src(frame: &Element, embed_url: &str) -> Check {
    let src = frame.get("src").unwrap_or_default();
    let path = |u: &str| u.split(['?', '#']).next().unwrap_or_default().to_owned();
    if path(src) == path(embed_url) {
        Check::new("iframe-src", Status::Pass, evidence(frame), "The iframe loads the embed's address (its query, with nonce and signature, is the page's own).", "")
    } else {
        Check::new(
            "iframe-src",
            Status::Warn,
            evidence(frame),
            format!(
                "The iframe is on the embed's origin but loads {}, not {}.",
                path(src),
                path(embed_url)
            ),
            "Check that the page frames the content you signed.",
        )
    }
}

fn sandbox(frame: &Element) -> Check {
    let id = "iframe-sandbox";
    let Some(tokens) = frame.get("sandbox") else {
        return Check::new(
            id,
            Status::Pass,
            "no sandbox attribute",
            "The frame is not sandboxed.",
            "",
        );
    };
    let has = |t: &str| {
        tokens
            .split_ascii_whitespace()
            .any(|x| x.eq_ignore_ascii_case(t))
    };
    let evidence = format!("sandbox=\"{tokens}\"");
    let mut missing_fatal = Vec::new();
    if !has("allow-scripts") {
        missing_fatal
            .push("allow-scripts (the embed is a script application: without it nothing renders)");
    }
    if !has("allow-same-origin") {
        missing_fatal.push("allow-same-origin (without it the frame has an opaque origin: no cookies, no storage, so the session never starts)");
    }
    if !missing_fatal.is_empty() {
        return Check::new(id, Status::Fail, evidence, format!("The sandbox lacks {}.", missing_fatal.join(" and ")), "Add allow-scripts allow-same-origin to sandbox (and allow-popups allow-forms allow-downloads for exports and links), or remove the attribute.");
    }
    let optional: Vec<&str> = ["allow-popups", "allow-forms", "allow-downloads"]
        .into_iter()
        .filter(|t| !has(t))
        .collect();
    if optional.is_empty() {
        Check::new(
            id,
            Status::Pass,
            evidence,
            "The sandbox lets the embed run, keep its session, open links and download exports.",
            "",
        )
    } else {
        Check::new(
            id,
            Status::Warn,
            evidence,
            format!(
                "The embed renders, but without {} its links, forms or exports do nothing.",
                optional.join(", ")
            ),
            format!("Add {} to sandbox if users need them.", optional.join(" ")),
        )
    }
}

fn referrer(frame: &Element) -> Check {
    let id = "iframe-referrerpolicy";
    match frame.get("referrerpolicy").map(str::to_ascii_lowercase) {
        Some(policy) if matches!(policy.as_str(), "no-referrer" | "same-origin") => Check::new(id, Status::Warn, format!("referrerpolicy=\"{policy}\""), "The embed's server gets no Referer. A vendor that checks where it is embedded from by the Referer (a domain allowlist) then refuses it.", "Use strict-origin-when-cross-origin (the default) or origin."),
        Some(policy) => Check::new(id, Status::Pass, format!("referrerpolicy=\"{policy}\""), "The embed's server learns the parent's origin.", ""),
        None => Check::new(id, Status::Pass, "no referrerpolicy (the default: strict-origin-when-cross-origin)", "The embed's server learns the parent's origin.", ""),
    }
}

fn allow(frame: &Element) -> Check {
    let id = "iframe-allow";
    let allow = frame.get("allow").unwrap_or_default();
    let fullscreen =
        frame.get("allowfullscreen").is_some() || allow.to_ascii_lowercase().contains("fullscreen");
    let evidence = if allow.is_empty() {
        "no allow attribute".to_owned()
    } else {
        format!("allow=\"{allow}\"")
    };
    if fullscreen {
        Check::new(
            id,
            Status::Pass,
            evidence,
            "The embed may go full screen.",
            "",
        )
    } else {
        Check::new(id, Status::Warn, evidence, "The embed renders, but its full-screen button does nothing without allow=\"fullscreen\".", "Add allow=\"fullscreen\" (and clipboard-write if users copy from the embed).")
    }
}

fn zero_size(frame: &Element) -> Option<Check> {
    let zero = |v: Option<&str>| v.is_some_and(|v| v.trim().trim_end_matches("px") == "0");
    let style = frame
        .get("style")
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace(' ', "");
    let hidden = zero(frame.get("width"))
        || zero(frame.get("height"))
        || style.contains("display:none")
        || style.contains("visibility:hidden");
    hidden.then(|| {
        Check::new(
            "iframe-size",
            Status::Warn,
            evidence(frame),
            "The iframe has no size or is hidden, so it looks blank even when the embed loads.",
            "Give the iframe a width and height (height: 800px is a common start).",
        )
    })
}
