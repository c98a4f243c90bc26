//! Organizations: what only looks like one, and the short forms of a
//! company's name.
//!
//! - `not an organization`: a country (`El Salvador`, `U.S.` read as an
//!   organization), which the country codes count, a part of one
//!   (`Northern Iraq`, `Jewish West Bank`), a person's office in a place
//!   (`Emperor of Brazil`), a family (`the Clintons`); a lone word that only
//!   ends organizations' names (`Corp`, `Institute`, `Department`), a
//!   fragment of a longer name, and so is a company's legal form alone
//!   (`Co Ltd` of `Mitsui and Co Ltd`); a month or a day (`Feb` of `Two
//!   weeks ended Feb 25`); a name that ends in a joining word (`U.S.
//!   The`, `Trade and`), cut short; two names run together at a
//!   capitalised `And` (`U.S. And West`); a common noun written in
//!   capitals (`TV`, `PC`, `CEO`, `AI`, `LIBOR`), and a common English
//!   word in capitals on a line not in capitals (`in CAPS`); a company's
//!   securities or officer after its name are the company (`Cofinec
//!   GDRs`); a person's title or form of
//!   address alone (`Lord`, `Chancellor`); a holiday (`Christmas`); nationalities
//!   and regions' adjectives (`Central American`, `Southeast Asian`,
//!   `Texan`), compass words alone (`North`); a party's members (`Labour MPs`) are the party;
//!   a word in capitals opening a line before a colon is a field's label
//!   (`ISSUER:`);
//!   one word the article also writes in lowercase
//!   (`Coffee`, `Cotton`), or one common English word the tagger alone
//!   read once in an article on no sport (`Federal`, `Breakfast`); an agreement, a law or a plan (`Louvre
//!   Accord`, `Comprehensive Test Ban Treaty`), but for an international
//!   commodity agreement, which has a council and staff;
//! - `firm of a country`: a firm, a club or a team named with its country
//!   after `of` is the name before it (`Benetton of Italy`), but not an
//!   institution whose country is part of its name (`Bank of Japan`);
//! - `modifier before a name`: a place's modifier is no part of the name
//!   after it (`Ohio-based KeyCorp`);
//! - `noun before a name`: a plural common noun and `of` before an
//!   organization's name are no part of it (`Shares of Douglas Lomason
//!   Co`), nor a person's surname (`Joel Naroff of First Union`);
//! - `fullest form`: a fragment of an organization's name that the article
//!   writes in full, with words in front (`Electric Co`, `General Electric
//!   Co`) or, for two words or more, after (`International Coffee`,
//!   `International Coffee Organization`), is that name; a name ending in
//!   an organization word is complete (`Treasury`), an acronym is no
//!   fragment (`OPEC` is not the `OPEC Secretariat`);
//! - `portfolio`: one word before a government title (`Agriculture` of
//!   `Agriculture Secretary Richard Lyng`, `Finance` of `Finance
//!   Minister`), or right after one and `of` (`Minister of Agriculture`),
//!   names a portfolio, not an organization;
//! - `name with a comma`: a firm named after its partners or trades with a
//!   comma before the last of them (`Goldman, Sachs and Co`, `Coffee,
//!   Sugar and Cocoa Exchange`) is one name, not the name after the comma
//!   beside another before it;
//! - `company short form`: a name that begins a company's name the article
//!   writes in full (`Hughes` beside `Hughes Tool Co`, `USAir` beside
//!   `USAir Group Inc`) is that company, also when the tagger read it as a
//!   place no list knows (`Dixons` beside `Dixons Group PLC`).

use super::super::entities::{is_abbreviated_company_ending, is_organization_word};
use super::super::gazetteer::{Gazetteer, PlaceKind};
use super::super::lexicon::is_common_word;
use super::super::mentions::{Field, Mention, MentionKind, Mentions, last_word};
use super::super::vocabulary::{
    COMPANY_ENDINGS, COMPASS_WORDS, DATE_WORDS, GOVERNMENT_WORDS, HOLIDAYS, INSTITUTION_HEADS,
    LEGAL_FORMS, MONTH_ABBREVIATIONS, NOT_ORGANIZATIONS, ORGANIZATION_ENDINGS, ORGANIZATION_NOUNS,
    PERSON_TITLES, WORLD_REGIONS, is_known_organization,
};
use super::fragments::is_modifier;
use super::lines::is_shouted;
use super::persons::HONORIFICS;
use super::{ArticleText, Verdict, apply, opens_possessive};

/// Makes organizations of the one-word names, places no list knows and
/// persons that are no given name, that the article writes as companies
/// are written: before `, based in` and a place (`Albertsons, based in
/// Boise`), or as the shares' issuer (`shares of Albertsons`; a person's
/// name before `shares`). A place is not based in another, nor has
/// shares.
pub fn make_cued_companies_organizations(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    // `Asia shares`, `Tokyo shares` are markets: only a person's name
    // before `shares` is a firm's.
    let is_cued = |mention: &Mention| {
        let (before, after) = article.around(mention);
        after.starts_with(", based in ")
            || ends_with_ignoring_case(before, "shares of ")
            || (mention.kind == MentionKind::Person && after.starts_with(" shares "))
    };
    let mut firms: Vec<(MentionKind, String)> = Vec::new();
    // The cue is read first: few mentions have one, and only those are
    // looked up in the lists.
    let cued = mentions
        .list
        .iter()
        .filter(|mention| mention.is_kept() && !mention.value.contains(' ') && is_cued(mention));
    for mention in cued {
        let (kind, value) = (mention.kind, &mention.value);
        let candidate = match kind {
            MentionKind::Location => {
                gazetteer.lookup(value).is_empty() && !WORLD_REGIONS.contains(value.as_str())
            }
            MentionKind::Person => !gazetteer.is_given_name(value),
            _ => false,
        };
        if candidate && !firms.iter().any(|(k, v)| *k == kind && v == value) {
            firms.push((kind, value.clone()));
        }
    }
    for (kind, value) in firms {
        mentions.change_kind(
            &[value],
            (kind, MentionKind::Organization),
            "companies by their cues",
            "written as a company is: `based in` a place, or issuing shares",
        );
    }
}

fn ends_with_ignoring_case(text: &str, end: &str) -> bool {
    let (text, end) = (text.as_bytes(), end.as_bytes());
    text.len() >= end.len() && text[text.len() - end.len()..].eq_ignore_ascii_case(end)
}

