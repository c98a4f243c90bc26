//! Building requests: turns the values a user typed (on the command line,
//! or one day in a URL) into the checked [`Filters`] and [`SearchRequest`]
//! the rest of [`crate::query`] runs, so that every front end accepts the
//! same values and refuses the others with the same messages.
//!
//! Checked here: countries (a name or an ISO 3166-1 alpha-2 code, resolved
//! to the code), days (`--from` and `--to`: a day, a month or a year),
//! the time zone those days are read in, a range whose first day is after
//! its last, facet names and the collapse window. Each refusal is an
//! [`Error::Usage`] naming the value and what would be accepted.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::article::Entities;
use crate::dates;
use crate::enrich::countries::resolve_country;
use crate::error::{Error, Result};
use crate::facets;
use crate::kinds::Kind;

use super::{Filters, SearchRequest, Sort, StoryOptions};

/// What selects articles, as the user typed it: the query text and the
/// filters, all unchecked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterOptions {
    /// The query text; empty or `*` for every article.
    pub query: String,
    /// The values given to each kind's filter (`--person`, `--org`,
    /// `--location`, `--country`, `--keyword`); countries as names or
    /// codes.
    pub by_kind: Entities,
    /// `--entity`: persons, organizations or locations.
    pub entities: Vec<String>,
    /// `--source`
    pub sources: Vec<String>,
    /// The first day included (`--from`): a day, a month or a year.
    pub from: Option<String>,
    /// The last day included (`--to`, `--until` for `export`): a day, a
    /// month or a year.
    pub to: Option<String>,
    /// The IANA name of the time zone the days are read in (`--tz`); UTC
    /// when `None`.
    pub tz: Option<String>,
}

/// Everything `query` asks for, as the user typed it: the selection, the
/// facets, the page, the order and how near copies count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    /// What selects the articles.
    pub filters: FilterOptions,
    /// The names of the facets to count (`--facet`).
    pub facets: Vec<String>,
    /// How many values each non-date facet lists.
    pub facet_limit: usize,
    /// How many hits to return.
    pub limit: usize,
    /// How many hits to skip.
    pub offset: usize,
    /// The order of the hits.
    pub sort: Sort,
    /// Whether to return one hit per story (`--collapse`).
    pub collapse: bool,
    /// Whether facets count each story once (`--count stories`).
    pub count_stories: bool,
    /// How long after a story's first article a copy may be dated
    /// (`--collapse-window`): hours, days or weeks, such as `36h`, `3d`.
    pub collapse_window: String,
}

impl Default for SearchOptions {
    /// The options that build [`SearchRequest::default`].
    fn default() -> SearchOptions {
        SearchOptions {
            filters: FilterOptions::default(),
            facets: Vec::new(),
            facet_limit: 10,
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            collapse: false,
            count_stories: false,
            collapse_window: "3d".to_string(),
        }
    }
}

/// Builds the filters, checking every value: countries resolve to their
/// codes, days to the instants that bound them in the time zone. The query
/// text is not a filter: [`build_filtered_request`] takes it along.
pub fn build_filters(options: &FilterOptions) -> Result<Filters> {
    let mut by_kind = options.by_kind.clone();
    by_kind[Kind::Country] = resolve_countries(&options.by_kind[Kind::Country])?;
    let time_zone = match &options.tz {
        None => None,
        Some(name) => Some(parse_time_zone(name)?),
    };
    let from = parse_day(&options.from, dates::start_of_day, time_zone)?;
    let until = parse_day(&options.to, dates::end_of_day, time_zone)?;
    if let (Some(first_instant), Some(end_instant), Some(first_day), Some(last_day)) =
        (from, until, &options.from, &options.to)
        && first_instant >= end_instant
    {
        return Err(Error::Usage {
            what: "date range",
            value: format!("{first_day} to {last_day}"),
            hint: "the first day is after the last, so no article can match: swap the dates"
                .to_string(),
        });
    }
    Ok(Filters {
        by_kind,
        entities: options.entities.clone(),
        sources: options.sources.clone(),
        from,
        until,
        time_zone,
    })
}

/// Builds a request that only selects articles: the query text and the
/// checked filters, with the default page and order and no facets (what
/// `pairs`, `export` and `delete` need).
pub fn build_filtered_request(options: &FilterOptions) -> Result<SearchRequest> {
    Ok(SearchRequest {
        query: options.query.clone(),
        filters: build_filters(options)?,
        ..SearchRequest::default()
    })
}

/// Builds the request of a search, checking the filters, then the facet
/// names, then the collapse window.
pub fn build_search_request(options: &SearchOptions) -> Result<SearchRequest> {
    let filters = build_filters(&options.filters)?;
    let mut requested_facets = Vec::new();
    for name in &options.facets {
        requested_facets.push(facets::parse_facet(name)?);
    }
    let window_seconds = parse_collapse_window(&options.collapse_window)?;
    Ok(SearchRequest {
        query: options.filters.query.clone(),
        filters,
        facets: requested_facets,
        facet_limit: options.facet_limit,
        limit: options.limit,
        offset: options.offset,
        sort: options.sort,
        stories: StoryOptions {
            collapse: options.collapse,
            count_stories: options.count_stories,
            window_seconds,
        },
    })
}

