//! The one table of exported fields: for each newsdex index field, the name
//! it has in exported documents and the kind of value it holds.
//!
//! The Quickwit index configuration, the Elasticsearch mapping and the
//! document writer all walk [`EXPORT_FIELDS`], so the three cannot drift
//! apart. A field counted by a newsdex facet ([`crate::facets`]) must be
//! aggregatable in the target, which [`ExportField::facet`] tells.

use tantivy::schema::Field;

use crate::facets::FACET_NAMES;
use crate::schema::Fields;

/// The kind of value an exported field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The article id: one exact string, always present.
    Id,
    /// The publication date, written in RFC 3339 UTC; absent when unknown.
    Date,
    /// Tokenized text searched by default (title, dateline, body).
    Text,
    /// One exact string, absent when unknown (source, url, author).
    Keyword,
    /// A list of exact strings, possibly empty (entities, countries, keywords).
    KeywordList,
}

/// One exported field: where it comes from and what it becomes.
#[derive(Debug, Clone, Copy)]
pub struct ExportField {
    /// The name of the field in the newsdex index schema.
    pub index_name: &'static str,
    /// The name of the field in exported documents and target mappings.
    pub export_name: &'static str,
    /// The kind of value it holds.
    pub kind: ExportKind,
    /// Returns the field's handle among the resolved index fields.
    pub handle: fn(&Fields) -> Field,
}

impl ExportField {
    /// Tells whether a newsdex facet counts this field, so that the target
    /// must be able to aggregate on it.
    pub fn facet(&self) -> bool {
        FACET_NAMES.contains(&self.index_name)
    }
}

/// Every exported field, in the order exported documents list them.
pub const EXPORT_FIELDS: &[ExportField] = &[
    ExportField {
        index_name: "id",
        export_name: "id",
        kind: ExportKind::Id,
        handle: |fields: &Fields| fields.id,
    },
    ExportField {
        index_name: "date",
        export_name: "date",
        kind: ExportKind::Date,
        handle: |fields: &Fields| fields.date,
    },
    ExportField {
        index_name: "title",
        export_name: "title",
        kind: ExportKind::Text,
        handle: |fields: &Fields| fields.title,
    },
    ExportField {
        index_name: "dateline",
        export_name: "dateline",
        kind: ExportKind::Text,
        handle: |fields: &Fields| fields.dateline,
    },
    ExportField {
        index_name: "body",
        export_name: "body",
        kind: ExportKind::Text,
        handle: |fields: &Fields| fields.body,
    },
    ExportField {
        index_name: "source",
        export_name: "source",
        kind: ExportKind::Keyword,
        handle: |fields: &Fields| fields.source,
    },
    ExportField {
        index_name: "url",
        export_name: "url",
        kind: ExportKind::Keyword,
        handle: |fields: &Fields| fields.url,
    },
    ExportField {
        index_name: "author",
        export_name: "author",
        kind: ExportKind::Keyword,
        handle: |fields: &Fields| fields.author,
    },
    ExportField {
        index_name: "person",
        export_name: "persons",
        kind: ExportKind::KeywordList,
        handle: |fields: &Fields| fields.person,
    },
    ExportField {
        index_name: "organization",
        export_name: "organizations",
        kind: ExportKind::KeywordList,
        handle: |fields: &Fields| fields.organization,
    },
    ExportField {
        index_name: "location",
        export_name: "locations",
        kind: ExportKind::KeywordList,
        handle: |fields: &Fields| fields.location,
    },
    ExportField {
        index_name: "country",
        export_name: "countries",
        kind: ExportKind::KeywordList,
        handle: |fields: &Fields| fields.country,
    },
    ExportField {
        index_name: "country_mentioned",
        export_name: "countries_mentioned",
        kind: ExportKind::KeywordList,
        handle: |fields: &Fields| fields.country_mentioned,
    },
    ExportField {
        index_name: "keyword",
        export_name: "keywords",
        kind: ExportKind::KeywordList,
        handle: |fields: &Fields| fields.keyword,
    },
];

/// Finds the exported field of an index field name, or `None`.
pub fn find_by_index_name(index_name: &str) -> Option<&'static ExportField> {
    EXPORT_FIELDS
        .iter()
        .find(|field| field.index_name == index_name)
}

/// Returns the exported fields of one kind, in table order.
pub fn of_kind(kind: ExportKind) -> Vec<&'static ExportField> {
    let mut matching = Vec::new();
    for field in EXPORT_FIELDS {
        if field.kind == kind {
            matching.push(field);
        }
    }
    matching
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{BUILT_IN_SCHEMA, parse_schema};

    #[test]
    fn every_stored_field_of_the_built_in_schema_is_exported() {
        let schema = parse_schema(BUILT_IN_SCHEMA, "built-in").unwrap();
        let fields = Fields::resolve(&schema).unwrap();
        let stored = schema.fields().filter(|(_, entry)| entry.is_stored());
        for (field, entry) in stored {
            let exported = find_by_index_name(entry.name())
                .unwrap_or_else(|| panic!("field `{}` is not exported", entry.name()));
            assert_eq!((exported.handle)(&fields), field, "{}", entry.name());
        }
        assert_eq!(EXPORT_FIELDS.len(), schema.fields().count() - 1);
        assert!(find_by_index_name("fingerprint").is_none());
    }

    #[test]
    fn every_field_facet_counts_an_exported_field() {
        for name in FACET_NAMES {
            if name.starts_with("date:") {
                continue;
            }
            let exported = find_by_index_name(name)
                .unwrap_or_else(|| panic!("facet `{name}` counts no exported field"));
            assert!(exported.facet());
        }
        assert!(!find_by_index_name("url").unwrap().facet());
    }

    #[test]
    fn export_names_are_unique() {
        let mut names = std::collections::HashSet::new();
        for field in EXPORT_FIELDS {
            assert!(names.insert(field.export_name), "{}", field.export_name);
        }
    }

    #[test]
    fn lists_the_fields_of_a_kind_in_table_order() {
        let names: Vec<&str> = of_kind(ExportKind::Text)
            .iter()
            .map(|field| field.export_name)
            .collect();
        assert_eq!(names, ["title", "dateline", "body"]);
    }
}
