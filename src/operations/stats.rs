//! The summary `newsdex stats` shows: document count, date span, segments,
//! size on disk, the articles with near copies, and the top values of each
//! facet.

use std::path::Path;

use tantivy::query::AllQuery;

use crate::error::{Error, Result};
use crate::facets::count::count_facets;
use crate::facets::{FACET_NAMES, FacetCount, parse_facet};
use crate::index::OpenIndex;
use crate::stories::{DEFAULT_WINDOW_SECONDS, find_stories};

/// Whether `stats` lists a facet: every field facet, and dates by year
/// (significant values compare a search with the index: over the whole
/// index nothing stands out).
fn is_stats_facet(name: &str) -> bool {
    let dated = name.starts_with("date:") && name != "date:year";
    !dated && !name.starts_with("significant:")
}

/// A summary of an index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexStats {
    /// Live documents.
    pub documents: u64,
    /// The earliest day, `YYYY-MM-DD`.
    pub first_date: Option<String>,
    /// The latest day, `YYYY-MM-DD`.
    pub last_date: Option<String>,
    /// Searchable segments.
    pub segments: usize,
    /// Bytes of every file in the index folder.
    pub size_bytes: u64,
    /// The articles that have near copies, grouped into stories with the
    /// default window ([`crate::stories`]); `None` for an index
    /// built without story fingerprints.
    pub near_copies: Option<NearCopies>,
    /// The top values of each field facet and the years, in
    /// [`FACET_NAMES`] order.
    pub facets: Vec<(String, Vec<FacetCount>)>,
}

/// How many articles have near copies in the index. Serialized as
/// `near_copies` in the stats JSON: `{"articles": N, "stories": N}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct NearCopies {
    /// The articles in stories of two articles or more.
    pub articles: u64,
    /// The stories of two articles or more.
    pub stories: u64,
}

/// Counts the articles of the index that have near copies: from the
/// stories kept beside it when they describe it, else from the
/// fingerprints.
fn count_near_copies(folder: &Path, searcher: &tantivy::Searcher) -> tantivy::Result<NearCopies> {
    let stories = find_stories(folder, searcher, &AllQuery, false, DEFAULT_WINDOW_SECONDS)?;
    let mut near_copies = NearCopies::default();
    for story in stories {
        if !story.copies.is_empty() {
            near_copies.articles += 1 + story.copies.len() as u64;
            near_copies.stories += 1;
        }
    }
    Ok(near_copies)
}

/// Reads the summary of an open index.
pub fn index_stats(open: &OpenIndex, facet_limit: usize) -> Result<IndexStats> {
    let searcher = open.searcher()?;
    let mut facets = Vec::new();
    for name in FACET_NAMES.iter().filter(|name| is_stats_facet(name)) {
        facets.push(parse_facet(name)?);
    }
    facets.push(parse_facet("date:day")?);
    let mut counted = count_facets(
        &open.index,
        &searcher,
        &AllQuery,
        &facets,
        &open.aliases,
        facet_limit,
    )
    .map_err(|error| Error::index(&open.path, error))?;
    let (_, days) = counted.pop().expect("date:day was requested last");
    let near_copies = match open.fields.minhash {
        Some(_) => Some(
            count_near_copies(&open.path, &searcher)
                .map_err(|error| Error::index(&open.path, error))?,
        ),
        None => None,
    };
    Ok(IndexStats {
        documents: searcher.num_docs(),
        first_date: days.first().map(|day| day.value.clone()),
        last_date: days.last().map(|day| day.value.clone()),
        segments: searcher.segment_readers().len(),
        size_bytes: folder_size(&open.path),
        near_copies,
        facets: counted,
    })
}

/// Sums the sizes of the files in a folder (not recursive: tantivy keeps
/// its files flat).
fn folder_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    let mut total = 0;
    for entry in entries.flatten() {
        if let Ok(metadata) = entry.metadata()
            && metadata.is_file()
        {
            total += metadata.len();
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;

    #[test]
    fn summarises_count_dates_and_facets() {
        let japan = Entities::default().with(Kind::Country, &["JP"]);
        let open = index_of(&[
            article("a", "2021-03-04", "A", "a", japan.clone()),
            article("b", "2024-10-14", "B", "b", japan),
            article("c", "1987-02-26", "C", "c", Entities::default()),
        ]);
        let stats = index_stats(&open, 10).unwrap();
        assert_eq!(stats.documents, 3);
        assert_eq!(stats.first_date.as_deref(), Some("1987-02-26"));
        assert_eq!(stats.last_date.as_deref(), Some("2024-10-14"));
        assert_eq!(stats.facets[0].0, "country");
        assert_eq!(stats.facets[0].1, vec![FacetCount::new("JP".into(), 2)]);
        let names: Vec<&str> = stats.facets.iter().map(|(name, _)| name.as_str()).collect();
        let expected = [
            "country",
            "country_mentioned",
            "person",
            "organization",
            "location",
            "keyword",
            "language",
            "source",
            "date:year",
        ];
        assert_eq!(names, expected);
    }
}
