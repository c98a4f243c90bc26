//! The commands, one file each: every `run` turns its arguments (from
//! [`crate::cli`]) into library calls, prints what they return (results on
//! stdout, everything else on stderr) and says how the run ends
//! ([`ExitStatus`](crate::exit_codes::ExitStatus)). This file holds what
//! several commands share: the read options of `ingest` and `extract`, the
//! number of cores, the note on files not read, and the table style.

pub mod aliases;
pub mod completions;
pub mod delete;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod man;
pub mod pairs;
pub mod query;
pub mod serve;
pub mod show;
pub mod stats;

use std::io::{self, IsTerminal};

use newsdex::error::Result;
use newsdex::output::table;
use newsdex::read::fields::FieldMap;
use newsdex::read::{self, Format, ReadOptions};

use crate::cli::{self, FormatArg, GlobalArgs, ViewArg};

/// Builds the read options from `--format`, `--encoding` and `--field`,
/// checking the encoding label and each mapping.
fn read_options(
    format: Option<FormatArg>,
    encoding: Option<&str>,
    fields: &[String],
) -> Result<ReadOptions> {
    let format = format.map(|format| match format {
        FormatArg::Txt => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::JsonLines,
        FormatArg::Csv => Format::Csv,
        FormatArg::Feed => Format::Feed,
        FormatArg::Html => Format::Page,
        FormatArg::Warc => Format::Warc,
    });
    let encoding = match encoding {
        Some(label) => Some(read::charset::parse_encoding_label(label)?),
        None => None,
    };
    Ok(ReadOptions {
        format,
        encoding,
        fields: FieldMap::parse(fields)?,
    })
}

/// The number of cores, or 1 when it cannot be told.
fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get())
}

/// With `--verbose`, names on stderr each file inside the named folders
/// that is not read because its type is unknown.
fn report_unread_files(inputs: &[String], global: &GlobalArgs) {
    if !global.verbose {
        return;
    }
    for path in read::unread_files_in_folders(inputs) {
        eprintln!(
            "newsdex: not read {}: unknown file type (name it {}, optionally .gz)",
            path.display(),
            read::known_extensions()
        );
    }
}

/// Tables use colour as `--color` says (on a terminal unless NO_COLOR is
/// set, by default), fit `$COLUMNS` or the terminal's width, and lay out
/// hits as `--view` says.
fn table_style(global: &GlobalArgs, view: ViewArg) -> table::Style {
    let no_color = std::env::var_os("NO_COLOR");
    let color = global
        .color
        .use_color(io::stdout().is_terminal(), no_color.as_deref());
    let columns = std::env::var("COLUMNS").ok();
    let terminal = console::Term::stdout()
        .size_checked()
        .map(|(_, columns)| columns);
    let width = cli::table_width(columns.as_deref(), terminal);
    table::Style {
        color,
        width,
        view: view.choose(width),
    }
}
