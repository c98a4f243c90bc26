//! Errors of the library: one typed enum, with the file, line or field that
//! went wrong, kept apart from the per-record problems that never stop a run.
//!
//! Messages are lowercase, one line, without a trailing period, and name the
//! fix where there is one.

use std::fmt;
use std::path::PathBuf;

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where a record came from: a file (or `<stdin>`) and, when known, a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as the user gave it, or `<stdin>`.
    pub file: String,
    /// The 1-based line where the record starts, when the format has lines.
    pub line: Option<u64>,
}

impl Location {
    /// Creates a location for a whole file.
    pub fn file(file: impl Into<String>) -> Location {
        Location {
            file: file.into(),
            line: None,
        }
    }

    /// Creates a location for one line of a file.
    pub fn line(file: impl Into<String>, line: u64) -> Location {
        Location {
            file: file.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.file, line),
            None => write!(f, "{}", self.file),
        }
    }
}

/// A record that could not be read; the run goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {reason}")]
pub struct RecordError {
    /// Where the record is.
    pub location: Location,
    /// What is wrong with it.
    pub reason: String,
}

/// A failure that stops a command: bad usage, a bad schema, or an index
/// that cannot be opened or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input path could not be opened or read.
    #[error("{path}: {source}")]
    Input {
        /// The path as given.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
    /// The schema file is not valid.
    #[error("schema {path}: {reason}")]
    Schema {
        /// The schema file, or `<built-in>`.
        path: String,
        /// What is wrong, naming the field where there is one.
        reason: String,
    },
    /// The index was built with another schema.
    #[error(
        "index {index} was built with another schema: {difference}; ingest into a new index (--index DIR) or use the schema it was built with"
    )]
    SchemaMismatch {
        /// The index folder.
        index: PathBuf,
        /// The first difference found.
        difference: String,
    },
    /// There is no index at the given place.
    #[error("no index at {0}: run `newsdex ingest --index {0} PATH...` first")]
    NoIndex(PathBuf),
    /// The index was built without the fingerprints stories need.
    #[error(
        "index {0} has no story fingerprints (it was built before newsdex kept them): ingest the articles into a new index (--index DIR) to use --collapse and --count stories"
    )]
    NoStories(PathBuf),
    /// The index was built by a newsdex whose terms this one does not
    /// make, so searches would silently miss what it holds.
    #[error(
        "index {0} was built by an older newsdex, whose searches tell letters with and without accents apart: build it again (remove {0}, then ingest its files)"
    )]
    IndexTooOld(PathBuf),
    /// The index was built by a later newsdex, in a format this one does
    /// not know.
    #[error(
        "index {index} was built by a newer newsdex (index format {found}): use that newsdex, or build the index again with this one"
    )]
    IndexTooNew {
        /// The index folder.
        index: PathBuf,
        /// The format the index records.
        found: String,
    },
    /// Another process is writing to the index.
    #[error("index {0} is locked by another ingest: wait for it to finish, then run again")]
    IndexLocked(PathBuf),
    /// Segment files of the index fail their checksum.
    #[error(
        "index {index} is damaged: {}; ingest the original files into a new index (--index DIR)",
        files.join(", ")
    )]
    Damaged {
        /// The index folder.
        index: PathBuf,
        /// Each damaged file with what is wrong with it, relative to the
        /// folder: `0aa6...store failed the checksum`.
        files: Vec<String>,
    },
    /// The index's lock file could not be created (a read-only folder).
    #[error(
        "cannot lock index {path}: {reason}; ingest needs to create lock files in the index folder: make it writable, or ingest into a copy of the index (queries work on a read-only index)"
    )]
    LockUnavailable {
        /// The index folder.
        path: PathBuf,
        /// The system's reason.
        reason: String,
    },
    /// A file of the index is missing or unreadable, found while opening it.
    #[error(
        "index {index} is damaged: {detail}; ingest the original files into a new index (--index DIR)"
    )]
    Corrupt {
        /// The index folder.
        index: PathBuf,
        /// What is wrong, naming the file.
        detail: String,
    },
    /// Writing the index failed (a full disk, a folder made read-only);
    /// what was committed before is intact.
    #[error(
        "cannot write index {path}: {reason}; the articles committed before are intact: free some space or make the folder writable, then run the same ingest again to resume"
    )]
    WriteFailed {
        /// The index folder.
        path: PathBuf,
        /// The operating system's error: `No space left on device (os error 28)`.
        reason: String,
    },
    /// The index could not be opened, read or written.
    #[error("index {path}: {source}")]
    Index {
        /// The index folder.
        path: PathBuf,
        /// The tantivy failure.
        source: tantivy::TantivyError,
    },
    /// The query text is not valid.
    #[error("invalid query {query:?}: {reason}")]
    Query {
        /// The query as given.
        query: String,
        /// What the parser said.
        reason: String,
    },
    /// A line of an index folder's aliases file that is no merge.
    #[error(
        "{}:{line}: {reason}: write one merge a line, `alias<TAB>full name`, or `alias<TAB>-` to undo one",
        path.display()
    )]
    AliasesFile {
        /// The aliases file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A command-line value is not valid (facet name, date, country...).
    #[error("invalid {what} {value:?}: {hint}")]
    Usage {
        /// What kind of value it is, e.g. `facet`.
        what: &'static str,
        /// The value as given.
        value: String,
        /// What would be accepted.
        hint: String,
    },
    /// Writing results failed.
    #[error("cannot write output: {0}")]
    Output(#[source] std::io::Error),
    /// The export folder cannot take a new export as it is.
    #[error("export folder {} {problem}", path.display())]
    ExportFolder {
        /// The folder given with `--out`.
        path: PathBuf,
        /// What is wrong and what to do.
        problem: &'static str,
    },
    /// No article of the index has the id asked for (`show`, the API's
    /// article).
    #[error("no article with id {id:?} in {}: `newsdex query` lists the ids", index.display())]
    NoArticle {
        /// The index folder, as given.
        index: PathBuf,
        /// The id asked for.
        id: String,
    },
    /// The server cannot listen at the address asked for.
    #[error(
        "cannot serve at {address}: {source}: choose another --port, or --port 0 for a free one"
    )]
    Bind {
        /// The address and port.
        address: String,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The index path is a file.
    #[error("index {} is a file, not a folder: name a folder for the index with --index DIR", .0.display())]
    IndexIsFile(PathBuf),
    /// The index folder holds files but no newsdex index.
    #[error("{} is not empty and holds no newsdex index: ingest into a new or empty folder (--index DIR)", .0.display())]
    NotAnIndex(PathBuf),
    /// The manual pages could not be written.
    #[error("cannot write the manual pages into {}: {source}", path.display())]
    ManPages {
        /// The folder given with `--out`.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
    /// An export folder or file could not be created or written.
    #[error("cannot write export {}: {source}", path.display())]
    Export {
        /// The folder or file that failed.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
}

impl From<crate::dates::DateRefusal> for Error {
    /// A refused typed date is a usage error naming the date and what to
    /// type instead.
    fn from(refusal: crate::dates::DateRefusal) -> Error {
        Error::Usage {
            what: "date",
            value: refusal.text().to_string(),
            hint: refusal.hint(),
        }
    }
}

impl Error {
    /// Wraps a tantivy error with the index it happened in.
    pub fn index(path: impl Into<PathBuf>, source: tantivy::TantivyError) -> Error {
        use tantivy::directory::error::{LockError, OpenReadError};
        let path = path.into();
        match source {
            tantivy::TantivyError::LockFailure(LockError::LockBusy, _) => Error::IndexLocked(path),
            tantivy::TantivyError::LockFailure(LockError::IoError(cause), _) => {
                Error::LockUnavailable {
                    path,
                    reason: cause.to_string(),
                }
            }
            tantivy::TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(file)) => {
                Error::Corrupt {
                    index: path,
                    detail: format!("{} is missing", file_name(&file)),
                }
            }
            tantivy::TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath })
                if matches!(
                    io_error.kind(),
                    std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
                ) =>
            {
                let message = io_error.to_string();
                let first_sentence = message.split(". ").next().unwrap_or_default();
                Error::Corrupt {
                    index: path,
                    detail: format!("{} is unreadable ({first_sentence})", file_name(&filepath)),
                }
            }
            tantivy::TantivyError::DataCorruption(corruption) => Error::Corrupt {
                index: path,
                detail: describe_corruption(&format!("{corruption:?}")),
            },
            source => Error::Index { path, source },
        }
    }
}

