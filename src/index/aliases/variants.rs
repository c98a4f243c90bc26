//! The organization and location rules of the aliases.
//!
//! - **Written alike**: values that are the same once case and accents are
//!   set aside (`LONDON`, `London`), and for organizations a leading
//!   `The`, `&` for `and`, British spellings (`Organisation`, `Centre`,
//!   `Defence`, `Programme`), a last word `Party` (`Labour Party`,
//!   `Labour`), a department or ministry named either way round (`U.S.
//!   Department of Agriculture`, `U.S. Agriculture Department`) and legal endings (`Inc`, `Corp`, `Co`,
//!   `Ltd`, `plc`, `AG`, `SA`, `NV`...), are one entity, counted under the
//!   value most articles write (ties go to a value written in mixed case,
//!   then to one with its accents; see below for values in capitals).
//! - **Known names**: the names of an organization that the news writes
//!   in ways no rule relates (`Tories`, `Conservatives`, `Conservative
//!   Party`; [`Gazetteer::organization`]) are one entity, counted under
//!   the list's name when the index holds it.
//! - **Firms written with a comma**: an organization written after a
//!   comma in another's name (`Sachs and Co` of `Goldman, Sachs and Co`)
//!   counts as that name.
//! - **Short forms**: an article that writes an acronym or a short form
//!   and the full name it stands for (`the U.S. Agriculture Department
//!   (USDA)`, `Fed` beside `Federal Reserve`, `Treasury` beside `U.S.
//!   Treasury`) records the pair in the
//!   [`Fields::SHORT_FORM`] column when it is indexed. An acronym is then
//!   the full name in every article, also those that write it alone, when
//!   at least [`MIN_DEFINITIONS`] articles give it that name, that name
//!   has [`DOMINANCE_PERCENT`] % of them, and no other has a quarter as
//!   many (`ADB` is the Asian Development Bank in some articles and the
//!   African one in others, and stays as it is); a longer form of the name
//!   (`Federal Reserve Board` beside `Federal Reserve`) is no rival. The
//!   definitions must also be [`DEFINED_PERCENT`] % of the articles that
//!   write the acronym at all: one that most articles use for something
//!   else stays as it is. A short form that is not
//!   an acronym must begin the name's first word and be no common word.
//! - **Bare names far outnumbered**: a name of two words or more that
//!   the index also counts with places in front (`Agriculture
//!   Department`, `U.S. Agriculture Department`) is the placed name that
//!   clearly dominates the placed ones and that four times as many
//!   articles write, also where no article defines it so.
//!
//! A common word is one the keyword column holds alone in a few articles
//! (`gas`, `power`): a company named by one with a legal ending (`Gas
//! Corp`, `Gas Ltd`) is no one entity, and a value in capitals counts half
//! when choosing the value a group counts under.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use tantivy::Searcher;

use super::{Alias, AliasOrigin, articles_per_added_value, articles_per_value};
use crate::enrich::gazetteer::Gazetteer;
use crate::kinds::Kind;
use crate::schema::{Fields, fold_for_matching};

/// The fewest articles that must give an acronym its full name.
pub const MIN_DEFINITIONS: u32 = 2;

/// The share, in percent, of the articles defining an acronym that its
/// dominant full name needs.
pub const DOMINANCE_PERCENT: u32 = 75;

/// The legal endings of company names, as [`key`] writes them.
const LEGAL_ENDINGS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cos",
    "ltd",
    "limited",
    "plc",
    "llc",
    "lp",
    "llp",
    "ag",
    "sa",
    "s.a",
    "nv",
    "n.v",
    "bv",
    "gmbh",
    "spa",
    "s.p.a",
    "ab",
    "asa",
    "oy",
    "oyj",
    "bhd",
    "pty",
    "kk",
];

/// British spellings and the American ones they are written alike with.
const SPELLINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("defence", "defense"),
    ("programme", "program"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
];

/// Separates the two values of a [`Fields::SHORT_FORM`] entry.
pub const SHORT_FORM_SEPARATOR: char = '\t';

/// The share, in percent, of the articles writing an acronym that must
/// define it as its full name: `Reuters`, the agency in 629 Reuters
/// articles, is the company `Reuters Holdings Plc` in the 11 about it.
pub const DEFINED_PERCENT: u32 = 10;

