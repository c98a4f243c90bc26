//! Finds persons, organizations, locations and place words in text, by
//! rules over capitalised name spans:
//!
//! - a span that is exactly a place name (`Kazan`, `South Africa`) is a
//!   place; a country or city name inside a longer name (`Sea of Japan`,
//!   `China Airlines`, `Vladimir Putin`) is not;
//! - a span led by a geographic word (`Sea of Japan`, `Gulf of Mexico`,
//!   `Lake Victoria`) or ending in one (`Yangtze River`) is a location,
//!   but not a given name that is no place before one (`Stephen Cape`,
//!   unless after `in` or another preposition of place: `in Elliot Lake`);
//! - a span ending in an organization word (`Ministry`, `Bank`, `Union`,
//!   `Corp`), or an institution `of` a place (`Bank of Japan`), or a known
//!   or all-capital acronym (`BRICS`, `OPEC`) is an organization;
//! - the one to three words after a title (`President`, `Minister`, `Mr`)
//!   are a person, as are two or three unknown capitalised words that start
//!   with a common given name (`Ronald Reagan`), stand before `said`, or
//!   next to a role noun (`his counterpart, Li Shangfu`, `Beryl Sprinkel,
//!   chairman`);
//! - demonyms anywhere in a span (`Russian Defense Ministry`), a country
//!   name before a government word (`U.S. Treasury`), and each part of a
//!   hyphenated word made only of countries and demonyms (`Iran-Iraq`,
//!   `Soviet-American`, not `Georgia-Pacific`) are country evidence;
//! - a lone surname refers to the person already named with it (`Putin`
//!   after `Vladimir Putin`);
//! - names may hold initials (`Ivan F. Boesky`) and say `and` (`Securities
//!   and Exchange Commission`, `Morgan Stanley and Co Inc`, `Secretary of
//!   Trade and Industry Jose Concepcion`);
//! - a place made an adjective (`London-based Libra Bank`) is mentioned,
//!   and is not part of the name.
//!
//! In a headline in title case a capitalised verb may follow a title
//! (`Defense Chief Engages in Talks`), so a single word after a title there
//! is not a name. Headlines in capitals carry no case information, so only place words and
//! the surname after a title (`PRESIDENT REAGAN`) are read from them.

use super::gazetteer::{Gazetteer, Place, PlaceKind, with_ascii_lowercase};
use super::lexicon::is_common_word;
use super::mentions::{At, Field, Mention, MentionKind, Source, last_word};
use super::tokens::{self, Span, Token, Tokenized};
use super::vocabulary::*;

/// Where in the article a word stands, which weighs its evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Zone {
    /// The dateline of a wire story.
    Dateline,
    /// The headline.
    Title,
    /// The first two sentences of the body.
    Lead,
    /// The rest of the body.
    Body,
    /// Anywhere, qualifying a name (`London-based Libra Bank`): the place
    /// is mentioned but says nothing of what the article is about.
    Aside,
}

/// What the rules found in an article's fields: their mentions, in the
/// order they were found, and where the rules are reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The mentions, kept as found: the resolvers decide.
    pub mentions: Vec<Mention>,
    /// Where the rules are reading: mentions are added there.
    at: At,
}

impl Default for Found {
    fn default() -> Found {
        Found {
            mentions: Vec::new(),
            at: At {
                zone: Zone::Body,
                field: Field::Body,
                offset: 0,
            },
        }
    }
}

impl Found {
    /// Adds a mention of a name where the rules are reading.
    fn add(&mut self, kind: MentionKind, text: String, rule: &'static str) {
        self.mentions
            .push(Mention::of_text(text, kind, self.at, Source::Rule(rule)));
    }

    /// The texts of the mentions of a kind, each once.
    pub fn texts(&self, kind: MentionKind) -> Vec<&str> {
        let mut texts: Vec<&str> = Vec::new();
        for mention in &self.mentions {
            if mention.kind == kind && !texts.contains(&mention.text.as_str()) {
                texts.push(&mention.text);
            }
        }
        texts
    }

    /// Full person names.
    pub fn persons(&self) -> Vec<&str> {
        self.texts(MentionKind::Person)
    }

    /// Single names after a title.
    pub fn surnames(&self) -> Vec<&str> {
        self.texts(MentionKind::Surname)
    }

    /// Single names after a title in a headline in capitals.
    pub fn headline_surnames(&self) -> Vec<&str> {
        self.texts(MentionKind::HeadlineSurname)
    }

    /// Organization names.
    pub fn organizations(&self) -> Vec<&str> {
        self.texts(MentionKind::Organization)
    }

    /// Locations that are not countries (features, regions).
    pub fn locations(&self) -> Vec<&str> {
        self.texts(MentionKind::Location)
    }

    /// Place words, for countries and city locations.
    pub fn places(&self) -> Vec<&Mention> {
        self.mentions
            .iter()
            .filter(|mention| mention.kind == MentionKind::Place)
            .collect()
    }
}

/// The text a zone stands in.
fn field_of(zone: Zone) -> Field {
    match zone {
        Zone::Dateline => Field::Dateline,
        Zone::Title => Field::Title,
        Zone::Lead | Zone::Body | Zone::Aside => Field::Body,
    }
}

/// Finds entities and place words in one text.
pub fn find_in(found: &mut Found, text: &str, zone: Zone) {
    find_in_tokens(found, &tokens::analyse(text), zone);
}

/// Finds entities and place words in an already tokenized text.
pub fn find_in_tokens(found: &mut Found, text: &Tokenized, zone: Zone) {
    let gazetteer = Gazetteer::get();
    let tokens = &text.tokens;
    found.at = At {
        zone,
        field: field_of(zone),
        offset: 0,
    };
    if text.shouting {
        find_in_capitals(found, gazetteer, tokens, zone);
        return;
    }
    let sentence_of = sentence_numbers(tokens);
    let spans = join_across_and(gazetteer, tokens, tokens::spans(tokens));
    for span in spans {
        let zone = match zone {
            Zone::Lead | Zone::Body if sentence_of[span.start] < 2 => Zone::Lead,
            Zone::Lead | Zone::Body => Zone::Body,
            other => other,
        };
        found.at = found.at.in_zone(zone).at(tokens[span.start].start);
        let span = strip_place_adjective(found, gazetteer, tokens, span);
        let span = trim_span(gazetteer, tokens, span);
        classify_span(found, gazetteer, tokens, span, zone);
    }
}

/// Joins two name spans around an `and` when they are one name:
/// - a title `of` a portfolio that goes on after the `and` (`Secretary of
///   Trade and Industry Jose Concepcion`, but not `Secretary of State
///   George Shultz and Defence Secretary Caspar Weinberger`);
/// - a firm of partners (`Morgan Stanley and Co Inc`, `Johnson and Sons`);
/// - one common word before an organization's name (`Securities and
///   Exchange Commission`, `Food and Drug Administration`);
/// - a firm named after two trades (`American Telephone and Telegraph
///   Co`, `Goodyear Tire and Rubber Co`).
fn join_across_and(gazetteer: &Gazetteer, tokens: &[Token], spans: Vec<Span>) -> Vec<Span> {
    let mut joined: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(last) = joined.last_mut()
            && span.start == last.end + 1
            && tokens[last.end].text == "and"
            && !tokens[span.start].after_break
            && one_name_around_and(
                gazetteer,
                &tokens[last.start..last.end],
                &tokens[span.start..span.end],
            )
        {
            last.end = span.end;
            continue;
        }
        joined.push(span);
    }
    joined
}

