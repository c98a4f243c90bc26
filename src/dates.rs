//! Every date form newsdex accepts, turned into UTC; the day bounds used
//! by `--from` and `--to`; and the one conversion between chrono's dates
//! and the index's ([`to_index_date`], [`from_index_date`]).
//!
//! Accepted forms, tried in this order (a date without a time is midnight
//! UTC, a time without an offset is UTC):
//!
//! | form | example |
//! |---|---|
//! | RFC 3339 | `2024-10-14T08:00:00+02:00`, `2024-10-14T08:00:00Z` |
//! | RFC 2822 | `Mon, 14 Oct 2024 08:00:00 +0200` |
//! | ISO day, optionally with a time | `2024-10-14`, `2024-10-14 08:00:00` |
//! | slashed day | `2024/10/14` |
//! | compact, as GDELT writes it | `20241014T083000Z` |
//! | Reuters | `26-FEB-1987 15:01:01.79`, also with the trailing desk codes or comment the Reuters-21578 files carry (`27-MAR-1987 00:02:59.13RM`, `... # date added`) |
//! | day month year | `14 Oct 2024`, `14 October 2024` |
//! | month day, year | `October 14, 2024`, `Oct 14 2024` |
//!
//! `--from` and `--to` also take a year or a month (`2024`, `2024-10`, the
//! forms the date facets print): `--from` means its first day, `--to` its
//! last. In the query text, a `date:` range may give plain days
//! (`date:[2024-01-01 TO 2024-06-30]`), which [`rewrite_date_ranges`] turns
//! into the RFC 3339 instants tantivy's parser wants, an inclusive end
//! taking in its whole day.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Date-and-time layouts without an offset, read as UTC.
const DATE_TIME_LAYOUTS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y%m%dT%H%M%SZ",
    "%Y%m%dT%H%M%S",
];

/// Day layouts, read as midnight UTC.
const DAY_LAYOUTS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d-%b-%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%b. %d, %Y",
];

/// Parses a date in any accepted form into UTC, or `None`.
pub fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    if let Ok(date_time) = DateTime::parse_from_rfc3339(text) {
        return Some(date_time.with_timezone(&Utc));
    }
    if let Ok(date_time) = DateTime::parse_from_rfc2822(text) {
        return Some(date_time.with_timezone(&Utc));
    }
    for layout in DATE_TIME_LAYOUTS {
        if let Ok(date_time) = NaiveDateTime::parse_from_str(text, layout) {
            return Some(Utc.from_utc_datetime(&date_time));
        }
    }
    if let Some(date_time) = parse_reuters_with_codes(text) {
        return Some(date_time);
    }
    let day = parse_day(text)?;
    Some(Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)))
}

/// The Reuters layout, which the Reuters-21578 files sometimes follow with
/// desk codes (`RM`, `C G T M`) or a `#` comment.
const REUTERS_LAYOUT: &str = "%d-%b-%Y %H:%M:%S%.f";

/// Parses the Reuters form followed by desk codes (words of one or two
/// capitals) or a `#` comment; anything else after the date is refused, so
/// a title after a date is never swallowed.
fn parse_reuters_with_codes(text: &str) -> Option<DateTime<Utc>> {
    let (date_time, rest) = NaiveDateTime::parse_and_remainder(text, REUTERS_LAYOUT).ok()?;
    let rest = rest.trim_start();
    let is_comment = rest.starts_with('#');
    let is_codes = rest.split_whitespace().all(|code| {
        code.len() <= 2 && code.chars().all(|character| character.is_ascii_uppercase())
    });
    (is_comment || is_codes).then(|| Utc.from_utc_datetime(&date_time))
}

/// Parses a date in any day form (`2024-10-14`, `14 Oct 2024`...), or `None`.
fn parse_day(text: &str) -> Option<NaiveDate> {
    for layout in DAY_LAYOUTS {
        if let Ok(day) = NaiveDate::parse_from_str(text, layout) {
            return Some(day);
        }
    }
    None
}

/// The first year an index can hold. tantivy keeps dates as nanoseconds
/// in an `i64`, which spans 1677-09-21 to 2262-04-11; newsdex keeps the
/// whole years inside.
pub const FIRST_YEAR: i32 = 1678;

/// The last year an index can hold (see [`FIRST_YEAR`]).
pub const LAST_YEAR: i32 = 2261;

/// Tells whether an index can hold a date.
pub fn is_storable(date: &DateTime<Utc>) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&date.year())
}

