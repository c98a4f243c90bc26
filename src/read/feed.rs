//! News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom (`.rss`, `.atom`, `.xml`,
//! or sniffed from `<rss`, `<feed`, `<rdf:RDF` near the start), parsed by
//! `feed-rs`. JSON Feed is read as JSON ([`super::envelope`]).
//!
//! Each item or entry is an article:
//!
//! | article | from |
//! |---|---|
//! | id | `guid` (RSS), `id` (Atom), the `link` (RSS 1.0, where it is the item's `rdf:about`); else newsdex hashes one |
//! | url | the `link` (Atom: the `alternate` one) |
//! | title | `title` |
//! | body | `content:encoded` or Atom `content`, else `description` or `summary`, made plain text ([`super::html_text`]) |
//! | date | `pubDate`, `dc:date`, `published`, else `updated`, read by [`crate::dates::parse_date`]; one it cannot read is kept as written, for the warning that names it, and an item with none gets a warning too |
//! | author | `author`, `dc:creator` (several joined with `, `) |
//! | source | the feed's `title` |
//! | keywords, language | `category`, the item's or feed's `language` |
//!
//! The encoding is the declared one, with a fallback for bytes that do not
//! fit it ([`super::charset`]). A feed that cannot be parsed is reported as
//! `FILE:LINE: reason`, the line being that of the first item not read; the
//! items before the break are read when the feed, cut after them, parses.

use std::borrow::Cow;
use std::io::BufRead;
use std::ops::ControlFlow;

use feed_rs::model::{Entry, Feed, FeedType, Link};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::Item;
use super::charset::{decode_document, xml_declared_encoding};
use super::fields::language_code;
use super::html_text::html_to_text;
use super::json::Parsed;
use super::stream::FileReader;
use crate::article::Article;
use crate::dates::parse_date;
use crate::error::{Location, RecordError};
use crate::kinds::Kind;

/// The opening of each feed kind's root element, as sniffed.
const ROOTS: [&str; 3] = ["<rss", "<feed", "<rdf:rdf"];

/// Tells whether the first bytes of a stream look like an RSS, RDF or
/// Atom feed: one of their root elements within the first 1 KiB.
pub fn looks_like_feed(start: &[u8]) -> bool {
    let start = &start[..start.len().min(1024)];
    let start = String::from_utf8_lossy(start).to_ascii_lowercase();
    ROOTS.iter().any(|root| {
        start.match_indices(root).any(|(position, _)| {
            let after = start[position + root.len()..].chars().next();
            after.is_some_and(|character| character.is_whitespace() || character == '>')
        })
    })
}

impl FileReader<'_> {
    /// Reads a feed, one article per item or entry.
    pub(crate) fn read_feed(
        &mut self,
        reader: impl BufRead,
        consume: &mut impl FnMut(Item) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let bytes = match self.read_whole(reader, "the feed") {
            Ok(bytes) => bytes,
            Err(reason) => return consume(self.file_error(reason)),
        };
        let declared = xml_declared_encoding(&bytes);
        let decoded = decode_document(&bytes, declared.as_deref());
        let text = without_declaration(&decoded.text);
        let item_starts = item_starts(&decoded.text);
        let warnings: Vec<String> = decoded.warning.into_iter().collect();
        let (feed, failure) = match parse_feed(text) {
            Ok(feed) => (feed, None),
            Err(reason) => match parse_items_before_break(text) {
                Some(feed) => (feed, Some(reason)),
                None => return consume(self.file_error(format!("{reason}: {FEED_FIX}"))),
            },
        };
        let source = feed
            .title
            .as_ref()
            .map(|title| html_to_text(&title.content));
        let language = feed.language.clone();
        let links_are_ids = feed.feed_type == FeedType::RSS1;
        let read_count = feed.entries.len();
        for (number, entry) in feed.entries.into_iter().enumerate() {
            let location = match item_starts.get(number) {
                Some(start) => Location::line(self.name, start.line),
                None => Location::file(self.name),
            };
            let mut article = entry_article(entry, source.clone(), language.as_deref());
            if links_are_ids && article.id.is_none() {
                article.id = article.url.clone();
            }
            if article.date.is_none() {
                let item_text = item_text(&decoded.text, &item_starts, number);
                match item_text.and_then(written_date) {
                    Some(written) => article.date = Some(written),
                    None => article.warnings.push(NO_DATE_WARNING.to_string()),
                }
            }
            let parsed = Ok(Parsed {
                article,
                unread_text: None,
            });
            consume(self.located(location, parsed, warnings.clone()))?;
        }
        let Some(reason) = failure else {
            return ControlFlow::Continue(());
        };
        let location = match item_starts.get(read_count) {
            Some(start) => Location::line(self.name, start.line),
            None => Location::file(self.name),
        };
        let (plural, verb) = match read_count == 1 {
            true => ("", "was"),
            false => ("s", "were"),
        };
        let reason = format!(
            "{reason}: the feed breaks here; the {read_count} item{plural} before {verb} read, the rest skipped"
        );
        consume(Err(RecordError { location, reason }))
    }
}

