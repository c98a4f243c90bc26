//! Titles of works (films, novels, albums, shows), which the tagger reads
//! as persons, organizations or places when their names look like them
//! (`Million Dollar Baby`, `The Aviator`, `Vera Drake`). A title is known
//! by what the article writes around one of its mentions: a word before it
//! that says what it is (`the drama Vera Drake`, `animated comedy The
//! Incredibles`), `starred in` before it, or `starring` or `directed by`
//! after it (`Ray, starring Jamie Foxx`), a description (`The Aviator, a
//! film biography of`), a series (`the Lord of the Rings trilogy`), a
//! list after a plural word for works (`films such as Million Dollar
//! Baby`), or, after a name read as a person, a person's credit in it
//! (`Ray star Jamie Foxx`) or the rest of a title (`Harry Potter and the
//! Prisoner of Azkaban`). A title written with `The` is known by fewer
//! words: a person's possessive (`Ron Howard's The Da Vinci Code`), the
//! word for its work after it (`The Incredibles movie`; any name no list
//! knows before a film's, `the Star Wars films`), or a cue before it
//! (`adaptation of`, `author of`, `the prize for`); and a name no list
//! knows before `actor` (`Star Wars actor Ewan McGregor`) is a work.
//! An award `for` a name tells nothing (`best actor for Jamie Foxx` is as
//! common as `best actress for Vera Drake`), but one for a person's work
//! does (`Clint Eastwood for Million Dollar Baby`), as does a part in it
//! (`her role in Vera Drake`), of a name no list knows. The cue may stand
//! where the tagger read no name, and it may stand before the whole title
//! that the tagger read in pieces (`Eternal Sunshine of the Spotless
//! Mind`). Once the article names a work so, every mention of that name
//! in it is the work, so is every piece of the title, and so are the
//! names it lists with the work (`The Aviator, Million Dollar Baby and
//! Sideways`) but one that opens on a given name; no facet of persons,
//! organizations or places counts them.
//! In an article of films or books, and of no band, a name written with
//! `The` within a sentence (`the awards went to The Motorcycle Diaries`)
//! is kept, but recorded as a title for the index
//! ([`Mentions::titled`]), which hides the names most of whose articles
//! write them so (`crate::index::aliases::works`).

use super::super::entities::is_organization_word;
use super::super::gazetteer::Gazetteer;
use super::super::mentions::{Field, Mention, MentionKind, Mentions, first_word, last_word};
use super::super::tagger::features::CueWords;
use super::super::vocabulary::{
    INSTITUTION_HEADS, PERSON_TITLES, PLACE_KIND_WORDS, WORK_KIND_WORDS, WORK_KINDS, WORK_SERIES,
    WORK_SERIES_WORDS,
};
use super::persons::HONORIFICS;
use super::{ArticleText, is_listed, list_opening, opens_possessive};

/// The name this resolver logs its drops under.
pub const NAME: &str = "works";

/// Why it drops a quoted title, which the index takes for no evidence of a
/// work ([`super::works`]).
pub const QUOTED_TITLE: &str =
    "a quoted title (`\"Viva Zapata\"`): the name of a work, no person, organization or place";

/// Drops the persons, organizations and locations whose name the article
/// gives to a work.
pub fn drop_works(mentions: &mut Mentions, article: ArticleText) {
    // A quotation tells less than a word for a work: `"Paris Club"
    // creditors` quotes an organization's name. Only the quoted mention
    // goes; the name's other mentions decide for themselves.
    mentions.drop_where(NAME, QUOTED_TITLE, |mention| {
        let (before, after) = article.around(mention);
        is_named(mention) && is_quoted_title(before, after)
    });
    // An article that writes no word for a work, its cast or its awards
    // names none: the search for cues is spared.
    if !article.words.writes_any_in_lowercase(&WORK_WORDS) {
        return;
    }
    record_titled(mentions, article);
    drop_pieces_of_titles(mentions, article);
    let mut works: Vec<&str> = Vec::new();
    let mut read: Vec<&str> = Vec::new();
    for mention in mentions.list.iter().filter(|mention| is_named(mention)) {
        let Some((text, start, end)) = title_span(mention, article) else {
            continue;
        };
        let title = &text[start..end];
        // The tagger may read a title in one place and not in another
        // (`Scorsese's The Aviator, starring DiCaprio`): each place the
        // article writes it may say what it is.
        let cued = is_cued_as_work(text, (start, end), mention, mentions)
            || (!read.contains(&title) && {
                read.push(title);
                is_cued_elsewhere(title, mention, mentions, article)
            });
        // `Harry Potter and the Prisoner of Azkaban`: both halves.
        let rest = and_the_title(mention, mentions, article).map(|(start, end)| &text[start..end]);
        if cued || rest.is_some() {
            works.push(title_of(&mention.text));
            works.push(title_of(title));
            works.extend(rest);
        }
    }
    if works.is_empty() {
        return;
    }
    add_listed_beside_works(&mut works, mentions, article);
    // A name that speaks is someone's, whatever else the article writes
    // before it (`the film Moore made ... Moore said`).
    works.retain(|work| {
        !mentions
            .list
            .iter()
            .any(|mention| title_of(&mention.text) == *work && article.speaks(mention))
    });
    let works: Vec<String> = works.into_iter().map(str::to_string).collect();
    let is_work = |mention: &Mention| {
        let run = title_of(title_run(mention, article));
        works.iter().any(|work| {
            title_of(&mention.text) == work || title_of(&mention.value) == work || run == work
        })
    };
    mentions.drop_where(
        NAME,
        "the article names a work so (a film, a novel, an album), or writes the name in a title \
         that it names so, or lists it with works: no person, organization or place",
        |mention| is_named(mention) && is_work(mention),
    );
}

/// Words of films and books, in whose articles a name written with `The`
/// within a sentence is as a rule a title.
static SCREEN_AND_PAGE_WORDS: CueWords = CueWords::new(&[&[
    "film",
    "films",
    "movie",
    "movies",
    "novel",
    "novels",
    "actor",
    "actress",
    "starring",
    "screenplay",
    "cinema",
]]);

/// Words of bands, whose names are written with `The` as titles are (`The
/// Streets`, `The Libertines`), so that an article writing one of them
/// tells no title by `The`.
static BAND_WORDS: CueWords = CueWords::new(&[&[
    "band",
    "bands",
    "singer",
    "singers",
    "rapper",
    "frontman",
    "gig",
    "gigs",
    "album",
    "albums",
    "guitarist",
    "drummer",
]]);

/// Words for a film, before which a name is the film's title unless a
/// list knows it as a maker (`the Star Wars films`, `a Disney film`).
const SCREEN_WORKS: [&str; 4] = ["film", "films", "movie", "movies"];

