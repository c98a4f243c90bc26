//! The features the name tagger sees for each token, shared by training and
//! tagging so that both read a text the same way.
//!
//! A feature is a 32-bit hash of a template number and a value: the word
//! and its neighbours (lowercased), the word's shape (`Xx`, `XX`, `X.X.`),
//! its prefixes and suffixes, punctuation around it, its place in a run of
//! capitalised words and the first and last words of that run (`Federal`
//! reads `committee` at the end of `Federal Open Market Committee`),
//! gazetteer hits (given name, kind of place), the
//! article's own evidence (whether the word also appears lowercase, or
//! capitalised mid-sentence, elsewhere in the article), and the zone (a
//! headline, a headline in capitals). The tags already given to the two
//! previous tokens add the [`history`] features.

use rustc_hash::FxHashSet;

use super::super::entities::title_case;
use super::super::gazetteer::{Gazetteer, PlaceKind};
use super::super::tokens::{Token, Tokenized};

/// Lowercase particles of persons' and places' names (`Ludwig van
/// Beethoven`, `Abdulaziz bin Salman`, `Banco do Brasil`).
pub const NAME_PARTICLES: &[&str] = &[
    "de", "du", "la", "le", "von", "van", "der", "den", "al", "bin", "da", "del", "des", "di",
    "do", "dos", "das", "y",
];

/// Lowercase words that may join the words of a name (`Bank of England`,
/// `Food and Drug Administration`).
const JOINING_WORDS: &[&str] = &["of", "for", "on", "and", "the"];

/// Whether a lowercase word may stand inside a name between two
/// capitalised words, and so is tagged.
fn is_connector(word: &str) -> bool {
    NAME_PARTICLES.contains(&word) || JOINING_WORDS.contains(&word)
}

/// Feature templates: the first byte of every feature's key.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Template {
    Bias = 1,
    Word,
    PreviousWord,
    NextWord,
    SecondPreviousWord,
    SecondNextWord,
    Shape,
    ShapeBefore,
    ShapeAfter,
    Prefix3,
    Suffix3,
    Suffix4,
    SentenceStartShape,
    AfterBreak,
    Possessive,
    BeforeComma,
    GivenName,
    Place,
    SeenLowercase,
    SeenCapitalised,
    ShoutingShape,
    Headline,
    WordBigramBefore,
    WordBigramAfter,
    RunPosition,
    PreviousTag,
    TwoPreviousTags,
    PreviousTagWord,
    PreviousTagShape,
    ExactWord,
    RunFirstWord,
    RunLastWord,
}

/// The part of an article a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The headline.
    Headline,
    /// The body.
    Body,
}

/// What the whole article says about its words: the lowercase forms seen
/// written in lowercase, and those seen capitalised inside a sentence.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ArticleWords {
    lowercase: FxHashSet<u64>,
    capitalised: FxHashSet<u64>,
}

impl ArticleWords {
    /// Collects the evidence of the texts of one article.
    pub fn of(texts: &[&Tokenized]) -> ArticleWords {
        // Sized once: most words of a text are lowercase, few capitalised
        // inside a sentence.
        let token_count: usize = texts.iter().map(|text| text.tokens.len()).sum();
        let mut words = ArticleWords {
            lowercase: FxHashSet::with_capacity_and_hasher(token_count / 2, Default::default()),
            capitalised: FxHashSet::with_capacity_and_hasher(token_count / 8, Default::default()),
        };
        let mut lower = String::new();
        for text in texts {
            for token in &text.tokens {
                let first_lowercase = token.text.starts_with(|c: char| c.is_lowercase());
                if first_lowercase {
                    words.lowercase.insert(hash_str(token.text));
                } else if !text.shouting && !token.sentence_start && token.capitalised {
                    lowercase_into(token.text, &mut lower);
                    words.capitalised.insert(hash_str(&lower));
                }
            }
        }
        words
    }

