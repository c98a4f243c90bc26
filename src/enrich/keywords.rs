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
//! twice ("crude crude"), and so is a single word that occurs only once
//! (a headline occurrence counts twice). Ties go to the phrase seen first.
//!
//! A plural and its singular are one word, written in the singular
//! (`shares` is `share`, `trade sources` is `trade source`), so that the
//! keyword facet counts one value for both; nouns used only in the plural
//! (`earnings`, `futures`, `talks`) stay as they are. A single word that
//! says nothing of any one story (`government`, `spokesman`, `loss`) is
//! never a keyphrase alone.

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer::{Gazetteer, with_ascii_lowercase};
use super::tokens::{self, Token, Tokenized};
use super::vocabulary::{GENERIC_WORDS, NOT_PLURALS};

/// The most keyphrases an article gets.
pub const MAX_KEYWORDS: usize = 10;

/// The longest keyphrase, in words.
const MAX_WORDS: usize = 3;

/// How often a one-word keyphrase must occur, a headline occurrence
/// counting twice: one word said once in passing ("compared", "series")
/// tells nothing of what the article is about.
const MIN_SINGLE_WORD_COUNT: u32 = 2;

/// The shortest content word, in characters.
const MIN_WORD_CHARS: usize = 3;

/// Extracts the keyphrases of an article; `entities` are names already in
/// the entity fields, which are never keyphrases.
pub fn extract_keywords(title: &str, body: &str, entities: &[String]) -> Vec<String> {
    keywords_from(&tokens::analyse(title), &tokens::analyse(body), entities)
}

/// Extracts the keyphrases of an already tokenized headline and body.
pub fn keywords_from(
    title: &Tokenized,
    body: &Tokenized,
    entities: &[impl AsRef<str>],
) -> Vec<String> {
    let gazetteer = Gazetteer::get();
    let no_tokens = Vec::new();
    let title_tokens = if title.shouting {
        &no_tokens
    } else {
        &title.tokens
    };
    // Room for a word of every second token spares growing the map.
    let mut words = Words::with_capacity((title_tokens.len() + body.tokens.len()) / 2);
    let body_words: Vec<Option<u32>> = body
        .tokens
        .iter()
        .map(|token| match token.capitalised {
            false => is_content_word(gazetteer, token.text).then(|| words.intern(token.text)),
            true => None,
        })
        .collect();
    words.written_lowercase = words.texts.len() as u32;
    let title_words: Vec<Option<u32>> = title_tokens
        .iter()
        .map(|token| words.classify(gazetteer, token))
        .collect();
    // A lowercase token was classified in the first pass; only the
    // capitalised ones wait for the lowercase words of the whole body.
    let body_words: Vec<Option<u32>> = body
        .tokens
        .iter()
        .zip(body_words)
        .map(|(token, known)| match token.capitalised {
            false => known,
            true => words.classify(gazetteer, token),
        })
        .collect();
    let title_phrases = candidates(title_tokens, &title_words);
    let body_phrases = candidates(&body.tokens, &body_words);
    // Sized once for every phrase; the order the map is read in decides
    // nothing, as ties go to the phrase seen first.
    let mut occurrences: HashMap<Phrase, (u32, usize)> = HashMap::with_capacity_and_hasher(
        title_phrases.len() + body_phrases.len(),
        Default::default(),
    );
    for (phrases, weight) in [(title_phrases, 2), (body_phrases, 1)] {
        for phrase in phrases {
            let first_seen = occurrences.len();
            occurrences.entry(phrase).or_insert((0, first_seen)).0 += weight;
        }
    }
    // Scores are u64: a megabyte of one repeated word makes counts of
    // hundreds of thousands, whose products overflow u32.
    let mut word_worth = vec![0u64; words.texts.len()];
    for (phrase, (count, _)) in &occurrences {
        for &word in phrase.words() {
            word_worth[word as usize] += u64::from(*count);
        }
    }
    let excluded: HashSet<String> = entities
        .iter()
        .map(|entity| entity.as_ref().to_lowercase())
        .collect();
    let mut text = String::new();
    let mut scored: Vec<(u64, usize, Phrase)> = Vec::with_capacity(occurrences.len());
    for (phrase, (count, first_seen)) in &occurrences {
        if phrase.length == 1 && *count < MIN_SINGLE_WORD_COUNT {
            continue;
        }
        words.write(phrase, &mut text);
        if phrase.length == 1 && GENERIC_WORDS.contains(text.as_str()) {
            continue;
        }
        if excluded.contains(&text) || phrase.repeats_a_word() {
            continue;
        }
        let worth: u64 = phrase
            .words()
            .iter()
            .map(|&word| word_worth[word as usize])
            .sum();
        scored.push((worth * u64::from(*count), *first_seen, *phrase));
    }
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<String> = Vec::new();
    let mut covered = vec![false; words.texts.len()];
    for (_, _, phrase) in scored {
        let already = phrase
            .words()
            .iter()
            .filter(|&&word| covered[word as usize])
            .count();
        if already * 2 > phrase.words().len() {
            continue;
        }
        for &word in phrase.words() {
            covered[word as usize] = true;
        }
        words.write(&phrase, &mut text);
        chosen.push(text.clone());
        if chosen.len() == MAX_KEYWORDS {
            break;
        }
    }
    chosen
}

