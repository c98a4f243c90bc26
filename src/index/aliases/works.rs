//! Titles across the index: a work the tagger reads as a person, an
//! organization or a place (`Million Dollar Baby`, `The Aviator`) is
//! named as a work by the words around it in some articles only (`the
//! boxing drama Million Dollar Baby`), and counted as an entity in the
//! others (`Million Dollar Baby has seven nominations`). Each article
//! records the names it gives to works, and those it writes as titles
//! are written (`the prize for The Motorcycle Diaries`), in the
//! [`Fields::WORK`] column when it is indexed; a value whose title (without a leading `The`, in
//! any case) at least [`MIN_ARTICLES`] articles name as a work, and at
//! least [`SHARE_PERCENT`] % as many as name it as a person, an
//! organization or a place, is hidden from every count ([`Alias::hiding`])
//! in every article: a title, no entity. In the BBC's 2,225 articles of
//! 2004-05 that hides `Million Dollar Baby` (a work in 10 articles, an
//! organization in 13), `The Aviator`, `Harry Potter` and `Vera Drake`,
//! and keeps `Ray Charles` (5 and 19: `Ray` the film in articles on him).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use tantivy::Searcher;

use super::{Alias, AliasOrigin, MERGED_KINDS, articles_per_added_value, articles_per_value};
use crate::kinds::Kind;
use crate::schema::{Fields, fold_for_matching};

/// The fewest articles that must name a value as a work.
pub const MIN_ARTICLES: u32 = 2;

/// The share, in percent, of the articles naming a value as an entity
/// that must name it as a work.
pub const SHARE_PERCENT: u32 = 50;

/// Learns the hidden titles from the work column and the columns of the
/// merged kinds; an index without a work column learns none.
pub fn learn(searcher: &Searcher) -> tantivy::Result<Vec<Alias>> {
    let works = articles_per_added_value(searcher, Fields::WORK)?;
    if works.is_empty() {
        return Ok(Vec::new());
    }
    let mut per_kind = Vec::with_capacity(MERGED_KINDS.len());
    for kind in MERGED_KINDS {
        per_kind.push((kind, articles_per_value(searcher, kind.field())?));
    }
    Ok(hidden_titles(&works, &per_kind))
}

/// The values to hide, from the articles naming each title as a work and
/// each value of each kind.
fn hidden_titles(
    works: &HashMap<String, u32>,
    per_kind: &[(Kind, HashMap<String, u32>)],
) -> Vec<Alias> {
    let mut as_works: HashMap<String, u32> = HashMap::default();
    for (title, articles) in works {
        *as_works.entry(key(title)).or_default() += articles;
    }
    let mut as_entities: HashMap<String, u32> = HashMap::default();
    for (_, values) in per_kind {
        for (value, articles) in values {
            let title = key(value);
            if as_works.contains_key(&title) {
                *as_entities.entry(title).or_default() += articles;
            }
        }
    }
    let titles: HashSet<&String> = as_works
        .iter()
        .filter(|(title, works)| {
            let entities = as_entities.get(*title).copied().unwrap_or(0);
            **works >= MIN_ARTICLES && **works * 100 >= entities * SHARE_PERCENT
        })
        .map(|(title, _)| title)
        .collect();
    let mut hidden = Vec::new();
    for (kind, values) in per_kind {
        let mut matching: Vec<&String> = values
            .keys()
            .filter(|value| titles.contains(&key(value)))
            .collect();
        matching.sort();
        for value in matching {
            hidden.push(Alias::hiding(*kind, value, AliasOrigin::Learned));
        }
    }
    hidden
}

/// A title as the rule compares it: folded, without a leading `The`.
fn key(title: &str) -> String {
    let folded = fold_for_matching(title);
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(rows: &[(&str, u32)]) -> HashMap<String, u32> {
        rows.iter()
            .map(|(value, articles)| (value.to_string(), *articles))
            .collect()
    }

    fn hidden(works: &[(&str, u32)], organizations: &[(&str, u32)]) -> Vec<String> {
        let per_kind = [
            (
                Kind::Person,
                counts(&[("Ray Charles", 19), ("Harry Potter", 9)]),
            ),
            (Kind::Organization, counts(organizations)),
        ];
        hidden_titles(&counts(works), &per_kind)
            .into_iter()
            .map(|alias| {
                assert!(alias.hides());
                format!("{} {}", alias.kind.field(), alias.alias)
            })
            .collect()
    }

    #[test]
    fn a_value_the_articles_often_name_as_a_work_is_hidden() {
        assert_eq!(
            hidden(
                &[
                    ("Million Dollar Baby", 10),
                    ("Aviator", 14),
                    ("Harry Potter", 12)
                ],
                &[
                    ("Million Dollar Baby", 13),
                    ("The Aviator", 2),
                    ("AVIATOR", 1),
                    ("Aviator", 9),
                    ("Sony", 13)
                ],
            ),
            [
                "person Harry Potter",
                "organization AVIATOR",
                "organization Aviator",
                "organization Million Dollar Baby",
                "organization The Aviator",
            ]
        );
    }

    #[test]
    fn a_value_seldom_named_as_a_work_stays() {
        assert_eq!(
            hidden(&[("Ray Charles", 5)], &[]),
            Vec::<String>::new(),
            "5 articles against 19"
        );
        assert_eq!(
            hidden(&[("Big Bang", 1)], &[("Big Bang", 1)]),
            Vec::<String>::new(),
            "one article is no evidence"
        );
    }
}
