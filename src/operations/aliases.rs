//! The merges of person values an index applies (`newsdex aliases`): each
//! alias, the full name it is counted as, the years it stands for it, how
//! many articles name it alone in those years and how many name the full
//! name, and whether the index learned it or the aliases file says so.

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query};

use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::aliases::AliasOrigin;
use crate::kinds::Kind;
use crate::query::exact_match;
use crate::query::persons::year_range;

/// One merge, as `newsdex aliases --json` writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AliasListing {
    /// The value counted as another (`Reagan`).
    pub alias: String,
    /// The full name it is counted as (`Ronald Reagan`).
    pub name: String,
    /// The first year it stands for the name.
    pub first_year: i32,
    /// The last year.
    pub last_year: i32,
    /// How many articles of those years name the alias.
    pub alias_articles: usize,
    /// How many articles name the full name.
    pub name_articles: usize,
    /// `learned` (worked out when an ingest ended) or `file` (the index
    /// folder's aliases file).
    pub origin: AliasOrigin,
}

/// Lists the merges of an index's person values, in alias order.
pub fn list_aliases(open: &OpenIndex) -> Result<Vec<AliasListing>> {
    let fail = |error| Error::index(&open.path, error);
    let reader = open.index.reader().map_err(fail)?;
    let searcher = reader.searcher();
    let field = open.fields.kinds[Kind::Person];
    let mut listed = Vec::with_capacity(open.aliases.aliases.len());
    for alias in &open.aliases.aliases {
        let alias_alone = exact_match(&open.index, field, &alias.surname)?;
        let years = year_range(open.fields.date, alias.first_year, alias.last_year);
        let in_years: Box<dyn Query> =
            Box::new(BooleanQuery::intersection(vec![alias_alone, years]));
        let alias_articles = searcher.search(&*in_years, &Count).map_err(fail)?;
        let named = exact_match(&open.index, field, &alias.name)?;
        let name_articles = searcher.search(&*named, &Count).map_err(fail)?;
        listed.push(AliasListing {
            alias: alias.surname.clone(),
            name: alias.name.clone(),
            first_year: alias.first_year,
            last_year: alias.last_year,
            alias_articles,
            name_articles,
            origin: alias.origin,
        });
    }
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::article::Entities;
    use crate::index::aliases::PersonAliases;
    use crate::index::test_index::{article, index_of};

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
        let learned = PersonAliases::compute(
            &open.index.reader().unwrap().searcher(),
            Kind::Person.field(),
        )
        .unwrap();
        let open = OpenIndex {
            aliases: Arc::new(learned),
            ..open
        };
        assert_eq!(
            list_aliases(&open).unwrap(),
            vec![AliasListing {
                alias: "Reagan".into(),
                name: "Ronald Reagan".into(),
                first_year: 1987,
                last_year: 1987,
                alias_articles: 2,
                name_articles: 3,
                origin: AliasOrigin::Learned,
            }]
        );
    }
}
