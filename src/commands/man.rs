//! `man`: prints the top manual page, or writes one page per command into
//! a folder. Each page ends with the sections clap does not write:
//! ENVIRONMENT and EXIT STATUS, the latter read from [`crate::exit_codes`].

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;
use newsdex::error::{Error, Result};

use crate::cli::{Cli, GlobalArgs, ManArgs};
use crate::exit_codes::{DOCUMENTED_STATUSES, ExitStatus};

/// The environment variables newsdex reads, with what each does.
const ENVIRONMENT: [(&str, &str); 2] = [
    (
        "NEWSDEX_INDEX",
        "The index folder when --index is not given (default: newsdex-index).",
    ),
    (
        "NO_COLOR",
        "When set and not empty, --color auto uses no colour or bold (https://no-color.org).",
    ),
];

/// Prints the top manual page, or writes one page per command into a
/// folder (created when missing).
pub fn run(args: ManArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    let Some(folder) = args.out else {
        let mut stdout = io::stdout().lock();
        render_page(Cli::command(), &mut stdout).map_err(Error::Output)?;
        return Ok(ExitStatus::Success);
    };
    let failed = |source| Error::ManPages {
        path: folder.clone(),
        source,
    };
    std::fs::create_dir_all(&folder).map_err(failed)?;
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    write_pages(top, &folder).map_err(failed)?;
    if !global.quiet {
        eprintln!(
            "newsdex: wrote the manual pages into {0}: man {0}/newsdex-query.1",
            folder.display()
        );
    }
    Ok(ExitStatus::Success)
}

/// Writes the page of a command and of each of its visible subcommands,
/// named as clap_mangen names them (`newsdex-query.1`).
fn write_pages(command: clap::Command, folder: &Path) -> io::Result<()> {
    for subcommand in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        write_pages(subcommand.clone(), folder)?;
    }
    let file_name = clap_mangen::Man::new(command.clone()).get_filename();
    let mut file = std::fs::File::create(folder.join(file_name))?;
    render_page(command, &mut file)?;
    file.flush()
}

/// Renders a command's manual page: clap's sections, then ENVIRONMENT and
/// EXIT STATUS.
fn render_page(command: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(command).render(out)?;
    out.write_all(extra_sections().as_bytes())
}

/// The ENVIRONMENT and EXIT STATUS sections, in roff.
fn extra_sections() -> String {
    let mut roff = String::from(".SH ENVIRONMENT\n");
    for (name, meaning) in ENVIRONMENT {
        roff.push_str(&format!(".TP\n\\fB{name}\\fR\n{}\n", escape(meaning)));
    }
    roff.push_str(".SH \"EXIT STATUS\"\n");
    for (status, meaning) in DOCUMENTED_STATUSES {
        roff.push_str(&format!(".TP\n{}\n{}\n", status.code(), escape(meaning)));
    }
    roff
}

/// Escapes text for a roff line: backslashes, and a leading dot or quote
/// that roff would read as a request.
fn escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    match escaped.starts_with(['.', '\'']) {
        true => format!("\\&{escaped}"),
        false => escaped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extra_sections_list_the_environment_and_every_status() {
        let sections = extra_sections();
        assert!(sections.starts_with(".SH ENVIRONMENT\n.TP\n\\fBNEWSDEX_INDEX\\fR\n"));
        assert!(
            sections.contains(".SH \"EXIT STATUS\"\n.TP\n0\n"),
            "{sections}"
        );
        assert!(sections.contains(".TP\n130\n"), "{sections}");
        assert_eq!(escape(".dot"), "\\&.dot");
        assert_eq!(escape("--index"), "\\-\\-index");
    }
}
