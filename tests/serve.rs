//! `newsdex serve` end to end: the real binary serves a temporary index of
//! the samples on a free port, and every endpoint's answer is compared
//! with what the command it mirrors prints for the same options, byte for
//! byte; then the refusals (400 with the CLI's message, 404, 405), the
//! limits, the headers, CORS, a commit made while serving, and Ctrl-C.
//!
//! The helpers (command, index, server, HTTP client) are in `support/`.

mod support;

use std::io::Read;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use support::{Server, error_of, fresh_index, run, shared_index, stdout_of};

#[test]
fn serve_prints_the_address_it_listens_at() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let port = server.address.rsplit(':').next().unwrap();
    assert_eq!(
        server.line,
        format!(
            "newsdex: serving {} at http://127.0.0.1:{port}/\n",
            index.display()
        )
    );
    assert_ne!(port, "0");
}

#[test]
fn search_answers_what_query_json_prints() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let cases: [(&str, &[&str]); 6] = [
        (
            "q=oil&facet=country&facet=date:month&limit=5",
            &[
                "oil",
                "--facet",
                "country",
                "--facet",
                "date:month",
                "--limit",
                "5",
            ],
        ),
        (
            "country=Russia&sort=-date&limit=3&offset=1&facet=person&facet_limit=3",
            &[
                "--country",
                "Russia",
                "--sort",
                "-date",
                "--limit",
                "3",
                "--offset",
                "1",
                "--facet",
                "person",
                "--facet-limit",
                "3",
            ],
        ),
        (
            "q=oil&q=prices&collapse=true&count=stories&facet=source&collapse_window=2w",
            &[
                "oil",
                "prices",
                "--collapse",
                "--count",
                "stories",
                "--facet",
                "source",
                "--collapse-window",
                "2w",
            ],
        ),
        (
            "from=2023-01&to=2024&tz=Europe%2FParis&facet=date:day&facet=significant:keyword&sort=date",
            &[
                "--from",
                "2023-01",
                "--to",
                "2024",
                "--tz",
                "Europe/Paris",
                "--facet",
                "date:day",
                "--facet",
                "significant:keyword",
                "--sort",
                "date",
            ],
        ),
        (
            "q=%22interest+rates%22&language=en&keyword=inflation&entity=OPEC&source=Reuters",
            &[
                "\"interest rates\"",
                "--language",
                "en",
                "--keyword",
                "inflation",
                "--entity",
                "OPEC",
                "--source",
                "Reuters",
            ],
        ),
        ("", &[]),
    ];
    for (parameters, arguments) in cases {
        let mut with_json = arguments.to_vec();
        with_json.push("--json");
        let expected = stdout_of(&index, "query", &with_json);
        let answer = server.get(&format!("/api/search?{parameters}"));
        assert_eq!(answer.status, 200, "{parameters}: {}", answer.text());
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert_eq!(
            answer.text(),
            String::from_utf8(expected).unwrap(),
            "{parameters}"
        );
    }
}

#[test]
fn csv_and_json_lines_come_as_downloads_of_what_query_prints() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    for (format, file_name) in [
        ("csv", "newsdex-search.csv"),
        ("jsonl", "newsdex-search.jsonl"),
    ] {
        let expected = stdout_of(
            &index,
            "query",
            &["oil", "--limit", "20", "--format", format],
        );
        let answer = server.get(&format!("/api/search?q=oil&limit=20&format={format}"));
        assert_eq!(answer.status, 200);
        assert_eq!(answer.body, expected, "{format}");
        assert_eq!(
            answer.header("content-disposition"),
            Some(format!("attachment; filename=\"{file_name}\"").as_str())
        );
    }
}

