//! Reading stored articles back: the whole stored article of an id
//! (`newsdex show`), and the helpers that read a stored document's text,
//! list and date fields for the hits of a search.
//!
//! The country evidence (the words that led to each country) is not a
//! field of the index; [`country_evidence`] derives it again by running
//! the enricher on the stored text, which takes a few milliseconds.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::OpenIndex;
use crate::article::{Article, Entities};
use crate::dates;
use crate::enrich::Enricher;
use crate::error::{Error, Result};
use crate::kinds::PerKind;

/// An article as the index stores it. Serialized as one object of
/// `show --json`: `id`, `date` (`YYYY-MM-DD` or null), `title`,
/// `dateline`, `source`, `url`, `author` (null when missing), `body`, then
/// one list per extracted kind (`persons`, `organizations`, `locations`,
/// `countries`, `countries_mentioned`, `keywords`, `language`), then
/// `evidence` (for each country, the words that led to it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredArticle {
    /// The article id.
    pub id: String,
    /// The day, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The headline.
    pub title: String,
    /// The dateline (`TOKYO, March 3 -`), empty when there is none.
    pub dateline: String,
    /// The publisher.
    pub source: Option<String>,
    /// The address.
    pub url: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The text.
    pub body: String,
    /// The values of each extracted kind, one key per kind.
    #[serde(flatten)]
    pub entities: Entities,
    /// For each country mentioned, the words that led to it, derived again
    /// from the stored text ([`country_evidence`]).
    pub evidence: BTreeMap<String, Vec<String>>,
}

/// Returns the first text value of a stored field.
pub fn stored_text(document: &TantivyDocument, field: Field) -> Option<String> {
    document
        .get_first(field)
        .and_then(|value| value.as_str())
        .map(str::to_string)
}

/// Returns every text value of a stored field, in stored order.
pub fn stored_texts(document: &TantivyDocument, field: Field) -> Vec<String> {
    let mut texts = Vec::new();
    for value in document.get_all(field) {
        if let Some(text) = value.as_str() {
            texts.push(text.to_string());
        }
    }
    texts
}

/// Returns the stored date of a document as `YYYY-MM-DD`.
pub fn stored_day(document: &TantivyDocument, field: Field) -> Option<String> {
    let stored = document.get_first(field)?.as_datetime()?;
    dates::from_index_date(stored).map(dates::format_day)
}

/// Returns the year of a document's stored date.
pub fn stored_year(document: &TantivyDocument, field: Field) -> Option<i32> {
    let stored = document.get_first(field)?.as_datetime()?;
    dates::from_index_date(stored).map(|date| chrono::Datelike::year(&date))
}

/// Reads the stored article with this id, or `None` when the index holds
/// none; its persons, organizations and locations as the facets count them
/// (each alias as the value it stands for: [`super::aliases`]). The
/// evidence is left empty: see [`country_evidence`].
pub fn stored_article(open: &OpenIndex, id: &str) -> Result<Option<StoredArticle>> {
    let fail = |error| Error::index(&open.path, error);
    let reader = open.index.reader().map_err(fail)?;
    let searcher = reader.searcher();
    let fields = &open.fields;
    let query = TermQuery::new(
        Term::from_field_text(fields.id, id),
        IndexRecordOption::Basic,
    );
    let found = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(fail)?;
    let Some((_, address)) = found.first() else {
        return Ok(None);
    };
    let document: TantivyDocument = searcher.doc(*address).map_err(fail)?;
    let year = stored_year(&document, fields.date);
    Ok(Some(StoredArticle {
        id: stored_text(&document, fields.id).unwrap_or_default(),
        date: stored_day(&document, fields.date),
        title: stored_text(&document, fields.title).unwrap_or_default(),
        dateline: stored_text(&document, fields.dateline).unwrap_or_default(),
        source: stored_text(&document, fields.source),
        url: stored_text(&document, fields.url),
        author: stored_text(&document, fields.author),
        body: stored_text(&document, fields.body).unwrap_or_default(),
        entities: PerKind::from_fn(|kind| {
            let values = stored_texts(&document, fields.kinds[kind]);
            open.aliases.canonical(kind, values, year)
        }),
        evidence: BTreeMap::new(),
    }))
}

/// Reads the stored article with this id with its country evidence, as
/// `show` prints it and the server's article answers: `None` when the
/// index holds no article with the id.
pub fn shown_article(
    open: &OpenIndex,
    enricher: &Enricher,
    id: &str,
) -> Result<Option<StoredArticle>> {
    let Some(mut found) = stored_article(open, id)? else {
        return Ok(None);
    };
    found.evidence = country_evidence(enricher, &found);
    Ok(Some(found))
}

/// Derives the country evidence of a stored article again, by running the
/// enricher on its stored title, dateline and body; only the countries the
/// index holds for it are kept, so the evidence never names a country the
/// article is not listed with (an article indexed with an older newsdex
/// or `--no-enrich` may show less).
pub fn country_evidence(
    enricher: &Enricher,
    stored: &StoredArticle,
) -> BTreeMap<String, Vec<String>> {
    let mut evidence = enricher.enrich(article_of(stored)).evidence;
    let listed = &stored.entities[crate::kinds::Kind::CountryMentioned];
    evidence.retain(|code, _| listed.contains(code));
    evidence
}

/// Extracts the names of a stored article again and returns its resolved
/// mentions (`show --explain`): how its values were decided by this
/// newsdex, which may differ from the one that indexed it.
pub fn explanation(stored: &StoredArticle) -> crate::enrich::mentions::Mentions {
    crate::enrich::explain(&article_of(stored))
}

/// The article as read again from what the index stores of it.
fn article_of(stored: &StoredArticle) -> Article {
    Article {
        id: Some(stored.id.clone()),
        date: stored.date.clone(),
        title: stored.title.clone(),
        dateline: stored.dateline.clone(),
        body: stored.body.clone(),
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;

    #[test]
    fn reads_the_stored_article_of_an_id_with_its_evidence() {
        let entities = Entities::default()
            .with(Kind::Country, &["RU"])
            .with(Kind::CountryMentioned, &["RU"]);
        let open = index_of(&[article(
            "a",
            "2024-10-14",
            "Putin hosts summit in Kazan",
            "Leaders met in Kazan, Russia.",
            entities,
        )]);
        let stored = stored_article(&open, "a").unwrap().unwrap();
        assert_eq!(stored.title, "Putin hosts summit in Kazan");
        assert_eq!(stored.date.as_deref(), Some("2024-10-14"));
        assert_eq!(stored.source.as_deref(), Some("Wire"));
        assert_eq!(stored.entities[Kind::Country], ["RU"]);
        let evidence = country_evidence(&Enricher::new(), &stored);
        assert_eq!(evidence.keys().collect::<Vec<_>>(), ["RU"]);
        assert!(
            evidence["RU"].contains(&"Kazan".to_string()),
            "{evidence:?}"
        );
        assert_eq!(stored_article(&open, "nope").unwrap(), None);
    }
}
