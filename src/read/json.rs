//! The JSON input formats: a `.json` file holding one article object or an
//! array of them, and `.jsonl`/`.ndjson` files holding one object per line.
//!
//! Article keys (unknown keys are ignored):
//!
//! | key | meaning |
//! |---|---|
//! | `id` | string or number |
//! | `date` | any form [`crate::dates`] accepts |
//! | `title`, `dateline` | text |
//! | `body`, or `text`, or `content` | text |
//! | `source`, `url`, `author` | text |
//! | `persons`, `organizations`, `locations`, `countries`, `countries_mentioned`, `keywords` | a string or a list of strings, merged with what newsdex extracts (so `extract` output, with its text, can be ingested with `--no-enrich`) |
//!
//! An object needs an `id`, a `title` or a body to be an article.

use serde::Deserialize;
use serde_json::Value;

use crate::article::{Article, Entities};

/// An article object as it appears in the input.
#[derive(Debug, Deserialize)]
#[serde(expecting = "an article object")]
struct JsonArticle {
    #[serde(default, deserialize_with = "string_or_number")]
    id: Option<String>,
    #[serde(default, deserialize_with = "string_or_number")]
    date: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    persons: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    organizations: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    locations: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    countries: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    countries_mentioned: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    keywords: Vec<String>,
}

impl JsonArticle {
    /// Checks that the object is an article and turns it into one.
    fn into_article(self) -> Result<Article, String> {
        let body = self.body.or(self.text).or(self.content).unwrap_or_default();
        let title = self.title.unwrap_or_default();
        let id = self.id.filter(|id| !id.trim().is_empty());
        if id.is_none() && title.trim().is_empty() && body.trim().is_empty() {
            return Err("not an article: it has no id, title, body, text or content".to_string());
        }
        Ok(Article {
            id,
            date: self.date.filter(|date| !date.trim().is_empty()),
            title,
            dateline: self.dateline.unwrap_or_default(),
            body,
            source: self.source.filter(|source| !source.is_empty()),
            url: self.url.filter(|url| !url.is_empty()),
            author: self.author.filter(|author| !author.is_empty()),
            warnings: Vec::new(),
            given: Entities {
                persons: self.persons,
                organizations: self.organizations,
                locations: self.locations,
                countries: self.countries,
                countries_mentioned: self.countries_mentioned,
                keywords: self.keywords,
            },
        })
    }
}

/// Reads a value that may be a string or a number as a string.
fn string_or_number<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(Value::Number(number)) => Ok(Some(number.to_string())),
        Some(other) => Err(serde::de::Error::custom(format!(
            "expected a string or a number, found {}",
            describe(&other)
        ))),
    }
}

/// Reads a value that may be one string or a list of strings.
fn one_or_many<'de, D>(deserializer: D) -> Result<Vec<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    match Option::<OneOrMany>::deserialize(deserializer) {
        Ok(None) => Ok(Vec::new()),
        Ok(Some(OneOrMany::One(value))) => Ok(vec![value]),
        Ok(Some(OneOrMany::Many(values))) => Ok(values),
        Err(_) => Err(serde::de::Error::custom(
            "expected a string or a list of strings",
        )),
    }
}

/// Names the kind of a JSON value, for error messages.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Turns a serde_json failure into a reason a user can act on. The
/// position is a column when `first_line` is unknown (the caller knows the
/// line), else a line of the file, counted from `first_line` (the column
/// is left out: serde_json counts it from where the item starts).
fn explain(error: &serde_json::Error, first_line: Option<u64>) -> String {
    use serde_json::error::Category;
    let kind = match error.classify() {
        Category::Data => "not an article",
        Category::Eof => "truncated JSON",
        Category::Syntax | Category::Io => "invalid JSON",
    };
    let message = error.to_string();
    if error.line() == 0 {
        return format!("{kind}: {message}");
    }
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(message, _)| message);
    match first_line {
        None => format!("{kind}: {message} at column {}", error.column()),
        Some(first_line) => {
            let line = first_line + error.line() as u64 - 1;
            format!("{kind}: {message} at line {line}")
        }
    }
}

/// Parses one line of a JSON Lines file into an article. Positions in
/// errors are columns: the caller knows the line.
pub fn parse_line(line: &str) -> Result<Article, String> {
    parse_json(line, None)
}

/// Parses one JSON article that starts on line `first_line` of its file:
/// a whole `.json` document, or one item of its array. Positions in errors
/// are lines of the file.
pub fn parse_item(text: &str, first_line: u64) -> Result<Article, String> {
    parse_json(text, Some(first_line))
}

