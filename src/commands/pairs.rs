//! `pairs`: counts the pairs of entities named together in the matching
//! articles and prints them as a table, JSON or an edge list in CSV.

use std::io::{self, Write};

use newsdex::error::{Error, Result};
use newsdex::kinds::Kind;
use newsdex::output;
use newsdex::query::pairs::PairsRequest;
use newsdex::{index, query};

use super::table_style;
use crate::cli::{GlobalArgs, PairKind, PairsArgs, PairsFormat, ViewArg};
use crate::exit_codes::ExitStatus;

/// Counts the pairs the arguments ask for and prints them.
pub fn run(args: PairsArgs, global: &GlobalArgs) -> Result<ExitStatus> {
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
