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
    /// merges them at once, so each article is rewritten once, where
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

    /// Commits, lets the indexing threads go, merges the segments (see
    /// [`merge_segments`]; none ran while the writer wrote), and
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
                merge_segments(&mut writer, merges_to_run).map_err(failed)?;
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
    /// As [`merges_to_run`] chooses: small segments among themselves,
    /// or the whole index into one or two.
    All,
    /// Not at all.
    Keep,
}

/// The indexing memory the writer that merges segments asks tantivy for:
/// its minimum of 15 MB and some room, as it writes no document.
const MERGE_MEMORY_BYTES: usize = 32 * 1024 * 1024;

/// Merges the index's segments as `choose` groups them by their sizes
/// ([`merges_to_run`]), the merges side by side, and waits for them, with
/// no other merge scheduled.
///
/// Queries count facets per segment and resolve term ordinals to text
/// through each segment's dictionary: with one segment only the values
/// shown are resolved, with several each one's largest counts; at 800,000
/// articles, six segments made a four-facet query take twice as long,
/// two 7 % more instructions than one.
fn merge_segments(
    writer: &mut IndexWriter,
    choose: impl Fn(&[u32]) -> Vec<Vec<usize>>,
) -> tantivy::Result<()> {
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let metas = writer.index().searchable_segment_metas()?;
    let sizes: Vec<u32> = metas.iter().map(|meta| meta.num_docs()).collect();
    let merges: Vec<_> = choose(&sizes)
        .into_iter()
        .map(|group| {
            let ids: Vec<_> = group.into_iter().map(|at| metas[at].id()).collect();
            writer.merge(&ids)
        })
        .collect();
    for merge in merges {
        merge.wait()?;
    }
    Ok(())
}

/// The share of an index's articles below which the segments besides the
/// largest are merged among themselves, not into them: a whole rewrite
/// happens only once the index has grown by an eighth, so an index of N
/// articles fed in small ingests is rewritten about log(N) times.
const SMALL_SHARE: (u64, u64) = (1, 8);

/// The fewest articles a segment needs to be kept out of a merge, and
/// each of the segments a whole rewrite splits the index into: a smaller
/// index is rewritten whole in well under a second, and ends with one
/// segment.
const MIN_KEPT_SEGMENT: u32 = 50_000;

/// How many segments a whole rewrite of a large index makes, merged side
/// by side: the final merge is one thread's work per merge, so at 800,000
/// articles one merge left a core idle for 12 of an ingest's 74 seconds,
/// and two take half the time, for queries of 7 % more instructions.
const REWRITE_SEGMENTS: usize = 2;

/// Chooses, from the sizes of the segments, the merges to run, each a
/// group of segments that becomes one (by their positions, in order):
/// - when the largest segments (up to [`REWRITE_SEGMENTS`] of them, each
///   of at least [`MIN_KEPT_SEGMENT`] articles) leave the others less than
///   [`SMALL_SHARE`] of the articles, those others merge into one;
/// - otherwise the whole index is rewritten, into one segment when it
///   holds fewer than [`REWRITE_SEGMENTS`] × [`MIN_KEPT_SEGMENT`]
///   articles, else into [`REWRITE_SEGMENTS`] of about equal size.
///
/// A group of one segment is no merge. An ingest thus leaves at most
/// three segments: two large ones and the small ones' merge.
fn merges_to_run(sizes: &[u32]) -> Vec<Vec<usize>> {
    let mut largest_first: Vec<usize> = (0..sizes.len()).collect();
    largest_first.sort_by_key(|&at| (std::cmp::Reverse(sizes[at]), at));
    let total: u64 = sizes.iter().map(|&size| u64::from(size)).sum();
    let (share, of) = SMALL_SHARE;
    let mut rest = total;
    let mut kept = None;
    for (count, &at) in largest_first.iter().take(REWRITE_SEGMENTS).enumerate() {
        if sizes[at] < MIN_KEPT_SEGMENT {
            break;
        }
        rest -= u64::from(sizes[at]);
        if rest * of < total * share {
            kept = Some(count + 1);
            break;
        }
    }
    let groups = match kept {
        Some(kept) => vec![largest_first[kept..].to_vec()],
        None => {
            let large = total >= REWRITE_SEGMENTS as u64 * u64::from(MIN_KEPT_SEGMENT);
            let count = if large { REWRITE_SEGMENTS } else { 1 };
            balanced_groups(&largest_first, sizes, count)
        }
    };
    groups
        .into_iter()
        .filter(|group| group.len() > 1)
        .map(|mut group| {
            group.sort_unstable();
            group
        })
        .collect()
}

