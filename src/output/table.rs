//! Human-readable tables: the [`Style`] every table is drawn in and the
//! [`View`] of hits; each facet as a small table, date facets with a bar
//! per bucket and the empty buckets between the first and the last, and
//! country codes with their names beside them (`EC Ecuador`); index
//! statistics; and the one-line ingest summary. The hits of a query are
//! drawn by [`super::hits`].

use std::io::Write;

use comfy_table::TableStyle;
use comfy_table::presets::NOTHING;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};
use unicode_width::UnicodeWidthStr;

use super::{count_of, count_with_words};
use crate::enrich::gazetteer::country_name;
use crate::facets::{self, FacetCount, FacetKind};
use crate::kinds::Kind;
use crate::operations::stats::IndexStats;
use crate::pipeline::IngestReport;

/// How to draw tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether to use bold and colour.
    pub color: bool,
    /// The width to fit, when known.
    pub width: Option<u16>,
    /// How to lay out the hits.
    pub view: View,
}

/// How hits are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// A table row per hit with its snippet, countries and entities.
    #[default]
    Full,
    /// One line per hit: date, id, title and top entities, cut to the width.
    Compact,
}

/// The width tables fit when the caller knows none (output to a file or a
/// pipe).
const DEFAULT_WIDTH: u16 = 120;

/// Plain tables 80 columns wide: the style unit tests draw in.
#[cfg(test)]
pub(crate) const PLAIN: Style = Style {
    color: false,
    width: Some(80),
    view: View::Full,
};

/// The widest a date-facet bar gets, in characters.
const BAR_WIDTH: u64 = 40;

/// Writes each facet as a small table; date facets get a bar per bucket.
pub fn write_facets(
    out: &mut dyn Write,
    facets: &[(String, Vec<FacetCount>)],
    style: Style,
) -> std::io::Result<()> {
    for (name, given_counts) in facets {
        writeln!(out)?;
        let kind = facets::parse_facet(name).map(|facet| facet.kind).ok();
        let date_unit = match kind {
            Some(FacetKind::Date(unit)) => Some(unit),
            _ => None,
        };
        let counts_countries = match kind {
            Some(FacetKind::Field(field) | FacetKind::Significant(field)) => {
                is_country_field(field)
            }
            _ => false,
        };
        let is_date = date_unit.is_some();
        let counts = match date_unit {
            Some(unit) => facets::with_empty_buckets(given_counts, unit),
            None => given_counts.clone(),
        };
        let is_significant = counts.iter().any(|count| count.score.is_some());
        let mut header = vec![name.clone(), "count".to_string()];
        let mut right = vec![false, true];
        if is_date {
            header.push(String::new());
            right.push(false);
        }
        if is_significant {
            header.extend(["in index".to_string(), "score".to_string()]);
            right.extend([true, true]);
        }
        let largest = counts.iter().map(|count| count.count).max().unwrap_or(0);
        let mut rows = Vec::with_capacity(counts.len().max(1));
        for count in &counts {
            let value = match counts_countries {
                true => with_country_name(&count.value),
                false => count.value.clone(),
            };
            let mut row = vec![value, count.count.to_string()];
            if is_date {
                row.push(bar(count.count, largest));
            }
            if let (Some(background), Some(score)) = (count.background, count.score) {
                row.push(background.to_string());
                row.push(format!("{score:.3}"));
            }
            rows.push(row);
        }
        if counts.is_empty() {
            rows.push(vec!["(none)".to_string(), String::new()]);
        }
        write_columns(out, &header, &rows, &right, style)?;
    }
    Ok(())
}

/// The cells as a comfy-table table without lines, wrapped to the width.
fn comfy_table_of(header: &[String], rows: &[Vec<String>], right: &[bool], style: Style) -> Table {
    let mut table = new_table(style, NOTHING);
    table.set_header(header);
    for row in rows {
        let cells = row.iter().zip(right).map(|(text, right)| match right {
            true => Cell::new(text).set_alignment(CellAlignment::Right),
            false => Cell::new(text),
        });
        table.add_row(cells.collect::<Vec<Cell>>());
    }
    table
}

