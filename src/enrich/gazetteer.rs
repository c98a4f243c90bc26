//! The lookup tables behind enrichment, embedded in the binary and loaded
//! once per process: countries with their names, aliases and demonyms,
//! cities with their population, US states, dateline regions, given names,
//! stopwords, and organizations the news names in several ways.
//!
//! Lookups are by lowercase surface form (`u.s.`, `russian`, `kazan`); the
//! callers decide when a form may be read case-insensitively.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("data/countries.tsv");
const CITIES: &str = include_str!("data/cities.tsv");
const US_STATES: &str = include_str!("data/us_states.tsv");
const STOPWORDS: &str = include_str!("data/stopwords.txt");
const REGIONS: &str = include_str!("data/regions.tsv");
const GIVEN_NAMES: &str = include_str!("data/given_names.txt");
const ORGANIZATIONS: &str = include_str!("data/organizations.tsv");

/// What kind of place word a surface form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A country name or alias: `Russia`, `U.S.`, `Holland`.
    Country,
    /// A demonym or adjective: `Russian`, `Dutch`.
    Demonym,
    /// A US state: `Georgia`, `Texas`.
    UsState,
    /// A city: `Kazan`, `Tokyo`.
    City,
    /// A state or province as written in datelines: `Calif.`, `Ontario`.
    Region,
}

/// One meaning of a surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// What kind of word it is.
    pub kind: PlaceKind,
    /// The ISO 3166-1 alpha-2 code of its country.
    pub code: &'static str,
    /// The canonical name: the country's common name, the city or the state.
    pub name: &'static str,
    /// The population, for cities; 0 otherwise.
    pub population: u64,
    /// Whether it is a national capital.
    pub capital: bool,
}

/// The loaded tables.
#[derive(Debug)]
pub struct Gazetteer {
    /// Each place's meanings by its [`normalise`]d surface form, kept as
    /// bytes: a word lowercased in a stack buffer is looked up as it is,
    /// without checking again that it is UTF-8.
    places: HashMap<Box<[u8]>, Vec<Place>>,
    /// The first word of each place name of two words or more, packed by
    /// [`packed_ascii_lowercase`]: most words begin none, and are told so
    /// without looking up the name at each length.
    longer_place_starts: HashSet<u128>,
    stopwords: HashSet<&'static str>,
    /// The stopwords again, each packed by [`packed_ascii_lowercase`]:
    /// a word is looked up as one number, without hashing a string.
    stopword_keys: HashSet<u128>,
    regions: HashMap<String, Place>,
    /// Kept as bytes, so that a name title-cased in a stack buffer is
    /// looked up as it is.
    given_names: HashSet<&'static [u8]>,
    /// Each known organization's name by the [`normalise`]d form of each
    /// of its names (`tories` → `Conservative Party`).
    organizations: HashMap<String, &'static str>,
    /// The first word of each of those names, packed by
    /// [`packed_ascii_lowercase`]: most values begin with none of them,
    /// and are told so without building their lowercase form.
    organization_starts: HashSet<u128>,
    longest: usize,
}

