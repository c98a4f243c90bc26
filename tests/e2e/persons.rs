//! One person, one facet value across the index (issue 12): a surname
//! written alone is the full name that dominates it nearby in time, in the
//! person facet, in `stats`, and for `--person`.

use crate::util::{TestEnv, facet, hit_ids, pairs};

const ARTICLES: &str = concat!(
    r#"{"id": "full-1", "date": "1987-03-02", "title": "Budget talks", "body": "President Ronald Reagan said on Monday the budget deficit must fall."}"#,
    "\n",
    r#"{"id": "full-2", "date": "1987-03-09", "title": "Trade bill", "body": "President Ronald Reagan said he would veto the trade bill."}"#,
    "\n",
    r#"{"id": "full-3", "date": "1987-05-11", "title": "Summit plans", "body": "President Ronald Reagan will meet allied leaders in Venice."}"#,
    "\n",
    r#"{"id": "surname-1", "date": "1987-04-06", "title": "Tax rates", "body": "President Reagan vowed no increase in tax rates."}"#,
    "\n",
    r#"{"id": "surname-2", "date": "1988-01-12", "title": "Arms talks", "body": "President Reagan said arms talks would resume."}"#,
    "\n",
    r#"{"id": "later", "date": "1996-06-01", "title": "Library opens", "body": "A library named after President Reagan opened on Saturday."}"#,
    "\n",
);

fn ingested() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_file("reagan.jsonl", ARTICLES, &[]);
    env
}

#[test]
fn a_surname_alone_counts_as_the_full_name_of_its_years() {
    let env = ingested();
    let all = env.query(&["--facet", "person", "--limit", "0"]);
    assert_eq!(
        facet(&all, "person"),
        pairs(&[("Ronald Reagan", 5), ("Reagan", 1)]),
        "1987-88 merge; 1996 is too far from any full name"
    );
    let mut full = hit_ids(&env.query(&["--person", "Ronald Reagan", "--sort", "date"]));
    full.sort();
    assert_eq!(
        full,
        ["full-1", "full-2", "full-3", "surname-1", "surname-2"]
    );
    let surname = env.query(&["--person", "reagan", "--limit", "0"]);
    assert_eq!(
        surname["total_hits"], 6,
        "the surname still finds every article"
    );
}

/// Two people who share a surname, both named in full in a few articles,
/// and the surname alone.
const BAKERS: &str = concat!(
    r#"{"id": "james-1", "date": "1987-03-02", "title": "Dollar", "body": "Treasury Secretary James Baker said the dollar was stable."}"#,
    "\n",
    r#"{"id": "james-2", "date": "1987-03-03", "title": "Dollar", "body": "Treasury Secretary James Baker said rates would hold."}"#,
    "\n",
    r#"{"id": "james-3", "date": "1987-03-04", "title": "Dollar", "body": "Treasury Secretary James Baker met his counterparts."}"#,
    "\n",
    r#"{"id": "james-4", "date": "1987-03-05", "title": "Dollar", "body": "Treasury Secretary James Baker spoke in Paris."}"#,
    "\n",
    r#"{"id": "howard-1", "date": "1987-03-02", "title": "White House", "body": "Chief of Staff Howard Baker said the President would speak."}"#,
    "\n",
    r#"{"id": "howard-2", "date": "1987-03-03", "title": "White House", "body": "Chief of Staff Howard Baker met Senate leaders."}"#,
    "\n",
    r#"{"id": "howard-3", "date": "1987-03-04", "title": "White House", "body": "Chief of Staff Howard Baker said the budget was ready."}"#,
    "\n",
    r#"{"id": "alone-1", "date": "1987-03-06", "title": "Talks", "body": "Mr Baker said the talks went well."}"#,
    "\n",
);

