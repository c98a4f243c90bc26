//! `newsdex ingest` on news feeds: RSS 2.0, Atom and RSS 1.0 (RDF), by
//! extension, sniffed on stdin or an unknown extension, JSON Feed's
//! `content_html`, a feed in Latin-1 served as UTF-8, and a broken feed.
//! The samples are those of `samples/formats/`, which the README uses.

use crate::formats::format_sample;
use crate::util::{TestEnv, json, stderr};

#[test]
fn an_rss_feed_gives_one_article_per_item_with_its_html_made_text() {
    let env = TestEnv::new();
    let output = env.run("ingest", &["--json", &format_sample("harbour-gazette.rss")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["indexed"], 2);
    let cranes = env.query(&["dockworkers"]);
    let hit = &cranes["hits"][0];
    assert_eq!(hit["id"], "hg-2024-1014-cranes");
    assert_eq!(hit["source"], "Harbour Gazette");
    assert_eq!(hit["date"], "2024-10-14");
    assert_eq!(
        hit["url"],
        "https://news.example.org/2024/10/14/valparaiso-cranes"
    );
    assert_eq!(
        env.query(&["trackView"])["total_hits"],
        0,
        "scripts are not text"
    );
    assert_eq!(
        env.query(&["\"night crossing\""])["hits"][0]["date"],
        "2024-10-15",
        "an escaped HTML description is the body"
    );
}

#[test]
fn atom_and_rdf_feeds_are_read_and_sniffed() {
    let env = TestEnv::new();
    let output = env.run("ingest", &["--json", &format_sample("northern-wire.atom")]);
    assert_eq!(json(&output)["indexed"], 1);
    let hit = &env.query(&["barrier"])["hits"][0];
    assert_eq!(hit["title"], "Lava reaches the Grindavík barrier & stops");
    assert_eq!(hit["date"], "2024-10-16", "published wins over updated");
    let rdf = "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel rdf:about=\"https://r.example.org/\"><title>Old Wire</title><link>https://r.example.org/</link><description>d</description></channel>\n<item rdf:about=\"https://r.example.org/1\"><title>Flood warning</title><link>https://r.example.org/1</link><description>The river rose a metre.</description><dc:date>2024-10-17T07:00:00Z</dc:date></item>\n</rdf:RDF>\n";
    let unknown = env.write("download.php", rdf);
    let output = env.run("ingest", &["--json", unknown.to_str().unwrap()]);
    assert_eq!(json(&output)["indexed"], 1, "{}", stderr(&output));
    let piped = env
        .command()
        .args(["ingest", "--index"])
        .arg(env.index())
        .args(["--json", "-"])
        .write_stdin(rdf.replace("Flood warning", "Flood alert"))
        .output()
        .expect("run newsdex");
    assert_eq!(json(&piped)["indexed"], 1, "{}", stderr(&piped));
    let flood = env.query(&["river"]);
    assert_eq!(flood["total_hits"], 1, "the same item, replaced");
    assert_eq!(flood["hits"][0]["source"], "Old Wire");
    assert_eq!(flood["hits"][0]["date"], "2024-10-17");
}

#[test]
fn a_json_feed_html_body_is_made_text() {
    let env = TestEnv::new();
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Valley Post",
  "items": [{"id": "vp-1", "title": "Bridge reopens", "date_published": "2024-10-18T10:00:00Z",
    "content_html": "<p>The bridge reopened &amp; traffic <em>flows</em>.</p><script>ad()</script>"}]}"#;
    let path = env.write("feed.json", feed);
    let output = env.run("ingest", &["--json", path.to_str().unwrap()]);
    assert_eq!(json(&output)["indexed"], 1);
    let hit = &env.query(&["bridge"])["hits"][0];
    assert_eq!(hit["source"], "Valley Post");
    assert_eq!(hit["snippet"], "The bridge reopened & traffic flows");
}

#[test]
fn latin1_served_as_utf8_keeps_its_letters() {
    let env = TestEnv::new();
    let mut feed = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Le Courrier</title><item><guid>c-1</guid><title>Gr".to_vec();
    feed.push(0xe8);
    feed.extend_from_slice(b"ve au port</title><description>Les dockers du port ont arr");
    feed.push(0xea);
    feed.extend_from_slice(b"t\xe9 le travail.</description></item></channel></rss>");
    let path = env.write("courrier.rss", feed);
    let output = env.run("ingest", &["--json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["warnings"], 1);
    assert!(
        stderr(&output).contains("not valid UTF-8 (Latin-1 served as UTF-8?)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(env.query(&["dockers"])["hits"][0]["title"], "Grève au port");
}

#[test]
fn a_broken_feed_keeps_the_items_before_the_break() {
    let env = TestEnv::new();
    let feed = "<rss version=\"2.0\"><channel><title>T</title>\n<item><title>Kept</title><pubDate>14 Oct 2024</pubDate><description>First story.</description></item>\n<item><title>Broken <b>tag</title><description>x</description></item>\n<item><title>Lost</title></item>\n</channel></rss>\n";
    let path = env.write("broken.rss", feed);
    let name = path.display();
    let output = env.run("ingest", &["--json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["indexed"], 1);
    let message = stderr(&output);
    let expected = format!("newsdex: skipped {name}:3: not a readable feed: ");
    assert!(message.starts_with(&expected), "{message}");
    assert!(
        message.contains("the feed breaks here; the 1 item before was read, the rest skipped"),
        "{message}"
    );
    let garbage = env.write("garbage.xml", "<rss><channel><title>x</tit");
    let output = env.run("ingest", &[garbage.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(&format!(
            "newsdex: skipped {}: not a readable feed",
            garbage.display()
        )),
        "{}",
        stderr(&output)
    );
}
