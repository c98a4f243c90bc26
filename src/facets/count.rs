//! Counts facets over the documents a query matches, from fast-field
//! columns (term ordinals for strings, timestamps for dates), never from
//! stored documents. `query` counts them in the same pass as its hits;
//! `stats` counts them over every document ([`count_facets`]).
//!
//! The person, organization and location facets count an alias under the
//! value it stands for ([`Aliases`]: a surname written alone under the full
//! name in the article's year, `USDA` under `U.S. Agriculture
//! Department`), and an article naming an entity both ways once. A kind with a value for articles that
//! have none (`und` for the language) counts them under it.

use std::sync::Arc;

use chrono::Datelike;
use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::Count;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::query::Query;
use tantivy::{DocId, Index, Score, Searcher, SegmentOrdinal, SegmentReader};

use super::ordinals::{FacetCounts, OrdinalCounts};
use super::significant::{Background, MIN_HITS, significant_values};
use super::{DateUnit, Facet, FacetCount, FacetKind};
use crate::dates;
use crate::index::aliases::{Alias, Aliases};
use crate::kinds::Kind;
use crate::schema::Fields;
use chrono_tz::Tz;

/// Counts the given facets over the documents `query` matches, each
/// ordered as [`finish_facets`] does, in request order.
pub fn count_facets(
    index: &Index,
    searcher: &Searcher,
    query: &dyn Query,
    facets: &[Facet],
    aliases: &Arc<Aliases>,
    limit: usize,
) -> tantivy::Result<Vec<(String, Vec<FacetCount>)>> {
    let collector = FacetCollector::new(facets.to_vec(), Arc::clone(aliases), None);
    let (hits, merged) = searcher.search(query, &(Count, collector))?;
    let background = Background {
        index,
        searcher,
        hits: hits as u64,
        aliases,
    };
    Ok(finish_facets(facets, merged, &background, limit))
}

/// Counts of one facet within one segment.
enum SegmentCounts {
    /// Counts per term ordinal of the segment's column.
    Terms(Option<StrColumn>, Vec<u64>),
    /// Counts per day number.
    Days(HashMap<i64, u64>),
    /// Counts of a facet whose kind has aliases.
    Aliased(AliasCounts),
}

impl SegmentCounts {
    /// Counts of the same kind, over the same column, all zero.
    fn empty_copy(&self) -> SegmentCounts {
        match self {
            SegmentCounts::Terms(column, per_ordinal) => {
                SegmentCounts::Terms(column.clone(), vec![0; per_ordinal.len()])
            }
            SegmentCounts::Days(_) => SegmentCounts::Days(HashMap::default()),
            SegmentCounts::Aliased(counts) => SegmentCounts::Aliased(counts.empty_copy()),
        }
    }

    /// Adds the counts of an [`Self::empty_copy`] of these.
    fn absorb(&mut self, other: SegmentCounts) {
        match (self, other) {
            (SegmentCounts::Terms(_, per_ordinal), SegmentCounts::Terms(_, more)) => {
                add_counts(per_ordinal, &more);
            }
            (SegmentCounts::Days(per_day), SegmentCounts::Days(more)) => {
                for (day, count) in more {
                    *per_day.entry(day).or_default() += count;
                }
            }
            (SegmentCounts::Aliased(counts), SegmentCounts::Aliased(more)) => {
                add_counts(&mut counts.per_ordinal, &more.per_ordinal);
                for (name, count) in more.by_name {
                    *counts.by_name.entry(name).or_default() += count;
                }
            }
            _ => debug_assert!(false, "counts are absorbed by their own kind"),
        }
    }
}

/// Adds counts per ordinal to others of the same column.
fn add_counts(counts: &mut [u64], more: &[u64]) {
    for (count, added) in counts.iter_mut().zip(more) {
        *count += added;
    }
}

/// The counts of a facet whose kind has aliases, in one segment: per term
/// ordinal, and per name for the articles that name an entity only by an
/// alias whose name the segment lacks.
struct AliasCounts {
    column: StrColumn,
    per_ordinal: Vec<u64>,
    /// For each ordinal, the position of its aliases in `aliases`, or
    /// [`NOT_ALIASED`].
    slots: Arc<Vec<u32>>,
    /// The aliases of each aliased ordinal: the years and the name with
    /// that name's ordinal in this segment, if any.
    aliases: Arc<Vec<Vec<SegmentAlias>>>,
    /// Counts of the names standing for an alias that have no ordinal in
    /// this segment; the others are counted per ordinal.
    by_name: HashMap<String, u64>,
}

