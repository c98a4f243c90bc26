//! Reads the place of a wire dateline: `TOKYO, March 3 -`,
//! `COMMACK, N.Y., Feb 26 -`, `Scarborough, Ontario, Feb 26 -`.
//!
//! The parts before the date are the place. A state, province or country
//! after the city decides the country (`N.Y.` is the United States, whatever
//! else is called Commack); otherwise the city or country in the first part
//! does, with the meanings the gazetteer gives it.

use super::entities::Zone;
use super::entities::{is_organization_word, title_case};
use super::gazetteer::{Gazetteer, Place, PlaceKind};
use super::mentions::{At, Field, Mention, MentionKind, Source};
use super::vocabulary::is_known_organization;

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
    let mut dated = false;
    for part in dateline.split(',') {
        let part =
            part.trim_matches(|character: char| !character.is_alphanumeric() && character != '.');
        dated = is_date_part(part);
        if part.is_empty() || dated {
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
            if same_country.is_empty() {
                hits.extend(unlisted_city(city));
            } else {
                hits.push(hit(city, same_country));
            }
            hits.push(hit(qualifier, meanings));
            return hits;
        }
    }
    let meanings = gazetteer.lookup(city);
    // A place alone (`TOFTIR`) or before a date is a dateline; `WHEAT -`,
    // a price table's heading, is none.
    let dateline_alone = dated || dateline.trim() == *city;
    if meanings.is_empty() {
        if dateline_alone {
            hits.extend(unlisted_city(city));
        }
    } else {
        hits.push(hit(city, meanings.to_vec()));
    }
    hits
}

/// The most words of a dateline's place that no list knows.
const MAX_UNLISTED_WORDS: usize = 3;

/// A dateline's place that the gazetteer does not know, as a location of
/// its own, written as a name (`FARMINGTON HILLS` → `Farmington Hills`,
/// `HERZLIYA, Israel`, `TOFTIR, Faroe Islands`): what opens a wire
/// dateline is where the story was filed. It decides no country. Only a
/// place in capitals, as wire datelines write it, of letters and at most
/// [`MAX_UNLISTED_WORDS`] words, and no organization's name (`BANK OF
/// ENGLAND`): a dateline field may hold other things. (`UNITED NATIONS`,
/// on no list and with no organization's word, is a location.)
fn unlisted_city(city: &str) -> Option<Mention> {
    let words: Vec<&str> = city.split_whitespace().collect();
    let wire_place = !words.is_empty()
        && words.len() <= MAX_UNLISTED_WORDS
        && !city.contains(char::is_lowercase)
        && words.iter().all(|word| {
            word.chars().any(char::is_alphabetic)
                && word
                    .chars()
                    .all(|character| character.is_alphabetic() || "-'.".contains(character))
        });
    // Each part of a hyphenated word is a name (`URUS-MARTAN` →
    // `Urus-Martan`).
    let name = words
        .iter()
        .map(|word| {
            word.split('-')
                .map(title_case)
                .collect::<Vec<String>>()
                .join("-")
        })
        .collect::<Vec<String>>()
        .join(" ");
    let organization = is_known_organization(&name) || name.split(' ').any(is_organization_word);
    if !wire_place || organization {
        return None;
    }
    let at = At {
        zone: Zone::Dateline,
        field: Field::Dateline,
        offset: 0,
    };
    let mut mention = Mention::new(city, MentionKind::Location, at, Source::Dateline);
    mention.value = name;
    Some(mention)
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
    fn a_place_no_list_knows_is_a_location_deciding_no_country() {
        let place = |dateline: &str| {
            dateline_places(dateline)
                .into_iter()
                .map(|hit| (hit.kind, hit.value, hit.meanings.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            place("FARMINGTON HILLS, Mich."),
            vec![
                (MentionKind::Location, "Farmington Hills".to_string(), 0),
                (MentionKind::Place, "Mich.".to_string(), 1)
            ]
        );
        assert_eq!(
            place("TOFTIR"),
            vec![(MentionKind::Location, "Toftir".to_string(), 0)]
        );
        assert_eq!(
            place("URUS-MARTAN, Russia"),
            vec![
                (MentionKind::Location, "Urus-Martan".to_string(), 0),
                (MentionKind::Place, "Russia".to_string(), 1)
            ]
        );
        assert_eq!(
            place("TOFTIR, Aug 31 -"),
            vec![(MentionKind::Location, "Toftir".to_string(), 0)]
        );
        for other in [
            "By John Smith",
            "STAFF WRITERS AT THE DESK",
            "A1 2B",
            "BANK OF ENGLAND",
            "WHEAT -",
        ] {
            assert!(
                place(other)
                    .iter()
                    .all(|(kind, _, _)| *kind != MentionKind::Location),
                "{other}: {:?}",
                place(other)
            );
        }
    }

    #[test]
    fn a_state_or_province_decides_the_country() {
        assert_eq!(
            codes("COMMACK, N.Y., Feb 26 -"),
            vec![("COMMACK".to_string(), ""), ("N.Y.".to_string(), "US")]
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