/// What to do about a feed that cannot be parsed.
const FEED_FIX: &str = "check that the file is a whole RSS, RDF or Atom feed";

/// The `version`s of `<rss>` feed-rs reads; it refuses any other, and a
/// root without one, as having "no root element".
const KNOWN_RSS_VERSIONS: [&str; 4] = ["2.0", "", "0.91", "0.92"];

/// The feed with its `<rss>` root given `version="2.0"` when it has no
/// version or one feed-rs does not know (`0.90`, `2.01`): RSS of every
/// version is read alike.
fn with_known_rss_version(text: &str) -> Cow<'_, str> {
    let lower = text.to_ascii_lowercase();
    let Some(root) = lower
        .match_indices("<rss")
        .map(|(position, _)| position)
        .find(|&position| lower[position + 4..].starts_with(['>', ' ', '\t', '\n', '\r']))
    else {
        return Cow::Borrowed(text);
    };
    let Some(tag_length) = lower[root..].find('>') else {
        return Cow::Borrowed(text);
    };
    let tag = &text[root..root + tag_length];
    let known_tag = format!("<rss version=\"2.0\"{}", &tag[4..]);
    let rewritten_tag = match attribute_value(tag, "version") {
        Some(version) if KNOWN_RSS_VERSIONS.contains(&version.trim()) => {
            return Cow::Borrowed(text);
        }
        Some(version) => tag
            .replacen(&format!("\"{version}\""), "\"2.0\"", 1)
            .replacen(&format!("'{version}'"), "'2.0'", 1),
        None => known_tag,
    };
    let mut rewritten = String::with_capacity(text.len() + 16);
    rewritten.push_str(&text[..root]);
    rewritten.push_str(&rewritten_tag);
    rewritten.push_str(&text[root + tag_length..]);
    Cow::Owned(rewritten)
}

/// The value of an attribute of a tag's text (`version="0.90"`), or
/// `None`.
fn attribute_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let position = tag.find(&format!(" {name}="))?;
    let after = &tag[position + name.len() + 2..];
    let quote = after
        .chars()
        .next()
        .filter(|quote| *quote == '"' || *quote == '\'')?;
    let value = &after[1..];
    let end = value.find(quote)?;
    Some(&value[..end])
}

/// Parses a feed with newsdex's date parser and without made-up ids
/// (newsdex hashes an article without one itself).
fn parse_feed(text: &str) -> Result<Feed, String> {
    let text = with_known_rss_version(text);
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(parse_date)
        .build();
    match parser.parse(text.as_bytes()) {
        Ok(feed) => Ok(feed),
        Err(ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot)) => {
            Err("not a readable feed: no <rss>, <feed> or <rdf:RDF> root element".to_string())
        }
        Err(error) => Err(format!(
            "not a readable feed: {}",
            lowercase_first(&error.to_string())
        )),
    }
}

/// Parses the longest run of whole items before a break: the feed cut
/// after its N-th item and closed, for the largest N that parses.
fn parse_items_before_break(text: &str) -> Option<Feed> {
    let lower = text.to_ascii_lowercase();
    let (item_end, closing) = if lower.contains("<entry") {
        ("</entry>", "</feed>")
    } else if lower.contains("<rdf:rdf") {
        ("</item>", "</rdf:RDF>")
    } else {
        ("</item>", "</channel></rss>")
    };
    let ends: Vec<usize> = lower
        .match_indices(item_end)
        .map(|(position, _)| position + item_end.len())
        .collect();
    let parses = |count: usize| {
        let cut = format!("{}{closing}", &text[..ends[count - 1]]);
        parse_feed(&cut)
            .ok()
            .filter(|feed| feed.entries.len() == count)
    };
    let mut best = None;
    let (mut low, mut high) = (1, ends.len());
    while low <= high {
        let middle = (low + high) / 2;
        match parses(middle) {
            Some(feed) => {
                best = Some(feed);
                low = middle + 1;
            }
            None => high = middle - 1,
        }
    }
    best
}

