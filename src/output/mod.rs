//! Output: writes results to a stream the caller gives, as JSON
//! ([`json`], the documented contracts), CSV ([`csv`]) or human tables
//! (the hits of a query in [`hits`], the rest in [`table`]), and a stored
//! article as text ([`article`]). Nothing here decides where output goes
//! or whether it is a terminal.

pub mod article;
pub mod csv;
pub mod explain;
pub mod hits;
pub mod json;
pub mod pairs;
pub mod table;
