//! The person rule of the aliases: a surname written alone stands for the
//! full name that clearly dominates it nearby in time.
//!
//! For each one-word person value `S` and each calendar year `Y` in which
//! an article names `S`: over the articles dated `Y - 1` to `Y + 1`, count
//! the articles naming each full name (two words or more) whose last word
//! is `S` (in any case). If the most named one has at least
//! [`MIN_ARTICLES`] articles and at least [`DOMINANCE_PERCENT`] % of the
//! articles naming any of them, and no other has [`MIN_ARTICLES`] or more
//! and [`SHARED_PERCENT`] % of its articles, `S` in year `Y` is that full
//! name. A surname that two people share in the same years (`Baker`:
//! James Baker in 150 Reuters articles of 1987, Howard Baker in 22) stays
//! as it is, whichever is named more; one a far less named person bears
//! too is the dominant one's (`Blair`: Tony Blair in 154 BBC articles,
//! Cherie Blair in 4). The
//! undated articles are one window of their own: a surname in them is the
//! full name that dominates the undated articles.

use chrono::Datelike;
use rustc_hash::FxHashMap as HashMap;
use tantivy::Searcher;

use super::{Alias, AliasOrigin, full_names};
use crate::dates;
use crate::kinds::Kind;
use crate::schema::Fields;

/// The fewest articles the dominant full name needs in the window.
pub const MIN_ARTICLES: u32 = 3;

/// The share, in percent, of the window's full-name articles that the
/// dominant full name needs.
pub const DOMINANCE_PERCENT: u32 = 75;

/// The share, in percent, of the dominant full name's articles from which
/// another full name of the surname makes it shared (Howard Baker's 22
/// beside James Baker's 150 do; Cherie Blair's 4 beside Tony Blair's 154
/// do not).
pub const SHARED_PERCENT: u32 = 10;

/// How many years before and after an article's year the window reaches.
pub const WINDOW_YEARS: i32 = 1;

/// The articles naming a value, by year (`None` for the undated ones).
pub type PerYear = HashMap<Option<i32>, u32>;

/// Learns the surnames' aliases from the person and date columns.
pub fn learn(searcher: &Searcher) -> tantivy::Result<Vec<Alias>> {
    let person_field = Kind::Person.field();
    let mut per_value: HashMap<String, PerYear> = HashMap::default();
    for segment in searcher.segment_readers() {
        let fast_fields = segment.fast_fields();
        let Some(persons) = fast_fields.str(person_field)? else {
            continue;
        };
        let days = fast_fields.date(Fields::DATE)?;
        let mut per_ordinal_year: HashMap<(u64, Option<i32>), u32> = HashMap::default();
        for doc in segment.doc_ids_alive() {
            let year = days
                .first(doc)
                .and_then(dates::from_index_date)
                .map(|date| date.year());
            for ordinal in persons.term_ords(doc) {
                *per_ordinal_year.entry((ordinal, year)).or_default() += 1;
            }
        }
        let mut ordinals: Vec<u64> = per_ordinal_year
            .keys()
            .map(|(ordinal, _)| *ordinal)
            .collect();
        ordinals.sort_unstable();
        ordinals.dedup();
        let mut values: HashMap<u64, String> = HashMap::default();
        let mut next = ordinals.iter();
        persons
            .dictionary()
            .sorted_ords_to_term_cb(&ordinals, |bytes| {
                if let Some(&ordinal) = next.next() {
                    values.insert(ordinal, String::from_utf8_lossy(bytes).into_owned());
                }
            })?;
        for ((ordinal, year), count) in per_ordinal_year {
            if let Some(value) = values.get(&ordinal) {
                *per_value
                    .entry(value.clone())
                    .or_default()
                    .entry(year)
                    .or_default() += count;
            }
        }
    }
    Ok(aliases_of(&per_value))
}

