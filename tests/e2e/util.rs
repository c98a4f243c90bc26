//! The helpers every end-to-end test uses: a `newsdex` command with a clean
//! environment, run inside a temporary folder that holds the index.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The sample folders the README's first command ingests, all clean.
pub const CLEAN_SAMPLES: &[&str] = &["000_cbeac4f52b709616.txt", "txt", "json", "feeds"];

/// The keys of the extracted values in `extract` output, query hits and
/// exported documents.
pub const ENTITY_KEYS: [&str; 7] = [
    "persons",
    "organizations",
    "locations",
    "countries",
    "countries_mentioned",
    "keywords",
    "language",
];

/// How many articles the clean samples hold.
pub const SAMPLE_ARTICLES: u64 = 38;

/// Returns the path of a file or folder under `samples/`.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// One index of the clean samples, shared by the tests that only read it.
pub fn samples() -> &'static TestEnv {
    static ENV: OnceLock<TestEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let env = TestEnv::new();
        env.ingest_samples();
        env
    })
}

/// A temporary working folder with an index path inside it.
pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// The index folder used by `run`.
    pub fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// Writes a file under the working folder and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent folder");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// A `newsdex` command in the working folder, with no NEWSDEX_* or
    /// colour variables, that does not yet name an index.
    pub fn command(&self) -> Command {
        let mut command = Command::cargo_bin("newsdex").expect("newsdex binary");
        command.current_dir(self.dir.path());
        for variable in variables_to_clear(std::env::vars_os().map(|(name, _)| name)) {
            command.env_remove(variable);
        }
        command
    }

    /// Runs `newsdex <subcommand> --index INDEX <args>`.
    pub fn run(&self, subcommand: &str, args: &[&str]) -> Output {
        let mut command = self.command();
        command
            .arg(subcommand)
            .arg("--index")
            .arg(self.index())
            .args(args);
        command.output().expect("run newsdex")
    }

    /// Ingests the clean samples and checks that it succeeded.
    pub fn ingest_samples(&self) -> Value {
        self.ingest_samples_with(&[])
    }

    /// Ingests the clean samples with more options (`--schema FILE`) and
    /// checks that it succeeded.
    pub fn ingest_samples_with(&self, options: &[&str]) -> Value {
        let mut args: Vec<String> = vec!["--json".into()];
        args.extend(options.iter().map(|option| option.to_string()));
        args.extend(
            CLEAN_SAMPLES
                .iter()
                .map(|name| sample(name).display().to_string()),
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = self.run("ingest", &args);
        assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
        json(&output)
    }

    /// Writes a file of articles into the working folder and ingests it
    /// with the given options, checking that the ingest succeeded.
    pub fn ingest_file(&self, name: &str, contents: &str, options: &[&str]) {
        let path = self.write(name, contents);
        let mut args = vec!["-q"];
        args.extend_from_slice(options);
        args.push(path.to_str().expect("utf-8 path"));
        let output = self.run("ingest", &args);
        assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    }

    /// Runs `query --json` with the arguments and parses its output.
    pub fn query(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let output = self.run("query", &all);
        assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
        json(&output)
    }
}

/// A plain process command for tests that spawn newsdex or run it through
/// another program (`program` is then that program), with the same
/// variables cleared as [`TestEnv::command`].
pub fn process_command(program: impl AsRef<OsStr>) -> std::process::Command {
    let mut command = std::process::Command::new(program);
    for variable in variables_to_clear(std::env::vars_os().map(|(name, _)| name)) {
        command.env_remove(variable);
    }
    command
}

/// Fails the test unless util-linux `script` runs, which the tests of what a
/// terminal shows need to make a pseudo-terminal: a missing tool is a
/// failure to fix, not a test silently passed.
pub fn require_script() {
    let runs = process_command("script")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    assert!(
        runs,
        "util-linux `script` is needed to make a pseudo-terminal: install it (Debian: bsdutils)"
    );
}

/// Waits until a process catches SIGINT (Linux: bit 2 of `SigCgt` in
/// `/proc/PID/status`), so that the signal does not kill it before newsdex
/// has set its handler.
pub fn wait_for_sigint_handler(pid: u32) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::time::Instant::now() < deadline {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let caught = status
            .lines()
            .find_map(|line| line.strip_prefix("SigCgt:"))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .is_some_and(|mask| mask & (1 << 1) != 0);
        if caught {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("newsdex never set its Ctrl-C handler");
}

/// The path of the newsdex binary under test.
pub fn newsdex_binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("newsdex")
}

/// The variables that would change what newsdex does: every `NEWSDEX_*`
/// one (the index, simulated faults, any added later), colour and width.
fn variables_to_clear(names: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut cleared: Vec<OsString> = ["NO_COLOR", "COLUMNS", "RUST_LOG"]
        .into_iter()
        .map(OsString::from)
        .collect();
    for name in names {
        if name.to_string_lossy().starts_with("NEWSDEX_") {
            cleared.push(name);
        }
    }
    cleared
}

#[test]
fn every_newsdex_variable_is_cleared() {
    let names = [
        "PATH",
        "NEWSDEX_INDEX",
        "NEWSDEX_SIMULATE_FAULT",
        "NEWSDEX_LATER",
    ];
    let cleared = variables_to_clear(names.map(OsString::from));
    let expected = [
        "NO_COLOR",
        "COLUMNS",
        "RUST_LOG",
        "NEWSDEX_INDEX",
        "NEWSDEX_SIMULATE_FAULT",
        "NEWSDEX_LATER",
    ];
    assert_eq!(cleared, expected.map(OsString::from));
}

/// Parses stdout as exactly one JSON value.
pub fn json(output: &Output) -> Value {
    let text = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("stdout is not one JSON value ({error}): {text}"))
}

/// The counts of an `ingest --json` report that add up: read, indexed,
/// replaced, duplicates and unchanged.
pub fn ingest_counts(report: &Value) -> [Option<u64>; 5] {
    ["read", "indexed", "replaced", "duplicates", "unchanged"].map(|key| report[key].as_u64())
}

/// Checks that a command's stderr starts with `expected`, showing all of
/// it when not.
pub fn assert_stderr_starts_with(output: &Output, expected: &str) {
    let messages = stderr(output);
    assert!(messages.starts_with(expected), "{messages}");
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The `(value, count)` pairs of one facet in a query result.
pub fn facet(result: &Value, name: &str) -> Vec<(String, u64)> {
    result["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("facet {name} missing in {result}"))
        .iter()
        .map(|entry| {
            (
                entry["value"].as_str().unwrap().to_string(),
                entry["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Builds `(value, count)` pairs from literals.
pub fn pairs(expected: &[(&str, u64)]) -> Vec<(String, u64)> {
    expected
        .iter()
        .map(|(value, count)| (value.to_string(), *count))
        .collect()
}

/// The ids of the hits of a query result, in order.
pub fn hit_ids(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["id"].as_str().unwrap().to_string())
        .collect()
}
