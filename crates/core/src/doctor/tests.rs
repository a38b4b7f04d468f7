//! The doctor's verdicts from fixed inputs: each failure the issue names,
//! one by one, and a clean embed that passes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use super::*;

const EMBED: &str =
    "https://bi.vendor.com/embed/1-abc?:nonce=n-1&:signature=deadbeef0123456789abcdef";

fn parent(origin: &str, html: Option<&str>, csp: Option<&str>) -> ParentObserved {
    ParentObserved {
        url: Some(format!("{origin}/")),
        file: None,
        status: Some(200),
        origin: Some(origin.into()),
        headers: csp
            .map(|c| vec![("Content-Security-Policy".to_owned(), c.to_owned())])
            .unwrap_or_default(),
        html: html.map(str::to_owned),
    }
}

fn answer(url: &str, headers: &[(&str, &str)]) -> EmbedObserved {
    let probe = unsigned_probe(url).unwrap();
    EmbedObserved {
        url: url.into(),
        chain: vec![probe.clone()],
        probe,
        answer: Ok(200),
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        set_cookies: headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("set-cookie"))
            .map(|(_, v)| (*v).to_owned())
            .collect(),
    }
}

fn status_of(report: &DoctorReport, id: &str) -> Status {
    report
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no {id} in {report:#?}"))
        .status
}

#[test]
fn a_clean_embed_passes_and_the_report_never_holds_the_signature() {
    let report = diagnose(
        &parent("https://app.example.com", None, None),
        &answer(
            EMBED,
            &[("Set-Cookie", "sid=v; SameSite=None; Secure; Partitioned")],
        ),
    );
    assert_eq!(report.worst(), Status::Pass, "{report:#?}");
    assert_eq!(report.format, FORMAT);
    assert_eq!(report.embed.probe, "https://bi.vendor.com/embed/1-abc");
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        !json.contains("deadbeef0123456789abcdef") && !json.contains("n-1"),
        "{json}"
    );
}

#[test]
fn x_frame_options_deny_and_sameorigin_fail_unless_frame_ancestors_governs() {
    let p = parent("https://app.example.com", None, None);
    assert_eq!(
        status_of(
            &diagnose(&p, &answer(EMBED, &[("X-Frame-Options", "DENY")])),
            "x-frame-options"
        ),
        Status::Fail
    );
    assert_eq!(
        status_of(
            &diagnose(&p, &answer(EMBED, &[("X-Frame-Options", "SAMEORIGIN")])),
            "x-frame-options"
        ),
        Status::Fail
    );
    assert_eq!(
        status_of(
            &diagnose(
                &parent("https://bi.vendor.com", None, None),
                &answer(EMBED, &[("x-frame-options", "sameorigin")])
            ),
            "x-frame-options"
        ),
        Status::Pass
    );
    assert_eq!(
        status_of(
            &diagnose(
                &p,
                &answer(EMBED, &[("X-Frame-Options", "DENY, SAMEORIGIN")])
            ),
            "x-frame-options"
        ),
        Status::Fail
    );
    assert_eq!(
        status_of(
            &diagnose(
                &p,
                &answer(
                    EMBED,
                    &[("X-Frame-Options", "ALLOW-FROM https://app.example.com")]
                )
            ),
            "x-frame-options"
        ),
        Status::Warn
    );
    let governed = diagnose(
        &p,
        &answer(
            EMBED,
            &[
                ("X-Frame-Options", "DENY"),
                (
                    "Content-Security-Policy",
                    "frame-ancestors https://app.example.com",
                ),
            ],
        ),
    );
    assert_eq!(status_of(&governed, "x-frame-options"), Status::Pass);
    assert_eq!(status_of(&governed, "frame-ancestors"), Status::Pass);
}

#[test]
fn frame_ancestors_fails_for_an_unlisted_parent_and_names_bold_bis_allowed_domains() {
    let p = parent("https://app.example.com", None, None);
    let refused = diagnose(
        &p,
        &answer(
            EMBED,
            &[(
                "Content-Security-Policy",
                "default-src 'self'; frame-ancestors 'self' https://other.example.com",
            )],
        ),
    );
    let check = refused
        .checks
        .iter()
        .find(|c| c.id == "frame-ancestors")
        .unwrap();
    assert_eq!(check.status, Status::Fail);
    assert!(check
        .evidence
        .contains("frame-ancestors 'self' https://other.example.com"));
    assert!(check.fix.contains("https://app.example.com"));
    let boldbi = "https://bi.vendor.com/bi/site/site1/dashboards/8f1/Sales/Overview?embed_nonce=55a1c8f4-5015-487d-8463-d3ebeae655fd&embed_user_email=a@b.com&embed_signature=abc";
    let refused = diagnose(
        &p,
        &answer(
            boldbi,
            &[(
                "Content-Security-Policy",
                "frame-ancestors https://other.example.com",
            )],
        ),
    );
    let fix = &refused
        .checks
        .iter()
        .find(|c| c.id == "frame-ancestors")
        .unwrap()
        .fix;
    assert!(
        fix.contains("Accept embedding requests from these websites"),
        "{fix}"
    );
    assert!(!serde_json::to_string(&refused)
        .unwrap()
        .contains("55a1c8f4"));
}

