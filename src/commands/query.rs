//! `query`: searches the index and prints the hits and facets as a table,
//! JSON, JSON Lines or CSV.

use std::io::{self, Write};

use newsdex::error::{Error, Result};
use newsdex::output::{csv, hits, json};
use newsdex::query::Filters;
use newsdex::{index, query};

use super::table_style;
use crate::cli::{GlobalArgs, OutputFormat, QueryArgs};
use crate::exit_codes::ExitStatus;

/// Runs the search the arguments describe and prints its result.
pub fn run(args: QueryArgs, global: &GlobalArgs) -> Result<ExitStatus> {
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