/// Whether a word is a company ending written short (`Inc`, `Corp.`), which
/// ends a name rather than starts one.
pub(super) fn is_abbreviated_company_ending(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Co" | "Corp" | "Inc" | "Ltd" | "Plc" | "PLC" | "LLC"
    )
}

/// Whether the words before and after an `and` are one name (see
/// [`join_across_and`]).
fn one_name_around_and(gazetteer: &Gazetteer, before: &[Token], after: &[Token]) -> bool {
    let last_before = before[before.len() - 1].text;
    let first_after = after[0].text;
    let portfolio = TITLE_COMPLEMENTS.contains(last_before)
        && TITLE_COMPLEMENTS.contains(first_after)
        && holds_title_of(before);
    let partners = matches!(first_after, "Co" | "Co." | "Company" | "Sons");
    let common_word = before.len() == 1
        && after.len() > 1
        && is_organization_word(after[after.len() - 1].text)
        && !before[0].sentence_start
        && gazetteer.lookup(last_before).is_empty()
        && !gazetteer.is_given_name(last_before)
        && !gazetteer.is_stopword(last_before)
        && !is_acronym(last_before)
        && !is_abbreviated_company_ending(last_before)
        && !PERSON_TITLES.contains(last_before);
    let plain_word = |word: &str| {
        gazetteer.lookup(word).is_empty()
            && !gazetteer.is_given_name(word)
            && !gazetteer.is_stopword(word)
            && !is_acronym(word)
            && !is_organization_word(word)
            && !PERSON_TITLES.contains(word)
    };
    // `American Telephone and Telegraph Co`: a firm named after two
    // trades, one word each, the second with its company ending.
    let two_trades = before.len() == 2
        && after.len() == 2
        && COMPANY_ENDINGS.contains(after[1].text)
        && !before[0].sentence_start
        && plain_word(last_before)
        && plain_word(first_after)
        && first_after != before[0].text;
    portfolio || partners || common_word || two_trades
}

/// Whether words hold a title followed by `of` (`Minister of`).
fn holds_title_of(words: &[Token]) -> bool {
    words
        .windows(2)
        .any(|pair| PERSON_TITLES.contains(pair[0].text) && pair[1].text == "of")
}

/// Numbers the sentence of each token.
fn sentence_numbers(tokens: &[Token]) -> Vec<usize> {
    let mut numbers = Vec::with_capacity(tokens.len());
    let mut sentence = 0usize;
    for (index, token) in tokens.iter().enumerate() {
        if token.sentence_start && index > 0 {
            sentence += 1;
        }
        numbers.push(sentence);
    }
    numbers
}

/// Drops leading words that are capitalised only because they open a
/// sentence or are function words (`The`, `However`, `Both`), unless they
/// begin a known place name (`New York`, `United States`).
fn trim_span(gazetteer: &Gazetteer, tokens: &[Token], span: Span) -> Span {
    let mut start = span.start;
    while start < span.end
        && gazetteer.is_stopword(tokens[start].text)
        && !begins_place(gazetteer, tokens, start, span.end)
        && !begins_organization(tokens, start, span.end)
    {
        start += 1;
    }
    Span {
        start,
        end: span.end,
    }
}

/// Takes a place made an adjective off the front of a span (`London-based
/// Libra Bank`, `Japanese-owned Honda`, `New York-based ITT Corp`) and
/// returns the rest: the adjective is never part of the name. The place
/// is recorded [`Zone::Aside`], mentioned only: it says where a company is
/// at home, not where the news happens.
fn strip_place_adjective(
    found: &mut Found,
    gazetteer: &Gazetteer,
    tokens: &[Token],
    span: Span,
) -> Span {
    let mut start = span.start;
    while start < span.end && is_article(tokens[start].text) {
        start += 1;
    }
    let longest = gazetteer.longest_form().min(span.end - start);
    for length in 1..=longest {
        let last = tokens[start + length - 1].text;
        let Some((place_word, suffix)) = last.rsplit_once('-') else {
            continue;
        };
        if !PLACE_ADJECTIVE_SUFFIXES.contains(suffix) {
            continue;
        }
        let words = tokens[start..start + length - 1]
            .iter()
            .map(|token| token.text)
            .chain(std::iter::once(place_word));
        let meanings = gazetteer.lookup_words(words.clone());
        if !meanings.is_empty() {
            let place: Vec<&str> = words.collect();
            record_place(found, place.join(" "), meanings, Zone::Aside);
        }
        return Span {
            start: start + length,
            end: span.end,
        };
    }
    span
}

/// Whether a capitalised common word inside a sentence begins an
/// organization's name (`by First Boston Corp`, `the New China News
/// Agency`): in mid-sentence only a name writes it so, except articles
/// and the names of days and months, always capitalised (`on Friday
/// Cyacq Corp said`).
fn begins_organization(tokens: &[Token], start: usize, end: usize) -> bool {
    let word = &tokens[start];
    end - start > 1
        && word.capitalised
        && !word.sentence_start
        && !is_article(word.text)
        && !DATE_WORDS.contains(word.text)
        && is_organization_word(tokens[end - 1].text)
}

/// Whether a word is a capitalised article.
fn is_article(word: &str) -> bool {
    matches!(word, "The" | "A" | "An")
}

/// Whether the words from `start` begin a place name of two or more words.
fn begins_place(gazetteer: &Gazetteer, tokens: &[Token], start: usize, end: usize) -> bool {
    if tokens[start].text.eq_ignore_ascii_case("the") {
        return false;
    }
    let longest = gazetteer.longest_form().min(end - start);
    (2..=longest).any(|length| !lookup_span(gazetteer, &tokens[start..start + length]).is_empty())
}

/// The meanings of the name that some tokens spell.
fn lookup_span<'g>(gazetteer: &'g Gazetteer, tokens: &[Token]) -> &'g [Place] {
    // Most words begin no longer place name: told without the lookup.
    if let [first, _, ..] = tokens
        && !gazetteer.may_begin_longer_place(first.text)
    {
        return &[];
    }
    gazetteer.lookup_words(tokens.iter().map(|token| token.text))
}

/// Words of a span, joined with spaces, and with the `&` the text writes
/// between two of them (`Oil & Natural Gas Corp`).
fn join(tokens: &[Token], start: usize, end: usize) -> String {
    let words = &tokens[start..end];
    let length = words
        .iter()
        .map(|token| token.text.len() + 3)
        .sum::<usize>();
    let mut joined = String::with_capacity(length);
    for (index, token) in words.iter().enumerate() {
        if index > 0 {
            joined.push_str(if token.after_ampersand { " & " } else { " " });
        }
        joined.push_str(token.text);
    }
    joined
}

