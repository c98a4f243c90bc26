//! Events, awards and contests, which the tagger reads as persons,
//! organizations or places when their names look like them (`Super Bowl`,
//! `Academy Awards`, `World Cup`, `Hong Kong Open`, `Gulf War`,
//! `Champions League`, `Premiership`, `Bafta` of `the Bafta award`): names of
//! another kind, which no facet of persons, organizations or places
//! counts.

use super::super::mentions::{Mention, MentionKind, Mentions};
use super::super::tagger::features::CueWords;
use super::super::vocabulary::{EVENT_ENDINGS, EVENT_NAMES};
use super::{ArticleText, drop_cued_values, is_listed};

/// Words after an award's name, lowercase (`the Bafta award ceremony`,
/// `the Brits winners`, `the Turner prize`).
const AWARD_NOUNS: [&str; 8] = [
    "award",
    "awards",
    "prize",
    "prizes",
    "ceremony",
    "winners",
    "nominations",
    "nominees",
];

/// Drops the persons, organizations and locations whose value names an
/// event, an award or a contest, and the persons and places no list knows
/// that the article writes before a word for an award (`the Bafta award
/// ceremony`, `the Brits winners`): an organization there is the body
/// that gives it, and stays.
pub fn drop_events(mentions: &mut Mentions, article: ArticleText) {
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
    static CUES: CueWords = CueWords::new(&[&AWARD_NOUNS]);
    // Any reading of the name says so (`Brits winners` read as another
    // kind of name, `The Brits has` as a place).
    let cued = |mention: &Mention| {
        mention.is_kept()
            && !mention.value.contains(' ')
            && article.writes_before(mention, &AWARD_NOUNS)
            && !is_listed(mention)
    };
    let person_or_place =
        |mention: &Mention| matches!(mention.kind, MentionKind::Person | MentionKind::Location);
    let why = "written before a word for an award (`the Bafta award ceremony`): the award's name";
    drop_cued_values(
        mentions,
        article,
        &CUES,
        cued,
        person_or_place,
        ("events", why),
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
    use super::super::testing::{body_mention, mentions_of, mentions_of_kinds, with_body};
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
            "Championship",
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
        with_body("", |article| drop_events(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Walt Disney Co"]
        );
        assert_eq!(mentions.values(MentionKind::Location), vec!["Hollywood"]);
        assert!(mentions.values(MentionKind::Person).is_empty());
    }

    #[test]
    fn a_name_before_a_word_for_an_award_is_the_awards() {
        use MentionKind::*;
        let body = "Stars met at the Bafta award ceremony, Bafta said. The Brits \
                    winners sang in London, as Mercury prize nominees and Nicole \
                    Kidman did.";
        let mut mentions = mentions_of_kinds(
            body,
            &[
                ("Bafta", Location),
                ("Brits", Misc),
                ("London", Location),
                ("Mercury", Person),
                ("Nicole Kidman", Person),
            ],
        );
        let at = body.find("Bafta said").unwrap();
        mentions.push(body_mention("Bafta", Organization, at));
        let at = body.find("Brits").unwrap();
        mentions.push(body_mention("Brits", Location, at));
        with_body(body, |article| drop_events(&mut mentions, article));
        assert_eq!(mentions.values(Location), vec!["London"]);
        assert_eq!(mentions.values(Organization), vec!["Bafta"], "the academy");
        assert_eq!(mentions.values(Person), vec!["Nicole Kidman"]);
    }
}
