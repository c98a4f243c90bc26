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
//! | the US order with a 12-hour time | `Dec 16 2023 02:02:33 PM`, `Dec 16 2023 02:02 PM` |
//! | as publishing systems write them | `2017-11-03 03:01:00.000000` (microseconds), `2017-11-16T14:15+0000` (an offset without a colon, a time without seconds) |
//!
//! A leading weekday (`Sat,`) is dropped, and day and month names in
//! French, German, Spanish, Italian, Portuguese and Dutch are read as
//! their English abbreviations (`mer., 16 nov. 2022 00:38:15 +0100`,
//! `Do, 18 Mär 2023`), by [`names`].
//!
//! A year is written with four digits in every form without an offset
//! (`87-03-01` is no date, rather than the year 87).
//!
//! What a user types (`--from`, `--to`, the bounds of a query's `date:`
//! range) is read by [`parse_typed_days`], which is stricter and takes more:
//! a day in any form above, a month (`2023-03`, `March 2023`, `Mar 2023`)
//! or a year (`2023`), a month or a year meaning all its days: `--from`
//! its first, `--to` its last. Day and month written in numbers
//! (`03/01/2023`) are refused, since their order varies, with the ISO day
//! to type instead; anything else unread is refused with the accepted forms
//! ([`TYPED_FORMS`]). [`rewrite_date_ranges`] turns the typed bounds of a
//! `date:` range into the RFC 3339 instants tantivy's parser wants, an
//! inclusive end taking in its whole day.

mod names;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Date-and-time layouts with an offset that RFC 3339 and RFC 2822 do not
/// read: no colon in the offset, no seconds, microseconds (`%#z` takes
/// `+0000`, `+00:00` and `+00`).
const OFFSET_LAYOUTS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M%#z",
    "%Y-%m-%d %H:%M:%S%.f%#z",
    "%Y-%m-%d %H:%M:%S%.f %#z",
    "%Y-%m-%d %H:%M%#z",
    "%b %d %Y %I:%M:%S %p %#z",
    "%b %d %Y %I:%M %p %#z",
    "%d %b %Y %H:%M %#z",
];

/// Date-and-time layouts without an offset, read as UTC.
const DATE_TIME_LAYOUTS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%MZ",
    "%b %d %Y %I:%M:%S %p",
    "%b %d %Y %I:%M %p",
    "%b %d, %Y %I:%M:%S %p",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y %I:%M %p",
    "%d %b %Y %H:%M:%S",
    "%d %b %Y %H:%M",
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
    if let Some(date_time) = parse_as_written(text) {
        return Some(date_time);
    }
    let english = names::in_english(text)?;
    parse_as_written(&english)
}

/// Parses a date whose names are English, in any accepted form, or `None`.
fn parse_as_written(text: &str) -> Option<DateTime<Utc>> {
    if looks_like_reuters(text)
        && let Some(date_time) = parse_reuters_with_codes(text)
        && writes_year_in_full(text, date_time.year())
    {
        return Some(Utc.from_utc_datetime(&date_time));
    }
    if let Ok(date_time) = DateTime::parse_from_rfc3339(text) {
        return Some(date_time.with_timezone(&Utc));
    }
    if let Ok(date_time) = DateTime::parse_from_rfc2822(text) {
        return Some(date_time.with_timezone(&Utc));
    }
    for layout in OFFSET_LAYOUTS {
        if let Ok(date_time) = DateTime::parse_from_str(text, layout)
            && writes_year_in_full(text, date_time.year())
        {
            return Some(date_time.with_timezone(&Utc));
        }
    }
    let date_time = parse_naive_date_time(text)?;
    writes_year_in_full(text, date_time.year()).then(|| Utc.from_utc_datetime(&date_time))
}

/// Parses a date in a form without an offset (a layout, the Reuters form
/// or a day), or `None`; chrono reads a year of any number of digits.
fn parse_naive_date_time(text: &str) -> Option<NaiveDateTime> {
    for layout in DATE_TIME_LAYOUTS {
        if let Ok(date_time) = NaiveDateTime::parse_from_str(text, layout) {
            return Some(date_time);
        }
    }
    if let Some(date_time) = parse_reuters_with_codes(text) {
        return Some(date_time);
    }
    Some(parse_day(text)?.and_time(NaiveTime::MIN))
}

