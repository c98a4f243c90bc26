//! Locations: what only looks like one, and one spelling for a place the
//! gazetteer knows.
//!
//! - `not a location`: a lone compass word (`West`, `North`: the West, a
//!   region of no one place), a place's inhabitants (`Londoners`), a
//!   currency (`U.S. Dollar`), a legislator's
//!   party and state (`D-Kan`, `R-Okla.`), an agreement named after its
//!   city (`Paris Agreement`, also no organization) or written before the
//!   word for one (`the Louvre accord`), a holiday (`New Year`); a company
//!   word (`Co.`);
//!   a word for a kind of place alone (`Republic`, `County`, `Stadium`);
//!   a participle opening a clause (`Born in Luton`);
//!   a region of the world the tagger read as a person or an organization
//!   is a location (`Latin America`, `Eastern Europe`);
//!   an acronym, a letter with its dot or a word with a capital inside
//!   that no list knows (`GPS`, `A.D.`, the `S.` of `non-U.S.`, `NetMD`):
//!   a thing's name or a piece of an abbreviation, which places are not
//!   written as unless a list knows them (`N.J.`, `HK`);
//!   one word no list knows as a place that the article also writes in
//!   lowercase (`the Budget`), or that English writes in lowercase
//!   ([`super::super::lexicon`]: `Meanwhile`, `Closer`) and the article
//!   never writes after `in`, `at`, `near`, `from` or `to` (`in Bath`);
//!   a known organization (`Walmart`, `Verizon`, `Tory`) is one, and so
//!   is a word alone that ends organizations' names (`the Cabinet`; the
//!   organizations' resolvers drop those that name none alone); a place
//!   joined by a hyphen to `based`, `backed`, `owned` and the like says
//!   where something else is (`the Vienna-based body`);
//! - the places that are teams are in [`super::teams`];
//! - `place name`: a location written in capitals that the gazetteer knows
//!   is the gazetteer's name for it (`MINNEAPOLIS` → `Minneapolis`), so
//!   that the headline's city and the body's are one value.

use super::super::entities::title_case;
use super::super::gazetteer::{Gazetteer, PlaceKind, is_country_code};
use super::super::lexicon::is_common_word;
use super::super::mentions::{Mention, MentionKind, Mentions, first_word, last_word};
use super::super::vocabulary::{
    COMPANY_ENDINGS, COMPASS_WORDS, CURRENCIES, GEOGRAPHIC_WORDS, HOLIDAYS, ORGANIZATION_ENDINGS,
    PLACE_ADJECTIVE_SUFFIXES, PLACE_KIND_WORDS, WORLD_REGIONS, is_known_organization,
};
use super::{ArticleText, is_listed};

/// Lowercase words for an agreement, which a place written before them
/// names (`the Louvre accord`, `the Plaza agreement`).
const AGREEMENT_NOUNS: &[&str] = &["accord", "accords", "agreement", "pact", "treaty"];

/// Drops the locations written right before a lowercase word for an
/// agreement: the agreement's name (`the Louvre accord`), not a place
/// the article speaks of.
pub fn drop_agreement_names(mentions: &mut Mentions, article: ArticleText) {
    mentions.drop_where(
        "not a location",
        "names an agreement (`the Louvre accord`)",
        |mention| {
            mention.kind == MentionKind::Location
                && AGREEMENT_NOUNS.contains(&article.next_word(mention))
        },
    );
}

/// Drops the locations written as the first half of a modifier, a place
/// joined by a hyphen to one of the rules' [`PLACE_ADJECTIVE_SUFFIXES`]
/// (`the Vienna-based body`, `Kansas City, Mo.-based Commerce
/// Bancshares`, `Moscow-backed leader`): they say where something else
/// is, not where the story is. The place still counts for the article's
/// countries.
pub fn drop_place_modifiers(mentions: &mut Mentions, article: ArticleText) {
    mentions.drop_where(
        "not a location",
        "the first half of a modifier (`the New York-based group`): where something else is",
        |mention| {
            if mention.kind != MentionKind::Location {
                return false;
            }
            let (_, after) = article.around(mention);
            let after = after.strip_prefix('.').unwrap_or(after);
            let Some(rest) = after.strip_prefix('-') else {
                return false;
            };
            let suffix = rest
                .split(|character: char| !character.is_alphanumeric())
                .next()
                .unwrap_or("");
            PLACE_ADJECTIVE_SUFFIXES.contains(suffix)
        },
    );
}

