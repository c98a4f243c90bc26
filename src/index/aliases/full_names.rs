//! Full names written two ways, before surnames are counted: values that
//! are the same once dots, case and accents are set aside (`George W.
//! Bush`, `George W Bush`) are one person, counted under the value most
//! articles write; and a full name without the middle initials another
//! writes (`George Bush`) is that one (`George W Bush`) where it clearly
//! dominates nearby in time and is written at least as often.
//!
//! The time window matters for the second rule: `George Bush` in articles
//! of 1988 is the father, whom no article of those years names `George W
//! Bush`.

use rustc_hash::FxHashMap as HashMap;

use super::Alias;
use super::surnames::{PerYear, dominant_name, window_count, year_aliases};
use crate::kinds::Kind;
use crate::schema::fold_for_matching;

/// The merges of full names, each an alias of its value to the name it
/// counts under (never a chain): a value written like a bare name that
/// stands for a fuller one in some years stands for the fuller one in
/// those years itself (`GEORGE BUSH`, written like `George Bush`), and
/// for the bare name in the others.
pub fn merges(per_value: &HashMap<String, PerYear>) -> Vec<Alias> {
    let alike = written_alike(per_value);
    let folded = fold(per_value, &alike);
    let fuller = without_initials(&folded);
    let mut aliases = Vec::with_capacity(alike.len() + fuller.len());
    for alias in &alike {
        let standing = fuller.iter().filter(|bare| bare.alias == alias.name);
        aliases.extend(standing.map(|bare| Alias {
            alias: alias.alias.clone(),
            ..bare.clone()
        }));
    }
    aliases.extend(alike);
    aliases.extend(fuller);
    aliases
}

/// The per-year article counts with each alias's counts moved to its name,
/// in the years it covers.
pub fn fold(per_value: &HashMap<String, PerYear>, aliases: &[Alias]) -> HashMap<String, PerYear> {
    let mut by_value: HashMap<&str, Vec<&Alias>> = HashMap::default();
    for alias in aliases {
        by_value.entry(&alias.alias).or_default().push(alias);
    }
    let mut folded: HashMap<String, PerYear> = HashMap::default();
    for (value, years) in per_value {
        for (&year, &count) in years {
            let name = by_value
                .get(value.as_str())
                .and_then(|aliases| aliases.iter().find(|alias| alias.covers(year)))
                .map_or(value.as_str(), |alias| alias.name.as_str());
            *folded
                .entry(name.to_string())
                .or_default()
                .entry(year)
                .or_default() += count;
        }
    }
    folded
}

/// The names of two words or more written alike but for dots, case and
/// accents, each counted under the one most articles write, a value in
/// capitals counting half (a tie goes to the one with fewer capitals,
/// then to the first in order).
fn written_alike(per_value: &HashMap<String, PerYear>) -> Vec<Alias> {
    let mut groups: HashMap<String, Vec<(&str, u32)>> = HashMap::default();
    for (value, years) in per_value {
        if value.contains(' ') {
            let articles: u32 = years.values().sum();
            let shouted = !value.chars().any(char::is_lowercase);
            let weight = if shouted { articles } else { 2 * articles };
            groups.entry(key(value)).or_default().push((value, weight));
        }
    }
    let capitals = |value: &str| value.chars().filter(|c| c.is_uppercase()).count();
    let mut aliases = Vec::new();
    for mut group in groups.into_values().filter(|group| group.len() > 1) {
        group.sort_by(|(one, one_weight), (other, other_weight)| {
            other_weight
                .cmp(one_weight)
                .then_with(|| capitals(one).cmp(&capitals(other)))
                .then_with(|| one.cmp(other))
        });
        let name = group[0].0;
        for (value, _) in &group[1..] {
            aliases.push(Alias::always(
                Kind::Person,
                value,
                name,
                super::AliasOrigin::Learned,
            ));
        }
    }
    aliases.sort_by(|one, other| one.alias.cmp(&other.alias));
    aliases
}

