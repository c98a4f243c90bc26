//! Names the article calls organizations: a person or a place the tagger
//! read right after a noun for an organization (`anti-virus firm Sophos`,
//! `Australian airline Qantas`, `the band Franz Ferdinand`), or in a list
//! of names after such a noun and `such as` (`firms such as Google,
//! Copernic and Apple`), is an organization in every mention of the
//! article. The tagger reads a firm that speaks (`Sophos said`) as a
//! person, or a firm beside places as a place (`a higher bid from
//! Qwest`); the words before one of the places the article writes it say
//! what it is, whatever most of the readings said. So is one no list
//! knows that the article writes as a firm's part (`its Yugansk unit`),
//! and a place no list knows that it writes as bought or sold (`the sale
//! of Yugansk`); so is a name it writes as a web site (`Nfox.com`).

use super::super::mentions::{MentionKind, Mentions, last_word};
use super::super::tagger::features::CueWords;
use super::super::tokens::Tokenized;
use super::super::vocabulary::ORGANIZATION_NOUNS;
use super::{ArticleText, is_listed, list_opening};

/// Makes each person or unlisted place that the article calls an
/// organization one.
pub fn make_called_organizations(mentions: &mut Mentions, article: ArticleText) {
    let texts = [article.title_text, article.body_text];
    let mut calls = calls_in_title(article.title_text);
    calls.extend(calls_in_body(article.body_text, article.body));
    static PART_CUES: CueWords = CueWords::new(&[&FIRM_PARTS]);
    static TRADED_CUES: CueWords = CueWords::new(&[&TRADED_NOUNS, &TRADED_VERBS]);
    let mut parts = match article.words.writes_any_in_lowercase(&PART_CUES) {
        true => names_of_firms_parts(article.body),
        false => Vec::new(),
    };
    parts.extend(names_of_sites(article.body_text));
    let traded = match article.words.writes_any_in_lowercase(&TRADED_CUES) {
        true => names_traded(article.body),
        false => Vec::new(),
    };
    if calls.is_empty() && parts.is_empty() && traded.is_empty() {
        return;
    }
    // `FAIRCHILD` in a headline in capitals beside `the sale of Fairchild`.
    let among = |names: &[&str], value: &str| {
        names
            .iter()
            .any(|name| super::same_in_lowercase(name, value))
    };
    // `film maker Spielberg` beside `Steven Spielberg`: a surname after a
    // noun for what a person does.
    let surnames: Vec<&str> = mentions
        .kept(MentionKind::Person)
        .filter(|mention| mention.value.contains(' '))
        .map(|mention| last_word(&mention.value))
        .collect();
    let mut called: Vec<(MentionKind, String)> = Vec::new();
    for mention in &mentions.list {
        let readable = mention.is_kept_as(MentionKind::Person)
            || (mention.is_kept_as(MentionKind::Location) && mention.meanings.is_empty());
        if readable
            && !called
                .iter()
                .any(|(kind, value)| *kind == mention.kind && *value == mention.value)
            && (calls.iter().any(|call| {
                call.names(&mention.value, texts[call.text])
                    && !(call.one_word && surnames.contains(&mention.value.as_str()))
            }) || (among(&parts, &mention.value) && !is_listed(mention))
                || (among(&traded, &mention.value)
                    && mention.kind == MentionKind::Location
                    && !is_listed(mention)))
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
             `firms such as Copernic`, `its Yugansk unit`)",
        );
    }
}

/// Words for a part of a firm, after its name (`its Yugansk unit`).
const FIRM_PARTS: [&str; 6] = [
    "unit",
    "division",
    "subsidiary",
    "affiliate",
    "arm",
    "offshoot",
];

/// The names of firms' parts a text writes after `its` or an owner's
/// possessive and before a word for one (`its Yugansk division`,
/// `Yukos's Yugansk unit`): one capitalised word each, read from the
/// text's words in one pass. The caller reads only names no list knows: a
/// listed place is where the part is (`its London unit`).
fn names_of_firms_parts<'a>(text: &Tokenized<'a>) -> Vec<&'a str> {
    let mut names = Vec::new();
    for words in text.tokens.windows(3) {
        let [owner, name, part] = words else {
            continue;
        };
        // Most words are no name: that is asked first.
        if !name.capitalised || name.after_break || name.possessive || part.after_break {
            continue;
        }
        let owned = owner.text == "its" || owner.possessive || owner.text.ends_with('\'');
        if owned && FIRM_PARTS.contains(&part.text) && !names.contains(&name.text) {
            names.push(name.text);
        }
    }
    names
}

/// The endings of web addresses after a site's name (`Nfox.com`).
const SITE_ENDINGS: [&str; 4] = [".com", ".co.uk", ".net", ".org"];

