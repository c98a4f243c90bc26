//! Numbered NDJSON files of bounded size: `docs-0001.ndjson`,
//! `docs-0002.ndjson`, ...
//!
//! Records (one or more complete lines, each ending with a newline) are
//! written whole: a file never exceeds the size limit unless it holds a
//! single record bigger than the limit, which then goes alone in its file.
//! A file is created only when a record goes into it, so an export of no
//! documents writes no file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The most bytes an export file holds: 10 MiB.
pub const FILE_LIMIT_BYTES: u64 = 10 * 1024 * 1024;

/// The file being filled.
struct OpenFile {
    /// The file's name, as listed in the report.
    name: String,
    /// The file's path, for error messages.
    path: PathBuf,
    /// The buffered file.
    writer: BufWriter<File>,
    /// The bytes written to it so far.
    bytes: u64,
}

/// Writes records into numbered files of at most a given size.
pub struct SplitWriter {
    /// The folder the files go into.
    folder: PathBuf,
    /// The file name prefix, e.g. `docs`.
    prefix: &'static str,
    /// The most bytes a file holds, unless it holds one oversize record.
    limit_bytes: u64,
    /// The file being filled, if any.
    current: Option<OpenFile>,
    /// The files finished so far, with their sizes.
    finished: Vec<(String, u64)>,
}

impl SplitWriter {
    /// Creates a writer of files named `<prefix>-NNNN.ndjson` in `folder`.
    pub fn new(folder: &Path, prefix: &'static str, limit_bytes: u64) -> SplitWriter {
        SplitWriter {
            folder: folder.to_path_buf(),
            prefix,
            limit_bytes,
            current: None,
            finished: Vec::new(),
        }
    }

    /// Writes one record, starting a new file first when it would not fit
    /// in the current one.
    pub fn write_record(&mut self, record: &[u8]) -> Result<()> {
        debug_assert!(record.ends_with(b"\n"), "a record ends with a newline");
        let record_bytes = record.len() as u64;
        let mut open = match self.current.take() {
            Some(open) if open.bytes + record_bytes <= self.limit_bytes => open,
            Some(full) => {
                self.close_file(full)?;
                self.open_next()?
            }
            None => self.open_next()?,
        };
        open.writer
            .write_all(record)
            .map_err(|source| export_error(&open.path, source))?;
        open.bytes += record_bytes;
        self.current = Some(open);
        Ok(())
    }

    /// Closes the last file and returns every file written, in order, with
    /// its size in bytes.
    pub fn finish(mut self) -> Result<Vec<(String, u64)>> {
        if let Some(last) = self.current.take() {
            self.close_file(last)?;
        }
        Ok(self.finished)
    }

    /// Creates the next numbered file.
    fn open_next(&self) -> Result<OpenFile> {
        let name = file_name(self.prefix, self.finished.len() + 1);
        let path = self.folder.join(&name);
        let file = File::create(&path).map_err(|source| export_error(&path, source))?;
        Ok(OpenFile {
            name,
            path,
            writer: BufWriter::new(file),
            bytes: 0,
        })
    }

    /// Flushes a file and records its name and size.
    fn close_file(&mut self, mut open: OpenFile) -> Result<()> {
        open.writer
            .flush()
            .map_err(|source| export_error(&open.path, source))?;
        self.finished.push((open.name, open.bytes));
        Ok(())
    }
}

/// Returns the name of the file numbered `number` (from 1).
pub fn file_name(prefix: &str, number: usize) -> String {
    format!("{prefix}-{number:04}.ndjson")
}

/// Wraps an I/O failure with the path it happened on.
pub fn export_error(path: &Path, source: std::io::Error) -> Error {
    Error::Export {
        path: path.to_path_buf(),
        source,
    }
}

/// Tells whether a file name is one an export writes: its index
/// definition, a numbered data file, or `README.txt`.
fn is_export_file(name: &str, definitions: &[&str]) -> bool {
    if definitions.contains(&name) {
        return true;
    }
    let Some(number) = name
        .strip_prefix("docs-")
        .or_else(|| name.strip_prefix("bulk-"))
        .and_then(|rest| rest.strip_suffix(".ndjson"))
    else {
        return false;
    };
    !number.is_empty() && number.bytes().all(|byte| byte.is_ascii_digit())
}

