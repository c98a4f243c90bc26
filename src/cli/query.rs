//! The options of `query` and `pairs`: the filters they share with
//! `delete` and `export` (one flag per extracted kind, from the kinds
//! table), sorting, facets and what they count, the output formats, and
//! the table width and view the binary decides for `query`.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, ValueEnum};
use newsdex::article::Entities;
use newsdex::facets::FACET_NAMES;
use newsdex::kinds::Kind;
use newsdex::output::table;
use newsdex::query::{FilterOptions, SearchOptions, Sort};

use super::IndexArgs;

/// How `query` lays out its hits in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Compact on a terminal narrower than 100 columns, full otherwise.
    Auto,
    /// A table row per hit with its snippet, countries and entities.
    Full,
    /// One line per hit: date, id, title and top entities.
    Compact,
}

/// The narrowest terminal, in columns, that `--view auto` draws the full
/// table on.
pub const FULL_VIEW_MIN_COLUMNS: u16 = 100;

impl ViewArg {
    /// Decides the layout: `full` and `compact` say so; `auto` is compact
    /// when the width is known and under [`FULL_VIEW_MIN_COLUMNS`] (output
    /// to a file or a pipe has no width, and gets the full table).
    pub fn choose(self, width: Option<u16>) -> table::View {
        match self {
            ViewArg::Full => table::View::Full,
            ViewArg::Compact => table::View::Compact,
            ViewArg::Auto => match width {
                Some(columns) if columns < FULL_VIEW_MIN_COLUMNS => table::View::Compact,
                _ => table::View::Full,
            },
        }
    }
}

/// Decides the width tables fit: `$COLUMNS` when it holds a positive
/// number (shells rarely export it, so setting it is a choice), else the
/// terminal's own width, else none (output to a file or a pipe). The
/// caller reads the variable and the terminal, so this is tested on its
/// own.
pub fn table_width(columns_variable: Option<&str>, terminal_columns: Option<u16>) -> Option<u16> {
    let from_variable = columns_variable
        .and_then(|columns| columns.trim().parse::<u16>().ok())
        .filter(|columns| *columns > 0);
    from_variable.or(terminal_columns)
}

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    #[value(name = "-date")]
    DateDescending,
}

impl From<SortArg> for Sort {
    fn from(sort: SortArg) -> Sort {
        match sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
            SortArg::DateDescending => Sort::DateDescending,
        }
    }
}

/// The filters `query` and `export` share, all ANDed. The last day of a
/// date range is `--to` for `query` and `--until` for `export`, whose
/// `--to` names the target engine.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Query in tantivy syntax over title, dateline and body: terms (all must match), "phrases", AND/OR/NOT, +/-, field:value; none or `*` for all.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub kinds: KindFilterArgs,
    /// Only articles naming this person, organization or location.
    #[arg(long, value_name = "NAME")]
    pub entity: Vec<String>,
    /// Only articles from this source.
    #[arg(long, value_name = "S")]
    pub source: Vec<String>,
    /// Only articles dated on or after this day (2024-10-14, 14 October 2024; a month 2024-10, October 2024 or a year 2024 means its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The time zone of the days of --from, --to and the date facets: an IANA name (Europe/Paris, America/New_York); UTC by default.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
}

impl FilterArgs {
    /// Hands the query words (joined by spaces) and the filters over as
    /// typed, with `last_day`, the command's `--to` or `--until`; the
    /// library checks them.
    pub fn options(&self, last_day: &Option<String>) -> FilterOptions {
        FilterOptions {
            query: self.query.join(" "),
            by_kind: self.kinds.values.clone(),
            entities: self.entity.clone(),
            sources: self.source.clone(),
            from: self.from.clone(),
            to: last_day.clone(),
            tz: self.tz.clone(),
        }
    }
}

/// The filter flag of each extracted kind that has one (`--person`,
/// `--org`, `--location`, `--country`, `--keyword`), declared from the kinds
/// table ([`newsdex::kinds`]) rather than one field per flag, so that a new
/// kind brings its flag with it.
#[derive(Debug, Clone, Default)]
pub struct KindFilterArgs {
    /// The values given to each kind's flag, as typed.
    pub values: Entities,
}

