//! The parameters of the API, read from a URL's query string into the
//! same option structs the command line fills ([`SearchOptions`],
//! [`FilterOptions`]), so that [`crate::query::request`] checks them and
//! refuses a bad value with the CLI's own message.
//!
//! A parameter is named as the `query` (or `pairs`) option without its
//! dashes, `_` for `-` (`facet_limit` for `--facet-limit`); `q` is the
//! query text. Filters and `facet` may be repeated; every other parameter
//! may be given once. Numbers, `sort`, `count` and the pairs' `kinds` are
//! refused with the words clap uses for the same flag; an unknown
//! parameter is refused, as clap refuses an unknown flag. Nothing here
//! panics, whatever the query string holds (a property test checks it).

use crate::kinds::Kind;
use crate::query::{FilterOptions, SearchOptions, Sort};

/// The longest query string the API reads, in bytes.
pub const MAX_QUERY_STRING_BYTES: usize = 8 * 1024;

/// The longest query text (`q`), in characters.
pub const MAX_QUERY_CHARACTERS: usize = 1_000;

/// The most hits (`limit`), facet values (`facet_limit`) or pairs one
/// request may ask for.
pub const MAX_LIMIT: usize = 1_000;

/// The most hits one request may skip (`offset`).
pub const MAX_OFFSET: usize = 100_000;

/// The names of the kinds `pairs` can pair up, as `--kinds` takes them.
pub const PAIR_KINDS: [(&str, Kind); 5] = [
    ("person", Kind::Person),
    ("organization", Kind::Organization),
    ("location", Kind::Location),
    ("country", Kind::Country),
    ("keyword", Kind::Keyword),
];

/// The names `count` takes (those of `--count`), with whether each
/// counts stories.
pub const COUNT_NAMES: [(&str, bool); 2] = [("articles", false), ("stories", true)];

/// A parameter the API refuses, with the message the command line gives
/// for the same value where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterError(pub String);

impl std::fmt::Display for ParameterError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// The shape `/api/search` answers in (`format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchFormat {
    /// The `query --json` object.
    Json,
    /// The `query --format jsonl` lines, as a download.
    Jsonl,
    /// The `query --format csv` table, as a download.
    Csv,
    /// An Atom feed of the newest hits.
    Atom,
}

impl SearchFormat {
    /// The names `format` takes.
    pub const NAMES: [(&'static str, SearchFormat); 4] = [
        ("json", SearchFormat::Json),
        ("jsonl", SearchFormat::Jsonl),
        ("csv", SearchFormat::Csv),
        ("atom", SearchFormat::Atom),
    ];
}

/// A search as `/api/search` reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchParameters {
    /// The search, as typed.
    pub options: SearchOptions,
    /// The shape of the answer.
    pub format: SearchFormat,
}

/// A pairs count as `/api/pairs` reads it, with the kinds resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairsParameters {
    /// The query text and filters, as typed.
    pub filters: FilterOptions,
    /// The kinds whose values pair up (`kinds`, comma-separated).
    pub kinds: Vec<Kind>,
    /// The fewest shared articles a pair needs (`min_count`).
    pub min_count: u64,
    /// How many pairs to list (`limit`).
    pub limit: usize,
}

/// Decodes a query string into its name and value pairs, refusing one
/// longer than [`MAX_QUERY_STRING_BYTES`].
pub fn decode_query_string(raw: &str) -> Result<Vec<(String, String)>, ParameterError> {
    if raw.len() > MAX_QUERY_STRING_BYTES {
        return Err(ParameterError(format!(
            "the query string is {} bytes long, more than the {MAX_QUERY_STRING_BYTES} accepted: shorten the query or use fewer filters",
            raw.len()
        )));
    }
    let mut pairs = Vec::new();
    for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
        pairs.push((name.into_owned(), value.into_owned()));
    }
    Ok(pairs)
}

