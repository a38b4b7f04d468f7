//! `embed-sandbox serve` as a user runs it: the first line, SIGTERM, the
//! ledger file across a restart, and every start-up error with its fix.

// Test code: a failed unwrap is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

const SECRET: &str = "serve-secret";

struct Served {
    child: Child,
    origin: String,
}

fn serve(args: &[&str]) -> Served {
    let mut command = Command::cargo_bin("embed-sandbox").unwrap();
    command.arg("serve").args(args);
    spawn(command)
}

/// Starts `command` (a `serve`, perhaps inside a shell) and reads the
/// address from its first line.
fn spawn(mut command: Command) -> Served {
    let mut child = command
        .env("SERVE_SECRET", SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let origin = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("first line: {line:?}"))
        .to_owned();
    Served { child, origin }
}

impl Served {
    fn terminate(mut self) -> (i32, String) {
        Command::new("sh")
            .arg("-c")
            .arg(format!("kill -TERM {}", self.child.id()))
            .status()
            .unwrap();
        let status = self.child.wait().unwrap();
        let mut stderr = String::new();
        self.child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        (status.code().unwrap_or(-1), stderr)
    }
}

fn http_get(url: &str) -> u16 {
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
    response.split(' ').nth(1).unwrap().parse().unwrap()
}

fn sign(origin: &str) -> String {
    let output = Command::cargo_bin("embed-sandbox")
        .unwrap()
        .args([
            "sign",
            "sigma",
            "--embed-path",
            &format!("{origin}/embed/1-cli"),
            "--client-id",
            "cli-client",
            "--email",
            "ann@example.com",
        ])
        .args([
            "--external-user-id",
            "ann-1",
            "--team",
            "Sales_People",
            "--account-type",
            "Viewer",
            "--session-length",
            "600",
        ])
        .args(["--secret-env", "SERVE_SECRET"])
        .env("SERVE_SECRET", SECRET)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

fn serve_fails(args: &[&str]) -> String {
    let output = Command::cargo_bin("embed-sandbox")
        .unwrap()
        .arg("serve")
        .args(args)
        .env("SERVE_SECRET", SECRET)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn serve_prints_its_address_first_and_stops_cleanly_on_sigterm() {
    let served = serve(&["--client-id", "cli-client", "--secret-env", "SERVE_SECRET"]);
    assert!(served.origin.starts_with("http://127.0.0.1:"));
    let url = sign(&served.origin);
    assert_eq!(http_get(&url), 200);
    assert_eq!(http_get(&url), 400);
    let (code, stderr) = served.terminate();
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("stopping"));
    assert!(!stderr.contains(SECRET));
}

#[test]
fn a_stop_right_after_the_first_line_is_a_clean_stop() {
    // The first line promises the stop signals are heard: a script that
    // reads the address and stops the host at once gets a clean stop, not
    // the signal's default kill (which ends with no exit code and an
    // unflushed ledger).
    for _ in 0..10 {
        let served = serve(&["--client-id", "cli-client", "--secret-env", "SERVE_SECRET"]);
        let (code, stderr) = served.terminate();
        assert_eq!(code, 0, "{stderr}");
        assert!(stderr.contains("stopping"), "{stderr}");
    }
}

#[test]
fn a_ledger_file_keeps_a_replay_refused_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.sqlite");
    let ledger = ledger.to_str().unwrap();
    let first = serve(&[
        "--client-id",
        "cli-client",
        "--secret-env",
        "SERVE_SECRET",
        "--ledger",
        ledger,
    ]);
    let addr = first.origin.trim_start_matches("http://").to_owned();
    let url = sign(&first.origin);
    assert_eq!(http_get(&url), 200);
    assert_eq!(first.terminate().0, 0);
    let second = serve(&[
        "--addr",
        &addr,
        "--client-id",
        "cli-client",
        "--secret-env",
        "SERVE_SECRET",
        "--ledger",
        ledger,
    ]);
    assert_eq!(http_get(&url), 400, "the replay after a restart is refused");
    second.terminate();
}

