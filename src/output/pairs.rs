//! The output of `newsdex pairs`: a table, CSV ready for Gephi's edge
//! import, or one JSON object.
//!
//! CSV: a header `Source,Target,Weight`, then one row per pair.
//!
//! JSON: `{"query": "...", "total_hits": N, "pairs": [{"source": "Ann Lee",
//! "source_kind": "person", "target": "OPEC", "target_kind":
//! "organization", "weight": 3}]}`, pairs most shared first; kinds are
//! their facet names.

use std::io::Write;

use comfy_table::presets::NOTHING;
use comfy_table::{Cell, CellAlignment};
use serde::Serialize;

use super::count_of;
use super::table::{Style, new_table};
use crate::query::pairs::{Pair, PairsResult};

/// Writes pairs as CSV for Gephi: `Source,Target,Weight`.
pub fn write_csv(out: &mut dyn Write, result: &PairsResult) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(["Source", "Target", "Weight"])?;
    for pair in &result.pairs {
        let weight = pair.weight.to_string();
        writer.write_record([&pair.source.value, &pair.target.value, &weight])?;
    }
    writer.flush()
}

/// One pair in the JSON output.
#[derive(Serialize)]
struct JsonPair<'a> {
    source: &'a str,
    source_kind: &'static str,
    target: &'a str,
    target_kind: &'static str,
    weight: u64,
}

/// The JSON output.
#[derive(Serialize)]
struct JsonPairs<'a> {
    query: &'a str,
    total_hits: usize,
    pairs: Vec<JsonPair<'a>>,
}

/// Writes pairs as one JSON object and a newline.
pub fn write_json(out: &mut dyn Write, query: &str, result: &PairsResult) -> std::io::Result<()> {
    let pairs = result.pairs.iter().map(json_pair).collect();
    let document = JsonPairs {
        query,
        total_hits: result.total_hits,
        pairs,
    };
    serde_json::to_writer(&mut *out, &document)?;
    writeln!(out)
}

fn json_pair(pair: &Pair) -> JsonPair<'_> {
    JsonPair {
        source: &pair.source.value,
        source_kind: pair.source.kind.field(),
        target: &pair.target.value,
        target_kind: pair.target.kind.field(),
        weight: pair.weight,
    }
}

/// Writes pairs as a table under a line with the number of matches.
pub fn write_table(out: &mut dyn Write, result: &PairsResult, style: Style) -> std::io::Result<()> {
    writeln!(
        out,
        "{} in {}",
        count_of(result.pairs.len() as u64, "pair"),
        count_of(result.total_hits as u64, "matching article")
    )?;
    if result.pairs.is_empty() {
        return Ok(());
    }
    let mut table = new_table(style, NOTHING);
    table.set_header(vec!["source", "target", "articles"]);
    for pair in &result.pairs {
        table.add_row(vec![
            Cell::new(format!(
                "{} ({})",
                pair.source.value,
                pair.source.kind.field()
            )),
            Cell::new(format!(
                "{} ({})",
                pair.target.value,
                pair.target.kind.field()
            )),
            Cell::new(pair.weight).set_alignment(CellAlignment::Right),
        ]);
    }
    writeln!(out, "{table}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Kind;
    use crate::query::pairs::Node;

    fn result() -> PairsResult {
        PairsResult {
            total_hits: 4,
            pairs: vec![Pair {
                source: Node {
                    kind: Kind::Person,
                    value: "Ann \"Bo\" Lee".into(),
                },
                target: Node {
                    kind: Kind::Organization,
                    value: "OPEC".into(),
                },
                weight: 3,
            }],
        }
    }

    #[test]
    fn csv_is_ready_for_gephi() {
        let mut out = Vec::new();
        write_csv(&mut out, &result()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Source,Target,Weight\n\"Ann \"\"Bo\"\" Lee\",OPEC,3\n"
        );
    }

    #[test]
    fn json_names_the_kinds_by_facet() {
        let mut out = Vec::new();
        write_json(&mut out, "oil", &result()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"{"query":"oil","total_hits":4,"pairs":[{"source":"Ann \"Bo\" Lee","source_kind":"person","#,
                r#""target":"OPEC","target_kind":"organization","weight":3}]}"#,
                "\n"
            )
        );
    }
}
