//! `a piece of a name`: an organization whose run of capitalised words goes
//! on, on its line, into a word no name of the article holds is a piece
//! of a longer name the tagger cut (`Federal` of `Federal Reserve
//! policy-makers`, `Chemical Co` of `The Dow Chemical Co`, `Boxing
//! Council` of `World Boxing Council`, `Ebbw` of `Ebbw Vale`). A name is
//! never a fragment of a longer one; where the article never writes the
//! piece alone, the piece is no value. An acronym is a whole name (`BBC
//! Radio`). Two pieces the tagger cut at `and` or at a space are one name
//! (`National Grain` and `Feed Association`, `McDonnell` and `Douglas
//! Corp`), and so are a place and a person after it that ends as streets
//! and grounds do (`White` and `Hart Lane`). The tagger reads a line at a time: where a rule read a name
//! across the end of a line (`Federal⏎Reserve`), the tagger's piece on
//! the first line is none.

use super::super::entities::is_organization_word;
use super::super::gazetteer::Gazetteer;
use super::super::lexicon::is_common_word;
use std::borrow::Cow;

use super::super::mentions::{
    Change, Field, Mention, MentionKind, Mentions, first_word, last_word,
};
use super::super::vocabulary::{
    DATE_WORDS, LEGAL_FORMS, ORGANIZATION_ENDINGS, PERSON_TITLES, PLACE_ADJECTIVE_SUFFIXES,
    is_known_organization,
};
use super::ArticleText;
use super::acronyms::spells;

/// Drops the organizations the tagger read that begin, at the same place,
/// a longer organization's name a rule read across the end of a line of
/// wrapped text (`Federal` of `the Federal⏎Reserve`): the tagger reads a
/// line at a time.
pub fn drop_pieces_of_wrapped_names(mentions: &mut Mentions, article: ArticleText) {
    let pieces: Vec<Option<&'static str>> = mentions
        .list
        .iter()
        .map(|mention| {
            let piece = mention.is_kept_as(MentionKind::Organization)
                && mention.is_tagged()
                && article.around(mention).1.starts_with('\n')
                && mentions.list.iter().any(|whole| {
                    whole.is_ruled()
                        && whole.is_kept_as(MentionKind::Organization)
                        && whole.field == mention.field
                        && whole.offset == mention.offset
                        && whole.text.len() > mention.text.len()
                        && whole.text.starts_with(mention.text.as_str())
                        && whole.text[mention.text.len()..].starts_with(char::is_whitespace)
                });
            piece.then_some(
                "begins, where it stands, a longer name a rule read across the end of a line \
                 (`Federal` of `Federal⏎Reserve`)",
            )
        })
        .collect();
    mentions.drop_for_reasons("a piece of a name", &pieces);
}

/// Drops the organizations the tagger read in the body, whose value has
/// no other kept mention, when their capitalised words run on, on the
/// same line and past one space, before or after, into a capitalised
/// word that no kept name of the article holds: a title (`Chrysler Corp
/// Chairman`), a date word, a place, a word with figures (`Airbus A380`)
/// or a stop word (`The Collapse`) ends a name instead. A known
/// organization and an acronym (`BBC Radio`) stay. Drops too a place of
/// one word the tagger read after such a word and an organization's name
/// (`Hayward` of `BDO Stoy Hayward`).
pub fn drop_pieces_of_names(mentions: &mut Mentions, article: ArticleText) {
    let pieces: Vec<Option<&'static str>> = mentions
        .list
        .iter()
        .map(|mention| {
            let place_after_a_name = mention.is_kept_as(MentionKind::Location)
                && mention.is_tagged()
                && mention.field == Field::Body
                && !mention.value.contains(' ')
                && follows_a_word_of_a_name(mentions, article, mention);
            if place_after_a_name {
                return Some(
                    "a place after a firm's name and a word no name holds: the firm's last word \
                     (`Hayward` of `BDO Stoy Hayward`)",
                );
            }
            let piece = mention.is_kept_as(MentionKind::Organization)
                && mention.is_tagged()
                && mention.field == Field::Body
                && !is_acronym(&mention.value)
                && runs_on(mentions, article, mention)
                && !is_known_organization(&mention.value)
                && mentions
                    .kept(MentionKind::Organization)
                    .filter(|other| other.value == mention.value)
                    .count()
                    == 1;
            piece.then_some(
                "its capitalised words run on into a word no name holds: a piece of a longer \
                 name (`Federal` of `Federal Reserve policy-makers`)",
            )
        })
        .collect();
    mentions.drop_for_reasons("a piece of a name", &pieces);
}

