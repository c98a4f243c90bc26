//! Joins the stages for the `ingest` and `extract` commands: read, enrich,
//! and either index or hand back each article. Both commands go through
//! [`enrich_inputs`], so `extract` shows exactly what `ingest` indexes.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::schema::Schema;

use crate::article::Record;
use crate::article::{Article, Enriched};
use crate::enrich::mentions::Mentions;
use crate::enrich::{Enricher, resolve_id};
use crate::error::{Error, Location, RecordError, Result};
use crate::index::fingerprints::IndexedFingerprints;
use crate::index::open_or_create_index;
use crate::index::writer::{ArticleWriter, SegmentMerge, Written};
use crate::read::size::BytesRead;
use crate::read::{self, Found, ReadOptions};
use crate::stories;

/// What to ingest, where, and how.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// The index folder, created on first use.
    pub index: PathBuf,
    /// The schema the index must have.
    pub schema: Schema,
    /// Files, folders, or `-` for stdin.
    pub inputs: Vec<String>,
    /// How to read the inputs: a forced format, `--field` mappings.
    pub read: ReadOptions,
    /// The enrichment to apply.
    pub enricher: Enricher,
    /// Whether to enrich and write again articles indexed unchanged, which
    /// are otherwise skipped.
    pub reindex: bool,
    /// Articles per commit.
    pub batch_size: usize,
    /// Enrichment workers, and tantivy indexing threads up to
    /// [`MAX_INDEX_THREADS`].
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
    /// How far the run has got.
    Progress(Progress),
}

/// How far a run has got: given a few times a second, for a progress
/// display. With the size of the inputs ([`read::size::input_size`]), the
/// bytes read tell the share done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles read so far.
    pub articles: u64,
    /// Bytes read so far from the inputs, as stored (compressed for gzip
    /// files).
    pub bytes_read: u64,
}

/// The most tantivy indexing threads an ingest runs, whatever
/// [`IngestOptions::threads`] says (enrichment uses them all): tantivy's
/// own default stops at 8, and each indexing thread takes an equal share
/// of the memory budget, which tantivy refuses below 15 MB, so more
/// threads would make the default 256 MB budget fail on a large machine.
pub const MAX_INDEX_THREADS: usize = 8;

/// How often [`Event::Progress`] is given, at most.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// The summary of an ingest run; `ingest --json` prints it as one object:
///
/// ```json
/// {"read": 38, "indexed": 38, "replaced": 0, "unchanged": 0, "skipped": 0,
///  "warnings": 1, "seconds": 0.12, "articles_per_second": 316.7,
///  "interrupted": false, "duplicates": 0}
/// ```
///
/// The counts add up: every article read is counted once more, as
/// `indexed`, `duplicates` or `unchanged`, so `read = indexed + duplicates
/// + unchanged`, and the index grows by `indexed - replaced` documents.
///
/// `read` counts the articles read; `indexed` the articles written with an
/// id new to the index or replacing an article the index held before the
/// run (`replaced`); `duplicates` the articles whose id was written earlier
/// in the same run (the input holds the article more than once, and the
/// last one wins); `unchanged` the articles left alone because the index
/// holds them already exactly as they would be written. `skipped` counts
/// what is not an article: bad records, and paths that cannot be read
/// (missing, unreadable, of unknown format). `warnings` counts the articles
/// kept with a problem (an unparsable date, bytes not UTF-8, NUL bytes)
/// and the files that hold no article; `interrupted` tells whether Ctrl-C
/// stopped the run early (what was read before it is committed).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Articles read; bad records and unreadable paths are `skipped`.
    pub read: u64,
    /// Articles written with a new id or replacing one indexed before.
    pub indexed: u64,
    /// Articles that replaced one with the same id indexed before the run.
    pub replaced: u64,
    /// Articles indexed already exactly as they would be written.
    pub unchanged: u64,
    /// Bad records and unreadable paths skipped.
    pub skipped: u64,
    /// Articles indexed with a warning, and files with no article.
    pub warnings: u64,
    /// Wall time of the run.
    pub seconds: f64,
    /// `indexed / seconds`.
    pub articles_per_second: f64,
    /// Whether the run was stopped early.
    pub interrupted: bool,
    /// Articles whose id was written earlier in the same run; the last
    /// one is kept.
    pub duplicates: u64,
}

/// A processed article with the place it was read from, a bad record, or
/// an empty file.
pub type Processed<T> = Found<(Location, T)>;

/// An enriched article with the place it was read from, a bad record, or
/// an empty file.
pub type EnrichedItem = Processed<Enriched>;

