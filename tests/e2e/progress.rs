//! The ingest progress line, seen on a pseudo-terminal (util-linux
//! `script`; the tests fail where it is missing): the share read and
//! the time left when the input size is known, and a screen left clean by
//! Ctrl-C, pressed once or twice.

use std::io::Read;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::util::{
    TestEnv, newsdex_binary, process_command, require_script, wait_for_sigint_handler,
};

/// newsdex run by `script` on a pseudo-terminal of 100 columns, with what
/// the terminal receives gathered as it comes.
struct OnTerminal {
    script: Child,
    /// Holds `script`'s input open and silent: newsdex reading stdin waits.
    _input: std::process::ChildStdin,
    received: Receiver<Vec<u8>>,
    output: Vec<u8>,
}

impl OnTerminal {
    /// Starts `newsdex ARGS`; fails the test when there is no `script`.
    fn start(args: &str) -> OnTerminal {
        require_script();
        let command = format!(
            "stty rows 40 cols 100; exec {} {args}",
            newsdex_binary().display()
        );
        let mut script = process_command("script")
            .args(["-qec", &command, "/dev/null"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let input = script.stdin.take().unwrap();
        let mut stdout = script.stdout.take().unwrap();
        let (sender, received) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(read) = stdout.read(&mut buffer) {
                if read == 0 || sender.send(buffer[..read].to_vec()).is_err() {
                    return;
                }
            }
        });
        OnTerminal {
            script,
            _input: input,
            received,
            output: Vec::new(),
        }
    }

