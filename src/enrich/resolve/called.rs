//! Names the article calls organizations: a person or a place the tagger
//! read right after a noun for an organization (`anti-virus firm Sophos`,
//! `Australian airline Qantas`, `the band Franz Ferdinand`), or in a list
//! of names after such a noun and `such as` (`firms such as Google,
//! Copernic and Apple`), is an organization in every mention of the
//! article. The tagger reads a firm that speaks (`Sophos said`) as a
//! person, or a firm beside places as a place (`a higher bid from
//! Qwest`); the words before one of the places the article writes it say
//! what it is, whatever most of the readings said.

use super::super::mentions::{Mention, MentionKind, Mentions};
use super::super::vocabulary::ORGANIZATION_NOUNS;
use super::ArticleText;

/// Makes each person or unlisted place that the article calls an
/// organization one.
pub fn make_called_organizations(mentions: &mut Mentions, article: ArticleText) {
    let mut called: Vec<(MentionKind, String)> = Vec::new();
    for mention in &mentions.list {
        let readable = mention.is_kept_as(MentionKind::Person)
            || (mention.is_kept_as(MentionKind::Location) && mention.meanings.is_empty());
        if readable
            && !called
                .iter()
                .any(|(kind, value)| *kind == mention.kind && *value == mention.value)
            && is_called_organization(mention, article)
        {
            called.push((mention.kind, mention.value.clone()));
        }
    }
    for (kind, value) in called {
        mentions.rename_value(
            kind,
            &value,
            (MentionKind::Organization, &value),
            "called",
            "the article calls the name an organization (`anti-virus firm Sophos`, \
             `firms such as Copernic`)",
        );
    }
}

/// Whether the article writes a mention's value, somewhere, right after
/// a noun for an organization, or in a list that such a noun opens with
/// `such as`: where the tagger read it too or not (`Israeli technology
/// firm Celltick` beside `said Yaron Toren, spokesman for Celltick`).
fn is_called_organization(mention: &Mention, article: ArticleText) -> bool {
    let value = mention.value.as_str();
    let is_letter = |character: char| character.is_alphanumeric();
    [article.title_text, article.body_text]
        .into_iter()
        .any(|text| {
            text.match_indices(value).any(|(at, _)| {
                let (before, after) = (&text[..at], &text[at + value.len()..]);
                // The start of a longer name is no call of this one (`the lobby
                // group Guantanamo Human Rights Commission`).
                let longer = after
                    .strip_prefix(' ')
                    .is_some_and(|after| after.starts_with(char::is_uppercase));
                !before.ends_with(is_letter)
                    && !after.starts_with(is_letter)
                    && !longer
                    && is_called_after(before, value)
            })
        })
}

/// Whether the text before a name calls it an organization.
fn is_called_after(before: &str, value: &str) -> bool {
    // A name read after a title is written after the title (`bank
    // Vice-President S. Stanley Katz`), so no noun stands before it.
    let noun = before.trim_end().rsplit([' ', '\n']).next().unwrap_or("");
    if ORGANIZATION_NOUNS.contains(&noun) {
        // `film maker Steven Spielberg`, `fellow broadcaster Michael
        // Pointon`, `aircraft carrier Carl Vinson`: nouns for what a
        // person does or for a ship too, before a firm of one word (`chip
        // maker Intel`).
        return !NOT_ONLY_ORGANIZATIONS.contains(&noun) || !value.contains(' ');
    }
    let Some(at) = before.rfind(" such as ") else {
        return false;
    };
    let noun = before[..at].rsplit([' ', '\n']).next().unwrap_or("");
    let between = &before[at + " such as ".len()..];
    let one_sentence = !between.contains(". ") && !between.contains(".\n");
    one_sentence
        && is_plural_organization_noun(noun)
        && between.split([' ', ',', '\n']).all(|word| {
            word.is_empty() || word == "and" || word.starts_with(|c: char| c.is_uppercase())
        })
}

/// Nouns for an organization that also say what a person does, or name
/// a ship.
const NOT_ONLY_ORGANIZATIONS: [&str; 4] = ["broadcaster", "publisher", "maker", "carrier"];

/// Whether a word is the plural of a noun for an organization, in any
/// case (`firms`, `Companies`).
fn is_plural_organization_noun(word: &str) -> bool {
    let lower = word.to_lowercase();
    let singular = match lower.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => lower.strip_suffix('s').unwrap_or("").to_string(),
    };
    !singular.is_empty() && ORGANIZATION_NOUNS.contains(&singular.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, with_body};
    use super::*;

    fn kinds(body: &str, names: &[(&str, MentionKind)]) -> Vec<(String, MentionKind)> {
        with_body(body, |article| {
            let list = names
                .iter()
                .map(|(name, kind)| {
                    let offset = body.find(name).expect("the name is in the body");
                    body_mention(name, *kind, offset)
                })
                .collect();
            let mut mentions = Mentions::of(list, false);
            make_called_organizations(&mut mentions, article);
            mentions
                .list
                .iter()
                .map(|mention| (mention.value.clone(), mention.kind))
                .collect()
        })
    }

    #[test]
    fn a_name_after_a_noun_for_an_organization_is_one() {
        for (body, name, kind) in [
            (
                "Anti-virus firm Sophos said so.",
                "Sophos",
                MentionKind::Person,
            ),
            (
                "Australian airline Qantas posted a profit.",
                "Qantas",
                MentionKind::Location,
            ),
            (
                "The band Franz Ferdinand won.",
                "Franz Ferdinand",
                MentionKind::Person,
            ),
            ("Chip maker Intel said so.", "Intel", MentionKind::Person),
            (
                "Celltick said so, wrote the technology firm Celltick.",
                "Celltick",
                MentionKind::Person,
            ),
        ] {
            assert_eq!(
                kinds(body, &[(name, kind)]),
                vec![(name.to_string(), MentionKind::Organization)],
                "{body}"
            );
        }
    }

    #[test]
    fn every_name_of_a_list_after_such_as_is_one() {
        let body = "Companies such as Blinkx, Copernic and X-Friend do it. Copernic said so.";
        let names = [
            ("Copernic", MentionKind::Person),
            ("X-Friend", MentionKind::Person),
        ];
        assert_eq!(
            kinds(body, &names),
            vec![
                ("Copernic".to_string(), MentionKind::Organization),
                ("X-Friend".to_string(), MentionKind::Organization),
            ]
        );
    }

    #[test]
    fn a_name_after_other_words_stays_as_read() {
        for (body, name) in [
            ("Its chairman John Smith said so.", "John Smith"),
            ("Firms such as ours hired Jane Doe.", "Jane Doe"),
            ("Analysts such as Ian Fogg agree.", "Ian Fogg"),
            (
                "Firms such as Google and AOL. Jerry Yang is proud.",
                "Jerry Yang",
            ),
            (
                "Film maker Steven Spielberg will serve.",
                "Steven Spielberg",
            ),
            (
                "Publisher Jean-Pierre Bordua said so.",
                "Jean-Pierre Bordua",
            ),
            ("The aircraft carrier Carl Vinson sailed.", "Carl Vinson"),
        ] {
            assert_eq!(
                kinds(body, &[(name, MentionKind::Person)]),
                vec![(name.to_string(), MentionKind::Person)],
                "{body}"
            );
        }
    }
}