/// Gives an organization written after a plural common noun and `of` the
/// name after them (`Shares of Douglas Lomason Co` is `Douglas Lomason
/// Co`, `Subsidiaries of John Hancock Mutual Life Insurance Co` is the
/// insurer): a noun the article writes in lowercase elsewhere is no word
/// of a name that ends in an organization's word and begins with no
/// common word, or that begins another organization of the article
/// (`Representatives of First Bank` beside `First Bank System Inc`).
/// So is a person's surname of the article before `of` (`Economist Joel
/// Naroff of First Union`: the tagger ran the person's name into the
/// bank's). Other names of the shape `X of Y` keep their `X` (`Bank of
/// New York`, `Port of Singapore Authority`, `Victims of Crime Trust`).
pub fn drop_nouns_before_organizations(mentions: &mut Mentions, article: ArticleText) {
    if !mentions
        .kept(MentionKind::Organization)
        .any(is_named_with_of)
    {
        return;
    }
    let organizations = mentions.value_refs(MentionKind::Organization);
    let surnames: Vec<&str> = mentions
        .value_refs(MentionKind::Person)
        .into_iter()
        .filter(|person| person.contains(' '))
        .map(last_word)
        .collect();
    let mut verdicts: Vec<(String, Verdict)> = Vec::new();
    for &name in &organizations {
        let Some((noun, rest)) = name.split_once(" of ") else {
            continue;
        };
        let first_of_rest = rest.split(' ').next().unwrap_or("");
        let begins_another = || {
            organizations.iter().any(|other| {
                other
                    .strip_prefix(rest)
                    .is_some_and(|more| more.starts_with(' '))
            })
        };
        let ends_as_organization = is_organization_word(last_word(rest));
        let ends_a_name = ends_as_organization && !article.writes_as_common_word(first_of_rest);
        let plural = noun.ends_with('s') && !noun.ends_with("ss");
        let common_noun = plural
            && !noun.contains(' ')
            && !is_organization_word(noun)
            && !PERSON_TITLES.contains(noun);
        // Before a name the article writes longer, an English common
        // noun will do; before one it does not, the article must write
        // the noun in lowercase.
        let noun_before_name = common_noun
            && rest.starts_with(char::is_uppercase)
            && ((ends_a_name && article.writes_as_common_word(noun))
                || (begins_another() && is_common_word(noun)));
        let why = if noun_before_name {
            "a common noun and `of` before an organization's name (`Shares of Douglas Lomason Co`)"
        } else if surnames.contains(&noun)
            && rest.starts_with(char::is_uppercase)
            && (ends_as_organization || begins_another())
        {
            "a person's surname and `of` before an organization's name (`Joel Naroff of First Union`)"
        } else {
            continue;
        };
        verdicts.push((name.to_string(), Verdict::Into(rest.to_string(), why)));
    }
    apply(
        mentions,
        MentionKind::Organization,
        &verdicts,
        "noun before a name",
    );
}

/// Gives an organization written after a place's modifier the name after
/// it (`Ohio-based KeyCorp` is `KeyCorp`): `-based`, `-owned` tell where
/// or whose the organization is, and are no part of its name.
pub fn drop_modifiers_before_organizations(mentions: &mut Mentions) {
    let mut verdicts: Vec<(String, Verdict)> = Vec::new();
    for name in mentions.value_refs(MentionKind::Organization) {
        let Some(space) = name.rfind(' ') else {
            continue;
        };
        let modifier_end = name[..space]
            .match_indices(' ')
            .map(|(at, _)| at)
            .chain([space])
            .find(|&end| is_modifier(&name[..end]));
        if let Some(end) = modifier_end {
            let why = "a place's modifier before an organization's name (`Ohio-based KeyCorp`)";
            let rest = name[end + 1..].to_string();
            verdicts.push((name.to_string(), Verdict::Into(rest, why)));
        }
    }
    apply(
        mentions,
        MentionKind::Organization,
        &verdicts,
        "modifier before a name",
    );
}

/// Whether a mention's value holds ` of ` (`Bank of Japan`): the
/// resolvers of such names read an article only if it has one.
fn is_named_with_of(mention: &Mention) -> bool {
    mention.value.contains(" of ")
}

/// Gives an organization named with its country after `of` the name
/// before it (`Benetton of Italy` is `Benetton`, `Daiwa Securities Co Ltd
/// of Japan` is `Daiwa Securities Co Ltd`); the country counts apart.
pub fn unplace_firms_of_countries(mentions: &mut Mentions, article: ArticleText) {
    if !mentions
        .kept(MentionKind::Organization)
        .any(is_named_with_of)
    {
        return;
    }
    // `the Emperor of Brazil`, `the Popular Front for the Liberation of
    // Palestine`: a name written after `the` is a title's or an
    // institution's, whose country is part of it.
    let after_the: Vec<&str> = mentions
        .kept(MentionKind::Organization)
        .filter(|mention| is_named_with_of(mention))
        .filter(|mention| matches!(article.word_before(mention), "the" | "The"))
        .map(|mention| mention.value.as_str())
        .collect();
    let organizations: Vec<&str> = mentions
        .value_refs(MentionKind::Organization)
        .into_iter()
        .filter(|name| name.contains(" of ") && !after_the.contains(name))
        .collect();
    let verdicts = firms_of_countries(Gazetteer::get(), &organizations);
    apply(
        mentions,
        MentionKind::Organization,
        &verdicts,
        "firm of a country",
    );
}

/// The organizations named `<name> of <country>` whose name is a firm's,
/// a club's or a team's, with that name: not an institution's, whose
/// country is part of its name (`Bank of Japan`, `Church of England`,
/// `Republic of Korea`, `Sultanate of Oman`, `Air Force of Zimbabwe`),
/// nor a title's (`Emperor of Brazil`).
fn firms_of_countries(gazetteer: &Gazetteer, organizations: &[&str]) -> Vec<(String, Verdict)> {
    let mut verdicts = Vec::new();
    for name in organizations {
        let Some((firm, country)) = name.rsplit_once(" of ") else {
            continue;
        };
        let is_country = gazetteer.is_country(country);
        let words: Vec<&str> = firm.split(' ').collect();
        let last = words[words.len() - 1];
        // A legal form closes a company's name (`Daiwa Securities Co Ltd
        // of Japan`); after `Co` or `Corp` a country may still be part of
        // it (`Petroleum Corp of Jamaica`).
        let ending = if COMPANY_ENDINGS.contains(last) {
            !NAME_GOES_ON_AFTER.contains(&last)
        } else {
            !(ORGANIZATION_ENDINGS.contains(last)
                || INSTITUTION_HEADS.contains(last)
                || GOVERNMENT_WORDS.contains(last)
                || STATE_FORMS.contains(&last)
                || PERSON_TITLES.contains(last))
        };
        let named = words.len() <= 4
            && words
                .iter()
                .all(|word| word.starts_with(char::is_uppercase))
            && ending;
        // American organizations are named so (`Bank of America`,
        // `Writers Guild of America`, `Aluminum Co of America`).
        let american = country == "America";
        if is_country && named && !american {
            let why = "a firm, a club or a team named with its country after `of`";
            verdicts.push((name.to_string(), Verdict::Into(firm.to_string(), why)));
        }
    }
    verdicts
}

/// Words for a state or its forces, which a country after `of` completes
/// (`State of Kuwait`, `Principality of Monaco`, `Air Force of
/// Zimbabwe`).
const STATE_FORMS: &[&str] = &[
    "State",
    "Sultanate",
    "Principality",
    "Emirate",
    "Duchy",
    "Commonwealth",
    "Confederation",
    "Force",
];