/// Whether a name is written in words: a small letter in it, no digit
/// (not `BBC` nor `Channel 4`).
fn is_written_in_words(name: &str) -> bool {
    name.chars().any(char::is_lowercase)
        && !name.chars().any(|character| character.is_ascii_digit())
}

/// Words for a publication, which a newspaper's name written with `The`
/// comes before (`The Guardian newspaper`, `The Guardian news website`).
const PUBLICATION_WORDS: [&str; 8] = [
    "newspaper",
    "newspapers",
    "magazine",
    "paper",
    "news",
    "website",
    "journal",
    "column",
];

/// Records the names an article of films or books, and of no band, writes
/// as titles are written: with `The` within a sentence (`the prize for The
/// Motorcycle Diaries`), no list knowing them, their last word no
/// organization's (`The Weinstein Company`). A newspaper (`Wendy Ide of
/// The Times`) is known to the lists, stands after `of`, `to` or a verb of
/// speech, or before a word for a publication.
fn record_titled(mentions: &mut Mentions, article: ArticleText) {
    if !article
        .words
        .writes_any_in_lowercase(&SCREEN_AND_PAGE_WORDS)
        || article.words.writes_any_in_lowercase(&BAND_WORDS)
    {
        return;
    }
    let mut titled: Vec<String> = Vec::new();
    for mention in mentions.list.iter().filter(|mention| {
        is_named(mention)
            && mention.is_kept()
            && !is_listed(mention)
            && !is_organization_word(last_word(&mention.value))
    }) {
        let Some((text, start, end)) = title_span(mention, article) else {
            continue;
        };
        let Some(title) = text[start..end].strip_prefix("The ") else {
            continue;
        };
        let word = text[..start]
            .trim_end()
            .rsplit([' ', '\n'])
            .next()
            .unwrap_or("");
        let reported = matches!(word, "of" | "told" | "said" | "says" | "to");
        let next = text[end..]
            .trim_start()
            .split(|character: char| !character.is_alphabetic())
            .next()
            .unwrap_or("");
        if !reported
            && !PUBLICATION_WORDS.contains(&next)
            && title == title_of(&mention.text)
            && !titled.iter().any(|known| known == title)
        {
            titled.push(title.to_string());
        }
    }
    mentions.titled = titled;
}

/// The words of the cues ([`WORK_KINDS`], [`LISTED_WORKS`], [`CREDITS`]
/// and the others), and of the prizes that go to a person for a work;
/// not `award` nor `director`, which the news of business writes as
/// often.
static WORK_WORDS: CueWords = CueWords::new(&[
    WORK_KIND_WORDS,
    WORK_SERIES_WORDS,
    // Not `series`, `hits` nor `books`, which business news writes
    // everywhere (`a series of`, `the company's books`): an article
    // listing those works writes another word for them.
    LISTED_WORKS.split_at(LISTED_WORKS.len() - 3).0,
    &[
        "starring",
        "starred",
        "directed",
        "role",
        "roles",
        "performance",
        "performances",
        "prize",
        "prizes",
        "nominated",
        "nomination",
        "nominations",
        "star",
        "stars",
        "author",
        "creator",
        "actor",
        "actress",
    ],
]);

/// Words for a building, which names a place with `of the` (`Great Hall
/// of the People`, `Palace of the Nations`).
const BUILDING_WORDS: [&str; 6] = ["Hall", "Palace", "Cathedral", "Church", "Temple", "Tower"];

/// Drops, in an article on works, the names the tagger read as pieces of
/// a title joined by `of the` that names no institution (`Rings` and
/// `Lord` of `Lord of the Rings`, `Spotless Mind` of `Eternal Sunshine of
/// the Spotless Mind`; not `Bank of the Philippine Islands`).
fn drop_pieces_of_titles(mentions: &mut Mentions, article: ArticleText) {
    let gazetteer = Gazetteer::get();
    // `Anne Thompson of the Hollywood Reporter`: a person of an
    // organization.
    let persons: Vec<String> = mentions
        .kept(MentionKind::Person)
        .map(|mention| mention.text.clone())
        .collect();
    let is_piece = |mention: &Mention| {
        let Some((text, start, end)) = title_span(mention, article) else {
            return false;
        };
        let title = &text[start..end];
        let Some((head, tail)) = title.split_once(" of the ") else {
            return false;
        };
        let longer = (start, end) != (mention.offset, mention.offset + mention.text.len());
        // `Chairman of the London Stock Exchange`, `Leader of the
        // Opposition`: an office; `Division of the Foreign Ministry`: an
        // institution's part.
        // `Great Hall of the People`: a place.
        let institution = head
            .split(' ')
            .chain(tail.rsplit(' ').next())
            .any(names_an_institution);
        // The head may be the surname alone where the person's given
        // name opens the sentence (`Anne Thompson of the Hollywood
        // Reporter`).
        let person = persons
            .iter()
            .any(|person| head.ends_with(person.as_str()) || person.ends_with(head));
        longer && !institution && !person && gazetteer.lookup(title).is_empty()
    };
    mentions.drop_where(
        NAME,
        "a piece of a title joined by `of the` in an article on works (`Rings` of `Lord of \
         the Rings`): no person, organization or place",
        |mention| is_named(mention) && is_piece(mention),
    );
}

/// Whether a word of a title says it names an office, an institution, a
/// place or a building rather than a work (`Chairman`, `Ministry`,
/// `Valley`, `Hall`).
fn names_an_institution(word: &str) -> bool {
    is_organization_word(word)
        || INSTITUTION_HEADS.contains(word)
        || PERSON_TITLES.contains(word)
        || PLACE_KIND_WORDS.contains(&word)
        || BUILDING_WORDS.contains(&word)
}

/// The bounds of the rest of a title that a name read as a person opens
/// with `and the` (`Harry Potter and the Prisoner of Azkaban`): two
/// capitalised words or more that open no kept name, nor name an office,
/// an institution or a place (`Tony Blair and the Home Secretary`, `Mehdi
/// Navvab and the French Finance Ministry` are two), nor end in a plural
/// without `of` (`Nick Cave and the Bad Seeds`).
fn and_the_title(
    mention: &Mention,
    mentions: &Mentions,
    article: ArticleText,
) -> Option<(usize, usize)> {
    // The title may run on a few capitalised words past the mention;
    // most mentions have no `and the` that near.
    let (_, after) = article.around(mention);
    let near = &after[..after.floor_char_boundary(AND_THE_REACH)];
    if !mention.is_kept_as(MentionKind::Person) || !near.contains(AND_THE) {
        return None;
    }
    let (text, _, end) = title_span(mention, article)?;
    let start = end + text[end..].strip_prefix(AND_THE).map(|_| AND_THE.len())?;
    let word = text[start..].split(' ').next().unwrap_or("");
    if !is_title_word(word) {
        return None;
    }
    let (start, end) = title_bounds(text, start, start + word.len());
    let rest = &text[start..end];
    let opens_name = mentions.list.iter().any(|other| {
        other.field == mention.field && other.offset == start && is_named(other) && other.is_kept()
    });
    // `Nick Cave and the Bad Seeds`: a band's plural, unless `of` joins it
    // (`Chamber of Secrets`).
    let band = !rest.contains(" of ") && rest.ends_with('s');
    let whole = rest.contains(' ')
        && !band
        && !opens_name
        && !rest.split(' ').any(names_an_institution)
        && Gazetteer::get().lookup(rest).is_empty();
    whole.then_some((start, end))
}