/// Resolves each `--country` value, a name or a code, to its ISO code.
fn resolve_countries(countries: &[String]) -> Result<Vec<String>> {
    let mut codes = Vec::new();
    for country in countries {
        let Some(code) = resolve_country(country) else {
            return Err(Error::Usage {
                what: "country",
                value: country.clone(),
                hint: "use an ISO 3166-1 alpha-2 code such as RU, or a country name such as Russia"
                    .to_string(),
            });
        };
        codes.push(code);
    }
    Ok(codes)
}

/// Parses the `--tz` name.
fn parse_time_zone(name: &str) -> Result<Tz> {
    dates::parse_time_zone(name).ok_or_else(|| Error::Usage {
        what: "time zone",
        value: name.to_string(),
        hint: "use an IANA name such as Europe/Paris, America/New_York or UTC".to_string(),
    })
}

/// Parses a `--from` or `--to` day, month or year into the instant
/// `bound` makes of it (the first day's start, or the start of the day
/// after the last), read in the time zone when one is given.
fn parse_day(
    text_opt: &Option<String>,
    bound: fn(&str) -> std::result::Result<DateTime<Utc>, dates::DateRefusal>,
    time_zone: Option<Tz>,
) -> Result<Option<DateTime<Utc>>> {
    let Some(text) = text_opt else {
        return Ok(None);
    };
    let utc_bound = bound(text)?;
    Ok(Some(match time_zone {
        Some(zone) => dates::in_zone(utc_bound, zone),
        None => utc_bound,
    }))
}

