//! Issue 20, item 5: searches match letters with and without their
//! accents (`Sanchez` finds `Sánchez`, `Sao Paulo` finds `São Paulo`) in
//! the title, the body and the entity filters, while stored text and
//! highlights keep the accents; an index built before says it must be
//! built again.

use crate::util::{TestEnv, facet, hit_ids, stderr, stdout};

/// Two articles, one naming people and places with accents.
const ARTICLES: &str = r#"{"id": "sp-1", "date": "2024-03-05", "title": "Sánchez visits coffee growers near São Paulo", "body": "Pedro Sánchez met coffee growers in São Paulo on Tuesday. The growers of Ribeirão Preto asked for cheaper credit.", "persons": ["Pedro Sánchez"], "locations": ["São Paulo"], "organizations": ["Coopérative Café"]}
{"id": "plain-1", "date": "2024-03-06", "title": "Rain delays the harvest", "body": "Rain delayed the soybean harvest in Mato Grosso for a second week."}
"#;

fn ingested() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_file("accents.jsonl", ARTICLES, &[]);
    env
}

#[test]
fn r20_searches_match_letters_with_and_without_accents() {
    let env = ingested();
    for search in [
        "Sanchez",
        "Sánchez",
        "SANCHEZ",
        "\"Sao Paulo\"",
        "\"São Paulo\"",
        "title:sao",
        "Ribeirao",
    ] {
        assert_eq!(hit_ids(&env.query(&[search])), ["sp-1"], "{search}");
    }
    let filters: [&[&str]; 6] = [
        &["--person", "Pedro Sanchez"],
        &["--person", "pedro sánchez"],
        &["--person", "Sanchez"],
        &["--location", "Sao Paulo"],
        &["--org", "Cooperative Cafe"],
        &["--entity", "sao paulo"],
    ];
    for filter in filters {
        assert_eq!(hit_ids(&env.query(filter)), ["sp-1"], "{filter:?}");
    }
}

#[test]
fn r20_stored_text_facets_and_highlights_keep_the_accents() {
    let env = ingested();
    let result = env.query(&["Sanchez", "--facet", "person", "--facet", "location"]);
    let hit = &result["hits"][0];
    assert_eq!(hit["title"], "Sánchez visits coffee growers near São Paulo");
    assert_eq!(hit["persons"][0], "Pedro Sánchez");
    assert_eq!(result["facets"]["person"][0]["value"], "Pedro Sánchez");
    assert!(
        facet(&result, "location").contains(&("São Paulo".to_string(), 1)),
        "{result}"
    );
    assert_eq!(
        hit["snippet"],
        "Pedro Sánchez met coffee growers in São Paulo on Tuesday. The growers of Ribeirão Preto asked for cheaper credit"
    );
    let table = env.run(
        "query",
        &[
            "Sanchez", "--color", "always", "--view", "full", "--limit", "1",
        ],
    );
    let table = stdout(&table);
    assert!(
        table.contains("Pedro \u{1b}[1;33mSánchez\u{1b}[0m met coffee growers"),
        "the highlight keeps the accent: {table}"
    );
}

#[test]
fn r20_an_index_built_before_accents_matched_must_be_built_again() {
    let env = ingested();
    let marker = env.index().join("newsdex-format");
    assert!(marker.is_file(), "a new index records its format");
    std::fs::remove_file(&marker).expect("remove the format marker");
    let output = env.run("query", &["Sanchez"]);
    assert_eq!(output.status.code(), Some(2));
    let index = env.index().display().to_string();
    assert_eq!(
        stderr(&output),
        format!(
            "newsdex: error: index {index} was built by an older newsdex, whose searches tell letters with and without accents apart: build it again (remove {index}, then ingest its files)\n"
        )
    );
    let ingest = env.run("ingest", &["-q", "x.jsonl"]);
    assert_eq!(ingest.status.code(), Some(2), "{}", stderr(&ingest));
    assert!(stderr(&ingest).contains("was built by an older newsdex"));
}

#[test]
fn r20_a_surname_typed_without_its_accent_finds_the_full_name_it_stands_for() {
    let env = TestEnv::new();
    let mut articles = String::new();
    for day in 1..=3 {
        articles.push_str(&format!(
            "{{\"id\": \"full-{day}\", \"date\": \"2024-04-0{day}\", \"title\": \"Budget talks, day {day}\", \"body\": \"The budget was discussed again.\", \"persons\": [\"Pedro Sánchez\"]}}\n"
        ));
    }
    articles.push_str("{\"id\": \"alone\", \"date\": \"2024-04-09\", \"title\": \"Budget passes\", \"body\": \"The budget passed.\", \"persons\": [\"Sánchez\"]}\n");
    env.ingest_file("budget.jsonl", &articles, &["--no-enrich"]);
    let everyone = ["alone", "full-1", "full-2", "full-3"];
    for typed in ["Sánchez", "Sanchez", "Pedro Sanchez"] {
        let mut ids = hit_ids(&env.query(&["--person", typed, "--sort", "date"]));
        ids.sort();
        assert_eq!(ids, everyone, "{typed}");
    }
}
