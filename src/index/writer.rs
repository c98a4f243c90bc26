//! Writes enriched articles into the index: one document per article id,
//! replacing any earlier document with the same id, committed in batches.

use rustc_hash::FxHashSet;

use tantivy::indexer::NoMergePolicy;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::OpenIndex;
use super::aliases::Aliases;
use super::directory::WriteWatch;
use super::ids::{hash_id, indexed_id_hashes};
use crate::article::Enriched;
use crate::dates;
use crate::error::{Error, Result};
use crate::schema::Fields;

/// What adding one article did to the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// An article with an id the index did not hold.
    New,
    /// Replaced the article with the same id the index held before this
    /// run.
    Replaced,
    /// Replaced an article with the same id written earlier in this run:
    /// the input holds it more than once, and the last one wins.
    Duplicate,
}

/// Adds articles to an index, upserting by id.
pub struct ArticleWriter {
    writer: IndexWriter,
    fields: Fields,
    path: std::path::PathBuf,
    /// The first failed write to the index folder, named in errors.
    writes: std::sync::Arc<WriteWatch>,
    /// Reads the index as of the last commit, to tell replacements apart.
    reader: IndexReader,
    committed: Searcher,
    /// Hashes of the ids written since the last commit; cleared at each
    /// commit, so memory is bounded by the batch size, not the corpus.
    written: FxHashSet<u64>,
    /// Hashes of the ids written in this run, when an ingest asked
    /// ([`ArticleWriter::for_ingest`]): with the ids held before the run,
    /// they tell which ids the committed index cannot hold, so that
    /// [`ArticleWriter::add`] looks an id up in every segment only when
    /// its hash says it may be there (eight bytes per article).
    written_in_run: FxHashSet<u64>,
    /// Hashes of the ids whose article replaced another in this run, kept
    /// for the whole run: eight bytes per replaced article.
    rewritten: FxHashSet<u64>,
    /// Hashes of the ids the index held before this run, when an ingest
    /// asked ([`ArticleWriter::for_ingest`]): eight bytes per article of
    /// the index, rather than a searcher of the index as it was, which
    /// would keep every segment replaced since on disk until the end.
    indexed_before: Option<FxHashSet<u64>>,
}

impl ArticleWriter {
    /// Opens the index for writing with the given thread count and memory
    /// budget; fails at once when another process holds the index.
    ///
    /// No segment is merged while the writer writes: [`Self::finish`]
    /// merges them all at once, so each article is rewritten once, where
    /// tantivy's merges in the background rewrote most of them twice before
    /// the final merge (eight segments of one commit into one, then eight
    /// of those into one).
    pub fn new(open: &OpenIndex, threads: usize, memory_bytes: usize) -> Result<ArticleWriter> {
        let error = |source| Error::index(&open.path, source);
        let writer = open
            .index
            .writer_with_num_threads(threads, memory_bytes)
            .map_err(error)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let reader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(error)?;
        let committed = reader.searcher();
        Ok(ArticleWriter {
            writer,
            fields: open.fields,
            path: open.path.clone(),
            writes: std::sync::Arc::clone(&open.writes),
            reader,
            committed,
            written: FxHashSet::default(),
            written_in_run: FxHashSet::default(),
            rewritten: FxHashSet::default(),
            indexed_before: None,
        })
    }

    /// Opens the index for an ingest: as [`ArticleWriter::new`], and
    /// remembers the ids it holds, so that [`ArticleWriter::add`] tells a
    /// replacement from a duplicate.
    pub fn for_ingest(
        open: &OpenIndex,
        threads: usize,
        memory_bytes: usize,
    ) -> Result<ArticleWriter> {
        let mut writer = ArticleWriter::new(open, threads, memory_bytes)?;
        writer.indexed_before = Some(indexed_id_hashes(open)?);
        Ok(writer)
    }

