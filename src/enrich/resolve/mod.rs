//! The resolvers: named steps that run, in one visible order, over an
//! article's [`Mentions`] and decide which become values, of what kind and
//! under which name. Each step sits in a file of its own with its tests;
//! each drop or change it makes is logged on the mention, with the step's
//! name, for `extract --explain`.
//!
//! The order, for English articles ([`resolve_english`]):
//!
//! 1. `two names` ([`joined`]): two names joined by `and` (`IBM and
//!    Toshiba`, `London and New York`) are two when each is a name alone;
//! 2. `headline persons` ([`kinds`]): a person the tagger reads in the
//!    headline must be one in the body too, and an organization or a
//!    place it reads in a headline in title case needs a word of it in
//!    the body or a list, as does an organization it barely read in a
//!    headline (`Moribund`);
//! 3. `one kind` ([`kinds`]): a place word or a rule's name that the
//!    tagger reads, whole, as another kind is that kind (a rule's person
//!    it surely reads as a nationality is none), but a city it reads as an
//!    organization in an article on no sport is the city; a place word inside a
//!    person's name the tagger read or the byline counts no country, and
//!    the tagger's reading of the byline as another kind is none; a
//!    rule's name that runs on past the tagger's is dropped, and so is a
//!    place or an organization the tagger cut from a longer place word
//!    (`Salvador` of `El Salvador`); `a piece of a name` ([`fragments`]):
//!    an organization the tagger read once whose capitalised words run on
//!    into a word no name holds is a piece of a longer one (`Federal` of
//!    `Federal Reserve policy-makers`), and two read on either side of
//!    `and` may be one (`National Grain` and `Feed Association`, `Nippon
//!    Telegraph` and `Telephone Corp` beside `NTT`), as may two read one
//!    space apart (`McDonnell` and `Douglas Corp`), or a place and a
//!    person after it ending as streets do (`White` and `Hart Lane`);
//! 4. `capitals and tables` ([`lines`]): a name read from a line in
//!    capitals needs a list to vouch for it, and is the person whose
//!    surname it is elsewhere (`NAKASONE`); `sign-off`: a one-word last
//!    line is no person of the article; `leader's name` ([`persons`]): one
//!    word before `administration` is a leader (`the Reagan
//!    administration`); `named otherwise` ([`kinds`]): a town written as
//!    the surname of a person the article names in full is none
//!    (`Davenport` beside `Lindsay Davenport`);
//! 5. `countries` ([`super::countries`]): the place words decide the
//!    countries, and a city or a state becomes a location;
//! 6. `name spans` ([`spans`]): two persons one space apart are one
//!    name (`Enzo` `Scifo`), and a weekday ends none (`Insulza Monday`),
//!    nor a date after `on` or `in` any name (`Brits on Tuesday`);
//!    `surnames` ([`persons`]): a lone surname is the full name that
//!    holds it; a name that heads a firm is the firm;
//! 7. `not a person` ([`persons`]): a lone given name, a common word or a
//!    shouted word, the end of an organization's name (`Ministry of
//!    Agriculture`), a place (`Capitol Hill`); `a company`: a person named
//!    as companies are is an organization; `party before a name`:
//!    `Tory Liam Fox` is `Liam Fox`;
//! 8. `fullest form` ([`fullest`]): each person once, under its fullest
//!    form and best case;
//! 9. `countries are codes` ([`kinds`]): a location that names a country
//!    is counted by its code;
//! 10. `not a location` and `place name` ([`locations`]): a compass word,
//!     a place's inhabitants (`Londoners`), a currency, a party and state, an agreement, a place before
//!     `-based` or `-backed` (`the Vienna-based body`); a place and an
//!     institution's word is an organization (`U.S. Treasury`), and so is
//!     a team (`Chelsea manager`, `Arsenal have`, `a team` in [`teams`]), as is a
//!     city alone in a report of games that names its team in full
//!     (`Boston` beside `the Boston Red Sox`); a country
//!     and a common noun is none (`U.S. Economy`), nor a state and a
//!     surname (`Virginia Madsen`); a place in capitals the
//!     gazetteer knows takes its name, and a ground read as an
//!     organization is a place (`Nou Camp`);
//! 11. `one kind per name` ([`kinds`]): a name the article writes as
//!     several kinds is the kind most of its readings say; `called`
//!     ([`called`]): but a person or an unlisted place the article writes
//!     once after a noun for an organization is one (`anti-virus firm
//!     Sophos`, `firms such as Copernic`), or as a firm's part (`its
//!     Yugansk unit`);
//! 12. `acronyms` ([`acronyms`]): an acronym the article defines, or
//!     whose letters are the initials of one name it writes in full, or a
//!     short form that begins one (`Fed`), is that name;
//! 13. `one case` ([`fullest`]): each organization and location once, in
//!     its best case;
//! 14. `firm of a country` ([`organizations`]): a firm named with its
//!     country after `of` is the firm (`Benetton of Italy`); `modifier
//!     before a name`: `Ohio-based KeyCorp` is `KeyCorp`; `noun before a
//!     name`: one after a plural noun or a person's surname and `of` is
//!     itself (`Shares of Ford Motor Co`, `Joel Naroff of First Union`);
//!     `not an organization`: a field's label (`ISSUER:`), a country or a
//!     part of one, an office in a place, a family, a lone word
//!     that ends organizations' names, a name cut short, two names run
//!     together, a common noun or word in capitals, a holiday,
//!     nationalities and regions' adjectives; `fullest form`:
//!     a name beginning or ending another is that one;
//! 15. `unplaced` ([`fullest`]): an organization named again with its
//!     place, or cut before its `and`, is that one;
//! 16. `company short form` ([`organizations`]): a name that begins one
//!     company's full name is that company;
//! 17. `one kind` ([`kinds`]): a place the tagger read where an
//!     organization's name written in full begins, or stands inside it
//!     beside an institution's word (`First Albany Corp`), is a piece of it;
//!     `named otherwise`: an organization or an unlisted location that is
//!     part of a person's name, an organization that is a geographic
//!     feature;
//! 18. `events` ([`events`]): an event, an award or a contest (`Super
//!     Bowl`, `Academy Awards`, `Consumer Electronics Show`, a word
//!     before `award`: `the Bafta award`) is no person, organization
//!     or place;
//! 19. `works` ([`works`]): a name the article gives to a film, a novel or
//!     an album (`the drama Vera Drake`, `Ray, starring Jamie Foxx`, `her
//!     role in Closer`) is no person, organization or place in any of its
//!     mentions, nor is a piece of its title (`Spotless Mind`) or a name
//!     listed with it, nor, in an article on works, a piece of a title
//!     joined by `of the` (`Rings` of `Lord of the Rings`); a quoted title (`"Viva Zapata"`) is none in that
//!     mention; `products` ([`products`]): nor is a name the article
//!     writes as a device's or a program's (`the next Xbox console`,
//!     `software like Linux`);
//! 20. `one kind for a list` ([`lists`]): in a line-up of persons apart
//!     only by commas and numbers, or a ranking of one a line, an
//!     organization the tagger read that could be a person's name is one,
//!     in all its mentions.
//!
//! Other languages ([`resolve_other`]) keep only the place words with one
//! meaning, and their countries.

