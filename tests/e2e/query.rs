//! `newsdex query` and `stats` over the samples: filters, every facet kind
//! with exact counts, sorting, paging, and the JSON contract.

use std::path::Path;

use serde_json::{Value, json};

use crate::util::{TestEnv, facet, hit_ids, json, pairs, samples, stderr, stdout};

fn total(result: &Value) -> u64 {
    result["total_hits"].as_u64().unwrap()
}

#[test]
fn counts_match_for_terms_and_phrases() {
    let env = samples();
    assert_eq!(total(&env.query(&["oil"])), 12);
    assert_eq!(total(&env.query(&["coffee"])), 3);
    assert_eq!(total(&env.query(&["\"interest rates\""])), 15);
    assert_eq!(
        total(&env.query(&["oil", "AND", "opec"])),
        total(&env.query(&["oil", "opec"]))
    );
    assert_eq!(total(&env.query(&["*"])), 38);
    assert_eq!(total(&env.query(&[])), 38);
}

#[test]
fn date_facets_list_every_bucket_chronologically() {
    let result = samples().query(&[
        "oil",
        "--facet",
        "date:year",
        "--facet",
        "date:month",
        "--limit",
        "0",
    ]);
    assert_eq!(
        facet(&result, "date:year"),
        pairs(&[
            ("2021", 2),
            ("2022", 3),
            ("2023", 2),
            ("2024", 2),
            ("2025", 3)
        ])
    );
    let months = facet(&result, "date:month");
    assert_eq!(months.iter().map(|(_, count)| count).sum::<u64>(), 12);
    let mut sorted = months.clone();
    sorted.sort();
    assert_eq!(months, sorted);
    assert!(result["hits"].as_array().unwrap().is_empty());
}

#[test]
fn date_filters_include_both_days() {
    let result = samples().query(&[
        "--from",
        "2022-01-01",
        "--to",
        "2022-12-31",
        "--facet",
        "date:month",
    ]);
    assert_eq!(
        facet(&result, "date:month"),
        pairs(&[
            ("2022-03", 1),
            ("2022-05", 2),
            ("2022-06", 1),
            ("2022-09", 1)
        ])
    );
    let one_day = samples().query(&[
        "--from",
        "2024-10-14",
        "--to",
        "2024-10-14",
        "--facet",
        "date:day",
    ]);
    assert_eq!(facet(&one_day, "date:day"), pairs(&[("2024-10-14", 1)]));
}

#[test]
fn person_filter_and_facet() {
    let result = samples().query(&[
        "--person",
        "tunde bakare",
        "--facet",
        "person",
        "--facet-limit",
        "2",
    ]);
    assert_eq!(total(&result), 4);
    assert_eq!(
        facet(&result, "person"),
        pairs(&[("Tunde Bakare", 4), ("Amara Okafor", 2)])
    );
}

#[test]
fn country_filter_takes_codes_in_any_case_and_names() {
    let env = samples();
    let by_code = env.query(&["--country", "RU", "--facet", "country"]);
    assert_eq!(total(&by_code), 2);
    assert_eq!(
        facet(&by_code, "country"),
        pairs(&[("RU", 2), ("CN", 1), ("DE", 1)])
    );
    assert_eq!(hit_ids(&env.query(&["--country", "ru"])), hit_ids(&by_code));
    assert_eq!(
        hit_ids(&env.query(&["--country", "Russia"])),
        hit_ids(&by_code)
    );
}

#[test]
fn every_facet_kind_counts_over_all_matches() {
    let names = [
        "country",
        "country_mentioned",
        "person",
        "organization",
        "location",
        "keyword",
        "source",
        "date:year",
        "date:month",
        "date:day",
    ];
    let mut args = vec!["--limit", "1"];
    for name in names {
        args.extend(["--facet", name]);
    }
    let result = samples().query(&args);
    assert_eq!(result["hits"].as_array().unwrap().len(), 1);
    for name in names {
        let counts = facet(&result, name);
        assert!(!counts.is_empty(), "{name} is empty");
        if !name.starts_with("date:") {
            assert!(counts.len() <= 10, "{name} exceeds the facet limit");
            let ordered = counts.windows(2).all(|pair| {
                pair[0].1 > pair[1].1 || (pair[0].1 == pair[1].1 && pair[0].0 < pair[1].0)
            });
            assert!(
                ordered,
                "{name} is not ordered by count then value: {counts:?}"
            );
        }
    }
    assert_eq!(
        facet(&result, "date:year")
            .iter()
            .map(|(_, count)| count)
            .sum::<u64>(),
        37,
        "one sample has no date"
    );
    assert_eq!(
        facet(&result, "organization")[0],
        ("European Union".to_string(), 7)
    );
}