impl Gazetteer {
    /// Returns the process-wide tables, loading them on first use.
    pub fn get() -> &'static Gazetteer {
        static TABLES: OnceLock<Gazetteer> = OnceLock::new();
        TABLES.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let mut gazetteer = Gazetteer {
            places: HashMap::default(),
            longer_place_starts: HashSet::default(),
            stopwords: HashSet::default(),
            stopword_keys: HashSet::default(),
            regions: HashMap::default(),
            given_names: HashSet::default(),
            organizations: HashMap::default(),
            organization_starts: HashSet::default(),
            longest: 1,
        };
        for columns in rows(ORGANIZATIONS) {
            let Some(name) = columns.first().copied() else {
                continue;
            };
            let others = columns
                .get(1)
                .into_iter()
                .flat_map(|names| names.split('|'));
            for form in std::iter::once(name).chain(others) {
                let key = normalise(form);
                let first = key.split(' ').next().and_then(packed_ascii_lowercase);
                gazetteer.organization_starts.extend(first);
                gazetteer.organizations.insert(key, name);
            }
        }
        // A set, not a list: each of the seven thousand cities asks it.
        let mut capitals = HashSet::default();
        for columns in rows(COUNTRIES) {
            let code = columns[0];
            let names: Vec<&str> = columns
                .get(1)
                .map(|names| names.split('|').collect())
                .unwrap_or_default();
            let Some(common) = names.first().copied() else {
                continue;
            };
            for name in &names {
                gazetteer.add(
                    name,
                    Place {
                        kind: PlaceKind::Country,
                        code,
                        name: common,
                        population: 0,
                        capital: false,
                    },
                );
            }
            for demonym in columns
                .get(2)
                .into_iter()
                .flat_map(|demonyms| demonyms.split('|'))
            {
                gazetteer.add(
                    demonym,
                    Place {
                        kind: PlaceKind::Demonym,
                        code,
                        name: common,
                        population: 0,
                        capital: false,
                    },
                );
            }
            if let Some(capital) = columns.get(3).filter(|capital| !capital.is_empty()) {
                capitals.insert((*capital, code));
            }
        }
        for columns in rows(CITIES) {
            let (Some(name), Some(code)) = (columns.first(), columns.get(1)) else {
                continue;
            };
            let population = columns
                .get(2)
                .and_then(|population| population.parse().ok())
                .unwrap_or(0);
            let capital = capitals.contains(&(*name, *code));
            gazetteer.add(
                name,
                Place {
                    kind: PlaceKind::City,
                    code,
                    name,
                    population,
                    capital,
                },
            );
        }
        for columns in rows(US_STATES) {
            if let Some(name) = columns.first() {
                gazetteer.add(
                    name,
                    Place {
                        kind: PlaceKind::UsState,
                        code: "US",
                        name,
                        population: 0,
                        capital: false,
                    },
                );
            }
        }
        for columns in rows(REGIONS) {
            if let (Some(name), Some(code)) = (columns.first(), columns.get(1)) {
                let place = Place {
                    kind: PlaceKind::Region,
                    code,
                    name,
                    population: 0,
                    capital: false,
                };
                gazetteer.regions.insert(squash(name), place);
            }
        }
        let names = GIVEN_NAMES
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty());
        gazetteer.given_names.extend(names.map(str::as_bytes));
        for line in STOPWORDS.lines().filter(|line| !line.starts_with('#')) {
            gazetteer.stopwords.extend(line.split_whitespace());
        }
        // Only a word written in lowercase can equal a lowercased word.
        let lowercase_stopwords = gazetteer
            .stopwords
            .iter()
            .filter(|word| !word.bytes().any(|byte| byte.is_ascii_uppercase()));
        gazetteer.stopword_keys = lowercase_stopwords
            .filter_map(|word| packed_ascii_lowercase(word))
            .collect();
        gazetteer
    }

    /// Adds a surface form of a place, and the other ways news write its
    /// `Saint` (`St. Louis`, `St Louis`, `Saint Louis`).
    fn add(&mut self, surface: &str, place: Place) {
        let key = normalise(surface);
        if key.is_empty() {
            return;
        }
        for spelling in saint_spellings(&key) {
            self.add_key(spelling, place.clone());
        }
        self.add_key(key, place);
    }

    fn add_key(&mut self, key: String, place: Place) {
        self.longest = self.longest.max(key.split(' ').count());
        if let Some((first, _)) = key.split_once(' ') {
            self.longer_place_starts
                .extend(packed_ascii_lowercase(first));
        }
        let meanings = self.places.entry(key.into_bytes().into()).or_default();
        if !meanings.contains(&place) {
            meanings.push(place);
        }
    }

    /// Returns every meaning of a surface form, in any case.
    pub fn lookup(&self, surface: &str) -> &[Place] {
        const CAPACITY: usize = 32;
        let bytes = surface.as_bytes();
        let plain =
            bytes.len() <= CAPACITY && bytes.iter().all(|&byte| byte.is_ascii() && byte != b' ');
        if !plain {
            return match surface.len() <= LONG_CAPACITY && surface.is_ascii() {
                true => self.lookup_ascii_words(surface),
                false => self.lookup_key(normalise(surface).as_bytes()),
            };
        }
        // A short ASCII word without spaces is looked up as its lowercase.
        let mut buffer = [0u8; CAPACITY];
        let lower = &mut buffer[..bytes.len()];
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        self.lookup_key(lower)
    }

    /// Looks up a short ASCII surface of several words (`Bank of Japan`,
    /// `the Netherlands`) as [`normalise`] writes it, in a stack buffer
    /// rather than a new string: lowercase, one space between words, a
    /// leading `the` dropped.
    fn lookup_ascii_words(&self, surface: &str) -> &[Place] {
        debug_assert!(surface.is_ascii() && surface.len() <= LONG_CAPACITY);
        self.lookup_words(surface.split_whitespace())
    }

    /// Returns every meaning of a word already lowercase, ASCII and
    /// without whitespace (as [`normalise`] leaves such a word): what
    /// [`Gazetteer::lookup`] returns for it in any case.
    pub fn lookup_lowercase(&self, lower: &str) -> &[Place] {
        debug_assert!(
            lower.bytes().all(|byte| byte.is_ascii()
                && !byte.is_ascii_whitespace()
                && !byte.is_ascii_uppercase()),
            "{lower:?} is no lowercase ASCII word"
        );
        self.lookup_key(lower.as_bytes())
    }

    fn lookup_key(&self, key: &[u8]) -> &[Place] {
        self.places.get(key).map_or(&[], Vec::as_slice)
    }

    /// Looks up a name given as its words (`Sea`, `of`, `Japan`), as
    /// [`Gazetteer::lookup`] would look up the words joined by spaces, but
    /// without building that string when the words are short and ASCII.
    pub fn lookup_words<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> &[Place] {
        let mut buffer = [0u8; LONG_CAPACITY];
        let mut length = 0;
        for (index, word) in words.clone().enumerate() {
            let separator = usize::from(index > 0);
            let plain = word
                .bytes()
                .all(|byte| byte.is_ascii() && !byte.is_ascii_whitespace());
            if length + separator + word.len() > LONG_CAPACITY || !plain {
                return self.lookup(&words.collect::<Vec<&str>>().join(" "));
            }
            if separator == 1 {
                buffer[length] = b' ';
                length += 1;
            }
            for byte in word.bytes() {
                buffer[length] = byte.to_ascii_lowercase();
                length += 1;
            }
        }
        let key = &buffer[..length];
        self.lookup_key(key.strip_prefix(b"the ").unwrap_or(key))
    }

    /// Whether a word (any case, without whitespace) may begin a place
    /// name of two words or more: `false` only when it surely begins none,
    /// so that [`Gazetteer::lookup_words`] would find nothing for it and
    /// any words after it.
    pub fn may_begin_longer_place(&self, word: &str) -> bool {
        // `the` is no word of a name: `The Hague` is found as `hague`.
        if word.eq_ignore_ascii_case("the") {
            return true;
        }
        packed_ascii_lowercase(word).is_none_or(|key| self.longer_place_starts.contains(&key))
    }

    /// Returns the state or province a dateline part names (`Calif.`,
    /// `N.Y.`, `ONTARIO`), ignoring case, dots and spaces.
    pub fn region(&self, text: &str) -> Option<&Place> {
        self.regions.get(&squash(text))
    }

    /// Whether a name is a country's in any case (`U.S.`, `FRANCE`); a
    /// nationality is not (`American`).
    pub fn is_country(&self, name: &str) -> bool {
        self.lookup(name)
            .iter()
            .any(|place| place.kind == PlaceKind::Country)
    }

    /// Whether a name is a city's, a US state's or a province's in any
    /// case (`Tokyo`, `Texas`, `Ontario`), places a team or a firm may be
    /// named after; it may be a country's too (`Singapore`).
    pub fn is_city_or_state(&self, name: &str) -> bool {
        self.lookup(name).iter().any(|place| {
            matches!(
                place.kind,
                PlaceKind::City | PlaceKind::UsState | PlaceKind::Region
            )
        })
    }

    /// Whether a word, written `Title` case, is a common given name (`James`).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.is_given_name_bytes(word.as_bytes())
    }

    /// Whether the bytes of a word, written `Title` case, are a common
    /// given name.
    pub fn is_given_name_bytes(&self, word: &[u8]) -> bool {
        self.given_names.contains(word)
    }

    /// The name of the organization a value names, when it is one of
    /// those the news names in several ways (`Tories` → `Conservative
    /// Party`); case and a leading `the` aside.
    pub fn organization(&self, value: &str) -> Option<&'static str> {
        let mut words = value.split_whitespace();
        let first = match words.next() {
            Some(word) if word.eq_ignore_ascii_case("the") => words.next(),
            word => word,
        };
        let begins_none = first
            .and_then(packed_ascii_lowercase)
            .is_some_and(|key| !self.organization_starts.contains(&key));
        if begins_none {
            return None;
        }
        self.organizations.get(&normalise(value)).copied()
    }

    /// The most words a surface form has.
    pub fn longest_form(&self) -> usize {
        self.longest
    }

    /// Whether a word (any case) is a stopword or too common to be a name.
    pub fn is_stopword(&self, word: &str) -> bool {
        match packed_ascii_lowercase(word) {
            Some(key) => self.stopword_keys.contains(&key),
            None => self.stopwords.contains(word.to_lowercase().as_str()),
        }
    }
}

