//! Persons: a lone surname is the full name that holds it, and what only
//! looks like a person is dropped.
//!
//! - `surnames`: a single name after a title (`Mr Volcker`) is the person
//!   named in full with it (`Paul Volcker`), or a person of its own when
//!   the article gives no full name; a single name after a title in a
//!   headline in capitals (`PRESIDENT REAGAN`) counts only if the body
//!   writes it; a full name that ends a longer one (`Otto Poehl` in `Karl
//!   Otto Poehl`) is the longer one; a name that heads an organization's
//!   (`Merrill Lynch` in `Merrill Lynch Capital Markets Inc`) is the firm;
//! - `not a person`: a common given name alone (`Andy`; not after a
//!   title: `President Clinton`), a word the
//!   article also writes in lowercase (`Coffee`), one common English word
//!   the tagger read ([`super::super::lexicon`]) that never speaks, in an
//!   article on no sport (`Return`; a surname alone in a match report,
//!   `Given`, stays), a name all of whose words
//!   it writes in lowercase (`Soybean Oil`, `Near May` in a price table),
//!   a name that ends in a lowercase word (`Norodom Sihanouk on`), a name
//!   holding `and` (`Uzi and Fal`) or `&` between more than two surnames
//!   (`Richard & Judy`), a name holding a figure (`Casio QV-10`, `Douglas
//!   DC-10`), one
//!   word after `a` or `an` (`a Reuter survey`), a name joined to a word
//!   by a slash (`Dlrs/Bu-Sorghum Cwt`), a word and a roman numeral with
//!   no given name (`Level IV`, and `Level` alone in that article), a
//!   word and a month with no given name (`Near May`, a contract month), a
//!   name beginning with an ordinal (`Third World`) or ending in
//!   institutions' plural (`Commerce Departments`), and a
//!   word in capitals in an article written in mixed case (`REUTER`, a
//!   sign-off);
//! - `leader's name`: one word read as an organization right before
//!   `administration` or `presidency` (`the Reagan
//!   administration`) is the leader, a person;
//! - `a company`: a person's name that ends in a company word (`Shearson
//!   Lehman Brothers`, `Baker International`, `Jupiter Research`), is one
//!   word ending in `corp` or `bank` (`Citicorp`, `Citibank`), or is a
//!   known organization (`Sony`, `Petrobras`, `Hezbollah`, `Lib Dem`) or
//!   begins with a company known by one word (`Sony Ericsson`), or is
//!   two surnames joined by `&` (`Marsh & McLennan`) is an organization; a person's name that begins one such company's name
//!   only (`Wang` beside `Wang Laboratories`) is that company;
//! - `party before a name`: a party written before a person's name is no
//!   part of it (`Tory Liam Fox` is `Liam Fox`);
//! - `a band`: a name after `band` (`rock band Franz Ferdinand`), before
//!   a frontman's name (`Green Day frontman Billie Joe Armstrong`) or
//!   ending in `Sisters`, `Boys` or `Girls` (`Scissor Sisters`) is a band,
//!   an organization.

use super::super::entities::is_headline_verb;
use super::super::gazetteer::Gazetteer;
use super::super::lexicon::is_common_word;
use super::super::mentions::{Field, Mention, MentionKind, Mentions, first_word, last_word};
use super::super::names::is_joined_surname;
use super::super::vocabulary::{
    COMPANY_ENDINGS, DATE_WORDS, GEOGRAPHIC_WORDS, HOLIDAYS, KNOWN_ORGANIZATIONS, PERSON_TITLES,
    is_known_organization,
};
use super::lists::is_person_shaped;
use super::locations::after_place_preposition;
use super::organizations::ORDINALS;
use super::{ArticleText, Verdict, apply};

/// Ties each surname to the full name that holds it and each full name to
/// the longer one that ends with it (see the module header).
pub fn resolve_surnames(mentions: &mut Mentions, article: ArticleText) {
    const NAME: &str = "surnames";
    let persons = mentions.value_refs(MentionKind::Person);
    let organizations = mentions.value_refs(MentionKind::Organization);
    let verdicts = full_name_verdicts(&persons, &organizations);
    apply(mentions, MentionKind::Person, &verdicts, NAME);
    // A flash is a headline alone: the subject of its verb of speech
    // (`CHANCELLOR LAWSON FORECASTS`) is named there only.
    let flash = !article.body_text.contains(char::is_alphabetic);
    mentions.drop_where(
        NAME,
        "a word after a title in a headline in capitals that the body never writes",
        |mention| {
            let speaks = || is_headline_verb(article.next_word(mention));
            mention.kind == MentionKind::HeadlineSurname
                && !(flash && speaks())
                && !contains_word(article.body_text, &mention.text)
        },
    );
    let surnames: Vec<(MentionKind, String)> = mentions
        .list
        .iter()
        .filter(|mention| {
            mention.is_kept()
                && matches!(
                    mention.kind,
                    MentionKind::Surname | MentionKind::HeadlineSurname
                )
        })
        .map(|mention| (mention.kind, mention.value.clone()))
        .collect();
    for (kind, surname) in surnames {
        // The first kept person holding the surname is the first such
        // value: only that one is copied.
        let full_name = mentions
            .kept(MentionKind::Person)
            .map(|person| person.value.as_str())
            .find(|person| person.split(' ').any(|word| word == surname))
            .map(str::to_string);
        match full_name {
            Some(full_name) => mentions.rename_value(
                kind,
                &surname,
                (MentionKind::Person, &full_name),
                NAME,
                "the surname of a person named in full",
            ),
            None => mentions.rename_value(
                kind,
                &surname,
                (MentionKind::Person, &surname),
                NAME,
                "no full name in the article holds it",
            ),
        }
    }
}

