//! The similarity fingerprint of a body, which finds its near copies: the
//! MinHash (Broder, 1997) of its overlapping three-word shingles, cut into
//! bands for locality-sensitive hashing (Leskovec, Rajaraman and Ullman,
//! *Mining of Massive Datasets*, chapter 3).
//!
//! Each of [`HASHES`] hash functions keeps its smallest value over the
//! body's shingles. Two bodies agree on one such minimum with a probability
//! equal to the Jaccard similarity of their shingle sets, so a wire story
//! and its copy with a changed headline, a corrected figure or a dropped
//! paragraph agree on most of them, and unrelated bodies on almost none.
//! Pairs of minima are hashed into [`BANDS`] band values of 15 bits, each
//! tagged with its band number (`band << 16 | hash`): two articles that
//! share a band value are candidates, and [`shared_bands`] tells how alike
//! they are. Sharing a band happens with probability `J²` for Jaccard
//! similarity `J`, so a body and a copy that keeps half of its shingles
//! share about 4 of the 16 bands, one that keeps 70 % about 8, and
//! unrelated bodies none (15-bit collisions aside: 1 in 2,048 pairs share
//! one band by chance). The index keeps the 16 values packed four to a
//! number ([`Bands::to_stored`]).
//!
//! The shingles hashed are those holding a name or a figure (a word that
//! is capitalised or has a digit), when a body has at least
//! [`MIN_CARRYING_SHINGLES`] of them, and all its shingles otherwise. Two
//! stories written from one template (a contract awarded, a dividend
//! declared) share their stock phrases but not the company or the amount;
//! a copy of a story keeps its names and figures. Words are compared
//! lowercased, letters and digits only, so punctuation, quotes and spacing
//! do not count; a copy set wholly in capitals, where every word looks like
//! a name, is compared on all its shingles and may not be found. A body of fewer than [`MIN_WORDS`]
//! words has too few shingles to compare and gets no bands: it is never
//! taken for a copy.

use crate::bands::{BAND_HASH_BITS, BANDS, Bands};

/// The fewest words a body needs for a fingerprint.
pub const MIN_WORDS: usize = 12;

/// The fewest words of a body that tell what it is about without its
/// headline: shorter bodies (a dividend notice, a price line) are often
/// the same words about another company, which only the headline names.
pub const SHORT_BODY_WORDS: usize = 40;

/// How many minima each band hashes together.
const ROWS: usize = 2;

/// How many hash functions the MinHash takes the minimum of.
const HASHES: usize = BANDS * ROWS;

/// How many words a shingle holds.
const SHINGLE_WORDS: usize = 3;

/// The fewest shingles holding a name or a figure for a body to be
/// fingerprinted by those alone.
const MIN_CARRYING_SHINGLES: usize = 8;

/// Returns the band values of an article: of its body, led by its
/// headline when the body has fewer than [`SHORT_BODY_WORDS`] words; `None`
/// when even that has fewer than [`MIN_WORDS`] words.
pub fn article_bands(title: &str, body: &str) -> Option<Bands> {
    let mut words = words_of(body);
    if words.len() < SHORT_BODY_WORDS {
        let mut headed = Vec::with_capacity(title.len() / 4 + words.len() + 1);
        push_words(title, &mut headed);
        headed.append(&mut words);
        words = headed;
    }
    (words.len() >= MIN_WORDS).then(|| bands_of(&words))
}

