//! The one list of an article's name mentions, and what became of each.
//!
//! Every source of names (the rules' cues in [`super::entities`], the
//! tagger in [`super::names`], the gazetteer's place words, the dateline)
//! adds [`Mention`]s to one [`Mentions`] list: the words as written, where
//! they stand, which kind of name the source took them for and which source
//! it was. The resolvers of [`super::resolve`] then run over that list in
//! one visible order; each may drop a mention (saying why), or change its
//! kind or its value (the name it counts under, `Putin` → `Vladimir
//! Putin`), and each change is logged on the mention. An article's values
//! are the values of its kept mentions, each once, in the order of their
//! first mention; `extract --explain` prints the log.

use std::borrow::Cow;

use super::entities::Zone;
use super::gazetteer::Place;

/// The last word of a name: what follows its last space, or all of it
/// (`name.rsplit(' ').next()`), found by a plain loop over the bytes,
/// which on a name of a few words costs a fraction of the searcher behind
/// `rsplit`.
pub fn last_word(name: &str) -> &str {
    match name.bytes().rposition(|byte| byte == b' ') {
        Some(space) => &name[space + 1..],
        None => name,
    }
}

/// The first word of a name: all of it up to its first space.
pub fn first_word(name: &str) -> &str {
    match name.bytes().position(|byte| byte == b' ') {
        Some(space) => &name[..space],
        None => name,
    }
}

/// What a mention names, as its source or a resolver decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A person's full name.
    Person,
    /// A single name after a title (`Mr Volcker`), a person once the
    /// resolvers tie it to a full name or keep it alone.
    Surname,
    /// A single name after a title in a headline in capitals (`PRESIDENT
    /// REAGAN`), a person only when the body writes it too.
    HeadlineSurname,
    /// An organization.
    Organization,
    /// A location that is not a country (a city, a region, a feature).
    Location,
    /// A place word, with its possible meanings: evidence of countries,
    /// and a location once the countries are decided.
    Place,
    /// Another name the tagger found (an event, a nationality).
    Misc,
}

impl MentionKind {
    /// The name used in explanations.
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Surname => "surname",
            MentionKind::HeadlineSurname => "headline surname",
            MentionKind::Organization => "organization",
            MentionKind::Location => "location",
            MentionKind::Place => "place word",
            MentionKind::Misc => "other name",
        }
    }
}

/// Which text of the article a mention stands in; mentions are ordered by
/// field, then by offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The dateline of a wire story.
    Dateline,
    /// The headline.
    Title,
    /// The body.
    Body,
}

/// Who found a mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Source {
    /// A named rule of [`super::entities`] (`title`, `organization word`).
    Rule(&'static str),
    /// The name tagger, with its margin over the runner-up tag.
    Tagger {
        /// The lead of the chosen tag, in the model's units.
        margin: f32,
    },
    /// The place names of the dateline.
    Dateline,
}

impl std::fmt::Display for Source {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Rule(rule) => write!(formatter, "rule {rule}"),
            Source::Tagger { margin } if margin.is_infinite() => {
                write!(formatter, "tagger, split at a title")
            }
            Source::Tagger { margin } => write!(formatter, "tagger, margin {margin:.1}"),
            Source::Dateline => write!(formatter, "dateline"),
        }
    }
}

/// A change a resolver made to a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The resolver.
    pub resolver: &'static str,
    /// What it did and why, in words.
    pub what: Cow<'static, str>,
}

/// One mention of a name in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The words as written (a line break inside made a space).
    pub text: String,
    /// The value it counts under, `text` until a resolver says otherwise.
    pub value: String,
    /// What it names.
    pub kind: MentionKind,
    /// Where it stands, which weighs its evidence.
    pub zone: Zone,
    /// The text it stands in.
    pub field: Field,
    /// Its byte offset in that text.
    pub offset: usize,
    /// Who found it.
    pub source: Source,
    /// A place word's possible meanings (empty for other kinds).
    pub meanings: Vec<Place>,
    /// Why it was dropped, if it was: the resolver and its reason.
    pub dropped: Option<Change>,
    /// What the resolvers changed, in order.
    pub changes: Vec<Change>,
}

impl Mention {
    /// Creates a mention of a name.
    pub fn new(text: &str, kind: MentionKind, at: At, source: Source) -> Mention {
        Mention::of_text(text.to_string(), kind, at, source)
    }

