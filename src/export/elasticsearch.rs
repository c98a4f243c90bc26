//! The Elasticsearch/OpenSearch index mapping (`mapping.json`), written from
//! the export table: `{"mappings": {"properties": {...}}}` with `keyword`
//! for the id and every exact-match field, `date` (format
//! `strict_date_optional_time`) for the date and `text` for title, dateline
//! and body. A keyword field holds one value or a list alike.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::fields::{EXPORT_FIELDS, ExportKind};

/// The name of the mapping file in the export folder.
pub const MAPPING_FILE: &str = "mapping.json";

/// The date format the mapping declares; RFC 3339 UTC dates fit it.
const DATE_FORMAT: &str = "strict_date_optional_time";

/// The body of the index creation request.
#[derive(Serialize)]
struct IndexBody {
    mappings: Mappings,
}

/// The mappings of the index.
#[derive(Serialize)]
struct Mappings {
    properties: Properties,
}

/// The field mappings, in table order.
struct Properties;

/// The mapping of one field.
#[derive(Serialize)]
struct Property {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

impl Serialize for Properties {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(EXPORT_FIELDS.len()))?;
        for field in EXPORT_FIELDS.iter() {
            map.serialize_entry(field.export_name, &property_of(field.kind))?;
        }
        map.end()
    }
}

/// Returns the Elasticsearch mapping of a kind of field.
fn property_of(kind: ExportKind) -> Property {
    match kind {
        ExportKind::Id | ExportKind::Keyword | ExportKind::KeywordList => Property {
            kind: "keyword",
            format: None,
        },
        ExportKind::Date => Property {
            kind: "date",
            format: Some(DATE_FORMAT),
        },
        ExportKind::Text => Property {
            kind: "text",
            format: None,
        },
    }
}

/// Returns the text of `mapping.json`, indented, ending with a newline.
pub fn mapping() -> String {
    let body = IndexBody {
        mappings: Mappings {
            properties: Properties,
        },
    };
    let mut text = serde_json::to_string_pretty(&body)
        .expect("the mapping has only string keys and fixed values, so it serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn parses_as_json_with_the_expected_types() {
        let parsed: Value = serde_json::from_str(&mapping()).unwrap();
        let properties = parsed["mappings"]["properties"].as_object().unwrap();
        assert_eq!(properties.len(), EXPORT_FIELDS.len());
        let type_of = |name: &str| properties[name]["type"].as_str().unwrap().to_string();
        for keyword in [
            "id",
            "source",
            "url",
            "author",
            "persons",
            "organizations",
            "locations",
            "countries",
            "countries_mentioned",
            "keywords",
        ] {
            assert_eq!(type_of(keyword), "keyword", "{keyword}");
        }
        for text in ["title", "dateline", "body"] {
            assert_eq!(type_of(text), "text", "{text}");
        }
        assert_eq!(type_of("date"), "date");
        assert_eq!(
            properties["date"]["format"].as_str(),
            Some("strict_date_optional_time")
        );
        assert!(properties["id"].get("format").is_none());
    }
}
