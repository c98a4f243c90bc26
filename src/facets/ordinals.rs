//! Facet counts kept per term ordinal until the values shown are known.
//!
//! A segment counts a string facet per term ordinal of its column. Turning
//! every counted ordinal into text reads most blocks of the column's
//! dictionary (zstd-compressed, each read making a fresh decompression
//! context), and with ten keyphrases per article that is most of a query's
//! time. So the ordinals stay numbers until the facet is finished: when
//! the index has one segment (an ingest merges its segments when it ends),
//! ordinals sort as their values do, so the `limit` largest counts are
//! chosen among numbers and only those are resolved. With several
//! segments, each one's largest counts are resolved and summed by text,
//! deeper until no value left out could rank ([`FacetCounts::top`]); the
//! significant values and the date facets still resolve every value.

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
        let FacetCounts {
            segments,
            by_value,
            merge_by_text,
        } = self;
        if segments.len() != 1 || merge_by_text {
            return top_of_several(&segments, &by_value, limit);
        }
        let segment = &segments[0];
        let (ordinals, _) =
            Unresolved::of(&segment.per_ordinal).take_largest(&segment.per_ordinal, limit);
        let mut candidates = resolve(segment, &ordinals);
        candidates.extend(by_value);
        top_counts(candidates, limit)
    }
}

/// The `limit` largest counts, as [`top_counts`] orders every value, of
/// several segments (or of one whose values may also be counted by value):
/// the threshold algorithm of Fagin, Lotem and Naor. Each segment's
/// `limit` largest counts are resolved to values, and a value missing from
/// a segment's share is looked up in its dictionary when it may still
/// rank. A value none of them resolved counts at most the sum of each
/// segment's largest count left (the threshold), so once the last value
/// shown counts more than that, no other can rank; otherwise twice as many
/// of each segment's counts are resolved, and so on. Resolving every
/// counted value of a four-facet query took a fifth of its time at
/// 800,000 articles in two segments.
fn top_of_several(
    segments: &[OrdinalCounts],
    by_value: &HashMap<String, u64>,
    limit: usize,
) -> Vec<FacetCount> {
    if limit == 0 {
        return Vec::new();
    }
    let mut unresolved: Vec<Unresolved> = segments
        .iter()
        .map(|segment| Unresolved::of(&segment.per_ordinal))
        .collect();
    let mut candidates: HashMap<String, Candidate> = by_value
        .iter()
        .map(|(value, count)| (value.clone(), Candidate::new(*count, segments.len())))
        .collect();
    let mut depth = limit;
    loop {
        let mut left = Vec::with_capacity(segments.len());
        for (position, (segment, unresolved)) in segments.iter().zip(&mut unresolved).enumerate() {
            let (taken, largest_left) = unresolved.take_largest(&segment.per_ordinal, depth);
            left.push(largest_left);
            for (value, count) in resolve(segment, &taken) {
                let candidate = candidates
                    .entry(value)
                    .or_insert_with(|| Candidate::new(0, segments.len()));
                // A value looked up in this segment's dictionary already
                // holds its count there.
                if !candidate.seen[position] {
                    candidate.count += count;
                    candidate.seen[position] = true;
                }
            }
        }
        complete_candidates(&mut candidates, segments, &left, limit);
        let threshold: u64 = left.iter().sum();
        let shown = top_counts(
            candidates
                .iter()
                .filter(|(_, candidate)| candidate.is_complete())
                .map(|(value, candidate)| (value.clone(), candidate.count)),
            limit,
        );
        let settled = shown.len() == limit && shown[limit - 1].count > threshold;
        if threshold == 0 || settled {
            return shown;
        }
        depth *= 2;
    }
}

/// A value some segments' largest counts resolved: its count so far, and
/// which segments' counts it holds.
struct Candidate {
    count: u64,
    seen: Vec<bool>,
}

impl Candidate {
    fn new(count: u64, segments: usize) -> Candidate {
        Candidate {
            count,
            seen: vec![false; segments],
        }
    }

    fn is_complete(&self) -> bool {
        self.seen.iter().all(|seen| *seen)
    }
}

/// Adds to each candidate that may rank among the `limit` largest the
/// counts of the segments whose largest counts did not hold it, looked up
/// in their dictionaries. One that cannot rank (its count so far plus the
/// largest each such segment has left falls below the `limit`-th count
/// so far) is left incomplete.
fn complete_candidates(
    candidates: &mut HashMap<String, Candidate>,
    segments: &[OrdinalCounts],
    left: &[u64],
    limit: usize,
) {
    let mut so_far: Vec<u64> = candidates
        .values()
        .map(|candidate| candidate.count)
        .collect();
    let cutoff = match so_far.len() >= limit {
        true => *so_far.select_nth_unstable_by(limit - 1, |a, b| b.cmp(a)).1,
        false => 0,
    };
    for (value, candidate) in candidates.iter_mut() {
        let unseen = |position: &usize| !candidate.seen[*position];
        let most: u64 = (0..segments.len()).filter(unseen).map(|at| left[at]).sum();
        if candidate.count + most < cutoff {
            continue;
        }
        for (position, segment) in segments.iter().enumerate() {
            if candidate.seen[position] {
                continue;
            }
            let ordinal = segment.column.dictionary().term_ord(value);
            debug_assert!(ordinal.is_ok(), "the dictionary is read from the index");
            if let Ok(Some(ordinal)) = ordinal {
                candidate.count += segment.per_ordinal[ordinal as usize];
            }
            candidate.seen[position] = true;
        }
    }
}

