//! Teams: places that stand for the clubs and teams named after them.
//!
//! - `a team`: a city written before a player's or a manager's role
//!   (`Chelsea manager Jose Mourinho`), or before a player's position and
//!   a name (`Bath prop Duncan Bell`), or on a line of results or fixtures
//!   (`Saracens 25 Leicester 23`) is a club, an organization, and so is a
//!   city and `City` no list knows as a place in a report on sport (a
//!   score, or `match`, `squad`, `league`: `Norwich City`); so is the city
//!   alone in a report of games that names the team in full (`Boston's
//!   seventh loss` beside `the Boston Red Sox`, `Madrid play` beside
//!   `Real Madrid`), but not after `in`, `at`, `to`, `from`, `near` or
//!   `of`, nor before `club` or `team`; and so is, in a report on sport, a
//!   place written as a team is (`Arsenal have`, `Portsmouth were`,
//!   `Mansfield fans`, `against Stoke`), in all its mentions if no list knows it as a place,
//!   and where not written after those words if the gazetteer does. A
//!   country so written is its national team, which its code counts.

use std::cell::OnceCell;

use super::super::gazetteer::{Gazetteer, PlaceKind};
use super::super::mentions::{Field, Mention, MentionKind, Mentions};
use super::super::vocabulary::{
    COMPANY_ENDINGS, DATE_WORDS, GEOGRAPHIC_WORDS, ORGANIZATION_ENDINGS,
};
use super::{ArticleText, opens_possessive};

/// The players and staff of a team, written after its name (`Chelsea
/// manager Jose Mourinho`, `Arsenal's striker`).
const TEAM_ROLES: &[&str] = &[
    "manager",
    "boss",
    "coach",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "winger",
    "skipper",
    "fullback",
    "full-back",
    "centre-back",
    "fly-half",
    "scrum-half",
    "batsman",
    "bowler",
    "quarterback",
    "pitcher",
    "outfielder",
    "infielder",
];

/// Players' positions, which other trades also name (`forward` rates,
/// a ship's `captain`), so that a place before one is a team only when a
/// name follows, not a date (`Sunderland forward Niall Quinn`, `Bath prop
/// Duncan Bell`). Not `back` nor `guard`, mostly verbs (`voters in Texas
/// back Bush`).
const TEAM_POSITIONS: &[&str] = &[
    "forward", "captain", "centre", "center", "prop", "flanker", "wing", "lock", "hooker",
    "sweeper",
];

/// Verbs in the plural that British reports write after a team's name in
/// the singular (`Arsenal have`, `Portsmouth were growing`): in a report
/// on sport, a place so written is the team. Not the verbs of a result
/// (`Montreal lost`), which wire copy writes of a city's team and of the
/// city alike.
const TEAM_VERBS: &[&str] = &["have", "are", "were"];

/// Words that join a name to the one before it, which with it takes a
/// verb in the plural (`ports in Odesa and Mykolaiv have`).
const JOINING_WORDS: [&str; 3] = ["and", "or", "&"];

/// Words before a team's name for its opponent in a game (`a meeting
/// with West Ham`, `the win against Birmingham`, `Chelsea beat Newcastle`).
const OPPONENT_WORDS: [&str; 4] = ["against", "beat", "beating", "face"];

/// Why a place written as a team is one (`Arsenal have`).
const WRITTEN_AS_A_TEAM: &str =
    "a place written in a report on sport as a team is (`Arsenal have`, `Mansfield fans`)";

/// Words after a place for a team's people and side in a report on sport
/// (`Mansfield fans`, `a Swansea side`, `an Arsenal player`).
const TEAM_PEOPLE: &[&str] = &["side", "fans", "supporters", "player", "players"];

/// Words before a place that say where something is or goes (`in
/// Liverpool`, `from Chelsea`): a place so written is the place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "to", "from", "near", "of"];

/// Whether a word is one of [`PLACE_PREPOSITIONS`], in any case.
fn is_place_preposition(word: &str) -> bool {
    PLACE_PREPOSITIONS
        .iter()
        .any(|preposition| word.eq_ignore_ascii_case(preposition))
}