/// The content words of one article, lowercased, each with a number, so
/// that phrases are compared and counted as numbers, not strings.
#[derive(Default)]
struct Words<'a> {
    ids: HashMap<Cow<'a, str>, u32>,
    texts: Vec<Cow<'a, str>>,
    /// The words numbered below this one are the lowercase content words
    /// of the body.
    written_lowercase: u32,
}

impl<'a> Words<'a> {
    /// No words yet, with room for this many.
    fn with_capacity(capacity: usize) -> Words<'a> {
        Words {
            ids: HashMap::with_capacity_and_hasher(capacity, Default::default()),
            texts: Vec::with_capacity(capacity),
            written_lowercase: 0,
        }
    }

    /// Returns the number of a word, lowercased (`iPhone` is `iphone`),
    /// numbering it if it is new.
    fn intern(&mut self, text: &'a str) -> u32 {
        let has_capitals = text.bytes().any(|byte| byte.is_ascii_uppercase()) || !text.is_ascii();
        let lowered = match has_capitals {
            true => Cow::Owned(text.to_lowercase()),
            false => Cow::Borrowed(text),
        };
        let word = singular(lowered);
        let next_id = self.texts.len() as u32;
        match self.ids.entry(word) {
            Entry::Occupied(known) => *known.get(),
            Entry::Vacant(new) => {
                self.texts.push(new.key().clone());
                new.insert(next_id);
                next_id
            }
        }
    }

    /// Returns the number of a token when it may be part of a keyphrase:
    /// a lowercase content word, or a capitalised one opening a sentence
    /// whose lowercase form the body uses too (and that names no place).
    fn classify(&mut self, gazetteer: &Gazetteer, token: &Token<'a>) -> Option<u32> {
        if !token.capitalised {
            return is_content_word(gazetteer, token.text).then(|| self.intern(token.text));
        }
        if !token.sentence_start || !is_word_shaped(token.text) {
            return None;
        }
        let known = |lower: &str| {
            let folded = singular(Cow::Borrowed(lower));
            self.ids.get(folded.as_ref()).copied()
        };
        // A short ASCII word is lowercased in a stack buffer, not a string.
        let id = match with_ascii_lowercase(token.text, known) {
            Some(id) => id?,
            None => known(&token.text.to_lowercase())?,
        };
        let body_writes_it = id < self.written_lowercase;
        (body_writes_it && gazetteer.lookup(token.text).is_empty()).then_some(id)
    }

    /// Writes a phrase's words, joined by one space, into `text`.
    fn write(&self, phrase: &Phrase, text: &mut String) {
        text.clear();
        for (index, &word) in phrase.words().iter().enumerate() {
            if index > 0 {
                text.push(' ');
            }
            text.push_str(&self.texts[word as usize]);
        }
    }
}

