//! Reading: turns the paths the user names (files, folders, `-` for stdin)
//! into a stream of located articles, or of errors naming the file and line
//! of each bad record.
//!
//! Folders are walked recursively in file-name order, so a run is
//! deterministic; inside folders only files with a known extension are
//! read. The format comes from the extension (`.txt`, `.json`, `.jsonl`,
//! `.ndjson`, each optionally followed by `.gz`) unless one is forced.
//! Standard input is read as the forced format, else sniffed from its
//! first bytes.

pub mod array;
pub mod json;
pub mod text;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::article::{MAX_ID_BYTES, Record};
use crate::error::{Location, RecordError};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The plain-text format of [`text`].
    Text,
    /// A JSON document: one article or an array of them.
    Json,
    /// JSON Lines: one article per line.
    JsonLines,
}

impl Format {
    /// Guesses the format and compression from a file name.
    pub fn from_path(path: &Path) -> Option<(Format, bool)> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (name, gzipped) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_string(), true),
            None => (name, false),
        };
        let extension = name.rsplit_once('.')?.1;
        let format = match extension {
            "txt" => Format::Text,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        };
        Some((format, gzipped))
    }
}

/// What [`read_inputs`] hands to its consumer: an article or a bad record.
pub type Item = Result<Record, RecordError>;

/// Name used in locations for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads every input in order and hands each record to `consume`, which may
/// stop the reading by returning `ControlFlow::Break`.
pub fn read_inputs(
    paths: &[String],
    forced: Option<Format>,
    mut consume: impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for path in paths {
        if path == "-" {
            read_stdin(forced, &mut consume)?;
        } else {
            read_path(Path::new(path), forced, &mut consume)?;
        }
    }
    ControlFlow::Continue(())
}

/// Reads one named path: a file, or a folder walked in name order.
fn read_path(
    path: &Path,
    forced: Option<Format>,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if !path.is_dir() {
        let (format, gzipped) = match (forced, Format::from_path(path)) {
            (Some(format), detected) => (format, detected.is_some_and(|(_, gz)| gz)),
            (None, Some(detected)) => detected,
            (None, None) if !path.exists() => {
                return consume(Err(file_error(path, "no such file or folder")));
            }
            (None, None) => {
                let reason = "unknown format: name it .txt, .json, .jsonl or .ndjson (optionally .gz), or pass --format";
                return consume(Err(file_error(path, reason)));
            }
        };
        return read_file(path, format, gzipped, consume);
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let location = error.path().unwrap_or(path).display().to_string();
                let reason = error.to_string();
                consume(Err(RecordError {
                    location: Location::file(location),
                    reason: strip_path(&reason),
                }))?;
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let detected = Format::from_path(entry.path());
        let Some((format, gzipped)) = detected else {
            continue;
        };
        read_file(entry.path(), forced.unwrap_or(format), gzipped, consume)?;
    }
    ControlFlow::Continue(())
}

/// Removes the path walkdir puts in front of its messages.
fn strip_path(reason: &str) -> String {
    match reason.rsplit_once(": ") {
        Some((_, cause)) if reason.starts_with("IO error for operation on") => cause.to_string(),
        _ => reason.to_string(),
    }
}

fn file_error(path: &Path, reason: &str) -> RecordError {
    RecordError {
        location: Location::file(path.display().to_string()),
        reason: reason.to_string(),
    }
}

/// Opens one file, through gzip when it is compressed, and reads it.
fn read_file(
    path: &Path,
    format: Format,
    gzipped: bool,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return consume(Err(file_error(path, &io_reason(&error)))),
    };
    let reader: Box<dyn Read> = if gzipped {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    read_stream(
        &name,
        BufReader::with_capacity(1 << 16, reader),
        format,
        consume,
    )
}

/// Reads standard input, sniffing the format when none is forced.
fn read_stdin(
    forced: Option<Format>,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let mut reader = BufReader::with_capacity(1 << 16, io::stdin().lock());
    let format = match forced {
        Some(format) => format,
        None => match reader.fill_buf() {
            Ok(start) => sniff(start),
            Err(error) => {
                return consume(Err(file_error(Path::new(STDIN_NAME), &io_reason(&error))));
            }
        },
    };
    read_stream(STDIN_NAME, reader, format, consume)
}