/// Makes organizations of the places that are a team, in every mention of
/// the article: a city or a region written right before a player's or a
/// manager's role, as clubs are (`Chelsea manager Jose Mourinho`,
/// `Leicester's striker`), or on a line of results or fixtures
/// (`Saracens 25 Leicester 23`, `Postponed: Birmingham v Barnsley`), or a
/// city and `City` in a report on sport (`Norwich City`), or a place
/// written there as a team is (`Arsenal have`, `Mansfield fans`, `the win
/// against Stoke`); each of these read also where the tagger read the
/// mention as an organization (`West Ham v Norwich`). A
/// country there is its national team, which its code counts.
pub fn make_teams_organizations(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    let sport = OnceCell::new();
    let mut teams: Vec<(String, &str)> = Vec::new();
    let mut city_teams: Vec<String> = Vec::new();
    // The tagger may read a team as an organization where the article
    // writes it as one (`Arsenal have`) and as a place elsewhere (`at
    // Arsenal`): those mentions say what the places are.
    let places = mentions.value_refs(MentionKind::Location);
    if places.is_empty() {
        return;
    }
    let located = |mention: &&Mention| {
        mention.is_kept_as(MentionKind::Location)
            || (mention.is_kept_as(MentionKind::Organization)
                && places.contains(&mention.value.as_str()))
    };
    // Where persons' names begin, for a team's player after its
    // possessive (`Parma's Sebastien Frey`).
    let persons_at: Vec<(Field, usize)> = mentions
        .kept(MentionKind::Person)
        .map(|mention| (mention.field, mention.offset))
        .collect();
    for mention in mentions.list.iter().filter(located) {
        if teams.iter().any(|(team, _)| *team == mention.value) {
            continue;
        }
        let (before, after) = article.around(mention);
        // `'s ` or `’s ` (the curly apostrophe is three bytes).
        let possessive = after.find("s ").map_or(0, |s| s + 2);
        let players_owner = opens_possessive(after)
            && persons_at.contains(&(
                mention.field,
                mention.offset + mention.text.len() + possessive,
            ));
        let as_a_team = {
            let next = article.next_word(mention);
            let word_before = article.word_before(mention);
            let placed = is_place_preposition(word_before);
            // `Odesa and Mykolaiv have`: two subjects take the plural.
            let verb = after.starts_with(' ')
                && TEAM_VERBS.contains(&next)
                && !JOINING_WORDS.contains(&word_before);
            let opponent = OPPONENT_WORDS.contains(&word_before);
            let feature = mention
                .value
                .split(' ')
                .any(|word| GEOGRAPHIC_WORDS.contains(word));
            (verb || opponent || players_owner || TEAM_PEOPLE.contains(&next))
                && !placed
                && !feature
        };
        let role = {
            let after = after.strip_prefix("'s").unwrap_or(after).trim_start();
            let end = after
                .find(|c: char| !(c.is_alphabetic() || c == '-'))
                .unwrap_or(after.len());
            let word = &after[..end];
            let next_word = after[end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.split([' ', ',', '.']).next())
                .unwrap_or("");
            let named_next =
                next_word.starts_with(char::is_uppercase) && !DATE_WORDS.contains(next_word);
            TEAM_ROLES.contains(&word) || (named_next && TEAM_POSITIONS.contains(&word))
        };
        let line_before = before.rsplit('\n').next().unwrap_or("");
        let line_after = after.split('\n').next().unwrap_or("");
        let fixture = [" v ", " vs ", " vs. "].iter().any(|versus| {
            let opponent_after = line_after
                .strip_prefix(versus)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase));
            opponent_after || line_before.ends_with(versus)
        });
        // Only a name followed by its score can stand on a line of results.
        let scored = line_after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        let results =
            scored && is_results_line(&format!("{line_before}{}{line_after}", mention.text));
        let why = if role {
            "a place written before a player's or a manager's role: a team"
        } else if fixture || results {
            "a place on a line of results or fixtures: a team"
        } else if is_city_club(gazetteer, &mention.value)
            && *sport.get_or_init(|| is_about_sport(article.body_text))
        {
            "a city and `City`, a name no list knows as a place: a club"
        } else if as_a_team && *sport.get_or_init(|| is_about_sport(article.body_text)) {
            // A city the gazetteer knows is the place too where the
            // article writes it as one (`In Montreal`): only its other
            // mentions are the team.
            if !gazetteer.lookup(&mention.value).is_empty() {
                if !city_teams.contains(&mention.value) {
                    city_teams.push(mention.value.clone());
                }
                continue;
            }
            WRITTEN_AS_A_TEAM
        } else {
            continue;
        };
        if !gazetteer.is_country(&mention.value) {
            teams.push((mention.value.clone(), why));
        }
    }
    // `Chelsea have yet to confirm`, where the tagger read a given name:
    // the article's text says it of a place no list knows. The text is
    // searched before the sport is asked: most articles write no place so.
    let mut unlisted: Vec<&str> = Vec::new();
    for mention in mentions.kept(MentionKind::Location) {
        let value = mention.value.as_str();
        let listed = !mention.meanings.is_empty() || !gazetteer.lookup(value).is_empty();
        if !listed && !unlisted.contains(&value) && !teams.iter().any(|(team, _)| team == value) {
            unlisted.push(value);
        }
    }
    for value in unlisted {
        if is_written_as_team(article.body_text, value)
            && *sport.get_or_init(|| is_about_sport(article.body_text))
        {
            teams.push((value.to_string(), WRITTEN_AS_A_TEAM));
        }
    }
    city_teams.retain(|city| !gazetteer.is_country(city));
    make_unplaced_mentions_teams(mentions, article, &city_teams, WRITTEN_AS_A_TEAM);
    for (team, why) in teams {
        mentions.rename_value(
            MentionKind::Location,
            &team,
            (MentionKind::Organization, &team),
            "a team",
            why,
        );
    }
}

