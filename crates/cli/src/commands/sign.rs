//! `embed-sandbox sign <scheme>`: build the scheme's request from its
//! flags, sign, print the URL.

use crate::cli::SignCommand;
use crate::error::CliError;
use crate::input;

/// Runs `sign`.
pub fn run(command: SignCommand) -> Result<String, CliError> {
    let secret = input::required_secret(&command.secret)?;
    let values = command.values(input::now(), input::fresh_nonce());
    let request = (command.def.build)(&values)?;
    Ok(request.sign(&secret)?)
}
