//! In-process search timing for `scripts/bench`: opens an index once, then
//! runs each query of a JSON query set many times and prints the median
//! and 95th percentile of the search alone (no process start, no output).
//!
//! Usage: `cargo bench --bench search -- INDEX_DIR QUERIES.json RUNS`,
//! where QUERIES.json is a list of `{"name", "query", "facets",
//! "country"}` objects. Prints one JSON object per query and line:
//! `{"name": ..., "total_hits": N, "median_ms": F, "p95_ms": F}`.

use std::path::Path;
use std::time::Instant;

use newsdex::article::Entities;
use newsdex::facets::parse_facet;
use newsdex::index::open_index;
use newsdex::kinds::Kind;
use newsdex::query::collect::search;
use newsdex::query::{Filters, SearchRequest};
use serde::Deserialize;

/// One query of the set.
#[derive(Deserialize)]
struct QuerySpec {
    name: String,
    #[serde(default)]
    query: String,
    #[serde(default)]
    facets: Vec<String>,
    #[serde(default)]
    country: Option<String>,
}

fn main() {
    let arguments: Vec<String> = std::env::args()
        .skip(1)
        .filter(|argument| argument != "--bench")
        .collect();
    let [index, queries, runs] = arguments.as_slice() else {
        eprintln!("usage: search INDEX_DIR QUERIES.json RUNS");
        std::process::exit(2);
    };
    let runs: usize = runs.parse().expect("RUNS is a number");
    let specs: Vec<QuerySpec> =
        serde_json::from_str(&std::fs::read_to_string(queries).expect("read QUERIES.json"))
            .expect("parse QUERIES.json");
    let open = open_index(Path::new(index)).expect("open the index");
    for spec in specs {
        let countries: Vec<&str> = spec.country.iter().map(String::as_str).collect();
        let request = SearchRequest {
            query: spec.query.clone(),
            filters: Filters {
                by_kind: Entities::default().with(Kind::Country, &countries),
                ..Filters::default()
            },
            facets: spec
                .facets
                .iter()
                .map(|name| parse_facet(name).expect("facet name"))
                .collect(),
            ..SearchRequest::default()
        };
        let mut total_hits = search(&open, &request).expect("search").total_hits;
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            total_hits = search(&open, &request).expect("search").total_hits;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        let line = serde_json::json!({"name": spec.name, "total_hits": total_hits, "median_ms": median, "p95_ms": p95});
        println!("{line}");
    }
}