/// Reads the parameters of `/api/search`.
pub fn parse_search(pairs: &[(String, String)]) -> Result<SearchParameters, ParameterError> {
    let mut options = SearchOptions::default();
    let mut seen = Seen::default();
    let mut query_words = Vec::new();
    let mut format = SearchFormat::Json;
    for (name, value) in pairs {
        if read_filter(
            name,
            value,
            &mut options.filters,
            &mut query_words,
            &mut seen,
        )? {
            continue;
        }
        match name.as_str() {
            "facet" => options.facets.push(value.clone()),
            "facet_limit" => {
                seen.once(name, "--facet-limit <N>")?;
                options.facet_limit = parse_bounded(value, "--facet-limit <N>", MAX_LIMIT)?;
            }
            "limit" => {
                seen.once(name, "--limit <N>")?;
                options.limit = parse_bounded(value, "--limit <N>", MAX_LIMIT)?;
            }
            "offset" => {
                seen.once(name, "--offset <N>")?;
                options.offset = parse_bounded(value, "--offset <N>", MAX_OFFSET)?;
            }
            "sort" => {
                seen.once(name, "--sort <SORT>")?;
                options.sort = parse_named(value, "--sort <SORT>", &Sort::NAMES)?;
            }
            "collapse" => {
                seen.once(name, "--collapse")?;
                options.collapse = parse_switch(value, "collapse")?;
            }
            "collapse_window" => {
                seen.once(name, "--collapse-window <SPAN>")?;
                options.collapse_window = value.clone();
            }
            "count" => {
                seen.once(name, "--count <COUNT>")?;
                options.count_stories = parse_named(value, "--count <COUNT>", &COUNT_NAMES)?;
            }
            "format" => {
                seen.once(name, "format")?;
                format = parse_named(value, "format", &SearchFormat::NAMES)?;
            }
            _ => return Err(unknown_parameter(name, SEARCH_PARAMETERS)),
        }
    }
    options.filters.query = join_query(&query_words)?;
    Ok(SearchParameters { options, format })
}

/// Reads the parameters of `/api/pairs`.
pub fn parse_pairs(pairs: &[(String, String)]) -> Result<PairsParameters, ParameterError> {
    let mut filters = FilterOptions::default();
    let mut seen = Seen::default();
    let mut query_words = Vec::new();
    let mut kinds = vec![Kind::Person, Kind::Organization];
    let mut min_count = 2;
    let mut limit = 50;
    for (name, value) in pairs {
        if read_filter(name, value, &mut filters, &mut query_words, &mut seen)? {
            continue;
        }
        match name.as_str() {
            "kinds" => {
                seen.once(name, "--kinds <KINDS>")?;
                kinds = parse_kinds(value)?;
            }
            "min_count" => {
                seen.once(name, "--min-count <N>")?;
                min_count = parse_number(value, "--min-count <N>")?;
            }
            "limit" => {
                seen.once(name, "--limit <N>")?;
                limit = parse_bounded(value, "--limit <N>", MAX_LIMIT)?;
            }
            _ => return Err(unknown_parameter(name, PAIRS_PARAMETERS)),
        }
    }
    filters.query = join_query(&query_words)?;
    Ok(PairsParameters {
        filters,
        kinds,
        min_count,
        limit,
    })
}

/// The parameters `/api/search` takes besides the filters.
const SEARCH_PARAMETERS: &str =
    "facet, facet_limit, limit, offset, sort, collapse, collapse_window, count, format";

/// The parameters `/api/pairs` takes besides the filters.
const PAIRS_PARAMETERS: &str = "kinds, min_count, limit";

/// The parameters both take: the query text and the filters.
fn filter_parameters() -> String {
    let mut names = vec!["q".to_string()];
    for kind in Kind::ALL {
        if let Some(filter) = kind.spec().filter {
            names.push(filter.flag.to_string());
        }
    }
    for name in ["entity", "source", "from", "to", "tz"] {
        names.push(name.to_string());
    }
    names.join(", ")
}

/// Reads one of the parameters every selection takes (`q` and the
/// filters) into `filters`, saying whether `name` was one.
fn read_filter(
    name: &str,
    value: &str,
    filters: &mut FilterOptions,
    query_words: &mut Vec<String>,
    seen: &mut Seen,
) -> Result<bool, ParameterError> {
    match name {
        "q" => query_words.push(value.to_string()),
        "entity" => filters.entities.push(value.to_string()),
        "source" => filters.sources.push(value.to_string()),
        "from" => {
            seen.once(name, "--from <DATE>")?;
            filters.from = Some(value.to_string());
        }
        "to" => {
            seen.once(name, "--to <DATE>")?;
            filters.to = Some(value.to_string());
        }
        "tz" => {
            seen.once(name, "--tz <ZONE>")?;
            filters.tz = Some(value.to_string());
        }
        _ => {
            let Some(kind) = kind_of_filter(name) else {
                return Ok(false);
            };
            filters.by_kind[kind].push(value.to_string());
        }
    }
    Ok(true)
}

