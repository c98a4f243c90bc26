//! `name spans`: persons' names the tagger cut in two or ran on. Two
//! persons side by side with one space between are one name (`Enzo`
//! `Scifo` is `Enzo Scifo`): two people's names are always set apart, by
//! a comma, `and` or a line. A day of the week after a name is when,
//! not who (`Foreign Minister Jose Miguel Insulza Monday`), and so is a
//! date after `on` or `in` at the end of any name (`Brits on Tuesday`).

use super::super::entities::is_organization_word;
use super::super::mentions::{
    Change, Field, Mention, MentionKind, Mentions, first_word, last_word,
};
use super::super::vocabulary::{DATE_WORDS, PERSON_TITLES, is_known_organization};
use super::ArticleText;
use super::persons::HONORIFICS;
use std::borrow::Cow;

const NAME: &str = "name spans";

/// Repairs the spans of persons' names (see the module header).
pub fn repair_person_spans(mentions: &mut Mentions, article: ArticleText) {
    drop_weekdays(mentions);
    join_side_by_side(mentions, article);
}

/// Takes a day of the week off the end of a person's name of several
/// words, and a date after `on` or `in` off the end of any name (`Brits
/// on Tuesday`, `Bank of England on March`).
fn drop_weekdays(mentions: &mut Mentions) {
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        let named = [
            MentionKind::Person,
            MentionKind::Organization,
            MentionKind::Location,
        ]
        .into_iter()
        .any(|kind| mention.is_kept_as(kind));
        if !named || mention.text != mention.value {
            continue;
        }
        let date = last_word(&mention.text);
        if date.len() == mention.text.len() || !DATE_WORDS.contains(date) {
            continue;
        }
        let front = mention.text[..mention.text.len() - date.len()].trim_end();
        // `on Tuesday`, `in March`: the words say when.
        let dated = [" on", " in"]
            .iter()
            .find_map(|preposition| front.strip_suffix(preposition))
            .filter(|name| !name.is_empty());
        // The days among the names of days and months: each ends in `day`,
        // and no month does (`Theresa May` keeps her name).
        let name = match dated {
            Some(name) => name,
            None if mention.kind == MentionKind::Person && date.ends_with("day") => front,
            None => continue,
        };
        let name = name.to_string();
        rename(mention, name, explain, "a date ends no name");
    }
}

/// Where the name that begins with a first span ends, following a chain
/// of joins (`Jimmy` `Floyd` `Hasselbaink`); `None` when it joins none.
fn joined_end(joins: &[(Span, Span)], first: Span) -> Option<usize> {
    let mut end = None;
    let mut at = first;
    // Each span joins at most one after it; a chain is no longer than the
    // list of joins.
    for _ in 0..joins.len() {
        let Some(&(_, second)) = joins.iter().find(|(from, _)| *from == at) else {
            break;
        };
        end = Some(second.2);
        at = second;
    }
    end
}

/// Gives a mention another text and value, logging why when explaining.
fn rename(mention: &mut Mention, name: String, explain: bool, why: &str) {
    let before = std::mem::replace(&mut mention.text, name.clone());
    let kind = mention.kind.name();
    mention.log_change(explain, NAME, || {
        format!("{kind} {before:?} → {kind} {name:?}: {why}")
    });
    mention.value = name;
}

/// The span of a mention: its field and its first and last byte.
type Span = (Field, usize, usize);

/// Where a mention's text stands.
fn span_of(mention: &Mention) -> Span {
    (
        mention.field,
        mention.offset,
        mention.offset + mention.text.len(),
    )
}

/// Makes each pair of persons written one space apart one person: the
/// first takes both names, the second is dropped.
fn join_side_by_side(mentions: &mut Mentions, article: ArticleText) {
    // The tagger's spans only: a rule's mention stands where the words it
    // read begin (`Finance Minister` before `Edouard Balladur`).
    let spans: Vec<Span> = mentions
        .list
        .iter()
        .filter(|mention| is_written_person(mention, article))
        .map(span_of)
        .collect();
    // Each first name's span, and where the name after it ends.
    let mut joins: Vec<(Span, Span)> = Vec::new();
    for &first in &spans {
        let (field, _, end) = first;
        let Some(text) = article.text_of(field) else {
            continue;
        };
        if text.get(end..end + 1) != Some(" ") {
            continue;
        }
        let second = spans
            .iter()
            .find(|&&(other_field, start, _)| other_field == field && start == end + 1);
        if let Some(&second) = second
            && !joins.contains(&(first, second))
            && may_join(&text[first.1..first.2], &text[second.1..second.2])
            && !article.writes_as_common_word(&text[first.1..first.2])
        {
            joins.push((first, second));
        }
    }
    if joins.is_empty() {
        return;
    }
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        if !is_written_person(mention, article) {
            continue;
        }
        let span = span_of(mention);
        if joins.iter().any(|(_, second)| *second == span) {
            mention.dropped = Some(Change {
                resolver: NAME,
                what: Cow::Borrowed("the end of the name written one space before it"),
            });
            continue;
        }
        let Some(end) = joined_end(&joins, span) else {
            continue;
        };
        let text = article.text_of(mention.field).unwrap_or("");
        let name = text[mention.offset..end].to_string();
        let why = "the name written one space after it goes on with it";
        rename(mention, name, explain, why);
    }
}

