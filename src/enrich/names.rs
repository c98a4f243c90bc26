//! Joins the [`tagger`]'s names with what the rules of [`entities`] found:
//! the tagger finds names no list knows from context and shape, the rules
//! add what cues vouch for, and a place word the tagger reads as a person
//! or an organization (`Jordan` the player, `Boston` the team) is no
//! evidence of a country.

use super::entities::{Found, push_unique};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::tagger::features::{ArticleWords, NAME_PARTICLES, Sentence, Zone};
use super::tagger::{Label, Name, Tagger};
use super::tokens::{Token, Tokenized};
use super::vocabulary::{
    COMPANY_ENDINGS, DATE_WORDS, KNOWN_ACRONYMS, ORGANIZATION_ENDINGS, PERSON_TITLES,
};

/// The names the tagger found in an article, as written, each once.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TaggedNames {
    /// Persons.
    pub persons: Vec<String>,
    /// Organizations.
    pub organizations: Vec<String>,
    /// Places.
    pub locations: Vec<String>,
    /// Other names (events, nationalities).
    pub misc: Vec<String>,
    /// What the article's own text says of its words.
    pub words: ArticleWords,
}

impl TaggedNames {
    fn list_mut(&mut self, label: Label) -> &mut Vec<String> {
        match label {
            Label::Person => &mut self.persons,
            Label::Organization => &mut self.organizations,
            Label::Location => &mut self.locations,
            Label::Misc => &mut self.misc,
        }
    }
}

/// The lead over the runner-up tag that a person name's every word needs,
/// in the model's units: the tagger finds more persons than the articles
/// name, and a name it barely prefers is more often a team, a place or a
/// capitalised word (chosen on the CoNLL-2003 development split: precision
/// 0.885 → 0.931, recall 0.947 → 0.925).
const PERSON_MARGIN: f32 = 4.0;

/// The lead a person name needs: twice [`PERSON_MARGIN`] for one word
/// (`Wells`, `Return`), a quarter of it in a headline, where capitals
/// give the tagger less to go on (`TREASURY'S BAKER SAYS`); a person in
/// the headline of an article with a body must also be a person there.
fn person_margin(name: &Name, zone: Zone) -> f32 {
    let words = if name.end - name.start == 1 { 2.0 } else { 1.0 };
    let place = if zone == Zone::Headline { 0.25 } else { 1.0 };
    PERSON_MARGIN * words * place
}

/// Tags an article's headline and body.
pub fn tag_article(headline: (&str, &Tokenized), body: (&str, &Tokenized)) -> TaggedNames {
    let words = ArticleWords::of(&[headline.1, body.1]);
    let in_body = names_in(body.0, body.1, Zone::Body, &words);
    let in_headline = names_in(headline.0, headline.1, Zone::Headline, &words);
    let body_persons: Vec<&str> = in_body
        .iter()
        .filter(|(label, _)| *label == Label::Person)
        .map(|(_, name)| name.as_str())
        .collect();
    let has_body = !body.1.tokens.is_empty();
    let mut names = TaggedNames::default();
    for (label, name) in &in_headline {
        if *label == Label::Person && has_body && !named_alike(name, &body_persons) {
            continue;
        }
        push_unique(names.list_mut(*label), name.clone());
    }
    for (label, name) in in_body {
        push_unique(names.list_mut(label), name);
    }
    names.words = words;
    names
}

/// The names the tagger finds in one text, each with its label, after the
/// rules that correct it: a person needs its margin, is no acronym in
/// running text and does not end in a single letter (`Class B`, the `P` of
/// `S/P`); a name that ends in a company or organization word (`Chrysler
/// Corp said`) or is a known acronym (`FED`) is an organization.
fn names_in(
    text: &str,
    tokenized: &Tokenized,
    zone: Zone,
    words: &ArticleWords,
) -> Vec<(Label, String)> {
    let tokens = &tokenized.tokens;
    let sentence = Sentence::new(tokenized, zone, words);
    let mut found = Vec::new();
    for tagged in Tagger::get().names(&sentence) {
        let tagged = cut_at_possessive(tokens, tagged);
        for name in split_at_title(tokens, tagged) {
            let words_of_name = &tokens[name.start..name.end];
            let label = match name.label {
                Label::Person if is_organization_name(words_of_name) => Label::Organization,
                label => label,
            };
            if label == Label::Person {
                let weak = name.margin < person_margin(&name, zone);
                let acronym = !tokenized.shouting && is_acronym(words_of_name);
                let lettered = words_of_name
                    .last()
                    .is_some_and(|last| last.text.chars().count() == 1);
                if weak || acronym || lettered {
                    continue;
                }
            }
            if let Some(written) = name_text(text, tokens, name) {
                found.push((label, written));
            }
        }
    }
    found
}

