//! The language of an article: the input's own `language` value when it
//! gives one, else detected from the headline and the start of the body,
//! written as an ISO 639-1 code (`en`, `de`). Text where one word in ten is
//! a distinctly English word (`the`, `of`, `said`) is English; other text
//! goes to `whatlang` (a trigram model of 70 languages, offline), trusted
//! in Latin script only on running prose, not on tables of figures, and
//! only when the text writes one of the language's commonest little words
//! (an English earnings table is never French).
//!
//! Entity names, keywords and the name tagger are English: an article
//! whose language is known and not English gets only what holds across
//! languages, countries from unambiguous place names.

use whatlang::{Lang, Script};

/// How much of a text detection reads: a few sentences tell.
const SAMPLE_BYTES: usize = 1000;

/// Returns the ISO 639-1 code of the language of a headline and body, when
/// the detector is sure of it.
pub fn detect(title: &str, body: &str) -> Option<&'static str> {
    let body_start = super::prefix(body, SAMPLE_BYTES);
    // The sample's words are the headline's, then the body's: read apart,
    // they spare building the sample for English text, most of it.
    if reads_as_english(&[title, body_start]) {
        return Some("en");
    }
    let mut sample = String::with_capacity(title.len() + 1 + body_start.len());
    sample.push_str(title);
    sample.push('\n');
    sample.push_str(body_start);
    let latin = whatlang::detect_script(&sample) == Some(Script::Latin);
    if latin && !is_prose(&sample) {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = iso_639_1(info.lang())?;
    if writes_none_of_its_words(code, &sample) {
        return None;
    }
    Some(code)
}

/// Whether a text the detector gives to a language of Latin script writes
/// none of that language's commonest little words (`le`, `et`, `des` for
/// French): an earnings table in English (`Shr profit 12 cts vs loss`),
/// whose trigrams look French, is no French text.
fn writes_none_of_its_words(code: &str, text: &str) -> bool {
    let Some(words) = FUNCTION_WORDS
        .iter()
        .find(|(language, _)| *language == code)
        .map(|(_, words)| *words)
    else {
        return false;
    };
    !bare_words(text).any(|word| words.contains(&word.to_lowercase().as_str()))
}

/// The commonest little words of the languages of Latin script a detector
/// may take tables of figures for.
#[rustfmt::skip]
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    ("fr", &["le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "qui", "que", "au",
             "aux", "sur", "par", "avec"]),
    ("ca", &["el", "la", "els", "les", "del", "dels", "i", "és", "una", "per", "amb", "que", "al"]),
    ("es", &["el", "la", "los", "las", "del", "y", "es", "una", "por", "para", "con", "que", "al"]),
    ("it", &["il", "la", "di", "della", "che", "per", "non", "una", "con", "del", "gli", "nel"]),
    ("pt", &["o", "os", "da", "do", "das", "dos", "em", "não", "uma", "para", "com", "que", "no",
             "na"]),
    ("de", &["der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine",
             "im"]),
    ("nl", &["de", "het", "een", "en", "van", "niet", "op", "voor", "met", "zijn", "dat"]),
    ("ro", &["și", "si", "în", "de", "la", "cu", "pe", "care", "este", "din", "un", "o"]),
    ("la", &["et", "est", "in", "non", "ad", "cum", "quod", "sed"]),
];

/// The share of a text's words, in hundredths, at or above which it
/// reads as English whatever the detector says.
const ENGLISH_SHARE: usize = 10;

/// The words of a text without the punctuation around them.
fn bare_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_ascii_whitespace()
        .map(|word| match starts_and_ends_alphanumeric(word) {
            true => word,
            false => word.trim_matches(|c: char| !c.is_alphanumeric()),
        })
        .filter(|bare| !bare.is_empty())
}

