//! `extract`: reads and enriches the inputs as `ingest` does and prints
//! each article's extracted values as one JSON object per line, in input
//! order, without indexing.

use std::io::{self, Write};
use std::ops::ControlFlow;

use newsdex::enrich::Enricher;
use newsdex::error::{Error, Result};
use newsdex::output::json;
use newsdex::pipeline;
use newsdex::read::Found;

use super::{available_cores, read_options, report_unread_files};
use crate::cli::{ExtractArgs, GlobalArgs};
use crate::exit_codes::ExitStatus;

/// Prints what enrichment finds in the inputs; the status says whether
/// records were skipped.
pub fn run(args: ExtractArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut skipped = 0u64;
    let mut failure = None;
    let threads = args.threads.unwrap_or_else(available_cores).max(1);
    report_unread_files(&args.paths, global);
    let _ = pipeline::explain_inputs(
        &args.paths,
        &read_options(args.format, args.encoding.as_deref(), &args.fields)?,
        (Enricher::new(), args.explain),
        threads,
        |item| {
            match item {
                Found::Article((location, (enriched, mentions))) => {
                    if !global.quiet {
                        for warning in pipeline::warnings(&location, &enriched) {
                            eprintln!("newsdex: warning: {warning}");
                        }
                    }
                    let written = if args.explain {
                        json::write_explained(&mut out, &enriched, &mentions)
                    } else {
                        json::write_extracted(&mut out, &enriched)
                    };
                    if let Err(error) = written {
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
