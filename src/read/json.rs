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
//! | the key of each extracted kind, as [`crate::kinds`] lists them | a string or a list of strings, merged with what newsdex extracts (so `extract` output, with its text, can be ingested with `--no-enrich`) |
//!
//! An object needs an `id`, a `title` or a body to be an article.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use crate::article::{Article, Entities};
use crate::kinds::Kind;

/// An article object as it appears in the input. It is read key by key
/// ([`ArticleVisitor`]), so that the keys of the extracted kinds come from
/// [`Kind::from_key`] and a value's error keeps its position in the input.
#[derive(Debug, Default)]
struct JsonArticle {
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    dateline: Option<String>,
    body: Option<String>,
    text: Option<String>,
    content: Option<String>,
    source: Option<String>,
    url: Option<String>,
    author: Option<String>,
    given: Entities,
}

impl<'de> Deserialize<'de> for JsonArticle {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<JsonArticle, D::Error> {
        deserializer.deserialize_map(ArticleVisitor)
    }
}

/// Reads the keys of an article object one at a time; unknown keys are
/// skipped, a key given twice is an error.
struct ArticleVisitor;

impl<'de> Visitor<'de> for ArticleVisitor {
    type Value = JsonArticle;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonArticle, A::Error> {
        let mut article = JsonArticle::default();
        let mut known_keys_seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if known_keys_seen.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            match key.as_str() {
                "id" => article.id = map.next_value::<StringOrNumber>()?.0,
                "date" => article.date = map.next_value::<StringOrNumber>()?.0,
                "title" => article.title = map.next_value()?,
                "dateline" => article.dateline = map.next_value()?,
                "body" => article.body = map.next_value()?,
                "text" => article.text = map.next_value()?,
                "content" => article.content = map.next_value()?,
                "source" => article.source = map.next_value()?,
                "url" => article.url = map.next_value()?,
                "author" => article.author = map.next_value()?,
                other => match Kind::from_key(other) {
                    Some(kind) => article.given[kind] = map.next_value::<OneOrMany>()?.0,
                    None => {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                },
            }
            known_keys_seen.push(key);
        }
        Ok(article)
    }
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
            given: self.given,
        })
    }
}

/// A value that may be a string or a number, read as a string.
struct StringOrNumber(Option<String>);

impl<'de> Deserialize<'de> for StringOrNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Option::<Value>::deserialize(deserializer)? {
            None | Some(Value::Null) => Ok(StringOrNumber(None)),
            Some(Value::String(text)) => Ok(StringOrNumber(Some(text))),
            Some(Value::Number(number)) => Ok(StringOrNumber(Some(number.to_string()))),
            Some(other) => Err(de::Error::custom(format!(
                "expected a string or a number, found {}",
                describe(&other)
            ))),
        }
    }
}

/// A value that may be one string or a list of strings, read as a list.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            One(String),
            Many(Vec<String>),
        }
        match Option::<Either>::deserialize(deserializer) {
            Ok(None) => Ok(OneOrMany(Vec::new())),
            Ok(Some(Either::One(value))) => Ok(OneOrMany(vec![value])),
            Ok(Some(Either::Many(values))) => Ok(OneOrMany(values)),
            Err(_) => Err(de::Error::custom("expected a string or a list of strings")),
        }
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

/// Parses one JSON article. serde_json refuses input nested deeper than
/// 128 levels ("recursion limit exceeded") before its recursion could
/// exhaust the stack, and skips unknown keys without recursing, so hostile
/// nesting is an error like any other.
fn parse_json(text: &str, first_line: Option<u64>) -> Result<Article, String> {
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
        assert_eq!(article.given[Kind::Person], vec!["Li Wei"]);
        assert_eq!(article.given[Kind::Country], vec!["JP"]);
        assert_eq!(article.given[Kind::CountryMentioned], vec!["JP", "KR"]);
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
    fn deep_nesting_is_refused_by_serde_json_without_exhausting_the_stack() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let refused = "invalid JSON: recursion limit exceeded at";
        assert_eq!(
            parse_line(&deep).unwrap_err(),
            format!("{refused} column 128")
        );
        assert_eq!(
            parse_item(&deep, 3).unwrap_err(),
            format!("{refused} line 3")
        );
        let in_a_list = format!(r#"{{"title": "t", "persons": {deep}}}"#);
        assert!(
            parse_line(&in_a_list)
                .unwrap_err()
                .contains("expected a string or a list"),
            "{}",
            parse_line(&in_a_list).unwrap_err()
        );
        let in_an_unknown_key = format!(r#"{{"title": "t", "extra": {deep}}}"#);
        assert_eq!(parse_line(&in_an_unknown_key).unwrap().title, "t");
        let not_closed = "[".repeat(100_000);
        assert!(parse_line(&not_closed).unwrap_err().starts_with(refused));
        let brackets_in_a_string = format!(r#"{{"title": "{}"}}"#, "[".repeat(1000));
        assert!(parse_line(&brackets_in_a_string).is_ok());
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