/// The slot of an ordinal no alias has.
const NOT_ALIASED: u32 = u32::MAX;

/// An alias as one segment sees it.
#[derive(Clone)]
struct SegmentAlias {
    alias: Alias,
    name_ordinal: Option<u64>,
}

impl AliasCounts {
    /// Prepares the counts of a segment's column of a kind, or `None` when
    /// no alias of that kind has a value in it.
    fn new(
        column: StrColumn,
        aliases: &Aliases,
        segment: SegmentId,
        kind: Kind,
    ) -> tantivy::Result<Option<AliasCounts>> {
        let size = column.num_terms();
        let mut slots = vec![NOT_ALIASED; size];
        let mut by_slot: Vec<Vec<SegmentAlias>> = Vec::new();
        for (alias, own, name_ordinal) in aliases.ordinals_in(segment, kind, &column)? {
            let Some(ordinal) = own.filter(|&ordinal| (ordinal as usize) < size) else {
                continue;
            };
            // A value never stands for itself: its articles would count
            // under neither.
            if name_ordinal == Some(ordinal) {
                continue;
            }
            let slot = &mut slots[ordinal as usize];
            if *slot == NOT_ALIASED {
                *slot = by_slot.len() as u32;
                by_slot.push(Vec::new());
            }
            by_slot[*slot as usize].push(SegmentAlias {
                alias: alias.clone(),
                name_ordinal,
            });
        }
        if by_slot.is_empty() {
            return Ok(None);
        }
        Ok(Some(AliasCounts {
            column,
            per_ordinal: vec![0; size],
            slots: Arc::new(slots),
            aliases: Arc::new(by_slot),
            by_name: HashMap::default(),
        }))
    }

    /// The same counts, all zero.
    fn empty_copy(&self) -> AliasCounts {
        AliasCounts {
            column: self.column.clone(),
            per_ordinal: vec![0; self.per_ordinal.len()],
            slots: Arc::clone(&self.slots),
            aliases: Arc::clone(&self.aliases),
            by_name: HashMap::default(),
        }
    }

    /// Counts one document by the ordinals of its values, dated `date` if
    /// dated; its year is only read for a document with an alias of some
    /// years only. A document naming an entity under several values counts
    /// once.
    fn count_document(&mut self, ordinals: &[u64], date: Option<tantivy::DateTime>) {
        let mut counted_names: Vec<&str> = Vec::new();
        let mut year = None;
        for &ordinal in ordinals {
            let slot = self.slots[ordinal as usize];
            let alias = match slot {
                NOT_ALIASED => None,
                _ => self.aliases[slot as usize].iter().find(|found| {
                    found.alias.is_always()
                        || found.alias.covers(*year.get_or_insert_with(|| {
                            date.and_then(dates::from_index_date)
                                .map(|date| date.year())
                        }))
                }),
            };
            let Some(alias) = alias else {
                self.per_ordinal[ordinal as usize] += 1;
                continue;
            };
            // A title of a work the index learned counts nowhere.
            if alias.alias.hides() {
                continue;
            }
            let named_in_full = alias
                .name_ordinal
                .is_some_and(|name| ordinals.contains(&name));
            let name = alias.alias.name.as_str();
            if named_in_full || counted_names.contains(&name) {
                continue;
            }
            counted_names.push(name);
            match alias.name_ordinal {
                Some(name) => self.per_ordinal[name as usize] += 1,
                None => match self.by_name.get_mut(name) {
                    Some(count) => *count += 1,
                    None => {
                        self.by_name.insert(name.to_string(), 1);
                    }
                },
            }
        }
    }

    /// The counts per ordinal, and per name for the names the segment's
    /// dictionary lacks.
    fn harvest(self) -> FacetCounts {
        let mut counts = FacetCounts::default();
        counts.add_ordinals(OrdinalCounts {
            column: self.column,
            per_ordinal: self.per_ordinal,
        });
        for (name, count) in self.by_name {
            counts.add_value(name, count);
        }
        counts
    }
}

