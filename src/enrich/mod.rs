//! Enrichment: turns an [`Article`] as read into an [`Enriched`] one. It
//! resolves the id (the input's, or a stable hash of title, date and body),
//! parses the date, and extracts persons, organizations, locations,
//! countries and keywords, merged with the values the input already gave.
//!
//! `ingest` ([`Enricher::enrich`]) and `extract`
//! ([`Enricher::enrich_explained`]) share one path, so what `extract`
//! prints is exactly what `ingest` indexes. The lookup tables load once per
//! process ([`gazetteer`]); extraction is rule-based and offline.

pub mod byline;
pub mod countries;
pub mod dateline;
pub mod entities;
pub mod gazetteer;
pub mod keywords;
pub mod language;
pub mod lexicon;
pub mod mentions;
pub mod minhash;
pub mod names;
pub mod resolve;
pub mod tagger;
pub mod tokens;
mod vocabulary;

use std::collections::BTreeMap;

use crate::article::{Article, Enriched, Entities};
use crate::dates;
use crate::kinds::Kind;
use entities::{Found, Zone};
use mentions::{MentionKind, Mentions};

/// Enriches articles; cheap to share between threads.
#[derive(Debug, Clone, Copy)]
pub struct Enricher {
    extract: bool,
}

impl Enricher {
    /// Creates an enricher that extracts entities, countries and keywords.
    pub fn new() -> Enricher {
        gazetteer::Gazetteer::get();
        Enricher { extract: true }
    }

    /// Creates an enricher that keeps only what the input gives
    /// (`ingest --no-enrich`).
    pub fn without_extraction() -> Enricher {
        Enricher { extract: false }
    }

    /// Enriches one article.
    pub fn enrich(&self, article: Article) -> Enriched {
        let fingerprint = self.fingerprint(&article);
        self.enrich_fingerprinted(article, fingerprint)
    }

    /// Enriches one article whose [`Enricher::fingerprint`] the caller has
    /// computed already (to check it against the index), so it is not
    /// hashed twice.
    pub fn enrich_fingerprinted(&self, article: Article, fingerprint: u64) -> Enriched {
        self.enrich_with_mentions(article, fingerprint, Purpose::Index)
            .0
    }

    /// Enriches one article for `extract`, and returns its resolved
    /// mentions too, each with who found it and, when `explain` says so,
    /// what the resolvers did to it in words (`extract --explain`). The
    /// body's similarity fingerprint (7 % of `extract`'s instructions) and
    /// the document's [`Enricher::fingerprint`] (0.5 %), which only an
    /// index keeps, are left out: `fingerprint` is 0.
    pub fn enrich_explained(&self, article: Article, explain: bool) -> (Enriched, Mentions) {
        self.enrich_with_mentions(article, 0, Purpose::Extract { explain })
    }

    fn enrich_with_mentions(
        &self,
        article: Article,
        fingerprint: u64,
        purpose: Purpose,
    ) -> (Enriched, Mentions) {
        let (explain, index) = match purpose {
            Purpose::Index => (false, true),
            Purpose::Extract { explain } => (explain, false),
        };
        let parsed = article.date.as_deref().and_then(dates::parse_date);
        let unparsed_date = article.date.clone().filter(|_| parsed.is_none());
        let date = parsed.filter(dates::is_storable);
        let date_warning = match (parsed, date, &article.date) {
            (Some(_), None, Some(written)) => Some(format!(
                "date {written:?} is outside the years {} to {} an index can hold: the article is indexed without a date",
                dates::FIRST_YEAR,
                dates::LAST_YEAR
            )),
            _ => None,
        };
        let id = resolve_id(&article);
        let mut entities = normalise_given(&article.given);
        let mut evidence = BTreeMap::new();
        let mut mentions = Mentions::default();
        let mut short_forms = Vec::new();
        let mut works = Vec::new();
        if self.extract {
            let extracted = extract_mentions(&article, explain);
            merge(&mut entities, extracted.0);
            evidence = extracted.1;
            mentions = extracted.2;
            short_forms = resolve::short_forms(&mentions);
            works = resolve::works(&mentions);
        }
        let mut warnings = article.warnings;
        warnings.extend(date_warning);
        let minhash = match index {
            true => minhash::article_bands(&article.title, &article.body),
            false => None,
        };
        let enriched = Enriched {
            id,
            date,
            unparsed_date,
            warnings,
            title: article.title,
            dateline: article.dateline,
            body: article.body,
            source: article.source,
            url: article.url,
            author: article.author,
            entities,
            evidence,
            fingerprint,
            minhash,
            short_forms,
            works,
        };
        (enriched, mentions)
    }

