//! Significant values (issue 14): `--facet significant:<field>` lists the
//! values over-represented among the matches compared with the whole index.

use serde_json::Value;

use crate::util::TestEnv;

/// Ten articles: four on coffee, all naming Marta Vale, six on other
/// things; a president is named in eight of the ten, three of them on
/// coffee.
fn corpus() -> String {
    let mut lines = Vec::new();
    for number in 0..4 {
        let president = if number < 3 {
            " President Tom Hale said so."
        } else {
            ""
        };
        lines.push(format!(
            r#"{{"id": "coffee-{number}", "date": "2024-0{}-01", "title": "Coffee exports", "body": "Coffee exports rose, said Marta Vale, head of the growers.{president}"}}"#,
            number + 1
        ));
    }
    for number in 0..6 {
        lines.push(format!(
            r#"{{"id": "other-{number}", "date": "2024-0{}-02", "title": "Budget", "body": "The budget passed. President Tom Hale said so."}}"#,
            number + 1
        ));
    }
    lines.join("\n") + "\n"
}

fn significant(env: &TestEnv, args: &[&str]) -> Vec<(String, u64, u64)> {
    let result = env.query(args);
    let facet = result["facets"]["significant:person"]
        .as_array()
        .expect("the facet is listed");
    facet
        .iter()
        .map(|entry: &Value| {
            assert!(entry["score"].as_f64().is_some(), "{entry}");
            (
                entry["value"].as_str().unwrap().to_string(),
                entry["count"].as_u64().unwrap(),
                entry["background"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_people_of_a_topic_come_first_not_the_people_of_every_topic() {
    let env = TestEnv::new();
    env.ingest_file("corpus.jsonl", &corpus(), &[]);
    let plain = env.query(&["coffee", "--facet", "person", "--limit", "0"]);
    assert_eq!(plain["facets"]["person"][0]["value"], "Marta Vale");
    let coffee = significant(
        &env,
        &["coffee", "--facet", "significant:person", "--limit", "0"],
    );
    assert_eq!(
        coffee,
        vec![("Marta Vale".to_string(), 4, 4)],
        "Tom Hale, in 3 of 4 coffee articles but 9 of 10 overall, is not significant"
    );
    let everything = significant(&env, &["--facet", "significant:person", "--limit", "0"]);
    assert_eq!(
        everything,
        vec![],
        "nothing stands out when every article matches"
    );
}