/// Company words after which a company's name may go on with `of` and
/// its country (`Ford Motor Co of Canada`, `State Gold Mining Corp of
/// Ghana`).
const NAME_GOES_ON_AFTER: &[&str] = &[
    "Co",
    "Co.",
    "Corp",
    "Corp.",
    "Company",
    "Corporation",
    "Cos",
];

/// Government titles a portfolio word comes before (`Agriculture
/// Secretary`, `Trade Representative`).
const GOVERNMENT_TITLES: &[&str] = &[
    "Secretary",
    "Minister",
    "Commissioner",
    "Representative",
    "Undersecretary",
];

/// Drops the one-word organizations written just before a government
/// title or just after one and `of`: portfolios (`Agriculture
/// Secretary`, `Minister of Agriculture`), not organizations.
pub fn drop_portfolios(mentions: &mut Mentions, article: ArticleText) {
    mentions.drop_where(
        "portfolio",
        "a portfolio before a government title, or after one and `of`",
        |mention| {
            if mention.kind != MentionKind::Organization || mention.text.contains(' ') {
                return false;
            }
            let (before, _) = article.around(mention);
            let after_title = before
                .strip_suffix(" of ")
                .and_then(|rest| rest.rsplit(char::is_whitespace).next())
                .is_some_and(|title| GOVERNMENT_TITLES.contains(&title));
            after_title || GOVERNMENT_TITLES.contains(&article.next_word(mention))
        },
    );
}

/// Joins an organization written with `and` to the name the article
/// writes just before it and a comma (`Goldman, Sachs and Co`, `Coffee,
/// Sugar and Cocoa Exchange`): one firm named after its partners or
/// trades. The name must end as companies' and organizations' names do
/// (`Essex, Derbyshire and Surrey` are three); the name before the comma
/// is one to three capitalised words that a source found as a name, else
/// the one word before the comma capitalised inside a sentence, and no place (`in Tokyo, Sugar and Cocoa
/// Exchange traders` is two names).
pub fn join_names_with_commas(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    let mut joins: Vec<(String, String, usize)> = Vec::new();
    for mention in &mentions.list {
        // The kind first: it is the cheap test.
        if !mention.is_kept_as(MentionKind::Organization) {
            continue;
        }
        let with_and = mention.text.contains(" and ") || mention.text.contains(" & ");
        if !with_and {
            continue;
        }
        let last = last_word(&mention.value);
        let ends_as_firm = COMPANY_ENDINGS.contains(last)
            || ORGANIZATION_ENDINGS.contains(last)
            || is_abbreviated_company_ending(last);
        if !ends_as_firm {
            continue;
        }
        // The comma may end a line (`the Coffee,\nSugar and Cocoa Exchange`).
        let (before, _) = article.around(mention);
        let spaced = before.ends_with(char::is_whitespace);
        let Some(before) = before.trim_end().strip_suffix(',').filter(|_| spaced) else {
            continue;
        };
        let found_as_name = |start: &usize| {
            mentions.list.iter().any(|other| {
                other.field == mention.field
                    && other.offset == *start
                    && other.text == before[*start..]
            })
        };
        // A word capitalised inside a sentence is a name even when no
        // source read it (`the Coffee,` at the end of a line).
        let inside_sentence = |start: &usize| {
            let head = before[..*start].trim_end();
            head.ends_with(|c: char| c.is_alphabetic()) && !head.ends_with(char::is_uppercase)
        };
        let starts = capitalised_words_before(before);
        let Some(start) = starts
            .iter()
            .copied()
            .find(found_as_name)
            .or(starts.first().copied().filter(inside_sentence))
        else {
            continue;
        };
        let partner = &before[start..];
        if gazetteer.lookup(partner).is_empty() {
            let joined = format!("{partner}, {}", mention.value);
            joins.push((mention.value.clone(), joined, start));
        }
    }
    for (value, joined, start) in joins {
        mentions.rename_value(
            MentionKind::Organization,
            &value,
            (MentionKind::Organization, &joined),
            "name with a comma",
            "the name before the comma is part of the firm's name",
        );
        let partner = joined[..joined.find(", ").unwrap_or(0)].to_string();
        mentions.drop_where(
            "name with a comma",
            "part of a firm's name written with a comma",
            |mention| mention.offset == start && mention.text == partner,
        );
    }
}

/// Where the last one, two and three capitalised words that end a text
/// start, as far as the text ends with such words.
fn capitalised_words_before(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut start = text.len();
    while starts.len() < 3 {
        let head = &text[..start];
        let word_start = head.rfind([' ', '\n']).map_or(0, |space| space + 1);
        let word = &head[word_start..];
        let capitalised = word.starts_with(|c: char| c.is_uppercase())
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''));
        if !capitalised {
            break;
        }
        start = word_start;
        starts.push(start);
        if start == 0 || text[..start].ends_with('\n') {
            break;
        }
    }
    starts
}

/// Words that end organizations' names and name one organization alone.
const STANDALONE: &[&str] = &[
    "Parliament",
    "Congress",
    "Senate",
    "Cabinet",
    "Treasury",
    "Bundesbank",
    "Reuters",
    "Army",
    "Navy",
    "Times",
];

/// Last words of the names of agreements, laws and plans, which are no
/// organizations (`Comprehensive Test Ban Treaty`, `Louvre Accord`); a
/// programme may be one (`World Food Programme`).
const AGREEMENT_ENDINGS: &[&str] = &[
    "Agreement",
    "Accord",
    "Accords",
    "Treaty",
    "Pact",
    "Act",
    "Plan",
    "Protocol",
    "Convention",
];

/// First words of the names of agreements and laws written with `of`
/// (`Treaty of Rome`, `Act of Union`); a name that goes on to an
/// institution's word is that institution's (`Treaty of Waitangi
/// Fisheries Commission`), but for one word after `of` (`Act of
/// Parliament`).
const AGREEMENT_HEADS: &[&str] = &["Treaty", "Pact", "Act", "Accord", "Agreement", "Protocol"];

/// Ordinal words, which alone name no organization (`Fifth` of `Fifth
/// Third`, `First` of `First Boston`).
pub(super) const ORDINALS: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
];

/// Words that qualify a nationality (`Central American`, `Latin
/// American`).
const REGION_QUALIFIERS: &[&str] = &[
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Latin",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Southeast",
    "Southwest",
    "Northeast",
    "Northwest",
    "South-East",
    "South-West",
    "North-East",
    "North-West",
    "Middle",
    "Far",
];

/// A company's securities and officers, written in capitals after its
/// name (`Cofinec GDRs`, `Nokia CEO`).
const TRAILING_NOUNS: &[&str] = &[
    "ADR", "ADRs", "GDR", "GDRs", "IPO", "IPOs", "CEO", "CEOs", "CFO",
];