/// Finds the kind whose filter flag is `name` (`org` for organizations).
fn kind_of_filter(name: &str) -> Option<Kind> {
    Kind::ALL
        .into_iter()
        .find(|kind| kind.spec().filter.is_some_and(|filter| filter.flag == name))
}

/// Joins the `q` values with spaces, as the command line joins its query
/// words, refusing a text longer than [`MAX_QUERY_CHARACTERS`].
fn join_query(words: &[String]) -> Result<String, ParameterError> {
    let query = words.join(" ");
    let characters = query.chars().count();
    if characters > MAX_QUERY_CHARACTERS {
        return Err(ParameterError(format!(
            "the query is {characters} characters long, more than the {MAX_QUERY_CHARACTERS} accepted: shorten it"
        )));
    }
    Ok(query)
}

/// The single-valued parameters given so far.
#[derive(Default)]
struct Seen(Vec<String>);

impl Seen {
    /// Refuses a single-valued parameter given twice, as clap does.
    fn once(&mut self, name: &str, flag: &str) -> Result<(), ParameterError> {
        if self.0.iter().any(|seen| seen == name) {
            return Err(ParameterError(format!(
                "the argument '{flag}' cannot be used multiple times"
            )));
        }
        self.0.push(name.to_string());
        Ok(())
    }
}

/// Refuses an unknown parameter, naming those accepted.
fn unknown_parameter(name: &str, own: &str) -> ParameterError {
    ParameterError(format!(
        "unexpected parameter '{name}': use {}, {own}",
        filter_parameters()
    ))
}

/// Parses a whole number as clap does (`invalid value 'x' for '--limit
/// <N>': invalid digit found in string`).
fn parse_number<T: std::str::FromStr>(value: &str, flag: &str) -> Result<T, ParameterError>
where
    T::Err: std::fmt::Display,
{
    value
        .parse::<T>()
        .map_err(|error| ParameterError(format!("invalid value '{value}' for '{flag}': {error}")))
}

/// Parses a whole number no larger than `most`.
fn parse_bounded(value: &str, flag: &str, most: usize) -> Result<usize, ParameterError> {
    let number: usize = parse_number(value, flag)?;
    if number > most {
        return Err(ParameterError(format!(
            "invalid value '{value}' for '{flag}': at most {most} per request; page with offset for more"
        )));
    }
    Ok(number)
}

/// Parses one of a closed set of names as clap does for a value enum.
fn parse_named<T: Copy>(value: &str, flag: &str, names: &[(&str, T)]) -> Result<T, ParameterError> {
    for (name, meaning) in names {
        if *name == value {
            return Ok(*meaning);
        }
    }
    let possible: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
    Err(ParameterError(format!(
        "invalid value '{value}' for '{flag}' [possible values: {}]",
        possible.join(", ")
    )))
}

/// Parses a switch: present (empty), `true`/`1`/`on`, or `false`/`0`/`off`.
fn parse_switch(value: &str, name: &str) -> Result<bool, ParameterError> {
    match value {
        "" | "true" | "1" | "on" => Ok(true),
        "false" | "0" | "off" => Ok(false),
        _ => Err(ParameterError(format!(
            "invalid value '{value}' for '{name}': use true or false"
        ))),
    }
}

