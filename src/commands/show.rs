//! `show`: prints stored articles, as text or JSON lines, with the
//! evidence of their countries worked out again.

use std::io::{self, Write};

use newsdex::enrich::Enricher;
use newsdex::enrich::mentions::Mentions;
use newsdex::error::{Error, Result};
use newsdex::index::{self, stored};
use newsdex::output::{article, explain, json};

use crate::cli::{GlobalArgs, ShowArgs};
use crate::exit_codes::ExitStatus;

/// Prints each stored article, as text or JSON lines; an id the index does
/// not hold is named on stderr and makes the status 1.
pub fn run(args: ShowArgs, _global: &GlobalArgs) -> Result<ExitStatus> {
    let open = index::open_index(&args.index.index)?;
    let enricher = Enricher::new();
    let mut stdout = io::stdout().lock();
    let mut missing = 0;
    for (position, id) in args.ids.iter().enumerate() {
        let Some(found) = stored::shown_article(&open, &enricher, id)? else {
            missing += 1;
            let not_found = Error::NoArticle {
                index: args.index.index.clone(),
                id: id.clone(),
            };
            eprintln!("newsdex: {not_found}");
            continue;
        };
        let mentions = args.explain.then(|| stored::explanation(&found));
        let written = match (args.json, &mentions) {
            (true, None) => json::write_line(&mut stdout, &found),
            (true, Some(mentions)) => {
                let explained = json::Explained {
                    article: &found,
                    mentions: explain::mentions_json(mentions),
                };
                json::write_line(&mut stdout, &explained)
            }
            (false, _) => {
                let separator = match position {
                    0 => Ok(()),
                    _ => writeln!(stdout),
                };
                separator
                    .and_then(|()| article::write_article(&mut stdout, &found))
                    .and_then(|()| match &mentions {
                        Some(mentions) => write_explanation(&mut stdout, mentions),
                        None => Ok(()),
                    })
            }
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

/// Writes how the names of an article were found, after the article.
fn write_explanation(out: &mut dyn Write, mentions: &Mentions) -> io::Result<()> {
    writeln!(out, "\nHow the names were found\n")?;
    explain::write_explanation(out, mentions)
}
