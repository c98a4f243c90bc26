//! How an article's values were decided, for `extract --explain` (JSON)
//! and `show --explain` (text): each mention of a name, who found it, what
//! the resolvers changed and, for a dropped one, which resolver dropped it
//! and why.
//!
//! In JSON, `extract --explain` adds `mentions` to each line: a list, in
//! the order the names stand in the article, of objects
//!
//! ```json
//! {"text": "Putin", "kind": "person", "value": "Vladimir Putin",
//!  "at": "body:412", "source": "rule title",
//!  "changes": ["surnames: surname \"Putin\" → person \"Vladimir Putin\": ..."],
//!  "dropped": null}
//! ```
//!
//! `kind` and `value` are what the mention counts as once resolved; `at`
//! is the field (`dateline`, `title`, `body`) and the byte offset there;
//! `dropped` is null for a kept mention, else `{"by": RESOLVER, "why":
//! REASON}`. Kept place words that name a country are evidence of its
//! code (`evidence`), not values of their own.

use std::io::Write;

use serde::Serialize;

use crate::enrich::mentions::{Field, Mention, MentionKind, Mentions, Source};

/// One mention as `extract --explain` writes it.
#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    text: &'a str,
    kind: &'static str,
    value: &'a str,
    at: String,
    source: String,
    changes: Vec<String>,
    dropped: Option<DroppedJson<'a>>,
}

/// Why a mention was dropped.
#[derive(Debug, Serialize)]
struct DroppedJson<'a> {
    by: &'static str,
    why: &'a str,
}

/// The mentions of an article as `extract --explain` writes them.
pub fn mentions_json(mentions: &Mentions) -> Vec<MentionJson<'_>> {
    mentions
        .list
        .iter()
        .map(|mention| MentionJson {
            text: &mention.text,
            kind: mention.kind.name(),
            value: &mention.value,
            at: position(mention),
            source: mention.source.to_string(),
            changes: mention
                .changes
                .iter()
                .map(|change| format!("{}: {}", change.resolver, change.what))
                .collect(),
            dropped: mention.dropped.as_ref().map(|change| DroppedJson {
                by: change.resolver,
                why: &change.what,
            }),
        })
        .collect()
}

/// Where a mention stands: `body:412`.
fn position(mention: &Mention) -> String {
    let field = match mention.field {
        Field::Dateline => "dateline",
        Field::Title => "title",
        Field::Body => "body",
    };
    format!("{field}:{}", mention.offset)
}

/// The kinds whose values an explanation lists, with their headings.
const VALUE_KINDS: [(MentionKind, &str); 3] = [
    (MentionKind::Person, "persons"),
    (MentionKind::Organization, "organizations"),
    (MentionKind::Location, "locations"),
];

/// Writes an explanation as text: for each value, the mentions behind it,
/// those written alike and changed alike on one line (how many, where the
/// first stands, who found them); then each dropped candidate, likewise
/// grouped, with the resolver that dropped it and why.
pub fn write_explanation(out: &mut dyn Write, mentions: &Mentions) -> std::io::Result<()> {
    for (kind, heading) in VALUE_KINDS {
        let values = mentions.values(kind);
        if values.is_empty() {
            continue;
        }
        writeln!(out, "{heading}")?;
        for value in values {
            writeln!(out, "  {value}")?;
            let of_value: Vec<&Mention> = mentions
                .kept(kind)
                .filter(|mention| mention.value == value)
                .collect();
            for group in group_alike(&of_value, |mention| {
                (mention.text.clone(), mention.changes.clone())
            }) {
                writeln!(out, "    {}", describe(&group))?;
                for change in &group[0].changes {
                    writeln!(out, "      {}: {}", change.resolver, change.what)?;
                }
            }
        }
    }
    let dropped: Vec<&Mention> = mentions
        .list
        .iter()
        .filter(|mention| !mention.is_kept())
        .collect();
    if dropped.is_empty() {
        return Ok(());
    }
    writeln!(out, "dropped")?;
    let groups = group_alike(&dropped, |mention| {
        (
            format!("{}\u{0}{}", mention.text, mention.kind.name()),
            mention.dropped.clone().into_iter().collect::<Vec<_>>(),
        )
    });
    for group in groups {
        let Some(change) = &group[0].dropped else {
            continue;
        };
        writeln!(
            out,
            "  {} as {}: {}: {}",
            describe(&group),
            group[0].kind.name(),
            change.resolver,
            change.what
        )?;
    }
    Ok(())
}

