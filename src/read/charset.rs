//! Character encodings of every input. Feeds and web pages: the encoding
//! a document declares (`<?xml ... encoding="..."?>`, `<meta charset>`, an
//! HTTP `Content-Type`), and decoding with a fallback, because documents in
//! the wild declare one encoding and use another (Latin-1 served as
//! UTF-8). Text, JSON, JSON Lines, CSV and TSV, which declare none: the
//! encoding `--encoding` names ([`parse_encoding_label`]) or a UTF-16
//! byte-order mark ([`utf16_by_bom`]) turns the stream into UTF-8 as it is
//! read ([`Transcoder`]); otherwise each record is UTF-8 with the same
//! Windows-1252 fallback ([`decode_utf8_or_windows_1252`]), said once per
//! file ([`NOT_UTF8_WARNING`]).
//!
//! The rules of a document, in order: a byte-order mark wins; then UTF-16
//! without a mark, known by its first character `<` being two bytes, one
//! of them zero (a declaration written in UTF-16 cannot be read before
//! decoding); then a declared encoding that `encoding_rs` knows (WHATWG labels: `iso-8859-1`
//! is read as Windows-1252, as browsers do); then UTF-8. Bytes that are not
//! valid in UTF-8 are read one by one as Windows-1252, so a Latin-1 file
//! labelled UTF-8, or a UTF-8 file with a few stray Latin-1 bytes, keeps
//! every letter; the article then carries a warning saying so.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::Error;

/// The warning of a file without a declared encoding that is not UTF-8,
/// given with the first record that needed the fallback.
pub const NOT_UTF8_WARNING: &str = "not valid UTF-8: read as Windows-1252; if it is in another encoding, pass --encoding LABEL (said once per file)";

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
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_as(encoding, bytes);
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
    let (text, guessed) = decode_utf8_or_windows_1252(bytes);
    let warning = guessed.then(|| {
        "not valid UTF-8 (Latin-1 served as UTF-8?): those bytes were read as Windows-1252"
            .to_string()
    });
    Decoded { text, warning }
}

/// Reads UTF-8, taking each byte of an invalid sequence as Windows-1252;
/// tells whether any byte had to be taken so.
pub fn decode_utf8_or_windows_1252(bytes: &[u8]) -> (String, bool) {
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
    (text, guessed)
}

/// Parses an `--encoding` label: any WHATWG label (`latin1`,
/// `windows-1251`, `shift_jis`, `utf-16le`...), in any case.
pub fn parse_encoding_label(label: &str) -> Result<&'static Encoding, Error> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::Usage {
        what: "--encoding",
        value: label.to_string(),
        hint: "use a WHATWG encoding label such as windows-1252, iso-8859-2, shift_jis, gb18030 or utf-16le"
            .to_string(),
    })
}

/// The UTF-16 encoding a byte-order mark at the start announces, if any
/// (a UTF-8 one needs no decoding: the readers skip it).
pub fn utf16_by_bom(start: &[u8]) -> Option<&'static Encoding> {
    let (encoding, _) = Encoding::for_bom(start)?;
    (encoding == UTF_16LE || encoding == UTF_16BE).then_some(encoding)
}

