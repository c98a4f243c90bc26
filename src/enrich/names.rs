//! The tagger as a source of mentions: the names the [`super::tagger`]
//! finds in an article, each tagged span cut at a possessive (not a
//! sovereign's: `Queen's Park`), at a line break after a short line and at
//! a comma (not inside a firm of partners: `Goldman, Sachs and Co`; a
//! state's abbreviation after a city dropped), split at a title inside it
//! (`Fed Chair Jerome Powell`), run on over a station's number (`Channel
//! 4`), relabelled by the rules' surest cues (`Chrysler Corp` is an
//! organization, `Lord Falconer` a person), and a person must clear a
//! margin. The resolvers of
//! [`super::resolve`] then weigh these mentions against the rules'.

use super::entities::{Zone as EntityZone, is_abbreviated_company_ending, title_case};
use super::gazetteer::Gazetteer;
use super::lexicon::is_common_word;
use super::mentions::{At, Field, Mention, MentionKind, Source, last_word};
use super::tagger::features::{ArticleWords, Sentence, Zone};
use super::tagger::{Label, Name, Tagger};
use super::tokens::{Token, Tokenized};
use super::vocabulary::{
    COMPANY_ENDINGS, KNOWN_ACRONYMS, ORGANIZATION_ENDINGS, PERSON_TITLES, ROLES_BEFORE_NAMES,
    WordList,
};

/// The lead over the runner-up tag that a person name's every word needs,
/// in the model's units: the tagger finds more persons than the articles
/// name, and a name it barely prefers is more often a team, a place or a
/// capitalised word (chosen on the CoNLL-2003 development split: precision
/// 0.885 → 0.931, recall 0.947 → 0.925).
const PERSON_MARGIN: f32 = 4.0;

/// The lead a person name needs: twice [`PERSON_MARGIN`] for one word
/// (`Wells`, `Return`), a quarter of it in a headline, where capitals
/// give the tagger less to go on (`TREASURY'S BAKER SAYS`).
fn person_margin(name: &Name, zone: Zone) -> f32 {
    let words = if name.end - name.start == 1 { 2.0 } else { 1.0 };
    let place = if zone == Zone::Headline { 0.25 } else { 1.0 };
    PERSON_MARGIN * words * place
}

/// Tags an article's headline and body: the tagger's mentions, and what
/// the article's own text says of its words.
pub fn tag_article(
    headline: (&str, &Tokenized),
    body: (&str, &Tokenized),
) -> (Vec<Mention>, ArticleWords) {
    let words = ArticleWords::of(&[headline.1, body.1]);
    let in_headline = names_in(headline.0, headline.1, Zone::Headline, &words);
    let in_body = names_in(body.0, body.1, Zone::Body, &words);
    let mut mentions = Vec::with_capacity(in_headline.len() + in_body.len());
    mentions.extend(in_headline);
    mentions.extend(in_body);
    (mentions, words)
}

/// The kind of mention a tagger label gives.
fn kind_of(label: Label) -> MentionKind {
    match label {
        Label::Person => MentionKind::Person,
        Label::Organization => MentionKind::Organization,
        Label::Location => MentionKind::Location,
        Label::Misc => MentionKind::Misc,
    }
}

/// The most words a name has (`Abdulaziz bin Abdulrahman bin Faisal Al
/// Saud` has seven): a longer tagged span is a run of capitalised words, a
/// table heading or `Mr. Mr. Mr.`, not a name.
const MAX_NAME_WORDS: usize = 10;

/// The names the tagger finds in one text, each with its label, after the
/// rules that correct it: a person needs its margin, is no acronym in
/// running text and does not end in a single letter (`Class B`, the `P` of
/// `S/P`); a name that ends in a company or organization word (`Chrysler
/// Corp said`) or is a known acronym (`FED`) is an organization.
fn names_in(text: &str, tokenized: &Tokenized, zone: Zone, words: &ArticleWords) -> Vec<Mention> {
    let tokens = &tokenized.tokens;
    let sentence = Sentence::new(tokenized, zone, words);
    let names = Tagger::get().names(&sentence);
    let mut found = Vec::with_capacity(names.len());
    for tagged in names {
        let tagged = extend_by_number(text, tokens, extend_by_particles(text, tokens, tagged));
        let tagged = cut_at_possessive(tokens, tagged);
        let mut parts = split_at_punctuation(text, tokens, tagged);
        place_cities_and_states(text, tokens, &mut parts);
        for name in parts
            .into_iter()
            .flat_map(|part| split_at_title(tokens, part))
        {
            let words_of_name = &tokens[name.start..name.end];
            if name.end - name.start > MAX_NAME_WORDS || is_acronym_plural(words_of_name) {
                continue;
            }
            let peer = is_peer(words_of_name) && !is_organization_name(words_of_name);
            let label = match name.label {
                Label::Organization | Label::Location if peer => Label::Person,
                Label::Person if is_organization_name(words_of_name) => Label::Organization,
                Label::Location
                    if is_known_acronym(words_of_name) || ends_as_company(words_of_name) =>
                {
                    Label::Organization
                }
                label => label,
            };
            if label == Label::Person && !peer {
                let weak = name.margin < person_margin(&name, zone);
                let acronym = !tokenized.shouting && is_acronym(words_of_name);
                let lettered = words_of_name
                    .last()
                    .is_some_and(|last| last.text.chars().count() == 1);
                if weak || acronym || lettered {
                    continue;
                }
            }
            if let Some(mut written) = name_text(text, tokens, name) {
                // One spelling per company: `Hughes Tool Co.` at the end of
                // a sentence is `Hughes Tool Co`, as the rules write it.
                let last = last_word(&written);
                let abbreviated_ending = last.ends_with('.') && is_abbreviated_company_ending(last);
                if label == Label::Organization && abbreviated_ending {
                    written.pop();
                }
                let (entity_zone, field) = match zone {
                    Zone::Headline => (EntityZone::Title, Field::Title),
                    Zone::Body => (EntityZone::Body, Field::Body),
                };
                let at = At {
                    zone: entity_zone,
                    field,
                    offset: tokens[name.start].start,
                };
                let source = Source::Tagger {
                    margin: name.margin,
                };
                found.push(Mention::of_text(written, kind_of(label), at, source));
            }
        }
    }
    found
}

