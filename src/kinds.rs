//! The extracted kinds: persons, organizations, locations, the countries an
//! article is about and those it mentions, and keywords. This module is the
//! one table that says, for each [`Kind`], what it is called everywhere
//! else; the rest of the crate loops over [`Kind::ALL`] and reads the names
//! from here.
//!
//! | kind | index field and facet | JSON, CSV and export key | filter flag | values |
//! |---|---|---|---|---|
//! | person | `person` | `persons` | `--person` | as written |
//! | organization | `organization` | `organizations` | `--org` | as written |
//! | location | `location` | `locations` | `--location` | as written |
//! | country | `country` | `countries` | `--country` | ISO codes, upper case |
//! | country mentioned | `country_mentioned` | `countries_mentioned` | none | ISO codes, upper case |
//! | keyword | `keyword` | `keywords` | `--keyword` | lower case |
//! | language | `language` | `language` | `--language` | ISO 639-1 code, lower case; `und` in the facet and filter for none |
//!
//! These names are user contracts: changing one breaks scripts and indexes.
//! Adding a kind means a variant of [`Kind`], its row in [`Kind::spec`], its
//! field in the schema file (`index-schema/articles.json`) and an
//! extractor in `enrich`.
//!
//! [`PerKind`] holds one value per kind (the values of an article, the field
//! handles of an index, the values of the filters), indexed by [`Kind`].

use std::iter::Zip;
use std::ops::{Index, IndexMut};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The language code of an article whose language is not detected nor
/// given: ISO 639-2's "undetermined".
pub const UNDETERMINED_LANGUAGE: &str = "und";

/// One kind of value extracted from articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Person names.
    Person,
    /// Organization names.
    Organization,
    /// Place names.
    Location,
    /// ISO 3166-1 alpha-2 codes of the countries an article is about.
    Country,
    /// ISO 3166-1 alpha-2 codes of every country an article refers to.
    CountryMentioned,
    /// Keyphrases.
    Keyword,
    /// The ISO 639-1 code of the article's language.
    Language,
}

/// How the values of a kind are written, whoever gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// As written (names).
    AsWritten,
    /// In capitals (ISO country codes).
    Upper,
    /// In lower case (keywords).
    Lower,
    /// A language tag's primary subtag in lower case (`en-US` → `en`).
    LanguageTag,
}

/// The command-line filter of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterFlag {
    /// The long flag, without its dashes (`org` for `--org`).
    pub flag: &'static str,
    /// The placeholder shown in the help (`NAME`).
    pub value_name: &'static str,
    /// The help line.
    pub help: &'static str,
}

/// Everything newsdex names or decides per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSpec {
    /// The index field (a fast string field of the schema), which is also
    /// the `--facet` name that counts it.
    pub field: &'static str,
    /// The key of the values in JSON input, in `extract`, query and export
    /// output, and the CSV column.
    pub key: &'static str,
    /// The `query`/`export` filter, when the kind has one.
    pub filter: Option<FilterFlag>,
    /// How values are written before they are indexed.
    pub case: Case,
    /// Whether `--entity` searches this kind (the named entities).
    pub is_name: bool,
    /// The value an article without any of this kind counts under in the
    /// kind's facet, and that its filter takes to find such articles (`und`,
    /// ISO 639-2's "undetermined", for a language not detected); `None`
    /// when such articles are in no bucket.
    pub missing: Option<&'static str>,
}

impl Kind {
    /// How many kinds there are.
    pub const COUNT: usize = 7;

    /// Every kind, in the order of JSON keys, exported fields and the
    /// fingerprint of given values (changing it changes every fingerprint).
    pub const ALL: [Kind; Kind::COUNT] = [
        Kind::Person,
        Kind::Organization,
        Kind::Location,
        Kind::Country,
        Kind::CountryMentioned,
        Kind::Keyword,
        Kind::Language,
    ];

    /// Every kind, in the order facet lists (`--facet` help, `stats`) and
    /// CSV columns show them: countries first.
    pub const LISTING_ORDER: [Kind; Kind::COUNT] = [
        Kind::Country,
        Kind::CountryMentioned,
        Kind::Person,
        Kind::Organization,
        Kind::Location,
        Kind::Keyword,
        Kind::Language,
    ];

