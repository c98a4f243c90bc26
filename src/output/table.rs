//! Human-readable output: a table of hits (date, title and snippet,
//! countries, top entities), then each facet as a small table, date facets
//! with a bar per bucket. Matched terms are bold and colour is used only
//! when the caller says the stream is a terminal.

use std::io::Write;
use std::ops::Range;

use comfy_table::TableStyle;
use comfy_table::presets::{NOTHING, UTF8_HORIZONTAL_ONLY};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::facets::FacetCount;
use crate::index::stats::IndexStats;
use crate::kinds::Kind;
use crate::pipeline::IngestReport;
use crate::query::collect::{Hit, SearchResult};

/// How to draw tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to use bold and colour.
    pub color: bool,
    /// The width to fit, when known.
    pub width: Option<u16>,
}

/// The widest a date-facet bar gets, in characters.
const BAR_WIDTH: u64 = 40;

/// How many entity names a hit row shows.
const ENTITIES_SHOWN: usize = 4;

const BOLD: &str = "\x1b[1m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// Writes a search result: a line with the count, the hits, the facets.
pub fn write_query(
    out: &mut dyn Write,
    query: &str,
    offset: usize,
    result: &SearchResult,
    style: Style,
) -> std::io::Result<()> {
    let shown = if query.trim().is_empty() {
        "all articles".to_string()
    } else {
        format!("{query:?}")
    };
    let first = offset + 1;
    let last = offset + result.hits.len();
    match result.hits.len() {
        0 => writeln!(out, "{} hits for {shown}", result.total_hits)?,
        _ => writeln!(
            out,
            "{} hits for {shown} (showing {first}-{last})",
            result.total_hits
        )?,
    }
    if !result.hits.is_empty() {
        let mut table = new_table(style, UTF8_HORIZONTAL_ONLY);
        table.set_header(vec!["date", "title", "countries", "entities"]);
        for hit in &result.hits {
            table.add_row(vec![
                Cell::new(hit.date.as_deref().unwrap_or("-")),
                Cell::new(title_and_snippet(hit, style)),
                Cell::new(hit.entities[Kind::Country].join(" ")),
                Cell::new(top_entities(hit)),
            ]);
        }
        writeln!(out, "{table}")?;
    }
    write_facets(out, &result.facets, style)
}

/// The title in bold, then the snippet with matched terms highlighted.
fn title_and_snippet(hit: &Hit, style: Style) -> String {
    let title = if style.color {
        format!("{BOLD}{}{RESET}", hit.title)
    } else {
        hit.title.clone()
    };
    if hit.snippet.is_empty() {
        return title;
    }
    format!(
        "{title}\n{}",
        highlight(&hit.snippet, &hit.highlights, style)
    )
}

/// Marks the highlighted ranges of a text, when colour is on.
fn highlight(text: &str, ranges: &[Range<usize>], style: Style) -> String {
    if !style.color {
        return text.to_string();
    }
    let mut marked = String::with_capacity(text.len() + ranges.len() * 12);
    let mut position = 0;
    for range in ranges {
        if range.start < position || range.end > text.len() {
            continue;
        }
        marked.push_str(&text[position..range.start]);
        marked.push_str(YELLOW_BOLD);
        marked.push_str(&text[range.clone()]);
        marked.push_str(RESET);
        position = range.end;
    }
    marked.push_str(&text[position..]);
    marked
}

/// The first few names of people and organizations a hit holds.
fn top_entities(hit: &Hit) -> String {
    let mut names: Vec<&str> = Vec::new();
    for kind in [Kind::Person, Kind::Organization] {
        for name in &hit.entities[kind] {
            if names.len() < ENTITIES_SHOWN {
                names.push(name);
            }
        }
    }
    names.join("\n")
}

/// Writes each facet as a small table; date facets get a bar per bucket.
pub fn write_facets(
    out: &mut dyn Write,
    facets: &[(String, Vec<FacetCount>)],
    style: Style,
) -> std::io::Result<()> {
    for (name, counts) in facets {
        writeln!(out)?;
        let mut table = new_table(style, NOTHING);
        let is_date = name.starts_with("date:");
        let is_significant = counts.iter().any(|count| count.score.is_some());
        let mut header = vec![name.as_str(), "count"];
        if is_date {
            header.push("");
        }
        if is_significant {
            header.extend(["in index", "score"]);
        }
        table.set_header(header);
        let largest = counts.iter().map(|count| count.count).max().unwrap_or(0);
        let right = |cell: Cell| cell.set_alignment(CellAlignment::Right);
        for count in counts {
            let mut row = vec![Cell::new(&count.value), right(Cell::new(count.count))];
            if is_date {
                row.push(Cell::new(bar(count.count, largest)));
            }
            if let (Some(background), Some(score)) = (count.background, count.score) {
                row.push(right(Cell::new(background)));
                row.push(right(Cell::new(format!("{score:.3}"))));
            }
            table.add_row(row);
        }
        if counts.is_empty() {
            table.add_row(vec!["(none)", ""]);
        }
        writeln!(out, "{table}")?;
    }
    Ok(())
}