/// Groups mentions by a key, groups in the order of their first mention.
fn group_alike<'m, K: PartialEq>(
    mentions: &[&'m Mention],
    key: impl Fn(&Mention) -> K,
) -> Vec<Vec<&'m Mention>> {
    let mut groups: Vec<(K, Vec<&'m Mention>)> = Vec::new();
    for mention in mentions {
        let wanted = key(mention);
        match groups
            .iter_mut()
            .find(|(group_key, _)| *group_key == wanted)
        {
            Some((_, group)) => group.push(mention),
            None => groups.push((wanted, vec![mention])),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// One line for mentions written alike: `"TWA" at body:116 (rule
/// acronym; tagger, margin 13.9)`, or with `3 times, first at` when there
/// are several.
fn describe(group: &[&Mention]) -> String {
    let first = group[0];
    let mut rules: Vec<String> = Vec::new();
    let mut margins: Vec<f32> = Vec::new();
    let mut others: Vec<String> = Vec::new();
    for mention in group {
        match mention.source {
            Source::Rule(_) => push_new(&mut rules, mention.source.to_string()),
            Source::Tagger { margin } => margins.push(margin),
            Source::Dateline => push_new(&mut others, mention.source.to_string()),
        }
    }
    let mut sources = rules;
    if !margins.is_empty() {
        let lowest = margins.iter().copied().fold(f32::INFINITY, f32::min);
        let highest = margins.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let tagger = if margins.len() == 1 {
            Source::Tagger { margin: lowest }.to_string()
        } else if lowest.is_finite() && highest.is_finite() {
            format!("tagger, margin {lowest:.1} to {highest:.1}")
        } else {
            "tagger".to_string()
        };
        sources.push(tagger);
    }
    sources.extend(others);
    let positions: Vec<String> = group.iter().map(|mention| position(mention)).collect();
    let mut distinct_positions = positions.clone();
    distinct_positions.dedup();
    let place = match distinct_positions.len() {
        1 => format!("at {}", positions[0]),
        count => format!("{count} times, first at {}", positions[0]),
    };
    format!("{:?} {place} ({})", first.text, sources.join("; "))
}

/// Adds a string unless it is there.
fn push_new(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::entities::Zone;
    use crate::enrich::mentions::At;

    #[test]
    fn an_explanation_names_the_mentions_of_each_value_and_each_drop() {
        let mut mentions = Mentions::of(Vec::new(), true);
        let at = At {
            zone: Zone::Body,
            field: Field::Body,
            offset: 12,
        };
        mentions.push(Mention::new(
            "Putin",
            MentionKind::Surname,
            at,
            Source::Rule("title"),
        ));
        mentions.push(Mention::new(
            "REUTER",
            MentionKind::Person,
            at.at(90),
            Source::Tagger { margin: 5.0 },
        ));
        mentions.rename_value(
            MentionKind::Surname,
            "Putin",
            (MentionKind::Person, "Vladimir Putin"),
            "surnames",
            "the surname of a person named in full",
        );
        mentions.drop_value(MentionKind::Person, "REUTER", "not a person", "a sign-off");
        let mut text = Vec::new();
        write_explanation(&mut text, &mentions).unwrap();
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "persons\n  Vladimir Putin\n    \"Putin\" at body:12 (rule title)\n      \
             surnames: surname \"Putin\" → person \"Vladimir Putin\": the surname of a person named in full\n\
             dropped\n  \"REUTER\" at body:90 (tagger, margin 5.0) as person: not a person: a sign-off\n"
        );
        for offset in [30, 60] {
            for source in [
                Source::Rule("acronym"),
                Source::Tagger {
                    margin: offset as f32 / 10.0,
                },
            ] {
                mentions.push(Mention::new(
                    "TWA",
                    MentionKind::Organization,
                    at.at(offset),
                    source,
                ));
            }
        }
        let mut grouped = Vec::new();
        write_explanation(&mut grouped, &mentions).unwrap();
        assert!(
            String::from_utf8(grouped).unwrap().contains(
                "organizations\n  TWA\n    \"TWA\" 2 times, first at body:30 (rule acronym; tagger, margin 3.0 to 6.0)\n"
            ),
            "mentions written alike are one line"
        );
        let json = serde_json::to_value(mentions_json(&mentions)).unwrap();
        assert_eq!(json[1]["dropped"]["by"], "not a person");
        assert_eq!(json[0]["value"], "Vladimir Putin");
        assert_eq!(json[0]["kind"], "person");
    }
}
