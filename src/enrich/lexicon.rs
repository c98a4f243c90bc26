//! Common English words (`data/common_words.txt`, from SCOWL; see its
//! header and `data/ATTRIBUTION.md`): the words an English text writes in
//! lowercase, so that a capitalised one alone is a common word at the
//! start of a sentence or in a title (`Meanwhile`, `Budget`, `Collapse`),
//! not a name the recognizer has never seen. Words that are names too
//! (`Mark`, `Bill`, `Brown`) are not in the list.

use std::sync::OnceLock;

use super::gazetteer::with_ascii_lowercase;

const COMMON_WORDS: &str = include_str!("data/common_words.txt");

/// The list's lines after its header: words in byte order, each ended by
/// a newline, searched in place (splitting 39,000 lines into a list cost
/// more than all the lookups of an extraction of 2,000 articles).
fn words() -> &'static [u8] {
    static WORDS: OnceLock<&'static [u8]> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut body = COMMON_WORDS;
        while body.starts_with('#') {
            body = body.split_once('\n').map_or("", |(_, rest)| rest);
        }
        body.as_bytes()
    })
}

/// Whether sorted newline-ended lines hold a line: a binary search over
/// byte offsets, each probe widened to the whole line it falls in.
fn holds(lines: &[u8], wanted: &[u8]) -> bool {
    // `low` and `high` always stand at the start of a line (or the end).
    let (mut low, mut high) = (0, lines.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = lines[low..middle]
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(low, |newline| low + newline + 1);
        let end = lines[start..high]
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(high, |newline| start + newline);
        match lines[start..end].cmp(wanted) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = (end + 1).min(high),
            std::cmp::Ordering::Greater => high = start,
        }
    }
    false
}

/// Whether a word, in any case, is a common English word (`Meanwhile`,
/// `BUDGET`), not one that names too (`Mark`) nor one the list lacks.
pub fn is_common_word(word: &str) -> bool {
    // A word too long, not ASCII or of several words is in no line.
    with_ascii_lowercase(word, |lower| holds(words(), lower.as_bytes())).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_known_in_any_case_and_names_are_not() {
        for word in ["Meanwhile", "budget", "COLLAPSE", "Championship", "Budgets"] {
            assert!(is_common_word(word), "{word}");
        }
        for word in [
            "Mark", "Bill", "Brown", "London", "Xbox", "of", "Zürich", "",
        ] {
            assert!(!is_common_word(word), "{word}");
        }
    }

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        let words: Vec<&[u8]> = words().split(|&byte| byte == b'\n').collect();
        assert!(words.len() > 30_000);
        assert_eq!(
            words.last(),
            Some(&&b""[..]),
            "the last line ends in a newline"
        );
        let words = &words[..words.len() - 1];
        assert!(words.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(words.iter().all(|word| holds(super::words(), word)));
    }

    #[test]
    fn lines_are_found_at_either_end_and_between() {
        let lines = b"apple\nbanana\ncherry\n";
        for word in ["apple", "banana", "cherry"] {
            assert!(holds(lines, word.as_bytes()), "{word}");
        }
        for word in ["", "aardvark", "apples", "bananas", "date", "banan"] {
            assert!(!holds(lines, word.as_bytes()), "{word}");
        }
        assert!(!holds(b"", b"apple"));
    }
}
