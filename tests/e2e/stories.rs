//! Story clusters (issue 14): near copies of one text are one story, shown
//! once with `--collapse`, counted once with `--count stories`, and
//! counted in `stats`.

use serde_json::{Value, json};

use crate::util::{TestEnv, facet, hit_ids, stderr, stdout};

const RATE_STORY: &str = "The central bank of Norway raised its main interest rate by a \
    quarter point to 4.5 percent on Thursday, the third increase this year, saying \
    inflation had stayed above its target of 2 percent for longer than expected. \
    Governor Ida Wolden Bache said further increases could follow in March if the \
    krone stayed weak against the euro and wages kept rising faster than forecast. \
    Economists polled by the newspaper Dagens Naeringsliv had expected the move after \
    figures last week showed consumer prices rising at an annual rate of 5.8 percent \
    in December, the highest since 1988, while house prices in Oslo fell for a fourth \
    month. The krone firmed to 11.42 per euro after the decision, and Oslo shares \
    slipped 0.6 percent, led by property developers and retailers.";

const FLOOD_STORY: &str = "Heavy rain flooded the lower town of Bergen overnight and the \
    river rose above its banks at the old bridge, where firefighters moved forty \
    families to the school hall before dawn on Sunday. The mayor said the water \
    would take two days to fall and asked drivers to keep away from the harbour road.";

/// Six articles: the rate story, a copy under another headline four hours
/// later, a corrected copy the next day, the same text again three weeks
/// later (a new story), a story written from the same template about
/// another bank, and an unrelated flood story.
fn corpus() -> String {
    let corrected =
        RATE_STORY.replace("4.5 percent", "4.50 percent") + " The bank next meets in March.";
    let template = RATE_STORY
        .replace("Norway", "Iceland")
        .replace("4.5", "9.25")
        .replace("Governor Ida Wolden Bache", "Governor Asgeir Jonsson")
        .replace("krone", "crown")
        .replace("March", "May")
        .replace("2 percent", "2.5 percent");
    let articles = [
        (
            "rate-wire",
            "2024-02-01T09:00:00Z",
            "Norway raises rates",
            RATE_STORY.to_string(),
        ),
        (
            "rate-copy",
            "2024-02-01T13:00:00Z",
            "Norges Bank lifts rate again",
            RATE_STORY.to_string(),
        ),
        (
            "rate-corrected",
            "2024-02-02T08:00:00Z",
            "CORRECTED - Norway raises rates",
            corrected,
        ),
        (
            "rate-again",
            "2024-02-22T09:00:00Z",
            "Norway raises rates",
            RATE_STORY.to_string(),
        ),
        (
            "iceland",
            "2024-02-01T11:00:00Z",
            "Iceland raises rates",
            template,
        ),
        (
            "flood",
            "2024-02-01T10:00:00Z",
            "Bergen floods",
            FLOOD_STORY.to_string(),
        ),
    ];
    let mut lines = String::new();
    for (id, date, title, body) in articles {
        let article = json!({"id": id, "date": date, "title": title, "body": body});
        lines.push_str(&format!("{article}\n"));
    }
    lines
}

fn corpus_env() -> TestEnv {
    let env = TestEnv::new();
    env.ingest_file("corpus.jsonl", &corpus(), &[]);
    env
}

/// Each hit's id with the ids of its copies.
fn stories(result: &Value) -> Vec<(String, Vec<String>)> {
    let hits = result["hits"].as_array().expect("hits");
    hits.iter()
        .map(|hit| {
            let copies: Vec<String> = hit["copy_ids"]
                .as_array()
                .expect("copy_ids with --collapse")
                .iter()
                .map(|id| id.as_str().unwrap().to_string())
                .collect();
            assert_eq!(hit["copies"].as_u64(), Some(copies.len() as u64), "{hit}");
            (hit["id"].as_str().unwrap().to_string(), copies)
        })
        .collect()
}

fn story(id: &str, copies: &[&str]) -> (String, Vec<String>) {
    (
        id.to_string(),
        copies.iter().map(|copy| copy.to_string()).collect(),
    )
}

