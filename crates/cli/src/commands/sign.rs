//! `embed-sandbox sign sigma|sigma-jwt|boldbi|looker`: build the request, sign, print the URL.

use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::schemes::looker::{self, LookerRequest};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest, UserAttribute};
use embed_core::schemes::sigma_jwt::{self, SigmaJwtRequest};

use crate::cli::{SignBoldBiArgs, SignCommand, SignLookerArgs, SignSigmaArgs, SignSigmaJwtArgs};
use crate::error::CliError;
use crate::input;

/// Runs `sign`.
pub fn run(command: SignCommand) -> Result<String, CliError> {
    match command {
        SignCommand::Sigma(args) => sigma(args),
        SignCommand::SigmaJwt(args) => sigma_jwt(args),
        SignCommand::Boldbi(args) => boldbi(args),
        SignCommand::Looker(args) => looker(args),
    }
}

fn split_commas(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::to_owned)
        .collect()
}

fn sigma(args: SignSigmaArgs) -> Result<String, CliError> {
    let secret = input::required_secret(&args.secret)?;
    let user_attributes = input::key_values("--ua", &args.user_attributes)?
        .into_iter()
        .map(|(name, values)| UserAttribute {
            name,
            values: values.split(',').map(str::to_owned).collect(),
        })
        .collect();
    let request = SigmaClassicRequest {
        embed_path: args.embed_path,
        client_id: args.client_id,
        email: args.email,
        external_user_id: args.external_user_id,
        teams: split_commas(&args.teams),
        account_type: Some(args.account_type),
        mode: args.mode,
        session_length: args.session_length,
        time: args.time.unwrap_or_else(input::now),
        nonce: args.nonce.unwrap_or_else(input::fresh_nonce),
        user_attributes,
        params: input::key_values("--param", &args.params)?,
    };
    Ok(sigma_classic::sign(&request, &secret)?)
}

fn sigma_jwt(args: SignSigmaJwtArgs) -> Result<String, CliError> {
    let secret = input::required_secret(&args.secret)?;
    let request = SigmaJwtRequest {
        workbook_url: args.workbook_url,
        client_id: args.client_id,
        email: args.email,
        jti: args.jti.unwrap_or_else(input::fresh_nonce),
        iat: args.iat.unwrap_or_else(input::now),
        ttl: args.ttl,
        issuer: args.iss,
        version: args.claims_version,
        account_type: args.account_type,
        teams: split_commas(&args.teams),
        user_attributes: input::key_values("--ua", &args.user_attributes)?,
        eval_connection_id: args.eval_connection_id,
        first_name: args.first_name,
        last_name: args.last_name,
        params: input::key_values("--param", &args.params)?,
    };
    Ok(sigma_jwt::sign(&request, &secret)?)
}

fn boldbi(args: SignBoldBiArgs) -> Result<String, CliError> {
    let secret = input::required_secret(&args.secret)?;
    let request = BoldBiRequest {
        dashboard_url: args.dashboard_url,
        nonce: args.nonce.unwrap_or_else(input::fresh_nonce),
        email: args.email,
        params: input::key_values("--param", &args.params)?,
        timestamp: args.timestamp,
        expiration: args.expiration,
        escape_signature: args.escape_signature,
    };
    Ok(boldbi::sign(&request, &secret)?)
}

fn looker(args: SignLookerArgs) -> Result<String, CliError> {
    let secret = input::required_secret(&args.secret)?;
    let request = LookerRequest {
        host: args.host,
        embed_url: args.embed_url,
        nonce: args.nonce.unwrap_or_else(input::fresh_nonce),
        time: args.time.unwrap_or_else(input::now),
        session_length: args.session_length,
        external_user_id: args.external_user_id,
        permissions: args.permissions,
        models: args.models,
        group_ids: args.group_ids,
        external_group_id: args.external_group_id,
        user_attributes: input::key_values("--ua", &args.user_attributes)?,
        access_filters: args.access_filters,
        first_name: args.first_name,
        last_name: args.last_name,
        user_timezone: args.user_timezone,
        force_logout_login: args.force_logout_login,
        algorithm: args.algorithm.into(),
    };
    Ok(looker::sign(&request, &secret)?)
}
