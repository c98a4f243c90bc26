//! The JSON input formats: a `.json` file holding one article object, an
//! array of them, or an envelope around such an array ([`super::envelope`]),
//! and `.jsonl`/`.ndjson` files holding one object per line.
//!
//! Which key fills which field is the table of [`super::fields`]; unknown
//! keys are skipped, but a long text under one of them is reported when
//! the body is empty. An Elasticsearch hit's `_source` object is read as
//! the article, with the hit's `_id` as its id when it has none. An object
//! needs an id, a title or a body to be an article.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_json::Value;

use super::fields::{
    FORCED_RANK, Field, FieldMap, KeyMeaning, is_long_text, join_body, language_code, lookup_key,
    unread_text_warning,
};
use super::html_text::html_to_text;
use super::json_values::{
    Key, OneOrMany, StringOrNumber, TextParts, UnreadTextProbe, describe, find_path, join_path,
};
use crate::article::{Article, Entities};
use crate::kinds::Kind;

/// An article read from the input, with what the reader noticed about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// The warning to give once per file when the body is empty but a
    /// long text sits under a key newsdex does not read.
    pub unread_text: Option<String>,
}

/// The fields of an article object as they are found, each keeping the
/// rank of the key it came from so that the best key wins whatever the
/// order of the keys ([`super::fields`]).
#[derive(Debug, Default)]
pub(crate) struct Draft {
    texts: [Option<(u8, String)>; Field::TEXT_FIELDS.len()],
    given: Entities,
    /// The dotted path of the first long text under an unknown key.
    unread_text_key: Option<String>,
}

impl Draft {
    /// Keeps `value` for `field` unless a better-ranked key gave one.
    pub(crate) fn offer(&mut self, field: Field, rank: u8, value: Option<String>) {
        let Some(value) = value else {
            return;
        };
        match field {
            Field::Given(kind) => self.give(kind, vec![value]),
            _ => {
                let Some(slot) = field.slot() else {
                    return;
                };
                let better = match &self.texts[slot] {
                    Some((kept_rank, kept)) => rank < *kept_rank || kept.trim().is_empty(),
                    None => true,
                };
                if better {
                    self.texts[slot] = Some((rank, value));
                }
            }
        }
    }

    /// Adds given values of an extracted kind.
    pub(crate) fn give(&mut self, kind: Kind, values: Vec<String>) {
        for value in values {
            let value = match kind {
                Kind::Language => language_code(&value),
                _ => value,
            };
            if !self.given[kind].contains(&value) {
                self.given[kind].push(value);
            }
        }
    }

    /// Remembers `key` as holding text newsdex does not read when `value`
    /// is long and no such key was noted yet.
    pub(crate) fn note_unread_text(&mut self, key: &str, value: &str) {
        if is_long_text(value) && self.unread_text_key.is_none() {
            self.unread_text_key = Some(key.to_string());
        }
    }

    /// Reads one value into the field a key means.
    fn read_value<'de, A: MapAccess<'de>>(
        &mut self,
        meaning: KeyMeaning,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let value = match meaning.field {
            Field::Id | Field::Date => map.next_value::<StringOrNumber>()?.0,
            Field::Given(kind) => {
                let OneOrMany(values) = map.next_value()?;
                self.give(kind, values);
                return Ok(());
            }
            Field::Source | Field::Author => map.next_value::<TextParts>()?.join(", "),
            _ => map.next_value::<TextParts>()?.join("\n\n"),
        };
        let value = match meaning.is_html {
            true => value.map(|html| html_to_text(&html)),
            false => value,
        };
        self.offer(meaning.field, meaning.rank, value);
        Ok(())
    }

    /// Fills the fields still empty from `other` (a hit's `_source`).
    fn merge(&mut self, other: Draft) {
        for (slot, value) in other.texts.into_iter().enumerate() {
            if let Some((rank, text)) = value {
                self.offer(Field::TEXT_FIELDS[slot], rank, Some(text));
            }
        }
        for kind in Kind::ALL {
            let values = other.given[kind].clone();
            self.give(kind, values);
        }
        if self.unread_text_key.is_none() {
            self.unread_text_key = other.unread_text_key;
        }
    }

