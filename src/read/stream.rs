//! Reads one opened file or stream in a known format, record by record:
//! JSON Lines line by line, JSON arrays item by item, envelopes item by
//! item, a text file or a single JSON object as one article. No record
//! over [`MAX_RECORD_BYTES`] is kept, and what is said once per file (the
//! warning about text under a key newsdex does not read, the one about
//! bytes not in UTF-8) is said once.

use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;

use super::charset;
use super::fields::FieldMap;
use super::json::Parsed;
use super::{
    Format, Item, array, decode, envelope, io_reason, json, looks_binary, text, too_long_reason,
};
use crate::article::{MAX_ID_BYTES, Record};
use crate::error::{Location, RecordError};

/// The largest record read: a JSON line, an item of a JSON array, or a
/// text file or JSON document holding one article. A longer one is skipped
/// without being kept in memory, so memory stays bounded whatever the input.
pub const MAX_RECORD_BYTES: usize = 256 << 20;

/// Reads one stream in a known format, handing each record to `consume`.
pub fn read_stream(
    name: &str,
    reader: impl BufRead,
    format: Format,
    fields: &FieldMap,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut file = FileReader::new(name, fields, MAX_RECORD_BYTES);
    file.read(reader, format, consume)
}

/// The reading of one file: its name, how to read it, and what was said
/// about it already.
pub(crate) struct FileReader<'a> {
    /// The file's name in locations.
    pub(crate) name: &'a str,
    /// The `--field` mappings.
    pub(crate) fields: &'a FieldMap,
    /// The largest record kept, in bytes.
    pub(crate) limit: usize,
    /// Whether the warning about text under a key newsdex does not read
    /// was given for this file.
    said_unread_text: bool,
    /// Whether the warning that the file is not UTF-8 was given.
    said_not_utf8: bool,
}