#[test]
fn entity_keyword_and_source_filters() {
    let env = samples();
    assert_eq!(total(&env.query(&["--org", "OPEC"])), 4);
    assert_eq!(total(&env.query(&["--entity", "opec"])), 4);
    assert_eq!(
        hit_ids(&env.query(&["--org", "OPEC", "--person", "Tunde Bakare"])),
        vec!["sample-txt-005"]
    );
    let keyword = env.query(&["--facet", "keyword", "--limit", "0"]);
    let (top_keyword, count) = facet(&keyword, "keyword")[0].clone();
    assert_eq!(total(&env.query(&["--keyword", &top_keyword])), count);
    let sources = env.query(&["--facet", "source", "--limit", "0"]);
    let (source, count) = facet(&sources, "source")[0].clone();
    assert_eq!(total(&env.query(&["--source", &source])), count);
}

/// Writes the built-in schema with the tokenizer of some string fields
/// changed, and returns its path.
fn schema_with_tokenizers(env: &TestEnv, tokenizers: &[(&str, &str)]) -> String {
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("index-schema/articles.json");
    let mut schema: Value =
        serde_json::from_str(&std::fs::read_to_string(built_in).unwrap()).unwrap();
    for field in schema["fields"].as_array_mut().unwrap() {
        for (name, tokenizer) in tokenizers {
            if field["name"] == *name {
                field["tokenizer"] = json!(tokenizer);
            }
        }
    }
    let path = env.write("mixed-tokenizers.json", schema.to_string());
    path.display().to_string()
}

/// Issue 11: with a schema whose `person` field is `raw`, `--person
/// "Vladimir Putin"` found nothing, because filter values were lowercased
/// by hand whatever the field's tokenizer. Every filter must find each
/// value its facet lists: exactly as many articles on a `raw` field, at
/// least as many on a `lowercase` one (which also matches other cases).
#[test]
fn r11_every_filter_finds_what_its_facet_lists_whatever_the_tokenizer() {
    let env = TestEnv::new();
    let tokenizers = [
        ("person", "raw"),
        ("organization", "lowercase"),
        ("location", "raw"),
        ("country", "lowercase"),
        ("country_mentioned", "lowercase"),
        ("keyword", "raw"),
        ("source", "raw"),
    ];
    let schema = schema_with_tokenizers(&env, &tokenizers);
    env.ingest_samples_with(&["--schema", &schema]);
    let filters = [
        ("person", "--person"),
        ("organization", "--org"),
        ("location", "--location"),
        ("country", "--country"),
        ("keyword", "--keyword"),
        ("source", "--source"),
        ("person", "--entity"),
    ];
    for (facet_name, flag) in filters {
        let listed = env.query(&["--facet", facet_name, "--facet-limit", "3", "--limit", "0"]);
        let values = facet(&listed, facet_name);
        assert!(!values.is_empty(), "{facet_name} lists nothing");
        let is_raw = tokenizers.contains(&(facet_name, "raw")) && flag != "--entity";
        for (value, count) in values {
            let found = total(&env.query(&[flag, &value, "--limit", "0"]));
            if is_raw {
                assert_eq!(found, count, "{flag} {value:?}");
            } else {
                assert!(
                    found >= count,
                    "{flag} {value:?}: {found} hits, facet {count}"
                );
            }
        }
    }
    let putin = env.query(&["--person", "Vladimir Putin", "--facet", "person"]);
    assert!(total(&putin) >= 1);
    assert_eq!(
        total(&env.query(&["--person", "vladimir putin"])),
        0,
        "raw is exact"
    );
    assert_eq!(
        total(&env.query(&["--country", "ru"])),
        total(&env.query(&["--country", "RU"]))
    );
}

