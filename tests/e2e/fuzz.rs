//! Property tests that feed arbitrary input to everything that reads user
//! data: the date parser, the text and JSON parsers, the stream readers
//! (JSON arrays, JSON Lines, text, CSV, feeds, web pages, WARC) on
//! arbitrary bytes, and enrichment. The property is that nothing panics or
//! hangs, and that every accepted record comes back as a result or a
//! located error.
//!
//! proptest rather than cargo-fuzz: it runs on stable Rust inside the normal
//! test suite (256 cases per property in CI), shrinks failures to a minimal
//! input, and runs longer on demand: `PROPTEST_CASES=200000 cargo test
//! --release --test e2e fuzz`.

use newsdex::article::Article;
use newsdex::dates::parse_date;
use newsdex::enrich::Enricher;
use newsdex::kinds::Kind;
use newsdex::read::fields::FieldMap;
use newsdex::read::json::{parse_item, parse_line};
use newsdex::read::text::parse_text;
use newsdex::read::{Format, read_stream};
use proptest::prelude::*;
use std::ops::ControlFlow;

/// Strings that look like dates, numbers, JSON and wire text, mixed with noise.
fn newsy_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9A-Za-z :,./+-]{0,40}",
        r#"[\[\]{}":,0-9a-z\\ \n]{0,200}"#,
        "([A-Z][a-z]{1,8}|[a-z]{1,8}|U\\.S\\.|[0-9]{1,4}|[,.;:'\"()-]|\n| ){0,60}",
        // The words the name rules react to: titles, `of`, `and`, company
        // endings, initials, compounds, places made adjectives, paragraphs.
        // Markup of the feed, page and WARC readers.
        "(<rss>|<channel>|<item>|</item>|<title>|</title>|<feed>|<entry>|</entry>|<p>|</p>|<meta charset=[a-z0-9-]{1,12}>|&amp;|&#[0-9]{1,7};|WARC/1.0\r\n|Content-Length: [0-9]{1,3}\r\n|WARC-Type: response\r\n|Content-Type: application/http\r\n|HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n|\r\n|[a-z ]{1,9}|<html>|<h1>|<script type=\"application/ld\\+json\">|[{}\"]){0,60}",
        "(( |\n    |, )(The|A|of|and|for|said|Minister|Secretary|King|Co|Inc\\.|Corp|Sons|[A-Z]\\.|[A-Z][a-z]{1,8}|[A-Z][a-z]{1,6}-(based|owned|[A-Z][a-z]{1,6})|London|Iran|Soviet|American|St|Saint|analyst|Trade|Industry)){0,40}",
    ]
}

proptest! {
    #[test]
    fn dates_never_panic(text in newsy_text()) {
        let _ = parse_date(&text);
    }

    #[test]
    fn the_text_reader_never_panics(text in newsy_text()) {
        if let Ok(article) = parse_text(&text) {
            prop_assert!(!article.title.contains('\n'));
        }
    }

    #[test]
    fn the_json_readers_never_panic(text in newsy_text()) {
        let mapped = FieldMap::parse(&["body=a.b".to_string(), "persons=c".to_string()]).unwrap();
        for fields in [FieldMap::default(), mapped] {
            let _ = parse_line(&text, &fields);
            let _ = parse_item(&text, 1, &fields);
        }
    }

    #[test]
    fn the_stream_readers_never_panic_and_locate_every_error(
        text in newsy_text(),
        noise in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = text.into_bytes();
        bytes.extend(noise);
        for format in [Format::Json, Format::JsonLines, Format::Text, Format::Csv, Format::Feed, Format::Page, Format::Warc] {
            let fields = FieldMap::default();
            let _ = read_stream("f", bytes.as_slice(), format, &fields, &mut |item: newsdex::read::Item| {
                if let Err(error) = item {
                    assert!(error.to_string().starts_with("f:"), "{error}");
                }
                ControlFlow::Continue(())
            });
        }
    }

    #[test]
    fn enrichment_never_panics(title in newsy_text(), body in newsy_text(), dateline in newsy_text()) {
        let article = Article { title, body, dateline, ..Article::default() };
        let enriched = Enricher::new().enrich(article);
        prop_assert_eq!(enriched.id.len(), 16);
        prop_assert!(enriched.entities[Kind::Keyword].len() <= 10);
    }
}
