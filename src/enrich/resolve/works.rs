//! Titles of works (films, novels, albums, shows), which the tagger reads
//! as persons, organizations or places when their names look like them
//! (`Million Dollar Baby`, `The Aviator`, `Vera Drake`). A title is known
//! by what the article writes around one of its mentions: a word before it
//! that says what it is (`the drama Vera Drake`, `animated comedy The
//! Incredibles`), `starred in` before it, or `starring` or `directed by`
//! after it (`Ray, starring Jamie Foxx`). An award `for` a name tells
//! nothing: `best actor for Jamie Foxx` is as common as `best actress for
//! Vera Drake`. Once the article names a work so, every mention of that
//! name in it is the work, and no facet of persons, organizations or
//! places counts it.

use super::super::mentions::{Mention, MentionKind, Mentions};
use super::super::vocabulary::{SPEECH_VERBS, WORK_KINDS};
use super::ArticleText;

/// Drops the persons, organizations and locations whose name the article
/// gives to a work.
pub fn drop_works(mentions: &mut Mentions, article: ArticleText) {
    // A quotation tells less than a word for a work: `"Paris Club"
    // creditors` quotes an organization's name. Only the quoted mention
    // goes; the name's other mentions decide for themselves.
    mentions.drop_where(
        "works",
        "a quoted title (`\"Viva Zapata\"`): the name of a work, no person, organization or place",
        |mention| {
            let (before, after) = article.around(mention);
            is_named(mention) && is_quoted_title(before, after)
        },
    );
    let mut works: Vec<&str> = Vec::new();
    for mention in &mentions.list {
        if is_named(mention) && is_cued_as_work(mention, article) {
            works.push(title_of(&mention.text));
        }
    }
    if works.is_empty() {
        return;
    }
    // A name that speaks is someone's, whatever else the article writes
    // before it (`the film Moore made ... Moore said`).
    works.retain(|work| {
        !mentions
            .list
            .iter()
            .any(|mention| title_of(&mention.text) == *work && speaks(mention, article))
    });
    let works: Vec<String> = works.into_iter().map(str::to_string).collect();
    mentions.drop_where(
        "works",
        "the article names a work so (a film, a novel, an album): no person, organization or place",
        |mention| {
            is_named(mention)
                && (works.iter().any(|work| {
                    title_of(&mention.text) == work || title_of(&mention.value) == work
                }))
        },
    );
}

/// Whether a mention is of a kind a work can be mistaken for.
fn is_named(mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Person | MentionKind::Organization | MentionKind::Location | MentionKind::Misc
    )
}

/// A title without the article it may begin with (`The Aviator` is
/// `Aviator`, as the tagger sometimes leaves `The` out).
fn title_of(name: &str) -> &str {
    name.strip_prefix("The ").unwrap_or(name)
}

/// Whether the words around a mention say it is the title of a work.
fn is_cued_as_work(mention: &Mention, article: ArticleText) -> bool {
    let (before, after) = article.around(mention);
    // `Ray, starring Jamie Foxx`, but not `director Spike Lee, starring in
    // seven films`, which says what the person did.
    let starring = [", starring ", " starring "]
        .iter()
        .any(|cue| after.starts_with(cue) && !after[cue.len()..].starts_with("in "));
    if starring || after.starts_with(", directed by ") || after.starts_with(" directed by ") {
        return true;
    }
    let before = match mention.text.starts_with("The ") {
        true => before,
        // `the film The Aviator` where the mention is `Aviator`.
        false => before.strip_suffix("The ").unwrap_or(before),
    };
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let word = before
        .rsplit(|character: char| !character.is_alphabetic())
        .next()
        .unwrap_or("");
    WORK_KINDS.contains(word) || before.ends_with("starred in") || before.ends_with("starring in")
}

/// Quotation marks that open a quotation.
const OPENING_QUOTES: [char; 3] = ['"', '“', '«'];

/// Quotation marks that close one.
const CLOSING_QUOTES: [char; 3] = ['"', '”', '»'];

/// The most words a quoted title may hold after the name read in it
/// (`"Schindler's List"`, `"Bertillon 166"`).
const MAX_TITLE_TAIL_WORDS: usize = 2;

/// Whether a name is a whole quotation, or opens one that closes after a
/// word or two in capitals or figures: a title (`"Viva Zapata"`, `"Strike
/// Hard" campaign`, `"Schindler's List"`). A quotation that goes on in
/// lowercase is speech (`"Clinton is wrong," he said`), and a quotation
/// mark after a word closes a quotation rather than opening one.
fn is_quoted_title(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches(' ');
    let Some(opening) = before.chars().next_back() else {
        return false;
    };
    let before_quote = &before[..before.len() - opening.len_utf8()];
    if !OPENING_QUOTES.contains(&opening)
        || before_quote.ends_with(|character: char| character.is_alphanumeric())
    {
        return false;
    }
    let Some(close) = after.find(CLOSING_QUOTES) else {
        return false;
    };
    let tail = &after[..close];
    let mut words = 0;
    for word in tail.split_whitespace() {
        let word = word.trim_matches(|character: char| ",.:;!?".contains(character));
        let word = word
            .strip_prefix("'s")
            .or_else(|| word.strip_prefix("’s"))
            .unwrap_or(word);
        if word.is_empty() {
            continue;
        }
        words += 1;
        let title_like = word
            .starts_with(|character: char| character.is_uppercase() || character.is_ascii_digit());
        if !title_like || words > MAX_TITLE_TAIL_WORDS {
            return false;
        }
    }
    !tail.contains('\n')
}