/// Returns the band values of a run of words: of its shingles that hold a
/// name or a figure when there are enough of them, of all otherwise.
fn bands_of(words: &[Word]) -> Bands {
    // One pass over the shingles: those holding a name or a figure are
    // put at the front, the others at the back.
    let count = words.len().saturating_sub(SHINGLE_WORDS - 1);
    let mut shingles = vec![0u64; count];
    let (mut front, mut back) = (0, count);
    for three in words.windows(SHINGLE_WORDS) {
        let hash = shingle_hash(three);
        if carries_names(three) {
            shingles[front] = hash;
            front += 1;
        } else {
            back -= 1;
            shingles[back] = hash;
        }
    }
    let hashes = match front >= MIN_CARRYING_SHINGLES {
        true => &shingles[..front],
        false => &shingles[..],
    };
    let mut minima = [u64::MAX; HASHES];
    // A block of hash functions at a time over all the shingles, so that
    // the block's minima stay in registers: a third fewer instructions
    // than all the functions for one shingle at a time.
    for (block_minima, multipliers) in minima
        .chunks_exact_mut(MINIMA_BLOCK)
        .zip(MULTIPLIERS.chunks_exact(MINIMA_BLOCK))
    {
        let mut block = [u64::MAX; MINIMA_BLOCK];
        for &hash in hashes {
            for (minimum, &multiplier) in block.iter_mut().zip(multipliers) {
                *minimum = (*minimum).min(hash.wrapping_mul(multiplier));
            }
        }
        block_minima.copy_from_slice(&block);
    }
    let mut bands = [0u32; BANDS];
    for (band, rows) in minima.chunks_exact(ROWS).enumerate() {
        let hash = mix(rows[0] ^ rows[1].rotate_left(32));
        bands[band] = ((band as u32) << 16) | (hash >> (64 - BAND_HASH_BITS)) as u32;
    }
    Bands(bands)
}

/// How many hash functions [`bands_of`] takes the minima of in one pass
/// over the shingles: as many minima as fit in registers beside the loop.
const MINIMA_BLOCK: usize = 8;

/// The odd multipliers that make the [`HASHES`] hash functions from one
/// mixed shingle hash: multiplying by an odd number permutes the 64-bit
/// values, and each permutation orders the shingles differently.
const MULTIPLIERS: [u64; HASHES] = {
    let mut multipliers = [0u64; HASHES];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut index = 0;
    while index < HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        multipliers[index] = mix(state) | 1;
        index += 1;
    }
    multipliers
};

/// Tells whether a shingle (three words in a row) holds a name or a
/// figure.
fn carries_names(three: &[Word]) -> bool {
    three[0].is_name_or_figure | three[1].is_name_or_figure | three[2].is_name_or_figure
}

/// Returns the hash of a shingle, three words in a row.
fn shingle_hash(three: &[Word]) -> u64 {
    mix(three[0].hash ^ three[1].hash.rotate_left(21) ^ three[2].hash.rotate_left(42))
}

/// Returns how many band values two fingerprints share.
pub fn shared_bands(one: &Bands, other: &Bands) -> usize {
    one.0
        .iter()
        .zip(other.0.iter())
        .filter(|(one, other)| one == other)
        .count()
}

/// A word of a text: its hash, and whether it is capitalised or holds a
/// digit.
#[derive(Debug, Clone, Copy, Default)]
struct Word {
    hash: u64,
    is_name_or_figure: bool,
}

impl Word {
    /// A word before its first character.
    const EMPTY: Word = Word {
        hash: FNV_OFFSET,
        is_name_or_figure: false,
    };
}

/// Returns each word of a text (each maximal run of letters and digits),
/// hashed lowercased with FNV-1a.
fn words_of(text: &str) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 4 + 1);
    push_words(text, &mut words);
    words
}

