//! Envelopes: the JSON documents that news APIs and search engines return,
//! which hold the articles in an array under a well-known key rather than
//! being articles themselves.
//!
//! | producer | shape |
//! |---|---|
//! | NewsAPI, GDELT DOC API | `{"status": "ok", "articles": [...]}` |
//! | JSON Feed, many APIs | `{"items": [...]}`, `{"data": [...]}`, `{"results": [...]}` |
//! | Solr | `{"response": {"docs": [...]}}` |
//! | Elasticsearch, OpenSearch | `{"hits": {"hits": [{"_id": ..., "_source": {...}}]}}` |
//! | schema.org JSON-LD | `{"@graph": [...]}` |
//!
//! The keys tried are [`ENVELOPE_KEYS`], at most [`MAX_DEPTH`] objects
//! deep. An object is an envelope when such a key holds an array whose
//! first item is an object, or an empty array and the object has no
//! article key of its own. A string `title` of the envelope (a feed's
//! name) becomes the source of the items that have none.
//!
//! Each item is parsed on its own and located by the line it starts on,
//! so a bad item is reported and the others are read.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::fields::{Field, FieldMap, lookup_key};
use super::json::{Parsed, parse_item};

/// The keys under which envelopes hold their articles, tried in order.
pub const ENVELOPE_KEYS: &[&str] = &[
    "articles", "items", "data", "results", "docs", "hits", "response", "records", "entries",
    "stories", "news", "posts", "@graph",
];

/// How many objects deep the array of articles may be (`hits.hits`).
pub const MAX_DEPTH: usize = 3;

/// One article of an envelope: its position, its line, and what reading
/// it gave.
#[derive(Debug)]
pub struct EnvelopeItem {
    /// The item's position in the array, from 1.
    pub number: u64,
    /// The line of the file the item starts on.
    pub line: u64,
    /// The article, or why it was refused.
    pub parsed: Result<Parsed, String>,
}

type Object<'a> = BTreeMap<String, &'a RawValue>;

/// Reads `text`, a JSON object starting on line `first_line` of its file,
/// as an envelope: the articles of its array, or `None` when it is not an
/// envelope (an article, or not valid JSON: the caller reads it as one
/// article and reports why).
pub fn read_envelope(text: &str, first_line: u64, fields: &FieldMap) -> Option<Vec<EnvelopeItem>> {
    let object: Object = serde_json::from_str(text).ok()?;
    let feed_title = object
        .get("title")
        .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok());
    let items = find_articles(&object, 1)?;
    let mut read = Vec::with_capacity(items.len());
    let mut line = first_line;
    let mut counted_up_to = 0;
    for (index, item) in items.into_iter().enumerate() {
        let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
        line += text[counted_up_to..offset].matches('\n').count() as u64;
        counted_up_to = offset;
        let mut parsed = parse_item(item.get(), line, fields);
        if let (Ok(parsed), Some(title)) = (&mut parsed, &feed_title) {
            parsed.article.source.get_or_insert_with(|| title.clone());
        }
        read.push(EnvelopeItem {
            number: index as u64 + 1,
            line,
            parsed,
        });
    }
    Some(read)
}

/// Finds the array of articles of an envelope, `depth` objects deep.
fn find_articles<'a>(object: &Object<'a>, depth: usize) -> Option<Vec<&'a RawValue>> {
    let has_article_keys = object.keys().any(|key| {
        lookup_key(key)
            .is_some_and(|meaning| matches!(meaning.field, Field::Id | Field::Title | Field::Body))
    });
    for envelope_key in ENVELOPE_KEYS {
        let Some(raw) = find_key(object, envelope_key) else {
            continue;
        };
        let value = raw.get().trim_start();
        if value.starts_with('[') {
            let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
                continue;
            };
            let first_is_object = items
                .first()
                .is_some_and(|item| item.get().trim_start().starts_with('{'));
            if first_is_object || (items.is_empty() && !has_article_keys) {
                return Some(items);
            }
        } else if value.starts_with('{') && depth < MAX_DEPTH {
            let Ok(inner) = serde_json::from_str::<Object>(raw.get()) else {
                continue;
            };
            if let Some(items) = find_articles(&inner, depth + 1) {
                return Some(items);
            }
        }
    }
    None
}

fn find_key<'a>(object: &Object<'a>, key: &str) -> Option<&'a RawValue> {
    if let Some(raw) = object.get(key) {
        return Some(raw);
    }
    object
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|(_, raw)| *raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_and_lines(text: &str) -> Option<Vec<(u64, Result<String, String>)>> {
        let items = read_envelope(text, 1, &FieldMap::default())?;
        Some(
            items
                .into_iter()
                .map(|item| (item.line, item.parsed.map(|parsed| parsed.article.title)))
                .collect(),
        )
    }

    #[test]
    fn newsapi_responses_give_their_articles_with_lines() {
        let response = "{\"status\": \"ok\", \"totalResults\": 2,\n \"articles\": [\n  {\"title\": \"A\"},\n  {\"title\": \"B\"}\n]}";
        assert_eq!(
            titles_and_lines(response).unwrap(),
            vec![(3, Ok("A".to_string())), (4, Ok("B".to_string()))]
        );
        assert_eq!(
            titles_and_lines(r#"{"status": "ok", "articles": []}"#),
            Some(vec![])
        );
    }

    #[test]
    fn search_engine_hits_are_found_two_levels_down() {
        let response = r#"{"took": 3, "hits": {"total": {"value": 1}, "hits": [
            {"_index": "news", "_id": "n-1", "_score": 1.0, "_source": {"headline": "Found"}}]}}"#;
        let items = read_envelope(response, 1, &FieldMap::default()).unwrap();
        let article = &items[0].parsed.as_ref().unwrap().article;
        assert_eq!(article.title, "Found");
        assert_eq!(article.id.as_deref(), Some("n-1"));
        assert_eq!(items[0].line, 2);
        let solr = r#"{"response": {"numFound": 1, "docs": [{"title": "S"}]}}"#;
        assert_eq!(titles_and_lines(solr).unwrap()[0].1, Ok("S".to_string()));
    }

    #[test]
    fn articles_and_other_objects_are_not_envelopes() {
        assert!(
            read_envelope(r#"{"title": "T", "tags": ["a"]}"#, 1, &FieldMap::default()).is_none()
        );
        assert!(read_envelope(r#"{"title": "T", "data": []}"#, 1, &FieldMap::default()).is_none());
        assert!(read_envelope(r#"{"title": "T""#, 1, &FieldMap::default()).is_none());
    }

    #[test]
    fn a_bad_item_is_reported_and_a_feed_title_is_the_source() {
        let feed =
            "{\"title\": \"Harbour Gazette\", \"items\": [{\"title\": \"A\"},\n{\"title\": 5}]}";
        let items = read_envelope(feed, 1, &FieldMap::default()).unwrap();
        let first = &items[0].parsed.as_ref().unwrap().article;
        assert_eq!(first.source.as_deref(), Some("Harbour Gazette"));
        assert!(
            items[1]
                .parsed
                .as_ref()
                .unwrap_err()
                .starts_with("not an article")
        );
        assert_eq!(items[1].line, 2);
    }
}
