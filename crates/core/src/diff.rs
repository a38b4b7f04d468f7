//! Compares two embed URLs parameter by parameter and says which change
//! breaks the signature.
//!
//! Parameters are matched by decoded name and occurrence. A matched pair
//! whose decoded values agree but whose bytes differ was *re-encoded*; one
//! that left the common order was *reordered*. Where the MAC covers the
//! received bytes (a scheme whose capabilities say the parameter order is
//! signed) every such change breaks the signature; where a token is signed,
//! only a change inside the token does, and the token's claims are compared
//! too.

use serde::Serialize;

use crate::error::Result;
use crate::query::{ParsedUrl, RawParam};
use crate::scheme::Scheme;

/// What happened to a parameter.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
    /// Different decoded value.
    Changed,
    /// Same decoded value, different bytes.
    Reencoded,
    /// Moved relative to the others.
    Reordered,
    /// The part before `?` differs.
    BaseChanged,
}

/// One difference.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// The parameter's decoded name (the base URL: `(base)`).
    pub name: String,
    /// Raw value in A.
    pub a: Option<String>,
    /// Raw value in B.
    pub b: Option<String>,
    /// Whether this change alone invalidates A's signature.
    pub breaks_signature: bool,
}

/// One JWT claim difference.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimChange {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The claim.
    pub name: String,
    /// Value in A.
    pub a: Option<serde_json::Value>,
    /// Value in B.
    pub b: Option<serde_json::Value>,
}

/// The comparison.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport {
    /// Scheme of A (`null` if not an embed URL).
    pub scheme_a: Option<Scheme>,
    /// Scheme of B.
    pub scheme_b: Option<Scheme>,
    /// Whether the two are byte-identical (ignoring surrounding whitespace).
    pub identical: bool,
    /// Parameter-level changes, in A's order then B's additions.
    pub changes: Vec<Change>,
    /// JWT claim changes, when both are Sigma JWT URLs.
    pub claims: Vec<ClaimChange>,
    /// Names of the changes that break the signature.
    pub breaking: Vec<String>,
}

const BASE: &str = "(base)";
/// The name of a change to the token beside the URL.
const TOKEN: &str = "(token)";

/// Compares `a` with `b`.
pub fn diff(a: &str, b: &str) -> Result<DiffReport> {
    let (a, b) = (
        crate::artifact::Artifact::read(a),
        crate::artifact::Artifact::read(b),
    );
    let (ua, ub) = (a.parsed()?, b.parsed()?);
    let (scheme_a, scheme_b) = (
        crate::schemes::detect(&ua).ok(),
        crate::schemes::detect(&ub).ok(),
    );
    let scheme = scheme_a.or(scheme_b);
    let breaks = |name: &str| {
        scheme.map(crate::schemes::spec).is_some_and(|spec| {
            if name == BASE {
                spec.signs_base()
            } else {
                spec.signs(name)
            }
        })
    };
    // Moving a parameter breaks the signature only where the MAC covers
    // the bytes as sent (not a token, not values signed in a fixed order).
    let order_signed = scheme
        .map(crate::schemes::spec)
        .is_some_and(|spec| spec.capabilities().param_order_signed);
    let mut changes = Vec::new();
    if ua.base != ub.base {
        changes.push(Change {
            kind: ChangeKind::BaseChanged,
            name: BASE.into(),
            a: Some(ua.base.clone()),
            b: Some(ub.base.clone()),
            breaks_signature: breaks(BASE),
        });
    }
    // A token handed beside the URL (a web component's) is one value: its
    // claims are compared below.
    if ua.token != ub.token {
        changes.push(Change {
            kind: match (&ua.token, &ub.token) {
                (None, _) => ChangeKind::Added,
                (_, None) => ChangeKind::Removed,
                _ => ChangeKind::Changed,
            },
            name: TOKEN.into(),
            a: ua.token.clone(),
            b: ub.token.clone(),
            breaks_signature: false,
        });
    }
    let keys_a = keyed(&ua.params);
    let keys_b = keyed(&ub.params);
    let mut matched_a = Vec::new();
    for (key, pa) in &keys_a {
        match keys_b.iter().find(|(k, _)| k == key) {
            Some((_, pb)) => {
                matched_a.push(key.clone());
                let kind = if pa.raw_name == pb.raw_name && pa.raw_value == pb.raw_value {
                    None
                } else if pa.name == pb.name && pa.value == pb.value {
                    Some(ChangeKind::Reencoded)
                } else {
                    Some(ChangeKind::Changed)
                };
                if let Some(kind) = kind {
                    changes.push(change(kind, pa, Some(pa), Some(pb), breaks(&pa.name)));
                }
            }
            None => changes.push(change(
                ChangeKind::Removed,
                pa,
                Some(pa),
                None,
                breaks(&pa.name),
            )),
        }
    }
    for (key, pb) in &keys_b {
        if !keys_a.iter().any(|(k, _)| k == key) {
            changes.push(change(
                ChangeKind::Added,
                pb,
                None,
                Some(pb),
                breaks(&pb.name),
            ));
        }
    }
    let order_b: Vec<_> = keys_b
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| matched_a.contains(k))
        .collect();
    let stay = longest_common_subsequence(&matched_a, &order_b);
    for key in matched_a.iter().filter(|k| !stay.contains(k)) {
        if let Some((_, pa)) = keys_a.iter().find(|(k, _)| k == key) {
            let pb = keys_b.iter().find(|(k, _)| k == key).map(|(_, p)| *p);
            changes.push(change(
                ChangeKind::Reordered,
                pa,
                Some(pa),
                pb,
                order_signed && breaks(&pa.name),
            ));
        }
    }
    // Two URLs carrying signed tokens: compare what the tokens claim.
    let claims = match (scheme_a, scheme_b) {
        (Some(a), Some(b)) if a == b => claim_changes(&ua, &ub, a),
        _ => Vec::new(),
    };
    let breaking = changes
        .iter()
        .filter(|c| c.breaks_signature)
        .map(|c| c.name.clone())
        .collect();
    Ok(DiffReport {
        scheme_a,
        scheme_b,
        identical: ua.raw == ub.raw && ua.token == ub.token,
        changes,
        claims,
        breaking,
    })
}

