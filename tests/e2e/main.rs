//! End-to-end tests: run the built `newsdex` binary on real files in
//! temporary folders. One test binary, split by theme.

mod errors;
mod ingest;
mod query;
mod util;
