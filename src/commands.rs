//! The binary's article and documentation commands: `show` prints stored
//! articles, `delete` removes them (by id, or by query after a count and a
//! confirmation), `man` prints or writes the manual pages. Each turns its
//! arguments into library calls and prints what they return.

use std::io::{self, BufRead, IsTerminal, Write};

use clap::CommandFactory;

use crate::cli::{Cli, DeleteArgs, GlobalArgs, ManArgs, ShowArgs};
use crate::exit_codes::ExitStatus;
use newsdex::enrich::Enricher;
use newsdex::error::{Error, Result};
use newsdex::index::{self, delete, stored};
use newsdex::output::{article, json};
use newsdex::query;

/// Prints each stored article, as text or JSON lines; an id the index does
/// not hold is named on stderr and makes the status 1.
pub fn run_show(args: ShowArgs, _global: &GlobalArgs) -> Result<ExitStatus> {
    let open = index::open_index(&args.index.index)?;
    let enricher = Enricher::new();
    let mut stdout = io::stdout().lock();
    let mut missing = 0;
    for (position, id) in args.ids.iter().enumerate() {
        let Some(mut found) = stored::stored_article(&open, id)? else {
            missing += 1;
            eprintln!(
                "newsdex: no article with id {id:?} in {}: `newsdex query` lists the ids",
                args.index.index.display()
            );
            continue;
        };
        found.evidence = stored::country_evidence(&enricher, &found);
        let written = if args.json {
            json::write_line(&mut stdout, &found)
        } else {
            let separator = match position {
                0 => Ok(()),
                _ => writeln!(stdout),
            };
            separator.and_then(|()| article::write_article(&mut stdout, &found))
        };
        written.map_err(Error::Output)?;
    }
    stdout.flush().map_err(Error::Output)?;
    Ok(if missing > 0 {
        ExitStatus::Skipped
    } else {
        ExitStatus::Success
    })
}

/// Deletes articles by id, or those a query selects once the user has
/// confirmed their count; an id the index does not hold is named on stderr
/// and makes the status 1.
pub fn run_delete(args: DeleteArgs, global: &GlobalArgs) -> Result<ExitStatus> {
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
        eprintln!("newsdex: deleted {} articles", report.deleted.len());
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
            value: format!("{count} articles"),
            hint: "stdin is not a terminal to confirm on: add --yes to delete them".to_string(),
        });
    }
    eprint!("newsdex: delete {count} articles? [y/N] ");
    let mut answer = String::new();
    io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(Error::Output)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// Prints the top manual page, or writes one page per command into a
/// folder (created when missing).
pub fn run_man(args: ManArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let Some(folder) = args.out else {
        clap_mangen::Man::new(Cli::command())
            .render(&mut io::stdout())
            .map_err(Error::Output)?;
        return Ok(ExitStatus::Success);
    };
    let failed = |source| Error::ManPages {
        path: folder.clone(),
        source,
    };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    clap_mangen::generate_to(Cli::command(), &folder).map_err(failed)?;
    if !global.quiet {
        eprintln!(
            "newsdex: wrote the manual pages into {0}: man {0}/newsdex-query.1",
            folder.display()
        );
    }
    Ok(ExitStatus::Success)
}
