//! `embed-sandbox inspect URL`: the full report, text or JSON.

use embed_core::{inspect, InspectOptions};

use crate::cli::JudgeArgs;
use crate::error::CliError;
use crate::{input, render};

/// Runs `inspect`.
pub fn run(args: JudgeArgs) -> Result<String, CliError> {
    let url = input::url(&args.url, &args.secret)?;
    let secret = input::secret(&args.secret)?;
    let options = InspectOptions {
        secret: secret.as_ref(),
        policy: args.policy.policy(args.client_id)?,
        now: args.now,
    };
    let report = inspect(&url, &options)?;
    let fingerprint = secret.as_ref().map(embed_core::Secret::fingerprint);
    if args.json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            report: &'a embed_core::InspectReport,
            secret_fingerprint: Option<String>,
        }
        render::json(
            "embed-sandbox.inspect.v1",
            &Out {
                report: &report,
                secret_fingerprint: fingerprint,
            },
        )
    } else {
        Ok(render::inspect::render(&report, fingerprint.as_deref()))
    }
}