    /// Returns the row of the table for this kind.
    pub const fn spec(self) -> KindSpec {
        match self {
            Kind::Person => KindSpec {
                field: "person",
                key: "persons",
                filter: Some(FilterFlag {
                    flag: "person",
                    value_name: "NAME",
                    help: "Only articles naming this person (exact name; any case with the built-in schema)",
                }),
                case: Case::AsWritten,
                is_name: true,
                missing: None,
            },
            Kind::Organization => KindSpec {
                field: "organization",
                key: "organizations",
                filter: Some(FilterFlag {
                    flag: "org",
                    value_name: "NAME",
                    help: "Only articles naming this organization",
                }),
                case: Case::AsWritten,
                is_name: true,
                missing: None,
            },
            Kind::Location => KindSpec {
                field: "location",
                key: "locations",
                filter: Some(FilterFlag {
                    flag: "location",
                    value_name: "NAME",
                    help: "Only articles naming this location",
                }),
                case: Case::AsWritten,
                is_name: true,
                missing: None,
            },
            Kind::Country => KindSpec {
                field: "country",
                key: "countries",
                filter: Some(FilterFlag {
                    flag: "country",
                    value_name: "CODE_OR_NAME",
                    help: "Only articles about this country: an ISO code (RU, ru) or a name (Russia)",
                }),
                case: Case::Upper,
                is_name: false,
                missing: None,
            },
            Kind::CountryMentioned => KindSpec {
                field: "country_mentioned",
                key: "countries_mentioned",
                filter: None,
                case: Case::Upper,
                is_name: false,
                missing: None,
            },
            Kind::Keyword => KindSpec {
                field: "keyword",
                key: "keywords",
                filter: Some(FilterFlag {
                    flag: "keyword",
                    value_name: "K",
                    help: "Only articles with this keyword",
                }),
                case: Case::Lower,
                is_name: false,
                missing: None,
            },
            Kind::Language => KindSpec {
                field: "language",
                key: "language",
                filter: Some(FilterFlag {
                    flag: "language",
                    value_name: "CODE",
                    help: "Only articles in this language: an ISO 639-1 code (en, de), or und for those whose language was not detected",
                }),
                case: Case::LanguageTag,
                is_name: false,
                missing: Some(UNDETERMINED_LANGUAGE),
            },
        }
    }

    /// Returns the index field, which is also the facet name.
    pub const fn field(self) -> &'static str {
        self.spec().field
    }

    /// Returns the JSON, CSV and export key.
    pub const fn key(self) -> &'static str {
        self.spec().key
    }

    /// Finds the kind whose JSON key this is.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// Finds the kind whose index field (or facet) this is.
    pub fn from_field(field: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.field() == field)
    }

    /// Returns a value as this kind keeps it: trimmed and in the kind's
    /// case, or `None` when nothing is left.
    pub fn normalise(self, value: &str) -> Option<String> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
            return None;
        }
        let normalised = match self.spec().case {
            Case::AsWritten => trimmed.to_string(),
            Case::Upper => trimmed.to_uppercase(),
            Case::Lower => trimmed.to_lowercase(),
            Case::LanguageTag => {
                let primary = trimmed.split(['-', '_']).next().unwrap_or_default();
                primary.to_lowercase()
            }
        };
        Some(normalised)
    }

    /// Returns the position of this kind in [`Kind::ALL`].
    const fn position(self) -> usize {
        self as usize
    }
}

/// One value for each kind, indexed by [`Kind`]: `entities[Kind::Person]`.
/// Serialized as a JSON object whose keys are the kinds' keys, in
/// [`Kind::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PerKind<T> {
    values: [T; Kind::COUNT],
}

impl<T> PerKind<T> {
    /// Makes the value of each kind with `make`.
    pub fn from_fn(make: impl FnMut(Kind) -> T) -> PerKind<T> {
        PerKind {
            values: Kind::ALL.map(make),
        }
    }

    /// Makes the value of each kind with `make`, stopping at the first
    /// error.
    pub fn try_from_fn<E>(mut make: impl FnMut(Kind) -> Result<T, E>) -> Result<PerKind<T>, E> {
        let mut made = Vec::with_capacity(Kind::COUNT);
        for kind in Kind::ALL {
            made.push(make(kind)?);
        }
        match made.try_into() {
            Ok(values) => Ok(PerKind { values }),
            Err(_) => unreachable!("one value was made for each kind"),
        }
    }

