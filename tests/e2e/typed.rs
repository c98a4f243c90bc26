//! Values a user types, read as written or refused (issue 20): the dates
//! of `--from`, `--to` and the query's `date:` ranges; `--limit` and
//! `--offset` of any size.

use crate::util::{TestEnv, hit_ids, stderr, stdout};

/// Four articles around March 1987: the day before it, its first and last
/// days, and the day after it.
const AROUND_MARCH: &str = concat!(
    r#"{"id": "feb28", "date": "1987-02-28", "title": "Oil one", "body": "Oil prices."}"#,
    "\n",
    r#"{"id": "mar01", "date": "1987-03-01", "title": "Oil two", "body": "Oil prices."}"#,
    "\n",
    r#"{"id": "mar31", "date": "1987-03-31T23:00:00Z", "title": "Oil three", "body": "Oil prices."}"#,
    "\n",
    r#"{"id": "apr01", "date": "1987-04-01", "title": "Oil four", "body": "Oil prices."}"#,
    "\n",
);

fn sorted_ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut ids = hit_ids(&env.query(args));
    ids.sort();
    ids
}

/// Regression test for issue 20: `--from "March 1987"` was read as
/// 19 March of the year 87 and so dropped the filter, `--to "March 1987"`
/// found nothing, and a month in a `date:` range was a syntax error.
#[test]
fn r20_typed_dates_are_read_exactly() {
    let env = TestEnv::new();
    env.ingest_file("march.jsonl", AROUND_MARCH, &[]);
    for month in ["March 1987", "Mar 1987", "1987-03", "march 1987"] {
        assert_eq!(
            sorted_ids(&env, &["oil", "--from", month, "--to", month]),
            ["mar01", "mar31"],
            "{month}"
        );
    }
    assert_eq!(
        sorted_ids(&env, &["oil", "--to", "March 1987"]),
        ["feb28", "mar01", "mar31"]
    );
    for first_of_march in ["1 March 1987", "March 1, 1987", "1987/03/01", "1987-03-01"] {
        assert_eq!(
            sorted_ids(&env, &["oil", "--from", first_of_march]),
            ["apr01", "mar01", "mar31"],
            "{first_of_march}"
        );
    }
    assert_eq!(
        sorted_ids(&env, &["oil", "--from", "1987", "--to", "1987"]).len(),
        4
    );
    for range in [
        "oil AND date:[March 1987 TO March 1987]",
        "oil AND date:[1987-03 TO 1987-03]",
        "oil AND date:[1 March 1987 TO 1987/03/31]",
    ] {
        assert_eq!(sorted_ids(&env, &[range]), ["mar01", "mar31"], "{range}");
    }
    assert_eq!(
        sorted_ids(&env, &["oil AND date:{1987-02 TO 1987-04}"]),
        ["mar01", "mar31"],
        "excluded bounds leave out their whole month"
    );
}

/// The forms a refusal lists.
const ACCEPTED: &str = "write a day, a month or a year in one of these forms: 2023-03-01; 2023-03; 2023; March 2023; Mar 2023; 1 March 2023; March 1, 2023; 2023/03/01";

fn assert_refused(output: &std::process::Output, message: &str) {
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(output));
    assert_eq!(stderr(output), format!("newsdex: error: {message}\n"));
    assert!(stdout(output).is_empty());
}

/// Regression test for issue 20: `87-03-01` was the year 87 and
/// `03/01/1987` said only "use a date such as 2024-10-14".
#[test]
fn r20_dates_not_read_exactly_are_refused_with_the_accepted_forms() {
    let env = TestEnv::new();
    env.ingest_file("march.jsonl", AROUND_MARCH, &[]);
    for unreadable in ["87-03-01", "yesterday", "19870301", "March", "1987-13"] {
        assert_refused(
            &env.run("query", &["oil", "--from", unreadable]),
            &format!("invalid date \"{unreadable}\": {ACCEPTED}"),
        );
    }
    assert_refused(
        &env.run("query", &["oil", "--to", "03/01/1987"]),
        "invalid date \"03/01/1987\": the order of day and month varies: write 1987-03-01 for 1 March or 1987-01-03 for 3 January",
    );
    assert_refused(
        &env.run("query", &["oil", "--from", "25/12/1987"]),
        "invalid date \"25/12/1987\": the order of day and month varies: write 1987-12-25",
    );
    assert_refused(
        &env.run("query", &["oil AND date:[03/01/1987 TO *]"]),
        "invalid date \"03/01/1987\": the order of day and month varies: write 1987-03-01 for 1 March or 1987-01-03 for 3 January",
    );
    assert_refused(
        &env.run("query", &["oil AND date:[87-03-01 TO *]"]),
        &format!("invalid date \"87-03-01\": {ACCEPTED}"),
    );
}

/// Regression test for issue 20: `--limit 100000000000` aborted on a
/// memory allocation of 1.6 TB, and `--limit` or `--offset` at the
/// largest number blamed a damaged index for an overflow.
#[test]
fn r20_a_limit_or_offset_of_any_size_pages_through_the_hits_there_are() {
    let env = TestEnv::new();
    env.ingest_file("march.jsonl", AROUND_MARCH, &[]);
    let huge = "100000000000";
    let largest = "18446744073709551615";
    for sort in ["relevance", "date", "-date"] {
        for collapse in [&[][..], &["--collapse"][..]] {
            let with = |args: &[&str]| {
                let mut all = vec!["oil", "--sort", sort];
                all.extend_from_slice(collapse);
                all.extend_from_slice(args);
                env.query(&all)
            };
            let all = with(&["--limit", huge]);
            assert_eq!(
                all["hits"].as_array().unwrap().len(),
                4,
                "{sort} {collapse:?}"
            );
            let last_two = with(&["--limit", largest, "--offset", "2"]);
            assert_eq!(
                last_two["hits"].as_array().unwrap().len(),
                2,
                "{sort} {collapse:?}"
            );
            let beyond = with(&["--limit", largest, "--offset", largest]);
            assert_eq!(
                beyond["hits"].as_array().unwrap().len(),
                0,
                "{sort} {collapse:?}"
            );
            assert_eq!(beyond["total_hits"], 4);
            let far = with(&["--offset", huge]);
            assert_eq!(
                far["hits"].as_array().unwrap().len(),
                0,
                "{sort} {collapse:?}"
            );
        }
    }
    let table = env.run(
        "query",
        &["oil", "--collapse", "--limit", largest, "--offset", largest],
    );
    assert_eq!(table.status.code(), Some(0), "stderr: {}", stderr(&table));
    assert_eq!(
        stdout(&table).lines().next(),
        Some("4 hits in 4 stories for \"oil\"")
    );
    assert!(stderr(&table).is_empty(), "{}", stderr(&table));
}