/// Computes the table from the number of articles naming each person value
/// in each year: the merges of full names ([`full_names`]), then each
/// surname's, counted over the merged full names.
fn aliases_of(per_value: &HashMap<String, PerYear>) -> Vec<Alias> {
    let mut aliases = full_names::merges(per_value);
    let folded = full_names::fold(per_value, &aliases);
    let per_value = &folded;
    let mut full_names_by_surname: HashMap<String, Vec<&str>> = HashMap::default();
    for value in per_value.keys() {
        if let Some((_, last)) = value.rsplit_once(' ') {
            full_names_by_surname
                .entry(last.to_lowercase())
                .or_default()
                .push(value);
        }
    }
    let mut surnames: Vec<&String> = per_value.keys().filter(|v| !v.contains(' ')).collect();
    surnames.sort();
    for surname in surnames {
        let Some(full_names) = full_names_by_surname.get(&surname.to_lowercase()) else {
            continue;
        };
        aliases.extend(year_aliases(surname, &per_value[surname], |year| {
            dominant_name(per_value, full_names, year)
        }));
    }
    aliases
}

/// The aliases of a value to the names `name_in` gives it in the years
/// (and the undated articles) of its counts: one alias for the undated
/// articles, and one for each run of years in which it is one name, a
/// year it is written without a name ending the run.
pub fn year_aliases<'n>(
    value: &str,
    years: &PerYear,
    mut name_in: impl FnMut(Option<i32>) -> Option<&'n str>,
) -> Vec<Alias> {
    let mut aliases: Vec<Alias> = Vec::new();
    // The undated articles (`None`) come first, then the years.
    let mut years: Vec<Option<i32>> = years.keys().copied().collect();
    years.sort_unstable();
    // Whether the last alias may run on: a year the value is written
    // without standing for a name ends its run.
    let mut running = false;
    for year in years {
        let Some(name) = name_in(year) else {
            running = false;
            continue;
        };
        let Some(year) = year else {
            aliases.push(Alias {
                undated: true,
                ..Alias::always(Kind::Person, value, name, AliasOrigin::Learned)
            });
            continue;
        };
        match aliases.last_mut() {
            Some(last)
                if running && last.name == name && !last.undated && last.last_year < year =>
            {
                last.last_year = year;
            }
            _ => aliases.push(Alias {
                first_year: year,
                last_year: year,
                ..Alias::always(Kind::Person, value, name, AliasOrigin::Learned)
            }),
        }
        running = true;
    }
    aliases
}

/// The articles naming a value in the window around a year, or in the
/// undated articles.
pub fn window_count(years: &PerYear, year: Option<i32>) -> u32 {
    match year {
        Some(year) => (year - WINDOW_YEARS..=year + WINDOW_YEARS)
            .map(|nearby| years.get(&Some(nearby)).copied().unwrap_or(0))
            .sum(),
        None => years.get(&None).copied().unwrap_or(0),
    }
}

/// The full name that dominates the window around a year, or the undated
/// articles, if one does.
pub fn dominant_name<'n>(
    per_value: &HashMap<String, PerYear>,
    full_names: &[&'n str],
    year: Option<i32>,
) -> Option<&'n str> {
    let mut total = 0u32;
    let mut best: Option<(&str, u32)> = None;
    let mut counts = Vec::with_capacity(full_names.len());
    for name in full_names {
        let count = window_count(&per_value[*name], year);
        total += count;
        counts.push(count);
        let better = match best {
            None => count > 0,
            Some((best_name, best_count)) => {
                count > best_count || (count == best_count && *name < best_name)
            }
        };
        if better {
            best = Some((name, count));
        }
    }
    let (name, count) = best?;
    let dominates = count >= MIN_ARTICLES && count * 100 >= total * DOMINANCE_PERCENT;
    // The best name is among the counts: it alone may reach both bars.
    let shared = counts
        .iter()
        .filter(|&&other| other >= MIN_ARTICLES && other * 100 >= count * SHARED_PERCENT)
        .count()
        > 1;
    (dominates && !shared).then_some(name)
}

/// The surnames' tests, and the counts they and [`full_names`]'s build.
#[cfg(test)]
pub mod tests {
    use super::*;