/// Writes a table without lines, as comfy-table draws one with the
/// `NOTHING` preset: each cell a space either side of its text, padded to
/// its column's width. A table wider than the width to fit is left to
/// comfy-table, which wraps its cells. Drawing a date facet of 600 months
/// with comfy-table took 8.4M instructions, 8 % of a four-facet query at
/// 800,000 articles; laid out here, a few hundred per row.
fn write_columns(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
    right: &[bool],
    style: Style,
) -> std::io::Result<()> {
    debug_assert_eq!(header.len(), right.len(), "an alignment for each column");
    debug_assert!(
        rows.iter().all(|row| row.len() <= header.len()),
        "no cell past the header"
    );
    // comfy-table gives an empty column one character.
    let mut widths: Vec<usize> = header.iter().map(|cell| cell.width().max(1)).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let total: usize = widths.iter().map(|width| width + 2).sum();
    if total > usize::from(style.width.unwrap_or(DEFAULT_WIDTH)) {
        let table = comfy_table_of(header, rows, right, style);
        return writeln!(out, "{table}");
    }
    let mut line = String::with_capacity(total + 1);
    // The header is aligned left, as comfy-table aligns a header's cells.
    let lines =
        std::iter::once((header, false)).chain(rows.iter().map(|row| (row.as_slice(), true)));
    for (row, aligned) in lines {
        line.clear();
        for (column, width) in widths.iter().enumerate() {
            let cell = row.get(column).map_or("", String::as_str);
            let padding = std::iter::repeat_n(' ', width - cell.width());
            line.push(' ');
            match aligned && right[column] {
                true => {
                    line.extend(padding);
                    line.push_str(cell);
                }
                false => {
                    line.push_str(cell);
                    line.extend(padding);
                }
            }
            line.push(' ');
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Tells whether a field holds country codes.
fn is_country_field(field: &str) -> bool {
    matches!(
        Kind::from_field(field),
        Some(Kind::Country | Kind::CountryMentioned)
    )
}

/// A country code with its name beside it (`EC Ecuador`), or the code
/// alone when the country table does not know it.
fn with_country_name(code: &str) -> String {
    match country_name(code) {
        Some(name) => format!("{code} {name}"),
        None => code.to_string(),
    }
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
    let near_copies = match stats.near_copies {
        Some(near) => format!(
            "{} in {}",
            count_of(near.articles, "article"),
            count_with_words(near.stories, "story", "stories")
        ),
        None => dash(),
    };
    table.add_row(vec!["near copies".to_string(), near_copies]);
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
    let counts = format!(
        "{verb} read {}, indexed {} ({} replaced), duplicates {}, unchanged {}, skipped {}, warnings {} in {:.2}s",
        report.read,
        report.indexed,
        report.replaced,
        report.duplicates,
        report.unchanged,
        report.skipped,
        report.warnings,
        report.seconds,
    );
    match ingest_rate(report) {
        Some(rate) => format!("{counts} ({rate})"),
        None => counts,
    }
}

/// The pace of an ingest: articles indexed a second when it indexed any,
/// else articles read a second (a re-ingest that found everything
/// unchanged), else none.
fn ingest_rate(report: &IngestReport) -> Option<String> {
    if report.indexed > 0 {
        return Some(format!("{:.0} articles/s", report.articles_per_second));
    }
    if report.read > 0 && report.seconds > 0.0 {
        let read_per_second = report.read as f64 / report.seconds;
        return Some(format!("{read_per_second:.0} read/s"));
    }
    None
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
    table.set_width(style.width.unwrap_or(DEFAULT_WIDTH));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional() {
        assert_eq!(bar(10, 10).chars().count(), 40);
        assert_eq!(bar(5, 10).chars().count(), 20);
        assert_eq!(bar(1, 1000).chars().count(), 1);
        assert_eq!(bar(0, 10), "");
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

    /// The table comfy-table draws of the same cells.
    fn drawn_by_comfy_table(header: &[String], rows: &[Vec<String>], right: &[bool]) -> String {
        format!("{}\n", comfy_table_of(header, rows, right, PLAIN))
    }

    #[test]
    fn columns_are_laid_out_as_comfy_table_draws_them() {
        let cells = |cells: &[&str]| cells.iter().map(|cell| cell.to_string()).collect();
        let header: Vec<String> = cells(&["significant:person", "count", "", "in index", "score"]);
        let rows: Vec<Vec<String>> = vec![
            cells(&["Zürich Ölwerke", "12", "███", "140", "0.512"]),
            cells(&["Li Shangfu", "3", "", "9", "12.000"]),
            cells(&["(none)", ""]),
        ];
        let right = [false, true, false, true, true];
        let mut out = Vec::new();
        write_columns(&mut out, &header, &rows, &right, PLAIN).unwrap();
        let laid_out = String::from_utf8(out).unwrap();
        assert_eq!(laid_out, drawn_by_comfy_table(&header, &rows, &right));
        let long: Vec<Vec<String>> = vec![cells(&[&"Organization ".repeat(8), "1"])];
        let mut out = Vec::new();
        write_columns(&mut out, &header[..2], &long, &right[..2], PLAIN).unwrap();
        let wrapped = String::from_utf8(out).unwrap();
        assert!(
            wrapped.lines().all(|line| line.chars().count() <= 80),
            "a table wider than the width is wrapped: {wrapped}"
        );
    }

    #[test]
    fn country_facets_name_each_country_beside_its_code() {
        let counts = vec![
            FacetCount::new("EC".into(), 2),
            FacetCount::new("QQ".into(), 1),
        ];
        let facets = vec![
            ("country".to_string(), counts.clone()),
            ("significant:country_mentioned".to_string(), counts.clone()),
            ("organization".to_string(), counts),
        ];
        let mut out = Vec::new();
        write_facets(&mut out, &facets, PLAIN).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.matches(" EC Ecuador ").count(), 2, "{text}");
        let bare_codes = text
            .lines()
            .filter(|line| line.trim_start().starts_with("EC ") && !line.contains("Ecuador"));
        assert_eq!(bare_codes.count(), 1, "an organization is a name: {text}");
        assert_eq!(
            text.matches(" QQ ").count(),
            3,
            "unknown codes as they are: {text}"
        );
    }

    #[test]
    fn summarises_an_ingest() {
        let report = IngestReport {
            read: 2,
            indexed: 2,
            skipped: 1,
            seconds: 0.5,
            articles_per_second: 4.0,
            ..IngestReport::default()
        };
        assert_eq!(
            ingest_summary(&report),
            "done: read 2, indexed 2 (0 replaced), duplicates 0, unchanged 0, skipped 1, warnings 0 in 0.50s (4 articles/s)"
        );
        assert_eq!(human_bytes(2048), "2.0 KiB");
    }

    #[test]
    fn an_ingest_that_indexed_nothing_gives_the_pace_it_read_at_or_none() {
        let unchanged = IngestReport {
            read: 16_000,
            unchanged: 16_000,
            seconds: 2.0,
            ..IngestReport::default()
        };
        assert_eq!(
            ingest_summary(&unchanged),
            "done: read 16000, indexed 0 (0 replaced), duplicates 0, unchanged 16000, skipped 0, warnings 0 in 2.00s (8000 read/s)"
        );
        let nothing = IngestReport {
            skipped: 1,
            seconds: 0.25,
            ..IngestReport::default()
        };
        assert_eq!(
            ingest_summary(&nothing),
            "done: read 0, indexed 0 (0 replaced), duplicates 0, unchanged 0, skipped 1, warnings 0 in 0.25s"
        );
    }
}
