//! One organization, one facet value across the index (issue 19): an
//! acronym two articles define is its full name in an article that writes
//! it alone, and a company written with and without its legal ending is
//! one value, in the facet, the hits, `show`, `pairs` and the filters.

use crate::util::{TestEnv, facet, hit_ids, pairs};

const ARTICLES: &str = concat!(
    r#"{"id": "defined-1", "date": "1987-03-02", "title": "Grain exports", "body": "The U.S. Agriculture Department (USDA) said wheat exports rose last week. USDA officials expect more sales to China."}"#,
    "\n",
    r#"{"id": "defined-2", "date": "1987-03-09", "title": "Corn stocks", "body": "Corn stocks fell, the U.S. Agriculture Department (USDA) said on Monday. USDA will report again in April."}"#,
    "\n",
    r#"{"id": "alone-1", "date": "1987-04-06", "title": "Soybean sales", "body": "USDA said soybean sales to Japan reached a record in the week."}"#,
    "\n",
    r#"{"id": "full-1", "date": "1987-05-11", "title": "Farm credit", "body": "The U.S. Agriculture Department said farm credit conditions improved."}"#,
    "\n",
    r#"{"id": "suffix-1", "date": "1987-05-12", "title": "Airline deal", "body": "USAir Group Inc said it agreed to buy Piedmont Aviation Inc for 1.6 billion dlrs."}"#,
    "\n",
    r#"{"id": "suffix-2", "date": "1987-05-13", "title": "Airline deal", "body": "USAir Group shareholders approved the purchase on Wednesday."}"#,
    "\n",
    r#"{"id": "suffix-3", "date": "1987-05-14", "title": "Airline deal", "body": "Analysts said USAir Group would gain routes in the east."}"#,
    "\n",
);

fn ingested() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_file("agencies.jsonl", ARTICLES, &[]);
    env
}

/// `pairs` of organizations, every pair, as JSON.
fn organization_pairs(env: &TestEnv) -> String {
    let arguments = [
        "--kinds",
        "organization",
        "--min-count",
        "1",
        "--format",
        "json",
    ];
    crate::util::stdout(&env.run("pairs", &arguments))
}

fn sorted_ids(result: &serde_json::Value) -> Vec<String> {
    let mut ids = hit_ids(result);
    ids.sort();
    ids
}

#[test]
fn r19_an_acronym_and_its_full_name_in_different_articles_are_one_value() {
    let env = ingested();
    let all = env.query(&["--facet", "organization", "--limit", "0"]);
    assert_eq!(
        facet(&all, "organization"),
        pairs(&[
            ("U.S. Agriculture Department", 4),
            ("USAir Group", 3),
            ("Piedmont Aviation Inc", 1),
        ])
    );
    let agency = ["alone-1", "defined-1", "defined-2", "full-1"];
    for typed in ["USDA", "U.S. Agriculture Department", "usda"] {
        let found = env.query(&["--org", typed, "--limit", "10"]);
        assert_eq!(sorted_ids(&found), agency, "--org {typed}");
    }
    let by_entity = env.query(&["--entity", "USDA", "--limit", "10"]);
    assert_eq!(sorted_ids(&by_entity), agency, "--entity");
    let airline = env.query(&["--org", "USAir Group Inc", "--limit", "10"]);
    assert_eq!(sorted_ids(&airline), ["suffix-1", "suffix-2", "suffix-3"]);
}