fn change(
    kind: ChangeKind,
    p: &RawParam,
    a: Option<&RawParam>,
    b: Option<&RawParam>,
    breaks_signature: bool,
) -> Change {
    Change {
        kind,
        name: p.name.clone(),
        a: a.map(|p| p.raw_value_or_empty().to_owned()),
        b: b.map(|p| p.raw_value_or_empty().to_owned()),
        breaks_signature,
    }
}

/// Parameters keyed by (decoded name, occurrence number).
fn keyed(params: &[RawParam]) -> Vec<((String, usize), &RawParam)> {
    let mut out: Vec<((String, usize), &RawParam)> = Vec::with_capacity(params.len());
    for p in params {
        let occurrence = out.iter().filter(|((n, _), _)| *n == p.name).count();
        out.push(((p.name.clone(), occurrence), p));
    }
    out
}

fn longest_common_subsequence<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(a[i].clone());
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn claim_changes(a: &ParsedUrl, b: &ParsedUrl, scheme: Scheme) -> Vec<ClaimChange> {
    let spec = crate::schemes::spec(scheme);
    let claims = |u: &ParsedUrl| {
        spec.facts(u)
            .ok()
            .and_then(|f| f.jwt)
            .and_then(|j| j.claims.as_object().cloned())
            .unwrap_or_default()
    };
    let (ca, cb) = (claims(a), claims(b));
    let mut out = Vec::new();
    for (name, va) in &ca {
        match cb.get(name) {
            Some(vb) if vb == va => {}
            Some(vb) => out.push(ClaimChange {
                kind: ChangeKind::Changed,
                name: name.clone(),
                a: Some(va.clone()),
                b: Some(vb.clone()),
            }),
            None => out.push(ClaimChange {
                kind: ChangeKind::Removed,
                name: name.clone(),
                a: Some(va.clone()),
                b: None,
            }),
        }
    }
    for (name, vb) in &cb {
        if !ca.contains_key(name) {
            out.push(ClaimChange {
                kind: ChangeKind::Added,
                name: name.clone(),
                a: None,
                b: Some(vb.clone()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_added_removed_changed_reencoded_and_reordered_parameters() {
        let a = "https://h/embed/x?:nonce=1&:email=a%2Bb@c.co&:theme=Dark&:time=5&:signature=aa";
        let b = "https://h/embed/x?:nonce=2&:email=a%2bb@c.co&:time=5&:theme=Dark&:lng=fr&:signature=aa";
        let report = diff(a, b).unwrap();
        let kinds: Vec<_> = report
            .changes
            .iter()
            .map(|c| (c.kind, c.name.as_str()))
            .collect();
        assert!(kinds.contains(&(ChangeKind::Changed, ":nonce")));
        assert!(kinds.contains(&(ChangeKind::Reencoded, ":email")));
        assert!(kinds.contains(&(ChangeKind::Added, ":lng")));
        assert!(kinds
            .iter()
            .any(|(k, n)| *k == ChangeKind::Reordered && (*n == ":theme" || *n == ":time")));
        assert!(report.breaking.contains(&":email".to_owned()));
    }

    #[test]
    fn jwt_interface_parameters_do_not_break_the_signature() {
        let a = "https://h/o/workbook/w?:jwt=a.b.c&:embed=true&:theme=Dark";
        let b = "https://h/o/workbook/w?:jwt=a.b.c&:embed=true&:theme=Light";
        let report = diff(a, b).unwrap();
        assert_eq!(report.changes.len(), 1);
        assert!(!report.changes[0].breaks_signature);
        assert!(report.breaking.is_empty());
    }

    #[test]
    fn identical_urls_have_no_changes() {
        let url = "https://h/embed/x?:nonce=1&:signature=aa";
        let report = diff(url, url).unwrap();
        assert!(report.identical);
        assert!(report.changes.is_empty());
    }
}
