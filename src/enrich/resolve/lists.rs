//! One kind for a list: a line-up (`4 - Hakan Unsal, 2 - Recep Cetin, 3 -
//! Ogun Temizkanoglu, ...`) names players, and the tagger, reading names
//! it has never seen between numbers and commas, takes some of them for
//! organizations. In a list of [`MIN_ITEMS`] names or more, on one line
//! and apart only by commas, dashes, brackets, numbers and an `and`
//! before the last (a list in prose, which ends there), with more
//! persons than organizations and at least [`MIN_PERSONS`] persons, an
//! organization the tagger read that no list knows, of two or three
//! capitalised words and no organization's word, is a person; not one in
//! brackets, a player's club (`Yannick Jauzion (Stade Toulousain)`). A
//! ranking, one item a line after its place (`4. El Hassane Lahssini
//! (Morocco) 13:06.57`), is a list of the names after the places; the
//! other names of its lines (a driver's car) are no items. The list
//! decides the kind of the name in the whole article.

use super::super::mentions::{MentionKind, Mentions};
use super::super::names::{KINSHIP_WORDS, SURNAME_PARTICLES};
use super::super::vocabulary::{COMPANY_ENDINGS, ORGANIZATION_ENDINGS, is_known_organization};
use super::ArticleText;
use crate::enrich::gazetteer::Gazetteer;

/// The fewest names a list needs: fewer tell no pattern.
const MIN_ITEMS: usize = 4;

/// The fewest persons that make a list one of persons.
const MIN_PERSONS: usize = 3;

/// Makes the organizations of a list of persons persons.
pub fn make_lists_one_kind(mentions: &mut Mentions, article: ArticleText) {
    // The kept names of the article, each place once, in text order.
    let mut items: Vec<usize> = (0..mentions.list.len())
        .filter(|&at| {
            let mention = &mentions.list[at];
            mention.is_kept()
                && matches!(
                    mention.kind,
                    MentionKind::Person | MentionKind::Organization | MentionKind::Location
                )
        })
        .collect();
    items.sort_by_key(|&at| (mentions.list[at].field, mentions.list[at].offset));
    items.dedup_by_key(|at| (mentions.list[*at].field, mentions.list[*at].offset));
    let mut list: Vec<usize> = Vec::new();
    // Where the text between the last item and the next begins: the end
    // of the last item, or of a note passed over after it.
    let mut gap_from = 0;
    // Whether the last item followed an `and`: the list's last.
    let mut after_and = false;
    for at in items {
        let next = &mentions.list[at];
        let next_end = next.offset + next.text.len();
        let Some(&last) = list.last() else {
            list.push(at);
            gap_from = next_end;
            after_and = false;
            continue;
        };
        let gap = match mentions.list[last].field == next.field {
            true => article
                .text_of(next.field)
                .and_then(|text| text.get(gap_from..next.offset)),
            false => None,
        };
        // Of a ranking's line, only the name after the place is an item
        // (`1. Alex Zanardi (Italy) Reynard Honda`: the driver, not his
        // car).
        let ranked_item = |gap: &str| {
            !gap.contains('\n') || {
                let before = article.around(&mentions.list[last]).0;
                opens_on_place(&before[before.rfind('\n').map_or(0, |newline| newline + 1)..])
            }
        };
        match gap {
            Some(gap) if !after_and && separates_items(gap) && ranked_item(gap) => {
                list.push(at);
                gap_from = next_end;
                after_and = gap.split(' ').any(|word| word == "and");
            }
            // A name in brackets that open on a word tells more of the
            // item before it (`Yannick Jauzion (Stade Toulousain)`,
            // `Gordon Bulloch (captain, Glasgow Rugby)`: a player's club)
            // and is passed over; one in brackets that open on a number is
            // an item (`(14 - Sergen Yalcin, 57th)`: a substitute).
            Some(gap) if opens_bracket(gap) && in_note(article.around(next).0) => {
                gap_from = next_end;
            }
            _ => {
                make_persons_of(mentions, &list);
                list.clear();
                list.push(at);
                gap_from = next_end;
                after_and = false;
            }
        }
    }
    make_persons_of(mentions, &list);
}