/// What joins the two halves of a title ([`and_the_title`]).
const AND_THE: &str = " and the ";

/// The most bytes after a mention in which [`and_the_title`] looks for
/// [`AND_THE`].
const AND_THE_REACH: usize = 48;

/// Whether a mention is of a kind a work can be mistaken for.
fn is_named(mention: &Mention) -> bool {
    matches!(
        mention.kind,
        MentionKind::Person | MentionKind::Organization | MentionKind::Location | MentionKind::Misc
    )
}

/// A title without the article it may begin with (`The Aviator` is
/// `Aviator`, as the tagger sometimes leaves `The` out).
pub fn title_of(name: &str) -> &str {
    name.strip_prefix("The ").unwrap_or(name)
}

/// Whether the words around a mention, or around the title it is written
/// in, say it is the title of a work.
fn is_cued_as_work(
    text: &str,
    (start, end): (usize, usize),
    mention: &Mention,
    mentions: &Mentions,
) -> bool {
    let (before, after) = (&text[..start], &text[end..]);
    // `In Mr Peston's book Mr Brown is alleged`: a form of address before
    // the surname of a person the article names in full is that person.
    let addressed = HONORIFICS.contains(&first_word(&text[start..end]))
        && mention.kind == MentionKind::Person
        && mention
            .value
            .strip_suffix(mention.text.as_str())
            .is_some_and(|given| given.ends_with(' '));
    if addressed {
        return false;
    }
    // `Ray, starring Jamie Foxx`, but not `director Spike Lee, starring in
    // seven films`, which says what the person did.
    let starring = [", starring ", " starring "]
        .iter()
        .any(|cue| after.starts_with(cue) && !after[cue.len()..].starts_with("in "));
    if starring
        || after.starts_with(", directed by ")
        || after.starts_with(" directed by ")
        || is_described_as_work(after)
        || (mention.is_kept_as(MentionKind::Person) && credits_a_person(after, &CREDITS))
        || (mention.kind == MentionKind::Organization
            && !is_listed(mention)
            && !is_organization_word(last_word(&mention.value))
            && is_written_in_words(&text[start..end])
            && credits_a_person(after, &ACTING_CREDITS))
    {
        return true;
    }
    // `the Lord of the Rings trilogy`, though not `the Yukos sequels`.
    let next = after.strip_prefix(' ').map_or("", |after| {
        after
            .split(|character: char| !character.is_alphabetic())
            .next()
            .unwrap_or("")
    });
    if WORK_SERIES.contains(next) && !is_listed(mention) {
        return true;
    }
    // `The Incredibles movie has`, `the Star Wars films`: a title with
    // `The` before the word for its work, or any name before a film's,
    // which no noun follows. Without `The` a name before a word for
    // another work is as often its maker's (`a BBC drama`, `the Abba
    // song`), and so is a person's before a film's (`a Mike Leigh film`),
    // an acronym's or a channel's (`a BBC film`, `a Channel 4 film`).
    let titled = text[start..end].starts_with("The ");
    if WORK_KINDS.contains(next)
        && (titled
            || before.ends_with("The ")
            || (SCREEN_WORKS.contains(&next)
                && !before.ends_with("a ")
                && !before.ends_with("an ")))
        && !is_listed(mention)
        && !mention.is_kept_as(MentionKind::Person)
        && !Gazetteer::get().is_given_name(first_word(&mention.text))
        && is_written_in_words(&text[start..end])
        && !is_compound_after(&after[1 + next.len()..])
    {
        return true;
    }
    // `Ron Howard's The Da Vinci Code`: a person's possessive before a
    // title written with `The` is the person's work.
    if titled
        && !is_listed(mention)
        && let Some(owner) = before
            .strip_suffix("'s ")
            .or_else(|| before.strip_suffix("\u{2019}s "))
        && ends_with_person(owner, mention.field, mentions)
    {
        return true;
    }
    if !is_listed(mention) && is_listed_after_works(before, after) {
        return true;
    }
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    let word = before
        .rsplit(|character: char| !character.is_alphabetic())
        .next()
        .unwrap_or("");
    // `the film adaptation of The Da Vinci Code is`: with `The`, whatever
    // follows.
    if titled && !is_listed(mention) && TITLE_CUES.iter().any(|cue| before.ends_with(cue)) {
        return true;
    }
    if WORK_KINDS.contains(word)
        || before.ends_with("starred in")
        || before.ends_with("starring in")
    {
        return true;
    }
    // The cues of a cast and its awards tell a work only of a name no list
    // knows (`his role in Iraq` is a place's), that opens on no given name
    // nor is an acronym (`a second Oscar for Hilary Swank`, `David
    // Arquette for HBO`), and that ends its phrase (`a role in Yukos
    // split-up`, `his role in Enron's fall` are a firm's).
    if is_listed(mention)
        || Gazetteer::get().is_given_name(first_word(&mention.text))
        || !mention.text.chars().any(char::is_lowercase)
        || !ends_phrase(after)
    {
        return false;
    }
    ROLE_CUES.iter().any(|cue| before.ends_with(cue))
        || before
            .strip_suffix(" for")
            .is_some_and(|before| ends_with_person(before, mention.field, mentions))
}

/// Whether the article writes a mention's title, whole, somewhere the
/// mention does not stand, with words around it that say it is a work.
fn is_cued_elsewhere(
    title: &str,
    mention: &Mention,
    mentions: &Mentions,
    article: ArticleText,
) -> bool {
    let Some(text) = article.text_of(mention.field) else {
        return false;
    };
    let title = title_of(title);
    let is_letter = |character: char| character.is_alphanumeric();
    text.match_indices(title).any(|(at, _)| {
        let end = at + title.len();
        let span = title_bounds(text, at, end);
        at != mention.offset
            && !text[..at].ends_with(is_letter)
            && !text[end..].starts_with(is_letter)
            && title_of(&text[span.0..span.1]) == title
            && is_cued_as_work(text, span, mention, mentions)
    })
}

