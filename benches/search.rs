//! In-process search timing: opens an index once, then runs each query of a
//! query set many times and prints the median and 95th percentile of the
//! search alone (no process start, no output).
//!
//! A plain `cargo bench` indexes the clean `samples/` into a temporary
//! folder and times the built-in query set ([`built_in_queries`], the same
//! queries `scripts/bench-queries` sends) 50 times each: a quick check that needs
//! nothing but this repository.
//!
//! `scripts/bench-queries` runs it on its large corpora:
//! `cargo bench --bench search -- INDEX_DIR QUERIES.json RUNS`, where
//! QUERIES.json is a list of `{"name", "query", "facets", "country"}`
//! objects, with `"collapse": true` or `"count_stories": true` for
//! `--collapse` and `--count stories`, and `"command": "pairs"` for a
//! `newsdex pairs` request (its
//! default kinds, minimum count and limit) instead of a query.
//!
//! Prints one JSON object per query and line:
//! `{"name": ..., "total_hits": N, "median_ms": F, "p95_ms": F}`.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use newsdex::article::Entities;
use newsdex::enrich::Enricher;
use newsdex::facets::parse_facet;
use newsdex::index::{OpenIndex, open_index};
use newsdex::kinds::Kind;
use newsdex::pipeline::{IngestOptions, ingest};
use newsdex::query::collect::search;
use newsdex::query::pairs::{PairsRequest, count_pairs};
use newsdex::query::{Filters, SearchRequest, StoryOptions};
use newsdex::schema::load_schema;
use serde::Deserialize;

/// How many times a plain `cargo bench` runs each query.
const DEFAULT_RUNS: usize = 50;

/// The sample folders a plain `cargo bench` indexes.
const SAMPLE_INPUTS: [&str; 4] = ["000_cbeac4f52b709616.txt", "txt", "json", "feeds"];

/// One query of the set.
#[derive(Deserialize, Default)]
struct QuerySpec {
    name: String,
    #[serde(default)]
    query: String,
    #[serde(default)]
    facets: Vec<String>,
    #[serde(default)]
    country: Option<String>,
    /// `query` (the default) or `pairs`.
    #[serde(default)]
    command: Option<String>,
    /// `--collapse`: one hit per story.
    #[serde(default)]
    collapse: bool,
    /// `--count stories`: facets count each story once.
    #[serde(default)]
    count_stories: bool,
}

/// The query set of `scripts/bench-queries`: five query texts with the month facet
/// and with four facets, a country filter, and every article by country.
fn built_in_queries() -> Vec<QuerySpec> {
    let four_facets = ["date:month", "country", "person", "keyword"];
    let mut specs = Vec::new();
    for text in [
        "oil",
        "coffee",
        "dollar",
        "\"interest rates\"",
        "oil AND opec",
    ] {
        specs.push(QuerySpec {
            name: format!("{text} +month"),
            query: text.to_string(),
            facets: vec!["date:month".to_string()],
            country: None,
            command: None,
            ..QuerySpec::default()
        });
        specs.push(QuerySpec {
            name: format!("{text} +4 facets"),
            query: text.to_string(),
            facets: four_facets.map(String::from).to_vec(),
            country: None,
            command: None,
            ..QuerySpec::default()
        });
    }
    specs.push(QuerySpec {
        name: "--country JP +month".to_string(),
        query: String::new(),
        facets: vec!["date:month".to_string()],
        country: Some("JP".to_string()),
        command: None,
        ..QuerySpec::default()
    });
    specs.push(QuerySpec {
        name: "all +country".to_string(),
        query: String::new(),
        facets: vec!["country".to_string()],
        country: None,
        command: None,
        ..QuerySpec::default()
    });
    for text in ["oil", "coffee"] {
        for field in ["keyword", "person"] {
            specs.push(QuerySpec {
                name: format!("{text} +significant:{field}"),
                query: text.to_string(),
                facets: vec![format!("significant:{field}")],
                country: None,
                command: None,
                ..QuerySpec::default()
            });
        }
    }
    specs.push(QuerySpec {
        name: "pairs oil".to_string(),
        query: "oil".to_string(),
        facets: Vec::new(),
        country: None,
        command: Some("pairs".to_string()),
        ..QuerySpec::default()
    });
    specs.push(QuerySpec {
        name: "pairs --country JP".to_string(),
        query: String::new(),
        facets: Vec::new(),
        country: Some("JP".to_string()),
        command: Some("pairs".to_string()),
        ..QuerySpec::default()
    });
    for (name, collapse, count_stories) in [
        ("oil --collapse", true, false),
        ("oil --count stories +4 facets", false, true),
    ] {
        specs.push(QuerySpec {
            name: name.to_string(),
            query: "oil".to_string(),
            facets: match count_stories {
                true => four_facets.map(String::from).to_vec(),
                false => Vec::new(),
            },
            collapse,
            count_stories,
            ..QuerySpec::default()
        });
    }
    specs
}