#[test]
fn a_port_in_use_is_named() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let stderr = serve_fails(&[
        "--addr",
        &addr,
        "--client-id",
        "c",
        "--secret-env",
        "SERVE_SECRET",
    ]);
    assert!(
        stderr.contains(&format!(
            "port {} is already in use",
            taken.local_addr().unwrap().port()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("fix: Choose another port"), "{stderr}");
}

#[test]
fn a_bad_config_names_the_file_and_line_and_nothing_starts() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("org.toml");
    std::fs::write(
        &config,
        "teams = [\"A\"]\n\n[[clients]]\nid = \"c\"\nsecret_env = \"NOT_SET_ANYWHERE\"\n",
    )
    .unwrap();
    let stderr = serve_fails(&["--config", config.to_str().unwrap()]);
    assert!(
        stderr.contains("org.toml:5:") && stderr.contains("NOT_SET_ANYWHERE"),
        "{stderr}"
    );
    std::fs::write(&config, "[settings]\nclock_skw = 5\n").unwrap();
    let stderr = serve_fails(&[
        "--config",
        config.to_str().unwrap(),
        "--client-id",
        "c",
        "--secret-env",
        "SERVE_SECRET",
    ]);
    assert!(
        stderr.contains("org.toml:2:") && stderr.contains("clock_skw"),
        "{stderr}"
    );
}

#[test]
fn missing_or_unpaired_clients_are_explained() {
    let stderr = serve_fails(&[]);
    assert!(
        stderr.contains("no client is configured")
            && stderr.contains("--client-id ID --secret-env VAR"),
        "{stderr}"
    );
    let stderr = serve_fails(&[
        "--client-id",
        "a",
        "--client-id",
        "b",
        "--secret-env",
        "SERVE_SECRET",
    ]);
    assert!(
        stderr.contains("2 --client-id but 1 --secret-env"),
        "{stderr}"
    );
    let stderr = serve_fails(&["--client-id", "a", "--secret-env", "UNSET_SERVE_VAR"]);
    assert!(stderr.contains("UNSET_SERVE_VAR is not set"), "{stderr}");
}

#[test]
fn listening_beyond_loopback_needs_a_name_and_warns() {
    let stderr = serve_fails(&[
        "--addr",
        "0.0.0.0:0",
        "--client-id",
        "c",
        "--secret-env",
        "SERVE_SECRET",
    ]);
    assert!(stderr.contains("listens beyond this machine"), "{stderr}");
    assert!(stderr.contains("--allowed-host"), "{stderr}");
    let served = serve(&[
        "--addr",
        "0.0.0.0:0",
        "--allowed-host",
        "ci-host",
        "--client-id",
        "c",
        "--secret-env",
        "SERVE_SECRET",
    ]);
    // The printed origin is one a browser can open, and the guard answers it.
    assert!(
        served.origin.starts_with("http://127.0.0.1:"),
        "{}",
        served.origin
    );
    assert_eq!(
        http_get(&format!("{}/__sandbox/health", served.origin)),
        200
    );
    let (code, stderr) = served.terminate();
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: listening on 0.0.0.0 (every interface)"),
        "{stderr}"
    );
}

#[test]
fn empty_client_ids_are_refused_from_flags_and_config() {
    let stderr = serve_fails(&["--client-id", "", "--secret-env", "SERVE_SECRET"]);
    assert!(
        stderr.contains("--client-id") && stderr.contains("empty"),
        "{stderr}"
    );
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("org.toml");
    std::fs::write(
        &config,
        "[[clients]]\nid = \"\"\nsecret_env = \"SERVE_SECRET\"\n",
    )
    .unwrap();
    let stderr = serve_fails(&["--config", config.to_str().unwrap()]);
    assert!(
        stderr.contains("org.toml:2:") && stderr.contains("id is empty"),
        "{stderr}"
    );
}

/// Under a 128-descriptor limit, 200 connections that never send a byte
/// used to take every descriptor and time every load out; now the host
/// serves at most half its limit at once, closes silent ones after the
/// header timeout, and the load gets through.
#[test]
fn two_hundred_silent_connections_under_a_descriptor_limit_do_not_stop_a_load() {
    let binary = assert_cmd::cargo::cargo_bin("embed-sandbox");
    let mut limited = Command::new("sh");
    limited.arg("-c").arg(format!(
        "ulimit -n 128 && exec '{}' serve --client-id cli-client --secret-env SERVE_SECRET",
        binary.display()
    ));
    let served = spawn(limited);
    let authority = served.origin.trim_start_matches("http://").to_owned();
    let silent: Vec<TcpStream> = (0..200)
        .map(|_| TcpStream::connect(&authority).unwrap())
        .collect();
    let started = std::time::Instant::now();
    let url = sign(&served.origin);
    let mut stream = TcpStream::connect(&authority).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(40)))
        .unwrap();
    let (_, path) = url
        .trim_start_matches("http://")
        .split_at(url.trim_start_matches("http://").find('/').unwrap());
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "{}",
        response.lines().next().unwrap_or("")
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    drop(silent);
    let (code, stderr) = served.terminate();
    assert_eq!(code, 0, "{stderr}");
}
