//! Facet counts kept per term ordinal until the values shown are known.
//!
//! A segment counts a string facet per term ordinal of its column. Turning
//! every counted ordinal into text reads most blocks of the column's
//! dictionary (zstd-compressed, each read making a fresh decompression
//! context), and with ten keyphrases per article that is most of a query's
//! time. So the ordinals stay numbers until the facet is finished: when
//! the index has one segment (an ingest merges its segments when it ends),
//! ordinals sort as their values do, so the `limit` largest counts are
//! chosen among numbers and only those are resolved. Counts from several
//! segments are merged by text, every value resolved, as before.

use rustc_hash::FxHashMap as HashMap;
use tantivy::columnar::StrColumn;

use super::{FacetCount, top_counts};

/// The counts of one facet in one segment, per term ordinal of its column.
pub struct OrdinalCounts {
    /// The segment's column, whose dictionary resolves the ordinals.
    pub column: StrColumn,
    /// How many matching documents have each ordinal.
    pub per_ordinal: Vec<u64>,
}

/// The counts of one facet over every segment: per ordinal for each
/// segment's column, and per value for what was counted by value (days,
/// full names the segment's dictionary lacks).
#[derive(Default)]
pub struct FacetCounts {
    segments: Vec<OrdinalCounts>,
    by_value: HashMap<String, u64>,
    /// Whether a count by value may share its value with an ordinal (the
    /// count of articles with no value, `und`, beside articles given
    /// `und`), so that counts must be merged by text.
    merge_by_text: bool,
}

impl FacetCounts {
    /// Adds a segment's counts per ordinal.
    pub fn add_ordinals(&mut self, counts: OrdinalCounts) {
        self.segments.push(counts);
    }

    /// Adds a count to a value. For a string facet the value must be one
    /// that the dictionary of the segment it was counted in lacks (a full
    /// name counted for an alias), so that counting it never hides a
    /// count per ordinal of the same value.
    pub fn add_value(&mut self, value: String, count: u64) {
        *self.by_value.entry(value).or_default() += count;
    }

    /// Adds the count of the articles with no value, under the value that
    /// stands for none (`und`), which the dictionary may also hold.
    pub fn add_missing(&mut self, value: &str, count: u64) {
        *self.by_value.entry(value.to_string()).or_default() += count;
        self.merge_by_text = true;
    }

    /// Adds everything another set of counts holds.
    pub fn absorb(&mut self, other: FacetCounts) {
        self.merge_by_text |= other.merge_by_text;
        self.segments.extend(other.segments);
        for (value, count) in other.by_value {
            self.add_value(value, count);
        }
    }

    /// Every counted value with its count, in no particular order.
    pub fn into_values(self) -> Vec<(String, u64)> {
        self.values_counted_at_least(1)
    }

    /// The values counted at least `min` times, with their counts, in no
    /// particular order. With several segments every value is resolved,
    /// since a value may reach `min` only in their sum.
    pub fn values_counted_at_least(self, min: u64) -> Vec<(String, u64)> {
        let FacetCounts {
            segments,
            mut by_value,
            ..
        } = self;
        let min_per_segment = match segments.len() {
            1 => min.max(1),
            _ => 1,
        };
        for segment in &segments {
            let ordinals = ordinals_where(&segment.per_ordinal, |count| count >= min_per_segment);
            for (value, count) in resolve(segment, &ordinals) {
                *by_value.entry(value).or_default() += count;
            }
        }
        by_value
            .into_iter()
            .filter(|(_, count)| *count >= min)
            .collect()
    }

