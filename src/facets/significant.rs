//! Significant values: the values of a field over-represented among the
//! articles a query matches compared with the whole index, as
//! Elasticsearch's `significant_terms` finds them, locally.
//!
//! For a value found in `hits_with` of the `hits` matching articles and in
//! `index_with` of the index's `documents`, the foreground share is
//! `hits_with / hits` and the background share `index_with / documents`.
//! The score is JLH: `(foreground - background) * (foreground /
//! background)`, which rewards both the absolute and the relative rise, so
//! a value frequent everywhere (`Reagan` in 1987) ranks below one that is
//! rarer but concentrated in the hits (a coffee negotiator in a search for
//! `coffee`). A value needs [`MIN_HITS`] matching articles, so that a name
//! seen once in a small result does not win on chance, and a foreground
//! share above its background share; when the query matches every article
//! nothing is significant. Persons, organizations and locations count as in
//! their facets: an alias ([`Aliases`]) counts as the name it stands for,
//! in the hits and in the background.

use tantivy::schema::Field;
use tantivy::{Index, Searcher, Term};

use super::FacetCount;
use crate::index::aliases::{Aliases, MERGED_KINDS};
use crate::schema::fold_for_matching;

/// The fewest matching articles a significant value needs (Elasticsearch's
/// `min_doc_count` default).
pub const MIN_HITS: u64 = 3;

/// What the scores compare with: the index as a whole.
pub struct Background<'a> {
    /// The index, for the tokenizer of each field.
    pub index: &'a Index,
    /// A searcher over the whole index, for document frequencies.
    pub searcher: &'a Searcher,
    /// How many articles the query matched.
    pub hits: u64,
    /// The aliases, which count in the background of the names they stand
    /// for, as they count in the hits.
    pub aliases: &'a Aliases,
}

impl Background<'_> {
    /// How many articles of the index have this value in this field: the
    /// document frequency of the value tokenized as the field is, plus,
    /// for a full name, that of each surname an alias joins to it (in any
    /// year: a little more than the articles it stands for).
    fn documents_with(&self, field: Field, value: &str) -> Option<u64> {
        let mut documents = self.documents_of_term(field, value)?;
        let schema = self.index.schema();
        let kind = MERGED_KINDS
            .into_iter()
            .find(|kind| schema.get_field(kind.field()).ok() == Some(field));
        let Some(kind) = kind else {
            return Some(documents);
        };
        let folded_value = fold_for_matching(value);
        let mut counted: Vec<String> = Vec::new();
        for alias in self.aliases.standing_for(kind, value) {
            // The field's terms are folded: `LONDON` is the term of `London`.
            let folded = fold_for_matching(&alias.alias);
            if folded != folded_value && !counted.contains(&folded) {
                documents += self.documents_of_term(field, &alias.alias).unwrap_or(0);
                counted.push(folded);
            }
        }
        Some(documents)
    }

    /// The document frequency of a value tokenized as the field is.
    fn documents_of_term(&self, field: Field, value: &str) -> Option<u64> {
        let mut analyzer = self.index.tokenizer_for_field(field).ok()?;
        let mut terms = Vec::new();
        let mut tokens = analyzer.token_stream(value);
        tokens.process(&mut |token| terms.push(Term::from_field_text(field, &token.text)));
        let [term] = terms.as_slice() else {
            return None;
        };
        self.searcher.doc_freq(term).ok()
    }
}

/// Scores the values counted in the hits and keeps the `limit` best.
pub fn significant_values(
    counts: Vec<(String, u64)>,
    field_name: &str,
    background: &Background,
    limit: usize,
) -> Vec<FacetCount> {
    let documents = background.searcher.num_docs();
    let Ok(field) = background.index.schema().get_field(field_name) else {
        return Vec::new();
    };
    if background.hits == 0 || background.hits >= documents {
        return Vec::new();
    }
    let mut scored = Vec::new();
    for (value, hits_with) in counts {
        if hits_with < MIN_HITS {
            continue;
        }
        let Some(index_with) = background.documents_with(field, &value) else {
            continue;
        };
        let Some(score) = jlh(hits_with, background.hits, index_with, documents) else {
            continue;
        };
        scored.push(FacetCount {
            value,
            count: hits_with,
            background: Some(index_with.max(hits_with)),
            score: Some(score),
        });
    }
    scored.sort_by(|a, b| {
        let by_score = b
            .score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal);
        by_score.then_with(|| a.value.cmp(&b.value))
    });
    scored.truncate(limit);
    scored
}

/// The JLH score of a value, or `None` when it is not over-represented.
fn jlh(hits_with: u64, hits: u64, index_with: u64, documents: u64) -> Option<f64> {
    let index_with = index_with.max(hits_with);
    let foreground = hits_with as f64 / hits as f64;
    let background = index_with as f64 / documents as f64;
    if foreground <= background {
        return None;
    }
    let score = (foreground - background) * (foreground / background);
    Some((score * 10_000.0).round() / 10_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concentrated_values_beat_frequent_ones() {
        let coffee_man = jlh(15, 100, 16, 16_000).unwrap();
        let everywhere = jlh(20, 100, 270, 16_000).unwrap();
        assert!(coffee_man > everywhere, "{coffee_man} > {everywhere}");
        assert_eq!(jlh(1, 100, 160, 16_000), None, "under-represented");
        assert_eq!(jlh(10, 100, 1_600, 16_000), None, "as common as anywhere");
    }

    #[test]
    fn scores_are_rounded_to_four_places() {
        let score = jlh(3, 10, 3, 1_000).unwrap();
        assert_eq!(
            score,
            ((0.3 - 0.003) * (0.3 / 0.003) * 10_000.0_f64).round() / 10_000.0
        );
    }
}