/// Plural words for works that open a list of their titles (`films such
/// as Million Dollar Baby`, `hits including Light My Fire`). Not `games`,
/// `shows`, `titles` nor `programmes`: sport and trade have them too
/// (`big games like the Old Firm derby`, `trade shows such as CES`,
/// `titles such as Wimbledon`).
const LISTED_WORKS: [&str; 16] = [
    "films",
    "movies",
    "novels",
    "albums",
    "songs",
    "blockbusters",
    "sitcoms",
    "dramas",
    "comedies",
    "musicals",
    "operas",
    "documentaries",
    "thrillers",
    // The last three do not open the works gate (see `WORK_WORDS`).
    "series",
    "hits",
    "books",
];

/// Whether a name stands in a list of works after a plural word for them
/// and `like`, `such as` or `including` (`films such as Million Dollar
/// Baby, Aviator and Finding Neverland`), not as the owner of a work
/// (`shows such as Channel 4's gameshow`). `, like` says what the noun
/// is like, not which ones (`sites which offer casual games, like AOL`).
fn is_listed_after_works(before: &str, after: &str) -> bool {
    !opens_possessive(after)
        && list_opening(before, &[" like ", " such as ", " including "]).is_some_and(|list| {
            LISTED_WORKS.contains(&list.noun) && !(list.comma && list.opening == " like ")
        })
}

/// Words for a person's credit in a work, written between the work and
/// the person (`Ray star Jamie Foxx`, `Harry Potter author JK Rowling`).
/// Not `producer` nor `writer`: a singer has them (`Madonna producer
/// William Orbit`); nor `co-star`, whose name is a person's (`Pitt co-star
/// Jolie`).
const CREDITS: [&str; 7] = [
    "star", "stars", "author", "director", "creator", "actor", "actress",
];

/// Whether the text after a name credits a person for it: a word of
/// [`CREDITS`] and a capitalised word. Said of a name kept as a person
/// only: a club and a firm have stars and directors too (`Chelsea star
/// John Terry`, `BBC director Greg Dyke`, `Alva director Robin Broke`,
/// where `Alva` alone is no person).
fn credits_a_person(after: &str, credits: &[&str]) -> bool {
    let Some(after) = after.strip_prefix(' ') else {
        return false;
    };
    let (word, rest) = after.split_once(' ').unwrap_or((after, ""));
    credits.contains(&word) && rest.starts_with(|c: char| c.is_uppercase())
}

/// The credits of [`CREDITS`] that only a work gives, after any name no
/// list knows (`Star Wars actor Ewan McGregor`): a club or a firm has
/// stars and directors, not actors.
const ACTING_CREDITS: [&str; 2] = ["actor", "actress"];

/// Words before a title that say a player has a part in it (`her role in
/// Vera Drake`, `his performance in Closer`).
/// `performance in` alone is as often a firm's or a market's (`strong
/// performance in Specialty Retailing`).
const ROLE_CUES: [&str; 5] = [
    " role in",
    " roles in",
    "his performance in",
    "her performance in",
    "their performances in",
];

/// Words before a title with `The` that say what it is (`the film
/// adaptation of The Da Vinci Code`, `the prize for The Motorcycle
/// Diaries`): the award cues tell a work only of a name written with `The`
/// (`a second Oscar for Hilary Swank` is hers).
const TITLE_CUES: [&str; 11] = [
    " adaptation of",
    " author of",
    " sequel to",
    " remake of",
    " premiere of",
    " prize for",
    " award for",
    " Oscar for",
    " nomination for",
    " nominations for",
    " nominated for",
];

/// Nouns that a word for a work modifies (`film festival`, `film
/// rights`), where the name before it is no title (`the Sundance film
/// festival`, `the Pixar film studio`).
const WORK_COMPOUND_HEADS: [&str; 14] = [
    "festival",
    "festivals",
    "industry",
    "studio",
    "studios",
    "rights",
    "company",
    "critic",
    "critics",
    "chart",
    "charts",
    "awards",
    "maker",
    "makers",
];

/// Whether the text after a word for a work goes on with a noun it
/// modifies ([`WORK_COMPOUND_HEADS`]).
fn is_compound_after(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .and_then(|after| {
            after
                .split(|character: char| !character.is_alphabetic())
                .next()
        })
        .is_some_and(|word| WORK_COMPOUND_HEADS.contains(&word))
}

/// Whether the text after a name closes the phrase it stands in: a
/// punctuation mark, `and`, `as` or the end of the text.
fn ends_phrase(after: &str) -> bool {
    after.is_empty()
        || after.starts_with(['.', ',', ';', ':', ')', '\n'])
        || after.starts_with(" and ")
        || after.starts_with(" as ")
}

/// The most words between `a` (`the`) and the word for a work in a
/// description after a title (`The Aviator, a film biography of`).
const MAX_DESCRIPTION_WORDS: usize = 4;

/// The words that end the noun phrase of a description (`a film
/// biography of`, `the studio behind the film`); a verb does not (`Subhash
/// Ghai, the film is set in`).
const LEADING_ON: [&str; 14] = [
    "of", "by", "about", "starring", "that", "which", "from", "with", "behind", "for", "in", "on",
    "at", "to",
];

/// Whether the text after a name opens a description of a work: a comma,
/// `a`, `an` or `the`, and a phrase of a few words that ends on a word for
/// a work, before punctuation or a word that leads on (`The Aviator, a
/// film biography of Howard Hughes`, `Closer, the new drama by`), not on
/// another noun (`Spielberg, the film director`).
fn is_described_as_work(after: &str) -> bool {
    let Some(description) = [", a ", ", an ", ", the "]
        .iter()
        .find_map(|opening| after.strip_prefix(opening))
    else {
        return false;
    };
    let phrase = description
        .split([',', '.', ';', ':', '(', '\n'])
        .next()
        .unwrap_or("");
    let mut last = "";
    for (index, word) in phrase.split(' ').enumerate() {
        if LEADING_ON.contains(&word) {
            break;
        }
        if index >= MAX_DESCRIPTION_WORDS {
            return false;
        }
        last = word;
    }
    WORK_KINDS.contains(last)
}

/// Whether a text ends with a person's mention of this field: `Clint
/// Eastwood` of `Clint Eastwood for Million Dollar Baby`.
fn ends_with_person(before: &str, field: Field, mentions: &Mentions) -> bool {
    mentions.list.iter().any(|mention| {
        mention.field == field
            && mention.is_kept_as(MentionKind::Person)
            && mention.offset + mention.text.len() == before.len()
    })
}