/// Joins two organizations on either side of `and`, the first the
/// tagger's, when the first, never written alone and no known organization, ends in a word the
/// article writes in lowercase (or English does: `House Ways` and `Means
/// Committee`) that ends no organization's name, and the
/// second in an institution's word, or when an acronym the article writes
/// spells the two as one (`NTT` beside `Nippon Telegraph` and `Telephone
/// Corp`), or when the rules read the two whole and the second is one
/// word and legal forms (`Cable` and `Wireless Plc`): one name
/// cut at its `and` (`National Grain` and `Feed Association` are the
/// `National Grain and Feed Association`), where two names are whole at
/// both ends (`Ford and General Motors Corp`, `IBM and Toshiba Corp`,
/// `World Bank and International Monetary Fund`).
pub fn join_names_cut_at_and(mentions: &mut Mentions, article: ArticleText) {
    let mut joins: Vec<(String, String, String)> = Vec::new();
    // Read only for an article with a name cut at `and`.
    let acronyms: std::cell::OnceCell<Vec<&str>> = std::cell::OnceCell::new();
    for first in mentions.kept(MentionKind::Organization) {
        let (_, after) = article.around(first);
        if !first.is_tagged() || !(after.starts_with(" and ") || after.starts_with(" and\n")) {
            continue;
        }
        let offset = first.offset + first.text.len() + " and ".len();
        let Some(second) = mentions.kept(MentionKind::Organization).find(|second| {
            second.field == first.field && second.offset == offset && second.value != first.value
        }) else {
            continue;
        };
        // A first name the article also writes alone is a name alone
        // (`Dow Chemical and Chemical Manufacturers Association`).
        let read_once = mentions
            .kept(MentionKind::Organization)
            .filter(|other| other.value == first.value)
            .all(|other| {
                let (_, after) = article.around(other);
                after.starts_with(" and ") || after.starts_with(" and\n")
            });
        let first_end = last_word(&first.text);
        // `House Ways` and `Means Committee`: a common word, in the
        // article's lowercase or in English's.
        // By the lexicon only when the second half opens on a common word
        // too, as the halves of one name do (`Ways and Means`, `Savings
        // and Loan`), not two firms (`Standard Life and Lloyds Bank`).
        let common = article.writes_as_common_word(first_end)
            || (is_common_word(first_end) && is_common_word(first_word(&second.value)));
        let cut_at_common_word = common
            && !is_organization_word(first_end)
            && ORGANIZATION_ENDINGS.contains(last_word(&second.value));
        let joined = format!("{} and {}", first.text, second.text);
        // `NTT` beside `Nippon Telegraph` and `Telephone Corp`.
        let spelled = || {
            acronyms
                .get_or_init(|| {
                    mentions
                        .value_refs(MentionKind::Organization)
                        .into_iter()
                        .filter(|value| is_acronym(value))
                        .collect()
                })
                .iter()
                .any(|acronym| spells(acronym, &joined) && !spells(acronym, &second.value))
        };
        // `Cable and Wireless Plc`, which the rules read whole: one word
        // and a company's ending after `and` name no firm of their own.
        let one_firm = || {
            one_word_and_endings(&second.value)
                && mentions.list.iter().any(|whole| {
                    whole.is_ruled()
                        && whole.kind == MentionKind::Organization
                        && whole.field == first.field
                        && whole.offset == first.offset
                        && whole.text.split_whitespace().eq(joined.split_whitespace())
                })
        };
        if read_once
            && !is_known_organization(&first.value)
            && !is_acronym(&first.value)
            && (cut_at_common_word || spelled() || one_firm())
        {
            joins.push((first.value.clone(), second.value.clone(), joined));
        }
    }
    let joined: Vec<String> = joins.iter().map(|(_, _, joined)| joined.clone()).collect();
    rename_joined(
        mentions,
        joins,
        "one name cut at its `and` (`National Grain` and `Feed Association`)",
    );
    rename_pieces_inside(mentions, &joined);
}