#[test]
fn r19_a_surname_two_people_share_is_given_to_neither_and_finds_both() {
    let env = TestEnv::new();
    env.ingest_file("bakers.jsonl", BAKERS, &[]);
    let all = env.query(&["--facet", "person", "--limit", "0"]);
    assert_eq!(
        facet(&all, "person"),
        pairs(&[("James Baker", 4), ("Howard Baker", 3), ("Baker", 1)]),
        "Baker alone is not counted as James Baker, named in more articles"
    );
    let output = env.run("query", &["--person", "Baker", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let found: serde_json::Value = serde_json::from_str(&crate::util::stdout(&output)).unwrap();
    let mut ids = hit_ids(&found);
    ids.sort();
    assert_eq!(
        ids,
        [
            "alone-1", "howard-1", "howard-2", "howard-3", "james-1", "james-2", "james-3",
            "james-4"
        ],
        "the surname finds both men and itself"
    );
    assert_eq!(found["total_hits"], 8);
    assert_eq!(
        crate::util::stderr(&output),
        "newsdex: --person \"Baker\" matches the name alone and the persons named in full with it: James Baker (4 articles), Howard Baker (3 articles)\n"
    );
}

/// A president named in full and by surname alone, with Congress, and
/// articles about something else.
const BUDGET: &str = concat!(
    r#"{"id": "b1", "date": "1987-03-02", "title": "Budget", "body": "President Ronald Reagan sent the budget to Congress on Monday."}"#,
    "\n",
    r#"{"id": "b2", "date": "1987-03-03", "title": "Budget", "body": "President Ronald Reagan said Congress must cut the budget deficit."}"#,
    "\n",
    r#"{"id": "b3", "date": "1987-03-04", "title": "Budget", "body": "President Ronald Reagan told Congress the budget would pass."}"#,
    "\n",
    r#"{"id": "b4", "date": "1987-03-05", "title": "Budget", "body": "President Reagan urged Congress to pass the budget."}"#,
    "\n",
    r#"{"id": "w1", "date": "1987-03-02", "title": "Weather", "body": "Rain fell across the plains on Monday."}"#,
    "\n",
    r#"{"id": "w2", "date": "1987-03-03", "title": "Weather", "body": "Snow fell across the mountains."}"#,
    "\n",
    r#"{"id": "w3", "date": "1987-03-04", "title": "Weather", "body": "Fog lifted by noon across the valleys."}"#,
    "\n",
);

#[test]
fn r19_pairs_and_significant_values_name_the_person_as_the_facet_does() {
    let env = TestEnv::new();
    env.ingest_file("budget.jsonl", BUDGET, &[]);
    let facets = env.query(&[
        "budget",
        "--facet",
        "person",
        "--facet",
        "significant:person",
        "--limit",
        "0",
    ]);
    assert_eq!(facet(&facets, "person"), pairs(&[("Ronald Reagan", 4)]));
    assert_eq!(
        facet(&facets, "significant:person"),
        pairs(&[("Ronald Reagan", 4)]),
        "the surname counts as the full name, not apart"
    );
    let output = env.run("pairs", &["budget", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let found: serde_json::Value = serde_json::from_str(&crate::util::stdout(&output)).unwrap();
    let listed: Vec<(String, String, u64)> = found["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|pair| {
            (
                pair["source"].as_str().unwrap_or("").to_string(),
                pair["target"].as_str().unwrap_or("").to_string(),
                pair["weight"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![("Ronald Reagan".to_string(), "Congress".to_string(), 4)],
        "{found}"
    );
}

#[test]
fn r19_aliases_lists_the_merges_and_the_aliases_file_adds_or_undoes_them() {
    let env = ingested();
    let listed = env.run("aliases", &[]);
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    assert_eq!(
        crate::util::stdout(&listed),
        "person  Reagan → Ronald Reagan  1987-1988  2 articles alone, 3 in full  (learned)\n"
    );
    let aliases_file = env.index().join("aliases.txt");
    std::fs::write(&aliases_file, "# written by hand\nReagan\t-\n").unwrap();
    let undone = env.query(&["--facet", "person", "--limit", "0"]);
    assert_eq!(
        facet(&undone, "person"),
        pairs(&[("Reagan", 3), ("Ronald Reagan", 3)]),
        "the merge is undone without ingesting again"
    );
    std::fs::write(&aliases_file, "Reagan\tRonald Reagan\n").unwrap();
    let every_year = env.query(&["--facet", "person", "--limit", "0"]);
    assert_eq!(
        facet(&every_year, "person"),
        pairs(&[("Ronald Reagan", 6)]),
        "a merge of the file holds in every year, 1996 too"
    );
    let json = env.run("aliases", &["--json"]);
    let listed: serde_json::Value = serde_json::from_str(&crate::util::stdout(&json)).unwrap();
    assert_eq!(listed["aliases"][0]["origin"], "file");
    assert_eq!(listed["aliases"][0]["alias_articles"], 3);
    std::fs::write(&aliases_file, "Reagan Ronald Reagan\n").unwrap();
    let refused = env.run("query", &["--facet", "person"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        crate::util::stderr(&refused)
            .contains("aliases.txt:1: no tab between the alias and the full name"),
        "{}",
        crate::util::stderr(&refused)
    );
    std::fs::write(&aliases_file, b"Reagan\t\xff\n").unwrap();
    let unreadable = env.run("query", &["--facet", "person"]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(
        crate::util::stderr(&unreadable)
            .contains("aliases.txt: stream did not contain valid UTF-8"),
        "{}",
        crate::util::stderr(&unreadable)
    );
}

const UNDATED: &str = concat!(
    r#"{"id": "undated-full-1", "title": "Health plans", "body": "Health Secretary Alan Milburn said waiting lists would fall."}"#,
    "\n",
    r#"{"id": "undated-full-2", "title": "Campaign", "body": "Alan Milburn said the campaign would focus on the economy."}"#,
    "\n",
    r#"{"id": "undated-full-3", "title": "Posters", "body": "Former minister Alan Milburn defended the party's posters on Monday."}"#,
    "\n",
    r#"{"id": "undated-surname", "title": "Reply", "body": "Mr Milburn said the Conservative plans did not add up."}"#,
    "\n",
    r#"{"id": "dated-surname", "date": "1999-03-02", "title": "Old story", "body": "Mr Milburn said the hospital would open in May."}"#,
    "\n",
);

#[test]
fn r19_in_undated_articles_a_surname_is_the_full_name_they_name() {
    let env = TestEnv::new();
    env.ingest_file("undated.jsonl", UNDATED, &[]);
    let all = env.query(&["--facet", "person", "--limit", "0"]);
    assert_eq!(
        facet(&all, "person"),
        pairs(&[("Alan Milburn", 4), ("Milburn", 1)]),
        "the undated articles merge; the dated one has no full name near it"
    );
    let mut found = hit_ids(&env.query(&["--person", "Alan Milburn", "--limit", "10"]));
    found.sort();
    assert_eq!(
        found,
        [
            "undated-full-1",
            "undated-full-2",
            "undated-full-3",
            "undated-surname"
        ]
    );
    let listed = crate::util::stdout(&env.run("aliases", &[]));
    assert_eq!(
        listed,
        "person  Milburn → Alan Milburn  undated articles  1 article alone, 3 in full  (learned)\n"
    );
}
