//! One kind per name: the resolvers that decide what kind of name a
//! mention is when its sources disagree, and drop a name that is another
//! kind's.
//!
//! - `headline persons`: a person the tagger reads in a headline is one
//!   only if the body names a person with the same last word (a capitalised
//!   verb or a place in a headline reads like a name); in a headline in
//!   title case, an organization or a place the tagger reads needs the
//!   body to write one of its words, or a list to know it (`Discussions`);
//! - `one kind`: the tagger, which reads the words around a name, decides
//!   against the rules' lists: a place word or a rule's name that it reads,
//!   whole, as another kind is not the rules' kind (but a country read as
//!   an organization keeps its place word, whose code counts it, and a
//!   city or a state read so in an article on no sport is the place:
//!   `Tokyo stock prices`), and a place of several words the lists know
//!   that it reads as a person is the place (`Kuala Lumpur`); a rule's
//!   person the tagger surely reads as another kind of name is none
//!   (`Kurdish`), and so is a rule's acronym it surely reads so and
//!   nowhere as an organization (`RBI` of a box score); a place word the tagger surely reads as a word of a
//!   person's name counts no country (`Finn` of `Richard Finn`); a rule's
//!   name that runs on past the tagger's into a lowercase word or a date
//!   is a misreading; a place or an organization the tagger cut from a
//!   longer place word written there is a piece of it (`Salvador`, `El`
//!   of `El Salvador`); a place where an organization's name written in
//!   full begins, or inside it beside an institution's word (`Albany` of
//!   `First Albany Corp`), is a piece of it;
//! - `countries are codes`: a location that names a country or a
//!   nationality is counted by its country code, not as a location;
//! - `one kind per name`: a name the article writes as several kinds (the
//!   tagger reads `USAir` as an organization here and a place there) is
//!   the kind most of its mentions say, a rule's cue counting twice;
//! - `named otherwise`: an organization or a location no list knows that is
//!   part of a person's name (`Icahn` beside `Carl Icahn`), or an
//!   organization that is a geographic feature of the rules; earlier, a
//!   town written as the surname of a person named in full (`Davenport`
//!   beside `Lindsay Davenport`), before it counts a country.

use std::cell::OnceCell;

use super::super::byline;
use super::super::entities::is_organization_word;
use super::super::gazetteer::{Gazetteer, PlaceKind};
use super::super::mentions::{Mention, MentionKind, Mentions, Source, first_word};
use super::super::tagger::features::NAME_PARTICLES;
use super::super::vocabulary::{DATE_WORDS, is_known_organization};
use super::ArticleText;
use super::organizations::ORDINALS;
use super::teams::has_score;
use crate::enrich::mentions::Field;

/// Drops the persons the tagger reads in the headline of an article with a
/// body unless the body names a person with the same last word (`BAKER` in
/// the headline, `James Baker` in the body).
pub fn confirm_headline_persons(mentions: &mut Mentions, article: ArticleText) {
    if article.body.tokens.is_empty() {
        return;
    }
    let body_last_words: Vec<String> = mentions
        .kept(MentionKind::Person)
        .filter(|mention| mention.is_tagged() && mention.field == Field::Body)
        .filter_map(|mention| last_word(&mention.text))
        .collect();
    mentions.drop_where(
        "headline persons",
        "a person in the headline whom the body does not name",
        |mention| {
            mention.kind == MentionKind::Person
                && mention.is_tagged()
                && mention.field == Field::Title
                && !last_word(&mention.text).is_some_and(|last| body_last_words.contains(&last))
        },
    );
}

/// Drops the organizations and locations the tagger reads in a headline
/// written in title case (`Russian Defense Chief Engages in Discussions
/// with Chinese Military Commanders`, `Streaming Giants Face New Rules`),
/// where every word is capitalised and the tagger, which learned headlines
/// in capitals, and the rules read names into common words (`Region
/// Realigns`, after the geographic word): such a name stands only if
/// the body writes it as the headline does (`Bristol City`; `Bank of
/// England` for `Bank Of England`; `NATO` for `Nato`), or stands beside
/// a game's score, or a list knows it. The entity the headline names is
/// named again in the body, as the body writes it.
pub fn confirm_title_case_headline_names(mentions: &mut Mentions, article: ArticleText) {
    if article.body_text.is_empty() || !is_title_case(article.title_text) {
        return;
    }
    let gazetteer = Gazetteer::get();
    mentions.drop_where(
        "headline persons",
        "a name in a headline in title case that the body does not write, and no list knows",
        |mention| {
            matches!(
                mention.kind,
                MentionKind::Organization | MentionKind::Location
            ) && mention.field == Field::Title
                && !writes_as_headline_name(article.body_text, &mention.text)
                && !is_beside_score(article.around(mention))
                && gazetteer.lookup(&mention.text).is_empty()
                && !is_known_organization(&mention.text)
        },
    );
}

/// Whether a name stands beside a game's score, as the teams of a
/// report's headline do (`Bristol City 2-1 Milton Keynes`).
fn is_beside_score((before, after): (&str, &str)) -> bool {
    let next = after.split_whitespace().next();
    let previous = before.split_whitespace().next_back();
    [next, previous].into_iter().flatten().any(has_score)
}

/// Whether a body writes a name of a title-case headline: as it is, in
/// capitals, or with its short words in lowercase, as prose writes them
/// (`Bank of England` for `Bank Of England`).
fn writes_as_headline_name(body: &str, name: &str) -> bool {
    if body.contains(name) || body.contains(&name.to_uppercase()) {
        return true;
    }
    let prose: Vec<String> = name
        .split(' ')
        .enumerate()
        .map(|(index, word)| match index > 0 && word.len() <= 3 {
            true => word.to_lowercase(),
            false => word.to_string(),
        })
        .collect();
    body.contains(&prose.join(" "))
}

/// The margin below which the tagger hesitates over a name (`Far East
/// Gold - Moribund market`, read so at 0.1).
const HESITANT_MARGIN: f32 = 1.0;

