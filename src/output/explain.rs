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

use crate::enrich::mentions::{Field, Mention, MentionKind, Mentions};

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

/// Writes an explanation as text: for each value, the mentions behind it;
/// then each dropped candidate with the resolver that dropped it and why.
pub fn write_explanation(out: &mut dyn Write, mentions: &Mentions) -> std::io::Result<()> {
    for (kind, heading) in VALUE_KINDS {
        let values = mentions.values(kind);
        if values.is_empty() {
            continue;
        }
        writeln!(out, "{heading}")?;
        for value in values {
            writeln!(out, "  {value}")?;
            for mention in mentions.kept(kind).filter(|mention| mention.value == value) {
                writeln!(
                    out,
                    "    {:?} at {} ({})",
                    mention.text,
                    position(mention),
                    mention.source
                )?;
                for change in &mention.changes {
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
    if !dropped.is_empty() {
        writeln!(out, "dropped")?;
    }
    for mention in dropped {
        let Some(change) = &mention.dropped else {
            continue;
        };
        writeln!(
            out,
            "  {:?} as {} at {} ({}): {}: {}",
            mention.text,
            mention.kind.name(),
            position(mention),
            mention.source,
            change.resolver,
            change.what
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::entities::Zone;
    use crate::enrich::mentions::{At, Source};

    #[test]
    fn an_explanation_names_the_mentions_of_each_value_and_each_drop() {
        let mut mentions = Mentions::default();
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
             dropped\n  \"REUTER\" as person at body:90 (tagger, margin 5.0): not a person: a sign-off\n"
        );
        let json = serde_json::to_value(mentions_json(&mentions)).unwrap();
        assert_eq!(json[1]["dropped"]["by"], "not a person");
        assert_eq!(json[0]["value"], "Vladimir Putin");
        assert_eq!(json[0]["kind"], "person");
    }
}