/// Makes `folder` ready for an export: creates it when missing; refuses it
/// when it holds anything, unless `replace` is set, which removes the files
/// of an earlier export (`definitions` names the fixed ones) and leaves any
/// other file alone.
pub fn prepare_folder(folder: &Path, definitions: &[&str], replace: bool) -> Result<()> {
    if folder.is_file() {
        return Err(Error::ExportFolder {
            path: folder.to_path_buf(),
            problem: "is a file, not a folder: name a new folder with --out DIR",
        });
    }
    std::fs::create_dir_all(folder).map_err(|source| export_error(folder, source))?;
    let entries = std::fs::read_dir(folder).map_err(|source| export_error(folder, source))?;
    for entry in entries {
        let entry = entry.map_err(|source| export_error(folder, source))?;
        if !replace {
            return Err(Error::ExportFolder {
                path: folder.to_path_buf(),
                problem: "is not empty: name a new folder with --out DIR, or add --force to replace the earlier export there",
            });
        }
        let name = entry.file_name();
        if is_export_file(&name.to_string_lossy(), definitions) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(|source| export_error(&path, source))?;
        }
    }
    Ok(())
}

/// Writes a whole small file (configuration, mapping, README) and returns
/// its name and size.
pub fn write_small_file(folder: &Path, name: &str, contents: &str) -> Result<(String, u64)> {
    let path = folder.join(name);
    std::fs::write(&path, contents).map_err(|source| export_error(&path, source))?;
    Ok((name.to_string(), contents.len() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(folder: &Path, name: &str) -> String {
        std::fs::read_to_string(folder.join(name)).unwrap()
    }

    #[test]
    fn refuses_a_non_empty_folder_unless_told_to_replace_the_export() {
        let folder = tempfile::tempdir().unwrap();
        let definitions = ["index-config.yaml", "README.txt"];
        for name in [
            "docs-0001.ndjson",
            "docs-0002.ndjson",
            "README.txt",
            "notes.md",
        ] {
            std::fs::write(folder.path().join(name), "x").unwrap();
        }
        let refused = prepare_folder(folder.path(), &definitions, false).unwrap_err();
        assert!(
            refused.to_string().ends_with("is not empty: name a new folder with --out DIR, or add --force to replace the earlier export there"),
            "{refused}"
        );
        prepare_folder(folder.path(), &definitions, true).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["notes.md"]);
        assert!(is_export_file("bulk-0003.ndjson", &definitions));
        assert!(!is_export_file("docs-.ndjson", &definitions));
        assert!(!is_export_file("docs-old.ndjson", &definitions));
    }

    #[test]
    fn names_files_with_four_digits() {
        assert_eq!(file_name("docs", 1), "docs-0001.ndjson");
        assert_eq!(file_name("bulk", 12), "bulk-0012.ndjson");
    }

    #[test]
    fn starts_a_new_file_when_a_record_would_not_fit() {
        let folder = tempfile::tempdir().unwrap();
        let mut writer = SplitWriter::new(folder.path(), "docs", 10);
        for record in ["aaaa\n", "bbbb\n", "cc\n", "this line is too long\n", "d\n"] {
            writer.write_record(record.as_bytes()).unwrap();
        }
        let files = writer.finish().unwrap();
        let expected = [
            ("docs-0001.ndjson".to_string(), 10),
            ("docs-0002.ndjson".to_string(), 3),
            ("docs-0003.ndjson".to_string(), 22),
            ("docs-0004.ndjson".to_string(), 2),
        ];
        assert_eq!(files, expected);
        assert_eq!(read(folder.path(), "docs-0001.ndjson"), "aaaa\nbbbb\n");
        assert_eq!(
            read(folder.path(), "docs-0003.ndjson"),
            "this line is too long\n"
        );
    }

    #[test]
    fn writes_no_file_without_records() {
        let folder = tempfile::tempdir().unwrap();
        let writer = SplitWriter::new(folder.path(), "docs", 10);
        assert!(writer.finish().unwrap().is_empty());
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 0);
    }

    #[test]
    fn names_the_path_that_cannot_be_written() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("missing");
        let mut writer = SplitWriter::new(&missing, "docs", 10);
        let error = writer.write_record(b"a\n").unwrap_err().to_string();
        assert!(error.starts_with("cannot write export "), "{error}");
        assert!(error.contains("docs-0001.ndjson"), "{error}");
    }
}
