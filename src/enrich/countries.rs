//! Decides which countries an article mentions and which it is about, from
//! the place words [`super::entities`] found, and resolves the `--country`
//! values users type.
//!
//! Each place word is first given one meaning: a name shared by a US state
//! and a country (`Georgia`) is the state when the article has other US
//! evidence, else the country; a city name shared by several countries is
//! the most populous city. Evidence then scores its country:
//!
//! | where | points |
//! |---|---|
//! | dateline | 3 |
//! | headline | 2 |
//! | first two sentences of the body | 2 |
//! | elsewhere in the body | 1 |
//!
//! Every country with evidence is *mentioned*. An article is *about* the
//! countries scoring at least 2 points and at least half the points of the
//! best-scoring country, so a country in the dateline, headline or lead, or
//! named twice, counts unless others dominate; when none reaches 2 points,
//! the best-scoring one is taken.

use std::collections::BTreeMap;

use super::entities::{PlaceHit, Zone};
use super::gazetteer::{Gazetteer, Place, PlaceKind};

/// What the country decision produces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Countries {
    /// Codes of the countries the article is about, strongest first.
    pub about: Vec<String>,
    /// Codes of every country referred to, strongest first.
    pub mentioned: Vec<String>,
    /// For each code, the words that led to it, in order of appearance.
    pub evidence: BTreeMap<String, Vec<String>>,
    /// Cities and states named, by canonical name, in order of appearance.
    pub places: Vec<String>,
}

/// Points a piece of evidence earns in each zone.
fn points(zone: Zone) -> u32 {
    match zone {
        Zone::Dateline => 3,
        Zone::Title | Zone::Lead => 2,
        Zone::Body => 1,
    }
}

/// Decides the countries of an article from its place words.
pub fn decide(hits: &[PlaceHit]) -> Countries {
    let has_us_evidence = hits
        .iter()
        .any(|hit| hit.meanings.iter().all(|place| place.code == "US") && !hit.meanings.is_empty());
    let mut scores: Vec<(String, u32, usize)> = Vec::new();
    let mut decided = Countries::default();
    for (order, hit) in hits.iter().enumerate() {
        let Some(place) = choose_meaning(&hit.meanings, has_us_evidence) else {
            continue;
        };
        let code = place.code.to_string();
        match scores.iter_mut().find(|(known, _, _)| *known == code) {
            Some(entry) => entry.1 += points(hit.zone),
            None => scores.push((code.clone(), points(hit.zone), order)),
        }
        let words = decided.evidence.entry(code).or_default();
        if !words.contains(&hit.word) {
            words.push(hit.word.clone());
        }
        if matches!(place.kind, PlaceKind::City | PlaceKind::UsState)
            && !decided.places.contains(&place.name.to_string())
        {
            decided.places.push(place.name.to_string());
        }
    }
    scores.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let best = scores.first().map_or(0, |(_, score, _)| *score);
    for (code, score, _) in &scores {
        if *score >= 2 && score * 2 >= best {
            decided.about.push(code.clone());
        }
        decided.mentioned.push(code.clone());
    }
    if decided.about.is_empty()
        && let Some((code, _, _)) = scores.first()
    {
        decided.about.push(code.clone());
    }
    decided
}

/// Picks the meaning of a place word: a dateline region, the state or the country for a name
/// they share, else the country name or demonym, else the largest city.
fn choose_meaning(meanings: &[Place], has_us_evidence: bool) -> Option<&Place> {
    if let Some(region) = meanings
        .iter()
        .find(|place| place.kind == PlaceKind::Region)
    {
        return Some(region);
    }
    let state = meanings
        .iter()
        .find(|place| place.kind == PlaceKind::UsState);
    let country = meanings
        .iter()
        .find(|place| matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym));
    match (state, country) {
        (Some(state), Some(_)) if has_us_evidence => return Some(state),
        (_, Some(country)) => return Some(country),
        (Some(state), None) => return Some(state),
        (None, None) => {}
    }
    meanings
        .iter()
        .filter(|place| place.kind == PlaceKind::City)
        .max_by_key(|place| (place.capital, place.population))
}

/// Resolves what a user typed for `--country` into an ISO code: a code in
/// any case (`RU`, `ru`), or a name, alias or demonym (`Russia`, `U.S.`).
pub fn resolve_country(text: &str) -> Option<String> {
    let gazetteer = Gazetteer::get();
    let trimmed = text.trim();
    if trimmed.len() == 2
        && trimmed
            .chars()
            .all(|character| character.is_ascii_alphabetic())
    {
        let code = trimmed.to_ascii_uppercase();
        return gazetteer.country_name(&code).map(|_| code);
    }
    gazetteer
        .lookup(trimmed)
        .iter()
        .find(|place| matches!(place.kind, PlaceKind::Country | PlaceKind::Demonym))
        .map(|place| place.code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(word: &str, zone: Zone) -> PlaceHit {
        PlaceHit {
            word: word.to_string(),
            meanings: Gazetteer::get().lookup(word).to_vec(),
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
    fn dateline_headline_lead_and_repetition_make_about() {
        let decided = decide(&[
            hit("Tokyo", Zone::Dateline),
            hit("Russian", Zone::Title),
            hit("China", Zone::Body),
            hit("China", Zone::Body),
            hit("Iran", Zone::Body),
        ]);
        assert_eq!(decided.about, vec!["JP", "RU", "CN"]);
        assert_eq!(decided.mentioned, vec!["JP", "RU", "CN", "IR"]);
        assert_eq!(decided.places, vec!["Tokyo"]);
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
        assert_eq!(american.places, vec!["Atlanta", "Georgia"]);
    }

    #[test]
    fn resolves_what_users_type() {
        assert_eq!(resolve_country("RU").as_deref(), Some("RU"));
        assert_eq!(resolve_country("ru").as_deref(), Some("RU"));
        assert_eq!(resolve_country("Russia").as_deref(), Some("RU"));
        assert_eq!(resolve_country("russian").as_deref(), Some("RU"));
        assert_eq!(resolve_country("United States").as_deref(), Some("US"));
        assert_eq!(resolve_country("XX"), None);
        assert_eq!(resolve_country("Atlantis"), None);
    }
}