    /// Returns each kind with its value, in [`Kind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &T)> {
        Kind::ALL.into_iter().zip(self.values.iter())
    }
}

impl PerKind<Vec<String>> {
    /// Returns these lists with the list of one kind replaced.
    pub fn with(mut self, kind: Kind, values: &[&str]) -> PerKind<Vec<String>> {
        self[kind] = values.iter().map(|value| value.to_string()).collect();
        self
    }
}

impl<T> IntoIterator for PerKind<T> {
    type Item = (Kind, T);
    type IntoIter =
        Zip<std::array::IntoIter<Kind, { Kind::COUNT }>, std::array::IntoIter<T, { Kind::COUNT }>>;

    /// Returns each kind with its value, in [`Kind::ALL`] order.
    fn into_iter(self) -> Self::IntoIter {
        Kind::ALL.into_iter().zip(self.values)
    }
}

impl<T> Index<Kind> for PerKind<T> {
    type Output = T;

    fn index(&self, kind: Kind) -> &T {
        &self.values[kind.position()]
    }
}

impl<T> IndexMut<Kind> for PerKind<T> {
    fn index_mut(&mut self, kind: Kind) -> &mut T {
        &mut self.values[kind.position()]
    }
}

impl<T: Serialize> Serialize for PerKind<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Kind::COUNT))?;
        for (kind, value) in self.iter() {
            map.serialize_entry(kind.key(), value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_sits_at_its_position() {
        for (position, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind.position(), position, "{kind:?}");
        }
        let mut listed = Kind::LISTING_ORDER.to_vec();
        listed.sort();
        assert_eq!(listed, Kind::ALL, "the listing order names every kind once");
    }

    #[test]
    fn names_are_unique_and_found_again() {
        let mut fields = std::collections::HashSet::new();
        let mut keys = std::collections::HashSet::new();
        for kind in Kind::ALL {
            assert!(fields.insert(kind.field()), "{}", kind.field());
            assert!(keys.insert(kind.key()), "{}", kind.key());
            assert_eq!(Kind::from_key(kind.key()), Some(kind));
            assert_eq!(Kind::from_field(kind.field()), Some(kind));
        }
        let mut flags = std::collections::HashSet::new();
        for kind in Kind::ALL {
            if let Some(filter) = kind.spec().filter {
                assert!(flags.insert(filter.flag), "{}", filter.flag);
            }
        }
        assert_eq!(Kind::from_key("person"), None);
    }

    #[test]
    fn values_are_trimmed_and_cased_by_kind() {
        assert_eq!(
            Kind::Person.normalise(" Vladimir Putin "),
            Some("Vladimir Putin".to_string())
        );
        assert_eq!(Kind::Country.normalise("ru"), Some("RU".to_string()));
        assert_eq!(
            Kind::CountryMentioned.normalise("ua "),
            Some("UA".to_string())
        );
        assert_eq!(
            Kind::Keyword.normalise("Oil Prices"),
            Some("oil prices".to_string())
        );
        assert_eq!(Kind::Organization.normalise("  "), None);
        assert_eq!(Kind::Language.normalise(" en-US"), Some("en".to_string()));
        assert_eq!(Kind::Language.normalise("pt_BR"), Some("pt".to_string()));
    }

    #[test]
    fn serializes_as_an_object_keyed_by_kind() {
        let lists = PerKind::<Vec<String>>::default()
            .with(Kind::Person, &["Xi Jinping"])
            .with(Kind::Country, &["CN"]);
        assert_eq!(lists[Kind::Person], vec!["Xi Jinping"]);
        let json = serde_json::to_string(&lists).unwrap();
        assert_eq!(
            json,
            r#"{"persons":["Xi Jinping"],"organizations":[],"locations":[],"countries":["CN"],"countries_mentioned":[],"keywords":[],"language":[]}"#
        );
    }

    #[test]
    fn try_from_fn_stops_at_the_first_error() {
        let made: Result<PerKind<&str>, Kind> = PerKind::try_from_fn(|kind| match kind {
            Kind::Location => Err(kind),
            _ => Ok(kind.field()),
        });
        assert_eq!(made, Err(Kind::Location));
        let fields = PerKind::try_from_fn(|kind| Ok::<_, ()>(kind.field())).unwrap();
        assert_eq!(fields[Kind::Keyword], "keyword");
    }
}
