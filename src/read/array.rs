//! Streams the items of a JSON array one at a time, so that a `.json` file
//! holding a million articles is read in memory bounded by its largest
//! article, and each item is located by the line it starts on.
//!
//! The scanner only follows strings, brackets and commas; each item's text
//! is then parsed on its own, so a bad item is reported and the items
//! after it are still read (a missing comma spoils the two items it
//! joins, not the rest). What cannot be split any further (a file ending
//! inside an item, text after the closing bracket) ends the file with one
//! error at the line where it happened.

use std::io::{self, BufRead};

use super::json::StringTracker;

/// One item of the array, as raw bytes still to be decoded and parsed.
#[derive(Debug, PartialEq, Eq)]
pub struct ArrayItem {
    /// The item's position in the array, from 1.
    pub number: u64,
    /// The line the item starts on, from 1.
    pub line: u64,
    /// The item's bytes, or why they were not kept (too long).
    pub bytes: Result<Vec<u8>, String>,
}

/// A fault that ends the reading of the array.
#[derive(Debug, PartialEq, Eq)]
pub struct ArrayError {
    /// The line where reading stopped.
    pub line: u64,
    /// What went wrong.
    pub reason: String,
}

/// Reads the items of an array from a reader positioned at its `[`.
pub struct ArrayItems<R> {
    reader: R,
    line: u64,
    items: u64,
    finished: bool,
    /// The largest item kept, in bytes.
    limit: usize,
}

impl<R: BufRead> ArrayItems<R> {
    /// Starts reading an array whose `[` is the next byte of `reader`, on
    /// line `line`; an item over `limit` bytes is refused, not kept.
    pub fn new(reader: R, line: u64, limit: usize) -> ArrayItems<R> {
        ArrayItems {
            reader,
            line,
            items: 0,
            finished: false,
            limit,
        }
    }

    /// Reads what follows the previous item (or the `[`): the next item,
    /// or `None` at the closing bracket.
    fn read_next(&mut self) -> Result<Option<ArrayItem>, ArrayError> {
        let opening = self.items == 0;
        let Some(separator) = self.next_token()? else {
            return Err(self.error("truncated JSON: the file ends inside the array"));
        };
        self.reader.consume(1);
        match (opening, separator) {
            (true, b'[') => {}
            (false, b',') => {}
            (_, b']') => {
                self.expect_end()?;
                return Ok(None);
            }
            // An item ends only at a top-level `,` or `]`, so only the
            // opening can be anything else.
            _ => return Err(self.error("invalid JSON: expected `[`")),
        }
        if opening && self.next_token()? == Some(b']') {
            self.reader.consume(1);
            self.expect_end()?;
            return Ok(None);
        }
        self.items += 1;
        self.read_item().map(Some)
    }

    /// Reads one item, up to the `,` or `]` that ends it at the top level.
    fn read_item(&mut self) -> Result<ArrayItem, ArrayError> {
        let Some(_) = self.next_token()? else {
            return Err(self.error("truncated JSON: the file ends inside the array"));
        };
        let mut item = ArrayItem {
            number: self.items,
            line: self.line,
            bytes: Ok(Vec::new()),
        };
        let mut depth = 0usize;
        let mut strings = StringTracker::default();
        loop {
            let line = self.line;
            let buffer = self
                .reader
                .fill_buf()
                .map_err(|error| io_error(line, &error))?;
            if buffer.is_empty() {
                let reason = format!("truncated JSON: the file ends inside item {}", item.number);
                return Err(self.error(&reason));
            }
            let mut end = None;
            for (position, &byte) in buffer.iter().enumerate() {
                if byte == b'\n' {
                    self.line += 1;
                }
                let Some(byte) = strings.structural(byte) else {
                    continue;
                };
                match byte {
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b',' | b']' if depth == 0 => {
                        end = Some(position);
                        break;
                    }
                    _ => {}
                }
            }
            let taken = end.unwrap_or(buffer.len());
            if let Ok(bytes) = &mut item.bytes {
                bytes.extend_from_slice(&buffer[..taken]);
                if bytes.len() > self.limit {
                    item.bytes = Err(super::too_long_reason("it", self.limit));
                }
            }
            self.reader.consume(taken);
            if end.is_some() {
                return Ok(item);
            }
        }
    }

    /// Checks that nothing but white space follows the closing bracket.
    fn expect_end(&mut self) -> Result<(), ArrayError> {
        match self.next_token()? {
            None => Ok(()),
            Some(_) => Err(self.error("invalid JSON: text after the closing `]` of the array")),
        }
    }

