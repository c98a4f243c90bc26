//! Reading: turns the paths the user names (files, folders, `-` for stdin)
//! into a stream of located articles, or of errors naming the file and line
//! of each bad record, and a warning for each file that is empty or blank,
//! whatever its format.
//!
//! Folders are walked recursively in file-name order, so a run is
//! deterministic; inside folders only files with a known extension are
//! read. The format comes from the extension (`.txt`, `.json`, `.jsonl`,
//! `.ndjson`, `.csv`, `.tsv`, feeds `.rss`, `.atom`, `.xml`, web pages
//! `.html`, `.htm`, web archives `.warc`, each optionally followed by
//! `.gz`) unless one is forced. Standard input is decompressed when its
//! first bytes are those of gzip or zstd, then read as the forced format,
//! else sniffed from its first bytes; so is a file named with an unknown
//! extension, when it starts like a feed or a WARC.

pub mod array;
pub mod charset;
pub mod chrome;
mod compression;
pub mod delimited;
pub mod envelope;
pub mod feed;
pub mod fields;
pub mod html_text;
pub mod json;
pub mod json_values;
pub mod page;
pub mod size;
pub mod stream;
pub mod text;
pub mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;

use flate2::read::MultiGzDecoder;

use crate::article::Record;
use crate::error::{Location, RecordError};
use fields::FieldMap;
use size::{BytesRead, Counted};
pub use stream::{MAX_RECORD_BYTES, read_stream};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The plain-text format of [`text`].
    Text,
    /// A JSON document: one article or an array of them.
    Json,
    /// JSON Lines: one article per line.
    JsonLines,
    /// CSV or TSV with a header row: one article per row.
    Csv,
    /// An RSS, RDF or Atom feed: one article per item.
    Feed,
    /// A web page: one article.
    Page,
    /// A web archive: one article per HTML response.
    Warc,
}

/// The extensions of the files read, each with the format it names, in
/// the order messages list them; any of them may be followed by `.gz`.
const EXTENSIONS: [(&str, Format); 12] = [
    ("txt", Format::Text),
    ("json", Format::Json),
    ("jsonl", Format::JsonLines),
    ("ndjson", Format::JsonLines),
    ("csv", Format::Csv),
    ("tsv", Format::Csv),
    ("rss", Format::Feed),
    ("atom", Format::Feed),
    ("xml", Format::Feed),
    ("html", Format::Page),
    ("htm", Format::Page),
    ("warc", Format::Warc),
];

impl Format {
    /// Guesses the format and compression from a file name.
    pub fn from_path(path: &Path) -> Option<(Format, bool)> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (name, gzipped) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_string(), true),
            None => (name, false),
        };
        let extension = name.rsplit_once('.')?.1;
        for (known, format) in EXTENSIONS {
            if extension == known {
                return Some((format, gzipped));
            }
        }
        None
    }
}

/// Lists the extensions of the files read, for messages that say how to
/// name a file: `.txt, .json, ... or .warc` (each may be followed by
/// `.gz`, which the list does not say).
pub fn known_extensions() -> String {
    let dotted: Vec<String> = EXTENSIONS
        .iter()
        .map(|(extension, _)| format!(".{extension}"))
        .collect();
    match dotted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, others)) => format!("{} or {last}", others.join(", ")),
        None => String::new(),
    }
}

/// How to read the inputs: the format, when not detected, the encoding
/// of the formats that declare none, and the `--field` mappings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format to read every input as, instead of detecting it.
    pub format: Option<Format>,
    /// The encoding of text, JSON, JSON Lines, CSV and TSV inputs
    /// (`--encoding`, checked by [`charset::parse_encoding_label`]); when
    /// `None`, UTF-8 with the Windows-1252 fallback, or UTF-16 after its
    /// byte-order mark.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Which keys or columns fill which fields, beyond the aliases.
    pub fields: FieldMap,
}

/// What a file's reader hands on: an article or a bad record.
pub type Item = Result<Record, RecordError>;