/// Gives a mention written inside a joined name (the tagger's `Restoration
/// Council` inside `State Law and Order Restoration Council`) the joined
/// name.
fn rename_pieces_inside(mentions: &mut Mentions, joined: &[String]) {
    if joined.is_empty() {
        return;
    }
    let spans: Vec<(Field, usize, usize, String)> = mentions
        .kept(MentionKind::Organization)
        .filter(|mention| joined.contains(&mention.value))
        .map(|mention| {
            let end = mention.offset + mention.text.len();
            (mention.field, mention.offset, end, mention.value.clone())
        })
        .collect();
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        if !mention.is_kept_as(MentionKind::Organization) {
            continue;
        }
        let end = mention.offset + mention.text.len();
        let whole = spans.iter().find(|(field, start, whole_end, value)| {
            *field == mention.field
                && *start <= mention.offset
                && end <= *whole_end
                && *value != mention.value
        });
        if let Some((_, _, _, value)) = whole {
            let piece = mention.value.clone();
            mention.log_change(explain, "a piece of a name", || {
                format!("organization {piece:?} → organization {value:?}: written inside the joined name")
            });
            mention.value = value.clone();
        }
    }
}

/// Joins two organizations the tagger read one space apart on one line,
/// the second ending in an organization's word, when the first is no
/// acronym, no known organization and never written without the second
/// after it: one company's name the tagger cut in two (`McDonnell` and
/// `Douglas Corp`, `E.F.` and `Hutton Group Inc`). An acronym before a
/// name is a name of its own (`IMF World Bank meetings`).
pub fn join_names_cut_at_a_space(mentions: &mut Mentions, article: ArticleText) {
    let mut joins: Vec<(String, String, String)> = Vec::new();
    for first in mentions.kept(MentionKind::Organization) {
        if !first.is_tagged()
            || !article.around(first).1.starts_with(' ')
            || is_acronym(&first.value)
            || is_known_organization(&first.value)
            || !first.value.contains(char::is_lowercase)
            || is_modifier(&first.value)
        {
            continue;
        }
        let offset = first.offset + first.text.len() + 1;
        let Some(second) = mentions.kept(MentionKind::Organization).find(|second| {
            second.is_tagged()
                && second.field == first.field
                && second.offset == offset
                && second.value != first.value
                && is_organization_word(last_word(&second.value))
        }) else {
            continue;
        };
        let never_alone = mentions
            .kept(MentionKind::Organization)
            .filter(|other| other.value == first.value)
            .all(|other| {
                let (_, after) = article.around(other);
                after
                    .strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(&second.text))
            });
        if never_alone {
            let joined = format!("{} {}", first.text, second.text);
            joins.push((first.value.clone(), second.value.clone(), joined));
        }
    }
    rename_joined(
        mentions,
        joins,
        "one name the tagger cut at a space (`McDonnell` and `Douglas Corp`)",
    );
}

/// Last words of the names of streets and grounds that are surnames too
/// (`White Hart Lane`, `Villa Park`, `Abbey Road`): the tagger reads such
/// a name as a place and a person after it.
const STREET_ENDINGS: &[&str] = &[
    "Lane",
    "Road",
    "Street",
    "Avenue",
    "Park",
    "Square",
    "Bridge",
    "Gardens",
    "Stadium",
    "Way",
    "Drive",
    "Boulevard",
    "Green",
];

