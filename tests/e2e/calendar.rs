//! Calendar buckets in a time zone (issue 14): `date:week` beside year,
//! month and day, and `--tz` moving the days of facets and of
//! `--from`/`--to` into a zone.

use crate::util::{TestEnv, facet, hit_ids, pairs, stderr};

/// Two articles: one late on a Sunday in UTC, which is already Monday in
/// Paris, and one at noon on the Monday.
const ARTICLES: &str = concat!(
    r#"{"id": "late", "date": "2024-10-13T23:30:00Z", "title": "Night vote", "body": "The vote ran late."}"#,
    "\n",
    r#"{"id": "noon", "date": "2024-10-14T12:00:00Z", "title": "Noon vote", "body": "The vote ended."}"#,
    "\n",
);

fn ingested() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_file("votes.jsonl", ARTICLES, &[]);
    env
}

#[test]
fn weeks_and_days_follow_the_time_zone() {
    let env = ingested();
    let utc = env.query(&[
        "--facet",
        "date:day",
        "--facet",
        "date:week",
        "--limit",
        "0",
    ]);
    assert_eq!(
        facet(&utc, "date:day"),
        pairs(&[("2024-10-13", 1), ("2024-10-14", 1)])
    );
    assert_eq!(
        facet(&utc, "date:week"),
        pairs(&[("2024-W41", 1), ("2024-W42", 1)])
    );
    let paris = env.query(&[
        "--tz",
        "Europe/Paris",
        "--facet",
        "date:day",
        "--facet",
        "date:week",
        "--limit",
        "0",
    ]);
    assert_eq!(facet(&paris, "date:day"), pairs(&[("2024-10-14", 2)]));
    assert_eq!(facet(&paris, "date:week"), pairs(&[("2024-W42", 2)]));
}

#[test]
fn from_and_to_name_days_of_the_time_zone() {
    let env = ingested();
    let mut utc = hit_ids(&env.query(&["--from", "2024-10-14"]));
    utc.sort();
    assert_eq!(utc, ["noon"]);
    let mut paris = hit_ids(&env.query(&["--from", "2024-10-14", "--tz", "Europe/Paris"]));
    paris.sort();
    assert_eq!(paris, ["late", "noon"]);
    let sunday_in_paris = env.query(&["--to", "2024-10-13", "--tz", "Europe/Paris"]);
    assert_eq!(sunday_in_paris["total_hits"], 0);
    let wrong = env.run("query", &["--tz", "Mars/Olympus"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("invalid time zone \"Mars/Olympus\": use an IANA name"),
        "{}",
        stderr(&wrong)
    );
}

/// Regression test for issue 20: `--tz Europe/Paris --from 2024-10-14`
/// printed `with --from 2024-10-13`, the bound in UTC, and no zone.
#[test]
fn r20_the_header_names_the_days_as_typed_and_the_time_zone() {
    let env = ingested();
    let first_line = |args: &[&str]| {
        let output = env.run("query", args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        first_line(&[
            "--tz",
            "Europe/Paris",
            "--from",
            "2024-10-14",
            "--view",
            "compact"
        ]),
        "2 hits for all articles with --from 2024-10-14 --tz Europe/Paris (showing 1-2)"
    );
    assert_eq!(
        first_line(&[
            "vote",
            "--tz",
            "Asia/Tokyo",
            "--to",
            "2024-10-14",
            "--view",
            "compact"
        ]),
        "2 hits for \"vote\" with --to 2024-10-14 --tz Asia/Tokyo (showing 1-2)"
    );
    assert_eq!(
        first_line(&[
            "--from",
            "October 2024",
            "--to",
            "2024-10",
            "--view",
            "compact"
        ]),
        "2 hits for all articles with --from 2024-10-01 --to 2024-10-31 (showing 1-2)"
    );
}
