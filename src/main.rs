//! The `newsdex` binary: parses arguments, calls the library, shows
//! progress on a terminal, prints results, and maps outcomes to exit
//! statuses.
//!
//! Exit statuses: 0 success; 1 some records were skipped; 2 usage error,
//! bad query, or an index that cannot be opened or written; 130 ingest
//! interrupted by Ctrl-C (committed work is kept).

mod cli;

use std::io::{self, IsTerminal, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};

use cli::{Cli, Command, ExtractArgs, FormatArg, IngestArgs, QueryArgs, SortArg, StatsArgs};
use newsdex::enrich::Enricher;
use newsdex::enrich::countries::resolve_country;
use newsdex::error::{Error, Result};
use newsdex::output::{json, table};
use newsdex::pipeline::{self, Event, IngestOptions};
use newsdex::query::{Filters, SearchRequest, Sort};
use newsdex::read::Format;
use newsdex::{dates, facets, index, query, schema};

/// Some records were skipped.
const EXIT_SKIPPED: u8 = 1;
/// Usage error, bad query, or index failure.
const EXIT_ERROR: u8 = 2;
/// Interrupted by Ctrl-C.
const EXIT_INTERRUPTED: u8 = 130;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Ingest(args) => run_ingest(args),
        Command::Query(args) => run_query(*args),
        Command::Stats(args) => run_stats(args),
        Command::Extract(args) => run_extract(args),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(Error::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newsdex: error: {error}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn to_format(format: Option<FormatArg>) -> Option<Format> {
    format.map(|format| match format {
        FormatArg::Txt => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::JsonLines,
    })
}

fn run_ingest(args: IngestArgs) -> Result<u8> {
    let schema = match &args.schema {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|error| Error::Schema {
                path: path.display().to_string(),
                reason: error.to_string(),
            })?;
            schema::parse_schema(&text, &path.display().to_string())?
        }
        None => schema::parse_schema(
            schema::BUILT_IN_SCHEMA,
            "index-schema/articles.json (built in)",
        )?,
    };
    let threads = args.threads.unwrap_or_else(available_cores).clamp(1, 8);
    let options = IngestOptions {
        index: args.index.index,
        schema,
        inputs: args.paths,
        format: to_format(args.format),
        enricher: if args.no_enrich {
            Enricher::without_extraction()
        } else {
            Enricher::new()
        },
        batch_size: args.batch_size.max(1),
        threads,
        memory_bytes: args.memory_mb.max(15) * 1024 * 1024,
    };
    let stop = Arc::new(AtomicBool::new(false));
    let handler_stop = Arc::clone(&stop);
    let _ = ctrlc::set_handler(move || {
        // The first Ctrl-C stops at the next record and commits; a second one,
        // for an ingest blocked on a silent stdin, leaves at once (the index
        // keeps its last commit).
        if handler_stop.swap(true, Ordering::Relaxed) {
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
    let progress = progress_bar(args.quiet);
    let report = pipeline::ingest(&options, &stop, |event| match event {
        Event::Skipped(error) => progress.suspend(|| eprintln!("newsdex: skipped {error}")),
        Event::Warning(warning) if !args.quiet => {
            progress.suspend(|| eprintln!("newsdex: warning: {warning}"))
        }
        Event::Warning(_) => {}
        Event::Progress(read) => progress.set_position(read),
    })?;
    progress.finish_and_clear();
    if args.json {
        let mut stdout = io::stdout().lock();
        json::write_line(&mut stdout, &report).map_err(Error::Output)?;
    }
    if !args.quiet {
        eprintln!("newsdex: {}", table::ingest_summary(&report));
    }
    if report.interrupted {
        return Ok(EXIT_INTERRUPTED);
    }
    Ok(if report.skipped > 0 { EXIT_SKIPPED } else { 0 })
}

/// The number of cores, or 1 when it cannot be told.
fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get())
}

