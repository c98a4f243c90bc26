//! Export: writes the articles a search request selects as files that
//! Quickwit or Elasticsearch/OpenSearch load as they are.
//!
//! The export folder holds the target's index definition
//! (`index-config.yaml` for Quickwit, `mapping.json` for Elasticsearch),
//! the documents as NDJSON files of at most 10 MiB (`docs-0001.ndjson`... for
//! Quickwit, `_bulk` files `bulk-0001.ndjson`... for Elasticsearch) and a
//! `README.txt` with the commands that load them and each newsdex facet as
//! an aggregation request.
//!
//! Memory stays bounded: only the addresses of the matching documents are
//! collected ([`crate::query::select`]), then the stored documents are read one at a time
//! in address order and written out. Every field name and kind comes from
//! the one table in [`fields`].

pub mod document;
pub mod elasticsearch;
pub mod fields;
pub mod files;
pub mod quickwit;
pub mod readme;

use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use tantivy::TantivyDocument;

use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::query::{SearchRequest, build_query};
use document::{ExportedDocument, write_bulk_lines, write_document_line};
use files::{FILE_LIMIT_BYTES, SplitWriter, export_error, write_small_file};
use readme::{README_FILE, ReadmeFacts};

/// The index name exports create in their target.
pub const INDEX_NAME: &str = "newsdex";

/// The search engine an export is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Quickwit: `index-config.yaml` and `docs-NNNN.ndjson` files.
    Quickwit,
    /// Elasticsearch or OpenSearch: `mapping.json` and `_bulk` files
    /// `bulk-NNNN.ndjson`.
    Elasticsearch,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportReport {
    /// How many documents were exported.
    pub documents: u64,
    /// Every file written in the export folder, in order, with its size in
    /// bytes: the index definition, the data files, then `README.txt`.
    pub files: Vec<(String, u64)>,
    /// How long the export took.
    pub seconds: f64,
}

/// Exports the documents a search request matches (every document when its
/// query and filters are empty) into `out_dir`, created when missing. A
/// folder holding anything is refused, unless `replace` is set, which
/// first removes the files of an earlier export there (`--force`).
pub fn export(
    open: &OpenIndex,
    request: &SearchRequest,
    target: Target,
    out_dir: &Path,
    replace: bool,
) -> Result<ExportReport> {
    let definitions = [
        quickwit::CONFIG_FILE,
        elasticsearch::MAPPING_FILE,
        README_FILE,
    ];
    files::prepare_folder(out_dir, &definitions, replace)?;
    export_with_limit(open, request, target, out_dir, FILE_LIMIT_BYTES)
}