/// Whether a name is one acronym in the plural (`TVs`, `MPs`, `DVDs`): a
/// common noun, whatever its capitals.
fn is_acronym_plural(words: &[Token]) -> bool {
    let [word] = words else {
        return false;
    };
    word.text.strip_suffix('s').is_some_and(|acronym| {
        acronym.len() >= 2 && acronym.bytes().all(|byte| byte.is_ascii_uppercase())
    })
}

/// Whether a name ends in a company or organization word (`Corp`, `Inc`,
/// `Ministry`) or is a known acronym in any case (`FED`): the rules'
/// surest cues, which the tagger sometimes misses.
fn is_organization_name(words: &[Token]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    let ending = COMPANY_ENDINGS.contains(last.text) || ORGANIZATION_ENDINGS.contains(last.text);
    ending || is_known_acronym(words)
}

/// Whether words name a city, a state or a country the gazetteer knows.
fn is_known_place(words: &[Token]) -> bool {
    let name = words
        .iter()
        .map(|word| word.text)
        .collect::<Vec<_>>()
        .join(" ");
    let gazetteer = Gazetteer::get();
    gazetteer.is_city_or_state(&name) || gazetteer.is_country(&name)
}

/// The titles of peers and knights, which stay in front of their names
/// (`Lord Falconer`, `Baroness Morgan`, `Sir Alex Ferguson`).
const PEERAGE: &[&str] = &[
    "Lord",
    "Lady",
    "Baron",
    "Baroness",
    "Viscount",
    "Viscountess",
    "Sir",
    "Dame",
];

/// Whether a name is a peer's or a knight's: a title of [`PEERAGE`], then a
/// capitalised word that is no title or office (`Lord Chancellor`, `Lord
/// Justices`) and no word of a longer name (`Lord Of the Rings`). The
/// tagger, trained on news with few peers, reads many as organizations.
fn is_peer(words: &[Token]) -> bool {
    let [title, name, ..] = words else {
        return false;
    };
    let office = |word: &str| {
        lists_in_any_case(&PERSON_TITLES, word)
            || word
                .strip_suffix('s')
                .is_some_and(|singular| lists_in_any_case(&PERSON_TITLES, singular))
    };
    PEERAGE.contains(&title.text)
        && name.text.starts_with(char::is_uppercase)
        && name.text.chars().any(char::is_lowercase)
        && !office(name.text)
        && !matches!(name.text, "Of" | "For" | "And" | "The" | "On")
}

/// Whether a name ends in a company's word (`Piedmont Aviation Inc`,
/// `China Airlines`), which no place's name does.
fn ends_as_company(words: &[Token]) -> bool {
    words.len() > 1
        && words
            .last()
            .is_some_and(|last| COMPANY_ENDINGS.contains(last.text))
}

/// Whether a name is one known organization's acronym in any case (`GATT`,
/// `Fed`), which no place is.
fn is_known_acronym(words: &[Token]) -> bool {
    matches!(words, [word] if lists_in_any_case(&KNOWN_ACRONYMS, word.text))
}

/// Whether a word list holds a word as written or in title case (`FED`
/// as `Fed`), a short ASCII word title-cased in a stack buffer rather than
/// a new string: it is asked of every word of every name.
fn lists_in_any_case(list: &WordList, word: &str) -> bool {
    const CAPACITY: usize = 32;
    if list.contains(word) {
        return true;
    }
    if !word.is_ascii() || word.len() > CAPACITY {
        return list.contains(&title_case(word));
    }
    let mut buffer = [0u8; CAPACITY];
    let cased = &mut buffer[..word.len()];
    cased.copy_from_slice(word.as_bytes());
    cased.make_ascii_lowercase();
    if let Some(first) = cased.first_mut() {
        first.make_ascii_uppercase();
    }
    std::str::from_utf8(cased).is_ok_and(|cased| list.contains(cased))
}

/// Whether a name is one word in capitals (`REUTER`, `OECD`): in text
/// that is not all capitals, an acronym or a sign-off, not a person.
fn is_acronym(words: &[Token]) -> bool {
    let [word] = words else {
        return false;
    };
    word.text.chars().count() > 1 && !word.text.chars().any(char::is_lowercase)
}

/// Arabic articles written in lowercase and joined to the next word by a
/// hyphen (`al-Assad`, `el-Sisi`, `ash-Shaibani`).
const JOINED_ARTICLES: &[&str] = &[
    "al-", "el-", "ad-", "ah-", "an-", "ar-", "as-", "ash-", "at-", "az-",
];

/// Lowercase words of kinship between the parts of a name (`Osama bin
/// Laden`, `Abdulaziz bin Abdulrahman bin Faisal`). The tagger's own
/// particles ([`super::tagger::features::NAME_PARTICLES`]) join two words
/// it tags already; these carry a person on when it stopped before them,
/// and adding them there would change the words the model was trained
/// to tag.
pub(super) const KINSHIP_WORDS: &[&str] = &["bin", "ibn", "bint", "ben"];

/// Lowercase particles that begin a surname (`Joost van der Westhuizen`,
/// `Aravinda de Silva`, `Kengo wa Dondo`), carried as the words of
/// kinship are. Not `y`, which is also Spanish for `and`. The tagger's own
/// [`NAME_PARTICLES`](super::tagger::features::NAME_PARTICLES) are kept
/// apart, like [`KINSHIP_WORDS`]: changing them would change the words the
/// model was trained to tag.
pub(super) const SURNAME_PARTICLES: &[&str] = &[
    "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du", "la", "le",
    "ten", "ter", "van", "von", "wa", "zu",
];

