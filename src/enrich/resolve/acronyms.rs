//! Acronyms: an acronym an article defines after a name, in brackets or
//! between commas and in capitals or title case (`the International
//! Monetary Fund (IMF)`, `the Internet Corporation for Assigned Names and
//! Numbers, Icann,`) is that name, wherever the article writes it, as a
//! person or a place too when the name is an organization's, and so is a
//! piece of the name the tagger read within it (`Internet Corporation`); so is an acronym whose letters are the initials of one
//! organization the article names in full (`TWA` beside `Trans World
//! Airlines Inc`, `ICO` beside `International Coffee Organization`), and
//! a short form that begins the first word of one such name (`Fed` beside
//! `Federal Reserve`).

use super::super::entities::is_organization_word;
use super::super::mentions::{Field, MentionKind, Mentions};
use super::super::vocabulary::{COMPANY_ENDINGS, LEGAL_FORMS, NOT_ORGANIZATIONS};
use super::{ArticleText, Verdict, apply};

/// Names each organization the article defines an acronym for by its full
/// name (`IMF` → `International Monetary Fund`).
///
/// A name whose last words are `in` and a place (`Organisation for
/// Security and Cooperation in Europe (OSCE)`) is whole: the organization
/// cut before its `in` is that name, and the place is a word of it.
pub fn resolve_defined_acronyms(mentions: &mut Mentions, article: ArticleText) {
    for defined in defined_acronyms(article.body_text) {
        let name = defined.name.as_str();
        // `Budapest Stock Exchange (BSE)`: an organization's name defines
        // a thing's acronym too.
        let organization = name.rsplit(' ').next().is_some_and(is_organization_word);
        // `Los Angeles (LA)`: a place's initials name no technique.
        let place = !super::super::gazetteer::Gazetteer::get()
            .lookup(name)
            .is_empty();
        if NOT_ORGANIZATIONS.contains(&defined.acronym) && !organization && !place {
            mentions.drop_where(
                "acronyms",
                "the name of a thing the article defines an acronym for (`Digital Rights \
                 Management (DRM)`, `Global System for Mobiles (GSM)`): a technique, no entity",
                |mention| {
                    matches!(
                        mention.kind,
                        MentionKind::Person | MentionKind::Organization
                    ) && name
                        .strip_suffix(mention.value.as_str())
                        .is_some_and(|front| front.is_empty() || front.ends_with(' '))
                },
            );
            continue;
        }
        mentions.rename_value(
            MentionKind::Organization,
            &defined.acronym,
            (MentionKind::Organization, name),
            "acronyms",
            "an acronym the article defines after the name",
        );
        // An organization's name defines the acronym that the tagger read
        // as a person or a place (`... Names and Numbers, Icann`), and is
        // whole where the tagger cut it (`Internet Corporation`,
        // `International Trade` of `Ministry of International Trade and
        // Industry`).
        if name.split(' ').any(is_organization_word) {
            for kind in [MentionKind::Person, MentionKind::Location] {
                mentions.rename_value(
                    kind,
                    &defined.acronym,
                    (MentionKind::Organization, name),
                    "acronyms",
                    "an acronym the article defines after an organization's name",
                );
            }
            let explain = mentions.explain;
            for mention in &mut mentions.list {
                let inside = mention.field == Field::Body
                    && mention.offset < defined.end
                    && defined.end - mention.offset <= name.len() + MAX_ACRONYM;
                if mention.is_kept_as(MentionKind::Organization)
                    && inside
                    && mention.value != name
                    && holds_words(name, &mention.value)
                {
                    let cut = mention.value.clone();
                    mention.log_change(explain, "acronyms", || {
                        format!(
                            "organization {cut:?} → {name:?}: the start of the name the article \
                             defines an acronym for"
                        )
                    });
                    mention.value = name.to_string();
                }
            }
        }
        let Some((cut, place)) = name.rsplit_once(" in ") else {
            continue;
        };
        mentions.rename_value(
            MentionKind::Organization,
            cut,
            (MentionKind::Organization, name),
            "acronyms",
            "the name the article defines an acronym for, cut at its `in`",
        );
        mentions.drop_where(
            "acronyms",
            "a word of the name the article defines an acronym for (`Europe` of `Organisation for Security and Cooperation in Europe`)",
            |mention| {
                matches!(mention.kind, MentionKind::Place | MentionKind::Location)
                    && mention.field == Field::Body
                    && mention.text == place
                    && mention.offset + mention.text.len() == defined.end
            },
        );
    }
}

