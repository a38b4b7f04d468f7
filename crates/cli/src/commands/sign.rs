//! `embed-sandbox sign <scheme>`: build the scheme's request from its
//! flags (or from a profile file's form, `--form FILE`), sign, print the URL
//! (or with `--markup` the element that embeds it).

use crate::cli::SignCommand;
use crate::error::CliError;
use crate::input;

/// Runs `sign`.
pub fn run(command: SignCommand) -> Result<String, CliError> {
    if let Some(path) = &command.form {
        return from_form(&command, path);
    }
    let secret = input::required_secret(&command.secret)?;
    let values = command.values(input::now(), input::fresh_nonce());
    let request = (command.def.build)(&values)?;
    printed(&command, &request, &secret)
}

/// What `sign` prints of `request`: the signed URL, or its markup.
fn printed(
    command: &SignCommand,
    request: &embed_core::request::EmbedRequest,
    secret: &embed_core::Secret,
) -> Result<String, CliError> {
    Ok(if command.markup {
        request.embedding(secret)?.markup
    } else {
        request.sign(secret)?
    })
}

/// Signs the form of the profile file at `path`, which must be of the
/// command's scheme.
fn from_form(command: &SignCommand, path: &std::path::Path) -> Result<String, CliError> {
    let file = input::profile_file(path)?;
    let scheme = file.environment.scheme;
    let of_scheme = embed_core::schemes::spec(scheme)
        .sign_command()
        .is_some_and(|def| def.command == command.def.command);
    if !of_scheme {
        return Err(CliError::ProfileFile {
            path: path.display().to_string(),
            reason: format!(
                "it is a {} profile; sign it with `sign {} --form`",
                scheme.label(),
                embed_core::schemes::spec(scheme)
                    .sign_command()
                    .map_or(scheme.id(), |def| def.command)
            ),
        });
    }
    let secret = input::secret_or_file(&command.secret, file.secret_env.as_ref())?;
    let request = embed_core::form_request::request(
        &file.environment,
        &file.form,
        input::now(),
        input::fresh_nonce,
    );
    printed(command, &request, &secret)
}
