//! Decides which countries an article mentions and which it is about, from
//! the place words [`super::entities`] found, and resolves the `--country`
//! values users type.
//!
//! Each place word is first given one meaning: among its possible meanings,
//! those in a country the article names unambiguously elsewhere win, so
//! `Georgia` beside `Atlanta` is the state and otherwise the country, and
//! `Birmingham` beside `Alabama` is the American city and otherwise the
//! larger English one. Evidence then scores its country:
//!
//! | where | points |
//! |---|---|
//! | dateline | 3 |
//! | headline | 2 |
//! | first two sentences of the body | 2 |
//! | elsewhere in the body | 1 |
//!
//! Every country with evidence is *mentioned*. An article is *about* the
//! countries of its dateline and headline, and the countries named only in
//! the body that score at least 3 points (a lead mention and another, or
//! three mentions) and at least a third of the best country's points, or a
//! half when the headline names countries (its countries are then the
//! subject, and others must be nearly as present to join them). When no
//! country qualifies, the best-scoring one is taken. Currencies (`U.S.
//! dollar`, `Swiss francs`) are not evidence.

use std::collections::{BTreeMap, HashSet};

use super::entities::Zone;
use super::gazetteer::{self, Gazetteer, Place, PlaceKind};
use super::mentions::{MentionKind, Mentions};

/// A place word as the country decision reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceHit<'a> {
    /// The word as written.
    pub word: &'a str,
    /// Its possible meanings.
    pub meanings: &'a [Place],
    /// Where it stands.
    pub zone: Zone,
}

/// What the country decision produces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Countries {
    /// Codes of the countries the article is about, strongest first.
    pub about: Vec<String>,
    /// Codes of every country referred to, strongest first.
    pub mentioned: Vec<String>,
    /// For each code, the words that led to it, in order of appearance.
    pub evidence: BTreeMap<String, Vec<String>>,
    /// For each place word, in order, the city or state it names, if any.
    pub named: Vec<Option<&'static str>>,
}

impl Countries {
    /// The cities and states named, by canonical name, each once, in order
    /// of appearance.
    pub fn places(&self) -> Vec<&'static str> {
        let mut places: Vec<&'static str> = Vec::new();
        for name in self.named.iter().flatten() {
            if !places.contains(name) {
                places.push(name);
            }
        }
        places
    }
}

/// Decides the countries of an article from its kept place words, and
/// makes each place word that names a city or a state a location under the
/// city's or state's name (resolver `countries`).
pub fn resolve_places(mentions: &mut Mentions) -> Countries {
    let mut indices = Vec::new();
    let mut hits = Vec::new();
    for (index, mention) in mentions.list.iter().enumerate() {
        if mention.is_kept_as(MentionKind::Place) {
            indices.push(index);
            hits.push(PlaceHit {
                word: &mention.text,
                meanings: &mention.meanings,
                zone: mention.zone,
            });
        }
    }
    let decided = decide(&hits);
    let explain = mentions.explain;
    for (index, named) in indices.into_iter().zip(&decided.named) {
        if let Some(name) = named {
            let mention = &mut mentions.list[index];
            if explain {
                let word = &mention.text;
                let what = format!("place word {word:?} → location {name:?}: a city or a state");
                mention.log_change(true, "countries", || what);
            }
            mention.kind = MentionKind::Location;
            mention.value = name.to_string();
        }
    }
    decided
}

/// The evidence gathered for one country.
struct Score {
    code: String,
    points: u32,
    /// The order of its first piece of evidence, to break ties.
    first: usize,
    in_dateline: bool,
    in_title: bool,
}

/// The fewest points that make a country named only in the body salient.
const MIN_POINTS: u32 = 3;

/// A body-only country is salient with at least 1/`share` of the best
/// country's points: a half when the headline names countries (they are the
/// subject), a third when it names none.
const TITLED_SHARE: u32 = 2;
const UNTITLED_SHARE: u32 = 3;

/// Points a piece of evidence earns in each zone.
fn points(zone: Zone) -> u32 {
    match zone {
        Zone::Dateline => 3,
        Zone::Title | Zone::Lead => 2,
        Zone::Body => 1,
        Zone::Aside => 0,
    }
}

