//! Recognises articles that are indexed already exactly as they would be
//! indexed now: a live document with the same id whose fingerprint
//! ([`crate::enrich::Enricher::fingerprint`], kept in a fast column) is the
//! same. A re-run of an interrupted ingest skips them before enrichment,
//! so resuming costs little more than reading the input again.

use std::sync::Arc;

use tantivy::columnar::Column;
use tantivy::fastfield::AliveBitSet;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, InvertedIndexReader, Searcher, TERMINATED, Term};

use super::OpenIndex;
use crate::error::{Error, Result};

/// The ids and fingerprints of the live documents of an index as of one
/// commit; cheap to share between threads.
pub struct IndexedFingerprints {
    /// Keeps the segments open while they are read.
    _searcher: Searcher,
    id: Field,
    segments: Vec<SegmentFingerprints>,
}

/// What one segment needs to answer: its ids, fingerprints and live docs.
struct SegmentFingerprints {
    ids: Arc<InvertedIndexReader>,
    fingerprints: Column<u64>,
    alive: Option<AliveBitSet>,
}

impl IndexedFingerprints {
    /// Takes the documents of the index as last committed.
    pub fn of(open: &OpenIndex) -> Result<IndexedFingerprints> {
        let error = |source| Error::index(&open.path, source);
        let searcher = open.searcher()?;
        let schema = open.index.schema();
        let column = schema.get_field_name(open.fields.fingerprint);
        let mut segments = Vec::new();
        for segment in searcher.segment_readers() {
            segments.push(SegmentFingerprints {
                ids: segment.inverted_index(open.fields.id).map_err(error)?,
                fingerprints: segment.fast_fields().u64(column).map_err(error)?,
                alive: segment.alive_bitset().cloned(),
            });
        }
        Ok(IndexedFingerprints {
            _searcher: searcher,
            id: open.fields.id,
            segments,
        })
    }

    /// Tells whether a live document has this id and this fingerprint. A
    /// document replaced since (deleted, but not yet merged away) does not
    /// count. A read failure answers no, which only costs re-indexing the
    /// article.
    pub fn contains(&self, id: &str, fingerprint: u64) -> bool {
        let term = Term::from_field_text(self.id, id);
        for segment in &self.segments {
            let Ok(Some(mut postings)) = segment.ids.read_postings(&term, IndexRecordOption::Basic)
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let live = segment
                    .alive
                    .as_ref()
                    .is_none_or(|alive| alive.is_alive(doc));
                if live && segment.fingerprints.first(doc) == Some(fingerprint) {
                    return true;
                }
                doc = postings.advance();
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::index::writer::ArticleWriter;

    #[test]
    fn knows_the_fingerprints_of_live_documents_only() {
        let first = article("a", "2024-01-01", "T", "B", Entities::default());
        let open = index_of(std::slice::from_ref(&first));
        let known = IndexedFingerprints::of(&open).unwrap();
        assert!(known.contains("a", first.fingerprint));
        assert!(!known.contains("a", first.fingerprint + 1));
        assert!(!known.contains("b", first.fingerprint));

        let mut replacement = first.clone();
        replacement.body = "B2".into();
        replacement.fingerprint = first.fingerprint + 1;
        let mut writer = ArticleWriter::new(&open, 1, 50_000_000).unwrap();
        writer.add(&replacement).unwrap();
        writer.commit().unwrap();
        let known = IndexedFingerprints::of(&open).unwrap();
        assert!(!known.contains("a", first.fingerprint));
        assert!(known.contains("a", first.fingerprint + 1));
    }
}