    /// Whether the article writes this word, in any case, in lowercase.
    pub fn writes_in_lowercase(&self, word: &str) -> bool {
        // A short ASCII word is lowercased on the stack, not in a new
        // string.
        const CAPACITY: usize = 32;
        if word.is_ascii() && word.len() <= CAPACITY {
            let mut buffer = [0u8; CAPACITY];
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return self.lowercase.contains(&xxhash_rust::xxh3::xxh3_64(lower));
        }
        let mut lower = String::new();
        lowercase_into(word, &mut lower);
        self.lowercase.contains(&hash_str(&lower))
    }
}

/// Lowercase words an article is asked whether it writes any of (the cues
/// a resolver needs), hashed once for the whole run.
pub struct CueWords {
    words: &'static [&'static [&'static str]],
    hashes: std::sync::OnceLock<Vec<u64>>,
}

impl CueWords {
    /// Holds lists of lowercase words.
    pub const fn new(words: &'static [&'static [&'static str]]) -> CueWords {
        CueWords {
            words,
            hashes: std::sync::OnceLock::new(),
        }
    }
}

impl ArticleWords {
    /// Whether the article writes any of these words in lowercase: one
    /// look-up of a hash each, where [`ArticleWords::writes_in_lowercase`]
    /// lowercases and hashes the word first.
    pub fn writes_any_in_lowercase(&self, words: &CueWords) -> bool {
        let hashes = words.hashes.get_or_init(|| {
            words
                .words
                .iter()
                .flat_map(|list| list.iter())
                .map(|word| hash_str(word))
                .collect()
        });
        hashes.iter().any(|hash| self.lowercase.contains(hash))
    }
}

/// The tokens of one text with what the features need computed once.
pub struct Sentence {
    shouting: bool,
    zone: Zone,
    lower_hashes: Vec<u64>,
    shape_hashes: Vec<u64>,
    /// The first and last token of the run of candidates each candidate
    /// stands in.
    runs: Vec<(u32, u32)>,
    /// Whether each token is tagged at all: capitalised words, and
    /// connectors between them. Every other token is outside any name.
    pub candidate: Vec<bool>,
    /// The features that do not depend on earlier tags, of every token,
    /// one after another; token `i`'s are `features[starts[i]..starts[i + 1]]`.
    features: Vec<u32>,
    starts: Vec<u32>,
}

/// The empty word before the first and after the last token of a sentence.
const BOUNDARY: u64 = 0x9e37_79b9_7f4a_7c15;

/// The most features [`Sentence::add_static`] gives one token.
const STATIC_FEATURES: usize = 28;

/// The static features of one token, as [`Sentence::add_static`] gathers
/// them.
struct TokenFeatures {
    keys: [u32; STATIC_FEATURES],
    count: usize,
}

impl Default for TokenFeatures {
    fn default() -> TokenFeatures {
        TokenFeatures {
            keys: [0; STATIC_FEATURES],
            count: 0,
        }
    }
}

impl TokenFeatures {
    fn add(&mut self, key: u32) {
        self.keys[self.count] = key;
        self.count += 1;
    }

    fn as_slice(&self) -> &[u32] {
        &self.keys[..self.count]
    }
}

/// The lowercase forms of some tokens of a text, written one after another
/// into one string, so that each token is lowercased once and no string is
/// allocated per token.
struct LowercaseWords {
    text: String,
    /// Where token `i`'s lowercase form is in `text` (empty when it was
    /// not added).
    ranges: Vec<std::ops::Range<usize>>,
}

impl LowercaseWords {
    fn with_capacity(token_count: usize) -> LowercaseWords {
        LowercaseWords {
            text: String::with_capacity(token_count * 8),
            ranges: vec![0..0; token_count],
        }
    }

