//! Querying: turns a [`SearchRequest`] (query text, filters, facets, sort,
//! page) into a tantivy query, and runs it through [`collect`].
//!
//! The query text uses tantivy's syntax over title, dateline and body
//! (terms, "phrases", AND/OR/NOT, +/-, field:value, ranges); words without
//! an operator must all match. An empty query or `*` matches every article.
//! Filters are exact matches on the entity fields, ANDed with each other and
//! with the query. A filter value goes through the tokenizer the index has
//! for its field, so it matches as the field was indexed: any case on a
//! `lowercase` field (the built-in schema's names, keywords and source),
//! exactly on a `raw` one (its country codes). A `--person` value that no
//! person has exactly matches the persons whose name ends with its words
//! (`Bakare` finds `Tunde Bakare`); [`person_endings`] tells the caller so.
//! `--language und` finds the articles with no language, and
//! [`missing::left_out_for_missing`] counts those another language left
//! out.
//! A `date:` range in the query text may give days, months and years as
//! `--from` and `--to` take them ([`dates::rewrite_date_ranges`]).
//!
//! [`request`] builds the request from the values the user typed,
//! checking each.

mod aliased;
pub mod collect;
pub mod missing;
pub mod pairs;
pub mod persons;
pub mod request;
pub mod select;

use std::ops::Bound;

use chrono::{DateTime, Utc};
use tantivy::query::{
    AllQuery, BooleanQuery, EmptyQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Index, Term};

use crate::article::Entities;
use crate::dates;
use crate::error::{Error, Result};
use crate::facets::Facet;
use crate::index::OpenIndex;
use crate::kinds::Kind;
pub use persons::{PersonEnding, person_endings};
pub use request::{
    FilterOptions, SearchOptions, build_filtered_request, build_filters, build_search_request,
};

/// The order of the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Oldest first; undated articles last.
    Date,
    /// Newest first; undated articles last.
    DateDescending,
}

impl Sort {
    /// The name of each order as `--sort` and the API's `sort` take it.
    pub const NAMES: [(&'static str, Sort); 3] = [
        ("relevance", Sort::Relevance),
        ("date", Sort::Date),
        ("-date", Sort::DateDescending),
    ];

    /// Finds the order a name stands for (`relevance`, `date`, `-date`).
    pub fn from_name(name: &str) -> Option<Sort> {
        let mut found = None;
        for (known, sort) in Sort::NAMES {
            if known == name {
                found = Some(sort);
            }
        }
        found
    }
}

/// Exact-match filters, all ANDed. Values are as the user typed them,
/// except countries, which are ISO codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// The values each extracted kind must include, from the kind's flag
    /// (`--person`, `--org`, `--location`, `--country` as ISO 3166-1
    /// alpha-2 codes, `--keyword`).
    pub by_kind: Entities,
    /// `--entity`: a person, organization or location (every kind whose
    /// [`crate::kinds::KindSpec::is_name`] is set).
    pub entities: Vec<String>,
    /// `--source`
    pub sources: Vec<String>,
    /// `--from`: the first instant included.
    pub from: Option<DateTime<Utc>>,
    /// `--to`: the first instant excluded.
    pub until: Option<DateTime<Utc>>,
    /// `--tz`: the time zone the days of `--from`, `--to` and the date
    /// facets are read in; `None` for UTC.
    pub time_zone: Option<chrono_tz::Tz>,
}

/// Everything a search needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// The query text; empty or `*` for every article.
    pub query: String,
    /// The filters.
    pub filters: Filters,
    /// The facets to count over all matches.
    pub facets: Vec<Facet>,
    /// How many values non-date facets show.
    pub facet_limit: usize,
    /// How many hits to return.
    pub limit: usize,
    /// How many hits to skip.
    pub offset: usize,
    /// The order of the hits.
    pub sort: Sort,
    /// Whether near copies count once, in hits and in facets.
    pub stories: StoryOptions,
}

