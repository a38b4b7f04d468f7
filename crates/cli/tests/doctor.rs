//! `embed-sandbox doctor`'s exit codes and JSON as scripts use them: 2 for a
//! parent that cannot be read, 1 with a failed check, the documented format.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;

fn doctor(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("embed-sandbox")
        .unwrap()
        .arg("doctor")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_missing_parent_file_is_bad_input_and_a_refused_frame_is_exit_1() {
    let missing = doctor(&[
        "--parent",
        "/nonexistent/page.html",
        "--embed",
        "http://127.0.0.1:1/x",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.contains("could not read the parent page") && stderr.contains("fix:"),
        "{stderr}"
    );

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        b"<iframe src=\"http://127.0.0.1:1/embed/1-x\" sandbox=\"allow-scripts\">\xff</iframe>",
    )
    .unwrap();
    let out = doctor(&[
        "--parent",
        page.to_str().unwrap(),
        "--parent-origin",
        "http://localhost:3000",
        "--embed",
        "http://127.0.0.1:1/embed/1-x?:nonce=nonce-kept-secret&:signature=0123456789abcdef0123",
        "--json",
        "--timeout",
        "5",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "embed-sandbox.doctor.v1");
    assert_eq!(json["parent"]["origin"], "http://localhost:3000");
    assert_eq!(json["embed"]["probe"], "http://127.0.0.1:1/embed/1-x");
    let status = |id: &str| {
        json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("iframe-sandbox"), "fail");
    assert_eq!(status("reach"), "fail");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("nonce-kept-secret") && !text.contains("0123456789abcdef0123"),
        "{text}"
    );
}