/// Names each acronym the article writes by the one organization whose
/// initials it spells.
pub fn resolve_initialisms(mentions: &mut Mentions) {
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = initialisms(&organizations);
    apply(mentions, MentionKind::Organization, &verdicts, "acronyms");
}

/// The acronyms (two to six capitals) among the organizations whose
/// letters are the initials of exactly one other organization's
/// capitalised words, a company ending and joining words left out.
pub fn initialisms(organizations: &[&str]) -> Vec<(String, Verdict)> {
    let mut verdicts = Vec::new();
    // The initials of the names of several words, read once for all the
    // acronyms, and only when there is one.
    let mut spelled_names: Option<Vec<Initials>> = None;
    for acronym in organizations {
        let letters = acronym.chars().count();
        let is_acronym =
            (2..=6).contains(&letters) && acronym.chars().all(|c| c.is_ascii_uppercase());
        if !is_acronym {
            continue;
        }
        let names = spelled_names.get_or_insert_with(|| {
            organizations
                .iter()
                .filter(|name| name.contains(' '))
                .map(|name| Initials::of(name))
                .collect()
        });
        // A name spelled without its company endings (`BP`, `British
        // Petroleum Co Plc`) goes before one spelled only with it (`BAA
        // Plc`).
        let exactly_one = |spelled: &dyn Fn(&Initials) -> bool| {
            let mut matching = names.iter().filter(|name| spelled(name));
            match (matching.next(), matching.next()) {
                (Some(name), None) => Some(name.name),
                _ => None,
            }
        };
        let Some(name) = exactly_one(&|name| *acronym == name.without_legal_forms)
            .or_else(|| exactly_one(&|name| name.are_spelled_by(acronym)))
        else {
            continue;
        };
        let why = "its letters are the initials of a name the article writes in full";
        verdicts.push((acronym.to_string(), Verdict::Into(name.to_string(), why)));
    }
    verdicts
}

/// Whether an acronym spells a name: its initials without legal forms,
/// or as [`Initials::are_spelled_by`] reads them.
pub fn spells(acronym: &str, name: &str) -> bool {
    let initials = Initials::of(name);
    acronym == initials.without_legal_forms || initials.are_spelled_by(acronym)
}

/// A name with its initials read the ways an acronym may spell them.
struct Initials<'a> {
    /// The name.
    name: &'a str,
    /// The initials without its legal forms (`BP` of `British Petroleum
    /// Co Plc`).
    without_legal_forms: String,
    /// The initials with a company ending (`TWAI`).
    with_ending: String,
    /// The initials without a company ending (`TWA`).
    without_ending: String,
}

