//! Filters by a person, organization or location match the entity under
//! every value the index's aliases join ([`crate::index::aliases`]): a
//! name matches its aliases (a surname only in the years it stands for
//! the full name), and an alias matches the name it stands for and that
//! name's other aliases (`--org USDA` finds the articles that write `U.S.
//! Agriculture Department`, and those that write `Usda`).

use tantivy::query::{BooleanQuery, Query};

use super::exact_match;
use super::persons::alias_dates;
use crate::error::Result;
use crate::index::OpenIndex;
use crate::kinds::Kind;
use crate::schema::fold_for_matching;

/// The queries of the values a filter value of a kind matches through the
/// aliases, beyond the value itself.
pub(crate) fn alias_matches(
    open: &OpenIndex,
    kind: Kind,
    value: &str,
) -> Result<Vec<Box<dyn Query>>> {
    let typed = fold_for_matching(value);
    let mut names = vec![typed.clone()];
    // A hidden value ([`crate::index::aliases::Alias::hides`]) stands for
    // no other: it joins nothing.
    for alias in open.aliases.involving(kind, value) {
        if alias.hides() {
            continue;
        }
        let name = fold_for_matching(&alias.name);
        if fold_for_matching(&alias.alias) == typed && !names.contains(&name) {
            names.push(name);
        }
    }
    let field = open.fields.kinds[kind];
    let mut any: Vec<Box<dyn Query>> = Vec::new();
    for name in &names[1..] {
        any.push(exact_match(&open.index, field, name)?);
    }
    for alias in &open.aliases.aliases {
        let folded = fold_for_matching(&alias.alias);
        let joined = names.contains(&fold_for_matching(&alias.name));
        if alias.kind != kind || alias.hides() || folded == typed || !joined {
            continue;
        }
        let written = exact_match(&open.index, field, &alias.alias)?;
        any.push(match alias.is_always() {
            true => written,
            false => {
                let years = alias_dates(open.fields.date, alias);
                Box::new(BooleanQuery::intersection(vec![written, years]))
            }
        });
    }
    Ok(any)
}

/// A filter by a value of a kind: the value as indexed, or any value the
/// aliases join to it.
pub(crate) fn aliased_match(open: &OpenIndex, kind: Kind, value: &str) -> Result<Box<dyn Query>> {
    let field = open.fields.kinds[kind];
    let mut any = vec![exact_match(&open.index, field, value)?];
    any.extend(alias_matches(open, kind, value)?);
    Ok(match any.len() {
        1 => any.pop().expect("one clause"),
        _ => Box::new(BooleanQuery::union(any)),
    })
}