    /// Applies `--field` to the object `value` this draft was read from.
    fn apply_field_map(&mut self, value: &Value, fields: &FieldMap) -> Result<(), String> {
        for (field, path) in &fields.mappings {
            let Some(found) = find_path(value, path) else {
                continue;
            };
            let not_text =
                |error: serde_json::Error| format!("--field {}={path}: {error}", field.name());
            match field {
                Field::Given(kind) => {
                    let OneOrMany(values) = OneOrMany::deserialize(&found).map_err(not_text)?;
                    self.give(*kind, values);
                }
                Field::Id | Field::Date => {
                    let text = StringOrNumber::deserialize(&found).map_err(not_text)?.0;
                    self.offer(*field, FORCED_RANK, text);
                }
                _ => {
                    let separator = match field {
                        Field::Source | Field::Author => ", ",
                        _ => "\n\n",
                    };
                    let text = TextParts::deserialize(&found)
                        .map_err(not_text)?
                        .join(separator);
                    self.offer(*field, FORCED_RANK, text);
                }
            }
            if self.unread_text_key.as_deref() == Some(path.as_str()) {
                self.unread_text_key = None;
            }
        }
        Ok(())
    }

    fn take(&mut self, field: Field) -> Option<String> {
        let slot = field.slot()?;
        self.texts[slot].take().map(|(_, text)| text)
    }

    /// Checks that the fields make an article and builds it.
    pub(crate) fn into_parsed(mut self) -> Result<Parsed, String> {
        let body = self.take(Field::Body).unwrap_or_default();
        let summary = self.take(Field::Summary).unwrap_or_default();
        let body = join_body(body, summary);
        let title = self.take(Field::Title).unwrap_or_default();
        let id = self.take(Field::Id).filter(|id| !id.trim().is_empty());
        if id.is_none() && title.trim().is_empty() && body.trim().is_empty() {
            let mut reason =
                "not an article: it has no id, title, body, text or content".to_string();
            if let Some(key) = &self.unread_text_key {
                reason.push_str(&format!(
                    "; key \"{key}\" holds a long text: pass --field body={key} to read it"
                ));
            }
            return Err(reason);
        }
        let unread_text = match body.trim().is_empty() {
            true => self.unread_text_key.as_deref().map(unread_text_warning),
            false => None,
        };
        let non_empty = |value: Option<String>| value.filter(|value| !value.trim().is_empty());
        let article = Article {
            id,
            date: non_empty(self.take(Field::Date)),
            title,
            dateline: self.take(Field::Dateline).unwrap_or_default(),
            body,
            source: non_empty(self.take(Field::Source)),
            url: non_empty(self.take(Field::Url)),
            author: non_empty(self.take(Field::Author)),
            warnings: Vec::new(),
            given: self.given,
        };
        Ok(Parsed {
            article,
            unread_text,
        })
    }
}

impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Draft, D::Error> {
        deserializer.deserialize_map(ArticleVisitor)
    }
}

/// Reads the keys of an article object one at a time; unknown keys are
/// probed for long text and skipped, a known key given twice is an error.
struct ArticleVisitor;

impl<'de> Visitor<'de> for ArticleVisitor {
    type Value = Draft;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Draft, A::Error> {
        let mut draft = Draft::default();
        let mut known_keys_seen: Vec<Cow<'de, str>> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            let Some(meaning) = lookup_key(&key) else {
                if key == "_source" {
                    let hit_source: Draft = map.next_value()?;
                    draft.merge(hit_source);
                    continue;
                }
                let UnreadTextProbe(path) = map.next_value()?;
                if draft.unread_text_key.is_none() {
                    draft.unread_text_key = path.map(|path| join_path(&key, &path));
                }
                continue;
            };
            if known_keys_seen.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            draft.read_value(meaning, &mut map)?;
            known_keys_seen.push(key);
        }
        Ok(draft)
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
pub fn parse_line(line: &str, fields: &FieldMap) -> Result<Parsed, String> {
    parse_json(line, None, fields)
}

