//! `embed-sandbox doctor --parent URL|FILE --embed URL`: why an embed stays
//! blank in a page, check by check, without spending the signed URL.

use std::io::Read;
use std::time::Duration;

use embed_core::doctor::DoctorReport;
use embed_lab::doctor::{Parent, PAGE_LIMIT};

use crate::cli::{DoctorArgs, SecretSource};
use crate::commands::replay::runtime;
use crate::error::CliError;
use crate::input;

/// Runs `doctor`; returns the output and the exit code (0 nothing fails, 1 a check fails).
pub fn run(args: DoctorArgs) -> Result<(String, u8), CliError> {
    let embed = input::url(&args.embed, &SecretSource::default())?;
    let embed = embed.trim();
    let parent = if args.parent.starts_with("http://") || args.parent.starts_with("https://") {
        Parent::Url(args.parent.clone())
    } else {
        Parent::Html {
            file: args.parent.clone(),
            html: read_page(&args.parent)?,
            origin: args.parent_origin.clone(),
        }
    };
    let report = runtime()?.block_on(embed_lab::doctor::examine(
        parent,
        embed,
        Duration::from_secs(args.timeout),
    ))?;
    crate::render::checks::output(&report, &report.checks, args.json, || text(&report))
}

fn read_page(path: &str) -> Result<String, CliError> {
    let failed = |reason: String| CliError::ParentFile {
        path: path.to_owned(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| failed(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(PAGE_LIMIT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| failed(e.to_string()))?;
    if bytes.len() > PAGE_LIMIT {
        return Err(failed(format!("it is over {PAGE_LIMIT} bytes")));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The report as text: one block per check, in the order a browser meets them.
fn text(report: &DoctorReport) -> String {
    let mut out = String::new();
    let parent = match (&report.parent.url, &report.parent.file) {
        (Some(url), _) => url.clone(),
        (None, Some(file)) => format!(
            "{file} (served from {})",
            report
                .parent
                .origin
                .as_deref()
                .unwrap_or("an unknown origin")
        ),
        (None, None) => "(none)".into(),
    };
    out.push_str(&format!("parent: {parent}\nembed:  {}\nprobe:  {} (the signed URL was not loaded; its nonce is unspent)\n\n", report.embed.url, report.embed.probe));
    out.push_str(&crate::render::checks::blocks(&report.checks));
    out
}