/// Decides what one name span is, and records it.
fn classify_span(
    found: &mut Found,
    gazetteer: &Gazetteer,
    tokens: &[Token],
    span: Span,
    zone: Zone,
) {
    if span.start >= span.end {
        return;
    }
    let words = &tokens[span.start..span.end];
    // Most spans are no name: their words are joined only when recorded.
    let text = || join(tokens, span.start, span.end);
    let first = words[0].text;
    let last = words[words.len() - 1].text;
    if names_currency(gazetteer, tokens, span) {
        return;
    }
    let meanings = lookup_span(gazetteer, words);
    if !meanings.is_empty() {
        record_place(found, text(), meanings, zone);
        return;
    }
    if words.len() == 1 && record_compound_countries(found, gazetteer, first, zone) {
        return;
    }
    if let Some(of_index) = person_of_organization(gazetteer, words) {
        let name = join(words, 0, of_index);
        record_person(found, name, of_index, "person of organization");
        let mut rest = span.start + of_index + 1;
        while rest < span.end && tokens[rest].text == "the" {
            rest += 1;
        }
        let organization = Span {
            start: rest,
            end: span.end,
        };
        classify_span(found, gazetteer, tokens, organization, zone);
        return;
    }
    // `Lake Victoria`, `Gulf of Mexico`, `Niger Delta`; no place opens on
    // `Delta` or `Coast` (`Delta Goodrem`, a singer).
    let geographic = || {
        (GEOGRAPHIC_WORDS.contains(first) && !TRAILING_GEOGRAPHIC_WORDS.contains(&first))
            || GEOGRAPHIC_WORDS.contains(last)
    };
    // `Stephen Cape`, `Mike Lake`: a given name that is no place before a
    // geographic word is a person's, unless a preposition of place comes
    // before it (`east of Lynn Lake`, `in Elliot Lake`), and so are two
    // words after a role or a verb of speech (`spokesman Mike Lake`, `said
    // Mike Lake`, whose given name the list lacks).
    let given_name_first = || {
        let first_token = &tokens[span.start];
        let before = span
            .start
            .checked_sub(1)
            .filter(|_| !first_token.sentence_start)
            .map(|at| tokens[at].text);
        let placed = matches!(
            before,
            Some("in" | "at" | "to" | "from" | "near" | "of" | "on")
        );
        let after_role =
            before.is_some_and(|word| ROLE_NOUNS.contains(word) || SPEECH_VERBS.contains(word));
        words.len() == 2
            && !placed
            && (gazetteer.is_given_name(first) || after_role)
            && gazetteer.lookup(first).is_empty()
    };
    if words.len() > 1 && geographic() && !is_organization_word(last) && !given_name_first() {
        found.add(MentionKind::Location, text(), "geographic word");
        return;
    }
    // A company's name may hold a title word (`King World Productions
    // Inc`, `D.F. King and Co`), but `Analyst Robert Gordon of Shearson
    // Lehman Brothers Inc` is a person of a company.
    let company = || COMPANY_ENDINGS.contains(last) && !words.iter().any(|word| word.text == "of");
    // A role before a full name is a title too (`Coach Mike Ruddock`),
    // but not before an organization's word or a common word (`Coach
    // Inc`, `Fairford Coach Action`), nor before one word (`Coach Carter`
    // is a film).
    let role = |at: usize| {
        ROLES_BEFORE_NAMES.contains(&words[at].text)
            && words.len() > at + 2
            && !is_organization_word(last)
            && words[at + 1..]
                .iter()
                .all(|word| !is_common_word(word.text))
    };
    let title_index = (0..words.len())
        .rev()
        .find(|&at| PERSON_TITLES.contains(words[at].text) || role(at))
        .filter(|_| !company());
    if let Some(title_index) = title_index {
        let name_start = skip_title_complement(gazetteer, words, title_index + 1);
        let longest = if zone == Zone::Title { 2 } else { 3 };
        let name_end = name_words_after(gazetteer, words, name_start, longest);
        record_leading_place(found, gazetteer, &words[..title_index], zone);
        let single_word_in_headline = zone == Zone::Title && name_end - name_start == 1;
        if name_end > name_start && !single_word_in_headline {
            let name = join(words, name_start, name_end);
            record_person(found, name, name_end - name_start, "title");
            return;
        }
        if title_index + 1 == words.len() && words.len() > 1 && is_organization_word(last) {
            record_organization(found, text(), "organization word");
        }
        return;
    }
    let institution = words.len() > 2
        && words.iter().any(|word| word.text == "of")
        && INSTITUTION_HEADS.contains(words[0].text);
    if (words.len() > 1 && is_organization_word(last)) || institution {
        let governmental = words
            .iter()
            .any(|word| GOVERNMENT_WORDS.contains(word.text));
        if !COMPANY_ENDINGS.contains(last) {
            record_leading_place(found, gazetteer, words, zone);
        }
        if institution && governmental {
            record_place_after_of(found, gazetteer, words, zone);
        }
        let rule = if institution {
            "institution of"
        } else {
            "organization word"
        };
        record_organization(found, text(), rule);
        return;
    }
    if words.len() == 1 && is_acronym(first) {
        record_organization(found, first.to_string(), "acronym");
        return;
    }
    if record_known_organizations(found, words) {
        return;
    }
    if words.len() > 1 && record_leading_place(found, gazetteer, words, zone) {
        return;
    }
    // A club or a firm and its country (`Karlsruhe of Germany`, `Benetton
    // of Italy`): the tagger reads the name, the country counts.
    if words.len() > 2 && record_place_after_of(found, gazetteer, words, zone) {
        return;
    }
    let evidence_words = record_evidence_words(found, gazetteer, words, zone);
    if evidence_words > 0 {
        return;
    }
    if !(1..=3).contains(&words.len()) || !looks_like_name(gazetteer, words) {
        return;
    }
    let given_name_first = gazetteer.is_given_name(first);
    let full_name = words.len() > 1
        && (given_name_first || said_nearby(tokens, span) || role_after(tokens, span));
    let rule = if given_name_first {
        "given name"
    } else if said_nearby(tokens, span) {
        "speech verb"
    } else {
        "role"
    };
    if full_name && employs_next_role(tokens, span) {
        record_organization(found, text(), "employs next role");
    } else if full_name || role_before(tokens, span) {
        record_person(found, text(), words.len(), rule);
    }
}

/// The most words of a name on the list of known organizations.
const KNOWN_ORGANIZATION_WORDS: usize = 4;

/// Records the names of known organizations a span is or holds (`Sony`,
/// `Shares of Kroger`, `Kroger and Costco`), longest first; tells whether
/// it recorded one.
fn record_known_organizations(found: &mut Found, words: &[Token]) -> bool {
    let mut recorded = false;
    let mut start = 0;
    while start < words.len() {
        let longest = KNOWN_ORGANIZATION_WORDS.min(words.len() - start);
        // A name the span holds stands apart from its other capitalised
        // words (`Shares of Kroger`): `Deutsche` is no name in `Deutsche
        // Telekom`.
        let apart = |end: usize| {
            (start == 0 || !words[start - 1].capitalised)
                && (end == words.len() || !words[end].capitalised)
        };
        // One word opening a sentence may be a common word (`Labour
        // unions warned`): the tagger's and the other rules' to read.
        let known = (1..=longest).rev().find(|&length| {
            let run = &words[start..start + length];
            apart(start + length)
                && !(length == 1 && run[0].sentence_start)
                && run.iter().all(|word| word.capitalised)
                && is_known_organization(&join(run, 0, run.len()))
        });
        match known {
            Some(length) => {
                record_organization(
                    found,
                    join(words, start, start + length),
                    "known organization",
                );
                recorded = true;
                start += length;
            }
            None => start += 1,
        }
    }
    recorded
}

/// Whether the span names whom a person works for: a role noun and a
/// name follow it, with no comma or possessive between (`Merrill Lynch
/// analyst Bob Smith`): the name is a firm named after people. Not `named
/// John Kerr chairman of the company`, nor `Jacques Chirac's spokesman`.
fn employs_next_role(tokens: &[Token], span: Span) -> bool {
    let last = &tokens[span.end - 1];
    let (Some(role), Some(name)) = (tokens.get(span.end), tokens.get(span.end + 1)) else {
        return false;
    };
    !last.before_comma
        && !last.possessive
        && !role.after_break
        && ROLE_NOUNS.contains(role.text)
        && !name.after_break
        && name.capitalised
}

