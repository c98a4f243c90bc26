//! Trains the name tagger's weights from a CoNLL-2003 style token file
//! (`TOKEN POS CHUNK NER` per line, IOB1 tags, `-DOCSTART-` between
//! articles).
//!
//! Each article is written back as newsdex reads articles: the first
//! sentence is the headline, a `PLACE YYYY-MM-DD` line is the dateline
//! (left out: datelines have their own rules), the other sentences are the
//! body, one per line, with the spaces the tokenization added around
//! punctuation removed. newsdex's own tokenizer then splits those texts, so
//! the model learns from exactly the tokens it will meet, and each token
//! takes the tag of the name its first byte falls in.
//!
//! Training is an averaged perceptron over greedy left-to-right decoding:
//! run `cargo run --release --example train-tagger -- TRAIN_FILE OUT`.

use rand_free::Shuffler;
use rustc_hash::FxHashMap;

use super::features::{ArticleWords, Sentence, Zone};
use super::model::Model;
use super::{Label, OUTSIDE, TAGS, decode};
use crate::enrich::tokens::{self, Tokenized};

/// A name in a text: its byte range and label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// What it names.
    pub label: Label,
}

/// One text of a training article with its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, as newsdex would read it.
    pub text: String,
    /// The names in it.
    pub mentions: Vec<Mention>,
    /// Whether it is the headline.
    pub zone: Zone,
}

/// One article of a token file: headline and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Headline and body.
    pub texts: Vec<Text>,
}

/// Reads the articles of a CoNLL token file.
pub fn read_conll(file: &str) -> Vec<Article> {
    let mut articles = Vec::new();
    let mut sentences: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut sentence: Vec<(&str, &str)> = Vec::new();
    for line in file.lines() {
        if line.starts_with("-DOCSTART-") {
            end_sentence(&mut sentences, &mut sentence);
            if !sentences.is_empty() {
                articles.push(article_of(&sentences));
            }
            sentences.clear();
            continue;
        }
        let columns: Vec<&str> = line.split(' ').collect();
        if columns.len() < 2 {
            end_sentence(&mut sentences, &mut sentence);
            continue;
        }
        sentence.push((columns[0], columns[columns.len() - 1]));
    }
    end_sentence(&mut sentences, &mut sentence);
    if !sentences.is_empty() {
        articles.push(article_of(&sentences));
    }
    articles
}

fn end_sentence<'l>(
    sentences: &mut Vec<Vec<(&'l str, &'l str)>>,
    sentence: &mut Vec<(&'l str, &'l str)>,
) {
    if !sentence.is_empty() {
        sentences.push(std::mem::take(sentence));
    }
}

fn article_of(sentences: &[Vec<(&str, &str)>]) -> Article {
    let mut texts = Vec::new();
    let (title, rest) = sentences.split_first().expect("an article has a sentence");
    texts.push(write_text(std::slice::from_ref(title), Zone::Headline));
    let body = match rest.split_first() {
        Some((dateline, after)) if is_dateline(dateline) => after,
        _ => rest,
    };
    if !body.is_empty() {
        texts.push(write_text(body, Zone::Body));
    }
    Article { texts }
}

/// Whether a sentence is a dateline: words then one `YYYY-MM-DD` date.
fn is_dateline(sentence: &[(&str, &str)]) -> bool {
    sentence.last().is_some_and(|(word, _)| {
        word.len() == 10 && word.as_bytes()[4] == b'-' && word.as_bytes()[7] == b'-'
    })
}

/// Writes sentences as text, one per line, and locates their names.
fn write_text(sentences: &[Vec<(&str, &str)>], zone: Zone) -> Text {
    let mut text = String::new();
    let mut mentions = Vec::new();
    for sentence in sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        let mut open: Option<Mention> = None;
        let mut quotes = 0;
        let mut glue_next = true;
        for (word, tag) in sentence {
            let glue = glue_next || glues_to_previous(word, quotes);
            if *word == "\"" {
                quotes += 1;
            }
            if !glue {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            glue_next =
                matches!(*word, "(" | "$" | "[") || (*word == "\"" && !quotes.is_multiple_of(2));
            let label = label_of(tag);
            let begins =
                tag.starts_with("B-") || open.is_none_or(|mention| Some(mention.label) != label);
            if let Some(mention) = open.filter(|_| begins || label.is_none()) {
                mentions.push(mention);
                open = None;
            }
            match (label, open.as_mut()) {
                (Some(_), Some(mention)) => mention.end = text.len(),
                (Some(label), None) => {
                    open = Some(Mention {
                        start,
                        end: text.len(),
                        label,
                    })
                }
                (None, _) => {}
            }
        }
        mentions.extend(open);
    }
    Text {
        text,
        mentions,
        zone,
    }
}

