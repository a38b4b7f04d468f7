//! One declaration line per value, in each language's own syntax.

use super::fields::Value;

/// A string literal valid in JavaScript and Python (JSON's escaping).
fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// A Rust string literal.
fn rust_quoted(text: &str) -> String {
    format!("{text:?}")
}

fn list<T>(items: &[T], item: impl Fn(&T) -> String) -> String {
    let inner: Vec<String> = items.iter().map(item).collect();
    format!("[{}]", inner.join(", "))
}

/// `snake_case` as `camelCase`.
fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A JavaScript or Python literal; `none`, `yes`, `no` spell null and the booleans.
fn dynamic(value: &Value<'_>, none: &str, yes: &str, no: &str) -> String {
    match value {
        Value::Str(s) => quoted(s),
        Value::OptStr(s) => s.map_or_else(|| none.to_owned(), quoted),
        Value::Int(n) => n.to_string(),
        Value::OptInt(n) => n.map_or_else(|| none.to_owned(), |n| n.to_string()),
        Value::Bool(b) => if *b { yes } else { no }.to_owned(),
        Value::Strs(items) => list(items, |s| quoted(s)),
        Value::Pairs(items) => list(items, |(n, v)| format!("[{}, {}]", quoted(n), quoted(v))),
        Value::Attrs(items) => list(items, |a| {
            format!("[{}, {}]", quoted(&a.name), list(&a.values, |s| quoted(s)))
        }),
        // Only reached for Rust, which declares constants (see `rust`).
        Value::FreshNonce | Value::FreshTime => none.to_owned(),
    }
}

/// `const camelName = value;`
pub fn node(name: &str, value: &Value<'_>) -> String {
    match value {
        Value::FreshNonce => return format!("const {} = crypto.randomUUID();", camel(name)),
        Value::FreshTime => {
            return format!("const {} = Math.floor(Date.now() / 1000);", camel(name))
        }
        _ => {}
    }
    format!(
        "const {} = {};",
        camel(name),
        dynamic(value, "null", "true", "false")
    )
}

/// `UPPER_NAME = value`
pub fn python(name: &str, value: &Value<'_>) -> String {
    match value {
        Value::FreshNonce => {
            return format!(
                "{} = str(__import__(\"uuid\").uuid4())",
                name.to_uppercase()
            )
        }
        Value::FreshTime => {
            return format!("{} = int(__import__(\"time\").time())", name.to_uppercase())
        }
        _ => {}
    }
    format!(
        "{} = {}",
        name.to_uppercase(),
        dynamic(value, "None", "True", "False")
    )
}

/// `const UPPER_NAME: Type = value;`
pub fn rust(name: &str, value: &Value<'_>) -> String {
    let strs = |items: &[String]| format!("&{}", list(items, |s| rust_quoted(s)));
    let (kind, literal) = match value {
        Value::Str(s) => ("&str", rust_quoted(s)),
        Value::OptStr(s) => (
            "Option<&str>",
            s.map_or_else(
                || "None".to_owned(),
                |s| format!("Some({})", rust_quoted(s)),
            ),
        ),
        Value::Int(n) => ("u64", n.to_string()),
        Value::OptInt(n) => (
            "Option<u64>",
            n.map_or_else(|| "None".to_owned(), |n| format!("Some({n})")),
        ),
        Value::Bool(b) => ("bool", b.to_string()),
        // Rust declares constants: a fresh snippet in Rust is not offered
        // (`snippet` refuses it), so these never reach here.
        Value::FreshNonce | Value::FreshTime => ("&str", "\"\"".to_owned()),
        Value::Strs(items) => ("&[&str]", strs(items)),
        Value::Pairs(items) => (
            "&[(&str, &str)]",
            format!(
                "&{}",
                list(items, |(n, v)| format!(
                    "({}, {})",
                    rust_quoted(n),
                    rust_quoted(v)
                ))
            ),
        ),
        Value::Attrs(items) => (
            "&[(&str, &[&str])]",
            format!(
                "&{}",
                list(items, |a| format!(
                    "({}, {})",
                    rust_quoted(&a.name),
                    strs(&a.values)
                ))
            ),
        ),
    };
    format!("const {}: {kind} = {literal};", name.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_each_languages_convention() {
        assert_eq!(
            node("eval_connection_id", &Value::OptStr(None)),
            "const evalConnectionId = null;"
        );
        assert_eq!(
            python("escape_signature", &Value::Bool(true)),
            "ESCAPE_SIGNATURE = True"
        );
        assert_eq!(
            rust("timestamp", &Value::OptInt(Some(5))),
            "const TIMESTAMP: Option<u64> = Some(5);"
        );
    }
}
