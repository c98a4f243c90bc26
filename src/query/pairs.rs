//! Who appears with whom: the pairs of entity values that occur together in
//! the articles a search request matches, with the number of articles each
//! pair shares (`newsdex pairs`).
//!
//! Values are read from the fast columns of the chosen kinds (persons and
//! organizations by default), never from stored documents: per segment,
//! each matching article's values are numbered by kind and term ordinal and
//! every pair of them counted once; the ordinals of the pairs kept are
//! resolved to text once per segment, and segments merge by text. A pair
//! is unordered and written with its smaller (kind, value) first. An alias
//! counts as the value it stands for, as in the facets (`Reagan` in 1987 is
//! `Ronald Reagan`, `USDA` is `U.S. Agriculture Department`).

use std::sync::Arc;

use chrono::Datelike;
use rustc_hash::FxHashMap as HashMap;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{SearchRequest, build_query};
use crate::dates;
use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::aliases::{Alias, Aliases};
use crate::kinds::Kind;
use crate::schema::Fields;

/// The most values of one article that pairs read: beyond, an article
/// listing hundreds of names (a table of results) would add tens of
/// thousands of pairs that say little.
pub const MAX_VALUES_PER_ARTICLE: usize = 60;

/// What `pairs` counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairsRequest {
    /// The query text and filters (its facets, page and sort are unused).
    pub search: SearchRequest,
    /// The kinds whose values pair up.
    pub kinds: Vec<Kind>,
    /// The fewest shared articles a pair needs to be listed.
    pub min_count: u64,
    /// How many pairs to list, most shared first.
    pub limit: usize,
}

/// One value of a pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Node {
    /// Its kind.
    pub kind: Kind,
    /// The value as indexed.
    pub value: String,
}

/// Two values and the number of matching articles naming both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The first value, the smaller by kind then text.
    pub source: Node,
    /// The second value.
    pub target: Node,
    /// How many matching articles name both.
    pub weight: u64,
}

/// The pairs of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairsResult {
    /// How many articles matched.
    pub total_hits: usize,
    /// The pairs, most shared first, ties by source then target.
    pub pairs: Vec<Pair>,
}

/// Counts the pairs of values in the articles a request matches.
pub fn count_pairs(open: &OpenIndex, request: &PairsRequest) -> Result<PairsResult> {
    let query = build_query(open, &request.search)?;
    let searcher = open.searcher()?;
    let collector = PairCollector {
        kinds: request.kinds.clone(),
        aliases: Arc::clone(&open.aliases),
    };
    let (total_hits, counts) = searcher
        .search(&query, &(Count, collector))
        .map_err(|error| Error::index(&open.path, error))?;
    let mut pairs: Vec<Pair> = counts
        .into_iter()
        .filter(|(_, weight)| *weight >= request.min_count.max(1))
        .map(|((source, target), weight)| Pair {
            source,
            target,
            weight,
        })
        .collect();
    pairs.sort_by(|a, b| {
        b.weight
            .cmp(&a.weight)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.target.cmp(&b.target))
    });
    pairs.truncate(request.limit);
    Ok(PairsResult { total_hits, pairs })
}

type PairCounts = HashMap<(Node, Node), u64>;

/// Counts pairs over the matching documents.
struct PairCollector {
    kinds: Vec<Kind>,
    aliases: Arc<Aliases>,
}

/// The per-segment half of [`PairCollector`].
struct PairSegmentCollector {
    kinds: Vec<Kind>,
    columns: Vec<Option<StrColumn>>,
    counts: HashMap<(u64, u64), u64>,
    values: Vec<u64>,
    aliased: Vec<SegmentAliases>,
}

/// The aliases of one kind as one segment sees them: for each ordinal of
/// an alias, the alias and the node key of the value it stands for.
struct SegmentAliases {
    /// The position of the kind among the kinds counted.
    position: usize,
    dates: Column<tantivy::DateTime>,
    by_ordinal: HashMap<u64, Vec<(Alias, u64)>>,
    /// The names that have no ordinal in this segment, numbered from
    /// [`UNLISTED_NAMES`].
    unlisted: Vec<String>,
}

/// The first number given to names a segment's dictionary lacks, above
/// any term ordinal a column can have.
const UNLISTED_NAMES: u64 = 1 << 55;

/// The node key of a value that an alias hides ([`Alias::hides`]): no
/// node.
const HIDDEN: u64 = u64::MAX;

