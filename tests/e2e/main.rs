//! End-to-end tests: run the built `newsdex` binary on real files in
//! temporary folders. One test binary, split by theme.

mod accents;
mod articles;
mod calendar;
mod cli;
mod encodings;
mod errors;
mod export;
mod feeds;
mod formats;
mod fuzz;
mod golden;
mod html;
mod ingest;
mod language;
mod merges;
mod names;
mod pairs;
mod persons;
mod progress;
mod published_dates;
mod query;
mod readme;
mod significant;
mod stories;
mod typed;
mod util;
mod warc;
mod wording;
