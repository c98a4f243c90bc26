//! The records passed between stages: [`Article`] as read from the input,
//! and [`Enriched`], the article with its identity, date and extracted
//! entities, ready to be indexed or printed by `extract`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::bands::Bands;
use crate::error::Location;
use crate::kinds::PerKind;

/// The longest id accepted, in bytes. An id is one term of the index, and
/// tantivy leaves out terms longer than 65,530 bytes, so an article with a
/// longer id could never be found again to be replaced.
pub const MAX_ID_BYTES: usize = 4096;

/// An article as read from the input, before any interpretation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The id given by the input, if any.
    pub id: Option<String>,
    /// The date exactly as written in the input.
    pub date: Option<String>,
    /// The headline.
    pub title: String,
    /// The place-and-date line of wire stories (`TOKYO, March 3 -`).
    pub dateline: String,
    /// The text.
    pub body: String,
    /// The publisher or feed.
    pub source: Option<String>,
    /// The address of the article.
    pub url: Option<String>,
    /// The author, as given.
    pub author: Option<String>,
    /// Values already extracted by the producer of the input.
    pub given: Entities,
    /// Problems met while reading that did not prevent reading it
    /// (`not valid UTF-8: ...`).
    pub warnings: Vec<String>,
}

/// The entity, country and keyword values of an article: one list per
/// [`crate::kinds::Kind`] (`entities[Kind::Person]`). Given values are as
/// the input wrote them; enriched ones are each once, in the case their
/// kind asks for ([`crate::kinds::Kind::normalise`]).
pub type Entities = PerKind<Vec<String>>;

/// An article read from a given place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where the article was read.
    pub location: Location,
    /// The article.
    pub article: Article,
}

/// Characters that show nothing and join what they stand between: a soft
/// hyphen (`Vladi\u{ad}mir`, where a page allows a line break), a
/// zero-width space, a word joiner, a byte-order mark inside a text.
/// Zero-width joiners and non-joiners are kept: Persian and the scripts of
/// India write with them.
const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

impl Article {
    /// Removes the invisible characters of its headline, dateline and body,
    /// so that a name split by one is the name, to the recognizer and to
    /// search alike.
    pub fn remove_invisible_characters(&mut self) {
        for text in [&mut self.title, &mut self.dateline, &mut self.body] {
            // Most texts are ASCII, which holds none.
            if !text.is_ascii() && text.contains(INVISIBLE) {
                text.retain(|character| !INVISIBLE.contains(&character));
            }
        }
    }
}

/// An article ready to be indexed: identity resolved, date parsed, entities
/// extracted and merged with the given ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Enriched {
    /// The input's id, or a stable hash of title, date and body.
    pub id: String,
    /// The date in UTC, when it could be parsed.
    pub date: Option<DateTime<Utc>>,
    /// The date as written, when it was given but could not be parsed.
    pub unparsed_date: Option<String>,
    /// Problems met while reading the article, kept with it.
    pub warnings: Vec<String>,
    /// The headline.
    pub title: String,
    /// The dateline.
    pub dateline: String,
    /// The text.
    pub body: String,
    /// The publisher or feed.
    pub source: Option<String>,
    /// The address of the article.
    pub url: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// The entities, countries and keywords.
    pub entities: Entities,
    /// For each country code, the words of the text that led to it.
    pub evidence: BTreeMap<String, Vec<String>>,
    /// What the article and its enrichment hash to
    /// ([`crate::enrich::Enricher::fingerprint`]); 0 for `extract`, which
    /// indexes nothing ([`crate::enrich::Enricher::enrich_explained`]).
    pub fingerprint: u64,
    /// The similarity fingerprint of the body, which finds its near copies
    /// ([`crate::enrich::minhash`]); `None` for a body too short to have one.
    pub minhash: Option<Bands>,
    /// The acronyms and short forms the article defines, each with the
    /// full name it gives it (`USDA`, `U.S. Agriculture Department`):
    /// evidence the index learns its aliases from
    /// ([`crate::index::aliases::variants`]).
    pub short_forms: Vec<(String, String)>,
    /// The names the article gives to works (`Million Dollar Baby`):
    /// evidence the index learns which values are titles from
    /// ([`crate::index::aliases::works`]).
    pub works: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_removed_from_the_texts() {
        let mut article = Article {
            title: "Vladi\u{ad}mir Putin".to_string(),
            dateline: "MOS\u{200b}COW".to_string(),
            body: "Putin\u{2060}'s \u{feff}plan; \u{200c}\u{200d} stay. Caf\u{e9}".to_string(),
            ..Article::default()
        };
        article.remove_invisible_characters();
        assert_eq!(article.title, "Vladimir Putin");
        assert_eq!(article.dateline, "MOSCOW");
        assert_eq!(
            article.body,
            "Putin's plan; \u{200c}\u{200d} stay. Caf\u{e9}"
        );
    }
}
