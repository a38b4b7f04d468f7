//! The keychain against a real Secret Service (gnome-keyring, unlocked, in
//! the `dbus-run-session` that `scripts/test.sh` starts), and without one.

// Test code: a failed unwrap is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use embed_core::{Scheme, Secret};
use embed_profiles::keychain::{OsKeychain, Vault};
use embed_profiles::{ProfileError, ProfileInput, Profiles};

fn service() -> String {
    format!("embed-sandbox-test-{}", uuid::Uuid::new_v4().simple())
}

fn input() -> ProfileInput {
    ProfileInput {
        name: "Keychain test".into(),
        scheme: Scheme::SigmaClassic,
        embed_path: "https://app.sigmacomputing.com/embed/1-abc".into(),
        client_id: "cid".into(),
        defaults: serde_json::json!({}),
    }
}

#[test]
fn secrets_round_trip_through_the_real_secret_service() {
    let vault = OsKeychain::new(service());
    assert_eq!(
        vault.load("acct").unwrap().map(|s| s.fingerprint()),
        None,
        "nothing set yet is not an error"
    );
    vault.store("acct", &Secret::new("first-secret")).unwrap();
    assert_eq!(
        vault.load("acct").unwrap().unwrap().expose(),
        b"first-secret"
    );
    vault.store("acct", &Secret::new("second-secret")).unwrap();
    assert_eq!(
        vault.load("acct").unwrap().unwrap().expose(),
        b"second-secret"
    );
    vault.remove("acct").unwrap();
    assert!(vault.load("acct").unwrap().is_none());
    vault.remove("acct").unwrap();
}

#[test]
fn the_secret_reaches_the_keychain_and_never_the_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let service = service();
    let profiles = Profiles::open(
        &dir.path().join("profiles.sqlite"),
        Box::new(OsKeychain::new(service.clone())),
    )
    .unwrap();
    let profile = profiles.create(&input(), 1).unwrap();
    let secret = format!("never-on-disk-{}", uuid::Uuid::new_v4().simple());
    let status = profiles.set_secret(&profile.id, &secret).unwrap();
    assert_eq!(
        status.fingerprint,
        Some(Secret::new(secret.clone()).fingerprint())
    );
    // Read it back through secret-tool, the Secret Service's own client.
    let lookup = std::process::Command::new("secret-tool")
        .args(["lookup", "service", &service, "username", &profile.id])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&lookup.stdout).trim(),
        secret,
        "{lookup:?}"
    );
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the secret is in a database file"
        );
    }
    profiles.delete(&profile.id).unwrap();
}

#[test]
fn without_a_keychain_the_error_is_clear_and_nothing_is_lost() {
    // A child process with no reachable session bus: the Secret Service is absent.
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "child_without_a_session_bus",
            "--nocapture",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/embed-sandbox-bus",
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
}

#[test]
#[ignore = "run by without_a_keychain_the_error_is_clear_and_nothing_is_lost, with no session bus"]
fn child_without_a_session_bus() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = Profiles::open(
        &dir.path().join("profiles.sqlite"),
        Box::new(OsKeychain::new(service())),
    )
    .unwrap();
    let profile = profiles.create(&input(), 1).unwrap();
    let error = profiles.set_secret(&profile.id, "s3cret").unwrap_err();
    assert!(matches!(error, ProfileError::Keychain(_)), "{error:?}");
    assert!(error.code().starts_with("keychain-"), "{}", error.code());
    assert!(
        error.fix().contains("Secret Service") || error.fix().contains("Unlock"),
        "{}",
        error.fix()
    );
    assert!(!error.to_string().contains("s3cret"));
    assert_eq!(
        profiles.store().get(&profile.id).unwrap().name,
        "Keychain test",
        "the profile is kept"
    );
}