/// The words that link the words of a title (`Eternal Sunshine of the
/// Spotless Mind`, `Lord of the Rings`).
const TITLE_LINKS: [&str; 3] = [" of the ", " of ", " "];

/// The text of a mention's field and the bounds of the title it stands
/// in: the mention and the capitalised words on either side of it, one
/// space or `of` (`of the`) apart (`Neverland` of `Finding Neverland`);
/// `None` for the dateline.
fn title_span<'a>(mention: &Mention, article: ArticleText<'a>) -> Option<(&'a str, usize, usize)> {
    let text = article.text_of(mention.field)?;
    // A name the rules cut stands a word after its offset (`The Lake
    // Léman` read `Lake Léman` at the offset of `The`); one they rebuilt
    // is not written as it reads (`Lake  Abbé` read with one space), and
    // stands in no title found so.
    let written = text.get(mention.offset..)?;
    let cut = written
        .get(..written.floor_char_boundary(MAX_CUT + mention.text.len()))?
        .find(&mention.text)?;
    let start = mention.offset + cut;
    let (start, end) = title_bounds(text, start, start + mention.text.len());
    Some((text, start, end))
}

/// The most bytes the rules cut from the front of a name (`The `).
const MAX_CUT: usize = 4;

/// The bounds of the title that the words between two offsets stand in
/// ([`title_span`]).
fn title_bounds(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    // A word ends at a mark (`(Lord of the Rings, starring`).
    let outside_word = |character: char| !(character.is_alphabetic() || character == '-');
    while let Some(word) = TITLE_LINKS.iter().find_map(|link| {
        let before = text[..start].strip_suffix(link)?;
        let word = before.rsplit(outside_word).next().unwrap_or("");
        let ahead = &before[..before.len() - word.len()];
        let possessive = ahead.ends_with(['\'', '\u{2019}']);
        // A capitalised word that opens a sentence joins a title only by
        // `of` (`In Hide and Seek`).
        let ahead = ahead.trim_end_matches(' ');
        let opens = ahead.is_empty() || ahead.ends_with(['\n', '.', '!', '?', '"']);
        (is_title_word(word) && !possessive && (!opens || *link != " "))
            .then(|| before.len() - word.len())
    }) {
        start = word;
    }
    while let Some(word) = TITLE_LINKS.iter().find_map(|link| {
        let after = text[end..].strip_prefix(link)?;
        let word = after.split(outside_word).next().unwrap_or("");
        is_title_word(word).then(|| end + link.len() + word.len())
    }) {
        end = word;
    }
    (start, end)
}

/// A mention's title ([`title_span`]) as written, or the mention's text
/// in the dateline.
fn title_run<'a>(mention: &'a Mention, article: ArticleText<'a>) -> &'a str {
    title_span(mention, article).map_or(&mention.text, |(text, start, end)| &text[start..end])
}

/// Whether a word can stand in a title: capitalised, of letters and
/// hyphens (a possessive before a title, `Scorsese's The Aviator`, is
/// none of it).
fn is_title_word(word: &str) -> bool {
    word.starts_with(|character: char| character.is_uppercase())
        && word
            .chars()
            .all(|character| character.is_alphabetic() || character == '-')
}

/// Whether the words after a name make it the head of a phrase of its
/// own rather than an item of a list: a possessive, `for` or `in` (`Marc
/// Forster for Finding Neverland`), or a word for a work (`Ray Charles
/// biopic Ray`).
fn leads_on(after: &str) -> bool {
    let next = after.strip_prefix(' ').and_then(|after| {
        after
            .split(|character: char| !character.is_alphabetic())
            .next()
    });
    opens_possessive(after)
        || matches!(next, Some("for" | "in"))
        || next.is_some_and(|word| WORK_KINDS.contains(word))
}

