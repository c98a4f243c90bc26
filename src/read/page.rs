//! Saved web pages (`.html`, `.htm`), and the HTML of crawled responses
//! ([`super::warc`]): one article per page.
//!
//! | article | from, best first |
//! |---|---|
//! | title | `og:title`, JSON-LD `headline`, the first `<h1>`, `<title>` |
//! | date | `article:published_time`, JSON-LD `datePublished`, microdata `datePublished` (`content` of a `meta`, `datetime` or text of a `time`), `<meta>` named `date`, `pubdate`, `publishdate`, `DC.date.issued`, `dcterms.issued`, `published_at`, `parsely-pub-date`, `sailthru.date`, the first `<time datetime>`, the crawl date: the first of them [`crate::dates::parse_date`] reads, else the first found (its warning names it); a page with none gets a warning |
//! | author | JSON-LD `author` (names joined with `, `), `<meta name="author">` |
//! | url | `<link rel="canonical">`, `og:url`, JSON-LD `url`, the crawled address |
//! | source | `og:site_name`, JSON-LD `publisher.name` |
//! | body | JSON-LD `articleBody`, else the main text found by `dom_smoothie`'s readability extraction (navigation, ads, comments and footers left out), else the text of `<article>`, `<main>` or `<body>`; when that main text is less than half as long as the `itemprop="articleBody"` element or the largest `<article>`, the first of those that is twice as long (readability then missed the article) |
//! | language | `<html lang>` |
//!
//! JSON-LD is read from each `<script type="application/ld+json">`: the
//! first object whose `@type` ends in `Article` or is `BlogPosting`
//! (inside lists and `@graph` too). The encoding is the one declared by
//! the HTTP header (WARC) or `<meta charset>`, with a fallback for bytes
//! that do not fit it ([`super::charset`]).

use std::io::BufRead;
use std::ops::ControlFlow;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

use super::Item;
use super::charset::{decode_document, html_declared_encoding};
use super::fields::language_code;
use super::html_text::{document_text, html_to_text, tidy_paragraphs};
use super::json::Parsed;
use super::stream::FileReader;
use crate::article::Article;
use crate::dates::parse_date;
use crate::error::Location;
use crate::kinds::Kind;

/// What the place a page came from knows about it: a crawl's address,
/// date and `Content-Type` charset.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageContext<'a> {
    /// The address the page was fetched from.
    pub url: Option<&'a str>,
    /// When it was fetched.
    pub date: Option<&'a str>,
    /// The charset of the HTTP `Content-Type` header.
    pub charset: Option<&'a str>,
}

/// Elements that are never the article's text, removed before the
/// extraction.
const NOT_MAIN_TEXT: &str = "script, style, noscript, template, iframe, svg, nav, footer, aside, form, [role=navigation], [role=contentinfo], [role=complementary], .ad, .ads, .advert, .advertisement, .comments, #comments, .byline";

/// Reads one page into an article, with the warnings met decoding it.
pub fn parse_page(bytes: &[u8], context: PageContext) -> (Result<Parsed, String>, Vec<String>) {
    let declared = context
        .charset
        .map(str::to_string)
        .or_else(|| html_declared_encoding(bytes));
    let decoded = decode_document(bytes, declared.as_deref());
    let warnings: Vec<String> = decoded.warning.into_iter().collect();
    let article = page_article(&decoded.text, context);
    if article.title.trim().is_empty() && article.body.trim().is_empty() {
        let reason = "not an article: the page has no title and no text".to_string();
        return (Err(reason), warnings);
    }
    let parsed = Parsed {
        article,
        unread_text: None,
    };
    (Ok(parsed), warnings)
}

/// Builds the article of a parsed page.
fn page_article(html: &str, context: PageContext) -> Article {
    let document = Document::from(html);
    let linked_data = find_linked_data(&document);
    let ld_text = |key: &str| linked_data.as_ref().and_then(|data| text_of(&data[key]));
    let meta = |name: &str| meta_content(&document, name);
    let title = first_of([
        meta("og:title"),
        ld_text("headline"),
        element_text(&document, "h1"),
        element_text(&document, "title"),
    ]);
    let date = first_readable_date([
        meta("article:published_time"),
        ld_text("datePublished"),
        microdata_date(&document),
        meta("date"),
        meta("pubdate"),
        meta("publishdate"),
        meta("DC.date.issued"),
        meta("dc.date.issued"),
        meta("dcterms.issued"),
        meta("published_at"),
        meta("parsely-pub-date"),
        meta("sailthru.date"),
        attribute(&document, "time[datetime]", "datetime"),
        context.date.map(str::to_string),
    ]);
    let author = first_of([ld_text("author"), meta("author")]);
    let url = first_of([
        attribute(&document, "link[rel=canonical]", "href"),
        meta("og:url"),
        ld_text("url"),
        context.url.map(str::to_string),
    ]);
    let source = first_of([
        meta("og:site_name"),
        linked_data
            .as_ref()
            .and_then(|data| text_of(&data["publisher"])),
    ]);
    let language = attribute(&document, "html[lang]", "lang");
    let fallback_bodies = [
        element_formatted_text(&document, "[itemprop=articleBody]"),
        largest_article_text(&document),
    ];
    let body = match ld_text("articleBody") {
        Some(body) => html_to_text(&body),
        None => longer_body(main_text(document, html), fallback_bodies),
    };
    let body = super::chrome::drop_page_chrome(&body);
    let mut warnings = Vec::new();
    if date.is_none() {
        warnings.push(NO_DATE_WARNING.to_string());
    }
    let mut article = Article {
        warnings,
        date,
        title: title.unwrap_or_default(),
        body,
        source,
        url,
        author,
        ..Article::default()
    };
    if let Some(language) = language {
        article.given[Kind::Language].push(language_code(&language));
    }
    article
}

