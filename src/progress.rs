//! The progress line of `ingest` and `extract` on a terminal, drawn from
//! the pipeline's `Event::Progress`: a spinner with the
//! articles read and their rate and, when the size of the inputs is known
//! up front (files and folders, not stdin), the share of the bytes read and
//! the time left: `42% · 12,345 articles · 14,246/s · ETA 0:31`.
//!
//! The line is cleared before anything is printed at the end: by
//! [`IngestProgress::clear`], by dropping the last handle on any early
//! return, and by [`IngestProgress::leave_now`] on a second Ctrl-C, which
//! exits at once.

use std::borrow::Cow;
use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use newsdex::pipeline::Progress;
use newsdex::read::size::input_size;

/// How often the spinner turns.
const TICK: Duration = Duration::from_millis(120);

/// The progress line of one ingest; clones share it (the Ctrl-C handler
/// holds one).
#[derive(Clone)]
pub(crate) struct IngestProgress {
    bar: ProgressBar,
    /// The bytes to read, when known up front.
    total: Option<u64>,
    /// Set on the first Ctrl-C: the line then says so, and progress no
    /// longer overwrites it.
    stopping: Arc<AtomicBool>,
}

impl IngestProgress {
    /// A progress line on stderr when it is a terminal and `quiet` is off;
    /// otherwise a hidden one, and the inputs are not measured.
    pub(crate) fn new(quiet: bool, inputs: &[String]) -> IngestProgress {
        if quiet || !io::stderr().is_terminal() {
            return IngestProgress::drawn_to(ProgressDrawTarget::hidden(), None);
        }
        let progress = IngestProgress::drawn_to(ProgressDrawTarget::stderr(), input_size(inputs));
        progress.bar.enable_steady_tick(TICK);
        progress
    }