/// Brings a date into the years an index can hold: a `--from` before them
/// or a `--to` after them then means every article.
fn clamp_to_storable(date: DateTime<Utc>) -> DateTime<Utc> {
    let year = date.year().clamp(FIRST_YEAR, LAST_YEAR);
    if year == date.year() {
        return date;
    }
    let day = match year == FIRST_YEAR {
        true => NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1),
        false => NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31),
    };
    let day = day.unwrap_or_default();
    Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))
}

/// Parses a whole year (`2024`) or month (`2024-10`) into its first and
/// last day, or `None`.
fn parse_period(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let text = text.trim();
    let is_year = text.len() == 4 && text.bytes().all(|byte| byte.is_ascii_digit());
    if is_year {
        let year = text.parse().ok()?;
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        return Some((first, NaiveDate::from_ymd_opt(year, 12, 31)?));
    }
    let first = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok()?;
    let is_month = text.len() == 7;
    if !is_month {
        return None;
    }
    let next_month = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next_month.pred_opt()?))
}

/// Returns the first second of the day a `--from` value names; a year or a
/// month names its first day.
pub fn start_of_day(text: &str) -> Option<DateTime<Utc>> {
    let day = match parse_period(text) {
        Some((first, _)) => first,
        None => parse_date(text)?.date_naive(),
    };
    let start = Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN));
    Some(clamp_to_storable(start))
}

/// Returns the first second after the day a `--to` value names, so that
/// `--to` includes its whole day; a year or a month names its last day.
pub fn end_of_day(text: &str) -> Option<DateTime<Utc>> {
    let day = match parse_period(text) {
        Some((_, last)) => last,
        None => parse_date(text)?.date_naive(),
    };
    let last_day = clamp_to_storable(Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)));
    let next_day = last_day.date_naive().succ_opt()?;
    Some(Utc.from_utc_datetime(&next_day.and_time(NaiveTime::MIN)))
}

/// Parses an IANA time zone name (`Europe/Paris`, `UTC`).
pub fn parse_time_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

/// Parses a span of time (`--collapse-window`) into seconds: a whole
/// number of hours, days or weeks (`36h`, `3d`, `2w`); a plain number is
/// days.
pub fn parse_span(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, unit_seconds) = match text.char_indices().last()? {
        (at, 'h') => (&text[..at], 3600),
        (at, 'd') => (&text[..at], 24 * 3600),
        (at, 'w') => (&text[..at], 7 * 24 * 3600),
        _ => (text, 24 * 3600),
    };
    let number: i64 = number.trim().parse().ok().filter(|number| *number >= 0)?;
    number.checked_mul(unit_seconds)
}

/// Reads the wall time of a UTC instant as a wall time in a zone: the
/// first second of a day computed in UTC becomes that day's first second
/// in the zone (`2024-10-14T00:00:00Z` in `Europe/Paris` is
/// `2024-10-13T22:00:00Z`). A wall time a zone skips (a spring-forward
/// hour) takes the next one that exists.
pub fn in_zone(bound: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let wall = bound.naive_utc();
    let mut candidate = wall;
    for _ in 0..4 {
        if let Some(local) = zone.from_local_datetime(&candidate).earliest() {
            return local.with_timezone(&Utc);
        }
        candidate += chrono::Duration::minutes(30);
    }
    bound
}

/// The day number (days since 1970-01-01) of an instant's date in a zone.
pub fn local_day_number(timestamp_seconds: i64, zone: Tz) -> Option<i64> {
    let instant = DateTime::from_timestamp(timestamp_seconds, 0)?;
    let local = instant.with_timezone(&zone).date_naive();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some(local.signed_duration_since(epoch).num_days())
}

/// The time that makes a plain day its first second, in RFC 3339.
const FIRST_SECOND: &str = "T00:00:00Z";

/// The time that makes a plain day its last second, in RFC 3339.
const LAST_SECOND: &str = "T23:59:59Z";