impl<'a> Initials<'a> {
    /// Reads the initials of a name.
    fn of(name: &'a str) -> Initials<'a> {
        Initials {
            name,
            without_legal_forms: initials_of(without_legal_forms(name), true),
            with_ending: initials_of(name, true),
            without_ending: initials_of(name, false),
        }
    }

    /// Whether an acronym spells the name: its letters are the name's
    /// initials, with or without a company ending (`TWA`, `CCC` for
    /// `Commodity Credit Corporation`); or, for three letters or more, the
    /// same letters in another order, a country's abbreviation giving all
    /// its capitals (`USDA` for `U.S. Agriculture Department`, `IBC` for
    /// `Brazilian Coffee Institute`, written in another language's order).
    fn are_spelled_by(&self, acronym: &str) -> bool {
        if acronym == self.with_ending || acronym == self.without_ending {
            return true;
        }
        let sorted = |text: &str| {
            let mut letters: Vec<char> = text.chars().collect();
            letters.sort_unstable();
            letters
        };
        acronym.len() >= 3
            && [&self.with_ending, &self.without_ending]
                .iter()
                .any(|initials| sorted(initials) == sorted(acronym))
    }
}

/// Names each abbreviation the article writes by the one organization
/// whose first word it begins.
pub fn resolve_abbreviations(mentions: &mut Mentions) {
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = abbreviations(&organizations);
    apply(mentions, MentionKind::Organization, &verdicts, "acronyms");
}

/// The one-word names of three to five letters, in mixed case, that begin
/// the longer first word of exactly one name of two words or more (`Fed`,
/// `Federal Reserve`).
pub fn abbreviations(organizations: &[&str]) -> Vec<(String, Verdict)> {
    let mut verdicts = Vec::new();
    for short in organizations {
        let letters = short.chars().count();
        let mixed_case = short.chars().any(char::is_lowercase);
        let is_short_form = (3..=5).contains(&letters)
            && mixed_case
            && short.chars().all(char::is_alphabetic)
            && short.starts_with(|first: char| first.is_uppercase());
        if !is_short_form {
            continue;
        }
        let mut begun = organizations.iter().filter(|name| {
            let Some((first_word, _)) = name.split_once(' ') else {
                return false;
            };
            first_word.len() > short.len() && first_word.starts_with(short)
        });
        let (Some(name), None) = (begun.next(), begun.next()) else {
            continue;
        };
        let why = "a short form of the first word of a name the article writes in full";
        verdicts.push((short.to_string(), Verdict::Into(name.to_string(), why)));
    }
    verdicts
}

/// The initials of a name's capitalised words, with or without a company
/// ending at its end (`Trans World Airlines Inc` → `TWAI` or `TWA`); an
/// abbreviation with dots gives all its capitals (`U.S.` → `US`).
fn initials_of(name: &str, keep_ending: bool) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if !keep_ending
        && words.len() > 2
        && words
            .last()
            .is_some_and(|last| COMPANY_ENDINGS.contains(last))
    {
        words.pop();
    }
    let mut initials = String::new();
    for word in words {
        if JOINING_WORDS_IN_NAMES.contains(&word) {
            continue;
        }
        let dotted = word.len() > 2 && word.contains('.');
        if dotted {
            initials.extend(word.chars().filter(|c| c.is_uppercase()));
        } else if let Some(first) = word.chars().next().filter(|c| c.is_uppercase()) {
            initials.push(first);
        }
    }
    initials
}

/// A name without the abbreviated legal forms at its end (`British
/// Petroleum Co Plc` → `British Petroleum`, `BAA Plc` → `BAA`).
fn without_legal_forms(name: &str) -> &str {
    let mut rest = name.trim_end();
    while let Some((front, last)) = rest.rsplit_once(' ') {
        if !LEGAL_FORMS.contains(last) {
            break;
        }
        rest = front.trim_end();
    }
    rest
}

/// The longest acronym [`defined_acronyms`] reads.
const MAX_ACRONYM: usize = 8;

