//! Picks up to ten keyphrases per article, offline and without a corpus.
//!
//! Candidates are runs of one to three lowercase content words: a run ends
//! at punctuation, a stopword, a number, a capitalised name (names belong
//! to the entity fields) or a short word; a longer run gives its three-word
//! windows. A capitalised word opening a sentence counts as a content word
//! when the article also writes it in lowercase.
//!
//! Score: each word is worth the number of times it occurs in candidates
//! (headline occurrences count twice); a phrase scores the sum of its
//! words' worth times the number of times it occurs. So repeated phrases
//! made of the article's recurring words win ("joint military exercises",
//! "cocoa crop"), and a phrase with more than half its words inside better
//! phrases is dropped ("multiple joint military"), as is one saying a word
//! twice ("crude crude"). Ties go to the phrase seen first.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::Gazetteer;
use super::tokens::{self, Token, Tokenized};

/// The most keyphrases an article gets.
pub const MAX_KEYWORDS: usize = 10;

/// The longest keyphrase, in words.
const MAX_WORDS: usize = 3;

/// The shortest content word, in characters.
const MIN_WORD_CHARS: usize = 3;

/// Extracts the keyphrases of an article; `entities` are names already in
/// the entity fields, which are never keyphrases.
pub fn extract_keywords(title: &str, body: &str, entities: &[String]) -> Vec<String> {
    keywords_from(&tokens::analyse(title), &tokens::analyse(body), entities)
}

/// Extracts the keyphrases of an already tokenized headline and body.
pub fn keywords_from(title: &Tokenized, body: &Tokenized, entities: &[String]) -> Vec<String> {
    let gazetteer = Gazetteer::get();
    let body_tokens = &body.tokens;
    let no_tokens = Vec::new();
    let title_tokens = if title.shouting {
        &no_tokens
    } else {
        &title.tokens
    };
    let lowercase_words: HashSet<&str> = body_tokens
        .iter()
        .filter(|token| !token.capitalised)
        .map(|token| token.text)
        .collect();
    let mut occurrences: HashMap<String, (u32, usize)> = HashMap::default();
    for (tokens, weight) in [(title_tokens, 2), (body_tokens, 1)] {
        for phrase in candidates(gazetteer, tokens, &lowercase_words) {
            let first_seen = occurrences.len();
            occurrences.entry(phrase).or_insert((0, first_seen)).0 += weight;
        }
    }
    // Scores are u64: a megabyte of one repeated word makes counts of
    // hundreds of thousands, whose products overflow u32.
    let mut word_worth: HashMap<&str, u64> = HashMap::default();
    for (phrase, (count, _)) in &occurrences {
        for word in phrase.split(' ') {
            *word_worth.entry(word).or_default() += u64::from(*count);
        }
    }
    let excluded: HashSet<String> = entities
        .iter()
        .map(|entity| entity.to_lowercase())
        .collect();
    let mut scored: Vec<(u64, usize, &str)> = Vec::with_capacity(occurrences.len());
    for (phrase, (count, first_seen)) in &occurrences {
        if excluded.contains(phrase) || repeats_a_word(phrase) {
            continue;
        }
        let worth: u64 = phrase.split(' ').map(|word| word_worth[word]).sum();
        scored.push((worth * u64::from(*count), *first_seen, phrase));
    }
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<String> = Vec::new();
    let mut covered: HashSet<&str> = HashSet::default();
    for (_, _, phrase) in scored {
        let words = phrase.split(' ').count();
        let already = phrase
            .split(' ')
            .filter(|word| covered.contains(word))
            .count();
        if already * 2 > words {
            continue;
        }
        covered.extend(phrase.split(' '));
        chosen.push(phrase.to_string());
        if chosen.len() == MAX_KEYWORDS {
            break;
        }
    }
    chosen
}

/// Tells whether a phrase says one word twice (`crude crude`): text
/// repeating itself, not a keyphrase.
fn repeats_a_word(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    (1..words.len()).any(|index| words[..index].contains(&words[index]))
}

