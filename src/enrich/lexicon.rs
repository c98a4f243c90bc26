//! Common English words (`data/common_words.txt`, from SCOWL; see its
//! header and `data/ATTRIBUTION.md`): the words an English text writes in
//! lowercase, so that a capitalised one alone is a common word at the
//! start of a sentence or in a title (`Meanwhile`, `Budget`, `Collapse`),
//! not a name the recognizer has never seen. Words that are names too
//! (`Mark`, `Bill`, `Brown`) are not in the list.

use std::sync::OnceLock;

const COMMON_WORDS: &str = include_str!("data/common_words.txt");

/// The longest word looked up: longer words are no common words.
const LONGEST: usize = 32;

/// The list's words, in byte order, read once per process.
fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        COMMON_WORDS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .collect()
    })
}

/// Whether a word, in any case, is a common English word (`Meanwhile`,
/// `BUDGET`), not one that names too (`Mark`) nor one the list lacks.
pub fn is_common_word(word: &str) -> bool {
    if !word.is_ascii() || word.len() > LONGEST || word.len() < 3 {
        return false;
    }
    let mut buffer = [0u8; LONGEST];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    words()
        .binary_search_by(|probe| probe.as_bytes().cmp(lower))
        .is_ok()
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
        let words = words();
        assert!(words.len() > 30_000);
        assert!(words.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
