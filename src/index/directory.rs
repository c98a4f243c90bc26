//! The folder an index lives in: tantivy's memory-mapped directory, with
//! every write watched, so that the first failed write (a full disk, a
//! folder turned read-only) can be named in the error. Without it, a write
//! failing in one of tantivy's indexing threads only surfaces as "an index
//! writer was killed".
//!
//! Doc stores (`.store` files) are read with positioned reads rather than
//! through the memory map: a merge copies every segment's whole doc store
//! (tantivy "stacks" them), and through the map each page read stays in the
//! process's resident memory until the merge ends, so the final merge of an
//! 800,000-article ingest held every store at once (377 → 747 MB of mapped
//! files in its last second). Read into a buffer, each segment's store is
//! held only while it is copied. A query reads a few 16 KiB blocks, for which
//! a read costs no more than a page fault. The other files stay mapped.
//!
//! Faults can be simulated, for the end-to-end tests of what a user sees:
//! `NEWSDEX_SIMULATE_FAULT=full-disk-after:BYTES` fails every write once
//! BYTES bytes have been written in this process, and
//! `NEWSDEX_SIMULATE_FAULT=read-only` fails every write, both with the
//! operating system's own errors (ENOSPC, EROFS).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tantivy::HasLen;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, META_LOCK, MmapDirectory,
    OwnedBytes, TerminatingWrite, WatchCallback, WatchHandle, WritePtr,
};

/// The environment variable that simulates a write fault.
pub const SIMULATE_FAULT_VARIABLE: &str = "NEWSDEX_SIMULATE_FAULT";

/// The first write that failed in a directory, shared with its clones.
#[derive(Debug, Default)]
pub struct WriteWatch {
    first_failure: Mutex<Option<String>>,
    written: AtomicU64,
    fault: Option<Fault>,
}

/// A simulated write fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    FullDiskAfter(u64),
    ReadOnly,
}

impl Fault {
    /// Reads the fault to simulate from its environment variable.
    fn from_environment() -> Option<Fault> {
        let value = std::env::var(SIMULATE_FAULT_VARIABLE).ok()?;
        if value == "read-only" {
            return Some(Fault::ReadOnly);
        }
        let bytes = value.strip_prefix("full-disk-after:")?.parse().ok()?;
        Some(Fault::FullDiskAfter(bytes))
    }
}

/// The error numbers of a full disk and of a read-only file system, the
/// same on Linux and macOS.
const NO_SPACE: i32 = 28;
const READ_ONLY: i32 = 30;

impl WriteWatch {
    /// Describes the first write that failed, if any: `No space left on
    /// device (os error 28)`.
    pub fn first_failure(&self) -> Option<String> {
        self.first_failure
            .lock()
            .map(|failure| failure.clone())
            .unwrap_or(None)
    }

    /// Keeps the first failure; later ones are usually its consequences.
    fn record(&self, error: &io::Error) {
        if let Ok(mut failure) = self.first_failure.lock() {
            failure.get_or_insert_with(|| error.to_string());
        }
    }

    /// Passes a write's result through, recording a failure.
    fn check<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if let Err(error) = &result {
            self.record(error);
        }
        result
    }

    /// Fails when a simulated fault forbids writing `bytes` more bytes.
    fn simulate(&self, bytes: u64) -> io::Result<()> {
        let code = match self.fault {
            None => return Ok(()),
            Some(Fault::ReadOnly) => READ_ONLY,
            Some(Fault::FullDiskAfter(limit)) => {
                let before = self.written.fetch_add(bytes, Ordering::Relaxed);
                if before + bytes <= limit {
                    return Ok(());
                }
                NO_SPACE
            }
        };
        self.check(Err(io::Error::from_raw_os_error(code)))
    }
}

/// A memory-mapped index folder whose writes are watched, and whose doc
/// stores are read without the map.
#[derive(Debug, Clone)]
pub struct WatchedDirectory {
    inner: MmapDirectory,
    path: std::path::PathBuf,
    watch: Arc<WriteWatch>,
}

/// The extension of tantivy's doc store files, read by [`ReadFile`].
const DOC_STORE_EXTENSION: &str = "store";

/// A file read with positioned reads, each into a buffer of its own.
#[derive(Debug)]
struct ReadFile {
    file: File,
    len: usize,
}

impl ReadFile {
    /// Opens a file for reading.
    fn open(path: &Path) -> io::Result<Arc<dyn FileHandle>> {
        let file = File::open(path)?;
        let len = usize::try_from(file.metadata()?.len()).map_err(io::Error::other)?;
        Ok(Arc::new(ReadFile { file, len }))
    }
}

impl HasLen for ReadFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "range {range:?} past the end of a file of {} bytes",
                    self.len
                ),
            ));
        }
        let mut buffer = vec![0; range.len()];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

impl WatchedDirectory {
    /// Opens an existing folder.
    pub fn open(path: &Path) -> Result<WatchedDirectory, OpenDirectoryError> {
        Ok(WatchedDirectory {
            inner: MmapDirectory::open(path)?,
            path: path.to_path_buf(),
            watch: Arc::new(WriteWatch {
                fault: Fault::from_environment(),
                ..WriteWatch::default()
            }),
        })
    }

    /// The record of failed writes, which outlives the index that owns the
    /// directory.
    pub fn watch(&self) -> Arc<WriteWatch> {
        Arc::clone(&self.watch)
    }
}

