//! Exported documents: one stored index document written as one JSON line,
//! with the names and value kinds of [`super::fields::EXPORT_FIELDS`].
//!
//! A document lists its fields in table order. Dates are RFC 3339 in UTC
//! (`2024-10-14T06:00:00Z`); multi-valued fields are arrays, empty when the
//! article has no value; single-valued fields without a value (`date`,
//! `source`, `url`, `author`) are left out rather than written as null.
//!
//! Persons, organizations and locations are named as the index's facets
//! count them: each alias as the value it stands for
//! ([`crate::index::aliases`]).
//!
//! For Elasticsearch each document is preceded by its `_bulk` action line,
//! `{"index":{"_index":"newsdex","_id":"<id>"}}`, so that loading a file
//! again replaces documents instead of duplicating them.

use std::io::Write;

use chrono::SecondsFormat;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, Value};

use super::INDEX_NAME;
use super::fields::{EXPORT_FIELDS, ExportKind, Handle};
use crate::dates;
use crate::index::aliases::Aliases;
use crate::index::stored::stored_year;
use crate::schema::Fields;

/// A stored document seen through the export table; serializes as the
/// exported JSON object.
pub struct ExportedDocument<'a> {
    /// The stored document.
    document: &'a TantivyDocument,
    /// The index fields, to find each exported field's values.
    fields: &'a Fields,
    /// The index's aliases, which name persons, organizations and
    /// locations as the facets count them.
    aliases: Option<&'a Aliases>,
}

impl<'a> ExportedDocument<'a> {
    /// Wraps a stored document of an index with the given fields.
    pub fn new(document: &'a TantivyDocument, fields: &'a Fields) -> ExportedDocument<'a> {
        ExportedDocument {
            document,
            fields,
            aliases: None,
        }
    }

    /// Names the document's persons, organizations and locations as the
    /// index's facets count them (each alias as the value it stands for),
    /// so that the target's aggregations agree with newsdex's facets.
    pub fn with_aliases(self, aliases: &'a Aliases) -> ExportedDocument<'a> {
        ExportedDocument {
            aliases: Some(aliases),
            ..self
        }
    }

    /// Returns the article id, when the document has one.
    pub fn id(&self) -> Option<&'a str> {
        first_text(self.document, self.fields.id)
    }

    /// Returns the date in RFC 3339 UTC, when the document has one.
    pub fn date(&self) -> Option<String> {
        let stored = self.document.get_first(self.fields.date)?.as_datetime()?;
        let date = dates::from_index_date(stored)?;
        Some(date.to_rfc3339_opts(SecondsFormat::Secs, true))
    }
}

impl Serialize for ExportedDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for exported in EXPORT_FIELDS.iter() {
            let field = exported.field(self.fields);
            match exported.kind {
                ExportKind::Date => {
                    if let Some(date) = self.date() {
                        map.serialize_entry(exported.export_name, &date)?;
                    }
                }
                ExportKind::Id | ExportKind::Text | ExportKind::Keyword => {
                    if let Some(text) = first_text(self.document, field) {
                        map.serialize_entry(exported.export_name, text)?;
                    }
                }
                ExportKind::KeywordList => {
                    let values = all_texts(self.document, field);
                    match (exported.handle, self.aliases) {
                        (Handle::Kind(kind), Some(aliases)) => {
                            let year = stored_year(self.document, self.fields.date);
                            let owned = values.into_iter().map(str::to_string).collect();
                            let canonical = aliases.canonical(kind, owned, year);
                            map.serialize_entry(exported.export_name, &canonical)?;
                        }
                        _ => map.serialize_entry(exported.export_name, &values)?,
                    }
                }
            }
        }
        map.end()
    }
}

/// The `_bulk` action line that indexes (creates or replaces) a document.
#[derive(Serialize)]
struct BulkAction<'a> {
    index: BulkTarget<'a>,
}

