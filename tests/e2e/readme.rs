//! The README's examples, run: issue 20, item 9, so that an example whose
//! output changes fails the tests instead of drifting.
//!
//! The harness reads README.md's fenced blocks whose info string ends
//! with the word `test` (```` ```text test ````). Each such block is a
//! session: a line `$ newsdex ARGS` is a command, and the lines after it,
//! up to the next `$ ` line or the end of the block, are what it prints,
//! stderr first, then stdout. In the expected lines:
//!
//! - a line `...` stands for any lines (the rest of a long output);
//! - an elapsed time (`in 0.02s`) matches any time, since it varies;
//! - spaces at the end of a line are not compared (tables pad their last
//!   column, and editors strip them).
//!
//! The words of a command are split as a shell splits them (single and
//! double quotes), without pipes or redirections; only `newsdex` is run.
//! All the blocks run in order in one temporary folder, where `samples/`
//! is the project's samples and `newsdex-index` holds the clean samples,
//! as the README's first commands leave it.

use std::path::Path;

use crate::util::{CLEAN_SAMPLES, TestEnv, stderr, stdout};

/// The word that marks a block to run, last in its info string.
const TEST_MARK: &str = "test";

/// One command of a tested block, with the output the README shows.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Example {
    /// The README line the command is on, for failure messages.
    line: usize,
    /// The command as written after `$ `.
    command: String,
    /// The lines shown after it.
    expected: Vec<String>,
}

/// The commands of the README's tested blocks, in order.
fn tested_examples(readme: &str) -> Vec<Example> {
    let mut examples: Vec<Example> = Vec::new();
    let mut in_tested_block = false;
    let mut in_other_block = false;
    for (index, line) in readme.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            let is_opening = !in_tested_block && !in_other_block;
            let is_tested = info.split_whitespace().last() == Some(TEST_MARK);
            in_tested_block = is_opening && is_tested;
            in_other_block = is_opening && !is_tested;
            continue;
        }
        if !in_tested_block {
            continue;
        }
        match line.strip_prefix("$ ") {
            Some(command) => examples.push(Example {
                line: index + 1,
                command: command.to_string(),
                expected: Vec::new(),
            }),
            None => match examples.last_mut() {
                Some(example) => example.expected.push(line.to_string()),
                None => panic!("README.md:{}: a tested block starts with output", index + 1),
            },
        }
    }
    examples
}

/// Splits a command into words as a shell does for plain words and
/// single- or double-quoted ones.
fn split_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for character in command.chars() {
        match (quote, character) {
            (Some(open), _) if character == open => quote = None,
            (Some(_), _) => word.push(character),
            (None, '\'' | '"') => {
                quote = Some(character);
                in_word = true;
            }
            (None, _) if character.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, _) => {
                word.push(character);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// A line with its elapsed times (`in 0.02s`) masked and its trailing
/// spaces removed.
fn masked(line: &str) -> String {
    let mut result = String::new();
    let mut rest = line.trim_end();
    while let Some(position) = rest.find("in ") {
        let (before, from) = rest.split_at(position);
        result.push_str(before);
        let after = &from[3..];
        let number_length = after
            .find(|character: char| !(character.is_ascii_digit() || character == '.'))
            .unwrap_or(after.len());
        let is_time = number_length > 0 && after[number_length..].starts_with('s');
        if is_time {
            result.push_str("in <time>");
            rest = &after[number_length + 1..];
        } else {
            result.push_str("in ");
            rest = after;
        }
    }
    result.push_str(rest);
    result
}

/// Tells whether the printed lines are those shown, `...` standing for
/// any lines.
fn matches_shown(printed: &[String], shown: &[String]) -> bool {
    let Some((first, rest)) = shown.split_first() else {
        return printed.is_empty();
    };
    if first == "..." {
        return (0..=printed.len()).any(|skipped| matches_shown(&printed[skipped..], rest));
    }
    match printed.split_first() {
        Some((line, printed_rest)) => {
            masked(line) == masked(first) && matches_shown(printed_rest, rest)
        }
        None => false,
    }
}

#[test]
fn r20_the_readme_examples_print_what_the_readme_shows() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).expect("read README.md");
    let examples = tested_examples(&readme);
    assert!(examples.len() >= 3, "too few tested examples: {examples:?}");
    let env = TestEnv::new();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    std::os::unix::fs::symlink(&samples, env.dir.path().join("samples")).expect("link samples");
    let mut ingest = env.command();
    ingest.args(["ingest", "-q", "--index", "newsdex-index"]);
    for name in CLEAN_SAMPLES {
        ingest.arg(format!("samples/{name}"));
    }
    let output = ingest.output().expect("run newsdex");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut failures = Vec::new();
    for example in &examples {
        let words = split_words(&example.command);
        assert_eq!(
            words.first().map(String::as_str),
            Some("newsdex"),
            "README.md:{}: only newsdex commands are run",
            example.line
        );
        let output = env
            .command()
            .args(&words[1..])
            .output()
            .expect("run newsdex");
        let printed: Vec<String> = format!("{}{}", stderr(&output), stdout(&output))
            .lines()
            .map(str::to_string)
            .collect();
        let mut shown = example.expected.clone();
        while shown.last().is_some_and(|line| line.trim().is_empty()) {
            shown.pop();
        }
        if !matches_shown(&printed, &shown) {
            failures.push(format!(
                "README.md:{}: $ {}\n--- the README shows:\n{}\n--- newsdex prints:\n{}",
                example.line,
                example.command,
                shown.join("\n"),
                printed.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_harness_reads_tested_blocks_words_and_elisions() {
    let readme = "```sh\n$ newsdex skipped\n```\n```text test\n$ newsdex query 'a b' --x \"c d\"\none\n...\n$ newsdex stats\n```\n";
    let examples = tested_examples(readme);
    assert_eq!(examples.len(), 2);
    assert_eq!(examples[0].line, 5);
    assert_eq!(examples[0].expected, ["one", "..."]);
    assert_eq!(
        split_words(&examples[0].command),
        ["newsdex", "query", "a b", "--x", "c d"]
    );
    let lines = |text: &str| text.lines().map(str::to_string).collect::<Vec<_>>();
    assert!(matches_shown(&lines("one\ntwo\nthree"), &lines("one\n...")));
    assert!(matches_shown(
        &lines("one\ntwo\nthree"),
        &lines("...\nthree")
    ));
    assert!(!matches_shown(&lines("one\ntwo"), &lines("one")));
    assert!(matches_shown(
        &lines("done in 0.31s (212 articles/s)"),
        &lines("done in 0.02s (212 articles/s)")
    ));
    assert_eq!(masked("within 3 days in 12s  "), "within 3 days in <time>");
}
