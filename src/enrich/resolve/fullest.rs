//! Each name once, under its fullest form and in its best case.
//!
//! - `fullest form`: a person's name that begins or ends a longer one of
//!   the article, word for word, is that name (`Yoon` is `Yoon Suk Yeol`,
//!   `Andres Manuel Lopez` is `Andres Manuel Lopez Obrador`);
//! - `one case`: a value written in capitals (from a headline) is the same
//!   value written in mixed case, and case variants are one value;
//! - `unplaced`: an organization named again with its country or the first
//!   part of its portfolio in front (`Defense Ministry` beside `Russian
//!   Defense Ministry`), or without the place it is of (`Reserve Bank`
//!   beside `Reserve Bank of Australia`), or cut before its `and`
//!   (`Ministry of International Trade` beside `Ministry of International
//!   Trade and Industry`), is that organization.

use super::super::gazetteer::Gazetteer;
use super::super::mentions::{MentionKind, Mentions};
use super::{Verdict, apply};

/// Gives each person the fullest form the article writes of the name.
pub fn keep_fullest_persons(mentions: &mut Mentions) {
    let persons = mentions.value_refs(MentionKind::Person);
    let verdicts = fullest_forms(&persons);
    apply(mentions, MentionKind::Person, &verdicts, "fullest form");
}

/// Gives each organization and location one case.
pub fn keep_one_case(mentions: &mut Mentions) {
    for kind in [MentionKind::Location, MentionKind::Organization] {
        let values = mentions.value_refs(kind);
        let verdicts = one_case(&values);
        apply(mentions, kind, &verdicts, "one case");
    }
}

/// Gives an organization named without its place the name with it.
pub fn drop_unplaced_organizations(mentions: &mut Mentions) {
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = placed_forms(&organizations);
    apply(mentions, MentionKind::Organization, &verdicts, "unplaced");
}

/// The names that are part of a longer one, or the same in another case,
/// with the name each is.
pub fn fullest_forms(names: &[&str]) -> Vec<(String, Verdict)> {
    let lowered: Vec<String> = names.iter().map(|name| name.to_lowercase()).collect();
    let mut kept: Vec<usize> = Vec::new();
    let mut verdicts = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let lower = &lowered[index];
        let longer = (0..names.len()).find(|&other| {
            let other = &lowered[other];
            other.len() > lower.len()
                && ((other.starts_with(lower.as_str()) && other[lower.len()..].starts_with(' '))
                    || (other.ends_with(lower.as_str())
                        && other[..other.len() - lower.len()].ends_with(' ')))
        });
        if let Some(longer) = longer {
            let why = "a part of a longer name in the article";
            verdicts.push((
                name.to_string(),
                Verdict::Into(names[longer].to_string(), why),
            ));
            continue;
        }
        let written_better = (0..names.len()).find(|&other| {
            other != index && lowered[other] == *lower && shouts(name) && !shouts(names[other])
        });
        if let Some(better) = written_better {
            let why = "written in capitals here, in mixed case elsewhere";
            verdicts.push((
                name.to_string(),
                Verdict::Into(names[better].to_string(), why),
            ));
            continue;
        }
        match kept.iter().find(|&&other| lowered[other] == *lower) {
            Some(&seen) => {
                let why = "the same name in another case";
                verdicts.push((
                    name.to_string(),
                    Verdict::Into(names[seen].to_string(), why),
                ));
            }
            None => kept.push(index),
        }
    }
    verdicts
}

/// The values that are another in other case, with the value each is:
/// the form in mixed case when there is one (`Madrid` rather than
/// `MADRID` from a headline), else the first.
pub fn one_case(values: &[&str]) -> Vec<(String, Verdict)> {
    let mut kept: Vec<usize> = Vec::new();
    let mut verdicts = Vec::new();
    for (index, value) in values.iter().enumerate() {
        // Compared in any case without lowercasing ASCII names.
        let same_name = |other: usize| super::same_in_lowercase(values[other], value);
        let written_better = shouts(value)
            .then(|| (0..values.len()).find(|&other| same_name(other) && !shouts(values[other])))
            .flatten();
        if let Some(better) = written_better {
            let why = "written in capitals here, in mixed case elsewhere";
            verdicts.push((
                value.to_string(),
                Verdict::Into(values[better].to_string(), why),
            ));
            continue;
        }
        match kept.iter().find(|&&other| same_name(other)) {
            Some(&seen) => {
                let why = "the same name in another case";
                verdicts.push((
                    value.to_string(),
                    Verdict::Into(values[seen].to_string(), why),
                ));
            }
            None => kept.push(index),
        }
    }
    verdicts
}

