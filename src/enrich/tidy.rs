//! Tidies the names of an article once the [`super::names`] tagger and the
//! rules of [`super::entities`] have both spoken: the rules' names join the
//! tagger's unless the tagger read them otherwise; each person and each
//! organization is kept once, under its fullest form (`Yoon` is `Yoon Suk
//! Yeol`, `IMF` defined as `the International Monetary Fund (IMF)` is the
//! fund); a common word, a shouted sign-off or a lone given name is no
//! person; and a place word read as a person or a team is no evidence of a
//! country.

use super::entities::{Found, push_unique};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::names::TaggedNames;
use super::tagger::features::{ArticleWords, NAME_PARTICLES};
use super::tokens::Tokenized;
use super::vocabulary::DATE_WORDS;

/// Joins the names the rules found for one label to the tagger's: the
/// tagger's first, then each of the rules' unless the tagger read it as
/// another kind of name, or the rules ran on past the tagger's name into a
/// lowercase word or a date (`Bill Clinton on`, `Jose Insulza Monday`).
pub fn join_rule_names(tagged: &[String], rules: &[String], others: &[&[String]]) -> Vec<String> {
    let mut joined = tagged.to_vec();
    for name in rules {
        let named_otherwise = others.iter().any(|list| list.contains(name));
        let overrun = tagged.iter().any(|shorter| runs_on_past(name, shorter));
        if !named_otherwise && !overrun {
            push_unique(&mut joined, name.clone());
        }
    }
    joined
}

/// Whether a name is a shorter one with a lowercase word (other than a
/// particle such as `bin` or `van`) or a date after it.
fn runs_on_past(name: &str, shorter: &str) -> bool {
    let Some(rest) = name.strip_prefix(shorter) else {
        return false;
    };
    rest.starts_with(' ')
        && rest.split_whitespace().any(|word| {
            let lowercase = word.starts_with(|c: char| c.is_lowercase());
            (lowercase && !NAME_PARTICLES.contains(&word)) || DATE_WORDS.contains(word)
        })
}

/// Keeps each name once under its fullest form in the article: a name
/// that begins or ends another of the same list, word for word, is that
/// name (`Defense Ministry` in `Russian Defense Ministry`, `Yoon` in `Yoon
/// Suk Yeol`, `Andres Manuel Lopez` in `Andres Manuel Lopez Obrador`).
pub fn keep_fullest(names: &mut Vec<String>) {
    let all = names.clone();
    let mut kept: Vec<String> = Vec::with_capacity(names.len());
    for name in all.iter() {
        let lower = name.to_lowercase();
        let part_of_longer = all.iter().any(|other| {
            let other = other.to_lowercase();
            other.len() > lower.len()
                && ((other.starts_with(&lower) && other[lower.len()..].starts_with(' '))
                    || (other.ends_with(&lower)
                        && other[..other.len() - lower.len()].ends_with(' ')))
        });
        let written_better = all.iter().any(|other| {
            other != name && other.to_lowercase() == lower && shouts(name) && !shouts(other)
        });
        let seen = kept.iter().any(|other| other.to_lowercase() == lower);
        if !part_of_longer && !written_better && !seen {
            kept.push(name.clone());
        }
    }
    *names = kept;
}

/// Keeps each value once whatever its case, under its form in mixed case
/// when there is one (`Madrid` rather than `MADRID` from a headline).
pub fn keep_one_case(values: &mut Vec<String>) {
    let all = values.clone();
    let mut kept: Vec<String> = Vec::with_capacity(values.len());
    for value in &all {
        let lower = value.to_lowercase();
        let written_better = shouts(value)
            && all
                .iter()
                .any(|other| other.to_lowercase() == lower && !shouts(other));
        let seen = kept.iter().any(|other| other.to_lowercase() == lower);
        if !written_better && !seen {
            kept.push(value.clone());
        }
    }
    *values = kept;
}

/// Whether a name has no lowercase letter.
fn shouts(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
}

/// Drops an organization named again with its country in front
/// (`Defense Ministry` beside `Russian Defense Ministry`, `National
/// Petroleum Company` beside `Nigerian National Petroleum Company`) or
/// with the first part of its portfolio (`Mineral Resources Ministry`
/// beside `Energy and Mineral Resources Ministry`), or without the place
/// it is of (`Reserve Bank` beside `Reserve Bank of Australia`): the same
/// body.
pub fn drop_unplaced_organizations(organizations: &mut Vec<String>) {
    let gazetteer = Gazetteer::get();
    let all = organizations.clone();
    organizations.retain(|name| {
        let placed_before = all.iter().any(|other| {
            let Some(front) = other.strip_suffix(name.as_str()) else {
                return false;
            };
            let front = front.trim_end();
            let placed = front
                .split(' ')
                .all(|word| !gazetteer.lookup(word).is_empty());
            let listed = front.ends_with(" and") || front.ends_with(" &");
            !front.is_empty() && other[front.len()..].starts_with(' ') && (placed || listed)
        });
        let placed_after = all.iter().any(|other| {
            other
                .strip_prefix(name.as_str())
                .is_some_and(|rest| rest.starts_with(" of "))
        });
        !placed_before && !placed_after
    });
}

