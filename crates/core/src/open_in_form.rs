//! "Open in form": reads any embed URL back into the form that would sign
//! it (the environment, the user, the parameters), so it can be changed and
//! re-signed. Nonce and time are left automatic: a re-signed URL needs
//! fresh ones.

use crate::error::Result;
use crate::form::{Environment, SignForm};
use crate::inspect::Embed;

/// The environment and the form that describe `url`.
pub fn open_in_form(url: &str) -> Result<(Environment, SignForm)> {
    let embed = Embed::read(url)?;
    let environment = Environment {
        scheme: embed.scheme,
        embed_path: crate::schemes::spec(embed.scheme).embed_path_of(&embed),
        client_id: embed.facts.client_id.clone().unwrap_or_default(),
    };
    let mut form = SignForm {
        email: embed.facts.email.clone().unwrap_or_default(),
        ..SignForm::default()
    };
    crate::schemes::spec(embed.scheme).form_from_url(&embed, &mut form);
    Ok((environment, form))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::form_request::request;
    use crate::{Scheme, Secret};

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
            sign_time: true,
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