/// Decides the countries of an article from its place words.
pub fn decide(hits: &[PlaceHit]) -> Countries {
    let supported = unambiguous_countries(hits);
    let mut scores: Vec<Score> = Vec::new();
    let mut decided = Countries::default();
    for (order, hit) in hits.iter().enumerate() {
        let Some(place) = choose_meaning(hit.meanings, &supported) else {
            decided.named.push(None);
            continue;
        };
        let code = place.code.to_string();
        let index = match scores.iter().position(|score| score.code == code) {
            Some(index) => index,
            None => {
                scores.push(Score {
                    code: code.clone(),
                    points: 0,
                    first: order,
                    in_dateline: false,
                    in_title: false,
                });
                scores.len() - 1
            }
        };
        scores[index].points += points(hit.zone);
        scores[index].in_dateline |= hit.zone == Zone::Dateline;
        scores[index].in_title |= hit.zone == Zone::Title;
        let words = decided.evidence.entry(code).or_default();
        if !words.iter().any(|word| word == hit.word) {
            words.push(hit.word.to_string());
        }
        let is_named_place = matches!(place.kind, PlaceKind::City | PlaceKind::UsState);
        decided.named.push(is_named_place.then_some(place.name));
    }
    scores.sort_by(|a, b| b.points.cmp(&a.points).then(a.first.cmp(&b.first)));
    let best = scores.first().map_or(0, |score| score.points);
    let titled = scores.iter().any(|score| score.in_title);
    let share = if titled { TITLED_SHARE } else { UNTITLED_SHARE };
    for score in &scores {
        let salient = score.points >= MIN_POINTS && score.points * share >= best;
        if score.in_dateline || score.in_title || salient {
            decided.about.push(score.code.clone());
        }
        decided.mentioned.push(score.code.clone());
    }
    if decided.about.is_empty()
        && let Some(score) = scores.first()
    {
        decided.about.push(score.code.clone());
    }
    decided
}

/// How many times smaller than its largest namesake a city in a country the
/// article names may be and still win: `Birmingham` beside `Alabama` is the
/// American city, but `London` beside `Canadian` is still London, England.
const MAX_POPULATION_RATIO: u64 = 10;

/// Returns the codes of the countries some place word names without
/// ambiguity (`Russia`, `Calif.`, a city no other country has).
fn unambiguous_countries(hits: &[PlaceHit]) -> HashSet<&'static str> {
    let mut codes = HashSet::new();
    for hit in hits {
        let Some(first) = hit.meanings.first() else {
            continue;
        };
        if hit.meanings.iter().all(|place| place.code == first.code) {
            codes.insert(first.code);
        }
    }
    codes
}

/// Picks the meaning of a place word. A dateline region decides; otherwise
/// meanings in a country the article names elsewhere are preferred
/// (`Georgia` beside `Atlanta` is the state, `Birmingham` beside `Alabama`
/// the American city) unless a namesake is more than ten times larger;
/// among those, a country name or demonym, then a US
/// state, then a capital, then the most populous city.
fn choose_meaning<'a>(
    meanings: &'a [Place],
    supported: &HashSet<&'static str>,
) -> Option<&'a Place> {
    if let Some(region) = meanings
        .iter()
        .find(|place| place.kind == PlaceKind::Region)
    {
        return Some(region);
    }
    let largest = meanings
        .iter()
        .map(|place| place.population)
        .max()
        .unwrap_or(0);
    let in_context: Vec<&Place> = meanings
        .iter()
        .filter(|place| {
            supported.contains(place.code) && place.population * MAX_POPULATION_RATIO >= largest
        })
        .collect();
    let candidates: Vec<&Place> = if in_context.is_empty() {
        meanings.iter().collect()
    } else {
        in_context
    };
    let rank = |place: &&Place| match place.kind {
        PlaceKind::Country | PlaceKind::Demonym => (3, false, 0),
        PlaceKind::UsState | PlaceKind::Region => (2, false, 0),
        PlaceKind::City => (1, place.capital, place.population),
    };
    candidates.into_iter().max_by_key(rank)
}

