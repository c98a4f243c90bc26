//! Runs a search: counts all matches, collects the page of hits, and counts
//! facets over every match ([`crate::facets::count`]), in one pass.
//!
//! Stored fields and snippets are read only for the hits on the page.

use std::ops::Range;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocId, Executor, Searcher, SegmentReader, TantivyDocument};

use super::{SearchRequest, Sort, build_query};
use crate::article::Entities;
use crate::error::{Error, Result};
use crate::facets::FacetCount;
use crate::facets::count::{FacetCollector, finish_facets};
use crate::facets::ordinals::FacetCounts;
use crate::facets::significant::Background;
use crate::index::OpenIndex;
use crate::index::stored::{stored_day, stored_text, stored_texts, stored_year};
use crate::kinds::PerKind;
use crate::schema::Fields;
use crate::stories::collect::OnlyDocuments;
use crate::stories::{Story, find_stories, story_order};

/// The most characters a snippet holds.
const SNIPPET_CHARS: usize = 200;

/// What a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    /// How many articles match.
    pub total_hits: usize,
    /// How many stories they make, when the search grouped them
    /// ([`crate::stories`]).
    pub total_stories: Option<usize>,
    /// The page of hits, in the requested order.
    pub hits: Vec<Hit>,
    /// Each requested facet, in request order, with its counts.
    pub facets: Vec<(String, Vec<FacetCount>)>,
}

/// One matching article, with its stored fields. Serialized as one element
/// of `hits` in the query JSON, fields in this order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The article id.
    pub id: String,
    /// The relevance score, when sorted by relevance.
    pub score: Option<f32>,
    /// The day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The headline.
    pub title: String,
    /// A passage of the body around the matched terms.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched the query.
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
    /// The publisher.
    pub source: Option<String>,
    /// The address.
    pub url: Option<String>,
    /// The values of each extracted kind, serialized as one key per kind,
    /// in [`crate::kinds::Kind::ALL`] order.
    #[serde(flatten)]
    pub entities: Entities,
    /// With `--collapse`, how many other articles the story has (its near
    /// copies); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<usize>,
    /// With `--collapse`, the ids of the story's other articles, oldest
    /// first; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_ids: Option<Vec<String>>,
}

/// Runs a search request against an open index, as of its last commit,
/// its segments side by side when there are several.
pub fn search(open: &OpenIndex, request: &SearchRequest) -> Result<SearchResult> {
    search_in(open, &open.parallel_searcher()?, request)
}

/// Runs a search request with a searcher of the index the caller keeps
/// (the server keeps one per commit, which spares a reader per search).
pub fn search_in(
    open: &OpenIndex,
    searcher: &Searcher,
    request: &SearchRequest,
) -> Result<SearchResult> {
    let query = build_query(open, request)?;
    let fail = |error| Error::index(&open.path, error);
    let options = request.stories;
    if options.needed() && open.fields.minhash.is_none() {
        return Err(Error::NoStories(open.path.clone()));
    }
    let stories = match options.needed() {
        false => None,
        true => {
            let scoring = options.collapse && request.sort == Sort::Relevance;
            let stories = find_stories(
                &open.path,
                searcher,
                &*query,
                scoring,
                options.window_seconds,
            );
            Some(stories.map_err(fail)?)
        }
    };
    let segments_in_parallel = searcher.segment_readers().len() > 1
        && matches!(searcher.index().search_executor(), Executor::ThreadPool(_));
    let facet_collector = FacetCollector::new(
        request.facets.clone(),
        open.aliases.clone(),
        request.filters.time_zone,
    )
    .with_segments_in_parallel(segments_in_parallel);
    let facet_collector = match &stories {
        Some(stories) if options.count_stories => {
            OnlyDocuments::first_articles(facet_collector, stories)
        }
        _ => OnlyDocuments::all(facet_collector),
    };
    let (total_hits, addresses, segment_counts) = match &stories {
        Some(stories) if options.collapse => {
            let counts = searcher.search(&query, &facet_collector).map_err(fail)?;
            let total = stories.iter().map(|story| 1 + story.copies.len()).sum();
            (total, story_page(stories, request), counts)
        }
        _ => plain_page(searcher, &*query, request, facet_collector).map_err(fail)?,
    };
    let mut hits = Vec::new();
    if request.limit > 0 {
        let snippets =
            SnippetGenerator::create(searcher, &*query, open.fields.body).map_err(fail)?;
        for (score, address, copies) in addresses {
            let mut hit = load_hit(searcher, open, &snippets, score, address).map_err(fail)?;
            if let Some(copies) = copies {
                hit.copies = Some(copies.len());
                hit.copy_ids = Some(copy_ids(searcher, &open.fields, &copies).map_err(fail)?);
            }
            hits.push(hit);
        }
    }
    let total_stories = stories.as_ref().map(Vec::len);
    let counted = match total_stories {
        Some(stories) if options.count_stories => stories,
        _ => total_hits,
    };
    Ok(SearchResult {
        total_hits,
        total_stories,
        hits,
        facets: finish_facets(
            &request.facets,
            segment_counts,
            &Background {
                index: &open.index,
                searcher,
                hits: counted as u64,
                aliases: &open.aliases,
            },
            request.facet_limit,
        ),
    })
}

