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