/// One to [`MAX_WORDS`] word numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Phrase {
    words: [u32; MAX_WORDS],
    length: u8,
}

impl Phrase {
    fn new(words: &[u32]) -> Phrase {
        let mut phrase = Phrase {
            words: [0; MAX_WORDS],
            length: words.len() as u8,
        };
        phrase.words[..words.len()].copy_from_slice(words);
        phrase
    }

    fn words(&self) -> &[u32] {
        &self.words[..usize::from(self.length)]
    }

    /// Tells whether the phrase says one word twice (`crude crude`): text
    /// repeating itself, not a keyphrase.
    fn repeats_a_word(&self) -> bool {
        let words = self.words();
        (1..words.len()).any(|index| words[..index].contains(&words[index]))
    }
}

/// Yields the candidate phrases of a token stream: runs of content words
/// (`ids[i]` is the number of token `i` when it is one), cut at
/// punctuation, commas and possessives; a run longer than [`MAX_WORDS`]
/// gives its windows.
fn candidates(tokens: &[Token], ids: &[Option<u32>]) -> Vec<Phrase> {
    // A token starts at most one phrase: sized once.
    let mut phrases = Vec::with_capacity(tokens.len());
    let mut run: Vec<u32> = Vec::with_capacity(tokens.len().min(64));
    for (token, id) in tokens.iter().zip(ids) {
        if token.after_break || id.is_none() {
            flush(&mut run, &mut phrases);
        }
        if let Some(id) = id {
            run.push(*id);
        }
        if token.possessive || token.before_comma {
            flush(&mut run, &mut phrases);
        }
    }
    flush(&mut run, &mut phrases);
    phrases
}

/// How to write an English plural in the singular: how many bytes to cut
/// off its end, and whether to add a `y` (`companies` → `company`); `None`
/// when the word is no plural or keeps its form (see [`NOT_PLURALS`]).
fn singular_ending(word: &str) -> Option<(usize, bool)> {
    if word.len() < 4 || !word.ends_with('s') || !word.is_ascii() || NOT_PLURALS.contains(word) {
        return None;
    }
    for ending in ["ss", "us", "is", "ics"] {
        if word.ends_with(ending) {
            return None;
        }
    }
    if word.ends_with("ies") && word.len() >= 5 {
        return Some((3, true));
    }
    for ending in ["sses", "xes", "ches", "shes"] {
        if word.ends_with(ending) {
            return Some((2, false));
        }
    }
    Some((1, false))
}

/// The singular of an English plural (`shares` → `share`, `companies` →
/// `company`, `taxes` → `tax`), borrowed from the word where it can be.
fn singular<'w>(word: Cow<'w, str>) -> Cow<'w, str> {
    let Some((cut, add_y)) = singular_ending(&word) else {
        return word;
    };
    match word {
        Cow::Borrowed(text) if !add_y => Cow::Borrowed(&text[..text.len() - cut]),
        other => {
            let mut stem = other[..other.len() - cut].to_string();
            if add_y {
                stem.push('y');
            }
            Cow::Owned(stem)
        }
    }
}

/// Whether each byte is an ASCII letter or a hyphen, looked up for each
/// byte of most words of an article: one load instead of two tests.
const WORD_SHAPED_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphabetic() || byte as u8 == b'-';
        byte += 1;
    }
    table
};

/// Whether a word is long enough and made of letters (and hyphens).
fn is_word_shaped(text: &str) -> bool {
    // Fewer bytes than the shortest word's characters: fewer characters.
    if text.len() < MIN_WORD_CHARS {
        return false;
    }
    let letters_or_hyphens = text
        .bytes()
        .all(|byte| WORD_SHAPED_BYTES[usize::from(byte)]);
    if letters_or_hyphens {
        return text.len() >= MIN_WORD_CHARS;
    }
    text.chars().count() >= MIN_WORD_CHARS
        && text
            .chars()
            .all(|character| character.is_alphabetic() || character == '-')
}