/// Adjectives of continents, regions and states, which the gazetteer's
/// countries do not give (`Southeast Asian`, `East European`, `Texan`).
const REGIONAL_DEMONYMS: &[&str] = &[
    "Asian",
    "European",
    "African",
    "Arab",
    "Caribbean",
    "Scandinavian",
    "Nordic",
    "Balkan",
    "Baltic",
    "Alpine",
    "Andean",
    "Mediterranean",
    "Himalayan",
    "Siberian",
    "Texan",
    "Californian",
    "Floridian",
    "Hawaiian",
    "Alaskan",
];

/// Members of a parliament or an assembly, written after their party
/// (`Labour MPs`, `Green MEP`, `SNP MSPs`).
const MEMBERS: &[&str] = &["MP", "MPs", "MEP", "MEPs", "MSP", "MSPs", "MLA", "MLAs"];

/// Lowercase words after which no name ends.
const JOINING_WORDS: &[&str] = &["and", "of", "the", "for", "And", "Of", "The", "For", "&"];

/// Drops the organizations that are a country, a fragment or a name cut
/// short, a nationality, or a common word (see the module header).
pub fn drop_non_organizations(mentions: &mut Mentions, article: ArticleText) {
    const NAME: &str = "not an organization";
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = non_organizations(Gazetteer::get(), &organizations);
    apply(mentions, MentionKind::Organization, &verdicts, NAME);
    mentions.drop_where(
        NAME,
        "a short acronym before a number: a designation (`PL 480`, `HR 1234`)",
        |mention| mention.kind == MentionKind::Organization && is_designation(article, mention),
    );
    mentions.drop_where(
        NAME,
        "one word in capitals that opens a line before a colon: a field's label (`ISSUER:`)",
        |mention| mention.kind == MentionKind::Organization && is_label(article, mention),
    );
    mentions.drop_where(
        NAME,
        "a common English word in capitals on a line not in capitals: emphasis or a label (`in CAPS`, `NICKEL - 126 tonnes`)",
        |mention| mention.kind == MentionKind::Organization && is_common_word_shouted(article, mention),
    );
    mentions.drop_where(
        NAME,
        "one word the article also writes in lowercase: a common word",
        |mention| {
            mention.kind == MentionKind::Organization
                && article.writes_as_common_word(&mention.value)
                && !is_known_organization(&mention.value)
        },
    );
    drop_common_words(mentions, article);
    // Read only for an article with a one-word organization in the plural.
    let plural = mentions
        .kept(MentionKind::Organization)
        .any(|mention| mention.value.ends_with('s') && !mention.value.contains(' '));
    let families: Vec<String> = match plural {
        true => mentions
            .value_refs(MentionKind::Person)
            .into_iter()
            .filter(|person| person.contains(' '))
            .map(|person| format!("{}s", last_word(person)))
            .collect(),
        false => Vec::new(),
    };
    mentions.drop_where(
        NAME,
        "a person's surname in the plural: the family (`the Clintons`)",
        |mention| {
            mention.kind == MentionKind::Organization
                && families.contains(&mention.value)
                && !is_known_organization(&mention.value)
        },
    );
    mentions.drop_where(
        NAME,
        "a programme, a plan or a scheme: what an organization runs (`Export Enhancement Program`)",
        |mention| {
            mention.kind == MentionKind::Organization
                && is_programme(&mention.value)
                && !is_known_organization(&mention.value)
        },
    );
}

/// Drops the organizations the tagger alone read that are one common
/// English word ([`super::super::lexicon`]), written once, in an article
/// on no sport (`Federal`, `Standard` of `Standard and Poor's`,
/// `Breakfast`, `Collapse`): a capitalised word it has not seen, not a
/// name. A team's nickname (`Gunners`, `Lions`), a plural, a newspaper
/// after `the` (`the Times`), a name after a noun for an organization
/// (`record company Universal`) or before a verb of speech or a
/// possessive (`Sky said`, `Sky's`) stays.
fn drop_common_words(mentions: &mut Mentions, article: ArticleText) {
    let named_otherwise = |mention: &Mention| {
        let (_, after) = article.around(mention);
        let word_before = article.word_before(mention);
        matches!(word_before, "the" | "The")
            || ORGANIZATION_NOUNS.contains(&word_before)
            || article.speaks(mention)
            || opens_possessive(after)
    };
    // Each value once: how many mentions it has, and whether all could
    // be a common word.
    let mut seen: Vec<(&str, usize, bool)> = Vec::new();
    for mention in &mentions.list {
        if !mention.is_kept_as(MentionKind::Organization) {
            continue;
        }
        let value = mention.value.as_str();
        let common = mention.is_tagged()
            && !value.contains(' ')
            && !value.ends_with('s')
            && value.chars().any(char::is_lowercase)
            && !named_otherwise(mention)
            && is_common_word(value)
            && !is_known_organization(value);
        match seen.iter_mut().find(|(name, _, _)| *name == value) {
            Some((_, count, all_common)) => {
                *count += 1;
                *all_common &= common;
            }
            None => seen.push((value, 1, common)),
        }
    }
    let dropped: Vec<String> = seen
        .into_iter()
        .filter(|(_, count, common)| *count == 1 && *common)
        .map(|(value, _, _)| value.to_string())
        .collect();
    if dropped.is_empty() || article.is_about_sport() {
        return;
    }
    mentions.drop_where(
        "not an organization",
        "one common English word the tagger alone read, once, in an article on no sport: a capitalised word, no name (`Breakfast`)",
        |mention| mention.kind == MentionKind::Organization && dropped.contains(&mention.value),
    );
}

/// Whether a mention is one word in capitals that opens a line of the
/// body and a colon follows: the label of a field in a listing
/// (`ISSUER: Bay Co Building Authority`, `CALL: 10/01/06`), not a name.
fn is_label(article: ArticleText, mention: &Mention) -> bool {
    let (before, after) = article.around(mention);
    let opens_line = before.is_empty() || before.ends_with('\n');
    mention.field == Field::Body
        && opens_line
        && after.starts_with(':')
        && !mention.text.contains(' ')
        && !mention.text.chars().any(char::is_lowercase)
}

/// Whether a mention is one common English word of four letters or more
/// written in capitals (`CAPS`, `NOTES`, `NICKEL`) on a line not in
/// capitals ([`is_shouted`], as `capitals and tables` reads lines): a
/// word stressed or a table's label, not an acronym, unless a list knows
/// the organization or the article defines it in brackets. Shorter words
/// in capitals are acronyms as often (`SAP`, `UPS`).
fn is_common_word_shouted(article: ArticleText, mention: &Mention) -> bool {
    let text = mention.text.as_str();
    if text.len() < 4
        || !text.bytes().all(|byte| byte.is_ascii_uppercase())
        || mention.value != text
        || !is_common_word(text)
        || is_known_organization(text)
        || Gazetteer::get().organization(text).is_some()
    {
        return false;
    }
    let (before, after) = article.around(mention);
    // An acronym defined in brackets after its name (`Survivors Fund
    // (SURF)`).
    if before.ends_with('(') && after.starts_with(')') {
        return false;
    }
    // The line read as the capitals' resolver reads it: one it leaves to
    // this rule is no line in capitals.
    let start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let end = mention.offset + mention.text.len() + after.find('\n').unwrap_or(after.len());
    article
        .text_of(mention.field)
        .and_then(|text| text.get(start..end))
        .is_some_and(|line| !is_shouted(line))
}