/// Articles per batch handed to an enrichment worker.
const BATCH_SIZE: usize = 64;

/// Batches in flight per worker, which bounds memory however large the
/// input is.
const BATCHES_PER_WORKER: usize = 4;

/// Reads and enriches every input, handing each article or bad record to
/// `consume` in input order.
pub fn enrich_inputs(
    inputs: &[String],
    read: &ReadOptions,
    enricher: Enricher,
    threads: usize,
    consume: impl FnMut(EnrichedItem) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let enrich = |article| enricher.enrich(article);
    let uncounted = BytesRead::default();
    process_inputs(inputs, read, &uncounted, threads, &enrich, consume)
}

/// Reads and enriches every input as [`enrich_inputs`] does, handing on
/// each article's resolved mentions too, with the resolvers' changes in
/// words when `explain` says so (`extract --explain`). What is not an
/// article, the warnings of an article (given before it) and how far the
/// run has got go to `on_event`, as an ingest reports them.
pub fn explain_inputs(
    inputs: &[String],
    read: &ReadOptions,
    (enricher, explain): (Enricher, bool),
    threads: usize,
    mut on_event: impl FnMut(Event),
    mut consume: impl FnMut(Location, Enriched, Mentions) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let enrich = |article| enricher.enrich_explained(article, explain);
    let bytes_read = BytesRead::default();
    let mut articles = 0u64;
    let mut last_progress = Instant::now();
    process_inputs(inputs, read, &bytes_read, threads, &enrich, |item| {
        match item {
            Found::Bad(error) => on_event(Event::Skipped(&error)),
            Found::Empty(warning) => on_event(Event::Warning(&warning)),
            Found::Article((location, (enriched, mentions))) => {
                articles += 1;
                for warning in &warnings(&location, &enriched) {
                    on_event(Event::Warning(warning));
                }
                consume(location, enriched, mentions)?;
            }
        }
        if last_progress.elapsed() >= PROGRESS_INTERVAL {
            last_progress = Instant::now();
            on_event(Event::Progress(Progress {
                articles,
                bytes_read: bytes_read.get(),
            }));
        }
        ControlFlow::Continue(())
    })
}

