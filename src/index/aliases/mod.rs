//! Aliases across the index: values that name an entity the index already
//! counts under another value, so that each facet counts one entity once.
//!
//! - **Persons** ([`surnames`]): a surname written alone (`Reagan`, in 236
//!   Reuters articles of 1987) is the full name (`Ronald Reagan`) that
//!   clearly dominates it nearby in time; a surname two people share stays
//!   as it is. Full names written alike but for dots and case (`George W.
//!   Bush`, `George W Bush`), or without a middle initial that another
//!   form dominating nearby in time writes (`George Bush`), are one
//!   ([`full_names`]), counted so before the surnames are.
//! - **Organizations and locations** ([`variants`]): values written alike
//!   but for case, accents, a British or American spelling or a company's
//!   legal ending (`LONDON` / `London`, `International Coffee Organisation`
//!   / `International Coffee Organization`, `USAir Group Inc` / `USAir
//!   Group`) are the one most articles write; an acronym or short form is
//!   the full name the articles that define it give it (`USDA` → `U.S.
//!   Agriculture Department`), when one name clearly dominates.
//!
//! The table is computed from the fast columns when an ingest ends and
//! kept as the payload of its last commit (in tantivy's `meta.json`, so it
//! is written atomically with the commit and never collected as garbage);
//! facets, filters, pairs and hits read it, from the layers above. The
//! stored values are never rewritten, so a filter by either value finds
//! every article that names the entity either way. The index folder's
//! [`ALIASES_FILE`] adds or undoes merges without re-ingesting.

pub mod full_names;
pub mod surnames;
pub mod variants;
pub mod works;

use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use tantivy::columnar::StrColumn;
use tantivy::directory::Directory;
use tantivy::index::SegmentId;
use tantivy::{DocId, Index, Searcher};

use crate::dates;
use crate::kinds::Kind;
use crate::schema::fold_for_matching;

/// The file of an index folder that holds the learned table. Its name
/// opens with a dot, so that tantivy's garbage collection, which only
/// manages its own files, leaves it alone.
pub const TABLE_FILE: &str = ".newsdex-aliases.json";

/// How a commit's payload names the table file: this, then the xxh3 hash
/// of the file's bytes in hex.
const PAYLOAD_PREFIX: &str = "aliases-file:";

/// The kinds whose values the index merges.
pub const MERGED_KINDS: [Kind; 3] = [Kind::Person, Kind::Organization, Kind::Location];

/// The file of an index folder in which a user adds or undoes merges,
/// read whenever the index is opened (see [`Aliases::apply_file`]).
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

/// One value that stands for another of the same kind, in a span of
/// years (every year the index can hold, but for persons' surnames).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The kind of both values; a table written before organizations
    /// were merged holds persons only.
    #[serde(
        default = "person",
        with = "kind_name",
        skip_serializing_if = "is_person"
    )]
    pub kind: Kind,
    /// The value as indexed (`Reagan`, `USDA`).
    #[serde(alias = "surname")]
    pub alias: String,
    /// The value it stands for (`Ronald Reagan`, `U.S. Agriculture
    /// Department`).
    pub name: String,
    /// The first year, inclusive, of articles where it does (left out of
    /// the payload when it is the first an index can hold).
    #[serde(default = "first_year", skip_serializing_if = "is_first_year")]
    pub first_year: i32,
    /// The last year, inclusive (left out when it is the last).
    #[serde(default = "last_year", skip_serializing_if = "is_last_year")]
    pub last_year: i32,
    /// Where it comes from.
    #[serde(default, skip_serializing_if = "AliasOrigin::is_learned")]
    pub origin: AliasOrigin,
    /// Whether it stands for its name in the undated articles only (a
    /// surname in a pile of articles without dates), not in those of
    /// `first_year` to `last_year`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undated: bool,
}

fn first_year() -> i32 {
    dates::FIRST_YEAR
}

fn last_year() -> i32 {
    dates::LAST_YEAR
}