    /// Adds the lowercase form of token `index` and returns it.
    fn add(&mut self, index: usize, word: &str) -> &str {
        let start = self.text.len();
        if word.is_ascii() {
            self.text.push_str(word);
            self.text[start..].make_ascii_lowercase();
        } else {
            self.text.push_str(&word.to_lowercase());
        }
        self.ranges[index] = start..self.text.len();
        &self.text[start..]
    }

    /// The lowercase form of token `index`, once added.
    fn of(&self, index: usize) -> &str {
        &self.text[self.ranges[index].clone()]
    }
}

/// How far each token is from the nearest candidate, in tokens, counting
/// no further than three.
fn distances_to_candidates(candidate: &[bool]) -> Vec<u8> {
    const FAR: u8 = 3;
    let mut distances = vec![FAR; candidate.len()];
    let mut since_last = FAR;
    for (distance, &is_candidate) in distances.iter_mut().zip(candidate) {
        since_last = match is_candidate {
            true => 0,
            false => (since_last + 1).min(FAR),
        };
        *distance = since_last;
    }
    let mut until_next = FAR;
    for (distance, &is_candidate) in distances.iter_mut().zip(candidate).rev() {
        until_next = match is_candidate {
            true => 0,
            false => (until_next + 1).min(FAR),
        };
        *distance = (*distance).min(until_next);
    }
    distances
}

impl Sentence {
    /// Prepares the features of a text.
    pub fn new(text: &Tokenized, zone: Zone, article: &ArticleWords) -> Sentence {
        let tokens = text.tokens.as_slice();
        let candidate = candidates(tokens);
        // Only candidates and the words up to two places around them are
        // ever looked at: most words of a text are neither.
        let distances = distances_to_candidates(&candidate);
        let mut lowercase = LowercaseWords::with_capacity(tokens.len());
        let mut shape_buffer = Vec::new();
        let mut lower_hashes = vec![0; tokens.len()];
        let mut shape_hashes = vec![0; tokens.len()];
        for (index, token) in tokens.iter().enumerate() {
            if distances[index] > 2 {
                continue;
            }
            lower_hashes[index] = hash_str(lowercase.add(index, token.text));
            if distances[index] <= 1 {
                shape_hashes[index] = shape_hash(token.text, &mut shape_buffer);
            }
        }
        let candidate_count = candidate.iter().filter(|&&is| is).count();
        let runs = runs_of(tokens, &candidate);
        let mut sentence = Sentence {
            shouting: text.shouting,
            zone,
            lower_hashes,
            shape_hashes,
            runs,
            candidate,
            features: Vec::with_capacity(candidate_count * STATIC_FEATURES),
            starts: Vec::with_capacity(tokens.len() + 1),
        };
        let mut features = std::mem::take(&mut sentence.features);
        for index in 0..tokens.len() {
            sentence.starts.push(features.len() as u32);
            if sentence.candidate[index] {
                let lower = lowercase.of(index);
                sentence.add_static(tokens, index, lower, article, &mut features);
            }
        }
        sentence.starts.push(features.len() as u32);
        sentence.features = features;
        sentence
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.candidate.len()
    }

    /// Whether the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.candidate.is_empty()
    }

    /// The features of a token that do not depend on earlier tags.
    pub fn static_features(&self, index: usize) -> &[u32] {
        let start = self.starts[index] as usize;
        let end = self.starts[index + 1] as usize;
        &self.features[start..end]
    }

    fn word_hash(&self, index: isize) -> u64 {
        if index < 0 || index as usize >= self.len() {
            return BOUNDARY;
        }
        self.lower_hashes[index as usize]
    }

    /// The hash of the word `offset` tokens away, or of the boundary when
    /// a sentence starts in between.
    fn neighbour(&self, tokens: &[Token], index: usize, offset: isize) -> u64 {
        let target = index as isize + offset;
        let (from, to) = if offset < 0 {
            (target + 1, index as isize)
        } else {
            (index as isize + 1, target)
        };
        for between in from.max(0)..=to.min(tokens.len() as isize - 1) {
            if tokens[between as usize].sentence_start {
                return BOUNDARY;
            }
        }
        self.word_hash(target)
    }

