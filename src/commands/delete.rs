//! `delete`: removes articles by id, or those a query and filters select
//! once the user has confirmed their count.

use std::io::{self, BufRead, IsTerminal};

use newsdex::error::{Error, Result};
use newsdex::index;
use newsdex::operations::delete;
use newsdex::{output, query};

use crate::cli::{DeleteArgs, GlobalArgs};
use crate::exit_codes::ExitStatus;

/// Deletes articles by id, or those a query selects once the user has
/// confirmed their count; an id the index does not hold is named on stderr
/// and makes the status 1.
pub fn run(args: DeleteArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let selection = query::build_filtered_request(&args.filters.options(&args.to))?;
    let has_filters = selection.filters != Default::default();
    if !args.by_query && has_filters {
        return Err(Error::Usage {
            what: "delete",
            value: selection.query,
            hint: "filters select articles only with --query: add --query, or give only ids"
                .to_string(),
        });
    }
    if !args.by_query && selection.query.trim().is_empty() {
        return Err(Error::Usage {
            what: "delete",
            value: String::new(),
            hint: "give the ids of the articles to delete, or --query with a query or filters"
                .to_string(),
        });
    }
    let open = index::open_index(&args.index.index)?;
    let ids = match args.by_query {
        true => {
            let ids = delete::matching_ids(&open, &selection)?;
            if ids.is_empty() {
                if !global.quiet {
                    eprintln!("newsdex: no article matches; nothing deleted");
                }
                return Ok(ExitStatus::Success);
            }
            if !args.yes && !confirm(ids.len())? {
                eprintln!("newsdex: nothing deleted");
                return Ok(ExitStatus::Success);
            }
            ids
        }
        false => args.filters.query.clone(),
    };
    let report = delete::delete_ids(&open, &ids)?;
    for id in &report.missing {
        eprintln!(
            "newsdex: no article with id {id:?} in {}: nothing to delete",
            args.index.index.display()
        );
    }
    if !global.quiet {
        let deleted = output::count_of(report.deleted.len() as u64, "article");
        eprintln!("newsdex: deleted {deleted}");
    }
    Ok(if report.missing.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Skipped
    })
}

/// Asks on the terminal whether to delete `count` articles; without a
/// terminal to ask on, refuses and says to add `--yes`.
fn confirm(count: usize) -> Result<bool> {
    if !io::stdin().is_terminal() {
        return Err(Error::Usage {
            what: "delete",
            value: output::count_of(count as u64, "article"),
            hint: "stdin is not a terminal to confirm on: add --yes to delete them".to_string(),
        });
    }
    eprint!(
        "newsdex: delete {}? [y/N] ",
        output::count_of(count as u64, "article")
    );
    let mut answer = String::new();
    io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(Error::Output)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}