#[test]
fn atom_lists_the_newest_hits_with_ids_dates_and_links() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let answer = server.get("/api/search?q=oil&limit=5&format=atom");
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    let feed = feed_rs::parser::parse(answer.body.as_slice()).expect("a feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert!(
        feed.id.starts_with("tag:newsdex,2024:search?q=oil"),
        "{}",
        feed.id
    );
    assert!(feed.updated.is_some());
    let newest = stdout_of(
        &index,
        "query",
        &["oil", "--limit", "5", "--sort", "-date", "--json"],
    );
    let newest: Value = serde_json::from_slice(&newest).unwrap();
    let hits = newest["hits"].as_array().unwrap();
    assert_eq!(feed.entries.len(), hits.len());
    for (entry, hit) in feed.entries.iter().zip(hits) {
        let id = hit["id"].as_str().unwrap();
        assert_eq!(entry.id, format!("tag:newsdex,2024:article/{id}"));
        assert!(entry.updated.is_some());
        let view = format!("{}?article={id}", server.url);
        assert!(entry.links.iter().any(|link| link.href == view), "{view}");
    }
}

#[test]
fn articles_stats_and_pairs_answer_what_their_commands_print() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let shown = stdout_of(&index, "show", &["sample-json-005", "--json"]);
    let answer = server.get("/api/articles/sample-json-005");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, shown);

    let stats = stdout_of(&index, "stats", &["--json"]);
    assert_eq!(server.get("/api/stats").body, stats);

    let pairs = stdout_of(&index, "pairs", &["--format", "json"]);
    assert_eq!(server.get("/api/pairs").body, pairs);
    let pairs = stdout_of(
        &index,
        "pairs",
        &[
            "oil",
            "--kinds",
            "country,keyword",
            "--min-count",
            "1",
            "--limit",
            "7",
            "--json",
        ],
    );
    let answer = server.get("/api/pairs?q=oil&kinds=country,keyword&min_count=1&limit=7");
    assert_eq!(answer.text(), String::from_utf8(pairs).unwrap());
}

#[test]
fn an_unknown_article_is_a_404_with_the_message_of_show() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let output = run(&["show", "--index", index.to_str().unwrap(), "no-such-id"]);
    let message = String::from_utf8(output.stderr).unwrap();
    let answer = server.get("/api/articles/no-such-id");
    assert_eq!(answer.status, 404);
    assert_eq!(format!("newsdex: {}\n", answer.error()), message);
}

#[test]
fn refused_values_are_400s_with_the_clis_messages() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let cases: [(&str, &[&str]); 7] = [
        ("facet=colour", &["--facet", "colour"]),
        ("from=yesterday", &["--from", "yesterday"]),
        ("country=Atlantis", &["--country", "Atlantis"]),
        ("q=title:(oil", &["title:(oil"]),
        ("tz=Mars%2FOlympus", &["--tz", "Mars/Olympus"]),
        (
            "from=2024-05&to=2024-01",
            &["--from", "2024-05", "--to", "2024-01"],
        ),
        ("limit=ten", &["--limit", "ten"]),
    ];
    for (parameters, arguments) in cases {
        let answer = server.get(&format!("/api/search?{parameters}"));
        assert_eq!(answer.status, 400, "{parameters}");
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert_eq!(
            answer.error(),
            error_of(&index, "query", arguments),
            "{parameters}"
        );
    }
    let sort = server.get("/api/search?sort=newest");
    let cli_sort = error_of(&index, "query", &["--sort", "newest"]);
    assert!(
        sort.error().starts_with(&cli_sort),
        "{} / {cli_sort}",
        sort.error()
    );
    let kinds = server.get("/api/pairs?kinds=person,colour");
    assert_eq!(kinds.status, 400);
    assert!(
        kinds
            .error()
            .starts_with(&error_of(&index, "pairs", &["--kinds", "colour"]))
    );
    let unknown = server.get("/api/search?colour=red");
    assert_eq!(unknown.status, 400);
    assert!(unknown.error().starts_with("unexpected parameter 'colour'"));
}

#[test]
fn limits_bound_the_page_and_the_query() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    assert_eq!(server.get("/api/search?limit=1000").status, 200);
    let over = server.get("/api/search?limit=1001");
    assert_eq!(over.status, 400);
    assert!(over.error().contains("at most 1000"), "{}", over.error());
    assert_eq!(server.get("/api/pairs?limit=1001").status, 400);
    let long_query = format!("/api/search?q={}", "a".repeat(1001));
    assert_eq!(server.get(&long_query).status, 400);
    let long_string = format!("/api/search?q=a&source={}", "b".repeat(9000));
    assert_eq!(server.get(&long_string).status, 400);
}

