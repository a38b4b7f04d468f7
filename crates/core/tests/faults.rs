//! The ways a hostile or odd URL made the core say something untrue, each
//! pinned: identity outside Bold BI's signed string, an empty client id, a
//! session length that is not whole seconds, and signed URLs anywhere in a
//! page the doctor reads (a property over generated pages).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use embed_core::doctor::{self, EmbedObserved, ParentObserved};
use embed_core::hazards::Severity;
use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::verdict::Reason;
use embed_core::{inspect, Context, Embed, InspectOptions, Judge, Policy, Secret};
use proptest::prelude::*;

const SECRET: &str = "faults-secret-5a4b3c";
const NOW: u64 = 1_790_000_000;

fn verdict(url: &str) -> embed_core::Verification {
    let policy = Policy::default();
    Embed::read(url).unwrap().verify(
        &Judge {
            secret: &Secret::new(SECRET),
            policy: &policy,
            now: Some(NOW),
        },
        Context::default(),
    )
}

fn boldbi_url(dashboard_url: &str) -> String {
    boldbi::sign(
        &BoldBiRequest {
            dashboard_url: dashboard_url.into(),
            nonce: "6f1c2d3e-aaaa-4bbb-8ccc-0123456789ab".into(),
            email: "bo@example.com".into(),
            params: vec![("views".into(), "false".into())],
            timestamp: Some(NOW),
            expiration: Some(86_400),
            escape_signature: true,
        },
        &Secret::new(SECRET),
    )
    .unwrap()
}

const DASHBOARD: &str = "https://bi.example.com/bi/site/site1/dashboards/d-1/Sales/Overview";

#[test]
fn bold_bi_identity_in_front_of_the_signed_string_names_no_one_and_is_refused() {
    let signed = boldbi_url(DASHBOARD);
    let polluted = signed.replacen('?', "?embed_user_email=evil%40example.com&views=true&", 1);
    let embed = Embed::read(&polluted).unwrap();
    assert_eq!(embed.facts.email.as_deref(), Some("bo@example.com"));
    let verification = verdict(&polluted);
    let refusal = verification.refusal.expect("refused");
    assert_eq!(refusal.reason, Reason::InvalidSignature);
    assert!(
        refusal
            .explanation
            .contains("embed_user_email, views stand before embed_nonce"),
        "{}",
        refusal.explanation
    );
    let report = inspect(
        &polluted,
        &InspectOptions {
            secret: Some(&Secret::new(SECRET)),
            now: Some(NOW),
            ..InspectOptions::default()
        },
    )
    .unwrap();
    assert_eq!(report.identity.email.as_deref(), Some("bo@example.com"));
    let hazard = report
        .hazards
        .iter()
        .find(|h| h.code == "unsigned-prefix")
        .expect("the hazard");
    assert_eq!(hazard.severity, Severity::Error);
    // The clean URL is accepted: the refusal is the prefix's alone.
    assert!(verdict(&signed).accepted);
}

#[test]
fn bold_bi_widget_parameters_in_front_stay_accepted_and_only_informational() {
    let url = boldbi_url(&format!("{DASHBOARD}?isWidgetMode=true&widgetId=w-9&"));
    assert!(verdict(&url).accepted);
    let report = inspect(&url, &InspectOptions::default()).unwrap();
    let hazard = report
        .hazards
        .iter()
        .find(|h| h.code == "unsigned-prefix")
        .expect("the hazard");
    assert_eq!(hazard.severity, Severity::Info);
}

/// Sigma classic: HMAC-SHA256 hex over the whole URL before `&:signature=`.
fn sigma_signed(unsigned: &str) -> String {
    let tag = embed_core::mac::hmac_sha256(&Secret::new(SECRET), unsigned.as_bytes());
    format!("{unsigned}&:signature={}", hex::encode(tag))
}

#[test]
fn an_empty_sigma_client_id_is_refused_as_such() {
    let url = sigma_signed(&format!(
        "https://app.sigmacomputing.com/acme/embed/1-x?:nonce=n-123456&:email=a%40b.co&:external_user_id=a&:client_id=&:time={NOW}&:session_length=600&:mode=userbacked&:external_user_team=Sales&:account_type=Viewer"
    ));
    let refusal = verdict(&url).refusal.expect("refused");
    assert_eq!(refusal.reason, Reason::UnknownClientId);
    assert!(
        refusal.explanation.contains("is empty"),
        "{}",
        refusal.explanation
    );
}

