//! `ingest`: reads, enriches and indexes the inputs, with a progress line
//! on a terminal; the first Ctrl-C stops at the next record and commits.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use newsdex::enrich::Enricher;
use newsdex::error::{Error, Result};
use newsdex::output::{json, table};
use newsdex::pipeline::{self, Event, IngestOptions};
use newsdex::schema;

use super::{available_cores, read_options, report_unread_files};
use crate::cli::{GlobalArgs, IngestArgs};
use crate::exit_codes::ExitStatus;
use crate::progress::IngestProgress;

/// Indexes the inputs; the status says whether records were skipped or
/// the ingest was interrupted.
pub fn run(args: IngestArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    // Before any thread starts (the Ctrl-C handler's included).
    crate::memory::return_large_blocks_to_the_system();
    crate::memory::without_huge_pages();
    let schema = schema::load_schema(args.schema.as_deref())?;
    let threads = args.threads.unwrap_or_else(available_cores).max(1);
    let options = IngestOptions {
        index: args.index.index,
        schema,
        read: read_options(args.format, args.encoding.as_deref(), &args.fields)?,
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