/// Whether a text writes a name, somewhere, as a team is written: before
/// a verb in the plural or a word for its people, or after a word for an
/// opponent, not after a preposition of place (`Chelsea have`, `against
/// Chelsea`); never a geographic feature's name.
fn is_written_as_team(text: &str, name: &str) -> bool {
    if name.split(' ').any(|word| GEOGRAPHIC_WORDS.contains(word)) {
        return false;
    }
    text.match_indices(name).any(|(at, _)| {
        let before = &text[..at];
        let after = &text[at + name.len()..];
        if before.ends_with(char::is_alphanumeric) || after.starts_with(char::is_alphanumeric) {
            return false;
        }
        let word_before = before.trim_end().rsplit([' ', '\n']).next().unwrap_or("");
        let next = after
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
            .unwrap_or("");
        let verb = TEAM_VERBS.contains(&next) && !JOINING_WORDS.contains(&word_before);
        let team_word = verb || TEAM_PEOPLE.contains(&next);
        (team_word && !is_place_preposition(word_before)) || OPPONENT_WORDS.contains(&word_before)
    })
}

/// Makes organizations of the mentions of a city that stand for its team
/// in a report of games: where the article names a team by its city and
/// nickname (`the Boston Red Sox`, `the Colorado Rockies`) and gives a
/// score (`7-0`), the city alone is that team (`Boston's seventh loss`,
/// `St Louis defeated Colorado`), except after `in` or `at`, where it is
/// where a game was played (`In Boston, ...`), or after `to`, `from`,
/// `near` or `of`, nor in the dateline (`CINCINNATI 1996-08-30`), where
/// the story was filed. Only those mentions
/// change: a location of the same name stays where the article writes
/// one.
pub fn make_team_short_forms_organizations(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    let cities: Vec<String> = mentions
        .kept(MentionKind::Organization)
        .filter_map(|mention| team_city(gazetteer, &mention.value))
        .map(str::to_string)
        .collect();
    // `Real Madrid`, `Atletico Madrid`: a club's word says the sport.
    let clubs: Vec<String> = mentions
        .kept(MentionKind::Organization)
        .filter_map(|mention| club_city(gazetteer, &mention.value))
        .map(str::to_string)
        .collect();
    if !clubs.is_empty() {
        make_unplaced_mentions_teams(
            mentions,
            article,
            &clubs,
            "the city of a club the article names in full (`Madrid` beside `Real Madrid`)",
        );
    }
    // Most articles name no team: only then is the body read for a score.
    if cities.is_empty() || !has_score(article.body_text) {
        return;
    }
    make_unplaced_mentions_teams(
        mentions,
        article,
        &cities,
        "the city of a team the article names in full, in a report of games",
    );
}