/// Counts facet values over every matching document: per segment, term
/// ordinals of string columns and days of the date column; merged into
/// counts per value, which [`finish_facets`] orders.
pub struct FacetCollector {
    facets: Vec<Facet>,
    aliases: Arc<Aliases>,
    time_zone: Option<Tz>,
    /// Whether the searcher runs the segments on threads of their own, so
    /// that a segment's documents are not split between two more.
    segments_in_parallel: bool,
}

impl FacetCollector {
    /// Creates a collector counting the given facets, in their order, with
    /// the index's aliases, and date buckets in a time zone (UTC
    /// when `None`).
    pub fn new(facets: Vec<Facet>, aliases: Arc<Aliases>, time_zone: Option<Tz>) -> FacetCollector {
        FacetCollector {
            facets,
            aliases,
            time_zone,
            segments_in_parallel: false,
        }
    }

    /// Tells the collector whether the searcher runs the segments side by
    /// side ([`crate::index::OpenIndex::parallel_searcher`]): each segment
    /// is then counted on its own thread alone.
    pub fn with_segments_in_parallel(self, segments_in_parallel: bool) -> FacetCollector {
        FacetCollector {
            segments_in_parallel,
            ..self
        }
    }
}

/// The seconds of a slot of time whose instants all fall on the same local
/// day in every zone: zones are offset from UTC by whole quarter hours.
const ZONE_SLOT_SECONDS: i64 = 900;

/// How many documents are counted at a time, one column after another.
const BLOCK_DOCS: usize = 1024;

/// The fewest matching documents of a segment that two threads count, each
/// half of them.
const PARALLEL_MIN_DOCS: usize = 16_384;

