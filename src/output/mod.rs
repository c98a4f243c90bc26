//! Output: writes results to a stream the caller gives, as JSON
//! ([`json`], the documented contracts) or as human tables ([`table`]).
//! Nothing here decides where output goes or whether it is a terminal.

pub mod json;
pub mod table;