impl<'a> FileReader<'a> {
    /// Starts reading the file `name`.
    pub(crate) fn new(name: &'a str, fields: &'a FieldMap, limit: usize) -> FileReader<'a> {
        FileReader {
            name,
            fields,
            limit,
            said_unread_text: false,
            said_not_utf8: false,
        }
    }

    /// An error about the whole file.
    pub(crate) fn file_error(&self, reason: String) -> Item {
        Err(RecordError {
            location: Location::file(self.name),
            reason,
        })
    }

    /// Reads a whole document (`what`: "the feed", "the page") of at most
    /// the record limit, or says why it could not.
    pub(crate) fn read_whole(&self, reader: impl BufRead, what: &str) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        if let Err(error) = reader.take(self.limit as u64 + 1).read_to_end(&mut bytes) {
            return Err(io_reason(&error));
        }
        if bytes.len() > self.limit {
            return Err(too_long_reason(what, self.limit));
        }
        Ok(bytes)
    }

    /// Reads the file in a known format.
    pub(crate) fn read(
        &mut self,
        mut reader: impl BufRead,
        format: Format,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if format == Format::JsonLines {
            return self.read_lines(reader, consume);
        }
        if format == Format::Feed {
            return self.read_feed(reader, consume);
        }
        if format == Format::Page {
            return self.read_page(reader, consume);
        }
        if format == Format::Warc {
            return self.read_warc(reader, consume);
        }
        match reader.fill_buf() {
            Ok(start) if looks_binary(start) => {
                let reason = "binary file: this is not text, JSON or JSON Lines".to_string();
                return consume(self.file_error(reason));
            }
            Ok(_) => {}
            Err(error) => return consume(self.file_error(io_reason(&error))),
        }
        if format == Format::Csv {
            return self.read_csv(reader, consume);
        }
        let mut first_line = 1;
        if format == Format::Json {
            match array::skip_white_space(&mut reader, &mut first_line) {
                Ok(Some(b'[')) => return self.read_array(reader, first_line, consume),
                Ok(_) => {}
                Err(error) => return consume(self.file_error(io_reason(&error))),
            }
        }
        let bytes = match self.read_whole(reader, "the article") {
            Ok(bytes) => bytes,
            Err(reason) => return consume(self.file_error(reason)),
        };
        let (text, decoding_warnings) = decode(&bytes);
        let parsed = match format {
            Format::Json => {
                if let Some(items) = envelope::read_envelope(&text, first_line, self.fields) {
                    return self.read_envelope_items(items, &decoding_warnings, consume);
                }
                json::parse_item(&text, first_line, self.fields)
            }
            _ => text::parse_text(&text).map(|article| Parsed {
                article,
                unread_text: None,
            }),
        };
        let item = self.located(Location::file(self.name), parsed, decoding_warnings);
        consume(item)
    }

    /// Hands on the articles of an envelope.
    fn read_envelope_items(
        &mut self,
        items: Vec<envelope::EnvelopeItem>,
        decoding_warnings: &[String],
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        for item in items {
            let parsed = item
                .parsed
                .map_err(|reason| format!("item {}: {reason}", item.number));
            let location = Location::line(self.name, item.line);
            consume(self.located(location, parsed, decoding_warnings.to_vec()))?;
        }
        ControlFlow::Continue(())
    }

    /// Reads the items of a JSON array one at a time; `first_line` is the
    /// line of its `[`.
    fn read_array(
        &mut self,
        reader: impl BufRead,
        first_line: u64,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        for item in array::ArrayItems::new(reader, first_line, self.limit) {
            let item = match item {
                Ok(item) => item,
                Err(failure) => {
                    return consume(Err(RecordError {
                        location: Location::line(self.name, failure.line),
                        reason: failure.reason,
                    }));
                }
            };
            let (parsed, decoding_warnings) = match item.bytes {
                Ok(bytes) => {
                    let (text, decoding_warnings) = decode(&bytes);
                    let parsed = json::parse_item(&text, item.line, self.fields);
                    (parsed, decoding_warnings)
                }
                Err(reason) => (Err(reason), Vec::new()),
            };
            let parsed = parsed.map_err(|reason| format!("item {}: {reason}", item.number));
            let location = Location::line(self.name, item.line);
            consume(self.located(location, parsed, decoding_warnings))?;
        }
        ControlFlow::Continue(())
    }

    /// Makes a read result into an item: the article, with the warnings
    /// met while reading it, or the reason it was refused, at its location.
    pub(crate) fn located(
        &mut self,
        location: Location,
        parsed: Result<Parsed, String>,
        decoding_warnings: Vec<String>,
    ) -> Item {
        let Parsed {
            mut article,
            unread_text,
        } = match parsed {
            Ok(parsed) => parsed,
            Err(reason) => return Err(RecordError { location, reason }),
        };
        if let Some(id) = &article.id
            && id.len() > MAX_ID_BYTES
        {
            let length = id.len();
            let reason =
                format!("id is {length} bytes long: an id may be at most {MAX_ID_BYTES} bytes");
            return Err(RecordError { location, reason });
        }
        for warning in decoding_warnings {
            let is_not_utf8 = warning == charset::NOT_UTF8_WARNING;
            if is_not_utf8 && self.said_not_utf8 {
                continue;
            }
            self.said_not_utf8 |= is_not_utf8;
            article.warnings.push(warning);
        }
        if let Some(warning) = unread_text
            && !self.said_unread_text
        {
            self.said_unread_text = true;
            article.warnings.push(warning);
        }
        Ok(Record { location, article })
    }

    /// Reads JSON Lines, one article per non-blank line.
    fn read_lines(
        &mut self,
        mut reader: impl BufRead,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let limit = self.limit;
        let mut buffer = Vec::new();
        let mut line_number = 0u64;
        loop {
            buffer.clear();
            line_number += 1;
            let read = (&mut reader)
                .take(limit as u64 + 1)
                .read_until(b'\n', &mut buffer);
            let too_long = buffer.len() > limit && buffer.last() != Some(&b'\n');
            let read = match (read, too_long) {
                (Ok(_), true) => skip_line(&mut reader).map(|_| 1),
                (read, _) => read,
            };
            let location = Location::line(self.name, line_number);
            match read {
                Ok(0) => return ControlFlow::Continue(()),
                Ok(_) => {}
                Err(error) => {
                    let reason = io_reason(&error);
                    return consume(Err(RecordError { location, reason }));
                }
            }
            if too_long {
                let reason = too_long_reason("the line", limit);
                consume(Err(RecordError { location, reason }))?;
                continue;
            }
            let (line, decoding_warnings) = decode(&buffer);
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() {
                continue;
            }
            let parsed = json::parse_line(line, self.fields);
            consume(self.located(location, parsed, decoding_warnings))?;
        }
    }
}