/// Guesses a format from the first bytes of a stream: `[` is a JSON array,
/// `{` starts JSON Lines when the first line closes the object, anything
/// else is plain text.
fn sniff(start: &[u8]) -> Format {
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('[') {
        return Format::Json;
    }
    if text.starts_with('{') {
        let first_line = text.lines().next().unwrap_or("").trim_end();
        if first_line.ends_with('}') {
            return Format::JsonLines;
        }
        return Format::Json;
    }
    Format::Text
}

/// The largest record read: a JSON line, an item of a JSON array, or a
/// text file or JSON document holding one article. A longer one is skipped
/// without being kept in memory, so memory stays bounded whatever the input.
pub const MAX_RECORD_BYTES: usize = 256 << 20;

/// Reads one stream in a known format. JSON Lines and JSON arrays are
/// streamed, one article at a time; a text file or a single JSON object is
/// one article, read whole. No record over [`MAX_RECORD_BYTES`] is kept.
pub fn read_stream(
    name: &str,
    reader: impl BufRead,
    format: Format,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    read_stream_within(name, reader, format, MAX_RECORD_BYTES, consume)
}

/// [`read_stream`] with a record size limit of `limit` bytes.
fn read_stream_within(
    name: &str,
    mut reader: impl BufRead,
    format: Format,
    limit: usize,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    if format == Format::JsonLines {
        return read_lines(name, reader, limit, consume);
    }
    let file_error = |reason: String| {
        Err(RecordError {
            location: Location::file(name),
            reason,
        })
    };
    match reader.fill_buf() {
        Ok(start) if looks_binary(start) => {
            let reason = "binary file: this is not text, JSON or JSON Lines".to_string();
            return consume(file_error(reason));
        }
        Ok(_) => {}
        Err(error) => return consume(file_error(io_reason(&error))),
    }
    let mut first_line = 1;
    if format == Format::Json {
        match array::skip_white_space(&mut reader, &mut first_line) {
            Ok(Some(b'[')) => return read_array(name, reader, first_line, limit, consume),
            Ok(_) => {}
            Err(error) => return consume(file_error(io_reason(&error))),
        }
    }
    let mut bytes = Vec::new();
    if let Err(error) = reader.take(limit as u64 + 1).read_to_end(&mut bytes) {
        return consume(file_error(io_reason(&error)));
    }
    if bytes.len() > limit {
        return consume(file_error(too_long_reason("the article", limit)));
    }
    let (text, decoding_warnings) = decode(&bytes);
    let parsed = match format {
        Format::Text => text::parse_text(&text),
        _ => json::parse_item(&text, first_line),
    };
    consume(located(Location::file(name), parsed, decoding_warnings))
}

/// Reads the items of a JSON array one at a time; `first_line` is the line
/// of its `[`.
fn read_array(
    name: &str,
    reader: impl BufRead,
    first_line: u64,
    limit: usize,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for item in array::ArrayItems::new(reader, first_line, limit) {
        let item = match item {
            Ok(item) => item,
            Err(failure) => {
                return consume(Err(RecordError {
                    location: Location::line(name, failure.line),
                    reason: failure.reason,
                }));
            }
        };
        let (parsed, decoding_warnings) = match item.bytes {
            Ok(bytes) => {
                let (text, decoding_warnings) = decode(&bytes);
                (json::parse_item(&text, item.line), decoding_warnings)
            }
            Err(reason) => (Err(reason), Vec::new()),
        };
        let parsed = parsed.map_err(|reason| format!("item {}: {reason}", item.number));
        consume(located(
            Location::line(name, item.line),
            parsed,
            decoding_warnings,
        ))?;
    }
    ControlFlow::Continue(())
}