/// Drops the organizations the tagger barely read in a headline that the
/// body names nowhere, nor writes as the headline does (`Moribund` of
/// `Far East Gold - Moribund market seen continuing`, whose body writes
/// `Far East gold`): a headline's capitals make every word look like a
/// name, and a hesitant reading of it is no evidence. Words in capitals
/// are left to `capitals and tables` (an acronym such as `EC` is named in
/// full in the body).
pub fn drop_hesitant_headline_names(mentions: &mut Mentions, article: ArticleText) {
    let hesitant = |mention: &Mention| {
        mention.kind == MentionKind::Organization
            && mention.field == Field::Title
            && matches!(mention.source, Source::Tagger { margin } if margin < HESITANT_MARGIN)
    };
    // Most headlines hold no such name: only then is the body read.
    if !mentions
        .list
        .iter()
        .any(|mention| mention.is_kept() && hesitant(mention))
    {
        return;
    }
    let in_body: Vec<String> = mentions
        .list
        .iter()
        .filter(|mention| mention.is_kept() && mention.field == Field::Body)
        .map(|mention| mention.value.to_lowercase())
        .collect();
    mentions.drop_where(
        "headline persons",
        "a name the tagger barely read in a headline, which the body names nowhere",
        |mention| {
            hesitant(mention)
                && mention.text.chars().any(char::is_lowercase)
                && !in_body.contains(&mention.value.to_lowercase())
                && !article.body_text.contains(&mention.text)
                && !is_known_organization(&mention.value)
        },
    );
}

/// Whether a headline is written in title case: not in capitals, and
/// nearly every word of five letters or more capitalised (`Engages`,
/// `Discussions`, `Commanders`; short words such as `with` stay in
/// lowercase).
fn is_title_case(headline: &str) -> bool {
    let long: Vec<&str> = headline
        .split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 5)
        .collect();
    let capitalised = long
        .iter()
        .filter(|word| word.starts_with(char::is_uppercase))
        .count();
    let shouted = long
        .iter()
        .all(|word| !word.chars().any(char::is_lowercase));
    long.len() >= 3 && !shouted && capitalised * 10 >= long.len() * 9
}

/// The last word of a name, in lowercase.
fn last_word(name: &str) -> Option<String> {
    name.split_whitespace().last().map(str::to_lowercase)
}

/// The texts of the kept mentions of a kind that the tagger found.
fn tagged_texts(mentions: &Mentions, kind: MentionKind) -> Vec<&str> {
    mentions
        .kept(kind)
        .filter(|mention| mention.is_tagged())
        .map(|mention| mention.text.as_str())
        .collect()
}

/// Lets the tagger decide the kind of the names the rules found too: a
/// place word it reads only as a person or an organization (`Jordan`
/// scored, `Boston` beat) is no place; a rule's person it reads as an
/// organization or a place (`Merrill Lynch`) is no person, and the same
/// for organizations; a rule's name that runs on past the tagger's (`Bill
/// Clinton on`, `Jose Insulza Monday`) is dropped.
pub fn keep_one_kind(mentions: &mut Mentions, article: ArticleText) {
    let tagged = TaggedTexts {
        article,
        about_sport: OnceCell::new(),
        persons: tagged_texts(mentions, MentionKind::Person),
        organizations: tagged_texts(mentions, MentionKind::Organization),
        locations: tagged_texts(mentions, MentionKind::Location),
        others: mentions
            .kept(MentionKind::Misc)
            .filter(|mention| {
                matches!(mention.source, Source::Tagger { margin } if margin >= SURE_MARGIN)
            })
            .map(|mention| mention.text.as_str())
            .collect(),
        persons_at: mentions
            .kept(MentionKind::Person)
            .filter(|mention| {
                let sure = matches!(mention.source, Source::Tagger { margin } if margin >= SURE_MARGIN);
                (sure && is_person_shaped(&mention.text)) || is_byline(mention)
            })
            .map(Written::of)
            .collect(),
        bylines_at: mentions
            .kept(MentionKind::Person)
            .filter(|mention| is_byline(mention))
            .map(Written::of)
            .collect(),
        places_at: mentions
            .kept(MentionKind::Place)
            .filter(|mention| mention.is_ruled())
            .map(Written::of)
            .collect(),
    };
    // The tagger's texts are borrowed from the mentions: every reason is
    // read before any mention is dropped.
    let reasons: Vec<Option<&'static str>> = mentions
        .list
        .iter()
        .map(|mention| {
            if mention.is_kept() {
                tagged.misreading(mention)
            } else {
                None
            }
        })
        .collect();
    mentions.drop_for_reasons("one kind", &reasons);
}

/// The margin from which the tagger's reading of a name as another kind
/// of name (a nationality, a product) overrules a rule's person; below
/// it the tagger hesitates (`Roman Abramovich` read so at 0.1).
const SURE_MARGIN: f32 = 5.0;

/// The texts of the names the tagger found, by kind.
struct TaggedTexts<'a> {
    article: ArticleText<'a>,
    /// Whether the article reports on sport, where a city may stand for
    /// its team: read only for a city the tagger reads as an organization.
    about_sport: OnceCell<bool>,
    persons: Vec<&'a str>,
    organizations: Vec<&'a str>,
    locations: Vec<&'a str>,
    /// Nationalities, events and other names.
    others: Vec<&'a str>,
    /// Where the tagger surely read persons.
    persons_at: Vec<Written<'a>>,
    /// Where the rules read place words.
    places_at: Vec<Written<'a>>,
    /// Where the body's first line names a reporter.
    bylines_at: Vec<Written<'a>>,
}

/// Whether a mention is the byline's person ([`byline`]).
fn is_byline(mention: &Mention) -> bool {
    mention.source == Source::Rule(byline::RULE)
}

/// Whether a name the tagger read as a person looks like one, as names
/// that later resolvers keep do: no `and` (`Toyko and Australia`), no
/// ordinal first (`First Boston`), no word in capitals.
fn is_person_shaped(name: &str) -> bool {
    !name.contains(" and ")
        && !name.contains(" & ")
        && !ORDINALS.contains(&first_word(name))
        && name
            .split(' ')
            .all(|word| word.len() < 2 || word.contains(char::is_lowercase))
}

/// A name as written at its place.
struct Written<'a> {
    field: Field,
    offset: usize,
    text: &'a str,
}

