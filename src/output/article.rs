//! A stored article as text (`newsdex show`): a header block of `key
//! value` lines (id, date, title, dateline, source, url, author), one line
//! per extracted kind that has values, the country evidence, a blank line,
//! then the body as stored.

use std::io::Write;

use crate::index::stored::StoredArticle;
use crate::kinds::Kind;

/// Writes one stored article as text.
pub fn write_article(out: &mut dyn Write, article: &StoredArticle) -> std::io::Result<()> {
    let optional = [
        ("date", article.date.as_deref()),
        ("title", Some(article.title.as_str())),
        ("dateline", Some(article.dateline.as_str())),
        ("source", article.source.as_deref()),
        ("url", article.url.as_deref()),
        ("author", article.author.as_deref()),
    ];
    let mut lines = vec![("id".to_string(), article.id.clone())];
    for (key, value) in optional {
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            lines.push((key.to_string(), value.to_string()));
        }
    }
    for kind in Kind::LISTING_ORDER {
        let values = &article.entities[kind];
        if !values.is_empty() {
            lines.push((kind.key().to_string(), values.join(", ")));
        }
    }
    for (code, words) in &article.evidence {
        lines.push((format!("evidence {code}"), words.join(", ")));
    }
    let key_width = lines.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    for (key, value) in &lines {
        writeln!(out, "{key:key_width$}  {value}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", article.body.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entities;

    #[test]
    fn writes_the_header_block_then_the_body() {
        let article = StoredArticle {
            id: "a".into(),
            date: Some("2024-10-14".into()),
            title: "Summit in Kazan".into(),
            dateline: String::new(),
            source: Some("Wire".into()),
            url: None,
            author: None,
            body: "Leaders met in Kazan.\n".into(),
            entities: Entities::default()
                .with(Kind::Country, &["RU"])
                .with(Kind::Person, &["Vladimir Putin"]),
            evidence: [("RU".to_string(), vec!["Kazan".to_string()])].into(),
        };
        let mut out = Vec::new();
        write_article(&mut out, &article).unwrap();
        let expected = "\
id           a
date         2024-10-14
title        Summit in Kazan
source       Wire
countries    RU
persons      Vladimir Putin
evidence RU  Kazan

Leaders met in Kazan.
";
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
