//! The permissions Looker documents for signed embed users, so the form can
//! point out a misspelt one (`see_dashboards` for `see_user_dashboards`)
//! before Looker silently grants less than intended.

/// The permissions a new form suggests: what a viewer usually needs.
pub const SUGGESTED: &[&str] = &[
    "access_data",
    "see_user_dashboards",
    "see_lookml_dashboards",
    "see_looks",
    "see_drill_overlay",
    "explore",
    "download_with_limit",
    "download_without_limit",
    "schedule_look_emails",
    "save_content",
    "embed_browse_spaces",
];

/// Every permission Looker's signed-embedding page lists for embed users.
const DOCUMENTED: &[&str] = &[
    "access_data",
    "can_create_forecast",
    "clear_cache_refresh",
    "create_alerts",
    "create_custom_fields",
    "create_public_looks",
    "create_table_calculations",
    "deploy",
    "develop",
    "download_with_limit",
    "download_without_limit",
    "embed_browse_spaces",
    "embed_save_shared_space",
    "explore",
    "follow_alerts",
    "save_content",
    "schedule_external_look_emails",
    "schedule_look_emails",
    "see_drill_overlay",
    "see_lookml",
    "see_lookml_dashboards",
    "see_looks",
    "see_sql",
    "see_user_dashboards",
    "send_outgoing_webhook",
    "send_to_integration",
    "send_to_s3",
    "send_to_sftp",
    "support_access_toggle",
    "use_sql_runner",
];

/// Whether `permission` is one Looker documents for embed users.
pub fn is_documented(permission: &str) -> bool {
    DOCUMENTED.contains(&permission)
}

/// The documented permission closest in spelling to `permission`, when one
/// is near enough to be the intended one.
pub fn nearest(permission: &str) -> Option<&'static str> {
    DOCUMENTED
        .iter()
        .map(|known| (edit_distance(permission, known), *known))
        .filter(|(distance, known)| *distance <= 2.max(known.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| known)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suggestion_is_documented() {
        assert!(SUGGESTED.iter().all(|p| is_documented(p)));
        assert!(!is_documented("see_dashboards"));
    }

    #[test]
    fn a_near_misspelling_finds_its_permission_and_nonsense_finds_none() {
        assert_eq!(nearest("acces_data"), Some("access_data"));
        assert_eq!(nearest("see_look"), Some("see_looks"));
        assert_eq!(nearest("see_user_dashboard"), Some("see_user_dashboards"));
        assert_eq!(nearest("admin"), None);
    }
}
