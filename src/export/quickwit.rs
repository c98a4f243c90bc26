//! The Quickwit index configuration (`index-config.yaml`, format version
//! 0.8), written from the export table.
//!
//! The document mapping is strict (a field outside the table is an error),
//! `date` is the timestamp field, title, dateline and body are searched by
//! default with positions for phrase queries, and every field a newsdex
//! facet counts is a fast field with the raw tokenizer, so that Quickwit can
//! aggregate on it. The YAML is a fixed small shape of plain identifiers,
//! so it is written by hand without quoting.

use super::INDEX_NAME;
use super::fields::{EXPORT_FIELDS, ExportField, ExportKind, of_kind};

/// The name of the configuration file in the export folder.
pub const CONFIG_FILE: &str = "index-config.yaml";

/// The Quickwit index configuration format version written.
const CONFIG_VERSION: &str = "0.8";

/// Returns the text of `index-config.yaml`.
pub fn index_config() -> String {
    let mut yaml = String::new();
    yaml.push_str("# Quickwit index configuration written by `newsdex export`.\n");
    yaml.push_str(&format!("version: {CONFIG_VERSION}\n"));
    yaml.push_str(&format!("index_id: {INDEX_NAME}\n"));
    yaml.push_str("doc_mapping:\n");
    yaml.push_str("  mode: strict\n");
    yaml.push_str("  field_mappings:\n");
    let mut timestamp_field = None;
    for field in EXPORT_FIELDS.iter() {
        if field.kind == ExportKind::Date {
            timestamp_field = Some(field.export_name);
        }
        for line in field_mapping(field) {
            yaml.push_str(&line);
            yaml.push('\n');
        }
    }
    if let Some(name) = timestamp_field {
        yaml.push_str(&format!("  timestamp_field: {name}\n"));
    }
    yaml.push_str("search_settings:\n");
    let mut default_fields = Vec::new();
    for field in of_kind(ExportKind::Text) {
        default_fields.push(field.export_name);
    }
    yaml.push_str(&format!(
        "  default_search_fields: [{}]\n",
        default_fields.join(", ")
    ));
    yaml
}

/// Returns the lines of one `field_mappings` entry, indented for the list.
fn field_mapping(field: &ExportField) -> Vec<String> {
    let mut keys: Vec<(&str, &str)> = vec![("name", field.export_name)];
    match field.kind {
        ExportKind::Id => {
            keys.extend([("type", "text"), ("tokenizer", "raw"), ("fast", "true")]);
        }
        ExportKind::Date => {
            keys.extend([
                ("type", "datetime"),
                ("input_formats", "[rfc3339]"),
                ("fast_precision", "seconds"),
                ("fast", "true"),
            ]);
        }
        ExportKind::Text => {
            keys.extend([
                ("type", "text"),
                ("tokenizer", "default"),
                ("record", "position"),
            ]);
        }
        ExportKind::Keyword | ExportKind::KeywordList => {
            let kind = if field.kind == ExportKind::Keyword {
                "text"
            } else {
                "array<text>"
            };
            keys.extend([("type", kind), ("tokenizer", "raw")]);
            if field.facet() {
                keys.push(("fast", "true"));
            }
        }
    }
    let mut lines = Vec::new();
    for (position, (key, value)) in keys.into_iter().enumerate() {
        let lead = if position == 0 { "    - " } else { "      " };
        lines.push(format!("{lead}{key}: {value}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Returns the lines of the entry of one field, without indentation.
    fn entry_of(yaml: &str, name: &str) -> Vec<String> {
        let mut entry = Vec::new();
        let mut inside = false;
        for line in yaml.lines() {
            if line.starts_with("    - ") {
                inside = line == format!("    - name: {name}");
            } else if !line.starts_with("      ") {
                inside = false;
            }
            if inside {
                entry.push(line.trim_start_matches([' ', '-']).to_string());
            }
        }
        entry
    }

    #[test]
    fn writes_the_documented_top_level_keys() {
        let yaml = index_config();
        let lines: Vec<&str> = yaml.lines().collect();
        for required in [
            "version: 0.8",
            "index_id: newsdex",
            "doc_mapping:",
            "  mode: strict",
            "  field_mappings:",
            "  timestamp_field: date",
            "search_settings:",
            "  default_search_fields: [title, dateline, body]",
        ] {
            assert!(lines.contains(&required), "missing {required:?} in\n{yaml}");
        }
    }

    #[test]
    fn maps_each_kind_of_field() {
        let yaml = index_config();
        assert_eq!(
            entry_of(&yaml, "id"),
            ["name: id", "type: text", "tokenizer: raw", "fast: true"]
        );
        assert_eq!(
            entry_of(&yaml, "date"),
            [
                "name: date",
                "type: datetime",
                "input_formats: [rfc3339]",
                "fast_precision: seconds",
                "fast: true"
            ]
        );
        for text in ["title", "dateline", "body"] {
            let entry = entry_of(&yaml, text);
            assert!(entry.contains(&"type: text".to_string()), "{entry:?}");
            assert!(entry.contains(&"record: position".to_string()), "{entry:?}");
        }
        for list in [
            "persons",
            "organizations",
            "locations",
            "countries",
            "countries_mentioned",
            "keywords",
        ] {
            let expected = [
                format!("name: {list}"),
                "type: array<text>".to_string(),
                "tokenizer: raw".to_string(),
                "fast: true".to_string(),
            ];
            assert_eq!(entry_of(&yaml, list), expected);
        }
        assert_eq!(
            entry_of(&yaml, "source"),
            ["name: source", "type: text", "tokenizer: raw", "fast: true"]
        );
        for single in ["url", "author"] {
            let expected = [
                format!("name: {single}"),
                "type: text".to_string(),
                "tokenizer: raw".to_string(),
            ];
            assert_eq!(entry_of(&yaml, single), expected);
        }
    }

    #[test]
    fn lists_every_exported_field_once() {
        let yaml = index_config();
        for field in EXPORT_FIELDS.iter() {
            let name_line = format!("    - name: {}", field.export_name);
            let occurrences = yaml.lines().filter(|line| *line == name_line).count();
            assert_eq!(occurrences, 1, "{}", field.export_name);
        }
    }
}
