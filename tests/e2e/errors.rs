//! Errors users meet: bad records (FILE:LINE, skipped, the rest indexed),
//! bad queries, facets, dates and countries, missing indexes, bad or
//! mismatched schemas, index faults (a full disk, a read-only folder, a
//! damaged file, a lock held), unreadable input; each with its exit status
//! and a one-line message.

use crate::util::assert_stderr_starts_with;
use crate::util::{
    SAMPLE_ARTICLES, TestEnv, hit_ids, json, newsdex_binary, process_command, sample, stderr,
    stdout, wait_for_sigint_handler,
};

#[test]
fn bad_records_are_skipped_with_file_and_line_and_the_rest_is_indexed() {
    let env = TestEnv::new();
    let broken = sample("broken");
    let output = env.run("ingest", &["--json", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let messages = stderr(&output);
    let mixed = sample("broken/mixed.jsonl").display().to_string();
    let bad_date = sample("broken/bad-date.json").display().to_string();
    let expected = [
        format!(
            "newsdex: warning: {bad_date}: date \"next Tuesday-ish\" could not be parsed: the article is indexed without a date"
        ),
        format!(
            "newsdex: skipped {mixed}:2: truncated JSON: EOF while parsing a string at column 114"
        ),
        format!(
            "newsdex: skipped {mixed}:4: not an article: expected a JSON object, found an array"
        ),
    ];
    let lines: Vec<&str> = messages.lines().collect();
    assert_eq!(
        &lines[..3],
        &expected.iter().map(String::as_str).collect::<Vec<_>>()[..],
        "{messages}"
    );
    let report = json(&output);
    assert_eq!(
        (report["read"].as_u64(), report["indexed"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(
        (report["skipped"].as_u64(), report["warnings"].as_u64()),
        (Some(2), Some(1))
    );
    let result = env.query(&["--sort", "date"]);
    assert_eq!(result["total_hits"], 4);
    assert_eq!(result["hits"][3]["id"], "broken-bad-date-1");
    assert_eq!(result["hits"][3]["date"], serde_json::Value::Null);
}

#[test]
fn missing_paths_and_unknown_formats_are_skipped() {
    let env = TestEnv::new();
    let good = env.write("good.txt", "date 2024-01-01 Good\n\nBody.\n");
    let odd = env.write("article.doc", "Some text");
    let output = env.run(
        "ingest",
        &[
            "missing.jsonl",
            odd.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let messages = stderr(&output);
    assert!(
        messages.contains("newsdex: skipped missing.jsonl: no such file or folder"),
        "{messages}"
    );
    assert!(messages.contains("article.doc: unknown format: name it .txt, .json, .jsonl, .ndjson, .csv, .tsv, .rss, .atom, .xml, .html, .htm or .warc (optionally .gz), or pass --format"), "{messages}");
    assert_eq!(env.query(&[])["total_hits"], 1);
}

/// Regression test for issue 15: an empty `.jsonl` was silently fine
/// while an empty `.json` said "truncated JSON" and an empty `.txt` was
/// skipped. An empty or blank file of any format, plain or gzipped, named
/// or in a folder or on stdin, is one warning that skips nothing (status
/// 0), and white space before the first record keeps its line numbers.
#[test]
fn r15_an_empty_file_of_any_format_is_one_warning() {
    let env = TestEnv::new();
    let names = [
        "empty.json",
        "empty.jsonl",
        "empty.csv",
        "empty.txt",
        "empty.rss",
        "empty.html",
        "empty.warc",
        "empty.jsonl.gz",
    ];
    for name in names {
        env.write(&format!("in/{name}"), "");
    }
    env.write("in/blank.json", "\u{feff} \n\t\r\n");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut encoder, b"\n\n").unwrap();
    env.write("in/blank.tsv.gz", encoder.finish().unwrap());
    let folder = env.dir.path().join("in");
    let output = env.run("ingest", &["--json", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut expected = String::new();
    for name in [
        "blank.json",
        "blank.tsv.gz",
        "empty.csv",
        "empty.html",
        "empty.json",
        "empty.jsonl",
        "empty.jsonl.gz",
        "empty.rss",
        "empty.txt",
        "empty.warc",
    ] {
        let path = folder.join(name);
        let line = format!(
            "newsdex: warning: {}: empty file, no articles\n",
            path.display()
        );
        expected.push_str(&line);
    }
    expected.push_str("newsdex: done: read 0, indexed 0 (0 replaced), duplicates 0, unchanged 0, skipped 0, warnings 10 in ");
    let messages = stderr(&output);
    assert!(messages.starts_with(&expected), "{messages}");
    let report = json(&output);
    assert_eq!(
        (report["warnings"].as_u64(), report["skipped"].as_u64()),
        (Some(10), Some(0))
    );

    let stdin = env
        .command()
        .args(["ingest", "--index"])
        .arg(env.index())
        .arg("-")
        .write_stdin(" \n")
        .output()
        .unwrap();
    assert_eq!(stdin.status.code(), Some(0));
    assert_stderr_starts_with(
        &stdin,
        "newsdex: warning: <stdin>: empty file, no articles\n",
    );

    let late = env.write("late.jsonl", "\n \n{\"title\": \"Good\"}\n{\"title\": \n");
    let output = env.run("ingest", &[late.to_str().unwrap()]);
    let expected = format!("newsdex: skipped {}:4: truncated JSON", late.display());
    assert_stderr_starts_with(&output, &expected);
}

/// Regression test for issue 15: a missing path counted as "read 1"; it
/// is not an article, so it is skipped with its reason, and not read.
#[test]
fn r15_a_missing_path_is_skipped_not_read() {
    let env = TestEnv::new();
    let output = env.run("ingest", &["--json", "missing.jsonl"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(
        (report["read"].as_u64(), report["skipped"].as_u64()),
        (Some(0), Some(1))
    );
    let messages = stderr(&output);
    assert!(
        messages.starts_with(
            "newsdex: skipped missing.jsonl: no such file or folder\n\
             newsdex: done: read 0, indexed 0 (0 replaced), duplicates 0, unchanged 0, skipped 1, warnings 0 in "
        ),
        "{messages}"
    );
}

#[test]
fn verbose_names_the_files_of_unknown_type_a_folder_holds() {
    let env = TestEnv::new();
    env.write("news/good.txt", "date 2024-01-01 Good\n\nBody.\n");
    let notes = env.write("news/notes.doc", "Some text");
    let folder = notes.parent().unwrap().to_str().unwrap().to_string();
    let note = format!("newsdex: not read {}: unknown file type", notes.display());
    let quiet_run = env.run("ingest", &[&folder]);
    assert_eq!(quiet_run.status.code(), Some(0), "{}", stderr(&quiet_run));
    assert!(
        !stderr(&quiet_run).contains(&note),
        "{}",
        stderr(&quiet_run)
    );
    let verbose = env.run("ingest", &["-v", &folder]);
    assert_eq!(verbose.status.code(), Some(0), "{}", stderr(&verbose));
    assert!(stderr(&verbose).contains(&note), "{}", stderr(&verbose));
    assert_eq!(env.query(&[])["total_hits"], 1);
}

fn assert_usage_error(output: &std::process::Output, message: &str) {
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(output));
    assert_eq!(stderr(output), format!("newsdex: error: {message}\n"));
    assert!(stdout(output).is_empty());
}

#[test]
fn bad_queries_facets_dates_and_countries_exit_2_with_one_line() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-01 Good\n\nBody.\n");
    env.run("ingest", &[article.to_str().unwrap()]);
    assert_usage_error(
        &env.run("query", &["title:("]),
        "invalid query \"title:(\": the parentheses do not pair up: close each ( with a )",
    );
    assert_usage_error(
        &env.run("query", &["--facet", "date:hour"]),
        "invalid facet \"date:hour\": use one of country, country_mentioned, person, organization, location, keyword, language, source, date:year, date:month, date:week, date:day, or significant:FIELD for the values of a field that stand out (significant:keyword)",
    );
    assert_usage_error(
        &env.run("query", &["--from", "yesterday"]),
        "invalid date \"yesterday\": write a day, a month or a year in one of these forms: 2023-03-01; 2023-03; 2023; March 2023; Mar 2023; 1 March 2023; March 1, 2023; 2023/03/01",
    );
    assert_usage_error(
        &env.run("query", &["--country", "Atlantis"]),
        "invalid country \"Atlantis\": use an ISO 3166-1 alpha-2 code such as RU, or a country name such as Russia",
    );
    assert_usage_error(
        &env.run("query", &["\"interest rates"]),
        "invalid query \"\\\"interest rates\": a quote is not closed: end the phrase with \"",
    );
    assert_usage_error(
        &env.run("query", &["--from", "2024-12-01", "--to", "2024-01"]),
        "invalid date range \"2024-12-01 to 2024-01\": the first day is after the last, so no article can match: swap the dates",
    );
    let unknown_option = env.run("query", &["--sort", "sideways"]);
    assert_eq!(unknown_option.status.code(), Some(2));
    assert!(
        stderr(&unknown_option)
            .starts_with("newsdex: error: invalid value 'sideways' for '--sort <SORT>'"),
        "clap's errors carry the prefix every error has: {}",
        stderr(&unknown_option)
    );
}

/// Regression test for issue 15: an index pointed at a folder of the
/// user's own files wrote segments among them; at a file it said `File
/// exists (os error 17)`.
#[test]
fn r15_an_index_is_never_written_among_other_files_or_into_a_file() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-01 Good\n\nBody.\n");
    let notes = env.write("data/notes.txt", "my own notes");
    let data = notes.parent().unwrap().to_str().unwrap().to_string();
    let mut into_data = env.command();
    into_data.args(["ingest", "--index", &data, article.to_str().unwrap()]);
    let refused = into_data.output().unwrap();
    assert_usage_error(
        &refused,
        &format!(
            "{data} is not empty and holds no newsdex index: ingest into a new or empty folder (--index DIR)"
        ),
    );
    assert_eq!(
        std::fs::read_dir(&data).unwrap().count(),
        1,
        "nothing written"
    );
    let file = article.to_str().unwrap();
    for command in ["ingest", "query"] {
        let mut into_file = env.command();
        into_file.args([command, "--index", file, file]);
        assert_usage_error(
            &into_file.output().unwrap(),
            &format!(
                "index {file} is a file, not a folder: name a folder for the index with --index DIR"
            ),
        );
    }
}

/// Regression test for issue 15: exporting twice into one folder left the
/// first export's files beside the second's README.
#[test]
fn r15_an_export_needs_an_empty_folder_or_force() {
    let env = TestEnv::new();
    let feed: String = (0..3)
        .map(|n| format!("{{\"id\": \"e{n}\", \"title\": \"Oil {n}\", \"body\": \"Oil.\"}}\n"))
        .collect();
    let feed = env.write("feed.jsonl", feed);
    env.run("ingest", &[feed.to_str().unwrap()]);
    let out = env.dir.path().join("out");
    let out_text = out.to_str().unwrap();
    let first = env.run("export", &["--to", "quickwit", "--out", out_text]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    std::fs::write(out.join("docs-0002.ndjson"), "stale").unwrap();
    let again = env.run("export", &["--to", "elasticsearch", "--out", out_text]);
    assert_usage_error(
        &again,
        &format!(
            "export folder {out_text} is not empty: name a new folder with --out DIR, or add --force to replace the earlier export there"
        ),
    );
    let forced = env.run(
        "export",
        &["--to", "elasticsearch", "--force", "--out", out_text],
    );
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["README.txt", "bulk-0001.ndjson", "mapping.json"]);
}

#[test]
fn querying_a_missing_index_says_how_to_make_one() {
    let env = TestEnv::new();
    let index = env.index().display().to_string();
    assert_usage_error(
        &env.run("query", &["oil"]),
        &format!("no index at {index}: run `newsdex ingest --index {index} PATH...` first"),
    );
    assert_usage_error(
        &env.run("stats", &[]),
        &format!("no index at {index}: run `newsdex ingest --index {index} PATH...` first"),
    );
}

#[test]
fn an_index_built_with_another_schema_is_refused_with_the_difference() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-01 Good\n\nBody.\n");
    env.run("ingest", &[article.to_str().unwrap()]);
    let built_in = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/index-schema/articles.json"
    ))
    .unwrap();
    let stemmed = built_in.replacen(
        "\"tokenizer\": \"default_folded\"",
        "\"tokenizer\": \"en_stem\"",
        1,
    );
    let schema = env.write("stemmed.json", stemmed);
    let output = env.run(
        "ingest",
        &[
            "--schema",
            schema.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with(&format!(
            "newsdex: error: index {} was built with another schema: field `title` is ",
            env.index().display()
        )),
        "{message}"
    );
    assert!(
        message
            .trim_end()
            .ends_with("ingest into a new index (--index DIR) or use the schema it was built with"),
        "{message}"
    );
    assert_eq!(env.query(&[])["total_hits"], 1, "the index is untouched");
}

#[test]
fn a_schema_file_with_a_typo_names_the_field() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-01 Good\n\nBody.\n");
    let schema = env.write(
        "typo.json",
        r#"{"version": 1, "fields": [{"name": "id", "type": "string", "stord": true}]}"#,
    );
    let output = env.run(
        "ingest",
        &[
            "--schema",
            schema.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with(&format!(
            "newsdex: error: schema {}: unknown field `stord`",
            schema.display()
        )),
        "{message}"
    );
    assert!(!env.index().join("meta.json").exists());
}

#[test]
fn a_second_ingest_fails_at_once_while_queries_still_work() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-01 First\n\nBody.\n");
    env.run("ingest", &[article.to_str().unwrap()]);
    let spawn_holder = || {
        process_command(newsdex_binary())
            .args(["ingest", "--format", "jsonl", "--index"])
            .arg(env.index())
            .arg("-")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // The holder keeps the writer open while its stdin stays open. Until it
    // has opened it, a second ingest of the same article succeeds and changes
    // nothing; if the second ingest held the lock when the holder started,
    // the holder gave up, so start another. Then the second must fail.
    let mut holder = spawn_holder();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut second = env.run("ingest", &[article.to_str().unwrap()]);
    while second.status.code() == Some(0) && std::time::Instant::now() < deadline {
        if holder.try_wait().unwrap().is_some() {
            holder = spawn_holder();
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        second = env.run("ingest", &[article.to_str().unwrap()]);
    }
    assert_usage_error(
        &second,
        &format!(
            "index {} is locked by another ingest: wait for it to finish, then run again",
            env.index().display()
        ),
    );
    assert_eq!(
        env.query(&[])["total_hits"],
        1,
        "queries see the last commit meanwhile"
    );
    assert_eq!(json(&env.run("stats", &["--json"]))["documents"], 1);
    {
        use std::io::Write;
        let mut stdin = holder.stdin.take().unwrap();
        stdin
            .write_all(b"{\"id\": \"late\", \"title\": \"Second\"}\n")
            .unwrap();
    }
    assert_eq!(holder.wait().unwrap().code(), Some(0));
    assert_eq!(env.query(&[])["total_hits"], 2);
}

#[test]
fn stats_verify_names_a_damaged_segment_file() {
    let env = TestEnv::new();
    env.ingest_samples();
    let healthy = env.run("stats", &["--verify", "--json"]);
    assert_eq!(healthy.status.code(), Some(0));
    assert!(
        stderr(&healthy).starts_with("newsdex: verified "),
        "{}",
        stderr(&healthy)
    );
    let store = std::fs::read_dir(env.index())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.extension()
                .is_some_and(|extension| extension == "store")
        })
        .unwrap();
    let mut bytes = std::fs::read(&store).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&store, bytes).unwrap();
    let damaged = env.run("stats", &["--verify"]);
    assert_eq!(damaged.status.code(), Some(2));
    let message = stderr(&damaged);
    let name = store.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        message.starts_with(&format!(
            "newsdex: error: index {} is damaged: {name} failed the checksum",
            env.index().display()
        )),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1);
}

#[test]
fn hostile_and_odd_files_never_stop_the_run() {
    let env = TestEnv::new();
    env.write(
        "in/latin1.txt",
        b"date 2024-01-01 Caf\xe9 prices\n\nThe caf\xe9 owners in Paris.\n",
    );
    env.write(
        "in/bom-crlf.txt",
        "\u{feff}date 2024-01-02 Windows file\r\n\r\nBody line.\r\n",
    );
    env.write(
        "in/nul.jsonl",
        b"{\"id\": \"nul\", \"title\": \"Nul\0 bytes\"}\n",
    );
    env.write(
        "in/binary.txt",
        (0u8..=255).cycle().take(4096).collect::<Vec<u8>>(),
    );
    env.write("in/empty.txt", "");
    env.write(
        "in/deep.jsonl",
        "[".repeat(100_000) + "\n{\"id\": \"after-deep\", \"title\": \"Still read\"}\n",
    );
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut encoder,
        "{\"id\": \"gz\", \"title\": \"Zipped\"}\n"
            .repeat(2000)
            .as_bytes(),
    )
    .unwrap();
    let zipped = encoder.finish().unwrap();
    env.write("in/truncated.jsonl.gz", &zipped[..zipped.len() / 2]);
    let mut corrupt = zipped.clone();
    for byte in corrupt.iter_mut().skip(20).take(64) {
        *byte ^= 0x5a;
    }
    env.write("in/corrupt.jsonl.gz", corrupt);
    env.write(
        "in/array.json",
        "[\n{\"id\": \"array-1\", \"title\": \"Array kept\"},\n{\"id\": \"array-2\" \"title\": \"x\"},\n{\"id\": \"array-3\", \"title\": \"Cut",
    );
    std::os::unix::fs::symlink(env.dir.path().join("in"), env.dir.path().join("in/loop")).unwrap();
    let folder = env.dir.path().join("in");
    let output = env.run("ingest", &["--json", folder.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let messages = stderr(&output);
    let folder_name = folder.display().to_string();
    for expected in [
        "bom-crlf.txt",
        "binary.txt: binary file: this is not text, JSON or JSON Lines",
        "deep.jsonl:1: invalid JSON: recursion limit exceeded at column 128",
        "newsdex: warning: {in}/empty.txt: empty file, no articles",
        "latin1.txt: not valid UTF-8: read as Windows-1252; if it is in another encoding, pass --encoding LABEL (said once per file)",
        "nul.jsonl:1: NUL bytes were removed",
        "truncated.jsonl.gz",
        "corrupt.jsonl.gz: corrupt or truncated data: ",
        "array.json:3: item 2: invalid JSON: expected `,` or `}` at line 3",
        "array.json:4: truncated JSON: the file ends inside item 3",
        "loop",
    ] {
        let expected = expected.replace("{in}", &folder_name);
        if expected == "bom-crlf.txt" {
            assert!(!messages.contains(&expected), "{messages}");
        } else {
            assert!(
                messages.contains(&expected),
                "missing {expected:?} in\n{messages}"
            );
        }
    }
    let report = json(&output);
    assert_eq!(report["warnings"], 3, "two articles and the empty file");
    let result = env.query(&["--limit", "100"]);
    let titles: Vec<&str> = result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap())
        .collect();
    for title in [
        "Café prices",
        "Windows file",
        "Nul bytes",
        "Still read",
        "Array kept",
    ] {
        assert!(titles.contains(&title), "{title} in {titles:?}");
    }
}

#[test]
fn a_full_disk_stops_the_ingest_with_the_cause_and_keeps_what_was_committed() {
    let env = TestEnv::new();
    env.ingest_samples();
    let feed = env.write(
        "more.jsonl",
        "{\"id\": \"new-1\", \"title\": \"Cocoa\"}\n{\"id\": \"new-2\", \"title\": \"Tin\"}\n",
    );
    let full = env
        .command()
        .env("NEWSDEX_SIMULATE_FAULT", "full-disk-after:0")
        .args(["ingest", "--index"])
        .arg(env.index())
        .arg(&feed)
        .output()
        .unwrap();
    assert_usage_error(
        &full,
        &format!(
            "cannot write index {}: No space left on device (os error 28); the articles committed before are intact: free some space or make the folder writable, then run the same ingest again to resume",
            env.index().display()
        ),
    );
    let verify = env.run("stats", &["--verify", "--json"]);
    assert_eq!(verify.status.code(), Some(0), "{}", stderr(&verify));
    assert_eq!(json(&verify)["documents"], SAMPLE_ARTICLES);
    let resumed = json(&env.run("ingest", &["--json", feed.to_str().unwrap()]));
    assert_eq!(resumed["indexed"], 2);
    assert_eq!(
        json(&env.run("stats", &["--json"]))["documents"],
        SAMPLE_ARTICLES + 2
    );
}

#[test]
fn a_read_only_index_refuses_ingest_and_still_answers_queries() {
    let env = TestEnv::new();
    env.ingest_samples();
    let read_only = |subcommand: &str, args: &[&str]| {
        env.command()
            .env("NEWSDEX_SIMULATE_FAULT", "read-only")
            .args([subcommand, "--index"])
            .arg(env.index())
            .args(args)
            .output()
            .unwrap()
    };
    let seed = sample("000_cbeac4f52b709616.txt");
    let ingest = read_only("ingest", &[seed.to_str().unwrap()]);
    assert_usage_error(
        &ingest,
        &format!(
            "cannot lock index {}: Read-only file system (os error 30); ingest needs to create lock files in the index folder: make it writable, or ingest into a copy of the index (queries work on a read-only index)",
            env.index().display()
        ),
    );
    let query = read_only("query", &["coffee", "--json"]);
    assert_eq!(query.status.code(), Some(0), "{}", stderr(&query));
    assert_eq!(json(&query)["total_hits"], 3);
    let stats = read_only("stats", &["--json"]);
    assert_eq!(json(&stats)["documents"], SAMPLE_ARTICLES);
}

/// Whether the tests run as root, who can read any file: a new file is
/// owned by the effective user.
fn running_as_root(env: &TestEnv) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = env.write("owner-probe", "");
    std::fs::metadata(probe).unwrap().uid() == 0
}

#[test]
fn an_unreadable_file_is_skipped_and_the_others_are_indexed() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let readable = env.write("in/ok.jsonl", "{\"id\": \"ok\", \"title\": \"Readable\"}\n");
    let secret = env.write(
        "in/secret.jsonl",
        "{\"id\": \"secret\", \"title\": \"Hidden\"}\n",
    );
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads every file, so run newsdex as nobody, in a folder nobody
    // may write to.
    let mut command = if running_as_root(&env) {
        for folder in [env.dir.path().to_path_buf(), env.dir.path().join("in")] {
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
        }
        std::fs::set_permissions(&readable, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut command = process_command("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(newsdex_binary());
        command
    } else {
        process_command(newsdex_binary())
    };
    let folder = env.dir.path().join("in");
    let output = command
        .args(["ingest", "--json", "--index"])
        .arg(env.index())
        .arg(&folder)
        .output()
        .expect("run newsdex (as root, this test needs setpriv from util-linux)");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        format!("newsdex: skipped {}: permission denied", secret.display())
    );
    assert_eq!(json(&output)["indexed"], 1);
}

#[test]
fn extreme_values_are_indexed_or_refused_with_a_reason() {
    let env = TestEnv::new();
    let long_body = "word ".repeat(600_000) + "zyzzyva";
    let lines = [
        serde_json::json!({"id": "x".repeat(70_000), "title": "Long id"}),
        serde_json::json!({"id": "long", "title": "T".repeat(200_000), "body": long_body, "url": "u".repeat(70_000)}),
        serde_json::json!({"id": "year-1", "date": "0001-01-01", "title": "Year one"}),
        serde_json::json!({"id": "year-9999", "date": "9999-12-31T23:59:59Z", "title": "Year 9999"}),
        serde_json::json!({"id": "overflow", "date": 9_223_372_036_854_775_807_i64, "title": "Overflow"}),
        serde_json::json!({"id": "dated", "date": "1987-03-03", "title": "Dated"}),
    ];
    let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
    let feed = env.write("extreme.jsonl", text);
    let feed_name = feed.display().to_string();
    let output = env.run("ingest", &["--json", &feed_name]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let expected = format!(
        "newsdex: skipped {feed_name}:1: id is 70000 bytes long: an id may be at most 4096 bytes\n\
         newsdex: warning: {feed_name}:3: date \"0001-01-01\" is outside the years 1678 to 2261 an index can hold: the article is indexed without a date\n\
         newsdex: warning: {feed_name}:4: date \"9999-12-31T23:59:59Z\" is outside the years 1678 to 2261 an index can hold: the article is indexed without a date\n\
         newsdex: warning: {feed_name}:5: date \"9223372036854775807\" could not be parsed: the article is indexed without a date\n"
    );
    assert!(
        stderr(&output).starts_with(&expected),
        "{}",
        stderr(&output)
    );
    assert_eq!(json(&output)["indexed"], 5);
    assert_eq!(
        env.query(&["zyzzyva"])["total_hits"],
        1,
        "text past the extraction cap is indexed"
    );
    let all_years = env.query(&["--from", "0001-01-01", "--to", "9999-12-31"]);
    assert_eq!(hit_ids(&all_years), vec!["dated"]);
    env.run("ingest", &["--reindex", &feed_name]);
    assert_eq!(json(&env.run("stats", &["--json"]))["documents"], 5);
}

#[test]
fn ctrl_c_commits_what_was_read_and_exits_130() {
    use std::io::Write;
    let env = TestEnv::new();
    let mut ingest = process_command(newsdex_binary())
        .args(["ingest", "--json", "--format", "jsonl", "--index"])
        .arg(env.index())
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = ingest.stdin.take().unwrap();
    let article =
        |number: u32| format!("{{\"id\": \"a{number}\", \"title\": \"Article {number}\"}}\n");
    for number in 0..200 {
        stdin.write_all(article(number).as_bytes()).unwrap();
    }
    stdin.flush().unwrap();
    wait_for_sigint_handler(ingest.id());
    std::thread::sleep(std::time::Duration::from_millis(300));
    let sent = std::process::Command::new("kill")
        .args(["-INT", &ingest.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    // The flag is read as records arrive, so keep them coming until
    // newsdex stops; then the input ends.
    for number in 200..2200 {
        if ingest.try_wait().unwrap().is_some() {
            break;
        }
        if stdin.write_all(article(number).as_bytes()).is_err() || stdin.flush().is_err() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    drop(stdin);
    let output = ingest.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["interrupted"], true);
    assert!(report["indexed"].as_u64().unwrap() >= 1);
    assert!(stderr(&output).starts_with("newsdex: interrupted after read"));
    let documents = json(&env.run("stats", &["--json"]))["documents"].clone();
    assert_eq!(documents, report["indexed"], "what was read is committed");
}

#[test]
fn a_damaged_index_is_named_on_query_ingest_and_verify_and_left_untouched() {
    let seed = sample("000_cbeac4f52b709616.txt");
    // Each damage, and what `stats --verify` says of it.
    type Damage = fn(&std::path::Path) -> String;
    let damages: [(&str, Damage); 4] = [
        ("cut", |index| {
            let file = first_file_with(index, "idx");
            std::fs::write(&file, b"cut").unwrap();
            format!("damaged: {} is truncated", file_name(&file))
        }),
        ("short", |index| {
            let file = first_file_with(index, "fast");
            std::fs::write(&file, b"short").unwrap();
            format!("damaged: {} is truncated", file_name(&file))
        }),
        ("missing", |index| {
            let file = first_file_with(index, "term");
            std::fs::remove_file(&file).unwrap();
            format!("damaged: {} is missing", file_name(&file))
        }),
        ("meta", |index| {
            std::fs::write(index.join("meta.json"), "garbage{").unwrap();
            "damaged: meta.json: meta file cannot be deserialized".to_string()
        }),
    ];
    for (name, damage) in damages {
        let env = TestEnv::new();
        env.ingest_samples();
        let verdict = damage(&env.index());
        let before = listing(&env.index());
        let verify = env.run("stats", &["--verify"]);
        assert_usage_error(
            &verify,
            &format!(
                "index {} is {verdict}; ingest the original files into a new index (--index DIR)",
                env.index().display()
            ),
        );
        for (command, args) in [
            ("query", vec!["oil", "--facet", "person"]),
            ("ingest", vec![seed.to_str().unwrap()]),
        ] {
            let output = env.run(command, &args);
            let message = stderr(&output);
            assert_eq!(output.status.code(), Some(2), "{name} {command}: {message}");
            assert_eq!(message.lines().count(), 1, "{name} {command}: {message}");
            assert!(
                message.contains("is damaged")
                    || message.contains("`newsdex stats --verify` checks it"),
                "{name} {command}: {message}"
            );
        }
        assert_eq!(
            listing(&env.index()),
            before,
            "{name}: the index was touched"
        );
    }
}

fn first_file_with(index: &std::path::Path, extension: &str) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(index)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|found| found == extension))
        .collect();
    files.sort();
    files.remove(0)
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The files of an index with their sizes, to tell whether anything changed.
fn listing(index: &std::path::Path) -> Vec<(String, u64)> {
    let mut files: Vec<(String, u64)> = std::fs::read_dir(index)
        .unwrap()
        .map(|entry| entry.unwrap())
        .map(|entry| (file_name(&entry.path()), entry.metadata().unwrap().len()))
        .collect();
    files.sort();
    files
}