/// Drops the organizations that are part of a person's name in the
/// article (`Milei` beside `Javier Milei`) or that the rules know as a
/// geographic feature (`Sea of Japan`, `Nile Delta`).
pub fn drop_organizations_named_otherwise(
    organizations: &mut Vec<String>,
    persons: &[String],
    features: &[String],
) {
    organizations.retain(|name| {
        let in_person = persons
            .iter()
            .any(|person| person.len() > name.len() && contains_words(person, name));
        !in_person && !features.contains(name)
    });
}

/// Whether a name holds another's words, whole and in order.
fn contains_words(name: &str, part: &str) -> bool {
    name.match_indices(part).any(|(start, _)| {
        let end = start + part.len();
        let before = start == 0 || name[..start].ends_with(' ');
        let after = end == name.len() || name[end..].starts_with(' ');
        before && after
    })
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

/// Names each organization an article defines an acronym for once, by
/// its full name (`IMF` → `International Monetary Fund`).
pub fn resolve_acronyms(organizations: &mut Vec<String>, defined: &[(String, String)]) {
    for (acronym, name) in defined {
        let Some(position) = organizations
            .iter()
            .position(|organization| organization == acronym)
        else {
            continue;
        };
        if organizations.contains(name) {
            organizations.remove(position);
        } else {
            organizations[position] = name.clone();
        }
    }
}

/// Drops the one-word persons that the article also writes in lowercase,
/// as a common word (`Coffee` in a story on coffee): a capitalised word at
/// the start of a sentence or in a headline, not a name.
pub fn drop_common_words(persons: &mut Vec<String>, words: &ArticleWords) {
    persons.retain(|person| person.contains(' ') || !words.writes_in_lowercase(person));
}

/// Drops the one-word persons in capitals (`REUTER`, a sign-off) of an
/// article whose body is in mixed case: there a person's name is written
/// in mixed case too. A headline-only wire story in capitals keeps them
/// (`VOLCKER SEES NO CLEARCUT EVIDENCE`).
pub fn drop_shouted_words(persons: &mut Vec<String>, body: &Tokenized) {
    if body.tokens.is_empty() || body.shouting {
        return;
    }
    persons.retain(|person| {
        person.contains(' ') || person.chars().count() < 2 || person.chars().any(char::is_lowercase)
    });
}

/// Drops the persons known only by a common given name (`Andy`): a name
/// cut short, or a first name alone, which finds nobody in an index.
pub fn drop_lone_given_names(persons: &mut Vec<String>) {
    let gazetteer = Gazetteer::get();
    persons.retain(|person| person.contains(' ') || !gazetteer.is_given_name(person));
}

/// Drops the place words the tagger read, whole, as a person or an
/// organization and never as a place.
pub fn drop_places_named_otherwise(found: &mut Found, names: &TaggedNames) {
    found.places.retain(|hit| {
        let otherwise =
            names.persons.contains(&hit.word) || names.organizations.contains(&hit.word);
        !otherwise || names.locations.contains(&hit.word)
    });
}

/// Whether a place name is a country or a demonym, which the country
/// codes stand for already.
pub fn names_a_country(gazetteer: &Gazetteer, name: &str) -> bool {
    gazetteer
        .lookup(name)
        .iter()
        .any(|place| matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::tokens::analyse;

    #[test]
    fn rule_names_join_unless_the_tagger_read_them_otherwise() {
        let tagged = vec![
            "Bill Clinton".to_string(),
            "Yoon".to_string(),
            "Abdulaziz".to_string(),
        ];
        let rules = vec![
            "Bill Clinton on".to_string(),
            "Merrill Lynch".to_string(),
            "Ivan Boesky".to_string(),
            "Yoon Suk Yeol".to_string(),
            "Abdulaziz bin Salman".to_string(),
        ];
        let organizations = vec!["Merrill Lynch".to_string()];
        let joined = join_rule_names(&tagged, &rules, &[&organizations]);
        assert_eq!(
            joined,
            vec![
                "Bill Clinton",
                "Yoon",
                "Abdulaziz",
                "Ivan Boesky",
                "Yoon Suk Yeol",
                "Abdulaziz bin Salman"
            ]
        );
    }

    #[test]
    fn each_name_is_kept_under_its_fullest_form() {
        let mut names: Vec<String> = [
            "Defense Ministry",
            "Yoon",
            "Russian Defense Ministry",
            "Yoon Suk Yeol",
            "Bank",
            "World Bank",
            "Bankers Trust",
            "SUBROTO",
            "Subroto",
            "REAGAN",
            "Ronald Reagan",
        ]
        .map(String::from)
        .to_vec();
        keep_fullest(&mut names);
        assert_eq!(
            names,
            vec![
                "Russian Defense Ministry",
                "Yoon Suk Yeol",
                "World Bank",
                "Bankers Trust",
                "Subroto",
                "Ronald Reagan"
            ]
        );
    }

    #[test]
    fn an_organization_named_with_its_country_is_named_once() {
        let mut organizations: Vec<String> = [
            "Defense Ministry",
            "Russian Defense Ministry",
            "Bank",
            "World Bank",
            "OPEC",
            "OPEC Secretariat",
            "Drug Administration",
            "Food and Drug Administration",
            "Reserve Bank",
            "Reserve Bank of Australia",
        ]
        .map(String::from)
        .to_vec();
        drop_unplaced_organizations(&mut organizations);
        assert_eq!(
            organizations,
            vec![
                "Russian Defense Ministry",
                "Bank",
                "World Bank",
                "OPEC",
                "OPEC Secretariat",
                "Food and Drug Administration",
                "Reserve Bank of Australia"
            ]
        );
    }

    #[test]
    fn a_part_of_a_name_or_a_sea_is_no_organization() {
        let mut organizations: Vec<String> =
            ["Milei", "Inacio Lula", "Sea of Japan", "IMF", "Mile"]
                .map(String::from)
                .to_vec();
        let persons = [
            "Javier Milei".to_string(),
            "Luiz Inacio Lula da Silva".to_string(),
            "IMF".to_string(),
        ];
        let features = ["Sea of Japan".to_string()];
        drop_organizations_named_otherwise(&mut organizations, &persons, &features);
        assert_eq!(organizations, vec!["IMF", "Mile"]);
    }

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
        let mut organizations: Vec<String> = ["International Monetary Fund", "IMF", "OECD", "EU"]
            .map(String::from)
            .to_vec();
        resolve_acronyms(&mut organizations, &defined);
        assert_eq!(
            organizations,
            vec![
                "International Monetary Fund",
                "Organisation for Economic Cooperation and Development",
                "EU"
            ]
        );
    }

    #[test]
    fn a_common_word_or_a_shouted_word_is_no_person() {
        let body = analyse("Coffee prices rose. Traders said coffee stocks were low. REUTER");
        let words = ArticleWords::of(&[&body]);
        let mut persons: Vec<String> = ["Coffee", "REUTER", "Jorio Dauster"]
            .map(String::from)
            .to_vec();
        drop_common_words(&mut persons, &words);
        assert_eq!(persons, vec!["REUTER", "Jorio Dauster"]);
        drop_shouted_words(&mut persons, &body);
        assert_eq!(persons, vec!["Jorio Dauster"]);
        let mut headline_only: Vec<String> = vec!["VOLCKER".into()];
        drop_shouted_words(&mut headline_only, &analyse(""));
        assert_eq!(headline_only, vec!["VOLCKER"]);
    }

    #[test]
    fn a_value_is_kept_once_in_its_best_case() {
        let mut locations: Vec<String> = ["MADRID", "Madrid", "Lagos", "LAGOS", "ACCRA"]
            .map(String::from)
            .to_vec();
        keep_one_case(&mut locations);
        assert_eq!(locations, vec!["Madrid", "Lagos", "ACCRA"]);
    }

    #[test]
    fn a_lone_given_name_is_no_person() {
        let mut persons = vec![
            "Andy".to_string(),
            "Andy Caddick".to_string(),
            "Caddick".to_string(),
        ];
        drop_lone_given_names(&mut persons);
        assert_eq!(persons, vec!["Andy Caddick", "Caddick"]);
    }

    #[test]
    fn a_place_word_read_as_a_team_or_a_person_is_no_place() {
        let mut found = Found::default();
        crate::enrich::entities::find_in(
            &mut found,
            "Jordan scored as Boston beat Miami in Boston.",
            crate::enrich::entities::Zone::Body,
        );
        let names = TaggedNames {
            persons: vec!["Jordan".into()],
            organizations: vec!["Boston".into(), "Miami".into()],
            locations: vec!["Miami".into()],
            ..TaggedNames::default()
        };
        drop_places_named_otherwise(&mut found, &names);
        let words: Vec<&str> = found.places.iter().map(|hit| hit.word.as_str()).collect();
        assert_eq!(words, vec!["Miami"]);
    }
}