/// The warning of a page with no date anywhere.
const NO_DATE_WARNING: &str = "no date found in the page: the article is indexed without a date";

/// The first date given that [`parse_date`] reads, else the first given
/// (kept as written, for the warning that names it).
fn first_readable_date<const N: usize>(candidates: [Option<String>; N]) -> Option<String> {
    let mut found = Vec::new();
    for candidate in candidates.into_iter().flatten() {
        let candidate = candidate.trim();
        if !candidate.is_empty() {
            found.push(candidate.to_string());
        }
    }
    let readable = found.iter().find(|date| parse_date(date).is_some());
    readable.or(found.first()).cloned()
}

/// The microdata `datePublished`: the `content` of a `meta`, the
/// `datetime` of a `time`, or the element's text.
fn microdata_date(document: &Document) -> Option<String> {
    let found = document.select_single("[itemprop=datePublished]");
    if !found.exists() {
        return None;
    }
    let attributes = [found.attr("content"), found.attr("datetime")];
    for value in attributes.into_iter().flatten() {
        if !value.trim().is_empty() {
            return Some(value.trim().to_string());
        }
    }
    element_text(document, "[itemprop=datePublished]")
}

/// How many times longer than the main text a fallback body must be to
/// replace it.
const MUCH_LONGER: usize = 2;

/// The main text, or the first fallback that is more than twice as long
/// (the main text then missed the article).
fn longer_body<const N: usize>(main: String, fallbacks: [Option<String>; N]) -> String {
    let main_length = main.chars().count();
    for fallback in fallbacks.into_iter().flatten() {
        if fallback.chars().count() > MUCH_LONGER * main_length {
            return fallback;
        }
    }
    main
}

/// The text of the first element a selector matches, with its paragraphs.
fn element_formatted_text(document: &Document, selector: &str) -> Option<String> {
    let found = document.select_single(selector);
    if !found.exists() {
        return None;
    }
    let text = tidy_paragraphs(&found.formatted_text());
    (!text.is_empty()).then_some(text)
}

/// The text of the page's longest `<article>`, without what is never the
/// article's text.
fn largest_article_text(document: &Document) -> Option<String> {
    let articles = document.select("article");
    let mut largest: Option<String> = None;
    for node in articles.nodes() {
        let copy = Document::from(node.html().to_string());
        copy.select(NOT_MAIN_TEXT).remove();
        let text = tidy_paragraphs(&copy.select_single("article").formatted_text());
        let is_larger = largest
            .as_ref()
            .is_none_or(|best| text.chars().count() > best.chars().count());
        if is_larger && !text.is_empty() {
            largest = Some(text);
        }
    }
    largest
}

/// The first value given, trimmed and not empty.
fn first_of<const N: usize>(candidates: [Option<String>; N]) -> Option<String> {
    for candidate in candidates.into_iter().flatten() {
        let candidate = candidate.trim();
        if !candidate.is_empty() {
            return Some(candidate.to_string());
        }
    }
    None
}

/// The `content` of `<meta property="NAME">` or `<meta name="NAME">`.
fn meta_content(document: &Document, name: &str) -> Option<String> {
    let selector = format!("meta[property=\"{name}\"], meta[name=\"{name}\"]");
    attribute(document, &selector, "content")
}

/// An attribute of the first element a selector matches.
fn attribute(document: &Document, selector: &str, name: &str) -> Option<String> {
    let found = document.select_single(selector);
    found.attr(name).map(|value| value.trim().to_string())
}

/// The text of the first element a selector matches.
fn element_text(document: &Document, selector: &str) -> Option<String> {
    let found = document.select_single(selector);
    let text = found.text();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// A JSON-LD value as text: a string, a number, an object's `name`, or a
/// list of them joined with `, `.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Object(object) => object.get("name").and_then(text_of),
        Value::Array(values) => {
            let texts: Vec<String> = values.iter().filter_map(text_of).collect();
            (!texts.is_empty()).then(|| texts.join(", "))
        }
        _ => None,
    }
}