/// Makes organizations of the mentions of these cities that stand for
/// their teams: all but those after a preposition of place (`In Boston`)
/// and those of the dateline, which say where a game was played or the
/// story filed.
fn make_unplaced_mentions_teams(
    mentions: &mut Mentions,
    article: ArticleText,
    cities: &[String],
    why: &'static str,
) {
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        // `the Moscow club`: the city says where the club is.
        if !mention.is_kept_as(MentionKind::Location)
            || !cities.contains(&mention.value)
            || mention.field == Field::Dateline
            || is_place_preposition(article.word_before(mention))
            || matches!(article.next_word(mention), "club" | "team")
        {
            continue;
        }
        let value = mention.value.clone();
        mention.log_change(explain, "a team", || {
            format!("location {value:?} → organization: {why}")
        });
        mention.kind = MentionKind::Organization;
    }
}

/// The city of a team named by its city and nickname (`Boston` of
/// `Boston Red Sox`): a city or a state of the gazetteer followed by one
/// or two capitalised words, the last a plural (`Rockies`, `Sox`) that
/// ends no organization's name (`New York Times`, `China Airlines`).
fn team_city<'a>(gazetteer: &Gazetteer, name: &'a str) -> Option<&'a str> {
    let (_, last) = name.rsplit_once(' ')?;
    let plural = last.ends_with('s') || last.ends_with('x');
    let firm = COMPANY_ENDINGS.contains(last)
        || ORGANIZATION_ENDINGS.contains(last)
        || FIRMS_PLURALS.contains(&last);
    if !plural || firm {
        return None;
    }
    let nickname_word = |word: &str| word.starts_with(char::is_uppercase) && word.len() > 2;
    // The nickname's first word starts after one of the last two spaces.
    let mut spaces = name.rmatch_indices(' ').map(|(space, _)| space);
    let mut nickname_start = name.len();
    for _ in 0..2 {
        let space = spaces.next()?;
        if !nickname_word(&name[space + 1..nickname_start]) {
            return None;
        }
        nickname_start = space;
        let city = &name[..space];
        if gazetteer.is_city_or_state(city) {
            return Some(city);
        }
    }
    None
}

/// Words that open the names of clubs before their city's (`Real
/// Madrid`, `Atletico Madrid`, `Inter Milan`, `Dynamo Kiev`).
const CLUB_OPENINGS: [&str; 10] = [
    "Real",
    "Atletico",
    "Athletic",
    "Inter",
    "AC",
    "AS",
    "FC",
    "Dynamo",
    "Sporting",
    "Olympique",
];

/// The city of a club named by a club's word and its city (`Madrid` of
/// `Real Madrid`).
fn club_city<'a>(gazetteer: &Gazetteer, name: &'a str) -> Option<&'a str> {
    let (opening, city) = name.split_once(' ')?;
    (CLUB_OPENINGS.contains(&opening) && gazetteer.is_city_or_state(city)).then_some(city)
}

/// Plural last words of firms' and newspapers' names that the lists of
/// organizations' endings leave out (`Texas Instruments`, `Detroit News`).
const FIRMS_PLURALS: &[&str] = &[
    "News",
    "Instruments",
    "Brothers",
    "Products",
    "Resources",
    "Communications",
    "Laboratories",
    "Foods",
    "Stores",
    "Mills",
    "Mines",
    "Works",
    "Chemicals",
    "Electronics",
    "Pharmaceuticals",
];