/// Splits segments, given largest first, into `count` groups of about
/// equal size: each segment goes to the group that holds the fewest
/// articles so far.
fn balanced_groups(largest_first: &[usize], sizes: &[u32], count: usize) -> Vec<Vec<usize>> {
    let mut groups: Vec<(u64, Vec<usize>)> = vec![(0, Vec::new()); count];
    for &at in largest_first {
        let lightest = (0..count).min_by_key(|&group| groups[group].0).unwrap_or(0);
        groups[lightest].0 += u64::from(sizes[at]);
        groups[lightest].1.push(at);
    }
    groups.into_iter().map(|(_, group)| group).collect()
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
    if let Some(field) = fields.work {
        for title in &article.works {
            document.add_text(field, title);
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
    use crate::article::Entities;
    use crate::index::test_index::{article, index_in_segments};
    use crate::schema::BUILT_IN_SCHEMA;

    #[test]
    fn the_merges_run_side_by_side_into_a_segment_each() {
        let articles: Vec<Enriched> = (0..8)
            .map(|n| {
                article(
                    &format!("a{n}"),
                    "2024-01-01",
                    "Oil",
                    "Oil.",
                    Entities::default(),
                )
            })
            .collect();
        let batches: Vec<&[Enriched]> = articles.chunks(2).collect();
        let open = index_in_segments(BUILT_IN_SCHEMA, &batches);
        let mut writer: IndexWriter = open
            .index
            .writer_with_num_threads(1, MERGE_MEMORY_BYTES)
            .unwrap();
        merge_segments(&mut writer, |sizes| {
            assert_eq!(sizes, [2, 2, 2, 2]);
            vec![vec![0, 2], vec![1, 3]]
        })
        .unwrap();
        let metas = open.index.searchable_segment_metas().unwrap();
        let mut sizes: Vec<u32> = metas.iter().map(|meta| meta.num_docs()).collect();
        sizes.sort_unstable();
        assert_eq!(sizes, [4, 4]);
    }

    #[test]
    fn small_ingests_merge_among_themselves_not_into_the_large_segments() {
        let none: Vec<Vec<usize>> = Vec::new();
        assert_eq!(merges_to_run(&[]), none);
        assert_eq!(merges_to_run(&[500]), none);
        assert_eq!(merges_to_run(&[800_000, 10]), none);
        assert_eq!(merges_to_run(&[800_000, 10, 20]), vec![vec![1, 2]]);
        assert_eq!(merges_to_run(&[40, 800_000, 10]), vec![vec![0, 2]]);
        assert_eq!(merges_to_run(&[400_000, 400_000, 10]), none);
        assert_eq!(
            merges_to_run(&[10, 400_000, 30, 400_000, 20]),
            vec![vec![0, 2, 4]]
        );
        // Two large segments are kept as they are.
        assert_eq!(merges_to_run(&[700_000, 100_000]), none);
    }

    #[test]
    fn a_small_index_is_rewritten_into_one_segment() {
        assert_eq!(merges_to_run(&[55, 5]), vec![vec![0, 1]]);
        assert_eq!(merges_to_run(&[49_999, 10]), vec![vec![0, 1]]);
        assert_eq!(merges_to_run(&[8_000, 8_000]), vec![vec![0, 1]]);
        assert_eq!(
            merges_to_run(&[300, 300, 200, 200, 100, 100]),
            vec![vec![0, 1, 2, 3, 4, 5]]
        );
    }

    #[test]
    fn a_large_rewrite_makes_two_segments_of_about_equal_size() {
        let eight = [100_000; 8];
        assert_eq!(
            merges_to_run(&eight),
            vec![vec![0, 2, 4, 6], vec![1, 3, 5, 7]]
        );
        // An index grown by more than an eighth since its last rewrite.
        assert_eq!(
            merges_to_run(&[400_000, 400_000, 60_000, 60_000]),
            vec![vec![0, 2], vec![1, 3]]
        );
        assert_eq!(
            merges_to_run(&[90_000, 30_000, 30_000, 30_000]),
            vec![vec![1, 2, 3]]
        );
    }
}