/// Learns the organizations' and locations' aliases from their columns
/// and the short forms the articles define.
pub fn learn(searcher: &Searcher) -> tantivy::Result<Vec<Alias>> {
    let common_words = common_words(&articles_per_value(searcher, Kind::Keyword.field())?);
    let mut aliases = Vec::new();
    for kind in [Kind::Organization, Kind::Location] {
        let per_value = articles_per_value(searcher, kind.field())?;
        let mut merges = written_alike(kind, &per_value, &common_words);
        if kind == Kind::Organization {
            for (tail, name) in comma_tails(&per_value) {
                merges.entry(tail).or_insert(name);
            }
            // An index built before the column learns no acronyms.
            let definitions = articles_per_added_value(searcher, Fields::SHORT_FORM)?;
            let defined = defined_short_forms(&definitions, &per_value, &merges, &common_words);
            for (short, name) in defined {
                merges.insert(short, name);
            }
            for (short, name) in outnumbered_bare_names(&per_value, &merges) {
                merges.entry(short).or_insert(name);
            }
            for (value, name) in known_organizations(&per_value) {
                // The list's name heads its group, also where the rules
                // above counted it under another.
                merges.remove(&name);
                merges.insert(value, name);
            }
        }
        for (alias, name) in followed(&merges) {
            aliases.push(Alias::always(kind, &alias, &name, AliasOrigin::Learned));
        }
    }
    Ok(aliases)
}

/// The words of the keyword column that some articles give alone (`gas`,
/// `power`): words of the language, not names. A company named by one of
/// them and a legal ending (`Gas Corp`, `Gas Ltd`) is a fragment of a
/// longer name, or one of many, not one entity.
fn common_words(keywords: &HashMap<String, u32>) -> HashSet<String> {
    keywords
        .iter()
        .filter(|(keyword, articles)| **articles >= MIN_DEFINITIONS && !keyword.contains(' '))
        .map(|(keyword, _)| keyword.clone())
        .collect()
}

/// What a value is written as once the differences that do not change the
/// entity are set aside (see the module's documentation). A company's
/// legal ending is only set aside when what is left is a name: more than
/// one word, or one word that is not a common word.
fn key(kind: Kind, value: &str, common_words: &HashSet<String>) -> String {
    let folded = fold_for_matching(value);
    let mut words: Vec<&str> = folded
        .split_whitespace()
        .map(|word| word.trim_end_matches([',', '.']))
        .filter(|word| !word.is_empty())
        .collect();
    if kind != Kind::Organization || words.is_empty() {
        return words.join(" ");
    }
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    let mut base = words.len();
    while base > 1 && LEGAL_ENDINGS.contains(&words[base - 1]) {
        base -= 1;
    }
    let named = base > 1 || !(LEGAL_ENDINGS.contains(&words[0]) || common_words.contains(words[0]));
    if named {
        words.truncate(base);
    }
    // A party is named with or without the word (`Labour Party`, `Labour`).
    if words.len() > 1 && words.last() == Some(&"party") {
        words.pop();
    }
    // `Department of Agriculture` is the `Agriculture Department`.
    let head = words
        .iter()
        .position(|word| matches!(*word, "department" | "ministry"));
    if let Some(head) = head.filter(|&head| words.get(head + 1) == Some(&"of")) {
        let subject: Vec<&str> = words.drain(head + 1..).skip(1).collect();
        if !subject.is_empty() {
            let head_word = words.pop().expect("the head word");
            words.extend(subject);
            words.push(head_word);
        }
    }
    let spelled: Vec<&str> = words
        .iter()
        .map(|word| match *word {
            "&" => "and",
            _ => SPELLINGS
                .iter()
                .find(|(british, _)| british == word)
                .map_or(*word, |(_, american)| american),
        })
        .collect();
    spelled.join(" ")
}