/// Reads every input and processes each article, handing each result or
/// bad record to `consume` in input order. With more than one thread, one
/// thread reads, `threads` workers process batches in parallel, and the
/// calling thread puts the results back in input order before consuming
/// them, so the outcome does not depend on the thread count.
fn process_inputs<T: Send>(
    inputs: &[String],
    read: &ReadOptions,
    count: &BytesRead,
    threads: usize,
    process: &(impl Fn(Article) -> T + Sync),
    mut consume: impl FnMut(Processed<T>) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let process_item =
        |found: Found<Record>| found.map(|record| (record.location, process(record.article)));
    if threads <= 1 {
        return read::read_inputs(inputs, read, count, |item| consume(process_item(item)));
    }
    std::thread::scope(|scope| {
        let capacity = threads * BATCHES_PER_WORKER;
        let (batch_sender, batch_receiver) =
            crossbeam_channel::bounded::<(u64, Vec<Found<Record>>)>(capacity);
        let (done_sender, done_receiver) =
            crossbeam_channel::bounded::<(u64, Vec<Processed<T>>)>(capacity);
        scope.spawn(move || read_in_batches(inputs, read, count, &batch_sender));
        for _ in 0..threads {
            let batches = batch_receiver.clone();
            let done = done_sender.clone();
            scope.spawn(move || {
                for (sequence, items) in batches {
                    let processed = items.into_iter().map(process_item).collect();
                    if done.send((sequence, processed)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(batch_receiver);
        drop(done_sender);
        let mut waiting: BTreeMap<u64, Vec<Processed<T>>> = BTreeMap::new();
        let mut next = 0u64;
        for (sequence, enriched) in &done_receiver {
            waiting.insert(sequence, enriched);
            while let Some(batch) = waiting.remove(&next) {
                next += 1;
                for item in batch {
                    consume(item)?;
                }
            }
        }
        ControlFlow::Continue(())
    })
}

/// Reads every input and sends the records in numbered batches, until the
/// inputs end or nobody listens any more.
fn read_in_batches(
    inputs: &[String],
    read: &ReadOptions,
    count: &BytesRead,
    sender: &crossbeam_channel::Sender<(u64, Vec<Found<Record>>)>,
) {
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    let mut sequence = 0u64;
    let flow = read::read_inputs(inputs, read, count, |item| {
        batch.push(item);
        if batch.len() < BATCH_SIZE {
            return ControlFlow::Continue(());
        }
        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_SIZE));
        if sender.send((sequence, full)).is_err() {
            return ControlFlow::Break(());
        }
        sequence += 1;
        ControlFlow::Continue(())
    });
    if flow.is_continue() && !batch.is_empty() {
        let _ = sender.send((sequence, batch));
    }
}

/// An article ready for the index writer.
enum Prepared {
    /// Enriched, to be written.
    Enriched(Enriched),
    /// Indexed already exactly as it would be written, so not enriched.
    Unchanged(Article),
}

/// The warnings of an article that is kept: problems met while reading it,
/// and a date that could not be parsed.
pub fn warnings(location: &Location, enriched: &Enriched) -> Vec<RecordError> {
    let mut found = Vec::new();
    for reason in &enriched.warnings {
        found.push(RecordError {
            location: location.clone(),
            reason: reason.clone(),
        });
    }
    if let Some(date) = &enriched.unparsed_date {
        found.push(RecordError {
            location: location.clone(),
            reason: format!(
                "date {date:?} could not be parsed: the article is indexed without a date"
            ),
        });
    }
    found
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
    let index_threads = options.threads.clamp(1, MAX_INDEX_THREADS);
    let mut writer = ArticleWriter::for_ingest(&open, index_threads, options.memory_bytes)?;
    let indexed = match options.reindex {
        true => None,
        false => Some(IndexedFingerprints::of(&open)?),
    };
    let enricher = options.enricher;
    let prepare = |article: Article| {
        let fingerprint = enricher.fingerprint(&article);
        match &indexed {
            Some(indexed) if indexed.contains(&resolve_id(&article), fingerprint) => {
                Prepared::Unchanged(article)
            }
            _ => Prepared::Enriched(enricher.enrich_fingerprinted(article, fingerprint)),
        }
    };
    let mut report = IngestReport::default();
    let mut failure: Option<Error> = None;
    let mut pending = 0usize;
    let bytes_read = BytesRead::default();
    let mut last_progress = started;
    let flow = process_inputs(
        &options.inputs,
        &options.read,
        &bytes_read,
        options.threads,
        &prepare,
        |item| {
            // A bad record or an unreadable path is skipped, not read.
            let is_article = matches!(item, Found::Article(_));
            report.read += u64::from(is_article);
            match item {
                Found::Bad(error) => {
                    report.skipped += 1;
                    on_event(Event::Skipped(&error));
                }
                Found::Empty(warning) => {
                    report.warnings += 1;
                    on_event(Event::Warning(&warning));
                }
                Found::Article((_, Prepared::Unchanged(article)))
                    if !writer.rewrote(&resolve_id(&article)) =>
                {
                    report.unchanged += 1;
                }
                Found::Article((location, prepared)) => {
                    let enriched = match prepared {
                        Prepared::Enriched(enriched) => enriched,
                        // An earlier copy in this run replaced the indexed
                        // one, so this later copy must be written to win.
                        Prepared::Unchanged(article) => enricher.enrich(article),
                    };
                    let written = match writer.add(&enriched) {
                        Ok(written) => written,
                        Err(error) => {
                            failure = Some(error);
                            return ControlFlow::Break(());
                        }
                    };
                    let kept_with = warnings(&location, &enriched);
                    report.warnings += u64::from(!kept_with.is_empty());
                    for warning in &kept_with {
                        on_event(Event::Warning(warning));
                    }
                    match written {
                        Written::New => report.indexed += 1,
                        Written::Replaced => {
                            report.indexed += 1;
                            report.replaced += 1;
                        }
                        Written::Duplicate => report.duplicates += 1,
                    }
                    pending += 1;
                }
            }
            if pending >= options.batch_size {
                pending = 0;
                if let Err(error) = writer.commit() {
                    failure = Some(error);
                    return ControlFlow::Break(());
                }
            }
            if last_progress.elapsed() >= PROGRESS_INTERVAL {
                last_progress = Instant::now();
                on_event(Event::Progress(Progress {
                    articles: report.read,
                    bytes_read: bytes_read.get(),
                }));
            }
            if stop.load(Ordering::Relaxed) {
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        },
    );
    if let Some(error) = failure {
        return Err(error);
    }
    report.interrupted = flow.is_break();
    let merge = match report.interrupted {
        true => SegmentMerge::Keep,
        false => SegmentMerge::All,
    };
    writer.finish_with(merge)?;
    stories::refresh(&open)?;
    report.seconds = started.elapsed().as_secs_f64();
    report.articles_per_second = if report.seconds > 0.0 {
        report.indexed as f64 / report.seconds
    } else {
        0.0
    };
    Ok(report)
}
