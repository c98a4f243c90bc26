//! `completions`: prints the shell completion script clap derives from
//! the command line.

use std::io;

use clap::CommandFactory;
use newsdex::error::Result;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit_codes::ExitStatus;

/// Prints the completion script for the shell.
pub fn run(args: CompletionsArgs) -> Result<ExitStatus> {
    clap_complete::generate(
        args.shell,
        &mut Cli::command(),
        "newsdex",
        &mut io::stdout(),
    );
    Ok(ExitStatus::Success)
}