/// A bar whose length is proportional to `count`, at least one block for a
/// non-zero count.
fn bar(count: u64, largest: u64) -> String {
    if largest == 0 || count == 0 {
        return String::new();
    }
    let length = (count * BAR_WIDTH).div_ceil(largest).max(1);
    "█".repeat(length as usize)
}

/// Writes index statistics.
pub fn write_stats(out: &mut dyn Write, stats: &IndexStats, style: Style) -> std::io::Result<()> {
    let mut table = new_table(style, NOTHING);
    let dash = || "-".to_string();
    table.add_row(vec!["documents".to_string(), stats.documents.to_string()]);
    table.add_row(vec![
        "first date".to_string(),
        stats.first_date.clone().unwrap_or_else(dash),
    ]);
    table.add_row(vec![
        "last date".to_string(),
        stats.last_date.clone().unwrap_or_else(dash),
    ]);
    table.add_row(vec!["segments".to_string(), stats.segments.to_string()]);
    table.add_row(vec![
        "size on disk".to_string(),
        human_bytes(stats.size_bytes),
    ]);
    writeln!(out, "{table}")?;
    write_facets(out, &stats.facets, style)
}

/// Formats an ingest report as the one-line summary shown on stderr.
pub fn ingest_summary(report: &IngestReport) -> String {
    let verb = if report.interrupted {
        "interrupted after"
    } else {
        "done:"
    };
    format!(
        "{verb} read {}, indexed {} ({} replaced), unchanged {}, skipped {}, warnings {} in {:.2}s ({:.0} articles/s)",
        report.read,
        report.indexed,
        report.replaced,
        report.unchanged,
        report.skipped,
        report.warnings,
        report.seconds,
        report.articles_per_second
    )
}

/// Formats a byte count with a binary unit.
fn human_bytes(bytes: u64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", units[unit])
    }
}

/// Creates a table of the given line style at the style's width.
pub(crate) fn new_table(style: Style, lines: TableStyle) -> Table {
    let mut table = Table::new();
    table.force_no_tty();
    table.load_style(lines);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(style.width.unwrap_or(120));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Style = Style {
        color: false,
        width: Some(80),
    };

    #[test]
    fn bars_are_proportional() {
        assert_eq!(bar(10, 10).chars().count(), 40);
        assert_eq!(bar(5, 10).chars().count(), 20);
        assert_eq!(bar(1, 1000).chars().count(), 1);
        assert_eq!(bar(0, 10), "");
    }

    #[test]
    fn highlights_only_with_colour() {
        assert_eq!(
            highlight("oil prices", &[Range { start: 0, end: 3 }], PLAIN),
            "oil prices"
        );
        let coloured = Style {
            color: true,
            width: None,
        };
        assert_eq!(
            highlight("oil prices", &[Range { start: 0, end: 3 }], coloured),
            "\x1b[1;33moil\x1b[0m prices"
        );
    }

    #[test]
    fn facets_render_as_tables_with_bars_for_dates() {
        let facets = vec![(
            "date:year".to_string(),
            vec![
                FacetCount::new("2023".into(), 1),
                FacetCount::new("2024".into(), 2),
            ],
        )];
        let mut out = Vec::new();
        write_facets(&mut out, &facets, PLAIN).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("2023"), "{text}");
        let bar_2024 = text.lines().find(|line| line.contains("2024")).unwrap();
        assert_eq!(bar_2024.matches('█').count(), 40, "{text}");
    }

    #[test]
    fn summarises_an_ingest() {
        let report = IngestReport {
            read: 3,
            indexed: 2,
            skipped: 1,
            seconds: 0.5,
            articles_per_second: 4.0,
            ..IngestReport::default()
        };
        assert_eq!(
            ingest_summary(&report),
            "done: read 3, indexed 2 (0 replaced), unchanged 0, skipped 1, warnings 0 in 0.50s (4 articles/s)"
        );
        assert_eq!(human_bytes(2048), "2.0 KiB");
    }
}
