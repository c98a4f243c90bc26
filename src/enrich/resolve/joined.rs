//! Two names joined by `and`: a span the tagger or a rule read as one name
//! (`IBM and Toshiba`, `London and New York`, `Gloria Estefan and Phil
//! Collins`) is two names when each side is a name on its own: the
//! article writes it alone, a list knows it (a known organization, a
//! place), or it is a person's full name (a given name and a surname).
//! The last two organizations of a list are two when one of them is a
//! name alone (`Chelsea, Everton and Arsenal`, `Arsenal` written alone).
//! A name of which one side is no name alone stays whole (`Securities and
//! Exchange Commission`, `Merrill Lynch and Co`, `Marks and Spencer`), and
//! so does a place the gazetteer knows whole (`Trinidad and Tobago`).

use rustc_hash::FxHashMap as HashMap;

use super::super::gazetteer::Gazetteer;
use super::super::mentions::{Field, MentionKind, Mentions};
use super::super::vocabulary::{COMPANY_ENDINGS, ORGANIZATION_ENDINGS, is_known_organization};
use super::ArticleText;

const NAME: &str = "two names";

/// The word between the two names.
const JOIN: &str = " and ";

/// Splits each kept name made of two names joined by `and` into the two
/// (see the module header).
pub fn split_joined_names(mentions: &mut Mentions, article: ArticleText) {
    let joined: Vec<bool> = mentions
        .list
        .iter()
        .map(|mention| is_joined(&mention.text))
        .collect();
    if !joined.contains(&true) {
        return;
    }
    let gazetteer = Gazetteer::get();
    // Where each text is written, and the kind it was read as there.
    let mut written: HashMap<String, Vec<Written>> = HashMap::default();
    for (mention, &joined) in mentions.list.iter().zip(&joined) {
        if !joined {
            written
                .entry(mention.text.clone())
                .or_default()
                .push(Written {
                    field: mention.field,
                    span: mention.offset..mention.offset + mention.text.len(),
                    kind: match mention.kind {
                        MentionKind::Place => MentionKind::Location,
                        kind => kind,
                    },
                });
        }
    }
    let explain = mentions.explain;
    let mut seconds = Vec::new();
    for (mention, &joined) in mentions.list.iter_mut().zip(&joined) {
        let joined = joined
            && mention.is_kept()
            && mention.kind != MentionKind::Place
            && mention.text == mention.value;
        if !joined || !gazetteer.lookup(&mention.text).is_empty() {
            continue;
        }
        let Some((first, second)) = mention.text.split_once(JOIN) else {
            continue;
        };
        // `Johnson and Johnson` is one name.
        if first == second {
            continue;
        }
        let span = mention.offset..mention.offset + mention.text.len();
        // Written alone: outside this name, and not joined there to the
        // other side again (`Standard and Poor's` written twice).
        let elsewhere = |part: &str, other: &str| {
            written.get(part).and_then(|places| {
                places
                    .iter()
                    .find(|place| {
                        let outside = place.field != mention.field
                            || place.span.end <= span.start
                            || place.span.start >= span.end;
                        let text = article.text_of(place.field).unwrap_or("");
                        let before = text.get(..place.span.start).unwrap_or("");
                        let after = text.get(place.span.end..).unwrap_or("");
                        let joined_again = after
                            .strip_prefix(JOIN)
                            .is_some_and(|rest| rest.starts_with(other))
                            || before
                                .strip_suffix(JOIN)
                                .is_some_and(|rest| rest.ends_with(other));
                        outside && !joined_again
                    })
                    .map(|place| place.kind)
            })
        };
        let kind_of = |part: &str, other: &str| alone(part, elsewhere(part, other), gazetteer);
        let (first_kind, second_kind) = (kind_of(first, second), kind_of(second, first));
        // The last two organizations of a list (`Chelsea, Everton and
        // Arsenal`), one of them a name alone and neither a place: both
        // are, organizations as the list is read (`Newcastle and Port
        // Kembla` may be two ports as well as two teams). Lists
        // of other kinds run nationalities together (`U.S., Japanese and
        // European`).
        let listed = || {
            let (before, _) = article.around(mention);
            mention.kind == MentionKind::Organization
                && gazetteer.lookup(first).is_empty()
                && gazetteer.lookup(second).is_empty()
                && before.strip_suffix(", ").is_some_and(|before| {
                    before
                        .rsplit(' ')
                        .next()
                        .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()))
                })
        };
        let (first_kind, second_kind) = match (first_kind, second_kind) {
            (Some(first_kind), Some(second_kind)) => (first_kind, second_kind),
            (Some(_), None) | (None, Some(_)) if listed() => (mention.kind, mention.kind),
            _ => continue,
        };
        let (first, second) = (first.to_string(), second.to_string());
        let mut other = mention.clone();
        other.offset = mention.offset + first.len() + JOIN.len();
        other.kind = second_kind;
        other.text = second.clone();
        other.value = second;
        let whole = std::mem::replace(&mut mention.text, first.clone());
        mention.value = first;
        mention.kind = first_kind;
        if explain {
            for part in [&mut *mention, &mut other] {
                let what = format!(
                    "{whole:?} → {} {:?}: two names joined by `and`, each a name alone",
                    part.kind.name(),
                    part.value
                );
                part.log_change(explain, NAME, || what);
            }
        }
        seconds.push(other);
    }
    for mention in seconds {
        mentions.push(mention);
    }
    mentions.sort_by_position();
}