/// The longest surface of several words [`Gazetteer::lookup`] looks up
/// without building its [`normalise`]d form as a string.
const LONG_CAPACITY: usize = 64;

/// Whether a code is in the country table (`RU`, `SU`), reading only the
/// codes: much cheaper than [`Gazetteer::get`].
pub fn is_country_code(code: &str) -> bool {
    static CODES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let codes = CODES.get_or_init(|| rows(COUNTRIES).map(|columns| columns[0]).collect());
    codes.contains(code)
}

/// The common English name of a country code in the country table
/// (`EC` → `Ecuador`, `SU` → `Soviet Union`), or `None`; reads only the
/// codes and first names, much cheaper than [`Gazetteer::get`].
pub fn country_name(code: &str) -> Option<&'static str> {
    static NAMES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = HashMap::default();
        for columns in rows(COUNTRIES) {
            let first_name = columns.get(1).and_then(|names| names.split('|').next());
            if let Some(name) = first_name {
                names.insert(columns[0], name);
            }
        }
        names
    });
    names.get(code).copied()
}

/// Yields the tab-separated columns of the non-comment lines of a table.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| line.split('\t').map(str::trim).collect())
}

/// Normalises a surface form for lookup: lowercase, single spaces, without
/// a leading `the`.
pub fn normalise(surface: &str) -> String {
    let mut key = String::with_capacity(surface.len());
    for word in surface.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        for character in word.chars() {
            match character {
                '’' => key.push('\''),
                _ if character.is_ascii() => key.push(character.to_ascii_lowercase()),
                _ => key.extend(character.to_lowercase()),
            }
        }
    }
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// The most bytes of a word [`packed_ascii_lowercase`] packs: the
/// longest stopword has twelve.
const PACKED_BYTES: usize = 15;