/// Parses the comma-separated kinds of `pairs`.
fn parse_kinds(value: &str) -> Result<Vec<Kind>, ParameterError> {
    let mut kinds = Vec::new();
    for name in value.split(',') {
        kinds.push(parse_named(name, "--kinds <KINDS>", &PAIR_KINDS)?);
    }
    Ok(kinds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::build_search_request;
    use proptest::prelude::*;

    fn pairs(raw: &str) -> Vec<(String, String)> {
        decode_query_string(raw).unwrap()
    }

    fn refusal_of_search(raw: &str) -> String {
        parse_search(&pairs(raw)).unwrap_err().0
    }

    #[test]
    fn every_query_option_has_its_parameter() {
        let parsed = parse_search(&pairs(
            "q=oil&q=prices&person=Xi+Jinping&org=OPEC&location=Kazan&country=Russia&keyword=oil&language=en&entity=Gazprom&source=Wire&from=2024-01&to=2024&tz=Europe%2FParis&facet=country&facet=date:month&facet_limit=5&limit=20&offset=40&sort=-date&collapse=true&collapse_window=36h&count=stories&format=csv",
        ))
        .unwrap();
        let mut expected = SearchOptions::default();
        expected.filters.query = "oil prices".to_string();
        expected.filters.by_kind[Kind::Person] = vec!["Xi Jinping".to_string()];
        expected.filters.by_kind[Kind::Organization] = vec!["OPEC".to_string()];
        expected.filters.by_kind[Kind::Location] = vec!["Kazan".to_string()];
        expected.filters.by_kind[Kind::Country] = vec!["Russia".to_string()];
        expected.filters.by_kind[Kind::Keyword] = vec!["oil".to_string()];
        expected.filters.by_kind[Kind::Language] = vec!["en".to_string()];
        expected.filters.entities = vec!["Gazprom".to_string()];
        expected.filters.sources = vec!["Wire".to_string()];
        expected.filters.from = Some("2024-01".to_string());
        expected.filters.to = Some("2024".to_string());
        expected.filters.tz = Some("Europe/Paris".to_string());
        expected.facets = vec!["country".to_string(), "date:month".to_string()];
        expected.facet_limit = 5;
        expected.limit = 20;
        expected.offset = 40;
        expected.sort = Sort::DateDescending;
        expected.collapse = true;
        expected.collapse_window = "36h".to_string();
        expected.count_stories = true;
        assert_eq!(parsed.options, expected);
        assert_eq!(parsed.format, SearchFormat::Csv);
    }

    #[test]
    fn no_parameters_are_the_commands_defaults() {
        let parsed = parse_search(&[]).unwrap();
        assert_eq!(parsed.options, SearchOptions::default());
        assert_eq!(parsed.format, SearchFormat::Json);
        let pairs_parsed = parse_pairs(&[]).unwrap();
        assert_eq!(pairs_parsed.kinds, [Kind::Person, Kind::Organization]);
        assert_eq!((pairs_parsed.min_count, pairs_parsed.limit), (2, 50));
    }

    #[test]
    fn bad_values_are_refused_in_clap_words() {
        assert_eq!(
            refusal_of_search("limit=ten"),
            "invalid value 'ten' for '--limit <N>': invalid digit found in string"
        );
        assert_eq!(
            refusal_of_search("sort=newest"),
            "invalid value 'newest' for '--sort <SORT>' [possible values: relevance, date, -date]"
        );
        assert_eq!(
            refusal_of_search("limit=1&limit=2"),
            "the argument '--limit <N>' cannot be used multiple times"
        );
        assert!(refusal_of_search("limit=1001").contains("at most 1000"));
        assert!(refusal_of_search("colour=red").starts_with("unexpected parameter 'colour'"));
        let long_query = format!("q={}", "a".repeat(MAX_QUERY_CHARACTERS + 1));
        assert!(refusal_of_search(&long_query).contains("more than the 1000 accepted"));
        let refused = decode_query_string(&"a".repeat(MAX_QUERY_STRING_BYTES + 1));
        assert!(refused.unwrap_err().0.contains("bytes long"));
        let kinds = parse_pairs(&pairs("kinds=person,colour")).unwrap_err().0;
        assert!(kinds.starts_with("invalid value 'colour' for '--kinds <KINDS>'"));
    }

    #[test]
    fn every_sort_name_and_pair_kind_is_known() {
        for (name, sort) in Sort::NAMES {
            assert_eq!(Sort::from_name(name), Some(sort));
        }
        let parsed = parse_pairs(&pairs("kinds=country,keyword&min_count=1")).unwrap();
        assert_eq!(parsed.kinds, [Kind::Country, Kind::Keyword]);
        assert_eq!(parsed.min_count, 1);
    }

    proptest! {
        #[test]
        fn no_query_string_makes_the_parsing_panic(raw in "\\PC{0,200}") {
            if let Ok(decoded) = decode_query_string(&raw) {
                if let Ok(parsed) = parse_search(&decoded) {
                    let _ = build_search_request(&parsed.options);
                }
                let _ = parse_pairs(&decoded);
            }
        }

        #[test]
        fn no_parameter_value_makes_the_parsing_panic(
            name in prop::sample::select(vec![
                "q", "person", "org", "country", "language", "from", "to", "tz", "facet",
                "facet_limit", "limit", "offset", "sort", "collapse", "collapse_window",
                "count", "format", "kinds", "min_count",
            ]),
            value in "\\PC{0,40}|[0-9-]{1,25}|[a-z:]{1,20}",
        ) {
            let decoded = vec![(name.to_string(), value)];
            if let Ok(parsed) = parse_search(&decoded) {
                let _ = build_search_request(&parsed.options);
            }
            let _ = parse_pairs(&decoded);
        }
    }
}