#[test]
fn sorts_and_pages() {
    let env = samples();
    let newest = env.query(&["--sort", "-date", "--limit", "3"]);
    assert_eq!(
        hit_ids(&newest),
        vec![
            "sample-feed25-006",
            "sample-feed25-005",
            "sample-feed25-004"
        ]
    );
    let oldest = env.query(&["--sort", "date", "--limit", "2"]);
    assert_eq!(
        hit_ids(&oldest),
        vec!["sample-feed21-001", "sample-feed21-002"]
    );
    let second_page = env.query(&["--sort", "date", "--limit", "2", "--offset", "1"]);
    assert_eq!(hit_ids(&second_page)[0], "sample-feed21-002");
    let last = env.query(&["--sort", "date", "--offset", "37"]);
    assert_eq!(
        last["hits"][0]["date"],
        Value::Null,
        "undated articles come last"
    );
    let relevance = env.query(&["coffee"]);
    let scores: Vec<f64> = relevance["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["score"].as_f64().unwrap())
        .collect();
    assert!(
        scores.windows(2).all(|pair| pair[0] >= pair[1]),
        "{scores:?}"
    );
}

#[test]
fn json_output_is_one_object_with_the_documented_fields() {
    let output = samples().run(
        "query",
        &["coffee", "--json", "--facet", "country", "--limit", "1"],
    );
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1);
    let result = json(&output);
    let keys: Vec<&str> = result
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, vec!["facets", "hits", "query", "total_hits"]);
    assert_eq!(result["query"], "coffee");
    let hit = result["hits"][0].as_object().unwrap();
    let mut hit_keys: Vec<&str> = hit.keys().map(String::as_str).collect();
    hit_keys.sort();
    let expected = [
        "countries",
        "countries_mentioned",
        "date",
        "id",
        "keywords",
        "language",
        "locations",
        "organizations",
        "persons",
        "score",
        "snippet",
        "source",
        "title",
        "url",
    ];
    assert_eq!(hit_keys, expected);
    assert!(
        hit["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("coffee")
    );
    assert!(stderr(&output).is_empty());
}