/// A short ASCII word lowercased and packed into one number, its length
/// in the lowest byte and its bytes above, so that two words pack alike
/// exactly when their lowercase forms are equal; `None` for a word longer
/// than [`PACKED_BYTES`] or not ASCII.
#[inline]
fn packed_ascii_lowercase(word: &str) -> Option<u128> {
    const EVERY_BYTE: u128 = u128::MAX / 255;
    let bytes = word.as_bytes();
    if bytes.len() > PACKED_BYTES {
        return None;
    }
    let mut packed = [0u8; PACKED_BYTES + 1];
    packed[0] = bytes.len() as u8;
    for (slot, &byte) in packed[1..].iter_mut().zip(bytes) {
        *slot = byte;
    }
    let word = u128::from_le_bytes(packed);
    if word & (EVERY_BYTE * 0x80) != 0 {
        return None;
    }
    // Lowercases the sixteen bytes at once: a byte of `A`..=`Z` reaches
    // 0x80 when `0x80 - b'A'` is added and not when `0x80 - b'Z' - 1` is
    // (no sum carries, every byte being below 0x80), and gains 0x20.
    let from_a = word + EVERY_BYTE * u128::from(0x80 - b'A');
    let past_z = word + EVERY_BYTE * u128::from(0x80 - b'Z' - 1);
    let capitals = from_a & !past_z & (EVERY_BYTE * 0x80);
    Some(word | (capitals >> 2))
}