/// The full names that end a longer one (into it), and those that head
/// an organization's name, in any case (dropped).
fn full_name_verdicts(persons: &[&str], organizations: &[&str]) -> Vec<(String, Verdict)> {
    let mut verdicts = Vec::new();
    for name in persons {
        let ending = format!(" {name}");
        let longer = persons
            .iter()
            .find(|other| other.len() > name.len() && other.ends_with(&ending));
        if let Some(longer) = longer {
            let why = "the end of a longer name in the article";
            verdicts.push((name.to_string(), Verdict::Into(longer.to_string(), why)));
            continue;
        }
        // In any case: a headline in capitals writes the firm so too
        // (`HUGHES TOOL` beside `Hughes Tool Co`).
        let heading = format!("{name} ");
        let heads = |organization: &&str| {
            organization
                .get(..heading.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(&heading))
        };
        if organizations.iter().any(heads) {
            let why = "heads an organization's name: the firm, not a person";
            verdicts.push((name.to_string(), Verdict::Drop(why)));
        }
    }
    verdicts
}

/// Whether `word` stands in `text` as a whole word (`Reagan` in `Reagan's`,
/// not in `Reaganomics`).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Nouns that end the names of places and buildings (`Capitol Hill`,
/// `Wall Street`); a person's name ends so too (`Damon Hill`, `Darryn
/// Hill`), so a place also needs a preposition of place before it.
const PLACE_NOUNS: &[&str] = &[
    "Hill", "Street", "Square", "Avenue", "Road", "Park", "Bridge", "Palace", "Castle", "Airport",
    "Station", "Stadium",
];

/// Whether a one-word mention follows a capitalised word and `of` or
/// `for` (`Ministry of Agriculture`, across a line break too), or a
/// capitalised common noun and `and` (`Food and Agriculture`; `Smith and
/// Jones` are two people): the end of a longer name.
fn ends_a_longer_name(article: ArticleText, mention: &super::super::mentions::Mention) -> bool {
    let (before, _) = article.around(mention);
    let mut words = before.split_whitespace().rev();
    let joining = words.next().unwrap_or("");
    let Some(head) = words.next() else {
        return false;
    };
    if !head.starts_with(char::is_uppercase) || !head.chars().all(char::is_alphabetic) {
        return false;
    }
    match joining {
        "of" | "for" => true,
        "and" | "&" => article.words.writes_in_lowercase(head),
        _ => false,
    }
}

/// Whether a word is the plural of a word that ends institutions' names
/// and no surname (`Departments`, `Ministries`; `Banks` is a surname too).
fn names_institutions(word: &str) -> bool {
    const PLURALS: &[&str] = &[
        "Departments",
        "Ministries",
        "Committees",
        "Councils",
        "Agencies",
        "Commissions",
        "Authorities",
        "Associations",
        "Federations",
        "Organizations",
        "Organisations",
    ];
    PLURALS.contains(&word)
}

/// Whether a name ends in a title that is no surname too (`Vice
/// President`, `Commons Speaker`; but `Mervyn King`, `Bruce Judge`).
fn ends_in_title(name: &str) -> bool {
    const SURNAMES: &[&str] = &[
        "King", "Queen", "Prince", "Princess", "Pope", "Judge", "Justice", "Chair",
    ];
    let last = last_word(name);
    PERSON_TITLES.contains(last) && !SURNAMES.contains(&last)
}

/// Last words of names of streets, buildings, plans, laws, events and
/// shows that are no surnames (`Downing Street`, `Woodhill Prison`,
/// `Marshall Plan`, `Patriot Act`, `Colin McRae Rally`, `Davis Cup`,
/// `Graham Norton Show`). `Lane`, `Park`, `Hall`, `Court` and `Castle` are
/// surnames too, and are left out.
const NOT_SURNAMES: &[&str] = &[
    "Street",
    "St",
    "Road",
    "Avenue",
    "Square",
    "Boulevard",
    "Prison",
    "Airport",
    "Station",
    "Stadium",
    "Palace",
    "Cathedral",
    "Hospital",
    "Plan",
    "Act",
    "Treaty",
    "Doctrine",
    "Bill",
    "Centre",
    "Center",
    "Rally",
    "Cup",
    "Trophy",
    "Marathon",
    "Championship",
    "Championships",
    "Memorial",
    "Award",
    "Awards",
    "Prize",
    "Festival",
    "Show",
];

/// Titles that, with `of` and a place, are a person's name in the news
/// (`Prince of Wales`, `Archbishop of Canterbury`), not an office.
const NOBLE_TITLES: [&str; 12] = [
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Duke",
    "Duchess",
    "Earl",
    "Archbishop",
    "Bishop",
    "Emperor",
    "Lord",
    "Lady",
];

/// Forms of address, which are never a person's name alone.
pub const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "Prof.",
    "Rev.",
];

