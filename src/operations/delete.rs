//! Deleting articles (`newsdex delete`): by id, or every article a search
//! request matches. Deletions are committed like an ingest, atomically,
//! and the aliases are then recomputed over what is left, through
//! the same [`ArticleWriter::finish`] an ingest ends with, and the stories
//! kept beside the index worked out again ([`stories::refresh`]).

use tantivy::TantivyDocument;

use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::stored::stored_text;
use crate::index::writer::ArticleWriter;
use crate::query::select::matching_addresses;
use crate::query::{SearchRequest, build_query};
use crate::stories;

/// The indexing memory a deletion asks tantivy for: its minimum of 15 MB
/// and some room, as a delete writes no document.
const DELETE_MEMORY_BYTES: usize = 32 * 1024 * 1024;

/// What a deletion did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeleteReport {
    /// The ids deleted, in the order given.
    pub deleted: Vec<String>,
    /// The ids given that the index did not hold.
    pub missing: Vec<String>,
}

/// Returns the id of every article a search request's query and filters
/// match, in index order (its page, sort and facets are ignored).
pub fn matching_ids(open: &OpenIndex, request: &SearchRequest) -> Result<Vec<String>> {
    let fail = |error| Error::index(&open.path, error);
    let query = build_query(open, request)?;
    let searcher = open.searcher()?;
    let mut ids = Vec::new();
    for address in matching_addresses(&searcher, &*query).map_err(fail)? {
        let document: TantivyDocument = searcher.doc(address).map_err(fail)?;
        if let Some(id) = stored_text(&document, open.fields.id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Deletes the articles with these ids and commits; the aliases are
/// recomputed over the articles left. Fails at once when another process
/// writes the index.
pub fn delete_ids(open: &OpenIndex, ids: &[String]) -> Result<DeleteReport> {
    let mut writer = ArticleWriter::new(open, 1, DELETE_MEMORY_BYTES)?;
    let mut report = DeleteReport::default();
    for id in ids {
        if report.deleted.contains(id) {
            continue;
        }
        match writer.delete(id)? {
            true => report.deleted.push(id.clone()),
            false => report.missing.push(id.clone()),
        }
    }
    writer.finish()?;
    stories::refresh(open)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;

    fn documents(open: &OpenIndex) -> u64 {
        let reader = open.index.reader().unwrap();
        reader.reload().unwrap();
        reader.searcher().num_docs()
    }

    #[test]
    fn deletes_by_id_and_by_query_and_recomputes_the_aliases() {
        let mut articles = Vec::new();
        for number in 0..4 {
            let persons = Entities::default().with(Kind::Person, &["Ronald Reagan", "Reagan"]);
            let id = format!("r{number}");
            articles.push(article(
                &id,
                "1987-03-01",
                "Reagan speaks",
                "Oil talks.",
                persons,
            ));
        }
        articles.push(article(
            "c",
            "1987-03-01",
            "Coffee",
            "Coffee crop.",
            Entities::default(),
        ));
        let open = index_of(&articles);
        let report = delete_ids(&open, &["c".to_string(), "zz".to_string()]).unwrap();
        assert_eq!(report.deleted, ["c"]);
        assert_eq!(report.missing, ["zz"]);
        assert_eq!(documents(&open), 4);
        let reloaded = crate::index::aliases::Aliases::load(&open.index);
        assert_eq!(
            reloaded.resolve(Kind::Person, "Reagan", Some(1987)),
            Some("Ronald Reagan")
        );

        let request = SearchRequest {
            query: "oil".into(),
            ..SearchRequest::default()
        };
        let ids = matching_ids(&open, &request).unwrap();
        assert_eq!(ids.len(), 4);
        delete_ids(&open, &ids).unwrap();
        assert_eq!(documents(&open), 0);
        let emptied = crate::index::aliases::Aliases::load(&open.index);
        assert_eq!(
            emptied.resolve(Kind::Person, "Reagan", Some(1987)),
            None,
            "aliases follow the deletions"
        );
    }
}