/// Words of reports on games, which a city's news seldom uses, and the
/// names of sports.
const SPORT_WORDS: &[&str] = &[
    "baseball",
    "football",
    "soccer",
    "cricket",
    "rugby",
    "hockey",
    "basketball",
    "innings",
    "league",
    "match",
    "squad",
    "scored",
    "striker",
    "midfielder",
    "goalkeeper",
    "stadium",
    "fixture",
    "fixtures",
    "season",
    "cup",
    "coach",
    "halftime",
    "half-time",
];

/// The lengths of the words of [`SPORT_WORDS`], which a word is compared
/// with only if its length is one of them.
const SPORT_WORD_LENGTHS: std::ops::RangeInclusive<usize> = 3..=11;

/// Whether a text reports on sport: it gives a score, or uses a word of
/// reports on games (`match`, `squad`, `league`) or a sport's name, in
/// any case (`MAJOR LEAGUE STANDINGS`).
pub(super) fn is_about_sport(text: &str) -> bool {
    // Read byte by byte: a sport's word is ASCII, and a byte of another
    // character parts words, as a curly quote does (`league’s`, `“match”`).
    let is_word_byte = |byte: &u8| byte.is_ascii_alphabetic() || *byte == b'-';
    has_score(text)
        || text
            .as_bytes()
            .split(|byte| !is_word_byte(byte))
            .filter(|word| SPORT_WORD_LENGTHS.contains(&word.len()))
            .any(|word| {
                SPORT_WORDS
                    .iter()
                    .any(|sport| sport.as_bytes().eq_ignore_ascii_case(word))
            })
}

/// Whether a text gives the score of a game: two numbers of one to three
/// figures joined by a hyphen, standing alone (`7-0`, `75-19`).
pub(super) fn has_score(text: &str) -> bool {
    // Read byte by byte from each hyphen; a byte of a character other
    // than ASCII is part of the word (`£10-15` is no score).
    let parts = |byte: u8| byte.is_ascii_whitespace() || matches!(byte, b',' | b'(' | b')' | b';');
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|(_, byte)| **byte == b'-')
        .any(|(hyphen, _)| {
            let before = bytes[..hyphen]
                .iter()
                .rev()
                .take_while(|byte| byte.is_ascii_digit())
                .count();
            let after = bytes[hyphen + 1..]
                .iter()
                .take_while(|byte| byte.is_ascii_digit())
                .count();
            let start = hyphen - before;
            let rest = &bytes[hyphen + 1 + after..];
            let rest = &rest[rest.iter().take_while(|byte| **byte == b'.').count()..];
            (1..=3).contains(&before)
                && (1..=3).contains(&after)
                && (start == 0 || parts(bytes[start - 1]))
                && rest.first().is_none_or(|byte| parts(*byte))
                && !counts_units(rest)
        })
}

/// Whether the text after a pair of numbers opens on a unit, which makes
/// the pair a range (`80-100 million new lines`, `20-30 pct`), not a score.
fn counts_units(rest: &[u8]) -> bool {
    let rest = rest.trim_ascii_start();
    let word = &rest[..rest
        .iter()
        .position(|byte| !byte.is_ascii_alphabetic())
        .unwrap_or(rest.len())];
    RANGE_UNITS.iter().any(|unit| unit.as_bytes() == word)
}

/// Words that count what a range of numbers measures.
const RANGE_UNITS: &[&str] = &[
    "million", "billion", "mln", "bln", "percent", "pct", "per", "dollars", "dlrs", "cents", "cts",
    "pounds", "euros", "yen", "tonnes", "tons", "barrels", "years", "months", "weeks", "days",
    "hours", "minutes", "miles", "km", "feet", "metres", "meters",
];

/// Whether a name is a city's and `City`, which the gazetteer does not
/// know as a place: a club (`Norwich City`, `Bristol City`), where
/// `Kansas City` and `Mexico City` are places. A city named as its state
/// or country is told from them so (`Quebec City`, `Panama City`).
fn is_city_club(gazetteer: &Gazetteer, name: &str) -> bool {
    let Some(city) = name.strip_suffix(" City") else {
        return false;
    };
    let meanings = gazetteer.lookup(city);
    let only_a_city = !meanings.is_empty()
        && meanings.iter().all(|place| place.kind == PlaceKind::City)
        && gazetteer.region(city).is_none();
    only_a_city && gazetteer.lookup(name).is_empty()
}

