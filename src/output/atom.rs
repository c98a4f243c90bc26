//! A page of hits as an Atom feed (RFC 4287), so that a feed reader can
//! follow a search: the server's `/api/search?format=atom`.
//!
//! The feed's `id` is a `tag:` URI made of the search's own parameters,
//! the same whichever address serves it; each entry's `id` is a `tag:`
//! URI of the article id, so a reader never sees one article twice.
//! `updated` is the article's day at midnight UTC (an undated article
//! takes the Unix epoch), the feed's the newest of its entries' (now,
//! when it has none). Each entry links to the article view of the page
//! that served it (`rel="alternate"`) and to the original article when
//! its address is known (`rel="related"`); its summary is the snippet.
//! The feed names newsdex as its author, which RFC 4287 asks of a feed
//! whose entries name none.

use std::io::Write;

use crate::query::collect::Hit;

/// What the feed says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedHeader<'a> {
    /// The feed's title.
    pub title: &'a str,
    /// The search's parameters in a stable order (`q=oil&country=JP`),
    /// which make the feed's id.
    pub search: &'a str,
    /// The address of the feed itself (`rel="self"`).
    pub self_url: &'a str,
    /// The address of the page, which article links are built on
    /// (`http://127.0.0.1:8080/`).
    pub page_url: &'a str,
}

/// The instant of an undated article.
const EPOCH: &str = "1970-01-01T00:00:00Z";

/// Writes the hits as an Atom feed.
pub fn write_feed(out: &mut dyn Write, header: &FeedHeader, hits: &[Hit]) -> std::io::Result<()> {
    let mut newest_opt: Option<&str> = None;
    for hit in hits {
        if let Some(date) = &hit.date
            && newest_opt.is_none_or(|newest| date.as_str() > newest)
        {
            newest_opt = Some(date);
        }
    }
    let updated = match newest_opt {
        Some(day) => instant_of_day(day),
        None => chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    };
    writeln!(out, r#"<?xml version="1.0" encoding="utf-8"?>"#)?;
    writeln!(out, r#"<feed xmlns="http://www.w3.org/2005/Atom">"#)?;
    writeln!(out, "  <title>{}</title>", escape(header.title))?;
    writeln!(
        out,
        "  <id>tag:newsdex,2024:search?{}</id>",
        escape(&iri_text(header.search))
    )?;
    writeln!(out, "  <updated>{updated}</updated>")?;
    writeln!(
        out,
        r#"  <link rel="self" type="application/atom+xml" href="{}"/>"#,
        escape(header.self_url)
    )?;
    writeln!(
        out,
        r#"  <link rel="alternate" type="text/html" href="{}"/>"#,
        escape(header.page_url)
    )?;
    writeln!(out, "  <author><name>newsdex</name></author>")?;
    writeln!(out, "  <generator>newsdex</generator>")?;
    for hit in hits {
        write_entry(out, header, hit)?;
    }
    writeln!(out, "</feed>")
}

/// Writes one hit as an entry.
fn write_entry(out: &mut dyn Write, header: &FeedHeader, hit: &Hit) -> std::io::Result<()> {
    let encoded_id = percent_encode(&hit.id);
    let updated = match &hit.date {
        Some(day) => instant_of_day(day),
        None => EPOCH.to_string(),
    };
    let title = match hit.title.trim() {
        "" => hit.id.as_str(),
        title => title,
    };
    writeln!(out, "  <entry>")?;
    writeln!(out, "    <id>tag:newsdex,2024:article/{encoded_id}</id>")?;
    writeln!(out, "    <title>{}</title>", escape(title))?;
    writeln!(out, "    <updated>{updated}</updated>")?;
    writeln!(
        out,
        r#"    <link rel="alternate" type="text/html" href="{}?article={encoded_id}"/>"#,
        escape(header.page_url)
    )?;
    if let Some(url) = &hit.url
        && (url.starts_with("http://") || url.starts_with("https://"))
    {
        writeln!(out, r#"    <link rel="related" href="{}"/>"#, escape(url))?;
    }
    writeln!(
        out,
        r#"    <summary type="text">{}</summary>"#,
        escape(&hit.snippet)
    )?;
    writeln!(out, "  </entry>")
}

/// The RFC 3339 instant of a `YYYY-MM-DD` day's start in UTC.
fn instant_of_day(day: &str) -> String {
    format!("{day}T00:00:00Z")
}

/// Escapes text for XML content and attributes, dropping the control
/// characters XML 1.0 cannot hold.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(character),
            control if control < ' ' || control == '\u{fffe}' || control == '\u{ffff}' => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// Percent-encodes an article id for a URI.
fn percent_encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Makes the search's parameters safe inside a `tag:` URI: spaces and
/// other characters an IRI cannot hold are percent-encoded.
fn iri_text(search: &str) -> String {
    let mut safe = String::with_capacity(search.len());
    for character in search.chars() {
        let allowed =
            character.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?%".contains(character);
        if allowed {
            safe.push(character);
        } else {
            let mut buffer = [0; 4];
            for byte in character.encode_utf8(&mut buffer).bytes() {
                safe.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;

    fn hit(id: &str, date: Option<&str>, title: &str) -> Hit {
        Hit {
            id: id.to_string(),
            score: None,
            date: date.map(str::to_string),
            title: title.to_string(),
            snippet: "Oil <rose> & fell".to_string(),
            highlights: Vec::new(),
            source: Some("Wire".to_string()),
            url: Some("https://example.com/a?b=1&c=2".to_string()),
            entities: Entities::default(),
            copies: None,
            copy_ids: None,
        }
    }

    #[test]
    fn the_feed_has_ids_updated_and_links_and_escapes_text() {
        let header = FeedHeader {
            title: "newsdex: oil",
            search: "q=oil prices",
            self_url: "http://127.0.0.1:9/api/search?q=oil&format=atom",
            page_url: "http://127.0.0.1:9/",
        };
        let hits = [
            hit("a 1", Some("2024-10-14"), "Oil & gas"),
            hit("b", None, " "),
        ];
        let mut written = Vec::new();
        write_feed(&mut written, &header, &hits).unwrap();
        let feed = String::from_utf8(written).unwrap();
        let expected = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>newsdex: oil</title>
  <id>tag:newsdex,2024:search?q=oil%20prices</id>
  <updated>2024-10-14T00:00:00Z</updated>
  <link rel="self" type="application/atom+xml" href="http://127.0.0.1:9/api/search?q=oil&amp;format=atom"/>
  <link rel="alternate" type="text/html" href="http://127.0.0.1:9/"/>
  <author><name>newsdex</name></author>
  <generator>newsdex</generator>
  <entry>
    <id>tag:newsdex,2024:article/a+1</id>
    <title>Oil &amp; gas</title>
    <updated>2024-10-14T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="http://127.0.0.1:9/?article=a+1"/>
    <link rel="related" href="https://example.com/a?b=1&amp;c=2"/>
    <summary type="text">Oil &lt;rose&gt; &amp; fell</summary>
  </entry>
  <entry>
    <id>tag:newsdex,2024:article/b</id>
    <title>b</title>
    <updated>1970-01-01T00:00:00Z</updated>
    <link rel="alternate" type="text/html" href="http://127.0.0.1:9/?article=b"/>
    <link rel="related" href="https://example.com/a?b=1&amp;c=2"/>
    <summary type="text">Oil &lt;rose&gt; &amp; fell</summary>
  </entry>
</feed>
"#;
        assert_eq!(feed, expected);
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(escape("a\u{1}b\tc"), "ab\tc");
    }
}
