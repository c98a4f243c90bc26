//! CSV and TSV: a header row, then one article per row, as spreadsheets
//! and dataset dumps (Kaggle, Hugging Face exports) write them.
//!
//! Columns are named like JSON keys, from the table of
//! [`super::fields`] (`title`, `headline`, `text`, `publishedAt`...), and
//! `--field NAME=COLUMN` reads any other. Values of pre-extracted kinds
//! (`persons`, `keywords`) are split at `; `, as `query --format csv`
//! writes them. Quoted fields may hold the delimiter and line breaks; a
//! UTF-8 byte-order mark is skipped; the delimiter is the one of tab,
//! comma, semicolon or bar that the header row holds most of.
//!
//! A row is read as it stands: a row whose number of fields differs from
//! the header's (an unclosed quote, a stray delimiter) is reported as
//! `FILE:LINE: reason` and the rows after it are read.

use std::io::BufRead;
use std::ops::ControlFlow;

use super::fields::{FORCED_RANK, Field, lookup_key};
use super::json::Draft;
use super::stream::FileReader;
use super::{Item, decode, io_reason};
use crate::error::{Location, RecordError};
use crate::kinds::Kind;

/// The delimiters newsdex recognises, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Picks the delimiter of a header line: the one of [`DELIMITERS`] found
/// most often outside quotes, or a comma.
pub fn sniff_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; DELIMITERS.len()];
    let mut in_quotes = false;
    for &byte in header {
        if byte == b'\n' && !in_quotes {
            break;
        }
        if byte == b'"' {
            in_quotes = !in_quotes;
            continue;
        }
        if in_quotes {
            continue;
        }
        if let Some(position) = DELIMITERS.iter().position(|&delimiter| delimiter == byte) {
            counts[position] += 1;
        }
    }
    let mut best = 0;
    for position in 1..DELIMITERS.len() {
        if counts[position] > counts[best] {
            best = position;
        }
    }
    DELIMITERS[best]
}

impl FileReader<'_> {
    /// Reads a CSV or TSV file, one article per row after the header.
    pub(crate) fn read_csv(
        &mut self,
        mut reader: impl BufRead,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let delimiter = match reader.fill_buf() {
            Ok(start) => sniff_delimiter(start.strip_prefix(b"\xef\xbb\xbf").unwrap_or(start)),
            Err(error) => return consume(self.file_error(io_reason(&error))),
        };
        let mut rows = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(reader);
        let mut header: Vec<String> = Vec::new();
        let mut row = csv::ByteRecord::new();
        loop {
            let line = rows.position().line();
            match rows.read_byte_record(&mut row) {
                Ok(false) => break,
                Ok(true) => {}
                Err(error) => {
                    let location = Location::line(self.name, line);
                    let reason = format!("unreadable CSV row: {error}");
                    consume(Err(RecordError { location, reason }))?;
                    continue;
                }
            }
            if header.is_empty() {
                header = read_header(&row);
                continue;
            }
            let location = Location::line(self.name, line);
            if row.len() != header.len() {
                let plural = if row.len() == 1 { "" } else { "s" };
                let reason = format!(
                    "the row has {} field{plural} but the header has {}: check its quotes and delimiters",
                    row.len(),
                    header.len()
                );
                consume(Err(RecordError { location, reason }))?;
                continue;
            }
            let (parsed, warnings) = self.parse_row(&header, &row);
            consume(self.located(location, parsed, warnings))?;
        }
        if header.is_empty() {
            return consume(self.file_error("empty CSV file: it has no header row".to_string()));
        }
        ControlFlow::Continue(())
    }

    /// Reads one row into an article, with the warnings met decoding it.
    fn parse_row(
        &self,
        header: &[String],
        row: &csv::ByteRecord,
    ) -> (Result<super::json::Parsed, String>, Vec<String>) {
        let mut draft = Draft::default();
        let mut warnings = Vec::new();
        for (column, bytes) in header.iter().zip(row.iter()) {
            let (value, decoding_warnings) = decode(bytes);
            for warning in decoding_warnings {
                if !warnings.contains(&warning) {
                    warnings.push(warning);
                }
            }
            let forced = self
                .fields
                .mappings
                .iter()
                .find(|(_, key)| key.eq_ignore_ascii_case(column));
            let (field, rank) = match (forced, lookup_key(column)) {
                (Some((field, _)), _) => (*field, FORCED_RANK),
                (None, Some(meaning)) => (meaning.field, meaning.rank),
                (None, None) => {
                    draft.note_unread_text(column, &value);
                    continue;
                }
            };
            match field {
                Field::Given(kind) => draft.give(kind, split_values(kind, &value)),
                _ if value.trim().is_empty() => {}
                _ => draft.offer(field, rank, Some(value)),
            }
        }
        (draft.into_parsed(), warnings)
    }
}