/// Whether a preposition of place comes right before a mention, or
/// before `the` and it (`in Bath`, `at the Oval`).
pub(super) fn after_place_preposition(article: ArticleText, mention: &Mention) -> bool {
    let (before, _) = article.around(mention);
    let mut words = before.split_whitespace().rev();
    let word = match words.next() {
        Some("the") => words.next(),
        word => word,
    };
    matches!(
        word,
        Some("in" | "at" | "near" | "from" | "to" | "In" | "At" | "Near" | "From")
    )
}

/// Common words that end towns' names (`Virginia Beach`, `Turkey
/// Point`), which a country's or a state's name may begin.
const TOWN_ENDINGS: [&str; 10] = [
    "Beach", "Heights", "Point", "Springs", "Falls", "Hills", "Harbor", "Harbour", "Keys", "Rapids",
];

/// Words after a state's name that end places' names, besides the words
/// for geographic features, kinds of places and towns (`Washington DC`,
/// `Texas Panhandle`, `Ohio Valley`).
const STATE_PLACE_ENDINGS: [&str; 4] = ["DC", "D.C.", "Panhandle", "Basin"];

/// Whether a word ends no place's name: no word for a geographic feature,
/// a kind of place or a town's ending (`Economy` of `U.S. Economy`, not
/// `River`, `County` nor `Beach`).
fn ends_no_place_name(word: &str) -> bool {
    !GEOGRAPHIC_WORDS.contains(word)
        && !PLACE_KIND_WORDS.contains(&word)
        && !TOWN_ENDINGS.contains(&word)
}

/// Drops the locations that are a country and a common noun capitalised
/// with it (`the U.S. Economy`, `the U.S. Trade deficit`, `U.S. Officials
/// said`), a noun the article writes in lowercase elsewhere or English
/// does: the country is read on its own.
/// (After a city the noun more often names a place of its own: `Riverside
/// Church`.) Drops too one word no list knows as a place that the article
/// writes in lowercase (`the Budget` beside `the budget`).
pub fn drop_places_with_common_nouns(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    mentions.drop_where(
        "not a location",
        "a country and a common noun (`U.S. Economy`, `U.S. Officials`)",
        |mention| {
            if mention.kind != MentionKind::Location {
                return false;
            }
            let Some((place, noun)) = mention.value.rsplit_once(' ') else {
                return false;
            };
            gazetteer.is_country(place)
                && gazetteer.lookup(&mention.value).is_empty()
                && ends_no_place_name(noun)
                && (article.words.writes_in_lowercase(noun) || is_common_word(noun))
        },
    );
    // `Virginia Madsen`, `Illinois Democrat`, `Texas Sour`: after a US
    // state, a word that ends no place's name is a person's surname, a
    // party's member or a grade of crude.
    mentions.drop_where(
        "not a location",
        "a US state and a word that ends no place's name (`Virginia Madsen`, `Illinois Democrat`)",
        |mention| {
            if mention.kind != MentionKind::Location {
                return false;
            }
            let Some((state, word)) = mention.value.split_once(' ') else {
                return false;
            };
            !word.contains(' ')
                && gazetteer
                    .lookup(state)
                    .iter()
                    .any(|place| place.kind == PlaceKind::UsState)
                && gazetteer.lookup(&mention.value).is_empty()
                && ends_no_place_name(word)
                && !STATE_PLACE_ENDINGS.contains(&word)
        },
    );
    // A place the gazetteer knows may be a word too (`Phoenix`, `Buffalo`).
    mentions.drop_where(
        "not a location",
        "one word no list knows as a place that the article also writes in lowercase: a common word (`the Budget`)",
        |mention| {
            mention.kind == MentionKind::Location
                && article.writes_as_common_word(&mention.value)
                && gazetteer.lookup(&mention.value).is_empty()
                && !GEOGRAPHIC_WORDS.contains(&mention.value)
        },
    );
    // A town named by a common word (`Bath`, `Reading`, `the Oval`) is
    // written after a preposition of place somewhere in its article.
    let placed: Vec<&str> = mentions
        .list
        .iter()
        .filter(|mention| {
            mention.kind == MentionKind::Location && after_place_preposition(article, mention)
        })
        .map(|mention| mention.value.as_str())
        .collect();
    let common_words: Vec<String> = mentions
        .kept(MentionKind::Location)
        .filter(|mention| {
            !mention.value.contains(' ')
                && !placed.contains(&mention.value.as_str())
                && is_common_word(&mention.value)
                && gazetteer.lookup(&mention.value).is_empty()
                && !GEOGRAPHIC_WORDS.contains(&mention.value)
        })
        .map(|mention| mention.value.clone())
        .collect();
    mentions.drop_where(
        "not a location",
        "one word no list knows as a place that English writes in lowercase, never after `in`, `at` or the like: a common word (`Meanwhile`, `Closer`)",
        |mention| mention.kind == MentionKind::Location && common_words.contains(&mention.value),
    );
    mentions.drop_where(
        "not a location",
        "one word no list knows as a place, after `a` or `an`: a noun's modifier (`a Budget giveaway`)",
        |mention| {
            if mention.kind != MentionKind::Location
                || mention.value.contains(' ')
                || !gazetteer.lookup(&mention.value).is_empty()
            {
                return false;
            }
            let (_, after) = article.around(mention);
            // `a Southfield, Mich., company`, `a Larkspur-based firm`: a
            // town the gazetteer does not hold.
            let placed = after.starts_with(',') || after.starts_with("-based");
            !placed && article.after_indefinite_article(mention)
        },
    );
}

