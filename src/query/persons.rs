//! `--person` matching: the name as indexed, the names the index's person
//! aliases join to it, and the names that end with its words (`Bakare`
//! finds `Tunde Bakare`; `Baker` finds `James Baker` and `Howard Baker`,
//! whom no one surname stands for), which [`person_endings`] reports, with
//! their articles, so that the binary can say so.

use std::collections::BTreeSet;
use std::ops::Bound;

use tantivy::query::{BooleanQuery, Query, RangeQuery};
use tantivy::schema::Field;
use tantivy::{Index, Term};

use super::aliased::alias_matches;
use super::missing::without_values;
use super::{Filters, exact_match, field_terms};
use crate::dates;
use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::aliases::Alias;
use crate::kinds::Kind;
use crate::schema::Fields;

/// A `--person` value and the indexed names that end with its words,
/// which it matches too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonEnding {
    /// The value as typed.
    pub typed: String,
    /// Whether some person is named exactly the value (`Baker` alone).
    pub named_exactly: bool,
    /// The person names ending with it, as written in the articles, in
    /// name order, each with how many articles name it.
    pub names: Vec<(String, u64)>,
}

/// Tells, for each `--person` value, which names ending with its words it
/// matches too, and how many articles name each; values that match no
/// such name are left out.
pub fn person_endings(open: &OpenIndex, filters: &Filters) -> Result<Vec<PersonEnding>> {
    let field = open.fields.kinds[Kind::Person];
    let fail = |error| Error::index(&open.path, error);
    let searcher = open.searcher()?;
    let articles_naming = |name: &str| -> Result<u64> {
        match single_term(&open.index, field, name)? {
            Some(term) => searcher.doc_freq(&term).map_err(fail),
            None => Ok(0),
        }
    };
    let mut endings = Vec::new();
    for typed in &filters.by_kind[Kind::Person] {
        let names = names_ending_with(open, typed)?;
        if names.is_empty() {
            continue;
        }
        let mut counted = Vec::with_capacity(names.len());
        for name in names {
            let articles = articles_naming(&name)?;
            counted.push((name, articles));
        }
        counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        endings.push(PersonEnding {
            typed: typed.trim().to_string(),
            named_exactly: articles_naming(typed.trim())? > 0,
            names: counted,
        });
    }
    Ok(endings)
}

/// The person names ending with the words of `value` (after a space),
/// except those an alias already joins to it (`Ronald Reagan` for
/// `Reagan` in 1987 is matched through the alias, with its years).
fn names_ending_with(open: &OpenIndex, value: &str) -> Result<Vec<String>> {
    let field = open.fields.kinds[Kind::Person];
    let Some(term) = single_term(&open.index, field, value)? else {
        return Ok(Vec::new());
    };
    let term_value = term.value();
    let Some(typed) = term_value.as_str() else {
        return Ok(Vec::new());
    };
    let aliased: Vec<String> = open
        .aliases
        .involving(Kind::Person, value.trim())
        .map(|alias| alias.name.to_lowercase())
        .collect();
    let fail = |error| Error::index(&open.path, error);
    let searcher = open.searcher()?;
    let ending = format!(" {}", typed.to_lowercase());
    let mut names = BTreeSet::new();
    // The fast column keeps names as written (`Pedro Sánchez`), where the
    // terms of a `lowercase` or `lowercase_folded` field are folded: each
    // name goes through the field's tokenizer before it is compared.
    let mut analyzer = open.index.tokenizer_for_field(field).map_err(fail)?;
    for segment in searcher.segment_readers() {
        let Some(column) = segment
            .fast_fields()
            .str(Kind::Person.field())
            .map_err(fail)?
        else {
            continue;
        };
        let mut stream = column
            .dictionary()
            .stream()
            .map_err(|error| fail(error.into()))?;
        while stream.advance() {
            let Ok(name) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let mut folded = String::new();
            analyzer
                .token_stream(name)
                .process(&mut |token| folded.push_str(&token.text));
            let aliased_already = aliased.contains(&name.to_lowercase());
            if folded.to_lowercase().ends_with(&ending) && !aliased_already {
                names.insert(name.to_string());
            }
        }
    }
    Ok(names.into_iter().collect())
}