impl SegmentAliases {
    /// Prepares the aliases of a segment's column of a kind, or `None` when
    /// no alias of that kind has a value in it.
    fn new(
        aliases: &Aliases,
        segment: &SegmentReader,
        (position, kind): (usize, Kind),
        column: &StrColumn,
    ) -> tantivy::Result<Option<SegmentAliases>> {
        let mut by_ordinal: HashMap<u64, Vec<(Alias, u64)>> = HashMap::default();
        let mut unlisted: Vec<String> = Vec::new();
        for (alias, own, name) in aliases.ordinals_in(segment.segment_id(), kind, column)? {
            let Some(own) = own.filter(|&own| name != Some(own)) else {
                continue;
            };
            // A title no facet counts is in no pair either.
            if alias.hides() {
                by_ordinal
                    .entry(own)
                    .or_default()
                    .push((alias.clone(), HIDDEN));
                continue;
            }
            let name_ordinal = match name {
                Some(ordinal) => ordinal,
                None => {
                    let number = match unlisted.iter().position(|known| *known == alias.name) {
                        Some(number) => number,
                        None => {
                            unlisted.push(alias.name.clone());
                            unlisted.len() - 1
                        }
                    };
                    UNLISTED_NAMES + number as u64
                }
            };
            let target = node_key(position, name_ordinal);
            by_ordinal
                .entry(own)
                .or_default()
                .push((alias.clone(), target));
        }
        if by_ordinal.is_empty() {
            return Ok(None);
        }
        Ok(Some(SegmentAliases {
            position,
            dates: segment.fast_fields().date(Fields::DATE)?,
            by_ordinal,
            unlisted,
        }))
    }

    /// The node key a value of a document counts under: the value its
    /// alias stands for in the document's year, or itself.
    fn key_of(&self, doc: DocId, ordinal: u64) -> u64 {
        let own = node_key(self.position, ordinal);
        let Some(aliases) = self.by_ordinal.get(&ordinal) else {
            return own;
        };
        let mut year = None;
        let mut year_of_doc = || {
            *year.get_or_insert_with(|| {
                self.dates
                    .first(doc)
                    .and_then(dates::from_index_date)
                    .map(|date| date.year())
            })
        };
        aliases
            .iter()
            .find(|(alias, _)| alias.is_always() || alias.covers(year_of_doc()))
            .map_or(own, |(_, target)| *target)
    }
}

/// A kind's position and a term ordinal in one number: the position in
/// the top byte.
fn node_key(position: usize, ordinal: u64) -> u64 {
    (position as u64) << 56 | ordinal
}

