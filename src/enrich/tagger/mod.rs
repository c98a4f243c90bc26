//! The name tagger: a statistical model that finds the names of persons,
//! organizations and places from context and word shape, including names
//! no list holds.
//!
//! Each capitalised token (and each connector inside a name, `Bank of
//! England`) gets one of nine tags: outside, or the beginning or inside of
//! a person, organization, location or other name (`MISC`: events,
//! nationalities, titles of works). An averaged perceptron scores the tags
//! from the token's [`features`] and the tags of the two tokens before it;
//! the best tag that may follow the previous one wins, left to right.
//!
//! The weights (`data/tagger.bin`) are trained by [`train`] from the
//! CoNLL-2003 training split and loaded once per process.

pub mod features;
mod model;
pub mod train;

use std::sync::OnceLock;

use features::{ArticleWords, Sentence};
use model::Model;

/// How many tags there are: outside, then begin and inside of each label.
pub const TAGS: usize = 9;

/// The tag of a token outside any name.
pub const OUTSIDE: u8 = 0;

/// The kind of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// A person.
    Person,
    /// An organization, including teams and companies.
    Organization,
    /// A place.
    Location,
    /// Any other name: an event, a nationality, a work.
    Misc,
}

impl Label {
    /// Every label, in tag order.
    pub const ALL: [Label; 4] = [
        Label::Person,
        Label::Organization,
        Label::Location,
        Label::Misc,
    ];

    /// The tag beginning a name of this label.
    pub fn begin(self) -> u8 {
        1 + 2 * self as u8
    }

    /// The tag continuing a name of this label.
    pub fn inside(self) -> u8 {
        2 + 2 * self as u8
    }

    /// The label of a tag, or `None` outside names.
    pub fn of_tag(tag: u8) -> Option<Label> {
        match tag {
            OUTSIDE => None,
            _ => Label::ALL.get(usize::from((tag - 1) / 2)).copied(),
        }
    }
}

/// A name found by the tagger: `tokens[start..end]` of its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name {
    /// What it names.
    pub label: Label,
    /// Index of the first token.
    pub start: usize,
    /// Index after the last token.
    pub end: usize,
    /// How much better its weakest tag scored than the best other tag
    /// that could stand there.
    pub margin: f32,
}

/// The loaded model.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
}

/// The model the binary embeds.
const MODEL: &[u8] = include_bytes!("../data/tagger.bin");

impl Tagger {
    /// Returns the process-wide tagger, loading its model on first use.
    pub fn get() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger {
            model: Model::read(MODEL).expect("the embedded model was written by train"),
        })
    }

    /// Finds the names in one prepared text.
    pub fn names(&self, sentence: &Sentence) -> Vec<Name> {
        let (tags, margins) = decode(sentence, |features| self.model.scores(features));
        names_of_tags(&tags, &margins)
    }
}

/// Whether a tag may follow another: a name continues only its own label.
pub fn may_follow(previous: u8, tag: u8) -> bool {
    if tag == OUTSIDE || (tag - 1).is_multiple_of(2) {
        return true;
    }
    previous == tag || previous + 1 == tag
}

/// Tags a text left to right, each token with the best-scoring tag that may
/// follow the previous one; tokens that are no candidates stay outside.
/// Returns the tags and, for each, its lead over the runner-up.
pub fn decode(
    sentence: &Sentence,
    mut score: impl FnMut(&[u32]) -> [f32; TAGS],
) -> (Vec<u8>, Vec<f32>) {
    let mut tags = vec![OUTSIDE; sentence.len()];
    let mut margins = vec![f32::INFINITY; sentence.len()];
    let mut features = Vec::with_capacity(48);
    for index in 0..sentence.len() {
        if !sentence.candidate[index] {
            continue;
        }
        let previous = if index > 0 { tags[index - 1] } else { OUTSIDE };
        let second_previous = if index > 1 { tags[index - 2] } else { OUTSIDE };
        features.clear();
        features.extend_from_slice(sentence.static_features(index));
        sentence.history(index, previous, second_previous, &mut features);
        let scores = score(&features);
        let (tag, margin) = best_tag(&scores, previous);
        tags[index] = tag;
        margins[index] = margin;
    }
    (tags, margins)
}

/// The best-scoring tag that may follow `previous`, and its lead over the
/// next best.
pub fn best_tag(scores: &[f32; TAGS], previous: u8) -> (u8, f32) {
    let mut best = OUTSIDE;
    let mut best_score = scores[0];
    let mut runner_up = f32::NEG_INFINITY;
    for tag in 1..TAGS as u8 {
        if !may_follow(previous, tag) {
            continue;
        }
        let score = scores[usize::from(tag)];
        if score > best_score {
            runner_up = best_score;
            best = tag;
            best_score = score;
        } else if score > runner_up {
            runner_up = score;
        }
    }
    (best, best_score - runner_up)
}

/// Groups tags into names, each with the smallest margin of its tags.
pub fn names_of_tags(tags: &[u8], margins: &[f32]) -> Vec<Name> {
    // Room for a name per begin tag: decoding starts every name with one
    // ([`may_follow`]).
    let begins = tags.iter().filter(|&&tag| tag % 2 == 1).count();
    let mut names = Vec::with_capacity(begins);
    let mut index = 0;
    while index < tags.len() {
        let Some(label) = Label::of_tag(tags[index]) else {
            index += 1;
            continue;
        };
        let start = index;
        index += 1;
        while index < tags.len() && tags[index] == label.inside() {
            index += 1;
        }
        let margin = margins[start..index]
            .iter()
            .copied()
            .fold(f32::INFINITY, f32::min);
        names.push(Name {
            label,
            start,
            end: index,
            margin,
        });
    }
    names
}

/// Prepares the texts of one article for tagging: their shared evidence.
pub fn article_words(texts: &[&crate::enrich::tokens::Tokenized]) -> ArticleWords {
    ArticleWords::of(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_group_into_names() {
        let person = Label::Person;
        let place = Label::Location;
        let tags = [
            person.begin(),
            person.inside(),
            OUTSIDE,
            place.begin(),
            place.begin(),
        ];
        let margins = [3.0, 1.0, f32::INFINITY, 2.0, 4.0];
        let names = names_of_tags(&tags, &margins);
        let found: Vec<(Label, usize, usize, f32)> = names
            .iter()
            .map(|name| (name.label, name.start, name.end, name.margin))
            .collect();
        assert_eq!(
            found,
            vec![(person, 0, 2, 1.0), (place, 3, 4, 2.0), (place, 4, 5, 4.0)]
        );
    }

    #[test]
    fn a_name_continues_only_its_own_label() {
        let person = Label::Person;
        let organization = Label::Organization;
        assert!(may_follow(person.begin(), person.inside()));
        assert!(may_follow(person.inside(), person.inside()));
        assert!(!may_follow(OUTSIDE, person.inside()));
        assert!(!may_follow(organization.begin(), person.inside()));
        assert!(may_follow(organization.inside(), person.begin()));
        let mut scores = [0.0; TAGS];
        scores[usize::from(person.inside())] = 5.0;
        scores[usize::from(person.begin())] = 1.0;
        assert_eq!(best_tag(&scores, OUTSIDE), (person.begin(), 1.0));
        assert_eq!(best_tag(&scores, person.begin()), (person.inside(), 4.0));
    }
}