impl Args for KindFilterArgs {
    fn augment_args(command: clap::Command) -> clap::Command {
        let mut augmented = command;
        for kind in Kind::ALL {
            let Some(filter) = kind.spec().filter else {
                continue;
            };
            let flag = Arg::new(filter.flag)
                .long(filter.flag)
                .value_name(filter.value_name)
                .help(filter.help)
                .action(ArgAction::Append);
            augmented = augmented.arg(flag);
        }
        augmented
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        KindFilterArgs::augment_args(command)
    }
}

impl FromArgMatches for KindFilterArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<KindFilterArgs, clap::Error> {
        let mut values = Entities::default();
        for kind in Kind::ALL {
            let Some(filter) = kind.spec().filter else {
                continue;
            };
            if let Some(given) = matches.get_many::<String>(filter.flag) {
                values[kind] = given.cloned().collect();
            }
        }
        Ok(KindFilterArgs { values })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = KindFilterArgs::from_arg_matches(matches)?;
        Ok(())
    }
}

/// How `query` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Tables of hits and facets.
    Table,
    /// Exactly one JSON object.
    Json,
    /// One JSON object per hit and line, for jq and other tools.
    Jsonl,
    /// The hits with their main fields, as CSV with a header row.
    Csv,
}

/// Options of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only articles dated on or before this day (a month or a year means its last day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Count matches by a facet; the help lists every name.
    #[arg(long, value_name = "FACET", help = facet_help(), value_parser = FacetNameParser, hide_possible_values = true)]
    pub facet: Vec<String>,
    /// How many values each non-date facet lists.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub facet_limit: usize,
    /// How many hits to show.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// How many hits to skip.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,
    /// Order of hits.
    #[arg(
        long,
        value_enum,
        default_value = "relevance",
        allow_hyphen_values = true
    )]
    pub sort: SortArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", conflicts_with = "json")]
    pub format: OutputFormat,
    /// Shorthand for --format json.
    #[arg(long)]
    pub json: bool,
    /// How tables lay out hits: full rows with snippets, or one compact line per hit.
    #[arg(long, value_enum, default_value = "auto")]
    pub view: ViewArg,
    /// Show one hit per story: near copies of one text count once, under the earliest.
    #[arg(long)]
    pub collapse: bool,
    /// How long after a story's first article a copy may appear: hours, days or weeks (36h, 3d, 2w).
    #[arg(long, value_name = "SPAN", default_value = "3d")]
    pub collapse_window: String,
    /// What facets count: every matching article, or each story once.
    #[arg(long, value_enum, default_value = "articles")]
    pub count: CountArg,
}

impl QueryArgs {
    /// Hands the search over as typed; the library checks it.
    pub fn search_options(&self) -> SearchOptions {
        SearchOptions {
            filters: self.filters.options(&self.to),
            facets: self.facet.clone(),
            facet_limit: self.facet_limit,
            limit: self.limit,
            offset: self.offset,
            sort: self.sort.into(),
            collapse: self.collapse,
            count_stories: self.count == CountArg::Stories,
            collapse_window: self.collapse_window.clone(),
        }
    }
}

/// What facets count (`--count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountArg {
    /// Every matching article.
    Articles,
    /// Each story once, by its first article: near copies count once.
    Stories,
}

/// The help of `--facet`, listing every facet name.
fn facet_help() -> String {
    format!("Count matches by: {}", FACET_NAMES.join(", "))
}

/// Reads a `--facet` value as it is (the library checks it and says what
/// it accepts), while offering the facet names to shell completions.
#[derive(Debug, Clone, Copy)]
struct FacetNameParser;

impl TypedValueParser for FacetNameParser {
    type Value = String;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            FACET_NAMES.iter().map(|name| PossibleValue::new(*name)),
        ))
    }
}