/// The acronyms a text defines after a name, with that name: `the
/// International Monetary Fund (IMF)`, `Organisation for Economic
/// Cooperation and Development (OECD)`, or between commas (`the Internet
/// Corporation for Assigned Names and Numbers, Icann,`). The acronym's
/// letters, in capitals or in title case, are the initials of the name's
/// capitalised words, which end right before the bracket or the comma; a
/// possessive ends no name (`The Chicago Mercantile Exchange's (CME)`). The name begins where its run of words does: not after `of`
/// or `and` that follow a capitalised word (`Return of Refugees and
/// Democracy in Rwanda (RDR)` defines no `Refugees and Democracy in
/// Rwanda`; `a violation of General Agreement on Tariffs and Trade
/// (GATT)` defines GATT).
pub fn defined_acronyms(text: &str) -> Vec<Defined> {
    let mut defined = Vec::new();
    // Each bracket is found by a byte search, then the space before it
    // checked: faster than searching for the two bytes together.
    for (bracket, _) in text.match_indices('(') {
        let Some(open) = bracket.checked_sub(1) else {
            continue;
        };
        if text.as_bytes()[open] != b' ' {
            continue;
        }
        let inside_start = bracket + 1;
        let Some(length) = text[inside_start..]
            .bytes()
            .take(MAX_ACRONYM + 1)
            .position(|byte| byte == b')')
        else {
            continue;
        };
        let acronym = &text[inside_start..inside_start + length];
        if !is_acronym_form(acronym) {
            continue;
        }
        if let Some(name) = name_with_initials(&text[..open], acronym) {
            defined.push(Defined {
                acronym: acronym.to_string(),
                name,
                end: open,
            });
        }
    }
    // `the Internet Corporation for Assigned Names and Numbers, Icann,`:
    // an acronym in apposition, a comma before it and a mark after it.
    // A search for the comma alone (a byte search), then the space after
    // it, as for the bracket above.
    for (comma, _) in text.match_indices(',') {
        let Some(after) = text[comma + 1..].strip_prefix(' ') else {
            continue;
        };
        let length = after
            .bytes()
            .take(MAX_ACRONYM + 1)
            .position(|byte| !byte.is_ascii_alphabetic())
            .unwrap_or(after.len());
        let acronym = &after[..length];
        let closed =
            after[length..].is_empty() || after[length..].starts_with(['.', ',', ';', ':', ')']);
        if length > MAX_ACRONYM || !closed || !is_acronym_form(acronym) {
            continue;
        }
        // The word before the comma gives the acronym its last letter: a
        // look at one byte spares reading the name for most commas
        // (`, Japan.`, `, Mr`).
        let before = &text[..comma];
        let last_initial = before
            .rfind([' ', '\n'])
            .map_or(before, |space| &before[space + 1..])
            .bytes()
            .next();
        let last_letter = acronym.bytes().last().map(|byte| byte.to_ascii_uppercase());
        if last_initial != last_letter {
            continue;
        }
        if let Some(name) = name_with_initials(before, acronym) {
            defined.push(Defined {
                acronym: acronym.to_string(),
                name,
                end: comma,
            });
        }
    }
    defined
}

/// Whether a name holds a shorter one, whole words of it.
fn holds_words(name: &str, part: &str) -> bool {
    name.match_indices(part).any(|(at, _)| {
        let end = at + part.len();
        (at == 0 || name[..at].ends_with(' '))
            && (end == name.len() || name[end..].starts_with(' '))
    })
}

/// Whether a word is written as an acronym: two capitals or more
/// (`IMF`), or, as some newspapers write them, a capital and small
/// letters, three or more (`Icann`, `Nato`); only the initials of the
/// name before it make either one.
fn is_acronym_form(word: &str) -> bool {
    let bytes = word.as_bytes();
    let capitals = bytes.len() >= 2 && bytes.iter().all(u8::is_ascii_uppercase);
    let title_case = bytes.len() >= 3
        && bytes[0].is_ascii_uppercase()
        && bytes[1..].iter().all(u8::is_ascii_lowercase);
    capitals || title_case
}

/// An acronym a text defines after a name.
#[derive(Debug, PartialEq, Eq)]
pub struct Defined {
    /// The acronym (`IMF`).
    pub acronym: String,
    /// The name, its words joined by single spaces.
    pub name: String,
    /// The byte offset where the name ends in the text.
    pub end: usize,
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
        } else if !JOINING_WORDS_IN_NAMES.contains(word) && *word != "in" {
            return None;
        }
        if initials.len() == acronym.len() {
            // `Return of Refugees and Democracy in Rwanda (RDR)`: the name
            // runs on before a joining word.
            let joined_before = words
                .get(count + 1)
                .is_some_and(|before| *before != "the" && JOINING_WORDS_IN_NAMES.contains(before))
                && words
                    .get(count + 2)
                    .is_some_and(|word| word.starts_with(char::is_uppercase));
            let begins_run = !joined_before;
            if !initials.eq_ignore_ascii_case(acronym) || !first.is_uppercase() || !begins_run {
                return None;
            }
            let name: Vec<&str> = words[..=count].iter().rev().copied().collect();
            // `The Chicago Mercantile Exchange's (CME) board`: the name
            // without its possessive.
            let name = name.join(" ");
            let owner = name
                .strip_suffix("'s")
                .or_else(|| name.strip_suffix("\u{2019}s"))
                .or_else(|| name.strip_suffix('\''));
            return Some(owner.unwrap_or(&name).to_string());
        }
    }
    None
}