/// The text after the XML declaration: the text is decoded already, so
/// the declared encoding must not be applied again.
fn without_declaration(text: &str) -> &str {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("<?xml")
        && let Some(end) = text.find("?>")
    {
        return &text[end + 2..];
    }
    text
}

/// The warning of an item with no date element.
const NO_DATE_WARNING: &str = "no date found in the item: the article is indexed without a date";

/// Where an item or entry starts in a feed's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ItemStart {
    /// The byte offset of its `<`.
    offset: usize,
    /// Its line, from 1.
    line: u64,
}

/// The date elements feed-rs reads, lowercase.
const DATE_ELEMENTS: [&str; 6] = [
    "pubdate",
    "dc:date",
    "published",
    "updated",
    "dcterms:issued",
    "dcterms:created",
];

/// The text of the N-th item or entry: from its start to the next one's.
fn item_text<'a>(text: &'a str, starts: &[ItemStart], number: usize) -> Option<&'a str> {
    let start = starts.get(number)?.offset;
    let end = starts
        .get(number + 1)
        .map_or(text.len(), |next| next.offset);
    text.get(start..end)
}

/// The first date of an item's text as written (`<pubDate>someday</pubDate>`),
/// for the warning about a date feed-rs could not read, or `None` when the
/// item has no date element or an empty one.
fn written_date(item: &str) -> Option<String> {
    let lower = item.to_ascii_lowercase();
    for element in DATE_ELEMENTS {
        let opening = format!("<{element}");
        for (position, _) in lower.match_indices(&opening) {
            let after_name = position + opening.len();
            let is_whole_name = lower[after_name..].starts_with(['>', ' ', '\t', '\n', '\r']);
            let Some(close) = lower[after_name..].find('>') else {
                continue;
            };
            let content_start = after_name + close + 1;
            let Some(length) = lower[content_start..].find("</") else {
                continue;
            };
            let content = item[content_start..content_start + length].trim();
            let content = content
                .strip_prefix("<![CDATA[")
                .and_then(|inner| inner.strip_suffix("]]>"))
                .unwrap_or(content)
                .trim();
            if is_whole_name && !content.is_empty() {
                return Some(content.to_string());
            }
        }
    }
    None
}

/// Where each item or entry starts, in order.
fn item_starts(text: &str) -> Vec<ItemStart> {
    let mut starts = Vec::new();
    let mut line = 1u64;
    let mut counted_to = 0;
    let bytes = text.as_bytes();
    for (position, _) in text.match_indices('<') {
        let tag = &bytes[position + 1..];
        let is_item = [&b"item"[..], b"entry"].iter().any(|name| {
            tag.len() > name.len()
                && tag[..name.len()].eq_ignore_ascii_case(name)
                && matches!(tag[name.len()], b'>' | b' ' | b'\t' | b'\r' | b'\n' | b'/')
        });
        if is_item {
            line += bytes[counted_to..position]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count() as u64;
            counted_to = position;
            starts.push(ItemStart {
                offset: position,
                line,
            });
        }
    }
    starts
}

/// Makes one item or entry an article.
fn entry_article(entry: Entry, source: Option<String>, feed_language: Option<&str>) -> Article {
    let content = entry.content.and_then(|content| content.body);
    let summary = entry.summary.map(|summary| summary.content);
    let body = match content.filter(|content| !content.trim().is_empty()) {
        Some(content) => html_to_text(&content),
        None => summary
            .map(|summary| html_to_text(&summary))
            .unwrap_or_default(),
    };
    let authors: Vec<String> = entry
        .authors
        .into_iter()
        .filter_map(|person| person.name)
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect();
    let date = entry.published.or(entry.updated);
    let mut article = Article {
        id: Some(entry.id).filter(|id| !id.trim().is_empty()),
        date: date.map(|date| date.to_rfc3339()),
        title: entry
            .title
            .map(|title| html_to_text(&title.content))
            .unwrap_or_default(),
        body,
        source: source.filter(|source| !source.is_empty()),
        url: article_link(&entry.links),
        author: (!authors.is_empty()).then(|| authors.join(", ")),
        ..Article::default()
    };
    for category in entry.categories {
        let keyword = category.label.unwrap_or(category.term);
        if !keyword.trim().is_empty() && !article.given[Kind::Keyword].contains(&keyword) {
            article.given[Kind::Keyword].push(keyword);
        }
    }
    if let Some(language) = entry.language.as_deref().or(feed_language) {
        article.given[Kind::Language].push(language_code(language));
    }
    article
}

