//! `newsdex export`: Quickwit and Elasticsearch hand-off files, checked
//! against the documented formats and round-tripped against the index.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::{ENTITY_KEYS, TestEnv, json, stderr};

/// The hits of every sample, by id.
fn indexed(env: &TestEnv, filters: &[&str]) -> BTreeMap<String, Value> {
    let mut args = vec!["--limit", "1000"];
    args.extend_from_slice(filters);
    let result = env.query(&args);
    let mut hits = BTreeMap::new();
    for hit in result["hits"].as_array().unwrap() {
        hits.insert(hit["id"].as_str().unwrap().to_string(), hit.clone());
    }
    hits
}

fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn quickwit_export_round_trips_every_article() {
    let env = TestEnv::new();
    env.ingest_samples();
    let out = env.dir.path().join("quickwit");
    let output = env.run(
        "export",
        &["--to", "quickwit", "--json", "--out", out.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["documents"], 38);
    let config = read(&out.join("index-config.yaml"));
    for line in [
        "version: 0.8",
        "index_id: newsdex",
        "  mode: strict",
        "  timestamp_field: date",
        "    - name: date\n      type: datetime\n      input_formats: [rfc3339]",
        "    - name: persons\n      type: array<text>\n      tokenizer: raw\n      fast: true",
        "    - name: body\n      type: text\n      tokenizer: default\n      record: position",
        "  default_search_fields: [title, dateline, body]",
    ] {
        assert!(config.contains(line), "missing {line:?} in\n{config}");
    }
    let hits = indexed(&env, &[]);
    let documents = read(&out.join("docs-0001.ndjson"));
    assert!(documents.ends_with('\n'));
    let mut seen = 0;
    for line in documents.lines() {
        let document: Value = serde_json::from_str(line).unwrap();
        let hit = &hits[document["id"].as_str().unwrap()];
        for field in std::iter::once("title").chain(ENTITY_KEYS) {
            assert_eq!(document[field], hit[field], "{field} of {}", hit["id"]);
        }
        match hit["date"].as_str() {
            Some(day) => assert!(
                document["date"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{day}T")),
                "{document}"
            ),
            None => assert!(document.get("date").is_none()),
        }
        seen += 1;
    }
    assert_eq!(seen, 38);
    let readme = read(&out.join("README.txt"));
    assert!(
        readme.contains("quickwit index create --index-config index-config.yaml"),
        "{readme}"
    );
    assert!(
        readme.contains("quickwit index ingest --index newsdex --input-path docs-0001.ndjson"),
        "{readme}"
    );
    assert!(
        readme.contains("\"composite\""),
        "months use the composite aggregation on Quickwit"
    );
}

#[test]
fn elasticsearch_export_writes_a_mapping_and_upserting_bulk_files_for_the_selection() {
    let env = TestEnv::new();
    env.ingest_samples();
    let out = env.dir.path().join("es");
    let output = env.run(
        "export",
        &[
            "--to",
            "elasticsearch",
            "--country",
            "NG",
            "--until",
            "2023-12-31",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = indexed(&env, &["--country", "NG", "--to", "2023-12-31"]);
    assert!(!expected.is_empty());
    let mapping: Value = serde_json::from_str(&read(&out.join("mapping.json"))).unwrap();
    let properties = &mapping["mappings"]["properties"];
    assert_eq!(properties["countries"]["type"], "keyword");
    assert_eq!(properties["persons"]["type"], "keyword");
    assert_eq!(properties["date"]["type"], "date");
    assert_eq!(properties["body"]["type"], "text");
    let bulk = read(&out.join("bulk-0001.ndjson"));
    assert!(bulk.ends_with('\n'));
    let lines: Vec<&str> = bulk.lines().collect();
    assert_eq!(lines.len(), expected.len() * 2);
    for pair in lines.chunks(2) {
        let action: Value = serde_json::from_str(pair[0]).unwrap();
        let document: Value = serde_json::from_str(pair[1]).unwrap();
        assert_eq!(action["index"]["_index"], "newsdex");
        assert_eq!(action["index"]["_id"], document["id"]);
        let hit = &expected[document["id"].as_str().unwrap()];
        assert_eq!(document["countries"], hit["countries"]);
    }
    let readme = read(&out.join("README.txt"));
    assert!(readme.contains("curl -XPUT localhost:9200/newsdex -H 'Content-Type: application/json' --data-binary @mapping.json"), "{readme}");
    assert!(
        readme.contains("--data-binary @bulk-0001.ndjson"),
        "{readme}"
    );
}

#[test]
fn export_errors_are_one_line_with_status_2() {
    let env = TestEnv::new();
    let missing = env.run("export", &["--to", "quickwit", "--out", "x"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).starts_with("newsdex: error: no index at "),
        "{}",
        stderr(&missing)
    );
    let no_target = env
        .command()
        .args(["export", "--out", "x"])
        .output()
        .unwrap();
    assert_eq!(no_target.status.code(), Some(2));
}
