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

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

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

/// Returns the first second of the day a `--from` value names.
pub fn start_of_day(text: &str) -> Option<DateTime<Utc>> {
    let day = clamp_to_storable(parse_date(text)?).date_naive();
    Some(Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN)))
}

/// Returns the first second after the day a `--to` value names, so that
/// `--to` includes its whole day.
pub fn end_of_day(text: &str) -> Option<DateTime<Utc>> {
    let next_day = clamp_to_storable(parse_date(text)?)
        .date_naive()
        .succ_opt()?;
    Some(Utc.from_utc_datetime(&next_day.and_time(NaiveTime::MIN)))
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
}