impl<'a> Written<'a> {
    /// A mention's name as written at its place.
    fn of(mention: &'a Mention) -> Written<'a> {
        Written {
            field: mention.field,
            offset: mention.offset,
            text: &mention.text,
        }
    }

    /// Whether a mention is this name, written at its place.
    fn is_written_as(&self, mention: &Mention) -> bool {
        mention.field == self.field && mention.offset == self.offset && mention.text == self.text
    }

    /// Whether a mention stands inside this longer name as a run of its
    /// words (`Finn` in `Richard Finn`, `New York` in `Federal Reserve
    /// Bank of New York`). A rule's mention stands where the capitalised
    /// words it read begin, so its place is checked against the name's
    /// and its text against the name's words.
    fn holds(&self, mention: &Mention) -> bool {
        let end = self.offset + self.text.len();
        mention.field == self.field
            && mention.offset >= self.offset
            && mention.offset + mention.text.len() <= end
            && self.text.len() > mention.text.len()
            && contains_words(self.text, &mention.text)
    }
}

impl TaggedTexts<'_> {
    /// Whether a mention is a city, a state or a province the rules read
    /// as a place word at its place, in an article that reports on no
    /// sport, that the tagger reads as no person anywhere and that begins
    /// no organization it read (`Kawasaki Steel`), and that is no acronym
    /// (`ICA`, not the city of `Ica`): there it is the place,
    /// whatever the tagger reads (`Tokyo stock prices`, `Chicago's
    /// archbishop`), where a report of games names teams by their cities.
    fn is_place_outside_sport(&self, mention: &Mention) -> bool {
        let text = mention.text.as_str();
        // Four capitals or fewer spell an acronym (`ICA`, not `Ica`).
        let acronym = text.len() <= 4 && !text.contains(char::is_lowercase);
        !acronym
            && self
                .places_at
                .iter()
                .any(|place| place.is_written_as(mention))
            && Gazetteer::get().is_city_or_state(text)
            && !Gazetteer::get().is_country(text)
            && !self.persons.contains(&text)
            && !self.organizations.iter().any(|organization| {
                organization
                    .strip_prefix(text)
                    .is_some_and(|rest| rest.starts_with(' '))
            })
            && !*self
                .about_sport
                .get_or_init(|| self.article.is_about_sport())
    }

    /// Why the tagger says a mention is not of its kind, if it does.
    fn misreading(&self, mention: &Mention) -> Option<&'static str> {
        let text = mention.text.as_str();
        let (persons, organizations, locations) =
            (&self.persons, &self.organizations, &self.locations);
        // A country the tagger reads as an organization (`U.S. BANK ...`
        // in a headline) is its government or its team: `not an
        // organization` drops that reading, and the place word counts its
        // code. A nationality so read still does (`American` is the
        // airline).
        let organization = || organizations.contains(&text) && !Gazetteer::get().is_country(text);
        if mention.is_tagged()
            && mention.kind == MentionKind::Organization
            && self.is_place_outside_sport(mention)
        {
            return Some(
                "a city or a state the rules read here, in an article on no sport: the place, not a team (`Tokyo stock prices`)",
            );
        }
        // A place of several words is no person's name (`Kuala Lumpur`,
        // `Latin America`): the lists outweigh the tagger there.
        let several_words_no_organization = text.contains(' ') && !organization();
        if mention.kind == MentionKind::Place
            && ((persons.contains(&text) && !several_words_no_organization) || organization())
            && !locations.contains(&text)
            && !self.is_place_outside_sport(mention)
        {
            return Some("the tagger reads this place word as a person or an organization");
        }
        if mention.is_tagged()
            && mention.kind == MentionKind::Person
            && several_words_no_organization
            && self
                .places_at
                .iter()
                .any(|place| place.is_written_as(mention))
        {
            return Some(
                "a place of several words the lists know (`Kuala Lumpur`), which the tagger read as a person",
            );
        }
        if mention.kind == MentionKind::Place
            && self.persons_at.iter().any(|person| person.holds(mention))
        {
            return Some("a word of a person's name (`Finn` in `Richard Finn`)");
        }
        let in_byline = |byline: &Written| byline.holds(mention) || byline.is_written_as(mention);
        if mention.is_tagged()
            && mention.kind != MentionKind::Person
            && self.bylines_at.iter().any(in_byline)
        {
            return Some(
                "the byline, a reporter's name alone on the body's first line, names a person",
            );
        }
        if matches!(
            mention.kind,
            MentionKind::Location | MentionKind::Organization
        ) && mention.is_tagged()
            && self.places_at.iter().any(|place| place.holds(mention))
        {
            return Some(
                "a piece of a longer place name written here (`Salvador` of `El Salvador`)",
            );
        }
        // The byline's shape decides it, not the words around it.
        if !mention.is_ruled() || is_byline(mention) {
            return None;
        }
        let overruns = |tagged: &[&str]| tagged.iter().any(|shorter| runs_on_past(text, shorter));
        match mention.kind {
            MentionKind::Person if organizations.contains(&text) || locations.contains(&text) => {
                Some("the tagger reads this name as an organization or a place")
            }
            MentionKind::Organization if persons.contains(&text) || locations.contains(&text) => {
                Some("the tagger reads this name as a person or a place")
            }
            // `RBI` and `ERA` in a box score, `FTSE` before its close: the
            // columns of a table, the name of an index.
            MentionKind::Organization
                if text.bytes().all(|byte| byte.is_ascii_uppercase())
                    && self.others.contains(&text)
                    && !organizations.contains(&text)
                    && !is_known_organization(text) =>
            {
                Some("the tagger reads this name as an event, an index or another kind of name")
            }
            // `Kurdish` before a role (`Kurdish rebel leader`) is a
            // nationality, as the tagger reads it.
            MentionKind::Person | MentionKind::Surname
                if self.others.contains(&text)
                    && !persons.contains(&text)
                    && !is_known_organization(first_word(text)) =>
            {
                Some("the tagger reads this name as a nationality or another kind of name")
            }
            MentionKind::Person if overruns(persons) => {
                Some("the name runs on past the tagger's into a lowercase word or a date")
            }
            MentionKind::Organization if overruns(organizations) => {
                Some("the name runs on past the tagger's into a lowercase word or a date")
            }
            _ => None,
        }
    }
}

/// Whether a name is written in capitals that are no acronym's: without
/// a lowercase letter, and with a word of five letters or more (`CHICAGO`,
/// not `NYSE`).
fn in_capitals_not_an_acronym(name: &str) -> bool {
    !name.chars().any(char::is_lowercase)
        && name
            .split_whitespace()
            .any(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 5)
}