/// How a search treats near copies of one text ([`crate::stories`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryOptions {
    /// `--collapse`: one hit per story, its first article, with its copies.
    pub collapse: bool,
    /// `--count stories`: facets count the first article of each story only.
    pub count_stories: bool,
    /// `--collapse-window`: how long after a story's first article a copy
    /// may be dated, in seconds.
    pub window_seconds: i64,
}

impl StoryOptions {
    /// Tells whether the search must group its matches into stories.
    pub fn needed(&self) -> bool {
        self.collapse || self.count_stories
    }
}

impl Default for StoryOptions {
    fn default() -> StoryOptions {
        StoryOptions {
            collapse: false,
            count_stories: false,
            window_seconds: crate::stories::DEFAULT_WINDOW_SECONDS,
        }
    }
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            facets: Vec::new(),
            facet_limit: 10,
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            stories: StoryOptions::default(),
        }
    }
}

/// Builds the tantivy query for a request.
pub fn build_query(open: &OpenIndex, request: &SearchRequest) -> Result<Box<dyn Query>> {
    let index = &open.index;
    let fields = &open.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let text = request.query.trim();
    if !text.is_empty() && text != "*" {
        let mut parser =
            QueryParser::for_index(index, vec![fields.title, fields.dateline, fields.body]);
        parser.set_conjunction_by_default();
        let with_instants = dates::rewrite_date_ranges(text)?;
        let parsed = parser
            .parse_query(&with_instants)
            .map_err(|error| Error::Query {
                query: text.to_string(),
                reason: describe_syntax_error(text, &error.to_string()),
            })?;
        clauses.push((Occur::Must, parsed));
    }
    let filters = &request.filters;
    for kind in Kind::ALL {
        for value in &filters.by_kind[kind] {
            clauses.push((Occur::Must, missing::kind_match(open, kind, value)?));
        }
    }
    for source in &filters.sources {
        clauses.push((Occur::Must, exact_match(index, fields.source, source)?));
    }
    for entity in &filters.entities {
        let mut any_kind: Vec<Box<dyn Query>> = Vec::new();
        for kind in Kind::ALL {
            if kind.spec().is_name {
                any_kind.push(exact_match(index, fields.kinds[kind], entity)?);
                any_kind.extend(aliased::alias_matches(open, kind, entity)?);
            }
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::union(any_kind))));
    }
    if filters.from.is_some() || filters.until.is_some() {
        let bound = |date: Option<DateTime<Utc>>, make: fn(Term) -> Bound<Term>| match date {
            Some(date) => make(Term::from_field_date(
                fields.date,
                dates::to_index_date(date),
            )),
            None => Bound::Unbounded,
        };
        let range = RangeQuery::new(
            bound(filters.from, Bound::Included),
            bound(filters.until, Bound::Excluded),
        );
        clauses.push((Occur::Must, Box::new(range)));
    }
    match clauses.len() {
        0 => Ok(Box::new(AllQuery)),
        1 => Ok(clauses.pop().map(|(_, query)| query).expect("one clause")),
        _ => Ok(Box::new(BooleanQuery::new(clauses))),
    }
}

/// Says what is wrong with a query tantivy's parser refused, in the user's
/// words where it can tell: an unclosed quote or parenthesis; otherwise the
/// parser's own message.
fn describe_syntax_error(text: &str, parser_message: &str) -> String {
    let quotes = text.matches('"').count();
    if quotes % 2 == 1 {
        return "a quote is not closed: end the phrase with \"".to_string();
    }
    let opened = text.matches('(').count();
    let closed = text.matches(')').count();
    if opened != closed {
        return "the parentheses do not pair up: close each ( with a )".to_string();
    }
    parser_message.to_string()
}