/// Whether a line is one result: two names, each followed by its score,
/// and perhaps a remark in brackets (`Saracens 25 Leicester 23`,
/// `Bristol City 2 Wrexham 1 (halftime 1-0)`).
fn is_results_line(line: &str) -> bool {
    let mut words = line.split_whitespace().peekable();
    for _ in 0..2 {
        let mut name_words = 0;
        while let Some(word) = words.next_if(|word| word.starts_with(char::is_uppercase)) {
            if word.contains(|c: char| c.is_ascii_digit()) {
                return false;
            }
            name_words += 1;
        }
        let score = words.next().is_some_and(|word| {
            (1..=3).contains(&word.len()) && word.bytes().all(|byte| byte.is_ascii_digit())
        });
        if name_words == 0 || !score {
            return false;
        }
    }
    words.next().is_none_or(|word| word.starts_with('('))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, with_body};
    use super::*;

    /// Each mention's value and kind, in order.
    fn values_and_kinds(mentions: &Mentions) -> Vec<(&str, MentionKind)> {
        mentions
            .list
            .iter()
            .map(|mention| (mention.value.as_str(), mention.kind))
            .collect()
    }

    #[test]
    fn a_place_before_a_players_role_is_a_team() {
        use MentionKind::*;
        let body = "Chelsea manager Jose Mourinho said Leicester's striker and \
                    England coach Sven played in Chelsea, near Leicester and Halo fans.";
        let mut mentions = Mentions::default();
        for name in ["Chelsea", "Leicester", "England", "Halo"] {
            for (offset, _) in body.match_indices(name) {
                mentions.push(body_mention(name, Location, offset));
            }
        }
        with_body(body, |article| {
            make_teams_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(Organization),
            vec!["Chelsea", "Leicester", "Halo"]
        );
        assert_eq!(
            mentions.values(Location),
            vec!["England"],
            "a country is its national team"
        );
        let body = "Sunderland forward Niall Quinn spoke. Tokyo forward rates fell. \
                    Voters in Texas back Bush. Troops patrolled Norwich City.";
        let mut mentions = Mentions::default();
        for name in ["Sunderland", "Tokyo", "Texas", "Norwich City"] {
            let offset = body.find(name).unwrap();
            mentions.push(body_mention(name, Location, offset));
        }
        with_body(body, |article| {
            make_teams_organizations(&mut mentions, article)
        });
        assert_eq!(mentions.values(Organization), vec!["Sunderland"]);
        assert_eq!(
            mentions.values(Location),
            vec!["Tokyo", "Texas", "Norwich City"],
            "a position is a player's only before a name; `back` is a verb; \
             a city and `City` is a club only in a report on sport"
        );
    }

    #[test]
    fn a_place_written_as_a_team_is_one_in_a_report_on_sport() {
        use MentionKind::*;
        let body = "Arsenal have lost the lead, and at Arsenal he is happy. \
                    Portsmouth were growing in confidence. In Portsmouth it rained. \
                    Mansfield fans sang, and the River Severn were high. \
                    Wales have won. The league is tight. The win against Stoke \
                    came before a game at West Ham.\nWest Ham v Norwich\n\
                    Fulham\u{2019}s Edwin van der Sar, Seville's Olympic Stadium. \
                    Ports in Odesa and Mykolaiv have grain.";
        // Each name, its kind and the words it is found in.
        let names = [
            ("Arsenal", Organization, "Arsenal have"),
            ("Arsenal", Location, "at Arsenal"),
            ("Portsmouth", Location, "Portsmouth were"),
            ("Portsmouth", Location, "In Portsmouth"),
            ("Mansfield", Location, "Mansfield"),
            ("River Severn", Location, "River Severn"),
            ("Wales", Location, "Wales"),
            ("Stoke", Location, "against Stoke"),
            ("West Ham", Location, "at West Ham"),
            ("West Ham", Organization, "West Ham v"),
            ("Fulham", Location, "Fulham\u{2019}s"),
            ("Edwin van der Sar", Person, "Edwin van der Sar"),
            ("Seville", Location, "Seville's"),
            ("Mykolaiv", Location, "Mykolaiv"),
        ];
        let mut mentions = Mentions::default();
        for (name, kind, written) in names {
            let offset = body.find(written).unwrap() + written.find(name).unwrap();
            mentions.push(body_mention(name, kind, offset));
        }
        mentions.sort_by_position();
        with_body(body, |article| {
            make_teams_organizations(&mut mentions, article)
        });
        let kinds = values_and_kinds(&mentions);
        assert_eq!(
            kinds,
            vec![
                ("Arsenal", Organization),
                ("Arsenal", Organization),
                ("Portsmouth", Organization),
                ("Portsmouth", Location),
                ("Mansfield", Organization),
                ("River Severn", Location),
                ("Wales", Location),
                ("Stoke", Organization),
                ("West Ham", Organization),
                ("West Ham", Organization),
                ("Fulham", Organization),
                ("Edwin van der Sar", Person),
                ("Seville", Location),
                ("Mykolaiv", Location),
            ],
            "an unlisted team in all its mentions, a city where not written as a place, \
             no geographic feature, no country; an opponent; a fixture the tagger read \
             as an organization; a player's club, not a place's stadium; not the second \
             of two subjects"
        );
        // The text says so where no mention stands (`Chelsea have`, read
        // as a given name and dropped).
        let body = "Chelsea have yet to confirm it. The league is tight at Chelsea, \
                    and in Lake Chelsea.";
        let mut mentions = Mentions::default();
        let at = body.find("at Chelsea").unwrap() + "at ".len();
        mentions.push(body_mention("Chelsea", Location, at));
        with_body(body, |article| {
            make_teams_organizations(&mut mentions, article)
        });
        assert_eq!(mentions.values(Organization), vec!["Chelsea"]);
        assert!(
            !is_written_as_team("Lake Chelsea have", "Lake Chelsea"),
            "a geographic feature"
        );
        assert!(is_written_as_team("Chelsea have", "Chelsea"));
        let body = "Halo fans queued for the game's release.";
        let mut mentions = Mentions::default();
        mentions.push(body_mention("Halo", Location, 0));
        with_body(body, |article| {
            make_teams_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(Location),
            vec!["Halo"],
            "a report on no sport"
        );
    }

    #[test]
    fn a_place_on_a_line_of_results_or_fixtures_is_a_team() {
        use MentionKind::*;
        let body = "Saracens 25 Leicester 23\nPostponed: Birmingham v Barnsley\n\
                    Italy 2 Scotland 0\nNorwich 12 Bristol rose 4 percent.\n\
                    The Leicester fans and Birmingham voters in Norwich.";
        let mut mentions = Mentions::default();
        for name in ["Leicester", "Birmingham", "Italy", "Norwich", "Bristol"] {
            for (offset, _) in body.match_indices(name) {
                mentions.push(body_mention(name, Location, offset));
            }
        }
        with_body(body, |article| {
            make_teams_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(Organization),
            vec!["Leicester", "Birmingham"]
        );
        assert_eq!(
            mentions.values(Location),
            vec!["Italy", "Norwich", "Bristol"],
            "a country is its national team; figures in a sentence are no result"
        );
        let gazetteer = Gazetteer::get();
        assert!(is_city_club(gazetteer, "Norwich City"));
        for place in [
            "Kansas City",
            "Mexico City",
            "Quebec City",
            "Oklahoma City",
            "City",
        ] {
            assert!(!is_city_club(gazetteer, place), "{place}");
        }
        assert!(is_results_line("Bristol City 2 Wrexham 1 (halftime 1-0)"));
        assert!(!is_results_line("Bristol 2 Wrexham"));
        assert!(!is_results_line("Brentford3 Wrexham 1"));
    }

    #[test]
    fn a_city_alone_is_its_team_in_a_report_of_games() {
        use MentionKind::*;
        let body = "The Athletics blanked the Boston Red Sox 7-0.\n\
                    The loss was Boston's seventh. In Boston, fans left.\n\
                    The New York Times said New York was quiet.";
        let mut mentions = Mentions::default();
        for (name, kind) in [
            ("Boston Red Sox", Organization),
            ("New York Times", Organization),
            ("Boston", Location),
            ("New York", Location),
        ] {
            for (offset, _) in body.match_indices(name) {
                let after = &body[offset + name.len()..];
                if kind == Location && (after.starts_with(" Red") || after.starts_with(" Times")) {
                    continue;
                }
                mentions.push(body_mention(name, kind, offset));
            }
        }
        // The dateline's `BOSTON`, where the story was filed.
        let mut dateline = body_mention("BOSTON", Location, 0);
        dateline.field = Field::Dateline;
        dateline.value = "Boston".to_string();
        mentions.push(dateline);
        with_body(body, |article| {
            make_team_short_forms_organizations(&mut mentions, article)
        });
        let kinds = values_and_kinds(&mentions);
        assert_eq!(
            kinds,
            vec![
                ("Boston Red Sox", Organization),
                ("New York Times", Organization),
                ("Boston", Organization),
                ("Boston", Location),
                ("New York", Location),
                ("Boston", Location),
            ],
            "after `in` the city is where the game was, and in the dateline where the \
             story was filed; a newspaper is no team"
        );
        assert_eq!(
            team_city(Gazetteer::get(), "Colorado Rockies"),
            Some("Colorado")
        );
        assert_eq!(
            team_city(Gazetteer::get(), "Kansas City Royals"),
            Some("Kansas City")
        );
        assert_eq!(team_city(Gazetteer::get(), "China Airlines"), None);
        assert_eq!(team_city(Gazetteer::get(), "Texas Instruments"), None);
        assert_eq!(club_city(Gazetteer::get(), "Real Madrid"), Some("Madrid"));
        assert_eq!(club_city(Gazetteer::get(), "Real Estate"), None);
        // A club's word names the sport: no score is needed.
        let body = "Real Madrid want him. I love the way Madrid play. He lives in \
                    Madrid. Two behind the Madrid club.";
        let mut mentions = Mentions::default();
        mentions.push(body_mention("Real Madrid", Organization, 0));
        for (offset, _) in body.match_indices("Madrid").skip(1) {
            mentions.push(body_mention("Madrid", Location, offset));
        }
        with_body(body, |article| {
            make_team_short_forms_organizations(&mut mentions, article)
        });
        let kinds: Vec<MentionKind> = mentions.list.iter().map(|mention| mention.kind).collect();
        assert_eq!(
            kinds,
            vec![Organization, Organization, Location, Location],
            "not after `in`, nor before `club`"
        );
        assert!(has_score("beat them 75-19 at home"));
        assert!(!has_score("rose 3.5-4 pct in 1986-87"));
    }

    #[test]
    fn a_report_on_sport_gives_a_score_or_a_word_of_games() {
        assert!(has_score("7-0"));
        assert!(has_score("won (2-1), then 3-3."));
        assert!(!has_score("a 7-0-1 record and a 10-year note, 3-3.5 pct"));
        assert!(!has_score("Route 1-A"));
        assert!(is_about_sport("BASEBALL - MAJOR LEAGUE STANDINGS"));
        assert!(is_about_sport("the half-time whistle"));
        assert!(is_about_sport("Ça ira: the squad"));
        assert!(is_about_sport("the league’s new rules"));
        assert!(!is_about_sport("Tokyo stock prices rose; a cupboard"));
        assert!(!has_score("a £10-15 million deal"));
        assert!(!has_score("to grow to 80-100 million new lines, 20-30 pct"));
        assert!(has_score("a 2-1 win, 3-0 victory"));
        assert!(
            SPORT_WORDS
                .iter()
                .all(|word| SPORT_WORD_LENGTHS.contains(&word.len())),
            "every word of sport is compared"
        );
    }
}