/// For each value written alike with another that more articles write,
/// the value it counts under.
fn written_alike(
    kind: Kind,
    per_value: &HashMap<String, u32>,
    common_words: &HashSet<String>,
) -> HashMap<String, String> {
    let mut groups: HashMap<String, Vec<(&str, u32)>> = HashMap::default();
    for (value, &articles) in per_value {
        let key = key(kind, value, common_words);
        // A value of punctuation alone (`.`) is written like no other.
        if !key.is_empty() {
            groups.entry(key).or_default().push((value, articles));
        }
    }
    let mut merges = HashMap::default();
    for (_, mut values) in groups {
        if values.len() < 2 {
            continue;
        }
        let mixed = |value: &str| value.chars().any(char::is_lowercase);
        // Headlines and tables write names in capitals: such a value counts
        // half.
        let weight = |(value, articles): (&str, u32)| match mixed(value) {
            true => u64::from(articles) * 2,
            false => u64::from(articles),
        };
        values.sort_by(|a, b| {
            let accents = |value: &str| value.chars().filter(|c| !c.is_ascii()).count();
            weight(*b)
                .cmp(&weight(*a))
                .then_with(|| mixed(b.0).cmp(&mixed(a.0)))
                .then_with(|| accents(b.0).cmp(&accents(a.0)))
                .then_with(|| a.0.cmp(b.0))
        });
        let name = values[0].0;
        for (value, _) in &values[1..] {
            merges.insert(value.to_string(), name.to_string());
        }
    }
    merges
}

/// The values that name one of the organizations the news names in
/// several ways ([`Gazetteer::organization`]: `Tories`, `Conservatives`,
/// `Conservative Party`), each with the value its group counts under: the
/// list's name when the index holds it, else the one most articles write.
fn known_organizations(per_value: &HashMap<String, u32>) -> Vec<(String, String)> {
    let gazetteer = Gazetteer::get();
    let mut groups: HashMap<&'static str, Vec<(&str, u32)>> = HashMap::default();
    for (value, &articles) in per_value {
        if let Some(name) = gazetteer.organization(value) {
            groups.entry(name).or_default().push((value, articles));
        }
    }
    let mut merges = Vec::new();
    for (name, mut values) in groups {
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let head = match values.iter().find(|(value, _)| *value == name) {
            Some((value, _)) => *value,
            None => values[0].0,
        };
        for (value, _) in values {
            if value != head {
                merges.push((value.to_string(), head.to_string()));
            }
        }
    }
    merges
}

/// The firms' names written after a comma that another value writes in
/// full (`Sachs and Co` of `Goldman, Sachs and Co`, `Sugar and Cocoa
/// Exchange` of `Coffee, Sugar and Cocoa Exchange`), each with the full
/// name most articles write.
fn comma_tails(per_value: &HashMap<String, u32>) -> Vec<(String, String)> {
    let mut fullest: HashMap<&str, (&str, u32)> = HashMap::default();
    for (value, &articles) in per_value {
        let Some((_, tail)) = value.split_once(", ") else {
            continue;
        };
        let firm = tail.contains(" and ") || tail.contains(" & ");
        // One article's list (`Colgate, Procter and Gamble`) must not
        // rename a firm most articles write alone.
        let written_alone = per_value.get(tail).copied().unwrap_or(0);
        if !firm || written_alone == 0 || written_alone > articles {
            continue;
        }
        let best = fullest.entry(tail).or_insert((value, articles));
        if (articles, std::cmp::Reverse(value.as_str())) > (best.1, std::cmp::Reverse(best.0)) {
            *best = (value, articles);
        }
    }
    let mut tails: Vec<(String, String)> = fullest
        .into_iter()
        .map(|(tail, (name, _))| (tail.to_string(), name.to_string()))
        .collect();
    tails.sort();
    tails
}

/// The acronyms and short forms the articles clearly define as one full
/// name, each with that name as the merges already count it; only those
/// some article writes as an organization.
fn defined_short_forms(
    definitions: &HashMap<String, u32>,
    per_value: &HashMap<String, u32>,
    merges: &HashMap<String, String>,
    common_words: &HashSet<String>,
) -> Vec<(String, String)> {
    let counted_as = |value: &str| merges.get(value).cloned().unwrap_or(value.to_string());
    let mut names_by_short: HashMap<String, HashMap<String, u32>> = HashMap::default();
    for (pair, &articles) in definitions {
        let Some((short, name)) = pair.split_once(SHORT_FORM_SEPARATOR) else {
            continue;
        };
        if !stands_for(short, name, common_words) {
            continue;
        }
        *names_by_short
            .entry(counted_as(short))
            .or_default()
            .entry(counted_as(name))
            .or_default() += articles;
    }
    let mut defined = Vec::new();
    for (short, names) in names_by_short {
        if !per_value.contains_key(&short) {
            continue;
        }
        if let Some((name, longer)) = dominant_definition(&short, &names, per_value) {
            for other in longer {
                defined.push((other, name.clone()));
            }
            defined.push((short, name));
        } else if let Some(name) = dominant_placed_name(&short, &names, per_value, &counted_as) {
            defined.push((short, name));
        }
    }
    defined
}

