//! The one table of input keys: which key of a JSON object or which CSV
//! column fills which article field, for the producers people have
//! (NewsAPI, news-please, Hugging Face `cc_news`, schema.org
//! `NewsArticle` JSON-LD, the GDELT DOC API, the HuffPost news-category
//! dataset, JSON Feed, Elasticsearch hits), and `--field NAME=KEY`, which
//! maps anything else.
//!
//! Keys are matched without regard to case (`Title` reads like `title`).
//! When a record has several keys for one field, the one higher in this
//! table wins (`body` over `text` over `content`); `--field` beats them all.
//!
//! | field | keys, best first |
//! |---|---|
//! | id | `id`, `guid`, `_id`, `uuid`, `article_id` |
//! | date | `date`, `publishedAt`, `published_at`, `datePublished`, `date_published`, `date_publish`, `pubDate`, `published`, `publish_date`, `publication_date`, `seendate`, `created_at`, `dateCreated`, `dateModified`, `updated` |
//! | title | `title`, `headline`, `webTitle` |
//! | dateline | `dateline` |
//! | body | `body`, `text`, `maintext`, `articleBody`, `article_body`, `full_text`, `content`, `content_text`, `content_html` (HTML, made plain text), `story`, `article` |
//! | summary, the body when there is no body | `description`, `short_description`, `summary`, `abstract`, `excerpt`, `lead` |
//! | source | `source`, `source_name`, `publisher`, `site_name`, `source_domain`, `domain` |
//! | url | `url`, `link`, `webUrl`, `web_url`, `canonical_url`, `permalink`, `mainEntityOfPage` |
//! | author | `author`, `authors`, `byline`, `creator` |
//! | language | `language`, `lang`, `inLanguage` (a code, or an English name such as `English`) |
//! | keywords | `keywords`, `category`, `categories`, `section` |
//! | the other extracted kinds | their keys in [`crate::kinds`] (`persons`, `countries`...) |
//!
//! A value may be a string, a number, an object with a `name` (`"source":
//! {"name": "Reuters"}`, `"author": {"@type": "Person", "name": "..."}`)
//! or a list of these, joined with `, ` (`"authors": ["A", "B"]`).
//! NewsAPI's `content` is cut at 200 characters and ends with
//! `[+1234 chars]`: the marker is dropped and the `description` put first.
//!
//! A record whose body is empty while a string of at least
//! [`UNREAD_TEXT_CHARS`] characters sits under a key not in this table is
//! kept with a warning (once per file) naming the key and the
//! `--field body=KEY` that would read it.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::error::Error;
use crate::kinds::Kind;

/// An article field that input keys fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The article's id.
    Id,
    /// The date as written.
    Date,
    /// The headline.
    Title,
    /// The wire dateline.
    Dateline,
    /// The text.
    Body,
    /// A summary, read as the body's first paragraph when the body is cut
    /// short, or as the body when there is none.
    Summary,
    /// The publisher.
    Source,
    /// The address.
    Url,
    /// The author or authors.
    Author,
    /// Values of an extracted kind given by the input.
    Given(Kind),
}

impl Field {
    /// The fields that hold one text, in slot order (see [`Field::slot`]).
    pub const TEXT_FIELDS: [Field; 9] = [
        Field::Id,
        Field::Date,
        Field::Title,
        Field::Dateline,
        Field::Body,
        Field::Summary,
        Field::Source,
        Field::Url,
        Field::Author,
    ];

    /// The position of a text field among [`Field::TEXT_FIELDS`], or `None`
    /// for the given kinds, which hold lists.
    pub fn slot(self) -> Option<usize> {
        Field::TEXT_FIELDS.iter().position(|field| *field == self)
    }

    /// The name `--field` uses for this field (`body`, `persons`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Date => "date",
            Field::Title => "title",
            Field::Dateline => "dateline",
            Field::Body => "body",
            Field::Summary => "summary",
            Field::Source => "source",
            Field::Url => "url",
            Field::Author => "author",
            Field::Given(kind) => kind.key(),
        }
    }

    /// Finds a field by its `--field` name.
    pub fn from_name(name: &str) -> Option<Field> {
        if let Some(field) = Field::TEXT_FIELDS
            .into_iter()
            .find(|field| field.name() == name)
        {
            return Some(field);
        }
        Kind::from_key(name).map(Field::Given)
    }
}

/// One row of the alias table: an input key and the field it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    /// The key, in lower case.
    pub key: &'static str,
    /// The field it fills.
    pub field: Field,
    /// Whether the value is HTML, to be made plain text.
    pub is_html: bool,
}

const fn alias(key: &'static str, field: Field) -> Alias {
    Alias {
        key,
        field,
        is_html: false,
    }
}