    /// A progress line drawn to `target`, out of `total` bytes if known.
    fn drawn_to(target: ProgressDrawTarget, total: Option<u64>) -> IngestProgress {
        let style = ProgressStyle::with_template("{spinner} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        // Cleared when the last handle goes, on any early return too
        // (indicatif's default, stated as the summary relies on it).
        let bar = ProgressBar::with_draw_target(None, target)
            .with_style(style)
            .with_finish(ProgressFinish::AndClear);
        bar.set_message(progress_line(Progress::default(), total, Duration::ZERO));
        IngestProgress {
            bar,
            total,
            stopping: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Shows how far the run has got.
    pub(crate) fn update(&self, progress: Progress) {
        if self.stopping.load(Ordering::Relaxed) {
            return;
        }
        let line = progress_line(progress, self.total, self.bar.elapsed());
        self.bar.set_message(line);
    }

    /// Runs `print` with the line out of the way, then draws it again.
    pub(crate) fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        self.bar.suspend(print)
    }

    /// Says, on the first Ctrl-C, that the run stops and commits.
    pub(crate) fn stopping(&self) {
        self.stopping.store(true, Ordering::Relaxed);
        let message = "stopping: committing what was read (Ctrl-C again to leave at once)";
        self.bar.set_message(Cow::Borrowed(message));
    }

    /// Clears the line, before the summary or an error is printed.
    pub(crate) fn clear(&self) {
        self.bar.finish_and_clear();
    }

    /// Clears the line and says, on a second Ctrl-C, that newsdex leaves
    /// at once (the caller then exits, which runs no destructor).
    pub(crate) fn leave_now(&self, quiet: bool) {
        self.clear();
        if !quiet {
            eprintln!(
                "newsdex: interrupted again: leaving at once; the index keeps its last commit"
            );
        }
    }
}

/// The text of the progress line: with `total` bytes known, the share read
/// and the time left (once a second has passed and bytes were read), else
/// the time since the start.
fn progress_line(progress: Progress, total: Option<u64>, elapsed: Duration) -> String {
    let noun = match progress.articles {
        1 => "article",
        _ => "articles",
    };
    let articles = format!("{} {noun}", HumanCount(progress.articles));
    let rate = format_rate(progress.articles as f64 / elapsed.as_secs_f64());
    let Some(total) = total.filter(|total| *total > 0) else {
        let elapsed = format_duration(elapsed.as_secs());
        return format!("{articles} · {rate} · {elapsed}");
    };
    let percent = (u128::from(progress.bytes_read) * 100 / u128::from(total)).min(100);
    let eta = match time_left(progress.bytes_read, total, elapsed) {
        Some(left) => format_duration(left.as_secs()),
        None => "-:--".to_string(),
    };
    format!("{percent}% · {articles} · {rate} · ETA {eta}")
}

/// The time left to read `total` bytes at the pace so far, once there is
/// a pace to go by: a second has passed and some bytes were read.
fn time_left(bytes_read: u64, total: u64, elapsed: Duration) -> Option<Duration> {
    if bytes_read == 0 || elapsed < Duration::from_secs(1) {
        return None;
    }
    let left = total.saturating_sub(bytes_read) as f64;
    Some(elapsed.mul_f64(left / bytes_read as f64))
}

/// Formats seconds as `m:ss`, or `h:mm:ss` from an hour on.
fn format_duration(seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match hours {
        0 => format!("{minutes}:{seconds:02}"),
        _ => format!("{hours}:{minutes:02}:{seconds:02}"),
    }
}

/// Formats a rate as a whole number of articles per second with thousands
/// separators: `14,246/s`.
fn format_rate(per_second: f64) -> String {
    let whole = if per_second.is_finite() && per_second > 0.0 {
        per_second.round() as u64
    } else {
        0
    };
    format!("{}/s", HumanCount(whole))
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use indicatif::TermLike;

    use super::*;

    #[test]
    fn rate_is_a_whole_number_with_separators() {
        assert_eq!(format_rate(14_246.316_5), "14,246/s");
        assert_eq!(format_rate(0.4), "0/s");
        assert_eq!(format_rate(999.5), "1,000/s");
        assert_eq!(format_rate(f64::NAN), "0/s");
    }

    #[test]
    fn the_line_shows_the_share_read_and_the_time_left_when_the_size_is_known() {
        let progress = Progress {
            articles: 12_345,
            bytes_read: 42_000_000,
        };
        let elapsed = Duration::from_millis(866_500);
        assert_eq!(
            progress_line(progress, Some(100_000_000), elapsed / 100),
            "42% · 12,345 articles · 1,425/s · ETA 0:11"
        );
        assert_eq!(
            progress_line(progress, Some(100_000_000), elapsed),
            "42% · 12,345 articles · 14/s · ETA 19:56"
        );
        assert_eq!(
            progress_line(progress, None, elapsed),
            "12,345 articles · 14/s · 14:26"
        );
        assert_eq!(
            progress_line(Progress::default(), Some(10), Duration::ZERO),
            "0% · 0 articles · 0/s · ETA -:--"
        );
        assert_eq!(
            progress_line(progress, Some(1_000), Duration::from_secs(5)),
            "100% · 12,345 articles · 2,469/s · ETA 0:00",
            "a file that grew while read"
        );
        assert_eq!(
            progress_line(progress, Some(0), Duration::from_secs(5)),
            "12,345 articles · 2,469/s · 0:05",
            "nothing to measure by"
        );
    }

    #[test]
    fn the_time_left_goes_by_the_pace_so_far() {
        let second = Duration::from_secs(1);
        assert_eq!(time_left(25, 100, 10 * second), Some(30 * second));
        assert_eq!(time_left(0, 100, 10 * second), None);
        assert_eq!(time_left(25, 100, second / 2), None);
        assert_eq!(time_left(200, 100, second), Some(Duration::ZERO));
        assert_eq!(format_duration(59), "0:59");
        assert_eq!(format_duration(3_599), "59:59");
        assert_eq!(format_duration(3_600 * 26 + 61), "26:01:01");
    }

    /// A terminal of one screen that keeps what is left on it.
    #[derive(Debug, Default, Clone)]
    struct Screen(Arc<Mutex<Vec<String>>>);

    impl Screen {
        fn text(&self) -> String {
            self.0.lock().unwrap().join("\n")
        }

        fn edit(&self, change: impl FnOnce(&mut Vec<String>)) -> io::Result<()> {
            let mut lines = self.0.lock().unwrap();
            if lines.is_empty() {
                lines.push(String::new());
            }
            change(&mut lines);
            Ok(())
        }
    }

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn write_line(&self, text: &str) -> io::Result<()> {
            self.edit(|lines| {
                lines.last_mut().unwrap().push_str(text);
                lines.push(String::new());
            })
        }
        fn write_str(&self, text: &str) -> io::Result<()> {
            self.edit(|lines| lines.last_mut().unwrap().push_str(text))
        }
        fn clear_line(&self) -> io::Result<()> {
            self.edit(|lines| lines.last_mut().unwrap().clear())
        }
        fn flush(&self) -> io::Result<()> {
            Ok(())
        }
    }

    fn on_screen(total: Option<u64>) -> (IngestProgress, Screen) {
        let screen = Screen::default();
        let target = ProgressDrawTarget::term_like(Box::new(screen.clone()));
        let progress = IngestProgress::drawn_to(target, total);
        progress.update(Progress {
            articles: 1_000,
            bytes_read: 10,
        });
        progress.bar.tick();
        assert!(
            screen.text().contains("1,000 articles"),
            "{}",
            screen.text()
        );
        (progress, screen)
    }

    #[test]
    fn ctrl_c_says_the_run_stops_and_progress_does_not_hide_it() {
        let (progress, screen) = on_screen(Some(100));
        progress.stopping();
        progress.update(Progress::default());
        progress.bar.tick();
        assert!(
            screen.text().contains("stopping: committing what was read"),
            "{}",
            screen.text()
        );
        progress.clear();
        assert_eq!(screen.text().trim(), "");
    }

    #[test]
    fn the_line_is_cleared_on_a_second_ctrl_c_and_on_an_early_return() {
        let (progress, screen) = on_screen(None);
        let held_by_the_handler = progress.clone();
        held_by_the_handler.leave_now(true);
        assert_eq!(screen.text().trim(), "", "cleared before leaving");

        let (progress, screen) = on_screen(Some(100));
        drop(progress);
        assert_eq!(screen.text().trim(), "", "cleared when dropped");
    }
}