/// The name most articles define a short form as, when it clearly
/// dominates the others and enough of the articles that write the short
/// form define it; with the forms of that name one word longer that more
/// than one article defines it as too (`Federal Reserve Board` beside
/// `Federal Reserve` for `Fed`), which are the same entity.
fn dominant_definition(
    short: &str,
    names: &HashMap<String, u32>,
    per_value: &HashMap<String, u32>,
) -> Option<(String, Vec<String>)> {
    // A name that begins with an acronym (`BP North America Inc` of `BP`)
    // is named after it: no rival to the name it stands for (`British
    // Petroleum Co Plc`), when articles give one. A short form that is a
    // word begins the name it stands for (`Ford`, `Ford Motor Co`).
    let begins_with_it = |name: &str| {
        is_acronym(short)
            && name
                .strip_prefix(short)
                .is_some_and(|rest| rest.starts_with(' '))
    };
    let expanded = names
        .iter()
        .any(|(name, &articles)| !begins_with_it(name) && articles >= MIN_DEFINITIONS);
    let mut ranked: Vec<(&String, u32)> = names
        .iter()
        .filter(|(name, _)| !(expanded && begins_with_it(name)))
        .map(|(name, &articles)| (name, articles))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let (name, best) = *ranked.first()?;
    let longer: Vec<String> = ranked
        .iter()
        .filter(|(other, articles)| *articles >= MIN_DEFINITIONS && is_one_word_longer(other, name))
        .map(|(other, _)| other.to_string())
        .collect();
    // A longer form of the name is no rival.
    ranked.retain(|(other, _)| !(*other == name || nested(other, name)));
    let written_alone = per_value.get(short).copied().unwrap_or(0);
    let dominates =
        clearly_dominates(best, &ranked) && best * 100 >= written_alone * DEFINED_PERCENT;
    let stands_for_it = name != short && !is_national_arm(name, short);
    (dominates && stands_for_it).then(|| (name.clone(), longer))
}

