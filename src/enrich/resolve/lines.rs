//! Lines that carry no case: a name read from a line in capitals (a wire
//! headline, a price table, a sign-off, a list of links) is in capitals
//! because its line is, so its case says nothing of whether it is a name
//! (`OATS`, `UNCH`, `BANK`, `REUTER`). Such a mention is kept only when a
//! list vouches for it: a place the gazetteer knows, an organization's
//! acronym the vocabulary knows, a person whose first word is a common
//! given name. When the article writes the name in mixed case elsewhere,
//! that mention carries it; a word in capitals that the article writes
//! elsewhere only as a person's surname is that person, whatever the
//! tagger read (`NAKASONE SAYS ...` beside `Yasuhiro Nakasone`).
//!
//! A table laid out in columns of spaces (`Copper        up 0.15  cts per
//! lb`) is read the same way: the word that opens a row is capitalised
//! because the row begins with it, so it is a name only when a list
//! vouches for it or the article names it in prose; and a name never runs
//! across a column's gap of spaces (`Natl   Loan   Release`). Other names
//! of a row, and rows of a table written with single spaces (sports
//! results: `Derbyshire 320 176-6`, where the names are the news), are
//! left to the other resolvers.

use super::super::entities::{speaks_as_a_person, title_case};
use super::super::gazetteer::Gazetteer;
use super::super::mentions::{Field, Mention, MentionKind, Mentions};
use super::super::vocabulary::{KNOWN_ACRONYMS, PERSON_TITLES};
use super::ArticleText;

/// The resolver's name.
const NAME: &str = "capitals and tables";

/// The share of a line's letters, in percent, in capitals above which the
/// line is in capitals.
const SHOUTED_PERCENT: usize = 75;

/// Drops a person that is the whole last line of the body: a sign-off
/// (`Reuter`, `REUTER`), not a person the article speaks of. (A team
/// alone on the last row of a table is left to the others.)
pub fn drop_sign_offs(mentions: &mut Mentions, article: ArticleText) {
    let last_line = article
        .body_text
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .trim();
    if last_line.is_empty() || last_line.contains(' ') {
        return;
    }
    let last_line_start = article.body_text.trim_end().len() - last_line.len();
    mentions.drop_where(
        "sign-off",
        "the last line of the body alone: a sign-off",
        |mention| {
            mention.field == Field::Body
                && mention.offset >= last_line_start
                && mention.text == last_line
                && matches!(mention.kind, MentionKind::Person | MentionKind::Surname)
        },
    );
}

/// Drops the names read only from lines in capitals, unless a list
/// vouches for them or the article writes them in mixed case (see the
/// module header).
pub fn drop_names_of_caseless_lines(mentions: &mut Mentions, article: ArticleText) {
    let in_capitals = |mention: &Mention| {
        mention.is_kept()
            && is_name_kind(mention.kind)
            && mention.field != Field::Dateline
            && !mention.text.chars().any(char::is_lowercase)
    };
    let mut lines = LineCache::default();
    let shouted: Vec<bool> = mentions
        .list
        .iter()
        .map(|mention| {
            let Some(text) = article.text_of(mention.field) else {
                return false;
            };
            in_capitals(mention) && lines.is_shouted_at(mention.field, text, mention.offset)
        })
        .collect();
    if !shouted.contains(&true) {
        return;
    }
    let shouted_unnamed = named_nowhere_else(mentions, &shouted, |mention| {
        mention.field != Field::Dateline
    });
    let gazetteer = Gazetteer::get();
    let explain = mentions.explain;
    // A word in capitals the article writes elsewhere only as a person's
    // surname (`WOODS MAKES PRO DEBUT` beside `Tiger Woods`) is that
    // person, whatever the tagger read in the headline.
    let surnames: Vec<bool> = mentions
        .list
        .iter()
        .zip(&shouted)
        .map(|(mention, &shouted)| {
            shouted
                && matches!(
                    mention.kind,
                    MentionKind::Organization | MentionKind::Location
                )
                && !mention.text.contains(' ')
                && is_only_a_surname(mentions, &mention.text)
        })
        .collect();
    for ((mention, shouted_unnamed), surname) in
        mentions.list.iter_mut().zip(shouted_unnamed).zip(surnames)
    {
        if surname {
            let name = title_case(&mention.text);
            let (kind, written) = (mention.kind.name(), mention.text.clone());
            mention.log_change(explain, NAME, || {
                format!(
                    "{kind} {written:?} → person {name:?}: in capitals, and a person's surname where the article writes it in mixed case"
                )
            });
            mention.kind = MentionKind::Person;
            mention.value = name;
            continue;
        }
        if !shouted_unnamed || vouched(gazetteer, mention) {
            continue;
        }
        if mention.kind == MentionKind::Person && is_headline_subject(article, mention) {
            let name = person_in_mixed_case(&mention.text);
            let written = mention.text.clone();
            mention.log_change(explain, NAME, || {
                format!(
                    "person {written:?} → {name:?}: a title before it or a verb of speech after it"
                )
            });
            mention.value = name;
            continue;
        }
        mention.dropped = Some(super::super::mentions::Change {
            resolver: NAME,
            what: std::borrow::Cow::Borrowed("read from a line in capitals, and no list knows it"),
        });
    }
}