pub mod acronyms;
pub mod called;
pub mod events;
pub mod fragments;
pub mod fullest;
pub mod joined;
pub mod kinds;
pub mod lines;
pub mod lists;
pub mod locations;
pub mod organizations;
pub mod persons;
pub mod products;
pub mod spans;
pub mod teams;
pub mod works;

use super::countries::{self, Countries};
use super::mentions::{Field, Mention, MentionKind, Mentions};
use super::tagger::features::{ArticleWords, CueWords};
use super::tokens::Tokenized;

/// What the resolvers read of the article besides its mentions.
#[derive(Debug, Clone, Copy)]
pub struct ArticleText<'a> {
    /// The headline as written.
    pub title_text: &'a str,
    /// The body as written.
    pub body_text: &'a str,
    /// The body, tokenized.
    pub body: &'a Tokenized<'a>,
    /// What the article's own text says of its words.
    pub words: &'a ArticleWords,
}

impl<'a> ArticleText<'a> {
    /// The text a mention of this field stands in; `None` for the
    /// dateline, which no resolver reads.
    pub fn text_of(&self, field: Field) -> Option<&'a str> {
        match field {
            Field::Title => Some(self.title_text),
            Field::Body => Some(self.body_text),
            Field::Dateline => None,
        }
    }

    /// The text of a mention's field before it and after it (both empty
    /// for the dateline).
    pub fn around(&self, mention: &Mention) -> (&'a str, &'a str) {
        let Some(text) = self.text_of(mention.field) else {
            return ("", "");
        };
        let before = text.get(..mention.offset).unwrap_or("");
        let after = text
            .get(mention.offset + mention.text.len()..)
            .unwrap_or("");
        (before, after)
    }

    /// Whether a value is one word, not in capitals, that the article
    /// also writes in lowercase: a common word (`Coffee` beside `coffee
    /// prices`, `the Budget` beside `the budget`).
    pub fn writes_as_common_word(&self, value: &str) -> bool {
        !value.contains(' ')
            && value.chars().any(char::is_lowercase)
            && self.words.writes_in_lowercase(value)
    }

    /// Whether the article reports on sport: its headline or its body
    /// gives a score or a word of games ([`teams::is_about_sport`]). Reads
    /// the whole text: ask it last.
    pub fn is_about_sport(&self) -> bool {
        teams::is_about_sport(self.title_text) || teams::is_about_sport(self.body_text)
    }

    /// Whether the word right before a mention, past any spaces, is `a`
    /// or `an`: the mention modifies the noun after it (`a Reuter
    /// survey`, `a Budget giveaway`).
    pub fn after_indefinite_article(&self, mention: &Mention) -> bool {
        matches!(self.word_before(mention), "a" | "an" | "A" | "An")
    }

    /// The word right before a mention, past any spaces (`in` of `In
    /// Boston`), or nothing at the start of its text.
    pub fn word_before(&self, mention: &Mention) -> &'a str {
        let (before, _) = self.around(mention);
        before.trim_end().rsplit([' ', '\n']).next().unwrap_or("")
    }

    /// Whether a mention is the subject of a verb of speech (`Sophos
    /// said`): someone, a person or a firm, whatever the words before it
    /// say.
    pub fn speaks(&self, mention: &Mention) -> bool {
        super::vocabulary::SPEECH_VERBS.contains(self.next_word(mention))
    }

    /// Whether the word right after a mention, one space on, is one of
    /// these (`crude` of `Brent crude`).
    pub fn writes_before(&self, mention: &Mention, words: &[&str]) -> bool {
        self.around(mention).1.starts_with(' ') && words.contains(&self.next_word(mention))
    }

    /// The letters of the word right after a mention, past any spaces
    /// (`accord` of `Louvre accord's`).
    pub fn next_word(&self, mention: &Mention) -> &'a str {
        let (_, after) = self.around(mention);
        after
            .trim_start()
            .split(|character: char| !character.is_alphabetic())
            .next()
            .unwrap_or("")
    }
}

