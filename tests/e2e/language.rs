//! The language of articles (issue 12): detected, or taken from the
//! input's `language` key, counted by `--facet language`, filtered by
//! `--language`; English rules never run on other languages.

use serde_json::Value;

use crate::util::{TestEnv, facet, hit_ids, json, pairs, stderr, stdout};

const ARTICLES: &str = concat!(
    r#"{"id": "de-1", "title": "Gaspreise steigen weiter", "body": "Die Bundesregierung will die Gasspeicher bis zum Winter füllen, sagte der Wirtschaftsminister am Montag in Berlin. Und die Preise steigen weiter, weil weniger Gas geliefert wird."}"#,
    "\n",
    r#"{"id": "ru-1", "title": "Переговоры продолжатся", "body": "Президент заявил, что переговоры продолжатся на следующей неделе, где встретится делегация двух стран."}"#,
    "\n",
    r#"{"id": "en-1", "title": "Bank raises rates", "body": "The central bank raised its benchmark rate on Wednesday in Frankfurt, saying inflation remained far above its target, ECB President Christine Lagarde said."}"#,
    "\n",
    r#"{"id": "given-1", "language": "pt-BR", "title": "Short", "body": "Text."}"#,
    "\n",
);

fn extracted(env: &TestEnv) -> Vec<Value> {
    let path = env.write("mixed.jsonl", ARTICLES);
    let output = env
        .command()
        .arg("extract")
        .arg(path)
        .output()
        .expect("run newsdex");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON lines"))
        .collect()
}

#[test]
fn each_article_gets_its_language_and_other_languages_no_english_junk() {
    let env = TestEnv::new();
    let articles = extracted(&env);
    let languages: Vec<&Value> = articles
        .iter()
        .map(|article| &article["language"])
        .collect();
    assert_eq!(
        languages,
        [
            &json_list(&["de"]),
            &json_list(&["ru"]),
            &json_list(&["en"]),
            &json_list(&["pt"])
        ]
    );
    let german = &articles[0];
    assert_eq!(german["keywords"], json_list(&[]), "no `und die`");
    assert_eq!(german["persons"], json_list(&[]));
    assert_eq!(
        german["countries"],
        json_list(&["DE"]),
        "Berlin is a place in any language"
    );
    let russian = &articles[1];
    assert_eq!(russian["keywords"], json_list(&[]), "no `где встретится`");
    let english = &articles[2];
    assert_eq!(english["persons"], json_list(&["Christine Lagarde"]));
}

#[test]
fn language_is_a_facet_and_a_filter() {
    let env = TestEnv::new();
    env.ingest_file("mixed.jsonl", ARTICLES, &[]);
    let all = env.query(&["--facet", "language", "--limit", "0"]);
    assert_eq!(
        facet(&all, "language"),
        pairs(&[("de", 1), ("en", 1), ("pt", 1), ("ru", 1)])
    );
    let german = env.query(&["--language", "DE"]);
    assert_eq!(hit_ids(&german), vec!["de-1"]);
    let output = env.run("query", &["--json", "--language", "xx"]);
    assert_eq!(json(&output)["total_hits"], 0);
}

fn json_list(values: &[&str]) -> Value {
    Value::from(values.to_vec())
}

/// Three articles with their language given and one without, ingested
/// `--no-enrich` so that nothing is detected.
const GIVEN: &str = concat!(
    r#"{"id": "en-1", "language": "en", "title": "Oil output", "body": "Oil."}"#,
    "\n",
    r#"{"id": "en-2", "language": "en", "title": "Oil price", "body": "Oil."}"#,
    "\n",
    r#"{"id": "fr-1", "language": "fr", "title": "Oil export", "body": "Oil."}"#,
    "\n",
    r#"{"id": "table-1", "title": "Oil table", "body": "Oil 1,234 5,678"}"#,
    "\n",
);