/// A hit to show: its score, where it is, and where its copies are when
/// hits are stories.
type PageEntry = (Option<f32>, DocAddress, Option<Vec<DocAddress>>);

/// What one pass over the matches gives: their number, the page, and the
/// facet counts of each segment.
type Pass = (usize, Vec<PageEntry>, Vec<FacetCounts>);

/// Counts the matches, collects the page of hits and counts facets in one
/// pass, when each article is a hit of its own.
fn plain_page(
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
    facet_collector: OnlyDocuments<FacetCollector>,
) -> tantivy::Result<Pass> {
    let documents = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let (limit, offset) = page_within(request.limit, request.offset, documents);
    let page = TopDocs::with_limit(limit).and_offset(offset);
    Ok(match request.sort {
        Sort::Relevance => {
            let collectors = (Count, page.order_by_score(), facet_collector);
            let (total, scored, counts) = searcher.search(query, &collectors)?;
            let addresses = scored
                .into_iter()
                .map(|(score, address)| (Some(score), address, None))
                .collect();
            (total, addresses, counts)
        }
        Sort::Date | Sort::DateDescending => {
            let by_date = page.order_by(date_sort_key(request.sort == Sort::Date));
            let collectors = (Count, by_date, facet_collector);
            let (total, dated, counts) = searcher.search(query, &collectors)?;
            let addresses = dated
                .into_iter()
                .map(|(_, address)| (None, address, None))
                .collect();
            (total, addresses, counts)
        }
    })
}

/// The limit and offset a top-documents collector is given: the page
/// asked for, cut to the documents the index holds, since the collector
/// reserves room for `limit + offset` hits at once (`--limit 100000000000`
/// would ask for terabytes, the largest number would overflow). The limit
/// is at least 1, which the collector requires; hits are not loaded when
/// none were asked for.
fn page_within(limit: usize, offset: usize, documents: usize) -> (usize, usize) {
    let capped_offset = offset.min(documents);
    let capped_limit = limit.min(documents - capped_offset).max(1);
    (capped_limit, capped_offset)
}