/// Makes the organizations of a list persons when most of it are persons.
fn make_persons_of(mentions: &mut Mentions, list: &[usize]) {
    if list.len() < MIN_ITEMS {
        return;
    }
    let count = |kind: MentionKind| {
        list.iter()
            .filter(|&&at| mentions.list[at].kind == kind)
            .count()
    };
    let persons = count(MentionKind::Person);
    if persons < MIN_PERSONS || persons <= count(MentionKind::Organization) {
        return;
    }
    let explain = mentions.explain;
    let mut made: Vec<String> = Vec::new();
    for &at in list {
        let mention = &mut mentions.list[at];
        if mention.kind == MentionKind::Organization
            && mention.is_tagged()
            && is_person_shaped(&mention.value)
        {
            mention.log_change(explain, "one kind for a list", || {
                "organization → person: most names of its list are persons".to_string()
            });
            mention.kind = MentionKind::Person;
            made.push(mention.value.clone());
        }
    }
    // The list decides the name's kind in the whole article: the prose's
    // mentions the tagger read as the organization follow it (`Juventus's
    // Zinedine Zidane` above the line-up).
    for mention in &mut mentions.list {
        if mention.is_kept_as(MentionKind::Organization)
            && mention.is_tagged()
            && made.contains(&mention.value)
        {
            mention.log_change(explain, "one kind for a list", || {
                "organization → person: a list of the article names it a person".to_string()
            });
            mention.kind = MentionKind::Person;
        }
    }
}

/// Whether the text between two names only separates the items of a list
/// on one line: commas, semicolons, dashes, brackets, numbers (`, 4 - `,
/// ` (14 - `, `, 57th), 2 - `) and names (items no source read: `, 3 -
/// Ogun Temizkanoglu, 5 - `, `(Fritz van Heerden, 39), `), with at least
/// one comma, semicolon or dash.
fn separates_items(gap: &str) -> bool {
    // A ranking gives an item a line, each opening on its place (`4. El
    // Hassane Lahssini (Morocco) 13:06.57`): the gap may end its line
    // with figures, and the next must open on a place.
    let (before, next_line) = match gap.split_once('\n') {
        Some((before, after)) if !after.contains('\n') => (before, Some(after)),
        Some(_) => return false,
        None => (gap, None),
    };
    let ranked = next_line.is_some_and(opens_on_place);
    if next_line.is_some() && !ranked {
        return false;
    }
    let mut marked = ranked;
    for word in before.split(' ').filter(|word| !word.is_empty()) {
        let letters = word.trim_matches(['(', ')', '.', ',', ';']);
        // `and` before the last item of a list in prose (`Cate Blanchett,
        // Leonardo DiCaprio, Keanu Reeves and Richard Gere`).
        if letters == "and" && next_line.is_none() {
            marked = true;
            continue;
        }
        marked |= word.contains([',', ';']) || letters == "-";
        let number = letters.trim_start_matches(|c: char| c.is_ascii_digit());
        let numbered =
            number.len() < letters.len() && ["", "-", "st", "nd", "rd", "th"].contains(&number);
        let capitalised = letters.starts_with(|c: char| c.is_uppercase())
            && letters
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        // Lowercase particles of names no source read (`Fritz van
        // Heerden`).
        let particle = SURNAME_PARTICLES.contains(&letters) || KINSHIP_WORDS.contains(&letters);
        // A ranking's time, height or points at the end of a line.
        let figure = ranked
            && letters.starts_with(|c: char| c.is_ascii_digit())
            && letters
                .chars()
                .all(|c| c.is_ascii_digit() || ":.,".contains(c));
        if !(letters.is_empty() || letters == "-" || numbered || capitalised || particle || figure)
        {
            return false;
        }
    }
    marked
}

/// Whether a line opens on a place in a ranking: a number and a full stop
/// or a dash (`5. `, `12 - `), and nothing else.
fn opens_on_place(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < line.len() && matches!(rest.trim(), "." | "-")
}

/// Whether a bracket opens near the end of the text between two names,
/// where a note would begin.
fn opens_bracket(gap: &str) -> bool {
    gap[gap.floor_char_boundary(gap.len().saturating_sub(NOTE_BYTES))..].contains('(')
}

/// The most of the text before a name [`in_note`] reads: a note is short.
const NOTE_BYTES: usize = 60;

/// Whether the text before a name leaves it inside brackets that open on
/// a word (`(captain, `), on its line and within [`NOTE_BYTES`].
fn in_note(before: &str) -> bool {
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(NOTE_BYTES))..];
    let before = &before[before.rfind('\n').map_or(0, |newline| newline + 1)..];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let closed = before.rfind(')').is_some_and(|close| close > open);
    let inside = before[open + 1..].trim_start();
    !closed && (inside.is_empty() || inside.starts_with(|c: char| c.is_alphabetic()))
}

