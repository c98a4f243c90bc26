//! Person aliases across the index: a surname written alone (`Reagan`, in
//! 236 Reuters articles of 1987) is the full name (`Ronald Reagan`, in 14)
//! that clearly dominates it nearby in time, so that the person facet
//! counts one man, not two.
//!
//! The rule, for each one-word person value `S` and each calendar year `Y`
//! in which an article names `S`: over the articles dated `Y - 1` to
//! `Y + 1`, count the articles naming each full name (two words or more)
//! whose last word is `S` (in any case). If the most named one has at least
//! [`MIN_ARTICLES`] articles and at least [`DOMINANCE_PERCENT`] % of the
//! articles naming any of them, and no other has [`MIN_ARTICLES`] or more,
//! `S` in year `Y` is that full name. A surname that two people share in
//! the same years (`Baker`: James Baker in 150 Reuters articles of 1987,
//! Howard Baker in 22) stays as it is, whichever is named more; undated
//! articles are never merged.
//!
//! The table is computed from the fast columns when an ingest ends and
//! kept as the payload of its last commit (in tantivy's `meta.json`, so it
//! is written atomically with the commit and never collected as garbage);
//! the person facet and `--person` read it, from the layers above. The
//! stored values are never rewritten, so
//! `--person Reagan` still finds every article that names him either way.

use chrono::Datelike;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;
use tantivy::{Index, Searcher};

use crate::dates;
use crate::schema::{Fields, fold_for_matching};

/// The fewest articles the dominant full name needs in the window.
pub const MIN_ARTICLES: u32 = 3;

/// The share, in percent, of the window's full-name articles that the
/// dominant full name needs.
pub const DOMINANCE_PERCENT: u32 = 75;

/// How many years before and after an article's year the window reaches.
pub const WINDOW_YEARS: i32 = 1;

/// The file of an index folder in which a user adds or undoes merges of
/// person values, read whenever the index is opened (see
/// [`PersonAliases::apply_file`]).
pub const ALIASES_FILE: &str = "aliases.txt";

/// Where an alias comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AliasOrigin {
    /// Worked out from the index when an ingest ended.
    #[default]
    Learned,
    /// Written in the index folder's aliases file.
    File,
}

impl AliasOrigin {
    /// Whether the alias was worked out from the index.
    fn is_learned(&self) -> bool {
        *self == AliasOrigin::Learned
    }
}

/// One surname that stands for one full name in a span of years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The one-word value, as indexed (`Reagan`).
    pub surname: String,
    /// The full name it stands for (`Ronald Reagan`).
    pub name: String,
    /// The first year, inclusive, of articles where it does.
    pub first_year: i32,
    /// The last year, inclusive.
    pub last_year: i32,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "AliasOrigin::is_learned")]
    pub origin: AliasOrigin,
}

/// The aliases of an index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonAliases {
    /// Every alias, ordered by surname then year.
    pub aliases: Vec<Alias>,
    /// Where the aliases' names sit in the person column of each segment
    /// the table was computed over, so that the person facet need not look
    /// them up in the column's dictionary at every query.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentOrdinals>,
}

/// The term ordinals of the aliases' names in one segment's person column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentOrdinals {
    /// The segment's id, as tantivy writes it in `meta.json`; a merged
    /// segment gets a new one, so ordinals are never read for another
    /// dictionary.
    pub segment: String,
    /// For each alias, in table order, the ordinals of its surname and of
    /// its full name, when the column holds them.
    pub ordinals: Vec<(Option<u64>, Option<u64>)>,
}

