//! `export`: writes the selected articles as files Quickwit or
//! Elasticsearch/OpenSearch load, and says where.

use std::io;

use newsdex::error::{Error, Result};
use newsdex::export::{self, Target};
use newsdex::output::{self, json};
use newsdex::{index, query};

use crate::cli::{ExportArgs, ExportTarget, GlobalArgs};
use crate::exit_codes::ExitStatus;

/// Exports the articles the query and filters select.
pub fn run(args: ExportArgs, global: &GlobalArgs) -> Result<ExitStatus> {
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
            "newsdex: exported {} to {} ({}, {}) in {:.2}s; see README.txt there",
            output::count_of(report.documents as u64, "article"),
            args.out.display(),
            output::count_of(report.files.len() as u64, "file"),
            output::count_of(bytes, "byte"),
            report.seconds
        );
    }
    Ok(ExitStatus::Success)
}