/// The place's name for an institution that most articles write of all
/// the places' names for it the index counts (`U.S. Agriculture
/// Department` beside `Irish Agriculture Department`, for `Agriculture
/// Department`), when articles define the short form as it, and more
/// articles write it than the short form alone. Few articles write both,
/// so the articles that write each name weigh them.
fn dominant_placed_name(
    short: &str,
    names: &HashMap<String, u32>,
    per_value: &HashMap<String, u32>,
    counted_as: &dyn Fn(&str) -> String,
) -> Option<String> {
    let placed = |name: &str| {
        name.strip_suffix(short)
            .is_some_and(|front| front.len() > 1 && front.ends_with(' '))
    };
    // One word alone (`Tokyo` of `Bank of Tokyo`) names no institution.
    if !short.contains(' ') || !names.keys().all(|name| placed(name)) {
        return None;
    }
    let mut articles: HashMap<String, u32> = HashMap::default();
    for (value, &count) in per_value {
        if placed(value) {
            *articles.entry(counted_as(value)).or_default() += count;
        }
    }
    let mut ranked: Vec<(&String, u32)> = articles.iter().map(|(n, c)| (n, *c)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let (name, best) = *ranked.first()?;
    let defined = names.get(name).copied().unwrap_or(0) >= MIN_DEFINITIONS;
    let written_alone = per_value.get(short).copied().unwrap_or(0);
    (defined && clearly_dominates(best, &ranked[1..]) && best > written_alone).then(|| name.clone())
}

/// How many times more articles than the bare name the placed name that
/// dominates it must have, for [`outnumbered_bare_names`].
const OUTNUMBERED: u32 = 4;

/// The names of two words or more that the index also counts with
/// places in front (`Agriculture Department`, `U.S. Agriculture
/// Department`), each with the placed name that clearly dominates the
/// placed ones (see [`clearly_dominates`]) and that [`OUTNUMBERED`]
/// times as many articles write as the bare name: the bare name stands
/// for it without any article defining it so. `Stock Exchange` beside
/// New York's and London's stays as it is; so does `Finance Ministry`,
/// which most articles write bare, of several countries, and `Security
/// Council` beside `National Security Council`, whose front is no place.
fn outnumbered_bare_names(
    per_value: &HashMap<String, u32>,
    merges: &HashMap<String, String>,
) -> Vec<(String, String)> {
    let counted_as = |value: &str| merges.get(value).cloned().unwrap_or(value.to_string());
    let gazetteer = Gazetteer::get();
    let is_place = |word: &str| !gazetteer.lookup(word).is_empty();
    // Each name under each of its endings of two words or more that
    // places stand in front of.
    let mut longer_by_ending: HashMap<&str, Vec<&str>> = HashMap::default();
    for value in per_value.keys() {
        for (space, _) in value.match_indices(' ') {
            let (front, ending) = (&value[..space], &value[space + 1..]);
            if !ending.contains(' ') {
                break;
            }
            // `U.S.`, `New York`, `Irish`.
            if is_place(front) || front.split(' ').all(is_place) {
                longer_by_ending.entry(ending).or_default().push(value);
            }
        }
    }
    let mut found = Vec::new();
    for (bare, &alone) in per_value {
        let Some(longer) = longer_by_ending.get(bare.as_str()) else {
            continue;
        };
        if merges.contains_key(bare) {
            continue;
        }
        let mut articles: HashMap<String, u32> = HashMap::default();
        for value in longer {
            *articles.entry(counted_as(value)).or_default() += per_value[*value];
        }
        let mut ranked: Vec<(&String, u32)> = articles.iter().map(|(n, c)| (n, *c)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let Some(&(name, best)) = ranked.first() else {
            continue;
        };
        if clearly_dominates(best, &ranked[1..]) && best >= OUTNUMBERED * alone && name != bare {
            found.push((bare.clone(), name.clone()));
        }
    }
    found
}

/// Whether a name of this many articles clearly dominates its rivals
/// (ranked, most articles first): [`MIN_DEFINITIONS`] or more,
/// [`DOMINANCE_PERCENT`] % of all, and no rival with a quarter as many.
fn clearly_dominates(best: u32, rivals: &[(&String, u32)]) -> bool {
    let total: u32 = best + rivals.iter().map(|(_, articles)| articles).sum::<u32>();
    let runner_up = rivals.first().map_or(0, |(_, articles)| *articles);
    best >= MIN_DEFINITIONS && best * 100 >= total * DOMINANCE_PERCENT && runner_up * 4 < best
}

/// Whether a name is another with one word more at its end.
fn is_one_word_longer(longer: &str, name: &str) -> bool {
    longer
        .strip_prefix(name)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|word| !word.is_empty() && !word.contains(' '))
}

/// Whether one name begins with the other's words.
fn nested(one: &str, other: &str) -> bool {
    let starts = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' '))
    };
    starts(one, other) || starts(other, one)
}

/// Whether a value can stand for a name in every article: an acronym
/// (`USDA`), the name without the place in front of it (`Agriculture
/// Department` of `U.S. Agriculture Department`), or the start of the name's first word that is no
/// common word (`Fed` for `Federal Reserve`, `Ford` for `Ford Motor Co`;
/// not `Daily` for `China Daily`, nor `Loan` for a fragment of a savings
/// and loan's name).
fn stands_for(short: &str, name: &str, common_words: &HashSet<String>) -> bool {
    if is_acronym(short) {
        return true;
    }
    if common_words.contains(&short.to_lowercase()) {
        return false;
    }
    // The article found the words in front to be places.
    let placed = name
        .strip_suffix(short)
        .is_some_and(|front| front.ends_with(' '));
    let first_word = name.split_whitespace().next().unwrap_or("");
    placed || first_word.starts_with(short)
}

/// Whether a name is a company's arm in a place, named by the company's
/// name, the place and maybe a legal form (`Cargill U.K. Ltd` of
/// `Cargill`, `Shell Canada` of `Shell`): the company's name does not
/// stand for it.
fn is_national_arm(name: &str, company: &str) -> bool {
    name.strip_prefix(company)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(names_a_place_and_legal_form)
}

/// Whether words are a place and maybe a legal form (`U.K. Ltd`).
fn names_a_place_and_legal_form(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|word| {
            let key = word.trim_end_matches([',', '.']).to_lowercase();
            !LEGAL_ENDINGS.contains(&key.as_str())
        })
        .collect();
    let gazetteer = Gazetteer::get();
    !words.is_empty()
        && (!gazetteer.lookup(&words.join(" ")).is_empty()
            || words.iter().all(|word| !gazetteer.lookup(word).is_empty()))
}

