//! Inline validation of the form, in plain words, as the user types. The
//! signer accepts anything (errors are reproduced on purpose); these say
//! what the vendor would refuse, with the same rules and settings the
//! verifier uses, so the form and the verdict never disagree.

use crate::form::SignForm;
use crate::policy::Policy;
use crate::scheme::Scheme;
use crate::verify::is_valid_email;

/// What the vendor would refuse in `form` under `policy`, one sentence each.
pub fn issues(scheme: Scheme, form: &SignForm, policy: &Policy) -> Vec<String> {
    let spec = crate::schemes::spec(scheme);
    let mut issues = Vec::new();
    if spec.user_by_email() {
        if !is_valid_email(&form.email) {
            issues.push(
                "The email is not a full address like name@example.com; the vendor will refuse it."
                    .into(),
            );
        }
        if form.email.contains('+') {
            issues.push("A \"+\" in the email is fine here (it is escaped), but hand-built URLs often send it raw and it becomes a space.".into());
        }
    }
    for (rows, what) in [
        (&form.user_attributes, "A user attribute"),
        (&form.params, "A parameter"),
    ] {
        for (_, value) in rows.iter().filter(|(name, _)| name.trim().is_empty()) {
            if !value.trim().is_empty() {
                issues.push(format!(
                    "{what} row has a value (\"{}\") but no name, so it is left out of the URL; name it or remove the row.",
                    value.trim()
                ));
            }
        }
    }
    spec.form_issues(form, policy, &mut issues);
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
            sign_time: true,
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
    fn a_nameless_row_with_a_value_is_named_not_dropped_silently() {
        let said = joined(
            Scheme::SigmaJwt,
            &form(|f| {
                f.session_length = 3600;
                f.user_attributes = vec![("".into(), "East".into()), (" ".into(), String::new())];
            }),
        );
        assert!(said.contains("(\"East\") but no name"), "{said}");
        assert_eq!(said.matches("no name").count(), 1, "{said}");
    }

    #[test]
    fn looker_names_a_misspelt_permission_and_where_access_filters_break() {
        let looker = |edit: fn(&mut SignForm)| {
            let mut f = crate::kits::kits()
                .into_iter()
                .find(|k| k.scheme == Scheme::Looker)
                .map(|k| k.defaults)
                .unwrap_or_default();
            edit(&mut f);
            joined(Scheme::Looker, &f)
        };
        assert_eq!(looker(|_| {}), "");
        let said = looker(|f| f.permissions.push("acces_data".into()));
        assert!(said.contains("did you mean \"access_data\""), "{said}");
        let said = looker(|f| f.permissions.push("launch_rockets".into()));
        assert!(said.contains("check its spelling"), "{said}");
        let said = looker(|f| f.access_filters = "{\"a\": ".into());
        assert!(
            said.contains("not valid JSON (the text breaks at line 1, column"),
            "{said}"
        );
        let said = looker(|f| f.access_filters = "[1]".into());
        assert!(said.contains("not an object (it is a list)"), "{said}");
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
            joined(Scheme::BoldBi, &form(|f| f.sign_time = false)).contains("needs the timestamp")
        );
    }

    #[test]
    fn the_session_maximum_is_the_hosts_setting() {
        let strict = Policy::default()
            .with("max-session-length", "3600")
            .unwrap();
        let long = form(|f| f.session_length = 4000);
        assert!(issues(Scheme::SigmaClassic, &long, &strict)
            .join(" ")
            .contains("over 3600 s"));
        assert!(issues(Scheme::SigmaClassic, &long, &Policy::default()).is_empty());
    }
}