/// The page's JSON-LD article object, if it has one.
fn find_linked_data(document: &Document) -> Option<Value> {
    let scripts = document.select("script[type=\"application/ld+json\"]");
    for script in scripts.nodes() {
        let Ok(value) = serde_json::from_str::<Value>(script.text().trim()) else {
            continue;
        };
        if let Some(article) = find_article_object(value) {
            return Some(article);
        }
    }
    None
}

/// Finds the first article object in a JSON-LD value, through lists and
/// `@graph`.
fn find_article_object(value: Value) -> Option<Value> {
    match value {
        Value::Array(values) => values.into_iter().find_map(find_article_object),
        Value::Object(mut object) => {
            if is_article_type(object.get("@type")) {
                return Some(Value::Object(object));
            }
            object.remove("@graph").and_then(find_article_object)
        }
        _ => None,
    }
}

/// Whether a JSON-LD `@type` (a name or a list) is an article.
fn is_article_type(kind: Option<&Value>) -> bool {
    let is_article = |name: &str| name.ends_with("Article") || name == "BlogPosting";
    match kind {
        Some(Value::String(name)) => is_article(name),
        Some(Value::Array(names)) => names
            .iter()
            .any(|name| name.as_str().is_some_and(is_article)),
        _ => false,
    }
}

/// The main text of a page: readability's extraction, else the text of
/// its `<article>`, `<main>` or `<body>` without navigation and footers.
fn main_text(document: Document, html: &str) -> String {
    document.select(NOT_MAIN_TEXT).remove();
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let extracted = Readability::with_document(document, None, Some(config))
        .and_then(|mut readability| readability.parse());
    if let Ok(article) = extracted {
        let text = tidy_paragraphs(&article.text_content);
        if !text.is_empty() {
            return text;
        }
    }
    let fallback_document = Document::from(html);
    fallback_document.select(NOT_MAIN_TEXT).remove();
    fallback_document.select("header").remove();
    for selector in ["article", "main", "body"] {
        let found = fallback_document.select_single(selector);
        if found.exists() {
            return tidy_paragraphs(&found.formatted_text());
        }
    }
    document_text(&fallback_document)
}

