//! `extract`: reads and enriches the inputs as `ingest` does and prints
//! each article's extracted values as one JSON object per line, in input
//! order, without indexing.

use std::io::{self, IsTerminal, Write};
use std::ops::ControlFlow;

use newsdex::enrich::Enricher;
use newsdex::error::{Error, Result};
use newsdex::output::json;
use newsdex::pipeline::{self, Event};

use super::{available_cores, read_options, report_unread_files};
use crate::cli::{ExtractArgs, GlobalArgs};
use crate::exit_codes::ExitStatus;
use crate::progress::IngestProgress;

/// Prints what enrichment finds in the inputs; the status says whether
/// records were skipped. A progress line is drawn on stderr, as for
/// ingest, when it is a terminal and the lines do not go to it too.
pub fn run(args: ExtractArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    crate::memory::without_huge_pages();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut skipped = 0u64;
    let mut failure = None;
    let threads = args.threads.unwrap_or_else(available_cores).max(1);
    report_unread_files(&args.paths, global);
    let hidden = global.quiet || io::stdout().is_terminal();
    let progress = IngestProgress::new(hidden, &args.paths);
    let _ = pipeline::explain_inputs(
        &args.paths,
        &read_options(args.format, args.encoding.as_deref(), &args.fields)?,
        (Enricher::new(), args.explain),
        threads,
        |event| match event {
            Event::Skipped(error) => {
                skipped += 1;
                progress.suspend(|| eprintln!("newsdex: skipped {error}"));
            }
            Event::Warning(warning) if !global.quiet => {
                progress.suspend(|| eprintln!("newsdex: warning: {warning}"));
            }
            Event::Warning(_) => {}
            Event::Progress(done) => progress.update(done),
        },
        |_location, enriched, mentions| {
            let written = if args.explain {
                json::write_explained(&mut out, &enriched, &mentions)
            } else {
                json::write_extracted(&mut out, &enriched)
            };
            match written {
                Ok(()) => ControlFlow::Continue(()),
                Err(error) => {
                    failure = Some(error);
                    ControlFlow::Break(())
                }
            }
        },
    );
    progress.clear();
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
