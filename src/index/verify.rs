//! Checks an index's integrity for `stats --verify`: every file of the
//! committed segments is there, long enough to hold tantivy's footer, and
//! matches the checksum written in that footer.

use std::path::Path;

use tantivy::directory::Directory;
use tantivy::index::SegmentComponent;

use super::OpenIndex;
use crate::error::{Error, Result};

/// The bytes at the end of every segment file: the footer's length and
/// magic number. tantivy's own check reads them from any file of four
/// bytes or more, and panics on one shorter than eight.
const FOOTER_TAIL_BYTES: u64 = 8;

/// Verifies the files of an index's segments. Returns how many segments
/// were checked, or [`Error::Damaged`] naming every damaged file and what
/// is wrong with it.
pub fn verify_index(open: &OpenIndex) -> Result<usize> {
    let fail = |source| Error::index(&open.path, source);
    let metas = open.index.searchable_segment_metas().map_err(fail)?;
    let directory = open.index.directory();
    let managed = directory.list_managed_files();
    let components = [
        SegmentComponent::Postings,
        SegmentComponent::Positions,
        SegmentComponent::FastFields,
        SegmentComponent::FieldNorms,
        SegmentComponent::Terms,
        SegmentComponent::Store,
        SegmentComponent::Delete,
    ];
    let mut files: Vec<_> = metas
        .iter()
        .flat_map(|meta| {
            components
                .iter()
                .map(|component| meta.relative_path(component.clone()))
        })
        .filter(|file| managed.contains(file))
        .collect();
    files.sort();
    let mut damaged = Vec::new();
    for file in &files {
        let too_short = std::fs::metadata(open.path.join(file))
            .is_ok_and(|found| found.len() < FOOTER_TAIL_BYTES);
        let problem = if !directory.exists(file).unwrap_or(false) {
            Some("is missing")
        } else if too_short {
            Some("is truncated")
        } else {
            match directory.validate_checksum(file) {
                Ok(true) => None,
                Ok(false) => Some("failed the checksum"),
                Err(_) => Some("has no valid footer"),
            }
        };
        if let Some(problem) = problem {
            damaged.push(format!("{} {problem}", display(file)));
        }
    }
    if !damaged.is_empty() {
        return Err(Error::Damaged {
            index: open.path.clone(),
            files: damaged,
        });
    }
    Ok(metas.len())
}

fn display(file: &Path) -> String {
    file.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};

    #[test]
    fn a_healthy_index_passes() {
        let open = index_of(&[article("a", "2024-01-01", "T", "B", Entities::default())]);
        assert!(verify_index(&open).unwrap() > 0);
    }
}
