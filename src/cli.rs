//! The whole command-line surface, declared with clap derive. Doc comments
//! are the help text; the binary turns these arguments into the library's
//! option structs in one place (`main.rs`).

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use newsdex::article::Entities;
use newsdex::facets::FACET_NAMES;
use newsdex::kinds::Kind;
use newsdex::output::table;

/// Full-text search and faceted queries over news articles.
///
/// Ingest articles (plain text, JSON, JSON Lines; files, folders, stdin)
/// into a tantivy index with extracted persons, organizations, locations,
/// countries and keywords, then query them with filters and facet counts.
#[derive(Debug, Parser)]
#[command(name = "newsdex", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, listed under their own heading in each
/// command's help.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Print nothing on stderr but errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Explain errors with their causes, and name the files of unknown type that folders hold and are not read.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// When to use colour and bold: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto", global = true)]
    pub color: ColorArg,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    /// Decides whether to use colour: `always` and `never` say so; `auto`
    /// uses it when stdout is a terminal and `NO_COLOR` is unset or empty
    /// (<https://no-color.org>). The caller reads the terminal and the
    /// environment, so this decision is tested on its own.
    pub fn use_color(self, stdout_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => stdout_is_terminal && no_color.is_none_or(OsStr::is_empty),
        }
    }
}

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

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract entities, and add them to the index.
    #[command(
        after_help = "Example:\n  newsdex ingest --index news-index samples/txt samples/json samples/feeds"
    )]
    Ingest(IngestArgs),
    /// Search the index, with filters and facet counts.
    #[command(
        after_help = "Examples:\n  newsdex query oil --facet date:month --facet country\n  newsdex query --person \"Vladimir Putin\" --facet person --json\n  newsdex query '\"interest rates\"' --country JP --from 2023-01-01 --sort -date\n  newsdex query oil --format csv --limit 100 > oil.csv"
    )]
    Query(Box<QueryArgs>),
    /// Print stored articles: date, title, source, url, entities, country evidence and body.
    #[command(
        after_help = "Examples:\n  newsdex show sample-json-005\n  newsdex query oil --view compact   # the ids are in the second column\n  newsdex show --json sample-json-005 | jq .evidence"
    )]
    Show(ShowArgs),
    /// Delete articles by id, or every article a query and filters select.
    #[command(
        after_help = "Usage forms:\n  newsdex delete ID...\n  newsdex delete --query [QUERY] [--person NAME --country C --from DATE ...]\n\nExamples:\n  newsdex delete sample-json-005 sample-json-006\n  newsdex delete --query --source \"Retracted Wire\" --yes"
    )]
    Delete(Box<DeleteArgs>),
    /// Summarise the index: documents, dates, segments, size, top facets.
    #[command(after_help = "Example:\n  newsdex stats --index news-index --json")]
    Stats(StatsArgs),
    /// Print what enrichment finds in articles, one JSON object per line, without indexing.
    #[command(
        after_help = "Example:\n  newsdex extract samples/feeds/wire-2021.jsonl | jq -c '{id, countries, persons}'"
    )]
    Extract(ExtractArgs),
    /// Write the selected articles for Quickwit or Elasticsearch, with the index configuration and load commands.
    #[command(
        after_help = "Examples:\n  newsdex export --to quickwit --out quickwit-export\n  newsdex export --to elasticsearch --country RU --from 2024-01-01 --until 2024-12-31 --out es-export"
    )]
    Export(Box<ExportArgs>),
    /// List who appears with whom: the pairs of entities named together in the matching articles.
    #[command(
        after_help = "Examples:\n  newsdex pairs coffee --kinds person,organization --min-count 2\n  newsdex pairs --country BR --format csv > edges.csv   # Gephi: import as an edge table"
    )]
    Pairs(Box<PairsArgs>),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  newsdex completions bash > ~/.local/share/bash-completion/completions/newsdex"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  newsdex man > newsdex.1 && man ./newsdex.1\n  newsdex man --out ~/.local/share/man/man1 && man newsdex-query"
    )]
    Man(ManArgs),
}

/// Options of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write newsdex.1 and one page per command (newsdex-query.1...) into this folder instead of printing the top page.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// The ids of the articles to print, as `query` lists them.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// Print one JSON object per article and line.
    #[arg(long)]
    pub json: bool,
}