/// The link to the article itself: the first without a `rel` or with
/// `rel="alternate"`, else the first.
fn article_link(links: &[Link]) -> Option<String> {
    let alternate = links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"));
    alternate.or(links.first()).map(|link| link.href.clone())
}

/// Lowercases the first letter of a message from another crate, as
/// newsdex's messages are.
fn lowercase_first(message: &str) -> String {
    let mut characters = message.chars();
    match characters.next() {
        Some(first) => first.to_lowercase().chain(characters).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::fields::FieldMap;

    fn read_feed_text(text: &str) -> Vec<Item> {
        let fields = FieldMap::default();
        let mut file = FileReader::new("news.rss", &fields, 1 << 20);
        let mut items = Vec::new();
        let _ = file.read_feed(text.as_bytes(), &mut |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        items
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour &amp; Rail Gazette</title><link>https://g.example.org/</link>
<item>
  <title>Dock strike ends</title>
  <link>https://g.example.org/strike</link>
  <guid isPermaLink="false">g-1</guid>
  <pubDate>Mon, 14 Oct 2024 08:30:00 +0200</pubDate>
  <dc:creator>Ana Ruiz</dc:creator>
  <category>Labour</category>
  <description>Short.</description>
  <content:encoded><![CDATA[<p>Workers &amp; owners agreed.</p><p>Cranes move again.</p>]]></content:encoded>
</item>
<item>
  <title>Ferry timetable</title>
  <link>https://g.example.org/ferry</link>
  <pubDate>14 Oct 2024</pubDate>
  <description>&lt;p&gt;Winter sailings&lt;/p&gt;</description>
</item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let items = read_feed_text(RSS);
        assert_eq!(items.len(), 2);
        let first = &items[0].as_ref().unwrap();
        assert_eq!(first.location, Location::line("news.rss", 5));
        let article = &first.article;
        assert_eq!(article.id.as_deref(), Some("g-1"));
        assert_eq!(article.title, "Dock strike ends");
        assert_eq!(
            article.body,
            "Workers & owners agreed.\n\nCranes move again."
        );
        assert_eq!(article.date.as_deref(), Some("2024-10-14T06:30:00+00:00"));
        assert_eq!(article.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(article.source.as_deref(), Some("Harbour & Rail Gazette"));
        assert_eq!(article.url.as_deref(), Some("https://g.example.org/strike"));
        assert_eq!(article.given[Kind::Keyword], ["Labour"]);
        let second = &items[1].as_ref().unwrap().article;
        assert_eq!(second.id, None, "no guid: newsdex hashes one");
        assert_eq!(second.body, "Winter sailings");
        assert_eq!(second.date.as_deref(), Some("2024-10-14T00:00:00+00:00"));
    }

    #[test]
    fn a_broken_feed_keeps_the_items_before_the_break() {
        let broken = RSS.replace(
            "<title>Ferry timetable</title>",
            "<title>Ferry <b>timetable</title>",
        );
        let items = read_feed_text(&broken);
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0].as_ref().unwrap().article.title, "Dock strike ends");
        let error = items[1].as_ref().unwrap_err();
        assert_eq!(error.location, Location::line("news.rss", 15));
        assert!(
            error
                .reason
                .ends_with("the feed breaks here; the 1 item before was read, the rest skipped"),
            "{}",
            error.reason
        );
        let hopeless = read_feed_text("<rss><channel><title>x</title><item><title>a</chan");
        assert!(
            hopeless[0]
                .as_ref()
                .unwrap_err()
                .reason
                .starts_with("not a readable feed")
        );
    }

    #[test]
    fn latin1_served_as_utf8_is_read() {
        let latin = RSS
            .replacen("Dock strike ends", "Gr@ve finie", 1)
            .into_bytes();
        let bytes: Vec<u8> = latin
            .into_iter()
            .map(|byte| if byte == b'@' { 0xe8 } else { byte })
            .collect();
        let fields = FieldMap::default();
        let mut file = FileReader::new("news.rss", &fields, 1 << 20);
        let mut items = Vec::new();
        let _ = file.read_feed(&bytes[..], &mut |item| {
            items.push(item);
            ControlFlow::Continue(())
        });
        let article = &items[0].as_ref().unwrap().article;
        assert_eq!(article.title, "Gr\u{e8}ve finie");
        assert_eq!(article.warnings.len(), 1);
    }

    #[test]
    fn atom_and_rdf_are_read() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><id>urn:a</id><title type="html">Quake &amp;lt;M6&amp;gt;</title><updated>2024-10-15T10:00:00Z</updated>
<published>2024-10-15T09:00:00Z</published><author><name>Lee</name></author>
<link rel="alternate" href="https://w.example.org/q"/><summary type="html">&lt;p&gt;Shaking felt.&lt;/p&gt;</summary></entry></feed>"#;
        let items = read_feed_text(atom);
        let article = &items[0].as_ref().unwrap().article;
        assert_eq!(article.title, "Quake <M6>");
        assert_eq!(article.body, "Shaking felt.");
        assert_eq!(article.date.as_deref(), Some("2024-10-15T09:00:00+00:00"));
        assert_eq!(article.url.as_deref(), Some("https://w.example.org/q"));
        let rdf = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example.org/"><title>Old Wire</title><link>https://r.example.org/</link><description>d</description></channel>
<item rdf:about="https://r.example.org/1"><title>Flood</title><link>https://r.example.org/1</link><description>River rose.</description><dc:date>2024-10-16T07:00:00Z</dc:date><dc:creator>Kim</dc:creator></item></rdf:RDF>"#;
        let items = read_feed_text(rdf);
        let article = &items[0].as_ref().unwrap().article;
        assert_eq!(
            (article.title.as_str(), article.body.as_str()),
            ("Flood", "River rose.")
        );
        assert_eq!(article.date.as_deref(), Some("2024-10-16T07:00:00+00:00"));
        assert_eq!(article.source.as_deref(), Some("Old Wire"));
        assert_eq!(article.author.as_deref(), Some("Kim"));
    }

    #[test]
    fn feeds_are_sniffed() {
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
        ));
        assert!(looks_like_feed(
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_feed(b"<rdf:RDF xmlns:rdf=\"x\">"));
        assert!(!looks_like_feed(b"<html><body>rss feeds</body></html>"));
    }

    #[test]
    fn an_unreadable_or_missing_item_date_is_kept_or_warned() {
        let feed = "<rss><channel><title>W</title>\n<item><title>A</title><pubDate><![CDATA[ someday ]]></pubDate></item>\n<item><title>B</title><published>never</published></item>\n<item><title>C</title><pubDateX>x</pubDateX></item>\n</channel></rss>";
        let items = read_feed_text(feed);
        let articles: Vec<&Article> = items
            .iter()
            .map(|item| &item.as_ref().unwrap().article)
            .collect();
        assert_eq!(articles[0].date.as_deref(), Some("someday"));
        assert_eq!(articles[1].date.as_deref(), Some("never"));
        assert_eq!(articles[2].date, None);
        assert_eq!(articles[2].warnings, [NO_DATE_WARNING]);
        assert!(articles[0].warnings.is_empty());
    }

    #[test]
    fn rss_of_any_version_or_none_is_read() {
        for root in [
            "<rss>",
            "<rss version=\"0.90\">",
            "<rss version='2.01' xmlns:dc=\"x\">",
            "<RSS>",
        ] {
            let feed = format!(
                "{root}<channel><title>W</title><item><title>A</title><pubDate>14 Oct 2024</pubDate></item></channel></rss>"
            );
            let items = read_feed_text(&feed);
            assert_eq!(items.len(), 1, "{root}: {items:?}");
            assert_eq!(items[0].as_ref().unwrap().article.title, "A", "{root}");
        }
        assert_eq!(
            with_known_rss_version("<rss version=\"0.91\"><channel/></rss>"),
            "<rss version=\"0.91\"><channel/></rss>"
        );
        assert_eq!(
            with_known_rss_version("<rss xmlns:a=\"b\"><channel/></rss>"),
            "<rss version=\"2.0\" xmlns:a=\"b\"><channel/></rss>"
        );
        let html = read_feed_text("<html><body>x</body></html>");
        assert_eq!(
            html[0].as_ref().unwrap_err().reason,
            "not a readable feed: no <rss>, <feed> or <rdf:RDF> root element: check that the file is a whole RSS, RDF or Atom feed"
        );
    }

    #[test]
    fn feed_dates_in_other_languages_are_read() {
        let feed = RSS.replace(
            "Mon, 14 Oct 2024 08:30:00 +0200",
            "lun., 14 oct. 2024 08:30:00 +0200",
        );
        let items = read_feed_text(&feed);
        let article = &items[0].as_ref().unwrap().article;
        assert_eq!(article.date.as_deref(), Some("2024-10-14T06:30:00+00:00"));
    }
}