/// Whether the article's names in mixed case that hold a word (in any
/// case) are persons' full names ending in it, one at least.
fn is_only_a_surname(mentions: &Mentions, word: &str) -> bool {
    let mut surname = false;
    for mention in &mentions.list {
        if !mention.is_kept() || !mention.text.chars().any(char::is_lowercase) {
            continue;
        }
        let holds = mention
            .text
            .split(' ')
            .any(|part| part.eq_ignore_ascii_case(word));
        if !holds {
            continue;
        }
        let ends = mention
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|last| last.eq_ignore_ascii_case(word));
        match mention.kind {
            MentionKind::Person if ends && mention.text.contains(' ') => surname = true,
            MentionKind::Person | MentionKind::Surname => {}
            _ => return false,
        }
    }
    surname
}

/// Drops the names that open a row of a table laid out in columns, unless
/// a list vouches for them or the article names them in prose, and the
/// names that run across a column's gap (see the module header).
pub fn drop_names_of_table_rows(mentions: &mut Mentions, article: ArticleText) {
    // Only the few names that open a line have their line read.
    let opens_row: Vec<bool> = mentions
        .list
        .iter()
        .map(|mention| {
            if !mention.is_kept() || !is_name_kind(mention.kind) {
                return false;
            }
            let Some(text) = article.text_of(mention.field) else {
                return false;
            };
            let Some(before) = text.get(..mention.offset) else {
                return false;
            };
            let indent = before.trim_end_matches([' ', '\t']);
            if !(indent.is_empty() || indent.ends_with('\n')) {
                return false;
            }
            let end = text[mention.offset..]
                .find('\n')
                .map_or(text.len(), |newline| mention.offset + newline);
            is_table_row(&text[indent.len()..end])
        })
        .collect();
    let across_columns = |mention: &Mention| mention.is_kept() && spans_columns(mention);
    if !opens_row.contains(&true) && !mentions.list.iter().any(across_columns) {
        return;
    }
    let opening_unnamed =
        named_nowhere_else(mentions, &opens_row, |mention| !spans_columns(mention));
    let gazetteer = Gazetteer::get();
    for (mention, opening_unnamed) in mentions.list.iter_mut().zip(opening_unnamed) {
        if !mention.is_kept() || !is_name_kind(mention.kind) {
            continue;
        }
        let why = if spans_columns(mention) {
            "runs across the columns of a table"
        } else if opening_unnamed && !vouched(gazetteer, mention) {
            "opens a row of a table, and no list or prose names it"
        } else {
            continue;
        };
        mention.dropped = Some(super::super::mentions::Change {
            resolver: NAME,
            what: std::borrow::Cow::Borrowed(why),
        });
    }
}

/// For each mention, whether it is picked (`picked`, one flag per
/// mention) and no other kept name of the article, unpicked and read
/// where `counts` says, writes its words (in any case).
fn named_nowhere_else(
    mentions: &Mentions,
    picked: &[bool],
    counts: impl Fn(&Mention) -> bool,
) -> Vec<bool> {
    let elsewhere: Vec<&str> = mentions
        .list
        .iter()
        .zip(picked)
        .filter(|(mention, picked)| {
            mention.is_kept() && is_name_kind(mention.kind) && !**picked && counts(mention)
        })
        .map(|(mention, _)| mention.text.as_str())
        .collect();
    mentions
        .list
        .iter()
        .zip(picked)
        .map(|(mention, picked)| *picked && !is_named_in(&elsewhere, &mention.text))
        .collect()
}

/// Whether a name is one of these, in any case, lowercasing only names
/// that are not ASCII.
fn is_named_in(names: &[&str], name: &str) -> bool {
    names
        .iter()
        .any(|other| super::same_in_lowercase(other, name))
}

