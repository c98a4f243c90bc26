//! Splits text into word tokens and groups capitalised words into name
//! spans, the raw material of entity and country extraction.
//!
//! A token keeps its byte offsets, whether it is capitalised, whether it
//! opens a sentence, and whether punctuation separates it from the previous
//! token. Abbreviations keep their dots (`U.S.`, `Mr.`), possessives lose
//! their `'s`. A span is a run of capitalised tokens with no punctuation
//! between them, joined across a lowercase `of`, `of the` or `de` (`Bank of
//! Japan`, `Chancellor of the Exchequer`).

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word, without a possessive `'s`.
    pub text: &'a str,
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Whether the first letter is uppercase.
    pub capitalised: bool,
    /// Whether the word opens a sentence.
    pub sentence_start: bool,
    /// Whether punctuation stands between this word and the previous one.
    pub after_break: bool,
    /// Whether a line ends between this word and the previous one in a
    /// text whose lines are not wrapped at a fixed width ([`is_wrapped`]):
    /// a byline, a heading, a row (`Glenn Somerville\nFactory orders
    /// rose`), which no span of capitalised words runs on across. The
    /// tagger does not read it (`after_break` is one of its features, and
    /// stays as it was trained).
    pub after_line_end: bool,
    /// Whether the word ended with `'s`.
    pub possessive: bool,
    /// Whether the word was followed by a comma.
    pub before_comma: bool,
    /// Whether an `&` standing alone comes between this word and the
    /// previous one (`Oil & Natural Gas Corp`): a name's words, which the
    /// rules write back with it.
    pub after_ampersand: bool,
}

/// Abbreviations whose final dot is part of the word, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "St", "Inc", "Corp",
    "Co", "Ltd", "Jr", "Sr", "No", "Capt", "Adm", "Sgt", "Maj", "Messrs",
];

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // News runs at about six bytes a word: room for a fifth of the bytes
    // spares growing the vector for most texts.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut position = 0;
    let mut sentence_start = true;
    let mut after_break = true;
    let mut after_line_end = false;
    let mut after_ampersand = false;
    let wrapped = is_wrapped(text);
    while position < text.len() {
        // A space only separates words: most non-word characters are one.
        if bytes[position] == b' ' {
            position += 1;
            continue;
        }
        let character = char_at(text, position);
        if !character.is_alphanumeric() {
            match character {
                '<' => {
                    if let Some(length) = code_in_angle_brackets(&text[position..]) {
                        after_break = true;
                        position += length;
                        continue;
                    }
                }
                '.' | '!' | '?' | ';' | ':' => {
                    sentence_start = sentence_start || character != ':';
                    after_break = true;
                }
                '\n' if starts_paragraph(&text[position + 1..]) => {
                    sentence_start = true;
                    after_break = true;
                }
                '\n' => after_line_end = !wrapped,
                ',' | '(' | ')' | '"' | '“' | '”' | '—' | '–' | '/' | '[' | ']' | '{' | '}'
                | '|' | '*' | '+' => {
                    if character == ','
                        && let Some(last) = tokens.last_mut()
                    {
                        let last: &mut Token = last;
                        last.before_comma = true;
                    }
                    after_break = true;
                }
                '-' if text[position + 1..].starts_with(' ')
                    || position == 0
                    || bytes[position - 1] == b' ' =>
                {
                    after_break = true;
                }
                '&' => after_ampersand = true,
                _ => {}
            }
            position += character.len_utf8();
            continue;
        }
        let end = word_end(text, position);
        let dot_follows = bytes.get(end) == Some(&b'.');
        let abbreviation = dot_follows && is_abbreviation(&text[position..end + 1]);
        let next = if abbreviation { end + 1 } else { end };
        let ends_sentence = dot_follows && !abbreviation;
        let mut word = &text[position..next];
        let mut possessive = false;
        // Only a word ending in `s` can be a possessive.
        if word.ends_with('s') {
            for suffix in ["'s", "’s"] {
                if let Some(stem) = word.strip_suffix(suffix) {
                    word = stem;
                    possessive = true;
                }
            }
            let plural_possessive = word.ends_with('s') && text[next..].starts_with(['\'', '’']);
            possessive |= plural_possessive;
        }
        let ends_in_letter_or_digit = word
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_alphanumeric);
        if !ends_in_letter_or_digit {
            word = word.trim_end_matches(['\'', '’', '-']);
        }
        if !word.is_empty() {
            let first = word.chars().next().expect("word is not empty");
            tokens.push(Token {
                text: word,
                start: position,
                capitalised: first.is_uppercase(),
                sentence_start,
                after_break,
                after_line_end,
                possessive,
                before_comma: false,
                after_ampersand,
            });
        }
        sentence_start = false;
        after_break = ends_sentence;
        after_line_end = false;
        after_ampersand = false;
        position = next;
        if ends_sentence {
            position += 1;
            sentence_start = true;
        }
    }
    tokens
}