    /// Returns the fingerprint of the document this enricher makes of an
    /// article: the 64-bit XXH3 hash of its id, of every
    /// field read, and of how it is enriched (with or without extraction,
    /// and by which newsdex version, since the rules change between
    /// versions). The same fingerprint means the same document, so a
    /// re-ingest can skip an article whose fingerprint is already indexed
    /// without enriching it.
    pub fn fingerprint(&self, article: &Article) -> u64 {
        /// Writes a count in decimal, as `to_string` does, without a new
        /// string.
        fn decimal(count: usize, digits: &mut [u8; 20]) -> &[u8] {
            let mut start = digits.len();
            let mut rest = count;
            loop {
                start -= 1;
                digits[start] = b'0' + (rest % 10) as u8;
                rest /= 10;
                if rest == 0 {
                    return &digits[start..];
                }
            }
        }

        // The parts, each led by its length, are laid end to end and
        // hashed in one call: the value a streaming hasher fed part by
        // part gives, for a fraction of the instructions.
        let mut input: Vec<u8> = Vec::with_capacity(
            article.title.len() + article.dateline.len() + article.body.len() + 512,
        );
        let mut add = |part: &[u8]| {
            input.extend_from_slice(&(part.len() as u64).to_le_bytes());
            input.extend_from_slice(part);
        };
        add(env!("CARGO_PKG_VERSION").as_bytes());
        add(if self.extract { "extract" } else { "given" }.as_bytes());
        add(resolve_id(article).as_bytes());
        add(article.date.as_deref().unwrap_or("").as_bytes());
        add(article.title.as_bytes());
        add(article.dateline.as_bytes());
        add(article.body.as_bytes());
        for optional in [&article.source, &article.url, &article.author] {
            add(optional.as_deref().unwrap_or("").as_bytes());
        }
        let mut digits = [0u8; 20];
        for (_, list) in article.given.iter() {
            add(decimal(list.len(), &mut digits));
            for value in list {
                add(value.as_bytes());
            }
        }
        xxhash_rust::xxh3::xxh3_64(&input)
    }
}

/// What an article is enriched for.
#[derive(Debug, Clone, Copy)]
enum Purpose {
    /// A document of the index, with its similarity fingerprint.
    Index,
    /// The lines of `extract`, with the resolvers' changes in words when
    /// explaining.
    Extract { explain: bool },
}

/// Returns the id of an article: the input's, trimmed, or a stable hash.
pub fn resolve_id(article: &Article) -> String {
    match &article.id {
        Some(id) => id.trim().to_string(),
        None => stable_id(article),
    }
}

impl Default for Enricher {
    fn default() -> Enricher {
        Enricher::new()
    }
}

/// How much of a title or body extraction reads: news articles are a few
/// kilobytes, and a pathological 200 MB record must not take gigabytes of
/// tokens. The whole text is still indexed and searchable.
const MAX_EXTRACTED_BYTES: usize = 1 << 20;

