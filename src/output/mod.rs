//! Output: writes results to a stream the caller gives, as JSON
//! ([`json`], the documented contracts), CSV ([`csv`]) or human tables
//! (the hits of a query in [`hits`], the rest in [`table`]), a stored
//! article as text ([`article`]) and a page of hits as an Atom feed
//! ([`atom`]). Nothing here decides where output goes
//! or whether it is a terminal.

pub mod article;
pub mod atom;
pub mod csv;
pub mod explain;
pub mod hits;
pub mod json;
pub mod pairs;
pub mod table;

/// Writes a count with its noun, plural when the count is not one (`1 hit`,
/// `0 hits`, `2 hits`).
pub fn count_of(count: u64, noun: &str) -> String {
    count_with_words(count, noun, &format!("{noun}s"))
}

/// Writes a count with the singular or the plural words that follow it
/// (`1 story`, `2 stories`).
pub fn count_with_words(count: u64, singular: &str, plural: &str) -> String {
    if count == 1 {
        format!("1 {singular}")
    } else {
        format!("{count} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_thing_is_singular_and_every_other_count_plural() {
        assert_eq!(count_of(1, "hit"), "1 hit");
        assert_eq!(count_of(0, "hit"), "0 hits");
        assert_eq!(count_of(2, "segment"), "2 segments");
        assert_eq!(count_with_words(1, "story", "stories"), "1 story");
        assert_eq!(count_with_words(3, "story", "stories"), "3 stories");
    }
}
