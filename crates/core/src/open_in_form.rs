//! "Open in form": reads any embed URL back into the form that would sign
//! it (the environment, the user, the parameters), so it can be changed and
//! re-signed. Nonce and time are left automatic: a re-signed URL needs
//! fresh ones.

use crate::error::Result;
use crate::form::{Environment, SignForm};
use crate::inspect::Embed;
use crate::scheme::Scheme;
use crate::{boldbi, sigma_classic, sigma_jwt};

/// Parameters a scheme's form fills from its own fields, not the free rows.
fn carried_by_the_form(scheme: Scheme, name: &str) -> bool {
    match scheme {
        Scheme::SigmaClassic => {
            name.starts_with(":ua_")
                || matches!(
                    name,
                    ":nonce"
                        | ":client_id"
                        | ":email"
                        | ":external_user_id"
                        | ":external_user_team"
                        | ":account_type"
                        | ":mode"
                        | ":session_length"
                        | ":time"
                        | sigma_classic::SIGNATURE_PARAM
                )
        }
        Scheme::SigmaJwt => matches!(name, sigma_jwt::JWT_PARAM | ":embed"),
        Scheme::BoldBi => matches!(
            name,
            "embed_nonce"
                | "embed_user_email"
                | "embed_timestamp"
                | "embed_expirationtime"
                | boldbi::SIGNATURE_PARAM
        ),
    }
}

/// The environment and the form that describe `url`.
pub fn open_in_form(url: &str) -> Result<(Environment, SignForm)> {
    let embed = Embed::read(url)?;
    let facts = &embed.facts;
    let scheme = embed.scheme;
    let claim = |name: &str| {
        facts
            .jwt
            .as_ref()
            .and_then(|jwt| jwt.claim_str(name))
            .map(str::to_owned)
    };
    let environment = Environment {
        scheme,
        embed_path: embed.url.base.clone(),
        client_id: facts.client_id.clone().unwrap_or_default(),
    };
    let form = SignForm {
        email: facts.email.clone().unwrap_or_default(),
        external_user_id: facts.external_user_id.clone().unwrap_or_default(),
        teams: facts.teams.clone().unwrap_or_default(),
        account_type: facts.account_type.clone().unwrap_or_default(),
        mode: facts
            .mode
            .clone()
            .filter(|m| m != sigma_classic::DEFAULT_MODE)
            .unwrap_or_default(),
        // Bold BI's validity without embed_expirationtime is implied, not sent.
        session_length: if scheme == Scheme::BoldBi {
            embed
                .url
                .first("embed_expirationtime")
                .and_then(|p| p.value.parse().ok())
                .unwrap_or_default()
        } else {
            facts.lifetime.unwrap_or_default()
        },
        user_attributes: facts
            .user_attributes
            .iter()
            .map(|(name, values)| (name.clone(), values.join(",")))
            .collect(),
        params: embed
            .url
            .params
            .iter()
            .filter(|p| !carried_by_the_form(scheme, &p.name))
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect(),
        nonce: String::new(),
        time: None,
        time_offset: 0,
        boldbi_timestamp: scheme == Scheme::BoldBi && facts.issued_at.is_some(),
        escape_signature: embed
            .url
            .first(boldbi::SIGNATURE_PARAM)
            .is_some_and(|p| p.raw_value_or_empty().contains('%')),
        jwt_version: claim("ver").unwrap_or_default(),
        jwt_issuer: claim("iss").is_some(),
        first_name: if scheme == Scheme::SigmaJwt {
            claim("first_name").unwrap_or_default()
        } else {
            String::new()
        },
        last_name: if scheme == Scheme::SigmaJwt {
            claim("last_name").unwrap_or_default()
        } else {
            String::new()
        },
        eval_connection_id: claim("eval_connection_id").unwrap_or_default(),
    };
    Ok((environment, form))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::form::request;
    use crate::Secret;

    /// Signing the form read from a URL, with the URL's nonce and time,
    /// gives the URL back: nothing is lost on the way.
    fn round_trip(env: &Environment, form: &SignForm) {
        let secret = Secret::new("s");
        let mut form = form.clone();
        form.nonce = "n-1".into();
        form.time = Some(1_800_000_000);
        let url = request(env, &form, 0, String::new).sign(&secret).unwrap();
        let (env_back, mut form_back) = open_in_form(&url).unwrap();
        assert_eq!(&env_back, env);
        form_back.nonce = "n-1".into();
        form_back.time = Some(1_800_000_000);
        assert_eq!(
            request(&env_back, &form_back, 0, String::new)
                .sign(&secret)
                .unwrap(),
            url
        );
    }

    #[test]
    fn every_scheme_reads_back_into_a_form_that_signs_the_same_url() {
        let form = SignForm {
            email: "ann+qa@example.com".into(),
            external_user_id: "ann 1".into(),
            teams: vec!["Sales_Managers".into(), "B".into()],
            account_type: "Creator".into(),
            session_length: 600,
            user_attributes: vec![("Region".into(), "West,East".into())],
            params: vec![
                (":theme".into(), "Dark".into()),
                ("Store-Region".into(), "W&E".into()),
            ],
            ..SignForm::default()
        };
        let env = |scheme, path: &str| Environment {
            scheme,
            embed_path: path.into(),
            client_id: "cid".into(),
        };
        round_trip(&env(Scheme::SigmaClassic, "https://h/embed/1-x"), &form);
        round_trip(
            &env(Scheme::SigmaClassic, "https://h/embed/1-x"),
            &SignForm {
                mode: "view".into(),
                account_type: String::new(),
                ..form.clone()
            },
        );
        let jwt = SignForm {
            jwt_version: "1.1".into(),
            jwt_issuer: true,
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            eval_connection_id: "c".into(),
            ..form.clone()
        };
        round_trip(&env(Scheme::SigmaJwt, "https://h/acme/workbook/w-1"), &jwt);
        let bold = SignForm {
            params: vec![("embed_dashboard_export".into(), "true".into())],
            session_length: 86_400,
            boldbi_timestamp: true,
            escape_signature: true,
            ..form
        };
        round_trip(
            &Environment {
                client_id: String::new(),
                ..env(Scheme::BoldBi, "https://h/bi/site/s/dashboards/1")
            },
            &bold,
        );
    }

    #[test]
    fn a_url_that_is_not_an_embed_is_refused_clearly() {
        assert!(open_in_form("https://example.com/?a=1").is_err());
        assert!(open_in_form("not a url").is_err());
    }
}
