//! The plain-text article format of the seed article.
//!
//! ```text
//! [header lines]          optional `key value` lines: id, title, source, url, author
//! date <DATE> <TITLE>     the date, in any form crate::dates accepts, then the headline
//! <blank line>
//! body...
//! ```
//!
//! Header lines, the `date` line among them, form the first block of the
//! file, which ends at the first blank line; leading white space is allowed.
//! A file whose first line is not a header line has no header: its first
//! line is the title, the rest is the body, and it has no date.

use crate::article::Article;
use crate::dates;

/// The keys a header line may start with, besides `date`.
const HEADER_KEYS: &[&str] = &["id", "title", "source", "url", "author"];

/// The most words a date may span on a `date` line (`Mon, 14 Oct 2024 08:00:00 +0200`).
const MAX_DATE_WORDS: usize = 6;

/// Parses a plain-text article. Fails only when the text holds nothing.
pub fn parse_text(text: &str) -> Result<Article, String> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .collect();
    let first = lines.iter().position(|line| !line.trim().is_empty());
    let Some(first) = first else {
        return Err("empty article: the file holds no text".to_string());
    };
    let mut article = Article::default();
    let mut next = first;
    while next < lines.len() && !lines[next].trim().is_empty() {
        if !apply_header(&mut article, lines[next]) {
            break;
        }
        next += 1;
    }
    if next == first {
        article.title = lines[first].trim().to_string();
        next += 1;
    }
    article.body = lines[next.min(lines.len())..].join("\n").trim().to_string();
    Ok(article)
}

/// Applies one header line to the article; returns false when the line is
/// not a header line.
fn apply_header(article: &mut Article, line: &str) -> bool {
    let line = line.trim();
    let (key, value) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let value = value.trim().to_string();
    if key == "date" {
        let (date, title) = split_date_line(&value);
        article.date = Some(date);
        if !title.is_empty() {
            article.title = title;
        }
        return true;
    }
    if !HEADER_KEYS.contains(&key) || value.is_empty() {
        return false;
    }
    match key {
        "id" => article.id = Some(value),
        "title" if article.title.is_empty() => article.title = value,
        "source" => article.source = Some(value),
        "url" => article.url = Some(value),
        "author" => article.author = Some(value),
        _ => {}
    }
    true
}

/// Splits the rest of a `date` line into the date and the title: the date is
/// the longest run of leading words that parses; when none does, it is the
/// first word.
fn split_date_line(rest: &str) -> (String, String) {
    let words: Vec<&str> = rest.split_whitespace().collect();
    for count in (1..=words.len().min(MAX_DATE_WORDS)).rev() {
        let candidate = words[..count].join(" ");
        if dates::parse_date(&candidate).is_some() {
            return (candidate, words[count..].join(" "));
        }
    }
    let date = words
        .first()
        .map(|word| word.to_string())
        .unwrap_or_default();
    let title = words
        .get(1..)
        .map(|rest| rest.join(" "))
        .unwrap_or_default();
    (date, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_seed_form() {
        let article =
            parse_text(" date 2024-10-14 Russian Chief Visits\n\nFirst.\n\nSecond.\n").unwrap();
        assert_eq!(article.date.as_deref(), Some("2024-10-14"));
        assert_eq!(article.title, "Russian Chief Visits");
        assert_eq!(article.body, "First.\n\nSecond.");
    }

    #[test]
    fn reads_header_lines_before_the_date_line() {
        let text = "id a-1\nsource Wire\nurl https://x.test/1\nauthor Ann Lee\ndate 2023-03-02 Title here\n\nBody.";
        let article = parse_text(text).unwrap();
        assert_eq!(article.id.as_deref(), Some("a-1"));
        assert_eq!(article.source.as_deref(), Some("Wire"));
        assert_eq!(article.url.as_deref(), Some("https://x.test/1"));
        assert_eq!(article.author.as_deref(), Some("Ann Lee"));
        assert_eq!(article.title, "Title here");
        assert_eq!(article.body, "Body.");
    }

    #[test]
    fn dates_may_span_several_words() {
        let article = parse_text("date Mon, 14 Oct 2024 08:00:00 +0200 Markets open\n\nB").unwrap();
        assert_eq!(
            article.date.as_deref(),
            Some("Mon, 14 Oct 2024 08:00:00 +0200")
        );
        assert_eq!(article.title, "Markets open");
    }

    #[test]
    fn keeps_an_unparsable_date_for_the_warning() {
        let article = parse_text("date someday Title\n\nB").unwrap();
        assert_eq!(article.date.as_deref(), Some("someday"));
        assert_eq!(article.title, "Title");
    }

    #[test]
    fn a_file_without_header_has_its_first_line_as_title() {
        let article = parse_text("\u{feff}Plain headline\r\n\r\nThe body.\r\n").unwrap();
        assert_eq!(article.title, "Plain headline");
        assert_eq!(article.date, None);
        assert_eq!(article.body, "The body.");
    }

    #[test]
    fn a_title_header_gives_the_title_when_the_date_line_has_none() {
        let article = parse_text("title The headline\ndate 2024-01-02\n\nBody").unwrap();
        assert_eq!(article.title, "The headline");
    }

    #[test]
    fn an_empty_file_is_an_error() {
        assert!(parse_text(" \n\n").unwrap_err().contains("empty"));
    }
}
