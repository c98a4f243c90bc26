//! Writes enriched articles into the index: one document per article id,
//! replacing any earlier document with the same id, committed in batches.

use rustc_hash::FxHashSet;

use tantivy::indexer::NoMergePolicy;
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use super::OpenIndex;
use super::aliases::PersonAliases;
use super::directory::WriteWatch;
use crate::article::Enriched;
use crate::dates;
use crate::error::{Error, Result};
use crate::kinds::Kind;
use crate::schema::Fields;

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
    /// Hashes of the ids whose article replaced another in this run, kept
    /// for the whole run: eight bytes per replaced article.
    rewritten: FxHashSet<u64>,
}

impl ArticleWriter {
    /// Opens the index for writing with the given thread count and memory
    /// budget; fails at once when another process holds the index.
    pub fn new(open: &OpenIndex, threads: usize, memory_bytes: usize) -> Result<ArticleWriter> {
        let error = |source| Error::index(&open.path, source);
        let writer = open
            .index
            .writer_with_num_threads(threads, memory_bytes)
            .map_err(error)?;
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
            rewritten: FxHashSet::default(),
        })
    }

    /// Adds one article, deleting any document with the same id first, so
    /// that the last occurrence wins. Returns whether it replaced one.
    pub fn add(&mut self, article: &Enriched) -> Result<bool> {
        let id_term = Term::from_field_text(self.fields.id, &article.id);
        let id_hash = hash_id(&article.id);
        let replaced =
            !self.written.insert(id_hash) || self.committed.doc_freq(&id_term).unwrap_or(0) > 0;
        // A delete costs a term query per segment at commit, so it is only
        // queued when there may be a document to replace (a hash collision
        // only queues a useless delete).
        if replaced {
            self.rewritten.insert(id_hash);
            self.writer.delete_term(id_term);
        }
        let document = to_document(&self.fields, article);
        self.writer
            .add_document(document)
            .map_err(|error| self.write_error(error))?;
        Ok(replaced)
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

    /// Commits, waits for background merges, merges every segment into one
    /// (see [`merge_segments`]), and recomputes the person aliases of the
    /// whole index, kept in a last commit.
    pub fn finish(self) -> Result<()> {
        self.finish_with(SegmentMerge::All)
    }

    /// Commits and recomputes the person aliases, as [`Self::finish`] does,
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
        let aliases = PersonAliases::compute(&reader.searcher(), Kind::Person.field())
            .map_err(|error| Error::index(&path, error))?;
        let mut prepared = writer.prepare_commit().map_err(failed)?;
        prepared.set_payload(&aliases.to_payload());
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

/// Merges every segment of the index into one and waits for it, when
/// there are several, with no other merge scheduled.
///
/// Queries count facets per segment and resolve term ordinals to text
/// through each segment's dictionary; with one segment the counts need no
/// merging by text, and only the values shown are resolved: at 800,000
/// articles, six segments made a four-facet query take twice as long.
fn merge_segments(writer: &mut IndexWriter) -> tantivy::Result<()> {
    writer.set_merge_policy(Box::new(NoMergePolicy));
    let segments = writer.index().searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    Ok(())
}

fn hash_id(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

/// Builds the tantivy document of an article.
fn to_document(fields: &Fields, article: &Enriched) -> TantivyDocument {
    let mut document = TantivyDocument::new();
    document.add_text(fields.id, &article.id);
    document.add_u64(fields.fingerprint, article.fingerprint);
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
