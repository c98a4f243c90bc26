//! The index on disk: opens it, or creates it on first use, and checks that
//! it was built in this build's format (`newsdex-format`, beside tantivy's
//! files) and with the expected schema.
//!
//! Writing happens in [`writer`]: documents are committed in batches, and a
//! tantivy commit is atomic, so an interrupted ingest leaves the index as of
//! its last commit. An ingest that ends (not one stopped by Ctrl-C) merges
//! the segments, leaving at most three: the small ones merge among
//! themselves beside one or two large ones; once they hold an eighth of the
//! index or more, the whole index is rewritten, into one segment when
//! small, else into two merged side by side. [`verify`] checks the segment
//! files' checksums.
//!
//! This is the lowest floor that holds the data: it imports nothing from
//! the layers that read it (stories, query, facets, operations, export,
//! output, pipeline).

pub mod aliases;
pub mod directory;
pub mod fingerprints;
pub mod ids;
pub mod stored;
pub mod verify;
pub mod writer;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::schema::Schema;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, Searcher};

use crate::error::{Error, Result};
use crate::schema::{self, Fields};
use aliases::Aliases;
use directory::{WatchedDirectory, WriteWatch};

/// An opened index with its resolved fields.
pub struct OpenIndex {
    /// The folder the index lives in.
    pub path: PathBuf,
    /// The tantivy index.
    pub index: Index,
    /// The fields newsdex uses, resolved from the index's own schema.
    pub fields: Fields,
    /// The first write to the index folder that failed, if any.
    pub writes: Arc<WriteWatch>,
    /// The aliases computed when the last ingest ended, with the aliases
    /// file applied.
    pub aliases: Arc<Aliases>,
}

impl OpenIndex {
    /// A searcher of the index as of its last commit, from a reader
    /// reloaded only by hand: the default reader starts a thread that
    /// watches `meta.json` and another that runs its callbacks, two
    /// threads that a command reading the index once has no use for (each
    /// thread's first allocations also fault in fresh pages of the
    /// allocator's).
    pub fn searcher(&self) -> Result<Searcher> {
        searcher_of(&self.index, &self.path)
    }

    /// A searcher as [`OpenIndex::searcher`] gives, that searches the
    /// segments side by side on the machine's two cores or more when the
    /// index has several: for one search a process makes and waits for
    /// (a query at the command line), not for a server's many. Two
    /// segments of 400,000 articles each took a four-facet query from
    /// 17.6 to 16.1 ms (median of 60 runs), for more CPU time.
    pub fn parallel_searcher(&self) -> Result<Searcher> {
        let fail = |error| Error::index(&self.path, error);
        let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
        let segments = self.index.searchable_segment_metas().map_err(fail)?.len();
        if cores < 2 || segments < 2 {
            return self.searcher();
        }
        let mut index = self.index.clone();
        index
            .set_multithread_executor(cores.min(segments))
            .map_err(fail)?;
        searcher_of(&index, &self.path)
    }
}

/// A searcher of an index's last commit, from a reader reloaded by hand.
fn searcher_of(index: &Index, path: &Path) -> Result<Searcher> {
    let reader: IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|error| Error::index(path, error))?;
    Ok(reader.searcher())
}

/// The file tantivy writes at every commit; its presence marks an index.
const META_FILE: &str = "meta.json";

/// The file that records which format of newsdex index a folder holds,
/// beside tantivy's files.
const FORMAT_FILE: &str = "newsdex-format";

/// The index format this build writes and reads. Format 2 folds accents in
/// the built-in schema's searchable fields; indexes of format 1 have no
/// [`FORMAT_FILE`].
const FORMAT: u32 = 2;

/// Checks that an index was written in this build's [`FORMAT`]: one with
/// no format file predates accent folding and must be built again.
fn check_format(path: &Path) -> Result<()> {
    let Ok(written) = std::fs::read_to_string(path.join(FORMAT_FILE)) else {
        return Err(Error::IndexTooOld(path.to_path_buf()));
    };
    let found = written.trim();
    match found.parse::<u32>() {
        Ok(format) if format == FORMAT => Ok(()),
        Ok(format) if format < FORMAT => Err(Error::IndexTooOld(path.to_path_buf())),
        _ => Err(Error::IndexTooNew {
            index: path.to_path_buf(),
            found: found.to_string(),
        }),
    }
}

/// Records this build's [`FORMAT`] in a new index.
fn write_format(path: &Path) -> Result<()> {
    let contents = format!("{FORMAT}\n");
    std::fs::write(path.join(FORMAT_FILE), contents).map_err(|source| Error::Index {
        path: path.to_path_buf(),
        source: tantivy::TantivyError::IoError(Arc::new(source)),
    })
}

/// Opens an existing index for reading, with the schema recorded in it.
pub fn open_index(path: &Path) -> Result<OpenIndex> {
    if path.is_file() {
        return Err(Error::IndexIsFile(path.to_path_buf()));
    }
    if !path.join(META_FILE).is_file() {
        return Err(Error::NoIndex(path.to_path_buf()));
    }
    check_format(path)?;
    let (directory, writes) = watched_directory(path)?;
    let index = Index::open(directory).map_err(|error| Error::index(path, error))?;
    prepare(path, index, writes)
}

/// Tells whether a folder exists and holds an entry other than tantivy's
/// lock files (which an ingest killed before its first commit leaves).
fn holds_anything(path: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(".tantivy-") {
            return true;
        }
    }
    false
}