/// Calls `action` with a short ASCII word lowercased in a stack buffer,
/// sparing an allocation on the hot path; returns `None`, without calling
/// it, for a word that is long, not ASCII, or several words. A word with
/// no capitals is passed as it is.
pub fn with_ascii_lowercase<R>(word: &str, action: impl FnOnce(&str) -> R) -> Option<R> {
    const CAPACITY: usize = 32;
    let bytes = word.as_bytes();
    if bytes.len() > CAPACITY {
        return None;
    }
    let mut buffer = [0u8; CAPACITY];
    let mut has_capitals = false;
    for (target, &byte) in buffer.iter_mut().zip(bytes) {
        if !byte.is_ascii() || byte == b' ' {
            return None;
        }
        has_capitals |= byte.is_ascii_uppercase();
        *target = byte.to_ascii_lowercase();
    }
    if !has_capitals {
        return Some(action(word));
    }
    let lower = std::str::from_utf8(&buffer[..bytes.len()]).ok()?;
    Some(action(lower))
}

/// The other spellings of a normalised name that starts with a saint's
/// title: `saint louis` is also `st. louis` and `st louis`.
fn saint_spellings(key: &str) -> Vec<String> {
    const TITLES: [&[&str]; 2] = [&["saint ", "st. ", "st "], &["sainte ", "ste. ", "ste "]];
    for spellings in TITLES {
        if let Some(rest) = spellings.iter().find_map(|title| key.strip_prefix(title)) {
            return spellings
                .iter()
                .map(|title| format!("{title}{rest}"))
                .filter(|spelling| spelling != key)
                .collect();
        }
    }
    Vec::new()
}