/// Adds each word of a text to `words`, as [`words_of`] returns them.
/// ASCII bytes, most of any news text, are classed by a table, and a run
/// of ASCII letters and digits is hashed in a loop of its own; other
/// characters are decoded.
fn push_words(text: &str, words: &mut Vec<Word>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut word = Word::EMPTY;
    let mut in_word = false;
    while let Some(&byte) = bytes.get(at) {
        if !byte.is_ascii() {
            let c = text[at..].chars().next().unwrap_or(' ');
            at += c.len_utf8();
            match class_of(c) {
                Class::Other => end_word(words, &mut word, &mut in_word),
                class => {
                    word.is_name_or_figure |=
                        class == Class::Digit || (class == Class::Upper && !in_word);
                    in_word = true;
                    word.hash = c.to_lowercase().fold(word.hash, fnv);
                }
            }
            continue;
        }
        let flags = ASCII_FLAGS[usize::from(byte)];
        at += 1;
        if flags == 0 {
            end_word(words, &mut word, &mut in_word);
            continue;
        }
        word.is_name_or_figure |= flags & DIGIT != 0 || (flags & UPPER != 0 && !in_word);
        in_word = true;
        // `| 0x20` lowercases an ASCII letter and keeps a digit.
        let mut hash = fnv_byte(word.hash, byte | 0x20);
        let mut seen = flags;
        // The rest of the run of ASCII letters and digits; a byte that is
        // not ASCII has no flags and goes back to the loop above.
        while let Some(&next) = bytes.get(at) {
            let next_flags = ASCII_FLAGS[usize::from(next)];
            if next_flags == 0 {
                break;
            }
            seen |= next_flags;
            hash = fnv_byte(hash, next | 0x20);
            at += 1;
        }
        word.hash = hash;
        word.is_name_or_figure |= seen & DIGIT != 0;
    }
    if in_word {
        words.push(word);
    }
}

/// Ends the word in progress, if there is one.
#[inline(always)]
fn end_word(words: &mut Vec<Word>, word: &mut Word, in_word: &mut bool) {
    if *in_word {
        words.push(*word);
        *word = Word::EMPTY;
        *in_word = false;
    }
}

/// What a character is to [`push_words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
    Other,
}

/// The class of any character.
fn class_of(c: char) -> Class {
    if c.is_numeric() {
        Class::Digit
    } else if c.is_uppercase() {
        Class::Upper
    } else if c.is_alphanumeric() {
        Class::Lower
    } else {
        Class::Other
    }
}

/// In [`ASCII_FLAGS`]: the byte is a letter or a digit.
const WORD_BYTE: u8 = 1;
/// In [`ASCII_FLAGS`]: the byte is a digit.
const DIGIT: u8 = 2;
/// In [`ASCII_FLAGS`]: the byte is a capital letter.
const UPPER: u8 = 4;