fn is_first_year(year: &i32) -> bool {
    *year <= dates::FIRST_YEAR
}

fn is_last_year(year: &i32) -> bool {
    *year >= dates::LAST_YEAR
}

fn person() -> Kind {
    Kind::Person
}

fn is_person(kind: &Kind) -> bool {
    *kind == Kind::Person
}

/// A kind written by its field name (`organization`).
mod kind_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::kinds::Kind;

    pub fn serialize<S: Serializer>(kind: &Kind, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(kind.field())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Kind, D::Error> {
        let name = String::deserialize(deserializer)?;
        Kind::from_field(&name).ok_or_else(|| D::Error::custom(format!("no kind {name:?}")))
    }
}

impl Alias {
    /// An alias for every year an index can hold.
    pub fn always(kind: Kind, alias: &str, name: &str, origin: AliasOrigin) -> Alias {
        Alias {
            kind,
            alias: alias.to_string(),
            name: name.to_string(),
            first_year: dates::FIRST_YEAR,
            last_year: dates::LAST_YEAR,
            origin,
            undated: false,
        }
    }

    /// An alias that hides a value from every count: the title of a work
    /// the index learned ([`works`]). Its name is empty.
    pub fn hiding(kind: Kind, alias: &str, origin: AliasOrigin) -> Alias {
        Alias::always(kind, alias, "", origin)
    }

    /// Whether it hides its value ([`Alias::hiding`]) rather than stand for
    /// another.
    pub fn hides(&self) -> bool {
        self.name.is_empty()
    }

    /// Whether it stands for its name whatever an article's date.
    pub fn is_always(&self) -> bool {
        !self.undated && self.first_year <= dates::FIRST_YEAR && self.last_year >= dates::LAST_YEAR
    }

    /// Whether it stands for its name in an article of this year (`None`
    /// for an undated one, which an alias of every year or of the undated
    /// articles covers).
    pub fn covers(&self, year: Option<i32>) -> bool {
        match year {
            _ if self.is_always() => true,
            Some(year) => !self.undated && self.first_year <= year && year <= self.last_year,
            None => self.undated,
        }
    }
}

/// The aliases of an index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aliases {
    /// Every alias, ordered by kind, alias then year.
    pub aliases: Vec<Alias>,
    /// Where the aliases' values sit in the column of their kind in each
    /// segment the table was computed over, so that facets need not look
    /// them up in the column's dictionary at every query.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<SegmentOrdinals>,
    /// The positions of the aliases of each kind and value, made at the
    /// first lookup.
    #[serde(skip)]
    by_value: OnceLock<HashMap<(Kind, String), Vec<usize>>>,
    /// The positions of the aliases standing for each kind and name, made
    /// at the first lookup.
    #[serde(skip)]
    by_name: OnceLock<HashMap<(Kind, String), Vec<usize>>>,
}

/// The positions of the aliases in table order, by kind and one of their
/// two values (the alias, or the name it stands for).
fn positions_by(
    aliases: &[Alias],
    value: impl Fn(&Alias) -> &String,
) -> HashMap<(Kind, String), Vec<usize>> {
    let mut positions: HashMap<(Kind, String), Vec<usize>> = HashMap::default();
    for (position, alias) in aliases.iter().enumerate() {
        positions
            .entry((alias.kind, value(alias).clone()))
            .or_default()
            .push(position);
    }
    positions
}

/// The term ordinals of the aliases' values in one segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentOrdinals {
    /// The segment's id, as tantivy writes it in `meta.json`; a merged
    /// segment gets a new one, so ordinals are never read for another
    /// dictionary.
    pub segment: String,
    /// For each alias, in table order, the ordinals of its value and of
    /// the name it stands for in the column of its kind, when the column
    /// holds them.
    pub ordinals: Vec<(Option<u64>, Option<u64>)>,
    /// For each alias, whether its ordinals are unknown here and must be
    /// looked up (an alias the aliases file added); empty when all are
    /// known.
    #[serde(skip)]
    pub unknown: Vec<bool>,
}