/// Orders stories as the request asks and takes its page: by the best
/// score of each story's articles, or by the date of its first article.
fn story_page(stories: &[Story], request: &SearchRequest) -> Vec<PageEntry> {
    // Only the stories up to the page's end are put in order; the first
    // article's date and address break ties.
    let mut ordered: Vec<&Story> = stories.iter().collect();
    let compare = |one: &&Story, other: &&Story| {
        let by_date = story_order(one).cmp(&story_order(other));
        match request.sort {
            Sort::Relevance => other.best_score.total_cmp(&one.best_score).then(by_date),
            Sort::Date => by_date,
            Sort::DateDescending => {
                let newest = |story: &Story| {
                    std::cmp::Reverse(story.first.seconds.map(i128::from).unwrap_or(i128::MIN))
                };
                newest(one).cmp(&newest(other)).then(by_date)
            }
        }
    };
    let end = request.offset.saturating_add(request.limit);
    if end < ordered.len() {
        ordered.select_nth_unstable_by(end, compare);
        ordered.truncate(end);
    }
    ordered.sort_unstable_by(compare);
    ordered
        .into_iter()
        .skip(request.offset)
        .map(|story| {
            let score = (request.sort == Sort::Relevance).then_some(story.best_score);
            let copies = story.copies.iter().map(|copy| copy.address).collect();
            (score, story.first.address, Some(copies))
        })
        .collect()
}

/// Reads the ids of a story's copies.
fn copy_ids(
    searcher: &Searcher,
    fields: &Fields,
    copies: &[DocAddress],
) -> tantivy::Result<Vec<String>> {
    let mut ids = Vec::with_capacity(copies.len());
    for &address in copies {
        let document: TantivyDocument = searcher.doc(address)?;
        ids.push(stored_text(&document, fields.id).unwrap_or_default());
    }
    Ok(ids)
}

/// Builds the sort key for date order: larger keys come first, so oldest
/// first negates the timestamp, and undated articles get the smallest key
/// to come last either way.
fn date_sort_key(
    oldest_first: bool,
) -> impl Fn(&SegmentReader) -> Box<dyn FnMut(DocId) -> i64> + Send + Sync + 'static {
    move |segment: &SegmentReader| {
        let column = segment.fast_fields().date(Fields::DATE).ok();
        Box::new(
            move |doc: DocId| match column.as_ref().and_then(|column| column.first(doc)) {
                Some(date) if oldest_first => -date.into_timestamp_secs(),
                Some(date) => date.into_timestamp_secs(),
                None => i64::MIN,
            },
        )
    }
}

/// Reads the stored fields of one hit and makes its snippet.
fn load_hit(
    searcher: &Searcher,
    open: &OpenIndex,
    snippets: &SnippetGenerator,
    score: Option<f32>,
    address: DocAddress,
) -> tantivy::Result<Hit> {
    let fields = &open.fields;
    let document: TantivyDocument = searcher.doc(address)?;
    let year = stored_year(&document, fields.date);
    let text = |field: Field| stored_text(&document, field);
    let date = stored_day(&document, fields.date);
    let body = text(fields.body).unwrap_or_default();
    let (snippet, highlights) = make_snippet(snippets, &body);
    Ok(Hit {
        id: text(fields.id).unwrap_or_default(),
        score,
        date,
        title: text(fields.title).unwrap_or_default(),
        snippet,
        highlights,
        source: text(fields.source),
        url: text(fields.url),
        entities: PerKind::from_fn(|kind| {
            let values = stored_texts(&document, fields.kinds[kind]);
            open.aliases.canonical(kind, values, year)
        }),
        copies: None,
        copy_ids: None,
    })
}

