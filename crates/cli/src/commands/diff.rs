//! `embed-sandbox diff URL_A URL_B`.

use crate::cli::DiffArgs;
use crate::error::CliError;
use crate::render;

/// Runs `diff`.
pub fn run(args: DiffArgs) -> Result<String, CliError> {
    let report = embed_core::diff::diff(&args.a, &args.b)?;
    if args.json {
        render::json("embed-sandbox.diff.v1", &report)
    } else {
        Ok(render::diff::render(&report))
    }
}