/// Looker: the documented string to sign (vendors.md §5), HMAC-SHA1, Base64.
fn looker_signed(session_length: &str) -> String {
    let host = "acme.looker.com";
    let path = "/login/embed/%2Fembed%2Fdashboards%2F3";
    let values = [
        "\"nonce-looker-1\"".to_owned(),
        NOW.to_string(),
        session_length.to_owned(),
        "\"user-1\"".to_owned(),
        "[\"access_data\",\"see_user_dashboards\"]".to_owned(),
        "[\"thelook\"]".to_owned(),
        "{}".to_owned(),
    ];
    let text = format!("{host}\n{path}\n{}", values.join("\n"));
    let tag = STANDARD.encode(embed_core::mac::hmac_sha1(
        &Secret::new(SECRET),
        text.as_bytes(),
    ));
    let names = [
        "nonce",
        "time",
        "session_length",
        "external_user_id",
        "permissions",
        "models",
        "access_filters",
    ];
    let query: Vec<String> = names
        .iter()
        .zip(&values)
        .map(|(n, v)| format!("{n}={}", embed_core::encoding::encode_value(v)))
        .collect();
    format!(
        "https://{host}{path}?{}&signature={}",
        query.join("&"),
        embed_core::encoding::encode_value(&tag)
    )
}

#[test]
fn a_looker_session_length_that_is_not_whole_seconds_is_refused_not_read_as_300() {
    assert!(
        verdict(&looker_signed("600")).accepted,
        "the control verifies"
    );
    for bad in ["-1", "1.5", "ten"] {
        let refusal = verdict(&looker_signed(bad))
            .refusal
            .unwrap_or_else(|| panic!("{bad} accepted"));
        assert_eq!(refusal.reason, Reason::MissingParameter, "{bad}");
        assert!(
            refusal.explanation.contains("session_length"),
            "{bad}: {}",
            refusal.explanation
        );
    }
}

const EMBED: &str = "https://bi.vendor.com/embed/1-abc?:nonce=n0nce-7f3e9a&:email=a%40b.co&:signature=5e1f0aabbccddeeff00112233";
const NONCE: &str = "n0nce-7f3e9a";
const SIGNATURE: &str = "5e1f0aabbccddeeff00112233";

fn diagnose_page(html: String) -> String {
    let parent = ParentObserved {
        url: Some("https://app.example.com/?embed=https%3A%2F%2Fbi.vendor.com%2Fembed%2F1-abc%3F%3Anonce%3Dn0nce-7f3e9a".into()),
        file: None,
        status: Some(200),
        origin: Some("https://app.example.com".into()),
        headers: vec![],
        html: Some(html),
    };
    let probe = doctor::unsigned_probe(EMBED).unwrap();
    let embed = EmbedObserved {
        url: EMBED.into(),
        chain: vec![probe.clone()],
        probe,
        answer: Ok(200),
        headers: vec![],
        set_cookies: vec![],
    };
    serde_json::to_string(&doctor::diagnose(&parent, &embed)).unwrap()
}

/// Where a page may carry the signed URL, escaped as a page would.
fn placement() -> impl Strategy<Value = String> {
    let amp = EMBED.replace('&', "&amp;");
    prop_oneof![
        Just(format!("<iframe data-src=\"{EMBED}\" src=\"about:blank\"></iframe>")),
        Just(format!("<iframe data-src=\"{amp}\" class=\"lazy\"></iframe>")),
        Just(format!("<iframe title=\"{EMBED}\" src=\"{EMBED}\"></iframe>")),
        Just(format!("<iframe src=\"https://bi.vendor.com/x\" title='{EMBED}'>")),
        Just(format!("<iframe src={EMBED} data-x={EMBED}>")),
        Just(format!("<iframe src=\"{EMBED}\" \"{EMBED}\"=broken>")),
        Just(format!("<iframe src=\"{EMBED}\" {EMBED}>")),
        Just(format!("<iframe name=x src=\"https://bi.vendor.com/embed/1-abc\" data-token=\"{NONCE}\" data-sig=\"{SIGNATURE}\">")),
        Just(format!("<p>{EMBED}</p><iframe src=\"https://bi.vendor.com/embed/1-abc\">")),
        Just(format!("<meta http-equiv=\"Content-Security-Policy\" content=\"frame-src {EMBED}\">")),
        Just(format!("<iframe src=\"{}\">", EMBED.replace(':', "%3A"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn no_report_carries_the_nonce_or_the_signature(
        parts in proptest::collection::vec(placement(), 1..4),
        noise in "[ a-z<>=\"'/&;:?-]{0,40}",
    ) {
        let html = format!("<html><body>{noise}{}</body></html>", parts.join(&noise));
        let json = diagnose_page(html);
        prop_assert!(!json.contains(NONCE), "nonce in {json}");
        prop_assert!(!json.contains(SIGNATURE), "signature in {json}");
    }
}