/// Returns the passage of the body around the matched terms, or its
/// opening when no term of the query is in the body.
fn make_snippet(snippets: &SnippetGenerator, body: &str) -> (String, Vec<Range<usize>>) {
    let snippet = snippets.snippet(body);
    if !snippet.is_empty() && !snippet.highlighted().is_empty() {
        let one_line = snippet.fragment().replace(['\n', '\r', '\t'], " ");
        return (one_line, snippet.highlighted().to_vec());
    }
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut end = flat.len().min(SNIPPET_CHARS);
    while !flat.is_char_boundary(end) {
        end -= 1;
    }
    let cut = flat[..end]
        .rfind(' ')
        .filter(|_| end < flat.len())
        .unwrap_or(end);
    (flat[..cut].to_string(), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::parse_facet;
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;

    fn corpus() -> OpenIndex {
        let entities = |countries: &[&str], persons: &[&str]| {
            Entities::default()
                .with(Kind::Country, countries)
                .with(Kind::Person, persons)
        };
        let mut undated = article("d", "", "Undated oil note", "Oil.", entities(&["JP"], &[]));
        undated.date = None;
        index_of(&[
            article(
                "a",
                "2024-10-14",
                "Oil in Russia",
                "Russian oil exports rose.",
                entities(&["RU", "CN"], &["Vladimir Putin"]),
            ),
            article(
                "b",
                "2024-10-20",
                "Oil in China",
                "Chinese oil demand.",
                entities(&["CN"], &["Xi Jinping"]),
            ),
            article(
                "c",
                "2023-05-01",
                "Coffee",
                "Coffee frost.",
                entities(&["BR"], &["Vladimir Putin"]),
            ),
            undated,
        ])
    }

    fn request(query: &str, facets: &[&str]) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            facets: facets
                .iter()
                .map(|name| parse_facet(name).unwrap())
                .collect(),
            ..SearchRequest::default()
        }
    }

    fn hit_ids(request: &SearchRequest) -> Vec<String> {
        let result = search(&corpus(), request).unwrap();
        result.hits.into_iter().map(|hit| hit.id).collect()
    }

    fn shown(counts: &[FacetCount]) -> Vec<(&str, u64)> {
        counts
            .iter()
            .map(|count| (count.value.as_str(), count.count))
            .collect()
    }

    #[test]
    fn counts_facets_over_all_matches_not_just_the_page() {
        let mut oil = request("oil", &["country", "date:month", "person"]);
        oil.limit = 1;
        let result = search(&corpus(), &oil).unwrap();
        assert_eq!(result.total_hits, 3);
        assert_eq!(result.hits.len(), 1);
        assert_eq!(result.facets[0].0, "country");
        assert_eq!(
            shown(&result.facets[0].1),
            vec![("CN", 2), ("JP", 1), ("RU", 1)]
        );
        assert_eq!(shown(&result.facets[1].1), vec![("2024-10", 2)]);
        assert_eq!(
            shown(&result.facets[2].1),
            vec![("Vladimir Putin", 1), ("Xi Jinping", 1)]
        );
    }

    #[test]
    fn sorts_by_date_with_undated_last() {
        let mut all = request("", &[]);
        all.sort = Sort::DateDescending;
        let ids = hit_ids(&all);
        assert_eq!(ids, vec!["b", "a", "c", "d"]);
        all.sort = Sort::Date;
        let ids = hit_ids(&all);
        assert_eq!(ids, vec!["c", "a", "b", "d"]);
    }

    #[test]
    fn hits_carry_stored_fields_and_a_highlighted_snippet() {
        let result = search(&corpus(), &request("exports", &[])).unwrap();
        let hit = &result.hits[0];
        assert_eq!(hit.id, "a");
        assert_eq!(hit.date.as_deref(), Some("2024-10-14"));
        assert_eq!(hit.entities[Kind::Country], vec!["RU", "CN"]);
        assert_eq!(hit.snippet, "Russian oil exports rose");
        assert_eq!(&hit.snippet[hit.highlights[0].clone()], "exports");
        assert!(hit.score.is_some());
    }

    #[test]
    fn a_page_never_reaches_past_the_documents_there_are() {
        assert_eq!(page_within(10, 0, 100), (10, 0));
        assert_eq!(page_within(10, 95, 100), (5, 95));
        assert_eq!(page_within(100_000_000_000, 0, 100), (100, 0));
        assert_eq!(page_within(usize::MAX, usize::MAX, 100), (1, 100));
        assert_eq!(page_within(0, 0, 100), (1, 0));
        assert_eq!(page_within(10, 0, 0), (1, 0));
    }

    #[test]
    fn paging_skips_the_offset() {
        let mut page = request("", &[]);
        page.sort = Sort::Date;
        page.offset = 1;
        page.limit = 2;
        let ids = hit_ids(&page);
        assert_eq!(ids, vec!["a", "b"]);
    }
}