/// Options of `delete`: `delete ID...`, or `delete --query [QUERY]
/// [filters]`, where the words after the options are the query.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// Delete every article the query and filters select (the words are then QUERY, not ids), after a count and a confirmation.
    #[arg(long = "query", id = "by_query")]
    pub by_query: bool,
    /// Do not ask for confirmation (needed with --query when stdin is not a terminal).
    #[arg(long, short)]
    pub yes: bool,
    /// The ids to delete; with --query, the query and filters of `query`.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only articles dated on or before this day (with --query).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// The index folder.
    #[arg(
        long,
        env = "NEWSDEX_INDEX",
        default_value = "newsdex-index",
        value_name = "DIR"
    )]
    pub index: PathBuf,
}

/// An input format, to override detection by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text: `date <DATE> <TITLE>`, a blank line, the body.
    Txt,
    /// One JSON article object, or an array of them.
    Json,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// CSV or TSV with a header row (delimiter sniffed): one article per row.
    Csv,
    /// An RSS 2.0, RSS 1.0 (RDF) or Atom feed: one article per item.
    Feed,
    /// A web page: its main text and metadata.
    Html,
    /// A web archive (WARC): one article per HTML response.
    Warc,
}

/// Options of `ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// Files and folders to read (folders recursively, in name order); `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Read every input as this format instead of detecting it from the extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Read field NAME (body, title, date, author...) from KEY: a JSON key, a dotted path such as meta.published, or a CSV column; repeatable.
    #[arg(long = "field", value_name = "NAME=KEY")]
    pub fields: Vec<String>,
    /// Schema file to build a new index with [default: the built-in index-schema/articles.json].
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Index only the fields the input provides: no entity, country or keyword extraction.
    #[arg(long)]
    pub no_enrich: bool,
    /// Enrich and write every article again, even those the index holds unchanged (which are skipped by default, so that re-running an interrupted ingest is quick).
    #[arg(long)]
    pub reindex: bool,
    /// Print the summary as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// Articles per commit; an interrupted ingest keeps every committed batch.
    #[arg(long, default_value_t = 10_000, value_name = "N")]
    pub batch_size: usize,
    /// Enrichment and indexing threads [default: all cores]; the index is the same whatever the count.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Indexing memory budget in megabytes.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory_mb: usize,
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
    /// Only articles dated on or after this day (2024-10-14; a month 2024-10 or year 2024 means its first day).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The time zone of the days of --from, --to and the date facets: an IANA name (Europe/Paris, America/New_York); UTC by default.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
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

/// Where `export` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// Quickwit: index-config.yaml and docs-NNNN.ndjson.
    Quickwit,
    /// Elasticsearch or OpenSearch: mapping.json and _bulk files bulk-NNNN.ndjson.
    Elasticsearch,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// The engine to export for.
    #[arg(long, value_enum)]
    pub to: ExportTarget,
    /// The folder to write into, created if needed; it must be empty.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace an earlier export in --out: remove its files first.
    #[arg(long)]
    pub force: bool,
    /// Print the summary as one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only articles dated on or before this day (query's --to; here --to names the target).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
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

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// Print one JSON object on stdout.
    #[arg(long)]
    pub json: bool,
    /// First check every segment file against its checksum; a damaged index exits with status 2.
    #[arg(long)]
    pub verify: bool,
}

/// Options of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files and folders to read; `-` (the default) reads stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    pub paths: Vec<String>,
    /// Read every input as this format instead of detecting it from the extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Read field NAME (body, title, date, author...) from KEY: a JSON key, a dotted path such as meta.published, or a CSV column; repeatable.
    #[arg(long = "field", value_name = "NAME=KEY")]
    pub fields: Vec<String>,
    /// Enrichment threads [default: all cores]; the output order is the input order whatever the count.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn auto_colour_needs_a_terminal_and_no_no_color() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        assert!(ColorArg::Auto.use_color(true, None));
        assert!(
            !ColorArg::Auto.use_color(true, set),
            "NO_COLOR=1 turns it off"
        );
        assert!(
            ColorArg::Auto.use_color(true, empty),
            "an empty NO_COLOR does not"
        );
        assert!(
            !ColorArg::Auto.use_color(false, None),
            "off when not a terminal"
        );
        assert!(ColorArg::Always.use_color(false, set));
        assert!(!ColorArg::Never.use_color(true, None));
    }

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
