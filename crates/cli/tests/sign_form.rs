//! `sign <scheme> --form FILE` signs what a profile file's form describes:
//! the same URL the scheme's own flags sign for the same values, a file of
//! another scheme named, and flags beside `--form` refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

fn cli() -> Command {
    let mut command = Command::cargo_bin("embed-sandbox").unwrap();
    command.env("FORM_SECRET", "hunter2");
    command
}

fn run(args: &[&str]) -> Output {
    cli().args(args).output().unwrap()
}

fn profile(dir: &tempfile::TempDir, scheme: &str) -> String {
    let path = dir.path().join(format!("{scheme}.json"));
    std::fs::write(
        &path,
        format!(
            r#"{{"name": "p", "scheme": "{scheme}", "embed_path": "https://app.sigmacomputing.com/embed/1-abc",
               "client_id": "c-1", "secret_env": "FORM_SECRET",
               "form": {{"email": "ann@example.com", "external_user_id": "ann-1", "teams": ["A", "B"],
                        "account_type": "Creator", "session_length": 600, "nonce": "n-1", "time": 1700000000,
                        "user_attributes": [["Region", "West"]], "params": [[":theme", "Light"]]}}}}"#
        ),
    )
    .unwrap();
    path.display().to_string()
}

#[test]
fn a_profile_files_form_signs_the_url_the_flags_sign() {
    let dir = tempfile::tempdir().unwrap();
    let from_form = run(&["sign", "sigma", "--form", &profile(&dir, "sigma-classic")]);
    assert!(
        from_form.status.success(),
        "{}",
        String::from_utf8_lossy(&from_form.stderr)
    );
    let from_flags = run(&[
        "sign",
        "sigma",
        "--embed-path",
        "https://app.sigmacomputing.com/embed/1-abc",
        "--client-id",
        "c-1",
        "--email",
        "ann@example.com",
        "--external-user-id",
        "ann-1",
        "--team",
        "A,B",
        "--account-type",
        "Creator",
        "--session-length",
        "600",
        "--nonce",
        "n-1",
        "--time",
        "1700000000",
        "--ua",
        "Region=West",
        "--param",
        ":theme=Light",
        "--secret-env",
        "FORM_SECRET",
    ]);
    assert!(
        from_flags.status.success(),
        "{}",
        String::from_utf8_lossy(&from_flags.stderr)
    );
    assert_eq!(
        String::from_utf8(from_form.stdout).unwrap(),
        String::from_utf8(from_flags.stdout).unwrap()
    );
}

#[test]
fn a_file_of_another_scheme_and_flags_beside_the_form_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = run(&["sign", "looker", "--form", &profile(&dir, "sigma-classic")]);
    assert_eq!(other.status.code(), Some(2));
    let said = String::from_utf8(other.stderr).unwrap();
    assert!(said.contains("sign sigma --form"), "{said}");
    let both = run(&[
        "sign",
        "sigma",
        "--form",
        &profile(&dir, "sigma-classic"),
        "--email",
        "x@y.z",
    ]);
    assert_eq!(both.status.code(), Some(2));
    assert!(both.stdout.is_empty());
}
