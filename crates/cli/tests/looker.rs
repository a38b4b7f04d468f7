//! The `sign looker` contract (scripts depend on it), `verify` of Looker
//! URLs, and `serve --secret looker=VAR` accepting a URL signed for its own
//! `127.0.0.1:PORT`, against the vectors of an independent implementation
//! (`tests/vectors/looker.json`, Python's standard library).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;

fn cli() -> Command {
    let mut command = Command::cargo_bin("embed-sandbox").unwrap();
    command.env("LOOKER_SECRET", "hunter2");
    command
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .trim()
        .to_owned()
}

fn vector_url(index: usize) -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/looker.json");
    let vectors: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    vectors["signer"][index]["url"].as_str().unwrap().to_owned()
}

#[test]
fn sign_looker_prints_the_embed_sdk_vectors_url_byte_for_byte() {
    let out = cli()
        .args([
            "sign",
            "looker",
            "--host",
            "test.looker.com",
            "--embed-url",
            "/embed/dashboards/1",
        ])
        .args([
            "--external-user-id",
            "user1",
            "--permission",
            "access_data",
            "see_looks",
            "see_user_dashboards",
        ])
        .args([
            "--model",
            "powered_by",
            "--model",
            "thelook",
            "--group-id",
            "1",
            "--group-id",
            "2",
            "--group-id",
            "3",
        ])
        .args(["--external-group-id", "group1", "--ua", "locale=en_US"])
        .args([
            "--access-filters",
            r#"{"powered_by":{"products.brand":"Allegra K"}}"#,
        ])
        .args([
            "--session-length",
            "3600",
            "--nonce",
            "abc123",
            "--time",
            "1561486800",
            "--secret-env",
            "LOOKER_SECRET",
        ])
        .output()
        .unwrap();
    let url = stdout(&out);
    assert_eq!(url, vector_url(0));
    assert!(
        url.ends_with("&signature=jcMKWo4eb4Y34CV7dpC6hAgi8oM%3D"),
        "{url}"
    );
}

#[test]
fn sign_looker_makes_a_fresh_nonce_and_time_and_verify_accepts_it_once_in_the_window() {
    let sign = || {
        stdout(
            &cli()
                .args([
                    "sign",
                    "looker",
                    "--host",
                    "acme.looker.com",
                    "--embed-url",
                    "/embed/looks/12",
                ])
                .args([
                    "--external-user-id",
                    "u1",
                    "--permission",
                    "access_data",
                    "--model",
                    "thelook",
                ])
                .args(["--algorithm", "sha256", "--secret-env", "LOOKER_SECRET"])
                .output()
                .unwrap(),
        )
    };
    let (a, b) = (sign(), sign());
    assert_ne!(a, b, "two runs gave the same URL");
    assert!(a.starts_with("https://acme.looker.com/login/embed/%2Fembed%2Flooks%2F12?nonce=%22"));
    let verify = |url: &str, algorithm: &str| {
        cli()
            .args([
                "verify",
                url,
                "--secret-env",
                "LOOKER_SECRET",
                "--algorithm",
                algorithm,
            ])
            .output()
            .unwrap()
    };
    assert_eq!(verify(&a, "sha256").status.code(), Some(0));
    let wrong = verify(&a, "sha1");
    assert_eq!(wrong.status.code(), Some(1));
    let text = String::from_utf8_lossy(&wrong.stdout).to_string()
        + &String::from_utf8_lossy(&wrong.stderr);
    assert!(text.contains("HMAC-SHA256"), "{text}");
}

#[test]
fn serve_with_a_looker_secret_accepts_a_url_signed_for_its_own_host() {
    let mut child = cli()
        .args(["serve", "--secret", "looker=LOOKER_SECRET"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let origin = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap()
        .to_owned();
    let url = stdout(
        &cli()
            .args([
                "sign",
                "looker",
                "--host",
                &origin,
                "--embed-url",
                "/embed/dashboards/3",
            ])
            .args([
                "--external-user-id",
                "ann-1",
                "--permission",
                "access_data",
                "--model",
                "thelook",
            ])
            .args(["--secret-env", "LOOKER_SECRET"])
            .output()
            .unwrap(),
    );
    let status_line = |url: &str| {
        let rest = url.strip_prefix("http://").unwrap();
        let (authority, path) = rest.split_at(rest.find('/').unwrap());
        let mut stream = TcpStream::connect(authority).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response.lines().next().unwrap_or_default().to_owned()
    };
    assert!(status_line(&url).contains(" 302 "), "first load");
    assert!(status_line(&url).contains(" 400 "), "a replay");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_bad_secret_flag_names_the_known_vendors() {
    let out = cli()
        .args(["serve", "--secret", "tableau=X"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("looker") && text.contains("sigma") && text.contains("VENDOR[:ID]=ENV_VAR"),
        "{text}"
    );
}