/// Whether a name ends in a company or organization word (`Corp`, `Inc`,
/// `Ministry`) or is a known acronym in any case (`FED`): the rules'
/// surest cues, which the tagger sometimes misses.
fn is_organization_name(words: &[Token]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    let ending = COMPANY_ENDINGS.contains(last.text) || ORGANIZATION_ENDINGS.contains(last.text);
    let acronym = words.len() == 1
        && (KNOWN_ACRONYMS.contains(last.text) || KNOWN_ACRONYMS.contains(&title_case(last.text)));
    ending || acronym
}

/// Whether one of the names ends with the same word as this one, in any
/// case (`BAKER` in a headline, `James Baker` in the body).
fn named_alike(name: &str, names: &[&str]) -> bool {
    let last_word = |text: &str| text.split_whitespace().last().map(str::to_lowercase);
    let wanted = last_word(name);
    wanted.is_some() && names.iter().any(|other| last_word(other) == wanted)
}

/// Whether a name is one word in capitals (`REUTER`, `OECD`): in text
/// that is not all capitals, an acronym or a sign-off, not a person.
fn is_acronym(words: &[Token]) -> bool {
    let [word] = words else {
        return false;
    };
    word.text.chars().count() > 1 && !word.text.chars().any(char::is_lowercase)
}

/// Cuts a name that runs on past a possessive: a person or a place ends
/// there (`Shearer's Newcastle` names Shearer), an organization starts
/// after it (`Scholz's Social Democrats` names the Social Democrats).
fn cut_at_possessive(tokens: &[Token], name: Name) -> Name {
    let last = name.end.saturating_sub(1);
    let Some(possessive) = (name.start..last).find(|&index| tokens[index].possessive) else {
        return name;
    };
    if name.label == Label::Organization {
        Name {
            start: possessive + 1,
            ..name
        }
    } else {
        Name {
            end: possessive + 1,
            ..name
        }
    }
}

/// Splits a name at the last title in it followed by a capitalised word:
/// what follows the title is a person, found by its cue whatever the
/// tagger thought (`Fed Chair Jerome Powell` is the organization `Fed` and
/// the person `Jerome Powell`); what precedes it keeps the tagger's label,
/// unless that was a person (`President Clinton`).
fn split_at_title(tokens: &[Token], name: Name) -> Vec<Name> {
    let title = (name.start..name.end.saturating_sub(1))
        .rev()
        .find(|&index| {
            let word = tokens[index].text;
            let next = &tokens[index + 1];
            next.capitalised
                && (PERSON_TITLES.contains(word) || PERSON_TITLES.contains(&title_case(word)))
        });
    let Some(title) = title else {
        return vec![name];
    };
    let mut parts = Vec::with_capacity(2);
    if title > name.start && name.label != Label::Person {
        parts.push(Name { end: title, ..name });
    }
    parts.push(Name {
        label: Label::Person,
        start: title + 1,
        end: name.end,
        margin: f32::INFINITY,
    });
    parts
}

/// A word with only its first letter in capitals (`CHAIRMAN` → `Chairman`).
fn title_case(word: &str) -> String {
    let mut characters = word.chars();
    let mut written = String::with_capacity(word.len());
    if let Some(first) = characters.next() {
        written.extend(first.to_uppercase());
    }
    written.extend(characters.flat_map(char::to_lowercase));
    written
}

/// The shortest line that text wrapped at a fixed width ends: a name may
/// run on from such a line into the next (`Paul\nVolcker`), but not from
/// a shorter one, a byline or a row of a table (`George Nishiyama\nComments`).
const MIN_WRAPPED_LINE: usize = 40;

/// The text of a name, from its first word to its last: cut at a line
/// break that is no wrapping of a long line, and without lowercase words
/// at its ends (`Joost van`). A line break inside the name becomes a
/// space.
fn name_text(text: &str, tokens: &[Token], name: Name) -> Option<String> {
    let words = &tokens[name.start..name.end];
    let mut end = 1;
    while end < words.len() {
        let previous = &words[end - 1];
        let previous_end = previous.start + previous.text.len();
        let gap = &text[previous_end..words[end].start];
        if gap.contains('\n') && !wraps_long_line(text, previous_end) {
            break;
        }
        end += 1;
    }
    let mut kept = &words[..end];
    while let Some((last, rest)) = kept.split_last() {
        if last.capitalised || last.text.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        kept = rest;
    }
    let (first, last) = (kept.first()?, kept.last()?);
    if !first.capitalised {
        return None;
    }
    let written = &text[first.start..last.start + last.text.len()];
    if !written.contains(['\n', '\r']) {
        return Some(written.to_string());
    }
    Some(written.split_whitespace().collect::<Vec<&str>>().join(" "))
}