#[test]
fn table_output_lists_hits_and_facets() {
    let output = samples().run("query", &["coffee", "--facet", "date:year", "--limit", "2"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("3 hits for \"coffee\" (showing 1-2)\n"),
        "{text}"
    );
    assert!(text.contains("date:year"), "{text}");
    assert!(text.contains('█'), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

#[test]
fn stats_summarise_the_index() {
    let stats = json(&samples().run("stats", &["--json"]));
    assert_eq!(stats["documents"], 38);
    assert_eq!(stats["first_date"], "2021-04-01");
    assert_eq!(stats["last_date"], "2025-11-10");
    assert!(stats["segments"].as_u64().unwrap() >= 1);
    assert!(stats["size_bytes"].as_u64().unwrap() > 0);
    assert_eq!(stats["facets"]["country"].as_array().unwrap().len(), 10);
    assert_eq!(
        stats["facets"]["person"][0],
        json!({"value": "Tunde Bakare", "count": 4})
    );
    let table = stdout(&samples().run("stats", &[]));
    assert!(
        table.contains("documents") && table.contains("38"),
        "{table}"
    );
}

/// Regression test for issue 15: filters refused what users type
/// (`--country UK`, `--from 2024-10`, plain days in a `date:` range) and
/// `--person Bakare` found nothing though `Tunde Bakare` is in the facet.
#[test]
fn r15_filters_take_what_users_type() {
    let env = samples();
    assert_eq!(
        hit_ids(&env.query(&["--country", "UK"])),
        hit_ids(&env.query(&["--country", "GB"]))
    );
    assert_eq!(total(&env.query(&["--country", "UK"])), 1);
    let october = env.query(&["--from", "2024-10", "--to", "2024-10"]);
    assert_eq!(
        total(&october),
        total(&env.query(&["--from", "2024-10-01", "--to", "2024-10-31"]))
    );
    assert_eq!(total(&october), 2);
    let year = env.query(&["--from", "2024", "--to", "2024"]);
    assert_eq!(
        total(&year),
        total(&env.query(&["--from", "2024-01-01", "--to", "2024-12-31"]))
    );
    let in_query = env.query(&["date:[2024-01-01 TO 2024-06-30]"]);
    assert_eq!(
        hit_ids(&in_query).len(),
        total(&env.query(&["--from", "2024-01-01", "--to", "2024-06-30"])) as usize
    );
    assert_eq!(total(&in_query), 4);
    let by_surname = env.run("query", &["--person", "Bakare", "--json"]);
    assert_eq!(by_surname.status.code(), Some(0));
    assert_eq!(total(&json(&by_surname)), 4);
    assert_eq!(
        stderr(&by_surname),
        "newsdex: no person is named exactly \"Bakare\"; matching the names ending with it: Tunde Bakare (4 articles)\n"
    );
    let exact = env.run("query", &["--person", "Tunde Bakare", "--json"]);
    assert_eq!(total(&json(&exact)), 4);
    assert_eq!(stderr(&exact), "", "an exact name needs no note");
    assert_eq!(
        total(&env.query(&["--person", "Bak"])),
        0,
        "whole words only"
    );
}

/// Regression test for issue 15: the table header said "4 hits for all
/// articles" whatever the filters, and date facets hid their empty months.
#[test]
fn r15_tables_name_the_filters_and_show_empty_buckets() {
    let env = TestEnv::new();
    let feed = env.write(
        "feed.jsonl",
        "{\"id\": \"a\", \"date\": \"2021-01-05\", \"title\": \"Oil in Lagos\", \"body\": \"Oil.\"}\n\
         {\"id\": \"b\", \"date\": \"2021-04-05\", \"title\": \"Oil again\", \"body\": \"Oil.\"}\n",
    );
    env.run("ingest", &[feed.to_str().unwrap()]);
    let output = env.run(
        "query",
        &[
            "oil",
            "--from",
            "2021",
            "--facet",
            "date:month",
            "--view",
            "compact",
            "--sort",
            "date",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = "\
2 hits for \"oil\" with --from 2021-01-01 (showing 1-2)
2021-01-05  a  Oil in Lagos
2021-04-05  b  Oil again

 date:month  count                                           
 2021-01         1  ████████████████████████████████████████ 
 2021-02         0                                           
 2021-03         0                                           
 2021-04         1  ████████████████████████████████████████ 
";
    assert_eq!(stdout(&output), expected);
    let months = facet(&env.query(&["oil", "--facet", "date:month"]), "date:month");
    assert_eq!(
        months,
        pairs(&[("2021-01", 1), ("2021-04", 1)]),
        "JSON lists only the non-empty buckets"
    );
}

/// Issue 20, item 7: a country facet's table names each country beside its
/// code (`EC` in the country facet is Ecuador, not the European
/// Community); the JSON values stay codes.
#[test]
fn r20_country_tables_name_each_country_beside_its_code() {
    let env = samples();
    let mut command = env.command();
    command.args(["query", "--index"]).arg(env.index());
    command.args(["oil", "--facet", "country", "--facet", "country_mentioned"]);
    command.args(["--facet-limit", "3", "--limit", "0"]);
    let output = command.output().expect("run newsdex");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "12 hits for \"oil\"\n\
         \n \
         country          count \n \
         NG Nigeria           5 \n \
         SA Saudi Arabia      2 \n \
         AT Austria           1 \n\
         \n \
         country_mentioned  count \n \
         US United States       6 \n \
         NG Nigeria             5 \n \
         IN India               3 \n"
    );
    let stats = env
        .command()
        .args(["stats", "--index"])
        .arg(env.index())
        .output();
    let stats = stdout(&stats.expect("run newsdex"));
    assert!(stats.contains(" BR Brazil "), "{stats}");
    let result = env.query(&["oil", "--facet", "country", "--facet-limit", "1"]);
    assert_eq!(
        facet(&result, "country"),
        pairs(&[("NG", 5)]),
        "JSON keeps codes"
    );
}
