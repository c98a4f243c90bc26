//! The facet vocabulary: the names `--facet` accepts, the index field each
//! one counts, how date buckets are written, and the order counts are shown
//! in.
//!
//! Date facets list every non-empty bucket in chronological order, written
//! `2024`, `2024-10` or `2024-10-14`; [`with_empty_buckets`] adds the empty
//! ones between the first and the last, for tables. Other facets list the `limit` largest
//! counts, ties broken by value ascending. [`count`] counts them over an
//! index.

pub mod count;
pub mod ordinals;
pub mod significant;

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, Weekday};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kinds::Kind;
use crate::schema::Fields;

/// The granularity of a date facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateUnit {
    /// `2024`
    Year,
    /// `2024-10`
    Month,
    /// `2024-10-14`
    Day,
    /// `2024-W42`: the ISO week, Monday to Sunday, numbered in the year
    /// that holds its Thursday.
    Week,
}

/// What a facet counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetKind {
    /// The values of a multi-valued string field, by field name.
    Field(&'static str),
    /// Article dates, bucketed.
    Date(DateUnit),
    /// The values of a string field over-represented among the matches
    /// ([`significant`]), by field name.
    Significant(&'static str),
}

/// A facet as requested: the name the user gave and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// The name as given, which keys the facet in the output.
    pub name: String,
    /// What is counted.
    pub kind: FacetKind,
}

/// The facets that count a string field besides the extracted kinds.
const OTHER_FIELD_FACETS: [&str; 1] = [Fields::SOURCE];

/// The date facets, by name.
const DATE_FACETS: [(&str, DateUnit); 4] = [
    ("date:year", DateUnit::Year),
    ("date:month", DateUnit::Month),
    ("date:week", DateUnit::Week),
    ("date:day", DateUnit::Day),
];

/// Every facet name `--facet` accepts, in the order lists show them: the
/// field of each extracted kind ([`Kind::LISTING_ORDER`]), `source`, then
/// the date facets.
pub static FACET_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut names = field_facets();
    for (name, _) in DATE_FACETS {
        names.push(name);
    }
    names.extend(SIGNIFICANT_FACETS.iter().map(|(name, _)| *name));
    names
});

/// The prefix of the significant-values facets (`significant:keyword`).
const SIGNIFICANT_PREFIX: &str = "significant:";

/// The significant-values facets, by name, with the field each scores.
static SIGNIFICANT_FACETS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut facets = Vec::new();
    for field in field_facets() {
        let name: &'static str = format!("{SIGNIFICANT_PREFIX}{field}").leak();
        facets.push((name, field));
    }
    facets
});

/// The facets that count the values of a string field, which they are
/// named after.
fn field_facets() -> Vec<&'static str> {
    let mut names = Vec::new();
    for kind in Kind::LISTING_ORDER {
        names.push(kind.field());
    }
    names.extend(OTHER_FIELD_FACETS);
    names
}

/// Parses a `--facet` value.
pub fn parse_facet(name: &str) -> Result<Facet> {
    let facet = |kind| Facet {
        name: name.to_string(),
        kind,
    };
    for (date_name, unit) in DATE_FACETS {
        if name == date_name {
            return Ok(facet(FacetKind::Date(unit)));
        }
    }
    for field in field_facets() {
        if name == field {
            return Ok(facet(FacetKind::Field(field)));
        }
    }
    for (significant_name, field) in SIGNIFICANT_FACETS.iter() {
        if name == *significant_name {
            return Ok(facet(FacetKind::Significant(field)));
        }
    }
    let mut plain = field_facets();
    plain.extend(DATE_FACETS.iter().map(|(date_name, _)| *date_name));
    Err(Error::Usage {
        what: "facet",
        value: name.to_string(),
        hint: format!(
            "use one of {}, or {SIGNIFICANT_PREFIX}FIELD for the values of a field that stand out (significant:keyword)",
            plain.join(", ")
        ),
    })
}

/// One value of a facet and the number of matching articles that have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetCount {
    /// The value: a name, a code, or a date bucket.
    pub value: String,
    /// How many matching articles have it.
    pub count: u64,
    /// For significant values only: how many articles of the index have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub background: Option<u64>,
    /// For significant values only: the JLH score, the list's order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl FacetCount {
    /// A plain count of a value.
    pub fn new(value: String, count: u64) -> FacetCount {
        FacetCount {
            value,
            count,
            background: None,
            score: None,
        }
    }
}