/// Whether a name of two words or more ends as programmes, plans and
/// schemes do (`Export Enhancement Program`, `Marshall Plan`). The United
/// Nations' programmes that are agencies are on the list of known
/// organizations (`World Food Programme`).
fn is_programme(name: &str) -> bool {
    name.rsplit_once(' ').is_some_and(|(_, last)| {
        matches!(
            last,
            "Program" | "Programme" | "Plan" | "Scheme" | "Initiative"
        )
    })
}

/// Whether an acronym of two or three letters is followed by a number of
/// two or more digits, not a year, as laws, forms and bills are named
/// (`PL 480`, `PL\n480`).
fn is_designation(article: ArticleText, mention: &super::super::mentions::Mention) -> bool {
    let letters = mention.value.chars().count();
    let acronym =
        (2..=3).contains(&letters) && mention.value.chars().all(|c| c.is_ascii_uppercase());
    if !acronym {
        return false;
    }
    // One space or line break between, as prose writes it: a table's
    // columns (`EC   13.82`) are no designation.
    let (_, after) = article.around(mention);
    let Some(rest) = after.strip_prefix([' ', '\n']) else {
        return false;
    };
    let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let tail = &rest[number.len()..];
    let decimal =
        tail.starts_with(['.', ',']) && tail[1..].starts_with(|c: char| c.is_ascii_digit());
    // A number run into letters is a measure or a model (`AAA 800m`).
    let measure = tail.starts_with(char::is_alphanumeric);
    // A year is no part of a designation (`the ICA 1983`).
    let year = number.len() == 4 && (number.starts_with("19") || number.starts_with("20"));
    number.len() >= 2 && !year && !decimal && !measure
}

/// The organizations that are none, each with the reason.
pub fn non_organizations(gazetteer: &Gazetteer, organizations: &[&str]) -> Vec<(String, Verdict)> {
    let mut verdicts = Vec::new();
    for name in organizations {
        let country = gazetteer.is_country(name);
        let one_word = !name.contains(' ');
        let ending_alone = one_word
            && (ORGANIZATION_ENDINGS.contains(name) || COMPANY_ENDINGS.contains(name))
            && !STANDALONE.contains(name);
        let cut_short = name.contains(' ') && JOINING_WORDS.contains(&last_word(name));
        let run_together = name.contains(" And ");
        let common_noun = NOT_ORGANIZATIONS.contains(name);
        let demonym = |word: &str| {
            REGIONAL_DEMONYMS.contains(&word)
                || gazetteer
                    .lookup(word)
                    .iter()
                    .any(|place| place.kind == PlaceKind::Demonym)
        };
        let words: Vec<&str> = name.split(' ').collect();
        // `Co Ltd` of `Mitsui and Co Ltd`, cut at its `and`.
        let legal_form_alone = !one_word && words.iter().all(|word| LEGAL_FORMS.contains(word));
        // `Southeast Asian`; a compass word alone too (`Northern and
        // Northeastern states`), but not those that name airlines alone
        // (`Eastern`, `Western`).
        let compass = COMPASS_WORDS.contains(name) && !matches!(*name, "Eastern" | "Western");
        let nationality = (words.last().is_some_and(|last| demonym(last)) || compass)
            && words
                .iter()
                .all(|word| demonym(word) || REGION_QUALIFIERS.contains(word));
        let holiday = HOLIDAYS.contains(name) || ORDINALS.contains(name);
        // `Two weeks ended Feb 25`.
        let date = one_word && (DATE_WORDS.contains(name) || MONTH_ABBREVIATIONS.contains(name));
        // An international commodity agreement has a council and staff of
        // its own (`International Sugar Agreement`): Reuters labels it an
        // organization.
        let last = words[words.len() - 1];
        let ends_as_agreement = words[0] != "International" && AGREEMENT_ENDINGS.contains(&last);
        let agreement_of = AGREEMENT_HEADS.contains(&words[0])
            && words.get(1) == Some(&"of")
            && (words.len() == 3 || !ORGANIZATION_ENDINGS.contains(last));
        let agreement = !one_word && (ends_as_agreement || agreement_of);
        // `St. Louis-based`: a modifier of what follows it.
        let modifier = is_modifier(name);
        let title = !one_word
            && words
                .last()
                .is_some_and(|last| matches!(*last, "Secretary" | "Minister" | "Undersecretary"));
        // A group of countries (`Eastern Bloc`, `Soviet Bloc`); a party
        // whose name begins with the word (`Bloc Quebecois`) stays.
        let bloc = !one_word && words.last() == Some(&"Bloc");
        // `Cofinec GDRs`, `Nokia CEO`: a company's securities or officer.
        if !one_word && TRAILING_NOUNS.contains(&last) {
            let company = words[..words.len() - 1].join(" ");
            let why = "its securities or its officer after it: the company";
            verdicts.push((name.to_string(), Verdict::Into(company, why)));
            continue;
        }
        // `Labour MPs`, `Tory MP`: the party of its members.
        if !one_word && words.last().is_some_and(|last| MEMBERS.contains(last)) {
            let party = words[..words.len() - 1].join(" ");
            verdicts.push((
                name.to_string(),
                Verdict::Into(party, "its members: the party"),
            ));
            continue;
        }
        // `Northern Iraq`, `South Lebanon`: a part of a country; `Jewish
        // West Bank`, `Israeli-occupied West Bank`: a country of several
        // words, its last an organization's (`Bank`), after a modifier.
        let after_first = || &name[words[0].len() + 1..];
        let region = words.len() > 1
            && (REGION_QUALIFIERS.contains(&words[0])
                || (words.len() > 2 && ORGANIZATION_ENDINGS.contains(last)))
            && gazetteer.is_country(after_first());
        // `Emperor of Brazil`, `Mayor of London`: a person's office.
        let office_of_place = words.len() >= 3
            && PERSON_TITLES.contains(words[0])
            && words[1] == "of"
            && gazetteer
                .lookup(name.split_once(" of ").map_or("", |(_, place)| place))
                .iter()
                .any(|place| {
                    matches!(
                        place.kind,
                        PlaceKind::Country
                            | PlaceKind::City
                            | PlaceKind::Region
                            | PlaceKind::UsState
                    )
                });
        let why = if country {
            "a country, counted by its country code"
        } else if office_of_place {
            "a person's office in a place (`Emperor of Brazil`): no organization"
        } else if region {
            "a part of a country (`Northern Iraq`, `Jewish West Bank`): a place"
        } else if one_word && MEMBERS.contains(name) {
            "a member's title, alone: no organization"
        } else if one_word
            && (PERSON_TITLES.contains(name) || HONORIFICS.contains(name))
            // The magazine.
            && *name != "Economist"
        {
            "a person's title or form of address, alone (`Lord` of `Lord Falconer`): no organization"
        } else if bloc {
            "a group of countries, no organization"
        } else if ending_alone {
            "a word that ends organizations' names, alone: a fragment"
        } else if legal_form_alone {
            "a company's legal form alone (`Co Ltd`): a fragment"
        } else if date {
            "a month or a day, no name"
        } else if cut_short {
            "ends in a joining word: a name cut short"
        } else if run_together {
            "two names run together at a capitalised `And`"
        } else if common_noun {
            "a common noun written in capitals (TV, PC, CEO)"
        } else if holiday {
            "a holiday or an ordinal: no name alone"
        } else if nationality {
            "nationalities, no organization"
        } else if title {
            "a person's title (`Agriculture Secretary`), not an organization"
        } else if agreement {
            "an agreement, a law or a plan: no organization"
        } else if modifier {
            "a modifier (`St. Louis-based`): where or by whom something else is"
        } else {
            continue;
        };
        verdicts.push((name.to_string(), Verdict::Drop(why)));
    }
    verdicts
}

