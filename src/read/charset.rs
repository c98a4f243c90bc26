//! Character encodings of feeds and web pages: the encoding a document
//! declares (`<?xml ... encoding="..."?>`, `<meta charset>`, an HTTP
//! `Content-Type`), and decoding with a fallback, because documents in the
//! wild declare one encoding and use another (Latin-1 served as UTF-8).
//!
//! The rules, in order: a byte-order mark wins; then a declared encoding
//! that `encoding_rs` knows (WHATWG labels: `iso-8859-1` is read as
//! Windows-1252, as browsers do); then UTF-8. Bytes that are not valid in
//! UTF-8 are read one by one as Windows-1252, so a Latin-1 file labelled
//! UTF-8, or a UTF-8 file with a few stray Latin-1 bytes, keeps every
//! letter; the article then carries a warning saying so.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many bytes from the start are searched for a declared encoding.
const DECLARATION_WINDOW: usize = 2048;

/// Text decoded from bytes, with the warning to give when the bytes did
/// not match their declared encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Said when bytes had to be guessed.
    pub warning: Option<String>,
}

/// Decodes a document given the encoding label it declares, if any.
pub fn decode_document(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, &bytes[bom_length..]);
    }
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .unwrap_or(UTF_8);
    decode_as(encoding, bytes)
}

/// Decodes with a known encoding; UTF-8 falls back byte by byte.
fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    if encoding == UTF_8 || encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        if encoding != UTF_8 {
            let (text, _, _) = encoding.decode(bytes);
            return Decoded {
                text: text.into_owned(),
                warning: None,
            };
        }
        return decode_utf8_with_fallback(bytes);
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    let warning = had_errors.then(|| {
        format!(
            "bytes not valid in the declared {} were replaced with U+FFFD",
            encoding.name()
        )
    });
    Decoded {
        text: text.into_owned(),
        warning,
    }
}

/// Reads UTF-8, taking each byte of an invalid sequence as Windows-1252.
fn decode_utf8_with_fallback(bytes: &[u8]) -> Decoded {
    let mut rest = bytes;
    let mut text = String::with_capacity(bytes.len());
    let mut guessed = false;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(error) => {
                let valid_length = error.valid_up_to();
                let bad_length = error.error_len().unwrap_or(rest.len() - valid_length);
                // The prefix was just checked to be valid UTF-8.
                text.push_str(std::str::from_utf8(&rest[..valid_length]).unwrap_or_default());
                let bad = &rest[valid_length..valid_length + bad_length];
                let (latin, _) = WINDOWS_1252.decode_without_bom_handling(bad);
                text.push_str(&latin);
                guessed = true;
                rest = &rest[valid_length + bad_length..];
            }
        }
    }
    let warning = guessed.then(|| {
        "not valid UTF-8 (Latin-1 served as UTF-8?): those bytes were read as Windows-1252"
            .to_string()
    });
    Decoded { text, warning }
}

/// Finds the encoding an XML declaration names (`encoding="ISO-8859-1"`).
pub fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let start = String::from_utf8_lossy(start);
    let declaration_end = start.find("?>")?;
    let declaration = &start[..declaration_end];
    if !declaration
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("<?xml")
    {
        return None;
    }
    attribute_value(declaration, "encoding")
}

/// Finds the encoding a web page declares in its first bytes: `<meta
/// charset="...">` or `<meta http-equiv="Content-Type" content="...;
/// charset=...">`.
pub fn html_declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = &bytes[..bytes.len().min(DECLARATION_WINDOW * 2)];
    let start = String::from_utf8_lossy(start).to_ascii_lowercase();
    let mut searched = start.as_str();
    while let Some(position) = searched.find("<meta") {
        let tag = &searched[position..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(label) = attribute_value(tag, "charset") {
            return Some(label);
        }
        if let Some(content) = attribute_value(tag, "content")
            && let Some(label) = content_type_charset(&content)
        {
            return Some(label);
        }
        searched = &searched[position + 5..];
    }
    None
}

/// Finds the `charset=` of a `Content-Type` value.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let position = lower.find("charset=")?;
    let label = &lower[position + "charset=".len()..];
    let label = label.trim_start_matches(['"', '\'']);
    let end = label.find([';', '"', '\'', ' ']).unwrap_or(label.len());
    let label = &label[..end];
    (!label.is_empty()).then(|| label.to_string())
}

/// Reads `name="value"`, `name='value'` or `name=value` inside a tag.
fn attribute_value(tag: &str, name: &str) -> Option<String> {
    let mut searched = tag;
    loop {
        let position = searched.find(name)?;
        let before = searched[..position].chars().next_back();
        let after = searched[position + name.len()..].trim_start();
        searched = &searched[position + name.len()..];
        let is_word_start = before.is_none_or(|character| character.is_whitespace());
        let Some(value) = after.strip_prefix('=').filter(|_| is_word_start) else {
            continue;
        };
        let value = value.trim_start();
        let (quote, value) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => (Some(quote), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(quote) => value.find(quote),
            None => value.find(|character: char| {
                character.is_whitespace() || matches!(character, '/' | '"' | '\'' | ';')
            }),
        };
        let value = &value[..end.unwrap_or(value.len())];
        return Some(value.trim().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_labelled_utf8_keeps_its_letters_with_a_warning() {
        let decoded = decode_document(b"caf\xe9 cr\xe8me", Some("utf-8"));
        assert_eq!(decoded.text, "café crème");
        assert!(decoded.warning.is_some());
        let clean = decode_document("café".as_bytes(), None);
        assert_eq!((clean.text.as_str(), clean.warning), ("café", None));
    }

    #[test]
    fn declared_encodings_are_used() {
        assert_eq!(decode_document(b"caf\xe9", Some("ISO-8859-1")).text, "café");
        assert_eq!(
            decode_document(b"\xcf\xf0\xe8\xe2\xe5\xf2", Some("windows-1251")).text,
            "Привет"
        );
        assert_eq!(
            decode_document(b"\xef\xbb\xbfok", Some("latin1")).text,
            "ok"
        );
    }

    #[test]
    fn declarations_are_found() {
        let xml = br#"<?xml version="1.0" encoding='ISO-8859-1'?><rss>"#;
        assert_eq!(xml_declared_encoding(xml).as_deref(), Some("ISO-8859-1"));
        assert_eq!(xml_declared_encoding(b"<rss version=\"2.0\">"), None);
        let page = br#"<html><head><meta name="x" content="y"><META charset="Shift_JIS">"#;
        assert_eq!(html_declared_encoding(page).as_deref(), Some("shift_jis"));
        let old = br#"<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">"#;
        assert_eq!(html_declared_encoding(old).as_deref(), Some("koi8-r"));
        assert_eq!(
            content_type_charset("text/html;charset=\"UTF-8\"").as_deref(),
            Some("utf-8")
        );
    }
}