    fn shape_hash(&self, index: isize) -> u64 {
        if index < 0 || index as usize >= self.len() {
            return BOUNDARY;
        }
        self.shape_hashes[index as usize]
    }

    fn add_static(
        &self,
        tokens: &[Token],
        index: usize,
        lower: &str,
        article: &ArticleWords,
        out: &mut Vec<u32>,
    ) {
        let token = &tokens[index];
        let at = index as isize;
        let word = self.lower_hashes[index];
        let shape = self.shape_hashes[index];
        // Gathered on the stack and appended at once: a push onto `out`
        // checks its capacity every time.
        let mut gathered = TokenFeatures::default();
        let mut add = |template: Template, value: u64| gathered.add(feature(template, value));
        add(Template::Bias, 0);
        add(Template::Word, word);
        add(Template::ExactWord, hash_str(token.text));
        let previous = self.neighbour(tokens, index, -1);
        let next = self.neighbour(tokens, index, 1);
        add(Template::PreviousWord, previous);
        add(Template::NextWord, next);
        add(
            Template::SecondPreviousWord,
            self.neighbour(tokens, index, -2),
        );
        add(Template::SecondNextWord, self.neighbour(tokens, index, 2));
        add(Template::WordBigramBefore, mix(previous, word));
        add(Template::WordBigramAfter, mix(word, next));
        add(Template::Shape, shape);
        add(Template::ShapeBefore, mix(self.shape_hash(at - 1), shape));
        add(Template::ShapeAfter, mix(shape, self.shape_hash(at + 1)));
        // An ASCII word's characters are its bytes: no need to count them.
        let ascii = token.text.is_ascii();
        let character_count = match ascii {
            true => lower.len(),
            false => lower.chars().count(),
        };
        let offset = |characters: usize| match ascii {
            true => characters,
            false => byte_offset(lower, characters),
        };
        let prefix = |count: usize| hash_str(&lower[..offset(count)]);
        let suffix = |count: usize| hash_str(&lower[offset(character_count - count)..]);
        if character_count > 3 {
            add(Template::Prefix3, prefix(3));
            add(Template::Suffix3, suffix(3));
        }
        if character_count > 4 {
            add(Template::Suffix4, suffix(4));
        }
        if token.sentence_start {
            add(Template::SentenceStartShape, shape);
        }
        if token.after_break {
            add(Template::AfterBreak, 0);
        }
        if token.possessive {
            add(Template::Possessive, 0);
        }
        if token.before_comma {
            add(Template::BeforeComma, 0);
        }
        let gazetteer = Gazetteer::get();
        if token.capitalised && is_given_name(gazetteer, token.text) {
            add(Template::GivenName, 0);
        }
        // A token has no whitespace, so an ASCII one is looked up as its
        // lowercase form.
        let places = match ascii {
            true => gazetteer.lookup_lowercase(lower),
            false => gazetteer.lookup(token.text),
        };
        if let Some(place) = places.first() {
            add(Template::Place, place_kind_number(place.kind));
        }
        if article.lowercase.contains(&word) {
            add(Template::SeenLowercase, 0);
        }
        if article.capitalised.contains(&word) {
            add(Template::SeenCapitalised, 0);
        }
        if self.shouting {
            add(Template::ShoutingShape, shape);
        }
        if self.zone == Zone::Headline {
            add(Template::Headline, 0);
        }
        add(Template::RunPosition, run_position(tokens, index));
        let (first, last) = self.runs[index];
        if first as usize != index {
            add(Template::RunFirstWord, self.lower_hashes[first as usize]);
        }
        if last as usize != index {
            add(Template::RunLastWord, self.lower_hashes[last as usize]);
        }
        out.extend_from_slice(gathered.as_slice());
    }