/// The UTF-16 encoding of a markup document without a byte-order mark,
/// told by its first character, `<`: `3C 00` little-endian, `00 3C`
/// big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [b'<', 0, ..] => Some(UTF_16LE),
        [0, b'<', ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// How many bytes a [`Transcoder`] reads and writes at a time.
const TRANSCODER_BUFFER: usize = 1 << 16;

/// A reader that turns a stream in an encoding into UTF-8 as it is read;
/// a byte-order mark at its start wins over the encoding, and bytes the
/// encoding cannot read become U+FFFD.
pub struct Transcoder<R> {
    /// The stream in its encoding.
    inner: R,
    /// The decoder, which keeps a character cut between two reads.
    decoder: Decoder,
    /// Bytes read from `inner` and not yet decoded: `input[input_start..input_end]`.
    input: Vec<u8>,
    input_start: usize,
    input_end: usize,
    /// UTF-8 decoded and not yet handed on: `output[output_start..output_end]`.
    output: Vec<u8>,
    output_start: usize,
    output_end: usize,
    /// Whether `inner` has ended and the decoder has been flushed.
    finished: bool,
}

impl<R: Read> Transcoder<R> {
    /// Decodes `inner` from `encoding`.
    pub fn new(inner: R, encoding: &'static Encoding) -> Transcoder<R> {
        Transcoder {
            inner,
            decoder: encoding.new_decoder(),
            input: vec![0; TRANSCODER_BUFFER],
            input_start: 0,
            input_end: 0,
            output: vec![0; TRANSCODER_BUFFER],
            output_start: 0,
            output_end: 0,
            finished: false,
        }
    }
}

impl<R: Read> Read for Transcoder<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.output_start < self.output_end {
                let ready = &self.output[self.output_start..self.output_end];
                let length = ready.len().min(buffer.len());
                buffer[..length].copy_from_slice(&ready[..length]);
                self.output_start += length;
                return Ok(length);
            }
            if self.finished {
                return Ok(0);
            }
            let mut last = false;
            if self.input_start == self.input_end {
                let length = loop {
                    match self.inner.read(&mut self.input) {
                        Ok(length) => break length,
                        Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                        Err(error) => return Err(error),
                    }
                };
                self.input_start = 0;
                self.input_end = length;
                last = length == 0;
            }
            let pending = &self.input[self.input_start..self.input_end];
            let (result, read, written, _) =
                self.decoder.decode_to_utf8(pending, &mut self.output, last);
            self.input_start += read;
            self.output_start = 0;
            self.output_end = written;
            if last && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
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

    fn transcode(bytes: &[u8], encoding: &'static Encoding, chunk: usize) -> String {
        let mut transcoder = Transcoder::new(bytes, encoding);
        let mut text = Vec::new();
        let mut piece = vec![0; chunk];
        loop {
            let length = transcoder.read(&mut piece).unwrap();
            if length == 0 {
                break;
            }
            text.extend_from_slice(&piece[..length]);
        }
        String::from_utf8(text).unwrap()
    }

    #[test]
    fn a_stream_is_turned_into_utf8_whatever_the_size_of_each_read() {
        let greek = b"\xc1\xe8\xde\xed\xe1";
        let iso_8859_7 = Encoding::for_label(b"iso-8859-7").unwrap();
        for chunk in [1, 2, 3, 1024] {
            assert_eq!(transcode(greek, iso_8859_7, chunk), "Αθήνα", "{chunk}");
        }
        let utf16: Vec<u8> = [0xfeff_u16, 0x141, 0xf3, 0x64, 0x17a]
            .iter()
            .flat_map(|unit| unit.to_le_bytes())
            .collect();
        assert_eq!(transcode(&utf16, WINDOWS_1252, 1), "Łódź", "the mark wins");
        assert_eq!(transcode(b"", UTF_16LE, 8), "");
        let long = "é".repeat(100_000);
        let (latin, _, _) = WINDOWS_1252.encode(&long);
        assert_eq!(transcode(&latin, WINDOWS_1252, 4096), long);
    }

    #[test]
    fn only_a_utf16_byte_order_mark_asks_for_decoding() {
        assert_eq!(utf16_by_bom(b"\xff\xfe{\x00"), Some(UTF_16LE));
        assert_eq!(utf16_by_bom(b"\xfe\xff\x00{"), Some(UTF_16BE));
        assert_eq!(utf16_by_bom(b"\xef\xbb\xbf{"), None);
        assert_eq!(utf16_by_bom(b"{"), None);
    }

    #[test]
    fn encoding_labels_are_whatwg_labels() {
        assert_eq!(parse_encoding_label("Latin1").unwrap(), WINDOWS_1252);
        assert_eq!(
            parse_encoding_label(" shift_jis ").unwrap().name(),
            "Shift_JIS"
        );
        assert_eq!(
            parse_encoding_label("klingon").unwrap_err().to_string(),
            "invalid --encoding \"klingon\": use a WHATWG encoding label such as windows-1252, iso-8859-2, shift_jis, gb18030 or utf-16le"
        );
    }

    #[test]
    fn invalid_utf8_is_read_byte_by_byte_as_windows_1252() {
        assert_eq!(
            decode_utf8_or_windows_1252(b"Caf\xe9 \x80 na\xc3\xafve"),
            ("Café € naïve".to_string(), true)
        );
        assert_eq!(
            decode_utf8_or_windows_1252("naïve".as_bytes()),
            ("naïve".to_string(), false)
        );
    }

    #[test]
    fn utf16_without_a_mark_is_known_by_its_first_character() {
        let little: Vec<u8> = "<rss>S\u{e3}o</rss>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let big: Vec<u8> = "<rss>S\u{e3}o</rss>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        for bytes in [little, big] {
            let decoded = decode_document(&bytes, None);
            assert_eq!(decoded.text, "<rss>S\u{e3}o</rss>");
            assert_eq!(decoded.warning, None);
        }
        assert_eq!(decode_document(b"<rss>x</rss>", None).text, "<rss>x</rss>");
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
