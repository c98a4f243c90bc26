//! The merges of values an index applies (`newsdex aliases`): each alias
//! with its kind, the value it is counted as, the years it stands for it,
//! how many articles write it in those years and how many write the name,
//! and whether the index learned it or the aliases file says so.

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query};

use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::aliases::{AliasOrigin, articles_per_value};
use crate::kinds::PerKind;
use crate::query::exact_match;
use crate::query::persons::alias_dates;

/// One merge, as `newsdex aliases --json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AliasListing {
    /// The kind of both values, by its field name (`person`,
    /// `organization`, `location`).
    pub kind: &'static str,
    /// The value counted as another (`Reagan`, `USDA`).
    pub alias: String,
    /// The value it is counted as (`Ronald Reagan`, `U.S. Agriculture
    /// Department`).
    pub name: String,
    /// The first year it stands for the name.
    pub first_year: i32,
    /// The last year.
    pub last_year: i32,
    /// How many articles of those years write the alias, as written.
    pub alias_articles: usize,
    /// How many articles write the name, as written.
    pub name_articles: usize,
    /// `learned` (worked out when an ingest ended) or `file` (the index
    /// folder's aliases file).
    pub origin: AliasOrigin,
    /// Whether it stands for the name in the undated articles only (then
    /// the years say nothing); written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub undated: bool,
    /// Whether the value is hidden from every count, the title of a work
    /// (its name is then empty); written only when true.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// Lists the merges of an index's values, by kind then alias.
pub fn list_aliases(open: &OpenIndex) -> Result<Vec<AliasListing>> {
    let fail = |error| Error::index(&open.path, error);
    let searcher = open.searcher()?;
    let mut written: PerKind<Option<HashMap<String, u32>>> = PerKind::default();
    let mut listed = Vec::with_capacity(open.aliases.aliases.len());
    for alias in &open.aliases.aliases {
        let counts = match &mut written[alias.kind] {
            Some(counts) => counts,
            slot => slot.insert(articles_per_value(&searcher, alias.kind.field()).map_err(fail)?),
        };
        let articles_writing = |value: &str| counts.get(value).copied().unwrap_or(0) as usize;
        let name_articles = articles_writing(&alias.name);
        let alias_articles = match alias.is_always() {
            true => articles_writing(&alias.alias),
            // A surname stands for a full name in some years only.
            false => {
                let field = open.fields.kinds[alias.kind];
                let alias_alone = exact_match(&open.index, field, &alias.alias)?;
                let years = alias_dates(open.fields.date, alias);
                let in_years: Box<dyn Query> =
                    Box::new(BooleanQuery::intersection(vec![alias_alone, years]));
                searcher.search(&*in_years, &Count).map_err(fail)?
            }
        };
        listed.push(AliasListing {
            kind: alias.kind.field(),
            alias: alias.alias.clone(),
            name: alias.name.clone(),
            first_year: alias.first_year,
            last_year: alias.last_year,
            alias_articles,
            name_articles,
            origin: alias.origin,
            undated: alias.undated,
            hidden: alias.hides(),
        });
    }
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::article::Entities;
    use crate::index::aliases::Aliases;
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;

    #[test]
    fn lists_each_merge_with_its_articles() {
        let mut articles = Vec::new();
        for (id, day, person) in [
            ("a", "01", "Ronald Reagan"),
            ("b", "02", "Ronald Reagan"),
            ("c", "03", "Ronald Reagan"),
            ("d", "04", "Reagan"),
            ("e", "05", "Reagan"),
        ] {
            let date = format!("1987-03-{day}");
            let entities = Entities::default().with(Kind::Person, &[person]);
            articles.push(article(id, &date, "Budget", "Budget.", entities));
        }
        let open = index_of(&articles);
        let learned = Aliases::compute(&open.index.reader().unwrap().searcher()).unwrap();
        let open = OpenIndex {
            aliases: Arc::new(learned),
            ..open
        };
        assert_eq!(
            list_aliases(&open).unwrap(),
            vec![AliasListing {
                kind: "person",
                alias: "Reagan".into(),
                name: "Ronald Reagan".into(),
                first_year: 1987,
                last_year: 1987,
                alias_articles: 2,
                name_articles: 3,
                origin: AliasOrigin::Learned,
                undated: false,
                hidden: false,
            }]
        );
    }
}