/// The terms a filter value makes on a field, through the tokenizer the
/// index has for it.
pub(crate) fn field_terms(index: &Index, field: Field, value: &str) -> Result<Vec<Term>> {
    let mut analyzer = index
        .tokenizer_for_field(field)
        .map_err(|error| Error::Query {
            query: value.to_string(),
            reason: error.to_string(),
        })?;
    let mut terms = Vec::new();
    let mut tokens = analyzer.token_stream(value.trim());
    tokens.process(&mut |token| terms.push(Term::from_field_text(field, &token.text)));
    Ok(terms)
}

/// An exact-match query on a string field, its value tokenized the way the
/// index tokenizes that field: lowercased for a `lowercase` field, as typed
/// for a `raw` one. So a filter finds what the field's facet lists whatever
/// tokenizer the schema gave it. A value the tokenizer splits into several
/// terms must have them all; one it turns into none matches nothing.
pub(crate) fn exact_match(index: &Index, field: Field, value: &str) -> Result<Box<dyn Query>> {
    let terms = field_terms(index, field, value)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for term in terms {
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        clauses.push((Occur::Must, Box::new(query)));
    }
    match clauses.len() {
        0 => Ok(Box::new(EmptyQuery)),
        1 => Ok(clauses.pop().map(|(_, query)| query).expect("one clause")),
        _ => Ok(Box::new(BooleanQuery::new(clauses))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::test_index::{article, index_of, index_with_schema};
    use tantivy::collector::Count;

    fn corpus() -> crate::index::OpenIndex {
        let putin = Entities::default()
            .with(Kind::Person, &["Vladimir Putin"])
            .with(Kind::Country, &["RU"])
            .with(Kind::Keyword, &["gas exports"]);
        let opec = Entities::default()
            .with(Kind::Organization, &["OPEC"])
            .with(Kind::Location, &["Vienna"])
            .with(Kind::Country, &["AT"]);
        index_of(&[
            article(
                "a",
                "2024-10-14",
                "Putin visits Kazan",
                "Gas and oil talks.",
                putin,
            ),
            article(
                "b",
                "2023-01-02",
                "OPEC meets",
                "Oil output cut agreed in Vienna.",
                opec,
            ),
            article(
                "c",
                "2022-06-30",
                "Coffee prices",
                "Frost hits coffee crop.",
                Entities::default(),
            ),
        ])
    }

    fn count(request: &SearchRequest) -> usize {
        let open = corpus();
        let query = build_query(&open, request).unwrap();
        open.index
            .reader()
            .unwrap()
            .searcher()
            .search(&query, &Count)
            .unwrap()
    }

    fn with_query(query: &str) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    fn with_filters(filters: Filters) -> SearchRequest {
        SearchRequest {
            filters,
            ..SearchRequest::default()
        }
    }

    #[test]
    fn query_text_searches_title_and_body_with_and_by_default() {
        assert_eq!(count(&with_query("")), 3);
        assert_eq!(count(&with_query("*")), 3);
        assert_eq!(count(&with_query("oil")), 2);
        assert_eq!(count(&with_query("oil vienna")), 1);
        assert_eq!(count(&with_query("oil OR coffee")), 3);
        assert_eq!(count(&with_query("\"output cut\"")), 1);
        assert_eq!(count(&with_query("oil -opec")), 1);
    }

    #[test]
    fn entity_filters_match_exactly_and_ignore_case() {
        let person = Filters {
            by_kind: Entities::default().with(Kind::Person, &["vladimir putin"]),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(person)), 1);
        let partial = Filters {
            by_kind: Entities::default().with(Kind::Person, &["Putin"]),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(partial)), 1, "the names ending with it");
        let nobody = Filters {
            by_kind: Entities::default().with(Kind::Person, &["Vladimir"]),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(nobody)), 0);
        let entity = Filters {
            entities: vec!["opec".into()],
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(entity)), 1);
        let place = Filters {
            entities: vec!["Vienna".into()],
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(place)), 1);
        let keyword = Filters {
            by_kind: Entities::default().with(Kind::Keyword, &["Gas Exports"]),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(keyword)), 1);
        let source = Filters {
            sources: vec!["wire".into()],
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(source)), 3);
    }

    #[test]
    fn filter_values_are_tokenized_as_their_field_is() {
        let schema = crate::schema::BUILT_IN_SCHEMA
            .replace(
                r#""name": "person", "type": "string", "stored": true, "indexed": true, "fast": true, "tokenizer": "lowercase_folded""#,
                r#""name": "person", "type": "string", "stored": true, "indexed": true, "fast": true, "tokenizer": "raw""#,
            )
            .replace(
                r#""name": "country", "type": "string", "stored": true, "indexed": true, "fast": true"#,
                r#""name": "country", "type": "string", "stored": true, "indexed": true, "fast": true, "tokenizer": "lowercase""#,
            );
        assert_ne!(schema, crate::schema::BUILT_IN_SCHEMA);
        let putin = Entities::default()
            .with(Kind::Person, &["Vladimir Putin"])
            .with(Kind::Country, &["RU"]);
        let open = index_with_schema(&schema, &[article("a", "2024-10-14", "T", "B", putin)]);
        let count = |filters: Filters| {
            let query = build_query(&open, &with_filters(filters)).unwrap();
            let searcher = open.index.reader().unwrap().searcher();
            searcher.search(&query, &Count).unwrap()
        };
        let person = |name: &str| Filters {
            by_kind: Entities::default().with(Kind::Person, &[name]),
            ..Filters::default()
        };
        assert_eq!(
            count(person("Vladimir Putin")),
            1,
            "a raw field matches as written"
        );
        assert_eq!(count(person("vladimir putin")), 0, "and only as written");
        let entity = Filters {
            entities: vec!["Vladimir Putin".into()],
            ..Filters::default()
        };
        assert_eq!(count(entity), 1);
        for code in ["RU", "ru"] {
            let country = Filters {
                by_kind: Entities::default().with(Kind::Country, &[code]),
                ..Filters::default()
            };
            assert_eq!(
                count(country),
                1,
                "a lowercase field matches any case: {code}"
            );
        }
    }

    #[test]
    fn filters_are_anded() {
        let filters = Filters {
            by_kind: Entities::default()
                .with(Kind::Country, &["RU"])
                .with(Kind::Organization, &["OPEC"]),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(filters)), 0);
        let filters = Filters {
            by_kind: Entities::default().with(Kind::Country, &["AT"]),
            ..Filters::default()
        };
        assert_eq!(
            count(&SearchRequest {
                query: "oil".into(),
                ..with_filters(filters)
            }),
            1
        );
    }

    #[test]
    fn date_range_includes_both_days() {
        let day = |text| crate::dates::start_of_day(text).ok();
        let filters = Filters {
            from: day("2023-01-02"),
            until: crate::dates::end_of_day("2024-10-14").ok(),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(filters)), 2);
        let open_end = Filters {
            from: day("2024-01-01"),
            ..Filters::default()
        };
        assert_eq!(count(&with_filters(open_end)), 1);
    }

    #[test]
    fn date_ranges_take_plain_days() {
        assert_eq!(count(&with_query("date:[2023-01-02 TO 2024-10-14]")), 2);
        assert_eq!(count(&with_query("date:{2023-01-02 TO 2024-10-15}")), 1);
        assert_eq!(count(&with_query("date:{2023-01-01 TO 2024-10-15}")), 2);
    }

    #[test]
    fn an_unclosed_quote_is_named() {
        let open = corpus();
        let error = build_query(&open, &with_query("\"interest rates"))
            .err()
            .unwrap();
        assert_eq!(
            error.to_string(),
            "invalid query \"\\\"interest rates\": a quote is not closed: end the phrase with \""
        );
    }

    #[test]
    fn syntax_errors_name_the_query() {
        let open = corpus();
        let error = build_query(&open, &with_query("nosuchfield:x"))
            .err()
            .unwrap();
        assert!(
            error
                .to_string()
                .starts_with("invalid query \"nosuchfield:x\": "),
            "{error}"
        );
    }
}