/// Rewords tantivy's account of a corrupt file (`Data corruption (in file
/// `"meta.json"`): Meta file cannot be deserialized. Error(...)`) as
/// `meta.json: meta file cannot be deserialized`.
fn describe_corruption(account: &str) -> String {
    let account = account
        .strip_prefix("Data corruption")
        .unwrap_or(account)
        .trim();
    let (file, comment) = match account.strip_prefix("(in file `\"") {
        Some(rest) => match rest.split_once("\"`): ") {
            Some((file, comment)) => (Some(file), comment),
            None => (None, rest),
        },
        None => (None, account.trim_start_matches(": ")),
    };
    let first_sentence = comment.split(". ").next().unwrap_or_default();
    let mut reason = first_sentence.to_string();
    if let Some(first) = reason.get(..1) {
        reason.replace_range(..1, &first.to_lowercase());
    }
    match file {
        Some(file) => format!("{file}: {reason}"),
        None => reason,
    }
}

/// The last part of a path, as error messages show index files.
fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_print_as_file_colon_line() {
        assert_eq!(Location::line("a.jsonl", 3).to_string(), "a.jsonl:3");
        assert_eq!(Location::file("a.json").to_string(), "a.json");
    }

    #[test]
    fn record_errors_lead_with_their_location() {
        let error = RecordError {
            location: Location::line("feed.jsonl", 2),
            reason: "invalid JSON".into(),
        };
        assert_eq!(error.to_string(), "feed.jsonl:2: invalid JSON");
    }

    #[test]
    fn export_errors_name_the_path() {
        let error = Error::Export {
            path: PathBuf::from("out/docs-0001.ndjson"),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
        };
        assert_eq!(
            error.to_string(),
            "cannot write export out/docs-0001.ndjson: permission denied"
        );
    }

    #[test]
    fn damaged_files_are_named() {
        let account = "Data corruption (in file `\"meta.json\"`): Meta file cannot be deserialized. Error(\"expected value\").";
        assert_eq!(
            describe_corruption(account),
            "meta.json: meta file cannot be deserialized"
        );
        let missing = Error::index(
            "idx",
            tantivy::TantivyError::OpenReadError(
                tantivy::directory::error::OpenReadError::FileDoesNotExist("idx/a1.term".into()),
            ),
        );
        assert_eq!(
            missing.to_string(),
            "index idx is damaged: a1.term is missing; ingest the original files into a new index (--index DIR)"
        );
    }

    #[test]
    fn lock_failures_tell_a_busy_index_from_a_read_only_one() {
        use tantivy::directory::error::LockError;
        let busy = Error::index(
            "idx",
            tantivy::TantivyError::LockFailure(LockError::LockBusy, None),
        );
        assert_eq!(
            busy.to_string(),
            "index idx is locked by another ingest: wait for it to finish, then run again"
        );
        let io = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
        let read_only = Error::index(
            "idx",
            tantivy::TantivyError::LockFailure(LockError::IoError(io.into()), None),
        );
        assert!(
            read_only
                .to_string()
                .starts_with("cannot lock index idx: read-only filesystem"),
            "{read_only}"
        );
    }
}