#[test]
fn the_parents_own_csp_and_mixed_content_block_the_frame() {
    let meta = r#"<meta http-equiv="Content-Security-Policy" content="frame-src 'self'">"#;
    let from_meta = diagnose(
        &parent("https://app.example.com", Some(meta), None),
        &answer(EMBED, &[]),
    );
    assert_eq!(status_of(&from_meta, "parent-csp"), Status::Fail);
    let allowed = diagnose(
        &parent(
            "https://app.example.com",
            None,
            Some("default-src 'self' https://*.vendor.com"),
        ),
        &answer(EMBED, &[]),
    );
    assert_eq!(status_of(&allowed, "parent-csp"), Status::Pass);
    let mixed = diagnose(
        &parent("https://app.example.com", None, None),
        &answer("http://bi.vendor.com/embed/1", &[]),
    );
    assert_eq!(status_of(&mixed, "mixed-content"), Status::Fail);
}

#[test]
fn a_session_cookie_without_samesite_none_fails_in_a_third_party_frame_only() {
    let lax = [("Set-Cookie", "sid=v; Path=/; HttpOnly; SameSite=Lax")];
    assert_eq!(
        status_of(
            &diagnose(
                &parent("https://app.example.com", None, None),
                &answer(EMBED, &lax)
            ),
            "cookie:sid"
        ),
        Status::Fail
    );
    assert_eq!(
        status_of(
            &diagnose(
                &parent("https://www.vendor.com", None, None),
                &answer(EMBED, &lax)
            ),
            "cookie:sid"
        ),
        Status::Pass
    );
    let report = diagnose(
        &parent("https://app.example.com", None, None),
        &answer(
            EMBED,
            &[("Set-Cookie", "sid=TOPSECRET; SameSite=None; Secure")],
        ),
    );
    assert_eq!(status_of(&report, "cookie:sid"), Status::Warn);
    assert!(!serde_json::to_string(&report)
        .unwrap()
        .contains("TOPSECRET"));
}

#[test]
fn the_iframe_elements_attributes_are_judged() {
    let page = |attrs: &str| {
        format!(r#"<iframe src="https://bi.vendor.com/embed/1-abc?:nonce=x" {attrs}></iframe>"#)
    };
    let judged = |attrs: &str, id: &str| {
        status_of(
            &diagnose(
                &parent("https://app.example.com", Some(&page(attrs)), None),
                &answer(EMBED, &[]),
            ),
            id,
        )
    };
    assert_eq!(
        judged(r#"sandbox="allow-scripts""#, "iframe-sandbox"),
        Status::Fail
    );
    assert_eq!(
        judged(
            r#"sandbox="allow-scripts allow-same-origin allow-popups allow-forms allow-downloads""#,
            "iframe-sandbox"
        ),
        Status::Pass
    );
    assert_eq!(
        judged(r#"referrerpolicy="no-referrer""#, "iframe-referrerpolicy"),
        Status::Warn
    );
    assert_eq!(judged("allowfullscreen", "iframe-allow"), Status::Pass);
    assert_eq!(judged("", "iframe-src"), Status::Pass);
    assert_eq!(judged(r#"width="0""#, "iframe-size"), Status::Warn);
    let elsewhere = diagnose(
        &parent(
            "https://app.example.com",
            Some(r#"<iframe src="https://old.vendor.net/x"></iframe>"#),
            None,
        ),
        &answer(EMBED, &[]),
    );
    assert_eq!(status_of(&elsewhere, "iframe-src"), Status::Fail);
    let scripted = diagnose(
        &parent(
            "https://app.example.com",
            Some(r#"<iframe id="f"></iframe>"#),
            None,
        ),
        &answer(EMBED, &[]),
    );
    assert_eq!(status_of(&scripted, "iframe-src"), Status::Warn);
}

#[test]
fn an_unreachable_origin_fails_and_localhost_says_what_changes_when_deployed() {
    let mut gone = answer(EMBED, &[]);
    gone.answer = Err("connection refused".into());
    let report = diagnose(&parent("https://app.example.com", None, None), &gone);
    assert_eq!(status_of(&report, "reach"), Status::Fail);
    assert!(report.checks.iter().all(|c| c.id != "x-frame-options"));
    let local = diagnose(
        &parent("http://localhost:3000", None, None),
        &answer(
            EMBED,
            &[(
                "Content-Security-Policy",
                "frame-ancestors http://localhost:3000",
            )],
        ),
    );
    assert_eq!(status_of(&local, "frame-ancestors"), Status::Pass);
    assert_eq!(status_of(&local, "deployed-origin"), Status::Warn);
}

#[test]
fn an_error_page_for_a_parent_fails_and_is_not_read_as_the_customers_page() {
    let mut missing = parent(
        "https://app.example.com",
        Some(r#"<iframe src="https://elsewhere.example/x"></iframe>"#),
        Some("default-src 'none'"),
    );
    missing.status = Some(404);
    let report = diagnose(&missing, &answer(EMBED, &[]));
    assert_eq!(status_of(&report, "parent-page"), Status::Fail);
    assert!(report
        .checks
        .iter()
        .all(|c| c.id != "parent-csp" && !c.id.starts_with("iframe")));
    // The embed's own side is still checked.
    assert_eq!(status_of(&report, "x-frame-options"), Status::Pass);
}