impl PersonAliases {
    /// Reads the table kept in an index's last commit, or an empty one when
    /// there is none (an index built before aliases existed, or an ingest
    /// interrupted before its end) or it cannot be read.
    pub fn load(index: &Index) -> PersonAliases {
        let payload = index.load_metas().ok().and_then(|metas| metas.payload);
        payload
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the table as the payload of a commit.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Computes the table from the person and date columns of every
    /// document the searcher sees, with the ordinals of its names in each
    /// segment.
    pub fn compute(searcher: &Searcher, person_field: &str) -> tantivy::Result<PersonAliases> {
        let mut table = PersonAliases::compute_aliases(searcher, person_field)?;
        for segment in searcher.segment_readers() {
            let Some(persons) = segment.fast_fields().str(person_field)? else {
                continue;
            };
            table.segments.push(SegmentOrdinals {
                segment: segment.segment_id().uuid_string(),
                ordinals: table.look_up_ordinals(&persons)?,
            });
        }
        Ok(table)
    }

    /// The ordinals of each alias's surname and full name in a segment's
    /// person column: read from the table when it was computed over that
    /// segment, looked up in the column's dictionary otherwise.
    pub fn ordinals_in(
        &self,
        segment: SegmentId,
        persons: &StrColumn,
    ) -> tantivy::Result<Vec<(Option<u64>, Option<u64>)>> {
        let id = segment.uuid_string();
        for kept in &self.segments {
            if kept.segment == id && kept.ordinals.len() == self.aliases.len() {
                return Ok(kept.ordinals.clone());
            }
        }
        self.look_up_ordinals(persons)
    }

    /// Looks up each alias's surname and full name in a person column's
    /// dictionary.
    fn look_up_ordinals(
        &self,
        persons: &StrColumn,
    ) -> tantivy::Result<Vec<(Option<u64>, Option<u64>)>> {
        let dictionary = persons.dictionary();
        let mut ordinals = Vec::with_capacity(self.aliases.len());
        for alias in &self.aliases {
            ordinals.push((
                dictionary.term_ord(alias.surname.as_bytes())?,
                dictionary.term_ord(alias.name.as_bytes())?,
            ));
        }
        Ok(ordinals)
    }

    /// Computes the aliases alone.
    fn compute_aliases(searcher: &Searcher, person_field: &str) -> tantivy::Result<PersonAliases> {
        let mut per_value: HashMap<String, HashMap<i32, u32>> = HashMap::default();
        for segment in searcher.segment_readers() {
            let fast_fields = segment.fast_fields();
            let Some(persons) = fast_fields.str(person_field)? else {
                continue;
            };
            let days = fast_fields.date(Fields::DATE)?;
            let mut per_ordinal_year: HashMap<(u64, i32), u32> = HashMap::default();
            for doc in segment.doc_ids_alive() {
                let Some(year) = days
                    .first(doc)
                    .and_then(dates::from_index_date)
                    .map(|date| date.year())
                else {
                    continue;
                };
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

    /// The full name a surname stands for in a year, if any.
    pub fn resolve(&self, surname: &str, year: i32) -> Option<&str> {
        self.aliases
            .iter()
            .find(|alias| {
                alias.surname == surname && alias.first_year <= year && year <= alias.last_year
            })
            .map(|alias| alias.name.as_str())
    }

    /// Applies an aliases file (see [`ALIASES_FILE`]): one merge a line,
    /// `alias<TAB>full name` to count a value as a full name in every
    /// year (it replaces what was learned for that value), or `alias<TAB>-`
    /// to undo a merge the index learned; blank lines and lines opening
    /// with `#` are skipped. Values are written as the person facet shows
    /// them; an alias the index learned is found in any case. A line of
    /// another shape is refused with its file and line.
    pub fn apply_file(&mut self, text: &str, file: &std::path::Path) -> crate::Result<()> {
        let mut changed = false;
        for (index, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let refused = |reason: &str| crate::Error::AliasesFile {
                path: file.to_path_buf(),
                line: index + 1,
                reason: reason.to_string(),
            };
            let Some((alias, name)) = line.split_once('\t') else {
                return Err(refused("no tab between the alias and the full name"));
            };
            let (alias, name) = (alias.trim(), name.trim());
            if alias.is_empty() || name.is_empty() {
                return Err(refused("an alias and a full name (or -) are both needed"));
            }
            let lower = alias.to_lowercase();
            // Values are matched as indexed: a learned alias keeps its own
            // spelling (`reagan` in the file undoes or replaces `Reagan`).
            let indexed_spelling = self
                .aliases
                .iter()
                .find(|known| known.surname.to_lowercase() == lower)
                .map_or_else(|| alias.to_string(), |known| known.surname.clone());
            self.aliases
                .retain(|known| known.surname.to_lowercase() != lower);
            if name != "-" {
                self.aliases.push(Alias {
                    surname: indexed_spelling,
                    name: name.to_string(),
                    first_year: dates::FIRST_YEAR,
                    last_year: dates::LAST_YEAR,
                    origin: AliasOrigin::File,
                });
            }
            changed = true;
        }
        if changed {
            self.aliases.sort_by(|a, b| {
                (a.surname.as_str(), a.first_year).cmp(&(b.surname.as_str(), b.first_year))
            });
            // The ordinals kept with the table follow its old order.
            self.segments.clear();
        }
        Ok(())
    }

    /// The aliases whose surname or full name is this value, in any case
    /// and with or without accents.
    pub fn involving<'a>(&'a self, value: &'a str) -> impl Iterator<Item = &'a Alias> + 'a {
        let typed = fold_for_matching(value);
        self.aliases.iter().filter(move |alias| {
            fold_for_matching(&alias.surname) == typed || fold_for_matching(&alias.name) == typed
        })
    }
}

/// Computes the table from the number of articles naming each person value
/// in each year.
fn aliases_of(per_value: &HashMap<String, HashMap<i32, u32>>) -> PersonAliases {
    let mut full_names_by_surname: HashMap<String, Vec<&str>> = HashMap::default();
    for value in per_value.keys() {
        if let Some((_, last)) = value.rsplit_once(' ') {
            full_names_by_surname
                .entry(last.to_lowercase())
                .or_default()
                .push(value);
        }
    }
    let mut aliases: Vec<Alias> = Vec::new();
    let mut surnames: Vec<&String> = per_value.keys().filter(|v| !v.contains(' ')).collect();
    surnames.sort();
    for surname in surnames {
        let Some(full_names) = full_names_by_surname.get(&surname.to_lowercase()) else {
            continue;
        };
        let mut years: Vec<i32> = per_value[surname].keys().copied().collect();
        years.sort_unstable();
        for year in years {
            let Some(name) = dominant_name(per_value, full_names, year) else {
                continue;
            };
            match aliases.last_mut() {
                Some(last)
                    if last.surname == *surname && last.name == name && last.last_year < year =>
                {
                    last.last_year = year;
                }
                _ => aliases.push(Alias {
                    surname: surname.clone(),
                    name: name.to_string(),
                    first_year: year,
                    last_year: year,
                    origin: AliasOrigin::Learned,
                }),
            }
        }
    }
    PersonAliases {
        aliases,
        segments: Vec::new(),
    }
}

/// The full name that dominates the window around a year, if one does.
fn dominant_name<'n>(
    per_value: &HashMap<String, HashMap<i32, u32>>,
    full_names: &[&'n str],
    year: i32,
) -> Option<&'n str> {
    let mut total = 0u32;
    let mut best: Option<(&str, u32)> = None;
    let mut named_by_a_few = 0usize;
    for name in full_names {
        let years = &per_value[*name];
        let mut count = 0u32;
        for nearby in year - WINDOW_YEARS..=year + WINDOW_YEARS {
            count += years.get(&nearby).copied().unwrap_or(0);
        }
        total += count;
        named_by_a_few += usize::from(count >= MIN_ARTICLES);
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
    let shared = named_by_a_few > 1;
    (dominates && !shared).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(rows: &[(&str, i32, u32)]) -> HashMap<String, HashMap<i32, u32>> {
        let mut per_value: HashMap<String, HashMap<i32, u32>> = HashMap::default();
        for (value, year, count) in rows {
            per_value
                .entry(value.to_string())
                .or_default()
                .insert(*year, *count);
        }
        per_value
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
            table.aliases,
            vec![Alias {
                surname: "Reagan".into(),
                name: "Ronald Reagan".into(),
                first_year: 1987,
                last_year: 1988,
                origin: AliasOrigin::Learned,
            }]
        );
        assert_eq!(table.resolve("Reagan", 1987), Some("Ronald Reagan"));
        assert_eq!(table.resolve("Reagan", 1999), None, "too far in time");
        assert_eq!(table.involving("ronald reagan").count(), 1);
    }

    #[test]
    fn an_aliases_file_adds_and_undoes_merges() {
        let mut table = aliases_of(&counts(&[
            ("Reagan", 1987, 236),
            ("Ronald Reagan", 1987, 14),
            ("Baker", 1987, 100),
            ("James Baker", 1987, 30),
            ("Howard Baker", 1987, 12),
        ]));
        let file = std::path::Path::new("index/aliases.txt");
        table
            .apply_file("# merges\nreagan\t-\n\nBaker\tJames Baker\n", file)
            .unwrap();
        assert_eq!(table.resolve("Reagan", 1987), None, "undone");
        let mut replaced = aliases_of(&counts(&[
            ("Reagan", 1987, 236),
            ("Ronald Reagan", 1987, 14),
        ]));
        replaced.apply_file("REAGAN\tNancy Reagan\n", file).unwrap();
        assert_eq!(
            replaced.resolve("Reagan", 1987),
            Some("Nancy Reagan"),
            "the learned alias's spelling is kept"
        );
        assert_eq!(
            table.resolve("Baker", 1999),
            Some("James Baker"),
            "every year"
        );
        assert_eq!(table.aliases[0].origin, AliasOrigin::File);
        let refused = table.apply_file("Baker James Baker\n", file).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "index/aliases.txt:1: no tab between the alias and the full name: write one merge a line, `alias<TAB>full name`, or `alias<TAB>-` to undo one"
        );
    }

    #[test]
    fn a_surname_two_people_share_stays_as_it_is() {
        let table = aliases_of(&counts(&[
            ("Baker", 1987, 100),
            ("James Baker", 1987, 30),
            ("Howard Baker", 1987, 12),
        ]));
        assert_eq!(table.aliases, vec![]);
        let dominated = aliases_of(&counts(&[
            ("Baker", 1987, 100),
            ("James Baker", 1987, 150),
            ("Howard Baker", 1987, 22),
        ]));
        assert_eq!(
            dominated.aliases,
            vec![],
            "87 % of the full names, but Howard Baker is named in 22 articles"
        );
    }

    #[test]
    fn a_full_name_needs_a_few_articles() {
        let table = aliases_of(&counts(&[("Lula", 2003, 50), ("Luiz Lula", 2003, 2)]));
        assert_eq!(table.aliases, vec![]);
        let table = aliases_of(&counts(&[("LULA", 2003, 5), ("Luiz Inacio Lula", 2003, 3)]));
        assert_eq!(table.resolve("LULA", 2003), Some("Luiz Inacio Lula"));
    }
}
