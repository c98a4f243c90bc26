//! Human-readable output: a table of hits (date, title and snippet,
//! countries, top entities), or in the compact view one line per hit (date,
//! id, title, top entities) cut to the width; then each facet as a small
//! table, date facets with a bar per bucket and the empty buckets between
//! the first and the last. Matched terms are bold and colour is used only
//! when the caller says the stream is a terminal.

use std::io::Write;
use std::ops::Range;

use comfy_table::TableStyle;
use comfy_table::presets::{NOTHING, UTF8_HORIZONTAL_ONLY};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use crate::dates;
use crate::facets::{self, FacetCount, FacetKind};
use crate::index::stats::IndexStats;
use crate::kinds::Kind;
use crate::pipeline::IngestReport;
use crate::query::collect::{Hit, SearchResult};
use crate::query::{Filters, SearchRequest};

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

/// How many entity names a compact line shows.
const COMPACT_ENTITIES_SHOWN: usize = 2;

/// The fewest characters of a title a compact line keeps before it cuts
/// the entities instead.
const COMPACT_TITLE_MIN: usize = 24;

/// The widest a date-facet bar gets, in characters.
const BAR_WIDTH: u64 = 40;

/// How many entity names a hit row shows.
const ENTITIES_SHOWN: usize = 4;

/// How many ids of a story's copies a table names.
const COPY_IDS_SHOWN: usize = 3;