/// Rewrites the plain days (`2024-01-01`) in the `date:` ranges of a query
/// text as RFC 3339 instants, so that a day in a range means the whole day:
/// an included start (`[`) or an excluded end (`}`) is its first second, an
/// excluded start (`{`) or an included end (`]`) its last. Anything else
/// is left as written, for tantivy's parser to judge.
pub fn rewrite_date_ranges(query: &str) -> String {
    let mut rewritten = String::with_capacity(query.len());
    let mut rest = query;
    while let Some(found) = rest.find("date:") {
        let (before, from_field) = rest.split_at(found + "date:".len());
        rewritten.push_str(before);
        rest = from_field;
        let field_start = &before[..found];
        let is_other_field = field_start
            .chars()
            .last()
            .is_some_and(|character| character.is_alphanumeric() || character == '_');
        if is_other_field {
            continue;
        }
        let opens = rest.starts_with('[') || rest.starts_with('{');
        let Some(close) = rest.find([']', '}']).filter(|_| opens) else {
            continue;
        };
        let inner = &rest[1..close];
        let Some((low, high)) = inner.split_once(" TO ") else {
            continue;
        };
        let start_included = rest.starts_with('[');
        let start_time = if start_included {
            FIRST_SECOND
        } else {
            LAST_SECOND
        };
        let end_included = rest[close..].starts_with(']');
        let end_time = if end_included {
            LAST_SECOND
        } else {
            FIRST_SECOND
        };
        rewritten.push_str(&rest[..1]);
        rewritten.push_str(&with_time(low, start_time));
        rewritten.push_str(" TO ");
        rewritten.push_str(&with_time(high, end_time));
        rest = &rest[close..];
    }
    rewritten.push_str(rest);
    rewritten
}

/// A plain day with the given time appended; anything else as it is.
fn with_time(bound: &str, time: &str) -> String {
    let trimmed = bound.trim();
    let is_plain_day =
        trimmed.len() == 10 && NaiveDate::parse_from_str(trimmed, "%Y-%m-%d").is_ok();
    match is_plain_day {
        true => format!("{trimmed}{time}"),
        false => bound.to_string(),
    }
}

/// Converts a date into the form the index stores: whole seconds, which is
/// the precision of the schema's date fields.
pub fn to_index_date(date: DateTime<Utc>) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_secs(date.timestamp())
}

/// Converts a date read from the index back into UTC, or `None` when
/// chrono cannot hold it.
pub fn from_index_date(date: tantivy::DateTime) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(date.into_timestamp_secs(), 0)
}