#[test]
fn unknown_paths_are_404s_and_other_methods_405s() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    for path in [
        "/nope",
        "/api/nope",
        "/api",
        "/api/articles/",
        "/../Cargo.toml",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 404, "{path}");
        assert!(answer.error().starts_with("no such page"));
    }
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let answer = server.request(method, "/api/search?q=oil", &[("Content-Length", "0")]);
        assert_eq!(answer.status, 405, "{method}");
        assert_eq!(answer.header("allow"), Some("GET, HEAD"));
    }
    assert_eq!(server.request("HEAD", "/api/stats", &[]).status, 200);
}

#[test]
fn openapi_lists_exactly_the_routes_that_answer() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let description = server.get("/api/openapi.json").json();
    assert!(description["openapi"].as_str().unwrap().starts_with("3."));
    let mut paths: Vec<String> = description["paths"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "/api/articles/{id}",
            "/api/openapi.json",
            "/api/pairs",
            "/api/search",
            "/api/stats",
        ]
    );
    for path in paths {
        let concrete = path.replace("{id}", "sample-json-005");
        assert_eq!(server.get(&concrete).status, 200, "{concrete}");
    }
}

#[test]
fn every_answer_carries_the_security_headers_and_no_cors_unless_asked() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let origin = [("Origin", "https://example.org")];
    for path in [
        "/",
        "/app.js",
        "/style.css",
        "/api/search?q=oil",
        "/api/stats",
        "/nope",
        "/api/search?limit=x",
    ] {
        let answer = server.request("GET", path, &origin);
        assert_eq!(
            answer.header("content-security-policy"),
            Some("default-src 'self'"),
            "{path}"
        );
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(answer.header("access-control-allow-origin"), None, "{path}");
    }
    let with_cors = Server::start(&index, &["--cors", "https://example.org"]);
    let answer = with_cors.request("GET", "/api/search?q=oil", &origin);
    assert_eq!(
        answer.header("access-control-allow-origin"),
        Some("https://example.org")
    );
    let other = with_cors.request(
        "GET",
        "/api/search?q=oil",
        &[("Origin", "https://evil.example")],
    );
    assert_eq!(other.header("access-control-allow-origin"), None);
}

#[test]
fn the_page_and_its_files_come_from_the_binary() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.text().contains(r#"<script src="/app.js""#));
    assert!(
        !page.text().contains("<style"),
        "no inline style under the CSP"
    );
    let script = server.get("/app.js");
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        server.get("/style.css").header("content-type"),
        Some("text/css; charset=utf-8")
    );
}

