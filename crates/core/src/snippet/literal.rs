//! Values written as source literals in each language.

/// A string literal valid in JavaScript and Python (JSON's escaping).
pub fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// A Rust string literal.
pub fn rust_quoted(text: &str) -> String {
    format!("{text:?}")
}

/// `[a, b]` with `item` writing each element.
pub fn array<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    let inner: Vec<String> = items.iter().map(item).collect();
    format!("[{}]", inner.join(", "))
}

/// JavaScript `"x"` / `null`.
pub fn js_optional(value: Option<&str>) -> String {
    value.map_or_else(|| "null".to_owned(), quoted)
}

/// Python `"x"` / `None`.
pub fn py_optional(value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), quoted)
}

/// Rust `Some("x")` / `None`.
pub fn rust_optional(value: Option<&str>) -> String {
    value.map_or_else(
        || "None".to_owned(),
        |v| format!("Some({})", rust_quoted(v)),
    )
}

/// JavaScript or Python `[["a", "b"], ...]` of name/value pairs.
pub fn pairs(items: &[(String, String)]) -> String {
    array(items, |(name, value)| {
        format!("[{}, {}]", quoted(name), quoted(value))
    })
}

/// Rust `&[("a", "b"), ...]`.
pub fn rust_pairs(items: &[(String, String)]) -> String {
    format!(
        "&{}",
        array(items, |(name, value)| format!(
            "({}, {})",
            rust_quoted(name),
            rust_quoted(value)
        ))
    )
}

/// JavaScript or Python `["a", "b"]`.
pub fn strings(items: &[String]) -> String {
    array(items, |s| quoted(s))
}

/// Rust `&["a", "b"]`.
pub fn rust_strings(items: &[String]) -> String {
    format!("&{}", array(items, |s| rust_quoted(s)))
}