/// Drops, in every mention `drops` accepts, the values the article writes
/// once where `cued` says the name is something else than a person, an
/// organization or a place (a code name, a grade of crude, an award),
/// looked for only when the article's lowercase words hold one of `cues`
/// (one hash look-up each, for most articles the whole cost).
pub fn drop_cued_values(
    mentions: &mut Mentions,
    article: ArticleText,
    cues: &CueWords,
    cued: impl Fn(&Mention) -> bool,
    drops: impl Fn(&Mention) -> bool,
    (resolver, why): (&'static str, &'static str),
) {
    if !article.words.writes_any_in_lowercase(cues) {
        return;
    }
    let values: Vec<String> = mentions
        .list
        .iter()
        .filter(|mention| cued(mention))
        .map(|mention| mention.value.clone())
        .collect();
    if values.is_empty() {
        return;
    }
    mentions.drop_where(resolver, why, |mention| {
        values.contains(&mention.value) && drops(mention)
    });
}

/// Whether a list knows a mention's name: a place the gazetteer knows
/// (`Iraq`) or a known organization (`Sony`).
pub fn is_listed(mention: &Mention) -> bool {
    !mention.meanings.is_empty()
        || !super::gazetteer::Gazetteer::get()
            .lookup(&mention.value)
            .is_empty()
        || super::vocabulary::is_known_organization(&mention.value)
}

/// Whether the text after a name opens with a possessive (`HP's`,
/// `Toshiba’s`): the name owns what follows.
pub fn opens_possessive(after: &str) -> bool {
    after.starts_with("'s") || after.starts_with("\u{2019}s")
}