/// A row whose value is HTML, made plain text
/// ([`super::html_text::html_to_text`]).
const fn html_alias(key: &'static str, field: Field) -> Alias {
    Alias {
        key,
        field,
        is_html: true,
    }
}

/// Every key newsdex reads, best first within each field. The module
/// header and the README's table show the same rows.
pub const ALIASES: &[Alias] = &[
    alias("id", Field::Id),
    alias("guid", Field::Id),
    alias("_id", Field::Id),
    alias("uuid", Field::Id),
    alias("article_id", Field::Id),
    alias("date", Field::Date),
    alias("publishedat", Field::Date),
    alias("published_at", Field::Date),
    alias("datepublished", Field::Date),
    alias("date_published", Field::Date),
    alias("date_publish", Field::Date),
    alias("pubdate", Field::Date),
    alias("published", Field::Date),
    alias("publish_date", Field::Date),
    alias("publication_date", Field::Date),
    alias("seendate", Field::Date),
    alias("created_at", Field::Date),
    alias("datecreated", Field::Date),
    alias("datemodified", Field::Date),
    alias("updated", Field::Date),
    alias("title", Field::Title),
    alias("headline", Field::Title),
    alias("webtitle", Field::Title),
    alias("dateline", Field::Dateline),
    alias("body", Field::Body),
    alias("text", Field::Body),
    alias("maintext", Field::Body),
    alias("articlebody", Field::Body),
    alias("article_body", Field::Body),
    alias("full_text", Field::Body),
    alias("content", Field::Body),
    alias("content_text", Field::Body),
    html_alias("content_html", Field::Body),
    alias("story", Field::Body),
    alias("article", Field::Body),
    alias("description", Field::Summary),
    alias("short_description", Field::Summary),
    alias("summary", Field::Summary),
    alias("abstract", Field::Summary),
    alias("excerpt", Field::Summary),
    alias("lead", Field::Summary),
    alias("source", Field::Source),
    alias("source_name", Field::Source),
    alias("publisher", Field::Source),
    alias("site_name", Field::Source),
    alias("source_domain", Field::Source),
    alias("domain", Field::Source),
    alias("url", Field::Url),
    alias("link", Field::Url),
    alias("weburl", Field::Url),
    alias("web_url", Field::Url),
    alias("canonical_url", Field::Url),
    alias("permalink", Field::Url),
    alias("mainentityofpage", Field::Url),
    alias("author", Field::Author),
    alias("authors", Field::Author),
    alias("byline", Field::Author),
    alias("creator", Field::Author),
    alias("language", Field::Given(Kind::Language)),
    alias("lang", Field::Given(Kind::Language)),
    alias("inlanguage", Field::Given(Kind::Language)),
    alias("keywords", Field::Given(Kind::Keyword)),
    alias("category", Field::Given(Kind::Keyword)),
    alias("categories", Field::Given(Kind::Keyword)),
    alias("section", Field::Given(Kind::Keyword)),
];

/// What a key means: its field and its rank (lower is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyMeaning {
    /// The field the key fills.
    pub field: Field,
    /// The key's rank among the keys of its field; `--field` ranks first.
    pub rank: u8,
    /// Whether the value is HTML.
    pub is_html: bool,
}

/// The rank `--field` gives its keys, ahead of every alias.
pub const FORCED_RANK: u8 = 0;

/// Finds what an input key means: a row of [`ALIASES`], else the key of an
/// extracted kind. Case is ignored; an exact lower-case key is found
/// without allocating.
pub fn lookup_key(key: &str) -> Option<KeyMeaning> {
    if let Some(meaning) = lookup_lower_case(key) {
        return Some(meaning);
    }
    if !key.bytes().any(|byte| byte.is_ascii_uppercase()) {
        return None;
    }
    lookup_lower_case(&key.to_ascii_lowercase())
}

fn lookup_lower_case(key: &str) -> Option<KeyMeaning> {
    key_meanings().get(key).copied()
}

/// Every key of [`ALIASES`] and of the extracted kinds with its meaning,
/// ranked by its place in the table; built once, so that a key costs one
/// hash lookup (JSON Lines ingest must not get slower for the aliases).
fn key_meanings() -> &'static FxHashMap<&'static str, KeyMeaning> {
    static MEANINGS: OnceLock<FxHashMap<&'static str, KeyMeaning>> = OnceLock::new();
    MEANINGS.get_or_init(|| {
        let mut meanings = FxHashMap::default();
        for kind in Kind::ALL {
            let meaning = KeyMeaning {
                field: Field::Given(kind),
                rank: 1,
                is_html: false,
            };
            meanings.insert(kind.key(), meaning);
        }
        let mut rank = FORCED_RANK;
        let mut previous_field = None;
        for alias in ALIASES {
            if previous_field != Some(alias.field) {
                previous_field = Some(alias.field);
                rank = FORCED_RANK;
            }
            rank += 1;
            let meaning = KeyMeaning {
                field: alias.field,
                rank,
                is_html: alias.is_html,
            };
            meanings.insert(alias.key, meaning);
        }
        meanings
    })
}