#[test]
fn collapse_shows_each_story_once_under_its_first_article() {
    let env = corpus_env();
    let result = env.query(&["--collapse", "--sort", "date"]);
    assert_eq!(result["total_hits"], 6);
    assert_eq!(result["total_stories"], 4);
    assert_eq!(
        stories(&result),
        vec![
            story("rate-wire", &["rate-copy", "rate-corrected"]),
            story("flood", &[]),
            story("iceland", &[]),
            story("rate-again", &[]),
        ],
        "copies join the earliest; a template about another bank and the same text three weeks on do not"
    );
}

#[test]
fn without_collapse_every_article_is_a_hit_and_no_story_field_is_added() {
    let env = corpus_env();
    let result = env.query(&["rates"]);
    assert_eq!(result["total_hits"], 4);
    assert!(result.get("total_stories").is_none(), "{result}");
    assert!(result["hits"][0].get("copies").is_none());
    assert!(result["hits"][0].get("copy_ids").is_none());
}

#[test]
fn a_wider_window_joins_the_later_copy() {
    let env = corpus_env();
    let result = env.query(&["--collapse", "--collapse-window", "4w", "--sort", "date"]);
    assert_eq!(result["total_stories"], 3);
    assert_eq!(
        stories(&result)[0],
        story("rate-wire", &["rate-copy", "rate-corrected", "rate-again"])
    );
    let narrow = env.query(&["--collapse", "--collapse-window", "6h", "--sort", "date"]);
    assert_eq!(
        narrow["total_stories"], 5,
        "the next-day correction is beyond 6 hours"
    );
}

#[test]
fn collapse_groups_the_matches_only_and_pages_by_story() {
    let env = corpus_env();
    let krone = env.query(&["krone", "--collapse", "--sort", "date"]);
    assert_eq!(
        stories(&krone),
        vec![
            story("rate-wire", &["rate-copy", "rate-corrected"]),
            story("rate-again", &[]),
        ]
    );
    let norges = env.query(&["Norges", "--collapse"]);
    assert_eq!(
        stories(&norges),
        vec![story("rate-copy", &[])],
        "only the copy's headline matches: the articles that do not match are no part of the answer"
    );
    let second_page = env.query(&[
        "--collapse",
        "--sort",
        "date",
        "--limit",
        "2",
        "--offset",
        "2",
    ]);
    assert_eq!(hit_ids(&second_page), ["iceland", "rate-again"]);
    assert_eq!(second_page["total_stories"], 4);
}

#[test]
fn facets_count_each_story_once_when_asked() {
    let env = corpus_env();
    let articles = env.query(&["--facet", "date:day", "--limit", "0"]);
    assert_eq!(
        facet(&articles, "date:day"),
        crate::util::pairs(&[("2024-02-01", 4), ("2024-02-02", 1), ("2024-02-22", 1)])
    );
    let stories = env.query(&["--facet", "date:day", "--count", "stories", "--limit", "0"]);
    assert_eq!(stories["total_stories"], 4);
    assert_eq!(
        facet(&stories, "date:day"),
        crate::util::pairs(&[("2024-02-01", 3), ("2024-02-22", 1)]),
        "a story counts once, on its first article's day"
    );
}

#[test]
fn tables_and_csv_name_the_copies() {
    let env = corpus_env();
    let table = env.run("query", &["--collapse", "--sort", "date", "--view", "full"]);
    let text = stdout(&table);
    assert!(
        text.starts_with("6 hits in 4 stories for all articles (showing 1-4 stories)"),
        "{text}"
    );
    assert!(
        text.contains("+ 2 copies: rate-copy, rate-corrected"),
        "{text}"
    );
    let compact = stdout(&env.run(
        "query",
        &["--collapse", "--sort", "date", "--view", "compact"],
    ));
    assert!(compact.contains("rate-wire +2  "), "{compact}");
    let csv = stdout(&env.run(
        "query",
        &["--collapse", "--sort", "date", "--format", "csv"],
    ));
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",copies,copy_ids"), "{csv}");
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",2,rate-copy; rate-corrected"),
        "{csv}"
    );
}