    /// The process id of newsdex: `script`'s child, once it runs newsdex.
    fn newsdex_pid(&self) -> u32 {
        let script = self.script.id();
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            let children =
                std::fs::read_to_string(format!("/proc/{script}/task/{script}/children"))
                    .unwrap_or_default();
            for child in children.split_whitespace() {
                let name = std::fs::read_to_string(format!("/proc/{child}/comm"));
                if name.is_ok_and(|name| name.trim() == "newsdex") {
                    return child.parse().unwrap();
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("newsdex never started under script");
    }

    /// Waits until the terminal has received text matching `wanted`.
    fn wait_for(&mut self, wanted: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !wanted(&String::from_utf8_lossy(&self.output)) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.received.recv_timeout(left) {
                Ok(bytes) => self.output.extend(bytes),
                Err(_) => panic!(
                    "not seen on the terminal:\n{}",
                    String::from_utf8_lossy(&self.output)
                ),
            }
        }
    }

    /// Sends SIGINT to newsdex, as Ctrl-C does.
    fn interrupt(&self, pid: u32) {
        let sent = std::process::Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    }

    /// Waits for the end and returns the exit status and the lines left
    /// on the screen.
    fn finish(mut self) -> (Option<i32>, Vec<String>) {
        let status = self.script.wait().unwrap();
        while let Ok(bytes) = self.received.recv_timeout(Duration::from_secs(10)) {
            self.output.extend(bytes);
        }
        (
            status.code(),
            screen(&String::from_utf8_lossy(&self.output)),
        )
    }
}

/// What a terminal shows after receiving `text`: a carriage return goes back
/// to the start of the line, `ESC [ 2 K` clears it, other escape sequences
/// change nothing that is tested here.
fn screen(text: &str) -> Vec<String> {
    let mut lines = vec![Vec::<char>::new()];
    let mut column = 0;
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        let line = lines.last_mut().unwrap();
        match character {
            '\r' => column = 0,
            '\n' => {
                lines.push(Vec::new());
                column = 0;
            }
            '\u{1b}' => {
                let mut sequence = String::new();
                for next in characters.by_ref() {
                    sequence.push(next);
                    if next.is_ascii_alphabetic() {
                        break;
                    }
                }
                if sequence == "[2K" {
                    line.clear();
                }
            }
            _ => {
                if column < line.len() {
                    line[column] = character;
                } else {
                    line.resize(column, ' ');
                    line.push(character);
                }
                column += 1;
            }
        }
    }
    lines
        .into_iter()
        .map(|line| line.into_iter().collect::<String>().trim_end().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_screen_model_keeps_what_a_terminal_keeps() {
    assert_eq!(
        screen("\u{1b}[2K⠁ 3% · 1 articles\r\u{1b}[2Knewsdex: done\r\n"),
        ["newsdex: done"]
    );
    assert_eq!(
        screen("⠁ 3% · 1 articles\rnewsdex: x"),
        ["newsdex: xrticles"]
    );
}

/// Regression test for issue 15: the progress line showed no share of the
/// input; after Ctrl-C the summary must stand alone on a clean line (on a
/// machine fast enough to finish first, the summary of a whole run).
#[test]
fn r15_progress_shows_the_share_read_and_ctrl_c_leaves_a_clean_screen() {
    let env = TestEnv::new();
    let article = |number: u32| {
        format!(
            "{{\"id\": \"a{number}\", \"title\": \"Oil prices {number}\", \"body\": \"Russian oil output rose as OPEC met in Vienna.\"}}\n"
        )
    };
    let input = env.write("news.jsonl", (0..10_000).map(article).collect::<String>());
    let args = format!(
        "ingest --threads 1 --index {} {}",
        env.index().display(),
        input.display()
    );
    let mut terminal = OnTerminal::start(&args);
    let pid = terminal.newsdex_pid();
    wait_for_sigint_handler(pid);
    // A line with a share of the bytes read past 0%.
    let progress = |line: &str| {
        let Some((share, rest)) = line.split_once("% · ") else {
            return false;
        };
        let share = share.rsplit(' ').next().unwrap().parse::<u8>();
        share.is_ok_and(|share| share > 0)
            && rest.contains(" articles · ")
            && rest.contains("/s · ETA ")
    };
    terminal.wait_for(|text| text.split('\r').any(progress));
    terminal.interrupt(pid);
    let (_, lines) = terminal.finish();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("newsdex: interrupted after read ")
            || lines[0].starts_with("newsdex: done: read 10000, "),
        "{lines:#?}"
    );
}

/// Regression test for issue 15: a second Ctrl-C (for an ingest waiting on
/// a silent stdin) left the spinner line on screen, the shell prompt after
/// it. The first says that the run stops; the second clears the line and
/// says that newsdex leaves at once.
#[test]
fn r15_a_second_ctrl_c_clears_the_progress_line_before_leaving() {
    let env = TestEnv::new();
    let args = format!("ingest --index {} -", env.index().display());
    let mut terminal = OnTerminal::start(&args);
    let pid = terminal.newsdex_pid();
    wait_for_sigint_handler(pid);
    terminal.wait_for(|text| text.contains("0 articles · 0/s · 0:0"));
    terminal.interrupt(pid);
    terminal.wait_for(|text| text.contains("stopping: committing what was read"));
    terminal.interrupt(pid);
    let (status, lines) = terminal.finish();
    assert_eq!(status, Some(130));
    assert_eq!(
        lines,
        ["newsdex: interrupted again: leaving at once; the index keeps its last commit"]
    );
}

/// `extract` reports its progress through the pipeline's events as ingest
/// does: the line is drawn on stderr while its output goes to a file, and
/// cleared at the end.
#[test]
fn extract_draws_the_progress_line_when_its_output_goes_elsewhere() {
    let env = TestEnv::new();
    let article = |number: u32| {
        format!(
            "{{\"id\": \"a{number}\", \"title\": \"Oil prices {number}\", \"body\": \"Russian oil output rose as OPEC met in Vienna.\"}}\n"
        )
    };
    let input = env.write("news.jsonl", (0..10_000).map(article).collect::<String>());
    let values = env.write("values.jsonl", "");
    let args = format!(
        "extract --threads 1 {} > {}",
        input.display(),
        values.display()
    );
    let mut terminal = OnTerminal::start(&args);
    terminal.wait_for(|text| text.contains(" articles · "));
    let (status, lines) = terminal.finish();
    assert_eq!(status, Some(0));
    assert_eq!(lines, Vec::<String>::new());
    let written = std::fs::read_to_string(&values).unwrap();
    assert_eq!(written.lines().count(), 10_000);
}

/// With its output on the terminal, `extract` draws no progress line among
/// the lines it prints.
#[test]
fn extract_draws_no_progress_line_when_its_output_is_the_terminal() {
    let env = TestEnv::new();
    let input = env.write("news.jsonl", "{\"id\": \"a\", \"title\": \"Oil\"}\n");
    let terminal = OnTerminal::start(&format!("extract {}", input.display()));
    let (status, lines) = terminal.finish();
    assert_eq!(status, Some(0));
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].starts_with("{\"id\":\"a\""), "{lines:#?}");
}