const BOLD: &str = "\x1b[1m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// Writes a search result: a line with the count, the query and its
/// filters, then the hits, then the facets.
pub fn write_query(
    out: &mut dyn Write,
    request: &SearchRequest,
    result: &SearchResult,
    style: Style,
) -> std::io::Result<()> {
    let shown = describe_request(request);
    let first = request.offset + 1;
    let last = request.offset + result.hits.len();
    let counted = match result.total_stories {
        Some(stories) => format!("{} hits in {stories} stories", result.total_hits),
        None => format!("{} hits", result.total_hits),
    };
    let unit = if request.stories.collapse {
        " stories"
    } else {
        ""
    };
    match result.hits.len() {
        0 => writeln!(out, "{counted} for {shown}")?,
        _ => writeln!(out, "{counted} for {shown} (showing {first}-{last}{unit})")?,
    }
    if style.view == View::Compact {
        for hit in &result.hits {
            writeln!(out, "{}", compact_line(hit, style))?;
        }
    } else if !result.hits.is_empty() {
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

/// Names what a search asked for: the query (or `all articles`), then each
/// filter as its option would be written: `"oil" with --country NG --from
/// 2024-01-01`.
pub fn describe_request(request: &SearchRequest) -> String {
    let query = request.query.trim();
    let mut described = if query.is_empty() || query == "*" {
        "all articles".to_string()
    } else {
        format!("{query:?}")
    };
    let filters = describe_filters(&request.filters);
    if !filters.is_empty() {
        described.push_str(" with ");
        described.push_str(&filters.join(" "));
    }
    described
}

/// Each filter as `--flag value`, in the order of the options.
fn describe_filters(filters: &Filters) -> Vec<String> {
    let mut described = Vec::new();
    let mut add = |flag: &str, value: &str| {
        if value.contains(' ') {
            described.push(format!("--{flag} {value:?}"));
        } else {
            described.push(format!("--{flag} {value}"));
        }
    };
    for kind in Kind::ALL {
        let Some(filter) = kind.spec().filter else {
            continue;
        };
        for value in &filters.by_kind[kind] {
            add(filter.flag, value);
        }
    }
    for entity in &filters.entities {
        add("entity", entity);
    }
    for source in &filters.sources {
        add("source", source);
    }
    if let Some(from) = filters.from {
        add("from", &dates::format_day(from));
    }
    if let Some(until) = filters.until {
        // `until` is the first instant excluded: the last day is the one before.
        add(
            "to",
            &dates::format_day(until - chrono::Duration::seconds(1)),
        );
    }
    described
}

/// One hit on one line: date, id, title, then the first people and
/// organizations; the title, then the line, is cut to fit the width.
fn compact_line(hit: &Hit, style: Style) -> String {
    let date = hit.date.as_deref().unwrap_or("-         ");
    let lead = match hit.copies {
        Some(copies) if copies > 0 => format!("{date}  {} +{copies}  ", hit.id),
        _ => format!("{date}  {}  ", hit.id),
    };
    let mut names: Vec<&str> = Vec::new();
    for kind in [Kind::Person, Kind::Organization] {
        for name in &hit.entities[kind] {
            if names.len() < COMPACT_ENTITIES_SHOWN {
                names.push(name);
            }
        }
    }
    let tail = match names.is_empty() {
        true => String::new(),
        false => format!("  ({})", names.join(", ")),
    };
    let Some(width) = style.width else {
        return format!("{lead}{}{tail}", hit.title);
    };
    let width = usize::from(width);
    let room_beside_names = width.saturating_sub(lead.chars().count() + tail.chars().count());
    if room_beside_names >= COMPACT_TITLE_MIN.min(hit.title.chars().count()) {
        return format!("{lead}{}{tail}", cut(&hit.title, room_beside_names));
    }
    // Too narrow for the names beside a readable title: the title wins.
    cut(&format!("{lead}{}", hit.title), width)
}

/// The text cut to at most `limit` characters, ending with `…` when cut.
fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(limit.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

/// The title in bold, then the snippet with matched terms highlighted.
fn title_and_snippet(hit: &Hit, style: Style) -> String {
    let title = if style.color {
        format!("{BOLD}{}{RESET}", hit.title)
    } else {
        hit.title.clone()
    };
    let mut cell = title;
    if !hit.snippet.is_empty() {
        cell.push('\n');
        cell.push_str(&highlight(&hit.snippet, &hit.highlights, style));
    }
    if let Some(ids) = hit.copy_ids.as_ref().filter(|ids| !ids.is_empty()) {
        cell.push_str(&format!("\n{}", copies_line(ids)));
    }
    cell
}

/// The line under a story's first article naming its copies: `+ 3 copies:
/// a, b, c`, the first few ids and how many more.
fn copies_line(ids: &[String]) -> String {
    let noun = if ids.len() == 1 { "copy" } else { "copies" };
    let named: Vec<&str> = ids
        .iter()
        .take(COPY_IDS_SHOWN)
        .map(String::as_str)
        .collect();
    let more = match ids.len().saturating_sub(COPY_IDS_SHOWN) {
        0 => String::new(),
        more => format!(" and {more} more"),
    };
    format!("+ {} {noun}: {}{more}", ids.len(), named.join(", "))
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
    for (name, given_counts) in facets {
        writeln!(out)?;
        let mut table = new_table(style, NOTHING);
        let date_unit = match facets::parse_facet(name).map(|facet| facet.kind) {
            Ok(FacetKind::Date(unit)) => Some(unit),
            _ => None,
        };
        let is_date = date_unit.is_some();
        let counts = match date_unit {
            Some(unit) => facets::with_empty_buckets(given_counts, unit),
            None => given_counts.clone(),
        };
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
        for count in &counts {
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
    let near_copies = match stats.near_copies {
        Some(near) => format!("{} articles in {} stories", near.articles, near.stories),
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
    format!(
        "{verb} read {}, indexed {} ({} replaced), duplicates {}, unchanged {}, skipped {}, warnings {} in {:.2}s ({:.0} articles/s)",
        report.read,
        report.indexed,
        report.replaced,
        report.duplicates,
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
    table.set_width(style.width.unwrap_or(DEFAULT_WIDTH));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Style = Style {
        color: false,
        width: Some(80),
        view: View::Full,
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
            view: View::Full,
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

    fn hit(id: &str, title: &str) -> Hit {
        Hit {
            id: id.into(),
            score: None,
            date: Some("2024-10-14".into()),
            title: title.into(),
            snippet: String::new(),
            highlights: Vec::new(),
            source: None,
            url: None,
            entities: crate::article::Entities::default()
                .with(
                    Kind::Person,
                    &["Vladimir Putin", "Xi Jinping", "Li Shangfu"],
                )
                .with(Kind::Organization, &["BRICS"]),
            copies: None,
            copy_ids: None,
        }
    }

    #[test]
    fn compact_lines_fit_the_width() {
        let style = Style {
            view: View::Compact,
            width: Some(80),
            ..PLAIN
        };
        let long = hit("a1", "Putin hosts BRICS summit in Kazan as leaders gather");
        let line = compact_line(&long, style);
        assert_eq!(
            line,
            "2024-10-14  a1  Putin hosts BRICS summit in Kazan…  (Vladimir Putin, Xi Jinping)"
        );
        assert_eq!(line.chars().count(), 80);
        let narrow = Style {
            width: Some(60),
            ..style
        };
        assert_eq!(
            compact_line(&long, narrow),
            "2024-10-14  a1  Putin hosts BRICS summit in Kazan as leader…"
        );
        let short = hit("a2", "Summit");
        assert_eq!(
            compact_line(&short, style),
            "2024-10-14  a2  Summit  (Vladimir Putin, Xi Jinping)"
        );
        let unbounded = Style {
            width: None,
            ..style
        };
        assert!(compact_line(&long, unbounded).contains("leaders gather"));
    }

    #[test]
    fn the_header_names_the_filters() {
        let request = SearchRequest {
            query: "oil".into(),
            filters: Filters {
                by_kind: crate::article::Entities::default()
                    .with(Kind::Person, &["Tunde Bakare"])
                    .with(Kind::Country, &["NG"]),
                from: dates::start_of_day("2024-01-01"),
                until: dates::end_of_day("2024-06-30"),
                ..Filters::default()
            },
            ..SearchRequest::default()
        };
        assert_eq!(
            describe_request(&request),
            "\"oil\" with --person \"Tunde Bakare\" --country NG --from 2024-01-01 --to 2024-06-30"
        );
        assert_eq!(describe_request(&SearchRequest::default()), "all articles");
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
}
