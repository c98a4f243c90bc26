//! The command-line comforts: completions, the manual page, output formats,
//! colour, quiet and verbose, a closed pipe, and help examples.

use std::io::Read;
use std::process::Stdio;

use crate::util::{
    TestEnv, newsdex_binary, process_command, require_script, samples, stderr, stdout,
};

#[test]
fn prints_completions_for_every_shell_and_a_manual_page() {
    let env = TestEnv::new();
    for (shell, marker) in [
        ("bash", "_newsdex()"),
        ("zsh", "#compdef newsdex"),
        ("fish", "complete -c newsdex"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = env.command().args(["completions", shell]).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{shell}: {}",
            stderr(&output)
        );
        assert!(stdout(&output).contains(marker), "{shell}");
    }
    let man = env.command().arg("man").output().unwrap();
    assert_eq!(man.status.code(), Some(0));
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH newsdex"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains("ingest") && page.contains("export"));
}

#[test]
fn jsonl_prints_one_hit_per_line() {
    let output = samples().run("query", &["coffee", "--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    for line in lines {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(hit["id"].is_string() && hit["title"].is_string());
    }
}

#[test]
fn csv_prints_a_header_and_the_hits() {
    let output = samples().run("query", &["coffee", "--format", "csv", "--sort", "date"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "id,date,score,title,source,url,countries,countries_mentioned,persons,organizations,locations,keywords,language"
        )
    );
    assert_eq!(lines.count(), 3);
    let json_and_format = samples().run("query", &["coffee", "--json", "--format", "csv"]);
    assert_eq!(
        json_and_format.status.code(),
        Some(2),
        "--json is a shorthand for --format json"
    );
}

/// `--color auto` with NO_COLOR cannot be told apart here, where stdout is
/// a pipe and colour is off anyway: `ColorArg::use_color` is tested on its
/// own in `src/cli/mod.rs`.
#[test]
fn colour_follows_the_color_option() {
    let env = samples();
    let always = env.run(
        "query",
        &["coffee", "--color", "always", "--facet", "date:year"],
    );
    assert!(
        stdout(&always).contains("\x1b[1;33m"),
        "matched terms are highlighted"
    );
    let never = env.run("query", &["coffee", "--color", "never"]);
    assert!(!stdout(&never).contains('\x1b'));
    let always_despite_no_color = env
        .command()
        .env("NO_COLOR", "1")
        .args(["query", "coffee", "--color", "always", "--index"])
        .arg(env.index())
        .output()
        .unwrap();
    assert!(stdout(&always_despite_no_color).contains('\x1b'));
}

#[test]
fn quiet_silences_the_summary_and_verbose_explains_errors() {
    let env = TestEnv::new();
    let article = env.write("a.txt", "date 2024-01-01 Title\n\nBody.\n");
    let quiet = env.run("ingest", &["--quiet", article.to_str().unwrap()]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
    let normal = env.run("ingest", &[article.to_str().unwrap()]);
    assert!(
        stderr(&normal).starts_with(
            "newsdex: done: read 1, indexed 0 (0 replaced), duplicates 0, unchanged 1, skipped 0"
        ),
        "{}",
        stderr(&normal)
    );
    let schema = env.write("schema.json", "{not json");
    let terse = env.run(
        "ingest",
        &[
            "--schema",
            schema.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
    );
    assert_eq!(stderr(&terse).lines().count(), 1);
    let both = env.run(
        "ingest",
        &["--quiet", "--verbose", article.to_str().unwrap()],
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let env = TestEnv::new();
    let mut lines = String::new();
    for number in 0..20_000 {
        lines.push_str(&format!("{{\"id\": \"p{number}\", \"title\": \"Pipe test {number}\", \"body\": \"Oil prices in Russia.\"}}\n"));
    }
    let feed = env.write("feed.jsonl", lines);
    let mut child = process_command(newsdex_binary())
        .args(["extract", "--threads", "1"])
        .arg(&feed)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut errors = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut errors)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{errors}");
    assert!(errors.is_empty(), "{errors}");
}

#[test]
fn every_command_shows_an_example_in_its_help() {
    let env = TestEnv::new();
    for command in [
        "ingest",
        "query",
        "stats",
        "extract",
        "export",
        "completions",
        "man",
    ] {
        let output = env.command().args([command, "--help"]).output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let help = stdout(&output);
        assert!(
            help.contains("Example"),
            "{command} --help has no example:\n{help}"
        );
    }
}

/// Regression test for issue 15: `query --format csv | head` said `cannot
/// write output: Broken pipe` and exited 2. Every format writes into a pipe
/// whose reading end is closed before newsdex starts, so each write fails.
#[test]
fn r15_a_closed_pipe_is_a_quiet_success_for_every_format() {
    let env = samples();
    for format in ["table", "json", "jsonl", "csv"] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = process_command(newsdex_binary())
            .args(["query", "--limit", "40", "--format", format, "--index"])
            .arg(env.index())
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{format}");
    }
}

/// Regression test for issue 15: tables were 120 columns wide in an
/// 80-column terminal, as the width was read only from `$COLUMNS`. Runs
/// newsdex on a pseudo-terminal of 80 columns (through util-linux
/// `script`, which the test fails without) with no `$COLUMNS`.
#[test]
fn r15_tables_fit_the_terminal_and_turn_compact_when_narrow() {
    let env = samples();
    require_script();
    let on_terminal = |columns: u16, options: &str| {
        let command = format!(
            "stty rows 40 cols {columns}; {} query oil --color never {options} --index {}",
            newsdex_binary().display(),
            env.index().display()
        );
        let output = process_command("script")
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output).replace("\r\n", "\n")
    };
    let narrow = on_terminal(80, "");
    let lines: Vec<&str> = narrow.lines().collect();
    assert_eq!(lines[0], "12 hits for \"oil\" (showing 1-10)");
    assert!(
        lines[1].starts_with("2024-03-12  sample-json-005  Iran's oil exports"),
        "compact below 100 columns:\n{narrow}"
    );
    for line in &lines {
        assert!(line.chars().count() <= 80, "wider than 80: {line:?}");
    }
    let full = on_terminal(80, "--view full");
    assert!(full.contains("═"), "{full}");
    for line in full.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line:?}");
    }
    let wide = on_terminal(140, "");
    assert!(wide.contains("═"), "full table at 140 columns:\n{wide}");
    assert!(
        wide.lines().any(|line| line.chars().count() > 120),
        "{wide}"
    );
}

