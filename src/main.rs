//! The `newsdex` binary: parses arguments, calls the library, shows
//! progress on a terminal, prints results, and maps outcomes to exit
//! statuses ([`exit_codes`]).

mod cli;
mod commands;
mod exit_codes;
mod progress;

use std::error::Error as _;
use std::io::{self, IsTerminal, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{CommandFactory, Parser};

use cli::{
    Cli, Command, ExportArgs, ExportTarget, ExtractArgs, FormatArg, GlobalArgs, IngestArgs,
    OutputFormat, PairKind, PairsArgs, PairsFormat, QueryArgs, StatsArgs, ViewArg,
};
use exit_codes::ExitStatus;
use newsdex::enrich::Enricher;
use newsdex::error::{Error, Result};
use newsdex::export::{self, Target};
use newsdex::kinds::Kind;
use newsdex::output::{self, csv, hits, json, table};
use newsdex::pipeline::{self, Event, IngestOptions};
use newsdex::query::Filters;
use newsdex::query::pairs::PairsRequest;
use newsdex::read::fields::FieldMap;
use newsdex::read::{Format, Found, ReadOptions};
use newsdex::{index, query, schema};
use progress::IngestProgress;

/// Reports a panic (a bug, or a damaged index file that tantivy reads
/// without checking) as one error line and exits with status 2 at once. An
/// ingest stopped this way keeps its last commit, as after a kill.
fn report_panic(info: &std::panic::PanicHookInfo) {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|message| message.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".to_string());
    let place = info
        .location()
        .map(|location| format!(" at {}:{}", location.file(), location.line()))
        .unwrap_or_default();
    eprintln!(
        "newsdex: error: internal failure{place}: {message}; a damaged index can cause this: `newsdex stats --verify` checks it"
    );
    ExitStatus::Error.exit_now();
}

/// Parses the command line; a usage error is printed with the same
/// `newsdex: error:` prefix as every other error (help and version go to
/// stdout as clap prints them).
fn parse_arguments() -> Result<Cli, ExitCode> {
    let error = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    if !error.use_stderr() {
        let _ = error.print();
        return Err(ExitCode::SUCCESS);
    }
    let rendered = error.render().to_string();
    let message = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    eprint!("newsdex: error: {message}");
    Err(ExitStatus::Error.into())
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(report_panic));
    let cli = match parse_arguments() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let global = cli.global;
    let outcome = match cli.command {
        Command::Ingest(args) => run_ingest(args, &global),
        Command::Query(args) => run_query(*args, &global),
        Command::Stats(args) => run_stats(args, &global),
        Command::Extract(args) => run_extract(args, &global),
        Command::Export(args) => run_export(*args, &global),
        Command::Pairs(args) => run_pairs(*args, &global),
        Command::Show(args) => commands::run_show(args, &global),
        Command::Delete(args) => commands::run_delete(*args, &global),
        Command::Completions(args) => {
            clap_complete::generate(
                args.shell,
                &mut Cli::command(),
                "newsdex",
                &mut io::stdout(),
            );
            Ok(ExitStatus::Success)
        }
        Command::Man(args) => commands::run_man(args, &global),
    };
    match outcome {
        Ok(status) => status.into(),
        Err(Error::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("newsdex: error: {error}");
            if global.verbose {
                let mut cause = error.source();
                while let Some(inner) = cause {
                    eprintln!("  caused by: {inner}");
                    cause = inner.source();
                }
            }
            ExitStatus::Error.into()
        }
    }
}

/// Builds the read options from `--format` and `--field`, checking each
/// mapping.
fn to_read_options(format: Option<FormatArg>, fields: &[String]) -> Result<ReadOptions> {
    let format = format.map(|format| match format {
        FormatArg::Txt => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::JsonLines,
        FormatArg::Csv => Format::Csv,
        FormatArg::Feed => Format::Feed,
        FormatArg::Html => Format::Page,
        FormatArg::Warc => Format::Warc,
    });
    Ok(ReadOptions {
        format,
        fields: FieldMap::parse(fields)?,
    })
}

/// The number of cores, or 1 when it cannot be told.
fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get())
}