/// Drops the one-word persons that are no person: a common given name
/// alone, a word the article also writes in lowercase, a word in capitals
/// in an article written in mixed case.
pub fn drop_non_persons(mentions: &mut Mentions, article: ArticleText) {
    const NAME: &str = "not a person";
    let gazetteer = Gazetteer::get();
    let one_word = |value: &str| !value.contains(' ');
    // A given name after a title is a surname too (`President Clinton`,
    // `Mr Major`).
    let titled: Vec<String> = mentions
        .kept(MentionKind::Person)
        .filter(|mention| one_word(&mention.value) && gazetteer.is_given_name(&mention.value))
        .filter(|mention| {
            let title = article.word_before(mention);
            PERSON_TITLES.contains(title) || HONORIFICS.contains(&title)
        })
        .map(|mention| mention.value.clone())
        .collect();
    mentions.drop_where(
        NAME,
        "a common given name alone: a name cut short, which finds nobody",
        |mention| {
            mention.kind == MentionKind::Person
                && one_word(&mention.value)
                && gazetteer.is_given_name(&mention.value)
                && !titled.contains(&mention.value)
        },
    );
    mentions.drop_where(
        NAME,
        "begins with an ordinal (`Third World`) or ends in institutions' word (`Commerce Departments`)",
        |mention| {
            if mention.kind != MentionKind::Person {
                return false;
            }
            let first = mention.value.split(' ').next().unwrap_or("");
            let last = last_word(&mention.value);
            ORDINALS.contains(&first) || names_institutions(last)
        },
    );
    mentions.drop_where(
        NAME,
        "a title and `of` (`Executive of AOL UK` of `Chief Executive of AOL UK`): an office, \
         no person's name",
        |mention| {
            mention.kind == MentionKind::Person
                && mention.value.split_once(' ').is_some_and(|(title, rest)| {
                    PERSON_TITLES.contains(title)
                        && !NOBLE_TITLES.contains(&title)
                        && rest.starts_with("of ")
                })
        },
    );
    mentions.drop_where(
        NAME,
        "ends in a word for a street, a building, a plan, a law, an event or a show: a place or a thing (`Downing Street`, `Marshall Plan`, `Davis Cup`)",
        |mention| {
            let last = last_word(&mention.value);
            mention.kind == MentionKind::Person
                && !one_word(&mention.value)
                && NOT_SURNAMES.contains(&last)
        },
    );
    mentions.drop_where(
        NAME,
        "holds `and`, or `&` between more than two surnames: two names, neither a name alone \
         (`Uzi and Fal`, `Matt Lucas & David Walliams`)",
        |mention| {
            mention.kind == MentionKind::Person
                && (mention.value.contains(" and ")
                    || (mention.value.contains(" & ") && !is_partners_firm(&mention.value)))
        },
    );
    mentions.drop_where(
        NAME,
        "holds a figure: a product or a thing (`Casio QV-10`), no person's name",
        |mention| {
            mention.kind == MentionKind::Person
                && mention
                    .value
                    .contains(|character: char| character.is_ascii_digit())
        },
    );
    mentions.drop_where(NAME, "a form of address alone (`Mr`)", |mention| {
        mention.kind == MentionKind::Person && HONORIFICS.contains(&mention.value.as_str())
    });
    mentions.drop_where(
        NAME,
        "a holiday (`Christmas`), or a title after a name (`Vice President`): no person",
        |mention| {
            mention.kind == MentionKind::Person
                && (HOLIDAYS.contains(&mention.value)
                    || (!one_word(&mention.value) && ends_in_title(&mention.value)))
        },
    );
    mentions.drop_where(
        NAME,
        "the article also writes it in lowercase, as a common word",
        |mention| {
            mention.kind == MentionKind::Person
                && one_word(&mention.value)
                && article.words.writes_in_lowercase(&mention.value)
        },
    );
    // A surname that is a word too (`Given`, `Law`) stands alone in
    // reports on sport, and a speaker is someone (`Fireman said`).
    let speaks = |value: &str| {
        mentions.list.iter().any(|mention| {
            mention.kind == MentionKind::Person && mention.value == value && article.speaks(mention)
        })
    };
    let common: Vec<String> = mentions
        .list
        .iter()
        .filter(|mention| {
            mention.is_kept_as(MentionKind::Person)
                && mention.is_tagged()
                && one_word(&mention.value)
                && mention.value.chars().any(char::is_lowercase)
                && is_common_word(&mention.value)
                && !speaks(&mention.value)
        })
        .map(|mention| mention.value.clone())
        .collect();
    if !common.is_empty() && !article.is_about_sport() {
        mentions.drop_where(
            NAME,
            "one common English word, never a speaker, in an article on no sport (`Return`, `Kids`): a capitalised word, no surname",
            |mention| mention.kind == MentionKind::Person && common.contains(&mention.value),
        );
    }
    mentions.drop_where(
        NAME,
        "the article writes each of its words in lowercase: common words (a row of a table)",
        |mention| {
            mention.kind == MentionKind::Person
                && !one_word(&mention.value)
                && mention
                    .value
                    .split([' ', '-'])
                    .all(|word| article.words.writes_in_lowercase(word))
        },
    );
    mentions.drop_where(
        NAME,
        "ends in a lowercase word: a name run on into the sentence",
        |mention| {
            mention.kind == MentionKind::Person && {
                let last = last_word(&mention.value);
                last.starts_with(|c: char| c.is_lowercase()) && !is_joined_surname(last)
            }
        },
    );
    mentions.drop_where(
        NAME,
        "one word after `a` or `an`: a noun's modifier (`a Reuter survey`)",
        |mention| {
            mention.kind == MentionKind::Person
                && one_word(&mention.value)
                && article.after_indefinite_article(mention)
        },
    );
    mentions.drop_where(
        NAME,
        "one word after a capitalised word and `of`, `for` or `and`: the end of an \
         organization's name (`Ministry of Agriculture`, `Food and Agriculture`)",
        |mention| {
            mention.kind == MentionKind::Person
                && one_word(&mention.value)
                && ends_a_longer_name(article, mention)
        },
    );
    mentions.drop_where(
        NAME,
        "a place noun last, no given name first, and `on`, `at` or `in` before: a place \
         (`on Capitol Hill`)",
        |mention| {
            if mention.kind != MentionKind::Person {
                return false;
            }
            // A name of one word has a first word and no last one.
            let (first, last) = match mention.value.split_once(' ') {
                Some((first, _)) => (first, last_word(&mention.value)),
                None => (mention.value.as_str(), ""),
            };
            let place_noun = PLACE_NOUNS.contains(&last) || GEOGRAPHIC_WORDS.contains(last);
            if !place_noun || gazetteer.is_given_name(first) {
                return false;
            }
            let (before, _) = article.around(mention);
            before
                .split_whitespace()
                .next_back()
                .is_some_and(|word| matches!(word, "on" | "at" | "in" | "near" | "from"))
        },
    );
    // `students in Oxford and Harvard`: a word joined by `and` to a place
    // after a preposition of place is a place too.
    let placed_ends: Vec<(Field, usize)> = mentions
        .kept(MentionKind::Location)
        .filter(|place| after_place_preposition(article, place) && super::is_listed(place))
        .map(|place| (place.field, place.offset + place.text.len()))
        .collect();
    mentions.drop_where(
        NAME,
        "one word joined by `and` to a place after `in` or `at`: a place (`in Oxford and Harvard`)",
        |mention| {
            mention.kind == MentionKind::Person
                && one_word(&mention.value)
                && !is_known_organization(&mention.value)
                && article
                    .around(mention)
                    .0
                    .strip_suffix(" and ")
                    .is_some_and(|front| placed_ends.contains(&(mention.field, front.len())))
        },
    );
    mentions.drop_where(
        NAME,
        "joined to another word by a slash: a unit or a pair of terms (`Dlrs/Bu`)",
        |mention| {
            let (before, after) = article.around(mention);
            mention.kind == MentionKind::Person && (before.ends_with('/') || after.starts_with('/'))
        },
    );
    mentions.drop_where(
        NAME,
        "a word and a month, no given name: a market's contract month (`Near May`)",
        |mention| {
            mention.kind == MentionKind::Person
                && mention.value.split_once(' ').is_some_and(|(first, last)| {
                    DATE_WORDS.contains(last) && !gazetteer.is_given_name(first)
                })
        },
    );
    let mut numbered: Vec<String> = Vec::new();
    mentions.drop_where(
        NAME,
        "a word and a roman numeral, no given name: a level, a grade or a title (`Level IV`)",
        |mention| {
            let mut words = mention.value.split(' ');
            let first = words.next().unwrap_or("");
            let last = words.next_back().unwrap_or("");
            let level = mention.kind == MentionKind::Person
                && is_roman_numeral(last)
                && !gazetteer.is_given_name(first);
            if level && !numbered.iter().any(|known| known == first) {
                numbered.push(first.to_string());
            }
            level
        },
    );
    mentions.drop_where(
        NAME,
        "the word of a level or grade the article numbers (`Level` of `Level IV`)",
        |mention| mention.kind == MentionKind::Person && numbered.contains(&mention.value),
    );
    let mixed_case_body = !article.body.tokens.is_empty() && !article.body.shouting;
    mentions.drop_where(
        NAME,
        "one word in capitals in an article in mixed case: a sign-off or an acronym",
        |mention| {
            mixed_case_body
                && mention.kind == MentionKind::Person
                && one_word(&mention.value)
                && mention.value.chars().count() >= 2
                && !mention.value.chars().any(char::is_lowercase)
        },
    );
}

