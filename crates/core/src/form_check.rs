//! Inline validation of the form, in plain words, as the user types. The
//! signer accepts anything (errors are reproduced on purpose); these say
//! what the vendor would refuse, with the same rules and settings the
//! verifier uses, so the form and the verdict never disagree.

use crate::form::SignForm;
use crate::policy::Policy;
use crate::scheme::Scheme;
use crate::verify::is_valid_email;
use crate::{boldbi, sigma_classic, sigma_jwt};

/// Longest nonce Sigma accepts.
pub const MAX_NONCE_CHARS: usize = 255;

/// What the vendor would refuse in `form` under `policy`, one sentence each.
pub fn issues(scheme: Scheme, form: &SignForm, policy: &Policy) -> Vec<String> {
    let mut issues = Vec::new();
    let mut say = |text: String| issues.push(text);
    if !is_valid_email(&form.email) {
        say(
            "The email is not a full address like name@example.com; the vendor will refuse it."
                .into(),
        );
    }
    if form.email.contains('+') {
        say("A \"+\" in the email is fine here (it is escaped), but hand-built URLs often send it raw and it becomes a space.".into());
    }
    let has = |name: &str| form.params.iter().any(|(n, _)| n == name);
    if has(":first_name") != has(":last_name") {
        say(":first_name and :last_name only work together.".into());
    }
    if has(":hide_menu") && !has(":menu_position") {
        say(":hide_menu needs :menu_position.".into());
    }
    if has(":lng_variant") && !has(":lng") {
        say(":lng_variant needs :lng.".into());
    }
    if form.nonce.chars().count() > MAX_NONCE_CHARS {
        say(format!(
            "The nonce is over {MAX_NONCE_CHARS} characters; Sigma refuses it."
        ));
    }
    match scheme {
        Scheme::SigmaClassic => {
            let mode = form.mode.trim();
            let legacy = matches!(mode, "view" | "explore");
            if legacy && policy.sigma_refuse_legacy_modes {
                say(format!("\":mode\" {mode} is an older application-embed mode, refused under the setting sigma-refuse-legacy-modes: Sigma answers \"Invalid embed request.\""));
            } else if legacy {
                say(format!("\":mode\" {mode} is an older application-embed mode (Sigma's Node signing package sends view); secure embeds document userbacked. The local host accepts it (unconfirmed)."));
            } else if !mode.is_empty() && mode != sigma_classic::DEFAULT_MODE {
                say(
                    "\":mode\" other than userbacked: Sigma answers \"Invalid embed request.\""
                        .into(),
                );
            }
            if form.teams.iter().all(|t| t.trim().is_empty()) {
                say("Sigma needs at least one team.".into());
            }
            if let Some(team) = form.teams.iter().find(|t| t.contains(',')) {
                say(format!("The team {team:?} holds a comma: Sigma splits teams on commas (encoded or not), so it is read as several teams."));
            }
            if form.session_length < 1 {
                say("The session length must be at least 1 second.".into());
            }
            if form.session_length > policy.max_session_length {
                say(format!(
                    "Session length over {} s (the maximum in the host settings): Sigma refuses it (\":session_length\" exceeds maximum).",
                    policy.max_session_length
                ));
            }
        }
        Scheme::SigmaJwt => {
            if form.session_length < 1 {
                say("The JWT lifetime must be at least 1 second (exp after iat).".into());
            }
            if form.session_length > sigma_jwt::MAX_LIFETIME {
                say(format!(
                    "The JWT lifetime (exp - iat) is over 30 days ({} s); Sigma refuses it.",
                    sigma_jwt::MAX_LIFETIME
                ));
            }
            if !matches!(form.jwt_version.as_str(), "" | "1.0" | "1.1") {
                say("ver is \"1.0\" or \"1.1\".".into());
            }
        }
        Scheme::BoldBi => {
            if !form.boldbi_timestamp {
                say("Without embed_timestamp the URL never expires, and no embed_expirationtime is sent (it needs the timestamp).".into());
            } else if !(boldbi::MIN_EXPIRATION..=boldbi::MAX_EXPIRATION)
                .contains(&form.session_length)
            {
                say(format!(
                    "Bold BI accepts an expiration time from {} to {} seconds (1 to 6 days).",
                    boldbi::MIN_EXPIRATION,
                    boldbi::MAX_EXPIRATION
                ));
            }
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(edit: impl FnOnce(&mut SignForm)) -> SignForm {
        let mut form = SignForm {
            email: "ann@example.com".into(),
            teams: vec!["Sales_Managers".into()],
            session_length: 600,
            boldbi_timestamp: true,
            ..SignForm::default()
        };
        edit(&mut form);
        form
    }

    fn joined(scheme: Scheme, form: &SignForm) -> String {
        issues(scheme, form, &Policy::default()).join(" | ")
    }

    #[test]
    fn a_good_form_has_no_issue() {
        assert!(issues(Scheme::SigmaClassic, &form(|_| {}), &Policy::default()).is_empty());
        assert!(issues(
            Scheme::SigmaJwt,
            &form(|f| f.session_length = 3600),
            &Policy::default()
        )
        .is_empty());
        assert!(issues(
            Scheme::BoldBi,
            &form(|f| f.session_length = 86_400),
            &Policy::default()
        )
        .is_empty());
    }

    #[test]
    fn each_rule_speaks_plainly() {
        assert!(
            joined(Scheme::SigmaClassic, &form(|f| f.email = "nobody".into()))
                .contains("not a full address")
        );
        assert!(
            joined(Scheme::SigmaClassic, &form(|f| f.teams.clear())).contains("at least one team")
        );
        assert!(
            joined(Scheme::SigmaClassic, &form(|f| f.session_length = 40_000))
                .contains("exceeds maximum")
        );
        assert!(joined(
            Scheme::SigmaClassic,
            &form(|f| f.params = vec![(":first_name".into(), "A".into())])
        )
        .contains("only work together"));
        assert!(joined(
            Scheme::SigmaClassic,
            &form(|f| f.params = vec![(":hide_menu".into(), "true".into())])
        )
        .contains("needs :menu_position"));
        assert!(joined(
            Scheme::SigmaClassic,
            &form(|f| f.params = vec![(":lng_variant".into(), "GB".into())])
        )
        .contains("needs :lng"));
        assert!(
            joined(Scheme::SigmaClassic, &form(|f| f.mode = "secure".into()))
                .contains("Invalid embed request")
        );
        assert!(
            joined(Scheme::SigmaClassic, &form(|f| f.mode = "view".into()))
                .contains("older application-embed mode")
        );
        assert!(joined(Scheme::SigmaClassic, &form(|f| f.nonce = "n".repeat(256))).contains("255"));
        assert!(
            joined(Scheme::SigmaJwt, &form(|f| f.session_length = 2_592_001)).contains("30 days")
        );
        assert!(joined(Scheme::SigmaJwt, &form(|f| f.jwt_version = "2".into())).contains("ver is"));
        assert!(
            joined(Scheme::BoldBi, &form(|f| f.session_length = 600)).contains("86400 to 518400")
        );
        assert!(
            joined(Scheme::BoldBi, &form(|f| f.boldbi_timestamp = false))
                .contains("needs the timestamp")
        );
    }

    #[test]
    fn the_session_maximum_is_the_hosts_setting() {
        let strict = Policy {
            max_session_length: 3600,
            ..Policy::default()
        };
        let long = form(|f| f.session_length = 4000);
        assert!(issues(Scheme::SigmaClassic, &long, &strict)
            .join(" ")
            .contains("over 3600 s"));
        assert!(issues(Scheme::SigmaClassic, &long, &Policy::default()).is_empty());
    }
}
