//! HTML made plain text, the one place it is done: feed bodies
//! (`content:encoded`, Atom `content`, JSON Feed `content_html`), HTML
//! values named by the alias table, and the main text of web pages.
//!
//! The HTML is parsed by html5ever (through `dom_query`, which the page
//! reader's readability extraction uses too), so entities are decoded and
//! broken markup is read as browsers read it. Scripts, styles and other
//! elements that hold no text are dropped; block elements (`p`, `div`,
//! headings, lists, tables) end a paragraph, `br` ends a line, and runs of
//! white space become one space.

use dom_query::Document;

/// Elements whose content is never text a reader sees.
const NOT_TEXT: &str = "script, style, noscript, template, iframe, object, svg, head";

/// Turns an HTML fragment into plain text: paragraphs separated by a
/// blank line, entities decoded. Text with no markup or entity is
/// returned trimmed, without being parsed.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return html.trim().to_string();
    }
    let document = Document::fragment(html);
    document.select(NOT_TEXT).remove();
    document_text(&document)
}

/// The plain text of a parsed document or part of one, as
/// [`html_to_text`] makes it, with every paragraph trimmed.
pub fn document_text(document: &Document) -> String {
    let text = document.root().formatted_text();
    tidy_paragraphs(&text)
}

/// Trims each line, and keeps at most one blank line between paragraphs.
pub fn tidy_paragraphs(text: &str) -> String {
    let mut tidy = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank_lines += 1;
            continue;
        }
        if !tidy.is_empty() {
            tidy.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
        tidy.push_str(line);
    }
    tidy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities_survive_and_scripts_do_not() {
        let html = "<p>Port &amp; rail workers <b>walked out</b>.</p>\
            <script>track()</script><p>Talks resume&nbsp;Monday.<br>Unions agree.</p>";
        assert_eq!(
            html_to_text(html),
            "Port & rail workers walked out.\n\nTalks resume Monday.\nUnions agree."
        );
    }

    #[test]
    fn plain_text_is_kept_as_it_is() {
        assert_eq!(html_to_text("  one\n\ntwo  "), "one\n\ntwo");
        assert_eq!(html_to_text("AT&amp;T &lt;3"), "AT&T <3");
        assert_eq!(html_to_text("<div>a</div>\n\n\n<div>b</div>"), "a\n\nb");
    }
}