/// Words of broadcasters' names that a number ends (`Channel 4`, `BBC
/// Radio 4`, `Sky One` aside).
const NUMBERED_STATIONS: &[&str] = &["Channel", "Radio", "TV", "Television"];

/// Extends an organization's name ending in a broadcaster's word over the
/// number after it, which the tagger does not tag (`Channel 4`, `BBC Radio
/// 4's Today programme`): a station's number is part of its name. A
/// number of one or two digits only, one space away (not `Radio 1,000`).
fn extend_by_number(text: &str, tokens: &[Token], mut name: Name) -> Name {
    let last = name.end.checked_sub(1).and_then(|last| tokens.get(last));
    let (Some(last), Some(next)) = (last, tokens.get(name.end)) else {
        return name;
    };
    let station = name.label == Label::Organization && NUMBERED_STATIONS.contains(&last.text);
    let numbered = (1..=2).contains(&next.text.len())
        && next.text.bytes().all(|byte| byte.is_ascii_digit())
        && text.get(last.start + last.text.len()..next.start) == Some(" ")
        && !text[next.start + next.text.len()..]
            .starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '%');
    if station && numbered {
        name.end += 1;
    }
    name
}

/// Extends a person's name over the lowercase parts that follow it, which
/// the tagger does not tag: an Arabic article joined to a surname
/// (`Bashar al-Assad`), or words of kinship or particles and the
/// capitalised name after them (`Osama bin Laden`, `Joost van der
/// Westhuizen`).
fn extend_by_particles(text: &str, tokens: &[Token], mut name: Name) -> Name {
    if name.label != Label::Person {
        return name;
    }
    let spaced = |index: usize| {
        let previous = &tokens[index - 1];
        !previous.possessive
            && text.get(previous.start + previous.text.len()..tokens[index].start) == Some(" ")
    };
    while let Some(next) = tokens.get(name.end) {
        if !spaced(name.end) {
            break;
        }
        if is_joined_surname(next.text) {
            name.end += 1;
            continue;
        }
        let is_particle = |token: &Token| {
            KINSHIP_WORDS.contains(&token.text) || SURNAME_PARTICLES.contains(&token.text)
        };
        let particles = (name.end..tokens.len())
            .take_while(|&index| is_particle(&tokens[index]) && spaced(index))
            .count();
        let surname = name.end + particles;
        let carried = particles > 0
            && tokens
                .get(surname)
                .is_some_and(|after| after.capitalised && spaced(surname));
        if !carried {
            break;
        }
        name.end = surname + 1;
    }
    name
}

