//! The identity of an article in the index as the writer remembers it:
//! `hash_id`, the eight-byte hash of an id, and [`indexed_id_hashes`],
//! the hashes of the ids an index holds before an ingest, so that the
//! writer tells an article replacing one of them from a repeat of an
//! article written earlier in the run.

use rustc_hash::FxHashSet;
use tantivy::fastfield::AliveBitSet;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, TERMINATED};

use super::OpenIndex;
use crate::error::{Error, Result};

/// The hash by which the writer remembers an id: of its text, or of its
/// term's bytes, which are the same.
pub(crate) fn hash_id(id: impl AsRef<[u8]>) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_ref())
}

/// Returns the hashes of the ids of the live documents of the index as last
/// committed: eight bytes per document (about 8 MB at a million articles),
/// where keeping a searcher open for the whole run instead would keep every
/// segment it replaces on disk until the end. The segments are read once
/// and let go before this returns.
pub fn indexed_id_hashes(open: &OpenIndex) -> Result<FxHashSet<u64>> {
    let error = |source| Error::index(&open.path, source);
    let reader = open.index.reader().map_err(error)?;
    let searcher = reader.searcher();
    let mut hashes = FxHashSet::default();
    hashes.reserve(searcher.num_docs() as usize);
    for segment in searcher.segment_readers() {
        let ids = segment.inverted_index(open.fields.id).map_err(error)?;
        let alive = segment.alive_bitset();
        let mut terms = ids
            .terms()
            .stream()
            .map_err(|source| error(source.into()))?;
        while terms.advance() {
            let live = match alive {
                None => true,
                Some(alive) => {
                    let postings = ids
                        .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                        .map_err(|source| error(source.into()))?;
                    has_live_document(postings, alive)
                }
            };
            if live {
                hashes.insert(hash_id(terms.key()));
            }
        }
    }
    Ok(hashes)
}

/// Tells whether any document of a posting list is alive.
fn has_live_document(mut postings: impl DocSet, alive: &AliveBitSet) -> bool {
    let mut doc = postings.doc();
    while doc != TERMINATED {
        if alive.is_alive(doc) {
            return true;
        }
        doc = postings.advance();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::index::writer::ArticleWriter;

    #[test]
    fn knows_the_ids_of_live_documents_only() {
        let first = article("a", "2024-01-01", "T", "B", Entities::default());
        let second = article("b", "2024-01-02", "T", "B", Entities::default());
        let open = index_of(&[first, second]);
        let expected: FxHashSet<u64> = [hash_id("a"), hash_id("b")].into_iter().collect();
        assert_eq!(indexed_id_hashes(&open).unwrap(), expected);

        let mut writer = ArticleWriter::new(&open, 1, 50_000_000).unwrap();
        assert!(writer.delete("b").unwrap());
        writer.commit().unwrap();
        let expected: FxHashSet<u64> = [hash_id("a")].into_iter().collect();
        assert_eq!(
            indexed_id_hashes(&open).unwrap(),
            expected,
            "b is still in the term dictionary, but deleted"
        );
    }
}