/// Finds the `of` in a name like `Bill Bolster of Munger Oil Information
/// Services` or `Ed Malmgreen of the California Independent Producers
/// Association`: two or three words that look like a person's name, `of`,
/// then an organization's name that does not start with a country or a
/// US state right after `of` (`Barnett Banks of Florida Inc` is one
/// company, but `of the California ...` names a person's employer).
/// Returns the index of the `of`.
fn person_of_organization(gazetteer: &Gazetteer, words: &[Token]) -> Option<usize> {
    let of_index = words.iter().position(|word| word.text == "of")?;
    let person = &words[..of_index];
    let mut rest = of_index + 1;
    while words.get(rest).is_some_and(|word| word.text == "the") {
        rest += 1;
    }
    let last = words.last()?.text;
    let is_person = (2..=3).contains(&person.len()) && looks_like_name(gazetteer, person);
    let names_state = |place: &Place| matches!(place.kind, PlaceKind::Country | PlaceKind::UsState);
    let place_first = rest == of_index + 1
        && (1..=3.min(words.len() - rest)).any(|length| {
            lookup_span(gazetteer, &words[rest..rest + length])
                .iter()
                .any(names_state)
        });
    (is_person && is_organization_word(last) && !place_first).then_some(of_index)
}

/// Whether a span names a currency (`U.S. Dlr`, `Canadian dlrs`, `Swiss
/// francs`), which says nothing of what the article is about. `won` after
/// a name is the verb (`Italy won 2-1`) unless the name is a nationality
/// (`the South Korean won`; `The Dutch won 3-1` is still read so).
fn names_currency(gazetteer: &Gazetteer, tokens: &[Token], span: Span) -> bool {
    let nationality = || {
        gazetteer
            .lookup(tokens[span.end - 1].text)
            .iter()
            .any(|place| place.kind == PlaceKind::Demonym)
    };
    let next_is_currency = tokens.get(span.end).is_some_and(|next| {
        !next.after_break
            && !next.capitalised
            && is_currency(next.text)
            && (!next.text.eq_ignore_ascii_case("won") || nationality())
    });
    let ends_in_currency = span.end - span.start > 1 && is_currency(tokens[span.end - 1].text);
    next_is_currency || ends_in_currency
}

/// Records an organization's name, without the dot of an abbreviated
/// company ending (`Salomon Brothers Inc.` is `Salomon Brothers Inc`), so
/// that each organization has one spelling.
fn record_organization(found: &mut Found, mut name: String, rule: &'static str) {
    let last = last_word(&name);
    let ends_abbreviated = last.ends_with('.') && is_abbreviated_company_ending(last);
    if ends_abbreviated {
        name.pop();
    }
    found.add(MentionKind::Organization, name, rule);
}

/// Whether a word names a currency (`dollar`, `DLRS`, `yen`).
fn is_currency(word: &str) -> bool {
    with_ascii_lowercase(word, |lower| CURRENCIES.contains(lower)).unwrap_or(false)
}

/// Records a place word with all its meanings.
fn record_place(found: &mut Found, word: impl Into<String>, meanings: &[Place], zone: Zone) {
    let at = found.at.in_zone(zone);
    let source = Source::Rule("place word");
    // The words are taken as they are, not copied again.
    let mut mention = Mention::of_text(word.into(), MentionKind::Place, at, source);
    mention.meanings = meanings.to_vec();
    found.mentions.push(mention);
}

/// Records the demonyms among the words as country evidence; returns how
/// many there were.
fn record_evidence_words(
    found: &mut Found,
    gazetteer: &Gazetteer,
    words: &[Token],
    zone: Zone,
) -> usize {
    let mut recorded = 0;
    for word in words {
        if record_compound_countries(found, gazetteer, word.text, zone) {
            recorded += 1;
            continue;
        }
        let meanings = gazetteer.lookup(word.text);
        let demonyms: Vec<Place> = meanings
            .iter()
            .filter(|place| place.kind == PlaceKind::Demonym)
            .cloned()
            .collect();
        if !demonyms.is_empty() {
            record_place(found, word.text, &demonyms, zone);
            recorded += 1;
        }
    }
    recorded
}

/// Records each country of a hyphenated word made only of country names
/// and demonyms (`Iran-Iraq`, `Soviet-American`, `U.S.-Japanese`); a
/// compound with any other part (`Georgia-Pacific`, `Rolls-Royce`) names
/// no country. Returns whether it was one.
fn record_compound_countries(
    found: &mut Found,
    gazetteer: &Gazetteer,
    word: &str,
    zone: Zone,
) -> bool {
    if !word.contains('-') {
        return false;
    }
    let national = |place: &&Place| matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym);
    let mut parts = Vec::new();
    for part in word.split('-') {
        let meanings: Vec<Place> = gazetteer
            .lookup(part)
            .iter()
            .filter(national)
            .cloned()
            .collect();
        if meanings.is_empty() {
            return false;
        }
        parts.push((part, meanings));
    }
    for (part, meanings) in &parts {
        record_place(found, *part, meanings, zone);
    }
    true
}

/// Records a country name (one or two words) that opens a longer name
/// (`U.S. Treasury`, `U.S. Dollar`), and demonyms anywhere in it; callers
/// leave out company names (`China Airlines`). Returns whether anything was
/// recorded.
fn record_leading_place(
    found: &mut Found,
    gazetteer: &Gazetteer,
    words: &[Token],
    zone: Zone,
) -> bool {
    for length in (1..words.len().min(3)).rev() {
        let meanings = lookup_span(gazetteer, &words[..length]);
        if !meanings
            .iter()
            .any(|place| place.kind == PlaceKind::Country)
        {
            continue;
        }
        let countries: Vec<Place> = meanings
            .iter()
            .filter(|place| place.kind == PlaceKind::Country)
            .cloned()
            .collect();
        record_place(found, join(words, 0, length), &countries, zone);
        record_evidence_words(found, gazetteer, &words[length..], zone);
        return true;
    }
    record_evidence_words(found, gazetteer, words, zone) > 0
}

/// Records the country that ends a name after `of` (`Bank of Japan`,
/// `Karlsruhe of Germany`), where the country is written; tells whether
/// there was one.
fn record_place_after_of(
    found: &mut Found,
    gazetteer: &Gazetteer,
    words: &[Token],
    zone: Zone,
) -> bool {
    let Some(of_index) = words.iter().rposition(|word| word.text == "of") else {
        return false;
    };
    let Some(first_place_word) = words.get(of_index + 1) else {
        return false;
    };
    let place = join(words, of_index + 1, words.len());
    let countries: Vec<Place> = gazetteer
        .lookup(&place)
        .iter()
        .filter(|place| place.kind == PlaceKind::Country)
        .cloned()
        .collect();
    if countries.is_empty() {
        return false;
    }
    let span_at = found.at;
    found.at = found.at.at(first_place_word.start);
    record_place(found, &place, &countries, zone);
    found.at = span_at;
    true
}

/// Skips what completes a title before the name: `of Staff`, `of the Bank
/// of Japan`, `of Trade and Industry` (`Chief of Staff Howard Baker`).
/// When the words after `of` are not known to complete a title (`Minister
/// of International Affairs`), there is no telling where the name starts,
/// so there is none: returns the end of the words.
fn skip_title_complement(gazetteer: &Gazetteer, words: &[Token], start: usize) -> usize {
    if words.get(start).is_none_or(|word| word.text != "of") {
        return start;
    }
    let completes = |text: &str| {
        TITLE_COMPLEMENTS.contains(text)
            || is_organization_word(text)
            || !gazetteer.lookup(text).is_empty()
    };
    let mut next = start + 1;
    let mut known = false;
    let mut after_join = false;
    while let Some(word) = words.get(next) {
        let text = word.text;
        let completing = completes(text);
        if !completing && !matches!(text, "of" | "the" | "for" | "and") {
            break;
        }
        known |= completing;
        after_join = !completing;
        next += 1;
    }
    // `Minister of State for Political Affairs`: after `for`, the
    // portfolio goes on with words not known to complete it.
    if known && !after_join {
        next
    } else {
        words.len()
    }
}