/// Whether an organization's name could be a person's: two or three
/// capitalised words of letters, none ending organizations' names, and no
/// organization a list knows.
pub(super) fn is_person_shaped(value: &str) -> bool {
    let words: Vec<&str> = value.split(' ').collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|word| {
            word.starts_with(|c: char| c.is_uppercase())
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && word.chars().any(char::is_lowercase)
                && !ORGANIZATION_ENDINGS.contains(word)
                && !COMPANY_ENDINGS.contains(word)
        })
        && !is_known_organization(value)
        && Gazetteer::get().organization(value).is_none()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{self, body_mention, with_body};
    use super::*;

    fn kinds_after(body: &str, names: &[(&str, MentionKind)]) -> Vec<(String, MentionKind)> {
        testing::kinds_after(body, names, make_lists_one_kind)
    }

    #[test]
    fn an_organization_in_a_line_up_of_persons_is_a_person() {
        use MentionKind::{Organization, Person};
        let body = "Turkey - 1 - Rustu Recber, 4 - Hakan Unsal (14 - Sergen Yalcin, 57th), \
                    2 - Recep Cetin, 3 - Ogun Temizkanoglu, 7- Abdullah Ercan, 6 - Tolunay Kafkas, \
                    11 - Ford Motor Co, 9 - Galatasaray Club, 12 - Yann Delaigue (Stade Toulousain), \
                    13 - Arif Erdem, 8 - Saffet Sancakli.";
        let names = [
            ("Turkey", MentionKind::Location),
            ("Rustu Recber", Person),
            ("Hakan Unsal", Organization),
            ("Sergen Yalcin", Person),
            ("Recep Cetin", Organization),
            ("Ogun Temizkanoglu", Person),
            ("Abdullah Ercan", Person),
            ("Tolunay Kafkas", Person),
            ("Ford Motor Co", Organization),
            ("Galatasaray Club", Organization),
            ("Yann Delaigue", Organization),
            ("Stade Toulousain", Organization),
            ("Arif Erdem", Person),
            ("Saffet Sancakli", Person),
        ];
        let kinds: Vec<MentionKind> = kinds_after(body, &names)
            .into_iter()
            .map(|(_, kind)| kind)
            .collect();
        // Seven persons against five organizations; a company and a club
        // keep their kind, and so do the country heading the line-up and
        // a player's club in brackets.
        assert_eq!(
            kinds,
            [
                MentionKind::Location,
                Person,
                Person,
                Person,
                Person,
                Person,
                Person,
                Person,
                Organization,
                Organization,
                Person,
                Organization,
                Person,
                Person
            ]
        );
    }

    #[test]
    fn a_name_a_list_makes_a_person_is_one_in_the_prose_too() {
        use MentionKind::{Organization, Person};
        let body = "Juventus's Zinedine Zidane came on.\n\
                    France - 1 - Bernard Lama, 2 - Lilian Thuram, 3 - Marcel Desailly, \
                    4 - Zinedine Zidane, 5 - Youri Djorkaeff.";
        let names = [
            ("Bernard Lama", Person),
            ("Lilian Thuram", Person),
            ("Marcel Desailly", Person),
            ("Youri Djorkaeff", Person),
        ];
        let list_at = body.rfind("Zinedine Zidane").unwrap();
        with_body(body, |article| {
            let mut list: Vec<crate::enrich::mentions::Mention> = names
                .iter()
                .map(|(name, kind)| body_mention(name, *kind, body.find(name).unwrap()))
                .collect();
            // The prose's mention, then the list's.
            list.push(body_mention(
                "Zinedine Zidane",
                Organization,
                body.find("Zinedine").unwrap(),
            ));
            list.push(body_mention("Zinedine Zidane", Organization, list_at));
            let mut mentions = Mentions::of(list, false);
            make_lists_one_kind(&mut mentions, article);
            let mut zidane = mentions
                .list
                .iter()
                .filter(|m| m.value == "Zinedine Zidane");
            assert!(zidane.clone().count() == 2 && zidane.all(|m| m.kind == Person));
        });
    }

    #[test]
    fn a_ranking_gives_each_line_one_item_the_name_after_the_place() {
        use MentionKind::{Location, Organization, Person};
        let body = "1. Daniel Komen (Kenya) 12:59.72\n2. Paul Koech (Kenya) 13:06.45\n\
                    3. El Hassane Lahssini (Morocco) 13:06.57\n4. Shem Kororia (Kenya) 13:06.65\n\
                    Qualifying, by driver, country, chassis and time:\n\
                    1. Alex Zanardi (Italy), Reynard Honda, 53.980\n2. Gil Ferran (Brazil), \
                    Reynard Ford Cosworth, 54.483\n3. Jimmy Vasser (U.S.), Penske Mercedes, 54.617";
        let names = [
            ("Daniel Komen", Person),
            ("Paul Koech", Person),
            ("El Hassane Lahssini", Organization),
            ("Morocco", Location),
            ("Shem Kororia", Person),
            ("Alex Zanardi", Person),
            ("Reynard Honda", Organization),
            ("Gil Ferran", Person),
            ("Reynard Ford Cosworth", Organization),
            ("Jimmy Vasser", Person),
        ];
        let kinds = kinds_after(body, &names);
        assert_eq!(kinds[2].1, Person, "a runner the tagger read as a club");
        assert_eq!(kinds[6].1, Organization, "a driver's car");
        assert_eq!(kinds[8].1, Organization, "a driver's car");
    }

    #[test]
    fn a_short_list_or_one_joined_by_words_keeps_its_kinds() {
        use MentionKind::{Organization, Person};
        let three = "Scorers: Alan Shearer, Les Ferdinand, Newcastle United.";
        let names = [
            ("Alan Shearer", Person),
            ("Les Ferdinand", Person),
            ("Newcastle United", Organization),
        ];
        assert_eq!(kinds_after(three, &names)[2].1, Organization);
        let worded = "Alan Shearer and Les Ferdinand met Gary Speed and Newcastle United.";
        let names = [
            ("Alan Shearer", Person),
            ("Les Ferdinand", Person),
            ("Gary Speed", Person),
            ("Newcastle United", Organization),
        ];
        assert_eq!(kinds_after(worded, &names)[3].1, Organization);
    }

    #[test]
    fn a_list_in_prose_ends_on_and() {
        use MentionKind::{Organization, Person};
        let prose = "Stars including Cate Blanchett, Leonardo DiCaprio, Keanu Reeves and \
                     Richard Gere attended.";
        let names = [
            ("Cate Blanchett", Organization),
            ("Leonardo DiCaprio", Person),
            ("Keanu Reeves", Person),
            ("Richard Gere", Person),
        ];
        assert_eq!(kinds_after(prose, &names)[0].1, Person);
        let pairs = "Alan Shearer and Les Ferdinand, Gary Speed and Newcastle United played.";
        let names = [
            ("Alan Shearer", Person),
            ("Les Ferdinand", Person),
            ("Gary Speed", Person),
            ("Newcastle United", Organization),
        ];
        assert_eq!(
            kinds_after(pairs, &names)[3].1,
            Organization,
            "a list ends with the item after its `and`"
        );
    }

    #[test]
    fn list_separators_are_punctuation_and_numbers_on_one_line() {
        assert!(separates_items(", "));
        assert!(separates_items(", 4 - "));
        assert!(separates_items(", 57th), 2 - "));
        assert!(separates_items(", 7- "));
        assert!(separates_items(", 3 - Ogun Temizkanoglu, 5 - "));
        assert!(separates_items(" (Fritz van Heerden, 39), 4 - "));
        assert!(!separates_items(", who scored, "));
        assert!(
            separates_items(" and "),
            "before a list's last item in prose"
        );
        assert!(separates_items(", and "));
        assert!(!separates_items(" and the "));
        assert!(!separates_items(" "));
        assert!(!separates_items(",\n"));
        assert!(separates_items(" (Morocco) 13:06.57\n5. "));
        assert!(!separates_items(" (Morocco) 13:06.57\nThe "));
        assert!(!separates_items(" said 13:06.57\n5. "));
    }

    #[test]
    fn a_name_in_brackets_that_open_on_a_word_is_a_note() {
        assert!(in_note("Yannick Jauzion ("));
        assert!(in_note("Gordon Bulloch (captain, "));
        assert!(!in_note("Hakan Unsal (14 - "));
        assert!(!in_note("Andy Craig (Glasgow Rugby), "));
        assert!(!in_note("Rustu Recber, 4 - "));
    }
}