    /// Appends the features that depend on the tags of the two previous
    /// tokens.
    pub fn history(&self, index: usize, previous: u8, second_previous: u8, out: &mut Vec<u32>) {
        let previous = u64::from(previous);
        let second = u64::from(second_previous);
        out.push(feature(Template::PreviousTag, previous));
        out.push(feature(Template::TwoPreviousTags, previous << 8 | second));
        out.push(feature(
            Template::PreviousTagWord,
            mix(previous, self.lower_hashes[index]),
        ));
        out.push(feature(
            Template::PreviousTagShape,
            mix(previous, self.shape_hashes[index]),
        ));
    }
}

/// Which tokens are tagged: capitalised words, and connectors between two
/// capitalised words with no punctuation in between.
fn candidates(tokens: &[Token]) -> Vec<bool> {
    let mut candidate = Vec::with_capacity(tokens.len());
    for (index, token) in tokens.iter().enumerate() {
        if token.capitalised {
            candidate.push(true);
            continue;
        }
        let joins = index > 0
            && tokens[index - 1].capitalised
            && !token.after_break
            && is_connector(token.text)
            && tokens[index + 1..]
                .iter()
                .take(2)
                .any(|next| next.capitalised && !next.after_break);
        candidate.push(joins);
    }
    candidate
}

/// The first and last token of each candidate's run: candidates one after
/// another with no punctuation or sentence start between them.
fn runs_of(tokens: &[Token], candidate: &[bool]) -> Vec<(u32, u32)> {
    let mut runs = vec![(0, 0); tokens.len()];
    let mut index = 0;
    while index < tokens.len() {
        if !candidate[index] {
            index += 1;
            continue;
        }
        let start = index;
        index += 1;
        while index < tokens.len()
            && candidate[index]
            && !tokens[index].after_break
            && !tokens[index].sentence_start
        {
            index += 1;
        }
        for run in &mut runs[start..index] {
            *run = (start as u32, index as u32 - 1);
        }
    }
    runs
}

/// Where a token stands in its run of capitalised words: the run's length
/// (up to 4) and the position in it (up to 3).
/// Looks at most three words back and four ahead, which is all the capped
/// figures need: a run of thousands of capitalised words costs no more per
/// word than a short one.
fn run_position(tokens: &[Token], index: usize) -> u64 {
    const LONGEST: usize = 4;
    let mut start = index;
    while index - start < LONGEST - 1
        && start > 0
        && tokens[start - 1].capitalised
        && !tokens[start].after_break
    {
        start -= 1;
    }
    let mut end = index + 1;
    while end - start < LONGEST
        && end < tokens.len()
        && tokens[end].capitalised
        && !tokens[end].after_break
    {
        end += 1;
    }
    let length = (end - start).min(LONGEST) as u64;
    let position = (index - start).min(LONGEST - 1) as u64;
    length << 4 | position
}

fn place_kind_number(kind: PlaceKind) -> u64 {
    match kind {
        PlaceKind::Country => 1,
        PlaceKind::Demonym => 2,
        PlaceKind::UsState => 3,
        PlaceKind::City => 4,
        PlaceKind::Region => 5,
    }
}

/// The shape of a word: each run of uppercase letters is `X`, lowercase
/// `x`, digits `d`, other characters kept (`Xx`, `X.X.`, `Xx-Xx`, `dd`
/// for two or more digits).
pub fn shape(word: &str) -> String {
    let mut shape = String::with_capacity(8);
    shape_into(word, &mut shape);
    shape
}

/// The hash of a word's [`shape`], written for an ASCII word byte by byte
/// into `buffer`: the same bytes, without a `char` per letter.
fn shape_hash(word: &str, buffer: &mut Vec<u8>) -> u64 {
    if !word.is_ascii() {
        return hash_str(&shape(word));
    }
    buffer.clear();
    let mut last = 0u8;
    let mut repeated = false;
    for &byte in word.as_bytes() {
        let class = if byte.is_ascii_uppercase() {
            b'X'
        } else if byte.is_ascii_lowercase() {
            b'x'
        } else if byte.is_ascii_digit() {
            b'd'
        } else {
            byte
        };
        if class == last && matches!(class, b'X' | b'x' | b'd') {
            if !repeated && class != b'x' {
                buffer.push(class);
                repeated = true;
            }
            continue;
        }
        buffer.push(class);
        last = class;
        repeated = false;
    }
    xxhash_rust::xxh3::xxh3_64(buffer)
}

fn shape_into(word: &str, shape: &mut String) {
    shape.clear();
    let mut last = '\0';
    let mut repeated = false;
    for character in word.chars() {
        let class = if character.is_uppercase() {
            'X'
        } else if character.is_lowercase() {
            'x'
        } else if character.is_ascii_digit() {
            'd'
        } else {
            character
        };
        if class == last && matches!(class, 'X' | 'x' | 'd') {
            if !repeated && class != 'x' {
                shape.push(class);
                repeated = true;
            }
            continue;
        }
        shape.push(class);
        last = class;
        repeated = false;
    }
}

/// The byte offset of the character at a position of a text.
fn byte_offset(text: &str, characters: usize) -> usize {
    text.char_indices()
        .nth(characters)
        .map_or(text.len(), |(offset, _)| offset)
}

/// Whether a word in any case is a common given name: the list writes
/// names with only their first letter in capitals (`REAGAN` → `Reagan`).
fn is_given_name(gazetteer: &Gazetteer, word: &str) -> bool {
    const CAPACITY: usize = 32;
    if !word.is_ascii() || word.len() > CAPACITY {
        return gazetteer.is_given_name(&title_case(word));
    }
    let mut buffer = [0u8; CAPACITY];
    let written = &mut buffer[..word.len()];
    written.copy_from_slice(word.as_bytes());
    written.make_ascii_lowercase();
    written[0] = written[0].to_ascii_uppercase();
    gazetteer.is_given_name_bytes(written)
}

fn lowercase_into(word: &str, into: &mut String) {
    into.clear();
    if word.is_ascii() {
        into.push_str(word);
        into.make_ascii_lowercase();
    } else {
        into.push_str(&word.to_lowercase());
    }
}

/// Hashes a string.
pub fn hash_str(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}

/// Mixes two hashes into one.
fn mix(first: u64, second: u64) -> u64 {
    let combined = first.rotate_left(29) ^ second.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    combined ^ (combined >> 31)
}

/// The key of one feature: its template and value hashed to 32 bits.
fn feature(template: Template, value: u64) -> u32 {
    let mixed = mix(template as u64, value).wrapping_mul(0xff51_afd7_ed55_8ccd);
    ((mixed >> 32) as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::tokens::analyse;

    #[test]
    fn each_candidate_knows_the_ends_of_its_run() {
        let text =
            analyse("The Federal Open Market Committee met. Reuters said Bank of Japan, Sony");
        let candidate = candidates(&text.tokens);
        let runs = runs_of(&text.tokens, &candidate);
        let words = |index: usize| {
            let (first, last) = runs[index];
            (
                text.tokens[first as usize].text,
                text.tokens[last as usize].text,
            )
        };
        // A run ends at punctuation and where a sentence starts, and
        // takes in the connectors between its capitalised words.
        assert_eq!(words(1), ("The", "Committee"));
        assert_eq!(words(4), ("The", "Committee"));
        assert_eq!(words(6), ("Reuters", "Reuters"));
        assert_eq!(words(9), ("Bank", "Japan"));
        assert_eq!(words(10), ("Bank", "Japan"));
        assert_eq!(words(11), ("Sony", "Sony"));
        assert_eq!(runs[5], (0, 0), "`met` is no candidate");
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Reagan"), "Xx");
        assert_eq!(shape("IBM"), "XX");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("Boutros-Ghali"), "Xx-Xx");
        assert_eq!(shape("1996"), "dd");
        assert_eq!(shape("a"), "x");
        assert_eq!(shape("McCague"), "XxXx");
    }

    #[test]
    fn a_shape_hashed_from_bytes_is_the_shape_hashed() {
        let mut buffer = Vec::new();
        for word in [
            "Reagan",
            "IBM",
            "U.S.",
            "Boutros-Ghali",
            "1996",
            "a",
            "McCague",
            "x2Y",
            "AT&T",
            "Zürich",
            "ÉLAN",
            "",
        ] {
            assert_eq!(
                shape_hash(word, &mut buffer),
                hash_str(&shape(word)),
                "{word:?}"
            );
        }
    }

    #[test]
    fn distances_count_to_the_nearest_candidate_up_to_three() {
        let candidate = [
            false, false, false, false, true, false, false, true, false, false, false, false,
        ];
        assert_eq!(
            distances_to_candidates(&candidate),
            vec![3, 3, 2, 1, 0, 1, 1, 0, 1, 2, 3, 3]
        );
        assert_eq!(distances_to_candidates(&[false, false]), vec![3, 3]);
        assert!(distances_to_candidates(&[]).is_empty());
    }

    #[test]
    fn each_word_is_lowercased_once_where_it_can_be_found_again() {
        let mut lowercase = LowercaseWords::with_capacity(3);
        assert_eq!(lowercase.add(0, "Reagan"), "reagan");
        assert_eq!(lowercase.add(2, "ÉLAN"), "élan");
        assert_eq!(lowercase.of(0), "reagan");
        assert_eq!(lowercase.of(1), "", "never added");
        assert_eq!(lowercase.of(2), "élan");
    }

    #[test]
    fn connectors_are_candidates_only_inside_names() {
        let text = analyse("The Bank of England said rates of interest rose.");
        let marked: Vec<bool> = candidates(&text.tokens);
        let words: Vec<&str> = text.tokens.iter().map(|t| t.text).collect();
        assert_eq!(words[2], "of");
        assert!(marked[2], "of in Bank of England");
        assert!(!marked[6], "of in rates of interest");
        assert!(!marked[4], "a lowercase verb");
    }

    #[test]
    fn the_article_tells_common_words_from_names() {
        let body = analyse("Shares rose. Analysts said shares of Wells rose. Wells said so.");
        let words = ArticleWords::of(&[&body]);
        assert!(words.lowercase.contains(&hash_str("shares")));
        assert!(words.capitalised.contains(&hash_str("wells")));
        assert!(!words.capitalised.contains(&hash_str("analysts")));
    }

    #[test]
    fn run_positions_are_capped_and_read_nearby_words_only() {
        let text = analyse("He met Ann Bo Cy Dee Eve on Monday.");
        let tokens = &text.tokens;
        assert_eq!(
            run_position(tokens, 2),
            4 << 4,
            "a run of five counts as four"
        );
        assert_eq!(
            run_position(tokens, 6),
            4 << 4 | 3,
            "the fifth word is past the third"
        );
        assert_eq!(run_position(tokens, 0), 1 << 4, "`He` alone");
        let long = "A ".repeat(100_000);
        let many = analyse(&long);
        assert_eq!(run_position(&many.tokens, 50_000), 4 << 4 | 3);
    }

    #[test]
    fn a_sentence_start_hides_the_previous_word() {
        let text = analyse("He left. Smith came.");
        let article = ArticleWords::of(&[&text]);
        let sentence = Sentence::new(&text, Zone::Body, &article);
        assert_eq!(sentence.neighbour(&text.tokens, 2, -1), BOUNDARY);
        assert_eq!(sentence.neighbour(&text.tokens, 2, 1), hash_str("came"));
        assert!(!sentence.static_features(2).is_empty());
        assert!(
            sentence.static_features(1).is_empty(),
            "`left` is no candidate"
        );
    }
}