/// Returns the end of the name that starts at `start`: up to `longest`
/// words (two in a headline, where a capitalised verb may follow) that are
/// not place, organization or title words.
fn name_words_after(gazetteer: &Gazetteer, words: &[Token], start: usize, longest: usize) -> usize {
    let mut end = start;
    while end < words.len() && end - start < longest {
        let word = words[end].text;
        let first = end == start;
        let is_place = first && !gazetteer.lookup(word).is_empty();
        // A name may hold a lowercase particle (`Louw de Graaf`), but not
        // start with one (`King and Co`).
        let lowercase_first = first && !words[end].capitalised;
        if is_place
            || lowercase_first
            || is_organization_word(word)
            || PERSON_TITLES.contains(word)
            || word == "of"
        {
            break;
        }
        end += 1;
    }
    end
}

/// Records a person: a full name, or a surname waiting for one.
fn record_person(found: &mut Found, name: String, word_count: usize, rule: &'static str) {
    if word_count == 1 {
        found.add(MentionKind::Surname, name, rule);
    } else {
        found.add(MentionKind::Person, name, rule);
    }
}

/// Whether capitalised words look like a person's name: no place,
/// organization, title or common words; initials are allowed beside two
/// names (`Ivan F. Boesky`, `T. Boone Pickens`, not `P. Underwriters`).
fn looks_like_name(gazetteer: &Gazetteer, words: &[Token]) -> bool {
    let is_name_word = |text: &str| {
        gazetteer.lookup(text).is_empty()
            && !is_organization_word(text)
            && !PERSON_TITLES.contains(text)
            && !gazetteer.is_stopword(text)
            && !is_acronym(text)
            && text.chars().any(char::is_lowercase)
    };
    let names = words.iter().filter(|word| !is_initial(word.text)).count();
    let initials = words.len() - names;
    (names >= 2 || (names == 1 && initials == 0))
        && words
            .iter()
            .all(|word| is_initial(word.text) || is_name_word(word.text))
}

/// Whether a word is an initial: one capital letter and a dot (`F.`).
fn is_initial(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() == 2 && bytes[0].is_ascii_uppercase() && bytes[1] == b'.'
}

/// Whether a speech verb stands right after the span, or right before it.
fn said_nearby(tokens: &[Token], span: Span) -> bool {
    let after = tokens
        .get(span.end)
        .is_some_and(|token| SPEECH_VERBS.contains(token.text));
    let before = span.start > 0
        && SPEECH_VERBS.contains(tokens[span.start - 1].text)
        && !tokens[span.start].sentence_start;
    after || before
}

/// Geographic words that end places' names and open none (`Pacific
/// Ocean`, `Gold Coast`, `Niger Delta`).
const TRAILING_GEOGRAPHIC_WORDS: [&str; 10] = [
    "Ocean",
    "Desert",
    "Canal",
    "Mountains",
    "Basin",
    "Coast",
    "Delta",
    "Sound",
    "Highlands",
    "Lowlands",
];

/// Whether a lowercase role noun stands just before the span, in its
/// sentence (`his counterpart, Li Shangfu`; not `lead manager. Fees
/// are`). A bond issue's `lead manager` or `sole manager` is a bank.
fn role_before(tokens: &[Token], span: Span) -> bool {
    let first = &tokens[span.start];
    if span.start == 0 || first.sentence_start {
        return false;
    }
    let role = tokens[span.start - 1].text;
    let lead_manager = role == "manager"
        && span.start > 1
        && matches!(
            tokens[span.start - 2].text,
            "lead" | "co-lead" | "sole" | "joint"
        );
    ROLE_NOUNS.contains(role) && !lead_manager
}

/// Whether a comma and, within the next few words, a role or title follow
/// the span (`Beryl Sprinkel, chairman of`, `Kiichi Miyazawa, Japan's
/// Finance Minister`).
fn role_after(tokens: &[Token], span: Span) -> bool {
    if !tokens[span.end - 1].before_comma {
        return false;
    }
    for (offset, token) in tokens[span.end..].iter().take(4).enumerate() {
        if offset > 0 && token.after_break {
            return false;
        }
        if ROLE_NOUNS.contains(token.text) || PERSON_TITLES.contains(token.text) {
            return true;
        }
    }
    false
}

/// Whether a word ends organization names, companies included.
pub(super) fn is_organization_word(word: &str) -> bool {
    ORGANIZATION_ENDINGS.contains(word) || COMPANY_ENDINGS.contains(word)
}

/// Whether a word is an organization acronym: a known one, or two to six
/// capitals that are not a known non-organization.
fn is_acronym(word: &str) -> bool {
    if KNOWN_ACRONYMS.contains(word) {
        return true;
    }
    let letters = word.chars().count();
    (2..=6).contains(&letters)
        && word
            .chars()
            .all(|character| character.is_ascii_uppercase() || character == '&')
        && !NOT_ORGANIZATIONS.contains(word)
}

/// Reads a text in capitals: the word after a title is a surname
/// (`PRESIDENT REAGAN`), and each run of one to three words that names a
/// country, demonym, state, capital or large city is a place word.
fn find_in_capitals(found: &mut Found, gazetteer: &Gazetteer, tokens: &[Token], zone: Zone) {
    let cased: Vec<String> = tokens.iter().map(|token| title_case(token.text)).collect();
    for index in 1..tokens.len() {
        let (first, second) = (&cased[index - 1], &cased[index]);
        let name = tokens[index].text;
        if tokens[index].after_break || !name.chars().all(char::is_alphabetic) {
            continue;
        }
        let unknown_word = gazetteer.lookup(name).is_empty() && !gazetteer.is_stopword(name);
        found.at = found.at.at(tokens[index - 1].start);
        if gazetteer.is_given_name(first) && second.len() > 2 && unknown_word {
            let person = format!("{first} {second}");
            found.add(MentionKind::Person, person, "capitals: given name");
        }
        let is_name =
            unknown_word && !is_organization_word(second) && !PERSON_TITLES.contains(second);
        // The surname's own offset, so that the words after it are read.
        let at_name = found.at.at(tokens[index].start);
        if PERSON_TITLES.contains(first) && is_name {
            found.at = at_name;
            found.add(
                MentionKind::HeadlineSurname,
                second.clone(),
                "capitals: title",
            );
        }
        // `TREASURY'S BAKER SAYS`: whose speaker is named, as wire
        // headlines name officials.
        let word_after = |offset: usize| {
            tokens
                .get(index + offset)
                .filter(|token| !token.after_break)
                .map_or("", |token| token.text)
        };
        let owner = &tokens[index - 1];
        let owned = owner.possessive || owner.text.ends_with("'S") || owner.text.ends_with("’S");
        if owned && is_name && speaks_as_a_person(name, word_after(1), word_after(2)) {
            found.at = at_name;
            found.add(
                MentionKind::HeadlineSurname,
                second.clone(),
                "capitals: someone's speaker",
            );
        }
    }
    let mut index = 0;
    while index < tokens.len() {
        let mut matched = 0;
        for length in (1..=3.min(tokens.len() - index)).rev() {
            if tokens[index + 1..index + length]
                .iter()
                .any(|token| token.after_break)
            {
                continue;
            }
            let meanings: Vec<Place> = lookup_span(gazetteer, &tokens[index..index + length])
                .iter()
                .filter(|place| {
                    place.kind != PlaceKind::City || place.capital || place.population >= 1_000_000
                })
                .cloned()
                .collect();
            if !meanings.is_empty() {
                // Currencies are not evidence (`CANADIAN DLR BOND`).
                let currency = tokens
                    .get(index + length)
                    .is_some_and(|next| !next.after_break && is_currency(next.text));
                if !currency {
                    found.at = found.at.at(tokens[index].start);
                    let words = join(tokens, index, index + length);
                    record_place(found, words, &meanings, zone);
                }
                matched = length;
                break;
            }
        }
        index += matched.max(1);
    }
}