/// Where a text is written alone, and what it was read as there.
struct Written {
    field: Field,
    span: std::ops::Range<usize>,
    kind: MentionKind,
}

/// Whether a text is two capitalised parts joined by one `and`, neither
/// a list (`Sri Lanka, India and Thailand`) nor a name that ends as
/// companies' and institutions' names do (`Merrill Lynch and Co`, `Food
/// and Drug Administration`).
fn is_joined(text: &str) -> bool {
    // Most names hold no `and`: told by splitting at spaces, which costs
    // less than searching for the joining text.
    if !text.split(' ').any(|word| word == "and") {
        return false;
    }
    let Some((first, second)) = text.split_once(JOIN) else {
        return false;
    };
    let capitalised = |part: &str| part.starts_with(|c: char| c.is_uppercase());
    let last = text.rsplit(' ').next().unwrap_or("");
    capitalised(first)
        && capitalised(second)
        && !second.contains(JOIN)
        && !text.contains(',')
        && !COMPANY_ENDINGS.contains(last)
        && !ORGANIZATION_ENDINGS.contains(last)
}

/// The kind of a part when it is a name on its own: the kind the article
/// reads it as where it writes it alone, an organization a list knows, a
/// person's full name, or a place.
fn alone(
    part: &str,
    written_elsewhere: Option<MentionKind>,
    gazetteer: &Gazetteer,
) -> Option<MentionKind> {
    if written_elsewhere.is_some() {
        return written_elsewhere;
    }
    if is_known_organization(part) {
        return Some(MentionKind::Organization);
    }
    let words: Vec<&str> = part.split(' ').collect();
    let full_name = words.len() >= 2
        && gazetteer.is_given_name(words[0])
        && words
            .iter()
            .all(|word| word.starts_with(|c: char| c.is_uppercase()));
    if full_name {
        return Some(MentionKind::Person);
    }
    (!gazetteer.lookup(part).is_empty()).then_some(MentionKind::Location)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, mentions_in, with_body};
    use super::*;

    fn split(body: &str, names: &[&str], kind: MentionKind) -> Vec<(String, MentionKind, usize)> {
        let mut mentions = mentions_in(body, names, kind);
        with_body(body, |article| split_joined_names(&mut mentions, article));
        mentions
            .list
            .iter()
            .filter(|mention| mention.is_kept())
            .map(|mention| (mention.value.clone(), mention.kind, mention.offset))
            .collect()
    }

    #[test]
    fn two_names_each_a_name_alone_are_two() {
        use MentionKind::*;
        let body = "IBM and Toshiba said so.";
        assert_eq!(
            split(body, &["IBM and Toshiba"], Organization),
            vec![
                ("IBM".to_string(), Organization, 0),
                ("Toshiba".to_string(), Organization, 8)
            ],
            "two known organizations"
        );
        let body = "Flights from London and New York rose.";
        assert_eq!(
            split(body, &["London and New York"], Location),
            vec![
                ("London".to_string(), Location, 13),
                ("New York".to_string(), Location, 24)
            ],
            "two places"
        );
        let body = "Gloria Estefan and Phil Collins sang.";
        assert_eq!(
            split(body, &["Gloria Estefan and Phil Collins"], Organization),
            vec![
                ("Gloria Estefan".to_string(), Person, 0),
                ("Phil Collins".to_string(), Person, 19)
            ],
            "two persons' full names"
        );
        let body = "Everton and Arsenal drew. Everton led, then Arsenal won.";
        let mut mentions = mentions_in(body, &["Everton and Arsenal"], Organization);
        mentions.push(body_mention("Everton", Organization, 26));
        mentions.push(body_mention("Arsenal", Location, 45));
        with_body(body, |article| split_joined_names(&mut mentions, article));
        let found: Vec<(&str, MentionKind, usize)> = mentions
            .list
            .iter()
            .map(|mention| (mention.value.as_str(), mention.kind, mention.offset))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Everton", Organization, 0),
                ("Arsenal", Location, 12),
                ("Everton", Organization, 26),
                ("Arsenal", Location, 45)
            ],
            "names the article writes alone, as it reads them there"
        );
        let body = "Standard and Poor's said so; Standard and Poor's rates it.";
        let mut mentions = mentions_in(body, &["Standard and Poor"], Organization);
        mentions.push(body_mention("Standard", Organization, 29));
        mentions.push(body_mention("Poor", Person, 42));
        with_body(body, |article| split_joined_names(&mut mentions, article));
        assert!(
            mentions.has_value(Organization, "Standard and Poor"),
            "the pieces of the same name written again are no names alone"
        );
    }

    #[test]
    fn the_last_two_of_a_list_are_two_when_one_is_a_name_alone() {
        use MentionKind::*;
        let body = "The gap on Chelsea, Everton and Arsenal grew. Arsenal won. \
                    Shops: Tesco, Marks and Spencer. U.S., Japanese and European banks. \
                    Ports: Sydney, Newcastle and Port Kembla.";
        let mut mentions = mentions_in(
            body,
            &[
                "Everton and Arsenal",
                "Marks and Spencer",
                "Tesco",
                "Newcastle and Port Kembla",
            ],
            Organization,
        );
        mentions.push(body_mention("Arsenal", Location, 47));
        let nationalities = body.find("Japanese").expect("in the body");
        mentions.push(body_mention(
            "Japanese and European",
            Location,
            nationalities,
        ));
        with_body(body, |article| split_joined_names(&mut mentions, article));
        assert_eq!(
            mentions.values(Organization),
            vec![
                "Everton",
                "Arsenal",
                "Tesco",
                "Marks and Spencer",
                "Newcastle and Port Kembla"
            ]
        );
        assert_eq!(
            mentions.values(Location),
            vec!["Arsenal", "Japanese and European"]
        );
    }

    #[test]
    fn a_side_read_alone_inside_the_name_is_no_evidence() {
        use MentionKind::*;
        let body = "Harris and Upham said.";
        let mut mentions = mentions_in(body, &["Harris and Upham"], Organization);
        mentions.push(body_mention("Harris", Person, 0));
        mentions.push(body_mention("Upham", Person, 11));
        with_body(body, |article| split_joined_names(&mut mentions, article));
        assert!(mentions.has_value(Organization, "Harris and Upham"));
    }

    #[test]
    fn one_name_with_an_and_stays_whole() {
        use MentionKind::*;
        for (body, name) in [
            (
                "The Securities and Exchange Commission said.",
                "Securities and Exchange Commission",
            ),
            ("Merrill Lynch and Co said.", "Merrill Lynch and Co"),
            (
                "American Telephone and Telegraph Co said.",
                "American Telephone and Telegraph Co",
            ),
            (
                "Food and Drug Administration said.",
                "Food and Drug Administration",
            ),
            ("Marks and Spencer said.", "Marks and Spencer"),
            ("Trinidad and Tobago said.", "Trinidad and Tobago"),
            ("Johnson and Johnson said.", "Johnson and Johnson"),
            (
                "Hong Kong and Shanghai Banking Corp said.",
                "Hong Kong and Shanghai Banking Corp",
            ),
            (
                "Sri Lanka, India and Thailand.",
                "Sri Lanka, India and Thailand",
            ),
        ] {
            assert_eq!(
                split(body, &[name], Organization),
                vec![(name.to_string(), Organization, body.find(name).unwrap())],
                "{name}"
            );
        }
    }
}