impl Collector for PairCollector {
    type Fruit = PairCounts;
    type Child = PairSegmentCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<PairSegmentCollector> {
        let mut columns = Vec::with_capacity(self.kinds.len());
        let mut aliased = Vec::new();
        for (position, &kind) in self.kinds.iter().enumerate() {
            let column = segment.fast_fields().str(kind.field())?;
            if let Some(column) = column.as_ref().filter(|_| self.aliases.has_kind(kind)) {
                let seen = SegmentAliases::new(&self.aliases, segment, (position, kind), column)?;
                aliased.extend(seen);
            }
            columns.push(column);
        }
        Ok(PairSegmentCollector {
            kinds: self.kinds.clone(),
            columns,
            counts: HashMap::default(),
            values: Vec::new(),
            aliased,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segment_fruits: Vec<PairCounts>) -> tantivy::Result<PairCounts> {
        let mut merged = PairCounts::default();
        for fruit in segment_fruits {
            for (pair, weight) in fruit {
                *merged.entry(pair).or_default() += weight;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for PairSegmentCollector {
    type Fruit = PairCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.values.clear();
        for (position, column) in self.columns.iter().enumerate() {
            let Some(column) = column else {
                continue;
            };
            let aliases = self
                .aliased
                .iter()
                .find(|aliases| aliases.position == position);
            for ordinal in column.term_ords(doc) {
                let key = match aliases {
                    Some(aliases) => aliases.key_of(doc, ordinal),
                    None => node_key(position, ordinal),
                };
                if key != HIDDEN {
                    self.values.push(key);
                }
            }
        }
        self.values.sort_unstable();
        self.values.dedup();
        self.values.truncate(MAX_VALUES_PER_ARTICLE);
        for (index, &first) in self.values.iter().enumerate() {
            for &second in &self.values[index + 1..] {
                *self.counts.entry((first, second)).or_default() += 1;
            }
        }
    }

    fn harvest(self) -> PairCounts {
        let mut wanted: Vec<Vec<u64>> = vec![Vec::new(); self.kinds.len()];
        for (first, second) in self.counts.keys() {
            for key in [first, second] {
                wanted[(key >> 56) as usize].push(key & ((1 << 56) - 1));
            }
        }
        let mut texts: HashMap<u64, String> = HashMap::default();
        for aliases in &self.aliased {
            let position = aliases.position;
            for (number, name) in aliases.unlisted.iter().enumerate() {
                texts.insert(
                    node_key(position, UNLISTED_NAMES + number as u64),
                    name.clone(),
                );
            }
            wanted[position].retain(|ordinal| *ordinal < UNLISTED_NAMES);
        }
        for (position, ordinals) in wanted.iter_mut().enumerate() {
            let Some(column) = &self.columns[position] else {
                continue;
            };
            ordinals.sort_unstable();
            ordinals.dedup();
            let mut next = ordinals.iter();
            let resolved = column
                .dictionary()
                .sorted_ords_to_term_cb(ordinals, |bytes| {
                    if let Some(&ordinal) = next.next() {
                        let text = String::from_utf8_lossy(bytes).into_owned();
                        texts.insert(node_key(position, ordinal), text);
                    }
                });
            debug_assert!(resolved.is_ok(), "ordinals come from the column itself");
        }
        let node = |key: u64| -> Option<Node> {
            Some(Node {
                kind: self.kinds[(key >> 56) as usize],
                value: texts.get(&key)?.clone(),
            })
        };
        let mut fruit = PairCounts::default();
        for ((first, second), weight) in &self.counts {
            let (Some(first), Some(second)) = (node(*first), node(*second)) else {
                continue;
            };
            let pair = if first <= second {
                (first, second)
            } else {
                (second, first)
            };
            *fruit.entry(pair).or_default() += weight;
        }
        fruit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};

    /// The pairs of a result as (source, target, weight).
    fn shown(result: &PairsResult) -> Vec<(&str, &str, u64)> {
        result
            .pairs
            .iter()
            .map(|pair| {
                (
                    pair.source.value.as_str(),
                    pair.target.value.as_str(),
                    pair.weight,
                )
            })
            .collect()
    }

    fn names(persons: &[&str], organizations: &[&str]) -> Entities {
        Entities::default()
            .with(Kind::Person, persons)
            .with(Kind::Organization, organizations)
    }

    #[test]
    fn counts_each_pair_once_per_article() {
        let open = index_of(&[
            article(
                "a",
                "2024-01-01",
                "Oil",
                "Oil.",
                names(&["Ann Lee", "Bo Chan"], &["OPEC"]),
            ),
            article(
                "b",
                "2024-01-02",
                "Oil",
                "Oil.",
                names(&["Ann Lee", "Bo Chan"], &[]),
            ),
            article(
                "c",
                "2024-01-03",
                "Tea",
                "Tea.",
                names(&["Ann Lee", "Bo Chan"], &[]),
            ),
        ]);
        let request = PairsRequest {
            search: SearchRequest {
                query: "oil".into(),
                ..SearchRequest::default()
            },
            kinds: vec![Kind::Person, Kind::Organization],
            min_count: 1,
            limit: 10,
        };
        let result = count_pairs(&open, &request).unwrap();
        assert_eq!(result.total_hits, 2);
        let shown = shown(&result);
        assert_eq!(
            shown,
            vec![
                ("Ann Lee", "Bo Chan", 2),
                ("Ann Lee", "OPEC", 1),
                ("Bo Chan", "OPEC", 1)
            ]
        );
        let strict = PairsRequest {
            min_count: 2,
            ..request
        };
        assert_eq!(count_pairs(&open, &strict).unwrap().pairs.len(), 1);
    }

    #[test]
    fn a_surname_counts_as_the_full_name_its_alias_joins_it_to() {
        let mut articles = Vec::new();
        for (id, day) in [("a", "01"), ("b", "02"), ("c", "03")] {
            let date = format!("1987-03-{day}");
            let entities = names(&["Ronald Reagan"], &["Congress"]);
            articles.push(article(id, &date, "Budget", "Budget.", entities));
        }
        articles.push(article(
            "d",
            "1987-03-04",
            "Budget",
            "Budget.",
            names(&["Reagan"], &["Congress"]),
        ));
        let open = index_of(&articles);
        let aliases = Aliases::compute(&open.index.reader().unwrap().searcher()).unwrap();
        assert_eq!(
            aliases.resolve(Kind::Person, "Reagan", Some(1987)),
            Some("Ronald Reagan")
        );
        let open = OpenIndex {
            aliases: Arc::new(aliases),
            ..open
        };
        let request = PairsRequest {
            search: SearchRequest {
                query: "budget".into(),
                ..SearchRequest::default()
            },
            kinds: vec![Kind::Person, Kind::Organization],
            min_count: 1,
            limit: 10,
        };
        let result = count_pairs(&open, &request).unwrap();
        let shown = shown(&result);
        assert_eq!(shown, vec![("Ronald Reagan", "Congress", 4)]);
    }
}