#[test]
fn stats_counts_the_articles_that_have_near_copies() {
    let env = corpus_env();
    let output = env.run("stats", &["--json"]);
    let stats: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(stats["near_copies"], json!({"articles": 3, "stories": 1}));
    let table = stdout(&env.run("stats", &[]));
    assert!(
        table.contains("near copies   3 articles in 1 story"),
        "{table}"
    );
}

#[test]
fn a_window_that_is_not_a_span_is_refused() {
    let env = corpus_env();
    let output = env.run("query", &["--collapse", "--collapse-window", "3 days"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("36h, 3d or 2w"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_index_without_fingerprints_is_searched_but_not_grouped() {
    let env = TestEnv::new();
    let built_in = include_str!("../../index-schema/articles.json");
    let without: Vec<&str> = built_in
        .lines()
        .filter(|line| !line.contains("\"minhash\""))
        .collect();
    let schema = env.write(
        "schema.json",
        without.join("\n").replace("true },\n  ]", "true }\n  ]"),
    );
    env.ingest_file(
        "corpus.jsonl",
        &corpus(),
        &["--schema", schema.to_str().unwrap()],
    );
    assert_eq!(env.query(&["krone"])["total_hits"], 4);
    let collapsed = env.run("query", &["krone", "--collapse"]);
    assert_eq!(collapsed.status.code(), Some(2));
    assert!(
        stderr(&collapsed).contains("has no story fingerprints"),
        "{}",
        stderr(&collapsed)
    );
    let stats: Value = serde_json::from_str(&stdout(&env.run("stats", &["--json"]))).unwrap();
    assert!(stats.get("near_copies").is_none(), "{stats}");
}

#[test]
fn stories_kept_beside_the_index_give_what_the_matches_give() {
    let env = corpus_env();
    let cache = env.index().join(newsdex::stories::file::STORIES_FILE);
    assert!(
        cache.is_file(),
        "the ingest keeps the stories beside the index"
    );
    let queries: [&[&str]; 4] = [
        &["--collapse", "--sort", "date"],
        &["krone", "--collapse"],
        &["Norges", "--collapse"],
        &["--facet", "date:day", "--count", "stories", "--limit", "0"],
    ];
    let kept: Vec<Value> = queries.iter().map(|args| env.query(args)).collect();
    let near_copies = |env: &TestEnv| {
        let stats: Value = serde_json::from_str(&stdout(&env.run("stats", &["--json"]))).unwrap();
        stats["near_copies"].clone()
    };
    let kept_near_copies = near_copies(&env);
    // The kept stories are what the query reads: made to say that every
    // article is one story, they make one story of the matches.
    let original = std::fs::read(&cache).unwrap();
    let header = b"newsdex stories 1\n".len() + 4 + 32 + 8;
    let mut one_story = original.clone();
    one_story[header..].fill(0);
    std::fs::write(&cache, &one_story).unwrap();
    assert_eq!(env.query(&["--collapse"])["total_stories"], 1);
    assert_eq!(near_copies(&env), json!({"articles": 6, "stories": 1}));
    // An ingest that changes nothing leaves the file as it is.
    env.ingest_file("corpus.jsonl", &corpus(), &[]);
    assert_eq!(std::fs::read(&cache).unwrap(), one_story);
    std::fs::remove_file(&cache).unwrap();
    for (args, kept) in queries.iter().zip(kept) {
        assert_eq!(env.query(args), kept, "{args:?}");
    }
    assert_eq!(near_copies(&env), kept_near_copies);
    let stale = env.write(
        "late.jsonl",
        "{\"id\": \"late\", \"title\": \"Late\", \"body\": \"A short late note.\"}\n",
    );
    std::fs::write(&cache, b"newsdex stories 1\n\x01\x00\x00\x00").unwrap();
    let output = env.run("ingest", &[stale.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let after = env.query(&["--collapse", "--sort", "date"]);
    assert_eq!(
        after["total_stories"], 5,
        "the ingest wrote the stories again"
    );
}