/// Regression test for issue 20: the articles whose language was not
/// detected were in no bucket of the language facet, and `--language en`
/// left them out without a word.
#[test]
fn r20_articles_of_no_detected_language_count_as_und_and_are_named_when_left_out() {
    let env = TestEnv::new();
    env.ingest_file("given.jsonl", GIVEN, &["--no-enrich"]);
    let all = env.query(&["--facet", "language", "--limit", "0"]);
    assert_eq!(
        facet(&all, "language"),
        pairs(&[("en", 2), ("fr", 1), ("und", 1)])
    );
    let oil = env.query(&["oil", "--facet", "language", "--limit", "0"]);
    assert_eq!(
        facet(&oil, "language"),
        pairs(&[("en", 2), ("fr", 1), ("und", 1)])
    );
    let english = env.run("query", &["oil", "--json", "--language", "en"]);
    assert_eq!(json(&english)["total_hits"], 2);
    assert_eq!(
        stderr(&english),
        "newsdex: note: --language left out 1 article whose language was not detected (und); add --language und to include it\n"
    );
    let quiet = env.run("query", &["oil", "-q", "--language", "en"]);
    assert_eq!(stderr(&quiet), "");
    let undetermined = env.query(&["oil", "--language", "und"]);
    assert_eq!(hit_ids(&undetermined), vec!["table-1"]);
    let both = env.run(
        "query",
        &["--json", "--language", "en", "--language", "und"],
    );
    assert_eq!(
        json(&both)["total_hits"],
        0,
        "filters of one kind all apply"
    );
    let french = env.run(
        "query",
        &["--json", "--language", "fr", "--facet", "language"],
    );
    assert_eq!(json(&french)["total_hits"], 1);
    let stats = env.run("stats", &["--json"]);
    assert!(
        stdout(&stats).contains(r#"{"value":"und","count":1}"#),
        "{}",
        stdout(&stats)
    );
}

/// Two earnings tables in English, written for this test: short lines of
/// figures with a note, whose trigrams a detector can take for French.
const EARNINGS_TABLES: &str = concat!(
    r#"{"id": "table-1", "title": "ACME CORP <ACM> YEAR NET", "body": "Shr profit 12 cts vs loss four cts\n    Net profit 1,204,000 vs loss 310,000\n    Revs 8.2 mln vs 7.9 mln\n    NOTE: Prior year net includes gain on sale of property of\n900,000 dlrs."}"#,
    "\n",
    r#"{"id": "table-2", "title": "BETA INC <BTA> 1ST QTR NET", "body": "Oper shr profit four cts vs loss three cts\n    Oper net profit 151,000 vs loss 170,000\n    Sales 11.2 mln vs 9,581,000\n    NOTE: Prior year net includes 123,000 dlr tax credit but\nexcludes 52,000 dlr gain on early debt retirement."}"#,
    "\n",
    r#"{"id": "french", "title": "Le café monte", "body": "Les prix du café ont augmenté de cinq pour cent cette semaine à Paris, selon les négociants, qui attendent une récolte plus faible au Brésil et en Colombie pour la saison prochaine."}"#,
    "\n",
);

/// A table that writes too few words for any language is `und`, never a
/// language it does not write a little word of.
#[test]
fn r20_an_english_table_is_never_french() {
    let env = TestEnv::new();
    let path = env.write("tables.jsonl", EARNINGS_TABLES);
    let output = env
        .command()
        .arg("extract")
        .arg(&path)
        .output()
        .expect("run newsdex");
    assert!(output.status.success(), "{output:?}");
    let languages: Vec<(String, Value)> = stdout(&output)
        .lines()
        .map(|line| {
            let article: Value = serde_json::from_str(line).expect("a JSON line");
            (
                article["id"].as_str().unwrap_or("").to_string(),
                article["language"].clone(),
            )
        })
        .collect();
    assert_eq!(
        languages,
        vec![
            ("table-1".to_string(), json_list(&[])),
            ("table-2".to_string(), json_list(&[])),
            ("french".to_string(), json_list(&["fr"])),
        ]
    );
}