/// Reads and drops the rest of a line, through its newline.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(());
        }
        match available.iter().position(|&byte| byte == b'\n') {
            Some(end) => {
                reader.consume(end + 1);
                return Ok(());
            }
            None => {
                let length = available.len();
                reader.consume(length);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(name: &str, input: &str, format: Format) -> Vec<Item> {
        let mut items = Vec::new();
        let fields = FieldMap::default();
        let _ = read_stream(name, input.as_bytes(), format, &fields, &mut |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        items
    }

    #[test]
    fn json_lines_errors_name_their_line_and_the_rest_is_read() {
        let input = "{\"title\": \"a\"}\n{\"title\": \n\n[1]\n{\"title\": \"b\"}\n";
        let items = read_all("f.jsonl", input, Format::JsonLines);
        assert_eq!(items.len(), 4);
        assert_eq!(
            items[0].as_ref().unwrap().location,
            Location::line("f.jsonl", 1)
        );
        assert_eq!(
            items[1].as_ref().unwrap_err().location,
            Location::line("f.jsonl", 2)
        );
        assert_eq!(
            items[2].as_ref().unwrap_err().location,
            Location::line("f.jsonl", 4)
        );
        assert_eq!(items[3].as_ref().unwrap().article.title, "b");
    }

    #[test]
    fn latin1_and_nul_bytes_are_kept_with_a_warning_and_binary_files_refused() {
        let (text, warnings) = decode(b"caf\xe9 au lait\0");
        assert_eq!(text, "café au lait");
        assert_eq!(
            warnings,
            [charset::NOT_UTF8_WARNING, "NUL bytes were removed"]
        );
        assert!(decode("café".as_bytes()).1.is_empty());
        assert!(looks_binary(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
        assert!(!looks_binary(b"date 2024-01-01 Title\n\nBody\r\n"));
        let items = read_all("f.jsonl", "{\"title\": \"a\\u0000b\"}\n", Format::JsonLines);
        assert!(items[0].is_ok());
    }

    #[test]
    fn a_file_not_in_utf8_is_said_once() {
        let mut items = Vec::new();
        let fields = FieldMap::default();
        let lines = b"{\"title\": \"caf\xe9\"}\n{\"title\": \"ok\"}\n{\"title\": \"cr\xe8me\"}\n";
        let _ = read_stream(
            "f.jsonl",
            &lines[..],
            Format::JsonLines,
            &fields,
            &mut |item| {
                items.push(item);
                ControlFlow::Continue(())
            },
        );
        let articles: Vec<_> = items
            .iter()
            .map(|item| &item.as_ref().unwrap().article)
            .collect();
        assert_eq!(articles[0].title, "café");
        assert_eq!(articles[0].warnings, [charset::NOT_UTF8_WARNING]);
        assert_eq!(articles[2].title, "crème");
        assert!(articles[2].warnings.is_empty());
    }

    #[test]
    fn json_array_errors_name_their_item() {
        let items = read_all("f.json", "[{\"title\": \"a\"}, 3]", Format::Json);
        let error = items[1].as_ref().unwrap_err();
        assert_eq!(
            error.to_string(),
            "f.json:1: item 2: not an article: expected a JSON object, found a number"
        );
    }

    #[test]
    fn json_arrays_are_streamed_item_by_item_with_their_lines() {
        let input =
            "\u{feff}\n[\n  {\"title\": \"a\"},\n  {\"title\": caf},\n  {\"title\": \"b\"}\n]\n";
        let items = read_all("f.json", input, Format::Json);
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[0].as_ref().unwrap().location,
            Location::line("f.json", 3)
        );
        assert_eq!(
            items[1].as_ref().unwrap_err().to_string(),
            "f.json:4: item 2: invalid JSON: expected value at line 4"
        );
        assert_eq!(items[2].as_ref().unwrap().article.title, "b");
        let single = read_all("one.json", "\n{\"title\": \"only\"}", Format::Json);
        assert_eq!(
            single[0].as_ref().unwrap().location,
            Location::file("one.json")
        );
        let broken = read_all(
            "bad.json",
            "[{\"title\": \"a\"}\n{\"title\": \"b\"}, {\"title\": \"c\"}]",
            Format::Json,
        );
        assert_eq!(
            broken[0].as_ref().unwrap_err().to_string(),
            "bad.json:1: item 1: invalid JSON: trailing characters at line 2"
        );
        assert_eq!(broken[1].as_ref().unwrap().article.title, "c");
        let truncated = read_all(
            "cut.json",
            "[{\"title\": \"a\"},\n{\"title\": \"b",
            Format::Json,
        );
        assert_eq!(
            truncated[1].as_ref().unwrap_err().to_string(),
            "cut.json:2: truncated JSON: the file ends inside item 2"
        );
    }

    #[test]
    fn records_over_the_limit_are_skipped_without_being_kept() {
        let read_within = |input: &str, format: Format| {
            let mut items = Vec::new();
            let fields = FieldMap::default();
            let mut file = FileReader::new("f", &fields, 40);
            let _ = file.read(input.as_bytes(), format, &mut |item| {
                items.push(item);
                ControlFlow::Continue(())
            });
            items
        };
        let long = format!("{{\"title\": \"{}\"}}", "x".repeat(100));
        let lines = read_within(
            &format!("{{\"title\": \"a\"}}\n{long}\n{{\"title\": \"b\"}}\n"),
            Format::JsonLines,
        );
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[1].as_ref().unwrap_err().to_string(),
            "f:2: the line is longer than 40 bytes: skipped, so that memory stays bounded"
        );
        assert_eq!(lines[2].as_ref().unwrap().article.title, "b");
        let items = read_within(&format!("[{long}, {{\"title\": \"c\"}}]"), Format::Json);
        assert!(
            items[0]
                .as_ref()
                .unwrap_err()
                .reason
                .starts_with("item 1: it is longer than 40 bytes")
        );
        assert_eq!(items[1].as_ref().unwrap().article.title, "c");
        let text = read_within(
            &format!("date 2024-01-01 T\n\n{}", "y".repeat(100)),
            Format::Text,
        );
        assert_eq!(
            text[0].as_ref().unwrap_err().reason,
            "the article is longer than 40 bytes: skipped, so that memory stays bounded"
        );
        assert!(read_within("{\"title\": \"short\"}\n", Format::JsonLines)[0].is_ok());
    }
}