/// What reading found: an article (as read, or once processed), a bad
/// record, or a file that holds no article, which skips nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Found<T> {
    /// An article.
    Article(T),
    /// A record or path that could not be read; the run goes on without it.
    Bad(RecordError),
    /// A file with nothing to read: empty, or white space only.
    Empty(RecordError),
}

impl<T> Found<T> {
    /// Processes the article, handing on the rest as it is.
    pub fn map<U>(self, process: impl FnOnce(T) -> U) -> Found<U> {
        match self {
            Found::Article(article) => Found::Article(process(article)),
            Found::Bad(error) => Found::Bad(error),
            Found::Empty(warning) => Found::Empty(warning),
        }
    }
}

impl From<Item> for Found<Record> {
    fn from(item: Item) -> Found<Record> {
        match item {
            Ok(mut record) => {
                record.article.remove_invisible_characters();
                Found::Article(record)
            }
            Err(error) => Found::Bad(error),
        }
    }
}

/// What is said of a file with nothing to read, whatever its format.
pub const EMPTY_FILE: &str = "empty file, no articles";

/// Name used in locations for standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads every input in order and hands each article, bad record or empty
/// file to `consume`, which may stop the reading by returning
/// `ControlFlow::Break`; counts the bytes read, as stored, into `count`.
pub fn read_inputs(
    paths: &[String],
    options: &ReadOptions,
    count: &BytesRead,
    mut consume: impl FnMut(Found<Record>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    for path in paths {
        if path == "-" {
            read_stdin(options, count, &mut consume)?;
        } else {
            read_path(Path::new(path), options, count, &mut consume)?;
        }
    }
    ControlFlow::Continue(())
}

/// Reads one named path: a file, or a folder walked in name order.
fn read_path(
    path: &Path,
    options: &ReadOptions,
    count: &BytesRead,
    consume: &mut impl FnMut(Found<Record>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let forced = options.format;
    if !path.is_dir() {
        let (format, gzipped) = match (forced, Format::from_path(path)) {
            (Some(format), detected) => (format, detected.is_some_and(|(_, gz)| gz)),
            (None, Some(detected)) => detected,
            (None, None) if !path.exists() => {
                return consume(Found::Bad(file_error(path, "no such file or folder")));
            }
            (None, None) => match sniff_file(path) {
                Some(format) => (format, false),
                None => {
                    let reason = format!(
                        "unknown format: name it {} (optionally .gz), or pass --format",
                        known_extensions()
                    );
                    return consume(Found::Bad(file_error(path, &reason)));
                }
            },
        };
        return read_file(path, format, gzipped, options, count, consume);
    }
    for entry in walk_in_reading_order(path) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let location = error.path().unwrap_or(path).display().to_string();
                let reason = error.to_string();
                consume(Found::Bad(RecordError {
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
        let format = forced.unwrap_or(format);
        read_file(entry.path(), format, gzipped, options, count, consume)?;
    }
    ControlFlow::Continue(())
}

/// Walks a folder recursively, following links, in file-name order: the
/// order its files are read in.
fn walk_in_reading_order(path: &Path) -> walkdir::WalkDir {
    walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
}

/// Lists the files inside the named folders that [`read_inputs`] passes
/// over because their extension names no format, in reading order. Files
/// named directly are not listed: an unknown one is reported as a bad
/// record.
pub fn unread_files_in_folders(paths: &[String]) -> Vec<std::path::PathBuf> {
    let mut unread = Vec::new();
    for path in paths {
        let path = Path::new(path);
        if path == Path::new("-") || !path.is_dir() {
            continue;
        }
        for entry in walk_in_reading_order(path).into_iter().flatten() {
            if entry.file_type().is_file() && Format::from_path(entry.path()).is_none() {
                unread.push(entry.into_path());
            }
        }
    }
    unread
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
    options: &ReadOptions,
    count: &BytesRead,
    consume: &mut impl FnMut(Found<Record>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => return consume(Found::Bad(file_error(path, &io_reason(&error)))),
    };
    // A gzip file of no bytes at all is empty too, not corrupt.
    let no_bytes = file.metadata().is_ok_and(|metadata| metadata.len() == 0);
    let file = Counted::new(file, count);
    let reader: Box<dyn Read> = if gzipped && !no_bytes {
        Box::new(MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let reader = BufReader::with_capacity(1 << 16, reader);
    read_unless_empty(&name, reader, format, options, consume)
}

/// Reads one stream in its format, turned into UTF-8 first when it is a
/// format that declares no encoding and `--encoding` or a UTF-16
/// byte-order mark gives one.
fn read_unless_empty(
    name: &str,
    mut reader: impl BufRead,
    format: Format,
    options: &ReadOptions,
    consume: &mut impl FnMut(Found<Record>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let declares_its_encoding = matches!(format, Format::Feed | Format::Page | Format::Warc);
    if declares_its_encoding {
        return read_decoded_unless_empty(name, reader, format, options, consume);
    }
    let start = match reader.fill_buf() {
        Ok(start) => start,
        Err(error) => {
            let reason = io_reason(&error);
            return consume(Found::Bad(RecordError {
                location: Location::file(name),
                reason,
            }));
        }
    };
    let encoding = charset::utf16_by_bom(start)
        .or(options.encoding)
        .filter(|encoding| *encoding != encoding_rs::UTF_8);
    match encoding {
        Some(encoding) => {
            let transcoder = charset::Transcoder::new(reader, encoding);
            let decoded = BufReader::with_capacity(1 << 16, transcoder);
            read_decoded_unless_empty(name, decoded, format, options, consume)
        }
        None => read_decoded_unless_empty(name, reader, format, options, consume),
    }
}

/// Reads one stream in its format, or says once that it is empty (or white
/// space only), whatever the format.
fn read_decoded_unless_empty(
    name: &str,
    mut reader: impl BufRead,
    format: Format,
    options: &ReadOptions,
    consume: &mut impl FnMut(Found<Record>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let location = Location::file(name);
    let leading = match read_leading_blank(&mut reader) {
        Ok(Some(leading)) => leading,
        Ok(None) => {
            let reason = EMPTY_FILE.to_string();
            return consume(Found::Empty(RecordError { location, reason }));
        }
        Err(error) => {
            let reason = io_reason(&error);
            return consume(Found::Bad(RecordError { location, reason }));
        }
    };
    // The white space read is given back, so lines keep their numbers.
    let reader = io::Cursor::new(leading).chain(reader);
    read_stream(name, reader, format, &options.fields, &mut |item| {
        consume(Found::from(item))
    })
}

/// The most white space [`read_leading_blank`] reads: past it, the file
/// is read in its format, which says what is wrong.
const BLANK_LOOKAHEAD: usize = 1 << 20;

/// Reads ahead through the white space a stream starts with (a byte-order
/// mark too) and returns what it had to take out of the stream to look
/// further, or `None` when the stream ends within it: the stream is blank.
/// A buffer holding more than white space is left in the stream untouched,
/// so the formats that look at the first buffer (the binary test, the CSV
/// delimiter) see it whole. Stops after [`BLANK_LOOKAHEAD`] bytes, so
/// memory stays bounded.
fn read_leading_blank(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    const BYTE_ORDER_MARK: &[u8] = b"\xef\xbb\xbf";
    let mut leading = Vec::new();
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(None);
        }
        let text = match leading.is_empty() {
            true => available.strip_prefix(BYTE_ORDER_MARK).unwrap_or(available),
            false => available,
        };
        if !text.iter().all(u8::is_ascii_whitespace) {
            return Ok(Some(leading));
        }
        leading.extend_from_slice(available);
        let length = available.len();
        reader.consume(length);
        if leading.len() > BLANK_LOOKAHEAD {
            return Ok(Some(leading));
        }
    }
}

/// Reads standard input, through gzip or zstd when its first bytes say it
/// is compressed, sniffing the format when none is forced.
fn read_stdin(
    options: &ReadOptions,
    count: &BytesRead,
    consume: &mut impl FnMut(Found<Record>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let stdin_error = |error: &io::Error| {
        let reason = io_reason(error);
        Found::Bad(file_error(Path::new(STDIN_NAME), &reason))
    };
    let stdin = Counted::new(io::stdin().lock(), count);
    let (taken, mut decompressed) = match compression::decompress(stdin) {
        Ok(decompressed) => decompressed,
        Err(error) => return consume(stdin_error(&error)),
    };
    let start = match read_available(&mut decompressed, taken) {
        Ok(start) => start,
        Err(error) => return consume(stdin_error(&error)),
    };
    let format = match options.format {
        Some(format) => format,
        None => sniff(&start, options.encoding),
    };
    let whole = io::Cursor::new(start).chain(decompressed);
    let reader = BufReader::with_capacity(1 << 16, whole);
    read_unless_empty(STDIN_NAME, reader, format, options, consume)
}

/// The most bytes [`read_available`] reads for the format to be sniffed.
const SNIFF_WINDOW: usize = 1 << 16;

/// Reads what a stream gives at once (one read of up to [`SNIFF_WINDOW`]
/// bytes, so a slow pipe is not waited on) after the bytes already
/// `taken` from it, and returns them all.
fn read_available(reader: &mut impl Read, taken: Vec<u8>) -> io::Result<Vec<u8>> {
    let mut start = taken;
    let already = start.len();
    start.resize(already + SNIFF_WINDOW, 0);
    let length = loop {
        match reader.read(&mut start[already..]) {
            Ok(length) => break length,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => {
                start.truncate(already);
                return Err(error);
            }
        }
    };
    start.truncate(already + length);
    Ok(start)
}

/// Guesses the format of a file with an unknown extension from its first
/// bytes: only a feed is recognised this way.
fn sniff_file(path: &Path) -> Option<Format> {
    let mut start = [0u8; 1024];
    let length = File::open(path)
        .and_then(|mut file| file.read(&mut start))
        .ok()?;
    feed::looks_like_feed(&start[..length]).then_some(Format::Feed)
}

/// Guesses a format from the first bytes of a stream, read in the
/// encoding a UTF-16 byte-order mark or `--encoding` gives: `WARC/1.` is a web
/// archive, an RSS, RDF or Atom
/// root element is a feed, `<!doctype html` or `<html` a web page, `[` a
/// JSON array, `{` starts JSON Lines when
/// the first line closes the object, anything else is plain text.
fn sniff(start: &[u8], encoding: Option<&'static encoding_rs::Encoding>) -> Format {
    if warc::looks_like_warc(start) {
        return Format::Warc;
    }
    if feed::looks_like_feed(start) {
        return Format::Feed;
    }
    let text = match charset::utf16_by_bom(start).or(encoding) {
        Some(encoding) => encoding.decode(start).0,
        None => String::from_utf8_lossy(start),
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let opening = text.get(..14).unwrap_or(text).to_ascii_lowercase();
    if opening.starts_with("<!doctype html") || opening.starts_with("<html") {
        return Format::Page;
    }
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

/// Says that a record is over the size limit and was skipped.
pub(crate) fn too_long_reason(what: &str, limit: usize) -> String {
    let size = match limit >= 1 << 20 {
        true => format!("{} MiB", limit >> 20),
        false => format!("{limit} bytes"),
    };
    format!("{what} is longer than {size}: skipped, so that memory stays bounded")
}

/// Decodes bytes as UTF-8, keeping what can be kept: invalid sequences
/// (Windows-1252 or Latin-1 text, say) are read as Windows-1252 with
/// [`charset::NOT_UTF8_WARNING`], which the file's reader gives once, and
/// NUL bytes are dropped with a warning, so the article is still indexed.
fn decode(bytes: &[u8]) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let (mut text, guessed) = charset::decode_utf8_or_windows_1252(bytes);
    if guessed {
        warnings.push(charset::NOT_UTF8_WARNING.to_string());
    }
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
            ("a.tsv.gz", Some((Format::Csv, true))),
            ("a.rss", Some((Format::Feed, false))),
            ("a.atom.gz", Some((Format::Feed, true))),
            ("a.xml", Some((Format::Feed, false))),
            ("a.HTM", Some((Format::Page, false))),
            ("a.html.gz", Some((Format::Page, true))),
            ("CC-NEWS-20241020.warc.gz", Some((Format::Warc, true))),
            ("a.md", None),
            ("noext", None),
        ];
        for (name, expected) in cases {
            assert_eq!(Format::from_path(Path::new(name)), expected, "{name}");
        }
    }

    #[test]
    fn the_extensions_are_listed_as_a_sentence() {
        assert_eq!(
            known_extensions(),
            ".txt, .json, .jsonl, .ndjson, .csv, .tsv, .rss, .atom, .xml, .html, .htm or .warc"
        );
        for (extension, format) in EXTENSIONS {
            let name = format!("a.{extension}");
            assert_eq!(
                Format::from_path(Path::new(&name)),
                Some((format, false)),
                "every listed extension is read"
            );
        }
    }

    #[test]
    fn a_blank_start_is_read_and_a_blank_stream_told() {
        let leading = |input: &[u8]| read_leading_blank(&mut &input[..]).unwrap();
        assert_eq!(leading(b""), None);
        assert_eq!(leading(b" \r\n\t\n"), None);
        assert_eq!(leading(b"\xef\xbb\xbf\n"), None);
        assert_eq!(leading(b"\n\n{}"), Some(Vec::new()), "left in the stream");
        assert_eq!(leading(b"\xef\xbb\xbf x"), Some(Vec::new()));
        assert_eq!(
            leading(b" \xef\xbb\xbf"),
            Some(Vec::new()),
            "a mark inside is text"
        );
        let mut in_two_reads = io::Read::chain(&b"\xef\xbb\xbf \n"[..], &b"\t\n"[..]);
        assert_eq!(read_leading_blank(&mut in_two_reads).unwrap(), None);
        let mut in_two_reads = io::Read::chain(&b" \n"[..], &b"{}"[..]);
        let taken = read_leading_blank(&mut in_two_reads).unwrap();
        assert_eq!(taken, Some(b" \n".to_vec()), "given back ahead of the rest");
        let mut rest = String::new();
        in_two_reads.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "{}");
        let long_blank = vec![b' '; BLANK_LOOKAHEAD + 70_000];
        let mut reader = BufReader::with_capacity(4096, &long_blank[..]);
        let read = read_leading_blank(&mut reader).unwrap();
        let read = read.expect("past the lookahead, not told blank");
        assert!(read.len() <= BLANK_LOOKAHEAD + 4096, "memory stays bounded");
    }

    fn sniff_utf8(start: &[u8]) -> Format {
        sniff(start, None)
    }

    #[test]
    fn sniffs_stdin() {
        assert_eq!(sniff_utf8(b"[{\"title\": 1}]"), Format::Json);
        assert_eq!(
            sniff_utf8(b"{\"title\": \"a\"}\n{\"title\": \"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(sniff_utf8(b"{\n  \"title\": \"a\"\n}\n"), Format::Json);
        assert_eq!(sniff_utf8(b" date 2024-01-01 T\n\nB"), Format::Text);
        assert_eq!(
            sniff_utf8(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Format::Feed
        );
    }

    #[test]
    fn the_start_sniffed_is_one_read_after_the_bytes_taken() {
        let mut rest = &b"cdef"[..];
        assert_eq!(
            read_available(&mut rest, b"ab".to_vec()).unwrap(),
            b"abcdef"
        );
        let mut nothing = &b""[..];
        assert_eq!(read_available(&mut nothing, b"ab".to_vec()).unwrap(), b"ab");
    }
}
