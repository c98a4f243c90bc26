//! `newsdex pairs` (issue 14): who appears with whom in the matching
//! articles, as a table, Gephi CSV and JSON, with the query's filters.

use crate::util::{TestEnv, json, stderr, stdout};

/// Articles naming persons and organizations through the JSON keys, so
/// the pairs do not depend on what extraction finds (`--no-enrich`).
const ARTICLES: &str = concat!(
    r#"{"id": "a", "date": "2024-01-05", "title": "Cocoa", "body": "Cocoa.", "persons": ["Ama Owusu", "Kofi Mensah"], "organizations": ["Cocobod"]}"#,
    "\n",
    r#"{"id": "b", "date": "2024-02-05", "title": "Cocoa", "body": "Cocoa.", "persons": ["Ama Owusu", "Kofi Mensah"], "organizations": ["Cocobod"]}"#,
    "\n",
    r#"{"id": "c", "date": "2024-03-05", "title": "Cocoa", "body": "Cocoa.", "persons": ["Ama Owusu"], "organizations": ["Cocobod"], "keywords": ["cocoa prices"]}"#,
    "\n",
    r#"{"id": "d", "date": "2024-03-06", "title": "Gold", "body": "Gold.", "persons": ["Ama Owusu", "Kofi Mensah"]}"#,
    "\n",
);

fn ingested() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_file("names.jsonl", ARTICLES, &["--no-enrich"]);
    env
}

#[test]
fn csv_lists_the_pairs_for_gephi_most_shared_first() {
    let env = ingested();
    let output = env.run("pairs", &["cocoa", "--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Source,Target,Weight\nAma Owusu,Cocobod,3\nAma Owusu,Kofi Mensah,2\nKofi Mensah,Cocobod,2\n"
    );
}

#[test]
fn filters_kinds_and_the_minimum_shape_the_pairs() {
    let env = ingested();
    let strict = json(&env.run("pairs", &["cocoa", "--min-count", "3", "--json"]));
    assert_eq!(strict["total_hits"], 3);
    assert_eq!(
        strict["pairs"],
        serde_json::json!([{"source": "Ama Owusu", "source_kind": "person",
            "target": "Cocobod", "target_kind": "organization", "weight": 3}])
    );
    let persons_only = json(&env.run("pairs", &["--kinds", "person", "--json"]));
    assert_eq!(persons_only["pairs"][0]["weight"], 3, "a, b and d");
    let march = json(&env.run(
        "pairs",
        &[
            "--from",
            "2024-03-01",
            "--min-count",
            "1",
            "--kinds",
            "person,keyword",
            "--json",
        ],
    ));
    assert_eq!(march["total_hits"], 2);
    let targets: Vec<&str> = march["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| pair["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        ["Kofi Mensah", "cocoa prices"],
        "persons before keywords"
    );
    let table = env.run("pairs", &["cocoa"]);
    assert!(
        stdout(&table).starts_with("3 pairs in 3 matching articles\n"),
        "{}",
        stdout(&table)
    );
    let wrong = env.run("pairs", &["--kinds", "planet"]);
    assert_eq!(wrong.status.code(), Some(2), "stderr: {}", stderr(&wrong));
}
