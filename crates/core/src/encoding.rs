//! The encoding rule: encode only what would break the URL.
//!
//! The vendors ask for team names, attribute names and values to be sent
//! unencoded, with commas as commas; yet a value containing `&`, `#`, `%`, `+`,
//! a space or non-ASCII text breaks the URL unless escaped. The rule here: a
//! byte is percent-encoded (uppercase hex) only if leaving it raw would change
//! how the URL splits or decodes; everything else goes out exactly as given.
//! Signatures always cover the emitted bytes, so either way they verify.
//!
//! Decoding is strict: a `%` that does not start a valid escape is an error,
//! not a literal, because the vendors' servers disagree on what it means.

use std::borrow::Cow;

/// Builds an escape table: controls, non-ASCII, space and the bytes that
/// split or decode a query (`"#%&+<>[\\]^`{|}`), plus `extra`.
const fn escapes(extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = byte < 0x20 || byte >= 0x7f;
        byte += 1;
    }
    let always = b" \"#%&+<>[\\]^`{|}";
    let mut i = 0;
    while i < always.len() {
        table[always[i] as usize] = true;
        i += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = true;
        i += 1;
    }
    table
}

/// Bytes escaped inside a value.
const VALUE_ESCAPES: [bool; 256] = escapes(b"");
/// In a name, `=` also splits, so it is escaped too.
const NAME_ESCAPES: [bool; 256] = escapes(b"=");
/// In one element of a comma-separated list (teams, attribute values), a comma
/// inside the element is escaped so the list still splits where it should.
const LIST_ELEMENT_ESCAPES: [bool; 256] = escapes(b",");

/// JavaScript's `encodeURIComponent` (and Node's `querystring.escape`):
/// everything but letters, digits and `-_.!~*'()` is escaped. Vendors whose
/// samples build URLs that way (Looker) are signed with it.
const URI_COMPONENT_ESCAPES: [bool; 256] = {
    let mut table = [true; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            )
        {
            table[byte] = false;
        }
        byte += 1;
    }
    table
};

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// Appends `text` to `out`, escaping the bytes `table` marks as `%XX`.
fn push_encoded(out: &mut String, text: &str, table: &[bool; 256]) {
    let mut run_start = 0;
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        if table[usize::from(byte)] {
            // Unescaped runs are ASCII (every non-ASCII byte is escaped), so
            // both ends of a non-empty run sit on character boundaries.
            out.push_str(text.get(run_start..i).unwrap_or_default());
            out.push('%');
            out.push(char::from(HEX_UPPER[usize::from(byte >> 4)]));
            out.push(char::from(HEX_UPPER[usize::from(byte & 0xf)]));
            run_start = i + 1;
        }
    }
    out.push_str(text.get(run_start..).unwrap_or_default());
}

fn encoded<'a>(text: &'a str, table: &[bool; 256]) -> Cow<'a, str> {
    if text.bytes().any(|b| table[usize::from(b)]) {
        let mut out = String::with_capacity(text.len() + 16);
        push_encoded(&mut out, text, table);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// Encodes a parameter value by the rule above.
pub fn encode_value(value: &str) -> Cow<'_, str> {
    encoded(value, &VALUE_ESCAPES)
}

/// Encodes a parameter name by the rule above (`=` is escaped as well).
pub fn encode_name(name: &str) -> Cow<'_, str> {
    encoded(name, &NAME_ESCAPES)
}

/// Appends `value` to `out`, encoded by the rule (no intermediate allocation).
pub fn push_value(out: &mut String, value: &str) {
    push_encoded(out, value, &VALUE_ESCAPES);
}

/// Appends `text` to `out` as JavaScript's `encodeURIComponent` would
/// (uppercase escapes).
pub fn push_uri_component(out: &mut String, text: &str) {
    push_encoded(out, text, &URI_COMPONENT_ESCAPES);
}

/// Appends `name` to `out`, encoded by the rule for names.
pub fn push_name(out: &mut String, name: &str) {
    push_encoded(out, name, &NAME_ESCAPES);
}

/// Appends a comma-separated list to `out` (see [`encode_list`]).
pub fn push_list<S: AsRef<str>>(out: &mut String, elements: &[S]) {
    for (i, element) in elements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_encoded(out, element.as_ref(), &LIST_ELEMENT_ESCAPES);
    }
}

/// Encodes a list as comma-separated elements, each encoded by the rule,
/// commas between elements left raw.
pub fn encode_list<S: AsRef<str>>(elements: &[S]) -> String {
    let mut out = String::new();
    push_list(&mut out, elements);
    out
}

