//! The byline: a reporter's name alone on the first line of the body, as
//! wire copy prints it above the story (`Glenn Somerville`, `By Deborah
//! Charles`). The tagger, which reads a name by the words around it,
//! finds none there and takes such a line for an organization or a place
//! (`Mishi Saran`, `Larisa` of `Larisa Sayenko`); the line's shape says
//! it is a person's name.

use super::entities::{Zone, is_organization_word};
use super::gazetteer::Gazetteer;
use super::mentions::{At, Field, Mention, MentionKind, Source};
use super::tokens;
use super::vocabulary::{GEOGRAPHIC_WORDS, PLACE_KIND_WORDS};

/// The rule's name, as `--explain` shows it.
pub const RULE: &str = "byline";

/// The most bytes of a byline's name.
const MAX_NAME_BYTES: usize = 40;

/// Returns the person a body's first line names alone, if it is a
/// byline: two or three capitalised words in mixed case, each of letters
/// (and `-`, `'`, or the dot of an initial), none a word of organizations'
/// names, the whole no place; and more text below it. A text wrapped at a
/// fixed width has no byline line: its first line is the first words of
/// a sentence (`The Semiconductor Industry\nAssociation said`).
pub fn byline_person(body: &str) -> Option<Mention> {
    let line_end = body.find('\n')?;
    let line = body[..line_end].trim_end();
    let (name, offset) = match line.strip_prefix("By ") {
        Some(named) => (named, 3),
        None => (line, 0),
    };
    let words = name.split(' ').count();
    let name_shaped = name.len() <= MAX_NAME_BYTES
        && (2..=3).contains(&words)
        && name.split(' ').all(is_name_word)
        && !body[line_end..].trim().is_empty();
    // The whole body is read for its lines' lengths only when the first
    // line is shaped as a name.
    if !name_shaped || !Gazetteer::get().lookup(name).is_empty() || tokens::is_wrapped(body) {
        return None;
    }
    let at = At {
        zone: Zone::Aside,
        field: Field::Body,
        offset,
    };
    Some(Mention::new(
        name,
        MentionKind::Person,
        at,
        Source::Rule(RULE),
    ))
}

/// Whether a word can be one of a person's name: capitalised, in mixed
/// case or an initial (`J.`), of letters, hyphens and apostrophes, and no
/// word of organizations' or places' names (`League`, `Corp`, `Park`).
fn is_name_word(word: &str) -> bool {
    let initial = word.len() == 2 && word.ends_with('.');
    let letters = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'));
    word.starts_with(char::is_uppercase)
        && letters
        && (initial || word.chars().any(char::is_lowercase))
        && !is_organization_word(word)
        && !GEOGRAPHIC_WORDS.contains(word)
        && !PLACE_KIND_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph kept on one line, as a text that is not wrapped at a
    /// fixed width has them.
    const PARAGRAPH: &str = "HONG KONG - Share prices rose on Monday as buyers came back to the \
                             market after a week of falls, dealers said in the afternoon.";

    fn byline(first_line: &str) -> Option<Mention> {
        byline_person(&format!("{first_line}\n{PARAGRAPH}"))
    }

    #[test]
    fn a_name_alone_on_the_first_line_is_the_byline() {
        let saran = byline("Mishi Saran").unwrap();
        assert_eq!((saran.text.as_str(), saran.offset), ("Mishi Saran", 0));
        assert_eq!(saran.kind, MentionKind::Person);
        let hall = byline("Arsenio Hall").unwrap();
        assert_eq!(hall.text, "Arsenio Hall", "a surname a street may end with");
        let by = byline("By Deborah J. Charles").unwrap();
        assert_eq!((by.text.as_str(), by.offset), ("Deborah J. Charles", 3));
    }

    #[test]
    fn other_first_lines_are_no_byline() {
        for line in [
            "Major League Baseball",
            "WORLD MARKETS ROUND-UP",
            "New York",
            "Stocks rose on Friday and fell on Monday.",
            "Chicago 4 Boston 3",
            "Ewood Park",
            "Lake Geneva",
        ] {
            assert!(byline(line).is_none(), "{line:?}");
        }
        assert!(byline_person("Glenn Somerville").is_none(), "no text below");
        let wrapped = "The Semiconductor Industry\nAssociation said the book-to-bill\nratio rose.";
        assert!(
            byline_person(wrapped).is_none(),
            "a wrapped text's first line"
        );
    }
}