    /// Adds one article, deleting any document with the same id first, so
    /// that the last occurrence wins. Returns whether its id is new,
    /// replaced an article indexed before this run, or was written earlier
    /// in this run; without the ids held before the run
    /// ([`ArticleWriter::for_ingest`]), any article it replaces counts as
    /// indexed before.
    pub fn add(&mut self, article: &Enriched) -> Result<Written> {
        let id_term = Term::from_field_text(self.fields.id, &article.id);
        let id_hash = hash_id(&article.id);
        let in_batch = !self.written.insert(id_hash);
        // An id neither held before the run nor written in it cannot be in
        // the committed index: the look-up, a term query per segment, is
        // left out for it. Without the ids held before, any id may be.
        let may_be_committed = match &self.indexed_before {
            None => true,
            Some(before) => before.contains(&id_hash) || self.written_in_run.contains(&id_hash),
        };
        let committed =
            in_batch || (may_be_committed && self.committed.doc_freq(&id_term).unwrap_or(0) > 0);
        if self.indexed_before.is_some() {
            self.written_in_run.insert(id_hash);
        }
        let outcome = if !committed {
            Written::New
        } else if in_batch || self.rewritten.contains(&id_hash) {
            Written::Duplicate
        } else if self
            .indexed_before
            .as_ref()
            .is_none_or(|before| before.contains(&id_hash))
        {
            Written::Replaced
        } else {
            // Written earlier in this run, and committed since.
            Written::Duplicate
        };
        // A delete costs a term query per segment at commit, so it is only
        // queued when there may be a document to replace (a hash collision
        // only queues a useless delete).
        if outcome != Written::New {
            self.rewritten.insert(id_hash);
            self.writer.delete_term(id_term);
        }
        let document = to_document(&self.fields, article);
        self.writer
            .add_document(document)
            .map_err(|error| self.write_error(error))?;
        Ok(outcome)
    }

    /// Deletes the article with this id, if the index holds one as of the
    /// last commit; returns whether it did. The deletion takes effect at the
    /// next commit.
    pub fn delete(&mut self, id: &str) -> Result<bool> {
        let id_term = Term::from_field_text(self.fields.id, id);
        let held = self
            .committed
            .doc_freq(&id_term)
            .map_err(|error| Error::index(&self.path, error))?;
        if held == 0 {
            return Ok(false);
        }
        self.writer.delete_term(id_term);
        Ok(true)
    }

    /// Tells whether an article with this id replaced another in this run
    /// (rarely, a different id with the same hash also answers yes).
    pub fn rewrote(&self, id: &str) -> bool {
        self.rewritten.contains(&hash_id(id))
    }

    /// Commits everything added so far, atomically, then sees the index as
    /// committed to tell later replacements apart.
    pub fn commit(&mut self) -> Result<()> {
        self.writer
            .commit()
            .map_err(|error| self.write_error(error))?;
        let error = |source| Error::index(&self.path, source);
        self.reader.reload().map_err(error)?;
        self.committed = self.reader.searcher();
        self.written.clear();
        Ok(())
    }

    /// Commits, lets the indexing threads go, merges the segments in one
    /// merge (see [`merge_segments`]; none ran while the writer wrote), and
    /// recomputes the aliases of the whole
    /// index, kept in a last commit. The writer knows nothing of stories:
    /// the caller works them out again once this returns.
    pub fn finish(self) -> Result<()> {
        self.finish_with(SegmentMerge::All)
    }

    /// Commits and recomputes the aliases, as [`Self::finish`] does,
    /// with or without merging the segments: an ingest stopped by Ctrl-C
    /// leaves them as they are, to end at once.
    pub fn finish_with(mut self, merge: SegmentMerge) -> Result<()> {
        self.commit()?;
        let ArticleWriter {
            writer,
            path,
            writes,
            reader,
            ..
        } = self;
        let failed = |error| write_error(&path, &writes, error);
        let index = writer.index().clone();
        let mut writer = match merge {
            SegmentMerge::All => {
                writer.wait_merging_threads().map_err(failed)?;
                let mut writer: IndexWriter = index
                    .writer_with_num_threads(1, MERGE_MEMORY_BYTES)
                    .map_err(failed)?;
                merge_segments(&mut writer).map_err(failed)?;
                reader.reload().map_err(failed)?;
                writer
            }
            SegmentMerge::Keep => writer,
        };
        let aliases =
            Aliases::compute(&reader.searcher()).map_err(|error| Error::index(&path, error))?;
        let payload = aliases
            .write(&index)
            .map_err(|error| failed(tantivy::TantivyError::IoError(std::sync::Arc::new(error))))?;
        let mut prepared = writer.prepare_commit().map_err(failed)?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(failed)?;
        writer.wait_merging_threads().map_err(failed)
    }

    fn write_error(&self, error: tantivy::TantivyError) -> Error {
        write_error(&self.path, &self.writes, error)
    }
}

/// Names the failed write behind a tantivy error when there was one: a
/// write failing in an indexing thread only says the writer was killed.
fn write_error(path: &std::path::Path, writes: &WriteWatch, error: tantivy::TantivyError) -> Error {
    match writes.first_failure() {
        Some(reason) => Error::WriteFailed {
            path: path.to_path_buf(),
            reason,
        },
        None => Error::index(path, error),
    }
}

/// Whether [`ArticleWriter::finish_with`] merges the index's segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentMerge {
    /// Into one segment.
    All,
    /// Not at all.
    Keep,
}

/// The indexing memory the writer that merges segments asks tantivy for:
/// its minimum of 15 MB and some room, as it writes no document.
const MERGE_MEMORY_BYTES: usize = 32 * 1024 * 1024;

