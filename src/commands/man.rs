//! `man`: prints the top manual page, or writes one page per command into
//! a folder.

use std::io;

use clap::CommandFactory;
use newsdex::error::{Error, Result};

use crate::cli::{Cli, GlobalArgs, ManArgs};
use crate::exit_codes::ExitStatus;

/// Prints the top manual page, or writes one page per command into a
/// folder (created when missing).
pub fn run(args: ManArgs, global: &GlobalArgs) -> Result<ExitStatus> {
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