/// The flags of each byte: none for what is not an ASCII letter or digit
/// (a byte of a character that is not ASCII included).
const ASCII_FLAGS: [u8; 256] = {
    let mut flags = [0u8; 256];
    let mut byte = 0;
    while byte < 128 {
        flags[byte] = match byte as u8 {
            b'A'..=b'Z' => WORD_BYTE | UPPER,
            b'a'..=b'z' => WORD_BYTE,
            b'0'..=b'9' => WORD_BYTE | DIGIT,
            _ => 0,
        };
        byte += 1;
    }
    flags
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Adds a character to an FNV-1a hash.
fn fnv(hash: u64, c: char) -> u64 {
    (hash ^ u64::from(u32::from(c))).wrapping_mul(FNV_PRIME)
}

/// Adds an ASCII character to an FNV-1a hash, as [`fnv`] does.
#[inline(always)]
fn fnv_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Spreads the bits of a hash (splitmix64's finalizer), so that every bit
/// is a fair coin.
const fn mix(mut value: u64) -> u64 {
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bands of a body under a headline that adds nothing.
    fn bands(body: &str) -> Option<Bands> {
        article_bands("", body)
    }

    const STORY: &str = "The central bank raised its main interest rate by a quarter \
        point on Tuesday, the third increase this year, saying inflation had \
        stayed above its target for longer than expected. Economists had \
        expected the move after figures last week showed consumer prices \
        rising at an annual rate of 4.1 percent in September, the highest \
        in eleven years, while wages grew by less than three percent.";

    fn shared(one: &str, other: &str) -> usize {
        shared_bands(&bands(one).unwrap(), &bands(other).unwrap())
    }

    #[test]
    fn copies_differing_in_punctuation_and_spacing_share_every_band() {
        let retyped = STORY.replace(',', " ;").replace(". ", ".\n\n");
        assert_eq!(shared(STORY, &retyped), BANDS);
    }

    #[test]
    fn a_copy_with_a_changed_figure_shares_most_bands() {
        let corrected = STORY.replace("4.1 percent", "4.3 percent");
        let shared = shared(STORY, &corrected);
        assert!((10..BANDS).contains(&shared), "{shared}");
    }

    #[test]
    fn a_copy_with_a_sentence_more_shares_most_bands() {
        let longer = format!("{STORY} The bank meets again in December.");
        let shared = shared(STORY, &longer);
        assert!(shared >= 9, "{shared}");
    }

    #[test]
    fn stories_from_one_template_share_few_bands() {
        let template = |company: &str, amount: &str| {
            format!(
                "{company} is being awarded a {amount} mln dlr contract for jet fuel, \
                 the agency said. It said work on the contract, which was awarded as \
                 part of a procurement program, is expected to be completed by the \
                 end of the year, and that the company was one of several bidders."
            )
        };
        let shared = shared(
            &template("Chevron USA Inc", "50.3"),
            &template("Texaco Refining", "84.1"),
        );
        assert!(shared < MIN_SHARED_WITH_TEMPLATE, "{shared}");
    }

    /// Fewer bands than [`crate::stories::MIN_SHARED_BANDS`].
    const MIN_SHARED_WITH_TEMPLATE: usize = 6;

    #[test]
    fn unrelated_bodies_share_no_band() {
        let other = "Heavy rain flooded the lower town overnight and the river \
            rose above its banks at the old bridge, where firefighters moved \
            forty families to the school hall before dawn on Sunday morning.";
        assert_eq!(shared(STORY, other), 0);
    }

    #[test]
    fn band_values_are_pinned() {
        // Stories and duplicates in every index were grouped by these
        // values: a change of the hashing changes them all.
        let Bands(values) = bands(STORY).unwrap();
        let pinned = [
            23307, 84329, 146883, 214139, 267445, 347438, 407581, 473852, 549907, 592220, 657914,
            752925, 808136, 878681, 918064, 997257,
        ];
        assert_eq!(values, pinned);
    }

    #[test]
    fn band_values_carry_their_band_number() {
        let Bands(values) = bands(STORY).unwrap();
        for (band, value) in values.iter().enumerate() {
            assert_eq!(value >> 16, band as u32);
        }
    }

    #[test]
    fn short_bodies_are_told_apart_by_their_headlines() {
        let body = "Qtly div 30 cts vs 30 cts prior Pay April 30 Record April Three";
        let one = article_bands("ACME CORP <ACM> SETS PAYOUT", body).unwrap();
        let other = article_bands("GLOBEX INC <GBX> IN QUARTERLY PAYOUT", body).unwrap();
        let shared = shared_bands(&one, &other);
        assert!(shared < MIN_SHARED_WITH_TEMPLATE, "{shared}");
        assert_eq!(article_bands("Other headline", STORY), bands(STORY));
    }

    #[test]
    fn bands_survive_the_index_in_any_order() {
        let bands = bands(STORY).unwrap();
        let mut stored = bands.to_stored();
        stored.reverse();
        assert_eq!(Bands::from_stored(stored.into_iter()), Some(bands));
        assert_eq!(Bands::from_stored(stored[..3].iter().copied()), None);
        let twice = [stored[0], stored[0], stored[1], stored[2]];
        assert_eq!(Bands::from_stored(twice.into_iter()), None);
    }

    #[test]
    fn short_bodies_have_no_fingerprint() {
        assert_eq!(bands(""), None);
        assert_eq!(bands("Shares rose 3 pct in early trade."), None);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_lowercased() {
        let hashes = |text: &str| {
            words_of(text)
                .iter()
                .map(|word| word.hash)
                .collect::<Vec<_>>()
        };
        assert_eq!(hashes("“Über” 4.1, ÜBER"), hashes("über 4 1 über"));
        assert_eq!(hashes(" ,; "), Vec::<u64>::new());
    }
}