/// Whether two names side by side may be one person's: neither holds a
/// title or a form of address (`Col.` `Oliver North`, `Mr` `Kennedy`),
/// the first is no party or firm, nor begins one with the second (`Lib`
/// `Dem Norman Baker`), and the second ends in no organization's word
/// (`Marcel` `Dassault Industries`).
fn may_join(first: &str, second: &str) -> bool {
    let titled = |name: &str| {
        name.split(' ')
            .any(|word| PERSON_TITLES.contains(word) || HONORIFICS.contains(&word))
    };
    !titled(first)
        && !titled(second)
        && !is_known_organization(first)
        && !is_known_organization(&format!("{first} {}", first_word(second)))
        && !is_organization_word(last_word(second))
}

/// Whether a mention is a kept person the tagger read, under its own
/// name, written as it stands in mixed case (not a headline in capitals,
/// where two names side by side are common: `KOHL MITTERRAND MEET`).
fn is_written_person(mention: &Mention, article: ArticleText) -> bool {
    let (field, start, end) = span_of(mention);
    mention.is_kept_as(MentionKind::Person)
        && mention.is_tagged()
        && mention.text == mention.value
        && mention.text.contains(char::is_lowercase)
        && article.text_of(field).and_then(|text| text.get(start..end))
            == Some(mention.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, with_body};
    use super::*;

    fn values(body: &str, names: &[&str]) -> Vec<String> {
        with_body(body, |article| {
            let list: Vec<Mention> = names
                .iter()
                .map(|name| {
                    let offset = body.find(name).expect("the name is in the body");
                    body_mention(name, MentionKind::Person, offset)
                })
                .collect();
            let mut mentions = Mentions::of(list, true);
            repair_person_spans(&mut mentions, article);
            mentions.values(MentionKind::Person)
        })
    }

    #[test]
    fn two_persons_one_space_apart_are_one() {
        let body = "Captain 10 - Enzo Scifo, 7 - Gert Verheyen.";
        assert_eq!(
            values(body, &["Enzo", "Scifo", "Gert Verheyen"]),
            vec!["Enzo Scifo", "Gert Verheyen"]
        );
    }

    #[test]
    fn a_chain_of_persons_one_space_apart_is_one_name() {
        let body = "Striker Jimmy Floyd Hasselbaink scored.";
        assert_eq!(
            values(body, &["Jimmy", "Floyd", "Hasselbaink"]),
            vec!["Jimmy Floyd Hasselbaink"]
        );
    }

    #[test]
    fn persons_apart_by_more_than_a_space_stay_two() {
        let body = "Enzo, Scifo and Gert\nVerheyen, then Kohl  Major.";
        assert_eq!(
            values(
                body,
                &["Enzo", "Scifo", "Gert", "Verheyen", "Kohl", "Major"]
            ),
            vec!["Enzo", "Scifo", "Gert", "Verheyen", "Kohl", "Major"]
        );
        let body = "Col. Oliver North met Lib Dem Norman Baker and Marcel Dassault Industries.";
        let names = [
            "Col.",
            "Oliver North",
            "Lib",
            "Dem Norman Baker",
            "Marcel",
            "Dassault Industries",
        ];
        assert_eq!(values(body, &names), names);
    }

    #[test]
    fn a_weekday_ends_no_name() {
        let body = "She meets Jose Miguel Insulza Monday, and Friday alone, and Theresa May.";
        assert_eq!(
            values(
                body,
                &["Jose Miguel Insulza Monday", "Friday", "Theresa May"]
            ),
            vec!["Jose Miguel Insulza", "Friday", "Theresa May"]
        );
    }

    #[test]
    fn a_date_after_on_or_in_ends_no_name() {
        use MentionKind::*;
        let body = "It won at the Brits on Tuesday; the Bank of England on March 3 \
                    and Sheffield Wednesday did not, nor Keane in Hove.";
        let names = [
            ("Brits on Tuesday", Location),
            ("Bank of England on March", Organization),
            ("Sheffield Wednesday", Organization),
            ("Keane in Hove", Person),
        ];
        let list: Vec<Mention> = names
            .iter()
            .map(|(name, kind)| body_mention(name, *kind, body.find(name).unwrap()))
            .collect();
        let mut mentions = Mentions::of(list, true);
        with_body(body, |article| repair_person_spans(&mut mentions, article));
        assert_eq!(mentions.values(Location), vec!["Brits"]);
        assert_eq!(
            mentions.values(Organization),
            vec!["Bank of England", "Sheffield Wednesday"]
        );
        assert_eq!(mentions.values(Person), vec!["Keane in Hove"], "no date");
    }
}
