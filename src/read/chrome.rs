//! The chrome of a web page that is no article text: newsletter sign-ups,
//! "breaking news" alerts, related-article links, share buttons, photo
//! credits and copyright lines that page extraction leaves among the
//! paragraphs. Left in, they become keywords (`newsletter promotion`,
//! `breaking news emails`) and names (`Getty Images`, `Credit Ashraf
//! Shazly`). A short paragraph that begins like chrome is dropped; a long
//! one is article text that happens to begin so, and stays.

/// The most words a paragraph of chrome has.
const MAX_CHROME_WORDS: usize = 14;

/// How paragraphs of chrome begin, in lowercase.
const CHROME_OPENINGS: &[&str] = &[
    "sign up",
    "subscribe",
    "skip past newsletter",
    "after newsletter promotion",
    "newsletter promotion",
    "breaking news email",
    "get breaking news",
    "read more",
    "read next",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "more on this story",
    "most read",
    "recommended",
    "advertisement",
    "share this",
    "share on",
    "follow us",
    "photograph:",
    "photograph by",
    "photo:",
    "photo by",
    "photos:",
    "credit:",
    "credit...",
    "credit\u{2026}",
    "photo credit",
    "image:",
    "image caption",
    "image source",
    "media caption",
    "copyright",
    "©",
    "all rights reserved",
    "click here",
    "listen to this article",
    "watch:",
    "privacy notice",
    "this article was amended",
];

/// Drops the paragraphs of chrome from a page's text (see the module
/// header); paragraphs stay separated as they were.
pub fn drop_page_chrome(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut blank_before = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank_before = !kept.is_empty();
            continue;
        }
        if is_chrome(line) {
            continue;
        }
        if !kept.is_empty() {
            kept.push_str(if blank_before { "\n\n" } else { "\n" });
        }
        blank_before = false;
        kept.push_str(line);
    }
    kept
}

/// Whether a paragraph is chrome: short, and opening as chrome does.
fn is_chrome(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.split_whitespace().count() > MAX_CHROME_WORDS {
        return false;
    }
    let lower = trimmed.to_lowercase();
    let opening = lower
        .trim_start_matches(|character: char| !character.is_alphanumeric() && character != '©');
    CHROME_OPENINGS.iter().any(|chrome| {
        opening.strip_prefix(chrome).is_some_and(|rest| {
            chrome.ends_with([':', ' ', '©', '.', '\u{2026}'])
                || !rest.starts_with(|character: char| character.is_alphanumeric())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraphs_of_chrome_go_and_article_text_stays() {
        let page = "Ports reopened on Monday after a week of strikes.\n\n\
                    Skip past newsletter promotion\n\
                    Sign up to Business Today: get set for the working day\n\
                    after newsletter promotion\n\n\
                    Photograph: Harbour Wire/Getty Images\n\
                    Unions said talks would resume.\n\n\
                    Credit...Ivo Marsh/Harbour Wire\n\
                    Credit\u{2026}Ivo Marsh\n\
                    Credit Suisse declined to comment.\n\n\
                    Related: Dockers vote on new contract\n\
                    Subscribe now and save 50%\n\
                    © 2024 Harbour Gazette. All rights reserved.";
        assert_eq!(
            drop_page_chrome(page),
            "Ports reopened on Monday after a week of strikes.\n\nUnions said talks would resume.\n\n\
             Credit Suisse declined to comment."
        );
        let long = "Sign up rates for the new pension scheme rose sharply in March, \
                    the ministry said, as employers enrolled staff before the April deadline.";
        assert_eq!(
            drop_page_chrome(long),
            long,
            "a long paragraph is article text"
        );
    }
}
