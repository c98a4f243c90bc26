//! `newsdex ingest`: formats, stdin, upserts, the summary and exit codes.

use std::io::Write;

use serde_json::json;

use crate::util::{
    ENTITY_KEYS, SAMPLE_ARTICLES, TestEnv, hit_ids, ingest_counts, json, sample, stderr,
};

#[test]
fn ingests_every_clean_sample_and_reports_a_summary() {
    let env = TestEnv::new();
    let report = env.ingest_samples();
    assert_eq!(report["read"], SAMPLE_ARTICLES);
    assert_eq!(report["indexed"], SAMPLE_ARTICLES);
    assert_eq!(report["replaced"], 0);
    assert_eq!(report["skipped"], 0);
    assert_eq!(report["warnings"], 0);
    assert_eq!(report["interrupted"], false);
    assert!(report["seconds"].as_f64().unwrap() > 0.0);
    let stats = json(&env.run("stats", &["--json"]));
    assert_eq!(stats["documents"], SAMPLE_ARTICLES);
}

#[test]
fn re_ingesting_skips_unchanged_articles_and_replaces_changed_ones() {
    let env = TestEnv::new();
    let first = env.ingest_samples();
    assert_eq!(first["unchanged"], 0);
    let second = env.ingest_samples();
    assert_eq!(second["read"], SAMPLE_ARTICLES);
    assert_eq!(second["indexed"], 0);
    assert_eq!(second["unchanged"], SAMPLE_ARTICLES);
    let stats = json(&env.run("stats", &["--json"]));
    assert_eq!(stats["documents"], SAMPLE_ARTICLES);

    let seed = sample("000_cbeac4f52b709616.txt");
    let reindexed = json(&env.run("ingest", &["--json", "--reindex", seed.to_str().unwrap()]));
    assert_eq!(
        (
            reindexed["indexed"].as_u64(),
            reindexed["replaced"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let without_extraction =
        json(&env.run("ingest", &["--json", "--no-enrich", seed.to_str().unwrap()]));
    assert_eq!(
        without_extraction["replaced"], 1,
        "another enrichment is another document"
    );

    let edited = "{\"id\": \"oil-1\", \"title\": \"Oil\", \"body\": \"Prices rose.\"}\n";
    let edited = env.write("edited.jsonl", edited);
    env.run("ingest", &[edited.to_str().unwrap()]);
    let correction =
        "{\"id\": \"oil-1\", \"title\": \"Oil\", \"body\": \"Prices rose. A late correction.\"}\n";
    std::fs::write(&edited, correction).unwrap();
    let after_edit = json(&env.run("ingest", &["--json", edited.to_str().unwrap()]));
    assert_eq!(
        (
            after_edit["replaced"].as_u64(),
            after_edit["unchanged"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(env.query(&["late", "correction"])["total_hits"], 1);
    let stats = json(&env.run("stats", &["--json"]));
    assert_eq!(stats["documents"], SAMPLE_ARTICLES + 1);
}

#[test]
fn an_unchanged_copy_after_a_changed_one_still_wins() {
    let env = TestEnv::new();
    let original = "{\"id\": \"x\", \"title\": \"Original\", \"body\": \"text\"}\n";
    let indexed = env.write("indexed.jsonl", original);
    env.run("ingest", &[indexed.to_str().unwrap()]);
    let feed = env.write(
        "feed.jsonl",
        format!("{{\"id\": \"x\", \"title\": \"Edited\", \"body\": \"text\"}}\n{original}"),
    );
    let report = json(&env.run(
        "ingest",
        &["--json", "--batch-size", "1", feed.to_str().unwrap()],
    ));
    assert_eq!(
        (
            report["indexed"].as_u64(),
            report["replaced"].as_u64(),
            report["duplicates"].as_u64(),
            report["unchanged"].as_u64()
        ),
        (Some(1), Some(1), Some(1), Some(0))
    );
    let result = env.query(&[]);
    assert_eq!(result["total_hits"], 1);
    assert_eq!(result["hits"][0]["title"], "Original");
}

#[test]
fn the_last_occurrence_of_an_id_wins() {
    let env = TestEnv::new();
    let feed = env.write(
        "feed.jsonl",
        "{\"id\": \"x\", \"title\": \"First version\", \"body\": \"draft\"}\n\
         {\"id\": \"y\", \"title\": \"Other\", \"body\": \"other\"}\n\
         {\"id\": \"x\", \"title\": \"Second version\", \"body\": \"final\"}\n",
    );
    let report = json(&env.run("ingest", &["--json", feed.to_str().unwrap()]));
    assert_eq!(
        (
            report["indexed"].as_u64(),
            report["replaced"].as_u64(),
            report["duplicates"].as_u64()
        ),
        (Some(2), Some(0), Some(1))
    );
    let result = env.query(&["--sort", "date"]);
    assert_eq!(result["total_hits"], 2);
    let x = result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|hit| hit["id"] == "x")
        .unwrap();
    assert_eq!(x["title"], "Second version");
}

#[test]
fn articles_without_id_get_a_stable_one() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-02 No id here\n\nBody text.\n");
    env.run("ingest", &[article.to_str().unwrap()]);
    env.run("ingest", &[article.to_str().unwrap()]);
    let result = env.query(&[]);
    assert_eq!(result["total_hits"], 1);
    assert_eq!(hit_ids(&result)[0].len(), 16);
}

#[test]
fn reads_stdin_sniffed_or_forced() {
    let env = TestEnv::new();
    let lines = "{\"id\": \"s1\", \"title\": \"From stdin\", \"body\": \"piped text\"}\n";
    let output = env
        .command()
        .args(["ingest", "--index"])
        .arg(env.index())
        .arg("-")
        .write_stdin(lines)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = "date 2024-05-06 Plain stdin\n\nPlain body.\n";
    let output = env
        .command()
        .args(["ingest", "--format", "txt", "--index"])
        .arg(env.index())
        .arg("-")
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let result = env.query(&["--sort", "date"]);
    assert_eq!(result["total_hits"], 2);
    assert_eq!(result["hits"][0]["date"], "2024-05-06");
}

#[test]
fn reads_gzipped_json_lines_and_json_arrays_with_body_aliases() {
    let env = TestEnv::new();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(b"{\"id\": \"g1\", \"title\": \"Zipped\", \"content\": \"compressed coffee\"}\n")
        .unwrap();
    env.write("in/feed.jsonl.gz", encoder.finish().unwrap());
    let array = json!([{"id": "a1", "title": "Array one", "text": "coffee beans"}, {"id": "a2", "title": "Array two", "body": "tea"}]);
    env.write("in/array.json", array.to_string());
    env.write("in/notes.md", "not an article: ignored inside folders");
    let output = env.run(
        "ingest",
        &["--json", env.dir.path().join("in").to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["indexed"], 3);
    let mut coffee = hit_ids(&env.query(&["coffee"]));
    coffee.sort();
    assert_eq!(coffee, vec!["a1", "g1"]);
}

#[test]
fn the_index_defaults_to_the_environment_then_the_working_folder() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-02 Title\n\nBody.\n");
    let custom = env.dir.path().join("custom");
    let output = env
        .command()
        .env("NEWSDEX_INDEX", &custom)
        .args(["ingest"])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(custom.join("meta.json").is_file());
    let output = env
        .command()
        .args(["ingest"])
        .arg(&article)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        env.dir
            .path()
            .join("newsdex-index")
            .join("meta.json")
            .is_file()
    );
}

#[test]
fn no_enrich_keeps_only_the_given_values() {
    let env = TestEnv::new();
    let seed = sample("000_cbeac4f52b709616.txt");
    let output = env.run("ingest", &["--no-enrich", seed.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let hit = &env.query(&[])["hits"][0];
    assert_eq!(hit["persons"], json!([]));
    assert_eq!(hit["countries"], json!([]));
    assert_eq!(hit["date"], "2024-10-14");
}

#[test]
fn extract_output_with_its_text_ingests_as_is_without_enrichment() {
    let env = TestEnv::new();
    let seed = sample("000_cbeac4f52b709616.txt");
    let output = env.command().arg("extract").arg(&seed).output().unwrap();
    let mut extracted = json(&output);
    extracted["body"] = json!("The text, which --no-enrich does not read for entities.");
    let feed = env.write("pre-enriched.jsonl", format!("{extracted}\n"));
    let output = env.run("ingest", &["--no-enrich", feed.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let hit = &env.query(&[])["hits"][0];
    for key in ENTITY_KEYS {
        assert_eq!(hit[key], extracted[key], "{key}");
    }
    assert!(extracted["countries_mentioned"].as_array().unwrap().len() > 2);
}

#[test]
fn the_seed_article_is_enriched() {
    let env = TestEnv::new();
    let seed = sample("000_cbeac4f52b709616.txt");
    env.run("ingest", &[seed.to_str().unwrap()]);
    let hit = &env.query(&[])["hits"][0];
    assert_eq!(
        hit["title"],
        "Russian Defense Chief Engages in Discussions with Chinese Military Commanders"
    );
    for person in ["Vladimir Putin", "Xi Jinping"] {
        assert!(
            hit["persons"].as_array().unwrap().contains(&json!(person)),
            "{hit}"
        );
    }
    assert!(
        hit["organizations"]
            .as_array()
            .unwrap()
            .contains(&json!("BRICS")),
        "{hit}"
    );
    assert_eq!(hit["countries"], json!(["RU", "CN"]));
    for code in ["RU", "CN", "UA"] {
        assert!(
            hit["countries_mentioned"]
                .as_array()
                .unwrap()
                .contains(&json!(code)),
            "{hit}"
        );
    }
}

#[test]
fn the_thread_count_does_not_change_the_result() {
    let env = TestEnv::new();
    let mut lines = String::new();
    for number in 0..500 {
        let id = format!("t{}", number % 300);
        lines.push_str(&format!("{{\"id\": \"{id}\", \"title\": \"Oil report {number}\", \"body\": \"Russian oil output {number}.\"}}\n"));
    }
    let feed = env.write("feed.jsonl", lines);
    let extract = |threads: &str| {
        let output = env
            .command()
            .args(["extract", "--threads", threads])
            .arg(&feed)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        output.stdout
    };
    assert_eq!(extract("1"), extract("3"));
    for (index, threads) in [("one", "1"), ("four", "4")] {
        let output = env
            .command()
            .args(["ingest", "--json", "--threads", threads, "--index", index])
            .arg(&feed)
            .output()
            .unwrap();
        let report = json(&output);
        assert_eq!(
            (report["replaced"].as_u64(), report["duplicates"].as_u64()),
            (Some(0), Some(200))
        );
    }
    let query = |index: &str| {
        let output = env
            .command()
            .args([
                "query", "--json", "--limit", "300", "--sort", "date", "--index", index,
            ])
            .output()
            .unwrap();
        let mut hits: Vec<(String, String)> = json(&output)["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|hit| {
                (
                    hit["id"].as_str().unwrap().to_string(),
                    hit["title"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        hits.sort();
        hits
    };
    let one = query("one");
    assert_eq!(one.len(), 300);
    assert_eq!(one, query("four"));
    assert!(
        one.contains(&("t0".to_string(), "Oil report 300".to_string())),
        "the last occurrence wins"
    );
}

/// An ingest runs at most 8 indexing threads, as `--help` and the README
/// say (enrichment takes every thread asked for): more would split the
/// default memory budget into shares tantivy refuses.
#[test]
fn more_than_eight_threads_index_with_eight() {
    let env = TestEnv::new();
    let feed = env.write("feed.jsonl", "{\"id\": \"a\", \"title\": \"Oil\"}\n");
    let output = env
        .command()
        .args(["ingest", "--json", "--threads", "64"])
        .arg(&feed)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["indexed"].as_u64(), Some(1));
}

#[test]
fn replacements_and_duplicates_are_told_apart_across_batches() {
    let env = TestEnv::new();
    let ingest_one_by_one = |name: &str, articles: &str| {
        let feed = env.write(name, articles);
        let arguments = ["--json", "--batch-size", "1", feed.to_str().unwrap()];
        ingest_counts(&json(&env.run("ingest", &arguments)))
    };
    let first = ingest_one_by_one(
        "feed.jsonl",
        "{\"id\": \"a\", \"title\": \"One\"}\n{\"id\": \"b\", \"title\": \"Two\"}\n\
         {\"id\": \"a\", \"title\": \"Three\"}\n{\"id\": \"c\", \"title\": \"Four\"}\n{\"id\": \"b\", \"title\": \"Five\"}\n",
    );
    assert_eq!(first, [5, 3, 0, 2, 0].map(Some));
    let result = env.query(&["--sort", "date", "--limit", "10"]);
    assert_eq!(result["total_hits"], 3);
    let mut titles: Vec<&str> = result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap())
        .collect();
    titles.sort();
    assert_eq!(titles, vec!["Five", "Four", "Three"]);

    // A second run: `a` replaces the indexed one, then repeats; `b` is
    // unchanged; `d` is new, then repeats after a commit.
    let second = ingest_one_by_one(
        "second.jsonl",
        "{\"id\": \"a\", \"title\": \"Six\"}\n{\"id\": \"d\", \"title\": \"Seven\"}\n\
         {\"id\": \"b\", \"title\": \"Five\"}\n{\"id\": \"a\", \"title\": \"Eight\"}\n{\"id\": \"d\", \"title\": \"Nine\"}\n",
    );
    assert_eq!(second, [5, 2, 1, 2, 1].map(Some));
    assert_eq!(json(&env.run("stats", &["--json"]))["documents"], 4);
}

/// Regression test for issue 15: the same id-less article four times in
/// one run was reported as "indexed 4 (3 replaced)" though the index held
/// one document; the repeats are duplicates, and the counts add up.
#[test]
fn r15_the_same_article_four_times_is_indexed_once_with_three_duplicates() {
    let env = TestEnv::new();
    let article = "{\"title\": \"Oil\", \"date\": \"2024-10-14\", \"body\": \"Prices rose.\"}\n";
    let input = env.write("repeated.jsonl", article.repeat(4));
    let output = env.run("ingest", &["--json", input.to_str().unwrap()]);
    let report = json(&output);
    assert_eq!(ingest_counts(&report), [4, 1, 0, 3, 0].map(Some));
    let messages = stderr(&output);
    assert!(
        messages.starts_with(
            "newsdex: done: read 4, indexed 1 (0 replaced), duplicates 3, unchanged 0, skipped 0, warnings 0 in "
        ),
        "{messages}"
    );
    assert_eq!(json(&env.run("stats", &["--json"]))["documents"], 1);
}

/// Issue 11: newsdex's own depth check went; serde_json refuses input
/// nested deeper than 128 levels before its recursion could exhaust the
/// stack (ingest's reader runs on a thread with a 2 MiB stack, and this is
/// a debug build). Every shape gets a clean `FILE:LINE` error and the
/// articles around it are indexed.
#[test]
fn r11_deep_nesting_is_a_located_error_not_a_crash() {
    let env = TestEnv::new();
    let deep = "[".repeat(100_000);
    let good = |id: &str| format!("{{\"id\": \"{id}\", \"title\": \"Kept\"}}");
    env.write(
        "in/deep.jsonl",
        format!("{}\n{deep}\n{}\n", good("line-1"), good("line-3")),
    );
    env.write(
        "in/deep-key.jsonl",
        format!(
            "{{\"title\": \"t\", \"persons\": {deep}}}\n{}\n",
            good("key-2")
        ),
    );
    let closed = "]".repeat(100_000);
    env.write(
        "in/deep-document.json",
        format!("\n{{\"title\": \"t\",\n\"date\": {deep}{closed}}}"),
    );
    env.write(
        "in/deep-item.json",
        format!(
            "[\n{},\n{deep}{closed},\n{}\n]\n",
            good("item-1"),
            good("item-3")
        ),
    );
    let folder = env.dir.path().join("in");
    let output = env.run("ingest", &["--json", folder.to_str().unwrap()]);
    let messages = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{messages}");
    for expected in [
        "deep-document.json: invalid JSON: recursion limit exceeded at line 3\n",
        "deep-item.json:3: item 2: invalid JSON: recursion limit exceeded at line 3\n",
        "deep-key.jsonl:1: not an article: expected a string or a list of strings at column",
        "deep.jsonl:2: invalid JSON: recursion limit exceeded at column 128\n",
    ] {
        assert!(
            messages.contains(expected),
            "missing {expected:?} in\n{messages}"
        );
    }
    assert!(!messages.contains("internal failure"), "{messages}");
    let report = json(&output);
    assert_eq!(
        (report["indexed"].as_u64(), report["skipped"].as_u64()),
        (Some(5), Some(4))
    );
    let mut ids = hit_ids(&env.query(&["--limit", "10"]));
    ids.sort();
    assert_eq!(ids, ["item-1", "item-3", "key-2", "line-1", "line-3"]);
}

#[test]
fn an_ingest_ends_with_its_segments_merged_into_one() {
    let env = TestEnv::new();
    let report = env.ingest_samples_with(&["--batch-size", "5", "--threads", "2"]);
    assert_eq!(report["indexed"], SAMPLE_ARTICLES);
    let stats = json(&env.run("stats", &["--json"]));
    assert_eq!(stats["segments"], 1, "{stats}");
    assert_eq!(stats["documents"], SAMPLE_ARTICLES);
}