/// Gives each organization the fullest form the article writes of its
/// name.
pub fn keep_fullest_organizations(mentions: &mut Mentions) {
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = fullest_organizations(&organizations);
    apply(
        mentions,
        MentionKind::Organization,
        &verdicts,
        "fullest form",
    );
}

/// The organizations named again, in the same article, with words in
/// front (`Treasury` in `U.S. Treasury`) or, for a name of two words or
/// more, after (`International Coffee` in `International Coffee
/// Organization`, `Electric Co` in `General Electric Co`), with the one
/// fuller name each is. A name ending in an organization word is complete
/// (`Treasury` beside `U.S. Treasury`, `Federal Reserve` beside `Federal
/// Reserve Board` name the same body either way), an acronym is left alone
/// (`OPEC` is not the `OPEC Secretariat`), and so is a name that two fuller
/// ones hold, or one that follows a comma in a longer name that is no
/// company's (`LG, Samsung`, two names run together; but `Sachs and Co`
/// is `Goldman, Sachs and Co`).
pub fn fullest_organizations(organizations: &[&str]) -> Vec<(String, Verdict)> {
    let lowered: Vec<String> = organizations
        .iter()
        .map(|name| name.to_lowercase())
        .collect();
    let mut verdicts = Vec::new();
    for (name, lower) in organizations.iter().zip(&lowered) {
        let complete = ORGANIZATION_ENDINGS.contains(last_word(name));
        if complete || !name.chars().any(char::is_lowercase) {
            continue;
        }
        let several_words = name.contains(' ');
        let mut fuller = organizations.iter().zip(&lowered).filter(|(full, other)| {
            let longer = other.len() > lower.len();
            // `LG, Samsung` is a list the tagger ran together, no fuller
            // form of `Samsung`; `Goldman, Sachs and Co` is a company's
            // name.
            let in_front = longer && other.ends_with(lower.as_str()) && {
                let front = &other[..other.len() - lower.len()];
                front.ends_with(' ')
                    && (!front.ends_with(", ") || COMPANY_ENDINGS.contains(last_word(full)))
            };
            let after = several_words
                && longer
                && other.starts_with(lower.as_str())
                && other[lower.len()..].starts_with(' ');
            in_front || after
        });
        if let (Some((full, _)), None) = (fuller.next(), fuller.next()) {
            let why = "the article writes the name in full";
            verdicts.push((name.to_string(), Verdict::Into(full.to_string(), why)));
        }
    }
    verdicts
}

/// Gives a short form of a company's name the full name the article
/// writes; a location no list knows that is such a short form (the tagger
/// reads `Dixons` as a place beside `Dixons Group PLC`) is the company.
pub fn resolve_company_short_forms(mentions: &mut Mentions) {
    const NAME: &str = "company short form";
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = company_short_forms(&organizations);
    apply(mentions, MentionKind::Organization, &verdicts, NAME);
    let unlisted_locations: Vec<String> = mentions
        .kept(MentionKind::Location)
        .filter(|mention| mention.meanings.is_empty())
        .map(|mention| mention.value.clone())
        .collect();
    if unlisted_locations.is_empty() {
        return;
    }
    // Copied: the locations are renamed as the companies are read.
    let companies = mentions.values(MentionKind::Organization);
    let company_names: Vec<&str> = companies.iter().map(String::as_str).collect();
    for location in unlisted_locations {
        if let Some(full) = only_company_begun_by(&location, &company_names) {
            let why = "begins a company's name the article writes in full";
            let into = (MentionKind::Organization, full);
            mentions.rename_value(MentionKind::Location, &location, into, NAME, why);
        }
    }
}

/// The one company's name among the organizations that begins, word for
/// word, with a name and ends in a company word, if there is one.
fn only_company_begun_by<'o>(name: &str, organizations: &[&'o str]) -> Option<&'o str> {
    let mut begun = organizations.iter().copied().filter(|other| {
        other.len() > name.len()
            && other.starts_with(name)
            && other[name.len()..].starts_with(' ')
            && COMPANY_ENDINGS.contains(last_word(other))
    });
    match (begun.next(), begun.next()) {
        (Some(full), None) => Some(full),
        _ => None,
    }
}

/// The names that begin, word for word, one company's name that ends in
/// a company word (`Hughes` → `Hughes Tool Co`); a name that begins two
/// companies' names is left alone.
pub fn company_short_forms(organizations: &[&str]) -> Vec<(String, Verdict)> {
    let mut verdicts = Vec::new();
    for name in organizations {
        if let Some(full) = only_company_begun_by(name, organizations) {
            let why = "begins a company's name the article writes in full";
            verdicts.push((name.to_string(), Verdict::Into(full.to_string(), why)));
        }
    }
    verdicts
}

#[cfg(test)]
mod tests {
    use super::super::apply_to_list;
    use super::super::testing::{body_mention, kinds_after, list, mentions_in, refs, with_body};
    use super::*;

    #[test]
    fn a_name_written_as_a_company_is_one() {
        let body = "Brindlecot, based in Boise, grew. Shares of Farrowgate fell. Asia shares \
                    rose. Pellworth shares rose. Tessaly shares fell. Quenby, in Idaho, sold.";
        let names = [
            ("Brindlecot", MentionKind::Location),
            ("Farrowgate", MentionKind::Person),
            ("Asia", MentionKind::Location),
            ("Pellworth", MentionKind::Person),
            ("Tessaly", MentionKind::Location),
            ("Quenby", MentionKind::Location),
        ];
        let kinds = kinds_after(body, &names, make_cued_companies_organizations);
        let organizations: Vec<&str> = kinds
            .iter()
            .filter(|(_, kind)| *kind == MentionKind::Organization)
            .map(|(value, _)| value.as_str())
            .collect();
        assert_eq!(
            organizations,
            vec!["Brindlecot", "Farrowgate", "Pellworth"],
            "a region's or a place's shares are a market's; a place in a place is no firm"
        );
    }