/// Tells whether a text writes a year with its four digits (`1987`, or
/// `0001` for the year 1), so that `87-03-01` or `March 1987` read as
/// `March 19, 87` are not taken for dates of the first century.
fn writes_year_in_full(text: &str, year: i32) -> bool {
    (0..=9999).contains(&year) && text.contains(&format!("{year:04}"))
}

/// Whether a text has the shape of the Reuters form (`26-FEB-1987 ...`,
/// `2-MAR-1987 ...`),
/// which is read first: a wire archive writes every date so, and trying
/// every other layout before it costs a corpus's ingest a few per cent.
fn looks_like_reuters(text: &str) -> bool {
    let bytes = text.as_bytes();
    let day_digits = bytes
        .iter()
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    let month = day_digits + 1;
    (1..=2).contains(&day_digits)
        && bytes.len() > month + 8
        && bytes[day_digits] == b'-'
        && bytes[month..month + 3].iter().all(u8::is_ascii_alphabetic)
        && bytes[month + 3] == b'-'
}

/// The Reuters layout, which the Reuters-21578 files sometimes follow with
/// desk codes (`RM`, `C G T M`) or a `#` comment.
const REUTERS_LAYOUT: &str = "%d-%b-%Y %H:%M:%S%.f";

/// Parses the Reuters form followed by desk codes (words of one or two
/// capitals) or a `#` comment; anything else after the date is refused, so
/// a title after a date is never swallowed.
fn parse_reuters_with_codes(text: &str) -> Option<NaiveDateTime> {
    let (date_time, rest) = NaiveDateTime::parse_and_remainder(text, REUTERS_LAYOUT).ok()?;
    let rest = rest.trim_start();
    let is_comment = rest.starts_with('#');
    let is_codes = rest.split_whitespace().all(|code| {
        code.len() <= 2 && code.chars().all(|character| character.is_ascii_uppercase())
    });
    (is_comment || is_codes).then_some(date_time)
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

/// The forms a typed date may take, as a refusal lists them.
pub const TYPED_FORMS: &str =
    "2023-03-01; 2023-03; 2023; March 2023; Mar 2023; 1 March 2023; March 1, 2023; 2023/03/01";

/// The days a typed date names: one day, or every day of a month or a
/// year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedDays {
    /// The first day named.
    pub first: NaiveDate,
    /// The last day named, the same as `first` for a day.
    pub last: NaiveDate,
}

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateRefusal {
    /// The text is in none of the accepted forms.
    Unreadable {
        /// The date as typed.
        text: String,
    },
    /// Day and month written in numbers (`03/01/2023`), whose order
    /// varies from country to country.
    DayMonthOrder {
        /// The date as typed.
        text: String,
        /// The days it can be, month first then day first, those that
        /// exist, without repeats.
        readings: Vec<NaiveDate>,
    },
}

impl DateRefusal {
    /// The date as typed.
    pub fn text(&self) -> &str {
        match self {
            DateRefusal::Unreadable { text } | DateRefusal::DayMonthOrder { text, .. } => text,
        }
    }

    /// What to type instead: the accepted forms, or the ISO day of each
    /// reading.
    pub fn hint(&self) -> String {
        match self {
            DateRefusal::Unreadable { .. } => {
                format!("write a day, a month or a year in one of these forms: {TYPED_FORMS}")
            }
            DateRefusal::DayMonthOrder { readings, .. } => {
                let mut choices = Vec::new();
                for day in readings {
                    let iso = day.format("%Y-%m-%d");
                    match readings.len() {
                        1 => choices.push(iso.to_string()),
                        _ => choices.push(format!("{iso} for {}", day.format("%-d %B"))),
                    }
                }
                format!(
                    "the order of day and month varies: write {}",
                    choices.join(" or ")
                )
            }
        }
    }
}

