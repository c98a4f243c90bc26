//! The JSON contracts of `query --json`, `stats --json` and `extract`,
//! built from serde structs. Scripts rely on these shapes: change them only
//! by adding fields.
//!
//! `query --json` prints one object:
//!
//! ```json
//! {"query": "oil", "total_hits": 2,
//!  "hits": [{"id": "a", "score": 1.2, "date": "2024-10-14", "title": "...",
//!            "snippet": "...", "source": "Wire", "url": null,
//!            "persons": [], "organizations": [], "locations": [],
//!            "countries": ["RU"], "countries_mentioned": ["RU", "UA"],
//!            "keywords": []}],
//!  "facets": {"date:month": [{"value": "2024-10", "count": 2}]}}
//! ```
//!
//! `score` is null when hits are sorted by date; `date` is `YYYY-MM-DD` or
//! null; `facets` keys are the facet names as given, in the order given.
//! With `--collapse` or `--count stories`, `total_stories` follows
//! `total_hits`: how many stories the matches make. With `--collapse`,
//! each hit is the first article of a story and ends with `copies`, the
//! number of its other articles, and `copy_ids`, their ids oldest first;
//! a story's `score` is the best of its articles'.
//!
//! `query --format jsonl` prints each element of `hits` on its own line.
//!
//! `stats --json` prints one object: `{"documents": N, "first_date":
//! "YYYY-MM-DD" or null, "last_date": ..., "segments": N, "size_bytes": N,
//! "near_copies": {"articles": N, "stories": N}, "facets": {"country":
//! [{"value", "count"}], ...}}`; `near_copies` counts the articles that
//! have near copies within three days, and the stories they make (absent
//! for an index built without story fingerprints).
//!
//! `extract` prints one object per article and line: `id`, `date`,
//! `title`, `persons`, `organizations`, `locations`, `countries`,
//! `countries_mentioned`, `keywords`, and `evidence`, the words that led to
//! each country (`{"RU": ["Russian", "Kazan"]}`). With `--explain`, each
//! line ends with `mentions`, documented on [`super::explain`]; `show
//! --json --explain` adds the same `mentions` to its objects.
//!
//! `show --json` prints one object per article and line, documented on
//! [`crate::index::stored::StoredArticle`].

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::article::{Enriched, Entities};
use crate::dates;
use crate::facets::FacetCount;
use crate::operations::stats::{IndexStats, NearCopies};
use crate::query::collect::{Hit, SearchResult};

/// Facets in request order, serialized as one JSON object.
struct FacetMap<'a>(&'a [(String, Vec<FacetCount>)]);

impl Serialize for FacetMap<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, counts) in self.0 {
            map.serialize_entry(name, counts)?;
        }
        map.end()
    }
}

/// The `query --json` object.
#[derive(Serialize)]
struct QueryJson<'a> {
    query: &'a str,
    total_hits: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_stories: Option<usize>,
    hits: &'a [Hit],
    facets: FacetMap<'a>,
}

/// The `stats --json` object.
#[derive(Serialize)]
struct StatsJson<'a> {
    documents: u64,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    segments: usize,
    size_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    near_copies: Option<NearCopies>,
    facets: FacetMap<'a>,
}

/// One `extract` line.
#[derive(Serialize)]
struct ExtractJson<'a> {
    id: &'a str,
    date: Option<String>,
    title: &'a str,
    #[serde(flatten)]
    entities: &'a Entities,
    evidence: &'a BTreeMap<String, Vec<String>>,
}

/// Writes a search result as the `query --json` object and a newline.
pub fn write_query(out: &mut dyn Write, query: &str, result: &SearchResult) -> std::io::Result<()> {
    let json = QueryJson {
        query,
        total_hits: result.total_hits,
        total_stories: result.total_stories,
        hits: &result.hits,
        facets: FacetMap(&result.facets),
    };
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)
}