/// Whether a word's first and last bytes are ASCII letters or digits, as
/// most words' are: then trimming it of punctuation leaves it as it is.
fn starts_and_ends_alphanumeric(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether texts read one after another read as English: one word in ten or more is an English
/// word. Most English news does, and is known without running the
/// detector, which costs more than all the rest of extraction; and short
/// English text the detector takes for French (`Vitronics Corp said it
/// plans to establish a plant in Plymouth`) is read right.
fn reads_as_english(texts: &[&str]) -> bool {
    let mut words = 0usize;
    let mut english = 0usize;
    for text in texts {
        for bare in bare_words(text) {
            words += 1;
            english += usize::from(is_english_word(bare));
        }
    }
    words > 0 && english * 100 >= words * ENGLISH_SHARE
}

/// Whether a text reads as running prose: at least [`MIN_PROSE_WORDS`]
/// words, four in five of them made of letters only. Tables of figures
/// (`Shr profit 10 cts vs loss seven cts`) and short headlines give the
/// detector too little, and it takes English earnings tables for French.
/// Asked only of text that does not read as English.
fn is_prose(text: &str) -> bool {
    let mut words = 0usize;
    let mut lettered = 0usize;
    for bare in bare_words(text) {
        words += 1;
        lettered += usize::from(bare.chars().all(char::is_alphabetic));
    }
    lettered >= MIN_PROSE_WORDS && lettered * 5 >= words * 4
}

/// Whether a word, in any case, is English and no other language's (not
/// `in`, `was`, `is` or `a`, which German, Dutch or Spanish also write).
fn is_english_word(word: &str) -> bool {
    const LONGEST: usize = 5;
    if word.len() < 2 || word.len() > LONGEST {
        return false;
    }
    // Lowercased byte by byte into a stack buffer: for five bytes at most,
    // cheaper than a copy and a second pass.
    let mut buffer = [0u8; LONGEST];
    for (slot, byte) in buffer.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let lower = &buffer[..word.len()];
    matches!(
        lower,
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"that"
            | b"said"
            | b"with"
            | b"by"
            | b"from"
            | b"has"
            | b"have"
            | b"are"
            | b"were"
            | b"this"
            | b"which"
            | b"its"
            | b"would"
            | b"their"
            | b"been"
    )
}

/// The fewest words a text in Latin script needs before its language is
/// trusted to be other than English.
const MIN_PROSE_WORDS: usize = 20;

/// Whether the English rules apply: the language is English or unknown.
pub fn is_english(language: Option<&str>) -> bool {
    language.is_none_or(|code| code == "en")
}

/// The ISO 639-1 code of each language the detector knows.
fn iso_639_1(lang: Lang) -> Option<&'static str> {
    let code = match lang.code() {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_language_of_news() {
        let german = "Die Bundesregierung will die Gasspeicher bis zum Winter füllen, \
                      sagte der Wirtschaftsminister am Montag in Berlin. Die Preise steigen.";
        assert_eq!(detect("Gaspreise steigen weiter", german), Some("de"));
        let russian = "Президент заявил, что переговоры продолжатся на следующей неделе в Москве, \
                       где встретится делегация.";
        assert_eq!(detect("Переговоры продолжатся", russian), Some("ru"));
        let english = "The central bank raised its benchmark rate on Wednesday, saying \
                       inflation remained far above its target.";
        assert_eq!(detect("Bank raises rates", english), Some("en"));
        assert_eq!(detect("", ""), None);
        let table = "Shr profit 10 cts vs loss seven cts\n    Net profit 286,870 vs loss 156,124\n    \
                     Revs 10.0 mln vs 7,577,207\n    Year\n    Shr profit five cts vs profit 42 cts";
        assert_eq!(
            detect("DAHLBERG INC 4TH QTR NET", table),
            None,
            "an English table is no French"
        );
        let short = "Vitronics Corp said it plans to\nestablish a plant in Plymouth, England, to serve European\ncustomers.";
        assert_eq!(
            detect("VITRONICS <VITX> PLANS BRITISH PLANT", short),
            Some("en")
        );
    }

    #[test]
    fn every_detected_language_has_a_code() {
        for lang in Lang::all() {
            assert!(iso_639_1(*lang).is_some(), "{lang:?}");
        }
    }

    #[test]
    fn english_words_are_known_in_any_case() {
        assert!(is_english_word("The"));
        assert!(is_english_word("SAID"));
        assert!(!is_english_word("die"));
        assert!(!is_english_word("in"));
        assert!(!is_english_word("theory"));
        assert!(reads_as_english(&["The bank said rates would rise"]));
        assert!(!reads_as_english(&["Die Bank sagte, die Zinsen steigen"]));
    }

    #[test]
    fn english_rules_apply_to_english_and_unknown_text() {
        assert!(is_english(None));
        assert!(is_english(Some("en")));
        assert!(!is_english(Some("de")));
    }
}
