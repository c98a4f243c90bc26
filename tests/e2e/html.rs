//! `newsdex ingest` on saved web pages: metadata from the head, JSON-LD,
//! the main text without navigation, ads, comments or footers, a legacy
//! encoding, gzip, stdin, and a page with nothing to index. The sample is
//! `samples/formats/harbour-gazette-page.html`, which the README uses.

use crate::formats::format_sample;
use crate::util::{TestEnv, json, stderr};

#[test]
fn a_saved_page_gives_its_main_text_and_metadata() {
    let env = TestEnv::new();
    let page = format_sample("harbour-gazette-page.html");
    let output = env.run("ingest", &["--json", &page]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["indexed"], 1);
    let hit = &env.query(&["refund"])["hits"][0];
    assert_eq!(
        hit["title"],
        "Ferry crews win back pay after a month of talks"
    );
    assert_eq!(hit["date"], "2024-10-19");
    assert_eq!(hit["source"], "Harbour Gazette");
    assert_eq!(
        hit["url"],
        "https://news.example.org/2024/10/19/ferry-crews-back-pay"
    );
    assert_eq!(
        env.query(&["\"Saint-Lô\""])["total_hits"],
        1,
        "windows-1252 read"
    );
    for left_out in [
        "Subscribe",
        "Advertisement",
        "Lighthouse",
        "Privacy",
        "Great",
    ] {
        assert_eq!(env.query(&[left_out])["total_hits"], 0, "{left_out}");
    }
}

#[test]
fn json_ld_article_body_is_the_text_and_pages_are_sniffed_on_stdin() {
    let env = TestEnv::new();
    let page = r#"<!DOCTYPE html><html><head><title>Lava | Wire</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Lava stops at the barrier", "datePublished": "2024-10-16T07:45:00Z",
 "author": {"@type": "Person", "name": "Helga Jonsdottir"},
 "publisher": {"@type": "Organization", "name": "Northern Wire"},
 "articleBody": "The lava flow stopped short of the road overnight."}</script>
</head><body><p>Sign up for our newsletter</p></body></html>"#;
    let output = env
        .command()
        .args(["ingest", "--index"])
        .arg(env.index())
        .args(["--json", "-"])
        .write_stdin(page)
        .output()
        .expect("run newsdex");
    assert_eq!(json(&output)["indexed"], 1, "{}", stderr(&output));
    let hit = &env.query(&["lava"])["hits"][0];
    assert_eq!(hit["title"], "Lava stops at the barrier");
    assert_eq!(hit["date"], "2024-10-16");
    assert_eq!(hit["source"], "Northern Wire");
    assert_eq!(env.query(&["newsletter"])["total_hits"], 0);
}

#[test]
fn a_page_with_nothing_to_index_is_skipped() {
    let env = TestEnv::new();
    let empty = env.write(
        "empty.htm",
        "<html><body><nav><a href=\"/\">x</a></nav></body></html>",
    );
    let output = env.run("ingest", &["--json", empty.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        format!(
            "newsdex: skipped {}: not an article: the page has no title and no text",
            empty.display()
        )
    );
}
