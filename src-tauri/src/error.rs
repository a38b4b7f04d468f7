//! Errors as they cross IPC: `{code, message}`, never a bare string.
//!
//! The message says what happened and what to do; it never holds a secret
//! (the errors it is built from carry none).

use serde::Serialize;

/// What the UI receives when a command fails.
#[derive(ts_rs::TS)]
#[ts(export)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IpcError {
    /// Stable machine-readable code.
    pub code: String,
    /// What happened, then what to do.
    pub message: String,
}

impl From<embed_profiles::ProfileError> for IpcError {
    fn from(error: embed_profiles::ProfileError) -> Self {
        IpcError {
            code: error.code().to_owned(),
            message: format!("{error}. {}", error.fix()),
        }
    }
}

impl From<embed_core::Error> for IpcError {
    fn from(error: embed_core::Error) -> Self {
        IpcError {
            code: error.code().to_owned(),
            message: format!("{error}. {}", error.fix()),
        }
    }
}

impl From<embed_lab::LabError> for IpcError {
    fn from(error: embed_lab::LabError) -> Self {
        IpcError {
            code: error.code().to_owned(),
            message: format!("{error}. {}", error.fix()),
        }
    }
}

impl IpcError {
    /// A failure of the shell itself (windows, runtime).
    pub fn shell(message: impl std::fmt::Display) -> Self {
        IpcError {
            code: "shell".into(),
            message: format!("{message}. Restart the app; if it persists, report it."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_failures_match_the_frontend_wire_contract() {
        let error = IpcError::from(embed_profiles::ProfileError::NameTaken {
            name: "Prod".into(),
        });
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "name-taken",
                "message": "a profile named \"Prod\" already exists. Choose another name; names identify environments in the switcher."
            })
        );
        let locked = IpcError::from(embed_profiles::ProfileError::Keychain(
            embed_profiles::KeychainError::Locked {
                reason: "locked".into(),
            },
        ));
        assert_eq!(locked.code, "keychain-locked");
        assert!(locked.message.contains("Unlock your login keyring"));
        let url = IpcError::from(embed_core::Error::EmptyUrl);
        assert_eq!(serde_json::to_value(&url).unwrap()["code"], "empty-url");
    }
}