/// Month layouts, tried on the text with a first day put before it
/// (`1 March 2023`), since chrono makes dates of whole days only.
const MONTH_LAYOUTS: &[(&str, &str)] = &[
    ("%Y-%m-%d", "{}-01"),
    ("%Y/%m/%d", "{}/01"),
    ("%d %B %Y", "1 {}"),
    ("%d %b %Y", "1 {}"),
];

/// Parses a date a user typed (`--from`, `--to`, a `date:` range's bound)
/// into the days it names: a year (`2023`), a month (`2023-03`,
/// `March 2023`, `Mar 2023`) or a day in any form [`parse_date`] reads.
/// Day and month in numbers (`03/01/2023`) and anything unread are
/// refused.
pub fn parse_typed_days(text: &str) -> Result<TypedDays, DateRefusal> {
    let trimmed = text.trim();
    let unreadable = || DateRefusal::Unreadable {
        text: text.to_string(),
    };
    let is_year = trimmed.len() == 4 && trimmed.bytes().all(|byte| byte.is_ascii_digit());
    if is_year {
        let year = trimmed.parse().map_err(|_| unreadable())?;
        let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(unreadable)?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(unreadable)?;
        return Ok(TypedDays { first, last });
    }
    if let Some(first) = parse_month(trimmed) {
        let next_month = first
            .checked_add_months(chrono::Months::new(1))
            .ok_or_else(unreadable)?;
        let last = next_month.pred_opt().ok_or_else(unreadable)?;
        return Ok(TypedDays { first, last });
    }
    if let Some(readings) = day_month_readings(trimmed) {
        return Err(DateRefusal::DayMonthOrder {
            text: text.to_string(),
            readings,
        });
    }
    let day = parse_date(trimmed).ok_or_else(unreadable)?.date_naive();
    Ok(TypedDays {
        first: day,
        last: day,
    })
}

/// Parses a month in a [`MONTH_LAYOUTS`] form into its first day, or
/// `None`.
fn parse_month(text: &str) -> Option<NaiveDate> {
    for (layout, completion) in MONTH_LAYOUTS {
        let completed = completion.replace("{}", text);
        if let Ok(first) = NaiveDate::parse_from_str(&completed, layout)
            && writes_year_in_full(text, first.year())
        {
            return Some(first);
        }
    }
    None
}

/// The days that day and month written in numbers (`03/01/2023`,
/// `3.1.2023`, `03-01-2023`) can be, month first then day first, or `None`
/// when the text is not written so.
fn day_month_readings(text: &str) -> Option<Vec<NaiveDate>> {
    let separator = text.chars().find(|character| !character.is_ascii_digit())?;
    if !['/', '.', '-'].contains(&separator) {
        return None;
    }
    let parts: Vec<&str> = text.split(separator).collect();
    let [first, second, year] = parts[..] else {
        return None;
    };
    let is_number = |part: &str, digits: std::ops::RangeInclusive<usize>| {
        digits.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    };
    if !(is_number(first, 1..=2) && is_number(second, 1..=2) && is_number(year, 4..=4)) {
        return None;
    }
    let (first, second, year): (u32, u32, i32) = (
        first.parse().ok()?,
        second.parse().ok()?,
        year.parse().ok()?,
    );
    let mut readings = Vec::new();
    for (month, day) in [(first, second), (second, first)] {
        if let Some(reading) = NaiveDate::from_ymd_opt(year, month, day)
            && !readings.contains(&reading)
        {
            readings.push(reading);
        }
    }
    Some(readings).filter(|readings| !readings.is_empty())
}

/// The midnight (UTC) that starts a day.
fn midnight(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))
}

/// Returns the first second of the day a `--from` value names; a year or a
/// month names its first day.
pub fn start_of_day(text: &str) -> Result<DateTime<Utc>, DateRefusal> {
    let days = parse_typed_days(text)?;
    Ok(clamp_to_storable(midnight(days.first)))
}