/// An alias with the ordinals of its two values in one segment's column.
pub type AliasOrdinals<'a> = (&'a Alias, Option<u64>, Option<u64>);

impl Aliases {
    /// Reads the table of an index's last commit, or an empty one when
    /// there is none (an index built before aliases existed, or an ingest
    /// interrupted before its end) or it cannot be read. The commit's
    /// payload names the table's file by the hash of its bytes, so that a
    /// file another commit left is never read for this one; an index
    /// written before the file kept the table in the payload itself.
    pub fn load(index: &Index) -> Aliases {
        let Some(payload) = index.load_metas().ok().and_then(|metas| metas.payload) else {
            return Aliases::default();
        };
        let Some(hash) = payload.strip_prefix(PAYLOAD_PREFIX) else {
            return serde_json::from_str(&payload).unwrap_or_default();
        };
        let Ok(bytes) = index.directory().atomic_read(Path::new(TABLE_FILE)) else {
            return Aliases::default();
        };
        if format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes)) != hash {
            return Aliases::default();
        }
        serde_json::from_slice(&bytes).unwrap_or_default()
    }

    /// Writes the table to its file in the index's folder, and returns the
    /// payload of the commit that goes with it. The table is kept out of
    /// `meta.json`, which every command reads twice (tantivy, then
    /// [`Aliases::load`]): as an escaped string there, 1,663 aliases cost
    /// each query at 800,000 articles 2 to 3 ms.
    pub fn write(&self, index: &Index) -> std::io::Result<String> {
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        index
            .directory()
            .atomic_write(Path::new(TABLE_FILE), &bytes)?;
        let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
        Ok(format!("{PAYLOAD_PREFIX}{hash:016x}"))
    }

    /// Computes the table from the fast columns of every document the
    /// searcher sees, with the ordinals of its values in each segment.
    pub fn compute(searcher: &Searcher) -> tantivy::Result<Aliases> {
        let mut aliases = surnames::learn(searcher)?;
        aliases.extend(variants::learn(searcher)?);
        let aliases = with_hidden(aliases, works::learn(searcher)?);
        let mut table = Aliases::new(aliases);
        for segment in searcher.segment_readers() {
            let fast_fields = segment.fast_fields();
            let mut columns = Vec::new();
            for kind in MERGED_KINDS {
                columns.push((kind, fast_fields.str(kind.field())?));
            }
            let mut ordinals = Vec::with_capacity(table.aliases.len());
            for alias in &table.aliases {
                let column = columns
                    .iter()
                    .find(|(kind, _)| *kind == alias.kind)
                    .and_then(|(_, column)| column.as_ref());
                ordinals.push(match column {
                    Some(column) => look_up(column, alias)?,
                    None => (None, None),
                });
            }
            table.segments.push(SegmentOrdinals {
                segment: segment.segment_id().uuid_string(),
                ordinals,
                unknown: Vec::new(),
            });
        }
        Ok(table)
    }

    /// Orders the aliases by kind, alias and year. An alias of some years
    /// goes before one of every year for the same value, so that a lookup
    /// finds it in its years (`GEORGE BUSH` is `George W Bush` in the
    /// years where `George Bush` is, and `George Bush` in the others:
    /// [`full_names`]).
    fn sort(&mut self) {
        self.aliases.sort_by(|a, b| {
            (a.kind, a.alias.as_str(), a.is_always(), a.first_year).cmp(&(
                b.kind,
                b.alias.as_str(),
                b.is_always(),
                b.first_year,
            ))
        });
    }

    /// Whether some alias is of this kind.
    pub fn has_kind(&self, kind: Kind) -> bool {
        self.aliases.iter().any(|alias| alias.kind == kind)
    }

    /// The aliases of a kind with the ordinals of their two values in a
    /// segment's column of that kind: read from the table when it was
    /// computed over that segment, looked up in the column's dictionary
    /// otherwise.
    pub fn ordinals_in(
        &self,
        segment: SegmentId,
        kind: Kind,
        column: &StrColumn,
    ) -> tantivy::Result<Vec<AliasOrdinals<'_>>> {
        let id = segment.uuid_string();
        let kept = self
            .segments
            .iter()
            .find(|kept| kept.segment == id && kept.ordinals.len() == self.aliases.len());
        let mut found = Vec::new();
        for (position, alias) in self.aliases.iter().enumerate() {
            if alias.kind != kind {
                continue;
            }
            let known = kept.filter(|kept| !kept.unknown.get(position).copied().unwrap_or(false));
            let (own, name) = match known {
                Some(kept) => kept.ordinals[position],
                None => look_up(column, alias)?,
            };
            found.push((alias, own, name));
        }
        Ok(found)
    }

    /// A table of these aliases.
    pub fn new(aliases: Vec<Alias>) -> Aliases {
        let mut table = Aliases {
            aliases,
            ..Aliases::default()
        };
        table.sort();
        table
    }

    /// The aliases that stand for a name of a kind, in any year.
    pub fn standing_for<'a>(
        &'a self,
        kind: Kind,
        name: &str,
    ) -> impl Iterator<Item = &'a Alias> + 'a {
        let by_name = self
            .by_name
            .get_or_init(|| positions_by(&self.aliases, |alias| &alias.name));
        let positions = by_name.get(&(kind, name.to_string()));
        positions
            .into_iter()
            .flatten()
            .map(|&position| &self.aliases[position])
    }

    /// The value a value of a kind stands for in an article of this year,
    /// if it is an alias.
    pub fn resolve(&self, kind: Kind, value: &str, year: Option<i32>) -> Option<&str> {
        let by_value = self
            .by_value
            .get_or_init(|| positions_by(&self.aliases, |alias| &alias.alias));
        by_value
            .get(&(kind, value.to_string()))?
            .iter()
            .map(|&position| &self.aliases[position])
            .find(|alias| alias.covers(year))
            .map(|alias| alias.name.as_str())
    }

    /// An article's values of a kind as the facets count them: each alias
    /// replaced by the value it stands for in the article's year, each
    /// value once, in the article's order, without the values an alias
    /// hides ([`Alias::hides`]).
    pub fn canonical(&self, kind: Kind, values: Vec<String>, year: Option<i32>) -> Vec<String> {
        if !MERGED_KINDS.contains(&kind) || self.aliases.is_empty() {
            return values;
        }
        let mut canonical: Vec<String> = Vec::with_capacity(values.len());
        for value in values {
            let value = match self.resolve(kind, &value, year) {
                Some("") => continue,
                Some(name) => name.to_string(),
                None => value,
            };
            if !canonical.contains(&value) {
                canonical.push(value);
            }
        }
        canonical
    }

    /// Applies an aliases file (see [`ALIASES_FILE`]): one merge a line,
    /// `alias<TAB>name` to count a value as another in every year (it
    /// replaces what was learned for that value), or `alias<TAB>-` to undo
    /// a merge the index learned; blank lines and lines opening with `#`
    /// are skipped. Values are written as the facets show them; an alias
    /// the index learned is found in any case. A merge applies to the
    /// kinds the index learned the alias in, or else to persons; a first
    /// column names the kind (`organization<TAB>USDA<TAB>U.S. Department
    /// of Agriculture`). Names are then followed through the other merges
    /// of every year (`Usda` → `USDA` → `U.S. Agriculture Department`), and
    /// a merge that leads back to its alias is none. A line of another
    /// shape is refused with its file and line.
    pub fn apply_file(&mut self, text: &str, file: &std::path::Path) -> crate::Result<()> {
        let learned = self.aliases.clone();
        let mut changed = false;
        for (index, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let refused = |reason: String| crate::Error::AliasesFile {
                path: file.to_path_buf(),
                line: index + 1,
                reason,
            };
            let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (named_kind, alias, name) = match columns.as_slice() {
                [alias, name] => (None, *alias, *name),
                [kind, alias, name] => {
                    let kind = Kind::from_field(kind)
                        .filter(|kind| MERGED_KINDS.contains(kind))
                        .ok_or_else(|| {
                            refused(format!(
                                "{kind:?} is no kind of name: write person, organization or location"
                            ))
                        })?;
                    (Some(kind), *alias, *name)
                }
                [_] => return Err(refused("no tab between the alias and the full name".into())),
                _ => return Err(refused("more than three columns".into())),
            };
            if alias.is_empty() || name.is_empty() {
                return Err(refused(
                    "an alias and a full name (or -) are both needed".into(),
                ));
            }
            let lower = alias.to_lowercase();
            let in_kind = |kind: Kind| named_kind.is_none_or(|named| named == kind);
            // Values are matched as indexed: a learned alias keeps its own
            // spelling (`reagan` in the file undoes or replaces `Reagan`).
            let mut learned: Vec<(Kind, String)> = Vec::new();
            for known in &self.aliases {
                let entry = (known.kind, known.alias.clone());
                if known.alias.to_lowercase() == lower
                    && in_kind(known.kind)
                    && !learned.contains(&entry)
                {
                    learned.push(entry);
                }
            }
            self.aliases
                .retain(|known| known.alias.to_lowercase() != lower || !in_kind(known.kind));
            if learned.is_empty() {
                learned.push((named_kind.unwrap_or(Kind::Person), alias.to_string()));
            }
            let veto = name == "-" || fold_for_matching(name) == fold_for_matching(alias);
            if !veto {
                for (kind, spelling) in learned {
                    self.aliases
                        .push(Alias::always(kind, &spelling, name, AliasOrigin::File));
                }
            }
            changed = true;
        }
        if changed {
            self.follow_names();
            self.sort();
            self.renumber_segments(&learned);
            self.by_value = OnceLock::new();
            self.by_name = OnceLock::new();
        }
        Ok(())
    }

    /// Puts the ordinals kept for the learned table in the order of this
    /// one: a value the learned table had keeps its ordinal, and only the
    /// aliases with a value it lacked are looked up at each query.
    fn renumber_segments(&mut self, learned: &[Alias]) {
        for kept in &mut self.segments {
            if kept.ordinals.len() != learned.len() {
                continue;
            }
            let mut known: HashMap<(Kind, &str), Option<u64>> = HashMap::default();
            for (alias, (own, name)) in learned.iter().zip(&kept.ordinals) {
                known.insert((alias.kind, alias.alias.as_str()), *own);
                known.insert((alias.kind, alias.name.as_str()), *name);
            }
            let mut ordinals = Vec::with_capacity(self.aliases.len());
            let mut unknown = Vec::with_capacity(self.aliases.len());
            for alias in &self.aliases {
                let own = known.get(&(alias.kind, alias.alias.as_str()));
                let name = known.get(&(alias.kind, alias.name.as_str()));
                match (own, name) {
                    (Some(own), Some(name)) => {
                        ordinals.push((*own, *name));
                        unknown.push(false);
                    }
                    _ => {
                        ordinals.push((None, None));
                        unknown.push(true);
                    }
                }
            }
            kept.ordinals = ordinals;
            kept.unknown = unknown;
        }
    }

    /// Follows each alias's name through the merges of every year of its
    /// kind, and drops the aliases that lead back to themselves.
    fn follow_names(&mut self) {
        let always: HashMap<(Kind, String), String> = self
            .aliases
            .iter()
            .filter(|alias| alias.is_always())
            .map(|alias| ((alias.kind, alias.alias.clone()), alias.name.clone()))
            .collect();
        for alias in &mut self.aliases {
            let mut name = alias.name.clone();
            for _ in 0..=always.len() {
                match always.get(&(alias.kind, name.clone())) {
                    Some(next) if *next != alias.name => name = next.clone(),
                    _ => break,
                }
            }
            alias.name = name;
        }
        self.aliases
            .retain(|alias| fold_for_matching(&alias.alias) != fold_for_matching(&alias.name));
    }

    /// The aliases of a kind whose alias or name is this value, in any
    /// case and with or without accents.
    pub fn involving<'a>(
        &'a self,
        kind: Kind,
        value: &'a str,
    ) -> impl Iterator<Item = &'a Alias> + 'a {
        let typed = fold_for_matching(value);
        self.aliases.iter().filter(move |alias| {
            alias.kind == kind
                && (fold_for_matching(&alias.alias) == typed
                    || fold_for_matching(&alias.name) == typed)
        })
    }
}

