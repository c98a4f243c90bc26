//! Acronyms: an acronym an article defines after a name (`the
//! International Monetary Fund (IMF)`) is that name, wherever the article
//! writes it.

use super::super::mentions::{MentionKind, Mentions};
use super::ArticleText;

/// Names each organization the article defines an acronym for by its full
/// name (`IMF` → `International Monetary Fund`).
pub fn resolve_defined_acronyms(mentions: &mut Mentions, article: ArticleText) {
    for (acronym, name) in defined_acronyms(article.body_text) {
        mentions.rename_value(
            MentionKind::Organization,
            &acronym,
            (MentionKind::Organization, &name),
            "acronyms",
            "an acronym the article defines after the name",
        );
    }
}

/// The longest acronym [`defined_acronyms`] reads.
const MAX_ACRONYM: usize = 8;

/// The acronyms a text defines after a name, with that name: `the
/// International Monetary Fund (IMF)`, `Organisation for Economic
/// Cooperation and Development (OECD)`. The acronym's letters are the
/// initials of the name's capitalised words, which end right before the
/// bracket.
pub fn defined_acronyms(text: &str) -> Vec<(String, String)> {
    let mut defined = Vec::new();
    for (open, _) in text.match_indices(" (") {
        let inside_start = open + 2;
        let Some(length) = text[inside_start..]
            .bytes()
            .take(MAX_ACRONYM + 1)
            .position(|byte| byte == b')')
        else {
            continue;
        };
        let acronym = &text[inside_start..inside_start + length];
        let letters = acronym.len() >= 2 && acronym.bytes().all(|byte| byte.is_ascii_uppercase());
        if !letters {
            continue;
        }
        if let Some(name) = name_with_initials(&text[..open], acronym) {
            defined.push((acronym.to_string(), name));
        }
    }
    defined
}

/// The words at the end of a text whose capitalised initials spell the
/// acronym, joined by spaces.
fn name_with_initials(before: &str, acronym: &str) -> Option<String> {
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(2 * MAX_ACRONYM)
        .collect();
    let mut initials = String::new();
    for (count, word) in words.iter().enumerate() {
        let first = word.chars().next()?;
        if first.is_uppercase() {
            initials.insert(0, first);
        } else if !JOINING_WORDS_IN_NAMES.contains(word) {
            return None;
        }
        if initials.len() == acronym.len() {
            if initials != acronym || !first.is_uppercase() {
                return None;
            }
            let name: Vec<&str> = words[..=count].iter().rev().copied().collect();
            return Some(name.join(" "));
        }
    }
    None
}

/// Lowercase words an organization's name may hold without an initial in
/// its acronym.
const JOINING_WORDS_IN_NAMES: &[&str] = &["of", "for", "and", "the", "on", "de", "&"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::entities::Zone;
    use crate::enrich::mentions::{At, Field, Mention, Source};
    use crate::enrich::tagger::features::ArticleWords;
    use crate::enrich::tokens::analyse;

    #[test]
    fn an_acronym_defined_after_a_name_is_that_name() {
        let text = "The International Monetary Fund (IMF) and the Organisation for Economic \
                    Cooperation and Development (OECD) met, as did sales (ABC) and Oil Co (XYZ).";
        let defined = defined_acronyms(text);
        assert_eq!(
            defined,
            vec![
                ("IMF".to_string(), "International Monetary Fund".to_string()),
                (
                    "OECD".to_string(),
                    "Organisation for Economic Cooperation and Development".to_string()
                ),
            ]
        );
        let mut mentions = Mentions::default();
        let at = At {
            zone: Zone::Body,
            field: Field::Body,
            offset: 0,
        };
        for name in ["International Monetary Fund", "IMF", "OECD", "EU"] {
            mentions.push(Mention::new(
                name,
                MentionKind::Organization,
                at,
                Source::Rule("test"),
            ));
        }
        let body = analyse(text);
        let words = ArticleWords::of(&[&body]);
        let article = ArticleText {
            title_text: "",
            body_text: text,
            body: &body,
            words: &words,
        };
        resolve_defined_acronyms(&mut mentions, article);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "International Monetary Fund",
                "Organisation for Economic Cooperation and Development",
                "EU"
            ]
        );
    }
}