/// Whether a name written in capitals speaks as a person does in a
/// headline: it is the subject of a headline verb of speech whose object is
/// not `IT` (a company speaks of itself so: `CHRYSLER SAYS IT SOLD`), and
/// is no title, known organization or acronym, nor one word of three
/// letters (`ATT`, `SAS`).
pub(super) fn speaks_as_a_person(written: &str, verb: &str, object: &str) -> bool {
    // The cheap tests first: most names are followed by no verb of speech.
    if object == "IT" || !is_headline_verb(verb) {
        return false;
    }
    let words: Vec<String> = written.split(' ').map(title_case).collect();
    let name = words.join(" ");
    let listed = PERSON_TITLES.contains(&name)
        || KNOWN_ORGANIZATIONS.contains(&name)
        || KNOWN_ACRONYMS.contains(written);
    let short = words.len() == 1 && name.chars().count() <= 3;
    !listed && !short
}

/// Whether a word is a headline verb of speech in any case (`SAYS`,
/// `Urges`), lowercasing only a word that is not ASCII.
pub(super) fn is_headline_verb(word: &str) -> bool {
    if word.is_ascii() {
        return HEADLINE_VERBS
            .iter()
            .any(|verb| verb.eq_ignore_ascii_case(word));
    }
    HEADLINE_VERBS.contains(&word.to_lowercase().as_str())
}