/// The merges with the hidden values added: a hidden value stands for no
/// other, and one that stands for a hidden value is hidden too.
fn with_hidden(mut aliases: Vec<Alias>, hidden: Vec<Alias>) -> Vec<Alias> {
    let is_hidden = |kind: Kind, value: &str| {
        hidden
            .iter()
            .any(|title| title.kind == kind && title.alias == value)
    };
    aliases.retain(|alias| !is_hidden(alias.kind, &alias.alias));
    for alias in &mut aliases {
        if is_hidden(alias.kind, &alias.name) {
            alias.name.clear();
        }
    }
    aliases.extend(hidden);
    aliases
}

/// Looks up an alias's two values in a column's dictionary.
fn look_up(column: &StrColumn, alias: &Alias) -> tantivy::Result<(Option<u64>, Option<u64>)> {
    let dictionary = column.dictionary();
    Ok((
        dictionary.term_ord(alias.alias.as_bytes())?,
        dictionary.term_ord(alias.name.as_bytes())?,
    ))
}

/// [`articles_per_value`] of a column an index built before it lacks
/// ([`Fields::ADDED_LATER`]): none when the schema holds no such fast
/// field.
///
/// [`Fields::ADDED_LATER`]: crate::schema::Fields::ADDED_LATER
pub fn articles_per_added_value(
    searcher: &Searcher,
    field: &str,
) -> tantivy::Result<HashMap<String, u32>> {
    let schema = searcher.schema();
    let fast = schema
        .get_field(field)
        .is_ok_and(|field| schema.get_field_entry(field).is_fast());
    match fast {
        true => articles_per_value(searcher, field),
        false => Ok(HashMap::default()),
    }
}