/// Resolves what a user typed for `--country` into an ISO code: a code in
/// any case (`RU`, `ru`), or a name, alias or demonym (`Russia`, `U.S.`,
/// and `UK`, two letters that are an alias rather than a code). A code is
/// checked without loading the whole gazetteer, so a query with
/// `--country JP` starts as fast as one without.
pub fn resolve_country(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.len() == 2
        && trimmed
            .chars()
            .all(|character| character.is_ascii_alphabetic())
    {
        let code = trimmed.to_ascii_uppercase();
        if gazetteer::is_country_code(&code) {
            return Some(code);
        }
    }
    Gazetteer::get()
        .lookup(trimmed)
        .iter()
        .find(|place| matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym))
        .map(|place| place.code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(word: &str, zone: Zone) -> PlaceHit<'_> {
        PlaceHit {
            word,
            meanings: Gazetteer::get().lookup(word),
            zone,
        }
    }

    #[test]
    fn every_country_with_evidence_is_mentioned() {
        let decided = decide(&[hit("Russia", Zone::Body), hit("Brazil", Zone::Body)]);
        assert_eq!(decided.mentioned, vec!["RU", "BR"]);
        assert_eq!(
            decided.about,
            vec!["RU"],
            "none reaches two points: the first best is taken"
        );
    }

    #[test]
    fn the_dateline_and_headline_countries_are_about() {
        let decided = decide(&[
            hit("Tokyo", Zone::Dateline),
            hit("Russian", Zone::Title),
            hit("China", Zone::Body),
            hit("China", Zone::Body),
            hit("Iran", Zone::Body),
        ]);
        assert_eq!(
            decided.about,
            vec!["JP", "RU"],
            "two body mentions are not enough"
        );
        assert_eq!(decided.mentioned, vec!["JP", "RU", "CN", "IR"]);
        assert_eq!(decided.places(), vec!["Tokyo"]);
    }

    #[test]
    fn body_countries_need_three_points_and_a_share_of_the_best() {
        let lead_and_body = decide(&[
            hit("Chile", Zone::Lead),
            hit("Chile", Zone::Body),
            hit("Peru", Zone::Body),
        ]);
        assert_eq!(lead_and_body.about, vec!["CL"]);
        let mut untitled = vec![
            hit("Japan", Zone::Lead),
            hit("Japan", Zone::Lead),
            hit("Japan", Zone::Lead),
        ];
        untitled.extend([
            hit("Japan", Zone::Body),
            hit("Korea", Zone::Body),
            hit("Korea", Zone::Body),
            hit("Korea", Zone::Body),
        ]);
        assert_eq!(
            decide(&untitled).about,
            vec!["JP", "KR"],
            "3 of 7 points is more than a third"
        );
        untitled.push(hit("Chile", Zone::Title));
        assert_eq!(
            decide(&untitled).about,
            vec!["JP", "CL"],
            "with a country in the headline a half is needed"
        );
    }

    #[test]
    fn a_dominant_country_keeps_minor_ones_out_of_about() {
        let mut hits = vec![
            hit("Russia", Zone::Title),
            hit("Ukraine", Zone::Body),
            hit("Ukraine", Zone::Body),
        ];
        hits.extend((0..4).map(|_| hit("Russian", Zone::Body)));
        let decided = decide(&hits);
        assert_eq!(decided.about, vec!["RU"]);
        assert_eq!(decided.evidence["RU"], vec!["Russia", "Russian"]);
    }

    #[test]
    fn georgia_is_the_state_only_beside_us_evidence() {
        assert_eq!(decide(&[hit("Georgia", Zone::Body)]).mentioned, vec!["GE"]);
        let american = decide(&[hit("Atlanta", Zone::Body), hit("Georgia", Zone::Body)]);
        assert_eq!(american.mentioned, vec!["US"]);
        assert_eq!(american.places(), vec!["Atlanta", "Georgia"]);
    }

    #[test]
    fn an_ambiguous_city_follows_the_other_evidence() {
        assert_eq!(
            decide(&[hit("Birmingham", Zone::Dateline)]).mentioned,
            vec!["GB"]
        );
        let american = decide(&[
            hit("Birmingham", Zone::Dateline),
            hit("Alabama", Zone::Body),
        ]);
        assert_eq!(american.mentioned, vec!["US"]);
        let english = decide(&[hit("London", Zone::Dateline), hit("Canadian", Zone::Body)]);
        assert_eq!(
            english.about,
            vec!["GB"],
            "London, Ontario is twenty times smaller"
        );
    }

    #[test]
    fn a_place_qualifying_a_name_is_only_mentioned() {
        let decided = decide(&[
            hit("London", Zone::Aside),
            hit("London", Zone::Aside),
            hit("London", Zone::Aside),
            hit("Brazil", Zone::Lead),
        ]);
        assert_eq!(decided.about, vec!["BR"]);
        assert_eq!(decided.mentioned, vec!["BR", "GB"]);
    }

    #[test]
    fn resolves_what_users_type() {
        assert_eq!(resolve_country("RU").as_deref(), Some("RU"));
        assert_eq!(resolve_country("ru").as_deref(), Some("RU"));
        assert_eq!(resolve_country("Russia").as_deref(), Some("RU"));
        assert_eq!(resolve_country("russian").as_deref(), Some("RU"));
        assert_eq!(resolve_country("United States").as_deref(), Some("US"));
        assert_eq!(
            resolve_country("UK").as_deref(),
            Some("GB"),
            "an alias, not a code"
        );
        assert_eq!(resolve_country("XX"), None);
        assert_eq!(resolve_country("Atlantis"), None);
    }
}