/// The per-segment half of [`FacetCollector`]. It gathers the matching
/// documents and counts them at harvest, in blocks: reading a column for a
/// block of documents makes one call into the column's values instead of
/// one per value. Many documents are counted by two threads when the
/// machine has two cores, each half of them with counts of its own, which
/// are then added: the counts are the same either way.
pub struct FacetSegmentCollector {
    date_column: Option<Column<tantivy::DateTime>>,
    /// Counted in quarter-hour slots of UTC, turned into local days at
    /// harvest, when a zone other than UTC is asked for; in UTC days
    /// otherwise.
    time_zone: Option<Tz>,
    counts: Vec<SegmentCounts>,
    /// For each facet of `counts`, the value its articles without any
    /// value count under, with how many were counted; `None` for facets
    /// that leave them out.
    missing: Vec<Option<(&'static str, u64)>>,
    /// The matching documents, counted at harvest.
    block: Vec<DocId>,
    /// The date of each document of the block.
    block_dates: Vec<Option<tantivy::DateTime>>,
    ordinals: BlockOrdinals,
    /// Whether many documents are split between this thread and another.
    split: bool,
}

/// The term ordinals of a block of documents in one column.
#[derive(Default)]
struct BlockOrdinals {
    /// The document of each ordinal, in block order.
    docs: Vec<DocId>,
    rows: Vec<u32>,
    ordinals: Vec<u64>,
}

impl BlockOrdinals {
    /// Reads the ordinals of the documents, in increasing order.
    fn read(&mut self, column: &StrColumn, docs: &[DocId]) {
        let ordinal_column = column.ords();
        self.docs.clear();
        self.rows.clear();
        ordinal_column
            .index
            .docids_to_rowids(docs, &mut self.docs, &mut self.rows);
        self.ordinals.clear();
        self.ordinals.resize(self.rows.len(), 0);
        ordinal_column
            .values
            .get_vals(&self.rows, &mut self.ordinals);
    }
}

impl Collector for FacetCollector {
    type Fruit = Vec<FacetCounts>;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let fast_fields = segment.fast_fields();
        let mut counts = Vec::with_capacity(self.facets.len());
        let mut missing = Vec::with_capacity(self.facets.len());
        let mut date_column = None;
        for facet in &self.facets {
            missing.push(missing_value(facet).map(|value| (value, 0)));
            match facet.kind {
                FacetKind::Significant(name) | FacetKind::Field(name) => {
                    let column = fast_fields.str(name)?;
                    let aliased = match (&column, Kind::from_field(name)) {
                        (Some(column), Some(kind)) if self.aliases.has_kind(kind) => {
                            let segment_id = segment.segment_id();
                            AliasCounts::new(column.clone(), &self.aliases, segment_id, kind)?
                        }
                        _ => None,
                    };
                    if let Some(aliased) = aliased {
                        if date_column.is_none() {
                            date_column = Some(fast_fields.date(Fields::DATE)?);
                        }
                        counts.push(SegmentCounts::Aliased(aliased));
                        continue;
                    }
                    let size = column.as_ref().map_or(0, |column| column.num_terms());
                    counts.push(SegmentCounts::Terms(column, vec![0; size]));
                }
                FacetKind::Date(_) => {
                    if date_column.is_none() {
                        date_column = Some(fast_fields.date(Fields::DATE)?);
                    }
                    counts.push(SegmentCounts::Days(HashMap::default()));
                }
            }
        }
        Ok(FacetSegmentCollector {
            date_column,
            time_zone: self.time_zone,
            counts,
            missing,
            block: Vec::new(),
            block_dates: Vec::with_capacity(BLOCK_DOCS),
            ordinals: BlockOrdinals::default(),
            split: !self.segments_in_parallel,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segment_fruits: Vec<Vec<FacetCounts>>) -> tantivy::Result<Self::Fruit> {
        let mut merged: Vec<FacetCounts> = Vec::with_capacity(self.facets.len());
        merged.resize_with(self.facets.len(), FacetCounts::default);
        for segment in segment_fruits {
            for (facet_counts, counts) in merged.iter_mut().zip(segment) {
                facet_counts.absorb(counts);
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Vec<FacetCounts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.block.push(doc);
    }

    fn harvest(mut self) -> Self::Fruit {
        let docs = std::mem::take(&mut self.block);
        self.count_all(&docs);
        let mut fruit = Vec::with_capacity(self.counts.len());
        for (counts, missing) in self.counts.into_iter().zip(self.missing) {
            let mut harvested = FacetCounts::default();
            if let Some((value, count)) = missing.filter(|(_, count)| *count > 0) {
                harvested.add_missing(value, count);
            }
            match counts {
                SegmentCounts::Terms(Some(column), per_ordinal) => {
                    harvested.add_ordinals(OrdinalCounts {
                        column,
                        per_ordinal,
                    });
                }
                SegmentCounts::Terms(None, _) => {}
                SegmentCounts::Days(per_day) => {
                    let mut per_local_day: HashMap<i64, u64> = HashMap::default();
                    for (key, count) in per_day {
                        let day = match self.time_zone {
                            Some(zone) => {
                                let Some(day) =
                                    dates::local_day_number(key * ZONE_SLOT_SECONDS, zone)
                                else {
                                    continue;
                                };
                                day
                            }
                            None => key,
                        };
                        *per_local_day.entry(day).or_default() += count;
                    }
                    for (day, count) in per_local_day {
                        harvested.add_value(day.to_string(), count);
                    }
                }
                SegmentCounts::Aliased(aliased) => harvested = aliased.harvest(),
            }
            fruit.push(harvested);
        }
        fruit
    }
}

impl FacetSegmentCollector {
    /// Counts the documents, on two threads when they are many and the
    /// machine has two cores.
    fn count_all(&mut self, docs: &[DocId]) {
        let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
        if !self.split || docs.len() < PARALLEL_MIN_DOCS || cores < 2 {
            self.count_docs(docs);
            return;
        }
        self.count_in_two(docs);
    }

    /// Counts the first half of the documents on this thread and the
    /// second on another, then adds the other's counts.
    fn count_in_two(&mut self, docs: &[DocId]) {
        let (first, second) = docs.split_at(docs.len() / 2);
        let mut helper = self.empty_copy();
        std::thread::scope(|scope| {
            scope.spawn(|| helper.count_docs(second));
            self.count_docs(first);
        });
        for (counts, more) in self.counts.iter_mut().zip(helper.counts) {
            counts.absorb(more);
        }
        for (missing, more) in self.missing.iter_mut().zip(helper.missing) {
            if let (Some((_, count)), Some((_, added))) = (missing, more) {
                *count += added;
            }
        }
    }

    /// A collector for the same columns with nothing counted.
    fn empty_copy(&self) -> FacetSegmentCollector {
        FacetSegmentCollector {
            date_column: self.date_column.clone(),
            time_zone: self.time_zone,
            counts: self.counts.iter().map(SegmentCounts::empty_copy).collect(),
            missing: self
                .missing
                .iter()
                .map(|missing| missing.map(|(value, _)| (value, 0)))
                .collect(),
            block: Vec::new(),
            block_dates: Vec::with_capacity(BLOCK_DOCS),
            ordinals: BlockOrdinals::default(),
            split: false,
        }
    }

    /// Counts the documents, a block at a time.
    fn count_docs(&mut self, docs: &[DocId]) {
        for block in docs.chunks(BLOCK_DOCS) {
            self.count_block(block);
        }
    }

    /// Counts the documents of a block.
    fn count_block(&mut self, block: &[DocId]) {
        self.block_dates.clear();
        if let Some(column) = &self.date_column {
            self.block_dates.resize(block.len(), None);
            column.first_vals(block, &mut self.block_dates);
        }
        for (counts, missing) in self.counts.iter_mut().zip(&mut self.missing) {
            match counts {
                SegmentCounts::Terms(Some(column), per_ordinal) => {
                    self.ordinals.read(column, block);
                    for ordinal in &self.ordinals.ordinals {
                        per_ordinal[*ordinal as usize] += 1;
                    }
                    if let Some((_, count)) = missing {
                        *count += documents_without_values(block.len(), &self.ordinals.docs);
                    }
                }
                SegmentCounts::Terms(None, _) => {
                    if let Some((_, count)) = missing {
                        *count += block.len() as u64;
                    }
                }
                SegmentCounts::Days(per_day) => {
                    for date in self.block_dates.iter().flatten() {
                        let seconds = date.into_timestamp_secs();
                        let key = match self.time_zone {
                            Some(_) => seconds.div_euclid(ZONE_SLOT_SECONDS),
                            None => super::day_number(seconds),
                        };
                        *per_day.entry(key).or_default() += 1;
                    }
                }
                SegmentCounts::Aliased(aliased) => {
                    self.ordinals.read(&aliased.column, block);
                    count_aliased(aliased, &self.ordinals, block, &self.block_dates);
                }
            }
        }
    }
}

/// The value a facet counts its articles without any value under: the
/// missing value of the kind it counts, if any (not for the significant
/// values, which score values the index holds).
fn missing_value(facet: &Facet) -> Option<&'static str> {
    match facet.kind {
        FacetKind::Field(field) => Kind::from_field(field)?.spec().missing,
        FacetKind::Date(_) | FacetKind::Significant(_) => None,
    }
}

/// How many documents of a block of `block_length` have no value, given
/// the document of each value read, in block order.
fn documents_without_values(block_length: usize, value_docs: &[DocId]) -> u64 {
    let mut with_values = 0;
    let mut previous = None;
    for doc in value_docs {
        if previous != Some(doc) {
            with_values += 1;
            previous = Some(doc);
        }
    }
    (block_length - with_values) as u64
}

/// Counts the values of a block of documents for a facet with aliases,
/// one document at a time: `dates` holds the date of each document of
/// `docs`.
fn count_aliased(
    counts: &mut AliasCounts,
    read: &BlockOrdinals,
    docs: &[DocId],
    dates: &[Option<tantivy::DateTime>],
) {
    let mut position = 0;
    let mut start = 0;
    while start < read.docs.len() {
        let doc = read.docs[start];
        let mut end = start + 1;
        while end < read.docs.len() && read.docs[end] == doc {
            end += 1;
        }
        while docs[position] != doc {
            position += 1;
        }
        let date = dates.get(position).copied().flatten();
        counts.count_document(&read.ordinals[start..end], date);
        start = end;
    }
}

/// Orders merged counts: date facets chronologically and whole,
/// significant values by score against the background, the others by count
/// within the limit.
pub fn finish_facets(
    requested: &[Facet],
    merged: Vec<FacetCounts>,
    background: &Background,
    limit: usize,
) -> Vec<(String, Vec<FacetCount>)> {
    let mut finished = Vec::with_capacity(requested.len());
    for (facet, counts) in requested.iter().zip(merged) {
        let ordered = match facet.kind {
            FacetKind::Date(unit) => date_facet(counts.into_values(), unit),
            FacetKind::Field(_) => counts.top(limit),
            FacetKind::Significant(field) => {
                let counted = counts.values_counted_at_least(MIN_HITS);
                significant_values(counted, field, background, limit)
            }
        };
        finished.push((facet.name.clone(), ordered));
    }
    finished
}

/// Buckets per-day counts (keyed by day number as text) by the unit.
fn date_facet(counts: Vec<(String, u64)>, unit: DateUnit) -> Vec<FacetCount> {
    let days = counts
        .into_iter()
        .filter_map(|(day, count)| Some((day.parse::<i64>().ok()?, count)));
    super::date_buckets(days, unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::facets::parse_facet;
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;
    use tantivy::Term;
    use tantivy::query::{AllQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;

    #[test]
    fn documents_without_values_are_those_no_value_was_read_for() {
        assert_eq!(documents_without_values(4, &[0, 0, 2]), 2);
        assert_eq!(documents_without_values(3, &[]), 3);
        assert_eq!(documents_without_values(2, &[5, 6]), 0);
    }

    #[test]
    fn articles_without_a_language_count_under_und() {
        let english = Entities::default().with(Kind::Language, &["en"]);
        let given_und = Entities::default().with(Kind::Language, &["und"]);
        let open = index_of(&[
            article("en-1", "2024-01-01", "Oil", "Oil.", english),
            article("und-1", "2024-01-02", "Oil", "Oil.", given_und),
            article(
                "none-1",
                "2024-01-03",
                "Oil",
                "Oil 1,234",
                Entities::default(),
            ),
            article(
                "none-2",
                "2024-01-04",
                "Oil",
                "Oil 5,678",
                Entities::default(),
            ),
        ]);
        let searcher = open.index.reader().unwrap().searcher();
        let facets = [
            parse_facet("language").unwrap(),
            parse_facet("keyword").unwrap(),
        ];
        let counted = count_facets(
            &open.index,
            &searcher,
            &AllQuery,
            &facets,
            &open.aliases,
            10,
        )
        .unwrap();
        assert_eq!(
            counted[0].1,
            [
                FacetCount::new("und".into(), 3),
                FacetCount::new("en".into(), 1)
            ],
            "articles given und and those with no language are one bucket"
        );
        assert!(counted[1].1.is_empty(), "other kinds leave them out");
    }

    #[test]
    fn counts_only_the_documents_the_query_matches() {
        let xi = Entities::default().with(Kind::Person, &["Xi Jinping"]);
        let both = Entities::default().with(Kind::Person, &["Xi Jinping", "Vladimir Putin"]);
        let putin = Entities::default().with(Kind::Person, &["Vladimir Putin"]);
        let open = index_of(&[
            article("a", "2023-05-01", "Oil", "Oil demand.", xi),
            article("b", "2024-10-14", "Oil", "Oil exports.", both),
            article("c", "2024-10-20", "Coffee", "Coffee frost.", putin),
        ]);
        let searcher = open.index.reader().unwrap().searcher();
        let oil = TermQuery::new(
            Term::from_field_text(open.fields.body, "oil"),
            IndexRecordOption::Basic,
        );
        let facets = [
            parse_facet(Kind::Person.field()).unwrap(),
            parse_facet("date:year").unwrap(),
        ];
        let counted =
            count_facets(&open.index, &searcher, &oil, &facets, &open.aliases, 10).unwrap();
        let mut shown = Vec::new();
        for (name, counts) in &counted {
            for count in counts {
                shown.push((name.as_str(), count.value.as_str(), count.count));
            }
        }
        assert_eq!(
            shown,
            [
                ("person", "Xi Jinping", 2),
                ("person", "Vladimir Putin", 1),
                ("date:year", "2023", 1),
                ("date:year", "2024", 1),
            ]
        );
    }

    #[test]
    fn alias_ordinals_kept_in_the_table_count_as_looked_up_ones() {
        let named = |persons: &[&str]| Entities::default().with(Kind::Person, persons);
        let articles = [
            article(
                "a",
                "1987-03-02",
                "Budget",
                "Budget.",
                named(&["Ronald Reagan"]),
            ),
            article(
                "b",
                "1987-03-09",
                "Trade",
                "Trade.",
                named(&["Ronald Reagan"]),
            ),
            article(
                "c",
                "1987-05-11",
                "Summit",
                "Summit.",
                named(&["Ronald Reagan"]),
            ),
            article(
                "d",
                "1987-04-06",
                "Tax",
                "Tax.",
                named(&["Reagan", "Ann Lee"]),
            ),
            article("e", "1996-06-01", "Library", "Library.", named(&["Reagan"])),
        ];
        let open = crate::index::test_index::index_in_segments(
            crate::schema::BUILT_IN_SCHEMA,
            &[&articles[..2], &articles[2..]],
        );
        let searcher = open.index.reader().unwrap().searcher();
        let kept = Aliases::compute(&searcher).unwrap();
        assert_eq!(kept.segments.len(), 2);
        let mut looked_up = kept.clone();
        looked_up.segments.clear();
        let mut elsewhere = kept.clone();
        for segment in &mut elsewhere.segments {
            segment.segment = "another segment".to_string();
            segment.ordinals.fill((Some(0), None));
        }
        let facets = [parse_facet(Kind::Person.field()).unwrap()];
        let mut counted = Vec::new();
        for table in [kept, looked_up, elsewhere] {
            let table = Arc::new(table);
            let counts =
                count_facets(&open.index, &searcher, &AllQuery, &facets, &table, 10).unwrap();
            counted.push(counts);
        }
        let shown: Vec<(&str, u64)> = counted[0][0]
            .1
            .iter()
            .map(|count| (count.value.as_str(), count.count))
            .collect();
        assert_eq!(shown, [("Ronald Reagan", 4), ("Ann Lee", 1), ("Reagan", 1)]);
        assert_eq!(counted[0], counted[1]);
        assert_eq!(counted[0], counted[2]);
    }

    #[test]
    fn two_threads_count_what_one_does() {
        let entities = |persons: &[&str], keywords: &[&str]| {
            Entities::default()
                .with(Kind::Person, persons)
                .with(Kind::Keyword, keywords)
        };
        let mut articles = Vec::new();
        for number in 0..40 {
            let persons: &[&str] = match number % 3 {
                0 => &["Ronald Reagan"],
                1 => &["Reagan", "Ann Lee"],
                _ => &[],
            };
            let keywords: &[&str] = match number % 4 {
                0 => &["oil", "gas"],
                1 => &["oil"],
                _ => &["coal"],
            };
            let day = format!("1987-{:02}-{:02}", number % 12 + 1, number % 28 + 1);
            let id = format!("a{number}");
            articles.push(article(
                &id,
                &day,
                "Oil",
                "Oil.",
                entities(persons, keywords),
            ));
        }
        let open = index_of(&articles);
        let searcher = open.index.reader().unwrap().searcher();
        let aliases = Arc::new(Aliases::compute(&searcher).unwrap());
        assert!(!aliases.aliases.is_empty());
        let facets: Vec<Facet> = ["person", "keyword", "date:day"]
            .iter()
            .map(|name| parse_facet(name).unwrap())
            .collect();
        let collector = FacetCollector::new(facets.clone(), aliases, None);
        let segment = &searcher.segment_readers()[0];
        assert!(collector.for_segment(0, segment).unwrap().split);
        let side_by_side = FacetCollector::new(facets.clone(), Arc::default(), None)
            .with_segments_in_parallel(true);
        assert!(
            !side_by_side.for_segment(0, segment).unwrap().split,
            "a segment searched on a thread of its own is not split again"
        );
        let docs: Vec<DocId> = (0..segment.max_doc()).collect();
        let mut counted = Vec::new();
        for in_two in [false, true] {
            let mut segment_collector = collector.for_segment(0, segment).unwrap();
            match in_two {
                true => segment_collector.count_in_two(&docs),
                false => segment_collector.count_docs(&docs),
            }
            let merged = collector
                .merge_fruits(vec![segment_collector.harvest()])
                .unwrap();
            let background = Background {
                index: &open.index,
                searcher: &searcher,
                hits: docs.len() as u64,
                aliases: &open.aliases,
            };
            counted.push(finish_facets(&facets, merged, &background, 100));
        }
        assert_eq!(counted[0], counted[1]);
        assert_eq!(
            counted[0][0].1[0],
            FacetCount::new("Ronald Reagan".into(), 27)
        );
    }
}