/// Whether a token is written without a space before it.
fn glues_to_previous(word: &str, quotes_before: usize) -> bool {
    matches!(
        word,
        "." | "," | ":" | ";" | ")" | "]" | "%" | "?" | "!" | "n't"
    ) || word.starts_with('\'')
        || (word == "\"" && quotes_before % 2 == 1)
}

fn label_of(tag: &str) -> Option<Label> {
    match tag.get(2..) {
        Some("PER") => Some(Label::Person),
        Some("ORG") => Some(Label::Organization),
        Some("LOC") => Some(Label::Location),
        Some("MISC") => Some(Label::Misc),
        _ => None,
    }
}

/// The gold tag of each token of a tokenized text.
pub fn gold_tags(tokenized: &Tokenized, mentions: &[Mention]) -> Vec<u8> {
    let mut tags = Vec::with_capacity(tokenized.tokens.len());
    let mut previous_mention = None;
    for token in &tokenized.tokens {
        let found = mentions
            .iter()
            .position(|mention| mention.start <= token.start && token.start < mention.end);
        let tag = match found {
            None => OUTSIDE,
            Some(number) if previous_mention == Some(number) => mentions[number].label.inside(),
            Some(number) => mentions[number].label.begin(),
        };
        previous_mention = found;
        tags.push(tag);
    }
    tags
}

/// A text ready to train on: its features and gold tags.
struct Example {
    sentence: Sentence,
    gold: Vec<u8>,
}

/// What one training run did, for the trainer to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Texts trained on.
    pub texts: usize,
    /// Candidate tokens per epoch.
    pub tokens: usize,
    /// Share of candidate tokens tagged right, per epoch, during training
    /// (the mean over the orders).
    pub accuracy: Vec<f64>,
    /// Features in the model file.
    pub features: usize,
}

/// The smallest weight a feature must have for some tag to be kept in the
/// model newsdex ships: half the features weigh less, and dropping them
/// halves the model (1.6 MB to 0.9 MB, so that more of it stays in the
/// processor's cache) for 0.3 points of F1 on CoNLL dev.
pub const MIN_WEIGHT: f32 = 1.0;

/// How many times the perceptron is trained, each time on the texts in
/// another order, to average the weights of all: one order's model
/// depends on it by a point of F1 or so (CoNLL dev organizations 0.785 to
/// 0.803 over four orders), and the average of nine scores better than
/// any (0.810; persons 0.876 to 0.883, then 0.883; locations 0.905 to
/// 0.919, then 0.920).
const ORDERS: u64 = 9;

/// Trains on articles for a number of epochs, in each of [`ORDERS`]
/// orders, averaging the weights, keeping the features with a
/// weight above `min_weight` for some tag; returns the model file.
pub fn train(articles: &[Article], epochs: usize, min_weight: f32) -> (Vec<u8>, Report) {
    let examples = prepare(articles);
    let tokens: usize = examples
        .iter()
        .map(|example| example.sentence.candidate.iter().filter(|c| **c).count())
        .sum();
    let mut right_per_epoch = vec![0usize; epochs];
    let mut summed: FxHashMap<u32, [f32; TAGS]> = FxHashMap::default();
    for seed in 0..ORDERS {
        let mut perceptron = Perceptron::default();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut shuffler = Shuffler::new(2003 + seed * 7919);
        for right in right_per_epoch.iter_mut() {
            shuffler.shuffle(&mut order);
            for &number in &order {
                *right += perceptron.learn(&examples[number]);
            }
        }
        for (key, row) in perceptron.averaged() {
            let sum = summed.entry(key).or_insert([0.0; TAGS]);
            for (total, weight) in sum.iter_mut().zip(row) {
                *total += weight / ORDERS as f32;
            }
        }
    }
    let tagged = (tokens * ORDERS as usize).max(1) as f64;
    let accuracy = right_per_epoch
        .iter()
        .map(|&right| right as f64 / tagged)
        .collect();
    let mut weights: Vec<(u32, [f32; TAGS])> = summed.into_iter().collect();
    weights.sort_unstable_by_key(|(key, _)| *key);
    let largest = weights
        .iter()
        .flat_map(|(_, row)| row.iter())
        .fold(0f32, |largest, weight| largest.max(weight.abs()));
    let scale = if largest > 0.0 {
        largest / 32767.0
    } else {
        1.0
    };
    let mut quantized = Vec::with_capacity(weights.len());
    for (key, row) in weights {
        let row = row.map(|weight| (weight / scale).round() as i16);
        if row
            .iter()
            .any(|weight| (f32::from(*weight) * scale).abs() > min_weight)
        {
            quantized.push((key, row));
        }
    }
    let report = Report {
        texts: examples.len(),
        tokens,
        accuracy,
        features: quantized.len(),
    };
    (Model::write(&quantized, scale), report)
}