/// Whether a short form is an acronym: two to six letters, all capitals
/// (`USDA`, `U.S.`, `AT&T`).
fn is_acronym(short: &str) -> bool {
    let letters = short.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && short
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// The merges with each name followed to the value it counts under in
/// turn (`Usda` → `USDA` → `U.S. Agriculture Department`); a value that
/// leads back to itself is left as it is.
fn followed(merges: &HashMap<String, String>) -> Vec<(String, String)> {
    let mut resolved = Vec::with_capacity(merges.len());
    for (alias, name) in merges {
        let mut name = name;
        let mut steps = 0;
        while let Some(next) = merges.get(name) {
            name = next;
            steps += 1;
            if steps > merges.len() {
                break;
            }
        }
        if name != alias && steps <= merges.len() {
            resolved.push((alias.clone(), name.clone()));
        }
    }
    resolved.sort();
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(rows: &[(&str, u32)]) -> HashMap<String, u32> {
        rows.iter()
            .map(|(value, count)| (value.to_string(), *count))
            .collect()
    }

    fn common() -> HashSet<String> {
        common_words(&counts(&[
            ("gas", 40),
            ("daily", 9),
            ("oil prices", 30),
            ("tin", 1),
        ]))
    }

    fn merged(kind: Kind, rows: &[(&str, u32)]) -> Vec<(String, String)> {
        followed(&written_alike(kind, &counts(rows), &common()))
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn an_organization_named_in_several_ways_counts_under_its_name() {
        let mut found = known_organizations(&counts(&[
            ("Tories", 83),
            ("Conservatives", 56),
            ("Tory", 43),
            ("Conservative Party", 19),
            ("Scottish Conservative Party", 2),
            ("Lib Dems", 40),
            ("Liberal Democrat", 51),
            ("Republicans", 12),
            ("GOP", 3),
            ("Labour", 171),
            ("Democratic Unionist Party", 1),
        ]));
        found.sort();
        assert_eq!(
            found,
            pairs(&[
                ("Conservatives", "Conservative Party"),
                ("GOP", "Republicans"),
                ("Lib Dems", "Liberal Democrat"),
                ("Tories", "Conservative Party"),
                ("Tory", "Conservative Party"),
            ]),
            "the list's name heads the group when the index holds it, \
             else the name most articles write; a party of its own \
             (`Scottish Conservative Party`) stays apart"
        );
    }

    #[test]
    fn punctuation_alone_is_written_like_no_other_value() {
        assert_eq!(
            merged(Kind::Organization, &[(".", 2), (",", 1), ("...", 1)]),
            pairs(&[])
        );
        assert_eq!(merged(Kind::Location, &[(".", 2), (",", 1)]), pairs(&[]));
    }

    #[test]
    fn organizations_written_alike_count_under_the_most_written() {
        let merges = merged(
            Kind::Organization,
            &[
                ("USAir Group Inc", 20),
                ("USAir Group", 31),
                ("USAir", 40),
                ("International Coffee Organisation", 9),
                ("International Coffee Organization", 60),
                ("INTERNATIONAL COFFEE ORGANIZATION", 2),
                ("Procter & Gamble Co", 3),
                ("Procter and Gamble", 5),
                ("The Hongkong and Shanghai Banking Corp Ltd", 2),
                ("Hongkong and Shanghai Banking Corp", 7),
                ("Co", 4),
                ("Co Inc", 11),
                ("Co Ltd", 13),
                ("Gas Corp", 6),
                ("Gas Ltd", 6),
                ("Volkswagen AG", 27),
                ("Volkswagen", 8),
                ("Labour Party", 33),
                ("Labour", 123),
                ("TEXAS AIR CORP", 23),
                ("Texas Air Corp", 22),
                ("U.S. Department of Agriculture", 6),
                ("U.S. Agriculture Department", 143),
                ("Ministry of International Trade and Industry", 9),
                ("International Trade and Industry Ministry", 4),
                ("Department of", 1),
            ],
        );
        assert_eq!(
            merges,
            pairs(&[
                (
                    "INTERNATIONAL COFFEE ORGANIZATION",
                    "International Coffee Organization"
                ),
                (
                    "International Coffee Organisation",
                    "International Coffee Organization"
                ),
                (
                    "International Trade and Industry Ministry",
                    "Ministry of International Trade and Industry"
                ),
                ("Labour Party", "Labour"),
                ("Procter & Gamble Co", "Procter and Gamble"),
                ("TEXAS AIR CORP", "Texas Air Corp"),
                (
                    "The Hongkong and Shanghai Banking Corp Ltd",
                    "Hongkong and Shanghai Banking Corp"
                ),
                (
                    "U.S. Department of Agriculture",
                    "U.S. Agriculture Department"
                ),
                ("USAir Group Inc", "USAir Group"),
                ("Volkswagen", "Volkswagen AG"),
            ]),
            "a company's name is not its group's (`USAir`); endings alone, or after a common word, stay; capitals count half"
        );
    }

    #[test]
    fn a_firm_written_after_a_comma_is_the_whole_name() {
        let per_value = counts(&[
            ("Coffee, Sugar and Cocoa Exchange", 8),
            ("Sugar and Cocoa Exchange", 4),
            ("Goldman, Sachs and Co", 15),
            ("Sachs and Co", 2),
            ("Tokyo, Osaka", 1),
            ("Osaka", 30),
            ("Colgate, Procter and Gamble", 1),
            ("Procter and Gamble", 40),
        ]);
        assert_eq!(
            comma_tails(&per_value),
            pairs(&[
                ("Sachs and Co", "Goldman, Sachs and Co"),
                (
                    "Sugar and Cocoa Exchange",
                    "Coffee, Sugar and Cocoa Exchange"
                ),
            ]),
            "a name without `and` after the comma is no firm's, nor one most articles write alone"
        );
    }

    #[test]
    fn locations_merge_case_and_accents_only() {
        let merges = merged(
            Kind::Location,
            &[
                ("LONDON", 30),
                ("London", 900),
                ("Sao Paulo", 12),
                ("São Paulo", 12),
                ("Orange Co", 1),
                ("Orange", 3),
            ],
        );
        assert_eq!(
            merges,
            pairs(&[("LONDON", "London"), ("Sao Paulo", "São Paulo")])
        );
        assert_eq!(
            merged(Kind::Location, &[("Paris", 1), ("PARIS", 1)]),
            pairs(&[("PARIS", "Paris")]),
            "a tie goes to mixed case, then to accents"
        );
    }

    #[test]
    fn an_acronym_is_the_full_name_the_articles_define_it_as() {
        let per_value = counts(&[
            ("USDA", 80),
            ("U.S. Agriculture Department", 150),
            ("ICO", 40),
            ("International Coffee Organization", 60),
            ("International Coffee Organisation", 9),
            ("ADB", 10),
            ("Reuters", 629),
            ("Agriculture Department", 100),
            ("GATT", 10),
            ("Asian Development Bank", 20),
            ("African Development Bank", 5),
            ("Fed", 30),
            ("FED", 114),
            ("Federal Reserve", 90),
            ("Daily", 10),
            ("China Daily", 19),
            ("EC", 300),
            ("European Community", 500),
        ]);
        let definitions = counts(&[
            ("USDA\tU.S. Agriculture Department", 140),
            ("USDA\tU.S. Department of Agriculture", 3),
            ("ICO\tInternational Coffee Organisation", 5),
            ("ICO\tInternational Coffee Organization", 30),
            ("ADB\tAsian Development Bank", 12),
            ("ADB\tAfrican Development Bank", 4),
            ("Fed\tFederal Reserve", 40),
            ("Fed\tFederal Reserve Board", 28),
            ("Fed\tNew York Fed", 2),
            ("Daily\tChina Daily", 10),
            ("GATT\tGeneral Agreement on Tariffs and Trade", 1),
            ("EC\tEuropean Community", 200),
            ("EC\tEuropean Commission", 12),
            ("OAU\tOrganization of African Unity", 5),
            ("Reuters\tReuters Holdings Plc", 11),
            ("Agriculture Department\tU.S. Agriculture Department", 40),
        ]);
        let mut merges = written_alike(Kind::Organization, &per_value, &common());
        for (short, name) in defined_short_forms(&definitions, &per_value, &merges, &common()) {
            merges.insert(short, name);
        }
        assert_eq!(
            followed(&merges),
            pairs(&[
                ("Agriculture Department", "U.S. Agriculture Department"),
                ("EC", "European Community"),
                ("FED", "Federal Reserve"),
                ("Fed", "Federal Reserve"),
                ("Federal Reserve Board", "Federal Reserve"),
                ("ICO", "International Coffee Organization"),
                (
                    "International Coffee Organisation",
                    "International Coffee Organization"
                ),
                ("USDA", "U.S. Agriculture Department"),
            ]),
            "ADB names two banks, Daily is a common word, GATT is defined once, OAU is never written alone, Reuters mostly names the agency; Fed's longer name is the same entity"
        );
    }

    #[test]
    fn names_after_an_acronym_and_the_places_names_of_an_institution() {
        let per_value = counts(&[
            ("BP", 30),
            ("British Petroleum Co Plc", 45),
            ("BP North America Inc", 4),
            ("BAA Plc", 3),
            ("Agriculture Department", 38),
            ("U.S. Agriculture Department", 241),
            ("Irish Agriculture Department", 1),
            ("Stock Exchange", 7),
            ("London Stock Exchange", 29),
            ("New York Stock Exchange", 40),
            ("Tokyo", 12),
            ("Bank of Tokyo", 11),
        ]);
        let definitions = counts(&[
            ("BP\tBritish Petroleum Co Plc", 4),
            ("BP\tBP North America Inc", 3),
            ("Agriculture Department\tU.S. Agriculture Department", 2),
            ("Agriculture Department\tIrish Agriculture Department", 1),
            ("Stock Exchange\tLondon Stock Exchange", 1),
            ("Tokyo\tBank of Tokyo", 1),
        ]);
        let merges = written_alike(Kind::Organization, &per_value, &common());
        assert_eq!(
            defined_short_forms(&definitions, &per_value, &merges, &common())
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>(),
            pairs(&[
                ("Agriculture Department", "U.S. Agriculture Department"),
                ("BP", "British Petroleum Co Plc"),
            ])
            .into_iter()
            .collect(),
            "a subsidiary named after BP is no rival; the Stock Exchange most articles write is New York's, which no article defines it as; one word names no institution, and one article defines neither"
        );
    }

    #[test]
    fn a_company_is_not_its_arm_in_a_place() {
        let per_value = counts(&[
            ("Cargill", 12),
            ("Cargill U.K. Ltd", 10),
            ("Ford", 8),
            ("Ford Motor Co", 53),
        ]);
        let definitions = counts(&[("Cargill\tCargill U.K. Ltd", 4), ("Ford\tFord Motor Co", 6)]);
        let merges = written_alike(Kind::Organization, &per_value, &common());
        assert_eq!(
            defined_short_forms(&definitions, &per_value, &merges, &common()),
            pairs(&[("Ford", "Ford Motor Co")]),
            "Cargill U.K. Ltd is Cargill's British arm"
        );
    }

    #[test]
    fn a_place_name_the_index_does_not_count_defines_nothing() {
        let per_value = counts(&[("Trade Department", 3)]);
        let definitions = counts(&[("Trade Department\tU.K. Trade Department", 1)]);
        let merges = written_alike(Kind::Organization, &per_value, &common());
        assert_eq!(
            defined_short_forms(&definitions, &per_value, &merges, &common()),
            pairs(&[]),
            "no name to weigh, no merge"
        );
    }

    #[test]
    fn a_bare_name_far_outnumbered_by_one_placed_name_is_it() {
        let per_value = counts(&[
            ("Agriculture Department", 38),
            ("U.S. Agriculture Department", 211),
            ("Irish Agriculture Department", 1),
            ("Stock Exchange", 7),
            ("London Stock Exchange", 29),
            ("New York Stock Exchange", 40),
            ("Finance Ministry", 300),
            ("Japanese Finance Ministry", 60),
            ("Energy Department", 20),
            ("U.S. Energy Department", 70),
            ("Security Council", 2),
            ("National Security Council", 19),
        ]);
        let merges = written_alike(Kind::Organization, &per_value, &common());
        let mut found = outnumbered_bare_names(&per_value, &merges);
        found.sort();
        assert_eq!(
            found,
            pairs(&[("Agriculture Department", "U.S. Agriculture Department")]),
            "no dominant name for `Stock Exchange`; `Finance Ministry` and `Energy Department` are written bare too often; `National` is no place"
        );
    }

    #[test]
    fn a_merge_that_leads_back_to_itself_is_left_alone() {
        let merges: HashMap<String, String> = [("A", "B"), ("B", "A"), ("C", "B")]
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(followed(&merges), Vec::new());
    }
}