/// The index and id a `_bulk` action names.
#[derive(Serialize)]
struct BulkTarget<'a> {
    #[serde(rename = "_index")]
    index: &'a str,
    /// Left out when the document has no id, so Elasticsearch makes one.
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
}

/// Appends a document as one JSON line ending with a newline.
pub fn write_document_line(
    buffer: &mut Vec<u8>,
    document: &ExportedDocument<'_>,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *buffer, document)?;
    buffer.write_all(b"\n")
}

/// Appends a document's `_bulk` action line, then its document line.
pub fn write_bulk_lines(
    buffer: &mut Vec<u8>,
    document: &ExportedDocument<'_>,
) -> std::io::Result<()> {
    let action = BulkAction {
        index: BulkTarget {
            index: INDEX_NAME,
            id: document.id(),
        },
    };
    serde_json::to_writer(&mut *buffer, &action)?;
    buffer.write_all(b"\n")?;
    write_document_line(buffer, document)
}

/// Returns the first text value of a field, if any.
fn first_text(document: &TantivyDocument, field: Field) -> Option<&str> {
    document.get_first(field).and_then(|value| value.as_str())
}

/// Returns every text value of a field, in stored order.
fn all_texts(document: &TantivyDocument, field: Field) -> Vec<&str> {
    let mut values = Vec::new();
    for value in document.get_all(field) {
        if let Some(text) = value.as_str() {
            values.push(text);
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Kind;
    use crate::schema::{BUILT_IN_SCHEMA, parse_schema};

    fn fields() -> Fields {
        Fields::resolve(&parse_schema(BUILT_IN_SCHEMA, "built-in").unwrap()).unwrap()
    }

    fn stored(fields: &Fields, dated: bool) -> TantivyDocument {
        let mut document = TantivyDocument::new();
        document.add_text(fields.id, "a\"1");
        if dated {
            let date = dates::parse_date("2024-10-14T06:00:00Z").unwrap();
            document.add_date(fields.date, dates::to_index_date(date));
        }
        document.add_text(fields.title, "Title");
        document.add_text(fields.dateline, "");
        document.add_text(fields.body, "Body");
        document.add_text(fields.source, "Wire");
        document.add_text(fields.kinds[Kind::Country], "RU");
        document.add_text(fields.kinds[Kind::Country], "CN");
        document
    }

    fn line_of(document: &TantivyDocument, fields: &Fields) -> String {
        let mut buffer = Vec::new();
        write_document_line(&mut buffer, &ExportedDocument::new(document, fields)).unwrap();
        String::from_utf8(buffer).unwrap()
    }

    #[test]
    fn writes_fields_in_table_order_and_leaves_out_absent_ones() {
        let fields = fields();
        let line = line_of(&stored(&fields, true), &fields);
        let expected = concat!(
            r#"{"id":"a\"1","date":"2024-10-14T06:00:00Z","title":"Title","dateline":"","#,
            r#""body":"Body","source":"Wire","persons":[],"organizations":[],"locations":[],"#,
            r#""countries":["RU","CN"],"countries_mentioned":[],"keywords":[],"language":[]}"#,
            "\n"
        );
        assert_eq!(line, expected);
        let undated = line_of(&stored(&fields, false), &fields);
        assert!(!undated.contains("\"date\""), "{undated}");
        assert!(!undated.contains("null"), "{undated}");
    }

    #[test]
    fn bulk_lines_name_the_index_and_the_id() {
        let fields = fields();
        let document = stored(&fields, true);
        let mut buffer = Vec::new();
        write_bulk_lines(&mut buffer, &ExportedDocument::new(&document, &fields)).unwrap();
        let text = String::from_utf8(buffer).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], r#"{"index":{"_index":"newsdex","_id":"a\"1"}}"#);
        assert!(lines[1].starts_with(r#"{"id":"a\"1","#), "{}", lines[1]);
        assert!(text.ends_with('\n'));
    }
}