/// The names a text writes as web sites, before an address's ending
/// (`the Nfox.com`, `OptInRealBig.com`): a firm. Read from each dot.
fn names_of_sites(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    // Most texts give no address: three searches say so faster than a
    // stop at every full stop.
    if !(text.contains(".co") || text.contains(".net") || text.contains(".org")) {
        return names;
    }
    for (at, _) in text.match_indices('.') {
        let Some(ending) = SITE_ENDINGS
            .iter()
            .find(|ending| text[at..].starts_with(*ending))
        else {
            continue;
        };
        if text[at + ending.len()..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let before = &text[..at];
        let name = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("");
        // `www.` opens an address, not a name.
        let address = before[..before.len() - name.len()].ends_with('.');
        if name.starts_with(char::is_uppercase) && !address && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Nouns before `of` and a name that say it is bought or sold (`the
/// sale of Yugansk`), and verbs after `to` before one (`to buy
/// Yuganskneftegas`): a firm, or a part of one.
const TRADED_NOUNS: [&str; 5] = ["sale", "purchase", "auction", "acquisition", "takeover"];
const TRADED_VERBS: [&str; 3] = ["buy", "sell", "acquire"];

/// The names a text writes as bought or sold (`the sale of Yugansk`, `to
/// buy Yugansk`): one capitalised word each, read from the text's words
/// in one pass. The caller reads only places no list knows: a listed one
/// may be sold too (`the purchase of Alaska`).
fn names_traded<'a>(text: &Tokenized<'a>) -> Vec<&'a str> {
    let mut names = Vec::new();
    let tokens = &text.tokens;
    for (at, words) in tokens.windows(3).enumerate() {
        let [cue, joint, name] = words else {
            continue;
        };
        // Most words are no name: that is asked first.
        if !name.capitalised || name.after_break || joint.after_break {
            continue;
        }
        let traded = (joint.text == "of" && TRADED_NOUNS.contains(&cue.text))
            || (cue.text == "to" && TRADED_VERBS.contains(&joint.text));
        // One word: `the sale of Paul Smith` names a person.
        let one_word = tokens
            .get(at + 3)
            .is_none_or(|next| !next.capitalised || next.after_break);
        if traded && one_word && !names.contains(&name.text) {
            names.push(name.text);
        }
    }
    names
}

/// A place where the article calls the name written there an
/// organization: where the tagger read it too or not (`Israeli technology
/// firm Celltick` beside `said Yaron Toren, spokesman for Celltick`).
struct Call {
    /// The headline (0) or the body (1).
    text: usize,
    /// Where the name begins.
    at: usize,
    /// Whether only a name of one word is called so (`chip maker Intel`).
    one_word: bool,
}

impl Call {
    /// Whether the call names this value, whole: not the start of a longer
    /// name (`the lobby group Guantanamo Human Rights Commission`).
    fn names(&self, value: &str, text: &str) -> bool {
        let Some(after) = text[self.at..].strip_prefix(value) else {
            return false;
        };
        let longer = after
            .strip_prefix(' ')
            .is_some_and(|after| after.starts_with(char::is_uppercase));
        !after.starts_with(char::is_alphanumeric)
            && !longer
            && (!self.one_word || !value.contains(' '))
    }
}

/// The calls of the body: each capitalised word that the words before it
/// call an organization's name. Read from the body's words, not from each
/// of its bytes.
fn calls_in_body(text: &str, body: &Tokenized) -> Vec<Call> {
    let lists = text.contains(" such as ");
    let mut calls = Vec::new();
    let tokens = &body.tokens;
    for (index, token) in tokens.iter().enumerate().skip(1) {
        if !token.capitalised {
            continue;
        }
        let previous = &tokens[index - 1];
        // One space or a line apart (`firm Sophos`, not `firm, Sophos`).
        let gap = text.get(previous.start + previous.text.len()..token.start);
        let noun_before = !previous.possessive
            && gap.is_some_and(|gap| !gap.is_empty() && gap.trim().is_empty())
            && ORGANIZATION_NOUNS.contains(&previous.text);
        let one_word = match noun_before {
            true => Some(NOT_ONLY_ORGANIZATIONS.contains(&previous.text)),
            false if lists && is_word_start(text, token.start) => {
                listed_after(&text[..token.start])
            }
            false => None,
        };
        if let Some(one_word) = one_word {
            calls.push(Call {
                text: 1,
                at: token.start,
                one_word,
            });
        }
    }
    calls
}

/// The calls of the headline, read character by character.
fn calls_in_title(text: &str) -> Vec<Call> {
    let lists = text.contains(" such as ");
    let mut calls = Vec::new();
    for (at, character) in text.char_indices() {
        if character.is_uppercase()
            && is_word_start(text, at)
            && let Some(one_word) = called_after(&text[..at], lists)
        {
            calls.push(Call {
                text: 0,
                at,
                one_word,
            });
        }
    }
    calls
}

/// Whether a word starts right after a space or a line break.
fn is_word_start(text: &str, at: usize) -> bool {
    at > 0 && matches!(text.as_bytes()[at - 1], b' ' | b'\n')
}

/// Whether the text before a name calls it an organization, and if so
/// whether only a name of one word; `lists` says whether the text holds
/// `such as` at all.
fn called_after(before: &str, lists: bool) -> Option<bool> {
    // A name read after a title is written after the title (`bank
    // Vice-President S. Stanley Katz`), so no noun stands before it.
    let noun = before.trim_end().rsplit([' ', '\n']).next().unwrap_or("");
    if ORGANIZATION_NOUNS.contains(&noun) {
        // `film maker Steven Spielberg`, `fellow broadcaster Michael
        // Pointon`, `aircraft carrier Carl Vinson`: nouns for what a
        // person does or for a ship too, before a firm of one word (`chip
        // maker Intel`).
        return Some(NOT_ONLY_ORGANIZATIONS.contains(&noun));
    }
    match lists {
        true => listed_after(before),
        false => None,
    }
}

/// Whether the text before a name opens, with a plural noun for an
/// organization and `such as`, a list of names that runs on to it in the
/// same sentence (`firms such as Google, Copernic and`).
fn listed_after(before: &str) -> Option<bool> {
    let list = list_opening(before, &[" such as "])?;
    (!list.comma && is_plural_organization_noun(list.noun)).then_some(false)
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
    use super::super::testing::kinds_after;
    use super::*;

    fn kinds(body: &str, names: &[(&str, MentionKind)]) -> Vec<(String, MentionKind)> {
        kinds_after(body, names, make_called_organizations)
    }

    #[test]
    fn a_part_of_a_firm_is_an_organization() {
        use MentionKind::*;
        let body = "Yugansk was sold. Yukos fought the sale of its Yugansk unit, \
                    as Rockwell's Reliance division did and its London unit did not; \
                    Its units rose.";
        assert_eq!(
            kinds(
                body,
                &[
                    ("Yugansk", Location),
                    ("Reliance", Person),
                    ("London", Location)
                ]
            ),
            vec![
                ("Yugansk".to_string(), Organization),
                ("Reliance".to_string(), Organization),
                ("London".to_string(), Location),
            ]
        );
        assert_eq!(
            names_of_firms_parts(&crate::enrich::tokens::analyse(body)),
            vec!["Yugansk", "Reliance", "London"]
        );
    }

    #[test]
    fn a_place_no_list_knows_that_is_bought_or_sold_is_an_organization() {
        use MentionKind::*;
        let body = "Yugansk was sold. Rosneft paid for the sale of Yugansk, as for \
                    the purchase of Alaska; the takeover of Paul Smith failed.";
        assert_eq!(
            kinds(
                body,
                &[
                    ("Yugansk", Location),
                    ("Alaska", Location),
                    ("Paul", Person)
                ]
            ),
            vec![
                ("Yugansk".to_string(), Organization),
                ("Alaska".to_string(), Location),
                ("Paul".to_string(), Person),
            ],
            "a listed place and a person stay"
        );
        assert_eq!(
            names_traded(&crate::enrich::tokens::analyse(body)),
            vec!["Yugansk", "Alaska"]
        );
    }

    #[test]
    fn a_name_written_as_a_web_site_is_an_organization() {
        use MentionKind::*;
        let body = "Nfox gave it: the Nfox.com host, beside www.Example.com and Bristol.";
        assert_eq!(
            kinds(body, &[("Nfox", Location), ("Bristol", Location)]),
            vec![
                ("Nfox".to_string(), Organization),
                ("Bristol".to_string(), Location),
            ]
        );
        assert_eq!(
            names_of_sites(body),
            vec!["Nfox"],
            "not a name after `www.`"
        );
        // A character of several bytes before the name (a curly quote).
        assert_eq!(
            names_of_sites("shares of \u{201c}Amazon.com\u{201d} rose"),
            vec!["Amazon"]
        );
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

    #[test]
    fn a_surname_after_a_noun_for_what_a_person_does_stays_a_person() {
        let body = "Steven Spielberg, the film maker Spielberg, will serve.";
        let names = [
            ("Steven Spielberg", MentionKind::Person),
            ("Spielberg", MentionKind::Person),
        ];
        assert!(
            kinds(body, &names)
                .iter()
                .all(|(_, kind)| *kind == MentionKind::Person)
        );
        let body = "Chip maker Intel said so.";
        assert_eq!(
            kinds(body, &[("Intel", MentionKind::Person)]),
            vec![("Intel".to_string(), MentionKind::Organization)]
        );
    }
}
