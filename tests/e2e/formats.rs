//! `newsdex ingest` and `extract` on the files news tools produce: API
//! envelopes, the keys of common producers, `--field`, the warning about
//! text newsdex does not read, and a broken file of each format. The
//! samples are those of `samples/formats/`, which the README's examples use.

use serde_json::Value;

use crate::util::{TestEnv, json, sample, stderr, stdout};

/// Runs `extract` on the paths and returns its articles.
fn extract(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut command = env.command();
    command.arg("extract").args(args);
    let output = command.output().expect("run newsdex");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

/// The path of a sample of `samples/formats/`, as a string.
pub fn format_sample(name: &str) -> String {
    sample(&format!("formats/{name}")).display().to_string()
}

/// The value of a key in each article.
fn each(articles: &[Value], key: &str) -> Vec<Value> {
    articles
        .iter()
        .map(|article| article[key].clone())
        .collect()
}

#[test]
fn a_newsapi_response_gives_its_articles_with_source_date_and_text() {
    let env = TestEnv::new();
    let report = json(&env.run(
        "ingest",
        &["--json", &format_sample("newsapi-response.json")],
    ));
    assert_eq!(
        (report["indexed"].as_u64(), report["skipped"].as_u64()),
        (Some(2), Some(0))
    );
    let hits = env.query(&["dockworkers", "--limit", "5"]);
    let hit = &hits["hits"][0];
    assert_eq!(hit["source"], "Harbour Gazette");
    assert_eq!(hit["date"], "2024-10-14");
    assert_eq!(
        hit["url"],
        "https://news.example.org/2024/10/14/valparaiso-port-reopens"
    );
    assert_eq!(
        env.query(&["revised", "wage", "offer"])["total_hits"],
        1,
        "the description is read"
    );
}

#[test]
fn the_keys_of_common_producers_are_read() {
    let env = TestEnv::new();
    let articles = extract(&env, &[&format_sample("producers.jsonl")]);
    assert_eq!(
        each(&articles, "date"),
        [
            "2024-10-15",
            "2024-10-16",
            "2024-10-16",
            "2024-10-17",
            "2024-10-18"
        ]
    );
    assert_eq!(
        articles[3]["language"],
        serde_json::json!(["es"]),
        "GDELT's Spanish"
    );
    let report = json(&env.run("ingest", &["--json", &format_sample("producers.jsonl")]));
    assert_eq!(report["indexed"], 5);
    let tea = env.query(&["Mombasa"]);
    assert_eq!(tea["hits"][0]["source"], "agri.example.org");
    let iceland = env.query(&["Grindavik"]);
    assert_eq!(iceland["hits"][0]["source"], "Northern Wire");
    assert_eq!(
        iceland["hits"][0]["url"],
        "https://wire.example.org/iceland-alert"
    );
    assert_eq!(
        env.query(&["cloister"])["total_hits"],
        1,
        "HuffPost's short description"
    );
}

#[test]
fn elasticsearch_hits_keep_their_ids() {
    let env = TestEnv::new();
    let articles = extract(&env, &[&format_sample("elasticsearch-hits.json")]);
    assert_eq!(each(&articles, "id"), ["es-ghana-cocoa", "es-chile-copper"]);
}

#[test]
fn field_maps_any_key_and_unread_text_is_named_once_per_file() {
    let env = TestEnv::new();
    let story = "The committee met for six hours and agreed the harbour levy. ".repeat(5);
    let line = format!(
        "{{\"id\": \"levy-1\", \"headline_text\": \"Levy agreed\", \"meta\": {{\"published\": \"2024-10-14\"}}, \"payload\": {{\"story_html\": \"{story}\"}}}}\n"
    );
    let dump = env.write("dump.jsonl", format!("{line}{line}"));
    let dump = dump.to_str().unwrap();
    let output = env.run("ingest", &["--json", dump]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["warnings"], 1);
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        format!(
            "newsdex: warning: {dump}:1: the body is empty but key \"payload.story_html\" holds a long text newsdex does not read: pass --field body=payload.story_html to index it (said once per file)"
        )
    );
    let mapped = extract(
        &env,
        &[
            "--field",
            "body=payload.story_html",
            "--field",
            "title=headline_text",
            "--field",
            "date=meta.published",
            dump,
        ],
    );
    assert_eq!(mapped[0]["title"], "Levy agreed");
    assert_eq!(mapped[0]["date"], "2024-10-14");
    assert!(
        mapped[0]["keywords"].as_array().unwrap().len() > 1,
        "the body is read"
    );
    let bad = env.run("ingest", &["--field", "bdy=x", dump]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad)
            .starts_with("newsdex: error: invalid --field \"bdy=x\": NAME is one of id, date")
    );
}

