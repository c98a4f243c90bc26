//! Issue 20, item 6: the dates real pages and feeds write. Web pages with
//! microdata, `<meta name="date">`, `DC.date.issued`, `published_at`,
//! JSON-LD dates with microseconds and offsets without a colon; feeds with
//! day and month names in their language and the US order; feeds with no
//! XML declaration; a date that cannot be read is named with its place;
//! a page whose readability text misses the article. The samples are
//! those of `samples/formats/dates/`.

use crate::formats::format_sample;
use crate::util::{TestEnv, json, stderr};

/// The warning lines of a run.
fn warnings(output: &std::process::Output) -> String {
    let all = stderr(output);
    let lines = all
        .lines()
        .filter(|line| line.starts_with("newsdex: warning"));
    lines.map(|line| format!("{line}\n")).collect()
}

/// Ingests samples of `samples/formats/dates/` and returns the warnings.
fn ingest_dated(env: &TestEnv, names: &[&str]) -> String {
    let mut args = vec!["--json".to_string()];
    for name in names {
        args.push(format_sample(&format!("dates/{name}")));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = env.run("ingest", &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["skipped"], 0, "{report}");
    warnings(&output)
}

/// The date of the one hit of a search.
fn date_of(env: &TestEnv, search: &str) -> String {
    let result = env.query(&[search]);
    assert_eq!(result["total_hits"], 1, "{search}: {result}");
    result["hits"][0]["date"]
        .as_str()
        .unwrap_or("none")
        .to_string()
}

#[test]
fn r20_page_dates_in_every_form_publishers_write_are_read() {
    let env = TestEnv::new();
    let warnings = ingest_dated(
        &env,
        &[
            "page-microdata-meta.html",
            "page-microdata-time.html",
            "page-meta-date.html",
            "page-dc-date-issued.html",
            "page-published-at.html",
            "page-json-ld-microseconds.html",
            "page-offset-no-seconds.html",
        ],
    );
    assert_eq!(warnings, "", "every date is read");
    let expected = [
        ("Setubal", "2023-05-04"),
        ("barges", "2023-05-05"),
        ("auction", "2023-05-06"),
        ("slipway", "2023-05-07"),
        ("dredger", "2023-05-08"),
        ("\"crane drivers\"", "2023-05-09"),
        ("electric", "2023-05-10"),
    ];
    for (search, day) in expected {
        assert_eq!(date_of(&env, search), day, "{search}");
    }
}

#[test]
fn r20_feed_dates_in_the_feed_language_and_the_us_order_are_read() {
    let env = TestEnv::new();
    let warnings = ingest_dated(
        &env,
        &[
            "feed-fr.rss",
            "feed-de.rss",
            "feed-es.rss",
            "feed-it.rss",
            "feed-pt.rss",
            "feed-nl.rss",
            "feed-us.rss",
            "feed-cms-forms.rss",
        ],
    );
    assert_eq!(warnings, "", "every date is read");
    let expected = [
        ("remorqueurs", "2023-05-17"),
        ("bac", "2023-02-10"),
        ("Schleuse", "2023-05-18"),
        ("Elbe", "2023-03-14"),
        ("estibadores", "2023-02-15"),
        ("faro", "2023-12-02"),
        ("banchina", "2023-05-18"),
        ("traghetti", "2023-12-04"),
        ("rebocadores", "2023-05-17"),
        ("draga", "2023-10-02"),
        ("sluis", "2023-05-17"),
        ("veerboot", "2023-03-06"),
        ("pier", "2023-12-16"),
        ("cruise", "2023-05-12"),
        ("midnight", "2023-05-09"),
        ("berths", "2023-05-10"),
    ];
    for (search, day) in expected {
        assert_eq!(date_of(&env, search), day, "{search}");
    }
}

#[test]
fn r20_feeds_without_an_xml_declaration_are_read_in_their_encoding() {
    let env = TestEnv::new();
    ingest_dated(
        &env,
        &[
            "feed-latin1-no-declaration.rss",
            "feed-utf16-no-declaration.rss",
        ],
    );
    let latin = env.query(&["lota"]);
    assert_eq!(
        latin["hits"][0]["title"],
        "Pescadores de São João recebem nova lota"
    );
    assert_eq!(latin["hits"][0]["date"], "2023-05-11");
    let utf16 = env.query(&["rabelos"]);
    assert_eq!(utf16["hits"][0]["title"], "Barcos rabelos voltam ao Douro");
    assert_eq!(utf16["hits"][0]["date"], "2023-05-12");
}

#[test]
fn r20_a_date_that_cannot_be_read_is_named_with_its_place() {
    let env = TestEnv::new();
    let feed = "<rss version=\"2.0\"><channel><title>Wire</title>\n<item><guid>a</guid><title>Tugs return</title><pubDate>Sat, 16 Dec 2023 10:00:00 +0000</pubDate><description>The tugs are back.</description></item>\n<item><guid>b</guid><title>Quay reopens</title><pubDate>sometime next week</pubDate><description>The quay reopens.</description></item>\n<item><guid>c</guid><title>Buoy moved</title><description>A buoy was moved.</description></item>\n</channel></rss>\n";
    let feed_path = env.write("wire.rss", feed);
    let page = "<html><head><title>Gull count</title></head><body><article><h1>Gull count</h1><p>The yearly count of gulls on the breakwater found fewer birds than last spring.</p></article></body></html>";
    let page_path = env.write("gulls.html", page);
    let output = env.run(
        "ingest",
        &[
            "--json",
            feed_path.to_str().unwrap(),
            page_path.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json(&output)["indexed"], 4);
    let feed_name = feed_path.display();
    let page_name = page_path.display();
    assert_eq!(
        warnings(&output),
        format!(
            "newsdex: warning: {feed_name}:3: date \"sometime next week\" could not be parsed: the article is indexed without a date\n\
             newsdex: warning: {feed_name}:4: no date found in the item: the article is indexed without a date\n\
             newsdex: warning: {page_name}: no date found in the page: the article is indexed without a date\n"
        )
    );
}

#[test]
fn r20_the_article_element_is_the_body_when_the_main_text_found_is_much_shorter() {
    let env = TestEnv::new();
    let paragraphs = [
        "The harbour board met on Tuesday and agreed to rebuild the old breakwater in stone over three summers.",
        "The work will cost less than a new sea wall, the board said.",
        "The fishing boats will keep their berths during the work.",
        "Engineers expect the stones to arrive by barge from the quarry up the coast.",
        "Two loads a week will come from April.",
        "The first section should be finished before the autumn gales.",
        "A public meeting on the plans will be held in the harbour office next month.",
        "Drawings will be shown in the library until then.",
    ];
    let mut blocks = String::new();
    for paragraph in paragraphs {
        blocks.push_str(&format!(
            "<div data-component=\"text-block\"><div class=\"block\"><p>{paragraph}</p></div></div>"
        ));
    }
    let page = format!(
        "<html><head><title>Breakwater</title><meta name=\"date\" content=\"2023-06-01\"></head><body>\n\
         <div class=\"summary\"><div><p>In brief, from our desk: stone, not concrete, for the breakwater; three summers, not two; barges, not lorries; a meeting, then drawings, then work, say the board, the engineers, the fishermen, and the council.</p></div></div>\n\
         <article>{blocks}</article>\n</body></html>"
    );
    let path = env.write("breakwater.html", page);
    let output = env.run("ingest", &["--json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for word in ["quarry", "library", "gales"] {
        assert_eq!(
            env.query(&[word])["total_hits"],
            1,
            "{word}: the article is the body"
        );
    }
}