/// Words that end institutions' names and no place's (`High Court`,
/// `Intervention Board`); not `House`, `Club` nor `Centre`, which end
/// buildings' names too (`White House`).
const INSTITUTION_ENDINGS: [&str; 21] = [
    "Court",
    "Council",
    "Board",
    "Bank",
    "Ministry",
    "Department",
    "Commission",
    "Committee",
    "Agency",
    "Bureau",
    "Authority",
    "Party",
    "Union",
    "Association",
    "Parliament",
    "Assembly",
    "Senate",
    "Congress",
    "Federation",
    "Foundation",
    "Society",
];

/// Makes organizations of the locations that are a place and the word
/// that ends an institution's name (`U.S. Treasury`, `Midland Bank`), or
/// any name and a word that ends only institutions' names (`High Court`).
pub fn make_institutions_organizations(mentions: &mut Mentions) {
    let gazetteer = Gazetteer::get();
    let mut institutions: Vec<String> = Vec::new();
    for mention in mentions.kept(MentionKind::Location) {
        let Some((place, last)) = mention.value.rsplit_once(' ') else {
            continue;
        };
        // `High Court`, `Ghana Cocoa Board`: a word only institutions'
        // names end in, whatever comes before, but a compass word's
        // `South Bank` is a district.
        let compass = COMPASS_WORDS.contains(&first_word(place));
        let institution = (ORGANIZATION_ENDINGS.contains(last)
            && !gazetteer.lookup(place).is_empty()
            || INSTITUTION_ENDINGS.contains(&last) && !compass)
            && gazetteer.lookup(&mention.value).is_empty();
        if institution && !institutions.contains(&mention.value) {
            institutions.push(mention.value.clone());
        }
    }
    mentions.change_kind(
        &institutions,
        (MentionKind::Location, MentionKind::Organization),
        "not a location",
        "a place and the word that ends an institution's name",
    );
}

/// Last words of the names of sports grounds and halls (`Millennium
/// Stadium`, `National Indoor Arena`, `Nou Camp`, `Caesars Superdome`,
/// `Daytona Speedway`), and first words of those named in other languages
/// (`Stade de France`).
const VENUE_ENDINGS: [&str; 10] = [
    "Stadium",
    "Arena",
    "Camp",
    "Velodrome",
    "Superdome",
    "Dome",
    "Coliseum",
    "Ballpark",
    "Speedway",
    "Racecourse",
];
const VENUE_OPENINGS: [&str; 3] = ["Stade", "Estadio", "Stadio"];