fn prepare(articles: &[Article]) -> Vec<Example> {
    let mut examples = Vec::new();
    for article in articles {
        let tokenized: Vec<Tokenized> = article
            .texts
            .iter()
            .map(|text| tokens::analyse(&text.text))
            .collect();
        let views: Vec<&Tokenized> = tokenized.iter().collect();
        let words = ArticleWords::of(&views);
        for (text, tokenized) in article.texts.iter().zip(&tokenized) {
            examples.push(Example {
                sentence: Sentence::new(tokenized, text.zone, &words),
                gold: gold_tags(tokenized, &text.mentions),
            });
        }
    }
    examples
}

/// Perceptron weights with the running sums that average them.
#[derive(Default)]
struct Perceptron {
    slots: FxHashMap<u32, usize>,
    weights: Vec<[f32; TAGS]>,
    sums: Vec<[f32; TAGS]>,
    stamps: Vec<[u32; TAGS]>,
    clock: u32,
}

impl Perceptron {
    fn scores(&self, features: &[u32]) -> [f32; TAGS] {
        let mut scores = [0f32; TAGS];
        for key in features {
            if let Some(&slot) = self.slots.get(key) {
                for (score, weight) in scores.iter_mut().zip(&self.weights[slot]) {
                    *score += weight;
                }
            }
        }
        scores
    }

    /// Tags one text and corrects the weights where a tag was wrong;
    /// returns how many candidate tokens were right.
    fn learn(&mut self, example: &Example) -> usize {
        let sentence = &example.sentence;
        let mut right = 0;
        let mut tags = vec![OUTSIDE; sentence.len()];
        let mut features = Vec::with_capacity(48);
        for index in 0..sentence.len() {
            if !sentence.candidate[index] {
                continue;
            }
            self.clock += 1;
            let previous = if index > 0 { tags[index - 1] } else { OUTSIDE };
            let second = if index > 1 { tags[index - 2] } else { OUTSIDE };
            features.clear();
            features.extend_from_slice(sentence.static_features(index));
            sentence.history(index, previous, second, &mut features);
            let (guess, _) = super::best_tag(&self.scores(&features), previous);
            let gold = example.gold[index];
            if guess == gold {
                right += 1;
            } else {
                for &key in &features {
                    self.update(key, gold, 1.0);
                    self.update(key, guess, -1.0);
                }
            }
            tags[index] = guess;
        }
        right
    }

    fn update(&mut self, key: u32, tag: u8, change: f32) {
        let next = self.weights.len();
        let slot = *self.slots.entry(key).or_insert(next);
        if slot == next {
            self.weights.push([0.0; TAGS]);
            self.sums.push([0.0; TAGS]);
            self.stamps.push([0; TAGS]);
        }
        let tag = usize::from(tag);
        let elapsed = (self.clock - self.stamps[slot][tag]) as f32;
        self.sums[slot][tag] += elapsed * self.weights[slot][tag];
        self.stamps[slot][tag] = self.clock;
        self.weights[slot][tag] += change;
    }

    fn averaged(&self) -> Vec<(u32, [f32; TAGS])> {
        let clock = self.clock.max(1) as f32;
        let mut averaged = Vec::with_capacity(self.slots.len());
        for (&key, &slot) in &self.slots {
            let mut row = [0f32; TAGS];
            for (tag, weight) in row.iter_mut().enumerate() {
                let elapsed = clock - self.stamps[slot][tag] as f32;
                let sum = self.sums[slot][tag] + elapsed * self.weights[slot][tag];
                *weight = sum / clock;
            }
            averaged.push((key, row));
        }
        averaged
    }
}