/// A spinner with the count of articles read, on a terminal only.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    let style =
        ProgressStyle::with_template("{spinner} {pos} articles read ({per_sec}, {elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Builds the search request from the arguments, validating every value.
fn search_request(args: &QueryArgs) -> Result<SearchRequest> {
    let mut countries = Vec::new();
    for country in &args.country {
        let code = resolve_country(country).ok_or_else(|| Error::Usage {
            what: "country",
            value: country.clone(),
            hint: "use an ISO 3166-1 alpha-2 code such as RU, or a country name such as Russia"
                .to_string(),
        })?;
        countries.push(code);
    }
    let day = |value: &Option<String>,
               bound: fn(&str) -> Option<chrono::DateTime<chrono::Utc>>|
     -> Result<_> {
        match value {
            None => Ok(None),
            Some(text) => bound(text).map(Some).ok_or_else(|| Error::Usage {
                what: "date",
                value: text.clone(),
                hint: "use a date such as 2024-10-14".to_string(),
            }),
        }
    };
    let mut requested_facets = Vec::new();
    for name in &args.facet {
        requested_facets.push(facets::parse_facet(name)?);
    }
    Ok(SearchRequest {
        query: args.query.join(" "),
        filters: Filters {
            persons: args.person.clone(),
            organizations: args.org.clone(),
            locations: args.location.clone(),
            entities: args.entity.clone(),
            countries,
            keywords: args.keyword.clone(),
            sources: args.source.clone(),
            from: day(&args.from, dates::start_of_day)?,
            until: day(&args.to, dates::end_of_day)?,
        },
        facets: requested_facets,
        facet_limit: args.facet_limit,
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
            SortArg::DateDescending => Sort::DateDescending,
        },
    })
}

fn run_query(args: QueryArgs) -> Result<u8> {
    let request = search_request(&args)?;
    let open = index::open_index(&args.index.index)?;
    let result = query::collect::search(&open, &request)?;
    let mut stdout = io::stdout().lock();
    if args.json {
        json::write_query(&mut stdout, &request.query, &result).map_err(Error::Output)?;
    } else {
        table::write_query(
            &mut stdout,
            &request.query,
            request.offset,
            &result,
            table_style(),
        )
        .map_err(Error::Output)?;
    }
    stdout.flush().map_err(Error::Output)?;
    Ok(0)
}

fn run_stats(args: StatsArgs) -> Result<u8> {
    let open = index::open_index(&args.index.index)?;
    let stats = index::stats::index_stats(&open, 10)?;
    let mut stdout = io::stdout().lock();
    if args.json {
        json::write_stats(&mut stdout, &stats).map_err(Error::Output)?;
    } else {
        table::write_stats(&mut stdout, &stats, table_style()).map_err(Error::Output)?;
    }
    stdout.flush().map_err(Error::Output)?;
    Ok(0)
}

fn run_extract(args: ExtractArgs) -> Result<u8> {
    let stdout = io::stdout().lock();
    let mut out = io::BufWriter::new(stdout);
    let mut skipped = 0u64;
    let mut failure = None;
    let threads = args.threads.unwrap_or_else(available_cores).max(1);
    let _ = pipeline::enrich_inputs(
        &args.paths,
        to_format(args.format),
        Enricher::new(),
        threads,
        |item| {
            match item {
                Ok((location, enriched)) => {
                    if let Some(warning) = pipeline::date_warning(&location, &enriched) {
                        eprintln!("newsdex: warning: {warning}");
                    }
                    if let Err(error) = json::write_extracted(&mut out, &enriched) {
                        failure = Some(error);
                        return ControlFlow::Break(());
                    }
                }
                Err(error) => {
                    skipped += 1;
                    eprintln!("newsdex: skipped {error}");
                }
            }
            ControlFlow::Continue(())
        },
    );
    if let Some(error) = failure {
        return Err(Error::Output(error));
    }
    out.flush().map_err(Error::Output)?;
    Ok(if skipped > 0 { EXIT_SKIPPED } else { 0 })
}

/// Tables use colour only on a terminal, and fit its width.
fn table_style() -> table::Style {
    let terminal = io::stdout().is_terminal();
    let color = terminal && std::env::var_os("NO_COLOR").is_none();
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.parse().ok());
    table::Style { color, width }
}