/// Makes locations of the organizations no list knows that are named as
/// grounds and halls are (`at the Nou Camp`, `the Millennium Stadium`):
/// the tagger reads a venue beside the clubs that play there as one of
/// them.
pub fn make_venues_locations(mentions: &mut Mentions) {
    let mut venues: Vec<String> = Vec::new();
    for mention in mentions.kept(MentionKind::Organization) {
        let value = &mention.value;
        let venue = value.contains(' ')
            && (VENUE_ENDINGS.contains(&last_word(value))
                || VENUE_OPENINGS.contains(&first_word(value)))
            && !is_known_organization(value);
        if venue && !venues.contains(value) {
            venues.push(value.clone());
        }
    }
    mentions.change_kind(
        &venues,
        (MentionKind::Organization, MentionKind::Location),
        "place name",
        "named as sports grounds and halls are (`Nou Camp`, `Millennium Stadium`): a place",
    );
}

/// Last words of the names of agreements, plans and laws.
const AGREEMENT_WORDS: &[&str] = &[
    "Agreement",
    "Agreements",
    "Accord",
    "Accords",
    "Treaty",
    "Pact",
    "Convention",
    "Protocol",
];

/// Whether a name is a known place's with an ending for its inhabitants
/// (`Londoners`, `New Yorkers`, `Berliners`, `Parisians`).
fn names_inhabitants(name: &str) -> bool {
    let gazetteer = Gazetteer::get();
    ["ers", "ians", "ites"].iter().any(|ending| {
        name.strip_suffix(ending)
            .is_some_and(|place| place.len() > 2 && !gazetteer.lookup(place).is_empty())
    })
}

/// Past participles that open a clause of someone's life, which the
/// tagger reads as a place before `in` (`Born in Luton, she`, `Elected
/// in 1997, he`).
const CLAUSE_PARTICIPLES: [&str; 5] = ["Born", "Raised", "Educated", "Elected", "Based"];

/// Drops the locations that are none (see the module header), and the
/// organizations that are agreements.
pub fn drop_non_locations(mentions: &mut Mentions, article: ArticleText) {
    mentions.drop_where(
        "not a location",
        "a compass word alone: a direction, not a place",
        |mention| {
            mention.kind == MentionKind::Location && COMPASS_WORDS.contains(&mention.value.as_str())
        },
    );
    mentions.drop_where(
        "not a location",
        "a place's inhabitants (`Londoners`, `New Yorkers`, `Parisians`): people, not a place",
        |mention| mention.kind == MentionKind::Location && names_inhabitants(&mention.value),
    );
    mentions.drop_where("not a location", "a currency", |mention| {
        mention.kind == MentionKind::Location
            && mention.value.contains(' ')
            && is_currency_word(last_word(&mention.value))
    });
    mentions.drop_where(
        "not a location",
        "a company word: the end of a company's name",
        |mention| {
            mention.kind == MentionKind::Location
                && COMPANY_ENDINGS.contains(mention.value.as_str())
        },
    );
    mentions.drop_where(
        "not a location",
        "a word for a kind of place, alone: no one place",
        |mention| {
            mention.kind == MentionKind::Location
                && mention.meanings.is_empty()
                && PLACE_KIND_WORDS.contains(&mention.value.as_str())
        },
    );
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        if !mention.is_kept_as(MentionKind::Location) || !mention.meanings.is_empty() {
            continue;
        }
        let known = is_known_organization(&mention.value) && !written_as_place(article, mention);
        // `the Cabinet`, `the Treasury`: the organizations' `not an
        // organization` then drops the words that name none alone.
        let ending = ORGANIZATION_ENDINGS.contains(&mention.value);
        if known || ending {
            mention.log_change(explain, "not a location", || match known {
                true => "location → organization: a known organization".to_string(),
                false => {
                    "location → organization: a word that ends organizations' names".to_string()
                }
            });
            mention.kind = MentionKind::Organization;
        }
    }
    mentions.drop_where(
        "not a location",
        "a participle opening a clause (`Born in Luton`, `Educated at Eton`): no place",
        |mention| {
            mention.kind == MentionKind::Location
                && CLAUSE_PARTICIPLES.contains(&mention.value.as_str())
        },
    );
    mentions.drop_where(
        "not a location",
        "an acronym or a word with a capital inside that no list knows (`GPS`, `A.D.`, \
         `NetMD`): a thing's name or a piece of an abbreviation",
        |mention| {
            mention.kind == MentionKind::Location
                && (is_abbreviated(&mention.value) || has_inner_capital(&mention.value))
                && !is_listed(mention)
                && !is_place_abbreviation(&mention.value)
        },
    );
    mentions.drop_where("not a location", "a holiday: a date", |mention| {
        mention.kind == MentionKind::Location && HOLIDAYS.contains(&mention.value)
    });
    mentions.drop_where(
        "not a location",
        "a legislator's party and state",
        |mention| mention.kind == MentionKind::Location && is_party_and_state(&mention.value),
    );
    mentions.drop_where(
        "not a location",
        "an agreement: neither a place nor an organization",
        |mention| {
            matches!(
                mention.kind,
                MentionKind::Location | MentionKind::Organization
            ) && AGREEMENT_WORDS.contains(&last_word(&mention.value))
        },
    );
}

