//! The tokenizer of the `default_folded` text fields in one pass over the
//! text: the tokens of tantivy's `SimpleTokenizer`, `RemoveLongFilter`,
//! `LowerCaser` and `AsciiFoldingFilter` chained, exactly, without the
//! chain's four passes over each word and its character decoding of ASCII.
//!
//! A word is a maximal run of alphanumeric characters (`char::is_alphanumeric`);
//! one of `longest` bytes or more is left out, keeping its position; an
//! ASCII word is lowercased, and any other goes through tantivy's own
//! lowercasing and folding, so that its term is the chain's.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Splits text into lowercased words with accents folded; see the module
/// header.
#[derive(Clone)]
pub struct FoldedWordTokenizer {
    token: Token,
    /// Words of this many bytes or more are left out.
    longest: usize,
    /// Lowercases and folds a word that is not ASCII, as the chain does.
    fold: TextAnalyzer,
}

impl FoldedWordTokenizer {
    /// Makes the tokenizer, leaving out words of `longest` bytes or more.
    pub fn new(longest: usize) -> FoldedWordTokenizer {
        FoldedWordTokenizer {
            token: Token::default(),
            longest,
            fold: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
        }
    }
}

/// The tokens of one text.
pub struct FoldedWordStream<'a> {
    text: &'a str,
    /// Where the search for the next word starts.
    at: usize,
    token: &'a mut Token,
    longest: usize,
    fold: &'a mut TextAnalyzer,
}

impl Tokenizer for FoldedWordTokenizer {
    type TokenStream<'a> = FoldedWordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldedWordStream<'a> {
        self.token.reset();
        FoldedWordStream {
            text,
            at: 0,
            token: &mut self.token,
            longest: self.longest,
            fold: &mut self.fold,
        }
    }
}

impl TokenStream for FoldedWordStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            // As `SimpleTokenizer`, which counts every word, and
            // `RemoveLongFilter`, which skips some.
            self.token.text.clear();
            self.token.position = self.token.position.wrapping_add(1);
            let Some((start, end, seen)) = self.next_word() else {
                return false;
            };
            if end - start >= self.longest {
                continue;
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            let word = &self.text[start..end];
            if seen & NOT_ASCII == 0 {
                self.token.text.push_str(word);
                if seen & UPPER != 0 {
                    self.token.text.make_ascii_lowercase();
                }
            } else {
                let text = &mut self.token.text;
                self.fold
                    .token_stream(word)
                    .process(&mut |folded| text.push_str(&folded.text));
            }
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

impl FoldedWordStream<'_> {
    /// Returns the byte range of the next word and the [`BYTE_CLASSES`]
    /// flags of its bytes together, and moves past it; `None` when the
    /// text holds no more.
    fn next_word(&mut self) -> Option<(usize, usize, u8)> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        // What is not a word.
        let start = loop {
            let &byte = bytes.get(at)?;
            let class = BYTE_CLASSES[usize::from(byte)];
            if class & ALPHANUMERIC != 0 {
                break at;
            }
            if class & NOT_ASCII == 0 {
                at += 1;
                continue;
            }
            let c = self.char_at(at);
            if c.is_alphanumeric() {
                break at;
            }
            at += c.len_utf8();
        };
        // The word.
        let mut seen = 0;
        while let Some(&byte) = bytes.get(at) {
            let class = BYTE_CLASSES[usize::from(byte)];
            if class & ALPHANUMERIC != 0 {
                seen |= class;
                at += 1;
                continue;
            }
            if class & NOT_ASCII == 0 {
                break;
            }
            let c = self.char_at(at);
            if !c.is_alphanumeric() {
                break;
            }
            seen |= NOT_ASCII;
            at += c.len_utf8();
        }
        self.at = at;
        Some((start, at, seen))
    }

    /// The character starting at a byte offset, which is always on a
    /// character's boundary.
    fn char_at(&self, at: usize) -> char {
        self.text[at..].chars().next().unwrap_or(' ')
    }
}

/// In [`BYTE_CLASSES`]: an ASCII letter or digit.
const ALPHANUMERIC: u8 = 1;
/// In [`BYTE_CLASSES`]: an ASCII capital letter.
const UPPER: u8 = 2;
/// In [`BYTE_CLASSES`]: a byte of a character that is not ASCII.
const NOT_ASCII: u8 = 4;

/// The class of each byte, as flags.
const BYTE_CLASSES: [u8; 256] = {
    let mut classes = [NOT_ASCII; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match byte as u8 {
            b'A'..=b'Z' => ALPHANUMERIC | UPPER,
            b'a'..=b'z' | b'0'..=b'9' => ALPHANUMERIC,
            _ => 0,
        };
        byte += 1;
    }
    classes
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{RemoveLongFilter, SimpleTokenizer};

    /// Every token of a text, through an analyzer.
    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut found = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |token| found.push(token.clone()));
        found
    }

    /// The tokens of tantivy's chain and of the one-pass tokenizer.
    fn both(text: &str) -> (Vec<Token>, Vec<Token>) {
        let mut chain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(12))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build();
        let mut one_pass = TextAnalyzer::from(FoldedWordTokenizer::new(12));
        (tokens(&mut chain, text), tokens(&mut one_pass, text))
    }

    #[test]
    fn tokens_are_the_chains() {
        for text in [
            "",
            " ,; ",
            "Hello, happy TAX payer!",
            "Sánchez met ÅSA in Zürich; Straße, İstanbul, ΣΟΦΟΣ.",
            "a verylongwordindeed and averylongwördindeed, then 4.1 pct",
            "ǅemal ١٢٣ x\u{a0}y — “quoted” l’été",
            "trailing word",
            "elevenchars twelveletter thirteenchar Zwölfbuchst Zwölfbuchsta",
        ] {
            let (chain, one_pass) = both(text);
            assert_eq!(one_pass, chain, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn tokens_of_any_text_are_the_chains(text in "[a-zA-Z0-9 .,'éÉßİΣς١\u{a0}ǅ-]{0,60}") {
            let (chain, one_pass) = both(&text);
            prop_assert_eq!(one_pass, chain);
        }

        #[test]
        fn tokens_of_any_string_are_the_chains(text in any::<String>()) {
            let (chain, one_pass) = both(&text);
            prop_assert_eq!(one_pass, chain);
        }
    }
}