/// A full name as [`written_alike`] compares it: folded, without dots,
/// its words joined by single spaces.
fn key(name: &str) -> String {
    fold_for_matching(&name.replace('.', " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each full name that another writes with middle initials too (`George
/// Bush`, `George W Bush`), in the years where one such name dominates
/// the window as a surname's full name must (see [`dominant_name`]) and is
/// written in at least as many of its articles.
fn without_initials(per_value: &HashMap<String, PerYear>) -> Vec<Alias> {
    let mut with_initials: HashMap<String, Vec<&str>> = HashMap::default();
    for value in per_value.keys() {
        let bare = bare_of_initials(value);
        if bare.split(' ').count() >= 2 && bare != *value && per_value.contains_key(&bare) {
            with_initials.entry(bare).or_default().push(value);
        }
    }
    let mut bare_names: Vec<&String> = with_initials.keys().collect();
    bare_names.sort();
    let mut aliases = Vec::new();
    for bare in bare_names {
        let fuller = &with_initials[bare];
        aliases.extend(year_aliases(bare, &per_value[bare], |year| {
            let name = dominant_name(per_value, fuller, year)?;
            let as_often = window_count(&per_value[name], year)
                >= window_count(&per_value[bare.as_str()], year);
            as_often.then_some(name)
        }));
    }
    aliases
}

/// A name without its middle initials (`George W. Bush` → `George Bush`):
/// its words of one letter, with or without a dot, left out but for the
/// first and the last.
fn bare_of_initials(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(at, word)| {
            let initial = word.trim_end_matches('.').chars().count() == 1;
            at == 0 || at == last || !initial
        })
        .map(|(_, word)| *word)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::surnames::tests::counts;
    use super::*;

    /// The merges, each written `alias → name`, with the years it covers
    /// when not all.
    fn merged(rows: &[(&str, i32, u32)]) -> Vec<String> {
        merges(&counts(rows))
            .into_iter()
            .map(|alias| {
                let years = match () {
                    _ if alias.undated => " (undated)".to_string(),
                    _ if alias.is_always() => String::new(),
                    _ => format!(" ({}-{})", alias.first_year, alias.last_year),
                };
                format!("{} → {}{years}", alias.alias, alias.name)
            })
            .collect()
    }

    #[test]
    fn full_names_written_alike_count_under_the_most_written() {
        assert_eq!(
            merged(&[
                ("George W Bush", 0, 25),
                ("George W. Bush", 0, 1),
                ("GEORGE W. BUSH", 2004, 2),
                ("Kate Bush", 0, 2),
            ]),
            [
                "GEORGE W. BUSH → George W Bush",
                "George W. Bush → George W Bush"
            ]
        );
        assert_eq!(
            merged(&[("JOHN MAJOR", 0, 3), ("John Major", 0, 2)]),
            ["JOHN MAJOR → John Major"],
            "a value in capitals counts half"
        );
        assert_eq!(
            merged(&[("WIlliam Dickey", 0, 1), ("William Dickey", 0, 1)]),
            ["WIlliam Dickey → William Dickey"],
            "a tie goes to fewer capitals"
        );
        assert_eq!(
            merged(&[("Reagan", 1987, 5), ("REAGAN", 1987, 9)]),
            Vec::<String>::new(),
            "one word is a surname, for the surname rule"
        );
    }

    #[test]
    fn a_name_without_its_middle_initial_is_the_one_with_it_where_that_dominates() {
        assert_eq!(
            merged(&[
                ("George W Bush", 0, 25),
                ("George W. Bush", 0, 1),
                ("George Bush", 0, 5),
            ]),
            [
                "George W. Bush → George W Bush",
                "George Bush → George W Bush (undated)"
            ],
            "the dotted form counts with the other"
        );
        assert_eq!(
            merged(&[
                ("George Bush", 1987, 200),
                ("George Bush", 2002, 4),
                ("George W Bush", 2002, 30),
                ("George W Bush", 2003, 40),
            ]),
            ["George Bush → George W Bush (2002-2002)"],
            "not in 1987, when no article names him so"
        );
        assert_eq!(
            merged(&[
                ("GEORGE BUSH", 1987, 2),
                ("George Bush", 1987, 200),
                ("George Bush", 2002, 4),
                ("George W Bush", 2002, 30),
            ]),
            [
                "GEORGE BUSH → George W Bush (2002-2002)",
                "GEORGE BUSH → George Bush",
                "George Bush → George W Bush (2002-2002)"
            ],
            "a value written like the bare name follows it in its years"
        );
        let table = super::super::Aliases::new(merges(&counts(&[
            ("GEORGE BUSH", 1987, 2),
            ("GEORGE BUSH", 2002, 1),
            ("George Bush", 1987, 200),
            ("George Bush", 2002, 4),
            ("George W Bush", 2002, 30),
        ])));
        let resolve = |year| table.resolve(Kind::Person, "GEORGE BUSH", Some(year));
        assert_eq!(resolve(1987), Some("George Bush"));
        assert_eq!(resolve(2002), Some("George W Bush"));
        assert_eq!(
            merged(&[
                ("George Bush", 1999, 1),
                ("George Bush", 2000, 10),
                ("George Bush", 2001, 1),
                ("George W Bush", 1998, 20),
                ("George W Bush", 2002, 20),
            ]),
            [
                "George Bush → George W Bush (1999-1999)",
                "George Bush → George W Bush (2001-2001)"
            ],
            "2000, whose window names no George W Bush, ends the run"
        );
        assert_eq!(
            merged(&[("George Bush", 2002, 40), ("George W Bush", 2002, 30)]),
            Vec::<String>::new(),
            "the bare name written more often stays as it is"
        );
        assert_eq!(
            merged(&[
                ("John Smith", 2002, 3),
                ("John A Smith", 2002, 10),
                ("John B Smith", 2002, 9),
            ]),
            Vec::<String>::new(),
            "two people with middle initials share the bare name"
        );
    }
}