    #[test]
    fn a_common_word_the_tagger_read_once_is_no_organization() {
        let body = "Meanwhile Federal rates rose. Record company Universal said Sky said \
                    that the Times and Century agreed, and Century again.";
        let names = ["Federal", "Universal", "Sky", "Times", "Century"];
        let mut mentions = mentions_in(body, &names, MentionKind::Organization);
        let second = body.rfind("Century").unwrap();
        mentions.push(body_mention("Century", MentionKind::Organization, second));
        with_body(body, |article| drop_common_words(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Universal", "Sky", "Times", "Century"],
            "after a noun for an organization, before a verb of speech, after `the`, or twice"
        );
        let sport = "Federal won the match 2-1.";
        let mut mentions = mentions_in(sport, &["Federal"], MentionKind::Organization);
        with_body(sport, |article| drop_common_words(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Organization), vec!["Federal"]);
    }

    #[test]
    fn a_plural_noun_and_of_before_a_firm_are_no_part_of_it() {
        let body = "Shares of Douglas Lomason Co fell. Its shares and the \
                    port rose. Port of Singapore Authority. Bank of New York. \
                    Victims of Crime Trust, a crime charity for victims.";
        let mut mentions = mentions_in(
            body,
            &[
                "Shares of Douglas Lomason Co",
                "Port of Singapore Authority",
                "Bank of New York",
                "Victims of Crime Trust",
            ],
            MentionKind::Organization,
        );
        with_body(body, |article| {
            drop_nouns_before_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "Douglas Lomason Co",
                "Port of Singapore Authority",
                "Bank of New York",
                "Victims of Crime Trust",
            ]
        );
    }

    #[test]
    fn a_place_modifier_before_an_organization_is_no_part_of_it() {
        let body = "Ohio-based KeyCorp and Kansas City, Mo.-based Commerce Bancshares Inc \
                    met Anglo-American Corp and Coca-Cola Co.";
        let names = [
            "Ohio-based KeyCorp",
            "Mo.-based Commerce Bancshares Inc",
            "Anglo-American Corp",
            "Coca-Cola Co",
        ];
        let mut mentions = mentions_in(body, &names, MentionKind::Organization);
        drop_modifiers_before_organizations(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "KeyCorp",
                "Commerce Bancshares Inc",
                "Anglo-American Corp",
                "Coca-Cola Co"
            ]
        );
    }

