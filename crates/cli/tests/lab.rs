//! `embed-sandbox replay` and `embed-sandbox scenarios` as CI runs them:
//! against `serve` and a local host over real HTTP, with their exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};

use assert_cmd::cargo::CommandCargoExt;

const SECRET: &str = "lab-cli-secret";
const HOST_TOKEN: &str = "lab-cli-host-token";

fn cli() -> Command {
    let mut command = Command::cargo_bin("embed-sandbox").unwrap();
    command.env("EMBED_SECRET", SECRET);
    // `serve` takes its tools token from here, and `replay` moves its clock with it.
    command.env("EMBED_SANDBOX_HOST_TOKEN", HOST_TOKEN);
    command
}

struct Served(Child, String);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve() -> Served {
    let mut child = cli()
        .args([
            "serve",
            "--client-id",
            "lab-client",
            "--secret-env",
            "EMBED_SECRET",
        ])
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
    Served(child, origin)
}

fn signed(origin: &str) -> String {
    let out = cli()
        .args([
            "sign",
            "sigma",
            "--embed-path",
            &format!("{origin}/embed/1-lab"),
            "--client-id",
            "lab-client",
        ])
        .args([
            "--email",
            "ann@example.com",
            "--external-user-id",
            "ann-1",
            "--team",
            "Sales_Managers",
        ])
        .args([
            "--account-type",
            "Creator",
            "--session-length",
            "600",
            "--secret-env",
            "EMBED_SECRET",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/examples")
        .join(name)
}

#[test]
fn replay_passes_on_a_fresh_url_and_fails_on_a_spent_one() {
    let served = serve();
    let url = signed(&served.1);
    let first = cli().args(["replay", &url]).output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    let out = text(&first);
    assert!(out.contains("first load:    200 accepted"), "{out}");
    assert!(
        out.contains("second load:   400 refused (nonce-reused)"),
        "{out}"
    );
    assert!(
        out.contains("after expiry:  403 refused (expired)"),
        "{out}"
    );
    assert!(out.contains("Pass:"), "{out}");

    let again = cli().args(["replay", &url, "--json"]).output().unwrap();
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    let json: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(json["format"], "embed-sandbox.replay.v1");
    assert_eq!(json["pass"], false);
    assert_eq!(json["first"]["reason"], "nonce-reused");
}

#[test]
fn replay_without_the_hosts_token_still_tests_the_nonce_and_says_why_expiry_was_not_run() {
    let served = serve();
    let url = signed(&served.1);
    let out = cli()
        .env_remove("EMBED_SANDBOX_HOST_TOKEN")
        .args(["replay", &url])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = text(&out);
    assert!(
        out.contains("second load:   400 refused (nonce-reused)"),
        "{out}"
    );
    assert!(
        out.contains("after expiry:  not run:") && out.contains("EMBED_SANDBOX_HOST_TOKEN"),
        "{out}"
    );
}

#[test]
fn replay_reports_bad_input_and_an_unreachable_host_with_exit_2() {
    let bad = cli().args(["replay", "not a url"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad).contains("fix:"));
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = signed(&format!("http://127.0.0.1:{port}"));
    let down = cli().args(["replay", &url]).output().unwrap();
    assert_eq!(down.status.code(), Some(2));
    let out = text(&down);
    assert!(
        out.contains(&format!("could not load http://127.0.0.1:{port}")),
        "{out}"
    );
    assert!(!out.contains(":nonce="), "the signed query leaked: {out}");
}

#[test]
fn every_example_profile_gets_every_expected_error() {
    for (file, run) in [
        ("sigma-classic.profile.json", 19),
        ("sigma-jwt.profile.json", 15),
        ("boldbi.profile.json", 16),
    ] {
        let out = cli()
            .args(["scenarios", "--profile-file"])
            .arg(example(file))
            .arg("--json")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["format"], "embed-sandbox.scenarios.v1");
        assert_eq!(json["runs"].as_array().unwrap().len(), run, "{file}");
        assert_eq!(json["findings"], 0);
        assert!(!String::from_utf8_lossy(&out.stdout).contains(SECRET));
    }
}

#[test]
fn a_scenario_that_differs_is_a_finding_with_exit_1() {
    // Expect Bold BI to let a reused nonce in, while the local host refuses it.
    let out = cli()
        .args(["scenarios", "--profile-file"])
        .arg(example("boldbi.profile.json"))
        .arg("--boldbi-accept-reused-nonce")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "the host follows the same setting: {}",
        text(&out)
    );
}

#[test]
fn an_unreachable_host_is_not_run_with_exit_2_not_a_pile_of_findings() {
    let dir = tempfile::tempdir().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let file = dir.path().join("down.json");
    std::fs::write(&file, format!(r#"{{"name":"down","scheme":"sigma-classic","embed_path":"http://127.0.0.1:{port}/embed/1-x","client_id":"c","secret_env":"EMBED_SECRET","form":{{"email":"a@b.co","external_user_id":"a","teams":["T"],"session_length":60}}}}"#)).unwrap();
    let out = cli()
        .args(["scenarios", "--against", "profile", "--profile-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let out = text(&out);
    assert!(!out.contains("FINDING"), "{out}");
    assert!(
        out.contains("not run") && out.contains("not loaded: could not load"),
        "{out}"
    );
    assert!(out.contains("not run. Host unreachable:"), "{out}");
}

#[test]
fn a_broken_profile_file_names_the_line_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    let scenarios = |file: &std::path::Path| {
        cli()
            .args(["scenarios", "--profile-file"])
            .arg(file)
            .output()
            .unwrap()
    };
    std::fs::write(
        &file,
        "{\n  \"name\": \"x\",\n  \"scheme\": \"no-such-vendor\"\n}",
    )
    .unwrap();
    let out = scenarios(&file);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("unknown variant `no-such-vendor`") && text(&out).contains("at line 4"),
        "{}",
        text(&out)
    );
    std::fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    let out = scenarios(&file);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("not UTF-8"), "{}", text(&out));
    let missing = cli()
        .args(["scenarios", "--profile-file", "/nonexistent/profile.json"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