/// Opens the index folder with its writes watched.
fn watched_directory(path: &Path) -> Result<(WatchedDirectory, Arc<WriteWatch>)> {
    let directory =
        WatchedDirectory::open(path).map_err(|error| Error::index(path, error.into()))?;
    let writes = directory.watch();
    Ok((directory, writes))
}

/// Opens the index for writing, creating it (and its folder) on first use.
/// An existing index must have been built with `expected`. A file, or a
/// folder that holds files but no index, is refused, so that an index is
/// never written among the user's own files.
pub fn open_or_create_index(path: &Path, expected: &Schema) -> Result<OpenIndex> {
    if path.is_file() {
        return Err(Error::IndexIsFile(path.to_path_buf()));
    }
    if path.join(META_FILE).is_file() {
        check_format(path)?;
        let (directory, writes) = watched_directory(path)?;
        let index = Index::open(directory).map_err(|error| Error::index(path, error))?;
        if let Some(difference) = schema::describe_difference(&index.schema(), expected) {
            return Err(Error::SchemaMismatch {
                index: path.to_path_buf(),
                difference,
            });
        }
        return prepare(path, index, writes);
    }
    if holds_anything(path) {
        return Err(Error::NotAnIndex(path.to_path_buf()));
    }
    std::fs::create_dir_all(path).map_err(|source| Error::Index {
        path: path.to_path_buf(),
        source: tantivy::TantivyError::IoError(std::sync::Arc::new(source)),
    })?;
    let (directory, writes) = watched_directory(path)?;
    let index = Index::builder()
        .schema(expected.clone())
        .settings(index_settings())
        .open_or_create(directory)
        .map_err(|error| Error::index(path, error))?;
    write_format(path)?;
    prepare(path, index, writes)
}

/// The settings of a new index: stored fields compressed with zstd in
/// 16 KiB blocks, which keeps the index smaller than its JSON input (lz4
/// made it a third larger); only the page of hits is ever decompressed.
///
/// The level is zstd's fastest, [`DOC_STORE_LEVEL`]: against the default
/// (3) it takes 8 % fewer instructions from an ingest with `--no-enrich`
/// for a doc store 3.6 % larger. Larger blocks would compress better and
/// faster, but every hit shown decompresses its whole block: 64 KiB blocks
/// made a four-facet query of 2,000 articles take 45 % more instructions.
/// An index keeps the settings it was created with, and reads blocks of any
/// level.
fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(DOC_STORE_LEVEL),
        }),
        docstore_blocksize: 16 * 1024,
        ..IndexSettings::default()
    }
}

/// The zstd level of the doc store of a new index.
const DOC_STORE_LEVEL: i32 = 1;

/// Registers newsdex's tokenizers and resolves the fields.
fn prepare(path: &Path, index: Index, writes: Arc<WriteWatch>) -> Result<OpenIndex> {
    schema::register_tokenizers(index.tokenizers());
    let fields = Fields::resolve(&index.schema()).map_err(|difference| Error::SchemaMismatch {
        index: path.to_path_buf(),
        difference,
    })?;
    let mut aliases = Aliases::load(&index);
    let aliases_file = path.join(aliases::ALIASES_FILE);
    match std::fs::read_to_string(&aliases_file) {
        Ok(text) => aliases.apply_file(&text, &aliases_file)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => {
            return Err(Error::Input {
                path: aliases_file,
                source: error,
            });
        }
    }
    let aliases = Arc::new(aliases);
    Ok(OpenIndex {
        path: path.to_path_buf(),
        index,
        fields,
        writes,
        aliases,
    })
}

#[cfg(test)]
pub(crate) mod test_index {
    //! An in-memory index filled with hand-written articles, for unit tests.

    use super::*;
    use crate::article::{Enriched, Entities};

    /// Builds an article ready to index, with the given id, day and entities.
    pub fn article(id: &str, day: &str, title: &str, body: &str, entities: Entities) -> Enriched {
        Enriched {
            id: id.to_string(),
            date: crate::dates::parse_date(day),
            unparsed_date: None,
            warnings: Vec::new(),
            title: title.to_string(),
            dateline: String::new(),
            body: body.to_string(),
            source: Some("Wire".to_string()),
            url: None,
            author: None,
            entities,
            evidence: Default::default(),
            fingerprint: xxhash_rust::xxh3::xxh3_64(id.as_bytes()),
            minhash: crate::enrich::minhash::article_bands(title, body),
            short_forms: Vec::new(),
            works: Vec::new(),
        }
    }

    /// Creates an in-memory index holding the given articles, committed.
    pub fn index_of(articles: &[Enriched]) -> OpenIndex {
        index_with_schema(schema::BUILT_IN_SCHEMA, articles)
    }

    /// Creates an in-memory index with the given schema file's text,
    /// holding the given articles, committed.
    pub fn index_with_schema(schema_text: &str, articles: &[Enriched]) -> OpenIndex {
        index_in_segments(schema_text, &[articles])
    }

    /// Creates an in-memory index with the given schema file's text, one
    /// segment per batch of articles, each committed.
    pub fn index_in_segments(schema_text: &str, batches: &[&[Enriched]]) -> OpenIndex {
        let schema = schema::parse_schema(schema_text, "test schema").unwrap();
        let index = Index::create_in_ram(schema);
        let opened = prepare(Path::new("memory"), index, Arc::default()).unwrap();
        let mut writer = writer::ArticleWriter::new(&opened, 1, 50_000_000).unwrap();
        for batch in batches {
            for enriched in *batch {
                writer.add(enriched).unwrap();
            }
            writer.commit().unwrap();
        }
        opened
    }
}