/// Adds to the works the names the article lists with one (`The Aviator,
/// Million Dollar Baby and Sideways`): names one after another, apart only
/// by commas and ending with `and`.
fn add_listed_beside_works<'a>(
    works: &mut Vec<&'a str>,
    mentions: &'a Mentions,
    article: ArticleText<'a>,
) {
    // A name that opens on a given name is a person's, beside a title or
    // not (`The Godfather, James Caan and Robert Duvall`).
    let gazetteer = Gazetteer::get();
    let mut titles: Vec<(Field, usize, usize, &'a str)> = Vec::new();
    for mention in mentions.list.iter().filter(|mention| is_named(mention)) {
        if let Some((text, start, end)) = title_span(mention, article)
            && !titles
                .iter()
                .any(|title| (title.0, title.1) == (mention.field, start))
            && !leads_on(&text[end..])
        {
            titles.push((mention.field, start, end, &text[start..end]));
        }
    }
    titles.sort_by_key(|title| (title.0, title.1));
    let mut lists: Vec<Vec<&'a str>> = Vec::new();
    let mut list: Vec<&'a str> = Vec::new();
    let mut closed = false;
    for (index, title) in titles.iter().enumerate() {
        if list.is_empty() {
            list.push(title.3);
        }
        let Some(next) = titles.get(index + 1) else {
            break;
        };
        let text = article.text_of(title.0).unwrap_or("");
        let between = match next.0 == title.0 && next.1 >= title.2 {
            true => &text[title.2..next.1],
            false => "",
        };
        match between {
            ", " if !closed => list.push(next.3),
            " and " | ", and " if !closed => {
                list.push(next.3);
                closed = true;
            }
            _ => {
                if closed {
                    lists.push(std::mem::take(&mut list));
                }
                list.clear();
                closed = false;
            }
        }
    }
    if closed {
        lists.push(list);
    }
    let mut grown = true;
    while grown {
        grown = false;
        for list in &lists {
            if list.iter().any(|title| works.contains(&title_of(title)))
                && let Some(missing) = list.iter().find(|title| {
                    !works.contains(&title_of(title)) && !gazetteer.is_given_name(first_word(title))
                })
            {
                works.push(title_of(missing));
                grown = true;
            }
        }
    }
}

/// Quotation marks that open a quotation.
const OPENING_QUOTES: [char; 3] = ['"', '“', '«'];

/// Quotation marks that close one.
const CLOSING_QUOTES: [char; 3] = ['"', '”', '»'];

/// The most words a quoted title may hold after the name read in it
/// (`"Schindler's List"`, `"Bertillon 166"`).
const MAX_TITLE_TAIL_WORDS: usize = 2;

/// Whether a name is a whole quotation, or opens one that closes after a
/// word or two in capitals or figures: a title (`"Viva Zapata"`, `"Strike
/// Hard" campaign`, `"Schindler's List"`). A quotation that goes on in
/// lowercase is speech (`"Clinton is wrong," he said`), and a quotation
/// mark after a word closes a quotation rather than opening one.
fn is_quoted_title(before: &str, after: &str) -> bool {
    let before = before.trim_end_matches(' ');
    let Some(opening) = before.chars().next_back() else {
        return false;
    };
    let before_quote = &before[..before.len() - opening.len_utf8()];
    if !OPENING_QUOTES.contains(&opening)
        || before_quote.ends_with(|character: char| character.is_alphanumeric())
    {
        return false;
    }
    let Some(close) = after.find(CLOSING_QUOTES) else {
        return false;
    };
    let tail = &after[..close];
    let mut words = 0;
    for word in tail.split_whitespace() {
        let word = word.trim_matches(|character: char| ",.:;!?".contains(character));
        let word = word
            .strip_prefix("'s")
            .or_else(|| word.strip_prefix("’s"))
            .unwrap_or(word);
        if word.is_empty() {
            continue;
        }
        words += 1;
        let title_like = word
            .starts_with(|character: char| character.is_uppercase() || character.is_ascii_digit());
        if !title_like || words > MAX_TITLE_TAIL_WORDS {
            return false;
        }
    }
    !tail.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::super::testing::{self, body_mention, with_body};
    use super::*;

    fn kept(body: &str, names: &[(&str, MentionKind)]) -> Vec<String> {
        // A name listed twice is its first and second occurrence.
        let mut list: Vec<Mention> = Vec::new();
        for (name, kind) in names {
            let from = list
                .iter()
                .filter(|mention| mention.text == *name)
                .map(|mention| mention.offset + name.len())
                .max()
                .unwrap_or(0);
            let offset = from + body[from..].find(name).expect("the name is in the body");
            list.push(body_mention(name, *kind, offset));
        }
        kept_of(body, list)
    }

    /// The texts of the mentions the works resolver keeps.
    fn kept_of(body: &str, list: Vec<Mention>) -> Vec<String> {
        with_body(body, |article| {
            let mut mentions = Mentions::of(list, false);
            drop_works(&mut mentions, article);
            mentions
                .list
                .iter()
                .filter(|mention| mention.is_kept())
                .map(|mention| mention.text.clone())
                .collect()
        })
    }

    #[test]
    fn a_title_after_a_word_for_its_kind_is_a_work_in_every_mention() {
        let body = "Staunton won praise for the drama Vera Drake. \
                    Vera Drake opens in London on Friday.";
        let names = [
            ("Vera Drake", MentionKind::Person),
            ("London", MentionKind::Location),
        ];
        let kept_names = kept(body, &names);
        assert_eq!(kept_names, vec!["London"]);
        let body = "He told the BBC programme Go Digital that the BBC programme was new.";
        let names = [
            ("BBC", MentionKind::Organization),
            ("Go Digital", MentionKind::Person),
        ];
        assert_eq!(kept(body, &names), vec!["BBC"]);
    }

    #[test]
    fn the_article_before_a_title_is_passed_over() {
        let body = "It beat the animated comedy The Incredibles at the box office.";
        assert!(kept(body, &[("Incredibles", MentionKind::Organization)]).is_empty());
        assert!(kept(body, &[("The Incredibles", MentionKind::Organization)]).is_empty());
    }

    #[test]
    fn words_after_a_title_and_starred_in_before_it_tell_a_work() {
        for body in [
            "Million Dollar Baby, starring Hilary Swank, won.",
            "Ray, directed by Taylor Hackford, opens today.",
            "She starred in Finding Neverland last year.",
        ] {
            let name = ["Million Dollar Baby", "Ray", "Finding Neverland"]
                .into_iter()
                .find(|name| body.contains(name))
                .expect("a title in each body");
            assert!(
                kept(body, &[(name, MentionKind::Organization)]).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn a_person_credited_after_a_name_makes_a_person_s_name_a_work() {
        use MentionKind::{Organization, Person};
        let body = "Ray star Jamie Foxx won. Ray opened in March.";
        let names = [("Ray", Person), ("Jamie Foxx", Person), ("Ray", Person)];
        assert_eq!(kept(body, &names), vec!["Jamie Foxx"]);
        for (body, name, kind) in [
            (
                "Chelsea star John Terry scored in the film.",
                "Chelsea",
                Organization,
            ),
            (
                "Qwerty director Robin Broke said the film sold.",
                "Qwerty",
                Organization,
            ),
            (
                "Hilary Swank star power sold the film.",
                "Hilary Swank",
                Person,
            ),
        ] {
            assert_eq!(kept(body, &[(name, kind)]), vec![name], "{body}");
        }
    }

    #[test]
    fn a_title_with_the_after_its_cue_or_a_person_s_possessive_is_a_work() {
        use MentionKind::{Organization, Person};
        for (body, names) in [
            (
                "Tautou stars in the film adaptation of The Da Vinci Code, it was said.",
                &[("Da Vinci Code", Organization)][..],
            ),
            (
                "Another book by the author of The Da Vinci Code is translated.",
                &[("Da Vinci Code", Organization)],
            ),
            (
                "He took the prize for The Motorcycle Diaries in the film awards.",
                &[("Motorcycle Diaries", Organization)],
            ),
            (
                "Tom Hanks is to star in Ron Howard's The Da Vinci Code film.",
                &[
                    ("Tom Hanks", Person),
                    ("Ron Howard", Person),
                    ("Da Vinci Code", Organization),
                ],
            ),
            (
                "The Incredibles movie has beaten Shrek at the box office.",
                &[("Incredibles", Organization)],
            ),
            (
                "The five previous Star Wars films have all carried a PG rating.",
                &[("Star Wars", Organization)],
            ),
            (
                "Among the guests was Star Wars actor Ewan McGregor at the film gala.",
                &[("Star Wars", Organization), ("Ewan McGregor", Person)],
            ),
        ] {
            let persons: Vec<&str> = names
                .iter()
                .filter(|(_, kind)| *kind == Person)
                .map(|(name, _)| *name)
                .collect();
            assert_eq!(kept(body, names), persons, "{body}");
        }
    }

    #[test]
    fn makers_before_a_word_for_their_work_and_prizes_for_people_stay() {
        use MentionKind::{Organization, Person};
        for (body, name, kind) in [
            ("They showed a BBC film on Sunday.", "BBC", Organization),
            (
                "They showed a Working Title film on Sunday.",
                "Working Title",
                Organization,
            ),
            (
                "Broadway actor Nathan Lane starred in the film.",
                "Broadway",
                MentionKind::Location,
            ),
            (
                "They showed a Mike Leigh film on Sunday.",
                "Mike Leigh",
                Person,
            ),
            (
                "It won at the Sundance film festival.",
                "Sundance",
                MentionKind::Location,
            ),
            (
                "They bought the Abba song for a film.",
                "Abba",
                Organization,
            ),
            (
                "She won the prize for Hilary Swank in the film.",
                "Hilary Swank",
                Person,
            ),
            (
                "London actor John Smith starred in the film.",
                "London",
                MentionKind::Location,
            ),
        ] {
            assert_eq!(kept(body, &[(name, kind)]), vec![name], "{body}");
        }
    }

    #[test]
    fn names_written_with_the_in_articles_of_films_are_the_index_s_evidence() {
        use MentionKind::Organization;
        let titled = |body: &str, names: &[(&str, MentionKind)]| {
            with_body(body, |article| {
                let mut mentions = testing::mentions_of_kinds(body, names);
                drop_works(&mut mentions, article);
                assert!(mentions.list.iter().all(Mention::is_kept));
                mentions.titled
            })
        };
        let body = "The film won, as did The Motorcycle Diaries, beside Wendy Ide of The \
                    Times, The Guardian newspaper and The Weinstein Company.";
        let names = [
            ("Motorcycle Diaries", Organization),
            ("Times", Organization),
            ("Guardian", Organization),
            ("Weinstein Company", Organization),
        ];
        assert_eq!(titled(body, &names), ["Motorcycle Diaries"]);
        let body = "The film's band played, as did The Streets.";
        assert!(titled(body, &[("Streets", Organization)]).is_empty());
    }

    #[test]
    fn names_listed_after_a_plural_word_for_works_are_works() {
        use MentionKind::{Organization, Person};
        let body = "Audiences shun darker films such as Million Dollar Baby, \
                    Aviator and Finding Neverland.";
        let names = [
            ("Million Dollar Baby", Organization),
            ("Aviator", Organization),
            ("Finding Neverland", Person),
        ];
        assert!(kept(body, &names).is_empty());
        let including = "The album held hits including Light My Fire and Riders On The Storm.";
        let names = [("Light My Fire", Organization)];
        assert!(kept(including, &names).is_empty());
        for (body, name) in [
            (
                "Portal sites which offer casual films, like Qwerty, grew.",
                "Qwerty",
            ),
            ("He starred in shows such as Qwerty's quiz.", "Qwerty"),
            (
                "It made films such as Brassed Off. Qwerty said so.",
                "Qwerty",
            ),
        ] {
            assert_eq!(kept(body, &[(name, Organization)]), vec![name], "{body}");
        }
    }

    #[test]
    fn a_person_opening_a_title_with_and_the_is_a_work_with_its_rest() {
        use MentionKind::{Location, Organization, Person};
        let body = "The film Harry Potter and the Prisoner of Azkaban won. Harry Potter sold.";
        let names = [
            ("Harry Potter", Person),
            ("Azkaban", Location),
            ("Harry Potter", Person),
        ];
        assert!(kept(body, &names).is_empty());
        for (body, names) in [
            (
                "In the film row, Tony Blair and the Home Secretary met.",
                &[("Tony Blair", Person)][..],
            ),
            (
                "In the film row, Tony Blair and the Labour Party met.",
                &[("Tony Blair", Person), ("Labour Party", Organization)],
            ),
            (
                "The film starred Frank Sinatra and the Rat Pack.",
                &[("Frank Sinatra", Person), ("Rat Pack", Organization)],
            ),
            (
                "The album is by Nick Cave and the Bad Seeds.",
                &[("Nick Cave", Person)],
            ),
            (
                "The film role went to Brad Pitt co-star Angelina Jolie.",
                &[("Brad Pitt", Person), ("Angelina Jolie", Person)],
            ),
        ] {
            assert_eq!(kept(body, names).len(), names.len(), "{body}");
        }
    }

    #[test]
    fn a_person_addressed_after_a_word_for_a_work_is_the_person() {
        let body = "Gordon Brown spoke. In Mr Peston's book Mr Brown is alleged to have said so.";
        let at = body.rfind("Brown").expect("the surname");
        let mut surname = body_mention("Brown", MentionKind::Person, at);
        surname.value = "Gordon Brown".to_string();
        let list = vec![
            body_mention("Gordon Brown", MentionKind::Person, 0),
            surname,
        ];
        assert_eq!(kept_of(body, list), ["Gordon Brown", "Brown"]);
        let film = "The film Mrs Henderson Presents opens.";
        assert!(kept(film, &[("Mrs Henderson Presents", MentionKind::Person)]).is_empty());
    }

    #[test]
    fn a_quoted_title_is_a_work() {
        for (body, name) in [
            (
                "He is best known for \"Viva Zapata\" and more.",
                "Viva Zapata",
            ),
            (
                "He starred in \"Schindler's List\", then left.",
                "Schindler",
            ),
            (
                "His first novel, \" Bertillon 166,\" was published.",
                "Bertillon",
            ),
            (
                "It is part of the national \"Strike Hard\" campaign.",
                "Strike Hard",
            ),
            ("Her biography My Turn was published.", "My Turn"),
        ] {
            assert!(
                kept(body, &[(name, MentionKind::Person)]).is_empty(),
                "{body}"
            );
        }
    }

    #[test]
    fn a_name_opening_speech_or_after_a_closing_quote_is_no_title() {
        for (body, name) in [
            ("\"Clinton is wrong,\" he said.", "Clinton"),
            ("He said \"no\" Clinton \"Yes\" again.", "Clinton"),
            (
                "\"Yeltsin and Major agreed on this,\" Kohl said.",
                "Yeltsin",
            ),
        ] {
            assert_eq!(
                kept(body, &[(name, MentionKind::Person)]),
                vec![name],
                "{body}"
            );
        }
    }

    #[test]
    fn a_piece_of_a_title_named_as_a_work_is_a_work() {
        let body = "She starred in Eternal Sunshine of the Spotless Mind. \
                    It beat the Lord of the Rings trilogy. Spotless Mind fans cheered.";
        let names = [
            ("Spotless Mind", MentionKind::Organization),
            ("Lord", MentionKind::Location),
            ("Rings", MentionKind::Organization),
        ];
        assert_eq!(kept(body, &names), Vec::<String>::new());
        let names = [
            ("Spotless Mind", MentionKind::Organization),
            ("Spotless Mind", MentionKind::Organization),
        ];
        assert!(
            kept(body, &names).is_empty(),
            "a mention's own text is a work too"
        );
    }

    #[test]
    fn in_an_article_on_works_a_piece_of_a_title_joined_by_of_the_is_none() {
        let body = "The film beat Lord of the Rings and Top of the Pops. \
                    Anne Thompson of the Hollywood Reporter, the Chairman of the London \
                    Stock Exchange and a Division of the Foreign Ministry spoke.";
        let names = [
            ("Lord", MentionKind::Location),
            ("Rings", MentionKind::Organization),
            ("Pops", MentionKind::Organization),
            ("Anne Thompson", MentionKind::Person),
            ("Hollywood Reporter", MentionKind::Organization),
            ("London", MentionKind::Location),
            ("Foreign Ministry", MentionKind::Organization),
        ];
        assert_eq!(
            kept(body, &names),
            vec![
                "Anne Thompson",
                "Hollywood Reporter",
                "London",
                "Foreign Ministry"
            ]
        );
        let body = "The film Lord of the Rings, in the Great Hall of the People. \
                    He said so. Anne Thompson of the Hollywood Reporter agreed.";
        let names = [
            ("Lord", MentionKind::Location),
            ("Great Hall", MentionKind::Location),
            ("Thompson", MentionKind::Person),
            ("Anne Thompson", MentionKind::Person),
            ("Hollywood Reporter", MentionKind::Organization),
        ];
        assert_eq!(
            kept(body, &names),
            vec![
                "Great Hall",
                "Thompson",
                "Anne Thompson",
                "Hollywood Reporter"
            ],
            "a title ends at a comma; a building and a person's surname are no title's"
        );
        let without_works = "It beat Lord of the Rings.";
        assert_eq!(
            kept(without_works, &[("Rings", MentionKind::Organization)]),
            vec!["Rings"],
            "an article that writes no word for a work"
        );
    }

    #[test]
    fn a_cue_where_the_tagger_read_no_name_names_the_work() {
        let body = "Among them are The Aviator and Ray. \
                    Scorsese's The Aviator, starring DiCaprio, opened.";
        assert!(kept(body, &[("Aviator", MentionKind::Organization)]).is_empty());
    }

    #[test]
    fn names_listed_with_a_work_are_works_unless_a_person_or_a_phrase_of_their_own() {
        let body = "Nominees are The Aviator, Million Dollar Baby and Sideways. \
                    The film Sideways won.";
        let names = [
            ("Aviator", MentionKind::Organization),
            ("Million Dollar Baby", MentionKind::Organization),
            ("Sideways", MentionKind::Organization),
        ];
        assert!(kept(body, &names).is_empty());
        for (body, name) in [
            (
                "Brando's co-stars from The Godfather, James Caan and Robert Duvall, return. \
                 The film Godfather is old.",
                "James Caan",
            ),
            (
                "Prizes went to Gondry for Eternal Sunshine and Marc Forster for Finding \
                 Neverland. The drama Eternal Sunshine won.",
                "Marc Forster",
            ),
            (
                "Hopefuls include the comedy Sideways, and Ray Charles biopic Ray.",
                "Ray Charles",
            ),
        ] {
            let work = ["Godfather", "Eternal Sunshine", "Sideways"]
                .into_iter()
                .find(|work| body.contains(work))
                .expect("a work in each body");
            let names = [
                (work, MentionKind::Organization),
                (name, MentionKind::Person),
            ];
            assert_eq!(kept(body, &names), vec![name], "{body}");
        }
    }

    #[test]
    fn a_description_after_a_name_can_say_it_is_a_work() {
        for body in [
            "The Aviator, a film biography of Howard Hughes, leads.",
            "Closer, the new drama by Mike Nichols, opens.",
        ] {
            let name = ["Aviator", "Closer"]
                .into_iter()
                .find(|name| body.contains(name))
                .expect("a title in each body");
            assert!(
                kept(body, &[(name, MentionKind::Organization)]).is_empty(),
                "{body}"
            );
        }
        for (body, name) in [
            (
                "Paramount Pictures, the studio behind the film, said so.",
                "Paramount Pictures",
            ),
            (
                "Directed by Subhash Ghai, the film is set in India.",
                "Subhash Ghai",
            ),
            (
                "Steven Spielberg, the film director, said so.",
                "Steven Spielberg",
            ),
        ] {
            assert_eq!(
                kept(body, &[(name, MentionKind::Person)]),
                vec![name],
                "{body}"
            );
        }
    }

    #[test]
    fn a_part_or_an_award_for_a_name_no_list_knows_makes_it_a_work() {
        for (body, name) in [
            ("She won praise for her role in Vera Drake.", "Vera Drake"),
            (
                "The prize went to Clint Eastwood for Million Dollar Baby.",
                "Million Dollar Baby",
            ),
        ] {
            let names = [
                ("Clint Eastwood", MentionKind::Person),
                (name, MentionKind::Organization),
            ];
            let names = &names[usize::from(!body.contains("Clint"))..];
            assert_eq!(
                kept(body, names),
                vec!["Clint Eastwood"][..names.len() - 1].to_vec(),
                "{body}"
            );
        }
        for (body, names) in [
            (
                "China had a role in Yukos split-up.",
                vec![("Yukos", MentionKind::Organization)],
            ),
            (
                "It was his role in Iraq.",
                vec![("Iraq", MentionKind::Location)],
            ),
            (
                "Strong performance in Specialty Retailing.",
                vec![("Specialty Retailing", MentionKind::Location)],
            ),
            (
                "He predicted a second Oscar for Hilary Swank.",
                vec![
                    ("Oscar", MentionKind::Person),
                    ("Hilary Swank", MentionKind::Person),
                ],
            ),
            (
                "She worked with David Arquette for HBO, on a drama.",
                vec![
                    ("David Arquette", MentionKind::Person),
                    ("HBO", MentionKind::Organization),
                ],
            ),
            (
                "The Yukos saga goes on.",
                vec![("Yukos", MentionKind::Organization)],
            ),
        ] {
            let all: Vec<&str> = names.iter().map(|(name, _)| *name).collect();
            assert_eq!(kept(body, &names), all, "{body}");
        }
    }

    #[test]
    fn names_without_a_cue_or_that_speak_are_kept() {
        let body = "The film Moore made was shown in Cannes. Moore said it was his best. \
                    He worked with director Spike Lee, starring in his films. \
                    Film star Tom Hanks will play Chelsea fan. He voted for Labour. Best actor for Jamie Foxx. Movie fans crowded Hollywood.";
        let names = [
            ("Moore", MentionKind::Person),
            ("Moore", MentionKind::Person),
            ("Cannes", MentionKind::Location),
            ("Spike Lee", MentionKind::Person),
            ("Tom Hanks", MentionKind::Person),
            ("Chelsea", MentionKind::Organization),
            ("Labour", MentionKind::Organization),
            ("Jamie Foxx", MentionKind::Person),
            ("Hollywood", MentionKind::Location),
        ];
        assert_eq!(
            kept(body, &names),
            vec![
                "Moore",
                "Moore",
                "Cannes",
                "Spike Lee",
                "Tom Hanks",
                "Chelsea",
                "Labour",
                "Jamie Foxx",
                "Hollywood"
            ]
        );
    }
}