/// The longest code inside angle brackets that [`code_in_angle_brackets`]
/// skips.
const MAX_CODE_BYTES: usize = 23;

/// The length of a code in angle brackets at the start of the text: a
/// ticker (`<RHON.PA>`, `<IBM>`) or a tag (`<br>`), markup rather than
/// words, so its letters are no names. A name in brackets has spaces
/// (`<Federal Industries Ltd>`) and stays.
fn code_in_angle_brackets(text: &str) -> Option<usize> {
    let inside = text.strip_prefix('<')?;
    let end = inside
        .bytes()
        .take(MAX_CODE_BYTES + 1)
        .position(|byte| byte == b'>')?;
    let code = &inside[..end];
    let plain = !code.is_empty()
        && !code
            .bytes()
            .any(|byte| byte.is_ascii_whitespace() || byte == b'<');
    plain.then_some(end + 2)
}

/// The longest line of a text wrapped at a fixed width: wire copy wraps
/// at 60 to 80 characters, while a text that keeps each paragraph on one
/// line has longer lines.
const MAX_WRAPPED_LINE: usize = 100;

/// Whether a text's lines are wrapped at a fixed width, so that a line
/// break alone may fall inside a name (`Paul\nVolcker`): it has two lines
/// or more, none longer than [`MAX_WRAPPED_LINE`] characters.
pub(super) fn is_wrapped(text: &str) -> bool {
    let mut lines = text.trim_end().split('\n');
    let first = lines.next().unwrap_or("");
    let short =
        |line: &str| line.len() <= MAX_WRAPPED_LINE || line.chars().count() <= MAX_WRAPPED_LINE;
    let mut more = false;
    for line in lines {
        if !short(line) {
            return false;
        }
        more = true;
    }
    more && short(first)
}

/// Whether the text after a line break starts a paragraph: a blank line
/// or an indented line (`\n    Speaking to ...`, as wires write them); a
/// line break alone only wraps a line.
fn starts_paragraph(after_line_break: &str) -> bool {
    let indented = after_line_break.starts_with('\t') || after_line_break.starts_with("  ");
    indented
        || after_line_break
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n')
}

/// The character at a byte position, which must be a char boundary, read
/// without decoding when it is ASCII, as most of a news text is.
fn char_at(text: &str, position: usize) -> char {
    let byte = text.as_bytes()[position];
    if byte.is_ascii() {
        return char::from(byte);
    }
    text[position..]
        .chars()
        .next()
        .expect("position is on a char boundary")
}

/// Whether each byte is an ASCII letter or digit, looked up in the
/// tokenizer's innermost loop: one load instead of two range tests.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// Finds the end of the word starting at `start`: letters and digits, with
/// inner apostrophes, hyphens, ampersands and the dots of initialisms.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut position = start;
    while position < text.len() {
        // Most of a word is ASCII letters and digits: skipped as one run.
        let ascii_run = bytes[position..]
            .iter()
            .take_while(|&&byte| ASCII_ALPHANUMERIC[usize::from(byte)])
            .count();
        if ascii_run > 0 {
            position += ascii_run;
            end = position;
            continue;
        }
        let character = char_at(text, position);
        let after = position + character.len_utf8();
        if character.is_alphanumeric() {
            position = after;
            end = position;
            continue;
        }
        if !matches!(character, '\'' | '’' | '-' | '&' | '.') {
            break;
        }
        let next = text[after..].chars().next();
        if !next.is_some_and(char::is_alphanumeric) {
            break;
        }
        if character == '.' && !is_initialism_dot(&text[start..position], next) {
            break;
        }
        position = after;
    }
    end
}

/// Whether a dot continues an initialism such as `U.S` or `U.K`: every part
/// so far is one letter, and so is the next.
fn is_initialism_dot(before: &str, next: Option<char>) -> bool {
    let parts_are_single = before.split('.').all(|part| part.chars().count() == 1);
    parts_are_single && next.is_some_and(|character| character.is_alphabetic())
}

/// Whether a word ending in a dot is an abbreviation that keeps it.
fn is_abbreviation(word_with_dot: &str) -> bool {
    let word = word_with_dot.trim_end_matches('.');
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut characters = word.chars();
    let is_initial =
        characters.next().is_some_and(char::is_uppercase) && characters.next().is_none();
    let initialism = word.contains('.') && word.split('.').all(|part| part.chars().count() == 1);
    is_initial || initialism
}

/// How many characters [`is_shouting`] reads.
const SHOUTING_SAMPLE: usize = 400;