/// Parses the `--collapse-window` span into seconds.
fn parse_collapse_window(text: &str) -> Result<i64> {
    dates::parse_span(text).ok_or_else(|| Error::Usage {
        what: "collapse window",
        value: text.to_string(),
        hint: "give hours, days or weeks, such as 36h, 3d or 2w".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    fn days(from: &str, to: &str, tz: Option<&str>) -> FilterOptions {
        FilterOptions {
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            tz: tz.map(str::to_string),
            ..FilterOptions::default()
        }
    }

    fn refusal(result: Result<impl std::fmt::Debug>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn no_options_build_no_filters_and_the_default_request() {
        assert_eq!(
            build_filters(&FilterOptions::default()).unwrap(),
            Filters::default()
        );
        assert_eq!(
            build_search_request(&SearchOptions::default()).unwrap(),
            SearchRequest::default()
        );
    }

    #[test]
    fn countries_resolve_to_codes_and_other_kinds_stay_as_typed() {
        let mut options = FilterOptions::default();
        options.by_kind[Kind::Country] = vec!["Russia".to_string(), "jp".to_string()];
        options.by_kind[Kind::Person] = vec!["vladimir putin".to_string()];
        let filters = build_filters(&options).unwrap();
        assert_eq!(filters.by_kind[Kind::Country], ["RU", "JP"]);
        assert_eq!(filters.by_kind[Kind::Person], ["vladimir putin"]);
    }

    #[test]
    fn an_unknown_country_is_refused() {
        let mut options = FilterOptions::default();
        options.by_kind[Kind::Country] = vec!["RU".to_string(), "Atlantis".to_string()];
        assert_eq!(
            refusal(build_filters(&options)),
            "invalid country \"Atlantis\": use an ISO 3166-1 alpha-2 code such as RU, or a country name such as Russia"
        );
    }

    #[test]
    fn a_bad_date_is_refused() {
        let from_yesterday = FilterOptions {
            from: Some("yesterday".to_string()),
            ..FilterOptions::default()
        };
        assert_eq!(
            refusal(build_filters(&from_yesterday)),
            "invalid date \"yesterday\": write a day, a month or a year in one of these forms: 2023-03-01; 2023-03; 2023; March 2023; Mar 2023; 1 March 2023; March 1, 2023; 2023/03/01"
        );
        let to_month_13 = FilterOptions {
            to: Some("2024-13".to_string()),
            ..FilterOptions::default()
        };
        assert!(
            refusal(build_filters(&to_month_13)).starts_with("invalid date \"2024-13\": write")
        );
        let from_march = FilterOptions {
            from: Some("March 1987".to_string()),
            ..FilterOptions::default()
        };
        assert_eq!(
            build_filters(&from_march).unwrap().from,
            Some(instant("1987-03-01T00:00:00Z")),
            "a month's name with its year is its first day, not March 19 of the year 87"
        );
    }

    #[test]
    fn a_reversed_range_is_refused_and_a_single_day_is_not() {
        assert_eq!(
            refusal(build_filters(&days("2024-12-01", "2024-01", None))),
            "invalid date range \"2024-12-01 to 2024-01\": the first day is after the last, so no article can match: swap the dates"
        );
        let one_day = build_filters(&days("2024-10-14", "2024-10-14", None)).unwrap();
        assert_eq!(one_day.from, Some(instant("2024-10-14T00:00:00Z")));
        assert_eq!(one_day.until, Some(instant("2024-10-15T00:00:00Z")));
    }

    #[test]
    fn a_bad_time_zone_is_refused() {
        assert_eq!(
            refusal(build_filters(&days(
                "2024-10-14",
                "2024-10-14",
                Some("Mars/Olympus")
            ))),
            "invalid time zone \"Mars/Olympus\": use an IANA name such as Europe/Paris, America/New_York or UTC"
        );
    }

    #[test]
    fn days_are_bounded_in_the_time_zone() {
        let paris = build_filters(&days("2024-10-14", "2024-10", Some("Europe/Paris"))).unwrap();
        assert_eq!(paris.time_zone, Some(chrono_tz::Europe::Paris));
        assert_eq!(paris.from, Some(instant("2024-10-13T22:00:00Z")));
        assert_eq!(
            paris.until,
            Some(instant("2024-10-31T23:00:00Z")),
            "the month's last day ends at midnight in Paris, back in winter time"
        );
        let utc = build_filters(&days("2024-10-14", "2024-10", None)).unwrap();
        assert_eq!(utc.time_zone, None);
        assert_eq!(utc.from, Some(instant("2024-10-14T00:00:00Z")));
        assert_eq!(utc.until, Some(instant("2024-11-01T00:00:00Z")));
    }

    #[test]
    fn a_day_east_of_utc_starts_the_evening_before() {
        let tokyo = build_filters(&days("2024-10-14", "2024-10-14", Some("Asia/Tokyo"))).unwrap();
        assert_eq!(tokyo.from, Some(instant("2024-10-13T15:00:00Z")));
        assert_eq!(tokyo.until, Some(instant("2024-10-14T15:00:00Z")));
    }

    #[test]
    fn a_bad_collapse_window_is_refused() {
        for window in ["3 days", "-2d", "soon"] {
            let options = SearchOptions {
                collapse_window: window.to_string(),
                ..SearchOptions::default()
            };
            assert_eq!(
                refusal(build_search_request(&options)),
                format!(
                    "invalid collapse window {window:?}: give hours, days or weeks, such as 36h, 3d or 2w"
                )
            );
        }
        let options = SearchOptions {
            collapse: true,
            collapse_window: "36h".to_string(),
            ..SearchOptions::default()
        };
        let stories = build_search_request(&options).unwrap().stories;
        assert_eq!(stories.window_seconds, 36 * 3600);
        assert!(stories.collapse);
    }

    #[test]
    fn a_bad_facet_name_is_refused() {
        let options = SearchOptions {
            facets: vec!["country".to_string(), "date:hour".to_string()],
            ..SearchOptions::default()
        };
        assert_eq!(
            refusal(build_search_request(&options)),
            "invalid facet \"date:hour\": use one of country, country_mentioned, person, organization, location, keyword, language, source, date:year, date:month, date:week, date:day, or significant:FIELD for the values of a field that stand out (significant:keyword)"
        );
    }

    #[test]
    fn filters_are_checked_before_facets_and_facets_before_the_window() {
        let mut options = SearchOptions {
            facets: vec!["nonsense".to_string()],
            collapse_window: "soon".to_string(),
            ..SearchOptions::default()
        };
        options.filters.tz = Some("Mars/Olympus".to_string());
        assert!(refusal(build_search_request(&options)).starts_with("invalid time zone"));
        options.filters.tz = None;
        assert!(refusal(build_search_request(&options)).starts_with("invalid facet"));
        options.facets.clear();
        assert!(refusal(build_search_request(&options)).starts_with("invalid collapse window"));
    }

    #[test]
    fn the_search_request_carries_every_option() {
        let options = SearchOptions {
            filters: FilterOptions {
                query: "oil prices".to_string(),
                sources: vec!["Reuters".to_string()],
                entities: vec!["OPEC".to_string()],
                ..FilterOptions::default()
            },
            facets: vec!["date:month".to_string()],
            facet_limit: 3,
            limit: 20,
            offset: 40,
            sort: Sort::DateDescending,
            collapse: false,
            count_stories: true,
            collapse_window: "2w".to_string(),
        };
        let request = build_search_request(&options).unwrap();
        assert_eq!(request.query, "oil prices");
        assert_eq!(request.filters.sources, ["Reuters"]);
        assert_eq!(request.filters.entities, ["OPEC"]);
        assert_eq!(request.facets.len(), 1);
        assert_eq!(request.facets[0].name, "date:month");
        assert_eq!(
            (request.facet_limit, request.limit, request.offset),
            (3, 20, 40)
        );
        assert_eq!(request.sort, Sort::DateDescending);
        assert_eq!(
            request.stories,
            StoryOptions {
                collapse: false,
                count_stories: true,
                window_seconds: 14 * 24 * 3600,
            }
        );
        let filtered = build_filtered_request(&options.filters).unwrap();
        assert_eq!(filtered.query, "oil prices");
        assert_eq!(filtered.filters, request.filters);
        assert!(filtered.facets.is_empty());
    }
}
