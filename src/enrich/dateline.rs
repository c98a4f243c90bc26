//! Reads the place of a wire dateline: `TOKYO, March 3 -`,
//! `COMMACK, N.Y., Feb 26 -`, `Scarborough, Ontario, Feb 26 -`.
//!
//! The parts before the date are the place. A state, province or country
//! after the city decides the country (`N.Y.` is the United States, whatever
//! else is called Commack); otherwise the city or country in the first part
//! does, with the meanings the gazetteer gives it.

use super::entities::Zone;
use super::gazetteer::{Gazetteer, Place, PlaceKind};
use super::mentions::{At, Field, Mention, Source};

/// Month names and abbreviations that open the date part of a dateline.
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Returns the place words of a dateline, as evidence in the dateline zone.
pub fn dateline_places(dateline: &str) -> Vec<Mention> {
    let gazetteer = Gazetteer::get();
    let mut parts: Vec<&str> = Vec::new();
    for part in dateline.split(',') {
        let part =
            part.trim_matches(|character: char| !character.is_alphanumeric() && character != '.');
        if part.is_empty() || is_date_part(part) {
            break;
        }
        parts.push(part);
    }
    let Some((city, qualifiers)) = parts.split_first() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for qualifier in qualifiers {
        let countries: Vec<Place> = gazetteer
            .lookup(qualifier)
            .iter()
            .filter(|place| place.kind == PlaceKind::Country)
            .cloned()
            .collect();
        let meanings = match gazetteer.region(qualifier) {
            Some(region) => vec![region.clone()],
            None => countries,
        };
        if let Some(code) = meanings.first().map(|place| place.code) {
            let same_country: Vec<Place> = gazetteer
                .lookup(city)
                .iter()
                .filter(|place| place.code == code && place.kind == PlaceKind::City)
                .cloned()
                .collect();
            if !same_country.is_empty() {
                hits.push(hit(city, same_country));
            }
            hits.push(hit(qualifier, meanings));
            return hits;
        }
    }
    let meanings = gazetteer.lookup(city);
    if !meanings.is_empty() {
        hits.push(hit(city, meanings.to_vec()));
    }
    hits
}

fn hit(word: &str, meanings: Vec<Place>) -> Mention {
    let at = At {
        zone: Zone::Dateline,
        field: Field::Dateline,
        offset: 0,
    };
    Mention::place(word, meanings, at, Source::Dateline)
}

/// Whether a dateline part is the date (`Feb 26 -`, `March 3`).
fn is_date_part(part: &str) -> bool {
    let first_word = part
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    MONTHS.contains(&first_word.as_str())
        || part
            .chars()
            .next()
            .is_some_and(|character| character.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(dateline: &str) -> Vec<(String, &'static str)> {
        dateline_places(dateline)
            .into_iter()
            .map(|hit| {
                (
                    hit.text,
                    hit.meanings.first().map_or("", |place| place.code),
                )
            })
            .collect()
    }

    #[test]
    fn a_city_alone_is_looked_up() {
        assert_eq!(codes("TOKYO, March 3 -"), vec![("TOKYO".to_string(), "JP")]);
        assert!(codes("Feb 26 -").is_empty());
        assert_eq!(
            codes("****NEW YORK, March 25 -"),
            vec![("NEW YORK".to_string(), "US")]
        );
        assert!(codes("").is_empty());
    }

    #[test]
    fn a_state_or_province_decides_the_country() {
        assert_eq!(
            codes("COMMACK, N.Y., Feb 26 -"),
            vec![("N.Y.".to_string(), "US")]
        );
        assert_eq!(
            codes("SAN JOSE, Calif., Feb 26 -").last().unwrap(),
            &("Calif.".to_string(), "US")
        );
        assert_eq!(
            codes("Scarborough, Ontario, Feb 26 -"),
            vec![("Ontario".to_string(), "CA")]
        );
        assert_eq!(
            codes("Hamburg, West Germany, March 2 -").last().unwrap().1,
            "DE"
        );
    }

    #[test]
    fn the_city_is_kept_when_it_is_in_that_country() {
        let hits = codes("SAN JOSE, Calif., Feb 26 -");
        assert_eq!(hits[0], ("SAN JOSE".to_string(), "US"));
    }
}