/// The shortest text under a key newsdex does not read that makes an
/// empty body worth a warning.
pub const UNREAD_TEXT_CHARS: usize = 200;

/// Whether a value is long enough that leaving it unread is worth a
/// warning.
pub fn is_long_text(value: &str) -> bool {
    value.len() >= UNREAD_TEXT_CHARS && value.chars().count() >= UNREAD_TEXT_CHARS
}

/// Words the warning about text under a key newsdex does not read.
pub fn unread_text_warning(key: &str) -> String {
    format!(
        "the body is empty but key \"{key}\" holds a long text newsdex does not read: pass --field body={key} to index it (said once per file)"
    )
}

/// The `--field NAME=KEY` mappings of a run: for each, the field and the
/// key, dotted path (`meta.published`) or CSV column that fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    /// The mappings, in the order given.
    pub mappings: Vec<(Field, String)>,
}

impl FieldMap {
    /// Parses `--field` values (`body=story`), naming the fix for a bad one.
    pub fn parse(values: &[String]) -> Result<FieldMap, Error> {
        let mut mappings = Vec::new();
        for value in values {
            let usage = |hint: String| Error::Usage {
                what: "--field",
                value: value.clone(),
                hint,
            };
            let Some((name, key)) = value.split_once('=') else {
                return Err(usage(
                    "write NAME=KEY, such as body=story or date=meta.published".to_string(),
                ));
            };
            let key = key.trim();
            let Some(field) = Field::from_name(name.trim()) else {
                let mut names: Vec<&str> = Field::TEXT_FIELDS.iter().map(|f| f.name()).collect();
                names.extend(Kind::ALL.iter().map(|kind| kind.key()));
                return Err(usage(format!("NAME is one of {}", names.join(", "))));
            };
            if key.is_empty() || key.split('.').any(str::is_empty) {
                return Err(usage(
                    "KEY is a key, a dotted path such as meta.published, or a CSV column"
                        .to_string(),
                ));
            }
            mappings.push((field, key.to_string()));
        }
        Ok(FieldMap { mappings })
    }

    /// Whether no `--field` was given.
    pub fn is_empty(&self) -> bool {
        self.mappings.is_empty()
    }
}

/// Turns a language value into an ISO 639-1 code where it is an English
/// language name (`English`, as GDELT writes it); codes and tags are kept
/// for [`Kind::normalise`].
pub fn language_code(value: &str) -> String {
    let trimmed = value.trim();
    for (name, code) in LANGUAGE_NAMES {
        if trimmed.eq_ignore_ascii_case(name) {
            return code.to_string();
        }
    }
    trimmed.to_string()
}

/// English names of the languages most news is written in, with their
/// ISO 639-1 codes.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("Arabic", "ar"),
    ("Bengali", "bn"),
    ("Bulgarian", "bg"),
    ("Catalan", "ca"),
    ("Chinese", "zh"),
    ("Croatian", "hr"),
    ("Czech", "cs"),
    ("Danish", "da"),
    ("Dutch", "nl"),
    ("English", "en"),
    ("Estonian", "et"),
    ("Finnish", "fi"),
    ("French", "fr"),
    ("German", "de"),
    ("Greek", "el"),
    ("Hebrew", "he"),
    ("Hindi", "hi"),
    ("Hungarian", "hu"),
    ("Indonesian", "id"),
    ("Italian", "it"),
    ("Japanese", "ja"),
    ("Korean", "ko"),
    ("Latvian", "lv"),
    ("Lithuanian", "lt"),
    ("Malay", "ms"),
    ("Norwegian", "no"),
    ("Persian", "fa"),
    ("Polish", "pl"),
    ("Portuguese", "pt"),
    ("Romanian", "ro"),
    ("Russian", "ru"),
    ("Serbian", "sr"),
    ("Slovak", "sk"),
    ("Slovenian", "sl"),
    ("Spanish", "es"),
    ("Swahili", "sw"),
    ("Swedish", "sv"),
    ("Tamil", "ta"),
    ("Thai", "th"),
    ("Turkish", "tr"),
    ("Ukrainian", "uk"),
    ("Urdu", "ur"),
    ("Vietnamese", "vi"),
];