    /// Creates a mention of a name, keeping the string given as its text.
    pub fn of_text(text: String, kind: MentionKind, at: At, source: Source) -> Mention {
        Mention {
            value: text.clone(),
            text,
            kind,
            zone: at.zone,
            field: at.field,
            offset: at.offset,
            source,
            meanings: Vec::new(),
            dropped: None,
            changes: Vec::new(),
        }
    }

    /// Creates a mention of a place word with its possible meanings.
    pub fn place(text: &str, meanings: Vec<Place>, at: At, source: Source) -> Mention {
        Mention {
            meanings,
            ..Mention::new(text, MentionKind::Place, at, source)
        }
    }

    /// Whether no resolver dropped it.
    pub fn is_kept(&self) -> bool {
        self.dropped.is_none()
    }

    /// Whether it is kept as this kind.
    pub fn is_kept_as(&self, kind: MentionKind) -> bool {
        self.is_kept() && self.kind == kind
    }

    /// Logs a resolver's change when explaining; `describe` is only called
    /// then, so an ingest pays nothing for the words.
    pub fn log_change(
        &mut self,
        explain: bool,
        resolver: &'static str,
        describe: impl FnOnce() -> String,
    ) {
        if explain {
            self.changes.push(Change {
                resolver,
                what: Cow::Owned(describe()),
            });
        }
    }

    /// Whether the tagger found it.
    pub fn is_tagged(&self) -> bool {
        matches!(self.source, Source::Tagger { .. })
    }

    /// Whether a rule found it.
    pub fn is_ruled(&self) -> bool {
        matches!(self.source, Source::Rule(_))
    }
}

/// Where a source stands as it adds a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    /// The zone, for the weight of evidence.
    pub zone: Zone,
    /// The text.
    pub field: Field,
    /// The byte offset in the text.
    pub offset: usize,
}

impl At {
    /// The same place at another offset.
    pub fn at(self, offset: usize) -> At {
        At { offset, ..self }
    }

    /// The same place in another zone.
    pub fn in_zone(self, zone: Zone) -> At {
        At { zone, ..self }
    }
}

/// An article's mentions: in the order the sources added them, then, once
/// the resolvers start, in the order they stand in the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mentions {
    /// Every mention, kept or dropped.
    pub list: Vec<Mention>,
    /// Whether the resolvers log each change in words (`--explain`); an
    /// ingest has them only say which mentions they drop, and why, which
    /// costs no allocation.
    pub explain: bool,
    /// Names the article writes as titles are written (`won the prize for
    /// The Motorcycle Diaries`) but keeps: too weak a cue to drop them
    /// here, evidence for the index, which sees every article
    /// ([`crate::enrich::resolve::works`]).
    pub titled: Vec<String>,
}

impl Mentions {
    /// Holds the mentions of a list, logging each change in words when
    /// `explain` says so.
    pub fn of(list: Vec<Mention>, explain: bool) -> Mentions {
        Mentions {
            list,
            explain,
            titled: Vec::new(),
        }
    }

    /// Adds a mention.
    pub fn push(&mut self, mention: Mention) {
        self.list.push(mention);
    }

    /// Puts the mentions in the order they stand in the article: the
    /// dateline, the headline, then the body.
    pub fn sort_by_position(&mut self) {
        self.list
            .sort_by_key(|mention| (mention.field, mention.offset));
    }

    /// The kept mentions of a kind.
    pub fn kept(&self, kind: MentionKind) -> impl Iterator<Item = &Mention> {
        self.list
            .iter()
            .filter(move |mention| mention.is_kept_as(kind))
    }

    /// The values of a kind, each once, in the order of their first kept
    /// mention.
    pub fn values(&self, kind: MentionKind) -> Vec<String> {
        let borrowed = self.value_refs(kind);
        let mut values = Vec::with_capacity(borrowed.len());
        for value in borrowed {
            values.push(value.to_string());
        }
        values
    }

    /// The values of a kind as [`Mentions::values`] gives them, borrowed:
    /// for a resolver that reads them before it changes any mention, which
    /// then copies none of them.
    pub fn value_refs(&self, kind: MentionKind) -> Vec<&str> {
        let mut values: Vec<&str> = Vec::new();
        for mention in self.kept(kind) {
            if !values.contains(&mention.value.as_str()) {
                values.push(&mention.value);
            }
        }
        values
    }

    /// Whether a kept mention of a kind has this value.
    pub fn has_value(&self, kind: MentionKind, value: &str) -> bool {
        self.kept(kind).any(|mention| mention.value == value)
    }

