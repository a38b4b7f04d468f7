//! What a user pastes may be the element that embeds the URL: `verify`,
//! `inspect` and `diff` read the `<iframe src>` (entities decoded) as the
//! URL itself, and an element or token without a URL that no scheme reads
//! alone is named, exit 2.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

fn run(args: &[&str]) -> Output {
    Command::cargo_bin("embed-sandbox")
        .unwrap()
        .env("ARTIFACT_SECRET", "hunter2")
        .args(args)
        .output()
        .unwrap()
}

fn signed() -> String {
    let out = run(&[
        "sign",
        "boldbi",
        "--dashboard-url",
        "https://bi.example.com/bi/site/s/dashboards/1/C/N",
        "--email",
        "ann@example.com",
        "--param",
        "embed_datasource_filter=[{&&Region=West}]",
        "--secret-env",
        "ARTIFACT_SECRET",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

#[test]
fn the_element_that_embeds_a_url_is_read_as_the_url() {
    let url = signed();
    let element = format!(
        "<!-- copied from the page -->\n<iframe title=\"Sales\" src=\"{}\" width=\"800\"></iframe>",
        url.replace('&', "&amp;")
    );
    for pasted in [&url, &element] {
        let out = run(&["verify", pasted, "--secret-env", "ARTIFACT_SECRET"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let diff = run(&["diff", &url, &element, "--json"]);
    assert!(
        diff.status.success(),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&diff.stdout).unwrap();
    assert_eq!(
        report["changes"].as_array().map(Vec::len),
        Some(0),
        "{report}"
    );
}

#[test]
fn an_element_or_token_without_a_url_is_named() {
    let out = run(&[
        "inspect",
        "<some-dashboard token=\"x.y.z\"></some-dashboard>",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("<some-dashboard> with a token but no src"),
        "{said}"
    );
    let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
    let out = run(&["inspect", token]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("a bare token"));
}

#[test]
fn sign_markup_prints_the_element_that_embeds_the_same_url() {
    let args = |markup: bool| {
        let mut args = vec![
            "sign",
            "sigma",
            "--embed-path",
            "https://app.sigmacomputing.com/embed/1-artifact",
            "--client-id",
            "c-1",
            "--email",
            "ann@example.com",
            "--external-user-id",
            "ann",
            "--team",
            "Sales",
            "--account-type",
            "Viewer",
            "--session-length",
            "600",
            "--nonce",
            "n-markup",
            "--time",
            "1700000000",
            "--secret-env",
            "ARTIFACT_SECRET",
        ];
        if markup {
            args.push("--markup");
        }
        let out = run(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    let (url, markup) = (args(false), args(true));
    assert_eq!(
        markup,
        format!(
            "<iframe src=\"{}\" title=\"Embedded analytics\" width=\"100%\" height=\"800\" style=\"border:0\"></iframe>",
            url.replace('&', "&amp;")
        )
    );
    let out = run(&["inspect", &markup, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["scheme"], "sigma-classic");
}
