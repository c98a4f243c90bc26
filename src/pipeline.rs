//! Joins the stages for the `ingest` and `extract` commands: read, enrich,
//! and either index or hand back each article. Both commands go through
//! [`enrich_inputs`], so `extract` shows exactly what `ingest` indexes.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use serde::Serialize;
use tantivy::schema::Schema;

use crate::article::Enriched;
use crate::enrich::Enricher;
use crate::error::{Error, Location, RecordError, Result};
use crate::index::open_or_create_index;
use crate::index::writer::ArticleWriter;
use crate::read::{self, Format};

/// What to ingest, where, and how.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// The index folder, created on first use.
    pub index: PathBuf,
    /// The schema the index must have.
    pub schema: Schema,
    /// Files, folders, or `-` for stdin.
    pub inputs: Vec<String>,
    /// The format to read every input as, instead of detecting it.
    pub format: Option<Format>,
    /// The enrichment to apply.
    pub enricher: Enricher,
    /// Articles per commit.
    pub batch_size: usize,
    /// Indexing threads.
    pub threads: usize,
    /// Indexing memory budget, in bytes.
    pub memory_bytes: usize,
}

/// Something that happened during a run, for the caller to show.
#[derive(Debug)]
pub enum Event<'a> {
    /// A record was skipped.
    Skipped(&'a RecordError),
    /// A record was kept with a problem.
    Warning(&'a RecordError),
    /// Articles read so far.
    Progress(u64),
}

/// The summary of an ingest run; `ingest --json` prints it as one object:
///
/// ```json
/// {"read": 38, "indexed": 38, "replaced": 0, "skipped": 0, "warnings": 1,
///  "seconds": 0.12, "articles_per_second": 316.7, "interrupted": false}
/// ```
///
/// `read` counts records read, good or bad; `indexed` the articles written
/// (new or replacing); `replaced` those that replaced an article with the
/// same id; `skipped` the bad records; `warnings` the articles kept with a
/// problem (an unparsable date); `interrupted` whether Ctrl-C stopped the
/// run early (what was read before it is committed).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Records read, good or bad.
    pub read: u64,
    /// Articles written.
    pub indexed: u64,
    /// Articles that replaced one with the same id.
    pub replaced: u64,
    /// Bad records skipped.
    pub skipped: u64,
    /// Articles indexed with a warning.
    pub warnings: u64,
    /// Wall time of the run.
    pub seconds: f64,
    /// `indexed / seconds`.
    pub articles_per_second: f64,
    /// Whether the run was stopped early.
    pub interrupted: bool,
}

/// An enriched article with the place it was read from, or a bad record.
pub type EnrichedItem = Result<(Location, Enriched), RecordError>;

/// Reads and enriches every input, handing each article or bad record to
/// `consume` in input order.
pub fn enrich_inputs(
    inputs: &[String],
    format: Option<Format>,
    enricher: Enricher,
    mut consume: impl FnMut(EnrichedItem) -> ControlFlow<()>,
) -> ControlFlow<()> {
    read::read_inputs(inputs, format, |item| match item {
        Ok(record) => consume(Ok((record.location, enricher.enrich(record.article)))),
        Err(error) => consume(Err(error)),
    })
}

/// The warning for an article kept without its date, if it is one.
pub fn date_warning(location: &Location, enriched: &Enriched) -> Option<RecordError> {
    let date = enriched.unparsed_date.as_ref()?;
    Some(RecordError {
        location: location.clone(),
        reason: format!("date {date:?} could not be parsed: the article is indexed without a date"),
    })
}

/// Ingests the inputs into the index, committing every `batch_size`
/// articles and at the end. When `stop` becomes true, reading stops and
/// what was read is committed.
pub fn ingest(
    options: &IngestOptions,
    stop: &AtomicBool,
    mut on_event: impl FnMut(Event),
) -> Result<IngestReport> {
    let started = Instant::now();
    let open = open_or_create_index(&options.index, &options.schema)?;
    let mut writer = ArticleWriter::new(&open, options.threads.max(1), options.memory_bytes)?;
    let mut report = IngestReport::default();
    let mut failure: Option<Error> = None;
    let mut pending = 0usize;
    let flow = enrich_inputs(&options.inputs, options.format, options.enricher, |item| {
        report.read += 1;
        match item {
            Ok((location, enriched)) => match writer.add(&enriched) {
                Ok(replaced) => {
                    if let Some(warning) = date_warning(&location, &enriched) {
                        report.warnings += 1;
                        on_event(Event::Warning(&warning));
                    }
                    report.indexed += 1;
                    report.replaced += u64::from(replaced);
                    pending += 1;
                }
                Err(error) => {
                    failure = Some(error);
                    return ControlFlow::Break(());
                }
            },
            Err(error) => {
                report.skipped += 1;
                on_event(Event::Skipped(&error));
            }
        }
        if pending >= options.batch_size {
            pending = 0;
            if let Err(error) = writer.commit() {
                failure = Some(error);
                return ControlFlow::Break(());
            }
        }
        if report.read % 1000 == 0 {
            on_event(Event::Progress(report.read));
        }
        if stop.load(Ordering::Relaxed) {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    });
    if let Some(error) = failure {
        return Err(error);
    }
    report.interrupted = flow.is_break();
    writer.finish()?;
    report.seconds = started.elapsed().as_secs_f64();
    report.articles_per_second = if report.seconds > 0.0 {
        report.indexed as f64 / report.seconds
    } else {
        0.0
    };
    Ok(report)
}