/// Writes each hit as one JSON object per line (`query --format jsonl`),
/// with the fields of a `hits` element of the query JSON.
pub fn write_hits(out: &mut dyn Write, hits: &[Hit]) -> std::io::Result<()> {
    for hit in hits {
        serde_json::to_writer(&mut *out, hit)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes index statistics as the `stats --json` object and a newline.
pub fn write_stats(out: &mut dyn Write, stats: &IndexStats) -> std::io::Result<()> {
    let json = StatsJson {
        documents: stats.documents,
        first_date: stats.first_date.as_deref(),
        last_date: stats.last_date.as_deref(),
        segments: stats.segments,
        size_bytes: stats.size_bytes,
        near_copies: stats.near_copies,
        facets: FacetMap(&stats.facets),
    };
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)
}

/// Writes one enriched article as an `extract` line.
pub fn write_extracted(out: &mut dyn Write, article: &Enriched) -> std::io::Result<()> {
    let json = ExtractJson {
        id: &article.id,
        date: article.date.map(dates::format_day),
        title: &article.title,
        entities: &article.entities,
        evidence: &article.evidence,
    };
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)
}

/// One `extract --explain` line: the `extract` line and its mentions.
#[derive(Serialize)]
struct ExplainedJson<'a> {
    #[serde(flatten)]
    article: ExtractJson<'a>,
    mentions: Vec<super::explain::MentionJson<'a>>,
}

/// Writes an enriched article as an `extract --explain` line: the
/// `extract` line with its `mentions` (see [`super::explain`]).
pub fn write_explained(
    out: &mut dyn Write,
    article: &Enriched,
    mentions: &crate::enrich::mentions::Mentions,
) -> std::io::Result<()> {
    let json = ExplainedJson {
        article: ExtractJson {
            id: &article.id,
            date: article.date.map(dates::format_day),
            title: &article.title,
            entities: &article.entities,
            evidence: &article.evidence,
        },
        mentions: super::explain::mentions_json(mentions),
    };
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)
}

/// Any JSON object with the `mentions` of `--explain` added
/// (`show --json --explain`).
#[derive(Serialize)]
pub struct Explained<'a, T: Serialize> {
    /// The object.
    #[serde(flatten)]
    pub article: &'a T,
    /// Its mentions.
    pub mentions: Vec<super::explain::MentionJson<'a>>,
}

/// Writes any serializable value as one JSON line.
pub fn write_line(out: &mut dyn Write, value: &impl Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Kind;
    use std::ops::Range;

    fn hit() -> Hit {
        Hit {
            id: "a".into(),
            score: None,
            date: Some("2024-10-14".into()),
            title: "T".into(),
            snippet: "S".into(),
            highlights: vec![Range { start: 0, end: 1 }],
            source: None,
            url: None,
            entities: Entities::default()
                .with(Kind::Person, &["Xi Jinping"])
                .with(Kind::Country, &["CN"])
                .with(Kind::CountryMentioned, &["CN"]),
            copies: None,
            copy_ids: None,
        }
    }

    #[test]
    fn query_json_has_the_documented_shape_and_facet_order() {
        let result = SearchResult {
            total_hits: 1,
            total_stories: None,
            hits: vec![hit()],
            facets: vec![
                ("date:year".into(), vec![FacetCount::new("2024".into(), 1)]),
                ("country".into(), vec![FacetCount::new("CN".into(), 1)]),
            ],
        };
        let mut out = Vec::new();
        write_query(&mut out, "xi", &result).unwrap();
        let expected = concat!(
            r#"{"query":"xi","total_hits":1,"hits":[{"id":"a","score":null,"date":"2024-10-14","title":"T","#,
            r#""snippet":"S","source":null,"url":null,"persons":["Xi Jinping"],"organizations":[],"locations":[],"#,
            r#""countries":["CN"],"countries_mentioned":["CN"],"keywords":[],"language":[]}],"#,
            r#""facets":{"date:year":[{"value":"2024","count":1}],"country":[{"value":"CN","count":1}]}}"#,
            "\n"
        );
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