/// Regression test for issue 15: `newsdex man` pointed to
/// `newsdex-ingest(1)` and others that did not exist; completions offered
/// file names for `--facet`; the global options sat amid the filters.
#[test]
fn r15_man_pages_for_every_command_completions_for_facets_and_help_order() {
    let env = TestEnv::new();
    let pages = env.dir.path().join("man1");
    let output = env
        .command()
        .args(["man", "--out"])
        .arg(&pages)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for command in [
        "", "-ingest", "-query", "-show", "-delete", "-export", "-stats",
    ] {
        let page = pages.join(format!("newsdex{command}.1"));
        let text = std::fs::read_to_string(&page).unwrap_or_else(|_| panic!("{page:?} missing"));
        assert!(text.contains(".TH"), "{page:?}");
    }
    let query_page = std::fs::read_to_string(pages.join("newsdex-query.1")).unwrap();
    assert!(query_page.contains("facet"), "the options are documented");

    let bash = env
        .command()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(
        stdout(&bash).contains("date:month"),
        "the facet names are offered"
    );

    let help = stdout(&env.command().args(["query", "--help"]).output().unwrap());
    let person = help.find("--person").unwrap();
    let org = help.find("--org").unwrap();
    let global = help.find("Global options:").unwrap();
    let quiet = help.find("--quiet").unwrap();
    assert!(person < org && org < global && global < quiet, "{help}");
}

/// Every input format, as `--help` and the manual pages name them.
const INPUT_FORMATS: [&str; 11] = [
    "plain text",
    "JSON",
    "JSON Lines",
    "CSV",
    "TSV",
    "RSS",
    "Atom",
    "HTML",
    "WARC",
    "gzip",
    "zstd",
];

/// Issue 20, item 9: the help and the manual pages named only text, JSON
/// and JSON Lines as inputs, and the pages had no ENVIRONMENT or EXIT
/// STATUS section.
#[test]
fn r20_help_and_manual_pages_name_every_input_format_the_environment_and_exit_statuses() {
    let env = TestEnv::new();
    for args in [
        &["--help"][..],
        &["ingest", "--help"],
        &["extract", "--help"],
    ] {
        let help = stdout(&env.command().args(args).output().unwrap());
        for format in INPUT_FORMATS {
            assert!(help.contains(format), "{args:?} lacks {format}:\n{help}");
        }
    }
    let top_page = stdout(&env.command().arg("man").output().unwrap());
    let folder = env.dir.path().join("man");
    let output = env
        .command()
        .arg("man")
        .arg("--out")
        .arg(&folder)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let ingest_page = std::fs::read_to_string(folder.join("newsdex-ingest.1")).unwrap();
    let query_page = std::fs::read_to_string(folder.join("newsdex-query.1")).unwrap();
    for page in [&top_page, &ingest_page] {
        for format in INPUT_FORMATS {
            assert!(page.contains(format), "a page lacks {format}");
        }
    }
    for page in [&top_page, &ingest_page, &query_page] {
        assert!(page.contains(".SH ENVIRONMENT\n"), "{page}");
        assert!(page.contains("NEWSDEX_INDEX"), "{page}");
        assert!(page.contains("NO_COLOR"), "{page}");
        assert!(page.contains(".SH \"EXIT STATUS\"\n"), "{page}");
        for status in ["\n0\n", "\n1\n", "\n2\n", "\n130\n"] {
            assert!(page.contains(&format!(".TP{status}")), "{status:?}: {page}");
        }
    }
}