    /// The `limit` largest counts, largest first, ties by value, as
    /// [`top_counts`] orders every value.
    pub fn top(self, limit: usize) -> Vec<FacetCount> {
        if self.segments.len() != 1 || self.merge_by_text {
            return top_counts(self.into_values(), limit);
        }
        let FacetCounts {
            segments, by_value, ..
        } = self;
        let segment = &segments[0];
        let mut ordinals = ordinals_where(&segment.per_ordinal, |count| count > 0);
        let largest_first = |a: &u64, b: &u64| {
            let (count_a, count_b) = (
                segment.per_ordinal[*a as usize],
                segment.per_ordinal[*b as usize],
            );
            count_b.cmp(&count_a).then(a.cmp(b))
        };
        if ordinals.len() > limit {
            if limit > 0 {
                ordinals.select_nth_unstable_by(limit - 1, largest_first);
            }
            ordinals.truncate(limit);
        }
        ordinals.sort_unstable();
        let mut candidates = resolve(segment, &ordinals);
        candidates.extend(by_value);
        top_counts(candidates, limit)
    }
}

/// The ordinals whose count passes a test, in increasing order.
fn ordinals_where(per_ordinal: &[u64], test: impl Fn(u64) -> bool) -> Vec<u64> {
    let mut ordinals = Vec::new();
    for (ordinal, count) in per_ordinal.iter().enumerate() {
        if test(*count) {
            ordinals.push(ordinal as u64);
        }
    }
    ordinals
}

/// The values of increasing ordinals of a segment, with their counts,
/// reading the dictionary once in ordinal order.
fn resolve(segment: &OrdinalCounts, ordinals: &[u64]) -> Vec<(String, u64)> {
    let mut values = Vec::with_capacity(ordinals.len());
    let mut next = ordinals.iter();
    let resolved = segment
        .column
        .dictionary()
        .sorted_ords_to_term_cb(ordinals, |bytes| {
            if let Some(ordinal) = next.next() {
                let count = segment.per_ordinal[*ordinal as usize];
                values.push((String::from_utf8_lossy(bytes).into_owned(), count));
            }
        });
    debug_assert!(
        resolved.is_ok(),
        "ordinals come from the column's own dictionary"
    );
    values
}

#[cfg(test)]
mod tests {
    use crate::article::{Enriched, Entities};
    use crate::facets::{FacetCount, parse_facet};
    use crate::index::test_index::{article, index_in_segments};
    use crate::kinds::Kind;
    use crate::query::SearchRequest;
    use crate::query::collect::search;
    use crate::schema::BUILT_IN_SCHEMA;

    fn tagged(id: &str, keywords: &[&str]) -> Enriched {
        let entities = Entities::default().with(Kind::Keyword, keywords);
        article(id, "2024-01-01", "Oil", "Oil.", entities)
    }

    fn keyword_facet(batches: &[&[Enriched]], limit: usize) -> Vec<FacetCount> {
        let open = index_in_segments(BUILT_IN_SCHEMA, batches);
        let searcher = open.index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), batches.len());
        let request = SearchRequest {
            facets: vec![parse_facet("keyword").unwrap()],
            facet_limit: limit,
            ..SearchRequest::default()
        };
        search(&open, &request).unwrap().facets.remove(0).1
    }

    #[test]
    fn one_segment_resolves_the_largest_counts_as_several_merge_them() {
        let articles = [
            tagged("a", &["zinc", "oil", "gas"]),
            tagged("b", &["zinc", "oil"]),
            tagged("c", &["coal", "zinc"]),
            tagged("d", &["coal", "tin"]),
            tagged("e", &["oil", "tin", "gas"]),
        ];
        let shown = |counts: &[FacetCount]| -> Vec<(String, u64)> {
            counts
                .iter()
                .map(|count| (count.value.clone(), count.count))
                .collect()
        };
        let one = keyword_facet(&[&articles], 4);
        let expected = [("oil", 3), ("zinc", 3), ("coal", 2), ("gas", 2)];
        let expected: Vec<(String, u64)> = expected
            .iter()
            .map(|(value, count)| (value.to_string(), *count))
            .collect();
        assert_eq!(shown(&one), expected, "ties by value, cut at the limit");
        let two = keyword_facet(&[&articles[..2], &articles[2..]], 4);
        assert_eq!(shown(&two), expected);
        assert!(keyword_facet(&[&articles], 0).is_empty());
        assert_eq!(keyword_facet(&[&articles], 50).len(), 5);
    }
}