/// The most bytes before a name that a list holding it is looked for in
/// (`firms such as Google, Copernic and Apple`).
const LIST_REACH: usize = 160;

/// Where a list of names that runs on to the end of a text opens: the
/// word before its opening, whether a comma stands between them, and the
/// opening.
#[derive(Debug, PartialEq, Eq)]
pub struct ListOpening<'a> {
    /// The word before the opening (`firms` of `firms such as`).
    pub noun: &'a str,
    /// Whether a comma follows that word (`films, including`).
    pub comma: bool,
    /// The opening, one of those looked for (` such as `).
    pub opening: &'static str,
}

/// The opening of the list of names the end of a text stands in (`firms
/// such as Google, Copernic and`, `software like Linux, Unix and`): the
/// later of the openings given, within [`LIST_REACH`] bytes, followed by
/// capitalised words, commas and `and` only, in one sentence (`software
/// like Linux. Qwerty won` lists no `Qwerty`), and no further than the
/// item after its `and` (`films such as Ray and Sideways, Jamie Foxx`
/// lists no `Jamie Foxx`).
pub fn list_opening<'a>(before: &'a str, openings: &[&'static str]) -> Option<ListOpening<'a>> {
    // The name must follow an opening, an item or a word of one (`like
    // HP's`): most names do not, and are answered without a search.
    let last = before
        .strip_suffix(' ')?
        .rsplit([' ', '\n'])
        .next()
        .unwrap_or("");
    let in_list = last.ends_with(',')
        || last == "and"
        || last.starts_with(|c: char| c.is_uppercase())
        || openings
            .iter()
            .any(|opening| opening.trim_end().rsplit(' ').next() == Some(last));
    if !in_list {
        return None;
    }
    let before = &before[before.floor_char_boundary(before.len().saturating_sub(LIST_REACH))..];
    // The later of two openings is the list's (`sites like Facebook push
    // technology such as Bluetooth`).
    let (at, opening) = openings
        .iter()
        .filter_map(|opening| before.rfind(opening).map(|at| (at, *opening)))
        .max()?;
    let (head, list) = (&before[..at], &before[at + opening.len()..]);
    let one_sentence = !list.contains(". ") && !list.contains(".\n");
    let in_list = list.split([' ', ',', '\n']).all(|word| {
        word.is_empty() || word == "and" || word.starts_with(|c: char| c.is_uppercase())
    });
    // `In films such as Ray and Sideways, Jamie Foxx plays`: the list ends
    // with the item after its `and`.
    let ended = list
        .find(" and ")
        .or_else(|| list.starts_with("and ").then_some(0))
        .is_some_and(|and| list[and..].contains(','));
    let bare = head.strip_suffix(',');
    let noun = bare
        .unwrap_or(head)
        .rsplit([' ', '\n'])
        .next()
        .unwrap_or("");
    (one_sentence && in_list && !ended).then_some(ListOpening {
        noun,
        comma: bare.is_some(),
        opening,
    })
}

/// What a list resolver decides of a value it does not keep as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The value is no name of its kind, for the reason given.
    Drop(&'static str),
    /// The value is another value, for the reason given.
    Into(String, &'static str),
}

/// Applies a list resolver's verdicts to the mentions of a kind.
pub fn apply(
    mentions: &mut Mentions,
    kind: MentionKind,
    verdicts: &[(String, Verdict)],
    resolver: &'static str,
) {
    for (value, verdict) in verdicts {
        match final_verdict(verdicts, verdict) {
            Verdict::Drop(why) => mentions.drop_value(kind, value, resolver, why),
            Verdict::Into(into, why) => {
                mentions.rename_value(kind, value, (kind, &into), resolver, why)
            }
        }
    }
}

/// Follows a value renamed into one the same resolver renames again
/// (`Yoon` into `Yoon Suk`, `Yoon Suk` into `Yoon Suk Yeol`) to the end of
/// the chain, keeping the first reason.
fn final_verdict(verdicts: &[(String, Verdict)], verdict: &Verdict) -> Verdict {
    let mut current = verdict.clone();
    for _ in 0..verdicts.len() {
        let Verdict::Into(into, why) = &current else {
            break;
        };
        let next = verdicts.iter().find(|(value, _)| value == into);
        match next {
            Some((_, Verdict::Into(further, _))) if further != into => {
                current = Verdict::Into(further.clone(), why);
            }
            Some((_, Verdict::Drop(dropped))) => current = Verdict::Drop(dropped),
            _ => break,
        }
    }
    current
}

/// Applies verdicts to a list of values as [`apply`] does to mentions: a
/// dropped value goes, a renamed one takes the other's place unless that
/// value is there already. For the tests of the list resolvers.
#[cfg(test)]
pub fn apply_to_list(values: &mut Vec<String>, verdicts: &[(String, Verdict)]) {
    for (value, verdict) in verdicts {
        let Some(position) = values.iter().position(|other| other == value) else {
            continue;
        };
        match verdict {
            Verdict::Drop(_) => {
                values.remove(position);
            }
            Verdict::Into(into, _) if values.contains(into) => {
                values.remove(position);
            }
            Verdict::Into(into, _) => values[position] = into.clone(),
        }
    }
}

/// Resolves the mentions of an English article; returns its countries.
pub fn resolve_english(mentions: &mut Mentions, article: ArticleText) -> Countries {
    mentions.sort_by_position();
    joined::split_joined_names(mentions, article);
    kinds::confirm_headline_persons(mentions, article);
    kinds::confirm_title_case_headline_names(mentions, article);
    kinds::drop_hesitant_headline_names(mentions, article);
    kinds::keep_one_kind(mentions, article);
    fragments::drop_pieces_of_names(mentions, article);
    fragments::drop_pieces_of_wrapped_names(mentions, article);
    fragments::join_names_cut_at_and(mentions, article);
    fragments::join_names_cut_at_a_space(mentions, article);
    fragments::join_places_cut_at_a_space(mentions, article);
    lines::drop_names_of_caseless_lines(mentions, article);
    lines::drop_names_of_table_rows(mentions, article);
    lines::drop_sign_offs(mentions, article);
    persons::find_leaders_named_for_governments(mentions, article);
    kinds::drop_places_named_for_persons(mentions, article);
    kinds::make_placed_persons_locations(mentions, article);
    let decided = countries::resolve_places(mentions);
    spans::repair_person_spans(mentions, article);
    persons::resolve_surnames(mentions, article);
    persons::drop_non_persons(mentions, article);
    persons::make_companies_organizations(mentions);
    persons::make_bands_organizations(mentions, article);
    persons::drop_common_word_names(mentions);
    fullest::keep_fullest_persons(mentions);
    kinds::count_countries_by_code(mentions);
    locations::drop_non_locations(mentions, article);
    locations::make_world_regions_locations(mentions);
    locations::drop_agreement_names(mentions, article);
    locations::drop_place_modifiers(mentions, article);
    locations::make_institutions_organizations(mentions);
    locations::make_venues_locations(mentions);
    teams::make_teams_organizations(mentions, article);
    teams::make_team_short_forms_organizations(mentions, article);
    locations::drop_places_with_common_nouns(mentions, article);
    locations::name_places_in_capitals(mentions);
    organizations::make_cued_companies_organizations(mentions, article);
    kinds::keep_one_kind_per_name(mentions);
    called::make_called_organizations(mentions, article);
    organizations::join_names_with_commas(mentions, article);
    organizations::drop_portfolios(mentions, article);
    acronyms::resolve_defined_acronyms(mentions, article);
    acronyms::resolve_initialisms(mentions);
    acronyms::resolve_abbreviations(mentions);
    fullest::keep_one_case(mentions);
    organizations::unplace_firms_of_countries(mentions, article);
    organizations::drop_modifiers_before_organizations(mentions);
    organizations::drop_nouns_before_organizations(mentions, article);
    organizations::drop_non_organizations(mentions, article);
    organizations::keep_fullest_organizations(mentions);
    fullest::drop_unplaced_organizations(mentions);
    organizations::resolve_company_short_forms(mentions);
    kinds::drop_places_beginning_organizations(mentions);
    kinds::drop_organizations_named_otherwise(mentions);
    events::drop_events(mentions, article);
    works::drop_works(mentions, article);
    products::drop_products(mentions, article);
    lists::make_lists_one_kind(mentions, article);
    persons::make_performers_persons(mentions, article);
    decided
}

/// The organizations the resolvers named by a longer name of the article,
/// each pair once, written as the article writes the short one: an
/// acronym or short form (`USDA` as `U.S. Agriculture Department`, `Fed`
/// as `Federal Reserve`), or a name without its place (`Treasury` as
/// `U.S. Treasury`). The index learns its aliases from this evidence
/// (`crate::index::aliases::variants`).
pub fn short_forms(mentions: &Mentions) -> Vec<(String, String)> {
    let gazetteer = super::gazetteer::Gazetteer::get();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for mention in mentions.kept(MentionKind::Organization) {
        let (text, value) = (mention.text.as_str(), mention.value.as_str());
        if !value.contains(' ') || same_in_lowercase(text, value) {
            continue;
        }
        let one_word = !text.contains(char::is_whitespace);
        let placed = value
            .strip_suffix(text)
            .and_then(|front| front.strip_suffix(' '))
            .is_some_and(|front| fullest::is_place_in_front(gazetteer, front));
        let pair = (text.to_string(), value.to_string());
        if (one_word || placed) && !pairs.contains(&pair) {
            pairs.push(pair);
        }
    }
    pairs
}

/// The names the article gives to works (`Million Dollar Baby`), as
/// written, without a leading `The`: each mention the works resolver
/// dropped and each name it found written as a title, once. The index learns from this evidence which values are
/// titles wherever they stand (`crate::index::aliases::works`).
pub fn works(mentions: &Mentions) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    // A quotation tells less than a word for a work (`"Paris Club"
    // creditors`): it is no evidence for the index.
    let by_works = |mention: &&Mention| {
        mention.dropped.as_ref().is_some_and(|dropped| {
            dropped.resolver == works::NAME && dropped.what != works::QUOTED_TITLE
        })
    };
    let dropped = mentions.list.iter().filter(by_works);
    for title in dropped
        .map(|mention| works::title_of(&mention.text))
        .chain(mentions.titled.iter().map(String::as_str))
    {
        if !titles.iter().any(|known| known == title) {
            titles.push(title.to_string());
        }
    }
    titles
}

/// Whether two names are the same once lowercased, comparing ASCII ones
/// without lowercasing them into new strings.
fn same_in_lowercase(first: &str, second: &str) -> bool {
    if first.is_ascii() && second.is_ascii() {
        return first.eq_ignore_ascii_case(second);
    }
    first.to_lowercase() == second.to_lowercase()
}

/// Resolves the mentions of an article in another language, which only
/// the place words with one meaning are read of (`Berlin`; `Moskau` is no
/// English place word and is not read); returns its countries.
pub fn resolve_other(mentions: &mut Mentions) -> Countries {
    mentions.sort_by_position();
    mentions.drop_where(
        "other language",
        "a place word with several meanings, in a language the rules do not read",
        |mention| mention.kind == MentionKind::Place && mention.meanings.len() != 1,
    );
    mentions.drop_where(
        "other language",
        "the rules read names only in English",
        |mention| mention.kind != MentionKind::Place,
    );
    countries::resolve_places(mentions)
}

/// Builders the resolvers' tests share.
#[cfg(test)]
pub mod testing {
    use super::super::entities::Zone;
    use super::super::mentions::{At, Field, Mention, MentionKind, Mentions, Source};

    /// Owned values of a list of names.
    pub fn list(values: &[&str]) -> Vec<String> {
        values.iter().map(|value| value.to_string()).collect()
    }

    /// Borrowed values of a list of names, as [`Mentions::value_refs`]
    /// gives them.
    pub fn refs(values: &[String]) -> Vec<&str> {
        values.iter().map(String::as_str).collect()
    }

    /// A mention of a name the tagger read in the body at an offset.
    pub fn body_mention(text: &str, kind: MentionKind, offset: usize) -> Mention {
        let at = At {
            zone: Zone::Body,
            field: Field::Body,
            offset,
        };
        Mention::new(text, kind, at, Source::Tagger { margin: 9.0 })
    }

    /// The tagger's mentions of names of one kind in a body, each at its
    /// first place there.
    pub fn mentions_in(body: &str, names: &[&str], kind: MentionKind) -> Mentions {
        let mut mentions = Mentions::default();
        for name in names {
            mentions.push(first_mention(body, name, kind));
        }
        mentions
    }

    /// The tagger's mentions of names of their kinds in a body, each at its
    /// first place there.
    pub fn mentions_of_kinds(body: &str, names: &[(&str, MentionKind)]) -> Mentions {
        let mut mentions = Mentions::default();
        for (name, kind) in names {
            mentions.push(first_mention(body, name, *kind));
        }
        mentions
    }

    /// The value and kind of each mention once a resolver has run over
    /// the tagger's mentions of names, of their kinds, each at its first
    /// place in a body.
    pub fn kinds_after(
        body: &str,
        names: &[(&str, MentionKind)],
        resolve: impl FnOnce(&mut Mentions, super::ArticleText),
    ) -> Vec<(String, MentionKind)> {
        with_body(body, |article| {
            let mut mentions = mentions_of_kinds(body, names);
            resolve(&mut mentions, article);
            mentions
                .list
                .iter()
                .map(|mention| (mention.value.clone(), mention.kind))
                .collect()
        })
    }

    /// The tagger's mention of a name at its first place in a body.
    fn first_mention(body: &str, name: &str, kind: MentionKind) -> Mention {
        let offset = body.find(name).expect("the name is in the body");
        body_mention(name, kind, offset)
    }

    /// Runs a resolver's check over an article of this body alone.
    pub fn with_body<R>(body: &str, check: impl FnOnce(super::ArticleText) -> R) -> R {
        with_title_and_body("", body, check)
    }

    /// Runs a resolver's check over an article of this headline and body.
    pub fn with_title_and_body<R>(
        title: &str,
        body: &str,
        check: impl FnOnce(super::ArticleText) -> R,
    ) -> R {
        let title_tokens = crate::enrich::tokens::analyse(title);
        let body_tokens = crate::enrich::tokens::analyse(body);
        let words =
            crate::enrich::tagger::features::ArticleWords::of(&[&title_tokens, &body_tokens]);
        check(super::ArticleText {
            title_text: title,
            body_text: body,
            body: &body_tokens,
            words: &words,
        })
    }

    /// The tagger's mentions of names in the body, each at offset 0.
    pub fn mentions_of(names: &[(&str, MentionKind)]) -> Mentions {
        let mut mentions = Mentions::default();
        for (name, kind) in names {
            mentions.push(body_mention(name, *kind, 0));
        }
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_works_evidence_is_the_titles_named_as_works_but_quoted_ones() {
        let body = "The drama Vera Drake won. \"Paris Club\" creditors met. Vera Drake sold.";
        let names = [
            ("Vera Drake", MentionKind::Person),
            ("Paris Club", MentionKind::Organization),
            ("Vera Drake", MentionKind::Person),
        ];
        let titles = testing::with_body(body, |article| {
            let mut mentions = testing::mentions_of_kinds(body, &names);
            works::drop_works(&mut mentions, article);
            let quoted = mentions.list.iter().find(|m| m.text == "Paris Club");
            assert!(quoted.is_some_and(|mention| !mention.is_kept()));
            works(&mentions)
        });
        assert_eq!(titles, ["Vera Drake"]);
    }

    #[test]
    fn a_list_opens_on_the_later_opening_and_runs_on_in_one_sentence() {
        let opening = |before, openings| list_opening(before, openings);
        assert_eq!(
            opening("firms such as Google, Copernic and ", &[" such as "]),
            Some(ListOpening {
                noun: "firms",
                comma: false,
                opening: " such as "
            })
        );
        assert_eq!(
            opening(
                "sites like Facebook push technology such as ",
                &[" like ", " such as "]
            )
            .map(|list| list.noun),
            Some("technology")
        );
        assert_eq!(
            opening("films, including ", &[" including "]).map(|list| list.comma),
            Some(true)
        );
        assert_eq!(
            opening("software like Linux. Qwerty and ", &[" like "]),
            None
        );
        assert_eq!(opening("firms such as Google said ", &[" such as "]), None);
        assert_eq!(opening("firms said ", &[" such as "]), None);
        assert_eq!(
            opening("In films such as Ray and Sideways, ", &[" such as "]),
            None,
            "past the item after `and`"
        );
        assert!(opening("films such as Ray, Aviator, and ", &[" such as "]).is_some());
    }
}