/// Keeps the `limit` largest counts, largest first, ties by value.
pub fn top_counts(
    counts: impl IntoIterator<Item = (String, u64)>,
    limit: usize,
) -> Vec<FacetCount> {
    let mut ordered: Vec<FacetCount> = counts
        .into_iter()
        .filter(|(_, count)| *count > 0)
        .map(|(value, count)| FacetCount::new(value, count))
        .collect();
    ordered.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    ordered.truncate(limit);
    ordered
}

/// Turns counts per day (days since 1970-01-01) into buckets of the given
/// unit, in chronological order.
pub fn date_buckets(
    day_counts: impl IntoIterator<Item = (i64, u64)>,
    unit: DateUnit,
) -> Vec<FacetCount> {
    let mut buckets: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
    for (day, count) in day_counts {
        let Some(date) = day_to_date(day) else {
            continue;
        };
        *buckets.entry(bucket_of(date, unit)).or_default() += count;
    }
    let mut ordered = Vec::with_capacity(buckets.len());
    for (start, count) in buckets {
        ordered.push(FacetCount::new(bucket_value(start, unit), count));
    }
    ordered
}

/// The first day of the bucket a day falls in.
fn bucket_of(date: NaiveDate, unit: DateUnit) -> NaiveDate {
    let first = match unit {
        DateUnit::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1),
        DateUnit::Month => NaiveDate::from_ymd_opt(date.year(), date.month(), 1),
        DateUnit::Week => {
            let since_monday = date.weekday().num_days_from_monday();
            date.checked_sub_days(chrono::Days::new(u64::from(since_monday)))
        }
        DateUnit::Day => Some(date),
    };
    first.unwrap_or(date)
}

/// The most buckets [`with_empty_buckets`] lists; past it, only the
/// non-empty ones are shown, so that `date:day` over decades stays short.
pub const MOST_FILLED_BUCKETS: usize = 400;

/// Adds a zero count for every empty bucket between the first and the last
/// of chronological date-facet counts (as [`date_buckets`] gives them), so
/// that a timeline shows its gaps. Counts that would need more than
/// [`MOST_FILLED_BUCKETS`] rows, or whose values do not parse, come back as
/// they are.
pub fn with_empty_buckets(counts: &[FacetCount], unit: DateUnit) -> Vec<FacetCount> {
    let parsed: Option<Vec<NaiveDate>> = counts
        .iter()
        .map(|count| bucket_start(&count.value, unit))
        .collect();
    let Some(starts) = parsed else {
        return counts.to_vec();
    };
    let (Some(&first), Some(&end)) = (starts.first(), starts.last()) else {
        return counts.to_vec();
    };
    let mut bucket = first;
    let mut filled = Vec::new();
    let mut next_given = 0;
    while bucket <= end {
        if filled.len() == MOST_FILLED_BUCKETS {
            return counts.to_vec();
        }
        let count = match starts.get(next_given) {
            Some(start) if *start == bucket => {
                next_given += 1;
                counts[next_given - 1].count
            }
            _ => 0,
        };
        filled.push(FacetCount::new(bucket_value(bucket, unit), count));
        let Some(following) = next_bucket(bucket, unit) else {
            break;
        };
        bucket = following;
    }
    filled
}

/// The first day of a bucket written `2024`, `2024-10` or `2024-10-14`.
fn bucket_start(value: &str, unit: DateUnit) -> Option<NaiveDate> {
    match unit {
        DateUnit::Year => NaiveDate::from_ymd_opt(value.parse().ok()?, 1, 1),
        DateUnit::Month => NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok(),
        DateUnit::Day => NaiveDate::parse_from_str(value, "%Y-%m-%d").ok(),
        DateUnit::Week => {
            let (year, week) = value.split_once("-W")?;
            NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)
        }
    }
}

/// Writes the bucket that starts on a day, as the facet lists it.
fn bucket_value(start: NaiveDate, unit: DateUnit) -> String {
    let (year, month, day) = (start.year(), start.month(), start.day());
    match unit {
        DateUnit::Year => format!("{year:04}"),
        DateUnit::Month => format!("{year:04}-{month:02}"),
        DateUnit::Day => format!("{year:04}-{month:02}-{day:02}"),
        DateUnit::Week => {
            let week = start.iso_week();
            format!("{:04}-W{:02}", week.year(), week.week())
        }
    }
}

