//! Web archives (`.warc`, `.warc.gz`), as crawlers write them and Common
//! Crawl publishes CC-NEWS: each `response` record holding an HTML page is
//! read as a web page ([`super::page`]), its HTTP headers stripped, with
//! the record's `WARC-Target-URI` and `WARC-Date` as the url and date when
//! the page names none. Other records (`warcinfo`, `request`, `metadata`,
//! responses that are not HTML or not a success) are skipped.
//!
//! The format (ISO 28500) is a block of `Name: value` header lines after a
//! `WARC/1.0` or `WARC/1.1` line, a blank line, `Content-Length` bytes of
//! content, and two line breaks. Records are read one at a time and a
//! skipped record's content is never kept, so memory is bounded by the
//! largest HTML record read ([`super::MAX_RECORD_BYTES`] at most), not by
//! the file. A gzipped WARC is one gzip member per record, which the
//! gzip reader joins. Reading stops at a record whose header cannot be
//! read, with `FILE:LINE: reason` at that record; the records before it
//! are indexed.

use std::io::{self, BufRead, Read};
use std::ops::ControlFlow;

use super::charset::content_type_charset;
use super::page::{PageContext, parse_page};
use super::stream::FileReader;
use super::{Item, io_reason, too_long_reason};
use crate::error::{Location, RecordError};

/// The longest header line read; a longer one means this is not a WARC.
const MAX_HEADER_LINE: usize = 64 << 10;

/// The headers of a WARC record that newsdex uses.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: String,
    content_length: Option<u64>,
}

/// Tells whether a stream starts like a WARC file.
pub fn looks_like_warc(start: &[u8]) -> bool {
    start.starts_with(b"WARC/1.")
}

impl FileReader<'_> {
    /// Reads a WARC file record by record.
    pub(crate) fn read_warc(
        &mut self,
        mut reader: impl BufRead,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut line = 1u64;
        loop {
            let record_line = match skip_blank_lines(&mut reader, &mut line) {
                Ok(Some(record_line)) => record_line,
                Ok(None) => return ControlFlow::Continue(()),
                Err(error) => return consume(self.line_error(line, io_reason(&error))),
            };
            let header = match read_header(&mut reader, &mut line) {
                Ok(header) => header,
                Err(reason) => return consume(self.line_error(record_line, reason)),
            };
            let Some(length) = header.content_length else {
                let reason =
                    "WARC record without Content-Length: the rest of the file cannot be read"
                        .to_string();
                return consume(self.line_error(record_line, reason));
            };
            let is_http_response =
                header.kind == "response" && header.content_type.contains("application/http");
            if !is_http_response {
                if let Err(error) = skip_counting_lines(&mut reader, length, &mut line) {
                    return consume(self.line_error(record_line, io_reason(&error)));
                }
                continue;
            }
            if length > self.limit as u64 {
                if let Err(error) = skip_counting_lines(&mut reader, length, &mut line) {
                    return consume(self.line_error(record_line, io_reason(&error)));
                }
                let reason = too_long_reason("the record", self.limit);
                consume(self.line_error(record_line, reason))?;
                continue;
            }
            // A Content-Length larger than the file must not reserve memory ahead.
            let mut content = Vec::with_capacity(length.min(1 << 20) as usize);
            match (&mut reader).take(length).read_to_end(&mut content) {
                Ok(read) if read as u64 == length => {}
                Ok(_) => {
                    let reason = "truncated WARC: the file ends inside this record".to_string();
                    return consume(self.line_error(record_line, reason));
                }
                Err(error) => return consume(self.line_error(record_line, io_reason(&error))),
            }
            line += count_lines(&content);
            let Some((http_headers, payload)) = split_http(&content) else {
                continue;
            };
            let Some(charset) = html_response_charset(http_headers) else {
                continue;
            };
            let context = PageContext {
                url: header.target_uri.as_deref(),
                date: header.date.as_deref(),
                charset: charset.as_deref(),
            };
            let (parsed, warnings) = parse_page(payload, context);
            let location = Location::line(self.name, record_line);
            consume(self.located(location, parsed, warnings))?;
        }
    }

    fn line_error(&self, line: u64, reason: String) -> Item {
        Err(RecordError {
            location: Location::line(self.name, line),
            reason,
        })
    }
}

/// Skips the line breaks between records; returns the line the next
/// record starts on, or `None` at the end of the file.
fn skip_blank_lines(reader: &mut impl BufRead, line: &mut u64) -> io::Result<Option<u64>> {
    loop {
        let available = reader.fill_buf()?;
        let Some(&byte) = available.first() else {
            return Ok(None);
        };
        match byte {
            b'\n' => *line += 1,
            b'\r' => {}
            _ => return Ok(Some(*line)),
        }
        reader.consume(1);
    }
}