    /// Drops every kept mention of a kind with this value.
    pub fn drop_value(
        &mut self,
        kind: MentionKind,
        value: &str,
        resolver: &'static str,
        why: &'static str,
    ) {
        self.drop_where(resolver, why, |mention| {
            mention.kind == kind && mention.value == value
        });
    }

    /// Drops every kept mention the test picks.
    pub fn drop_where(
        &mut self,
        resolver: &'static str,
        why: &'static str,
        mut picks: impl FnMut(&Mention) -> bool,
    ) {
        for mention in &mut self.list {
            if mention.is_kept() && picks(mention) {
                mention.dropped = Some(Change {
                    resolver,
                    what: Cow::Borrowed(why),
                });
            }
        }
    }

    /// Drops each kept mention that has a reason, one per mention in the
    /// order of the list, as a resolver read them before dropping any.
    pub fn drop_for_reasons(&mut self, resolver: &'static str, reasons: &[Option<&'static str>]) {
        debug_assert_eq!(reasons.len(), self.list.len(), "one reason per mention");
        for (mention, reason) in self.list.iter_mut().zip(reasons) {
            if let Some(why) = reason
                && mention.is_kept()
            {
                mention.dropped = Some(Change {
                    resolver,
                    what: Cow::Borrowed(why),
                });
            }
        }
    }

    /// Gives every kept mention of a kind with this value another value
    /// (and kind), logging why when explaining.
    pub fn rename_value(
        &mut self,
        kind: MentionKind,
        value: &str,
        into: (MentionKind, &str),
        resolver: &'static str,
        why: &str,
    ) {
        let (new_kind, new_value) = into;
        let explain = self.explain;
        for mention in &mut self.list {
            if mention.is_kept_as(kind) && mention.value == value {
                if explain {
                    mention.changes.push(Change {
                        resolver,
                        what: Cow::Owned(format!(
                            "{} {:?} → {} {new_value:?}: {why}",
                            kind.name(),
                            mention.value,
                            new_kind.name()
                        )),
                    });
                }
                mention.kind = new_kind;
                mention.value = new_value.to_string();
            }
        }
    }

    /// Makes every kept mention of a kind with one of these values a
    /// mention of another kind, under the same value ([`Self::rename_value`]
    /// for each).
    pub fn change_kind(
        &mut self,
        values: &[String],
        (kind, new_kind): (MentionKind, MentionKind),
        resolver: &'static str,
        why: &str,
    ) {
        for value in values {
            self.rename_value(kind, value, (new_kind, value), resolver, why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(field: Field, offset: usize) -> At {
        At {
            zone: Zone::Body,
            field,
            offset,
        }
    }

    #[test]
    fn the_last_word_follows_the_last_space() {
        for name in [
            "Bank of England",
            "Reagan",
            "",
            " ",
            "Inc ",
            "Smith  Jones",
            "Zürich Re",
        ] {
            assert_eq!(
                last_word(name),
                name.rsplit(' ').next().unwrap(),
                "{name:?}"
            );
        }
        assert_eq!(last_word("Bank of England"), "England");
        assert_eq!(last_word("Reagan"), "Reagan");
        for name in ["Bank of England", "Reagan", "", " ", "Inc ", "Zürich Re"] {
            assert_eq!(
                first_word(name),
                name.split(' ').next().unwrap(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn values_come_once_in_the_order_of_their_first_kept_mention() {
        let mut mentions = Mentions::of(Vec::new(), true);
        let rule = Source::Rule("test");
        for (text, offset) in [("Baker", 30), ("James Baker", 10), ("Baker", 50)] {
            mentions.push(Mention::new(
                text,
                MentionKind::Person,
                at(Field::Body, offset),
                rule,
            ));
        }
        mentions.push(Mention::new(
            "Treasury",
            MentionKind::Organization,
            at(Field::Title, 0),
            rule,
        ));
        mentions.sort_by_position();
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["James Baker", "Baker"]
        );
        mentions.rename_value(
            MentionKind::Person,
            "Baker",
            (MentionKind::Person, "James Baker"),
            "fullest",
            "the longer name",
        );
        assert_eq!(mentions.values(MentionKind::Person), vec!["James Baker"]);
        assert_eq!(mentions.list[2].changes.len(), 1);
        mentions.drop_value(MentionKind::Organization, "Treasury", "test", "why");
        assert!(mentions.values(MentionKind::Organization).is_empty());
        assert_eq!(
            mentions.list[0]
                .dropped
                .as_ref()
                .map(|change| change.resolver),
            Some("test")
        );
    }
}