/// Parses one JSON article that starts on line `first_line` of its file:
/// a whole `.json` document, or one item of its array. Positions in errors
/// are lines of the file.
pub fn parse_item(text: &str, first_line: u64, fields: &FieldMap) -> Result<Parsed, String> {
    parse_json(text, Some(first_line), fields)
}

/// Parses one JSON article. serde_json refuses input nested deeper than
/// 128 levels ("recursion limit exceeded") before its recursion could
/// exhaust the stack, and skips unknown keys without recursing, so hostile
/// nesting is an error like any other. With `--field` mappings the object
/// is parsed into a `Value` first, so that their paths can be followed.
fn parse_json(text: &str, first_line: Option<u64>, fields: &FieldMap) -> Result<Parsed, String> {
    let explain = |error| explain(&error, first_line);
    if !text.trim_start().starts_with('{') || !fields.is_empty() {
        let value: Value = serde_json::from_str(text).map_err(explain)?;
        return parse_value(&value, fields);
    }
    let draft: Draft = serde_json::from_str(text).map_err(explain)?;
    draft.into_parsed()
}

/// Turns one JSON value into an article.
pub(crate) fn parse_value(value: &Value, fields: &FieldMap) -> Result<Parsed, String> {
    if !value.is_object() {
        return Err(format!(
            "not an article: expected a JSON object, found {}",
            describe(value)
        ));
    }
    let mut draft =
        Draft::deserialize(value).map_err(|error| format!("not an article: {error}"))?;
    draft.apply_field_map(value, fields)?;
    draft.into_parsed()
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

    fn parse_line(line: &str) -> Result<Article, String> {
        super::parse_line(line, &FieldMap::default()).map(|parsed| parsed.article)
    }

    fn parse_item(text: &str, first_line: u64) -> Result<Article, String> {
        super::parse_item(text, first_line, &FieldMap::default()).map(|parsed| parsed.article)
    }

    #[test]
    fn a_key_written_with_escapes_is_the_same_key() {
        let article = parse_line(r#"{"ti\u0074le": "T", "b\u006fdy": "B"}"#).unwrap();
        assert_eq!((article.title.as_str(), article.body.as_str()), ("T", "B"));
        let twice = parse_line(r#"{"title": "T", "ti\u0074le": "U"}"#).unwrap_err();
        assert!(twice.contains("duplicate field `title`"), "{twice}");
    }

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

    fn parse_with(line: &str, fields: &[&str]) -> Parsed {
        let values: Vec<String> = fields.iter().map(|field| field.to_string()).collect();
        super::parse_line(line, &FieldMap::parse(&values).unwrap()).unwrap()
    }

    #[test]
    fn json_feed_html_is_made_plain_text() {
        let item = parse_line(
            r#"{"id": "1", "content_html": "<p>Ferries &amp; buses</p><p>run late.</p>"}"#,
        )
        .unwrap();
        assert_eq!(item.body, "Ferries & buses\n\nrun late.");
        let both =
            parse_line(r#"{"content_html": "<p>html</p>", "content_text": "text"}"#).unwrap();
        assert_eq!(both.body, "text", "the plain text wins");
    }

    #[test]
    fn reads_the_keys_of_news_producers() {
        let newsapi = parse_line(
            r#"{"source": {"id": null, "name": "Harbour Gazette"}, "author": "Ana Ruiz",
                "title": "Port reopens", "description": "The port reopened on Monday.",
                "url": "https://example.org/a", "urlToImage": "https://example.org/a.jpg",
                "publishedAt": "2024-10-14T08:30:00Z", "content": "Ships queued … [+1830 chars]"}"#,
        )
        .unwrap();
        assert_eq!(newsapi.source.as_deref(), Some("Harbour Gazette"));
        assert_eq!(newsapi.date.as_deref(), Some("2024-10-14T08:30:00Z"));
        assert_eq!(newsapi.body, "The port reopened on Monday.\n\nShips queued");
        let news_please = parse_line(
            r#"{"title": "T", "maintext": "Main text.", "date_publish": "2024-10-14 08:30:00",
                "authors": ["Ana Ruiz", "Li Wei"], "language": "en", "source_domain": "example.org",
                "description": "Lead."}"#,
        )
        .unwrap();
        assert_eq!(news_please.body, "Main text.");
        assert_eq!(news_please.author.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(news_please.source.as_deref(), Some("example.org"));
        assert_eq!(news_please.given[Kind::Language], vec!["en"]);
        let json_ld = parse_line(
            r#"{"@type": "NewsArticle", "headline": "H", "articleBody": "B",
                "datePublished": "2024-10-14", "author": [{"@type": "Person", "name": "Ana Ruiz"}],
                "publisher": {"@type": "Organization", "name": "Harbour Gazette", "logo": {"url": "x"}}}"#,
        )
        .unwrap();
        assert_eq!((json_ld.title.as_str(), json_ld.body.as_str()), ("H", "B"));
        assert_eq!(json_ld.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(json_ld.source.as_deref(), Some("Harbour Gazette"));
        let gdelt = parse_line(
            r#"{"url": "https://example.org/g", "title": "G", "seendate": "20241014T083000Z",
                "domain": "example.org", "language": "Spanish", "sourcecountry": "Spain"}"#,
        )
        .unwrap();
        assert_eq!(gdelt.date.as_deref(), Some("20241014T083000Z"));
        assert_eq!(gdelt.given[Kind::Language], vec!["es"]);
        let huffpost = parse_line(
            r#"{"link": "https://example.org/h", "headline": "H", "category": "POLITICS",
                "short_description": "Short.", "authors": "Ana Ruiz", "date": "2022-09-23"}"#,
        )
        .unwrap();
        assert_eq!(huffpost.body, "Short.");
        assert_eq!(huffpost.url.as_deref(), Some("https://example.org/h"));
        assert_eq!(huffpost.given[Kind::Keyword], vec!["POLITICS"]);
        let capitalised = parse_line(r#"{"Title": "T", "Body": "B"}"#).unwrap();
        assert_eq!(
            (capitalised.title.as_str(), capitalised.body.as_str()),
            ("T", "B")
        );
    }

    #[test]
    fn the_best_key_wins_whatever_the_order() {
        let article = parse_line(r#"{"content": "C", "title": "T", "body": "B"}"#).unwrap();
        assert_eq!(article.body, "B");
        let hit = parse_line(r#"{"_id": "h-1", "_source": {"title": "T", "id": "own"}}"#).unwrap();
        assert_eq!(hit.id.as_deref(), Some("own"));
    }

    #[test]
    fn field_mappings_read_dotted_paths_first() {
        let parsed = parse_with(
            r#"{"title": "T", "story": {"text": "Told."}, "meta": {"published": "2024-10-14"}, "people": ["Li Wei"]}"#,
            &[
                "body=story.text",
                "date=meta.published",
                "persons=people",
                "title=story.text",
            ],
        );
        assert_eq!(parsed.article.body, "Told.");
        assert_eq!(parsed.article.title, "Told.");
        assert_eq!(parsed.article.date.as_deref(), Some("2024-10-14"));
        assert_eq!(parsed.article.given[Kind::Person], vec!["Li Wei"]);
    }

    #[test]
    fn a_long_text_under_an_unknown_key_is_named_when_the_body_is_empty() {
        let long = "word ".repeat(60);
        let line = format!(r#"{{"title": "T", "payload": {{"story_html": "{long}"}}}}"#);
        let parsed = super::parse_line(&line, &FieldMap::default()).unwrap();
        assert_eq!(
            parsed.unread_text.unwrap(),
            "the body is empty but key \"payload.story_html\" holds a long text newsdex does not read: pass --field body=payload.story_html to index it (said once per file)"
        );
        let read = parse_with(&line, &["body=payload.story_html"]);
        assert_eq!(read.unread_text, None);
        assert_eq!(read.article.body, long);
        let with_body = format!(r#"{{"title": "T", "body": "B", "notes": "{long}"}}"#);
        assert_eq!(parse_with(&with_body, &[]).unread_text, None);
        let only_text = format!(r#"{{"tale": "{long}"}}"#);
        assert!(
            parse_line(&only_text)
                .unwrap_err()
                .contains("pass --field body=tale")
        );
    }
}