/// Whether a word is a roman numeral of two letters or more (`II`, `IV`,
/// `XIV`); `I`, `V` and `X` alone are initials as often.
fn is_roman_numeral(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The lowercase words after which a leader's name stands for a
/// government (`the Reagan administration`); not `government`, which
/// follows parties as often (`the Conservative government`).
const GOVERNMENT_WORDS: &[&str] = &["administration", "presidency"];

/// Makes one-word organizations right before a government word persons:
/// the leader named for the government (`the Reagan administration`).
pub fn find_leaders_named_for_governments(mentions: &mut Mentions, article: ArticleText) {
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        if !mention.is_kept_as(MentionKind::Organization) || mention.text.contains(' ') {
            continue;
        }
        let next_word = article.next_word(mention);
        let mixed_case = mention.text.chars().any(char::is_lowercase);
        if !mixed_case || !GOVERNMENT_WORDS.contains(&next_word) {
            continue;
        }
        let written = mention.text.clone();
        mention.log_change(explain, "leader's name", || {
            format!(
                "organization {written:?} → person: a leader named for a government ({next_word})"
            )
        });
        mention.kind = MentionKind::Person;
    }
}

/// Last words of companies' names that the tagger reads in persons'
/// names, besides the company endings of the vocabulary.
const FIRM_WORDS: &[&str] = &[
    "Brothers",
    "International",
    "Bros",
    "Research",
    "Networks",
    "Communications",
    "Electronics",
    "Software",
    "Labs",
    "Laboratories",
    "Pharmaceuticals",
    "Entertainment",
    "Records",
    "Studios",
    "Pictures",
    "Investments",
    "Ventures",
    "Associates",
    "Foods",
    "Products",
    "Stores",
    "Brands",
    "Enterprises",
];

/// First words of companies' names in French, Spanish, Italian and
/// Portuguese (`Banque Nationale de Paris`, `Caisse des Depots`,
/// `Sociedad Espanola de Automoviles`), which the tagger, trained on
/// English, reads as given names.
const FIRM_FIRST_WORDS: &[&str] = &[
    "Banca",
    "Banco",
    "Banque",
    "Caisse",
    "Caja",
    "Cie",
    "Compagnie",
    "Compania",
    "Companhia",
    "Credit",
    "Credito",
    "Groupe",
    "Grupo",
    "Regie",
    "Sociedad",
    "Societa",
    "Societe",
    "Société",
    "Crédit",
    "Compañía",
];

