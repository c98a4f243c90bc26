//! The `README.txt` of an export folder: the exact commands that load the
//! export into its target, and each newsdex facet as the target's
//! aggregation request.
//!
//! String facets become `terms` aggregations on the exported keyword field.
//! `date:day` is a `date_histogram` with `fixed_interval: 1d`. Months and
//! years need calendar intervals: Elasticsearch takes `calendar_interval`
//! in a plain `date_histogram`, while Quickwit rejects it there, so for
//! Quickwit they are a `composite` aggregation with a `date_histogram`
//! source.

use std::collections::BTreeMap;

use serde::Serialize;

use super::elasticsearch::MAPPING_FILE;
use super::fields::{ExportKind, find_by_index_name, of_kind};
use super::quickwit::CONFIG_FILE;
use super::{INDEX_NAME, Target};
use crate::facets::{DateUnit, FACET_NAMES, FacetKind, parse_facet};
use crate::output::{count_of, count_with_words};

/// The name of the README file in the export folder.
pub const README_FILE: &str = "README.txt";

/// How many buckets a `composite` date aggregation returns at once.
const COMPOSITE_SIZE: usize = 10_000;

/// What the README describes: the export's data files and counts.
pub struct ReadmeFacts<'a> {
    /// The data files written, in order, with their sizes.
    pub data_files: &'a [(String, u64)],
    /// How many documents were exported.
    pub documents: u64,
    /// How many of them have no date.
    pub undated: u64,
    /// How many values a string facet aggregation returns.
    pub facet_limit: usize,
}

/// One aggregation, serialized in the Elasticsearch form both targets read.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Aggregation {
    /// The most frequent values of a keyword field.
    Terms { field: &'static str, size: usize },
    /// Counts per date interval.
    DateHistogram {
        field: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        fixed_interval: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        calendar_interval: Option<&'static str>,
    },
    /// Buckets built from named sources, paged with `after`.
    Composite {
        sources: Vec<BTreeMap<&'static str, Aggregation>>,
        size: usize,
    },
}

/// A Quickwit search request that only aggregates.
#[derive(Serialize)]
struct QuickwitSearch {
    query: &'static str,
    max_hits: u64,
    aggs: BTreeMap<String, Aggregation>,
}

/// An Elasticsearch search request that only aggregates.
#[derive(Serialize)]
struct ElasticsearchSearch {
    size: u64,
    aggs: BTreeMap<String, Aggregation>,
}

/// Returns the text of `README.txt` for an export.
pub fn readme(target: Target, facts: &ReadmeFacts<'_>) -> String {
    let mut text = String::new();
    let summary = format!(
        "{} in {}",
        count_of(facts.documents, "document"),
        count_of(facts.data_files.len() as u64, "file")
    );
    match target {
        Target::Quickwit => {
            text.push_str(&format!("newsdex export for Quickwit: {summary}.\n\n"));
            text.push_str("Create the index, then ingest each file:\n\n");
            text.push_str(&format!(
                "  quickwit index create --index-config {CONFIG_FILE}\n"
            ));
            for (name, _) in facts.data_files {
                text.push_str(&format!(
                    "  quickwit index ingest --index {INDEX_NAME} --input-path {name}\n"
                ));
            }
            text.push_str(&format!(
                "\nQuickwit documents have no id, so ingesting a file again adds its\n\
                 documents a second time: load a Quickwit export into a fresh index\n\
                 (`quickwit index delete --index {INDEX_NAME}` removes an old one first).\n"
            ));
            if facts.undated > 0 {
                text.push_str(&format!(
                    "\nQuickwit rejects documents without a timestamp field: {} no date\n\
                     and will not be ingested.\n",
                    count_with_words(
                        facts.undated,
                        "exported article has",
                        "exported articles have"
                    )
                ));
            }
        }
        Target::Elasticsearch => {
            text.push_str(&format!(
                "newsdex export for Elasticsearch/OpenSearch: {summary}.\n\n"
            ));
            text.push_str("Create the index with its mapping, then load each file:\n\n");
            text.push_str(&format!(
                "  curl -XPUT localhost:9200/{INDEX_NAME} -H 'Content-Type: application/json' --data-binary @{MAPPING_FILE}\n"
            ));
            for (name, _) in facts.data_files {
                text.push_str(&format!(
                    "  curl -XPOST localhost:9200/_bulk -H 'Content-Type: application/x-ndjson' --data-binary @{name}\n"
                ));
            }
            text.push_str(
                "\nEach document carries its newsdex id, so loading a file again\n\
                 replaces its documents instead of duplicating them.\n",
            );
        }
    }
    text.push_str("\nThe newsdex facets as aggregation requests:\n");
    for name in FACET_NAMES.iter() {
        let Ok(facet) = parse_facet(name) else {
            continue;
        };
        // Significant values compare the hits with the whole index, which
        // Quickwit has no aggregation for: they stay newsdex's own.
        if matches!(facet.kind, FacetKind::Significant(_)) {
            continue;
        }
        let aggregation = aggregation_of(target, facet.kind, facts.facet_limit.max(1));
        text.push_str(&format!(
            "\n  # --facet {name}\n  {}\n",
            request_of(target, name, aggregation)
        ));
    }
    text
}