impl Directory for WatchedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        if path
            .extension()
            .is_some_and(|extension| extension == DOC_STORE_EXTENSION)
        {
            return ReadFile::open(&self.path.join(path)).map_err(|error| match error.kind() {
                io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(path.to_path_buf()),
                _ => OpenReadError::wrap_io_error(error, path.to_path_buf()),
            });
        }
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        let io_error = |io_error: io::Error| OpenWriteError::IoError {
            io_error: Arc::new(io_error),
            filepath: path.to_path_buf(),
        };
        self.watch.simulate(0).map_err(io_error)?;
        let inner = self.inner.open_write(path).inspect_err(|error| {
            if let OpenWriteError::IoError { io_error, .. } = error {
                self.watch.record(io_error);
            }
        })?;
        let watched = WatchedWrite {
            inner,
            watch: Arc::clone(&self.watch),
        };
        Ok(BufWriter::new(Box::new(watched)))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.watch.simulate(data.len() as u64)?;
        self.watch.check(self.inner.atomic_write(path, data))
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.watch.check(self.inner.sync_directory())
    }

    /// Takes a lock file, except that readers of a folder nobody may write
    /// to go without one: the lock tantivy's readers take ([`META_LOCK`])
    /// only keeps a writer from deleting files while they are opened, so
    /// a read-only index can still be queried.
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        let result = match self.watch.simulate(0) {
            Ok(()) => self.inner.acquire_lock(lock),
            Err(error) => Err(LockError::IoError(Arc::new(error))),
        };
        match result {
            Err(LockError::IoError(error))
                if lock.filepath == META_LOCK.filepath && is_read_only(&error) =>
            {
                Ok(DirectoryLock::from(Box::new(())))
            }
            result => result,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Tells whether an error means that the folder cannot be written at all.
fn is_read_only(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied
    )
}

/// A file being written, whose failures are recorded.
struct WatchedWrite {
    inner: WritePtr,
    watch: Arc<WriteWatch>,
}

impl Write for WatchedWrite {
    fn write(&mut self, buffer: &[u8]) -> io::Result<usize> {
        self.watch.simulate(buffer.len() as u64)?;
        self.watch.check(self.inner.write(buffer))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.watch.check(self.inner.flush())
    }
}

impl TerminatingWrite for WatchedWrite {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        self.watch.check(self.inner.terminate_ref(token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watched(fault: Option<Fault>) -> (tempfile::TempDir, WatchedDirectory) {
        let folder = tempfile::tempdir().unwrap();
        let mut directory = WatchedDirectory::open(folder.path()).unwrap();
        directory.watch = Arc::new(WriteWatch {
            fault,
            ..WriteWatch::default()
        });
        (folder, directory)
    }

    #[test]
    fn a_full_disk_fails_writes_past_the_limit_and_is_remembered() {
        let (_folder, directory) = watched(Some(Fault::FullDiskAfter(10)));
        directory.atomic_write(Path::new("a"), b"12345").unwrap();
        let mut file = directory.open_write(Path::new("b")).unwrap();
        file.write_all(b"123456").unwrap();
        let error = file.flush().unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        let failure = directory.watch().first_failure().unwrap();
        assert!(failure.starts_with("No space left on device"), "{failure}");
    }

    #[test]
    fn a_read_only_folder_refuses_locks_and_writes() {
        let (_folder, directory) = watched(Some(Fault::ReadOnly));
        assert!(directory.atomic_write(Path::new("a"), b"1").is_err());
        assert!(directory.open_write(Path::new("b")).is_err());
        let lock = Lock {
            filepath: "x.lock".into(),
            is_blocking: false,
        };
        assert!(matches!(
            directory.acquire_lock(&lock),
            Err(LockError::IoError(_))
        ));
        assert!(
            directory.acquire_lock(&META_LOCK).is_ok(),
            "readers need no lock"
        );
        let failure = directory.watch().first_failure().unwrap();
        assert!(failure.starts_with("Read-only file system"), "{failure}");
    }

    #[test]
    fn doc_stores_are_read_into_buffers_and_other_files_through_the_map() {
        let (_folder, directory) = watched(None);
        for name in ["a.store", "a.idx"] {
            let mut file = directory.open_write(Path::new(name)).unwrap();
            file.write_all(b"0123456789").unwrap();
            file.terminate().unwrap();
        }
        let store = directory.get_file_handle(Path::new("a.store")).unwrap();
        assert!(format!("{store:?}").starts_with("ReadFile"), "{store:?}");
        assert_eq!(store.len(), 10);
        assert_eq!(store.read_bytes(2..5).unwrap().as_slice(), b"234");
        assert_eq!(store.read_bytes(10..10).unwrap().as_slice(), b"");
        assert!(store.read_bytes(8..11).is_err());
        let postings = directory.get_file_handle(Path::new("a.idx")).unwrap();
        assert!(!format!("{postings:?}").starts_with("ReadFile"));
        assert!(matches!(
            directory.get_file_handle(Path::new("missing.store")),
            Err(OpenReadError::FileDoesNotExist(_))
        ));
    }

    #[test]
    fn without_a_fault_writes_pass_and_nothing_is_recorded() {
        let (folder, directory) = watched(None);
        let mut file = directory.open_write(Path::new("b")).unwrap();
        file.write_all(b"123456").unwrap();
        file.terminate().unwrap();
        assert_eq!(std::fs::read(folder.path().join("b")).unwrap(), b"123456");
        assert_eq!(directory.watch().first_failure(), None);
    }
}