fn run_ingest(args: IngestArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let schema = schema::load_schema(args.schema.as_deref())?;
    let threads = args.threads.unwrap_or_else(available_cores).clamp(1, 8);
    let options = IngestOptions {
        index: args.index.index,
        schema,
        read: to_read_options(args.format, &args.fields)?,
        inputs: args.paths,
        enricher: if args.no_enrich {
            Enricher::without_extraction()
        } else {
            Enricher::new()
        },
        reindex: args.reindex,
        batch_size: args.batch_size.max(1),
        threads,
        memory_bytes: args.memory_mb.max(15) * 1024 * 1024,
    };
    report_unread_files(&options.inputs, global);
    let progress = IngestProgress::new(global.quiet, &options.inputs);
    let stop = Arc::new(AtomicBool::new(false));
    let handler_stop = Arc::clone(&stop);
    let handler_progress = progress.clone();
    let quiet = global.quiet;
    let _ = ctrlc::set_handler(move || {
        // The first Ctrl-C stops at the next record and commits; a second one,
        // for an ingest blocked on a silent stdin, leaves at once (the index
        // keeps its last commit), the progress line cleared first.
        if handler_stop.swap(true, Ordering::Relaxed) {
            handler_progress.leave_now(quiet);
            ExitStatus::Interrupted.exit_now();
        }
        handler_progress.stopping();
    });
    let report = pipeline::ingest(&options, &stop, |event| match event {
        Event::Skipped(error) => progress.suspend(|| eprintln!("newsdex: skipped {error}")),
        Event::Warning(warning) if !global.quiet => {
            progress.suspend(|| eprintln!("newsdex: warning: {warning}"))
        }
        Event::Warning(_) => {}
        Event::Progress(done) => progress.update(done),
    });
    progress.clear();
    let report = report?;
    if args.json {
        json::write_line(&mut io::stdout().lock(), &report).map_err(Error::Output)?;
    }
    if !global.quiet {
        eprintln!("newsdex: {}", table::ingest_summary(&report));
    }
    if report.interrupted {
        return Ok(ExitStatus::Interrupted);
    }
    Ok(if report.skipped > 0 {
        ExitStatus::Skipped
    } else {
        ExitStatus::Success
    })
}

/// With `--verbose`, names on stderr each file inside the named folders
/// that is not read because its type is unknown.
fn report_unread_files(inputs: &[String], global: &GlobalArgs) {
    if !global.verbose {
        return;
    }
    for path in newsdex::read::unread_files_in_folders(inputs) {
        eprintln!(
            "newsdex: not read {}: unknown file type (name it {}, optionally .gz)",
            path.display(),
            newsdex::read::known_extensions()
        );
    }
}

/// Says on stderr which `--person` values matched the persons whose name
/// ends with them, as no person has exactly that name.
fn report_person_endings(
    open: &index::OpenIndex,
    filters: &Filters,
    global: &GlobalArgs,
) -> Result<()> {
    if global.quiet {
        return Ok(());
    }
    for ending in query::person_endings(open, filters)? {
        eprintln!(
            "newsdex: no person is named exactly {:?}; matching the names ending with it: {}",
            ending.typed,
            ending.names.join(", ")
        );
    }
    Ok(())
}

fn run_query(args: QueryArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let request = query::build_search_request(&args.search_options())?;
    let open = index::open_index(&args.index.index)?;
    let result = query::collect::search(&open, &request)?;
    report_person_endings(&open, &request.filters, global)?;
    let mut stdout = io::stdout().lock();
    let format = if args.json {
        OutputFormat::Json
    } else {
        args.format
    };
    let written = match format {
        OutputFormat::Json => json::write_query(&mut stdout, &request.query, &result),
        OutputFormat::Jsonl => json::write_hits(&mut stdout, &result.hits),
        OutputFormat::Csv => csv::write_hits(&mut stdout, &result.hits),
        OutputFormat::Table => hits::write_query(
            &mut stdout,
            &request,
            &result,
            table_style(global, args.view),
        ),
    };
    written
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitStatus::Success)
}