/// Makes a read result into an item: the article, with the warnings met
/// while decoding it, or the reason it was refused, at its location.
fn located(
    location: Location,
    parsed: Result<crate::article::Article, String>,
    decoding_warnings: Vec<String>,
) -> Item {
    match parsed {
        Ok(article)
            if article
                .id
                .as_ref()
                .is_some_and(|id| id.len() > MAX_ID_BYTES) =>
        {
            let length = article.id.map_or(0, |id| id.len());
            let reason =
                format!("id is {length} bytes long: an id may be at most {MAX_ID_BYTES} bytes");
            Err(RecordError { location, reason })
        }
        Ok(mut article) => {
            article.warnings.extend(decoding_warnings);
            Ok(Record { location, article })
        }
        Err(reason) => Err(RecordError { location, reason }),
    }
}

/// Reads JSON Lines, one article per non-blank line.
fn read_lines(
    name: &str,
    mut reader: impl BufRead,
    limit: usize,
    consume: &mut impl FnMut(Item) -> ControlFlow<()>,
) -> ControlFlow<()> {
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
        match read {
            Ok(0) => return ControlFlow::Continue(()),
            Ok(_) => {}
            Err(error) => {
                return consume(Err(RecordError {
                    location: Location::line(name, line_number),
                    reason: io_reason(&error),
                }));
            }
        }
        if too_long {
            consume(Err(RecordError {
                location: Location::line(name, line_number),
                reason: too_long_reason("the line", limit),
            }))?;
            continue;
        }
        let (line, decoding_warnings) = decode(&buffer);
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let location = Location::line(name, line_number);
        consume(located(location, json::parse_line(line), decoding_warnings))?;
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

/// Says that a record is over the size limit and was skipped.
pub(crate) fn too_long_reason(what: &str, limit: usize) -> String {
    let size = match limit >= 1 << 20 {
        true => format!("{} MiB", limit >> 20),
        false => format!("{limit} bytes"),
    };
    format!("{what} is longer than {size}: skipped, so that memory stays bounded")
}

/// Decodes bytes as UTF-8, keeping what can be kept: invalid sequences
/// (Latin-1 text, say) become replacement characters and NUL bytes are
/// dropped, each with a warning, so the article is still indexed.
fn decode(bytes: &[u8]) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let mut text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => {
            warnings.push(
                "not valid UTF-8 (Latin-1?): undecodable bytes were replaced with U+FFFD"
                    .to_string(),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if text.contains('\0') {
        text.retain(|character| character != '\0');
        warnings.push("NUL bytes were removed".to_string());
    }
    (text, warnings)
}

/// Whether a file is binary rather than text: more than one byte in ten of
/// its first 8 KiB is a control character other than tab, newline, return
/// or form feed.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|byte| byte.is_ascii_control() && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    !sample.is_empty() && controls * 10 > sample.len()
}

/// Words an I/O failure for a user, without Rust's error-kind noise.
pub(crate) fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
            format!("corrupt or truncated data: {error}")
        }
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        let cases = [
            ("a.txt", Some((Format::Text, false))),
            ("a.JSON", Some((Format::Json, false))),
            ("a.jsonl.gz", Some((Format::JsonLines, true))),
            ("a.ndjson", Some((Format::JsonLines, false))),
            ("a.md", None),
            ("noext", None),
        ];
        for (name, expected) in cases {
            assert_eq!(Format::from_path(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn sniffs_stdin() {
        assert_eq!(sniff(b"[{\"title\": 1}]"), Format::Json);
        assert_eq!(
            sniff(b"{\"title\": \"a\"}\n{\"title\": \"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(sniff(b"{\n  \"title\": \"a\"\n}\n"), Format::Json);
        assert_eq!(sniff(b" date 2024-01-01 T\n\nB"), Format::Text);
    }

    fn read_all(name: &str, input: &str, format: Format) -> Vec<Item> {
        let mut items = Vec::new();
        let _ = read_stream(name, input.as_bytes(), format, &mut |item| {
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
        assert_eq!(text, "caf\u{fffd} au lait");
        assert_eq!(warnings.len(), 2);
        assert!(decode("café".as_bytes()).1.is_empty());
        assert!(looks_binary(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
        assert!(!looks_binary(b"date 2024-01-01 Title\n\nBody\r\n"));
        let items = read_all("f.jsonl", "{\"title\": \"a\\u0000b\"}\n", Format::JsonLines);
        assert!(items[0].is_ok());
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
            let _ = read_stream_within("f", input.as_bytes(), format, 40, &mut |item| {
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