/// Whether a mention's words are apart by a column's gap of spaces.
fn spans_columns(mention: &Mention) -> bool {
    // Two spaces are sought byte by byte: on names this short, cheaper
    // than a substring search.
    let two_spaces = |text: &str| text.as_bytes().windows(2).any(|pair| pair == b"  ");
    mention.text.contains(' ') && (two_spaces(mention.text.trim()) || mention.text.contains('\t'))
}

/// Whether a line is a row of a table laid out in columns: figures, and
/// at least two gaps of two spaces or more (or tabs) between words that
/// are not the end of a sentence.
pub fn is_table_row(line: &str) -> bool {
    if !line.bytes().any(|byte| byte.is_ascii_digit()) {
        return false;
    }
    let bytes = line.trim().as_bytes();
    let mut gaps = 0;
    let mut position = 0;
    while position < bytes.len() {
        if bytes[position] != b' ' && bytes[position] != b'\t' {
            position += 1;
            continue;
        }
        let start = position;
        while position < bytes.len() && (bytes[position] == b' ' || bytes[position] == b'\t') {
            position += 1;
        }
        let wide = position - start >= 2 || bytes[start..position].contains(&b'\t');
        let after_sentence =
            start > 0 && matches!(bytes[start - 1], b'.' | b'!' | b'?' | b':' | b';');
        gaps += usize::from(wide && !after_sentence);
    }
    gaps >= 2
}

/// Whether the lines names stand on are in capitals, each line read once.
#[derive(Default)]
struct LineCache {
    /// The field and byte offset where a line starts, and whether it is in
    /// capitals.
    read: Vec<(Field, usize, bool)>,
}

impl LineCache {
    /// Whether the line of a text holding a byte offset is in capitals.
    fn is_shouted_at(&mut self, field: Field, text: &str, offset: usize) -> bool {
        let offset = offset.min(text.len());
        if !text.is_char_boundary(offset) {
            return false;
        }
        let start = text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        let known = self
            .read
            .iter()
            .find(|(read_field, read_start, _)| *read_field == field && *read_start == start);
        if let Some(&(_, _, shouted)) = known {
            return shouted;
        }
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |newline| offset + newline);
        let shouted = is_shouted(&text[start..end]);
        self.read.push((field, start, shouted));
        shouted
    }
}

/// Whether a kind is a name's (not a place word, which only weighs as
/// evidence of a country, nor another name).
fn is_name_kind(kind: MentionKind) -> bool {
    matches!(
        kind,
        MentionKind::Person
            | MentionKind::Surname
            | MentionKind::Organization
            | MentionKind::Location
    )
}

/// Whether most of a line's letters are capitals.
pub fn is_shouted(line: &str) -> bool {
    let mut upper = 0usize;
    let mut letters = 0usize;
    if line.is_ascii() {
        for byte in line.bytes().filter(u8::is_ascii_alphabetic) {
            letters += 1;
            upper += usize::from(byte.is_ascii_uppercase());
        }
    } else {
        for character in line.chars().filter(|character| character.is_alphabetic()) {
            letters += 1;
            upper += usize::from(character.is_uppercase());
        }
    }
    letters >= 2 && upper * 100 >= letters * SHOUTED_PERCENT
}

/// Whether a person read from a line in capitals is named as people are in
/// headlines: after a title (`PRESIDENT REAGAN`, `CHANCELLOR LAWSON`) or
/// as the speaker of a verb of speech (`YEUTTER SAYS`, `FED'S HELLER
/// URGES`; see [`speaks_as_a_person`]). A wire's flash is often all an
/// article has of its person.
fn is_headline_subject(article: ArticleText, mention: &Mention) -> bool {
    let (before, after) = article.around(mention);
    let word_before = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if !word_before.is_empty() && PERSON_TITLES.contains(&title_case(word_before)) {
        return true;
    }
    let written = mention
        .text
        .split_once("'S ")
        .map_or(&*mention.text, |(_, name)| name);
    let mut words = after.split_whitespace();
    let verb = words.next().unwrap_or("");
    let object = words.next().unwrap_or("");
    speaks_as_a_person(written, verb, object)
}

/// A person's name from capitals, in mixed case, without a possessive or
/// whose person it is (`REAGAN'S` → `Reagan`, `FED'S HELLER` → `Heller`).
fn person_in_mixed_case(text: &str) -> String {
    let name = text
        .strip_suffix("'S")
        .or_else(|| text.strip_suffix("'s"))
        .unwrap_or(text);
    let name = match name.split_once("'S ") {
        Some((_, person)) => person,
        None => name,
    };
    let words: Vec<String> = name.split(' ').map(title_case).collect();
    words.join(" ")
}