fn run_pairs(args: PairsArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let search = query::build_filtered_request(&args.filters.options(&args.to))?;
    let kinds = args
        .kinds
        .iter()
        .map(|kind| match kind {
            PairKind::Person => Kind::Person,
            PairKind::Organization => Kind::Organization,
            PairKind::Location => Kind::Location,
            PairKind::Country => Kind::Country,
            PairKind::Keyword => Kind::Keyword,
        })
        .collect();
    let request = PairsRequest {
        search,
        kinds,
        min_count: args.min_count,
        limit: args.limit,
    };
    let open = index::open_index(&args.index.index)?;
    let result = query::pairs::count_pairs(&open, &request)?;
    let mut stdout = io::stdout().lock();
    let format = if args.json {
        PairsFormat::Json
    } else {
        args.format
    };
    let written = match format {
        PairsFormat::Json => output::pairs::write_json(&mut stdout, &request.search.query, &result),
        PairsFormat::Csv => output::pairs::write_csv(&mut stdout, &result),
        PairsFormat::Table => {
            output::pairs::write_table(&mut stdout, &result, table_style(global, ViewArg::Full))
        }
    };
    written
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitStatus::Success)
}

fn run_stats(args: StatsArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let open = index::open_index(&args.index.index)?;
    if args.verify {
        let segments = index::verify::verify_index(&open)?;
        if !global.quiet {
            eprintln!("newsdex: verified the files of {segments} segments: every checksum matches");
        }
    }
    let stats = index::stats::index_stats(&open, 10)?;
    let mut stdout = io::stdout().lock();
    let written = if args.json {
        json::write_stats(&mut stdout, &stats)
    } else {
        table::write_stats(&mut stdout, &stats, table_style(global, ViewArg::Full))
    };
    written
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitStatus::Success)
}

fn run_extract(args: ExtractArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut skipped = 0u64;
    let mut failure = None;
    let threads = args.threads.unwrap_or_else(available_cores).max(1);
    report_unread_files(&args.paths, global);
    let _ = pipeline::enrich_inputs(
        &args.paths,
        &to_read_options(args.format, &args.fields)?,
        Enricher::new(),
        threads,
        |item| {
            match item {
                Found::Article((location, enriched)) => {
                    if !global.quiet {
                        for warning in pipeline::warnings(&location, &enriched) {
                            eprintln!("newsdex: warning: {warning}");
                        }
                    }
                    if let Err(error) = json::write_extracted(&mut out, &enriched) {
                        failure = Some(error);
                        return ControlFlow::Break(());
                    }
                }
                Found::Bad(error) => {
                    skipped += 1;
                    eprintln!("newsdex: skipped {error}");
                }
                Found::Empty(warning) if !global.quiet => {
                    eprintln!("newsdex: warning: {warning}");
                }
                Found::Empty(_) => {}
            }
            ControlFlow::Continue(())
        },
    );
    if let Some(error) = failure {
        return Err(Error::Output(error));
    }
    out.flush().map_err(Error::Output)?;
    Ok(if skipped > 0 {
        ExitStatus::Skipped
    } else {
        ExitStatus::Success
    })
}

fn run_export(args: ExportArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let request = query::build_filtered_request(&args.filters.options(&args.until))?;
    let open = index::open_index(&args.index.index)?;
    let target = match args.to {
        ExportTarget::Quickwit => Target::Quickwit,
        ExportTarget::Elasticsearch => Target::Elasticsearch,
    };
    let report = export::export(&open, &request, target, &args.out, args.force)?;
    if args.json {
        json::write_line(&mut io::stdout().lock(), &report).map_err(Error::Output)?;
    }
    if !global.quiet {
        let bytes: u64 = report.files.iter().map(|(_, size)| size).sum();
        eprintln!(
            "newsdex: exported {} articles to {} ({} files, {} bytes) in {:.2}s; see README.txt there",
            report.documents,
            args.out.display(),
            report.files.len(),
            bytes,
            report.seconds
        );
    }
    Ok(ExitStatus::Success)
}

/// Tables use colour as `--color` says (on a terminal unless NO_COLOR is
/// set, by default), fit `$COLUMNS` or the terminal's width, and lay out
/// hits as `--view` says.
fn table_style(global: &GlobalArgs, view: ViewArg) -> table::Style {
    let no_color = std::env::var_os("NO_COLOR");
    let color = global
        .color
        .use_color(io::stdout().is_terminal(), no_color.as_deref());
    let columns = std::env::var("COLUMNS").ok();
    let terminal = console::Term::stdout()
        .size_checked()
        .map(|(_, columns)| columns);
    let width = cli::table_width(columns.as_deref(), terminal);
    table::Style {
        color,
        width,
        view: view.choose(width),
    }
}
