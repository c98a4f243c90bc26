//! The index as the server reads it while `ingest` or `delete` may write
//! it: opened for reading only (the writer lock is never taken), and
//! opened again, with its aliases, when a commit has changed it.
//!
//! Each request first looks at the files that change when the index does:
//! tantivy's `meta.json`, rewritten (by rename) at every commit, and the
//! aliases file beside the index. When either differs from what the open
//! index was read from, the index is opened again, so the next request
//! after a commit sees it, with the aliases the commit carries; the
//! stories file (`stories.bin`) is read by each search that needs it and
//! refused unless it describes the segments searched. A look costs two
//! `stat` calls. Each opening keeps one searcher over the segments of
//! that commit, which searches share instead of opening a reader each.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use tantivy::Searcher;

use crate::error::Result;
use crate::index::{self, OpenIndex, aliases};

/// What a file looked like when the index was read: its size and time of
/// change, or nothing when it did not exist.
type FileStamp = Option<(u64, SystemTime)>;

/// What the index's changing files looked like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    meta: FileStamp,
    aliases: FileStamp,
}

impl Stamp {
    /// Looks at the index's changing files now.
    fn of(path: &Path) -> Stamp {
        Stamp {
            meta: stamp_file(&path.join("meta.json")),
            aliases: stamp_file(&path.join(aliases::ALIASES_FILE)),
        }
    }
}

/// Looks at one file.
fn stamp_file(path: &Path) -> FileStamp {
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?;
    Some((metadata.len(), modified))
}

/// The index opened as of its last commit.
struct Opened {
    stamp: Stamp,
    snapshot: Snapshot,
}

/// The index as of one commit: the opened index (fields, aliases) and a
/// searcher over that commit's segments.
#[derive(Clone)]
pub struct Snapshot {
    /// The opened index.
    pub open: Arc<OpenIndex>,
    /// A searcher over the segments of the commit it was opened at.
    pub searcher: Searcher,
}

impl Snapshot {
    /// Opens the index and a searcher over its last commit; the reader
    /// reloads only when told (never: a new commit opens a new snapshot).
    fn take(path: &Path) -> Result<Snapshot> {
        let open = index::open_index(path)?;
        let searcher = open.searcher()?;
        Ok(Snapshot {
            open: Arc::new(open),
            searcher,
        })
    }
}

/// An index kept up to date with the commits made to it.
pub struct LiveIndex {
    path: PathBuf,
    opened: Mutex<Opened>,
}

impl LiveIndex {
    /// Opens the index, refusing a folder that holds none (with the
    /// message `query` gives).
    pub fn open(path: &Path) -> Result<LiveIndex> {
        let stamp = Stamp::of(path);
        let snapshot = Snapshot::take(path)?;
        Ok(LiveIndex {
            path: path.to_path_buf(),
            opened: Mutex::new(Opened { stamp, snapshot }),
        })
    }

    /// The folder of the index.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Returns the index as of its last commit, opening it again when a
    /// commit (or a new aliases file) changed it since the last request.
    /// While it cannot be opened again (a folder being replaced), the last
    /// one opened is kept and the error returned.
    pub fn current(&self) -> Result<Snapshot> {
        // A request that panicked while holding the lock leaves the last
        // index opened, which is still whole: keep using it.
        let mut opened = match self.opened.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let stamp = Stamp::of(&self.path);
        if stamp != opened.stamp {
            opened.snapshot = Snapshot::take(&self.path)?;
            opened.stamp = stamp;
        }
        Ok(opened.snapshot.clone())
    }
}