/// A text split into tokens once, for every extractor to share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokenized<'a> {
    /// The words.
    pub tokens: Vec<Token<'a>>,
    /// Whether the text is in capitals, as wire headlines are.
    pub shouting: bool,
}

/// Tokenizes a text and tells whether it is in capitals.
pub fn analyse(text: &str) -> Tokenized<'_> {
    Tokenized {
        tokens: tokenize(text),
        shouting: is_shouting(text),
    }
}

/// A run of capitalised tokens: `tokens[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Index of the first token.
    pub start: usize,
    /// Index after the last token.
    pub end: usize,
}

/// Lowercase words that may join two capitalised words into one name.
const CONNECTORS: &[&str] = &[
    "of", "de", "du", "la", "von", "van", "der", "al", "bin", "for", "on",
];

/// Groups capitalised tokens into spans.
pub fn spans(tokens: &[Token]) -> Vec<Span> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if !tokens[index].capitalised {
            index += 1;
            continue;
        }
        let start = index;
        let mut end = index + 1;
        let ends_before = |token: &Token| token.after_break || token.after_line_end;
        while end < tokens.len() && !ends_before(&tokens[end]) && !tokens[end - 1].possessive {
            if tokens[end].capitalised {
                end += 1;
                continue;
            }
            let connector_length = if tokens[end].text == "of"
                && tokens.get(end + 1).is_some_and(|next| next.text == "the")
            {
                2
            } else {
                1
            };
            let joined = CONNECTORS.contains(&tokens[end].text)
                && tokens
                    .get(end + connector_length)
                    .is_some_and(|next| next.capitalised && !ends_before(next));
            if !joined {
                break;
            }
            end += connector_length + 1;
        }
        found.push(Span { start, end });
        index = end;
    }
    found
}