/// Exports as [`export`] does, with data files of at most `limit_bytes`.
fn export_with_limit(
    open: &OpenIndex,
    request: &SearchRequest,
    target: Target,
    out_dir: &Path,
    limit_bytes: u64,
) -> Result<ExportReport> {
    let started = Instant::now();
    let index_error = |error| Error::index(&open.path, error);
    let query = build_query(open, request)?;
    let searcher = open.searcher()?;
    let addresses =
        crate::query::select::matching_addresses(&searcher, &*query).map_err(index_error)?;

    std::fs::create_dir_all(out_dir).map_err(|source| export_error(out_dir, source))?;
    let mut written = Vec::new();
    let (definition, prefix) = match target {
        Target::Quickwit => (
            write_small_file(out_dir, quickwit::CONFIG_FILE, &quickwit::index_config())?,
            "docs",
        ),
        Target::Elasticsearch => (
            write_small_file(
                out_dir,
                elasticsearch::MAPPING_FILE,
                &elasticsearch::mapping(),
            )?,
            "bulk",
        ),
    };
    written.push(definition);

    let mut writer = SplitWriter::new(out_dir, prefix, limit_bytes);
    let mut record = Vec::new();
    let mut documents = 0;
    let mut undated = 0;
    for address in addresses {
        let stored: TantivyDocument = searcher.doc(address).map_err(index_error)?;
        let exported = ExportedDocument::new(&stored, &open.fields).with_aliases(&open.aliases);
        record.clear();
        let serialized = match target {
            Target::Quickwit => write_document_line(&mut record, &exported),
            Target::Elasticsearch => write_bulk_lines(&mut record, &exported),
        };
        serialized.map_err(|source| export_error(out_dir, source))?;
        writer.write_record(&record)?;
        documents += 1;
        if exported.date().is_none() {
            undated += 1;
        }
    }
    let data_files = writer.finish()?;

    let facts = ReadmeFacts {
        data_files: &data_files,
        documents,
        undated,
        facet_limit: request.facet_limit,
    };
    let readme_file = write_small_file(out_dir, README_FILE, &readme::readme(target, &facts))?;
    written.extend(data_files);
    written.push(readme_file);
    Ok(ExportReport {
        documents,
        files: written,
        seconds: started.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::Value;

    use super::*;
    use crate::article::{Enriched, Entities};
    use crate::index::test_index::{article, index_of};
    use crate::kinds::Kind;
    use crate::query::Filters;

    fn entities(persons: &[&str], countries: &[&str], mentioned: &[&str]) -> Entities {
        Entities::default()
            .with(Kind::Person, persons)
            .with(Kind::Country, countries)
            .with(Kind::CountryMentioned, mentioned)
            .with(Kind::Keyword, &["oil prices"])
    }

    fn articles() -> Vec<Enriched> {
        let mut undated = article(
            "d",
            "",
            "Coffee prices",
            "Frost hits the crop.",
            Entities::default(),
        );
        undated.source = None;
        vec![
            article(
                "a",
                "2024-10-14T08:00:00+02:00",
                "Putin visits Kazan",
                "Gas and oil talks.",
                entities(&["Vladimir Putin"], &["RU"], &["RU", "CN"]),
            ),
            article(
                "b",
                "2023-01-02",
                "OPEC meets",
                "Oil output cut agreed in Vienna.",
                entities(&[], &["AT"], &["AT", "SA"]),
            ),
            article(
                "c",
                "1987-02-26",
                "Tokyo \"trade\" talks",
                &"Yen and oil. ".repeat(40),
                entities(&["Nakasone", "Reagan"], &["JP"], &["JP", "US"]),
            ),
            undated,
        ]
    }

    fn export_to(
        folder: &Path,
        request: &SearchRequest,
        target: Target,
        limit_bytes: u64,
    ) -> ExportReport {
        let open = index_of(&articles());
        export_with_limit(&open, request, target, folder, limit_bytes).unwrap()
    }

    /// Returns the data files of a report, in order.
    fn data_files(report: &ExportReport) -> Vec<String> {
        let mut names = Vec::new();
        for (name, _) in &report.files {
            if name.ends_with(".ndjson") {
                names.push(name.clone());
            }
        }
        names
    }

    /// Parses every line of every data file, in order.
    fn exported_lines(folder: &Path, report: &ExportReport) -> Vec<Value> {
        let mut lines = Vec::new();
        for name in data_files(report) {
            let text = std::fs::read_to_string(folder.join(name)).unwrap();
            for line in text.lines() {
                lines.push(serde_json::from_str(line).unwrap());
            }
        }
        lines
    }

    fn strings(value: &Value) -> Vec<String> {
        let mut texts = Vec::new();
        for item in value.as_array().unwrap() {
            texts.push(item.as_str().unwrap().to_string());
        }
        texts
    }

    #[test]
    fn exported_names_are_the_ones_the_facets_count() {
        use crate::index::aliases::{Alias, AliasOrigin, Aliases};
        let folder = tempfile::tempdir().unwrap();
        let open = index_of(&articles());
        let reagan = Alias::always(Kind::Person, "Reagan", "Ronald Reagan", AliasOrigin::File);
        let open = OpenIndex {
            aliases: std::sync::Arc::new(Aliases::new(vec![reagan])),
            ..open
        };
        let request = SearchRequest {
            query: "yen".into(),
            ..SearchRequest::default()
        };
        let report = export_with_limit(
            &open,
            &request,
            Target::Quickwit,
            folder.path(),
            FILE_LIMIT_BYTES,
        )
        .unwrap();
        let lines = exported_lines(folder.path(), &report);
        assert_eq!(lines.len(), 1);
        assert_eq!(strings(&lines[0]["persons"]), ["Nakasone", "Ronald Reagan"]);
    }

    #[test]
    fn quickwit_round_trip_keeps_ids_dates_and_facet_values() {
        let folder = tempfile::tempdir().unwrap();
        let request = SearchRequest::default();
        let report = export_to(folder.path(), &request, Target::Quickwit, FILE_LIMIT_BYTES);
        assert_eq!(report.documents, 4);
        let names: Vec<&str> = report.files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["index-config.yaml", "docs-0001.ndjson", "README.txt"]
        );
        for (name, bytes) in &report.files {
            let on_disk = std::fs::metadata(folder.path().join(name)).unwrap().len();
            assert_eq!(on_disk, *bytes, "{name}");
        }
        let mut by_id = BTreeMap::new();
        for document in exported_lines(folder.path(), &report) {
            let id = document["id"].as_str().unwrap().to_string();
            by_id.insert(id, document);
        }
        assert_eq!(by_id.len(), 4);
        for indexed in articles() {
            let exported = &by_id[&indexed.id];
            let expected_date = indexed
                .date
                .map(|date| date.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            let date = exported
                .get("date")
                .map(|date| date.as_str().unwrap().to_string());
            assert_eq!(date, expected_date, "{}", indexed.id);
            assert_eq!(exported["title"], indexed.title.as_str());
            assert_eq!(exported["body"], indexed.body.as_str());
            for (kind, values) in indexed.entities.iter() {
                assert_eq!(&strings(&exported[kind.key()]), values, "{kind:?}");
            }
            assert_eq!(exported.get("source").is_some(), indexed.source.is_some());
            assert!(exported.get("url").is_none());
        }
        assert_eq!(by_id["a"]["date"], "2024-10-14T06:00:00Z");
        let readme = std::fs::read_to_string(folder.path().join("README.txt")).unwrap();
        assert!(
            readme.contains("--input-path docs-0001.ndjson\n"),
            "{readme}"
        );
        assert!(
            readme.contains("1 exported article has no date"),
            "{readme}"
        );
    }

    #[test]
    fn elasticsearch_bulk_pairs_each_action_with_its_document() {
        let folder = tempfile::tempdir().unwrap();
        let request = SearchRequest::default();
        let report = export_to(folder.path(), &request, Target::Elasticsearch, 300);
        assert_eq!(report.files[0].0, "mapping.json");
        assert_eq!(report.files.last().unwrap().0, "README.txt");
        let lines = exported_lines(folder.path(), &report);
        assert_eq!(lines.len(), 8);
        let mut ids = Vec::new();
        for pair in lines.chunks(2) {
            let action = &pair[0]["index"];
            assert_eq!(action["_index"], "newsdex");
            assert_eq!(action["_id"], pair[1]["id"]);
            ids.push(pair[1]["id"].as_str().unwrap().to_string());
        }
        ids.sort();
        assert_eq!(ids, ["a", "b", "c", "d"]);
    }

    #[test]
    fn data_files_stay_under_the_limit_and_end_with_a_newline() {
        let limit = 300;
        for (target, lines_per_record) in [(Target::Quickwit, 1), (Target::Elasticsearch, 2)] {
            let folder = tempfile::tempdir().unwrap();
            let request = SearchRequest::default();
            let report = export_to(folder.path(), &request, target, limit);
            let names = data_files(&report);
            assert!(names.len() >= 3, "{target:?}: {names:?}");
            let mut records = 0;
            for name in names {
                let text = std::fs::read_to_string(folder.path().join(&name)).unwrap();
                assert!(text.ends_with('\n'), "{name}");
                let line_count = text.lines().count();
                assert_eq!(line_count % lines_per_record, 0, "{name} splits a record");
                if text.len() as u64 > limit {
                    assert_eq!(line_count, lines_per_record, "{name} is oversize");
                }
                records += line_count / lines_per_record;
            }
            assert_eq!(records, 4, "{target:?}");
        }
    }

    #[test]
    fn a_query_restricts_the_export() {
        let folder = tempfile::tempdir().unwrap();
        let request = SearchRequest {
            query: "oil".to_string(),
            filters: Filters {
                by_kind: Entities::default().with(Kind::Country, &["AT"]),
                ..Filters::default()
            },
            ..SearchRequest::default()
        };
        let report = export_to(folder.path(), &request, Target::Quickwit, FILE_LIMIT_BYTES);
        assert_eq!(report.documents, 1);
        let lines = exported_lines(folder.path(), &report);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0]["id"], "b");
        let only_text = SearchRequest {
            query: "oil".to_string(),
            ..SearchRequest::default()
        };
        let other = tempfile::tempdir().unwrap();
        let report = export_to(other.path(), &only_text, Target::Quickwit, FILE_LIMIT_BYTES);
        assert_eq!(report.documents, 3);
    }

    #[test]
    fn an_empty_match_writes_no_data_file() {
        let folder = tempfile::tempdir().unwrap();
        let request = SearchRequest {
            query: "nothingmatchesthis".to_string(),
            ..SearchRequest::default()
        };
        let report = export_to(
            folder.path(),
            &request,
            Target::Elasticsearch,
            FILE_LIMIT_BYTES,
        );
        assert_eq!(report.documents, 0);
        let names: Vec<&str> = report.files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["mapping.json", "README.txt"]);
    }

    #[test]
    fn an_unwritable_folder_is_named_in_the_error() {
        let folder = tempfile::tempdir().unwrap();
        let blocker = folder.path().join("a-file");
        std::fs::write(&blocker, "").unwrap();
        let out_dir = blocker.join("export");
        let open = index_of(&articles());
        let error = export(
            &open,
            &SearchRequest::default(),
            Target::Quickwit,
            &out_dir,
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(error.starts_with("cannot write export "), "{error}");
        assert!(error.contains("a-file/export"), "{error}");
    }
}
