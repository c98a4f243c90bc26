//! `stats`: summarises the index as a table or JSON, after checking its
//! files against their checksums with `--verify`.

use std::io::{self, Write};

use newsdex::error::{Error, Result};
use newsdex::output::{self, json, table};
use newsdex::{index, operations};

use super::table_style;
use crate::cli::{GlobalArgs, StatsArgs, ViewArg};
use crate::exit_codes::ExitStatus;

/// Prints the summary of the index.
pub fn run(args: StatsArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let open = index::open_index(&args.index.index)?;
    if args.verify {
        let segments = index::verify::verify_index(&open)?;
        if !global.quiet {
            let segments = output::count_of(segments as u64, "segment");
            eprintln!("newsdex: verified the files of {segments}: every checksum matches");
        }
    }
    let stats = operations::stats::index_stats(&open, 10)?;
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