/// Takes the column names of the header row, without a byte-order mark.
fn read_header(row: &csv::ByteRecord) -> Vec<String> {
    let mut header = Vec::with_capacity(row.len());
    for (position, bytes) in row.iter().enumerate() {
        let bytes = match position {
            0 => bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes),
            _ => bytes,
        };
        let (name, _) = super::charset::decode_utf8_or_windows_1252(bytes);
        header.push(name.trim().to_string());
    }
    header
}

/// Splits the values of a pre-extracted kind at `;` (a language is one
/// value).
fn split_values(kind: Kind, value: &str) -> Vec<String> {
    let separator = match kind {
        Kind::Language => '\n',
        _ => ';',
    };
    let mut values = Vec::new();
    for part in value.split(separator) {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            values.push(trimmed.to_string());
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Format;
    use crate::read::fields::FieldMap;

    fn read(input: &str, fields: &[&str]) -> Vec<Item> {
        let values: Vec<String> = fields.iter().map(|field| field.to_string()).collect();
        let fields = FieldMap::parse(&values).unwrap();
        let mut items = Vec::new();
        let _ = crate::read::read_stream(
            "f.csv",
            input.as_bytes(),
            Format::Csv,
            &fields,
            &mut |item| {
                items.push(item);
                ControlFlow::Continue(())
            },
        );
        items
    }

    #[test]
    fn delimiters_are_sniffed_from_the_header_outside_quotes() {
        assert_eq!(sniff_delimiter(b"title,body,date\n"), b',');
        assert_eq!(sniff_delimiter(b"title\tbody\tdate\n"), b'\t');
        assert_eq!(sniff_delimiter(b"\"a,b,c\";body;date\n"), b';');
        assert_eq!(sniff_delimiter(b"title\n"), b',');
    }

    #[test]
    fn rows_become_articles_with_aliases_quotes_and_a_byte_order_mark() {
        let input = "\u{feff}Headline,Text,publishedAt,persons,notes\n\"Port, reopened\",\"Line one\nline two\",2024-10-14,Ana Ruiz; Li Wei,x\n";
        let items = read(input, &[]);
        let record = items[0].as_ref().unwrap();
        assert_eq!(record.location, Location::line("f.csv", 2));
        assert_eq!(record.article.title, "Port, reopened");
        assert_eq!(record.article.body, "Line one\nline two");
        assert_eq!(record.article.date.as_deref(), Some("2024-10-14"));
        assert_eq!(
            record.article.given[Kind::Person],
            vec!["Ana Ruiz", "Li Wei"]
        );
    }

    #[test]
    fn a_bad_row_is_located_and_the_rest_read() {
        let input = "title,body\nA,one\nB,two,extra\nC,three\n";
        let items = read(input, &[]);
        assert_eq!(items.len(), 3);
        assert_eq!(
            items[1].as_ref().unwrap_err().to_string(),
            "f.csv:3: the row has 3 fields but the header has 2: check its quotes and delimiters"
        );
        assert_eq!(items[2].as_ref().unwrap().article.title, "C");
    }

    #[test]
    fn field_names_a_column_and_long_unread_text_is_named() {
        let long = "word ".repeat(60);
        let input = format!("id,story_text\n1,{long}\n");
        let unread = read(&input, &[]);
        let warnings = &unread[0].as_ref().unwrap().article.warnings;
        assert!(
            warnings[0].contains("--field body=story_text"),
            "{warnings:?}"
        );
        let mapped = read(&input, &["body=Story_Text"]);
        assert_eq!(mapped[0].as_ref().unwrap().article.body, long);
        assert!(read("", &[])[0].is_err());
    }
}