/// How many live documents of the searcher name each value of a string
/// column, counted per term ordinal in each segment.
pub fn articles_per_value(
    searcher: &Searcher,
    field: &str,
) -> tantivy::Result<HashMap<String, u32>> {
    let mut per_value: HashMap<String, u32> = HashMap::default();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str(field)? else {
            continue;
        };
        let mut per_ordinal = vec![0u32; column.num_terms()];
        for doc in segment.doc_ids_alive() {
            for ordinal in column.term_ords(doc as DocId) {
                per_ordinal[ordinal as usize] += 1;
            }
        }
        let ordinals: Vec<u64> = (0..per_ordinal.len() as u64)
            .filter(|&ordinal| per_ordinal[ordinal as usize] > 0)
            .collect();
        let mut next = ordinals.iter();
        column
            .dictionary()
            .sorted_ords_to_term_cb(&ordinals, |bytes| {
                if let Some(&ordinal) = next.next() {
                    *per_value
                        .entry(String::from_utf8_lossy(bytes).into_owned())
                        .or_default() += per_ordinal[ordinal as usize];
                }
            })?;
    }
    Ok(per_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_value_stands_for_none_and_its_aliases_are_hidden() {
        let org = Kind::Organization;
        let learned = vec![
            Alias::always(org, "The Aviator", "Aviator", AliasOrigin::Learned),
            Alias::always(org, "AVIATOR", "Aviator", AliasOrigin::Learned),
            Alias::always(
                org,
                "USDA",
                "U.S. Agriculture Department",
                AliasOrigin::Learned,
            ),
            Alias::always(
                Kind::Person,
                "Aviator",
                "Howard Aviator",
                AliasOrigin::Learned,
            ),
        ];
        let hidden = vec![
            Alias::hiding(org, "The Aviator", AliasOrigin::Learned),
            Alias::hiding(org, "Aviator", AliasOrigin::Learned),
        ];
        let table = Aliases::new(with_hidden(learned, hidden));
        let resolved = |kind, value| table.resolve(kind, value, Some(2005));
        assert_eq!(resolved(org, "The Aviator"), Some(""));
        assert_eq!(
            resolved(org, "AVIATOR"),
            Some(""),
            "it stood for a hidden value"
        );
        assert_eq!(resolved(org, "USDA"), Some("U.S. Agriculture Department"));
        assert_eq!(
            resolved(Kind::Person, "Aviator"),
            Some("Howard Aviator"),
            "another kind"
        );
        assert_eq!(
            table.canonical(
                org,
                vec!["Aviator".into(), "USDA".into(), "AVIATOR".into()],
                Some(2005)
            ),
            ["U.S. Agriculture Department"]
        );
    }

    #[test]
    fn an_aliases_file_adds_and_undoes_merges() {
        let mut table = Aliases::new(vec![
            Alias {
                first_year: 1987,
                last_year: 1987,
                ..Alias::always(
                    Kind::Person,
                    "Reagan",
                    "Ronald Reagan",
                    AliasOrigin::Learned,
                )
            },
            Alias::always(
                Kind::Organization,
                "USDA",
                "U.S. Agriculture Department",
                AliasOrigin::Learned,
            ),
        ]);
        let file = std::path::Path::new("index/aliases.txt");
        table
            .apply_file(
                "# merges\nreagan\t-\n\nBaker\tJames Baker\nusda\tDepartment of Agriculture\n\
                 organization\tAg Department\tUSDA\nlocation\tLONDON\tLondon\nlocation\tLondon\tLONDON\n",
                file,
            )
            .unwrap();
        assert_eq!(table.resolve(Kind::Person, "Reagan", Some(1987)), None);
        assert_eq!(
            table.resolve(Kind::Person, "Baker", Some(1999)),
            Some("James Baker"),
            "every year"
        );
        assert_eq!(
            table.resolve(Kind::Organization, "Baker", None),
            None,
            "a value the index never merged is merged for persons"
        );
        assert_eq!(
            table.resolve(Kind::Organization, "Ag Department", None),
            Some("Department of Agriculture"),
            "names are followed through the other merges"
        );
        let standing: Vec<&str> = table
            .standing_for(Kind::Organization, "Department of Agriculture")
            .map(|alias| alias.alias.as_str())
            .collect();
        assert_eq!(standing, ["Ag Department", "USDA"]);
        assert_eq!(
            table.resolve(Kind::Location, "LONDON", None),
            None,
            "a merge that leads back to its alias is none"
        );
        assert_eq!(
            table.resolve(Kind::Organization, "USDA", None),
            Some("Department of Agriculture"),
            "the learned alias's kind and spelling are kept"
        );
        assert_eq!(table.resolve(Kind::Person, "USDA", None), None);
        assert!(
            table
                .aliases
                .iter()
                .all(|alias| alias.origin == AliasOrigin::File)
        );
        let wrong_kind = table.apply_file("company\tUSDA\tX\n", file).unwrap_err();
        assert!(
            wrong_kind.to_string().contains("no kind of name"),
            "{wrong_kind}"
        );
        let refused = table.apply_file("Baker James Baker\n", file).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "index/aliases.txt:1: no tab between the alias and the full name: write one merge a line, `alias<TAB>full name`, or `alias<TAB>-` to undo one"
        );
    }

    #[test]
    fn a_table_written_before_organizations_were_merged_reads_as_persons() {
        let old = r#"{"aliases":[{"surname":"Reagan","name":"Ronald Reagan","first_year":1987,"last_year":1988}]}"#;
        let table: Aliases = serde_json::from_str(old).unwrap();
        assert_eq!(
            table.resolve(Kind::Person, "Reagan", Some(1988)),
            Some("Ronald Reagan")
        );
        let organization = Alias::always(
            Kind::Organization,
            "Fed",
            "Federal Reserve",
            AliasOrigin::Learned,
        );
        let written = serde_json::to_string(&organization).unwrap();
        assert!(written.contains(r#""kind":"organization""#), "{written}");
        assert!(
            !written.contains("year"),
            "every year is the default: {written}"
        );
        assert_eq!(
            serde_json::from_str::<Alias>(&written).unwrap(),
            organization
        );
    }

    #[test]
    fn the_table_file_is_read_only_for_the_commit_that_names_it() {
        let open = crate::index::test_index::index_of(&[]);
        let table = Aliases::new(vec![Alias::always(
            Kind::Organization,
            "USDA",
            "U.S. Agriculture Department",
            AliasOrigin::Learned,
        )]);
        let payload = table.write(&open.index).unwrap();
        let mut writer: tantivy::IndexWriter = open.index.writer(15_000_000).unwrap();
        let mut prepared = writer.prepare_commit().unwrap();
        prepared.set_payload(&payload);
        prepared.commit().unwrap();
        assert_eq!(Aliases::load(&open.index), table);
        let other = Aliases::new(vec![Alias::always(
            Kind::Location,
            "LONDON",
            "London",
            AliasOrigin::Learned,
        )]);
        other.write(&open.index).unwrap();
        assert_eq!(
            Aliases::load(&open.index),
            Aliases::default(),
            "a file the commit does not name is not read"
        );
    }

    #[test]
    fn an_aliases_file_keeps_the_ordinals_of_the_values_the_index_learned() {
        use crate::article::Entities;
        use crate::index::test_index::{article, index_of};
        let mut articles = Vec::new();
        for (id, organization) in [
            ("a", "U.S. Agriculture Department"),
            ("b", "U.S. Agriculture Department"),
            ("c", "USAir Group"),
            ("d", "USAir Group Inc"),
            ("e", "Ag Dept"),
        ] {
            let entities = Entities::default().with(Kind::Organization, &[organization]);
            articles.push(article(id, "1987-03-02", "Farm", "Farm.", entities));
        }
        let open = index_of(&articles);
        let searcher = open.index.reader().unwrap().searcher();
        let mut table = Aliases::compute(&searcher).unwrap();
        assert!(!table.aliases.is_empty(), "USAir Group Inc is learned");
        let file = std::path::Path::new("aliases.txt");
        table
            .apply_file("organization\tAg Dept\tU.S. Agriculture Department\n", file)
            .unwrap();
        let kept = &table.segments[0];
        assert_eq!(kept.ordinals.len(), table.aliases.len());
        assert_eq!(
            kept.unknown.iter().filter(|&&unknown| unknown).count(),
            1,
            "only the file's alias, whose value the learned table lacks, is looked up"
        );
        let mut looked_up = table.clone();
        looked_up.segments.clear();
        let segment = &searcher.segment_readers()[0];
        let column = segment
            .fast_fields()
            .str(Kind::Organization.field())
            .unwrap()
            .unwrap();
        let id = segment.segment_id();
        let kind = Kind::Organization;
        assert_eq!(
            table.ordinals_in(id, kind, &column).unwrap(),
            looked_up.ordinals_in(id, kind, &column).unwrap()
        );
    }

    #[test]
    fn an_alias_of_every_year_covers_undated_articles() {
        let always = Alias::always(Kind::Location, "LONDON", "London", AliasOrigin::Learned);
        assert!(always.covers(None) && always.covers(Some(1987)));
        let year = Alias {
            first_year: 1987,
            last_year: 1988,
            ..always.clone()
        };
        assert!(year.covers(Some(1988)) && !year.covers(Some(1989)) && !year.covers(None));
        let undated = Alias {
            undated: true,
            ..always
        };
        assert!(!undated.is_always());
        assert!(undated.covers(None) && !undated.covers(Some(1987)));
        let written = serde_json::to_string(&undated).unwrap();
        assert!(written.contains("\"undated\":true"), "{written}");
        let read: Alias = serde_json::from_str(&written).unwrap();
        assert_eq!(read, undated);
    }
}
