//! The CLI against golden files in `tests/cli/`.
//!
//! Each case is `NAME.args` (one argument per line), `NAME.exit` (the
//! expected status, set by hand in `tests/cli/cases.py`), and the snapshots
//! `NAME.stdout` / `NAME.stderr`. `UPDATE_GOLDEN=1 cargo test` rewrites the
//! snapshots (review them in the diff); the exit codes are never rewritten.

// Test code: a failed unwrap is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const SECRET: &str = "golden-secret";

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli")
}

/// Expands `{{c*N}}` into N copies of c.
fn expand(arg: &str) -> String {
    let (Some(start), Some(end)) = (arg.find("{{"), arg.find("}}")) else {
        return arg.to_owned();
    };
    let (what, count) = arg[start + 2..end].split_once('*').expect("{{c*N}}");
    format!(
        "{}{}{}",
        &arg[..start],
        what.repeat(count.parse().expect("N")),
        &arg[end + 2..]
    )
}

fn run_case(args_file: &Path) -> Result<(), String> {
    let name = args_file
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let args: Vec<String> = std::fs::read_to_string(args_file)
        .unwrap()
        .lines()
        .map(expand)
        .collect();
    let expected_exit: i32 = std::fs::read_to_string(args_file.with_extension("exit"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let output = Command::cargo_bin("embed-sandbox")
        .unwrap()
        .args(&args)
        .env("ES_SECRET", SECRET)
        .env("ES_SECRET_WS", format!("{SECRET}\n"))
        .env("ES_SECRET_HEX", "0123456789abcdef")
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let mut problems = Vec::new();
    if output.status.code() != Some(expected_exit) {
        problems.push(format!(
            "exit {:?}, expected {expected_exit}\nstderr: {stderr}",
            output.status.code()
        ));
    }
    if stderr.contains("panicked") {
        problems.push(format!("panicked: {stderr}"));
    }
    for text in [&stdout, &stderr] {
        if text.contains(SECRET) {
            problems.push(format!("the secret appears in the output:\n{text}"));
        }
    }
    for (ext, actual) in [("stdout", &stdout), ("stderr", &stderr)] {
        let path = args_file.with_extension(ext);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if &expected != actual {
            problems.push(format!(
                "{ext} differs from {}:\n--- expected\n{expected}\n--- actual\n{actual}",
                path.display()
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("case {name}:\n{}", problems.join("\n")))
    }
}

#[test]
fn every_golden_case_matches_its_exit_code_and_output() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "args"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 30,
        "expected the golden cases in tests/cli, found {}",
        files.len()
    );
    let failures: Vec<String> = files.iter().filter_map(|f| run_case(f).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}
