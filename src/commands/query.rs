//! `query`: searches the index and prints the hits and facets as a table,
//! JSON, JSON Lines or CSV.

use std::io::{self, Write};

use newsdex::error::{Error, Result};
use newsdex::output::{self, csv, hits, json};
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
    report_left_out_for_missing(&open, &request, global)?;
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

/// Says on stderr how many articles a filter left out for having no value
/// of its kind (`--language en` and the articles of no detected language).
fn report_left_out_for_missing(
    open: &index::OpenIndex,
    request: &query::SearchRequest,
    global: &GlobalArgs,
) -> Result<()> {
    if global.quiet {
        return Ok(());
    }
    for left_out in query::missing::left_out_for_missing(open, request)? {
        let flag = left_out
            .kind
            .spec()
            .filter
            .map_or(left_out.kind.field(), |filter| filter.flag);
        let articles = output::count_of(left_out.count, "article");
        let pronoun = if left_out.count == 1 { "it" } else { "them" };
        eprintln!(
            "newsdex: note: --{flag} left out {articles} whose {} was not detected ({missing}); add --{flag} {missing} to include {pronoun}",
            left_out.kind.field(),
            missing = left_out.missing,
        );
    }
    Ok(())
}

/// Says on stderr which persons named in full each `--person` value
/// matched too, with their articles.
fn report_person_endings(
    open: &index::OpenIndex,
    filters: &Filters,
    global: &GlobalArgs,
) -> Result<()> {
    if global.quiet {
        return Ok(());
    }
    for ending in query::person_endings(open, filters)? {
        let names: Vec<String> = ending
            .names
            .iter()
            .map(|(name, articles)| format!("{name} ({})", output::count_of(*articles, "article")))
            .collect();
        if ending.named_exactly {
            eprintln!(
                "newsdex: --person {:?} matches the name alone and the persons named in full with it: {}",
                ending.typed,
                names.join(", ")
            );
        } else {
            eprintln!(
                "newsdex: no person is named exactly {:?}; matching the names ending with it: {}",
                ending.typed,
                names.join(", ")
            );
        }
    }
    Ok(())
}
