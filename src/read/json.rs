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
//! | `persons`, `organizations`, `locations`, `countries`, `keywords` | a string or a list of strings, merged with what newsdex extracts |
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
                countries_mentioned: Vec::new(),
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

/// Turns a serde_json failure into a reason a user can act on.
fn explain(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Data => format!("not an article: {error}"),
        Category::Eof => format!("truncated JSON: {error}"),
        Category::Syntax | Category::Io => format!("invalid JSON: {error}"),
    }
}

/// Parses one line of a JSON Lines file into an article. Positions in
/// errors are columns: the caller knows the line.
pub fn parse_line(line: &str) -> Result<Article, String> {
    parse_line_inner(line).map_err(|reason| reason.replace(" at line 1 column ", " at column "))
}

fn parse_line_inner(line: &str) -> Result<Article, String> {
    check_depth(line)?;
    if !line.trim_start().starts_with('{') {
        let value: Value = serde_json::from_str(line).map_err(|error| explain(&error))?;
        return parse_value(value);
    }
    let article: JsonArticle = serde_json::from_str(line).map_err(|error| explain(&error))?;
    article.into_article()
}

/// Parses a `.json` document: one article object or an array of them. The
/// outer error is a document that cannot be read at all; the inner ones are
/// the items of an array, in order.
pub fn parse_document(text: &str) -> Result<Vec<Result<Article, String>>, String> {
    check_depth(text)?;
    let value: Value = serde_json::from_str(text).map_err(|error| explain(&error))?;
    match value {
        Value::Array(items) => Ok(items.into_iter().map(parse_value).collect()),
        other => Ok(vec![parse_value(other)]),
    }
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
const MAX_DEPTH: usize = 64;

/// Rejects JSON nested deeper than any article could be, before parsing it,
/// so that hostile input cannot exhaust the stack.
fn check_depth(text: &str) -> Result<(), String> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "not an article: JSON nested deeper than {MAX_DEPTH} levels"
                    ));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key_and_alias() {
        let article = parse_line(
            r#"{"id": 7, "date": "2024-10-14", "title": "T", "text": "B", "dateline": "TOKYO, Oct 14 -",
                "source": "S", "url": "U", "author": "A", "persons": "Li Wei", "countries": ["JP"]}"#,
        )
        .unwrap();
        assert_eq!(article.id.as_deref(), Some("7"));
        assert_eq!(article.date.as_deref(), Some("2024-10-14"));
        assert_eq!(article.body, "B");
        assert_eq!(article.dateline, "TOKYO, Oct 14 -");
        assert_eq!(article.given.persons, vec!["Li Wei"]);
        assert_eq!(article.given.countries, vec!["JP"]);
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
        assert!(parse_document(&deep).unwrap_err().contains("nested deeper"));
        assert!(check_depth(r#"{"title": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}"#).is_ok());
    }

    #[test]
    fn reads_a_document_as_one_article_or_an_array() {
        assert_eq!(parse_document(r#"{"title": "A"}"#).unwrap().len(), 1);
        let items = parse_document(r#"[{"title": "A"}, 5, {"body": "B"}]"#).unwrap();
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok() && items[1].is_err() && items[2].is_ok());
    }
}
