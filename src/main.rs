//! The `newsdex` binary: parses the arguments ([`cli`]), hands them to
//! the command that runs them ([`commands`], one file per command), and
//! turns how that ended into an exit status ([`exit_codes`]); [`memory`]
//! tunes the allocator for an ingest. A panic is reported as one error line; an
//! error is printed with its causes under `--verbose`; a closed output pipe
//! is a success.

mod cli;
mod commands;
mod exit_codes;
mod memory;
mod progress;

use std::error::Error as _;
use std::io;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, GlobalArgs};
use exit_codes::ExitStatus;
use newsdex::error::{Error, Result};

/// Reports a panic (a bug, or a damaged index file that tantivy reads
/// without checking) as one error line and exits with status 2 at once. An
/// ingest stopped this way keeps its last commit, as after a kill.
fn report_panic(info: &std::panic::PanicHookInfo) {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|message| message.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown failure".to_string());
    let place = info
        .location()
        .map(|location| format!(" at {}:{}", location.file(), location.line()))
        .unwrap_or_default();
    let hint = panic_hint(info.location().map(|location| location.file()));
    eprintln!("newsdex: error: internal failure{place}: {message}; {hint}");
    ExitStatus::Error.exit_now();
}

/// What a panic's message suggests, from the file it happened in: inside
/// tantivy's crates, which read index files without checking them all, a
/// damaged index may be the cause; anywhere else it is a bug.
fn panic_hint(file_opt: Option<&str>) -> &'static str {
    let in_tantivy = file_opt.is_some_and(|file| file.contains("tantivy"));
    match in_tantivy {
        true => "a damaged index can cause this: `newsdex stats --verify` checks it",
        false => "this is a bug in newsdex: please report it with the command that caused it",
    }
}

/// Parses the command line; a usage error is printed with the same
/// `newsdex: error:` prefix as every other error (help and version go to
/// stdout as clap prints them).
fn parse_arguments() -> Result<Cli, ExitCode> {
    let error = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(error) => error,
    };
    if !error.use_stderr() {
        let _ = error.print();
        return Err(ExitCode::SUCCESS);
    }
    let rendered = error.render().to_string();
    let message = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    eprint!("newsdex: error: {message}");
    Err(ExitStatus::Error.into())
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(report_panic));
    let cli = match parse_arguments() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let global = cli.global;
    let outcome = match cli.command {
        Command::Ingest(args) => commands::ingest::run(args, &global),
        Command::Query(args) => commands::query::run(*args, &global),
        Command::Show(args) => commands::show::run(args, &global),
        Command::Delete(args) => commands::delete::run(*args, &global),
        Command::Stats(args) => commands::stats::run(args, &global),
        Command::Extract(args) => commands::extract::run(args, &global),
        Command::Export(args) => commands::export::run(*args, &global),
        Command::Pairs(args) => commands::pairs::run(*args, &global),
        Command::Aliases(args) => commands::aliases::run(args, &global),
        Command::Serve(args) => commands::serve::run(args, &global),
        Command::Completions(args) => commands::completions::run(args),
        Command::Man(args) => commands::man::run(args, &global),
    };
    match outcome {
        Ok(status) => status.into(),
        Err(error) => report_error(&error, &global).into(),
    }
}

/// Prints an error on stderr, with its causes under `--verbose`, and
/// returns the status it ends the run with: a closed output pipe
/// (`newsdex query ... | head`) is a success, any other error status 2.
fn report_error(error: &Error, global: &GlobalArgs) -> ExitStatus {
    if let Error::Output(io_error) = error
        && io_error.kind() == io::ErrorKind::BrokenPipe
    {
        return ExitStatus::Success;
    }
    eprintln!("newsdex: error: {error}");
    if global.verbose {
        let mut cause = error.source();
        while let Some(inner) = cause {
            eprintln!("  caused by: {inner}");
            cause = inner.source();
        }
    }
    ExitStatus::Error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_panic_inside_tantivy_suggests_a_damaged_index() {
        let in_tantivy = panic_hint(Some(
            "/root/.cargo/registry/src/index.crates.io-1/tantivy-columnar-0.27.0/src/lib.rs",
        ));
        assert!(in_tantivy.starts_with("a damaged index"), "{in_tantivy}");
        let in_newsdex = panic_hint(Some("src/output/hits.rs"));
        assert!(in_newsdex.starts_with("this is a bug"), "{in_newsdex}");
        assert!(panic_hint(None).starts_with("this is a bug"));
    }
}
