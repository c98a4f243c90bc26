//! Events, awards and contests, which the tagger reads as persons,
//! organizations or places when their names look like them (`Super Bowl`,
//! `Academy Awards`, `World Cup`, `Hong Kong Open`, `Gulf War`,
//! `Champions League`, `Premiership`): names of
//! another kind, which no facet of persons, organizations or places
//! counts.

use super::super::mentions::{MentionKind, Mentions};
use super::super::vocabulary::{EVENT_ENDINGS, EVENT_NAMES};

/// Drops the persons, organizations and locations whose value names an
/// event, an award or a contest.
pub fn drop_events(mentions: &mut Mentions) {
    mentions.drop_where(
        "events",
        "an event, an award or a contest: no person, organization or place",
        |mention| {
            matches!(
                mention.kind,
                MentionKind::Person | MentionKind::Organization | MentionKind::Location
            ) && names_an_event(&mention.value)
        },
    );
}

/// Whether a name is an event's, an award's or a contest's: one the list
/// knows (`Oscars`, `Golden Globe`), or two words or more ending in a word
/// that ends such names (`World Cup`, `Golden Globe Awards`, `U.S. Open`).
pub fn names_an_event(name: &str) -> bool {
    if EVENT_NAMES.contains(name) {
        return true;
    }
    match name.rsplit_once(' ') {
        Some((_, last)) => EVENT_ENDINGS.contains(last),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::mentions_of;
    use super::*;

    #[test]
    fn events_awards_and_contests_are_no_names_of_the_facets() {
        for event in [
            "Super Bowl",
            "Academy Awards",
            "Golden Globe",
            "World Cup",
            "Hong Kong Open",
            "Gulf War",
            "Oscars",
            "Olympic Games",
            "Champions League",
            "Premiership",
            "IAAF Grand Prix Final",
            "NBA Finals",
            "Easter Rising",
            "General Election",
            "Grammy",
        ] {
            assert!(names_an_event(event), "{event}");
        }
        for name in [
            "Boston Globe",
            "Open University",
            "Cup",
            "Globe",
            "War Office",
            "Bowl",
            "Derby",
            "Football League",
        ] {
            assert!(!names_an_event(name), "{name}");
        }
    }

    #[test]
    fn an_event_read_as_an_organization_a_place_or_a_person_is_dropped() {
        let mut mentions = mentions_of(&[
            ("Academy Awards", MentionKind::Organization),
            ("Pro Bowl", MentionKind::Person),
            ("Gulf War", MentionKind::Location),
            ("Walt Disney Co", MentionKind::Organization),
            ("Hollywood", MentionKind::Location),
        ]);
        drop_events(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Walt Disney Co"]
        );
        assert_eq!(mentions.values(MentionKind::Location), vec!["Hollywood"]);
        assert!(mentions.values(MentionKind::Person).is_empty());
    }
}