/// Yields the candidate phrases of a token stream, lowercased, words
/// joined by one space.
fn candidates<'a>(
    gazetteer: &Gazetteer,
    tokens: &[Token<'a>],
    lowercase_words: &HashSet<&str>,
) -> Vec<String> {
    let mut phrases = Vec::new();
    let mut run: Vec<Cow<'a, str>> = Vec::new();
    for token in tokens {
        let content = is_content_word(gazetteer, token, lowercase_words);
        if token.after_break || !content {
            flush(&mut run, &mut phrases);
        }
        if content {
            let has_capitals =
                token.text.bytes().any(|byte| byte.is_ascii_uppercase()) || !token.text.is_ascii();
            run.push(if has_capitals {
                Cow::Owned(token.text.to_lowercase())
            } else {
                Cow::Borrowed(token.text)
            });
        }
        if token.possessive || token.before_comma {
            flush(&mut run, &mut phrases);
        }
    }
    flush(&mut run, &mut phrases);
    phrases
}

/// Whether a token may be part of a keyphrase.
fn is_content_word(gazetteer: &Gazetteer, token: &Token, lowercase_words: &HashSet<&str>) -> bool {
    let text = token.text;
    if text.chars().count() < MIN_WORD_CHARS
        || !text
            .chars()
            .all(|character| character.is_alphabetic() || character == '-')
    {
        return false;
    }
    if gazetteer.is_stopword(text) {
        return false;
    }
    if token.capitalised {
        let lower = text.to_lowercase();
        return token.sentence_start
            && lowercase_words.contains(lower.as_str())
            && gazetteer.lookup(text).is_empty();
    }
    true
}

/// Ends the current run: a short run is one phrase, a long one gives its
/// windows of [`MAX_WORDS`] words.
fn flush(run: &mut Vec<Cow<str>>, phrases: &mut Vec<String>) {
    if run.len() <= MAX_WORDS {
        if !run.is_empty() {
            phrases.push(run.join(" "));
        }
    } else {
        for window in run.windows(MAX_WORDS) {
            phrases.push(window.join(" "));
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_topical_phrases_win() {
        let body = "Various joint military exercises have taken place. Weather was fine. \
                    They held multiple joint military exercises, the largest in decades.";
        let keywords = extract_keywords("Military talks", body, &[]);
        assert_eq!(keywords[0], "joint military exercises");
    }

    #[test]
    fn no_stopwords_numbers_names_or_entities() {
        let body = "The cocoa crop in Bahia rose 155,221 bags. The cocoa crop was large, said Comissaria Smith.";
        let keywords = extract_keywords("BAHIA COCOA REVIEW", body, &["cocoa".to_string()]);
        assert_eq!(keywords[0], "cocoa crop");
        for keyword in &keywords {
            assert!(
                !keyword.contains("bahia")
                    && !keyword.contains("smith")
                    && !keyword.contains("155"),
                "{keyword}"
            );
            assert!(
                !keyword
                    .split(' ')
                    .any(|word| ["the", "in", "was", "said"].contains(&word)),
                "{keyword}"
            );
            assert_eq!(keyword, &keyword.to_lowercase());
            assert!(keyword.split(' ').count() <= 3);
        }
        assert!(!keywords.contains(&"cocoa".to_string()));
    }

    #[test]
    fn keeps_at_most_ten() {
        let body: String = (0..40)
            .map(|index| format!("alpha{} beta{}. ", char::from(b'a' + index % 26), index))
            .collect();
        assert!(extract_keywords("", &body, &[]).len() <= MAX_KEYWORDS);
    }

    #[test]
    fn near_repeats_of_a_better_phrase_are_dropped() {
        let body = "Joint military exercises went on. More joint military exercises followed. \
                    Multiple joint military drills and the largest joint maneuver were held.";
        let keywords = extract_keywords("", body, &[]);
        assert_eq!(keywords[0], "joint military exercises");
        assert!(
            !keywords
                .iter()
                .any(|keyword| keyword.contains("multiple joint")),
            "{keywords:?}"
        );
        assert!(
            keywords.contains(&"largest joint maneuver".to_string()),
            "{keywords:?}"
        );
    }

    #[test]
    fn a_word_repeated_a_hundred_thousand_times_does_not_overflow_the_scores() {
        let body = "crude ".repeat(100_000);
        let keywords = extract_keywords(&"crude ".repeat(1000), &body, &[]);
        assert!(keywords.is_empty(), "{keywords:?}");
    }

    #[test]
    fn a_phrase_saying_one_word_twice_is_not_a_keyphrase() {
        assert!(repeats_a_word("crude crude"));
        assert!(repeats_a_word("oil price oil"));
        assert!(!repeats_a_word("joint military exercises"));
        assert!(!repeats_a_word("cocoa"));
    }
}