    #[test]
    fn a_surname_or_a_noun_and_of_before_another_organization_are_no_part_of_it() {
        let body = "Economist Joel Naroff of First Union bank said so. First Bank System \
                    Inc and Norwest Corp merged. Representatives of First Bank said so. Friends of Castro and Sons of Liberty Party met.";
        let mut mentions = mentions_in(
            body,
            &[
                "Naroff of First Union",
                "First Bank System Inc",
                "Representatives of First Bank",
                "Friends of Castro",
                "Sons of Liberty Party",
            ],
            MentionKind::Organization,
        );
        let at = body.find("Joel Naroff").unwrap();
        mentions
            .list
            .push(body_mention("Joel Naroff", MentionKind::Person, at));
        with_body(body, |article| {
            drop_nouns_before_organizations(&mut mentions, article)
        });
        // `Castro` is no surname of a person of the article; `sons` is
        // never written in lowercase.
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "First Union",
                "First Bank System Inc",
                "First Bank",
                "Friends of Castro",
                "Sons of Liberty Party",
            ]
        );
    }

    #[test]
    fn a_firm_named_with_its_country_after_of_is_the_firm() {
        let names = [
            "Benetton of Italy",
            "Daiwa Securities Co Ltd of Japan",
            "SK Telecom of South Korea",
            "Bank of Japan",
            "Church of England",
            "Ford Motor Co of Canada",
            "Aluminum Co of America",
            "Kia Motor Corp of South Korea",
            "Sultanate of Oman",
            "Air Force of Zimbabwe",
            "Emperor of Brazil",
            "University of Tokyo",
        ];
        let verdicts = firms_of_countries(Gazetteer::get(), &names);
        let firms: Vec<(&str, &str)> = verdicts
            .iter()
            .map(|(name, verdict)| match verdict {
                Verdict::Into(firm, _) => (name.as_str(), firm.as_str()),
                Verdict::Drop(_) => (name.as_str(), ""),
            })
            .collect();
        assert_eq!(
            firms,
            vec![
                ("Benetton of Italy", "Benetton"),
                (
                    "Daiwa Securities Co Ltd of Japan",
                    "Daiwa Securities Co Ltd"
                ),
                ("SK Telecom of South Korea", "SK Telecom"),
            ],
            "an institution, a company whose name goes on after `Co`, an \
             American name, a title and a city keep their names"
        );
    }

    #[test]
    fn a_word_before_a_government_title_is_a_portfolio() {
        let body = "Agriculture Secretary Richard Lyng, Trade\nRepresentative Clayton Yeutter \
                    and Chrysler Chairman Lee Iacocca met Navy spokesman Tom Jones. \
                    He Kang, Minister of Fisheries, met the Bank of Japan.";
        let mut mentions = mentions_in(
            body,
            &[
                "Agriculture",
                "Trade",
                "Chrysler",
                "Navy",
                "Fisheries",
                "Japan",
            ],
            MentionKind::Organization,
        );
        with_body(body, |article| drop_portfolios(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&["Chrysler", "Navy", "Japan"])
        );
    }

    #[test]
    fn a_firm_named_with_a_comma_is_one_name() {
        let body = "The Coffee,\nSugar and Cocoa Exchange said so, as did Goldman, Sachs and Co, \
                    while in Tokyo, Sugar and Salt Exchange traders. Yesterday, Jones and Co sold. \
                    Essex, Derbyshire and Surrey won.";
        let mut mentions = Mentions::default();
        for (text, kind) in [
            ("Sugar and Cocoa Exchange", MentionKind::Organization),
            ("Essex", MentionKind::Organization),
            ("Derbyshire and Surrey", MentionKind::Organization),
            ("Goldman", MentionKind::Person),
            ("Sachs and Co", MentionKind::Organization),
            ("Tokyo", MentionKind::Location),
            ("Sugar and Salt Exchange", MentionKind::Organization),
            ("Jones and Co", MentionKind::Organization),
        ] {
            let offset = body.find(text).expect("in the body");
            mentions.push(body_mention(text, kind, offset));
        }
        with_body(body, |article| {
            join_names_with_commas(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&[
                "Coffee, Sugar and Cocoa Exchange",
                "Essex",
                "Derbyshire and Surrey",
                "Goldman, Sachs and Co",
                "Sugar and Salt Exchange",
                "Jones and Co",
            ]),
            "a place before the comma is no partner, nor a sentence's first word, \
             nor names that do not end as a firm's"
        );
        assert_eq!(mentions.values(MentionKind::Person), Vec::<String>::new());
        assert_eq!(mentions.values(MentionKind::Location), list(&["Tokyo"]));
    }

    #[test]
    fn a_short_acronym_before_a_number_is_a_designation() {
        let body = "Wheat under PL\n480 terms, the USDA 1987 report and the ECB said, and HR 1234, \
                    and the ICA 1983, the AAA 800m.\n EC   13.82\n EC 13.82";
        let mut mentions = mentions_in(
            body,
            &["PL", "USDA", "ECB", "HR", "ICA", "AAA"],
            MentionKind::Organization,
        );
        for (offset, _) in body.match_indices("\n EC") {
            mentions.push(body_mention("EC", MentionKind::Organization, offset + 2));
        }
        with_body(body, |article| {
            drop_non_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&["USDA", "ECB", "ICA", "AAA", "EC"]),
            "four letters, a body before a year, a measure or in a table"
        );
        assert_eq!(mentions.kept(MentionKind::Organization).count(), 6);
    }

    #[test]
    fn a_word_in_capitals_opening_a_line_before_a_colon_is_a_label() {
        let body =
            "ISSUER: Bay Co Building Authority\nCALL: 10/01/06\nThe IMF: no comment.\nNATO said";
        let mut mentions = mentions_in(
            body,
            &["ISSUER", "CALL", "IMF", "NATO"],
            MentionKind::Organization,
        );
        with_body(body, |article| {
            drop_non_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&["IMF", "NATO"]),
            "a name inside a line, or without a colon, is no label"
        );
    }

    #[test]
    fn a_common_word_in_capitals_on_a_lowercase_line_is_no_organization() {
        let body = "Home team in CAPS.\n    NICKEL - 126 tonnes\nTANDEM COMPUTERS RISE\n\
                    Survivors Fund (SURF) and UNESCO said: text the word NEXT.";
        let mut mentions = mentions_in(
            body,
            &["CAPS", "NICKEL", "TANDEM", "SURF", "UNESCO", "NEXT"],
            MentionKind::Organization,
        );
        with_body(body, |article| {
            drop_non_organizations(&mut mentions, article)
        });
        // A line in capitals is another resolver's.
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&["TANDEM", "SURF", "UNESCO"]),
        );
    }

    #[test]
    fn a_persons_surname_in_the_plural_is_the_family() {
        let body = "Bill Clinton and the Clintons met Joe Sears of Sears.";
        let mut mentions = mentions_in(body, &["Clintons", "Sears"], MentionKind::Organization);
        for person in ["Bill Clinton", "Joe Sears"] {
            let at = body.find(person).unwrap();
            mentions.push(body_mention(person, MentionKind::Person, at));
        }
        with_body(body, |article| {
            drop_non_organizations(&mut mentions, article)
        });
        assert_eq!(mentions.values(MentionKind::Organization), list(&["Sears"]));
    }

    #[test]
    fn one_word_written_in_lowercase_is_a_common_word_unless_known() {
        let body = "Coffee and Labour said coffee prices and labour costs rose.";
        let mut mentions = mentions_in(body, &["Coffee", "Labour"], MentionKind::Organization);
        with_body(body, |article| {
            drop_non_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&["Labour"]),
            "a known organization is no common word"
        );
    }

    #[test]
    fn a_programme_is_no_organization_unless_known() {
        let body = "The Export Enhancement Program, the World Food Programme and \
                    the Food Program Council met.";
        let names = [
            "Export Enhancement Program",
            "World Food Programme",
            "Food Program Council",
        ];
        let mut mentions = mentions_in(body, &names, MentionKind::Organization);
        with_body(body, |article| {
            drop_non_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            list(&["World Food Programme", "Food Program Council"])
        );
    }

    #[test]
    fn countries_fragments_and_cut_names_are_no_organizations() {
        let mut organizations = list(&[
            "El Salvador",
            "U.S.",
            "Corp",
            "Institute",
            "Treasury",
            "U.S. The",
            "Ministry of International Trade and",
            "U.S. And West",
            "TV",
            "GPRS",
            "DVD",
            "Christmas",
            "Fifth",
            "Central American",
            "Southeast Asian",
            "Northern Iraq",
            "Northern",
            "Texan",
            "Cofinec GDRs",
            "Emperor of Brazil",
            "Mayor of London",
            "North Korea",
            "Jewish West Bank",
            "Central Bank",
            "Louvre Accord",
            "International Sugar Agreement",
            "Agriculture Secretary",
            "CWT",
            "Eastern Bloc",
            "Bloc Quebecois",
            "World Bank",
            "International Coffee Organization",
            "Labour",
            "Labour MPs",
            "Green MEP",
            "MEP",
            "Treaty of Rome",
            "Treaty",
            "Treaty of Waitangi Fisheries Commission",
            "Act of Parliament",
            "Bank of England",
            "St. Louis-based",
            "Singapore-listed",
            "Co Ltd",
            "Lord",
            "Dr",
            "Queen",
            "AI",
            "Economist",
            "Feb",
            "August",
        ]);
        let verdicts = non_organizations(Gazetteer::get(), &refs(&organizations));
        apply_to_list(&mut organizations, &verdicts);
        assert_eq!(
            organizations,
            vec![
                "Treasury",
                "Cofinec",
                "Central Bank",
                "International Sugar Agreement",
                "Bloc Quebecois",
                "World Bank",
                "International Coffee Organization",
                "Labour",
                "Green",
                // One word is read by the other checks, not as `Treaty of`.
                "Treaty",
                "Treaty of Waitangi Fisheries Commission",
                "Bank of England",
                "Economist",
            ]
        );
    }

    #[test]
    fn an_organization_is_named_once_under_its_fullest_form() {
        let mut organizations = list(&[
            "Treasury",
            "U.S. Treasury",
            "Electric Co",
            "General Electric Co",
            "International Coffee",
            "International Coffee Organization",
            "OPEC",
            "OPEC Secretariat",
            "Labour",
            "Labour Party",
            "Commission",
            "European Commission",
            "Securities and Exchange Commission",
            "Samsung",
            "LG, Samsung",
            "Sachs and Co",
            "Goldman, Sachs and Co",
        ]);
        let verdicts = fullest_organizations(&refs(&organizations));
        apply_to_list(&mut organizations, &verdicts);
        assert_eq!(
            organizations,
            vec![
                "Treasury",
                "U.S. Treasury",
                "General Electric Co",
                "International Coffee Organization",
                "OPEC",
                "OPEC Secretariat",
                "Labour",
                "Labour Party",
                "Commission",
                "European Commission",
                "Securities and Exchange Commission",
                "Samsung",
                "LG, Samsung",
                "Goldman, Sachs and Co"
            ]
        );
    }

    #[test]
    fn a_short_form_of_a_company_is_the_company() {
        let mut organizations = list(&[
            "Hughes",
            "Hughes Tool Co",
            "USAir",
            "USAir Group Inc",
            "Bank",
            "Bank of Japan",
            "General",
            "General Motors Corp",
            "General Electric Co",
        ]);
        let verdicts = company_short_forms(&refs(&organizations));
        apply_to_list(&mut organizations, &verdicts);
        assert_eq!(
            organizations,
            vec![
                "Hughes Tool Co",
                "USAir Group Inc",
                "Bank",
                "Bank of Japan",
                "General",
                "General Motors Corp",
                "General Electric Co"
            ]
        );
    }
}