/// Merges the index's segments and waits for it, with no other merge
/// scheduled: all of them into one, or, when the segments besides the
/// largest hold less than [`SMALL_SHARE`] of the articles (an ingest of a
/// few articles into a large index), only those, so that adding ten
/// articles to 800,000 does not rewrite them all ([`segments_to_merge`]).
///
/// Queries count facets per segment and resolve term ordinals to text
/// through each segment's dictionary; with one segment the counts need no
/// merging by text, and only the values shown are resolved: at 800,000
/// articles, six segments made a four-facet query take twice as long.
fn merge_segments(writer: &mut IndexWriter) -> tantivy::Result<()> {
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let metas = writer.index().searchable_segment_metas()?;
    let sizes: Vec<u32> = metas.iter().map(|meta| meta.num_docs()).collect();
    let chosen: Vec<_> = segments_to_merge(&sizes)
        .into_iter()
        .map(|position| metas[position].id())
        .collect();
    if !chosen.is_empty() {
        writer.merge(&chosen).wait()?;
    }
    Ok(())
}

/// The share of an index's articles below which the segments besides the
/// largest are merged among themselves, not into it: a whole rewrite
/// happens only once the index has grown by an eighth, so an index of N
/// articles fed in small ingests is rewritten about log(N) times, and
/// holds at most two segments after any ingest.
const SMALL_SHARE: (u64, u64) = (1, 8);

/// The fewest articles a segment needs to be kept out of a merge: a
/// smaller index is rewritten whole in well under a second, and ends with
/// one segment.
const MIN_KEPT_SEGMENT: u32 = 50_000;

/// Chooses, from the sizes of the segments, the ones to merge: every one,
/// or every one but the largest when it is large and the others are small
/// beside it; none when that leaves fewer than two.
fn segments_to_merge(sizes: &[u32]) -> Vec<usize> {
    let Some(largest) = (0..sizes.len()).max_by_key(|&position| sizes[position]) else {
        return Vec::new();
    };
    let total: u64 = sizes.iter().map(|&size| u64::from(size)).sum();
    let rest = total - u64::from(sizes[largest]);
    let (share, of) = SMALL_SHARE;
    let keep_largest = sizes[largest] >= MIN_KEPT_SEGMENT && rest * of < total * share;
    let chosen: Vec<usize> = (0..sizes.len())
        .filter(|&position| !(keep_largest && position == largest))
        .collect();
    match chosen.len() {
        0 | 1 => Vec::new(),
        _ => chosen,
    }
}

/// Builds the tantivy document of an article.
fn to_document(fields: &Fields, article: &Enriched) -> TantivyDocument {
    let mut document = TantivyDocument::new();
    document.add_text(fields.id, &article.id);
    document.add_u64(fields.fingerprint, article.fingerprint);
    if let Some(field) = fields.minhash {
        for packed in article.minhash.iter().flat_map(|bands| bands.to_stored()) {
            document.add_u64(field, packed);
        }
    }
    if let Some(field) = fields.short_form {
        for (short, name) in &article.short_forms {
            let separator = crate::index::aliases::variants::SHORT_FORM_SEPARATOR;
            document.add_text(field, format!("{short}{separator}{name}"));
        }
    }
    if let Some(date) = article.date {
        document.add_date(fields.date, dates::to_index_date(date));
    }
    document.add_text(fields.title, &article.title);
    document.add_text(fields.dateline, &article.dateline);
    document.add_text(fields.body, &article.body);
    let optional = [
        (fields.source, &article.source),
        (fields.url, &article.url),
        (fields.author, &article.author),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            document.add_text(field, value);
        }
    }
    for (kind, values) in article.entities.iter() {
        for value in values {
            document.add_text(fields.kinds[kind], value);
        }
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ingests_merge_among_themselves_not_into_the_large_segment() {
        assert_eq!(segments_to_merge(&[]), Vec::<usize>::new());
        assert_eq!(segments_to_merge(&[500]), Vec::<usize>::new());
        assert_eq!(segments_to_merge(&[800_000, 10]), Vec::<usize>::new());
        assert_eq!(segments_to_merge(&[800_000, 10, 20]), vec![1, 2]);
        assert_eq!(segments_to_merge(&[55, 5]), vec![0, 1]);
        assert_eq!(segments_to_merge(&[49_999, 10]), vec![0, 1]);
        assert_eq!(segments_to_merge(&[40, 800_000, 10]), vec![0, 2]);
        assert_eq!(segments_to_merge(&[700_000, 100_000]), vec![0, 1]);
        assert_eq!(
            segments_to_merge(&[300, 300, 200, 200, 100, 100]),
            vec![0, 1, 2, 3, 4, 5]
        );
    }
}