/// A segment's counted ordinals not resolved yet.
struct Unresolved {
    ordinals: Vec<u64>,
    /// How many of the segment's largest counts were taken.
    taken: usize,
}

impl Unresolved {
    fn of(per_ordinal: &[u64]) -> Unresolved {
        Unresolved {
            ordinals: ordinals_where(per_ordinal, |count| count > 0),
            taken: 0,
        }
    }

    /// Takes the ordinals ranked below those taken so far and within the
    /// `depth` largest counts (ties to the smaller ordinal), in increasing
    /// order, and gives the largest count of those left (0 when none is).
    fn take_largest(&mut self, per_ordinal: &[u64], depth: usize) -> (Vec<u64>, u64) {
        let wanted = depth.saturating_sub(self.taken);
        if self.ordinals.len() <= wanted {
            self.taken += self.ordinals.len();
            let mut taken = std::mem::take(&mut self.ordinals);
            taken.sort_unstable();
            return (taken, 0);
        }
        let largest_first = |a: &u64, b: &u64| {
            let (count_a, count_b) = (per_ordinal[*a as usize], per_ordinal[*b as usize]);
            count_b.cmp(&count_a).then(a.cmp(b))
        };
        let (_, next, _) = self.ordinals.select_nth_unstable_by(wanted, largest_first);
        let largest_left = per_ordinal[*next as usize];
        let mut taken: Vec<u64> = self.ordinals.drain(..wanted).collect();
        taken.sort_unstable();
        self.taken += wanted;
        (taken, largest_left)
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

    /// Articles tagged with each keyword as many times as given.
    fn repeated(prefix: &str, counts: &[(&str, usize)]) -> Vec<Enriched> {
        let mut articles = Vec::new();
        for (keyword, count) in counts {
            for copy in 0..*count {
                articles.push(tagged(&format!("{prefix}-{keyword}-{copy}"), &[keyword]));
            }
        }
        articles
    }

    #[test]
    fn a_value_below_each_segments_largest_counts_can_lead_in_their_sum() {
        // `zinc` is third in each segment and first in all: the largest
        // two counts of each segment cannot settle the first place.
        let one = repeated("a", &[("oil", 5), ("gas", 4), ("zinc", 3)]);
        let two = repeated("b", &[("coal", 5), ("tin", 4), ("zinc", 3)]);
        let three = repeated("c", &[("iron", 5), ("lead", 4), ("zinc", 3)]);
        let top = keyword_facet(&[&one, &two, &three], 1);
        assert_eq!(top, vec![FacetCount::new("zinc".to_string(), 9)]);
    }

    #[test]
    fn a_value_among_one_segments_largest_counts_adds_its_count_elsewhere() {
        // `zinc` leads the first segment and is last in the second, so its
        // count there is looked up.
        let mut tail: Vec<(String, usize)> = (0..40).map(|n| (format!("metal{n:02}"), 2)).collect();
        tail.push(("zinc".to_string(), 1));
        let tail: Vec<(&str, usize)> = tail
            .iter()
            .map(|(name, count)| (name.as_str(), *count))
            .collect();
        let one = repeated("a", &[("zinc", 5), ("oil", 4)]);
        let two = repeated("b", &tail);
        let top = keyword_facet(&[&one, &two], 1);
        assert_eq!(top, vec![FacetCount::new("zinc".to_string(), 6)]);
    }

    #[test]
    fn a_value_looked_up_in_a_segment_is_not_counted_there_twice() {
        // `alpha` leads the first segment and is looked up in the second,
        // where it is second: the first round cannot settle (8 is not
        // above 5 + 3 left), and the second takes `alpha` there again.
        let one = repeated("a", &[("alpha", 5), ("pi", 5)]);
        let two = repeated("b", &[("beta", 4), ("alpha", 3), ("rho", 1)]);
        let top = keyword_facet(&[&one, &two], 1);
        assert_eq!(top, vec![FacetCount::new("alpha".to_string(), 8)]);
    }

    #[test]
    fn several_segments_give_the_counts_of_all_articles() {
        // Keywords drawn unevenly (a few common, many rare, several
        // articles each), split into three segments at uneven places.
        let mut state: u64 = 7;
        let mut next = |below: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % below
        };
        let drawn: Vec<std::collections::BTreeSet<String>> = (0..400)
            .map(|_| {
                (0..1 + next(4))
                    .map(|_| {
                        let spread = 1 + next(60);
                        format!("k{}", next(spread))
                    })
                    .collect()
            })
            .collect();
        let articles: Vec<Enriched> = drawn
            .iter()
            .enumerate()
            .map(|(number, keywords)| {
                let keywords: Vec<&str> = keywords.iter().map(String::as_str).collect();
                tagged(&format!("a{number}"), &keywords)
            })
            .collect();
        // The answer counted from the articles themselves, not through an
        // index: the one-segment path shares `Unresolved` with this one.
        let mut counted: std::collections::HashMap<String, u64> = Default::default();
        for keyword in drawn.iter().flatten() {
            *counted.entry(keyword.clone()).or_default() += 1;
        }
        let split = [&articles[..37], &articles[37..250], &articles[250..]];
        for limit in [1, 2, 3, 5, 10, 25, 100] {
            let expected = crate::facets::top_counts(counted.clone(), limit);
            assert_eq!(keyword_facet(&split, limit), expected, "limit {limit}");
            assert_eq!(
                keyword_facet(&[&articles], limit),
                expected,
                "limit {limit}"
            );
        }
    }
}