/// Makes the persons named like companies organizations (see the module
/// header).
pub fn make_companies_organizations(mentions: &mut Mentions) {
    let persons = mentions.values(MentionKind::Person);
    let gazetteer = Gazetteer::get();
    let mut firms: Vec<&String> = Vec::new();
    for person in &persons {
        let last = last_word(person);
        let firm_ending =
            person.contains(' ') && (COMPANY_ENDINGS.contains(last) || FIRM_WORDS.contains(&last));
        let lower = person.to_lowercase();
        let firm_word = !person.contains(' ')
            && person.len() > 5
            && (lower.ends_with("corp") || lower.ends_with("bank"));
        let known = is_known_organization(person) || is_partners_firm(person);
        // `Sony Ericsson`, `Airbus Industrie`: a company known by one word
        // first (not a given name); `Banque Nationale de Paris`: a word
        // that begins companies' names.
        let (first, rest) = person.split_once(' ').unwrap_or((person, ""));
        let known_first = !rest.is_empty()
            && (KNOWN_ORGANIZATIONS.contains(first) || FIRM_FIRST_WORDS.contains(&first))
            && !gazetteer.is_given_name(first);
        // `Tory Liam Fox`: a party before a person's name of two words or
        // more.
        let party_first = gazetteer.organization(first).is_some()
            && rest.contains(' ')
            && rest
                .split(' ')
                .all(|word| word.starts_with(|c: char| c.is_uppercase()));
        if party_first {
            mentions.rename_value(
                MentionKind::Person,
                person,
                (MentionKind::Person, rest),
                "party before a name",
                "a party written before a person's name: the person",
            );
            continue;
        }
        if firm_ending || firm_word || known || known_first {
            mentions.rename_value(
                MentionKind::Person,
                person,
                (MentionKind::Organization, person),
                "a company",
                "named as companies are",
            );
            firms.push(person);
        }
    }
    // `Wang` beside `Wang Laboratories`: the firm, named by its first
    // word, when it begins no other firm's name.
    for person in &persons {
        let begun: Vec<&String> = firms
            .iter()
            .copied()
            .filter(|firm| {
                firm.strip_prefix(person.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
            })
            .collect();
        if let [firm] = begun[..] {
            mentions.rename_value(
                MentionKind::Person,
                person,
                (MentionKind::Organization, firm),
                "a company",
                "the first words of a company's name the article writes",
            );
        }
    }
}

/// Drops the persons of several words each of which is a common English
/// word (`Currency Units`, `Age Concern`, `Pop Idol`): a thing's or a
/// group's name, no person's. English's common words leave out those that
/// are names too (`Will`, `Young`, `Rose`, `Baker`). Run after the
/// companies' and the bands' resolvers, which make some of them
/// organizations (`Electronic Arts`, `Standard Chartered`).
pub fn drop_common_word_names(mentions: &mut Mentions) {
    // Each name once: a person is written several times.
    let mut names: Vec<&str> = mentions
        .kept(MentionKind::Person)
        .map(|mention| mention.value.as_str())
        .filter(|value| value.contains(' '))
        .collect();
    names.sort_unstable();
    names.dedup();
    // A given name is no common word: most names are passed over by a
    // look-up in a hash set rather than a search of the lexicon.
    let gazetteer = Gazetteer::get();
    let common: Vec<String> = names
        .into_iter()
        .filter(|value| {
            !gazetteer.is_given_name(first_word(value)) && value.split(' ').all(is_common_word)
        })
        .map(str::to_string)
        .collect();
    if common.is_empty() {
        return;
    }
    mentions.drop_where(
        "not a person",
        "every word a common English word (`Currency Units`, `Age Concern`, `Pop Idol`): a \
         thing's or a group's name",
        |mention| mention.kind == MentionKind::Person && common.contains(&mention.value),
    );
}

/// Lowercase words for what only a person is, before a name
/// (`actresses Cate Blanchett and`, `co-star Morgan Freeman`).
const PERSONS_NOUNS: [&str; 18] = [
    "stars",
    "co-stars",
    "actor",
    "actress",
    "actors",
    "actresses",
    "co-star",
    "singer",
    "comedian",
    "presenter",
    "rapper",
    "novelist",
    "playwright",
    "film-maker",
    "striker",
    "midfielder",
    "goalkeeper",
    "spokeswoman",
];

/// Makes persons of the organizations that only the tagger read, named as
/// persons are (two or three capitalised words, none an organization's),
/// that the article writes once after a word for what only a person is
/// (`including actresses Cate Blanchett`), or after `and` and a person so
/// written (`stars Leonardo DiCaprio and Cate Blanchett`): every mention
/// of the name.
pub fn make_performers_persons(mentions: &mut Mentions, article: ArticleText) {
    // The persons written after such a word, where each ends, for a name
    // after them and `and` (`stars Leonardo DiCaprio and Cate Blanchett`).
    let performers_end: Vec<(Field, usize)> = mentions
        .kept(MentionKind::Person)
        .filter(|mention| PERSONS_NOUNS.contains(&article.word_before(mention)))
        .map(|mention| (mention.field, mention.offset + mention.text.len()))
        .collect();
    let after_a_performer = |mention: &Mention| {
        let (before, _) = article.around(mention);
        before
            .strip_suffix(" and ")
            .is_some_and(|front| performers_end.contains(&(mention.field, front.len())))
    };
    let performers: Vec<String> = mentions
        .kept(MentionKind::Organization)
        .filter(|mention| {
            mention.is_tagged()
                && (PERSONS_NOUNS.contains(&article.word_before(mention))
                    || after_a_performer(mention))
                && is_person_shaped(&mention.value)
        })
        .map(|mention| mention.value.clone())
        .collect();
    mentions.change_kind(
        &performers,
        (MentionKind::Organization, MentionKind::Person),
        "a performer",
        "the article writes the name after a word for what only a person is (`actress`, \
         `singer`, `striker`)",
    );
}

/// Words before a name that call it a band (`rock band Franz Ferdinand`);
/// a person is none. Not `group`, written before a firm's officer's name
/// (`Moulinex group President Jean Mantelet`). The `called` resolver reads
/// `band` too, but after [`drop_common_word_names`], which would drop
/// `Bristol band Massive Attack` first; running that drop after `called`
/// instead lost as many right organizations as it kept (`Abbey National`,
/// `Greyhound Lines` against `Tulip Computers`, `Focus Features`).
const BAND_NOUNS: [&str; 3] = ["band", "rockers", "outfit"];

/// Words after a name for a band's singer, whom a person has not
/// (`Franz Ferdinand frontman Alex Kapranos`).
const BAND_FRONTS: [&str; 3] = [" frontman ", " frontwoman ", " lead singer "];

/// Makes organizations of the persons an article calls bands (see the
/// module header): the name after a word for a band or before its
/// frontman's name. A verb of the plural after the name tells nothing
/// (`chairman Paul Volcker have told`, where the subject is a list; `cuts
/// proposed by Oliver Letwin were`).
pub fn make_bands_organizations(mentions: &mut Mentions, article: ArticleText) {
    let bands: Vec<String> = mentions
        .kept(MentionKind::Person)
        .filter(|mention| mention.value.contains(' ') && is_called_a_band(mention, article))
        .map(|mention| mention.value.clone())
        .collect();
    mentions.change_kind(
        &bands,
        (MentionKind::Person, MentionKind::Organization),
        "a band",
        "the article calls the name a band (`rock band Franz Ferdinand`, `Franz Ferdinand \
         frontman Alex Kapranos`)",
    );
}

/// Plurals that end bands' names and no person's (`Scissor Sisters`,
/// `Beastie Boys`); not `Brothers`, which ends firms' names that the
/// companies' resolver makes organizations (`Salomon Brothers`).
const BAND_PLURALS: [&str; 3] = ["Sisters", "Boys", "Girls"];

/// Whether a person's mention is a band's: its name ends in a band's
/// plural, or the words around it call it a band.
fn is_called_a_band(mention: &Mention, article: ArticleText) -> bool {
    if BAND_PLURALS.contains(&last_word(&mention.value)) {
        return true;
    }
    if BAND_NOUNS.contains(&article.word_before(mention)) {
        return true;
    }
    let after = article.around(mention).1;
    BAND_FRONTS.iter().any(|front| {
        after
            .strip_prefix(front)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// Whether a name is two surnames joined by `&`, a firm of partners
/// (`Longely & Dahling`, `Marsh & McLennan`, `Ernst & Whinney`), rather
/// than two people (`Richard & Judy`, `Matt Lucas & David Walliams`).
fn is_partners_firm(name: &str) -> bool {
    let gazetteer = Gazetteer::get();
    name.split_once(" & ").is_some_and(|(first, second)| {
        [first, second]
            .iter()
            .all(|side| !side.contains(' ') && !gazetteer.is_given_name(side))
    })
}

/// The persons the rules found once the surnames are resolved, for tests.
#[cfg(test)]
pub fn persons_of(found: super::super::entities::Found, body: &str) -> Vec<String> {
    persons_of_article(found, "", body)
}

/// The persons of an article of this headline and body (see
/// [`persons_of`]).
#[cfg(test)]
pub fn persons_of_article(
    found: super::super::entities::Found,
    title: &str,
    body: &str,
) -> Vec<String> {
    use super::super::tagger::features::ArticleWords;
    use super::super::tokens::analyse;
    let mut mentions = Mentions::of(found.mentions, false);
    let tokenized = analyse(body);
    let words = ArticleWords::of(&[&tokenized]);
    let article = ArticleText {
        title_text: title,
        body_text: body,
        body: &tokenized,
        words: &words,
    };
    mentions.sort_by_position();
    resolve_surnames(&mut mentions, article);
    mentions.values(MentionKind::Person)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{body_mention, mentions_in, mentions_of_kinds, with_body};
    use super::*;
    use crate::enrich::entities::{Found, Zone, find_in};
    use crate::enrich::tagger::features::ArticleWords;
    use crate::enrich::tokens::analyse;

    use super::persons_of;

    fn found(text: &str, zone: Zone) -> Found {
        let mut found = Found::default();
        find_in(&mut found, text, zone);
        found
    }

    #[test]
    fn a_surname_is_the_full_name_that_holds_it() {
        let text = "Treasury Secretary James Baker said. Later Mr Baker added. Mr Volcker agreed.";
        assert_eq!(
            persons_of(found(text, Zone::Body), text),
            vec!["James Baker", "Volcker"]
        );
        let nested = "Karl Otto Poehl said so, and Otto Poehl said it again.";
        let mut both = found(nested, Zone::Body);
        let at = both.mentions[0].clone();
        both.mentions.push(crate::enrich::mentions::Mention {
            text: "Otto Poehl".into(),
            value: "Otto Poehl".into(),
            offset: 40,
            ..at
        });
        assert_eq!(persons_of(both, nested), vec!["Karl Otto Poehl"]);
    }

    #[test]
    fn a_name_heading_an_organization_s_in_any_case_is_the_firm() {
        let verdicts = full_name_verdicts(
            &["Merrill Lynch", "HUGHES TOOL", "Hughes", "John Smith"],
            &[
                "Merrill Lynch Capital Markets Inc",
                "Hughes Tool Co",
                "Smithson Inc",
            ],
        );
        let dropped: Vec<&str> = verdicts
            .iter()
            .filter(|(_, verdict)| matches!(verdict, Verdict::Drop(_)))
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(dropped, ["Merrill Lynch", "HUGHES TOOL", "Hughes"]);
    }

    #[test]
    fn a_leader_named_for_a_government_is_a_person() {
        let body_text =
            "The scandal scarred the Reagan\nadministration, and Exxon said costs rose.";
        let body = analyse(body_text);
        let words = ArticleWords::of(&[&body]);
        let article = ArticleText {
            title_text: "",
            body_text,
            body: &body,
            words: &words,
        };
        let mut mentions = Mentions::default();
        for name in ["Reagan", "Exxon"] {
            let offset = body_text.find(name).unwrap();
            mentions.push(body_mention(name, MentionKind::Organization, offset));
        }
        find_leaders_named_for_governments(&mut mentions, article);
        assert_eq!(mentions.values(MentionKind::Person), vec!["Reagan"]);
        assert_eq!(mentions.values(MentionKind::Organization), vec!["Exxon"]);
    }

    #[test]
    fn an_organization_after_a_word_for_a_performer_is_a_person() {
        let body = "It included actresses Cate Blanchett and Helena Bonham-Carter, beside \
                    Cate Blanchett, director Pixar Studios and actor Acme Group.";
        let names = [
            "Cate Blanchett",
            "Helena Bonham-Carter",
            "Pixar Studios",
            "Acme Group",
        ];
        let mut mentions = mentions_in(body, &names, MentionKind::Organization);
        let second = body.rfind("Cate Blanchett").unwrap();
        mentions.push(body_mention(
            "Cate Blanchett",
            MentionKind::Organization,
            second,
        ));
        with_body(body, |article| {
            make_performers_persons(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Cate Blanchett"],
            "every mention; not a name after `director` nor one with an organization's word"
        );
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Helena Bonham-Carter", "Pixar Studios", "Acme Group"]
        );
        // After `and` and a person written after such a word.
        let body = "The stars Leonardo DiCaprio and Cate Blanchett came, as did \
                    Martin Scorsese and Harvey Weinstein.";
        let mut mentions = mentions_of_kinds(
            body,
            &[
                ("Leonardo DiCaprio", MentionKind::Person),
                ("Cate Blanchett", MentionKind::Organization),
                ("Martin Scorsese", MentionKind::Person),
                ("Harvey Weinstein", MentionKind::Organization),
            ],
        );
        with_body(body, |article| {
            make_performers_persons(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Leonardo DiCaprio", "Cate Blanchett", "Martin Scorsese"]
        );
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Harvey Weinstein"],
            "a person after one no word calls a performer"
        );
    }

    #[test]
    fn a_word_joined_to_a_place_after_in_is_no_person() {
        use MentionKind::*;
        let body = "Students in Oxford and Harvard read it, as did those in \
                    Zorbland and Quimby, and in Oxford and Ericsson.";
        let mut mentions = mentions_of_kinds(
            body,
            &[
                ("Oxford", Location),
                ("Harvard", Person),
                ("Zorbland", Location),
                ("Quimby", Person),
            ],
        );
        let at = body.rfind("Oxford").unwrap();
        mentions.push(body_mention("Oxford", Location, at));
        let at = body.find("Ericsson").unwrap();
        mentions.push(body_mention("Ericsson", Person, at));
        mentions.sort_by_position();
        with_body(body, |article| drop_non_persons(&mut mentions, article));
        assert_eq!(
            mentions.values(Person),
            vec!["Quimby", "Ericsson"],
            "not after a place no list knows, nor a known firm"
        );
    }

    #[test]
    fn a_name_of_common_words_only_is_no_person() {
        let mut mentions = Mentions::default();
        for name in [
            "Currency Units",
            "Age Concern",
            "Will Young",
            "Rose Baker",
            "Winter",
        ] {
            mentions.push(body_mention(name, MentionKind::Person, 0));
        }
        drop_common_word_names(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Will Young", "Rose Baker", "Winter"],
            "words that are names too, and one word alone, stay"
        );
    }

    #[test]
    fn a_name_called_a_band_is_an_organization() {
        let body = "Scottish rock band Franz Ferdinand won, and Green Day frontman Billie \
                    Armstrong sang for Moulinex group President Jean Mantelet, Tony Blair and \
                    the Scissor Sisters.";
        let mut mentions = mentions_in(
            body,
            &[
                "Franz Ferdinand",
                "Green Day",
                "Billie Armstrong",
                "Jean Mantelet",
                "Tony Blair",
                "Scissor Sisters",
            ],
            MentionKind::Person,
        );
        with_body(body, |article| {
            make_bands_organizations(&mut mentions, article)
        });
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec!["Franz Ferdinand", "Green Day", "Scissor Sisters"]
        );
    }

    #[test]
    fn a_person_named_as_companies_are_is_an_organization() {
        let mut mentions = Mentions::default();
        let at = crate::enrich::mentions::At {
            zone: Zone::Body,
            field: crate::enrich::mentions::Field::Body,
            offset: 0,
        };
        for name in [
            "Shearson Lehman Brothers",
            "Baker International",
            "Citicorp",
            "Jorio Dauster",
            "Bank",
            "Sony",
            "Lib Dem",
            "Jupiter Research",
            "Jupiter",
            "Sony Ericsson",
            "Zara Hyde Peters",
            "Tory Liam Fox",
            "Banque Nationale de Paris",
            "Caisse des Depots",
            "Longely & Dahling",
        ] {
            mentions.push(crate::enrich::mentions::Mention::new(
                name,
                MentionKind::Person,
                at,
                crate::enrich::mentions::Source::Tagger { margin: 9.0 },
            ));
        }
        make_companies_organizations(&mut mentions);
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Jorio Dauster", "Bank", "Zara Hyde Peters", "Liam Fox"]
        );
        assert_eq!(
            mentions.values(MentionKind::Organization),
            vec![
                "Shearson Lehman Brothers",
                "Baker International",
                "Citicorp",
                "Sony",
                "Lib Dem",
                "Jupiter Research",
                "Sony Ericsson",
                "Banque Nationale de Paris",
                "Caisse des Depots",
                "Longely & Dahling"
            ]
        );
    }

    #[test]
    fn a_headline_surname_counts_when_the_body_writes_it() {
        let headline = found("PRESIDENT REAGAN VETOES BILL", Zone::Title);
        assert_eq!(
            persons_of(headline.clone(), "Reagan told reporters"),
            vec!["Reagan"]
        );
        assert!(persons_of(headline, "Reaganomics is back.").is_empty());
    }

    #[test]
    fn a_given_name_alone_is_no_person_unless_a_title_precedes_it() {
        let body = "Andy left. President Clinton said Clinton would stay.";
        let mut mentions = mentions_in(body, &["Andy", "Clinton"], MentionKind::Person);
        let at = body.rfind("Clinton").unwrap();
        mentions.push(body_mention("Clinton", MentionKind::Person, at));
        with_body(body, |article| drop_non_persons(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Person), vec!["Clinton"]);
        assert_eq!(mentions.kept(MentionKind::Person).count(), 2);
    }

    #[test]
    fn one_common_english_word_is_no_person_unless_it_speaks_or_plays() {
        let body = "Kids cheered. Fireman said Return was near, and Brown agreed.";
        let names = ["Kids", "Fireman", "Return", "Brown"];
        let mut mentions = mentions_in(body, &names, MentionKind::Person);
        with_body(body, |article| drop_non_persons(&mut mentions, article));
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec!["Fireman", "Brown"],
            "a speaker, and a word that is a surname too, stay"
        );
        let sport = "Given saved twice as Newcastle won the match 2-1.";
        let mut mentions = mentions_in(sport, &["Given"], MentionKind::Person);
        with_body(sport, |article| drop_non_persons(&mut mentions, article));
        assert_eq!(mentions.values(MentionKind::Person), vec!["Given"]);
    }

    #[test]
    fn a_common_word_or_a_shouted_word_is_no_person() {
        let body_text = "Coffee prices rose. Traders said coffee stocks were low. REUTER";
        let body = analyse(body_text);
        let words = ArticleWords::of(&[&body]);
        let article = ArticleText {
            title_text: "",
            body_text,
            body: &body,
            words: &words,
        };
        let mut mentions = Mentions::default();
        for name in [
            "Coffee",
            "REUTER",
            "Jorio Dauster",
            "Andy",
            "Andy Caddick",
            "Coffee Prices",
            "Norodom Sihanouk on",
            "Third World",
            "Commerce Departments",
            "Foreign Ministries",
            "Paul Banks",
            "Downing Street",
            "Marshall Plan",
            "Colin McRae Rally",
            "Davis Cup",
            "Graham Norton Show",
            "Diane Lane",
            "Mr",
            "Lord",
            "Uzi and Fal",
            "Matt Lucas & David Walliams",
            "Richard & Judy",
            "Christmas",
            "Vice President",
            "Terrorism Bill",
            "Sage Centre",
            "Mervyn King",
            "Casio QV-10",
            "Douglas DC-10",
            "Executive of AOL UK",
            "Prince of Wales",
        ] {
            mentions.push(body_mention(name, MentionKind::Person, 0));
        }
        drop_non_persons(&mut mentions, article);
        assert_eq!(
            mentions.values(MentionKind::Person),
            vec![
                "Jorio Dauster",
                "Andy Caddick",
                "Paul Banks",
                "Diane Lane",
                "Mervyn King",
                "Prince of Wales"
            ]
        );
        let body_text = "Asked about a Reuter survey, Lyng said Reuter was right.";
        let mut modifier = Mentions::default();
        for (offset, _) in body_text.match_indices("Reuter") {
            modifier.push(body_mention("Reuter", MentionKind::Person, offset));
        }
        with_body(body_text, |article| {
            drop_non_persons(&mut modifier, article)
        });
        let kept: Vec<usize> = modifier
            .kept(MentionKind::Person)
            .map(|mention| mention.offset)
            .collect();
        assert_eq!(kept, vec![39], "only after `a`");
        let body_text = "Prices (Dlrs/Bu-Sorghum Cwt) rose. Level IV grain. Pope John Paul II \
                         spoke. Near May fell, Theresa May said. Level V";
        let mut units = Mentions::default();
        for name in [
            "Dlrs",
            "Bu-Sorghum Cwt",
            "Level IV",
            "John Paul II",
            "Near May",
            "Theresa May",
        ] {
            let offset = body_text.find(name).expect("in the body");
            units.push(body_mention(name, MentionKind::Person, offset));
        }
        let offset = body_text.rfind("Level").expect("in the body");
        units.push(body_mention("Level", MentionKind::Person, offset));
        with_body(body_text, |article| drop_non_persons(&mut units, article));
        assert_eq!(
            units.values(MentionKind::Person),
            vec!["John Paul II", "Theresa May"]
        );
        let body_text = "The U.K. Ministry\nof Agriculture said, Sartaj Aziz, adviser on Food and \
                         Agriculture, agreed with Smith and Jones on food aid at Capitol Hill, \
                         where Damon Hill and Darryn Hill spoke.";
        let mut longer = Mentions::default();
        for name in [
            "Agriculture",
            "Sartaj Aziz",
            "Jones",
            "Capitol Hill",
            "Damon Hill",
            "Darryn Hill",
        ] {
            for (offset, _) in body_text.match_indices(name) {
                longer.push(body_mention(name, MentionKind::Person, offset));
            }
        }
        with_body(body_text, |article| drop_non_persons(&mut longer, article));
        assert_eq!(
            longer.values(MentionKind::Person),
            vec!["Sartaj Aziz", "Jones", "Damon Hill", "Darryn Hill"],
            "the ends of organizations' names and a place are no persons"
        );
        let empty = analyse("");
        let headline_only = ArticleText {
            title_text: "",
            body_text: "",
            body: &empty,
            words: &words,
        };
        let mut shouted = Mentions::default();
        shouted.push(body_mention("VOLCKER", MentionKind::Person, 0));
        drop_non_persons(&mut shouted, headline_only);
        assert_eq!(shouted.values(MentionKind::Person), vec!["VOLCKER"]);
    }
}