/// Writes a word with only its first letter in capitals (`REAGAN` →
/// `Reagan`), as the word lists and the given-name list write words.
pub(super) fn title_case(word: &str) -> String {
    if word.is_ascii() {
        let mut cased = word.to_ascii_lowercase();
        if let Some(first) = cased.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        return cased;
    }
    let mut characters = word.chars();
    match characters.next() {
        Some(first) => first
            .to_uppercase()
            .chain(characters.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Adds a value unless it is already there.
pub fn push_unique(values: &mut Vec<String>, value: String) {
    if !values.contains(&value) {
        values.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Found {
        let mut found = Found::default();
        find_in(&mut found, text, Zone::Body);
        found
    }

    fn place_words(found: &Found) -> Vec<&str> {
        found.places().iter().map(|hit| hit.text.as_str()).collect()
    }

    /// The persons once the surnames are resolved against the full names.
    fn resolve_persons(found: &Found, body: &str) -> Vec<String> {
        crate::enrich::resolve::persons::persons_of(found.clone(), body)
    }

    #[test]
    fn a_firm_named_after_two_trades_is_one_name() {
        let result = found(
            "Analysts said American Telephone and Telegraph Co rose, \
             and Westar Timber and Westar Petroleum Co fell.",
        );
        assert_eq!(
            result.organizations(),
            vec!["American Telephone and Telegraph Co", "Westar Petroleum Co"]
        );
    }

    #[test]
    fn a_name_keeps_the_ampersand_between_its_words() {
        let result = found("He sold it to India's Oil & Natural Gas Corp and AT&T Corp.");
        assert_eq!(
            result.organizations(),
            vec!["Oil & Natural Gas Corp", "AT&T Corp"]
        );
    }

    #[test]
    fn a_given_name_before_a_geographic_word_is_no_place_but_after_in_it_is() {
        let result = found(
            "Mines near Elliot Lake and Lake Victoria shut, said correspondent Stephen Cape.",
        );
        assert_eq!(result.locations(), vec!["Elliot Lake", "Lake Victoria"]);
        let result = found("It will appeal, spokesman Mike Lake said, said Mike Lake.");
        assert!(result.locations().is_empty(), "{:?}", result.locations());
    }

    #[test]
    fn a_geographic_word_that_only_ends_places_opens_none() {
        let result = found("Delta Goodrem sang in the Kalahari Desert and in the Niger Delta.");
        assert_eq!(result.locations(), vec!["Kalahari Desert", "Niger Delta"]);
    }

    #[test]
    fn titles_introduce_persons() {
        let result =
            found("Russian Defense Minister Sergei Beloussov met Chinese President Xi Jinping.");
        assert_eq!(result.persons(), vec!["Sergei Beloussov", "Xi Jinping"]);
        assert_eq!(place_words(&result), vec!["Russian", "Chinese"]);
    }

    #[test]
    fn initials_belong_to_the_name() {
        let result = found("The suit named Ivan F. Boesky, and Boesky denied it.");
        assert_eq!(resolve_persons(&result, ""), vec!["Ivan F. Boesky"]);
        assert_eq!(
            found("Shares were sold by P. Underwriters and Mary Jones said so.").persons(),
            vec!["Mary Jones"]
        );
    }

    #[test]
    fn a_firm_before_a_role_and_a_name_is_the_employer() {
        let result = found(
            "Prices will fall, said Dean Witter analyst Bob Smith. \
             The board named Thomas Burke president and chief executive. \
             Jacques Chirac's spokesman Denis Baudouin agreed.",
        );
        assert_eq!(result.organizations(), vec!["Dean Witter"]);
        assert_eq!(
            result.persons(),
            vec![
                "Bob Smith",
                "Thomas Burke",
                "Jacques Chirac",
                "Denis Baudouin"
            ]
        );
    }

    #[test]
    fn role_nouns_and_speech_verbs_introduce_persons() {
        assert_eq!(
            found("welcomed by his Chinese counterpart, Li Shangfu, on a red carpet").persons(),
            vec!["Li Shangfu"]
        );
        assert_eq!(
            found("Prices will rise, Maria Lopez said on Monday.").persons(),
            vec!["Maria Lopez"]
        );
        assert!(
            found("Prices will rise, New Delhi said.")
                .persons()
                .is_empty()
        );
    }

    #[test]
    fn compounds_of_countries_name_each_country() {
        let talks = found("The Soviet-American talks resumed. The Iran-Iraq War went on.");
        assert_eq!(
            place_words(&talks),
            vec!["Soviet", "American", "Iran", "Iraq"]
        );
        let codes: Vec<&str> = talks
            .places()
            .iter()
            .map(|hit| hit.meanings[0].code)
            .collect();
        assert_eq!(codes, vec!["SU", "US", "IR", "IQ"]);
        let companies = found("Georgia-Pacific and Rolls-Royce bought a firm.");
        assert!(companies.places().is_empty(), "{:?}", companies.places());
    }

    #[test]
    fn a_country_after_of_in_a_name_is_a_place_where_it_is_written() {
        let text = "The club played Karlsruhe of Germany. Benetton of Italy lost.";
        let result = found(text);
        assert_eq!(place_words(&result), vec!["Germany", "Italy"]);
        let offsets: Vec<usize> = result
            .mentions
            .iter()
            .filter(|mention| mention.kind == MentionKind::Place)
            .map(|mention| mention.offset)
            .collect();
        assert_eq!(
            offsets,
            vec![text.find("Germany").unwrap(), text.find("Italy").unwrap()]
        );
        assert!(
            found("The club played Karlsruhe of Munich.")
                .places()
                .is_empty(),
            "a city after `of` is no country"
        );
    }

    #[test]
    fn names_inside_longer_names_are_not_places() {
        assert!(
            found("exercises in the Sea of Japan last year")
                .places()
                .is_empty()
        );
        assert_eq!(
            found("exercises in the Sea of Japan last year").locations(),
            vec!["Sea of Japan"]
        );
        assert!(
            found("a flight on China Airlines landed")
                .places()
                .is_empty()
        );
        assert!(
            found("The European Union expressed concern")
                .places()
                .is_empty()
        );
        assert!(found("President Vladimir Putin spoke").places().is_empty());
    }

    #[test]
    fn function_words_that_begin_place_names_stay() {
        assert_eq!(
            place_words(&found("New York banks rose. The United States agreed.")),
            vec!["New York", "United States"]
        );
        assert_eq!(
            place_words(&found("He flew to New York.")),
            vec!["New York"]
        );
    }

    #[test]
    fn standalone_place_names_are_places() {
        assert_eq!(
            place_words(&found("a summit in the Russian city of Kazan.")),
            vec!["Russian", "Kazan"]
        );
        assert_eq!(
            place_words(&found("Brazil, Russia, India, China, and South Africa")),
            vec!["Brazil", "Russia", "India", "China", "South Africa"]
        );
    }

    #[test]
    fn a_name_that_heads_an_organization_is_not_a_person() {
        let text = "Merrill Lynch said it expects gains. Merrill Lynch Capital Markets Inc \
                    led the issue. Analyst James Baker said so.";
        let mut found = Found::default();
        find_in(&mut found, text, Zone::Body);
        assert_eq!(resolve_persons(&found, text), vec!["James Baker"]);
    }

    #[test]
    fn a_person_of_an_organization_is_both() {
        let result = found(
            "said Ed Malmgreen of the California Independent Producers Association. \
             Also, Jane Quist of Munger Oil Information Services agreed.",
        );
        assert_eq!(result.persons(), vec!["Ed Malmgreen", "Jane Quist"]);
        assert_eq!(
            result.organizations(),
            vec![
                "California Independent Producers Association",
                "Munger Oil Information Services"
            ]
        );
        let company = found("He sold Barnett Banks of Florida Inc stock.");
        assert!(company.persons().is_empty(), "{:?}", company.persons());
        assert_eq!(
            company.organizations(),
            vec!["Barnett Banks of Florida Inc"]
        );
    }

    #[test]
    fn one_organization_may_say_and() {
        let result = found(
            "It told the Securities and Exchange Commission that Morgan Stanley and Co Inc \
             and Goldman, Sachs and Co. advised the Gulf Cooperation Council.",
        );
        assert_eq!(
            result.organizations(),
            // `Goldman` is on the list of known organizations.
            vec![
                "Securities and Exchange Commission",
                "Morgan Stanley and Co Inc",
                "Goldman",
                "Sachs and Co",
                "Gulf Cooperation Council"
            ]
        );
        assert!(result.persons().is_empty() && result.locations().is_empty());
        let two = found("The Ford Motor Co and General Motors Corp deal and D.F. King and Co Inc.");
        assert_eq!(
            two.organizations(),
            vec![
                "Ford Motor Co",
                "General Motors Corp",
                "D.F. King and Co Inc"
            ]
        );
        assert!(
            two.persons().is_empty() && two.surnames().is_empty(),
            "{two:?}"
        );
    }

    #[test]
    fn a_common_word_inside_a_sentence_may_begin_a_company() {
        let result = found(
            "Shares were sold by First Boston Corp to the New China News Agency. \
             On Friday Cyacq Corp said First Boston Corp agreed.",
        );
        assert_eq!(
            result.organizations(),
            vec!["First Boston Corp", "New China News Agency", "Cyacq Corp"]
        );
    }

    #[test]
    fn a_place_made_an_adjective_is_not_part_of_the_name() {
        let result = found(
            "The London-based Libra Bank Plc lent to Japanese-owned Honda Motor Co \
             and New York-based ITT Corp.",
        );
        assert_eq!(
            result.organizations(),
            vec!["Libra Bank Plc", "Honda Motor Co", "ITT Corp"]
        );
        assert_eq!(place_words(&result), vec!["London", "Japanese", "New York"]);
        assert!(result.places().iter().all(|hit| hit.zone == Zone::Aside));
    }

    #[test]
    fn organizations_by_ending_institution_and_acronym() {
        let result = found(
            "The European Union and BRICS met the Russian Defense Ministry and the Bank of Japan.",
        );
        assert_eq!(
            result.organizations(),
            vec![
                "European Union",
                "BRICS",
                "Russian Defense Ministry",
                "Bank of Japan"
            ]
        );
        assert_eq!(place_words(&result), vec!["Russian", "Japan"]);
        let forms = found(
            "Deals by Fiat SpA, Henkel KGaA and Pharmacia AB were signed, Williams Cos said.",
        );
        assert_eq!(
            forms.organizations(),
            vec!["Fiat SpA", "Henkel KGaA", "Pharmacia AB", "Williams Cos"]
        );
        assert!(forms.persons().is_empty(), "{:?}", forms.persons());
        let house = found("The veto stands, the White House said.");
        assert_eq!(house.organizations(), vec!["White House"]);
        assert!(house.persons().is_empty(), "{:?}", house.persons());
    }

    #[test]
    fn a_country_before_a_title_is_evidence() {
        let result = found("U.S. Agriculture Secretary Richard Lyng said no.");
        assert_eq!(result.persons(), vec!["Richard Lyng"]);
        assert_eq!(place_words(&result), vec!["U.S."]);
    }

    #[test]
    fn place_words_in_company_names_are_not_evidence() {
        let result = found("They flew KLM Royal Dutch Airlines to the Russian Defense Ministry.");
        assert_eq!(
            result.organizations(),
            vec!["KLM Royal Dutch Airlines", "Russian Defense Ministry"]
        );
        assert_eq!(place_words(&result), vec!["Russian"]);
    }

    #[test]
    fn currencies_are_not_countries() {
        assert!(
            place_words(&found(
                "a 28 mln U.S. Dlr note and 100 mln Canadian dlrs, in Swiss francs"
            ))
            .is_empty()
        );
        assert_eq!(
            place_words(&found("Canadian banks lent U.S. firms money")),
            vec!["Canadian", "U.S."]
        );
        assert!(place_words(&found("The South Korean won rose.")).is_empty());
        assert_eq!(
            place_words(&found("In the final Italy won 2-1.")),
            vec!["Italy"],
            "`won` after a country is the verb"
        );
    }

    #[test]
    fn government_words_make_a_leading_country_evidence() {
        assert_eq!(place_words(&found("the U.S. Treasury said")), vec!["U.S."]);
        assert!(place_words(&found("shares of China Airlines fell")).is_empty());
    }

    #[test]
    fn headlines_in_capitals_give_places_only() {
        let mut result = Found::default();
        find_in(
            &mut result,
            "JAPAN SAYS U.S. TRADE TALKS WITH SONY CORP STALL",
            Zone::Title,
        );
        assert_eq!(place_words(&result), vec!["JAPAN", "U.S."]);
        assert!(result.organizations().is_empty() && result.persons().is_empty());
        let mut currency = Found::default();
        let headline = "CANADA BUYS 75 MLN CANADIAN DLR NOTES AND FRENCH FRANC BONDS";
        find_in(&mut currency, headline, Zone::Title);
        assert_eq!(
            place_words(&currency),
            vec!["CANADA"],
            "a currency is no place"
        );
    }

    #[test]
    fn single_names_after_a_title_are_the_full_name_when_known() {
        let result = found(
            "President Vladimir Putin arrived. Mr Putin said it went well. Mr Volcker agreed.",
        );
        assert_eq!(result.persons(), vec!["Vladimir Putin"]);
        assert_eq!(
            resolve_persons(&result, ""),
            vec!["Vladimir Putin", "Volcker"]
        );
        let nested = found("Bundesbank President Karl Otto Poehl spoke. Later Otto Poehl said no.");
        assert_eq!(resolve_persons(&nested, ""), vec!["Karl Otto Poehl"]);
    }

    #[test]
    fn headlines_in_capitals_give_surnames_after_titles() {
        let mut titled = Found::default();
        find_in(
            &mut titled,
            "PRESIDENT REAGAN SAYS TREASURY SECRETARY WILL GO",
            Zone::Title,
        );
        assert_eq!(titled.headline_surnames(), vec!["Reagan"]);
        assert_eq!(
            resolve_persons(&titled, "Reagan told reporters"),
            vec!["Reagan"]
        );
        let mut verb = Found::default();
        find_in(&mut verb, "FED CHAIRMAN RESIGNS", Zone::Title);
        assert!(resolve_persons(&verb, "The chairman resigned on Monday.").is_empty());
        assert!(titled.persons().is_empty() && titled.organizations().is_empty());
    }

    #[test]
    fn a_flash_names_the_speaker_after_a_title_or_whose_speaker_it_is() {
        let persons_of_flash = |headline: &str| {
            let mut flash = Found::default();
            find_in(&mut flash, headline, Zone::Title);
            crate::enrich::resolve::persons::persons_of_article(flash, headline, "")
        };
        assert_eq!(
            persons_of_flash("CHANCELLOR LAWSON FORECASTS LOWER INFLATION"),
            vec!["Lawson"]
        );
        assert_eq!(
            persons_of_flash("U.S. TREASURY'S BAKER SAYS PACT WORKS"),
            vec!["Baker"]
        );
        assert_eq!(
            persons_of_flash("FED'S JONES SAYS RATES FIRM"),
            vec!["Jones"],
            "a surname may end in S"
        );
        assert!(persons_of_flash("FED CHAIRMAN RESIGNS").is_empty());
        assert!(
            persons_of_flash("ACME'S WIDGET SAYS IT GAINS").is_empty(),
            "a company speaks of itself as it"
        );
        assert!(persons_of_flash("GM'S GMC SAYS SALES UP").is_empty());
        assert!(
            resolve_persons(
                &{
                    let mut titled = Found::default();
                    find_in(&mut titled, "PRESIDENT REAGAN SAYS NO", Zone::Title);
                    titled
                },
                "Officials said nothing more."
            )
            .is_empty(),
            "with a body, the body must name it"
        );
    }

    #[test]
    fn a_role_after_a_comma_introduces_a_person() {
        assert_eq!(
            found("Beryl Sprinkel, chairman of the White House Council, said").persons(),
            vec!["Beryl Sprinkel"]
        );
        assert_eq!(
            found("U.K. Chancellor of the Exchequer Nigel Lawson said").persons(),
            vec!["Nigel Lawson"]
        );
        // Roles of today's news, after a possessive.
        assert_eq!(
            found("The inquiry was opened by Pritha Kettlewell, the agency's chair, on Tuesday.")
                .persons(),
            vec!["Pritha Kettlewell"]
        );
        assert_eq!(
            found("The pass came from Dario Halvorsen, the Eagles' quarterback, on Sunday.")
                .persons(),
            vec!["Dario Halvorsen"]
        );
    }

    #[test]
    fn a_role_introduces_a_person_only_within_its_sentence() {
        assert_eq!(
            found("Morgan Grenfell is lead manager. Fees are 1-7/8 pct.").persons(),
            Vec::<&str>::new()
        );
        assert_eq!(
            found("It is sold via sole manager Thornbury Grail, which said so.").persons(),
            Vec::<&str>::new(),
            "a bond issue's manager is a bank"
        );
        assert_eq!(
            found("The club's manager Tobias Wrenfield said so.").persons(),
            vec!["Tobias Wrenfield"]
        );
    }

    #[test]
    fn titles_completed_by_of_still_introduce_persons() {
        let result = found(
            "White House Chief of Staff Howard Baker said. Governor of the Bank of Japan Satoshi Sumita agreed.",
        );
        assert_eq!(result.persons(), vec!["Howard Baker", "Satoshi Sumita"]);
        assert_eq!(
            found("Kiichi Miyazawa, Japan's Finance Minister, said").persons(),
            vec!["Kiichi Miyazawa"]
        );
    }

    #[test]
    fn a_portfolio_may_say_and_or_for_but_is_never_the_name() {
        let joined = found(
            "Secretary of Trade and Industry Jose Concepcion spoke. \
             Secretary of State for Trade and Industry Paul Channon agreed.",
        );
        assert_eq!(joined.persons(), vec!["Jose Concepcion", "Paul Channon"]);
        let two =
            found("Secretary of State George Shultz and Defense Secretary Caspar Weinberger met.");
        assert_eq!(two.persons(), vec!["George Shultz", "Caspar Weinberger"]);
        let unknown = found(
            "The Minister of Inter-Island Affairs, Mr Smith, spoke. \
             Minister of State for Political Affairs Ahmed Ali left.",
        );
        assert!(
            !unknown
                .persons()
                .iter()
                .chain(&unknown.surnames())
                .any(|name| name.contains("Affairs")),
            "{unknown:?}"
        );
    }

    #[test]
    fn a_single_name_after_a_role_noun_is_a_surname() {
        let result = found("Indonesian Energy minister Subroto said he was confident.");
        assert_eq!(resolve_persons(&result, ""), vec!["Subroto"]);
        assert!(found("Texaco said it would sell.").surnames().is_empty());
    }

    #[test]
    fn a_common_given_name_starts_a_person() {
        assert_eq!(
            found("the way Ronald Reagan has handled it").persons(),
            vec!["Ronald Reagan"]
        );
        let mut headline = Found::default();
        find_in(
            &mut headline,
            "WHITE HOUSE'S HOWARD BAKER SAYS REAGAN TO ADDRESS NATION",
            Zone::Title,
        );
        assert_eq!(headline.persons(), vec!["Howard Baker"]);
        assert!(found("the Victoria Falls bridge").persons().is_empty());
    }

    #[test]
    fn a_capitalised_verb_after_a_title_in_a_headline_is_not_a_name() {
        let mut headline = Found::default();
        find_in(
            &mut headline,
            "Russian Defense Chief Engages in Discussions",
            Zone::Title,
        );
        assert!(headline.surnames().is_empty() && headline.persons().is_empty());
        let mut named = Found::default();
        find_in(
            &mut named,
            "Defense Chief Sergei Beloussov Visits China",
            Zone::Title,
        );
        assert_eq!(named.persons(), vec!["Sergei Beloussov"]);
    }

    #[test]
    fn a_headline_surname_needs_the_whole_word_in_the_body() {
        let mut titled = Found::default();
        find_in(
            &mut titled,
            "PRESIDENT REAGAN SAYS TREASURY SECRETARY WILL GO",
            Zone::Title,
        );
        assert!(resolve_persons(&titled, "Reaganomics is back.").is_empty());
    }
}