#[test]
fn a_broken_envelope_reports_the_bad_item_and_reads_the_rest() {
    let env = TestEnv::new();
    let response = "{\"status\": \"ok\", \"articles\": [\n  {\"title\": \"Kept\", \"content\": \"Text.\"},\n  {\"title\": [1, 2]},\n  {\"title\": \"Also kept\"}\n]}\n";
    let path = env.write("response.json", response);
    let output = env.run("ingest", &["--json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["indexed"], 2);
    let message = stderr(&output);
    let expected = format!(
        "newsdex: skipped {}:3: item 2: not an article: invalid type",
        path.display()
    );
    assert!(message.starts_with(&expected), "{message}");
}

#[test]
fn a_csv_export_gives_one_article_per_row() {
    let env = TestEnv::new();
    let articles = extract(&env, &[&format_sample("kaggle-export.csv")]);
    assert_eq!(each(&articles, "id"), ["csv-001", "csv-002", "csv-003"]);
    assert_eq!(
        each(&articles, "date"),
        ["2024-10-21", "2024-10-22", "2024-10-23"]
    );
    let report = json(&env.run("ingest", &["--json", &format_sample("kaggle-export.csv")]));
    assert_eq!(report["indexed"], 3);
    assert_eq!(
        env.query(&["robusta"])["total_hits"],
        1,
        "the second paragraph of a quoted field"
    );
    let tsv = env.write(
        "wire.tsv",
        "title\tbody\tdate\nRains delay harvest\tSoy planting slowed.\t2024-10-01\n",
    );
    let forced = env.write("wire.data", "title;body\nOne;Text\n");
    let mixed = extract(&env, &["--format", "csv", forced.to_str().unwrap()]);
    assert_eq!(mixed[0]["title"], "One");
    assert_eq!(
        extract(&env, &[tsv.to_str().unwrap()])[0]["date"],
        "2024-10-01"
    );
}

#[test]
fn a_broken_csv_row_is_located_and_the_other_rows_are_read() {
    let env = TestEnv::new();
    let rows = "title,body\nKept,one\nBroken,two,three\nAlso kept,four\n\"Unclosed,five\n";
    let path = env.write("export.csv", rows);
    let output = env.run("ingest", &["--json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["indexed"], 2);
    let name = path.display();
    let messages: Vec<String> = stderr(&output).lines().take(2).map(String::from).collect();
    assert_eq!(
        messages,
        [
            format!(
                "newsdex: skipped {name}:3: the row has 3 fields but the header has 2: check its quotes and delimiters"
            ),
            format!(
                "newsdex: skipped {name}:5: the row has 1 field but the header has 2: check its quotes and delimiters"
            ),
        ]
    );
}

/// Compresses bytes with gzip.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Regression test for issue 20: gzip on stdin was `binary file`, or with
/// `--format jsonl` a line of `invalid JSON` per line, though the README
/// says stdin may be gzipped; zstd is recognised the same way.
#[test]
fn r20_compressed_stdin_is_recognised_by_its_first_bytes() {
    let lines = concat!(
        r#"{"id": "one", "title": "Copper output rises", "body": "Mines in Chile."}"#,
        "\n",
        r#"{"id": "two", "title": "Copper prices fall", "body": "Traders in London."}"#,
        "\n",
    );
    let text = "date 2024-01-01 Copper strike ends\n\nMiners return to work.\n";
    let cases: [(&str, Vec<u8>, &[&str], u64); 5] = [
        ("gzip, sniffed", gzip(lines.as_bytes()), &[], 2),
        (
            "gzip, --format jsonl",
            gzip(lines.as_bytes()),
            &["--format", "jsonl"],
            2,
        ),
        ("gzip text", gzip(text.as_bytes()), &[], 1),
        (
            "zstd, sniffed",
            zstd::encode_all(lines.as_bytes(), 3).unwrap(),
            &[],
            2,
        ),
        (
            "zstd, --format jsonl",
            zstd::encode_all(lines.as_bytes(), 3).unwrap(),
            &["--format", "jsonl"],
            2,
        ),
    ];
    for (case, compressed, options, expected) in cases {
        let env = TestEnv::new();
        let output = env
            .command()
            .args(["ingest", "--json", "--index"])
            .arg(env.index())
            .args(options)
            .arg("-")
            .write_stdin(compressed)
            .output()
            .expect("run newsdex");
        assert_eq!(output.status.code(), Some(0), "{case}: {}", stderr(&output));
        assert_eq!(
            json(&output)["indexed"],
            expected,
            "{case}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).starts_with("newsdex: done: read "),
            "{case}: {}",
            stderr(&output)
        );
        assert_eq!(env.query(&["copper"])["total_hits"], expected, "{case}");
    }
}