/// Removes NewsAPI's `[+1234 chars]` marker from the end of a text cut
/// short, and tells whether it was there.
pub fn strip_truncation_marker(text: &str) -> (&str, bool) {
    let trimmed = text.trim_end();
    let Some(without_bracket) = trimmed.strip_suffix(" chars]") else {
        return (text, false);
    };
    let Some((kept, count)) = without_bracket.rsplit_once("[+") else {
        return (text, false);
    };
    if count.is_empty() || !count.bytes().all(|byte| byte.is_ascii_digit()) {
        return (text, false);
    }
    let kept = kept.trim_end().trim_end_matches('…').trim_end();
    (kept, true)
}

/// Joins a body and a summary: the summary is the body when there is no
/// body, and its first paragraph when the body was cut short; otherwise
/// the body stands alone, exactly as given (the stable id of an article
/// without one hashes it).
pub fn join_body(body: String, summary: String) -> String {
    if body.trim().is_empty() {
        return summary;
    }
    let (kept, cut_short) = strip_truncation_marker(&body);
    if !cut_short {
        return body;
    }
    let summary = summary.trim();
    if summary.is_empty() || kept.starts_with(summary) {
        return kept.to_string();
    }
    format!("{summary}\n\n{kept}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_whatever_their_case_and_ranked_within_their_field() {
        let body = lookup_key("body").unwrap();
        let text = lookup_key("Text").unwrap();
        let content = lookup_key("CONTENT").unwrap();
        assert_eq!(body.field, Field::Body);
        assert_eq!(text.field, Field::Body);
        assert!(body.rank < text.rank && text.rank < content.rank);
        assert!(FORCED_RANK < body.rank);
        assert_eq!(lookup_key("publishedAt").unwrap().field, Field::Date);
        assert_eq!(
            lookup_key("persons").unwrap().field,
            Field::Given(Kind::Person)
        );
        assert_eq!(
            lookup_key("language").unwrap().field,
            Field::Given(Kind::Language)
        );
        assert_eq!(lookup_key("urlToImage"), None);
    }

    #[test]
    fn each_field_s_aliases_stand_together_so_ranks_follow_the_table() {
        let mut finished: Vec<Field> = Vec::new();
        let mut current = None;
        for alias in ALIASES {
            if current != Some(alias.field) {
                assert!(!finished.contains(&alias.field), "{:?}", alias.field);
                if let Some(previous) = current {
                    finished.push(previous);
                }
                current = Some(alias.field);
            }
            assert_eq!(alias.key, alias.key.to_ascii_lowercase());
        }
    }

    #[test]
    fn every_alias_is_in_the_readme_table() {
        let readme = include_str!("../../README.md");
        for alias in ALIASES {
            let shown = readme
                .to_ascii_lowercase()
                .contains(&format!("`{}`", alias.key));
            assert!(shown, "README does not show the key `{}`", alias.key);
        }
    }

    #[test]
    fn field_mappings_are_checked() {
        let map = FieldMap::parse(&["body=story".into(), "date=meta.published".into()]).unwrap();
        assert_eq!(
            map.mappings,
            vec![
                (Field::Body, "story".to_string()),
                (Field::Date, "meta.published".to_string())
            ]
        );
        assert_eq!(
            FieldMap::parse(&["persons=people".into()])
                .unwrap()
                .mappings[0]
                .0,
            Field::Given(Kind::Person)
        );
        let missing_equals = FieldMap::parse(&["body".into()]).unwrap_err();
        assert_eq!(
            missing_equals.to_string(),
            "invalid --field \"body\": write NAME=KEY, such as body=story or date=meta.published"
        );
        let unknown = FieldMap::parse(&["bdy=x".into()]).unwrap_err().to_string();
        assert!(
            unknown.contains("NAME is one of id, date, title"),
            "{unknown}"
        );
        assert!(FieldMap::parse(&["body=a..b".into()]).is_err());
    }

    #[test]
    fn language_names_become_codes() {
        assert_eq!(language_code("English"), "en");
        assert_eq!(language_code("spanish"), "es");
        assert_eq!(language_code("en-US"), "en-US");
    }

    #[test]
    fn a_body_cut_short_by_newsapi_gets_its_summary_first() {
        let content = "Oil rose on Monday after the cartel said … [+2714 chars]";
        assert_eq!(
            strip_truncation_marker(content),
            ("Oil rose on Monday after the cartel said", true)
        );
        let join = |body: &str, summary: &str| join_body(body.to_string(), summary.to_string());
        assert_eq!(
            join(content, "Prices climbed."),
            "Prices climbed.\n\nOil rose on Monday after the cartel said"
        );
        assert_eq!(join("", "Only a summary."), "Only a summary.");
        assert_eq!(join(" Full text.\n", "Summary."), " Full text.\n");
        assert!(!strip_truncation_marker("[+x chars]").1);
    }
}
