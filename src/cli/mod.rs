//! The whole command-line surface, declared with clap derive. Doc comments
//! are the help text; each command's file in `commands/` turns these
//! arguments into the library's option structs, the filters and searches
//! through [`FilterArgs::options`] and [`QueryArgs::search_options`], whose
//! values the library checks. This file holds the commands, the global
//! options and the arguments of every command but `query` and `pairs`,
//! whose options (and the filters others share) are in [`query`].

mod query;

use std::ffi::OsStr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use query::{
    FilterArgs, OutputFormat, PairKind, PairsArgs, PairsFormat, QueryArgs, ViewArg, table_width,
};

/// Full-text search and faceted queries over news articles.
///
/// Ingest articles (plain text, JSON, JSON Lines, CSV and TSV, RSS and Atom
/// feeds, HTML pages, WARC web archives; files gzipped or not, stdin also
/// gzip or zstd compressed; files, folders, stdin) into a tantivy index
/// with extracted persons, organizations, locations, countries and
/// keywords, then query them with filters and facet counts.
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

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract entities, and add them to the index.
    ///
    /// Inputs: plain text, JSON, JSON Lines, CSV and TSV, RSS (2.0 and 1.0)
    /// and Atom feeds, HTML pages and WARC web archives, each file gzipped
    /// (.gz) or not, standard input also gzip or zstd compressed. The format
    /// comes from the extension (--format names it instead); standard input
    /// is recognised by its first bytes.
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
    ///
    /// Reads what ingest reads: plain text, JSON, JSON Lines, CSV and TSV,
    /// RSS (2.0 and 1.0) and Atom feeds, HTML pages and WARC web archives,
    /// each file gzipped (.gz) or not, standard input also gzip or zstd
    /// compressed.
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
    /// List the merges of values: each alias counted as another value of its kind, its years and articles.
    ///
    /// A surname written alone counts as the full name that dominates it
    /// nearby in time; organizations and locations written alike (case,
    /// accents, legal endings, British spellings) count as the value most
    /// articles write, and an acronym as the full name the articles define
    /// it as (learned when an ingest ends). The file aliases.txt in the
    /// index folder adds or undoes merges, one a line, without
    /// re-ingesting: `alias<TAB>name`, `kind<TAB>alias<TAB>name`, or `alias<TAB>-`.
    #[command(
        after_help = "Examples:\n  newsdex aliases --index news-index\n  printf 'Baker\\tJames Baker\\n' >> news-index/aliases.txt   # count Baker alone as James Baker\n  printf 'USDA\\t-\\n' >> news-index/aliases.txt   # keep USDA apart from its full name"
    )]
    Aliases(AliasesArgs),
    /// Serve a web page and a JSON API over the index, read-only, until Ctrl-C.
    ///
    /// The API answers what the commands print: /api/search is `query
    /// --json` (parameters: the query options without dashes, `q` for the
    /// query), /api/articles/ID is `show --json`, /api/stats is `stats
    /// --json`, /api/pairs is `pairs --format json`; /api/openapi.json
    /// describes them. Commits made by `ingest` or `delete` while it runs
    /// are seen by the next request.
    #[command(
        after_help = "Examples:\n  newsdex serve --index news-index   # then open the address it prints\n  curl 'http://127.0.0.1:8080/api/search?q=oil&facet=country&limit=3'"
    )]
    Serve(ServeArgs),
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
    /// Also say how each name was decided: the mentions behind each value, who found them, and each dropped candidate with the resolver that dropped it and why (extracted again by this newsdex).
    #[arg(long)]
    pub explain: bool,
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
    /// The encoding of text, JSON, JSON Lines, CSV and TSV inputs: a WHATWG label (windows-1252, iso-8859-2, shift_jis, utf-16le...); by default UTF-8, else Windows-1252 with a warning, and UTF-16 after its byte-order mark. Feeds and pages follow their own declarations.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
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
    // Each commit writes a segment per indexing thread, which the final
    // merge then rewrites: at 160k articles with `--no-enrich`, 50,000
    // took 21 % less CPU time than 10,000 (9.2 against 11.7 s) and less
    // memory; at 800k, 200,000 took 13 % less than 50,000 (47.7 against
    // 54.7 s, the mean of four and six runs) at the same peak, where
    // 400,000 raised the peak by 36 MB for no gain (BENCHMARKS.md).
    #[arg(long, default_value_t = 200_000, value_name = "N")]
    pub batch_size: usize,
    /// Enrichment and indexing threads [default: all cores; indexing uses at most 8]; the index is the same whatever the count.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Indexing memory budget in megabytes.
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory_mb: usize,
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

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `aliases`.
#[derive(Debug, Args)]
pub struct AliasesArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// Print one JSON object on stdout: {"aliases": [...]}.
    #[arg(long)]
    pub json: bool,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub index: IndexArgs,
    /// The address to listen at; any other than a loopback address makes the index readable by the network.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: std::net::IpAddr,
    /// The port to listen at; 0 picks a free one (the printed address names it).
    #[arg(long, default_value_t = 8080, value_name = "N")]
    pub port: u16,
    /// Let pages of this origin (https://example.org, or * for any) call the API from a browser; no CORS headers otherwise.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
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
    /// The encoding of text, JSON, JSON Lines, CSV and TSV inputs: a WHATWG label (windows-1252, iso-8859-2, shift_jis, utf-16le...); by default UTF-8, else Windows-1252 with a warning, and UTF-16 after its byte-order mark. Feeds and pages follow their own declarations.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Read field NAME (body, title, date, author...) from KEY: a JSON key, a dotted path such as meta.published, or a CSV column; repeatable.
    #[arg(long = "field", value_name = "NAME=KEY")]
    pub fields: Vec<String>,
    /// Enrichment threads [default: all cores]; the output order is the input order whatever the count.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Add `mentions` to each line: every name found, who found it, and which resolver kept, renamed or dropped it and why.
    #[arg(long)]
    pub explain: bool,
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
}