/// Appends `bytes` as lowercase hex (the Sigma signature's format).
pub fn push_hex_lower(out: &mut String, bytes: &[u8]) {
    for &byte in bytes {
        out.push(char::from(HEX_LOWER[usize::from(byte >> 4)]));
        out.push(char::from(HEX_LOWER[usize::from(byte & 0xf)]));
    }
}

/// Why a raw query component could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A `%` at this byte offset (within the component) does not start `%XX`.
    InvalidEscape {
        /// Offset of the `%` inside the component.
        offset: usize,
        /// Up to three bytes starting at the `%`.
        text: String,
    },
    /// The decoded bytes are not UTF-8.
    NotUtf8,
}

/// Decodes one raw query component. `plus_as_space` is how form decoding
/// (and so most servers) read a raw `+`.
pub fn decode_component(raw: &str, plus_as_space: bool) -> Result<String, DecodeError> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = bytes.get(i + 1).and_then(|b| hex_digit(*b));
                let lo = bytes.get(i + 2).and_then(|b| hex_digit(*b));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        out.push(hi << 4 | lo);
                        i += 3;
                    }
                    _ => {
                        let end = (i + 3).min(bytes.len());
                        return Err(DecodeError::InvalidEscape {
                            offset: i,
                            text: String::from_utf8_lossy(&bytes[i..end]).into_owned(),
                        });
                    }
                }
            }
            b'+' if plus_as_space => {
                out.push(b' ');
                i += 1;
            }
            other => {
                out.push(other);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::NotUtf8)
}

fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Whether the raw text holds a percent escape written in lowercase hex
/// (`%2b`), which some servers reject.
pub fn has_lowercase_escape(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    bytes.windows(3).any(|w| {
        w[0] == b'%'
            && w[1].is_ascii_hexdigit()
            && w[2].is_ascii_hexdigit()
            && (w[1].is_ascii_lowercase() || w[2].is_ascii_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_that_do_not_need_it_are_emitted_as_given() {
        assert_eq!(encode_value("Sales_Managers"), "Sales_Managers");
        assert_eq!(encode_value("a,b"), "a,b");
        assert_eq!(encode_value("user@example.com"), "user@example.com");
        assert_eq!(encode_value("x=y"), "x=y");
    }

    #[test]
    fn breaking_characters_are_escaped_in_uppercase() {
        assert_eq!(encode_value("a&b#c%d+e f"), "a%26b%23c%25d%2Be%20f");
        assert_eq!(encode_value("Zürich"), "Z%C3%BCrich");
        assert_eq!(encode_name("a=b"), "a%3Db");
    }

    #[test]
    fn a_comma_inside_a_list_element_is_escaped_but_separators_are_not() {
        assert_eq!(encode_list(&["Team A", "B,C", "D"]), "Team%20A,B%2CC,D");
    }

    #[test]
    fn decoding_is_strict_about_broken_escapes() {
        assert_eq!(decode_component("a%2Bb", false), Ok("a+b".into()));
        assert_eq!(decode_component("a+b", true), Ok("a b".into()));
        assert_eq!(decode_component("a+b", false), Ok("a+b".into()));
        assert_eq!(
            decode_component("100%", false),
            Err(DecodeError::InvalidEscape {
                offset: 3,
                text: "%".into()
            })
        );
        assert_eq!(
            decode_component("%zz", false),
            Err(DecodeError::InvalidEscape {
                offset: 0,
                text: "%zz".into()
            })
        );
        assert_eq!(decode_component("%FF", false), Err(DecodeError::NotUtf8));
    }

    #[test]
    fn every_byte_outside_the_kept_set_is_escaped() {
        let kept = "ABCXYZabcxyz0189-._~!$'()*,;:@/?=";
        assert_eq!(encode_value(kept), kept);
        for byte in (0u8..0x80)
            .map(char::from)
            .filter(|c| !c.is_ascii_alphanumeric() && !kept.contains(*c))
        {
            let text = byte.to_string();
            assert_eq!(
                encode_value(&text),
                format!("%{:02X}", byte as u8),
                "{byte:?}"
            );
        }
        assert_eq!(encode_value("\u{7f}é"), "%7F%C3%A9");
    }

    #[test]
    fn lowercase_escapes_are_spotted() {
        assert!(has_lowercase_escape("a%2fb"));
        assert!(!has_lowercase_escape("a%2Fb"));
        assert!(!has_lowercase_escape("100%"));
    }
}