/// Whether a name has no lowercase letter.
fn shouts(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
}

/// The organizations named again with their place (see the module
/// header), with the name each is.
pub fn placed_forms(organizations: &[&str]) -> Vec<(String, Verdict)> {
    let gazetteer = Gazetteer::get();
    let mut verdicts = Vec::new();
    for name in organizations {
        let placed_before = organizations.iter().find(|other| {
            let Some(front) = other.strip_suffix(*name) else {
                return false;
            };
            let front = front.trim_end();
            let placed = is_place_in_front(gazetteer, front);
            let listed = front.ends_with(" and") || front.ends_with(" &");
            !front.is_empty() && other[front.len()..].starts_with(' ') && (placed || listed)
        });
        if let Some(other) = placed_before {
            let why = "named again with its place or portfolio in front";
            verdicts.push((name.to_string(), Verdict::Into(other.to_string(), why)));
            continue;
        }
        let placed_after = organizations.iter().find(|other| {
            other
                .strip_prefix(*name)
                .is_some_and(|rest| rest.starts_with(" of ") || rest.starts_with(" and "))
        });
        if let Some(other) = placed_after {
            let why =
                "the beginning of a longer name: the place it is of, or a portfolio cut at `and`";
            verdicts.push((name.to_string(), Verdict::Into(other.to_string(), why)));
        }
    }
    verdicts
}

/// Whether the words in front of an organization's name are places
/// (`U.S.` of `U.S. Treasury`, `West German` of `West German Bundesbank`).
pub fn is_place_in_front(gazetteer: &Gazetteer, front: &str) -> bool {
    !front.is_empty()
        && front
            .split(' ')
            .all(|word| !gazetteer.lookup(word).is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::apply_to_list;
    use super::super::testing::{list, refs};
    use super::*;

    #[test]
    fn each_name_is_kept_under_its_fullest_form() {
        let mut names = list(&[
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
        ]);
        let verdicts = fullest_forms(&refs(&names));
        apply_to_list(&mut names, &verdicts);
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
    fn a_chain_of_longer_names_ends_at_the_longest() {
        let mut mentions = Mentions::default();
        let at = crate::enrich::mentions::At {
            zone: crate::enrich::entities::Zone::Body,
            field: crate::enrich::mentions::Field::Body,
            offset: 0,
        };
        for name in ["Yoon Suk", "Yoon", "Yoon Suk Yeol"] {
            mentions.push(crate::enrich::mentions::Mention::new(
                name,
                MentionKind::Person,
                at,
                crate::enrich::mentions::Source::Rule("test"),
            ));
        }
        keep_fullest_persons(&mut mentions);
        assert_eq!(mentions.values(MentionKind::Person), vec!["Yoon Suk Yeol"]);
    }

    #[test]
    fn an_organization_named_with_its_country_is_named_once() {
        let mut organizations = list(&[
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
            "Ministry of International Trade",
            "Ministry of International Trade and Industry",
        ]);
        let verdicts = placed_forms(&refs(&organizations));
        apply_to_list(&mut organizations, &verdicts);
        assert_eq!(
            organizations,
            vec![
                "Russian Defense Ministry",
                "Bank",
                "World Bank",
                "OPEC",
                "OPEC Secretariat",
                "Food and Drug Administration",
                "Reserve Bank of Australia",
                "Ministry of International Trade and Industry"
            ]
        );
    }

    #[test]
    fn a_value_is_kept_once_in_its_best_case() {
        let mut locations = list(&["MADRID", "Madrid", "Lagos", "LAGOS", "ACCRA"]);
        let verdicts = one_case(&refs(&locations));
        apply_to_list(&mut locations, &verdicts);
        assert_eq!(locations, vec!["Madrid", "Lagos", "ACCRA"]);
    }
}
