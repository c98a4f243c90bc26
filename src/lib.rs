//! newsdex indexes news articles into a tantivy index and answers faceted
//! queries over it.
//!
//! The flow, one module per stage:
//!
//! 1. [`read`] turns files, folders and stdin into located [`article::Article`]s
//!    (plain text, JSON and news-API envelopes, JSON Lines, CSV, optionally
//!    gzipped), with an error naming
//!    the file and line of every bad record;
//! 2. [`enrich`] gives each article its id and UTC date ([`dates`]) and
//!    extracts persons, organizations, locations, countries and keywords,
//!    producing an [`article::Enriched`];
//! 3. [`index`] writes enriched articles into an index whose fields the
//!    [`schema`] file declares, upserting by id and committing in batches;
//!    it is the storage floor and imports none of the modules above it;
//! 4. [`stories`] groups near copies (by the [`bands`] of their bodies)
//!    and keeps the stories of the whole index beside it, refreshed when
//!    an ingest or a delete ends;
//! 5. [`query`] builds a search request from the values a user typed,
//!    checking each ([`query::request`]), turns it into a tantivy query
//!    and collects the page of hits and the [`facets`] counted over all
//!    matches;
//! 6. [`output`] writes results as tables, JSON or CSV, for the binary to
//!    print.
//!
//! [`operations`] combines these over a whole index (`stats`, `delete`);
//! [`export`] writes the articles a search request selects as files that
//! Quickwit or Elasticsearch/OpenSearch load directly.
//!
//! [`kinds`] is the one table of the extracted kinds (person, organization,
//! location, country, country mentioned, keyword): the field, key, facet,
//! filter and case of each, which every stage reads.
//!
//! [`serve`] answers the same searches over HTTP, as JSON and a web page,
//! through the functions the commands call.
//!
//! [`pipeline`] joins reading, enrichment and indexing for the `ingest` and
//! `extract` commands, so that both see exactly the same articles.
#![warn(missing_docs)]
#![deny(unsafe_code)]

pub mod article;
pub mod bands;
pub mod dates;
pub mod enrich;
pub mod error;
pub mod export;
pub mod facets;
pub mod index;
pub mod kinds;
pub mod operations;
pub mod output;
pub mod pipeline;
pub mod query;
pub mod read;
pub mod schema;
pub mod serve;
pub mod stories;

pub use error::{Error, Result};