#[test]
fn r19_hits_show_and_pairs_name_the_entity_as_the_facet_does() {
    let env = ingested();
    let alone = env.query(&["--org", "USDA", "--sort", "date", "--limit", "10"]);
    let first = &alone["hits"][0];
    assert_eq!(first["id"], "defined-1");
    let soybeans = alone["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|hit| hit["id"] == "alone-1")
        .expect("the article that writes USDA alone");
    assert_eq!(
        soybeans["organizations"],
        serde_json::json!(["U.S. Agriculture Department"])
    );
    let shown = env.run("show", &["alone-1", "--json"]);
    let article: serde_json::Value = serde_json::from_str(&crate::util::stdout(&shown)).unwrap();
    assert_eq!(
        article["organizations"],
        serde_json::json!(["U.S. Agriculture Department"])
    );
    let listed = organization_pairs(&env);
    assert!(
        listed.contains("\"USAir Group\"") && !listed.contains("USAir Group Inc\""),
        "{listed}"
    );
    let aliases = crate::util::stdout(&env.run("aliases", &[]));
    assert_eq!(
        aliases,
        "organization  USAir Group Inc → USAir Group  every year  1 article alone, 2 in full  (learned)\n\
         organization  USDA → U.S. Agriculture Department  every year  1 article alone, 3 in full  (learned)\n"
    );
}

#[test]
fn r19_the_aliases_file_vetoes_an_organization_merge() {
    let env = ingested();
    std::fs::write(env.index().join("aliases.txt"), "USDA\t-\n").unwrap();
    let all = env.query(&["--facet", "organization", "--limit", "0"]);
    assert_eq!(
        facet(&all, "organization")[..2],
        pairs(&[("U.S. Agriculture Department", 3), ("USAir Group", 3)])[..]
    );
    let alone = env.query(&["--org", "USDA", "--limit", "10"]);
    assert_eq!(sorted_ids(&alone), ["alone-1"]);
}

const PARTIES: &str = concat!(
    r#"{"id": "tories", "date": "2005-02-01", "title": "Tax plans", "body": "The Tories said on Tuesday that they would cut taxes if they won the election in May."}"#,
    "\n",
    r#"{"id": "conservatives", "date": "2005-02-02", "title": "Tax plans", "body": "Conservative Party leader Michael Howard said the plans were fully costed."}"#,
    "\n",
    r#"{"id": "labour-mps", "date": "2005-02-03", "title": "Vote", "body": "Dozens of Labour MPs voted against the government on Wednesday, and the Labour Party whips said they were disappointed."}"#,
    "\n",
);

#[test]
fn r19_a_partys_nickname_and_its_name_are_one_value() {
    let env = TestEnv::new();
    env.ingest_file("parties.jsonl", PARTIES, &[]);
    let all = env.query(&["--facet", "organization", "--limit", "0"]);
    assert_eq!(
        facet(&all, "organization"),
        pairs(&[("Conservative Party", 2), ("Labour Party", 1)]),
        "`Labour MPs` is the party"
    );
    for typed in ["Tories", "Conservative Party", "tories"] {
        let found = env.query(&["--org", typed, "--limit", "10"]);
        assert_eq!(
            sorted_ids(&found),
            ["conservatives", "tories"],
            "--org {typed}"
        );
    }
}

const FILMS: &str = concat!(
    r#"{"id": "cued-1", "date": "2005-01-10", "title": "Oscar race", "body": "The boxing drama Million Dollar Baby won praise from critics. Million Dollar Baby opens in London on Friday."}"#,
    "\n",
    r#"{"id": "cued-2", "date": "2005-01-11", "title": "Box office", "body": "Audiences flocked to the film Million Dollar Baby, starring Hilary Swank, at the weekend."}"#,
    "\n",
    r#"{"id": "alone-1", "date": "2005-01-12", "title": "Nominations", "body": "Million Dollar Baby has seven nominations while Warner Bros leads the studios, the Academy of Motion Picture Arts and Sciences said."}"#,
    "\n",
    r#"{"id": "alone-2", "date": "2005-01-13", "title": "Bookmakers", "body": "William Hill makes Million Dollar Baby the favourite, with Sony Pictures behind it, a spokesman for William Hill said."}"#,
    "\n",
    r#"{"id": "cued-3", "date": "2005-01-14", "title": "Praise", "body": "Warner Bros said the drama The Aviator took $90m, and The Aviator leads the race."}"#,
    "\n",
    r#"{"id": "cued-4", "date": "2005-01-15", "title": "Awards", "body": "Cinemas showed The Aviator, directed by Martin Scorsese, all week, Warner Bros said."}"#,
    "\n",
    r#"{"id": "alone-3", "date": "2005-01-16", "title": "Shares", "body": "Shares in Qwerty Films rose after The Aviator took $90m, Warner Bros said."}"#,
    "\n",
);

#[test]
fn r19_a_title_two_articles_name_as_a_work_is_no_organization_in_the_others() {
    let env = TestEnv::new();
    env.ingest_file("films.jsonl", FILMS, &[]);
    let all = env.query(&["--facet", "organization", "--limit", "10"]);
    let organizations = facet(&all, "organization");
    assert!(
        !organizations
            .iter()
            .any(|(value, _)| value == "Million Dollar Baby"),
        "{organizations:?}"
    );
    assert!(organizations.contains(&("Sony Pictures".to_string(), 1)));
    let alone = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|hit| hit["id"] == "alone-1")
        .expect("the article that writes the title alone");
    assert_eq!(
        alone["organizations"],
        serde_json::json!(["Warner Bros", "Academy of Motion Picture Arts and Sciences"])
    );
    // The stored value still finds the articles that write it, and no
    // other hidden title's.
    let found = env.query(&["--org", "Million Dollar Baby", "--limit", "10"]);
    assert_eq!(sorted_ids(&found), ["alone-1", "alone-2"]);
    let other = env.query(&["--org", "The Aviator", "--limit", "10"]);
    assert_eq!(sorted_ids(&other), ["alone-3"]);
    let listed = organization_pairs(&env);
    assert!(!listed.contains("Million Dollar Baby"), "{listed}");
    let aliases = crate::util::stdout(&env.run("aliases", &[]));
    assert_eq!(
        aliases,
        "organization  Million Dollar Baby → (none: the title of a work)  every year  2 articles  (learned)\n\
         organization  The Aviator → (none: the title of a work)  every year  1 article  (learned)\n"
    );
    let json = crate::util::stdout(&env.run("aliases", &["--json"]));
    assert!(json.contains(r#""hidden":true"#), "{json}");
    // The aliases file undoes it.
    std::fs::write(env.index().join("aliases.txt"), "Million Dollar Baby\t-\n").unwrap();
    let vetoed = env.query(&["--facet", "organization", "--limit", "0"]);
    assert!(facet(&vetoed, "organization").contains(&("Million Dollar Baby".to_string(), 2)));
}

/// Two articles of films write a title with `The` within a sentence, where
/// no cue says it is a work, and a third writes it alone; a band's name
/// written so in an article of bands is no evidence.
const TITLES_WITH_THE: &str = concat!(
    r#"{"id": "the-1", "date": "2005-02-01", "title": "Film awards", "body": "Critics picked Sideways over The Motorcycle Diaries at the film awards on Sunday, Sony Pictures said."}"#,
    "\n",
    r#"{"id": "the-2", "date": "2005-02-02", "title": "Box office", "body": "Cinemas in Lima showed The Motorcycle Diaries all week, and the film's actor Gael Garcia Bernal said he was proud."}"#,
    "\n",
    r#"{"id": "the-3", "date": "2005-02-03", "title": "Shares", "body": "Shares in Qwerty Films rose after Motorcycle Diaries took $50m, Sony Pictures said."}"#,
    "\n",
    r#"{"id": "band-1", "date": "2005-02-04", "title": "Gig", "body": "The band played before The Zutons at the gig, and the film crew of Sony Pictures watched."}"#,
    "\n",
);

#[test]
fn r19_a_name_most_of_its_articles_write_as_a_title_is_no_entity() {
    let env = TestEnv::new();
    env.ingest_file("titles.jsonl", TITLES_WITH_THE, &[]);
    let all = env.query(&[
        "--facet",
        "organization",
        "--facet",
        "person",
        "--limit",
        "0",
    ]);
    let organizations = facet(&all, "organization");
    let persons = facet(&all, "person");
    for values in [&organizations, &persons] {
        assert!(
            !values
                .iter()
                .any(|(value, _)| value == "Motorcycle Diaries"),
            "{values:?}"
        );
    }
    assert!(
        organizations.contains(&("Zutons".to_string(), 1)),
        "a band's name in an article of bands: {organizations:?}"
    );
    let aliases = crate::util::stdout(&env.run("aliases", &[]));
    assert!(
        aliases.contains("Motorcycle Diaries → (none: the title of a work)"),
        "{aliases}"
    );
}
