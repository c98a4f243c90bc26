//! The one table of exported fields: for each newsdex index field, the name
//! it has in exported documents and the kind of value it holds. The fields
//! of the extracted kinds, and their exported names, come from
//! [`crate::kinds`].
//!
//! The Quickwit index configuration, the Elasticsearch mapping and the
//! document writer all walk [`EXPORT_FIELDS`], so the three cannot drift
//! apart. A field counted by a newsdex facet ([`crate::facets`]) must be
//! aggregatable in the target, which [`ExportField::facet`] tells.

use std::sync::LazyLock;

use tantivy::schema::Field;

use crate::facets::FACET_NAMES;
use crate::kinds::Kind;
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

/// Where an exported field's values are in the index.
#[derive(Debug, Clone, Copy)]
pub enum Handle {
    /// A field of every article, found among the resolved index fields.
    Article(fn(&Fields) -> Field),
    /// The field of an extracted kind.
    Kind(Kind),
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
    /// Where its values are in the index.
    pub handle: Handle,
}

impl ExportField {
    /// Tells whether a newsdex facet counts this field, so that the target
    /// must be able to aggregate on it.
    pub fn facet(&self) -> bool {
        FACET_NAMES.contains(&self.index_name)
    }

    /// Returns the field's handle among the resolved index fields.
    pub fn field(&self, fields: &Fields) -> Field {
        match self.handle {
            Handle::Article(get) => get(fields),
            Handle::Kind(kind) => fields.kinds[kind],
        }
    }
}

/// Describes a field of every article, exported under its own name.
const fn article_field(
    name: &'static str,
    kind: ExportKind,
    get: fn(&Fields) -> Field,
) -> ExportField {
    ExportField {
        index_name: name,
        export_name: name,
        kind,
        handle: Handle::Article(get),
    }
}

/// The fields of every article, before the extracted kinds.
const ARTICLE_FIELDS: [ExportField; 8] = [
    article_field(Fields::ID, ExportKind::Id, |fields| fields.id),
    article_field(Fields::DATE, ExportKind::Date, |fields| fields.date),
    article_field(Fields::TITLE, ExportKind::Text, |fields| fields.title),
    article_field(Fields::DATELINE, ExportKind::Text, |fields| fields.dateline),
    article_field(Fields::BODY, ExportKind::Text, |fields| fields.body),
    article_field(Fields::SOURCE, ExportKind::Keyword, |fields| fields.source),
    article_field(Fields::URL, ExportKind::Keyword, |fields| fields.url),
    article_field(Fields::AUTHOR, ExportKind::Keyword, |fields| fields.author),
];

/// Every exported field, in the order exported documents list them: the
/// article fields, then one list per extracted kind, named by its key, in
/// [`Kind::ALL`] order.
pub static EXPORT_FIELDS: LazyLock<Vec<ExportField>> = LazyLock::new(|| {
    let mut exported = ARTICLE_FIELDS.to_vec();
    for kind in Kind::ALL {
        exported.push(ExportField {
            index_name: kind.field(),
            export_name: kind.key(),
            kind: ExportKind::KeywordList,
            handle: Handle::Kind(kind),
        });
    }
    exported
});

/// Finds the exported field of an index field name, or `None`.
pub fn find_by_index_name(index_name: &str) -> Option<&'static ExportField> {
    EXPORT_FIELDS
        .iter()
        .find(|field| field.index_name == index_name)
}

/// Returns the exported fields of one kind, in table order.
pub fn of_kind(kind: ExportKind) -> Vec<&'static ExportField> {
    let mut matching = Vec::new();
    for field in EXPORT_FIELDS.iter() {
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
            assert_eq!(exported.field(&fields), field, "{}", entry.name());
        }
        let internal = [
            Fields::FINGERPRINT,
            Fields::MINHASH,
            Fields::SHORT_FORM,
            Fields::WORK,
        ];
        assert_eq!(
            EXPORT_FIELDS.len(),
            schema.fields().count() - internal.len()
        );
        for name in internal {
            assert!(find_by_index_name(name).is_none(), "{name}");
        }
    }

    #[test]
    fn every_field_facet_counts_an_exported_field() {
        for name in FACET_NAMES.iter() {
            if name.starts_with("date:") || name.starts_with("significant:") {
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
        for field in EXPORT_FIELDS.iter() {
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