/// The most letters of an acronym without dots that may be a thing's
/// (`GPS`, `ATT`); longer words in capitals are more often names shouted
/// (`ECHLIN`), which the resolvers of lines judge.
const MAX_ACRONYM_LETTERS: usize = 4;

/// Whether a value is written as an abbreviation: capitals and dots only,
/// with a dot (`A.D.`, `S.`) or a few letters (`GPS`).
fn is_abbreviated(value: &str) -> bool {
    value
        .chars()
        .all(|character| character.is_ascii_uppercase() || character == '.')
        && (value.contains('.') || value.len() <= MAX_ACRONYM_LETTERS)
}

/// Whether an abbreviation is a state's, a province's (`N.J.`, `B.C.`)
/// or a country's code (`HK`, `NZ`).
/// `LA` and `L.A.` are the regions' table's (Louisiana's), and so
/// Los Angeles' too; `NYC` is no region's.
fn is_place_abbreviation(value: &str) -> bool {
    Gazetteer::get().region(value).is_some() || is_country_code(value) || value == "NYC"
}

/// Prefixes of family names and places' names after which a capital
/// stands inside a word (`McMurray`, `DeKalb`, `LaGuardia`, `KwaZulu`).
const NAME_PREFIXES: [&str; 8] = ["Mc", "Mac", "De", "La", "Le", "Du", "Di", "Kwa"];

/// Whether a word of a value has a capital after a small letter (`NetMD`,
/// `CompTIA`), as things' and firms' names do and places' do not but
/// after a prefix of a family name (`Fort McMurray`).
fn has_inner_capital(value: &str) -> bool {
    value.split(' ').any(|word| {
        let rest = NAME_PREFIXES
            .iter()
            .find_map(|prefix| word.strip_prefix(prefix))
            .unwrap_or(word);
        rest.as_bytes()
            .windows(2)
            .any(|pair| pair[0].is_ascii_lowercase() && pair[1].is_ascii_uppercase())
    })
}

/// Lowercase words for a stretch of land or water that follow a place's
/// name (`Amazon basin`).
const LAND_WORDS: [&str; 8] = [
    "basin",
    "region",
    "rainforest",
    "river",
    "jungle",
    "forest",
    "delta",
    "valley",
];

/// Known firms named after a place, which the news writes too (`the
/// Amazon`).
const FIRMS_NAMED_AFTER_PLACES: [&str; 1] = ["Amazon"];

/// Whether a firm named after a place is written as the place's name:
/// after `the` or before a word for land (`the Amazon`, `Amazon basin`),
/// where the firm is written bare. Other known firms and newspapers are
/// written after `the` too (`the Enron scandal`, `told the Guardian`).
fn written_as_place(article: ArticleText, mention: &Mention) -> bool {
    if !FIRMS_NAMED_AFTER_PLACES.contains(&mention.value.as_str()) {
        return false;
    }
    let after = article.around(mention).1.trim_start();
    let next = after
        .split(|character: char| !character.is_alphabetic())
        .next()
        .unwrap_or("");
    article.word_before(mention).eq_ignore_ascii_case("the") || LAND_WORDS.contains(&next)
}