/// Whether a list vouches for a mention's name: a place the gazetteer
/// knows (for a location, or an organization named after its city), an
/// acronym the vocabulary knows, or a person of two words or more whose
/// first is a common given name.
fn vouched(gazetteer: &Gazetteer, mention: &Mention) -> bool {
    let text = mention.text.as_str();
    match mention.kind {
        MentionKind::Location => !gazetteer.lookup(text).is_empty(),
        // A team is named after its city (`CHICAGO 74 60`).
        MentionKind::Organization => {
            KNOWN_ACRONYMS.contains(text)
                || KNOWN_ACRONYMS.contains(&title_case(text))
                || !gazetteer.lookup(text).is_empty()
        }
        MentionKind::Person => {
            let mut words = text.split_whitespace();
            let first = words.next().map(title_case).unwrap_or_default();
            words.next().is_some() && gazetteer.is_given_name(&first)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{with_body, with_title_and_body};
    use super::*;
    use crate::enrich::entities::Zone;
    use crate::enrich::mentions::{At, Source};

    #[test]
    fn a_one_word_last_line_is_a_sign_off() {
        let body = "The Reuter family said Reuter would sell.\n Reuter\n";
        let mut mentions = Mentions::default();
        for offset in [4, 23, 43] {
            let at = At {
                zone: Zone::Body,
                field: Field::Body,
                offset,
            };
            let source = Source::Tagger { margin: 9.0 };
            mentions.push(Mention::new("Reuter", MentionKind::Person, at, source));
        }
        with_body(body, |article| drop_sign_offs(&mut mentions, article));
        let kept: Vec<usize> = mentions
            .kept(MentionKind::Person)
            .map(|mention| mention.offset)
            .collect();
        assert_eq!(kept, vec![4, 23]);
    }

    #[test]
    fn lines_in_capitals_are_told_apart_from_prose() {
        assert!(is_shouted("    WHEAT    UNCH    UP 1/2"));
        assert!(is_shouted("REUTER"));
        assert!(!is_shouted("the USDA said OPEC would meet"));
        assert!(!is_shouted("7"));
        let text = "OIL UP\nOil rose, OPEC said\nREUTER";
        let mut lines = LineCache::default();
        let shouted: Vec<bool> = [0, 6, 7, 12, 27, 30]
            .map(|offset| lines.is_shouted_at(Field::Body, text, offset))
            .to_vec();
        assert_eq!(shouted, vec![true, true, false, false, true, true]);
    }

    /// The values of the names in an article once caseless lines are read.
    fn kept_names(title: &str, body: &str, names: &[(&str, MentionKind, Field)]) -> Vec<String> {
        let mut mentions = Mentions::default();
        for (text, kind, field) in names {
            let within = if *field == Field::Title { title } else { body };
            let offset = within.find(text).expect("the name is in its text");
            let at = At {
                zone: Zone::Body,
                field: *field,
                offset,
            };
            mentions.push(Mention::new(
                text,
                *kind,
                at,
                Source::Tagger { margin: 9.0 },
            ));
        }
        with_title_and_body(title, body, |article| {
            drop_names_of_caseless_lines(&mut mentions, article)
        });
        let mut kept = Vec::new();
        for kind in [
            MentionKind::Person,
            MentionKind::Organization,
            MentionKind::Location,
        ] {
            kept.extend(mentions.values(kind));
        }
        kept
    }

    #[test]
    fn a_word_in_capitals_that_is_a_persons_surname_elsewhere_is_the_person() {
        use MentionKind::{Location, Organization, Person};
        let title = "GOLF - HENKE LEADS, WOODS MAKES DEBUT, REUTER SAYS";
        let body = "Tiger Woods made his debut. Nolan Henke led. Reuter Bank said so.";
        let names = [
            ("WOODS", Organization, Field::Title),
            ("HENKE", Location, Field::Title),
            ("REUTER", Organization, Field::Title),
            ("Tiger Woods", Person, Field::Body),
            ("Nolan Henke", Person, Field::Body),
            ("Reuter Bank", Organization, Field::Body),
        ];
        // `REUTER` is a word of an organization's name too: no person's,
        // and named nowhere else in full.
        assert_eq!(
            kept_names(title, body, &names),
            vec![
                "Woods",
                "Henke",
                "Tiger Woods",
                "Nolan Henke",
                "Reuter Bank"
            ]
        );
    }

    #[test]
    fn a_name_in_capitals_needs_a_list_or_prose() {
        use MentionKind::*;
        let title = "OPEC OATS OUTPUT UP IN MINNEAPOLIS, NAKASONE SAYS";
        let body = "Prime Minister Yasuhiro Nakasone said oats output rose.\n\
                    \n    OATS    UNCH    UP 1/2\nREUTER";
        let kept = kept_names(
            title,
            body,
            &[
                ("OPEC", Organization, Field::Title),
                ("OATS", Organization, Field::Title),
                ("MINNEAPOLIS", Location, Field::Title),
                ("NAKASONE", Organization, Field::Title),
                ("Yasuhiro Nakasone", Person, Field::Body),
                ("UNCH", Organization, Field::Body),
                ("REUTER", Person, Field::Body),
            ],
        );
        // The headline's `NAKASONE` is the person's surname (the surnames'
        // resolver then gives it his full name).
        assert_eq!(
            kept,
            vec!["Nakasone", "Yasuhiro Nakasone", "OPEC", "MINNEAPOLIS"]
        );
    }

    #[test]
    fn a_person_in_a_flash_is_kept_after_a_title_or_before_a_verb_of_speech() {
        use MentionKind::*;
        let title = "PRESIDENT REAGAN'S BUDGET PLAN BACKED";
        let flash = "LAWSON SAYS RATES TO FALL, WHEAT BILL PASSES, ACME SAYS IT GAINS";
        assert_eq!(
            kept_names(title, "", &[("REAGAN'S", Person, Field::Title)]),
            vec!["Reagan"]
        );
        assert_eq!(
            kept_names(
                flash,
                "",
                &[
                    ("LAWSON", Person, Field::Title),
                    ("WHEAT BILL", Person, Field::Title),
                    ("RATES", Person, Field::Title),
                    ("ACME", Person, Field::Title),
                ]
            ),
            vec!["Lawson"],
            "only a person before a verb of speech, and not as a company speaks"
        );
        assert_eq!(
            kept_names(
                "FED'S HELLER SAYS DOLLAR FIRM",
                "",
                &[("FED'S HELLER", Person, Field::Title)]
            ),
            vec!["Heller"]
        );
        assert_eq!(
            kept_names(flash, "", &[("LAWSON", Organization, Field::Title)]),
            Vec::<String>::new(),
            "the cue vouches for persons only"
        );
    }

    #[test]
    fn rows_of_a_table_are_told_apart_from_prose() {
        assert!(is_table_row(" Copper        up 0.15  cts per lb"));
        assert!(is_table_row("Wheat\t2.63\t2.40"));
        assert!(!is_table_row("Copper rose 0.15 cts to 62 cts a lb."));
        assert!(!is_table_row(
            "Copper rose 5 pct.  Zinc fell.  Lead was steady."
        ));
        assert!(
            !is_table_row("Natl   Loan           Release   Call"),
            "no figures"
        );
        assert!(!is_table_row("Derbyshire 320 176-6"), "single spaces");
    }

    #[test]
    fn the_word_opening_a_row_of_a_table_needs_a_list_or_prose() {
        use MentionKind::*;
        let body = "Metals closed mixed, Sumitomo said.\n\
                    \n Copper        up 0.15  cts per lb\n London        off 2.00  dlrs per oz\n\
                    \n Sumitomo      up 3     yen\n         Natl   Loan   Release\n";
        let mut names = vec![
            ("Copper", Organization, Field::Body),
            ("London", Location, Field::Body),
            ("Natl   Loan   Release", Organization, Field::Body),
        ];
        let mut mentions = Mentions::default();
        for (text, kind, field) in names.drain(..) {
            let offset = body.find(text).expect("in the body");
            let at = At {
                zone: Zone::Body,
                field,
                offset,
            };
            mentions.push(Mention::new(text, kind, at, Source::Tagger { margin: 9.0 }));
        }
        for (offset, _) in body.match_indices("Sumitomo") {
            let at = At {
                zone: Zone::Body,
                field: Field::Body,
                offset,
            };
            let source = Source::Tagger { margin: 9.0 };
            mentions.push(Mention::new("Sumitomo", Organization, at, source));
        }
        with_body(body, |article| {
            drop_names_of_table_rows(&mut mentions, article)
        });
        let mut kept = mentions.values(Organization);
        kept.extend(mentions.values(Location));
        assert_eq!(kept, vec!["Sumitomo", "London"]);
    }

    #[test]
    fn a_team_named_after_its_city_in_a_table_in_capitals_is_kept() {
        use MentionKind::*;
        let body = "Standings:\nCHICAGO   74   60   .552\nSOX   70   64   .522";
        let kept = kept_names(
            "Baseball",
            body,
            &[
                ("CHICAGO", Organization, Field::Body),
                ("SOX", Organization, Field::Body),
            ],
        );
        assert_eq!(kept, vec!["CHICAGO"]);
    }
}
