//! `aliases`: lists the merges of values the index applies, as lines or
//! JSON.

use std::io::{self, Write};

use newsdex::error::{Error, Result};
use newsdex::index::aliases::AliasOrigin;
use newsdex::{dates, output};
use newsdex::{index, operations};
use serde::Serialize;

use crate::cli::{AliasesArgs, GlobalArgs};
use crate::exit_codes::ExitStatus;

/// The JSON `aliases --json` prints.
#[derive(Serialize)]
struct AliasesJson<'a> {
    aliases: &'a [operations::aliases::AliasListing],
}

/// Prints the merges: `person  Reagan → Ronald Reagan  1987  2 articles
/// alone, 3 in full  (learned)`, one a line, or one JSON object.
pub fn run(args: AliasesArgs, _global: &GlobalArgs) -> Result<ExitStatus> {
    let open = index::open_index(&args.index.index)?;
    let listed = operations::aliases::list_aliases(&open)?;
    let mut stdout = io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer(&mut stdout, &AliasesJson { aliases: &listed })
            .map_err(io::Error::from)
            .and_then(|()| writeln!(stdout))
    } else {
        write_lines(&mut stdout, &listed)
    };
    written
        .and_then(|()| stdout.flush())
        .map_err(Error::Output)?;
    Ok(ExitStatus::Success)
}

/// Writes one merge a line.
fn write_lines(
    out: &mut dyn Write,
    listed: &[operations::aliases::AliasListing],
) -> io::Result<()> {
    if listed.is_empty() {
        return writeln!(out, "no merges: no value stands for another");
    }
    for merge in listed {
        let years = match (merge.first_year, merge.last_year) {
            _ if merge.undated => "undated articles".to_string(),
            (first, last) if first <= dates::FIRST_YEAR && last >= dates::LAST_YEAR => {
                "every year".to_string()
            }
            (first, last) if first == last => first.to_string(),
            (first, last) => format!("{first}-{last}"),
        };
        let origin = match merge.origin {
            AliasOrigin::Learned => "learned",
            AliasOrigin::File => "aliases file",
        };
        if merge.hidden {
            writeln!(
                out,
                "{}  {} → (none: the title of a work)  {years}  {}  ({origin})",
                merge.kind,
                merge.alias,
                output::count_of(merge.alias_articles as u64, "article"),
            )?;
            continue;
        }
        writeln!(
            out,
            "{}  {} → {}  {years}  {} alone, {} in full  ({origin})",
            merge.kind,
            merge.alias,
            merge.name,
            output::count_of(merge.alias_articles as u64, "article"),
            merge.name_articles,
        )?;
    }
    Ok(())
}