/// Formats a date as the day form used in output (`2024-10-14`).
pub fn format_day(date: DateTime<Utc>) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn parses_every_documented_form() {
        let cases = [
            ("2024-10-14", "2024-10-14T00:00:00Z"),
            ("2024-10-14T08:30:00Z", "2024-10-14T08:30:00Z"),
            ("2024-10-14T08:30:00+02:00", "2024-10-14T06:30:00Z"),
            ("Mon, 14 Oct 2024 08:00:00 +0200", "2024-10-14T06:00:00Z"),
            ("14 Oct 2024", "2024-10-14T00:00:00Z"),
            ("14 October 2024", "2024-10-14T00:00:00Z"),
            ("October 14, 2024", "2024-10-14T00:00:00Z"),
            ("Oct 14, 2024", "2024-10-14T00:00:00Z"),
            ("2024/10/14", "2024-10-14T00:00:00Z"),
            ("2024-10-14 08:00:00", "2024-10-14T08:00:00Z"),
            ("20241014T083000Z", "2024-10-14T08:30:00Z"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.790Z"),
            ("27-MAR-1987 00:02:59.13RM", "1987-03-27T00:02:59.130Z"),
            ("27-MAR-1987 00:02:59.13C G T M", "1987-03-27T00:02:59.130Z"),
            (
                "9-APR-1987 10:12:41.71    # date added",
                "1987-04-09T10:12:41.710Z",
            ),
            ("  2024-10-14  ", "2024-10-14T00:00:00Z"),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_date(input), Some(utc(expected)), "input {input:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for input in [
            "",
            "next Tuesday",
            "2024-13-01",
            "2024-02-30",
            "14",
            "Oct 2024x",
        ] {
            assert_eq!(parse_date(input), None, "input {input:?}");
        }
    }

    #[test]
    fn day_bounds_cover_the_whole_day() {
        assert_eq!(
            start_of_day("2024-10-14"),
            Some(utc("2024-10-14T00:00:00Z"))
        );
        assert_eq!(end_of_day("2024-10-14"), Some(utc("2024-10-15T00:00:00Z")));
        assert_eq!(end_of_day("2024-12-31"), Some(utc("2025-01-01T00:00:00Z")));
        assert_eq!(end_of_day("soon"), None);
    }

    #[test]
    fn a_year_or_a_month_bounds_from_its_first_to_its_last_day() {
        assert_eq!(start_of_day("2024-10"), Some(utc("2024-10-01T00:00:00Z")));
        assert_eq!(end_of_day("2024-10"), Some(utc("2024-11-01T00:00:00Z")));
        assert_eq!(end_of_day("2024-02"), Some(utc("2024-03-01T00:00:00Z")));
        assert_eq!(start_of_day("2024"), Some(utc("2024-01-01T00:00:00Z")));
        assert_eq!(end_of_day("2024"), Some(utc("2025-01-01T00:00:00Z")));
        assert_eq!(start_of_day("2024-13"), None);
        assert_eq!(start_of_day("202"), None);
        assert_eq!(parse_date("2024-10"), None, "articles still need a day");
    }

    #[test]
    fn date_ranges_in_queries_take_plain_days() {
        assert_eq!(
            rewrite_date_ranges("oil AND date:[2024-01-01 TO 2024-06-30]"),
            "oil AND date:[2024-01-01T00:00:00Z TO 2024-06-30T23:59:59Z]"
        );
        assert_eq!(
            rewrite_date_ranges("date:{2024-01-01 TO 2024-07-01}"),
            "date:{2024-01-01T23:59:59Z TO 2024-07-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite_date_ranges("date:[* TO 2024-06-30T12:00:00Z]"),
            "date:[* TO 2024-06-30T12:00:00Z]"
        );
        assert_eq!(rewrite_date_ranges("update:x date:"), "update:x date:");
        assert_eq!(
            rewrite_date_ranges("update:[2024-01-01 TO 2024-06-30]"),
            "update:[2024-01-01 TO 2024-06-30]"
        );
        assert_eq!(rewrite_date_ranges("\"oil\""), "\"oil\"");
    }

    #[test]
    fn index_dates_keep_whole_seconds_both_ways() {
        let date = utc("2024-10-14T06:00:00.750Z");
        let stored = to_index_date(date);
        assert_eq!(stored.into_timestamp_secs(), 1_728_885_600);
        assert_eq!(from_index_date(stored), Some(utc("2024-10-14T06:00:00Z")));
    }

    #[test]
    fn formats_days_as_iso() {
        assert_eq!(format_day(utc("1987-02-26T15:01:01Z")), "1987-02-26");
    }

    #[test]
    fn only_the_years_an_index_can_hold_are_storable_and_query_bounds_are_clamped() {
        assert!(is_storable(&utc("1678-01-01T00:00:00Z")));
        assert!(is_storable(&utc("2261-12-31T23:59:59Z")));
        assert!(!is_storable(&parse_date("0001-01-01").unwrap()));
        assert!(!is_storable(&parse_date("9999-12-31").unwrap()));
        assert_eq!(
            start_of_day("0001-01-01"),
            Some(utc("1678-01-01T00:00:00Z"))
        );
        assert_eq!(end_of_day("9999-12-31"), Some(utc("2262-01-01T00:00:00Z")));
        assert_eq!(
            start_of_day("1987-03-03"),
            Some(utc("1987-03-03T00:00:00Z"))
        );
    }

    #[test]
    fn days_are_read_in_a_time_zone() {
        let paris = parse_time_zone("Europe/Paris").unwrap();
        assert!(parse_time_zone("Mars/Olympus").is_none());
        let midnight = start_of_day("2024-10-14").unwrap();
        assert_eq!(
            in_zone(midnight, paris).to_rfc3339(),
            "2024-10-13T22:00:00+00:00"
        );
        let winter = start_of_day("2024-01-15").unwrap();
        assert_eq!(
            in_zone(winter, paris).to_rfc3339(),
            "2024-01-14T23:00:00+00:00"
        );
        let late_sunday = parse_date("2024-10-13T23:30:00Z").unwrap().timestamp();
        let monday = local_day_number(late_sunday, paris).unwrap();
        assert_eq!(monday, local_day_number(late_sunday, Tz::UTC).unwrap() + 1);
    }

    #[test]
    fn spans_are_hours_days_or_weeks() {
        assert_eq!(parse_span("36h"), Some(36 * 3600));
        assert_eq!(parse_span("3d"), Some(3 * 86400));
        assert_eq!(parse_span(" 2w "), Some(14 * 86400));
        assert_eq!(parse_span("5"), Some(5 * 86400));
        assert_eq!(parse_span("0d"), Some(0));
        for wrong in ["", "d", "-1d", "3x", "1.5d", "3 days"] {
            assert_eq!(parse_span(wrong), None, "{wrong}");
        }
    }
}