/// Joins a place the tagger read right before a person, one space apart
/// on one line, whose last word ends the names of streets and grounds:
/// one place the tagger cut (`White` and `Hart Lane` of `at White Hart
/// Lane`), not a stop word (`How` of `How Green Was My Valley`). The
/// place takes the whole name; the person is none.
pub fn join_places_cut_at_a_space(mentions: &mut Mentions, article: ArticleText) {
    let street_person = mentions
        .kept(MentionKind::Person)
        .any(|person| person.is_tagged() && STREET_ENDINGS.contains(&last_word(&person.text)));
    if !street_person {
        return;
    }
    let gazetteer = Gazetteer::get();
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (first_at, first) in mentions.list.iter().enumerate() {
        if !first.is_kept_as(MentionKind::Location)
            || !first.is_tagged()
            || !article.around(first).1.starts_with(' ')
            || gazetteer.is_stopword(&first.text)
        {
            continue;
        }
        let offset = first.offset + first.text.len() + 1;
        let second = mentions.list.iter().position(|second| {
            second.is_kept_as(MentionKind::Person)
                && second.is_tagged()
                && second.field == first.field
                && second.offset == offset
                && STREET_ENDINGS.contains(&last_word(&second.text))
        });
        if let Some(second_at) = second {
            joins.push((first_at, second_at));
        }
    }
    let explain = mentions.explain;
    for (first_at, second_at) in joins {
        let joined = format!(
            "{} {}",
            mentions.list[first_at].text, mentions.list[second_at].text
        );
        let first = &mut mentions.list[first_at];
        let piece = first.value.clone();
        first.log_change(explain, "a piece of a name", || {
            format!(
                "location {piece:?} → location {joined:?}: one place the tagger cut before a \
                 street's or a ground's last word"
            )
        });
        first.value = joined;
        mentions.list[second_at].dropped = Some(Change {
            resolver: "a piece of a name",
            what: Cow::Borrowed(
                "the end of a street's or a ground's name the tagger cut (`Hart Lane` of `White Hart Lane`)",
            ),
        });
    }
}

/// Whether a name is one word, no acronym, and legal forms (`Wireless
/// Plc`, `Quist Inc`; not `General Motors`, `Cisco Systems`).
fn one_word_and_endings(name: &str) -> bool {
    let mut words = name.split(' ');
    let first = words.next().unwrap_or("");
    let mut endings = words.peekable();
    endings.peek().is_some()
        && endings.all(|word| LEGAL_FORMS.contains(word))
        && !is_acronym(first)
        && first.chars().all(char::is_alphabetic)
}

/// Whether a name ends in a modifier of what follows it (`St.
/// Louis-based`).
pub(super) fn is_modifier(name: &str) -> bool {
    last_word(name)
        .rsplit_once('-')
        .is_some_and(|(_, suffix)| PLACE_ADJECTIVE_SUFFIXES.contains(suffix))
}

/// Names both pieces of each joined name (first, second, joined), and
/// the pieces a headline writes in capitals (`MCDONNELL`), by the joined
/// name.
fn rename_joined(mentions: &mut Mentions, joins: Vec<(String, String, String)>, why: &'static str) {
    for (first, second, joined) in joins {
        let pieces: Vec<String> = mentions
            .value_refs(MentionKind::Organization)
            .into_iter()
            .filter(|value| {
                [&first, &second]
                    .iter()
                    .any(|piece| super::same_in_lowercase(value, piece))
            })
            .map(String::from)
            .collect();
        for value in pieces {
            mentions.rename_value(
                MentionKind::Organization,
                &value,
                (MentionKind::Organization, &joined),
                "a piece of a name",
                why,
            );
        }
    }
}

/// Whether a name is written in capitals, as an acronym is: an acronym is
/// a whole name, which a unit's or a product's name may follow (`BBC
/// Radio`, `NYSE Composite`).
fn is_acronym(name: &str) -> bool {
    !name.contains(' ') && !name.chars().any(char::is_lowercase)
}

/// Whether the capitalised word right before or right after a mention, on
/// its line and one space away, is one no kept name holds and that may
/// stand inside a name.
fn runs_on(mentions: &Mentions, article: ArticleText, mention: &Mention) -> bool {
    let (before, after) = article.around(mention);
    let end = mention.offset + mention.text.len();
    let word_after = after
        .strip_prefix(' ')
        .map(|rest| rest.split([' ', '\n']).next().unwrap_or(""))
        .map(|word| word.trim_end_matches([',', '.', ';', ':', ')', '"', '\'']))
        .filter(|word| !word.is_empty());
    let word_before = before
        .strip_suffix(' ')
        .map(|rest| rest.rsplit([' ', '\n']).next().unwrap_or(""))
        .filter(|word| !word.is_empty());
    let after_unheld = word_after.is_some_and(|word| {
        may_stand_in_a_name(word) && !is_held(mentions, mention.field, end + 1)
    });
    let before_unheld = word_before.is_some_and(|word| {
        may_stand_in_a_name(word)
            && !is_held(mentions, mention.field, mention.offset - 1 - word.len())
    });
    after_unheld || before_unheld
}