/// Lowercases and drops dots and spaces: `W. Va.` and `W.VA.` are `wva`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|character| !matches!(character, '.' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(surface: &str) -> Vec<(PlaceKind, &'static str)> {
        Gazetteer::get()
            .lookup(surface)
            .iter()
            .map(|place| (place.kind, place.code))
            .collect()
    }

    #[test]
    fn knows_names_aliases_and_demonyms() {
        assert!(kinds("Russia").contains(&(PlaceKind::Country, "RU")));
        assert!(kinds("U.S.").contains(&(PlaceKind::Country, "US")));
        assert!(kinds("Holland").contains(&(PlaceKind::Country, "NL")));
        assert!(kinds("the Netherlands").contains(&(PlaceKind::Country, "NL")));
        assert!(kinds("Soviet Union").contains(&(PlaceKind::Country, "SU")));
        assert!(kinds("Russian").contains(&(PlaceKind::Demonym, "RU")));
        assert!(kinds("Dutch").contains(&(PlaceKind::Demonym, "NL")));
        assert_eq!(Gazetteer::get().lookup("Russian")[0].name, "Russia");
        assert!(is_country_code("SU") && !is_country_code("XX"));
    }

    #[test]
    fn knows_cities_and_states() {
        assert!(kinds("Kazan").contains(&(PlaceKind::City, "RU")));
        assert!(kinds("Tokyo").contains(&(PlaceKind::City, "JP")));
        assert!(kinds("Georgia").contains(&(PlaceKind::UsState, "US")));
        assert!(kinds("Georgia").contains(&(PlaceKind::Country, "GE")));
        assert!(kinds("Vladimir").is_empty(), "a first name is not a city");
    }

    #[test]
    fn knows_a_saint_however_it_is_written() {
        for written in [
            "St. Louis",
            "ST LOUIS",
            "Saint Louis",
            "St Paul",
            "ST. PAUL",
        ] {
            assert!(
                kinds(written).contains(&(PlaceKind::City, "US")),
                "{written}"
            );
        }
        for written in ["St Petersburg", "Saint Petersburg", "ST. PETERSBURG"] {
            assert!(
                kinds(written).contains(&(PlaceKind::City, "RU")),
                "{written}"
            );
        }
        assert_eq!(saint_spellings("ste. foy"), vec!["sainte foy", "ste foy"]);
        assert!(saint_spellings("stockholm").is_empty());
    }

    #[test]
    fn knows_dateline_regions_in_any_spelling() {
        let gazetteer = Gazetteer::get();
        for written in ["Calif.", "CALIF", "N.Y.", "W. Va.", "Ontario", "B.C."] {
            assert!(gazetteer.region(written).is_some(), "{written}");
        }
        assert_eq!(gazetteer.region("Calif.").unwrap().code, "US");
        assert_eq!(gazetteer.region("ONTARIO").unwrap().code, "CA");
        assert!(gazetteer.region("Tokyo").is_none());
    }

    #[test]
    fn names_a_country_by_its_code() {
        assert_eq!(country_name("EC"), Some("Ecuador"));
        assert_eq!(country_name("SU"), Some("Soviet Union"));
        assert_eq!(country_name("GB"), Some("United Kingdom"));
        assert_eq!(country_name("ec"), None);
        assert_eq!(country_name("ZZ"), None);
    }

    #[test]
    fn a_lowercase_word_is_looked_up_as_in_any_case() {
        let gazetteer = Gazetteer::get();
        for word in [
            "kazan",
            "russia",
            "u.s.",
            "georgia",
            "calif.",
            "nowhereland",
        ] {
            let found = gazetteer.lookup_lowercase(word);
            assert_eq!(found, gazetteer.lookup(word), "{word}");
            assert_eq!(found, gazetteer.lookup(&word.to_uppercase()), "{word}");
        }
        assert!(!gazetteer.lookup_lowercase("kazan").is_empty());
        let long = "a".repeat(40);
        assert_eq!(gazetteer.lookup(&long), gazetteer.lookup_lowercase(&long));
    }

    #[test]
    fn several_words_are_looked_up_as_normalised() {
        let gazetteer = Gazetteer::get();
        for surface in [
            "New York",
            "the  Netherlands",
            "THE HAGUE",
            "Sea of\tJapan",
            " Soviet\nUnion ",
            "St. Louis",
            "Nowhere Land",
            "the",
        ] {
            let expected = gazetteer.lookup_key(normalise(surface).as_bytes());
            assert_eq!(gazetteer.lookup(surface), expected, "{surface:?}");
        }
        assert!(!gazetteer.lookup("THE HAGUE").is_empty());
        assert!(!gazetteer.lookup(" Soviet\nUnion ").is_empty());
    }

    #[test]
    fn given_names_are_the_same_as_bytes() {
        let gazetteer = Gazetteer::get();
        assert!(gazetteer.is_given_name("James"));
        assert!(gazetteer.is_given_name_bytes(b"James"));
        assert!(!gazetteer.is_given_name_bytes(b"JAMES"));
    }

    #[test]
    fn knows_stopwords() {
        let gazetteer = Gazetteer::get();
        assert!(gazetteer.is_stopword("However"));
        assert!(!gazetteer.is_stopword("cocoa"));
    }

    #[test]
    fn organizations_named_in_several_ways_have_one_name() {
        let gazetteer = Gazetteer::get();
        assert_eq!(gazetteer.organization("Tories"), Some("Conservative Party"));
        assert_eq!(
            gazetteer.organization("the Tories"),
            Some("Conservative Party")
        );
        assert_eq!(
            gazetteer.organization("LIB DEMS"),
            Some("Liberal Democrats")
        );
        assert_eq!(gazetteer.organization("Labour Party"), Some("Labour Party"));
        assert_eq!(gazetteer.organization("Scottish Conservative Party"), None);
        assert_eq!(gazetteer.organization("Tor"), None);
    }

    #[test]
    fn looking_up_words_is_looking_up_them_joined() {
        let gazetteer = Gazetteer::get();
        let cases: [&[&str]; 6] = [
            &["Sea", "of", "Japan"],
            &["the", "Netherlands"],
            &["SOVIET", "UNION"],
            &["Kazan"],
            &["São", "Paulo"],
            &["Nowhere", "Land"],
        ];
        for words in cases {
            assert_eq!(
                gazetteer.lookup_words(words.iter().copied()),
                gazetteer.lookup(&words.join(" ")),
                "{words:?}"
            );
        }
        assert!(
            !gazetteer
                .lookup_words(["the", "Netherlands"].into_iter())
                .is_empty()
        );
    }

    #[test]
    fn only_a_word_that_begins_no_longer_place_is_told_so() {
        let gazetteer = Gazetteer::get();
        for word in [
            "SOVIET",
            "new",
            "St.",
            "Saint",
            "the",
            "São",
            "Abcdefghijklmnopq",
        ] {
            assert!(gazetteer.may_begin_longer_place(word), "{word}");
        }
        for word in ["Nowhere", "However", "Kazan"] {
            assert!(!gazetteer.may_begin_longer_place(word), "{word}");
        }
        for key in gazetteer.places.keys() {
            let key = std::str::from_utf8(key).unwrap();
            if let Some((first, _)) = key.split_once(' ') {
                assert!(gazetteer.may_begin_longer_place(first), "{key}");
            }
        }
    }
}