/// The one term a filter value makes on a field, or `None` when the
/// field's tokenizer makes none or several.
fn single_term(index: &Index, field: Field, value: &str) -> Result<Option<Term>> {
    let mut terms = field_terms(index, field, value)?;
    match terms.len() {
        1 => Ok(terms.pop()),
        _ => Ok(None),
    }
}

/// `--person`: the name as indexed, and the names the index's person
/// aliases join to it. A full name also matches its surname written alone
/// in the years the surname stands for it (`--person "Ronald Reagan"` finds
/// the articles of 1987 that say only `Reagan`); a surname also matches the
/// full names it stands for (`--person Reagan` finds every article that
/// names him, either way). A value also matches the other names ending
/// with it ([`person_endings`]): a surname several people share is none of
/// them alone.
pub(crate) fn person_match(open: &OpenIndex, value: &str) -> Result<Box<dyn Query>> {
    let field = open.fields.kinds[Kind::Person];
    let typed = value.trim();
    let mut any = vec![exact_match(&open.index, field, typed)?];
    for name in names_ending_with(open, typed)? {
        any.push(exact_match(&open.index, field, &name)?);
    }
    any.extend(alias_matches(open, Kind::Person, typed)?);
    match any.len() {
        1 => Ok(any.pop().expect("one clause")),
        _ => Ok(Box::new(BooleanQuery::union(any))),
    }
}

/// The articles in which an alias stands for its name: those dated in its
/// years, or the undated ones for an alias of the undated articles.
pub(crate) fn alias_dates(date_field: Field, alias: &Alias) -> Box<dyn Query> {
    match alias.undated {
        true => without_values(Fields::DATE),
        false => year_range(date_field, alias.first_year, alias.last_year),
    }
}

/// Articles dated from the first day of `first_year` to the last of
/// `last_year`.
pub(crate) fn year_range(date_field: Field, first_year: i32, last_year: i32) -> Box<dyn Query> {
    let start_of = |year: i32| {
        chrono::NaiveDate::from_ymd_opt(year, 1, 1)
            .and_then(|day| day.and_hms_opt(0, 0, 0))
            .map(|time| dates::to_index_date(time.and_utc()))
    };
    let bound = |date: Option<tantivy::DateTime>, make: fn(Term) -> Bound<Term>| match date {
        Some(date) => make(Term::from_field_date(date_field, date)),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(
        bound(start_of(first_year), Bound::Included),
        bound(start_of(last_year + 1), Bound::Excluded),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::query::{SearchRequest, build_query};
    use tantivy::collector::Count;

    fn corpus() -> OpenIndex {
        let putin = Entities::default().with(Kind::Person, &["Vladimir Putin"]);
        index_of(&[article(
            "a",
            "2024-10-14",
            "Putin visits Kazan",
            "Talks.",
            putin,
        )])
    }

    fn with_filters(filters: Filters) -> SearchRequest {
        SearchRequest {
            filters,
            ..SearchRequest::default()
        }
    }

    #[test]
    fn a_person_no_one_is_named_matches_the_names_ending_with_it() {
        let open = corpus();
        let person = |name: &str| Filters {
            by_kind: Entities::default().with(Kind::Person, &[name]),
            ..Filters::default()
        };
        let query = build_query(&open, &with_filters(person("putin"))).unwrap();
        let searcher = open.index.reader().unwrap().searcher();
        assert_eq!(searcher.search(&query, &Count).unwrap(), 1);
        let endings = person_endings(&open, &person("Putin")).unwrap();
        assert_eq!(
            endings,
            vec![PersonEnding {
                typed: "Putin".into(),
                named_exactly: false,
                names: vec![("Vladimir Putin".into(), 1)],
            }]
        );
        assert!(
            person_endings(&open, &person("Vladimir Putin"))
                .unwrap()
                .is_empty(),
            "no longer name ends with a full name"
        );
        assert!(
            person_endings(&open, &person("utin")).unwrap().is_empty(),
            "whole words only"
        );
    }
}
