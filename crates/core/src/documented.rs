//! A scheme's documented parameters, looked up through the registry: the
//! one spec of a name, every parameter, what a URL lacks, and the nearest
//! documented name to a typo. (The tables themselves are each folder's
//! catalogue; [`crate::catalogue`] holds their plain types.)

use crate::catalogue::ParamSpec;
use crate::query::ParsedUrl;
use crate::scheme::Scheme;

/// The spec of a decoded name under a scheme, if documented.
pub fn lookup(scheme: Scheme, name: &str) -> Option<&'static ParamSpec> {
    specs(scheme).find(|s| s.name == name)
}

/// All documented parameters of a scheme's URL.
pub fn specs(scheme: Scheme) -> impl Iterator<Item = &'static ParamSpec> {
    crate::schemes::spec(scheme)
        .catalogue()
        .iter()
        .copied()
        .flatten()
}

/// Required parameters absent from the URL, in catalogue order.
pub fn missing_required(url: &ParsedUrl, scheme: Scheme) -> Vec<&'static str> {
    specs(scheme)
        .filter(|s| s.required && url.first(s.name).is_none())
        .map(|s| s.name)
        .collect()
}

/// The nearest documented name to a probable typo (edit distance ≤ 3,
/// ignoring case and a missing leading colon).
pub fn nearest(scheme: Scheme, name: &str) -> Option<&'static str> {
    let lowered = name.to_ascii_lowercase();
    specs(scheme)
        .map(|s| {
            let candidate = s.name.to_ascii_lowercase();
            let bare = candidate.trim_start_matches(':');
            let distance = strsim::levenshtein(&lowered, &candidate)
                .min(strsim::levenshtein(&lowered, bare) + 1);
            (distance, s.name)
        })
        .filter(|(distance, _)| *distance <= 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_intended_parameter() {
        assert_eq!(
            nearest(Scheme::SigmaClassic, ":sesion_length"),
            Some(":session_length")
        );
        assert_eq!(nearest(Scheme::SigmaClassic, "nonce"), Some(":nonce"));
        assert_eq!(
            nearest(Scheme::BoldBi, "embed_user_mail"),
            Some("embed_user_email")
        );
        assert_eq!(nearest(Scheme::SigmaClassic, "Store-Region"), None);
    }

    #[test]
    fn missing_required_parameters_are_listed() {
        let url = ParsedUrl::parse("https://h/embed/x?:nonce=1&:client_id=c").unwrap();
        let missing = missing_required(&url, Scheme::SigmaClassic);
        assert!(missing.contains(&":email"));
        assert!(missing.contains(&":signature"));
        assert!(!missing.contains(&":account_type"));
    }
}