/// Drops the locations the tagger read at the start of an organization's
/// name that the article writes there in full (`Transport` of `Transport
/// and General Workers Union`), and the locations inside such a name
/// (`Albany` of `First Albany Corp`, `Europe` of `Organisation for
/// Security and Cooperation in Europe`): a name is never a piece of a
/// longer one. A country there still counts for the article's countries,
/// decided before.
pub fn drop_places_beginning_organizations(mentions: &mut Mentions) {
    let organizations: Vec<Written> = mentions
        .kept(MentionKind::Organization)
        .map(|mention| Written {
            field: mention.field,
            offset: mention.offset,
            text: &mention.text,
        })
        .collect();
    let reasons: Vec<Option<&'static str>> = mentions
        .list
        .iter()
        .map(|mention| {
            if !mention.is_kept_as(MentionKind::Location) {
                return None;
            }
            let begins = |organization: &Written| {
                organization.field == mention.field
                    && organization.offset == mention.offset
                    && organization.text.len() > mention.text.len()
            };
            if mention.is_tagged() && organizations.iter().any(begins) {
                Some("the start of an organization's name written there in full")
            } else if organizations.iter().any(|organization| {
                organization.holds(mention) && names_an_institution(organization.text, mention)
            }) {
                Some("a place inside an organization's name written there in full")
            } else {
                None
            }
        })
        .collect();
    mentions.drop_for_reasons("one kind", &reasons);
}

/// Whether an organization's name has a word of organizations' names
/// (`Corp`, `Exchange`, `Organisation`) outside a place it holds: `First
/// Albany Corp`, but not `Jewish West Bank`, whose `Bank` is the place's.
///
/// A place after a comma is where the organization is, run into its name
/// (`Yokohama Rubber Co Ltd, Tokyo`): the place stays.
fn names_an_institution(organization: &str, place: &Mention) -> bool {
    if organization.contains(&format!(", {}", place.text)) {
        return false;
    }
    let place_words: Vec<&str> = place.text.split(' ').collect();
    organization
        .split(' ')
        .any(|word| is_organization_word(word) && !place_words.contains(&word))
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

/// Drops the locations that name a country or a nationality (`Russia`,
/// `Russian`), countries joined by hyphens (`U.S.-USSR`) or a country
/// written short of its last dot (`U.S`): the country codes stand for them.
pub fn count_countries_by_code(mentions: &mut Mentions) {
    let gazetteer = Gazetteer::get();
    mentions.drop_where(
        "countries are codes",
        "a country or a nationality, counted by its country code",
        |mention| {
            // A place word made a location already names a city or a
            // state (`Georgia` beside `Atlanta`).
            let named_by_a_source = mention.meanings.is_empty();
            mention.kind == MentionKind::Location
                && named_by_a_source
                && counted_by_code(gazetteer, &mention.value)
        },
    );
}

/// Whether a location is a country or nationality, countries joined by
/// hyphens, or a country written without its last dot.
fn counted_by_code(gazetteer: &Gazetteer, value: &str) -> bool {
    let joined = value.contains('-')
        && value
            .split('-')
            .all(|part| names_a_country(gazetteer, part));
    let short_of_a_dot = value.contains('.') && !value.ends_with('.');
    names_a_country(gazetteer, value)
        || joined
        || (short_of_a_dot && names_a_country(gazetteer, &format!("{value}.")))
}

/// Whether a place name is a country or a demonym, which the country
/// codes stand for already.
pub fn names_a_country(gazetteer: &Gazetteer, name: &str) -> bool {
    gazetteer
        .lookup(name)
        .iter()
        .any(|place| matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym))
}

/// The kinds a name may take, which [`keep_one_kind_per_name`] decides
/// between.
const NAME_KINDS: [MentionKind; 3] = [
    MentionKind::Person,
    MentionKind::Organization,
    MentionKind::Location,
];

/// Gives every kept mention of a name (in any case) the kind most of its
/// readings say: a rule's cue counts two, the tagger's reading one, and
/// either twice as much unless the body writes it in capitals that are no
/// acronym's; a tie
/// goes to the kind of the first reading. A place word made a location
/// neither votes nor changes: the gazetteer knows what the word may mean,
/// not what it means here (`CHICAGO 74 60` is a team, and the city is
/// still where the news is).
pub fn keep_one_kind_per_name(mentions: &mut Mentions) {
    let mut votes: Vec<(String, [u32; 3], usize)> = Vec::new();
    let readings = mentions
        .list
        .iter()
        .filter(|mention| mention.meanings.is_empty());
    for mention in readings {
        let Some(kind_index) = NAME_KINDS.iter().position(|kind| mention.is_kept_as(*kind)) else {
            continue;
        };
        // A rule's reading weighs more than the tagger's, and one of the
        // body in capitals less than the rest (`CHICAGO` in a table of
        // grain prices beside `Chicago` in prose); a headline in capitals
        // counts in full: it names the companies a story is about.
        let ruled = match mention.source {
            Source::Rule(_) => 2,
            _ => 1,
        };
        let shouted_in_body =
            mention.field == Field::Body && in_capitals_not_an_acronym(&mention.text);
        let weight = match shouted_in_body {
            true => ruled,
            false => ruled * 2,
        };
        let key = mention.value.to_lowercase();
        match votes.iter_mut().find(|(name, _, _)| *name == key) {
            Some((_, counts, _)) => counts[kind_index] += weight,
            None => {
                let mut counts = [0; 3];
                counts[kind_index] = weight;
                votes.push((key, counts, kind_index));
            }
        }
    }
    for (key, counts, first) in votes {
        let kinds_read = counts.iter().filter(|count| **count > 0).count();
        if kinds_read < 2 {
            continue;
        }
        let best = (0..3)
            .max_by_key(|&index| (counts[index], index == first))
            .unwrap_or(first);
        let winner = NAME_KINDS[best];
        let explain = mentions.explain;
        for mention in &mut mentions.list {
            let loses = mention.meanings.is_empty()
                && NAME_KINDS
                    .iter()
                    .any(|kind| *kind != winner && mention.is_kept_as(*kind));
            if loses && mention.value.to_lowercase() == key {
                let lost = mention.kind;
                mention.log_change(explain, "one kind per name", || {
                    format!(
                        "{} → {}: most of the article's mentions of the name say so",
                        lost.name(),
                        winner.name()
                    )
                });
                mention.kind = winner;
            }
        }
    }
}