impl FileReader<'_> {
    /// Reads a saved web page as one article.
    pub(crate) fn read_page(
        &mut self,
        reader: impl BufRead,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let bytes = match self.read_whole(reader, "the page") {
            Ok(bytes) => bytes,
            Err(reason) => return consume(self.file_error(reason)),
        };
        let (parsed, warnings) = parse_page(&bytes, PageContext::default());
        let item = self.located(Location::file(self.name), parsed, warnings);
        consume(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Article {
        parse_page(html.as_bytes(), PageContext::default())
            .0
            .unwrap()
            .article
    }

    const PAGE: &str = r#"<!doctype html><html lang="es"><head>
<meta charset="utf-8"><title>Cranes move | Harbour Gazette</title>
<meta property="og:title" content="Cranes move again">
<meta property="og:site_name" content="Harbour Gazette">
<meta property="article:published_time" content="2024-10-14T08:30:00Z">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://news.example.org/cranes">
</head><body>
<nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
<article><h1>Cranes move again</h1>
<p>Dockworkers in Valparaiso voted on Sunday to accept the revised wage offer, ending a nine-day stoppage that had left ships waiting outside the harbour.</p>
<p>The first container ships were unloaded at dawn, and the port authority said the queue of waiting vessels would clear by Thursday, a week earlier than feared.</p>
<p>Union leaders said the agreement covers pay, night shifts and safety equipment, and that it will be reviewed in twelve months.</p>
</article>
<footer>Copyright Harbour Gazette. All rights reserved.</footer>
</body></html>"#;

    #[test]
    fn metadata_comes_from_the_head_and_the_text_from_the_article() {
        let article = page(PAGE);
        assert_eq!(article.title, "Cranes move again");
        assert_eq!(article.date.as_deref(), Some("2024-10-14T08:30:00Z"));
        assert_eq!(article.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://news.example.org/cranes")
        );
        assert_eq!(article.source.as_deref(), Some("Harbour Gazette"));
        assert_eq!(article.given[Kind::Language], ["es"]);
        assert!(
            article.body.starts_with("Dockworkers in Valparaiso"),
            "{}",
            article.body
        );
        assert!(article.body.contains("twelve months."), "{}", article.body);
        assert!(!article.body.contains("Copyright"), "{}", article.body);
        assert!(!article.body.contains("Home"), "{}", article.body);
    }

    #[test]
    fn json_ld_gives_the_body_and_fills_gaps() {
        let html = r#"<html><head><title>Page</title><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"},
 {"@type": ["NewsArticle"], "headline": "Lava stops", "datePublished": "2024-10-16T07:45:00Z",
  "author": [{"@type": "Person", "name": "Helga"}, {"name": "Jon"}],
  "publisher": {"@type": "Organization", "name": "Northern Wire"},
  "articleBody": "The flow stopped &amp; the road is open."}]}
</script></head><body><p>Cookie banner</p><time datetime="2020-01-01">old</time></body></html>"#;
        let article = page(html);
        assert_eq!(article.title, "Lava stops");
        assert_eq!(article.date.as_deref(), Some("2024-10-16T07:45:00Z"));
        assert_eq!(article.author.as_deref(), Some("Helga, Jon"));
        assert_eq!(article.source.as_deref(), Some("Northern Wire"));
        assert_eq!(article.body, "The flow stopped & the road is open.");
    }

    #[test]
    fn fallbacks_and_legacy_encodings() {
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><h1>\xcd\xee\xe2\xee\xf1\xf2\xe8</h1><time datetime=\"2024-10-17\">17</time><p>\xd2\xe5\xea\xf1\xf2.</p></body></html>";
        let context = PageContext {
            url: Some("https://crawl.example.org/p"),
            date: Some("2024-10-18T00:00:00Z"),
            charset: None,
        };
        let article = parse_page(html, context).0.unwrap().article;
        assert_eq!(article.title, "Новости");
        assert_eq!(article.date.as_deref(), Some("2024-10-17"));
        assert_eq!(article.url.as_deref(), Some("https://crawl.example.org/p"));
        assert!(article.body.contains("Текст."), "{}", article.body);
        let empty = parse_page(b"<html><body><nav>x</nav></body></html>", context).0;
        assert!(empty.is_err());
    }

    #[test]
    fn dates_come_from_microdata_and_the_meta_names_publishers_use() {
        let head = |tag: &str| {
            format!("<html><head><title>T</title>{tag}</head><body><p>Text.</p></body></html>")
        };
        let cases = [
            (
                "<meta itemprop=\"datePublished\" content=\"2023-05-04\">",
                "2023-05-04",
            ),
            ("<meta name=\"date\" content=\"2023-05-06\">", "2023-05-06"),
            (
                "<meta name=\"DC.date.issued\" content=\"2023-05-07\">",
                "2023-05-07",
            ),
            (
                "<meta property=\"published_at\" content=\"2023-05-08\">",
                "2023-05-08",
            ),
            (
                "<meta name=\"parsely-pub-date\" content=\"2023-05-09\">",
                "2023-05-09",
            ),
        ];
        for (tag, expected) in cases {
            assert_eq!(page(&head(tag)).date.as_deref(), Some(expected), "{tag}");
        }
        let time = "<html><body><p>Text <time itemprop=\"datePublished\">2023-05-05</time>.</p></body></html>";
        assert_eq!(page(time).date.as_deref(), Some("2023-05-05"));
    }

    #[test]
    fn a_readable_date_wins_over_an_unreadable_one_and_none_is_warned() {
        let both = "<html><head><meta property=\"article:published_time\" content=\"soon\"><meta name=\"date\" content=\"2023-05-06\"></head><body><p>Text.</p></body></html>";
        assert_eq!(page(both).date.as_deref(), Some("2023-05-06"));
        let unreadable = "<html><head><meta name=\"date\" content=\"soon\"></head><body><p>Text.</p></body></html>";
        let article = page(unreadable);
        assert_eq!(
            article.date.as_deref(),
            Some("soon"),
            "kept for the warning"
        );
        assert!(article.warnings.is_empty());
        let undated = page("<html><body><p>Text.</p></body></html>");
        assert_eq!(undated.date, None);
        assert_eq!(undated.warnings, [NO_DATE_WARNING]);
    }

    #[test]
    fn a_much_longer_fallback_replaces_the_main_text() {
        let long = Some("x".repeat(30));
        assert_eq!(
            longer_body("short".into(), [None, long.clone()]),
            "x".repeat(30)
        );
        assert_eq!(
            longer_body("y".repeat(20), [Some("x".repeat(30))]),
            "y".repeat(20),
            "not twice as long"
        );
        let html = "<html><body><article><p>One.</p></article><article><p>Two, the longer one.</p></article></body></html>";
        let document = Document::from(html);
        assert_eq!(
            largest_article_text(&document).as_deref(),
            Some("Two, the longer one.")
        );
        let marked = "<html><body><div itemprop=\"articleBody\"><p>First.</p><p>Second.</p></div></body></html>";
        assert_eq!(
            element_formatted_text(&Document::from(marked), "[itemprop=articleBody]").as_deref(),
            Some("First.\n\nSecond.")
        );
    }
}