/// Tags the texts of articles with a trained model file and counts, per
/// label, names found, names in the gold and names both agree on exactly.
pub fn evaluate(model_file: &[u8], articles: &[Article]) -> Vec<(Label, usize, usize, usize)> {
    let model = Model::read(model_file).expect("a model written by train");
    let mut counts: Vec<(Label, usize, usize, usize)> =
        Label::ALL.iter().map(|label| (*label, 0, 0, 0)).collect();
    for example in prepare(articles) {
        let (tags, margins) = decode(&example.sentence, |features| model.scores(features));
        let found = super::names_of_tags(&tags, &margins);
        let spans = |names: Vec<super::Name>| -> Vec<(Label, usize, usize)> {
            names
                .iter()
                .map(|name| (name.label, name.start, name.end))
                .collect()
        };
        let found = spans(found);
        let gold = spans(super::names_of_tags(&example.gold, &margins));
        for (label, predicted, expected, agreed) in counts.iter_mut() {
            *predicted += found.iter().filter(|name| name.0 == *label).count();
            *expected += gold.iter().filter(|name| name.0 == *label).count();
            *agreed += found
                .iter()
                .filter(|name| name.0 == *label && gold.contains(name))
                .count();
        }
    }
    counts
}

/// A seeded shuffle, so that training is reproducible without a random
/// number crate.
mod rand_free {
    pub struct Shuffler(u64);

    impl Shuffler {
        pub fn new(seed: u64) -> Shuffler {
            Shuffler(seed)
        }

        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }

        pub fn shuffle<T>(&mut self, items: &mut [T]) {
            for index in (1..items.len()).rev() {
                let other = (self.next() % (index as u64 + 1)) as usize;
                items.swap(index, other);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_file() -> String {
        let tagged = [
            ("KOLA", "I-PER"),
            ("WINS", "O"),
            ("AT", "O"),
            ("HOME", "O"),
            (".", "O"),
            ("", ""),
            ("OSLO", "I-LOC"),
            ("1996-08-30", "O"),
            ("", ""),
            ("Anna", "I-PER"),
            ("Kola", "I-PER"),
            (",", "O"),
            ("of", "O"),
            ("Acme", "I-ORG"),
            ("Corp", "I-ORG"),
            (",", "O"),
            ("won", "O"),
            ("in", "O"),
            ("Oslo", "I-LOC"),
            ("(", "O"),
            ("Norway", "B-LOC"),
            (")", "O"),
            (".", "O"),
            ("", ""),
            ("She", "O"),
            ("'s", "O"),
            ("fast", "O"),
            (".", "O"),
        ];
        let mut file = String::from("-DOCSTART- -X- O O\n\n");
        for (word, tag) in tagged {
            if word.is_empty() {
                file.push('\n');
            } else {
                file.push_str(&format!("{word} X X {tag}\n"));
            }
        }
        file
    }

    #[test]
    fn articles_are_written_as_newsdex_reads_them() {
        let articles = read_conll(&column_file());
        assert_eq!(articles.len(), 1);
        let texts = &articles[0].texts;
        assert_eq!(texts[0].text, "KOLA WINS AT HOME.");
        assert_eq!(texts[0].zone, Zone::Headline);
        assert_eq!(
            texts[1].text,
            "Anna Kola, of Acme Corp, won in Oslo (Norway).\nShe's fast."
        );
        let named: Vec<(&str, Label)> = texts[1]
            .mentions
            .iter()
            .map(|m| (&texts[1].text[m.start..m.end], m.label))
            .collect();
        assert_eq!(
            named,
            vec![
                ("Anna Kola", Label::Person),
                ("Acme Corp", Label::Organization),
                ("Oslo", Label::Location),
                ("Norway", Label::Location),
            ]
        );
    }

    #[test]
    fn tokens_take_the_tag_of_their_name() {
        let articles = read_conll(&column_file());
        let body = &articles[0].texts[1];
        let tokenized = tokens::analyse(&body.text);
        let tags = gold_tags(&tokenized, &body.mentions);
        let person = Label::Person;
        assert_eq!(&tags[..3], &[person.begin(), person.inside(), OUTSIDE]);
    }

    #[test]
    fn training_learns_the_examples() {
        let articles: Vec<Article> = std::iter::repeat_n(read_conll(&column_file()), 3)
            .flatten()
            .collect();
        let (model, report) = train(&articles, 5, 0.0);
        assert_eq!(*report.accuracy.last().unwrap(), 1.0);
        let counts = evaluate(&model, &articles);
        let (label, predicted, expected, agreed) = counts[0];
        assert_eq!(label, Label::Person);
        assert_eq!((predicted, expected, agreed), (6, 6, 6));
    }
}