/// Whether a word is an Arabic article joined to a capitalised name
/// (`al-Assad`).
pub(super) fn is_joined_surname(word: &str) -> bool {
    JOINED_ARTICLES.iter().any(|article| {
        word.strip_prefix(article)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Titles whose possessive is part of a name (`Queen's Park`, `King's
/// College`): a sovereign's or a lord's, not an office's (`Chancellor's
/// Budget` is the budget).
const NAMING_TITLES: &[&str] = &[
    "King", "Queen", "Prince", "Princess", "Lord", "Lady", "Duke",
];

/// Words that open a saint's name, whose possessive is part of a name
/// (`St Mary's Hospital`).
const SAINTS: &[&str] = &["St", "St.", "Saint"];

/// Cuts a name that runs on past a possessive: a person or a place ends
/// there (`Shearer's Newcastle` names Shearer), an organization starts
/// after it (`Scholz's Social Democrats` names the Social Democrats). A
/// sovereign's possessive or a saint's is part of the name (`Queen's Park`,
/// `St Mary's Hospital`; not `Lord Woolf's Sentencing Council`).
fn cut_at_possessive(tokens: &[Token], name: Name) -> Name {
    let last = name.end.saturating_sub(1);
    let Some(possessive) = (name.start..last).find(|&index| tokens[index].possessive) else {
        return name;
    };
    let one_of =
        |list: &[&str], word: &str| list.iter().any(|item| word.eq_ignore_ascii_case(item));
    let owner = tokens[possessive].text;
    if one_of(NAMING_TITLES, owner) || one_of(SAINTS, tokens[name.start].text) {
        return name;
    }
    if name.label == Label::Organization {
        Name {
            start: possessive + 1,
            ..name
        }
    } else {
        Name {
            end: possessive + 1,
            ..name
        }
    }
}

/// Splits a name where punctuation that no name holds stands between two
/// of its words: brackets, a colon, a semicolon, a question or exclamation
/// mark, or a dash between spaces (`Headingley (Leeds): Yorkshire 290`,
/// `Hizbollah (Party of God)`, `EUROBONDS - Primary`). A company's name
/// keeps the brackets it closes before its legal form (`Nikko Securities
/// Co (Europe) Ltd`); a person's ends where the aside after it begins
/// (`Robert Dole (R-Kan.)`) or at a comma (`Dennis Bergkamp, Kanu`, a list
/// of players); a part of one letter is no name, and nor is
/// one word after an aside in brackets, the tail of the name before it
/// (`Investment Reform (FAIR) Act`, `Exchange of Thailand (SET) Index`).
fn split_at_punctuation(text: &str, tokens: &[Token], name: Name) -> Vec<Name> {
    let words = &tokens[name.start..name.end];
    let (first, last) = (&words[0], &words[words.len() - 1]);
    let written = &text[first.start..last.start + last.text.len()];
    let bracketed_company = written.contains('(')
        && COMPANY_ENDINGS.contains(last.text)
        && written.matches('(').count() == written.matches(')').count();
    let mut parts = Vec::new();
    let mut start = name.start;
    let mut after_aside = false;
    for index in name.start + 1..=name.end {
        let gap = match index < name.end {
            true => {
                let previous = &tokens[index - 1];
                &text[previous.start + previous.text.len()..tokens[index].start]
            }
            false => "",
        };
        let ends_at_comma = index < name.end
            && gap.contains(',')
            && match name.label {
                Label::Person => !NAME_SUFFIXES.contains(&tokens[index].text),
                Label::Organization => {
                    !names_partners(text, &tokens[index..name.end], written.matches(',').count())
                }
                Label::Location => true,
                // Left whole: a comma inside another kind of name tells no
                // more of its parts' kinds (`Brazilian Coffee Institute,
                // IBC, Jorio Dauster` read as one).
                Label::Misc => false,
            };
        if index < name.end && !separates_names(gap, bracketed_company) && !ends_at_comma {
            continue;
        }
        let one_word = index - start == 1;
        let lettered = one_word && tokens[start].text.chars().count() == 1;
        let tail = one_word && after_aside;
        let no_name = lettered || tail || is_contraction(tokens[start].text);
        if !no_name {
            parts.push(Name {
                start,
                end: index,
                ..name
            });
        }
        if name.label == Label::Person {
            break;
        }
        after_aside = gap.contains(')') && !gap.contains([':', ';']);
        start = index;
    }
    parts
}

/// Reads the parts of a name cut at a comma that are a state after its
/// city (`Pontiac, Mich`, `Coastal Bancorp of Portland, Maine`, `Fort
/// Lauderdale, Fla`): a state the lists know by that name is a place, and
/// so is the city before it if the lists know it; a state's abbreviation
/// (`Mich`, `Fla`, `N.Y.`) only says where the city is and is left out,
/// lest the state be two values (`Calif` beside `California`). A state's
/// postal code (`CA`) is not read so: it may be an acronym.
fn place_cities_and_states(text: &str, tokens: &[Token], parts: &mut Vec<Name>) {
    let gazetteer = Gazetteer::get();
    let written = |name: &Name| {
        let (first, last) = (&tokens[name.start], &tokens[name.end - 1]);
        &text[first.start..last.start + last.text.len()]
    };
    let mut abbreviations = Vec::new();
    for index in 1..parts.len() {
        let (before, after) = (parts[index - 1], parts[index]);
        let previous = &tokens[before.end - 1];
        let gap = &text[previous.start + previous.text.len()..tokens[after.start].start];
        let state = written(&after);
        let postal = state.len() == 2 && state.bytes().all(|byte| byte.is_ascii_uppercase());
        if after.label == Label::Person
            || !gap.contains(',')
            || postal
            || gazetteer.region(state).is_none()
        {
            continue;
        }
        let abbreviated = state.len() <= 5 || state.contains('.');
        if gazetteer.lookup(state).is_empty() && abbreviated {
            abbreviations.push(index);
        } else {
            parts[index].label = Label::Location;
        }
        if before.label == Label::Organization && gazetteer.is_city_or_state(written(&before)) {
            parts[index - 1].label = Label::Location;
        }
    }
    for index in abbreviations.into_iter().rev() {
        parts.remove(index);
    }
}

/// Whether the words after a comma inside an organization's name
/// (`rest`, of a name with `commas` commas) go on to name a firm of
/// partners or trades: they end in `&` and a partner (`Bodman, Longely &
/// Dahling`, `Skadden, Arps, Slate, Meagher & Flom`) or in a company's or
/// organization's word (`Coffee, Sugar and Cocoa Exchange`), or the
/// name's one comma comes before a last partner after `and` (`Goldman,
/// Sachs and Co`). Any other comma parts two names (`Nokia, Intel,
/// Philips and Sony`, `St. Petersburg, Fla`).
fn names_partners(text: &str, rest: &[Token], commas: usize) -> bool {
    let (Some(first), Some(last)) = (rest.first(), rest.last()) else {
        return false;
    };
    let written = &text[first.start..last.start + last.text.len()];
    let ending = COMPANY_ENDINGS.contains(last.text) || ORGANIZATION_ENDINGS.contains(last.text);
    let ampersand = written
        .rsplit_once(',')
        .map_or(written, |(_, after)| after)
        .contains('&');
    let and = commas == 1 && rest.iter().any(|token| token.text == "and");
    ending || ampersand || and
}

/// What may follow a comma inside a person's name (`Sammy Davis, Jr.`);
/// any other comma ends it (`Dennis Bergkamp, Kanu`, `Judge James
/// Kleinberg, Apple`).
const NAME_SUFFIXES: &[&str] = &["Jr", "Jr.", "Jnr", "Sr", "Sr.", "Snr", "II", "III", "IV"];

/// Whether a word is a pronoun or verb run together with the next word
/// (`I'm`, `We've`, `They'll`): quoted speech, never a name's first word.
fn is_contraction(word: &str) -> bool {
    let Some((_, ending)) = word.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    ["m", "ve", "re", "ll", "d"]
        .iter()
        .any(|contracted| ending.eq_ignore_ascii_case(contracted))
}

/// Whether the text between two words of a name ends the name; brackets
/// do not when `keeps_brackets`.
fn separates_names(gap: &str, keeps_brackets: bool) -> bool {
    const ENDS_A_NAME: &[char] = &[':', ';', '!', '?', '|'];
    const BRACKETS: &[char] = &['(', ')', '[', ']', '{', '}'];
    // Most words of a name are one space apart.
    if gap == " " {
        return false;
    }
    if gap.contains(ENDS_A_NAME) || (!keeps_brackets && gap.contains(BRACKETS)) {
        return true;
    }
    let dash = gap.trim();
    matches!(dash, "-" | "--" | "\u{2013}" | "\u{2014}") && gap.len() > dash.len()
}

/// Splits a name at the last title in it followed by a capitalised word:
/// what follows the title is a person, found by its cue whatever the
/// tagger thought (`Fed Chair Jerome Powell` is the organization `Fed` and
/// the person `Jerome Powell`); what precedes it keeps the tagger's label,
/// unless that was a person (`President Clinton`). A title's possessive
/// introduces no person (`Queen's Park`).
fn split_at_title(tokens: &[Token], name: Name) -> Vec<Name> {
    let title = (name.start..name.end.saturating_sub(1))
        .rev()
        .find(|&index| {
            let word = tokens[index].text;
            let next = &tokens[index + 1];
            let named = || {
                !is_organization_name(&tokens[index + 1..name.end])
                    && tokens[index + 1..name.end].iter().all(|token| {
                        token.text.chars().any(char::is_lowercase) && !is_common_word(token.text)
                    })
            };
            next.capitalised
                && !tokens[index].possessive
                && (lists_in_any_case(&PERSON_TITLES, word)
                    || (ROLES_BEFORE_NAMES.contains(&word) && named()))
        });
    let Some(title) = title else {
        return vec![name];
    };
    let mut parts = Vec::with_capacity(2);
    if title > name.start && name.label != Label::Person {
        // A known place before the title is where the person is from
        // (`Chicago Cardinal Joseph Bernardin`).
        let front = &tokens[name.start..title];
        let place = front.len() <= 3 && is_known_place(front);
        let label = if place { Label::Location } else { name.label };
        parts.push(Name {
            end: title,
            label,
            ..name
        });
    }
    parts.push(Name {
        label: Label::Person,
        start: title + 1,
        end: name.end,
        margin: f32::INFINITY,
    });
    parts
}

/// The shortest line that text wrapped at a fixed width ends: a name may
/// run on from such a line into the next (`Paul\nVolcker`), but not from
/// a shorter one, a byline or a row of a table (`George Nishiyama\nComments`).
const MIN_WRAPPED_LINE: usize = 40;

/// The text of a name, from its first word to its last: cut at a line
/// break that is no wrapping of a long line, and without lowercase words
/// at its ends (`Joost van`). A line break inside the name becomes a
/// space.
fn name_text(text: &str, tokens: &[Token], name: Name) -> Option<String> {
    let words = &tokens[name.start..name.end];
    let mut end = 1;
    while end < words.len() {
        let previous = &words[end - 1];
        let previous_end = previous.start + previous.text.len();
        let gap = &text[previous_end..words[end].start];
        if gap.contains('\n')
            && (!wraps_long_line(text, previous_end) || opens_on_label(text, words[end].start))
        {
            break;
        }
        end += 1;
    }
    let mut kept = &words[..end];
    while let Some((last, rest)) = kept.split_last() {
        if last.capitalised
            || last.text.starts_with(|c: char| c.is_ascii_digit())
            || is_joined_surname(last.text)
        {
            break;
        }
        kept = rest;
    }
    let (first, last) = (kept.first()?, kept.last()?);
    if !first.capitalised {
        return None;
    }
    let written = &text[first.start..last.start + last.text.len()];
    if !written.contains(['\n', '\r']) {
        return Some(written.to_string());
    }
    Some(written.split_whitespace().collect::<Vec<&str>>().join(" "))
}

/// Whether the line ending after byte `end` of the text is long, as lines
/// of text wrapped at a fixed width are.
/// Whether the line from a byte offset opens on a field's label in
/// capitals before a colon (`L.O.: Bodman, Longely & Dahling`): the
/// line before it was no prose the name ran on from.
fn opens_on_label(text: &str, start: usize) -> bool {
    const LONGEST_LABEL: usize = 24;
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    line.find(':').is_some_and(|colon| {
        colon <= LONGEST_LABEL && !line[..colon].chars().any(char::is_lowercase)
    })
}

fn wraps_long_line(text: &str, end: usize) -> bool {
    let line_start = text[..end].rfind('\n').map_or(0, |newline| newline + 1);
    text[line_start..end].trim().chars().count() >= MIN_WRAPPED_LINE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_asked_as_written_or_in_title_case() {
        assert!(lists_in_any_case(&PERSON_TITLES, "Chairman"));
        assert!(lists_in_any_case(&PERSON_TITLES, "CHAIRMAN"));
        assert!(lists_in_any_case(&PERSON_TITLES, "MR."));
        assert!(lists_in_any_case(&KNOWN_ACRONYMS, "FED"));
        assert!(lists_in_any_case(&KNOWN_ACRONYMS, "OPEC"));
        assert!(
            !lists_in_any_case(&KNOWN_ACRONYMS, "Opec"),
            "listed in capitals"
        );
        assert!(!lists_in_any_case(&PERSON_TITLES, "chairmen"));
        assert!(!lists_in_any_case(&PERSON_TITLES, ""));
    }
    use crate::enrich::mentions::Mentions;
    use crate::enrich::resolve::ArticleText;
    use crate::enrich::resolve::kinds::confirm_headline_persons;
    use crate::enrich::tokens::analyse;

    /// The values of the tagger's mentions once the headline's persons
    /// are confirmed by the body.
    #[derive(Debug)]
    struct Tagged {
        persons: Vec<String>,
        organizations: Vec<String>,
        locations: Vec<String>,
    }

    fn tagged(headline: &str, body: &str) -> Tagged {
        let title_tokens = analyse(headline);
        let body_tokens = analyse(body);
        let (list, words) = tag_article((headline, &title_tokens), (body, &body_tokens));
        let mut mentions = Mentions::of(list, false);
        let article = ArticleText {
            title_text: "",
            body_text: body,
            body: &body_tokens,
            words: &words,
        };
        confirm_headline_persons(&mut mentions, article);
        Tagged {
            persons: mentions.values(MentionKind::Person),
            organizations: mentions.values(MentionKind::Organization),
            locations: mentions.values(MentionKind::Location),
        }
    }

    #[test]
    fn finds_names_no_list_holds_from_context() {
        let names = tagged(
            "Talks resume",
            "Shivnarine Chanderpaul scored 80 as Guyana beat Barbados. \
             Officials of Interfax Holdings said Takuya Takagi would fly to Kazakhstan.",
        );
        assert!(
            names
                .persons
                .contains(&"Shivnarine Chanderpaul".to_string()),
            "{names:?}"
        );
        assert!(
            names.persons.contains(&"Takuya Takagi".to_string()),
            "{names:?}"
        );
        assert!(
            names
                .organizations
                .contains(&"Interfax Holdings".to_string()),
            "{names:?}"
        );
        assert!(
            names.locations.contains(&"Kazakhstan".to_string()),
            "{names:?}"
        );
    }

    #[test]
    fn a_possessive_ends_a_person_and_starts_an_organization() {
        let text = "Alan Shearer's Newcastle won, and Olaf Scholz's Social Democrats lost.";
        let tokens = analyse(text).tokens;
        let person = Name {
            label: Label::Person,
            start: 0,
            end: 3,
            margin: 1.0,
        };
        let cut = cut_at_possessive(&tokens, person);
        assert_eq!(
            name_text(text, &tokens, cut).as_deref(),
            Some("Alan Shearer")
        );
        let party = Name {
            label: Label::Organization,
            start: 6,
            end: 10,
            margin: 1.0,
        };
        let cut = cut_at_possessive(&tokens, party);
        assert_eq!(
            name_text(text, &tokens, cut).as_deref(),
            Some("Social Democrats")
        );
    }

    #[test]
    fn a_peer_or_a_knight_is_a_person_but_not_an_office() {
        let peer = |name: &str| is_peer(&analyse(name).tokens);
        assert!(peer("Lord Falconer"));
        assert!(peer("Baroness Royall of Blaisdon"));
        assert!(peer("Sir Alex Ferguson"));
        assert!(!peer("Lord Chancellor"), "an office");
        assert!(!peer("Lord Justices Clarke"), "an office");
        assert!(!peer("Lord Of the Rings"), "a title of a work");
        assert!(!peer("Lord"), "a title alone");
        assert!(!peer("Lords Falconer"), "no title");
    }

    #[test]
    fn a_stations_number_is_part_of_its_name() {
        let text = "Channel 4 and BBC Radio 4's show beat Radio 1,000 and Acme 2.";
        let tokens = analyse(text).tokens;
        let organization = |start, end| read_as(Label::Organization, start, end);
        let written = |name| {
            let name = cut_at_possessive(&tokens, extend_by_number(text, &tokens, name));
            name_text(text, &tokens, name)
        };
        assert_eq!(written(organization(0, 1)).as_deref(), Some("Channel 4"));
        assert_eq!(written(organization(3, 5)).as_deref(), Some("BBC Radio 4"));
        let acme = tokens
            .iter()
            .position(|token| token.text == "Acme")
            .unwrap();
        assert_eq!(written(organization(8, 9)).as_deref(), Some("Radio"));
        assert_eq!(
            written(organization(acme, acme + 1)).as_deref(),
            Some("Acme")
        );
    }

    #[test]
    fn a_sovereigns_or_a_saints_possessive_is_part_of_the_name() {
        let text = "Queen's Park beat St Mary's Hospital and Lord Woolf's Sentencing Council.";
        let tokens = analyse(text).tokens;
        let organization = |start, end| read_as(Label::Organization, start, end);
        let written = |name| {
            let name = cut_at_possessive(&tokens, name);
            split_at_title(&tokens, name)
                .into_iter()
                .map(|part| (part.label, name_text(text, &tokens, part)))
                .collect::<Vec<_>>()
        };
        let whole = |name: &str| vec![(Label::Organization, Some(name.to_string()))];
        assert_eq!(written(organization(0, 2)), whole("Queen's Park"));
        assert_eq!(written(organization(3, 6)), whole("St Mary's Hospital"));
        assert_eq!(written(organization(7, 11)), whole("Sentencing Council"));
    }

    #[test]
    fn a_person_ends_at_a_comma_unless_a_suffix_follows() {
        let text = "Gary Neville, Brown, Ferdinand and Sammy Davis, Jr. sang";
        let person = |start, end| Name {
            label: Label::Person,
            start,
            end,
            margin: 1.0,
        };
        assert_eq!(
            parts_written(text, person(0, 4)),
            [Some("Gary Neville".to_string())]
        );
        assert_eq!(
            parts_written(text, person(5, 8)),
            [Some("Sammy Davis, Jr.".to_string())]
        );
        let company = Name {
            label: Label::Organization,
            ..person(0, 4)
        };
        assert_eq!(
            parts_written(text, company),
            ["Gary Neville", "Brown", "Ferdinand"].map(|name| Some(name.to_string()))
        );
    }

    /// The name a one-word name of a label, at a word of the text, is
    /// once carried on over the particles after it.
    fn carried_on(text: &str, word: &str, label: Label) -> Option<String> {
        let tokens = analyse(text).tokens;
        let start = tokens
            .iter()
            .position(|token| token.text == word)
            .expect("in the text");
        let name = Name {
            label,
            start,
            end: start + 1,
            margin: 1.0,
        };
        name_text(text, &tokens, extend_by_particles(text, &tokens, name))
    }

    #[test]
    fn a_person_runs_on_over_arabic_articles_and_words_of_kinship() {
        let text = "Syrian President Bashar al-Assad met Osama bin Laden's aide and Ali in Cairo.";
        let person = |word: &str| carried_on(text, word, Label::Person);
        assert_eq!(person("Bashar").as_deref(), Some("Bashar al-Assad"));
        assert_eq!(person("Osama").as_deref(), Some("Osama bin Laden"));
        assert_eq!(person("Ali").as_deref(), Some("Ali"));
        let place = carried_on(text, "Bashar", Label::Location);
        assert_eq!(place.as_deref(), Some("Bashar"));
    }

    #[test]
    fn a_person_runs_on_over_the_particles_of_a_surname() {
        let text = "Scrum-half Joost van der Westhuizen scored, Prime Minister Kengo wa Dondo \
                    said, and Pieter de la Rey and Juan y Maria van Gogh came with Ali de facto.";
        let person = |word: &str| carried_on(text, word, Label::Person);
        assert_eq!(person("Joost").as_deref(), Some("Joost van der Westhuizen"));
        assert_eq!(person("Kengo").as_deref(), Some("Kengo wa Dondo"));
        assert_eq!(person("Pieter").as_deref(), Some("Pieter de la Rey"));
        // `y` is Spanish for `and`; a particle before a lowercase word
        // begins no surname.
        assert_eq!(person("Juan").as_deref(), Some("Juan"));
        assert_eq!(person("Ali").as_deref(), Some("Ali"));
    }

    #[test]
    fn contractions_begin_no_name() {
        assert!(is_contraction("I'm"));
        assert!(is_contraction("We\u{2019}ve"));
        assert!(is_contraction("THEY'LL"));
        assert!(!is_contraction("O'Brien"));
        assert!(!is_contraction("D'Alema"));
        assert!(!is_contraction("Reuters"));
        let text = "BBC News: \"I'm sure\"";
        let tokens = analyse(text).tokens;
        let quoted = Name {
            label: Label::Organization,
            start: 0,
            end: 3,
            margin: 1.0,
        };
        assert_eq!(
            split_at_punctuation(text, &tokens, quoted),
            [Name { end: 2, ..quoted }]
        );
    }

    /// The text of each part of a name split at punctuation.
    /// A name the tagger read over tokens `start..end`, with a margin.
    fn read_as(label: Label, start: usize, end: usize) -> Name {
        Name {
            label,
            start,
            end,
            margin: 1.0,
        }
    }

    fn parts_written(text: &str, name: Name) -> Vec<Option<String>> {
        let tokens = analyse(text).tokens;
        split_at_punctuation(text, &tokens, name)
            .into_iter()
            .map(|part| name_text(text, &tokens, part))
            .collect()
    }

    #[test]
    fn a_comma_parts_two_names_but_not_a_firm_of_partners() {
        let whole = |text: &str, label| {
            let end = analyse(text).tokens.len();
            parts_written(text, read_as(label, 0, end))
                .into_iter()
                .map(Option::unwrap)
                .collect::<Vec<_>>()
        };
        let organization = Label::Organization;
        assert_eq!(whole("Intel, Philips", organization), ["Intel", "Philips"]);
        for firm in [
            "Goldman, Sachs and Co",
            "Bodman, Longely & Dahling",
            "Coffee, Sugar and Cocoa Exchange",
            "Skadden, Arps, Slate, Meagher & Flom",
        ] {
            assert_eq!(whole(firm, organization), [firm]);
        }
        assert_eq!(
            whole("Nokia, Intel, Philips and Sony", organization),
            ["Nokia", "Intel", "Philips and Sony"]
        );
        assert_eq!(
            whole("Sri Lanka, India and Thailand", Label::Location),
            ["Sri Lanka", "India and Thailand"]
        );
    }

    #[test]
    fn a_state_after_a_city_is_a_place() {
        let labelled = |text: &str| {
            let tokens = analyse(text).tokens;
            let name = read_as(Label::Organization, 0, tokens.len());
            let mut parts = split_at_punctuation(text, &tokens, name);
            place_cities_and_states(text, &tokens, &mut parts);
            parts
                .into_iter()
                .map(|part| (name_text(text, &tokens, part).unwrap(), part.label))
                .collect::<Vec<_>>()
        };
        let (organization, place) = (Label::Organization, Label::Location);
        assert_eq!(labelled("Lansing, Mich"), [("Lansing".to_string(), place)]);
        assert_eq!(
            labelled("Coastal Bancorp of Portland, Maine"),
            [
                ("Coastal Bancorp of Portland".to_string(), organization),
                ("Maine".to_string(), place)
            ]
        );
        assert_eq!(
            labelled("Intel, CA"),
            [
                ("Intel".to_string(), organization),
                ("CA".to_string(), organization)
            ]
        );
    }

    #[test]
    fn names_stop_at_brackets_colons_and_spaced_dashes() {
        let text = "At Headingley (Leeds): Yorkshire 290. EUROBONDS - Primary Market.";
        let whole = Name {
            label: Label::Organization,
            start: 1,
            end: 4,
            margin: 1.0,
        };
        let parts = parts_written(text, whole);
        let expected = ["Headingley", "Leeds", "Yorkshire"].map(|name| Some(name.to_string()));
        assert_eq!(parts, expected);
        let headline = Name {
            start: 5,
            end: 8,
            ..whole
        };
        let parts = parts_written(text, headline);
        assert_eq!(
            parts,
            [Some("EUROBONDS".into()), Some("Primary Market".into())]
        );
        let company =
            "Nikko Securities Co (Europe) Ltd said Robert Dole (R-Kan.) and Buducnost (V) won";
        let tokens = analyse(company).tokens;
        let texts: Vec<&str> = tokens.iter().map(|token| token.text).collect();
        assert_eq!(texts[4..8], ["Ltd", "said", "Robert", "Dole"], "{texts:?}");
        let nikko = Name {
            start: 0,
            end: 5,
            ..whole
        };
        assert_eq!(split_at_punctuation(company, &tokens, nikko), [nikko]);
        let at = |word: &str| texts.iter().position(|text| *text == word).unwrap();
        let dole = Name {
            label: Label::Person,
            start: at("Robert"),
            end: at("and"),
            ..whole
        };
        let parts = split_at_punctuation(company, &tokens, dole);
        assert_eq!(
            parts,
            [Name {
                end: at("Dole") + 1,
                ..dole
            }]
        );
        let club = Name {
            start: at("Buducnost"),
            end: at("won"),
            ..whole
        };
        let parts = split_at_punctuation(company, &tokens, club);
        assert_eq!(
            parts,
            [Name {
                end: at("V"),
                ..club
            }]
        );
        let act = "the Investment Reform (FAIR) Act would";
        let reform = Name {
            start: 1,
            end: 5,
            ..whole
        };
        let parts = parts_written(act, reform);
        assert_eq!(
            parts,
            [Some("Investment Reform".into()), Some("FAIR".into())]
        );
        let hyphenated = "Guinea-Bissau and Merrill Lynch, Pierce, Fenner & Smith";
        let tokens = analyse(hyphenated).tokens;
        let firm = Name {
            start: 0,
            end: tokens.len(),
            ..whole
        };
        assert_eq!(split_at_punctuation(hyphenated, &tokens, firm), [firm]);
    }

    #[test]
    fn names_stop_at_a_line_break_after_a_short_line() {
        let text = "Alan Shearer's Newcastle won.\nGeorge Nishiyama\nComments follow.";
        let tokenized = analyse(text);
        let name = |start, end| {
            name_text(
                text,
                &tokenized.tokens,
                Name {
                    label: Label::Person,
                    start,
                    end,
                    margin: 1.0,
                },
            )
        };
        assert_eq!(name(4, 7).as_deref(), Some("George Nishiyama"));
        let wrapped = "He had earlier met Federal Reserve Board Chairman Paul\nVolcker and others.";
        let tokens = analyse(wrapped);
        let volcker = Name {
            label: Label::Person,
            start: 8,
            end: 10,
            margin: 1.0,
        };
        assert_eq!(
            name_text(wrapped, &tokens.tokens, volcker).as_deref(),
            Some("Paul Volcker")
        );
        // A long line, but the next opens on a field's label.
        let listing = "PAYING AGENT: Michigan National Bank, Detroit\nL.O.: Bodman, Detroit";
        let tokens = analyse(listing);
        let at = |word: &str| {
            tokens
                .tokens
                .iter()
                .position(|token| token.text == word)
                .unwrap()
        };
        let detroit = Name {
            label: Label::Organization,
            start: at("Detroit"),
            end: at("L.O.") + 1,
            margin: 1.0,
        };
        assert_eq!(
            name_text(listing, &tokens.tokens, detroit).as_deref(),
            Some("Detroit")
        );
        let connector = "Joost van said";
        let tokens = analyse(connector);
        let cut = name_text(
            connector,
            &tokens.tokens,
            Name {
                label: Label::Person,
                start: 0,
                end: 2,
                margin: 1.0,
            },
        );
        assert_eq!(cut.as_deref(), Some("Joost"));
    }

    #[test]
    fn a_title_inside_a_name_starts_a_person() {
        let text = "Fed Chair Jerome Powell spoke, as did President Joe Biden.";
        let tokens = analyse(text).tokens;
        let organization = Name {
            label: Label::Organization,
            start: 0,
            end: 4,
            margin: 2.0,
        };
        let parts: Vec<(Label, Option<String>)> = split_at_title(&tokens, organization)
            .into_iter()
            .map(|name| (name.label, name_text(text, &tokens, name)))
            .collect();
        assert_eq!(
            parts,
            vec![
                (Label::Organization, Some("Fed".to_string())),
                (Label::Person, Some("Jerome Powell".to_string())),
            ]
        );
        let person = Name {
            label: Label::Person,
            start: 7,
            end: 10,
            margin: 2.0,
        };
        let parts = split_at_title(&tokens, person);
        assert_eq!(parts.len(), 1);
        assert_eq!(
            name_text(text, &tokens, parts[0]).as_deref(),
            Some("Joe Biden")
        );
    }

    #[test]
    fn a_role_before_a_name_starts_a_person_but_not_before_a_company() {
        let split = |text: &str| -> Vec<(Label, Option<String>)> {
            let tokens = analyse(text).tokens;
            let organization = Name {
                label: Label::Organization,
                start: 0,
                end: tokens.len(),
                margin: 2.0,
            };
            split_at_title(&tokens, organization)
                .into_iter()
                .map(|name| (name.label, name_text(text, &tokens, name)))
                .collect()
        };
        assert_eq!(
            split("Chicago Cardinal Joseph Bernardin"),
            vec![
                (Label::Location, Some("Chicago".to_string())),
                (Label::Person, Some("Joseph Bernardin".to_string())),
            ]
        );
        assert_eq!(
            split("Coach Berti Vogts"),
            vec![(Label::Person, Some("Berti Vogts".to_string()))]
        );
        for company in [
            "Cardinal Industries Inc",
            "Coach Inc",
            "Bishop Graphics Corp",
        ] {
            assert_eq!(split(company).len(), 1, "{company}");
            assert_eq!(split(company)[0].0, Label::Organization, "{company}");
        }
    }

    #[test]
    fn company_words_and_known_acronyms_make_organizations() {
        let text = analyse("Chrysler Corp said the FED and Mary Jones agreed.").tokens;
        assert!(is_organization_name(&text[0..2]));
        assert!(is_organization_name(&text[4..5]), "FED");
        assert!(!is_organization_name(&text[6..8]), "Mary Jones");
        assert!(is_known_acronym(&text[4..5]), "FED");
        assert!(!is_known_acronym(&text[0..2]), "a company is no acronym");
        assert!(ends_as_company(&text[0..2]), "Chrysler Corp");
        assert!(!ends_as_company(&text[1..2]), "Corp alone");
        let gatt = analyse("GATT").tokens;
        assert!(is_known_acronym(&gatt));
        let names = tagged(
            "Output falls",
            "Chrysler Corp said its car output fell in February.",
        );
        assert!(names.persons.is_empty(), "{names:?}");
    }

    #[test]
    fn an_acronym_in_the_plural_is_no_name() {
        let text = analyse("TVs MPs DVDs Ms UPS Tvs T").tokens;
        let plural: Vec<bool> = (0..text.len())
            .map(|index| is_acronym_plural(&text[index..index + 1]))
            .collect();
        assert_eq!(plural, [true, true, true, false, false, false, false]);
        assert!(!is_acronym_plural(&text[0..2]), "two words");
    }

    #[test]
    fn a_headline_person_must_be_a_person_of_the_body() {
        let with_body = tagged(
            "TREASURY'S BAKER SAYS DOLLAR STABLE",
            "Treasury Secretary James Baker said the dollar was stable.",
        );
        assert_eq!(with_body.persons, vec!["James Baker"]);
    }
}