/// The kinds `pairs` can pair up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairKind {
    /// Person names.
    Person,
    /// Organization names.
    Organization,
    /// Place names.
    Location,
    /// The countries articles are about.
    Country,
    /// Keyphrases.
    Keyword,
}

/// How `pairs` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PairsFormat {
    /// A table.
    Table,
    /// Exactly one JSON object.
    Json,
    /// `Source,Target,Weight` CSV, ready for Gephi's edge import.
    Csv,
}

/// Options of `pairs`.
#[derive(Debug, Args)]
pub struct PairsArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only articles dated on or before this day.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// The kinds whose values pair up, comma-separated.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "person,organization"
    )]
    pub kinds: Vec<PairKind>,
    /// The fewest matching articles a pair must share to be listed.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min_count: u64,
    /// How many pairs to list, most shared first.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table", conflicts_with = "json")]
    pub format: PairsFormat,
    /// Shorthand for --format json.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn the_width_is_columns_then_the_terminal_and_narrow_means_compact() {
        assert_eq!(table_width(Some("80"), Some(200)), Some(80));
        assert_eq!(table_width(None, Some(80)), Some(80));
        assert_eq!(table_width(Some("wide"), Some(90)), Some(90));
        assert_eq!(table_width(Some("0"), None), None);
        assert_eq!(table_width(None, None), None);
        assert_eq!(ViewArg::Auto.choose(Some(80)), table::View::Compact);
        assert_eq!(ViewArg::Auto.choose(Some(100)), table::View::Full);
        assert_eq!(ViewArg::Auto.choose(None), table::View::Full);
        assert_eq!(ViewArg::Full.choose(Some(40)), table::View::Full);
        assert_eq!(ViewArg::Compact.choose(None), table::View::Compact);
    }

    #[test]
    fn sort_accepts_minus_date() {
        let cli = Cli::try_parse_from(["newsdex", "query", "oil", "--sort", "-date"]).unwrap();
        let Command::Query(args) = cli.command else {
            panic!("query expected")
        };
        assert_eq!(args.sort, SortArg::DateDescending);
    }

    #[test]
    fn sort_names_are_the_ones_the_library_reads() {
        for sort in SortArg::value_variants() {
            let possible = sort.to_possible_value().unwrap();
            assert_eq!(
                Sort::from_name(possible.get_name()),
                Some(Sort::from(*sort))
            );
        }
        assert_eq!(SortArg::value_variants().len(), Sort::NAMES.len());
    }

    #[test]
    fn the_apis_names_of_pair_kinds_and_counts_are_claps() {
        use newsdex::serve::params::{COUNT_NAMES, PAIR_KINDS};
        let pair_names: Vec<String> = PairKind::value_variants()
            .iter()
            .map(|kind| kind.to_possible_value().unwrap().get_name().to_string())
            .collect();
        let api_pair_names: Vec<&str> = PAIR_KINDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(pair_names, api_pair_names);
        for (name, stories) in COUNT_NAMES {
            let count = CountArg::from_str(name, false).unwrap();
            assert_eq!(count == CountArg::Stories, stories);
        }
        assert_eq!(CountArg::value_variants().len(), COUNT_NAMES.len());
    }

    #[test]
    fn each_kind_filter_flag_comes_from_the_kinds_table() {
        let cli = Cli::try_parse_from([
            "newsdex",
            "query",
            "--person",
            "Vladimir Putin",
            "--org",
            "OPEC",
            "--person",
            "Xi Jinping",
            "--country",
            "ru",
            "--keyword",
            "oil",
            "--location",
            "Kazan",
        ])
        .unwrap();
        let Command::Query(args) = cli.command else {
            panic!("query expected")
        };
        let values = &args.filters.kinds.values;
        assert_eq!(values[Kind::Person], ["Vladimir Putin", "Xi Jinping"]);
        assert_eq!(values[Kind::Organization], ["OPEC"]);
        assert_eq!(values[Kind::Location], ["Kazan"]);
        assert_eq!(values[Kind::Country], ["ru"]);
        assert_eq!(values[Kind::Keyword], ["oil"]);
        assert!(values[Kind::CountryMentioned].is_empty());
    }
}