/// Returns the aggregation equivalent to a facet in a target.
fn aggregation_of(target: Target, kind: FacetKind, size: usize) -> Aggregation {
    let date_field = date_field_name();
    let calendar_interval = match kind {
        FacetKind::Field(index_name) | FacetKind::Significant(index_name) => {
            let field =
                find_by_index_name(index_name).map_or(index_name, |field| field.export_name);
            return Aggregation::Terms { field, size };
        }
        FacetKind::Date(DateUnit::Day) => {
            return Aggregation::DateHistogram {
                field: date_field,
                fixed_interval: Some("1d"),
                calendar_interval: None,
            };
        }
        FacetKind::Date(DateUnit::Week) => "week",
        FacetKind::Date(DateUnit::Month) => "month",
        FacetKind::Date(DateUnit::Year) => "year",
    };
    let histogram = Aggregation::DateHistogram {
        field: date_field,
        fixed_interval: None,
        calendar_interval: Some(calendar_interval),
    };
    match target {
        Target::Elasticsearch => histogram,
        Target::Quickwit => Aggregation::Composite {
            sources: vec![BTreeMap::from([(date_field, histogram)])],
            size: COMPOSITE_SIZE,
        },
    }
}

/// Returns the ready-to-run `curl` command of one aggregation request.
fn request_of(target: Target, facet_name: &str, aggregation: Aggregation) -> String {
    let aggregation_name = facet_name.replace(':', "_");
    let aggs = BTreeMap::from([(aggregation_name, aggregation)]);
    let (url, body) = match target {
        Target::Quickwit => {
            let search = QuickwitSearch {
                query: "*",
                max_hits: 0,
                aggs,
            };
            (
                format!("localhost:7280/api/v1/{INDEX_NAME}/search"),
                serde_json::to_string(&search),
            )
        }
        Target::Elasticsearch => {
            let search = ElasticsearchSearch { size: 0, aggs };
            (
                format!("localhost:9200/{INDEX_NAME}/_search"),
                serde_json::to_string(&search),
            )
        }
    };
    let body = body.expect("aggregation requests have only string keys, so they serialize");
    format!("curl -XPOST {url} -H 'Content-Type: application/json' -d '{body}'")
}