/// Whether most letters of a text are uppercase, as in wire headlines;
/// the first [`SHOUTING_SAMPLE`] characters tell.
pub fn is_shouting(text: &str) -> bool {
    let mut upper = 0usize;
    let mut lower = 0usize;
    let sample = &text.as_bytes()[..text.len().min(SHOUTING_SAMPLE)];
    if sample.is_ascii() {
        for chunk in sample.chunks(64) {
            for byte in chunk {
                upper += usize::from(byte.is_ascii_uppercase());
                lower += usize::from(byte.is_ascii_lowercase());
            }
            // The rest of the sample can no longer give three capitals
            // per lowercase letter: most text is known after a chunk.
            if lower * 4 >= sample.len() {
                return false;
            }
        }
        return upper >= 4 && upper > lower * 3;
    }
    for character in text.chars().take(SHOUTING_SAMPLE) {
        if character.is_uppercase() {
            upper += 1;
        } else if character.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 4 && upper > lower * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_word_bytes_is_ascii_alphanumeric() {
        for byte in 0..=u8::MAX {
            assert_eq!(
                ASCII_ALPHANUMERIC[usize::from(byte)],
                byte.is_ascii_alphanumeric(),
                "{byte}"
            );
        }
    }

    #[test]
    fn abbreviations_are_listed_words_initials_and_initialisms() {
        for (word, expected) in [
            ("Mr.", true),
            ("Corp.", true),
            ("J.", true),
            ("U.S.", true),
            ("U.S.A.", true),
            ("Jan.", false),
            ("said.", false),
            ("U.SA.", false),
            ("1.", false),
        ] {
            assert_eq!(is_abbreviation(word), expected, "{word}");
        }
    }

    #[test]
    fn shouting_stops_early_but_answers_as_counting_the_whole_sample() {
        fn counted(text: &str) -> bool {
            let sample = &text.as_bytes()[..text.len().min(SHOUTING_SAMPLE)];
            let upper = sample
                .iter()
                .filter(|byte| byte.is_ascii_uppercase())
                .count();
            let lower = sample
                .iter()
                .filter(|byte| byte.is_ascii_lowercase())
                .count();
            upper >= 4 && upper > lower * 3
        }
        let texts = [
            "a".repeat(100) + &"B".repeat(300),
            "B".repeat(300) + &"a".repeat(99),
            "B".repeat(300) + &"a".repeat(101),
            "b ".repeat(60) + &"C".repeat(500),
            "OIL PRICES RISE".to_string(),
            "Oil prices rise".to_string(),
            "ABC".to_string(),
        ];
        for text in &texts {
            assert_eq!(is_shouting(text), counted(text), "{text:?}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|token| token.text).collect()
    }

    fn span_texts(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        spans(&tokens)
            .into_iter()
            .map(|span| {
                tokens[span.start..span.end]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn keeps_initialisms_and_abbreviations_whole() {
        assert_eq!(
            words("The U.S. and the U.K. met Mr. Smith."),
            vec!["The", "U.S.", "and", "the", "U.K.", "met", "Mr.", "Smith"]
        );
        assert_eq!(
            words("Beloussov's visit, Xi's plan"),
            vec!["Beloussov", "visit", "Xi", "plan"]
        );
        assert_eq!(
            words("a well-known co-operative"),
            vec!["a", "well-known", "co-operative"]
        );
    }

    #[test]
    fn marks_sentence_starts_and_breaks() {
        let tokens = tokenize("China grew. Russia, too");
        assert!(tokens[0].sentence_start);
        assert!(!tokens[1].sentence_start);
        assert!(tokens[2].sentence_start);
        assert!(tokens[3].after_break && !tokens[3].sentence_start);
        assert!(tokens[2].before_comma);
    }

    #[test]
    fn codes_in_angle_brackets_are_markup() {
        assert_eq!(
            words("Rhone-Poulenc <RHON.PA> and <Federal Industries Ltd> said <br>so"),
            vec![
                "Rhone-Poulenc",
                "and",
                "Federal",
                "Industries",
                "Ltd",
                "said",
                "so"
            ]
        );
        assert_eq!(span_texts("Boeing Co <BA> said"), vec!["Boeing Co"]);
        assert_eq!(words("a < b and c > d"), vec!["a", "b", "and", "c", "d"]);
    }

    #[test]
    fn a_blank_or_indented_line_starts_a_paragraph() {
        let text = "said Clayton Yeutter\n    Speaking later\n\nHe left\nwrapped line";
        let starts: Vec<&str> = tokenize(text)
            .into_iter()
            .filter(|token| token.sentence_start && token.after_break)
            .map(|token| token.text)
            .collect();
        assert_eq!(starts, vec!["said", "Speaking", "He"]);
        assert_eq!(span_texts(text), vec!["Clayton Yeutter", "Speaking", "He"]);
    }

    #[test]
    fn a_name_runs_on_across_a_wrapped_line_only() {
        // Wire copy wrapped at a fixed width: the line break falls inside
        // a name.
        let wrapped =
            "U.S. Trade Representative Clayton\nYeutter said he hoped the U.S.\ndollar would fall.";
        assert!(is_wrapped(wrapped));
        assert_eq!(
            span_texts(wrapped),
            vec!["U.S. Trade Representative Clayton Yeutter", "U.S."]
        );
        // A byline above a paragraph kept on one line: the line ends the
        // name.
        let paragraph = "Factory orders rose in July and manufacturing surged in the Midwest in \
                         August, reports said Friday, as the economy picked up speed again.";
        let byline = format!("Glenn Somerville\n{paragraph}");
        assert!(!is_wrapped(&byline));
        assert_eq!(
            span_texts(&byline),
            vec![
                "Glenn Somerville",
                "Factory",
                "July",
                "Midwest",
                "August",
                "Friday"
            ]
        );
        assert!(!is_wrapped("One line only, however short."));
    }

    #[test]
    fn groups_names_and_joins_them_across_of() {
        assert_eq!(
            span_texts("Russian Defense Minister Sergei Beloussov arrived"),
            vec!["Russian Defense Minister Sergei Beloussov"]
        );
        assert_eq!(
            span_texts("in the Sea of Japan - which"),
            vec!["Sea of Japan"]
        );
        assert_eq!(
            span_texts("Brazil, Russia, India, China, and South Africa"),
            vec!["Brazil", "Russia", "India", "China", "South Africa"]
        );
        assert_eq!(span_texts("of his. Chinese counterpart"), vec!["Chinese"]);
        assert_eq!(
            span_texts("Beloussov's visit to Kazan"),
            vec!["Beloussov", "Kazan"]
        );
    }

    #[test]
    fn tells_shouting_headlines() {
        assert!(is_shouting("BAHIA COCOA REVIEW"));
        assert!(is_shouting("U.S. OIL OUTPUT FALLS, API SAYS"));
        assert!(!is_shouting("Russian Defense Chief Engages in Discussions"));
    }

    #[test]
    fn joins_names_across_of_the() {
        assert_eq!(
            span_texts("U.K. Chancellor of the Exchequer Nigel Lawson"),
            vec!["U.K. Chancellor of the Exchequer Nigel Lawson"]
        );
        assert_eq!(span_texts("the Bank of the south"), vec!["Bank"]);
    }

    #[test]
    fn initials_and_plural_possessives() {
        assert_eq!(
            span_texts("entities of Ivan F. Boesky and"),
            vec!["Ivan F. Boesky"]
        );
        assert_eq!(
            span_texts("Salomon Brothers' Henry Kaufman said"),
            vec!["Salomon Brothers", "Henry Kaufman"]
        );
    }
}