/// Whether a place's name follows, one space before on its line, a
/// capitalised word no kept name holds, which itself follows an
/// organization's name (`Stoy` of `BDO Stoy Hayward`): the end of a
/// firm's name the tagger cut, not a town.
fn follows_a_word_of_a_name(mentions: &Mentions, article: ArticleText, mention: &Mention) -> bool {
    let (before, _) = article.around(mention);
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest.rsplit([' ', '\n']).next().unwrap_or("");
    if word.is_empty() || !may_stand_in_a_name(word) {
        return false;
    }
    let word_start = rest.len() - word.len();
    !is_held(mentions, mention.field, word_start)
        && rest[..word_start].strip_suffix(' ').is_some_and(|front| {
            mentions
                .kept(MentionKind::Organization)
                .any(|organization| {
                    organization.field == mention.field
                        && organization.offset + organization.text.len() == front.len()
                })
        })
}

/// Whether a word is capitalised and may be a word of a name: no title,
/// date word, stop word or place, and letters only.
fn may_stand_in_a_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic)
        && !PERSON_TITLES.contains(word)
        && !DATE_WORDS.contains(word)
        && !Gazetteer::get().is_stopword(word)
        && Gazetteer::get().lookup(word).is_empty()
}

/// Whether a kept mention of a field holds the byte at an offset.
fn is_held(mentions: &Mentions, field: Field, offset: usize) -> bool {
    mentions.list.iter().any(|mention| {
        mention.is_kept()
            && mention.field == field
            && mention.offset <= offset
            && offset < mention.offset + mention.text.len()
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, mentions_in, with_body};
    use super::*;

    #[test]
    fn a_name_cut_from_a_longer_one_is_dropped() {
        let body = "More than Federal Reserve policy-makers wanted.\n\
                    The Dow Chemical Co of the United States will invest.\n\
                    Chrysler Corp Chairman Lee Iacocca said on Monday.\n\
                    Shares of Ford rose. Ford Motor Co said so.";
        let mut mentions = mentions_in(
            body,
            &["Federal", "Chemical Co", "Chrysler Corp", "Ford"],
            MentionKind::Organization,
        );
        with_body(body, |article| drop_pieces_of_names(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Chrysler Corp", "Ford"]
        );
    }

    #[test]
    fn a_place_after_a_firms_word_is_a_piece_of_the_firm() {
        use super::super::testing::mentions_of_kinds;
        let body = "Researchers at BDO Stoy Hayward said so, as did the Bank of \
                    England in Central London and Greater London.";
        let mut mentions = mentions_of_kinds(
            body,
            &[
                ("BDO", MentionKind::Organization),
                ("Hayward", MentionKind::Location),
                ("Bank of England", MentionKind::Organization),
                ("London", MentionKind::Location),
            ],
        );
        with_body(body, |article| drop_pieces_of_names(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Location), vec!["London"]);
    }

    #[test]
    fn a_name_cut_at_its_and_is_joined() {
        let body = "He told the National Grain and Feed Association that grain \
                    prices fell; Ford and General Motors Corp did not, nor the \
                    World Bank and International Monetary Fund, a bank.";
        let mut mentions = mentions_in(
            body,
            &[
                "National Grain",
                "Feed Association",
                "Ford",
                "General Motors Corp",
                "World Bank",
                "International Monetary Fund",
            ],
            MentionKind::Organization,
        );
        // The tagger's piece inside the second half (`Association`).
        let at = body.find("Association").unwrap();
        mentions.push(body_mention("Association", MentionKind::Organization, at));
        with_body(body, |article| {
            join_names_cut_at_and(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "National Grain and Feed Association",
                "Ford",
                "General Motors Corp",
                "World Bank",
                "International Monetary Fund",
            ]
        );
        // A word common in English, which this article writes in no
        // lowercase.
        let body = "The House Ways and Means Committee voted; Standard Life and Lloyds Bank fell.";
        let mut mentions = mentions_in(
            body,
            &[
                "House Ways",
                "Means Committee",
                "Standard Life",
                "Lloyds Bank",
            ],
            MentionKind::Organization,
        );
        with_body(body, |article| {
            join_names_cut_at_and(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "House Ways and Means Committee",
                "Standard Life",
                "Lloyds Bank"
            ],
            "two firms, the second opening on a name, stay two"
        );
    }

    #[test]
    fn a_name_also_written_alone_is_not_joined() {
        let body = "Dow Chemical and Chemical Manufacturers Association spoke. \
                    Dow Chemical said chemical sales rose.";
        let mut mentions = organizations_at(
            body,
            &[
                ("Dow Chemical", 0),
                ("Chemical Manufacturers Association", 0),
                ("Dow Chemical", 40),
            ],
        );
        with_body(body, |article| {
            join_names_cut_at_and(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Dow Chemical", "Chemical Manufacturers Association"]
        );
    }

    #[test]
    fn two_names_an_acronym_spells_as_one_are_one() {
        let body = "Nippon Telegraph and Telephone Corp shares rose. NTT said so. \
                    Ford and General Motors Corp fell. GM said so.";
        let mut mentions = organizations_at(
            body,
            &[
                ("Nippon Telegraph", 0),
                ("Telephone Corp", 0),
                ("NTT", 0),
                ("Ford", 0),
                ("General Motors Corp", 0),
                ("GM", 0),
            ],
        );
        with_body(body, |article| {
            join_names_cut_at_and(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "Nippon Telegraph and Telephone Corp",
                "NTT",
                "Ford",
                "General Motors Corp",
                "GM"
            ],
            "`GM` spells the second name alone"
        );
    }

    #[test]
    fn a_firm_the_rules_read_whole_is_one_name() {
        let body = "Cable and Wireless Plc rose. Ford and Chrysler Corp fell. \
                    Apple Computer and Cisco Systems met.";
        let mut mentions = organizations_at(
            body,
            &[
                ("Cable", 0),
                ("Wireless Plc", 0),
                ("Ford", 0),
                ("Chrysler Corp", 0),
                ("Apple Computer", 0),
                ("Cisco Systems", 0),
            ],
        );
        for whole in ["Cable and Wireless Plc", "Apple Computer and Cisco Systems"] {
            let mut rule =
                body_mention(whole, MentionKind::Organization, body.find(whole).unwrap());
            rule.source = crate::enrich::mentions::Source::Rule("test");
            mentions.push(rule);
        }
        with_body(body, |article| {
            join_names_cut_at_and(&mut mentions, article)
        });
        let tagged: Vec<&str> = mentions
            .kept(MentionKind::Organization)
            .filter(|mention| mention.is_tagged())
            .map(|mention| mention.value.as_str())
            .collect();
        assert_eq!(
            tagged,
            vec![
                "Cable and Wireless Plc",
                "Cable and Wireless Plc",
                "Ford",
                "Chrysler Corp",
                "Apple Computer",
                "Cisco Systems"
            ],
            "no rule reads `Ford and Chrysler Corp` whole; `Systems` is no legal form"
        );
    }

    #[test]
    fn a_place_the_tagger_cut_before_a_streets_last_word_is_one() {
        use super::super::testing::mentions_of_kinds;
        let body = "Spurs play at White Hart Lane. It is set in How Green Was \
                    My Valley. Paris Hilton came.";
        let mut mentions = mentions_of_kinds(
            body,
            &[
                ("White", MentionKind::Location),
                ("Hart Lane", MentionKind::Person),
                ("How", MentionKind::Location),
                ("Green", MentionKind::Person),
                ("Paris", MentionKind::Location),
                ("Hilton", MentionKind::Person),
            ],
        );
        with_body(body, |article| {
            join_places_cut_at_a_space(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["White Hart Lane", "How", "Paris"]
        );
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Green", "Hilton"]
        );
    }

    #[test]
    fn two_names_the_tagger_cut_at_a_space_are_one() {
        let body = "McDonnell Douglas Corp won. Hereford Hospitals NHS Trust said. \
                    The IMF World Bank meetings open. Acme Tools Inc rose and Acme fell. \
                    St. Louis-based Mercantile Bancorp Inc said.";
        let mut mentions = organizations_at(
            body,
            &[
                ("McDonnell", 0),
                ("Douglas Corp", 0),
                ("Hereford Hospitals", 0),
                ("NHS Trust", 0),
                ("IMF", 0),
                ("World Bank", 0),
                ("Acme", 0),
                ("Tools Inc", 0),
                ("Acme", body.find("and Acme").unwrap()),
                ("St. Louis-based", 0),
                ("Mercantile Bancorp Inc", 0),
            ],
        );
        with_body(body, |article| {
            join_names_cut_at_a_space(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "McDonnell Douglas Corp",
                "Hereford Hospitals NHS Trust",
                "IMF",
                "World Bank",
                "Acme",
                "Tools Inc",
                "St. Louis-based",
                "Mercantile Bancorp Inc",
            ],
            "an acronym, a name also written alone and a modifier stay apart"
        );
    }

    /// The tagger's organizations at the first place each is written
    /// after `from` in the body.
    fn organizations_at(body: &str, names: &[(&str, usize)]) -> Mentions {
        let mut mentions = Mentions::default();
        for (name, from) in names {
            let offset = from + body[*from..].find(name).unwrap();
            mentions.push(body_mention(name, MentionKind::Organization, offset));
        }
        mentions
    }

    #[test]
    fn the_tagger_s_line_of_a_name_a_rule_read_across_lines_is_a_piece() {
        use crate::enrich::mentions::Source;
        let body = "Balances at the Federal\nReserve rose, and the Federal Trade\nCommission met.";
        let mut mentions = Mentions::default();
        let reserve = body.find("Federal").unwrap();
        let trade = body.rfind("Federal").unwrap();
        for (text, offset) in [("Federal", reserve), ("Federal Trade", trade)] {
            mentions.push(body_mention(text, MentionKind::Organization, offset));
        }
        let mut whole = body_mention("Federal Reserve", MentionKind::Organization, reserve);
        whole.source = Source::Rule("organization word");
        mentions.push(whole);
        with_body(body, |article| {
            drop_pieces_of_wrapped_names(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Federal Trade", "Federal Reserve"],
            "a line's name no rule read longer stays"
        );
    }

    #[test]
    fn a_name_before_a_name_a_stop_word_or_a_place_is_whole() {
        let body = "Acme Widgets The end. Acme Tools Jones said. Acme Labs Tokyo office.";
        let mut mentions = organizations_at(body, &[("Acme Widgets", 0), ("Acme Tools", 0)]);
        mentions.push(body_mention(
            "Jones",
            MentionKind::Person,
            body.find("Jones").unwrap(),
        ));
        mentions.push(body_mention(
            "Acme Labs",
            MentionKind::Organization,
            body.find("Acme Labs").unwrap(),
        ));
        with_body(body, |article| drop_pieces_of_names(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Acme Widgets", "Acme Tools", "Acme Labs"],
            "a stop word ends a name, another name holds `Jones`, a place ends a name"
        );
    }

    #[test]
    fn a_name_written_again_alone_an_acronym_or_a_known_one_is_whole() {
        let body = "Harmon Motor said. Harmon fell. KXT Radio said. Google Maps is new.";
        let mut mentions = organizations_at(
            body,
            &[("Harmon", 0), ("Harmon", 19), ("KXT", 0), ("Google", 0)],
        );
        with_body(body, |article| drop_pieces_of_names(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Harmon", "KXT", "Google"]
        );
        // Read once, the same runs on into a word no name holds.
        let mut mentions = organizations_at(body, &[("Harmon", 0)]);
        with_body(body, |article| drop_pieces_of_names(&mut mentions, article));
        assert!(mentions.values(MentionKind::Organization).is_empty());
    }
}