    /// Skips white space and returns the next byte without consuming it.
    fn next_token(&mut self) -> Result<Option<u8>, ArrayError> {
        let line = self.line;
        skip_white_space(&mut self.reader, &mut self.line).map_err(|error| io_error(line, &error))
    }

    fn error(&self, reason: &str) -> ArrayError {
        ArrayError {
            line: self.line,
            reason: reason.to_string(),
        }
    }
}

fn io_error(line: u64, error: &io::Error) -> ArrayError {
    ArrayError {
        line,
        reason: super::io_reason(error),
    }
}

impl<R: BufRead> Iterator for ArrayItems<R> {
    type Item = Result<ArrayItem, ArrayError>;

    /// Returns the next item, an error that ends the array, or `None` once
    /// the array or the error is past.
    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let next = self.read_next();
        self.finished = !matches!(next, Ok(Some(_)));
        next.transpose()
    }
}

/// Skips a byte-order mark and white space, counting lines, and returns the
/// next byte without consuming it, or `None` at the end.
pub fn skip_white_space(reader: &mut impl BufRead, line: &mut u64) -> io::Result<Option<u8>> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(None);
        }
        if buffer.starts_with("\u{feff}".as_bytes()) {
            reader.consume(3);
            continue;
        }
        let blank = buffer
            .iter()
            .take_while(|byte| byte.is_ascii_whitespace())
            .count();
        *line += buffer[..blank]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count() as u64;
        let next = buffer.get(blank).copied();
        reader.consume(blank);
        if next.is_some() {
            return Ok(next);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits a document into items (as text) and a final error, if any.
    fn split(document: &str) -> (Vec<(u64, u64, String)>, Option<ArrayError>) {
        let mut reader = document.as_bytes();
        let mut line = 1;
        assert_eq!(
            skip_white_space(&mut reader, &mut line).unwrap(),
            Some(b'[')
        );
        let mut items = Vec::new();
        let mut error = None;
        for item in ArrayItems::new(reader, line, 1 << 20) {
            match item {
                Ok(item) => {
                    let text = match item.bytes {
                        Ok(bytes) => String::from_utf8(bytes).unwrap().trim().to_string(),
                        Err(reason) => reason,
                    };
                    items.push((item.number, item.line, text));
                }
                Err(failure) => error = Some(failure),
            }
        }
        (items, error)
    }

    #[test]
    fn splits_items_at_top_level_commas_with_their_lines() {
        let (items, error) =
            split("[\n {\"t\": \"a, ] b\"},\n {\"t\": [1, {\"u\": 2}]},\n 3, \"x\\\"]\"\n]\n");
        assert_eq!(error, None);
        assert_eq!(
            items,
            vec![
                (1, 2, "{\"t\": \"a, ] b\"}".to_string()),
                (2, 3, "{\"t\": [1, {\"u\": 2}]}".to_string()),
                (3, 4, "3".to_string()),
                (4, 4, "\"x\\\"]\"".to_string()),
            ]
        );
    }

    #[test]
    fn reads_empty_arrays_and_a_byte_order_mark() {
        assert_eq!(split("\u{feff} [ ] "), (vec![], None));
    }

    #[test]
    fn a_deep_item_is_split_without_recursing_and_the_next_ones_are_read() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let (items, error) = split(&format!("[{deep}, {{\"t\": 1}}]"));
        assert_eq!(error, None);
        assert_eq!(
            items[0].2, deep,
            "the item is kept whole for the parser to refuse"
        );
        assert_eq!(items[1].2, "{\"t\": 1}");
    }

    #[test]
    fn a_missing_comma_spoils_one_item_and_the_next_ones_are_read() {
        let (items, error) = split("[{\"t\": 1}\n{\"t\": 2},\n{\"t\": 3}]");
        assert_eq!(error, None);
        assert_eq!(items[0], (1, 1, "{\"t\": 1}\n{\"t\": 2}".to_string()));
        assert_eq!(items[1], (2, 3, "{\"t\": 3}".to_string()));
    }

    #[test]
    fn what_cannot_be_split_ends_the_file_at_its_line() {
        let (items, error) = split("[{\"t\": 1},\n{\"t\": \"unfinished");
        assert_eq!(items.len(), 1);
        assert_eq!(
            error.unwrap().reason,
            "truncated JSON: the file ends inside item 2"
        );
        let (_, error) = split("[{\"t\": 1}] trailing");
        assert!(error.unwrap().reason.contains("after the closing"));
        let (_, error) = split("[{\"t\": 1},");
        assert!(error.unwrap().reason.starts_with("truncated JSON"));
    }
}