/// Whether a lowercase word may be part of a keyphrase.
fn is_content_word(gazetteer: &Gazetteer, text: &str) -> bool {
    is_word_shaped(text) && !gazetteer.is_stopword(text)
}

/// Ends the current run: a short run is one phrase, a long one gives its
/// windows of [`MAX_WORDS`] words.
fn flush(run: &mut Vec<u32>, phrases: &mut Vec<Phrase>) {
    if run.len() <= MAX_WORDS {
        if !run.is_empty() {
            phrases.push(Phrase::new(run));
        }
    } else {
        for window in run.windows(MAX_WORDS) {
            phrases.push(Phrase::new(window));
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    #[test]
    fn the_table_of_word_shaped_bytes_is_letters_and_hyphens() {
        for byte in 0..=u8::MAX {
            let expected = byte.is_ascii_alphabetic() || byte == b'-';
            assert_eq!(WORD_SHAPED_BYTES[usize::from(byte)], expected, "{byte}");
        }
    }

    #[test]
    fn a_plural_is_its_singular_and_plural_only_nouns_stay() {
        let cases = [
            ("shares", Some("share")),
            ("barrels", Some("barrel")),
            ("companies", Some("company")),
            ("taxes", Some("tax")),
            ("businesses", Some("business")),
            ("branches", Some("branch")),
            ("prices", Some("price")),
            ("loss", None),
            ("crisis", None),
            ("bonus", None),
            ("earnings", None),
            ("futures", None),
            ("talks", None),
            ("gas", None),
            ("politics", None),
            ("share", None),
        ];
        for (word, expected) in cases {
            let written = super::singular(Cow::Borrowed(word));
            assert_eq!(written, expected.unwrap_or(word), "{word}");
            let owned = super::singular(Cow::Owned(word.to_string()));
            assert_eq!(owned, written, "{word}");
        }
    }

    #[test]
    fn singular_and_plural_are_one_keyword_and_generic_words_none() {
        let title = "Shares fall";
        let body = "The government said shares fell as the share price fell. \
                    Shares of the company fell again, a spokesman said, and the \
                    spokesman said the government would act. Trade sources said \
                    a trade source saw the share price fall.";
        let keywords = super::extract_keywords(title, body, &[]);
        assert_eq!(
            keywords,
            vec!["share fall", "share price fell", "trade source saw"],
            "shares and share, sources and source are one word each"
        );
        for generic in ["government", "spokesman", "company"] {
            assert!(
                !keywords.contains(&generic.to_string()),
                "{generic} in {keywords:?}"
            );
        }
    }

    use super::*;

    #[test]
    fn repeated_topical_phrases_win() {
        let body = "Various joint military exercises have taken place. Weather was fine. \
                    They held multiple joint military exercises, the largest in decades.";
        let keywords = extract_keywords("Military talks", body, &[]);
        assert_eq!(keywords[0], "joint military exercise");
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
        assert_eq!(keywords[0], "joint military exercise");
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
    fn one_word_said_once_is_not_a_keyphrase() {
        let body = "The price of copper is high, and copper is scarce, compared with 1986. \
                    It is strong quarterly growth.";
        let keywords = extract_keywords("", body, &[]);
        assert!(keywords.contains(&"copper".to_string()), "{keywords:?}");
        assert!(
            keywords.contains(&"strong quarterly growth".to_string()),
            "a phrase said once is specific enough: {keywords:?}"
        );
        for once in ["high", "scarce", "compared"] {
            assert!(!keywords.contains(&once.to_string()), "{keywords:?}");
        }
        let in_the_headline =
            extract_keywords("Zinc prices", "Output rose, compared with 1986.", &[]);
        assert_eq!(in_the_headline, vec!["price"]);
    }

    #[test]
    fn a_phrase_saying_one_word_twice_is_not_a_keyphrase() {
        assert!(Phrase::new(&[1, 1]).repeats_a_word());
        assert!(Phrase::new(&[1, 2, 1]).repeats_a_word());
        assert!(!Phrase::new(&[1, 2, 3]).repeats_a_word());
        assert!(!Phrase::new(&[1]).repeats_a_word());
    }
}