/// Indexes the clean samples into `folder` with the built-in schema.
fn index_samples(folder: &Path) -> OpenIndex {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let inputs = SAMPLE_INPUTS
        .iter()
        .map(|name| samples.join(name).display().to_string())
        .collect();
    let options = IngestOptions {
        index: folder.to_path_buf(),
        schema: load_schema(None).expect("the built-in schema"),
        inputs,
        read: Default::default(),
        enricher: Enricher::new(),
        reindex: false,
        batch_size: 10_000,
        threads: 1,
        memory_bytes: 50 << 20,
    };
    let report = ingest(&options, &AtomicBool::new(false), |_| {}).expect("index the samples");
    eprintln!(
        "search bench: {} sample articles indexed in a temporary folder; {DEFAULT_RUNS} runs per query",
        report.indexed
    );
    open_index(folder).expect("open the sample index")
}

/// Builds the search request of a query of the set.
fn request_of(spec: &QuerySpec) -> SearchRequest {
    let countries: Vec<&str> = spec.country.iter().map(String::as_str).collect();
    let mut facets = Vec::new();
    for name in &spec.facets {
        facets.push(parse_facet(name).expect("facet name"));
    }
    SearchRequest {
        query: spec.query.clone(),
        filters: Filters {
            by_kind: Entities::default().with(Kind::Country, &countries),
            ..Filters::default()
        },
        facets,
        stories: StoryOptions {
            collapse: spec.collapse,
            count_stories: spec.count_stories,
            ..StoryOptions::default()
        },
        ..SearchRequest::default()
    }
}

/// Runs a query of the set once; returns how many articles it matched.
fn run_query(open: &OpenIndex, spec: &QuerySpec, request: &SearchRequest) -> usize {
    if spec.command.as_deref() != Some("pairs") {
        return search(open, request).expect("search").total_hits;
    }
    let pairs = PairsRequest {
        search: request.clone(),
        kinds: vec![Kind::Person, Kind::Organization],
        min_count: 2,
        limit: 50,
    };
    count_pairs(open, &pairs).expect("pairs").total_hits
}

/// Runs each query `runs` times and prints its line.
fn time_queries(open: &OpenIndex, specs: &[QuerySpec], runs: usize) {
    for spec in specs {
        let request = request_of(spec);
        let mut total_hits = run_query(open, spec, &request);
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            total_hits = run_query(open, spec, &request);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        let line = serde_json::json!({"name": spec.name, "total_hits": total_hits, "median_ms": median, "p95_ms": p95});
        println!("{line}");
    }
}

fn main() {
    let arguments: Vec<String> = std::env::args()
        .skip(1)
        .filter(|argument| argument != "--bench")
        .collect();
    match arguments.as_slice() {
        [] => {
            let folder = tempfile::tempdir().expect("a temporary folder");
            let open = index_samples(folder.path());
            time_queries(&open, &built_in_queries(), DEFAULT_RUNS);
        }
        [index, queries, runs] => {
            let runs: usize = runs.parse().expect("RUNS is a number");
            let text = std::fs::read_to_string(queries).expect("read QUERIES.json");
            let specs: Vec<QuerySpec> = serde_json::from_str(&text).expect("parse QUERIES.json");
            let open = open_index(&PathBuf::from(index)).expect("open the index");
            time_queries(&open, &specs, runs.max(1));
        }
        _ => {
            eprintln!(
                "usage: cargo bench --bench search [-- INDEX_DIR QUERIES.json RUNS]; with no arguments it times the samples"
            );
            std::process::exit(2);
        }
    }
}
