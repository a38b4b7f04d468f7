//! One declaration line per value, in each language's own syntax.

use super::fields::{is_single_use, Value};
use super::Language;

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
        Value::OptBool(b) => {
            b.map_or_else(|| none.to_owned(), |b| if b { yes } else { no }.to_owned())
        }
        Value::Ints(items) => list(items, u64::to_string),
        Value::Strs(items) => list(items, |s| quoted(s)),
        Value::Pairs(items) => list(items, |(n, v)| format!("[{}, {}]", quoted(n), quoted(v))),
        Value::Attrs(items) => list(items, |a| {
            format!("[{}, {}]", quoted(&a.name), list(&a.values, |s| quoted(s)))
        }),
        // Node and Python write these themselves; Rust binds them in `main`.
        Value::FreshNonce | Value::FreshTime | Value::FreshSomeTime => none.to_owned(),
    }
}

/// `const camelName = value;`
pub fn node(name: &str, value: &Value<'_>) -> String {
    match value {
        Value::FreshNonce => return format!("const {} = crypto.randomUUID();", camel(name)),
        Value::FreshTime | Value::FreshSomeTime => {
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
        Value::FreshTime | Value::FreshSomeTime => {
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
        Value::OptBool(b) => (
            "Option<bool>",
            b.map_or_else(|| "None".to_owned(), |b| format!("Some({b})")),
        ),
        Value::Ints(items) => ("&[u64]", format!("&{}", list(items, u64::to_string))),
        // Fresh values are bound in `main` (see `single_use`), never declared.
        Value::FreshNonce | Value::FreshTime | Value::FreshSomeTime => ("&str", "\"\"".to_owned()),
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

/// The Rust lines at the start of `main` that bind the single-use values:
/// the constants above when exact, made on every run when fresh. Empty for
/// the other languages, which declare them with the rest.
pub fn single_use(language: Language, values: &[(&str, Value<'_>)]) -> String {
    if language != Language::Rust {
        return String::new();
    }
    const NOW: &str = "std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect(\"the clock is after 1970\").as_secs()";
    values
        .iter()
        .filter(|(name, _)| is_single_use(name))
        .map(|(name, value)| match value {
            Value::FreshNonce => {
                format!("    let {name}: &str = &uuid::Uuid::new_v4().to_string();")
            }
            Value::FreshTime => format!("    let {name}: u64 = {NOW};"),
            Value::FreshSomeTime => format!("    let {name}: Option<u64> = Some({NOW});"),
            _ => format!("    let {name} = {};", name.to_uppercase()),
        })
        .collect::<Vec<_>>()
        .join("\n")
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
