//! Counts in messages and table headers (issue 20): one of a thing is
//! singular, and a rate says what it counts.

use crate::util::{TestEnv, stderr, stdout};

/// One article with one person and one organization given, so every
/// count below is 1.
const ONE: &str = r#"{"id": "only", "date": "2024-01-01", "title": "Oil deal", "body": "An oil deal.", "persons": ["Ann Lee"], "organizations": ["OPEC"]}"#;

/// Regression test for issue 20: `1 hits`, `1 pairs in 1 matching
/// articles`, `deleted 1 articles`, `verified the files of 1 segments`,
/// `exported 1 articles`, and `(0 articles/s)` after a re-ingest that read
/// every article and had nothing new to index.
#[test]
fn r20_one_of_a_thing_is_singular_and_a_rate_says_what_it_counts() {
    let env = TestEnv::new();
    env.ingest_file("one.jsonl", &format!("{ONE}\n"), &["--no-enrich"]);
    let table = env.run("query", &["oil", "--view", "compact"]);
    assert_eq!(
        stdout(&table).lines().next(),
        Some("1 hit for \"oil\" (showing 1-1)")
    );
    let collapsed = env.run("query", &["oil", "--collapse", "--view", "compact"]);
    assert_eq!(
        stdout(&collapsed).lines().next(),
        Some("1 hit in 1 story for \"oil\" (showing 1-1 story)")
    );
    let pairs = env.run("pairs", &["oil", "--min-count", "1"]);
    assert!(
        stdout(&pairs).starts_with("1 pair in 1 matching article\n"),
        "{}",
        stdout(&pairs)
    );
    let verified = env.run("stats", &["--verify"]);
    assert_eq!(
        stderr(&verified),
        "newsdex: verified the files of 1 segment: every checksum matches\n"
    );
    let out = env.dir.path().join("export");
    let exported = env.run(
        "export",
        &["--to", "quickwit", "--out", out.to_str().unwrap()],
    );
    assert!(
        stderr(&exported).starts_with(&format!(
            "newsdex: exported 1 article to {} (",
            out.display()
        )),
        "{}",
        stderr(&exported)
    );
    let again = env.write("again.jsonl", format!("{ONE}\n"));
    let reingest = env.run("ingest", &["--no-enrich", again.to_str().unwrap()]);
    let summary = stderr(&reingest);
    assert!(
        summary.starts_with(
            "newsdex: done: read 1, indexed 0 (0 replaced), duplicates 0, unchanged 1, skipped 0, warnings 0 in "
        ),
        "{summary}"
    );
    assert!(summary.ends_with(" read/s)\n"), "{summary}");
    let deleted = env.run("delete", &["only", "--yes"]);
    assert_eq!(stderr(&deleted), "newsdex: deleted 1 article\n");
}
