//! The golden test of extraction: `extract` over the clean samples, written
//! one value list per line, must equal `tests/golden/extract-samples.txt`.
//! A change to the entity rules or the tagger shows there as a diff to
//! review; after checking it, `UPDATE_GOLDEN=1 cargo test golden` writes
//! the new file.

use std::path::Path;

use serde_json::Value;

use crate::util::{CLEAN_SAMPLES, ENTITY_KEYS, TestEnv, sample, stderr, stdout};

/// Writes each article's extracted values as lines: its id, then one
/// indented `key: value | value` line per non-empty list.
fn render(jsonl: &str) -> String {
    let mut rendered = String::new();
    for line in jsonl.lines() {
        let article: Value = serde_json::from_str(line).expect("extract prints JSON lines");
        rendered.push_str(article["id"].as_str().expect("every article has an id"));
        rendered.push('\n');
        for key in ENTITY_KEYS {
            let values: Vec<&str> = article[key]
                .as_array()
                .map(|values| values.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if !values.is_empty() {
                rendered.push_str(&format!("  {key}: {}\n", values.join(" | ")));
            }
        }
    }
    rendered
}

/// The lines only one side has, marked `-` (expected) and `+` (found).
fn difference(expected: &str, found: &str) -> String {
    let expected_lines: Vec<&str> = expected.lines().collect();
    let found_lines: Vec<&str> = found.lines().collect();
    let mut shown = String::new();
    for line in &expected_lines {
        if !found_lines.contains(line) {
            shown.push_str(&format!("- {line}\n"));
        }
    }
    for line in &found_lines {
        if !expected_lines.contains(line) {
            shown.push_str(&format!("+ {line}\n"));
        }
    }
    shown
}

#[test]
fn extract_of_the_samples_matches_the_golden_file() {
    let env = TestEnv::new();
    let mut command = env.command();
    command.arg("extract");
    for name in CLEAN_SAMPLES {
        command.arg(sample(name));
    }
    let output = command.output().expect("run newsdex");
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let found = render(&stdout(&output));
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/extract-samples.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &found).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&golden).expect("read the golden file");
    assert!(
        expected == found,
        "extract output differs from {} (UPDATE_GOLDEN=1 rewrites it once the change is checked):\n{}",
        golden.display(),
        difference(&expected, &found)
    );
}

#[test]
fn the_golden_rendering_lists_each_value_once_per_line() {
    let jsonl = r#"{"id": "a", "persons": ["Li Shangfu", "Xi Jinping"], "organizations": [], "locations": ["Kazan"], "countries": ["RU"], "countries_mentioned": ["RU"], "keywords": []}"#;
    assert_eq!(
        render(jsonl),
        "a\n  persons: Li Shangfu | Xi Jinping\n  locations: Kazan\n  countries: RU\n  countries_mentioned: RU\n"
    );
    assert_eq!(difference("a\nb\n", "a\nc\n"), "- b\n+ c\n");
}
