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

#[test]
fn r19_the_chrome_of_a_page_is_no_article_text() {
    let env = TestEnv::new();
    let page = r#"<!DOCTYPE html><html lang="en"><head><title>Ports reopen | Harbour Gazette</title>
<meta property="og:title" content="Ports reopen after strike">
<meta property="article:published_time" content="2024-10-16T07:45:00Z">
</head><body><article>
<h1>Ports reopen after strike</h1>
<p>Ports along the coast reopened on Monday after a week of strikes that left
hundreds of ships waiting at anchor, the port authority said.</p>
<p>Skip past newsletter promotion</p>
<p>Sign up to Breaking News Emails: get the stories as they happen</p>
<p>after newsletter promotion</p>
<p>Photograph: Marta Quillon/Harbour Photos</p>
<p>Union leader Ruth Okafor said talks with the port authority would resume on
Thursday, and that dockers would vote on any new contract within a week.</p>
<p>Related: Dockers vote to end the strike</p>
<p>© 2024 Harbour Gazette. All rights reserved.</p>
</article></body></html>"#;
    let path = env.write("ports.html", page);
    let output = env
        .command()
        .args(["ingest", "--index"])
        .arg(env.index())
        .arg("--json")
        .arg(&path)
        .output()
        .expect("run newsdex");
    assert_eq!(json(&output)["indexed"], 1, "{}", stderr(&output));
    for chrome in ["newsletter", "Photograph", "rights", "Related"] {
        assert_eq!(env.query(&[chrome])["total_hits"], 0, "{chrome} is chrome");
    }
    let hit = &env.query(&["dockers"])["hits"][0];
    assert_eq!(hit["persons"], serde_json::json!(["Ruth Okafor"]), "{hit}");
    let keywords = hit["keywords"].as_array().expect("keywords");
    assert!(
        !keywords
            .iter()
            .any(|keyword| keyword.as_str().unwrap_or("").contains("newsletter")),
        "{keywords:?}"
    );
}
