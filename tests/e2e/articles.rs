//! Reading and removing single articles: `newsdex show` and `newsdex
//! delete`.

use crate::util::{TestEnv, json, samples, stderr, stdout};

/// Regression test for issue 15: there was no way to read an article.
#[test]
fn r15_show_prints_the_stored_article_with_its_entities_and_evidence() {
    let env = samples();
    let output = env.run("show", &["sample-json-009"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let header: Vec<&str> = text.lines().take_while(|line| !line.is_empty()).collect();
    assert_eq!(header[0], "id                   sample-json-009");
    assert_eq!(header[1], "date                 2024-08-01");
    assert_eq!(
        header[2],
        "title                Bank of England cuts rates for first time since pandemic"
    );
    assert!(header.contains(&"countries            GB"), "{text}");
    assert!(
        header
            .iter()
            .any(|line| line.starts_with("evidence GB          ")),
        "{text}"
    );
    let body = text.split("\n\n").nth(1).unwrap();
    assert!(body.contains("Bank of England"), "{text}");

    let as_json = env.run("show", &["--json", "sample-json-009"]);
    let article = json(&as_json);
    assert_eq!(article["id"], "sample-json-009");
    assert_eq!(article["countries"], serde_json::json!(["GB"]));
    assert!(
        article["body"]
            .as_str()
            .unwrap()
            .contains("Bank of England")
    );
    assert!(article["evidence"]["GB"].is_array(), "{article}");

    let missing = env.run("show", &["sample-json-009", "no-such-id"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).starts_with("id "));
    assert_eq!(
        stderr(&missing),
        format!(
            "newsdex: no article with id \"no-such-id\" in {}: `newsdex query` lists the ids\n",
            env.index().display()
        )
    );
}

/// Regression test for issue 15: there was no way to remove an article.
#[test]
fn r15_delete_removes_by_id_and_by_query_after_confirmation() {
    let env = TestEnv::new();
    env.ingest_samples();
    let total = |env: &TestEnv| env.query(&[])["total_hits"].as_u64().unwrap();
    assert_eq!(total(&env), 38);

    let by_id = env.run("delete", &["sample-json-009", "no-such-id"]);
    assert_eq!(by_id.status.code(), Some(1));
    assert_eq!(
        stderr(&by_id),
        format!(
            "newsdex: no article with id \"no-such-id\" in {}: nothing to delete\nnewsdex: deleted 1 article\n",
            env.index().display()
        )
    );
    assert_eq!(total(&env), 37);
    assert_eq!(env.run("show", &["sample-json-009"]).status.code(), Some(1));

    let unconfirmed = env.run("delete", &["--query", "--country", "NG"]);
    assert_eq!(unconfirmed.status.code(), Some(2));
    assert_eq!(
        stderr(&unconfirmed),
        "newsdex: error: invalid delete \"5 articles\": stdin is not a terminal to confirm on: add --yes to delete them\n"
    );
    assert_eq!(total(&env), 37, "nothing deleted without confirmation");
    let confirmed = env.run("delete", &["--query", "--country", "NG", "--yes"]);
    assert_eq!(confirmed.status.code(), Some(0), "{}", stderr(&confirmed));
    assert_eq!(stderr(&confirmed), "newsdex: deleted 5 articles\n");
    assert_eq!(total(&env), 32);
    let bakare = env.query(&["--person", "Tunde Bakare"]);
    assert_eq!(bakare["total_hits"], 0);

    let filters_without_query = env.run("delete", &["--country", "RU"]);
    assert_eq!(filters_without_query.status.code(), Some(2));
    assert!(
        stderr(&filters_without_query).contains("filters select articles only with --query"),
        "{}",
        stderr(&filters_without_query)
    );
    let nothing = env.run("delete", &[]);
    assert_eq!(nothing.status.code(), Some(2), "{}", stderr(&nothing));
}
