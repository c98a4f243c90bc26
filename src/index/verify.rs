//! Checks an index's integrity for `stats --verify`: every file of the
//! committed segments against the checksum tantivy wrote in its footer.

use std::path::PathBuf;

use super::OpenIndex;
use crate::error::{Error, Result};

/// Verifies the checksums of an index's segment files. Returns how many
/// segments were checked, or [`Error::Damaged`] naming the files that fail.
pub fn verify_index(open: &OpenIndex) -> Result<usize> {
    let fail = |source| Error::index(&open.path, source);
    let damaged = open.index.validate_checksum().map_err(fail)?;
    if !damaged.is_empty() {
        let mut files: Vec<PathBuf> = damaged.into_iter().collect();
        files.sort();
        return Err(Error::Damaged {
            index: open.path.clone(),
            files,
        });
    }
    let metas = open.index.searchable_segment_metas().map_err(fail)?;
    Ok(metas.len())
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
