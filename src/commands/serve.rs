//! `serve`: serves the web page and the JSON API until Ctrl-C, after
//! printing the address on stdout.

use std::io::{self, Write};
use std::net::SocketAddr;

use newsdex::error::Result;
use newsdex::serve::{self, ServeOptions};

use crate::cli::{GlobalArgs, ServeArgs};
use crate::exit_codes::ExitStatus;

/// Serves the index; warns on stderr when the address is reachable from
/// other machines.
pub fn run(args: ServeArgs, global: &GlobalArgs) -> Result<ExitStatus> {
    if !args.bind.is_loopback() && !global.quiet {
        eprintln!(
            "newsdex: warning: serving at {} makes the index readable by anyone who can reach this machine on the network",
            args.bind
        );
    }
    let options = ServeOptions {
        index: args.index.index.clone(),
        address: SocketAddr::new(args.bind, args.port),
        cors_origin: args.cors.clone(),
    };
    let index = args.index.index.display().to_string();
    serve::serve(&options, |address| {
        let mut stdout = io::stdout().lock();
        let _ = writeln!(stdout, "newsdex: serving {index} at http://{address}/");
        let _ = stdout.flush();
    })?;
    Ok(ExitStatus::Success)
}