/// Returns the first second after the day a `--to` value names, so that
/// `--to` includes its whole day; a year or a month names its last day.
pub fn end_of_day(text: &str) -> Result<DateTime<Utc>, DateRefusal> {
    let days = parse_typed_days(text)?;
    let last_day = clamp_to_storable(midnight(days.last)).date_naive();
    // The clamped last day is at most 2261-12-31, which has a next day.
    let next_day = last_day.succ_opt().unwrap_or(last_day);
    Ok(midnight(next_day))
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

/// The time that makes a day its first second, in RFC 3339.
const FIRST_SECOND: &str = "T00:00:00Z";

/// The time that makes a day its last second, in RFC 3339.
const LAST_SECOND: &str = "T23:59:59Z";

/// Which end of a `date:` range a bound is, and whether it is included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RangeEnd {
    /// `[DAY TO`: from the first second of the first day.
    IncludedStart,
    /// `{DAY TO`: from after the last second of the last day.
    ExcludedStart,
    /// `TO DAY]`: up to the last second of the last day.
    IncludedEnd,
    /// `TO DAY}`: up to before the first second of the first day.
    ExcludedEnd,
}

/// Rewrites the typed bounds (`2024-01-01`, `2024-01`, `March 2024`...) of
/// the `date:` ranges of a query text as RFC 3339 instants, so that a day,
/// a month or a year in a range means all its days: an included start
/// (`[`) or an excluded end (`}`) is the first second of its first day, an
/// excluded start (`{`) or an included end (`]`) the last second of its
/// last day. `*` and RFC 3339 instants are left as written; a bound in no
/// accepted form is refused as [`parse_typed_days`] refuses it.
pub fn rewrite_date_ranges(query: &str) -> Result<String, DateRefusal> {
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
        let start = match rest.starts_with('[') {
            true => RangeEnd::IncludedStart,
            false => RangeEnd::ExcludedStart,
        };
        let end = match rest[close..].starts_with(']') {
            true => RangeEnd::IncludedEnd,
            false => RangeEnd::ExcludedEnd,
        };
        rewritten.push_str(&rest[..1]);
        rewritten.push_str(&rewrite_bound(low, start)?);
        rewritten.push_str(" TO ");
        rewritten.push_str(&rewrite_bound(high, end)?);
        rest = &rest[close..];
    }
    rewritten.push_str(rest);
    Ok(rewritten)
}

