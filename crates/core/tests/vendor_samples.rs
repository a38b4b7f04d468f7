//! URLs that the vendors' own published samples produce, built by
//! independent implementations (`scripts/vectors/vendor_samples.py` with
//! Python's standard library, `vendor_samples.mjs` with Node's crypto and
//! URLSearchParams), verify under the default settings, are annotated with
//! the hazards vendors.md asks for, call nothing current "unknown", and are
//! refused only when the user turns on the strict setting for the oddity.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use embed_core::hazards;
use embed_core::{Context, Embed, Judge, Policy, Scheme, Secret};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    ["vendor_samples_py.json", "vendor_samples_node.json"]
        .iter()
        .flat_map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            let file: Value = serde_json::from_str(&text).unwrap();
            file["vectors"].as_array().unwrap().clone()
        })
        .collect()
}

fn text(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key}"))
        .to_owned()
}

fn codes(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| a.iter().map(|c| c.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn verdict(embed: &Embed, secret: &Secret, policy: &Policy, now: u64) -> embed_core::Verification {
    embed.verify(
        &Judge {
            secret,
            policy,
            now: Some(now),
        },
        Context::default(),
    )
}

#[test]
fn every_vendor_sample_url_verifies_with_the_default_settings_or_gets_the_documented_refusal() {
    for v in vectors() {
        let name = text(&v, "name");
        let embed = Embed::read(&text(&v, "url")).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            serde_json::to_value(embed.scheme).unwrap(),
            v["scheme"],
            "{name}"
        );
        let secret = Secret::new(text(&v, "secret"));
        let now = v["now"].as_u64().unwrap();
        let outcome = verdict(&embed, &secret, &Policy::default(), now);
        match v.get("refused").and_then(Value::as_str) {
            // A refusal the vendor documents, with the vendor's code.
            Some(reason) => {
                let refusal = outcome
                    .refusal
                    .unwrap_or_else(|| panic!("{name}: accepted"));
                assert_eq!(refusal.reason.id(), reason, "{name}");
                if let Some(code) = v.get("code").and_then(Value::as_str) {
                    assert_eq!(refusal.code, Some(code), "{name}");
                }
                continue;
            }
            None => assert!(outcome.accepted, "{name}: {:?}", outcome.refusal),
        }
        assert!(
            !verdict(&embed, &Secret::new("wrong"), &Policy::default(), now).accepted,
            "{name}: a wrong secret must fail"
        );
    }
}

#[test]
fn vendor_samples_get_the_hazards_vendors_md_names_and_nothing_current_is_unknown() {
    for v in vectors() {
        let name = text(&v, "name");
        let embed = Embed::read(&text(&v, "url")).unwrap();
        let found: Vec<&str> = hazards::find(&embed.url, embed.scheme, &embed.facts)
            .iter()
            .map(|h| h.code)
            .collect();
        for code in codes(&v, "hazards") {
            assert!(
                found.contains(&code.as_str()),
                "{name}: no {code} in {found:?}"
            );
        }
        for code in codes(&v, "not_hazards") {
            assert!(
                !found.contains(&code.as_str()),
                "{name}: {code} in {found:?}"
            );
        }
        // The exact list: a vendor's own sample gets no hazard its
        // behaviour does not justify.
        if v.get("only_hazards").is_some() {
            let mut found: Vec<String> = found.iter().map(|c| (*c).to_owned()).collect();
            found.sort();
            found.dedup();
            let mut want = codes(&v, "only_hazards");
            want.sort();
            assert_eq!(found, want, "{name}: the exact hazards");
        }
    }
}

/// Looker's python_example.py puts first_name, last_name and
/// force_logout_login after the signature: Looker reads parameters by name,
/// so no position warning.
#[test]
fn looker_python_sample_urls_get_no_position_warning() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("looker.json")).unwrap()).unwrap();
    let samples = file["python_sample"].as_array().unwrap();
    assert!(!samples.is_empty());
    for sample in samples {
        let embed = Embed::read(&text(sample, "url")).unwrap();
        let found: Vec<&str> = hazards::find(&embed.url, embed.scheme, &embed.facts)
            .iter()
            .map(|h| h.code)
            .collect();
        assert!(!found.contains(&"signature-not-last"), "{found:?}");
    }
}

#[test]
fn the_strict_settings_refuse_exactly_the_oddities_they_name() {
    let strict = [
        "sigma-strict-time",
        "boldbi-strict-booleans",
        "sigma-refuse-legacy-modes",
    ]
    .into_iter()
    .fold(Policy::default(), |policy, name| {
        policy.with(name, "true").unwrap()
    });
    let mut checked = 0;
    for v in vectors()
        .iter()
        .filter(|v| v.get("strict_setting").is_some())
    {
        let name = text(v, "name");
        let embed = Embed::read(&text(v, "url")).unwrap();
        let outcome = verdict(
            &embed,
            &Secret::new(text(v, "secret")),
            &strict,
            v["now"].as_u64().unwrap(),
        );
        let refusal = outcome
            .refusal
            .unwrap_or_else(|| panic!("{name}: accepted under strict settings"));
        assert_eq!(
            refusal.setting.map(|s| s.name),
            Some(text(v, "strict_setting").as_str()),
            "{name}"
        );
        checked += 1;
    }
    assert_eq!(checked, 3);
}

#[test]
fn a_fractional_time_still_expires_and_teams_decode_as_the_sample_meant() {
    for v in vectors() {
        let embed = Embed::read(&text(&v, "url")).unwrap();
        if let Some(expires_at) = v.get("expires_at").and_then(Value::as_u64) {
            assert_eq!(embed.facts.expires_at, Some(expires_at));
        }
        if let Some(teams) = v.get("teams") {
            let want: Vec<String> = teams
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(embed.facts.teams, Some(want));
        }
        if let Some(filter) = v.get("filter").and_then(Value::as_str) {
            assert_eq!(embed.scheme, Scheme::BoldBi);
            let param = embed.url.first("embed_datasource_filter").unwrap();
            assert_eq!(param.value, filter);
            assert!(embed.url.first("Region").is_none() && embed.url.first("Store").is_none());
        }
    }
}

/// The inspector shows a Bold BI signature as the verdict reads it: a raw
/// '+' stays a '+', never a space.
#[test]
fn a_raw_plus_in_a_bold_bi_signature_is_shown_as_the_verdict_reads_it() {
    let mut seen = 0;
    for v in vectors().iter().filter(|v| v["scheme"] == "boldbi") {
        let url = text(v, "url");
        let raw = url.split("&embed_signature=").nth(1).unwrap().to_owned();
        if !raw.contains('+') {
            continue;
        }
        let report = embed_core::inspect(&url, &embed_core::InspectOptions::default()).unwrap();
        let row = report.parameters.iter().find(|p| p.is_signature).unwrap();
        assert_eq!(row.value, raw, "{}", text(v, "name"));
        seen += 1;
    }
    assert!(seen > 0, "no vector has a '+' in its signature");
}

/// Without any embed parameter, the message names every registered
/// scheme's parameters (Looker's too).
#[test]
fn a_url_with_no_embed_parameter_names_what_each_scheme_looks_for() {
    let error = Embed::read("https://example.com/page?utm_source=mail").unwrap_err();
    let text = format!("{error} {}", error.fix());
    for name in [":nonce", ":jwt", "embed_nonce", "nonce (Looker"] {
        assert!(text.contains(name), "{text}");
    }
}
