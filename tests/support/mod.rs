//! What the tests of `newsdex serve` share: a `newsdex` command with a
//! clean environment, a temporary index of the samples, a running server
//! read from the line it prints, and a few lines of HTTP/1.1 over a
//! `TcpStream` (one request a connection, `Connection: close`).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;

/// The sample folders ingested, all clean.
pub const SAMPLES: &[&str] = &["000_cbeac4f52b709616.txt", "txt", "json", "feeds"];

/// A `newsdex` command with the environment it reads cleared.
pub fn newsdex() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsdex"));
    command
        .env_remove("NEWSDEX_INDEX")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    command
}

/// Runs `newsdex` with these arguments and returns what it did.
pub fn run(arguments: &[&str]) -> Output {
    newsdex().args(arguments).output().expect("newsdex runs")
}

/// Runs a command on an index and returns its stdout, which must succeed.
pub fn stdout_of(index: &Path, command: &str, arguments: &[&str]) -> Vec<u8> {
    let mut all = vec![command, "--index", index.to_str().unwrap()];
    all.extend_from_slice(arguments);
    let output = run(&all);
    assert!(
        output.status.success(),
        "newsdex {all:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Runs a command that must fail and returns its error message, without
/// the `newsdex: error: ` prefix, up to the end of its first line.
pub fn error_of(index: &Path, command: &str, arguments: &[&str]) -> String {
    let mut all = vec![command, "--index", index.to_str().unwrap()];
    all.extend_from_slice(arguments);
    let output = run(&all);
    assert!(!output.status.success(), "newsdex {all:?} should fail");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let first_line = stderr.lines().next().unwrap_or_default();
    first_line
        .strip_prefix("newsdex: error: ")
        .unwrap_or(first_line)
        .to_string()
}

/// A temporary index of the samples.
pub fn fresh_index() -> TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let index = dir.path().join("index");
    let mut arguments = vec![
        "ingest".to_string(),
        "--quiet".to_string(),
        "--index".to_string(),
        index.display().to_string(),
    ];
    for sample in SAMPLES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(sample);
        arguments.push(path.display().to_string());
    }
    let output = newsdex().args(&arguments).output().expect("ingest runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

/// The index of the samples that tests only read, built once.
pub fn shared_index() -> PathBuf {
    static DIR: OnceLock<TempDir> = OnceLock::new();
    DIR.get_or_init(fresh_index).path().join("index")
}

/// A running `newsdex serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    /// `127.0.0.1:PORT`
    pub address: String,
    /// The line it printed.
    pub line: String,
    _stdout: BufReader<ChildStdout>,
}

impl Server {
    /// Starts `serve --port 0` on the index with more arguments, and reads
    /// the address from the line it prints.
    pub fn start(index: &Path, more: &[&str]) -> Server {
        let mut child = newsdex()
            .args(["serve", "--index", index.to_str().unwrap(), "--port", "0"])
            .args(more)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).expect("serve prints a line");
        let url = line
            .split(" at ")
            .nth(1)
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .trim()
            .to_string();
        let address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        Server {
            child,
            url,
            address,
            line,
            _stdout: stdout,
        }
    }

    /// Sends a GET for a path (with its query string).
    pub fn get(&self, target: &str) -> Answer {
        self.request("GET", target, &[])
    }

    /// Sends a request and reads the whole answer.
    pub fn request(&self, method: &str, target: &str, headers: &[(&str, &str)]) -> Answer {
        let mut stream = TcpStream::connect(&self.address).expect("server accepts");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut request = format!(
            "{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.address
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("answer read");
        Answer::parse(&raw)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// Reads an answer: status line, headers, then the body (whole or
    /// chunked).
    pub fn parse(raw: &[u8]) -> Answer {
        let split = raw
            .windows(4)
            .position(|window| window == b"\r\n\r\n")
            .expect("end of headers");
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = lines
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap();
                (name.trim().to_ascii_lowercase(), value.trim().to_string())
            })
            .collect();
        let mut body = raw[split + 4..].to_vec();
        let chunked = headers
            .iter()
            .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
        if chunked {
            body = unchunk(&body);
        }
        Answer {
            status,
            headers,
            body,
        }
    }

    /// The value of a header, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, value)| value.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|_| panic!("JSON: {}", self.text()))
    }

    /// The `error` of a JSON error answer.
    pub fn error(&self) -> String {
        self.json()["error"].as_str().unwrap().to_string()
    }
}

/// Joins the chunks of a chunked body.
pub fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut joined = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_text = std::str::from_utf8(&body[..line_end]).unwrap();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap(), 16).unwrap();
        if size == 0 {
            return joined;
        }
        joined.extend_from_slice(&body[line_end + 2..line_end + 2 + size]);
        body = &body[line_end + 2 + size + 2..];
    }
}
