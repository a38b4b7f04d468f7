//! `embed-sandbox verify URL`: accepted (exit 0) or refused (exit 1) in the vendor's words.

use embed_core::policy::SettingUsed;
use embed_core::signature::SignatureCheck;
use embed_core::verdict::Refusal;
use embed_core::verify::Timing;
use embed_core::{inspect, InspectOptions, Scheme};
use serde::Serialize;

use crate::cli::JudgeArgs;
use crate::error::CliError;
use crate::{input, render};

/// The JSON shape of `verify --json`.
#[derive(Serialize)]
struct VerifyJson {
    accepted: bool,
    scheme: Scheme,
    email: Option<String>,
    signature: SignatureCheck,
    refusal: Option<Refusal>,
    timing: Option<Timing>,
    settings: Vec<SettingUsed>,
    secret_fingerprint: String,
}

/// Runs `verify`; returns the output and whether the URL was accepted.
pub fn run(args: JudgeArgs) -> Result<(String, bool), CliError> {
    let url = input::url(&args.url, &args.secret)?;
    let secret = input::required_secret(&args.secret)?;
    let options = InspectOptions {
        secret: Some(&secret),
        policy: args.policy.policy(args.client_id)?,
        now: Some(args.now.unwrap_or_else(input::now)),
    };
    let report = inspect(&url, &options)?;
    let Some(verification) = report.verification else {
        return Err(CliError::SecretRequired);
    };
    let accepted = verification.accepted;
    if args.json {
        let out = VerifyJson {
            accepted,
            scheme: report.scheme,
            email: report.identity.email,
            signature: verification.signature,
            refusal: verification.refusal,
            timing: report.timing,
            settings: report.settings,
            secret_fingerprint: secret.fingerprint(),
        };
        return Ok((render::json("embed-sandbox.verify.v1", &out)?, accepted));
    }
    let mut out = String::new();
    render::verdict::write(&mut out, &verification, report.scheme.vendor());
    Ok((out, accepted))
}
