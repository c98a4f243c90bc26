//! Operations that combine the floors below them over a whole index: the
//! summary `newsdex stats` shows ([`stats`]: facets counted by
//! [`crate::facets`], near copies by [`crate::stories`]) and deleting
//! articles by id or by query ([`delete`]: a search by [`crate::query`],
//! the deletion by [`crate::index`]'s writer, then the stories worked out
//! again), and the merges of person values an index applies
//! ([`aliases`]).
//!
//! They live here, above `index/`, so that storage never imports the
//! layers that read it.

pub mod aliases;
pub mod delete;
pub mod stats;