    /// Per-year counts from rows of value, year (0 for the undated
    /// articles) and articles.
    pub fn counts(rows: &[(&str, i32, u32)]) -> HashMap<String, PerYear> {
        let mut per_value: HashMap<String, PerYear> = HashMap::default();
        for (value, year, count) in rows {
            // Year 0 stands for the undated articles.
            let year = Some(*year).filter(|year| *year != 0);
            per_value
                .entry(value.to_string())
                .or_default()
                .insert(year, *count);
        }
        per_value
    }

    #[test]
    fn the_undated_articles_are_a_window_of_their_own() {
        let table = aliases_of(&counts(&[
            ("Blair", 0, 40),
            ("Tony Blair", 0, 90),
            ("Cherie Blair", 0, 2),
            ("Blair", 1997, 5),
            ("Brown", 0, 10),
            ("Gordon Brown", 0, 60),
            ("James Brown", 0, 8),
        ]));
        assert_eq!(
            table,
            vec![Alias {
                undated: true,
                ..Alias::always(Kind::Person, "Blair", "Tony Blair", AliasOrigin::Learned)
            }],
            "no dated article names Tony Blair; James Brown, in 8 (over a tenth of 60), shares Brown"
        );
        let table = super::super::Aliases::new(table);
        assert_eq!(
            table.resolve(Kind::Person, "Blair", None),
            Some("Tony Blair")
        );
        assert_eq!(table.resolve(Kind::Person, "Blair", Some(1997)), None);
    }

    #[test]
    fn a_surname_is_the_full_name_that_dominates_it_nearby_in_time() {
        let table = aliases_of(&counts(&[
            ("Reagan", 1987, 236),
            ("Reagan", 1988, 40),
            ("Ronald Reagan", 1987, 14),
            ("Ronald Reagan", 1988, 2),
            ("Nancy Reagan", 1987, 1),
            ("Reagan", 1999, 3),
        ]));
        assert_eq!(
            table,
            vec![Alias {
                first_year: 1987,
                last_year: 1988,
                ..Alias::always(
                    Kind::Person,
                    "Reagan",
                    "Ronald Reagan",
                    AliasOrigin::Learned
                )
            }]
        );
        let table = super::super::Aliases::new(table);
        let resolve = |year| table.resolve(Kind::Person, "Reagan", Some(year));
        assert_eq!(resolve(1987), Some("Ronald Reagan"));
        assert_eq!(resolve(1999), None, "too far in time");
        assert_eq!(table.involving(Kind::Person, "ronald reagan").count(), 1);
    }

    #[test]
    fn a_surname_two_people_share_stays_as_it_is() {
        let table = aliases_of(&counts(&[
            ("Baker", 1987, 100),
            ("James Baker", 1987, 30),
            ("Howard Baker", 1987, 12),
        ]));
        assert_eq!(table, vec![]);
        let dominated = aliases_of(&counts(&[
            ("Baker", 1987, 100),
            ("James Baker", 1987, 150),
            ("Howard Baker", 1987, 22),
        ]));
        assert_eq!(
            dominated,
            vec![],
            "87 % of the full names, but Howard Baker is named in 22 articles"
        );
        let far_less = aliases_of(&counts(&[
            ("Blair", 0, 16),
            ("Tony Blair", 0, 154),
            ("Cherie Blair", 0, 4),
        ]));
        assert_eq!(far_less.len(), 1, "4 articles are under a tenth of 154");
        assert_eq!(far_less[0].name, "Tony Blair");
    }

    #[test]
    fn a_full_name_needs_a_few_articles() {
        let table = aliases_of(&counts(&[("Lula", 2003, 50), ("Luiz Lula", 2003, 2)]));
        assert_eq!(table, vec![]);
        let table = aliases_of(&counts(&[("LULA", 2003, 5), ("Luiz Inacio Lula", 2003, 3)]));
        assert_eq!(table[0].alias, "LULA");
        assert_eq!(table[0].name, "Luiz Inacio Lula");
    }
}