/// The longest prefix of a text within `limit` bytes, on a char boundary.
fn prefix(text: &str, limit: usize) -> &str {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Returns the mentions of an article's names, each kept or dropped with
/// the resolvers' log, in the order they stand in the article: what
/// `extract --explain` and `show --explain` print.
pub fn explain(article: &Article) -> Mentions {
    extract_mentions(article, true).2
}

/// Extracts the language, entities, countries and keywords of an article,
/// and returns its resolved mentions too. Every source adds mentions to one
/// list (the dateline's place words, the rules of [`entities`], the
/// byline, the tagger of [`names`] in English); the resolvers of
/// [`resolve`] decide them; the values are those of the kept mentions.
fn extract_mentions(
    article: &Article,
    explain: bool,
) -> (Entities, BTreeMap<String, Vec<String>>, Mentions) {
    let given_language = article.given[Kind::Language]
        .first()
        .and_then(|tag| Kind::Language.normalise(tag));
    let title_text = prefix(&article.title, MAX_EXTRACTED_BYTES);
    let body_text = prefix(&article.body, MAX_EXTRACTED_BYTES);
    let language =
        given_language.or_else(|| language::detect(title_text, body_text).map(String::from));
    let title = tokens::analyse(title_text);
    let body = tokens::analyse(body_text);
    let mut found = Found::default();
    found
        .mentions
        .extend(dateline::dateline_places(&article.dateline));
    entities::find_in_tokens(&mut found, &title, Zone::Title);
    entities::find_in_tokens(&mut found, &body, Zone::Lead);
    found.mentions.extend(byline::byline_person(body_text));
    let mut mentions = Mentions::of(found.mentions, explain);
    let mut extracted = Entities::default();
    let decided = if language::is_english(language.as_deref()) {
        let (tagged, words) = names::tag_article((title_text, &title), (body_text, &body));
        mentions.list.extend(tagged);
        let text = resolve::ArticleText {
            title_text,
            body_text,
            body: &body,
            words: &words,
        };
        let decided = resolve::resolve_english(&mut mentions, text);
        extracted[Kind::Person] = mentions.values(MentionKind::Person);
        extracted[Kind::Organization] = mentions.values(MentionKind::Organization);
        extracted[Kind::Location] = mentions.values(MentionKind::Location);
        let names: Vec<&str> = [Kind::Person, Kind::Organization, Kind::Location]
            .into_iter()
            .flat_map(|kind| extracted[kind].iter().map(String::as_str))
            .collect();
        let keywords = keywords::keywords_from(&title, &body, &names);
        extracted[Kind::Keyword] = keywords;
        decided
    } else {
        let decided = resolve::resolve_other(&mut mentions);
        extracted[Kind::Location] = mentions.values(MentionKind::Location);
        decided
    };
    extracted[Kind::Country] = decided.about;
    extracted[Kind::CountryMentioned] = decided.mentioned;
    extracted[Kind::Language] = language.into_iter().collect();
    (extracted, decided.evidence, mentions)
}

/// Cleans the values the input gave: trimmed, non-empty, once each, in the
/// case of their kind ([`Kind::normalise`]), every given country counting
/// as mentioned.
fn normalise_given(given: &Entities) -> Entities {
    let mut cleaned = Entities::default();
    for (kind, values) in given.iter() {
        for value in values {
            if let Some(value) = kind.normalise(value) {
                entities::push_unique(&mut cleaned[kind], value);
            }
        }
    }
    count_about_as_mentioned(&mut cleaned);
    cleaned
}

/// Adds every country an article is about to those it mentions.
fn count_about_as_mentioned(entities: &mut Entities) {
    let mut mentioned = entities[Kind::Country].clone();
    for code in std::mem::take(&mut entities[Kind::CountryMentioned]) {
        entities::push_unique(&mut mentioned, code);
    }
    entities[Kind::CountryMentioned] = mentioned;
}

/// Appends extracted values after the given ones, without repeats;
/// extracted keywords only fill up to [`keywords::MAX_KEYWORDS`].
fn merge(into: &mut Entities, extracted: Entities) {
    for (kind, more) in extracted {
        for value in more {
            if kind == Kind::Keyword && into[kind].len() >= keywords::MAX_KEYWORDS {
                break;
            }
            entities::push_unique(&mut into[kind], value);
        }
    }
    let about = into[Kind::Country].clone();
    for code in about {
        entities::push_unique(&mut into[Kind::CountryMentioned], code);
    }
}

/// Returns a stable id for an article without one: 16 hex digits of the
/// 64-bit FNV-1a hash of title, date and body, so re-ingesting the same
/// article replaces it.
pub fn stable_id(article: &Article) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let parts = [
        article.title.as_str(),
        article.date.as_deref().unwrap_or(""),
        article.body.as_str(),
    ];
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../samples/000_cbeac4f52b709616.txt");

    fn seed() -> Enriched {
        let article = crate::read::text::parse_text(SEED).unwrap();
        Enricher::new().enrich(article)
    }

    #[test]
    fn the_seed_article_gives_the_expected_entities() {
        let enriched = seed();
        let entities = &enriched.entities;
        let expected = [
            "Sergei Beloussov",
            "Li Shangfu",
            "Xi Jinping",
            "Vladimir Putin",
        ];
        assert_eq!(
            entities[Kind::Person],
            expected,
            "each once, full name, nothing else"
        );
        for person in [
            "Sergei Beloussov",
            "Li Shangfu",
            "Xi Jinping",
            "Vladimir Putin",
        ] {
            assert_eq!(
                entities[Kind::Person]
                    .iter()
                    .filter(|p| *p == person)
                    .count(),
                1,
                "{person} in {:?}",
                entities[Kind::Person]
            );
        }
        for organization in ["BRICS", "European Union"] {
            assert!(
                entities[Kind::Organization].contains(&organization.to_string()),
                "{organization} in {:?}",
                entities[Kind::Organization]
            );
        }
        for location in ["Kazan", "Sea of Japan"] {
            assert!(
                entities[Kind::Location].contains(&location.to_string()),
                "{location} in {:?}",
                entities[Kind::Location]
            );
        }
        assert_eq!(entities[Kind::Country], vec!["RU", "CN"]);
        for code in ["UA", "BR", "IN", "ZA", "IR"] {
            assert!(
                entities[Kind::CountryMentioned].contains(&code.to_string()),
                "{code} in {:?}",
                entities[Kind::CountryMentioned]
            );
        }
        for code in ["JP", "US"] {
            assert!(
                !entities[Kind::CountryMentioned].contains(&code.to_string()),
                "{code} in {:?}",
                entities[Kind::CountryMentioned]
            );
        }
        assert!(
            entities[Kind::Keyword]
                .iter()
                .any(|k| k.contains("joint military exercise")),
            "{:?}",
            entities[Kind::Keyword]
        );
        assert!(
            enriched.evidence["RU"].contains(&"Kazan".to_string()),
            "{:?}",
            enriched.evidence
        );
    }

    #[test]
    fn ids_are_given_or_stable_hashes() {
        let article = Article {
            title: "T".into(),
            body: "B".into(),
            ..Article::default()
        };
        let first = Enricher::without_extraction().enrich(article.clone()).id;
        assert_eq!(first.len(), 16);
        assert_eq!(
            first,
            Enricher::without_extraction().enrich(article.clone()).id
        );
        let other = Article {
            body: "C".into(),
            ..article.clone()
        };
        assert_ne!(first, stable_id(&other));
        let given = Article {
            id: Some(" x-1 ".into()),
            ..article
        };
        assert_eq!(Enricher::without_extraction().enrich(given).id, "x-1");
    }

    /// A change of [`stable_id`] would give every article without an id a
    /// new id on the next ingest, so each would be indexed twice.
    #[test]
    fn the_stable_id_of_a_known_article_never_changes() {
        let cocoa = Article {
            title: "Cocoa crop".into(),
            date: Some("1987-03-03".into()),
            body: "Ivory Coast said.".into(),
            ..Article::default()
        };
        assert_eq!(stable_id(&cocoa), "faff167c083f1ab6");
        let seed = crate::read::text::parse_text(SEED).unwrap();
        assert_eq!(seed.id, None);
        assert_eq!(stable_id(&seed), "540e11d3b1bcf57d");
    }

    #[test]
    fn dates_parse_or_are_kept_for_the_warning() {
        let dated = Article {
            title: "T".into(),
            date: Some("26-FEB-1987 15:01:01.79".into()),
            ..Article::default()
        };
        let enriched = Enricher::without_extraction().enrich(dated);
        assert_eq!(
            enriched.date.map(dates::format_day).as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(enriched.unparsed_date, None);
        let undated = Article {
            title: "T".into(),
            date: Some("soon".into()),
            ..Article::default()
        };
        assert_eq!(
            Enricher::without_extraction()
                .enrich(undated)
                .unparsed_date
                .as_deref(),
            Some("soon")
        );
    }

    #[test]
    fn given_values_are_kept_first_and_cleaned() {
        let article = Article {
            title: "Oil".into(),
            body: "Oil prices rose in Nigeria, Nigeria said.".into(),
            given: Entities::default()
                .with(Kind::Country, &["fr", " "])
                .with(Kind::Keyword, &["Oil Prices"]),
            ..Article::default()
        };
        let plain = Enricher::without_extraction().enrich(article.clone());
        assert_eq!(plain.entities[Kind::Country], vec!["FR"]);
        assert_eq!(plain.entities[Kind::CountryMentioned], vec!["FR"]);
        assert_eq!(plain.entities[Kind::Keyword], vec!["oil prices"]);
        let enriched = Enricher::new().enrich(article);
        assert_eq!(enriched.entities[Kind::Country], vec!["FR", "NG"]);
    }

    #[test]
    fn the_dateline_region_gives_the_country() {
        let article = Article {
            title: "AERO SERVICES <AEROE> SEES BETTER 1987".into(),
            dateline: "TETERBORO, N.J., March 11 -".into(),
            body: "Aero Services International Inc said it expects".into(),
            ..Article::default()
        };
        let enriched = Enricher::new().enrich(article);
        assert_eq!(enriched.entities[Kind::Country], vec!["US"]);
        assert_eq!(enriched.evidence["US"], vec!["N.J."]);
    }

    #[test]
    fn extraction_reads_at_most_a_megabyte_of_a_field() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(prefix("héllo", 3), "hé");
        assert_eq!(prefix("short", 100), "short");
        let filler = "and then it went on. ".repeat(MAX_EXTRACTED_BYTES / 20);
        let huge = format!("Russia said. {filler}Nigeria said. Nigeria agreed.");
        let after_the_cap = huge.find("Nigeria").unwrap();
        assert!(after_the_cap > MAX_EXTRACTED_BYTES);
        let article = Article {
            title: "T".into(),
            body: huge.clone(),
            ..Article::default()
        };
        let enriched = Enricher::new().enrich(article);
        assert_eq!(
            enriched.body.len(),
            huge.len(),
            "the whole body is kept for indexing"
        );
        assert_eq!(enriched.entities[Kind::Country], vec!["RU"]);
        assert_eq!(
            enriched.entities[Kind::CountryMentioned],
            vec!["RU"],
            "Nigeria, after the first megabyte, is not read"
        );
    }

    #[test]
    fn fingerprints_change_with_any_field_and_with_the_enrichment() {
        let article = Article {
            id: Some("a-1".into()),
            title: "Cocoa crop".into(),
            body: "Ivory Coast said.".into(),
            ..Article::default()
        };
        let enricher = Enricher::without_extraction();
        let fingerprint = enricher.fingerprint(&article);
        assert_eq!(fingerprint, enricher.fingerprint(&article.clone()));
        assert_eq!(enricher.enrich(article.clone()).fingerprint, fingerprint);
        assert_ne!(Enricher::new().fingerprint(&article), fingerprint);
        let mut changes: Vec<Article> = Vec::new();
        for change in 0..5 {
            let mut changed = article.clone();
            match change {
                0 => changed.id = Some("a-2".into()),
                1 => changed.body.push('!'),
                2 => changed.date = Some("1987-03-03".into()),
                3 => changed.url = Some("https://example.org".into()),
                _ => changed.given[Kind::Keyword].push("cocoa".into()),
            }
            changes.push(changed);
        }
        for changed in &changes {
            assert_ne!(enricher.fingerprint(changed), fingerprint, "{changed:?}");
        }
        let mut moved = article.clone();
        moved.title = "Cocoa".into();
        moved.dateline = " crop".into();
        assert_ne!(enricher.fingerprint(&moved), fingerprint);
    }
}
