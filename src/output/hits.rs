//! The hits of a query for people: a line with the count, the query and
//! its filters, then a table of hits (date, title and snippet, countries,
//! top entities), or in the compact view one line per hit (date, id,
//! title, top entities) cut to the width, then the facets. Matched terms
//! are bold and colour is used only when the caller says the stream is a
//! terminal.

use std::io::Write;
use std::ops::Range;

use comfy_table::Cell;
use comfy_table::presets::UTF8_HORIZONTAL_ONLY;

use super::table::{Style, View, new_table, write_facets};
use super::{count_of, count_with_words};
use crate::dates;
use crate::kinds::Kind;
use crate::query::collect::{Hit, SearchResult};
use crate::query::{Filters, SearchRequest};

/// How many entity names a compact line shows.
const COMPACT_ENTITIES_SHOWN: usize = 2;

/// The fewest characters of a title a compact line keeps before it cuts
/// the entities instead.
const COMPACT_TITLE_MIN: usize = 24;

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
    let first = request.offset.saturating_add(1);
    let last = request.offset.saturating_add(result.hits.len());
    let hits = count_of(result.total_hits as u64, "hit");
    let counted = match result.total_stories {
        Some(stories) => {
            let stories = count_with_words(stories as u64, "story", "stories");
            format!("{hits} in {stories}")
        }
        None => hits,
    };
    let unit = match (request.stories.collapse, result.hits.len()) {
        (false, _) => "",
        (true, 1) => " story",
        (true, _) => " stories",
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
    // The bounds are instants; the days typed are the days they fall on in
    // the zone the days were read in.
    let zone = filters.time_zone;
    if let Some(from) = filters.from {
        add("from", &dates::format_day_in(from, zone));
    }
    if let Some(until) = filters.until {
        // `until` is the first instant excluded: the last day is the one before.
        let last_second = until - chrono::Duration::seconds(1);
        add("to", &dates::format_day_in(last_second, zone));
    }
    if let Some(zone) = zone {
        add("tz", zone.name());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::table::PLAIN;

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
                from: dates::start_of_day("2024-01-01").ok(),
                until: dates::end_of_day("2024-06-30").ok(),
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
    fn the_header_names_the_days_in_their_time_zone() {
        let tokyo = dates::parse_time_zone("Asia/Tokyo").unwrap();
        let bound = |instant: chrono::DateTime<chrono::Utc>| Some(dates::in_zone(instant, tokyo));
        let request = SearchRequest {
            filters: Filters {
                from: dates::start_of_day("2024-01-01").ok().and_then(bound),
                until: dates::end_of_day("2024-06-30").ok().and_then(bound),
                time_zone: Some(tokyo),
                ..Filters::default()
            },
            ..SearchRequest::default()
        };
        assert_eq!(
            describe_request(&request),
            "all articles with --from 2024-01-01 --to 2024-06-30 --tz Asia/Tokyo"
        );
    }
}