/// Lowercase words an organization's name may hold without an initial in
/// its acronym.
const JOINING_WORDS_IN_NAMES: &[&str] = &["of", "for", "and", "the", "on", "de", "&"];

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, refs, with_body};
    use super::*;
    use crate::enrich::entities::Zone;
    use crate::enrich::mentions::{At, Field, Mention, Source};
    use crate::enrich::tagger::features::ArticleWords;
    use crate::enrich::tokens::analyse;

    #[test]
    fn an_acronym_spelled_by_one_name_in_full_is_that_name() {
        let organizations: Vec<String> = [
            "TWA",
            "Trans World Airlines Inc",
            "ICO",
            "International Coffee Organization",
            "SEC",
            "Securities and Exchange Commission",
            "EC",
            "European Community",
            "Economic Commission",
            "USDA",
            "U.S. Agriculture Department",
            "CCC",
            "Commodity Credit Corporation",
            "BP",
            "British Petroleum Co Plc",
            "BAA Plc",
        ]
        .map(String::from)
        .to_vec();
        let renamed: Vec<(String, String)> = initialisms(&refs(&organizations))
            .into_iter()
            .filter_map(|(acronym, verdict)| match verdict {
                Verdict::Into(name, _) => Some((acronym, name)),
                Verdict::Drop(_) => None,
            })
            .collect();
        let pairs: Vec<(&str, &str)> = renamed
            .iter()
            .map(|(acronym, name)| (acronym.as_str(), name.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("TWA", "Trans World Airlines Inc"),
                ("ICO", "International Coffee Organization"),
                ("SEC", "Securities and Exchange Commission"),
                ("USDA", "U.S. Agriculture Department"),
                ("CCC", "Commodity Credit Corporation"),
                ("BP", "British Petroleum Co Plc"),
            ],
            "EC spells two names; BAA Plc spells BP only with its ending"
        );
    }

    #[test]
    fn a_short_form_of_one_name_is_that_name() {
        let organizations: Vec<String> = [
            "Fed",
            "Federal Reserve",
            "Gen",
            "General Motors",
            "General Electric",
            "OPEC",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            abbreviations(&refs(&organizations)),
            vec![(
                "Fed".to_string(),
                Verdict::Into(
                    "Federal Reserve".to_string(),
                    "a short form of the first word of a name the article writes in full"
                )
            )]
        );
    }

    #[test]
    fn an_acronym_defined_after_a_name_is_that_name() {
        let text = "The International Monetary Fund (IMF) and the Organisation for Economic \
                    Cooperation and Development (OECD) met, as did sales (ABC) and Oil Co (XYZ).";
        let defined = defined_pairs(text);
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
        let mut mentions = Mentions::default();
        let at = At {
            zone: Zone::Body,
            field: Field::Body,
            offset: 0,
        };
        for name in ["International Monetary Fund", "IMF", "OECD", "EU"] {
            mentions.push(Mention::new(
                name,
                MentionKind::Organization,
                at,
                Source::Rule("test"),
            ));
        }
        let body = analyse(text);
        let words = ArticleWords::of(&[&body]);
        let article = ArticleText {
            title_text: "",
            body_text: text,
            body: &body,
            words: &words,
        };
        resolve_defined_acronyms(&mut mentions, article);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "International Monetary Fund",
                "Organisation for Economic Cooperation and Development",
                "EU"
            ]
        );
    }

    /// The acronyms a text defines, each with its name.
    fn defined_pairs(text: &str) -> Vec<(String, String)> {
        defined_acronyms(text)
            .into_iter()
            .map(|defined| (defined.acronym, defined.name))
            .collect()
    }

    #[test]
    fn a_defined_name_runs_on_past_its_in_but_begins_with_its_run() {
        let text = "The Organisation for Security and Cooperation in Europe (OSCE) met. \
                    The Rally for the Return of Refugees and Democracy in Rwanda (RDR) spoke. \
                    It is a violation of General Agreement on Tariffs and Trade (GATT) rules.";
        let defined = defined_pairs(text);
        assert_eq!(
            defined,
            vec![
                (
                    "OSCE".to_string(),
                    "Organisation for Security and Cooperation in Europe".to_string()
                ),
                (
                    "GATT".to_string(),
                    "General Agreement on Tariffs and Trade".to_string()
                ),
            ]
        );
        let cut = "Organisation for Security and Cooperation";
        let mut mentions = Mentions::default();
        mentions.push(body_mention(cut, MentionKind::Organization, 4));
        mentions.push(body_mention(
            "Europe",
            MentionKind::Location,
            text.find("Europe").unwrap(),
        ));
        mentions.push(body_mention(
            "Rwanda",
            MentionKind::Location,
            text.find("Rwanda").unwrap(),
        ));
        with_body(text, |article| {
            resolve_defined_acronyms(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Organisation for Security and Cooperation in Europe"]
        );
        assert_eq!(mentions.values(MentionKind::Location), vec!["Rwanda"]);
    }

    /// The mentions of names of their kinds, each at its first place in a
    /// text, once the defined acronyms are resolved.
    fn defined_in(text: &str, names: &[(&str, MentionKind)]) -> Mentions {
        let mut mentions = Mentions::default();
        for (name, kind) in names {
            mentions.push(body_mention(name, *kind, text.find(name).unwrap()));
        }
        with_body(text, |article| {
            resolve_defined_acronyms(&mut mentions, article)
        });
        mentions
    }

    #[test]
    fn an_acronym_between_commas_or_in_title_case_is_defined_without_a_possessive() {
        let text = "It is run by the Internet Corporation for Assigned Names and Numbers, \
                    Icann. The Chicago Mercantile Exchange's (CME) board met Tokyo, TK, and \
                    the Bank of England, BOEING.";
        assert_eq!(
            defined_pairs(text),
            vec![
                ("CME".to_string(), "Chicago Mercantile Exchange".to_string()),
                (
                    "Icann".to_string(),
                    "Internet Corporation for Assigned Names and Numbers".to_string()
                ),
            ],
            "a place's letters and a word that is no acronym define nothing"
        );
        let mentions = defined_in(
            text,
            &[
                ("Internet Corporation", MentionKind::Organization),
                ("Assigned Names", MentionKind::Organization),
                ("Icann", MentionKind::Person),
            ],
        );
        assert!(mentions.values(MentionKind::Person).is_empty());
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Internet Corporation for Assigned Names and Numbers"]
        );
    }

    #[test]
    fn a_name_defining_a_thing_s_acronym_is_no_entity_but_an_organization_s() {
        let text = "Digital Rights Management (DRM) and the High Speed Downlink Packet \
                    Access (HSDPA) rules of the Budapest Stock Exchange (BSE) and of Sony \
                    in Los Angeles (LA).";
        let mentions = defined_in(
            text,
            &[
                ("Digital Rights Management", MentionKind::Organization),
                ("Downlink Packet Access", MentionKind::Person),
                ("Budapest Stock Exchange", MentionKind::Organization),
                ("Sony", MentionKind::Organization),
                ("Los Angeles", MentionKind::Location),
            ],
        );
        assert!(mentions.values(MentionKind::Person).is_empty());
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["Los Angeles"],
            "a place's initials name no technique"
        );
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Budapest Stock Exchange", "Sony"]
        );
    }
}
