//! Articles with no value of a kind that has a value standing for none
//! ([`crate::kinds::KindSpec::missing`]: `und` for a language not
//! detected): the filter value that finds them ([`kind_match`]), and how
//! many articles a filter of that kind left out for having none
//! ([`left_out_for_missing`]), which `query` says on stderr.

use tantivy::collector::Count;
use tantivy::query::{AllQuery, BooleanQuery, ExistsQuery, Occur, Query};

use super::aliased::aliased_match;
use super::persons::person_match;
use super::{SearchRequest, build_query, exact_match};
use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::aliases::MERGED_KINDS;
use crate::kinds::Kind;

/// The articles a filter left out because they have no value of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The kind filtered on.
    pub kind: Kind,
    /// The value that stands for none (`und`).
    pub missing: &'static str,
    /// How many articles the request would match without the filter of
    /// that kind and have no value of it.
    pub count: u64,
}

/// The query of one filter value of a kind: the articles with that value,
/// and also those with none when the value is the one standing for none
/// (`--language und`).
pub(crate) fn kind_match(open: &OpenIndex, kind: Kind, value: &str) -> Result<Box<dyn Query>> {
    if kind == Kind::Person {
        return person_match(open, value);
    }
    if MERGED_KINDS.contains(&kind) {
        return aliased_match(open, kind, value);
    }
    let field = open.fields.kinds[kind];
    let exact = exact_match(&open.index, field, value)?;
    if !stands_for_none(kind, value) {
        return Ok(exact);
    }
    Ok(Box::new(BooleanQuery::union(vec![
        exact,
        without_values(kind.field()),
    ])))
}

/// The articles with no value in a fast field (`language`, `date`).
pub(crate) fn without_values(field: &str) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
        (Occur::MustNot, Box::new(exists(field))),
    ]))
}

/// Tells whether a filter value is the one standing for no value of its
/// kind.
fn stands_for_none(kind: Kind, value: &str) -> bool {
    let Some(missing) = kind.spec().missing else {
        return false;
    };
    kind.normalise(value).as_deref() == Some(missing)
}

/// The articles that have a value in a fast field.
fn exists(field: &str) -> ExistsQuery {
    ExistsQuery::new(field.to_string(), false)
}

/// Counts, for each kind filtered on that has a value standing for none,
/// the articles its filter left out for having no value of it: those the
/// request matches without that filter and with no value. A filter that
/// asks for the value standing for none leaves none out.
pub fn left_out_for_missing(open: &OpenIndex, request: &SearchRequest) -> Result<Vec<LeftOut>> {
    let mut left_out = Vec::new();
    // Opened once, at the first kind that asks to count.
    let mut searcher = None;
    for kind in Kind::ALL {
        let Some(missing) = kind.spec().missing else {
            continue;
        };
        let values = &request.filters.by_kind[kind];
        let asks_for_none = values.iter().any(|value| stands_for_none(kind, value));
        if values.is_empty() || asks_for_none {
            continue;
        }
        let mut without_filter = request.clone();
        without_filter.filters.by_kind[kind].clear();
        let others = build_query(open, &without_filter)?;
        let with_none = BooleanQuery::new(vec![
            (Occur::Must, others),
            (Occur::MustNot, Box::new(exists(kind.field()))),
        ]);
        let fail = |error| Error::index(&open.path, error);
        let searcher = match &mut searcher {
            Some(searcher) => searcher,
            slot => slot.insert(open.searcher()?),
        };
        let count = searcher.search(&with_none, &Count).map_err(fail)?;
        if count > 0 {
            left_out.push(LeftOut {
                kind,
                missing,
                count: count as u64,
            });
        }
    }
    Ok(left_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::query::Filters;

    fn corpus() -> OpenIndex {
        let english = Entities::default().with(Kind::Language, &["en"]);
        index_of(&[
            article("en-1", "2024-01-01", "Oil output", "Oil.", english.clone()),
            article("en-2", "2024-01-02", "Oil price", "Oil.", english),
            article(
                "none-1",
                "2024-01-03",
                "Oil table",
                "Oil 1,234",
                Entities::default(),
            ),
            article(
                "none-2",
                "2024-01-04",
                "Gas table",
                "Gas 5,678",
                Entities::default(),
            ),
        ])
    }

    fn request(query: &str, languages: &[&str]) -> SearchRequest {
        SearchRequest {
            query: query.to_string(),
            filters: Filters {
                by_kind: Entities::default().with(Kind::Language, languages),
                ..Filters::default()
            },
            ..SearchRequest::default()
        }
    }

    fn count(open: &OpenIndex, request: &SearchRequest) -> usize {
        let query = build_query(open, request).unwrap();
        let searcher = open.index.reader().unwrap().searcher();
        searcher.search(&query, &Count).unwrap()
    }

    #[test]
    fn und_finds_the_articles_without_a_language() {
        let open = corpus();
        assert_eq!(count(&open, &request("oil", &["und"])), 1);
        assert_eq!(count(&open, &request("", &["UND"])), 2);
        assert_eq!(count(&open, &request("oil", &["en"])), 2);
    }

    #[test]
    fn a_language_filter_says_how_many_articles_without_one_it_left_out() {
        let open = corpus();
        assert_eq!(
            left_out_for_missing(&open, &request("oil", &["en"])).unwrap(),
            [LeftOut {
                kind: Kind::Language,
                missing: "und",
                count: 1
            }]
        );
        assert!(
            left_out_for_missing(&open, &request("oil", &["und"]))
                .unwrap()
                .is_empty()
        );
        assert!(
            left_out_for_missing(&open, &request("oil", &[]))
                .unwrap()
                .is_empty()
        );
        assert!(
            left_out_for_missing(&open, &request("price", &["en"]))
                .unwrap()
                .is_empty()
        );
    }
}