/// Whether a mention is the subject of a verb of speech (`Moore said`).
fn speaks(mention: &Mention, article: ArticleText) -> bool {
    SPEECH_VERBS.contains(article.next_word(mention))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, with_body};
    use super::*;

    fn kept(body: &str, names: &[(&str, MentionKind)]) -> Vec<String> {
        with_body(body, |article| {
            // A name listed twice is its first and second occurrence.
            let mut list: Vec<Mention> = Vec::new();
            for (name, kind) in names {
                let from = list
                    .iter()
                    .filter(|mention| mention.text == *name)
                    .map(|mention| mention.offset + name.len())
                    .max()
                    .unwrap_or(0);
                let offset = from + body[from..].find(name).expect("the name is in the body");
                list.push(body_mention(name, *kind, offset));
            }
            let mut mentions = Mentions::of(list, false);
            drop_works(&mut mentions, article);
            mentions
                .list
                .iter()
                .filter(|mention| mention.is_kept())
                .map(|mention| mention.text.clone())
                .collect()
        })
    }

    #[test]
    fn a_title_after_a_word_for_its_kind_is_a_work_in_every_mention() {
        let body = "Staunton won praise for the drama Vera Drake. \
                    Vera Drake opens in London on Friday.";
        let names = [
            ("Vera Drake", MentionKind::Person),
            ("London", MentionKind::Location),
        ];
        let kept = kept(body, &names);
        assert_eq!(kept, vec!["London"]);
    }

    #[test]
    fn the_article_before_a_title_is_passed_over() {
        let body = "It beat the animated comedy The Incredibles at the box office.";
        assert!(kept(body, &[("Incredibles", MentionKind::Organization)]).is_empty());
        assert!(kept(body, &[("The Incredibles", MentionKind::Organization)]).is_empty());
    }

    #[test]
    fn words_after_a_title_and_starred_in_before_it_tell_a_work() {
        for body in [
            "Million Dollar Baby, starring Hilary Swank, won.",
            "Ray, directed by Taylor Hackford, opens today.",
            "She starred in Finding Neverland last year.",
        ] {
            let name = ["Million Dollar Baby", "Ray", "Finding Neverland"]
                .into_iter()
                .find(|name| body.contains(name))
                .expect("a title in each body");
            assert!(
                kept(body, &[(name, MentionKind::Organization)]).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn a_quoted_title_is_a_work() {
        for (body, name) in [
            (
                "He is best known for \"Viva Zapata\" and more.",
                "Viva Zapata",
            ),
            (
                "He starred in \"Schindler's List\", then left.",
                "Schindler",
            ),
            (
                "His first novel, \" Bertillon 166,\" was published.",
                "Bertillon",
            ),
            (
                "It is part of the national \"Strike Hard\" campaign.",
                "Strike Hard",
            ),
            ("Her biography My Turn was published.", "My Turn"),
        ] {
            assert!(
                kept(body, &[(name, MentionKind::Person)]).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn a_name_opening_speech_or_after_a_closing_quote_is_no_title() {
        for (body, name) in [
            ("\"Clinton is wrong,\" he said.", "Clinton"),
            ("He said \"no\" Clinton \"Yes\" again.", "Clinton"),
            (
                "\"Yeltsin and Major agreed on this,\" Kohl said.",
                "Yeltsin",
            ),
        ] {
            assert_eq!(
                kept(body, &[(name, MentionKind::Person)]),
                vec![name],
                "{body}"
            );
        }
    }

    #[test]
    fn names_without_a_cue_or_that_speak_are_kept() {
        let body = "The film Moore made was shown in Cannes. Moore said it was his best. \
                    He worked with director Spike Lee, starring in his films. \
                    Film star Tom Hanks will play Chelsea fan. He voted for Labour. Best actor for Jamie Foxx. Movie fans crowded Hollywood.";
        let names = [
            ("Moore", MentionKind::Person),
            ("Moore", MentionKind::Person),
            ("Cannes", MentionKind::Location),
            ("Spike Lee", MentionKind::Person),
            ("Tom Hanks", MentionKind::Person),
            ("Chelsea", MentionKind::Organization),
            ("Labour", MentionKind::Organization),
            ("Jamie Foxx", MentionKind::Person),
            ("Hollywood", MentionKind::Location),
        ];
        assert_eq!(
            kept(body, &names),
            vec![
                "Moore",
                "Moore",
                "Cannes",
                "Spike Lee",
                "Tom Hanks",
                "Chelsea",
                "Labour",
                "Jamie Foxx",
                "Hollywood"
            ]
        );
    }
}
