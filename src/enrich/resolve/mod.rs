//! The resolvers: named steps that run, in one visible order, over an
//! article's [`Mentions`] and decide which become values, of what kind and
//! under which name. Each step sits in a file of its own with its tests;
//! each drop or change it makes is logged on the mention, with the step's
//! name, for `extract --explain`.
//!
//! The order, for English articles ([`resolve_english`]):
//!
//! 1. `headline persons` ([`kinds`]): a person the tagger reads in the
//!    headline must be one in the body too;
//! 2. `one kind` ([`kinds`]): a place word or a rule's name that the tagger
//!    reads, whole, as another kind is that kind; a rule's name that runs on
//!    past the tagger's is cut;
//! 3. `capitals and tables` ([`lines`]): a name read from a line in
//!    capitals or a row of a table needs a list to vouch for it;
//! 4. `countries` ([`super::countries`]): the place words decide the
//!    countries, and a city or a state becomes a location;
//! 5. `surnames` ([`persons`]): a lone surname is the full name that holds
//!    it; a name that heads a firm is the firm;
//! 6. `not a person` ([`persons`]): a lone given name, a common word or a
//!    shouted word;
//! 7. `fullest form` ([`fullest`]): each person once, under its fullest
//!    form and best case;
//! 8. `countries are codes` ([`kinds`]): a location that names a country
//!    is counted by its code;
//! 9. `acronyms` ([`acronyms`]): an acronym the article defines is its name;
//! 10. `one case` ([`fullest`]): each organization and location once, in its
//!     best case;
//! 11. `unplaced` ([`fullest`]): an organization named again with its place
//!     is that one;
//! 12. `named otherwise` ([`kinds`]): an organization that is part of a
//!     person's name or a geographic feature.
//!
//! Other languages ([`resolve_other`]) keep only the place words with one
//! meaning, and their countries.

pub mod acronyms;
pub mod fullest;
pub mod kinds;
pub mod lines;
pub mod persons;

use super::countries::{self, Countries};
use super::mentions::{MentionKind, Mentions};
use super::tagger::features::ArticleWords;
use super::tokens::Tokenized;

/// What the resolvers read of the article besides its mentions.
#[derive(Debug, Clone, Copy)]
pub struct ArticleText<'a> {
    /// The headline as written.
    pub title_text: &'a str,
    /// The body as written.
    pub body_text: &'a str,
    /// The body, tokenized.
    pub body: &'a Tokenized<'a>,
    /// What the article's own text says of its words.
    pub words: &'a ArticleWords,
}

/// What a list resolver decides of a value it does not keep as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The value is no name of its kind, for the reason given.
    Drop(&'static str),
    /// The value is another value, for the reason given.
    Into(String, &'static str),
}

/// Applies a list resolver's verdicts to the mentions of a kind.
pub fn apply(
    mentions: &mut Mentions,
    kind: MentionKind,
    verdicts: &[(String, Verdict)],
    resolver: &'static str,
) {
    for (value, verdict) in verdicts {
        match final_verdict(verdicts, verdict) {
            Verdict::Drop(why) => mentions.drop_value(kind, value, resolver, why),
            Verdict::Into(into, why) => {
                mentions.rename_value(kind, value, (kind, &into), resolver, why)
            }
        }
    }
}

/// Follows a value renamed into one the same resolver renames again
/// (`Yoon` into `Yoon Suk`, `Yoon Suk` into `Yoon Suk Yeol`) to the end of
/// the chain, keeping the first reason.
fn final_verdict(verdicts: &[(String, Verdict)], verdict: &Verdict) -> Verdict {
    let mut current = verdict.clone();
    for _ in 0..verdicts.len() {
        let Verdict::Into(into, why) = &current else {
            break;
        };
        let next = verdicts.iter().find(|(value, _)| value == into);
        match next {
            Some((_, Verdict::Into(further, _))) if further != into => {
                current = Verdict::Into(further.clone(), why);
            }
            Some((_, Verdict::Drop(dropped))) => current = Verdict::Drop(dropped),
            _ => break,
        }
    }
    current
}

/// Applies verdicts to a list of values as [`apply`] does to mentions: a
/// dropped value goes, a renamed one takes the other's place unless that
/// value is there already. For the tests of the list resolvers.
#[cfg(test)]
pub fn apply_to_list(values: &mut Vec<String>, verdicts: &[(String, Verdict)]) {
    for (value, verdict) in verdicts {
        let Some(position) = values.iter().position(|other| other == value) else {
            continue;
        };
        match verdict {
            Verdict::Drop(_) => {
                values.remove(position);
            }
            Verdict::Into(into, _) if values.contains(into) => {
                values.remove(position);
            }
            Verdict::Into(into, _) => values[position] = into.clone(),
        }
    }
}

/// Resolves the mentions of an English article; returns its countries.
pub fn resolve_english(mentions: &mut Mentions, article: ArticleText) -> Countries {
    mentions.sort_by_position();
    kinds::confirm_headline_persons(mentions, article);
    kinds::keep_one_kind(mentions);
    lines::drop_names_of_caseless_lines(mentions, article);
    let decided = countries::resolve_places(mentions);
    persons::resolve_surnames(mentions, article);
    persons::drop_non_persons(mentions, article);
    fullest::keep_fullest_persons(mentions);
    kinds::count_countries_by_code(mentions);
    acronyms::resolve_defined_acronyms(mentions, article);
    fullest::keep_one_case(mentions);
    fullest::drop_unplaced_organizations(mentions);
    kinds::drop_organizations_named_otherwise(mentions);
    decided
}

/// Resolves the mentions of an article in another language, which only
/// the place words with one meaning are read of (`Berlin`; `Moskau` is no
/// English place word and is not read); returns its countries.
pub fn resolve_other(mentions: &mut Mentions) -> Countries {
    mentions.sort_by_position();
    mentions.drop_where(
        "other language",
        "a place word with several meanings, in a language the rules do not read",
        |mention| mention.kind == MentionKind::Place && mention.meanings.len() != 1,
    );
    mentions.drop_where(
        "other language",
        "the rules read names only in English",
        |mention| mention.kind != MentionKind::Place,
    );
    countries::resolve_places(mentions)
}