fn parse_json(text: &str, first_line: Option<u64>) -> Result<Article, String> {
    check_depth(text)?;
    let explain = |error| explain(&error, first_line);
    if !text.trim_start().starts_with('{') {
        let value: Value = serde_json::from_str(text).map_err(explain)?;
        return parse_value(value);
    }
    let article: JsonArticle = serde_json::from_str(text).map_err(explain)?;
    article.into_article()
}

/// Turns one JSON value into an article.
fn parse_value(value: Value) -> Result<Article, String> {
    if !value.is_object() {
        return Err(format!(
            "not an article: expected a JSON object, found {}",
            describe(&value)
        ));
    }
    let article =
        JsonArticle::deserialize(value).map_err(|error| format!("not an article: {error}"))?;
    article.into_article()
}

/// The deepest nesting accepted; articles are two levels deep.
pub const MAX_DEPTH: usize = 64;

/// Rejects JSON nested deeper than any article could be, before parsing it,
/// so that hostile input cannot exhaust the stack.
fn check_depth(text: &str) -> Result<(), String> {
    let mut depth = 0usize;
    let mut strings = StringTracker::default();
    for byte in text.bytes() {
        match strings.structural(byte) {
            Some(b'{' | b'[') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "not an article: JSON nested deeper than {MAX_DEPTH} levels"
                    ));
                }
            }
            Some(b'}' | b']') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Follows JSON strings byte by byte, so that the brackets and commas
/// inside them are not taken for structure.
#[derive(Debug, Default)]
pub(crate) struct StringTracker {
    in_string: bool,
    escaped: bool,
}

impl StringTracker {
    /// Takes the next byte and returns it when it stands outside every
    /// string; quotes and the bytes of strings give `None`.
    pub(crate) fn structural(&mut self, byte: u8) -> Option<u8> {
        if self.in_string {
            match byte {
                _ if self.escaped => self.escaped = false,
                b'\\' => self.escaped = true,
                b'"' => self.in_string = false,
                _ => {}
            }
            return None;
        }
        if byte == b'"' {
            self.in_string = true;
            return None;
        }
        Some(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key_and_alias() {
        let article = parse_line(
            r#"{"id": 7, "date": "2024-10-14", "title": "T", "text": "B", "dateline": "TOKYO, Oct 14 -",
                "source": "S", "url": "U", "author": "A", "persons": "Li Wei", "countries": ["JP"],
                "countries_mentioned": ["JP", "KR"]}"#,
        )
        .unwrap();
        assert_eq!(article.id.as_deref(), Some("7"));
        assert_eq!(article.date.as_deref(), Some("2024-10-14"));
        assert_eq!(article.body, "B");
        assert_eq!(article.dateline, "TOKYO, Oct 14 -");
        assert_eq!(article.given.persons, vec!["Li Wei"]);
        assert_eq!(article.given.countries, vec!["JP"]);
        assert_eq!(article.given.countries_mentioned, vec!["JP", "KR"]);
        assert_eq!(
            parse_line(r#"{"title": "T", "content": "C"}"#)
                .unwrap()
                .body,
            "C"
        );
    }

    #[test]
    fn explains_what_is_not_an_article() {
        let cases = [
            (
                "[1, 2, 3]",
                "not an article: expected a JSON object, found an array",
            ),
            (
                "\"text\"",
                "not an article: expected a JSON object, found a string",
            ),
            (
                "{}",
                "not an article: it has no id, title, body, text or content",
            ),
            (
                r#"{"source": "S"}"#,
                "not an article: it has no id, title, body, text or content",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_line(line).unwrap_err(), expected, "line {line}");
        }
        assert!(
            parse_line(r#"{"title": 5}"#)
                .unwrap_err()
                .starts_with("not an article: invalid type")
        );
        assert!(
            parse_line(r#"{"title": "a""#)
                .unwrap_err()
                .starts_with("truncated JSON")
        );
        assert!(
            parse_line(r#"{"title" "a"}"#)
                .unwrap_err()
                .starts_with("invalid JSON")
        );
        assert!(
            parse_line(r#"{"title": "a"} x"#)
                .unwrap_err()
                .starts_with("invalid JSON")
        );
    }

    #[test]
    fn rejects_deep_nesting_without_recursing() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(parse_line(&deep).unwrap_err().contains("nested deeper"));
        assert!(parse_item(&deep, 1).unwrap_err().contains("nested deeper"));
        assert!(check_depth(r#"{"title": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}"#).is_ok());
    }

    #[test]
    fn positions_are_columns_in_lines_and_file_lines_in_items() {
        assert_eq!(
            parse_line(r#"{"title" "a"}"#).unwrap_err(),
            "invalid JSON: expected `:` at column 10"
        );
        assert_eq!(
            parse_item("{\n\"title\" \"a\"}", 7).unwrap_err(),
            "invalid JSON: expected `:` at line 8"
        );
    }
}
