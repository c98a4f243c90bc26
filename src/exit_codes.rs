//! The exit statuses of `newsdex`, all in one place: 0 success; 1 some
//! records were skipped (or some ids were not found); 2 a usage error, a
//! bad query, an index that cannot be opened or written, or an internal
//! failure; 130 an ingest interrupted by Ctrl-C (committed work is kept).
//! A closed output pipe (`newsdex query ... | head`) is a success.

/// How a run of `newsdex` ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything was done (status 0).
    Success,
    /// Some records were skipped, or some ids were not found (status 1).
    Skipped,
    /// A usage error, bad query, index failure or internal failure
    /// (status 2).
    Error,
    /// An ingest was interrupted by Ctrl-C (status 130).
    Interrupted,
}

/// Each status with what it means, as the manual pages list them.
pub const DOCUMENTED_STATUSES: [(ExitStatus, &str); 4] = [
    (
        ExitStatus::Success,
        "Success; also when the output pipe was closed early (newsdex query ... | head).",
    ),
    (
        ExitStatus::Skipped,
        "Some records were skipped (each named on stderr with FILE:LINE; the rest were indexed), or some ids were not found.",
    ),
    (
        ExitStatus::Error,
        "A usage error, a bad query, date or value, an index that cannot be opened or written, or an internal failure.",
    ),
    (
        ExitStatus::Interrupted,
        "An ingest interrupted by Ctrl-C; what was committed is kept, and the same ingest resumes it.",
    ),
];

impl ExitStatus {
    /// Returns the number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Skipped => 1,
            ExitStatus::Error => 2,
            ExitStatus::Interrupted => 130,
        }
    }

    /// Leaves the process at once with this status, without unwinding (for
    /// the panic hook and a second Ctrl-C).
    pub fn exit_now(self) -> ! {
        std::process::exit(i32::from(self.code()))
    }
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> std::process::ExitCode {
        std::process::ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statuses_are_the_documented_numbers() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::Skipped.code(), 1);
        assert_eq!(ExitStatus::Error.code(), 2);
        assert_eq!(ExitStatus::Interrupted.code(), 130);
    }
}
