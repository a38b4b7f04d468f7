//! Just enough HTML for the doctor, pasted markup and the markup signing
//! hands over: reading the
//! `<iframe>` (or any named) elements and the
//! `<meta http-equiv="Content-Security-Policy">` policies of a page, with
//! their attributes. Comments and the insides of `<script>` and
//! `<style>` are skipped (an iframe written by script is not in the markup,
//! and the report says so). Hostile input only ever yields strings. Writing
//! an element escapes every attribute value, so a URL or token can never
//! end the attribute it sits in.

/// One element's attributes, names lower-cased, values with the common
/// entities decoded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element {
    /// `(name, value)` in source order; a bare attribute has an empty value.
    pub attributes: Vec<(String, String)>,
}

impl Element {
    /// The value of attribute `name`, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The names of the elements in `html` (lower-cased), in order, each once;
/// comments, declarations and what `<script>` and `<style>` hold skipped.
pub fn element_names(html: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with("!--") {
            match rest.find("-->") {
                Some(end) => rest = &rest[end + 3..],
                None => break,
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if matches!(name.as_str(), "script" | "style") {
            let close = format!("</{name}");
            match rest.to_ascii_lowercase().find(&close) {
                Some(end) => rest = &rest[end + close.len()..],
                None => rest = "",
            }
        }
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Every element named `tag` in `html`, in order.
pub fn elements(html: &str, tag: &str) -> Vec<Element> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = lower[at..].find('<') {
        let start = at + offset;
        let rest = &lower[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(lower.len(), |end| start + end + 3);
            continue;
        }
        if let Some(skipped) = ["script", "style"]
            .into_iter()
            .find(|t| rest.starts_with(&format!("<{t}")) && *t != tag)
        {
            let close = format!("</{skipped}");
            at = rest
                .find(&close)
                .map_or(lower.len(), |end| start + end + close.len());
            continue;
        }
        let is_tag = rest.starts_with(&open)
            && rest[open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
        if is_tag {
            let (element, end) = read_tag(&html[start..], open.len());
            found.push(element);
            at = start + end;
        } else {
            at = start + 1;
        }
    }
    found
}

/// Reads the attributes of the tag at the start of `text` (after its name,
/// `name_len` bytes); returns the element and the tag's length.
fn read_tag(text: &str, name_len: usize) -> (Element, usize) {
    let bytes = text.as_bytes();
    let mut i = name_len;
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            break;
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = text[name_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            if i < bytes.len() && matches!(bytes[i], b'"' | b'\'') {
                let quote = bytes[i];
                let value_start = i + 1;
                i = value_start;
                while i < bytes.len() && bytes[i] != quote {
                    i += 1;
                }
                value = decode_entities(&text[value_start..i.min(text.len())]);
                i = (i + 1).min(bytes.len());
            } else {
                let value_start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = decode_entities(&text[value_start..i]);
            }
        }
        if !name.is_empty()
            && !attributes
                .iter()
                .any(|(n, _): &(String, String)| *n == name)
        {
            attributes.push((name, value));
        }
    }
    let end = (i + 1).min(bytes.len());
    (Element { attributes }, end)
}

/// `&amp;`, `&quot;`, `&#39;`, `&apos;`, `&lt;`, `&gt;` and numeric references.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let Some(end) = tail.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `value` safe inside a double-quoted attribute.
pub fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// An element `<name a="v" …></name>` with its attribute values escaped;
/// an attribute whose value is empty is written bare.
pub fn element(name: &str, attributes: &[(&str, &str)]) -> String {
    let mut out = format!("<{name}");
    for (attribute, value) in attributes {
        out.push(' ');
        out.push_str(attribute);
        if !value.is_empty() {
            out.push_str("=\"");
            out.push_str(&escape_attribute(value));
            out.push('"');
        }
    }
    out.push_str(&format!("></{name}>"));
    out
}

/// The policies of `<meta http-equiv="Content-Security-Policy" content=…>`.
pub fn meta_policies(html: &str) -> Vec<String> {
    elements(html, "meta")
        .into_iter()
        .filter(|m| {
            m.get("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        })
        .filter_map(|m| m.get("content").map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn a_written_element_reads_back_with_the_same_values() {
        let hostile = "https://h/e?a=1&b=\"><script>x</script>";
        let written = element(
            "some-viz",
            &[("src", hostile), ("token", "t&t"), ("hidden", "")],
        );
        assert!(!written.contains("<script>"), "{written}");
        let read = elements(&written, "some-viz");
        assert_eq!(read.len(), 1, "{written}");
        assert_eq!(read[0].get("src"), Some(hostile));
        assert_eq!(read[0].get("token"), Some("t&t"));
        assert_eq!(read[0].get("hidden"), Some(""));
    }

    #[test]
    fn iframes_are_found_with_their_attributes_outside_comments_and_scripts() {
        let html = r#"<!doctype html><!-- <iframe src="commented"> -->
            <script>document.write('<iframe src="scripted">')</script>
            <IFRAME id=a SRC="https://bi.example.com/embed/1?a=1&amp;b=2" sandbox="allow-scripts allow-same-origin" allowfullscreen></IFRAME>
            <iframe src='x' referrerpolicy=no-referrer/>
            <iframes src="not-an-iframe">"#;
        let found = elements(html, "iframe");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].get("src"),
            Some("https://bi.example.com/embed/1?a=1&b=2")
        );
        assert_eq!(
            found[0].get("sandbox"),
            Some("allow-scripts allow-same-origin")
        );
        assert_eq!(found[0].get("allowfullscreen"), Some(""));
        assert_eq!(found[1].get("referrerpolicy"), Some("no-referrer/"));
    }

    #[test]
    fn meta_policies_and_hostile_input_are_read_without_panicking() {
        let html = r#"<meta http-equiv="Content-Security-Policy" content="frame-src 'self'"><meta name="x" content="y">"#;
        assert_eq!(meta_policies(html), ["frame-src 'self'"]);
        for hostile in [
            "<iframe",
            "<iframe src=\"",
            "<iframe src=",
            "<<iframe>",
            "<iframe a=&#xFFFFFFFF; b=&#1114112;>",
            "<script>",
            "<!--",
        ] {
            let _ = elements(hostile, "iframe");
        }
        assert_eq!(decode_entities("&#x41;&#66;&bogus;&"), "AB&bogus;&");
    }
}