/// Whether a word names a currency (`Dollar`, `DLRS`) or currency itself.
fn is_currency_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower == "currency" || CURRENCIES.contains(lower.as_str())
}

/// Whether a value is a party letter and a state (`D-Kan`, `R-Okla.`).
fn is_party_and_state(value: &str) -> bool {
    let Some((party, state)) = value.split_once('-') else {
        return false;
    };
    matches!(party, "D" | "R" | "I")
        && (2..=6).contains(&state.trim_end_matches('.').chars().count())
        && state.starts_with(|first: char| first.is_ascii_uppercase())
}

/// Makes the persons and organizations that are regions of the world
/// (`Latin America`, `Eastern Europe`) locations.
pub fn make_world_regions_locations(mentions: &mut Mentions) {
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        let named = matches!(
            mention.kind,
            MentionKind::Person | MentionKind::Organization
        );
        if named && mention.is_kept() && WORLD_REGIONS.contains(mention.value.as_str()) {
            let kind = mention.kind;
            mention.log_change(explain, "not a location", || {
                format!("{} → location: a region of the world", kind.name())
            });
            mention.kind = MentionKind::Location;
        }
    }
}

/// Gives a location in capitals the gazetteer's name for the place.
pub fn name_places_in_capitals(mentions: &mut Mentions) {
    let gazetteer = Gazetteer::get();
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        let in_capitals = !mention.value.chars().any(char::is_lowercase);
        if !mention.is_kept_as(MentionKind::Location) || !in_capitals {
            continue;
        }
        let named = gazetteer.lookup(&mention.value).iter().find(|place| {
            matches!(
                place.kind,
                PlaceKind::City | PlaceKind::UsState | PlaceKind::Region
            )
        });
        let name = match named {
            Some(place) if place.kind != PlaceKind::Region => place.name.to_string(),
            Some(_) => mention
                .value
                .split(' ')
                .map(title_case)
                .collect::<Vec<_>>()
                .join(" "),
            None => continue,
        };
        let written = mention.value.clone();
        mention.log_change(explain, "place name", || {
            format!(
                "location {written:?} → {name:?}: the gazetteer's name for a place written in capitals"
            )
        });
        mention.value = name;
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, mentions_in, mentions_of, with_body};
    use super::*;

    #[test]
    fn directions_currencies_parties_and_agreements_are_no_places() {
        use MentionKind::*;
        let mut mentions = mentions_of(&[
            ("West", Location),
            ("West Bank", Location),
            ("U.S. Dollar", Location),
            ("U.S. Currency", Location),
            ("D-Kan", Location),
            ("R-Okla.", Location),
            ("Paris Agreement", Location),
            ("International Coffee Agreement", Organization),
            ("Kansas City", Location),
            ("New Year", Location),
            ("Co.", Location),
            ("Republic", Location),
            ("County", Location),
            ("Verizon", Location),
            ("Tory", Location),
            ("Cabinet", Location),
            ("University", Location),
            ("Londoners", Location),
            ("New Yorkers", Location),
            ("Parisians", Location),
            ("Born", Location),
            ("Elected", Location),
        ]);
        with_body("", |article| drop_non_locations(&mut mentions, article));
        assert_eq!(mentions.values(Location), vec!["West Bank", "Kansas City"]);
        assert_eq!(
            mentions.values(Organization),
            vec!["Verizon", "Tory", "Cabinet", "University"]
        );
    }

    #[test]
    fn a_region_of_the_world_read_as_a_person_or_an_organization_is_a_location() {
        use MentionKind::*;
        let mut mentions = mentions_of(&[
            ("Latin America", Person),
            ("Eastern Europe", Organization),
            ("Latin American Bank", Organization),
        ]);
        make_world_regions_locations(&mut mentions);
        assert_eq!(
            mentions.values(Location),
            vec!["Latin America", "Eastern Europe"]
        );
        assert_eq!(mentions.values(Organization), vec!["Latin American Bank"]);
    }

    #[test]
    fn a_firm_named_after_a_place_is_the_place_after_the_or_before_land() {
        let body = "Deep in the Amazon, Amazon basin tribes never shop at Amazon or Verizon.";
        let mut mentions = Mentions::default();
        for (name, offset) in [
            ("Amazon", 12),
            ("Amazon", 20),
            ("Amazon", 54),
            ("Verizon", 64),
        ] {
            assert_eq!(&body[offset..offset + name.len()], name);
            mentions.push(body_mention(name, MentionKind::Location, offset));
        }
        with_body(body, |article| drop_non_locations(&mut mentions, article));
        let kinds: Vec<_> = mentions.list.iter().map(|mention| mention.kind).collect();
        use MentionKind::*;
        assert_eq!(kinds, vec![Location, Location, Organization, Organization]);
    }

    #[test]
    fn an_abbreviation_or_inner_capital_no_list_knows_is_no_place() {
        let dropped = ["GPS", "A.D.", "S.", "NetMD", "CompTIA"];
        // States', provinces', countries' and cities' abbreviations, names
        // after a family name's or a place's prefix, longer words in
        // capitals.
        let kept = [
            "N.J.",
            "B.C.",
            "HK",
            "U.S.",
            "UK",
            "LA",
            "NYC",
            "Fort McMurray",
            "MacGregor",
            "KwaZulu-Natal",
            "UNCTAD",
        ];
        let names: Vec<(&str, MentionKind)> = dropped
            .iter()
            .chain(&kept)
            .map(|value| (*value, MentionKind::Location))
            .collect();
        let mut mentions = mentions_of(&names);
        with_body("", |article| drop_non_locations(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Location), kept);
    }

    #[test]
    fn a_place_that_modifies_another_word_is_no_location_of_the_story() {
        let body = "The Vienna-based body and Kansas City, Mo.-based banks met in \
                    Boston, a Moscow-backed leader said in Ohio-Based style and Denver-bound.";
        let mut mentions = mentions_in(
            body,
            &[
                "Vienna",
                "Kansas City",
                "Mo",
                "Boston",
                "Moscow",
                "Ohio",
                "Denver",
            ],
            MentionKind::Location,
        );
        with_body(body, |article| drop_place_modifiers(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["Kansas City", "Boston", "Ohio", "Denver"]
        );
    }

    #[test]
    fn a_place_before_the_word_for_an_agreement_names_it() {
        let body = "Since the Louvre accord in Paris, the Plaza\nagreement's aims and Tokyo talks.";
        let mut mentions = mentions_in(
            body,
            &["Louvre", "Paris", "Plaza", "Tokyo"],
            MentionKind::Location,
        );
        with_body(body, |article| drop_agreement_names(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Location),
            vec!["Paris", "Tokyo"]
        );
    }

    #[test]
    fn a_place_and_a_common_noun_is_no_location() {
        let body = "Weak U.S. Economy data hurt; the economy and the gulf and the city \
                    of New York City, the Kansas River and the Persian Gulf, and the church \
                    of Riverside Church.";
        assert_eq!(
            kept_after_common_nouns(
                body,
                &[
                    "U.S. Economy",
                    "New York City",
                    "Kansas River",
                    "Persian Gulf",
                    "Riverside Church",
                ]
            ),
            vec![
                "New York City",
                "Kansas River",
                "Persian Gulf",
                "Riverside Church"
            ],
            "a geographic word, a place's own name, a city and a noun stay"
        );
        let body = "Talks will go on, U.S. Officials said near Turkey Point and the \
                    Netherlands Antilles.";
        assert_eq!(
            kept_after_common_nouns(
                body,
                &["U.S. Officials", "Turkey Point", "Netherlands Antilles"]
            ),
            vec!["Turkey Point", "Netherlands Antilles"],
            "a common English word though the article writes it in no lowercase; a town's \
             ending and a word no list knows stay"
        );
    }

    /// The locations of a body's mentions (each at its first place) kept
    /// by `drop_places_with_common_nouns`.
    fn kept_after_common_nouns(body: &str, names: &[&str]) -> Vec<String> {
        let mut mentions = mentions_in(body, names, MentionKind::Location);
        with_body(body, |article| {
            drop_places_with_common_nouns(&mut mentions, article)
        });
        mentions.values(MentionKind::Location)
    }

    #[test]
    fn one_unlisted_word_the_article_writes_in_lowercase_is_no_location() {
        let body = "Before the Budget, Phoenix and Gulf said the budget, phoenix and \
                    gulf figures and Normanton rose.";
        assert_eq!(
            kept_after_common_nouns(body, &["Budget", "Phoenix", "Gulf", "Normanton"]),
            vec!["Phoenix", "Gulf", "Normanton"],
            "a listed place, a geographic word and a word never in lowercase stay"
        );
        let body = "There will be a Budget giveaway, a London court and an Amazon deal \
                    for a Southfield, Mich., firm and a Larkspur-based firm, but not in Normanton.";
        assert_eq!(
            kept_after_common_nouns(
                body,
                &[
                    "Budget",
                    "London",
                    "Amazon",
                    "Southfield",
                    "Larkspur",
                    "Normanton",
                ]
            ),
            vec!["London", "Southfield", "Larkspur", "Normanton"],
            "a place the gazetteer knows, or a town before its state, stays after `a`"
        );
    }

    #[test]
    fn a_ground_read_as_an_organization_is_a_place() {
        use MentionKind::*;
        let mut mentions = mentions_of(&[
            ("Nou Camp", Organization),
            ("Millennium Stadium", Organization),
            ("Stade de France", Organization),
            ("Caesars Superdome", Organization),
            ("Millennium Dome", Organization),
            ("Arena", Organization),
            ("Arena Football League", Organization),
        ]);
        make_venues_locations(&mut mentions);
        assert_eq!(
            mentions.values(Location),
            vec![
                "Nou Camp",
                "Millennium Stadium",
                "Stade de France",
                "Caesars Superdome",
                "Millennium Dome"
            ]
        );
        assert_eq!(
            mentions.values(Organization),
            vec!["Arena", "Arena Football League"]
        );
    }

    #[test]
    fn a_state_and_a_word_that_ends_no_place_is_no_location() {
        let names = [
            "Virginia Madsen",
            "Illinois Democrat",
            "Texas Sour",
            "Mississippi River",
            "Texas Panhandle",
            "Washington DC",
            "Virginia Beach",
            "Ohio Valley",
        ];
        let body = names.join(", ");
        assert_eq!(
            kept_after_common_nouns(&body, &names),
            vec![
                "Mississippi River",
                "Texas Panhandle",
                "Washington DC",
                "Virginia Beach",
                "Ohio Valley"
            ]
        );
    }

    #[test]
    fn one_unlisted_common_word_is_no_location_unless_after_in_or_at() {
        let body =
            "Meanwhile, Closer opened at the Oval and in Bath. Bath, Phoenix and Streets cheered.";
        assert_eq!(
            kept_after_common_nouns(
                body,
                &["Meanwhile", "Closer", "Oval", "Bath", "Phoenix", "Streets"]
            ),
            vec!["Oval", "Bath", "Phoenix"],
            "a word after `at` or `in` in any of its mentions, or one the gazetteer knows, stays"
        );
    }

    #[test]
    fn a_place_and_an_institutions_word_is_an_organization() {
        use MentionKind::*;
        let mut mentions = mentions_of(&[
            ("U.S. Treasury", Location),
            ("Midland Bank", Location),
            ("West Bank", Location),
            ("Tokyo", Location),
            ("High Court", Location),
            ("Ghana Cocoa Board", Location),
            ("South Bank", Location),
            ("White House", Location),
        ]);
        make_institutions_organizations(&mut mentions);
        assert_eq!(
            mentions.values(Location),
            vec!["West Bank", "Tokyo", "South Bank", "White House"]
        );
        assert_eq!(
            mentions.values(Organization),
            vec![
                "U.S. Treasury",
                "Midland Bank",
                "High Court",
                "Ghana Cocoa Board"
            ]
        );
    }

    #[test]
    fn a_place_in_capitals_takes_the_gazetteers_name() {
        use MentionKind::*;
        let mut mentions = mentions_of(&[
            ("MINNEAPOLIS", Location),
            ("LONDON", Location),
            ("QUIXBY", Location),
            ("Tokyo", Location),
        ]);
        name_places_in_capitals(&mut mentions);
        assert_eq!(
            mentions.values(Location),
            vec!["Minneapolis", "London", "QUIXBY", "Tokyo"]
        );
    }
}