/// Asks for the total of a search until it differs from `before`, for at
/// most a few seconds, and returns it with the time it took.
fn wait_for_total(server: &Server, target: &str, before: u64) -> (u64, Duration) {
    let started = Instant::now();
    loop {
        let total = server.get(target).json()["total_hits"].as_u64().unwrap();
        if total != before || started.elapsed() > Duration::from_secs(5) {
            return (total, started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn an_ingest_while_serving_is_seen_by_the_next_requests() {
    let dir = fresh_index();
    let index = dir.path().join("index");
    let server = Server::start(&index, &[]);
    let target = "/api/search?q=zeppelin&limit=1";
    assert_eq!(server.get(target).json()["total_hits"], 0);
    let body = "A zeppelin flew over Berlin on Saturday, the first airship over the city in decades. \
        Thousands watched from the river banks as the silver craft turned above the cathedral, \
        and the operators said flights to Hamburg and Munich would follow before the end of the summer.";
    let mut lines = String::new();
    for (id, day) in [("zeppelin-1", "2024-06-01"), ("zeppelin-2", "2024-06-02")] {
        let article =
            serde_json::json!({"id": id, "date": day, "title": "Zeppelin returns", "body": body});
        lines.push_str(&format!("{article}\n"));
    }
    let articles = dir.path().join("new.jsonl");
    std::fs::write(&articles, lines).unwrap();
    stdout_of(&index, "ingest", &["--quiet", articles.to_str().unwrap()]);
    let (total, waited) = wait_for_total(&server, target, 0);
    assert_eq!(total, 2);
    assert!(waited < Duration::from_secs(1), "seen after {waited:?}");
    let answer = server.get("/api/search?q=zeppelin&limit=1&facet=person");
    assert_eq!(
        answer.body,
        stdout_of(
            &index,
            "query",
            &["zeppelin", "--limit", "1", "--facet", "person", "--json"]
        )
    );
    let collapsed = server.get("/api/search?q=zeppelin&collapse=true");
    assert_eq!(
        collapsed.json()["total_stories"],
        1,
        "the new stories are seen"
    );
    assert_eq!(
        collapsed.body,
        stdout_of(&index, "query", &["zeppelin", "--collapse", "--json"])
    );
    stdout_of(&index, "delete", &["zeppelin-1", "zeppelin-2"]);
    let (total, _) = wait_for_total(&server, target, 2);
    assert_eq!(total, 0);
}

#[test]
fn a_new_aliases_file_is_seen_by_the_next_requests() {
    let dir = fresh_index();
    let index = dir.path().join("index");
    let server = Server::start(&index, &[]);
    let target = "/api/search?limit=0&facet=person&facet_limit=1000";
    let before = server.get(target).json();
    let persons = before["facets"]["person"].as_array().unwrap();
    let first = persons[0]["value"].as_str().unwrap().to_string();
    let second = persons[1]["value"].as_str().unwrap().to_string();
    std::fs::write(index.join("aliases.txt"), format!("{second}\t{first}\n")).unwrap();
    let expected = stdout_of(
        &index,
        "query",
        &[
            "--limit",
            "0",
            "--facet",
            "person",
            "--facet-limit",
            "1000",
            "--json",
        ],
    );
    assert_ne!(serde_json::to_vec(&before).unwrap(), expected);
    assert_eq!(server.get(target).body, expected);
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let index = shared_index();
    let mut server = Server::start(&index, &[]);
    assert_eq!(server.get("/api/stats").status, 200);
    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let started = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "still running");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn another_address_than_loopback_is_served_with_a_warning() {
    let index = shared_index();
    let mut server = Server::start(&index, &["--bind", "0.0.0.0"]);
    let _ = server.child.kill();
    let _ = server.child.wait();
    let mut stderr = String::new();
    server
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        stderr.contains("warning: serving at 0.0.0.0 makes the index readable by anyone"),
        "{stderr}"
    );
    assert!(
        server.line.contains(" at http://0.0.0.0:"),
        "{}",
        server.line
    );
}

#[test]
fn a_port_in_use_a_bad_origin_and_no_index_are_errors() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    let index_text = index.to_str().unwrap();
    let taken = run(&["serve", "--index", index_text, "--port", &port]);
    assert_eq!(taken.status.code(), Some(2));
    let stderr = String::from_utf8(taken.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "newsdex: error: cannot serve at 127.0.0.1:{port}: "
        )) && stderr.ends_with(": choose another --port, or --port 0 for a free one\n"),
        "{stderr}"
    );
    let bad_origin = run(&[
        "serve",
        "--index",
        index_text,
        "--port",
        "0",
        "--cors",
        "example.org",
    ]);
    assert_eq!(bad_origin.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(bad_origin.stderr).unwrap(),
        "newsdex: error: invalid CORS origin \"example.org\": give a scheme and host such as https://example.org, or * for any\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none");
    let no_index = run(&["serve", "--index", missing.to_str().unwrap(), "--port", "0"]);
    assert_eq!(no_index.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(no_index.stderr).unwrap(),
        format!(
            "newsdex: error: no index at {0}: run `newsdex ingest --index {0} PATH...` first\n",
            missing.display()
        )
    );
}