/// Whether the line ending after byte `end` of the text is long, as lines
/// of text wrapped at a fixed width are.
fn wraps_long_line(text: &str, end: usize) -> bool {
    let line_start = text[..end].rfind('\n').map_or(0, |newline| newline + 1);
    text[line_start..end].trim().chars().count() >= MIN_WRAPPED_LINE
}

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

    fn tagged(headline: &str, body: &str) -> TaggedNames {
        tag_article((headline, &analyse(headline)), (body, &analyse(body)))
    }

    #[test]
    fn finds_names_no_list_holds_from_context() {
        let names = tagged(
            "Talks resume",
            "Shivnarine Chanderpaul scored 80 as Guyana beat Barbados. \
             Officials of Interfax Holdings said Takuya Takagi would fly to Kazakhstan.",
        );
        assert!(
            names
                .persons
                .contains(&"Shivnarine Chanderpaul".to_string()),
            "{names:?}"
        );
        assert!(
            names.persons.contains(&"Takuya Takagi".to_string()),
            "{names:?}"
        );
        assert!(
            names
                .organizations
                .contains(&"Interfax Holdings".to_string()),
            "{names:?}"
        );
        assert!(
            names.locations.contains(&"Kazakhstan".to_string()),
            "{names:?}"
        );
    }

    #[test]
    fn a_possessive_ends_a_person_and_starts_an_organization() {
        let text = "Alan Shearer's Newcastle won, and Olaf Scholz's Social Democrats lost.";
        let tokens = analyse(text).tokens;
        let person = Name {
            label: Label::Person,
            start: 0,
            end: 3,
            margin: 1.0,
        };
        let cut = cut_at_possessive(&tokens, person);
        assert_eq!(
            name_text(text, &tokens, cut).as_deref(),
            Some("Alan Shearer")
        );
        let party = Name {
            label: Label::Organization,
            start: 6,
            end: 10,
            margin: 1.0,
        };
        let cut = cut_at_possessive(&tokens, party);
        assert_eq!(
            name_text(text, &tokens, cut).as_deref(),
            Some("Social Democrats")
        );
    }

    #[test]
    fn names_stop_at_a_line_break_after_a_short_line() {
        let text = "Alan Shearer's Newcastle won.\nGeorge Nishiyama\nComments follow.";
        let tokenized = analyse(text);
        let name = |start, end| {
            name_text(
                text,
                &tokenized.tokens,
                Name {
                    label: Label::Person,
                    start,
                    end,
                    margin: 1.0,
                },
            )
        };
        assert_eq!(name(4, 7).as_deref(), Some("George Nishiyama"));
        let wrapped = "He had earlier met Federal Reserve Board Chairman Paul\nVolcker and others.";
        let tokens = analyse(wrapped);
        let volcker = Name {
            label: Label::Person,
            start: 8,
            end: 10,
            margin: 1.0,
        };
        assert_eq!(
            name_text(wrapped, &tokens.tokens, volcker).as_deref(),
            Some("Paul Volcker")
        );
        let connector = "Joost van said";
        let tokens = analyse(connector);
        let cut = name_text(
            connector,
            &tokens.tokens,
            Name {
                label: Label::Person,
                start: 0,
                end: 2,
                margin: 1.0,
            },
        );
        assert_eq!(cut.as_deref(), Some("Joost"));
    }

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
    fn a_title_inside_a_name_starts_a_person() {
        let text = "Fed Chair Jerome Powell spoke, as did President Joe Biden.";
        let tokens = analyse(text).tokens;
        let organization = Name {
            label: Label::Organization,
            start: 0,
            end: 4,
            margin: 2.0,
        };
        let parts: Vec<(Label, Option<String>)> = split_at_title(&tokens, organization)
            .into_iter()
            .map(|name| (name.label, name_text(text, &tokens, name)))
            .collect();
        assert_eq!(
            parts,
            vec![
                (Label::Organization, Some("Fed".to_string())),
                (Label::Person, Some("Jerome Powell".to_string())),
            ]
        );
        let person = Name {
            label: Label::Person,
            start: 7,
            end: 10,
            margin: 2.0,
        };
        let parts = split_at_title(&tokens, person);
        assert_eq!(parts.len(), 1);
        assert_eq!(
            name_text(text, &tokens, parts[0]).as_deref(),
            Some("Joe Biden")
        );
    }

    #[test]
    fn company_words_and_known_acronyms_make_organizations() {
        let text = analyse("Chrysler Corp said the FED and Mary Jones agreed.").tokens;
        assert!(is_organization_name(&text[0..2]));
        assert!(is_organization_name(&text[4..5]), "FED");
        assert!(!is_organization_name(&text[6..8]), "Mary Jones");
        let names = tagged(
            "Output falls",
            "Chrysler Corp said its car output fell in February.",
        );
        assert!(names.persons.is_empty(), "{names:?}");
    }

    #[test]
    fn a_headline_person_must_be_a_person_of_the_body() {
        assert!(named_alike("BAKER", &["James Baker"]));
        assert!(!named_alike("FED", &["James Baker"]));
        let with_body = tagged(
            "TREASURY'S BAKER SAYS DOLLAR STABLE",
            "Treasury Secretary James Baker said the dollar was stable.",
        );
        assert_eq!(with_body.persons, vec!["James Baker"]);
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