/// Reads a record's header block, through its blank line.
fn read_header(reader: &mut impl BufRead, line: &mut u64) -> Result<RecordHeader, String> {
    let mut header = RecordHeader::default();
    let mut buffer = Vec::new();
    let mut first = true;
    loop {
        buffer.clear();
        let read = reader
            .take(MAX_HEADER_LINE as u64)
            .read_until(b'\n', &mut buffer)
            .map_err(|error| io_reason(&error))?;
        if read == 0 {
            return Err("truncated WARC: the file ends inside a record header".to_string());
        }
        *line += 1;
        let text = String::from_utf8_lossy(&buffer);
        let text = text.trim_end_matches(['\r', '\n']);
        if first {
            if !text.starts_with("WARC/") {
                return Err(format!(
                    "not a WARC record: expected a WARC/1.0 line, found {:?}",
                    text.chars().take(40).collect::<String>()
                ));
            }
            first = false;
            continue;
        }
        if text.is_empty() {
            return Ok(header);
        }
        let Some((name, value)) = text.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => header.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => {
                header.target_uri = Some(value.trim_matches(['<', '>']).to_string())
            }
            "warc-date" => header.date = Some(value),
            "content-type" => header.content_type = value.to_ascii_lowercase(),
            "content-length" => match value.parse() {
                Ok(length) => header.content_length = Some(length),
                Err(_) => return Err(format!("bad WARC Content-Length {value:?}")),
            },
            _ => {}
        }
    }
}

/// Skips `length` bytes, counting the line breaks in them.
fn skip_counting_lines(reader: &mut impl BufRead, length: u64, line: &mut u64) -> io::Result<()> {
    let mut left = length;
    while left > 0 {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file ends inside a record",
            ));
        }
        let taken = available.len().min(left as usize);
        *line += count_lines(&available[..taken]);
        reader.consume(taken);
        left -= taken as u64;
    }
    Ok(())
}

fn count_lines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&byte| byte == b'\n').count() as u64
}

/// Splits an HTTP response into its header block and its payload.
fn split_http(content: &[u8]) -> Option<(&str, &[u8])> {
    let end = content.windows(4).position(|window| window == b"\r\n\r\n");
    let (header_end, payload_start) = match end {
        Some(end) => (end, end + 4),
        None => {
            let end = content.windows(2).position(|window| window == b"\n\n")?;
            (end, end + 2)
        }
    };
    let headers = std::str::from_utf8(&content[..header_end]).ok()?;
    Some((headers, &content[payload_start..]))
}

/// For a successful HTML response, the charset its `Content-Type` names
/// (`Some(None)` when it names none); `None` for anything else.
fn html_response_charset(headers: &str) -> Option<Option<String>> {
    let mut lines = headers.lines();
    let status = lines.next()?.split_whitespace().nth(1)?;
    if !status.starts_with('2') {
        return None;
    }
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("content-type") {
            let value = value.trim().to_ascii_lowercase();
            let is_html = value.starts_with("text/html") || value.starts_with("application/xhtml");
            return is_html.then(|| content_type_charset(&value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::fields::FieldMap;

    /// A WARC record of the given type, content type and content.
    fn record(kind: &str, uri: &str, content_type: &str, content: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-10-20T06:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{content}\r\n\r\n",
            content.len()
        )
    }

    fn read_all(input: &[u8]) -> Vec<Item> {
        let fields = FieldMap::default();
        let mut file = FileReader::new("crawl.warc", &fields, 1 << 20);
        let mut items = Vec::new();
        let _ = file.read_warc(input, &mut |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        items
    }

    #[test]
    fn html_responses_are_pages_and_the_rest_is_skipped() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n<html><body><h1>Caf\u{e9} closes</h1><p>The harbour caf\u{e9} closed after forty years.</p></body></html>";
        let latin: Vec<u8> = page
            .chars()
            .map(|character| character as u32 as u8)
            .collect();
        let mut warc = record(
            "warcinfo",
            "",
            "application/warc-fields",
            "software: test\r\n",
        )
        .into_bytes();
        warc.extend(
            record(
                "request",
                "https://a.example.org/1",
                "application/http; msgtype=request",
                "GET /1 HTTP/1.1\r\n\r\n",
            )
            .into_bytes(),
        );
        let header = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example.org/1\r\nWARC-Date: 2024-10-20T06:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            latin.len()
        );
        warc.extend(header.into_bytes());
        warc.extend(latin);
        warc.extend(b"\r\n\r\n");
        warc.extend(
            record(
                "response",
                "https://a.example.org/logo.png",
                "application/http; msgtype=response",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG",
            )
            .into_bytes(),
        );
        let items = read_all(&warc);
        assert_eq!(items.len(), 1, "{items:?}");
        let record = items[0].as_ref().unwrap();
        assert_eq!(record.location, Location::line("crawl.warc", 22));
        assert_eq!(record.article.title, "Café closes");
        assert_eq!(
            record.article.url.as_deref(),
            Some("https://a.example.org/1")
        );
        assert_eq!(record.article.date.as_deref(), Some("2024-10-20T06:00:00Z"));
        assert!(record.article.body.contains("forty years"));
    }

    #[test]
    fn a_broken_record_stops_the_file_with_its_line() {
        let good = record(
            "response",
            "https://a.example.org/2",
            "application/http; msgtype=response",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>Kept</title><p>Text.</p>",
        );
        let input = format!("{good}garbage line\r\n\r\n{good}");
        let items = read_all(input.as_bytes());
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap().article.title, "Kept");
        assert_eq!(
            items[1].as_ref().unwrap_err().to_string(),
            "crawl.warc:13: not a WARC record: expected a WARC/1.0 line, found \"garbage line\""
        );
        let cut = &good[..good.len() - 20];
        let items = read_all(cut.as_bytes());
        assert_eq!(
            items[0].as_ref().unwrap_err().reason,
            "truncated WARC: the file ends inside this record"
        );
    }
}