/// The first day of the bucket after the one starting on `start`.
fn next_bucket(start: NaiveDate, unit: DateUnit) -> Option<NaiveDate> {
    match unit {
        DateUnit::Year => NaiveDate::from_ymd_opt(start.year() + 1, 1, 1),
        DateUnit::Month => start.checked_add_months(chrono::Months::new(1)),
        DateUnit::Day => start.succ_opt(),
        DateUnit::Week => start.checked_add_days(chrono::Days::new(7)),
    }
}

/// Returns the day number (days since 1970-01-01) of a UNIX timestamp.
pub fn day_number(timestamp_seconds: i64) -> i64 {
    timestamp_seconds.div_euclid(86_400)
}

fn day_to_date(day: i64) -> Option<NaiveDate> {
    let seconds = day.checked_mul(86_400)?;
    Some(DateTime::from_timestamp(seconds, 0)?.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_documented_name_and_rejects_others() {
        for name in FACET_NAMES.iter() {
            assert_eq!(parse_facet(name).unwrap().name, *name);
        }
        assert_eq!(
            parse_facet("country").unwrap().kind,
            FacetKind::Field("country")
        );
        assert_eq!(
            parse_facet("date:month").unwrap().kind,
            FacetKind::Date(DateUnit::Month)
        );
        assert_eq!(
            parse_facet("date:week").unwrap().kind,
            FacetKind::Date(DateUnit::Week)
        );
        let error = parse_facet("date:hour").unwrap_err().to_string();
        assert!(
            error.starts_with("invalid facet \"date:hour\": use one of country, "),
            "{error}"
        );
        assert!(parse_facet("date").is_err());
    }

    #[test]
    fn orders_by_count_then_value_and_keeps_the_limit() {
        let counts = [
            ("b".to_string(), 2),
            ("c".to_string(), 5),
            ("a".to_string(), 2),
            ("z".to_string(), 0),
        ];
        let top = top_counts(counts, 2);
        assert_eq!(
            top,
            vec![
                FacetCount::new("c".into(), 5),
                FacetCount::new("a".into(), 2),
            ]
        );
    }

    #[test]
    fn buckets_dates_chronologically() {
        let day = |text: &str| day_number(crate::dates::parse_date(text).unwrap().timestamp());
        let counts = [
            (day("2024-10-14"), 2),
            (day("1987-02-26"), 1),
            (day("2024-10-01"), 3),
            (day("2023-12-31"), 1),
        ];
        let months = date_buckets(counts, DateUnit::Month);
        let shown: Vec<(&str, u64)> = months.iter().map(|c| (c.value.as_str(), c.count)).collect();
        assert_eq!(shown, vec![("1987-02", 1), ("2023-12", 1), ("2024-10", 5)]);
        let years = date_buckets(counts, DateUnit::Year);
        assert_eq!(years.last().unwrap(), &FacetCount::new("2024".into(), 5));
        let days = date_buckets(counts, DateUnit::Day);
        assert_eq!(days[0].value, "1987-02-26");
        assert_eq!(day_number(-1), -1);
    }

    #[test]
    fn fills_the_empty_buckets_between_the_first_and_the_last() {
        let count = |value: &str, count| FacetCount::new(value.into(), count);
        let months = [count("2023-11", 2), count("2024-02", 1)];
        let filled = with_empty_buckets(&months, DateUnit::Month);
        let shown: Vec<(&str, u64)> = filled.iter().map(|c| (c.value.as_str(), c.count)).collect();
        assert_eq!(
            shown,
            vec![
                ("2023-11", 2),
                ("2023-12", 0),
                ("2024-01", 0),
                ("2024-02", 1)
            ]
        );
        let years = with_empty_buckets(&[count("2021", 1), count("2023", 4)], DateUnit::Year);
        assert_eq!(years[1], count("2022", 0));
        let days = with_empty_buckets(
            &[count("2024-02-28", 1), count("2024-03-01", 1)],
            DateUnit::Day,
        );
        assert_eq!(days[1], count("2024-02-29", 0));
        let decades = [count("1987-02-26", 1), count("2024-10-14", 1)];
        assert_eq!(
            with_empty_buckets(&decades, DateUnit::Day),
            decades.to_vec()
        );
        assert!(with_empty_buckets(&[], DateUnit::Year).is_empty());
    }
}
