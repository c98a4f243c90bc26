//! How much there is to read and how much has been: the size of the named
//! inputs, known up front for files and folders, and a count of the bytes
//! read so far, so that a caller can show a percentage. Gzip files count
//! as stored, compressed: their compressed bytes read against their size.

use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Format, walk_in_reading_order};

/// The bytes read so far from the inputs, as stored (compressed for gzip
/// files); shared between the reading thread and whoever shows progress.
#[derive(Debug, Default)]
pub struct BytesRead(AtomicU64);

impl BytesRead {
    /// The bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self, bytes: usize) {
        self.0.fetch_add(bytes as u64, Ordering::Relaxed);
    }
}

/// A reader that counts the bytes read through it.
pub(crate) struct Counted<'a, R> {
    inner: R,
    count: &'a BytesRead,
}

impl<'a, R: Read> Counted<'a, R> {
    /// Counts the bytes read from `inner` into `count`.
    pub(crate) fn new(inner: R, count: &'a BytesRead) -> Counted<'a, R> {
        Counted { inner, count }
    }
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.count.add(read);
        Ok(read)
    }
}

/// Returns the bytes [`super::read_inputs`] will read from these inputs,
/// as stored: the size of each named file and of each file of a known type
/// in the named folders. `None` when it cannot be known up front: an input
/// is stdin (`-`) or not a regular file (a pipe). A missing path counts
/// for nothing.
pub fn input_size(paths: &[String]) -> Option<u64> {
    let mut total = 0u64;
    for path in paths {
        if path == "-" {
            return None;
        }
        let path = Path::new(path);
        if !path.is_dir() {
            match std::fs::metadata(path) {
                Ok(metadata) if metadata.is_file() => total += metadata.len(),
                Ok(_) => return None,
                Err(_) => {}
            }
            continue;
        }
        for entry in walk_in_reading_order(path).into_iter().flatten() {
            let read = entry.file_type().is_file() && Format::from_path(entry.path()).is_some();
            if let (true, Ok(metadata)) = (read, entry.metadata()) {
                total += metadata.len();
            }
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::read::{ReadOptions, read_inputs};

    #[test]
    fn the_bytes_read_are_the_size_known_up_front_gzip_compressed() {
        let folder = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = folder.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
            path.display().to_string()
        };
        let lines = "{\"title\": \"Oil\"}\n".repeat(5000);
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut encoder, lines.as_bytes()).unwrap();
        let zipped = encoder.finish().unwrap();
        assert!(zipped.len() * 10 < lines.len());
        let plain = write("plain.jsonl", lines.as_bytes());
        write("in/zipped.jsonl.gz", &zipped);
        write("in/notes.doc", b"not read, not counted");
        let folder_name = folder.path().join("in").display().to_string();
        let missing = folder.path().join("missing.json").display().to_string();
        let inputs = [plain, folder_name, missing];

        let expected = (lines.len() + zipped.len()) as u64;
        assert_eq!(input_size(&inputs), Some(expected));
        let count = BytesRead::default();
        let mut articles = 0;
        let _ = read_inputs(&inputs, &ReadOptions::default(), &count, |found| {
            articles += u64::from(matches!(found, crate::read::Found::Article(_)));
            ControlFlow::Continue(())
        });
        assert_eq!(articles, 10_000);
        assert_eq!(count.get(), expected);
    }

    #[test]
    fn the_size_of_stdin_or_a_pipe_is_not_known() {
        assert_eq!(input_size(&["-".to_string()]), None);
        assert_eq!(input_size(&["/dev/null".to_string()]), None);
        assert_eq!(input_size(&[]), Some(0));
    }
}