/// One bound of a `date:` range as an RFC 3339 instant: `*` and instants
/// as they are, a typed day, month or year at the second its end takes.
fn rewrite_bound(bound: &str, end: RangeEnd) -> Result<String, DateRefusal> {
    let trimmed = bound.trim();
    if trimmed == "*" || DateTime::parse_from_rfc3339(trimmed).is_ok() {
        return Ok(bound.to_string());
    }
    let days = parse_typed_days(trimmed)?;
    let rewritten = match end {
        RangeEnd::IncludedStart => format!("{}{FIRST_SECOND}", days.first.format("%Y-%m-%d")),
        RangeEnd::ExcludedStart => format!("{}{LAST_SECOND}", days.last.format("%Y-%m-%d")),
        RangeEnd::IncludedEnd => format!("{}{LAST_SECOND}", days.last.format("%Y-%m-%d")),
        RangeEnd::ExcludedEnd => format!("{}{FIRST_SECOND}", days.first.format("%Y-%m-%d")),
    };
    Ok(rewritten)
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

/// Formats the day an instant falls on in a zone (UTC when `None`), so
/// that the bound of a day typed in that zone reads as the day typed.
pub fn format_day_in(date: DateTime<Utc>, zone: Option<Tz>) -> String {
    match zone {
        Some(zone) => date.with_timezone(&zone).format("%Y-%m-%d").to_string(),
        None => format_day(date),
    }
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
            ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00Z"),
            ("2017-11-16T14:15+0000", "2017-11-16T14:15:00Z"),
            ("2017-11-16T14:15:30+0100", "2017-11-16T13:15:30Z"),
            ("2017-11-16T14:15:30.250+0000", "2017-11-16T14:15:30.250Z"),
            ("2017-11-16 14:15:30 +0000", "2017-11-16T14:15:30Z"),
            ("2017-11-16T14:15", "2017-11-16T14:15:00Z"),
            ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z"),
            ("Fri, May 12 2023 09:30 AM", "2023-05-12T09:30:00Z"),
            ("mer, 16 nov 2022 00:38:15 +0100", "2022-11-15T23:38:15Z"),
            ("ven., 10 févr. 2023 09:00:00 +0100", "2023-02-10T08:00:00Z"),
            ("Do, 18 Mai 2023 11:20:00 +0200", "2023-05-18T09:20:00Z"),
            ("mié, 15 feb 2023 12:00:00 +0100", "2023-02-15T11:00:00Z"),
            ("lun, 4 dic 2023 07:15:00 +0100", "2023-12-04T06:15:00Z"),
            ("seg, 2 out 2023 16:20:00 +0100", "2023-10-02T15:20:00Z"),
            ("wo, 17 mei 2023 13:00:00 +0200", "2023-05-17T11:00:00Z"),
            ("Wed, 16 Nov 2022 00:38:15 +0100", "2022-11-15T23:38:15Z"),
            ("Thu, 16 Nov 2022 00:38:15 +0100", "2022-11-15T23:38:15Z"),
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
        assert_eq!(start_of_day("2024-10-14"), Ok(utc("2024-10-14T00:00:00Z")));
        assert_eq!(end_of_day("2024-10-14"), Ok(utc("2024-10-15T00:00:00Z")));
        assert_eq!(end_of_day("2024-12-31"), Ok(utc("2025-01-01T00:00:00Z")));
        assert!(end_of_day("soon").is_err());
    }

    #[test]
    fn a_year_or_a_month_bounds_from_its_first_to_its_last_day() {
        assert_eq!(start_of_day("2024-10"), Ok(utc("2024-10-01T00:00:00Z")));
        assert_eq!(end_of_day("2024-10"), Ok(utc("2024-11-01T00:00:00Z")));
        assert_eq!(end_of_day("2024-02"), Ok(utc("2024-03-01T00:00:00Z")));
        assert_eq!(start_of_day("2024"), Ok(utc("2024-01-01T00:00:00Z")));
        assert_eq!(end_of_day("2024"), Ok(utc("2025-01-01T00:00:00Z")));
        assert!(start_of_day("2024-13").is_err());
        assert!(start_of_day("202").is_err());
        assert_eq!(parse_date("2024-10"), None, "articles still need a day");
    }

    fn days(first: &str, last: &str) -> Result<TypedDays, DateRefusal> {
        let day = |text| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        Ok(TypedDays {
            first: day(first),
            last: day(last),
        })
    }

    #[test]
    fn typed_dates_name_exactly_their_days() {
        let cases = [
            ("2023-03-01", days("2023-03-01", "2023-03-01")),
            ("2023-03", days("2023-03-01", "2023-03-31")),
            ("2023/03", days("2023-03-01", "2023-03-31")),
            ("2024-02", days("2024-02-01", "2024-02-29")),
            ("2023", days("2023-01-01", "2023-12-31")),
            ("March 2023", days("2023-03-01", "2023-03-31")),
            ("march 2023", days("2023-03-01", "2023-03-31")),
            ("Mar 2023", days("2023-03-01", "2023-03-31")),
            (" Sep 1987 ", days("1987-09-01", "1987-09-30")),
            ("1 March 2023", days("2023-03-01", "2023-03-01")),
            ("March 1, 2023", days("2023-03-01", "2023-03-01")),
            ("2023/03/01", days("2023-03-01", "2023-03-01")),
            (
                "2023-03-01T23:30:00-02:00",
                days("2023-03-02", "2023-03-02"),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_typed_days(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn typed_dates_in_no_accepted_form_are_refused() {
        for input in [
            "",
            "87-03-01",
            "March 87",
            "19870301",
            "March",
            "1987-13",
            "1987-3-1x",
            "soon",
            "1 Marchh 2023",
            "2023-02-30",
        ] {
            assert_eq!(
                parse_typed_days(input),
                Err(DateRefusal::Unreadable {
                    text: input.to_string()
                }),
                "input {input:?}"
            );
        }
        let refusal = parse_typed_days("soon").unwrap_err();
        assert_eq!(
            refusal.hint(),
            "write a day, a month or a year in one of these forms: 2023-03-01; 2023-03; 2023; March 2023; Mar 2023; 1 March 2023; March 1, 2023; 2023/03/01"
        );
    }

    #[test]
    fn day_and_month_in_numbers_are_refused_with_each_iso_reading() {
        let hint = |text| parse_typed_days(text).unwrap_err().hint();
        assert_eq!(
            hint("03/01/2023"),
            "the order of day and month varies: write 2023-03-01 for 1 March or 2023-01-03 for 3 January"
        );
        assert_eq!(
            hint("3.1.2023"),
            "the order of day and month varies: write 2023-03-01 for 1 March or 2023-01-03 for 3 January"
        );
        assert_eq!(
            hint("25/12/2023"),
            "the order of day and month varies: write 2023-12-25"
        );
        assert_eq!(
            hint("12-25-2023"),
            "the order of day and month varies: write 2023-12-25"
        );
        assert_eq!(
            hint("04/04/2023"),
            "the order of day and month varies: write 2023-04-04"
        );
        assert!(matches!(
            parse_typed_days("31/31/2023"),
            Err(DateRefusal::Unreadable { .. })
        ));
    }

    #[test]
    fn a_year_must_be_written_with_four_digits() {
        assert_eq!(parse_date("87-03-01"), None);
        assert_eq!(
            parse_date("March 1987"),
            None,
            "not March 19 of the year 87"
        );
        assert_eq!(parse_date("26-FEB-87 15:01:01"), None);
        assert_eq!(parse_date("0987-03-01").map(|date| date.year()), Some(987));
    }

    #[test]
    fn date_ranges_in_queries_take_days_months_and_years() {
        let rewrite = |query| rewrite_date_ranges(query).unwrap();
        assert_eq!(
            rewrite("oil AND date:[2024-01-01 TO 2024-06-30]"),
            "oil AND date:[2024-01-01T00:00:00Z TO 2024-06-30T23:59:59Z]"
        );
        assert_eq!(
            rewrite("date:{2024-01-01 TO 2024-07-01}"),
            "date:{2024-01-01T23:59:59Z TO 2024-07-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite("date:[March 2024 TO 2024]"),
            "date:[2024-03-01T00:00:00Z TO 2024-12-31T23:59:59Z]"
        );
        assert_eq!(
            rewrite("date:{2024-02 TO 2024-04}"),
            "date:{2024-02-29T23:59:59Z TO 2024-04-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite("date:[* TO 2024-06-30T12:00:00Z]"),
            "date:[* TO 2024-06-30T12:00:00Z]"
        );
        assert_eq!(rewrite("update:x date:"), "update:x date:");
        assert_eq!(
            rewrite("update:[2024-01-01 TO 2024-06-30]"),
            "update:[2024-01-01 TO 2024-06-30]"
        );
        assert_eq!(rewrite("\"oil\""), "\"oil\"");
        assert_eq!(
            rewrite_date_ranges("date:[03/01/2024 TO *]")
                .unwrap_err()
                .text(),
            "03/01/2024"
        );
        assert!(rewrite_date_ranges("date:[87-03-01 TO *]").is_err());
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
    fn a_day_bounded_in_a_zone_is_written_as_that_zone_s_day() {
        let paris = parse_time_zone("Europe/Paris");
        let start = in_zone(start_of_day("1987-03-01").unwrap(), paris.unwrap());
        assert_eq!(format_day(start), "1987-02-28");
        assert_eq!(format_day_in(start, paris), "1987-03-01");
        assert_eq!(format_day_in(start, None), "1987-02-28");
    }

    #[test]
    fn only_the_years_an_index_can_hold_are_storable_and_query_bounds_are_clamped() {
        assert!(is_storable(&utc("1678-01-01T00:00:00Z")));
        assert!(is_storable(&utc("2261-12-31T23:59:59Z")));
        assert!(!is_storable(&parse_date("0001-01-01").unwrap()));
        assert!(!is_storable(&parse_date("9999-12-31").unwrap()));
        assert_eq!(start_of_day("0001-01-01"), Ok(utc("1678-01-01T00:00:00Z")));
        assert_eq!(end_of_day("9999-12-31"), Ok(utc("2262-01-01T00:00:00Z")));
        assert_eq!(start_of_day("1987-03-03"), Ok(utc("1987-03-03T00:00:00Z")));
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