/// Returns the exported name of the date field.
fn date_field_name() -> &'static str {
    let dates = of_kind(ExportKind::Date);
    let first = dates.first().expect("the export table has a date field");
    first.export_name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, u64)> {
        vec![
            ("docs-0001.ndjson".into(), 10),
            ("docs-0002.ndjson".into(), 5),
        ]
    }

    fn facts(data_files: &[(String, u64)], undated: u64) -> ReadmeFacts<'_> {
        ReadmeFacts {
            data_files,
            documents: 3,
            undated,
            facet_limit: 10,
        }
    }

    /// Returns the JSON body of the command following `# --facet NAME`.
    fn body_of(readme: &str, facet: &str) -> serde_json::Value {
        let marker = format!("# --facet {facet}\n");
        let start = readme.find(&marker).unwrap() + marker.len();
        let command = readme[start..].lines().next().unwrap();
        let body = command
            .split(" -d '")
            .nth(1)
            .unwrap()
            .trim_end_matches('\'');
        serde_json::from_str(body).unwrap()
    }

    #[test]
    fn quickwit_readme_has_the_exact_commands_and_the_fresh_index_note() {
        let files = files();
        let readme = readme(Target::Quickwit, &facts(&files, 1));
        for line in [
            "newsdex export for Quickwit: 3 documents in 2 files.",
            "  quickwit index create --index-config index-config.yaml",
            "  quickwit index ingest --index newsdex --input-path docs-0001.ndjson",
            "  quickwit index ingest --index newsdex --input-path docs-0002.ndjson",
        ] {
            assert!(
                readme.lines().any(|candidate| candidate == line),
                "{line}\n{readme}"
            );
        }
        assert!(readme.contains("load a Quickwit export into a fresh index"));
        assert!(
            readme.contains("1 exported article has no date"),
            "{readme}"
        );
        let without_undated = super::readme(Target::Quickwit, &facts(&files, 0));
        assert!(!without_undated.contains("timestamp"));
    }

    #[test]
    fn quickwit_aggregations_use_composite_for_months() {
        let files = files();
        let readme = readme(Target::Quickwit, &facts(&files, 0));
        assert!(readme.contains("curl -XPOST localhost:7280/api/v1/newsdex/search "));
        let country = body_of(&readme, "country");
        assert_eq!(country["max_hits"], 0);
        assert_eq!(country["aggs"]["country"]["terms"]["field"], "countries");
        assert_eq!(country["aggs"]["country"]["terms"]["size"], 10);
        let mentioned = body_of(&readme, "country_mentioned");
        let terms = &mentioned["aggs"]["country_mentioned"]["terms"];
        assert_eq!(terms["field"], "countries_mentioned");
        let day = body_of(&readme, "date:day");
        let histogram = &day["aggs"]["date_day"]["date_histogram"];
        assert_eq!(histogram["fixed_interval"], "1d");
        assert_eq!(histogram["field"], "date");
        let month = body_of(&readme, "date:month");
        let source = &month["aggs"]["date_month"]["composite"]["sources"][0]["date"];
        assert_eq!(source["date_histogram"]["calendar_interval"], "month");
    }

    #[test]
    fn elasticsearch_readme_has_the_exact_commands_and_calendar_histograms() {
        let files = vec![("bulk-0001.ndjson".to_string(), 10)];
        let readme = readme(Target::Elasticsearch, &facts(&files, 1));
        for line in [
            "newsdex export for Elasticsearch/OpenSearch: 3 documents in 1 file.",
            "  curl -XPUT localhost:9200/newsdex -H 'Content-Type: application/json' --data-binary @mapping.json",
            "  curl -XPOST localhost:9200/_bulk -H 'Content-Type: application/x-ndjson' --data-binary @bulk-0001.ndjson",
        ] {
            assert!(
                readme.lines().any(|candidate| candidate == line),
                "{line}\n{readme}"
            );
        }
        assert!(!readme.contains("timestamp"));
        let person = body_of(&readme, "person");
        assert_eq!(person["size"], 0);
        assert_eq!(person["aggs"]["person"]["terms"]["field"], "persons");
        let source = body_of(&readme, "source");
        assert_eq!(source["aggs"]["source"]["terms"]["field"], "source");
        let month = body_of(&readme, "date:month");
        let histogram = &month["aggs"]["date_month"]["date_histogram"];
        assert_eq!(histogram["calendar_interval"], "month");
        let year = body_of(&readme, "date:year");
        assert_eq!(
            year["aggs"]["date_year"]["date_histogram"]["calendar_interval"],
            "year"
        );
    }

    #[test]
    fn covers_every_facet() {
        let files = files();
        for target in [Target::Quickwit, Target::Elasticsearch] {
            let readme = readme(target, &facts(&files, 0));
            for name in FACET_NAMES.iter() {
                if name.starts_with("significant:") {
                    assert!(!readme.contains(&format!("# --facet {name}\n")), "{name}");
                    continue;
                }
                assert!(body_of(&readme, name)["aggs"].is_object(), "{name}");
            }
        }
    }
}
