//! A user attribute as a signer sends it: a name and its values. Plain
//! data shared by the schemes that carry attributes (each spells them its
//! own way on the wire) and the snippets that write them out.

/// A user attribute: a name and its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAttribute {
    /// The attribute's name (without any scheme's prefix, like Sigma's `:ua_`).
    pub name: String,
    /// Its values (a scheme joins them its own way on the wire).
    pub values: Vec<String>,
}