/// Drops the organizations, and the locations no list knows, that are
/// part of a person's name in the article (`Milei` beside `Javier Milei`,
/// `Icahn` beside `Carl Icahn`), and the organizations that the rules know
/// as a geographic feature (`Sea of Japan`, `Nile Delta`).
pub fn drop_organizations_named_otherwise(mentions: &mut Mentions) {
    let persons = mentions.values(MentionKind::Person);
    let features: Vec<String> = mentions
        .list
        .iter()
        .filter(|mention| {
            mention.kind == MentionKind::Location
                && mention.meanings.is_empty()
                && mention.is_ruled()
        })
        .map(|mention| mention.text.clone())
        .collect();
    mentions.drop_where(
        "named otherwise",
        "part of a person's name in the article",
        |mention| {
            let unlisted_location =
                mention.kind == MentionKind::Location && mention.meanings.is_empty();
            (mention.kind == MentionKind::Organization || unlisted_location)
                && persons.iter().any(|person| {
                    person.len() > mention.value.len() && contains_words(person, &mention.value)
                })
        },
    );
    mentions.drop_where("named otherwise", "a geographic feature", |mention| {
        mention.kind == MentionKind::Organization && features.contains(&mention.value)
    });
}

/// Drops the place words, and the tagger's locations, that are the
/// surname of a person the article names in full, a given name first
/// (`Davenport` of `beat Davenport` beside `Lindsay Davenport`, `Hague`
/// beside `William Hague`): a player or a politician named again by surname, not the
/// town of the name, unless the article writes it once as a place is
/// written, after `in`, `near` or `at` or before a comma and a state or
/// a country (`in Davenport`, `Davenport, Iowa`). A country or a
/// nationality keeps its meaning (`Eddie Jordan` and `Jordan`). Runs
/// before the countries are decided, which the town would count.
pub fn drop_places_named_for_persons(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    let surnames: Vec<&str> = mentions
        .kept(MentionKind::Person)
        .filter_map(|mention| {
            let (front, last) = mention.text.rsplit_once(' ')?;
            let given = gazetteer.is_given_name(first_word(front));
            (given && !front.contains(" of") && last.starts_with(char::is_uppercase))
                .then_some(last)
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let is_town = |mention: &Mention| {
        surnames.contains(&mention.text.as_str())
            && match mention.kind {
                MentionKind::Place => mention
                    .meanings
                    .iter()
                    .all(|place| !matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym)),
                MentionKind::Location => {
                    mention.is_tagged() && !gazetteer.is_country(&mention.text)
                }
                _ => false,
            }
    };
    let written_as_place: Vec<String> = mentions
        .list
        .iter()
        .filter(|mention| mention.is_kept() && is_town(mention))
        .filter(|mention| is_written_as_place(gazetteer, mention, article))
        .map(|mention| mention.text.clone())
        .collect();
    let towns: Vec<String> = mentions
        .list
        .iter()
        .filter(|mention| mention.is_kept() && is_town(mention))
        .map(|mention| mention.text.clone())
        .filter(|town| !written_as_place.contains(town))
        .collect();
    mentions.drop_where(
        "named otherwise",
        "the surname of a person the article names in full",
        |mention| {
            towns.contains(&mention.text)
                && matches!(mention.kind, MentionKind::Place | MentionKind::Location)
        },
    );
}

/// Whether a mention is written as a place is: after `in`, `near` or
/// `at`, or before a comma and a state or a country of one word
/// (`Davenport, Iowa`). Not after `to` or `from`, which a game's report
/// writes of players (`lost to Davenport`, `a break from Paterson`).
fn is_written_as_place(gazetteer: &Gazetteer, mention: &Mention, article: ArticleText) -> bool {
    is_after_in_near_or_at(mention, article)
        || is_before_state_or_country(gazetteer, mention, article)
}

fn is_after_in_near_or_at(mention: &Mention, article: ArticleText) -> bool {
    matches!(
        article.word_before(mention),
        "in" | "In" | "near" | "Near" | "at" | "At"
    )
}

/// Whether a comma and a state, a country or a region of one word follow
/// a mention (`Davenport, Iowa`).
fn is_before_state_or_country(
    gazetteer: &Gazetteer,
    mention: &Mention,
    article: ArticleText,
) -> bool {
    let (_, after) = article.around(mention);
    after.strip_prefix(", ").is_some_and(|rest| {
        let end = rest
            .find(|c: char| !(c.is_alphabetic() || c == '.'))
            .unwrap_or(rest.len());
        // `Davenport, Iowa.` at a sentence's end.
        let next = rest[..end].trim_end_matches('.');
        gazetteer.lookup(next).iter().any(|place| {
            matches!(
                place.kind,
                PlaceKind::Country | PlaceKind::UsState | PlaceKind::Region
            )
        })
    })
}

/// Makes locations of the one-word persons the tagger read where a town
/// is written: after `in`, `near` or `at` and before a comma and a state
/// or a country (`based in Redmond, Washington`, `born in Davenport,
/// Iowa`). Either alone is no proof: a person may stand before a comma
/// and a country (`Smith, Britain's envoy`), and a surname after `at`
/// (`a goal at Smith`); both together are.
pub fn make_placed_persons_locations(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    let towns: Vec<String> = mentions
        .kept(MentionKind::Person)
        .filter(|mention| mention.is_tagged() && !mention.value.contains(' '))
        .filter(|mention| {
            is_after_in_near_or_at(mention, article)
                && is_before_state_or_country(gazetteer, mention, article)
        })
        .map(|mention| mention.value.clone())
        .collect();
    if towns.is_empty() {
        return;
    }
    mentions.change_kind(
        &towns,
        (MentionKind::Person, MentionKind::Location),
        "places read as persons",
        "written after `in`, `near` or `at` and before a comma and a state or a country: a town",
    );
}

/// Whether a name holds another's words, whole and in order.
pub fn contains_words(name: &str, part: &str) -> bool {
    name.match_indices(part).any(|(start, _)| {
        let end = start + part.len();
        let before = start == 0 || name[..start].ends_with(' ');
        let after = end == name.len() || name[end..].starts_with(' ');
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::entities::Zone;
    use crate::enrich::mentions::At;
    use crate::enrich::resolve::testing::{with_body, with_title_and_body};

    fn mention(text: &str, kind: MentionKind, source: Source, offset: usize) -> Mention {
        let at = At {
            zone: Zone::Body,
            field: Field::Body,
            offset,
        };
        Mention::new(text, kind, at, source)
    }

    const TAGGER: Source = Source::Tagger { margin: 9.0 };

    /// The mentions the rules find in a body.
    fn rules_mentions(body: &str) -> Mentions {
        let mut found = crate::enrich::entities::Found::default();
        crate::enrich::entities::find_in(&mut found, body, Zone::Body);
        Mentions::of(found.mentions, false)
    }
    const RULE: Source = Source::Rule("test");

    #[test]
    fn the_tagger_decides_the_kind_of_the_rules_names() {
        let mut mentions = Mentions::default();
        mentions.push(mention("Bill Clinton", MentionKind::Person, TAGGER, 0));
        mentions.push(mention("Bill Clinton on", MentionKind::Person, RULE, 0));
        mentions.push(mention(
            "Merrill Lynch",
            MentionKind::Organization,
            TAGGER,
            20,
        ));
        mentions.push(mention("Merrill Lynch", MentionKind::Person, RULE, 20));
        mentions.push(mention("Ivan Boesky", MentionKind::Person, RULE, 40));
        mentions.push(mention("Kurdish", MentionKind::Surname, RULE, 50));
        mentions.push(mention("Kurdish", MentionKind::Misc, TAGGER, 50));
        mentions.push(mention("Richard Finn", MentionKind::Person, TAGGER, 70));
        mentions.push(mention("Finn", MentionKind::Place, RULE, 70));
        mentions.push(mention("Finland", MentionKind::Place, RULE, 90));
        // A box score's column, which the tagger reads as another kind of
        // name; an acronym it also reads as an organization stays one.
        mentions.push(mention("RBI", MentionKind::Organization, RULE, 100));
        mentions.push(mention("RBI", MentionKind::Misc, TAGGER, 100));
        mentions.push(mention("UEFA", MentionKind::Organization, RULE, 110));
        mentions.push(mention("UEFA", MentionKind::Misc, TAGGER, 110));
        mentions.push(mention("UEFA", MentionKind::Organization, TAGGER, 120));
        // A place of several words the tagger reads as a person.
        mentions.push(mention("Kuala Lumpur", MentionKind::Person, TAGGER, 130));
        mentions.push(mention("Kuala Lumpur", MentionKind::Place, RULE, 130));
        mentions.push(mention("Abdulaziz", MentionKind::Person, TAGGER, 60));
        mentions.push(mention(
            "Abdulaziz bin Salman",
            MentionKind::Person,
            RULE,
            60,
        ));
        with_body("", |article| keep_one_kind(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec![
                "Bill Clinton",
                "Ivan Boesky",
                "Richard Finn",
                "Abdulaziz",
                "Abdulaziz bin Salman"
            ]
        );
        assert_eq!(
            mentions.values(MentionKind::Place),
            vec!["Finland", "Kuala Lumpur"]
        );
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Merrill Lynch", "UEFA"]
        );
    }

    #[test]
    fn a_name_the_tagger_barely_read_in_a_headline_needs_the_body() {
        let title = "Far East Gold - Moribund market seen, EC and Mobil say";
        let at = |field: Field, offset: usize| At {
            zone: Zone::Title,
            field,
            offset,
        };
        let mut mentions = Mentions::default();
        for (text, margin) in [
            ("Far East Gold", 0.1),
            ("Moribund", 0.1),
            ("EC", 0.2),
            ("Mobil", 0.5),
        ] {
            let offset = title.find(text).unwrap();
            let source = Source::Tagger { margin };
            mentions.push(Mention::new(
                text,
                MentionKind::Organization,
                at(Field::Title, offset),
                source,
            ));
        }
        mentions.push(Mention::new(
            "Mobil",
            MentionKind::Organization,
            at(Field::Body, 0),
            TAGGER,
        ));
        with_body("Mobil said so.", |article| {
            drop_hesitant_headline_names(&mut mentions, article)
        });
        // `EC` is in capitals; `Mobil` is named in the body.
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["EC", "Mobil"]
        );
    }

    #[test]
    fn a_name_of_a_title_case_headline_needs_the_body_or_a_list() {
        let title_mention = |text: &str, kind: MentionKind, title: &str| {
            let at = At {
                zone: Zone::Title,
                field: Field::Title,
                offset: title.find(text).unwrap(),
            };
            Mention::new(text, kind, at, TAGGER)
        };
        let check = |title: &str, body: &str, names: &[(&str, MentionKind)]| {
            let mut mentions = Mentions::default();
            for (name, kind) in names {
                mentions.push(title_mention(name, *kind, title));
            }
            with_title_and_body(title, body, |article| {
                confirm_title_case_headline_names(&mut mentions, article)
            });
            let mut kept = mentions.values(MentionKind::Organization);
            kept.extend(mentions.values(MentionKind::Location));
            kept
        };
        let title = "Russian Defense Chief Engages in Discussions with Chinese Military Commanders";
        let body = "The minister met Chinese commanders in Beijing.";
        assert_eq!(
            check(
                title,
                body,
                &[
                    ("Discussions", MentionKind::Location),
                    ("Chinese Military", MentionKind::Organization),
                ]
            ),
            Vec::<String>::new(),
            "the body writes `Chinese`, not `Chinese Military`"
        );
        let title = "Streaming Giants Face New Rules as Regulators Circle";
        let body = "Streaming services face new rules. The Federal Trade Commission said.";
        assert_eq!(
            check(
                title,
                body,
                &[("Giants Face New Rules", MentionKind::Organization)]
            ),
            Vec::<String>::new(),
            "the body writes the words, not the name"
        );
        let title = "Bristol City 2-1 Milton Keynes Dons";
        let body = "Leroy Lita scored twice as City won.";
        assert_eq!(
            check(
                title,
                body,
                &[
                    ("Bristol City", MentionKind::Organization),
                    ("Milton Keynes", MentionKind::Location),
                    ("Keynes Dons", MentionKind::Organization),
                ]
            ),
            vec!["Bristol City", "Milton Keynes"],
            "`Bristol City` stands beside the score; the lists know `Milton Keynes`"
        );
        let title = "Society Of Pewter Makers Elects Its First Woman Master";
        let body = "The Society of Pewter Makers met on Tuesday.";
        assert_eq!(
            check(
                title,
                body,
                &[("Society Of Pewter Makers", MentionKind::Organization)]
            ),
            vec!["Society Of Pewter Makers"],
            "prose writes the short words in lowercase"
        );
        // A headline in sentence case is read as the body reads it.
        let title = "Engages in discussions with commanders Discussions";
        assert_eq!(
            check(title, body, &[("Discussions", MentionKind::Location)]),
            vec!["Discussions"]
        );
    }

    #[test]
    fn a_place_the_tagger_cut_from_a_longer_place_word_is_a_piece_of_it() {
        let mut mentions = Mentions::default();
        // `The United States beat El Salvador`: the tagger reads
        // `Salvador` alone, the rules the whole country.
        mentions.push(mention("El Salvador", MentionKind::Place, RULE, 23));
        mentions.push(mention("Salvador", MentionKind::Location, TAGGER, 26));
        mentions.push(mention("El", MentionKind::Organization, TAGGER, 23));
        // A place word elsewhere holds nothing of this one.
        mentions.push(mention("South Africa", MentionKind::Place, RULE, 40));
        mentions.push(mention("Africa", MentionKind::Location, TAGGER, 70));
        with_body("", |article| keep_one_kind(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Location), vec!["Africa"]);
        assert!(mentions.values(MentionKind::Organization).is_empty());
        assert_eq!(
            mentions.values(MentionKind::Place),
            vec!["El Salvador", "South Africa"]
        );
    }

    #[test]
    fn the_byline_is_a_person_whatever_the_tagger_reads_there() {
        let mut mentions = Mentions::default();
        let byline = Source::Rule(crate::enrich::byline::RULE);
        mentions.push(mention("Mishi Saran", MentionKind::Person, byline, 0));
        mentions.push(mention("Mishi Saran", MentionKind::Organization, TAGGER, 0));
        mentions.push(mention("Larisa Sayenko", MentionKind::Person, byline, 40));
        mentions.push(mention("Larisa", MentionKind::Location, TAGGER, 40));
        mentions.push(mention("Richard Finn", MentionKind::Person, byline, 80));
        mentions.push(mention("Finn", MentionKind::Place, RULE, 88));
        mentions.push(mention("Sony", MentionKind::Organization, TAGGER, 120));
        with_body("", |article| keep_one_kind(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Mishi Saran", "Larisa Sayenko", "Richard Finn"]
        );
        assert_eq!(mentions.values(MentionKind::Organization), vec!["Sony"]);
        assert!(mentions.values(MentionKind::Location).is_empty());
        assert!(mentions.values(MentionKind::Place).is_empty());
    }

    #[test]
    fn a_place_word_read_as_a_team_or_a_person_is_no_place() {
        let body = "Jordan scored as Boston beat Miami in Boston.";
        let mut mentions = rules_mentions(body);
        mentions.push(mention("Jordan", MentionKind::Person, TAGGER, 0));
        mentions.push(mention("Boston", MentionKind::Organization, TAGGER, 17));
        mentions.push(mention("Miami", MentionKind::Organization, TAGGER, 29));
        mentions.push(mention("Miami", MentionKind::Location, TAGGER, 29));
        with_body(body, |article| keep_one_kind(&mut mentions, article));
        let words: Vec<&str> = mentions
            .kept(MentionKind::Place)
            .map(|mention| mention.text.as_str())
            .collect();
        assert_eq!(words, vec!["Miami"]);
    }

    #[test]
    fn a_city_read_as_an_organization_outside_sport_stays_a_place() {
        let body = "Tokyo stock prices rose, as did Kawasaki, and Kawasaki Steel \
                    shares on the Osaka exchange, said the ICA.";
        let mut mentions = rules_mentions(body);
        for name in ["Tokyo", "Kawasaki", "Kawasaki Steel", "ICA"] {
            let offset = body.find(name).unwrap();
            mentions.push(mention(name, MentionKind::Organization, TAGGER, offset));
        }
        with_body(body, |article| keep_one_kind(&mut mentions, article));
        let places: Vec<&str> = mentions
            .kept(MentionKind::Place)
            .map(|mention| mention.text.as_str())
            .collect();
        assert_eq!(places, vec!["Tokyo", "Osaka"]);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Kawasaki", "Kawasaki Steel", "ICA"],
            "a city that begins an organization's name may be its short form; an acronym is none"
        );
        // In a report of games a city stands for its team.
        let body = "Tokyo beat Osaka 2-1 in the league.";
        let mut mentions = rules_mentions(body);
        mentions.push(mention("Tokyo", MentionKind::Organization, TAGGER, 0));
        with_body(body, |article| keep_one_kind(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Organization), vec!["Tokyo"]);
    }

    #[test]
    fn a_country_read_as_an_organization_stays_a_place() {
        let headline = "U.S. BANK BORROWINGS FALL, FED SAYS";
        let mut mentions = rules_mentions(headline);
        mentions.push(mention("U.S.", MentionKind::Organization, TAGGER, 0));
        with_body("", |article| keep_one_kind(&mut mentions, article));
        let words: Vec<&str> = mentions
            .kept(MentionKind::Place)
            .map(|mention| mention.text.as_str())
            .collect();
        assert_eq!(words, vec!["U.S."], "its code counts the country");
    }

    #[test]
    fn a_part_of_a_name_or_a_sea_is_no_organization() {
        let mut mentions = Mentions::default();
        for name in ["Milei", "Inacio Lula", "Sea of Japan", "IMF", "Mile"] {
            mentions.push(mention(name, MentionKind::Organization, TAGGER, 0));
        }
        for name in ["Javier Milei", "Luiz Inacio Lula da Silva", "IMF"] {
            mentions.push(mention(name, MentionKind::Person, TAGGER, 0));
        }
        mentions.push(mention("Sea of Japan", MentionKind::Location, RULE, 0));
        drop_organizations_named_otherwise(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["IMF", "Mile"]
        );
    }

    #[test]
    fn a_name_takes_the_kind_most_of_its_mentions_say() {
        let mut mentions = Mentions::default();
        mentions.push(mention("USAir", MentionKind::Location, TAGGER, 0));
        mentions.push(mention("USAir", MentionKind::Organization, TAGGER, 10));
        mentions.push(mention("USAIR", MentionKind::Organization, TAGGER, 20));
        mentions.push(mention("Sheffield", MentionKind::Organization, TAGGER, 30));
        mentions.push(mention("Sheffield", MentionKind::Location, TAGGER, 40));
        mentions.push(mention("Carl Icahn", MentionKind::Person, TAGGER, 50));
        keep_one_kind_per_name(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["USAir", "USAIR", "Sheffield"],
            "a tie goes to the first mention's kind"
        );
        assert!(mentions.values(MentionKind::Location).is_empty());
        assert_eq!(mentions.values(MentionKind::Person), vec!["Carl Icahn"]);
    }

    #[test]
    fn capitals_in_the_body_that_are_no_acronym_count_less_than_prose() {
        let mut mentions = Mentions::default();
        mentions.push(mention("Chicago", MentionKind::Location, TAGGER, 0));
        mentions.push(mention("CHICAGO", MentionKind::Organization, TAGGER, 10));
        mentions.push(mention("CHICAGO", MentionKind::Organization, TAGGER, 20));
        mentions.push(mention("IBM", MentionKind::Location, TAGGER, 30));
        mentions.push(mention("IBM", MentionKind::Organization, TAGGER, 40));
        mentions.push(mention("IBM", MentionKind::Organization, TAGGER, 50));
        keep_one_kind_per_name(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["Chicago", "CHICAGO"],
            "the lines of a table in capitals do not outvote prose"
        );
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["IBM"],
            "an acronym's mentions are all in capitals, and count alike"
        );
    }

    #[test]
    fn a_place_read_at_the_start_of_an_organization_is_a_piece_of_it() {
        let mut mentions = Mentions::default();
        let union = "Transport and General Workers Union";
        mentions.push(mention(union, MentionKind::Organization, RULE, 4));
        mentions.push(mention("Transport", MentionKind::Location, TAGGER, 4));
        mentions.push(mention(
            "Jewish West Bank",
            MentionKind::Organization,
            RULE,
            60,
        ));
        mentions.push(mention("West Bank", MentionKind::Location, TAGGER, 67));
        mentions.push(mention("Leeds", MentionKind::Location, TAGGER, 90));
        mentions.push(mention(
            "First Albany Corp",
            MentionKind::Organization,
            TAGGER,
            100,
        ));
        mentions.push(mention("Albany", MentionKind::Location, RULE, 100));
        mentions.push(mention("Albany", MentionKind::Location, TAGGER, 106));
        mentions.push(mention(
            "Yokohama Rubber Co Ltd, Tokyo",
            MentionKind::Organization,
            RULE,
            130,
        ));
        mentions.push(mention("Tokyo", MentionKind::Location, TAGGER, 154));
        drop_places_beginning_organizations(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["West Bank", "Leeds", "Tokyo"],
            "a place where the longer name begins, or inside it beside an institution's word"
        );
    }

    #[test]
    fn a_country_is_counted_by_its_code() {
        let mut mentions = Mentions::default();
        for name in [
            "Russia",
            "Russian",
            "Kazan",
            "U.S.-USSR",
            "U.S",
            "Sea of Japan",
        ] {
            mentions.push(mention(name, MentionKind::Location, TAGGER, 0));
        }
        count_countries_by_code(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["Kazan", "Sea of Japan"]
        );
    }

    #[test]
    fn a_town_that_is_a_persons_surname_is_the_person() {
        let body = "Lindsay Davenport lost. Serena beat Davenport in Melbourne. \
                    Eddie Jordan flew to Jordan. Thomas Bedford lives in Bedford. \
                    David Hughes of Cardiff spoke. Cardiff won. Sarah Paterson \
                    flew. Paterson, Iowa. is near.";
        let mut mentions = rules_mentions(body);
        for person in [
            "Lindsay Davenport",
            "Eddie Jordan",
            "Thomas Bedford",
            "David Hughes of Cardiff",
            "Sarah Paterson",
        ] {
            let offset = body.find(person).unwrap();
            mentions.push(mention(person, MentionKind::Person, TAGGER, offset));
        }
        let beaten = body.find("beat Davenport").unwrap() + "beat ".len();
        mentions.push(mention("Davenport", MentionKind::Location, TAGGER, beaten));
        mentions.sort_by_position();
        with_body(body, |article| {
            drop_places_named_for_persons(&mut mentions, article)
        });
        let places: Vec<&str> = mentions
            .list
            .iter()
            .filter(|mention| {
                mention.is_kept_as(MentionKind::Place) || mention.is_kept_as(MentionKind::Location)
            })
            .map(|mention| mention.text.as_str())
            .collect();
        assert!(!places.contains(&"Davenport"), "{places:?}");
        // A country; a town after `in`; one after a name with `of`; one
        // before a comma and a state.
        for kept in ["Jordan", "Bedford", "Cardiff", "Paterson"] {
            assert!(places.contains(&kept), "{kept} in {places:?}");
        }
    }

    #[test]
    fn a_person_written_after_in_and_before_a_state_is_a_town() {
        let body = "The firm, based in Tarrowby, Washington, grew. Quillan, Britain's envoy, \
                    spoke in Brussels. Osgood was seen in Osgood, a town.";
        let mut mentions = Mentions::default();
        for person in ["Tarrowby", "Quillan", "Osgood"] {
            let offset = body.find(person).unwrap();
            mentions.push(mention(person, MentionKind::Person, TAGGER, offset));
        }
        let in_town = body.find("in Osgood").unwrap() + "in ".len();
        mentions.push(mention("Osgood", MentionKind::Person, TAGGER, in_town));
        with_body(body, |article| {
            make_placed_persons_locations(&mut mentions, article)
        });
        assert_eq!(mentions.values(MentionKind::Location), vec!["Tarrowby"]);
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Quillan", "Osgood"],
            "a comma and a country without `in`, or `in` without them, prove nothing"
        );
    }
}
