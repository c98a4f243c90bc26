//! Products: devices, software and technologies, which the tagger reads as
//! persons, organizations or places (`Xbox`, `Linux`, `Bluetooth`). A name
//! is a product when the article writes it, somewhere, right before a word
//! for a device in the singular (`the next Xbox console`; `Apple devices`
//! and `a Nokia phone` are a brand's), right after a word for a device or
//! a program (`the handheld console PSP`), or in a list after one and
//! `like` or `such as` (`software like Linux`, `technology such as
//! Bluetooth`). A name a list knows is a firm whose products these are,
//! and so is one the article has speak (`Symbian said`); no facet of
//! persons, organizations or places counts the rest, nor a name written
//! after `codenamed` (`Windows, codenamed Longhorn`), nor a grade of crude
//! (`Brent crude`).

use super::super::mentions::{Mention, MentionKind, Mentions};
use super::super::tagger::features::CueWords;
use super::super::vocabulary::GEOGRAPHIC_WORDS;
use super::{ArticleText, drop_cued_values, is_listed, list_opening, opens_possessive};

/// Words for a device, a medium or a program, after its name or before it
/// (`the Xbox console`, `the handheld console PSP`, `the HD-DVD format`). After a name, only the
/// singular says a product: a firm's goods are plural (`Nokia phones`).
/// Not `chips`: `blue chips like IDLC` are shares.
const DEVICE_NOUNS: [&str; 23] = [
    "format",
    "formats",
    "disc",
    "discs",
    "console",
    "consoles",
    "handheld",
    "handhelds",
    "handset",
    "handsets",
    "phone",
    "phones",
    "smartphone",
    "smartphones",
    "device",
    "devices",
    "gadget",
    "gadgets",
    "browser",
    "browsers",
    "chip",
    "processor",
    "processors",
];

/// Words for a kind of product that a firm's name stands before too
/// (`Apple software`, `IBM technology`): they say a product before its
/// name (`software like Linux`, `technology such as Bluetooth`), and
/// after the name of a person or place only (`Bluetooth technology`).
const KIND_NOUNS: [&str; 2] = ["software", "technology"];

/// Drops the persons, organizations and places the article writes as
/// products.
pub fn drop_products(mentions: &mut Mentions, article: ArticleText) {
    drop_code_names(mentions, article);
    drop_grades_of_crude(mentions, article);
    static PRODUCT_NOUNS: CueWords = CueWords::new(&[&DEVICE_NOUNS, &KIND_NOUNS]);
    if !article.words.writes_any_in_lowercase(&PRODUCT_NOUNS) {
        return;
    }
    make_brands_organizations(mentions, article);
    let mut products: Vec<&str> = Vec::new();
    let mut firms: Vec<&str> = Vec::new();
    for mention in mentions.list.iter().filter(|mention| is_named(mention)) {
        let value = mention.value.as_str();
        if products.contains(&value) || firms.contains(&value) {
            continue;
        }
        if is_firm(mention, mentions, article) {
            firms.push(value);
        } else if is_written_as_product(value, article, is_read_as_firm(value, mentions)) {
            products.push(value);
        }
    }
    if products.is_empty() {
        return;
    }
    let products: Vec<String> = products.into_iter().map(str::to_string).collect();
    mentions.drop_where(
        "products",
        "the article writes the name as a product's (`its Xbox consoles`, `software like \
         Linux`): no person, organization or place",
        |mention| is_named(mention) && products.contains(&mention.value),
    );
}

/// Words before a code name (`the next version of Windows, codenamed
/// Longhorn`, `an operation code-named Desert Fox`).
const CODE_NAME_WORDS: [&str; 3] = ["codenamed", "code-named", "codename"];

/// Drops the persons, organizations and places the article writes, once
/// at least, right after a word for a code name: a product's or a plan's
/// name before its launch, none of the three kinds.
fn drop_code_names(mentions: &mut Mentions, article: ArticleText) {
    static CUES: CueWords = CueWords::new(&[&CODE_NAME_WORDS]);
    let cued = |mention: &Mention| {
        is_named(mention) && CODE_NAME_WORDS.contains(&article.word_before(mention))
    };
    let why = "the article writes the name after `codenamed`: a product's or a plan's code name";
    drop_cued_values(mentions, article, &CUES, cued, is_named, ("products", why));
}

/// Drops the persons and organizations, and the places no list knows,
/// that the article writes right before `crude` or `blend`: a grade of
/// crude oil (`Brent crude`, `West Texas Intermediate crude`). A listed
/// place stays (`Dubai crude` is Dubai's), and so do a name in capitals
/// and a geographic feature, which produce it (`OPEC crude`, `North Sea
/// crude`).
fn drop_grades_of_crude(mentions: &mut Mentions, article: ArticleText) {
    const GRADE_WORDS: [&str; 2] = ["crude", "blend"];
    static CUES: CueWords = CueWords::new(&[&GRADE_WORDS]);
    let cued = |mention: &Mention| {
        // `OPEC crude`, `North Sea crude`: a producer's, a field's.
        let producer = !mention.value.contains(char::is_lowercase)
            || mention
                .value
                .split(' ')
                .any(|word| GEOGRAPHIC_WORDS.contains(word));
        is_named(mention)
            && !producer
            && !is_listed(mention)
            && article.writes_before(mention, &GRADE_WORDS)
    };
    let drops = |mention: &Mention| {
        is_named(mention) && (mention.kind != MentionKind::Location || !is_listed(mention))
    };
    let why = "the article writes the name before `crude`: a grade of crude oil";
    drop_cued_values(mentions, article, &CUES, cued, drops, ("products", why));
}

/// Makes a person or a place no list knows that the article writes before
/// a word for devices in the plural an organization: a brand (`a setting
/// on Symbian phones`), as `Nokia phones` are Nokia's.
fn make_brands_organizations(mentions: &mut Mentions, article: ArticleText) {
    let mut read: Vec<&str> = Vec::new();
    let mut brands: Vec<String> = Vec::new();
    for mention in &mentions.list {
        let person = mention.is_kept_as(MentionKind::Person);
        // `Frank Sinatra discs`: a person named in full is the artist.
        let named_in_full = person && mention.value.contains(' ');
        let candidate = (person || mention.is_kept_as(MentionKind::Location))
            && !named_in_full
            && !is_listed(mention);
        // Each name's text is searched once.
        if !candidate || read.contains(&mention.value.as_str()) {
            continue;
        }
        read.push(&mention.value);
        if writes_before_goods(&mention.value, article) {
            brands.push(mention.value.clone());
        }
    }
    let explain = mentions.explain;
    for mention in &mut mentions.list {
        let person_or_place = matches!(mention.kind, MentionKind::Person | MentionKind::Location);
        if mention.is_kept() && person_or_place && brands.contains(&mention.value) {
            let kind = mention.kind.name();
            mention.log_change(explain, "products", || {
                format!(
                    "{kind} → organization: a brand, written before its goods (`Symbian phones`)"
                )
            });
            mention.kind = MentionKind::Organization;
        }
    }
}

/// Whether the article writes a name right before a word for devices in
/// the plural (`Symbian phones`).
fn writes_before_goods(value: &str, article: ArticleText) -> bool {
    [article.title_text, article.body_text]
        .into_iter()
        .any(|text| {
            text.match_indices(value).any(|(at, _)| {
                let before = &text[..at];
                let after = &text[at + value.len()..];
                let next = after
                    .strip_prefix(' ')
                    .and_then(|after| after.split(|c: char| !c.is_alphabetic()).next());
                // `New York phones` names no brand `York`.
                let longer = before.strip_suffix(' ').is_some_and(|before| {
                    let word = before.rsplit([' ', '\n']).next().unwrap_or("");
                    word.starts_with(char::is_uppercase)
                });
                !before.ends_with(char::is_alphanumeric)
                    && !longer
                    && next.is_some_and(|word| word.ends_with('s') && DEVICE_NOUNS.contains(&word))
            })
        })
}

/// Whether a mention is a kept person, organization or place.
fn is_named(mention: &Mention) -> bool {
    [
        MentionKind::Person,
        MentionKind::Organization,
        MentionKind::Location,
    ]
    .into_iter()
    .any(|kind| mention.is_kept_as(kind))
}

/// Whether a name is a firm's, or another name a product's cue cannot
/// speak for: one a list knows, a place, one that speaks, a person named
/// in full.
fn is_firm(mention: &Mention, mentions: &Mentions, article: ArticleText) -> bool {
    is_listed(mention)
        || (mention.kind == MentionKind::Person && mention.value.contains(' '))
        || mentions
            .list
            .iter()
            .any(|other| other.value == mention.value && article.speaks(other))
}

/// Whether the article keeps a name as an organization somewhere.
fn is_read_as_firm(value: &str, mentions: &Mentions) -> bool {
    mentions
        .kept(MentionKind::Organization)
        .any(|mention| mention.value == value)
}

/// Whether the article writes a name, in its headline or its body, beside
/// a word for a product; a word for a kind of product after it says so
/// only of a name no reading takes for a firm (`Bluetooth technology`,
/// not `IBM technology`).
fn is_written_as_product(value: &str, article: ArticleText, read_as_firm: bool) -> bool {
    let is_letter = |character: char| character.is_alphanumeric();
    [article.title_text, article.body_text]
        .into_iter()
        .any(|text| {
            text.match_indices(value).any(|(at, _)| {
                let (before, after) = (&text[..at], &text[at + value.len()..]);
                // `software, like HP's ProtectTools`: the owner, not the
                // product.
                !before.ends_with(is_letter)
                    && !after.starts_with(is_letter)
                    && !opens_possessive(after)
                    && (product_noun_follows(before, after, read_as_firm)
                        || product_noun_precedes(before))
            })
        })
}

/// Whether a word for a device follows a name, in the singular, past
/// `games` (`the Xbox games console`), and no `a` or `an` makes the name
/// a brand (`a Nokia phone`); or, for a name no reading takes for a firm,
/// a word for a kind of product (`Linux software`).
fn product_noun_follows(before: &str, after: &str, read_as_firm: bool) -> bool {
    let brand = before.ends_with(" a ") || before.ends_with(" an ");
    // `Sony's PlayStation Portable (PSP) games console`: past the bracket
    // of an acronym.
    let mut words = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix(") "))
        .unwrap_or("")
        .split(|character: char| !character.is_alphabetic());
    let next = match words.next() {
        Some("games") => words.next(),
        next => next,
    };
    !brand
        && next.is_some_and(|word| {
            (!word.ends_with('s') && DEVICE_NOUNS.contains(&word))
                || (!read_as_firm && KIND_NOUNS.contains(&word))
        })
}

/// Whether a word for a product precedes a name, right before it (`the
/// handheld console PSP`, `Nintendo's handheld device, Nintendo DS`, `its
/// first handheld console, the PSP`) or
/// before `like` or `such as` and a list of names that holds it
/// (`software like Linux`).
fn product_noun_precedes(before: &str) -> bool {
    let near = before.trim_end_matches(' ');
    // `its first handheld console, the PSP`: a name in apposition.
    let near = near
        .strip_suffix(", the")
        .or_else(|| near.strip_suffix(','))
        .unwrap_or(near);
    if ends_with_product_noun(near) {
        return true;
    }
    list_opening(before, &[" like ", " such as "])
        .is_some_and(|list| DEVICE_NOUNS.contains(&list.noun) || KIND_NOUNS.contains(&list.noun))
}

/// Whether a text ends with a word for a product.
fn ends_with_product_noun(text: &str) -> bool {
    let word = text.rsplit([' ', '\n']).next().unwrap_or("");
    DEVICE_NOUNS.contains(&word) || KIND_NOUNS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{self, mentions_of_kinds, with_body};
    use super::*;

    fn kept(body: &str, names: &[(&str, MentionKind)]) -> Vec<String> {
        with_body(body, |article| {
            let mut mentions = mentions_of_kinds(body, names);
            drop_products(&mut mentions, article);
            mentions
                .list
                .iter()
                .filter(|mention| mention.is_kept())
                .map(|mention| mention.value.clone())
                .collect()
        })
    }

    #[test]
    fn a_code_name_is_none_of_the_facets() {
        use MentionKind::*;
        let body = "The next Windows, codenamed Longhorn, comes in 2006, Microsoft \
                    said. Iran began an offensive code-named Karbala-7 near Basra.";
        assert_eq!(
            kept(
                body,
                &[
                    ("Longhorn", Location),
                    ("Windows", Organization),
                    ("Microsoft", Organization),
                    ("Karbala-7", Location),
                    ("Basra", Location),
                ]
            ),
            vec!["Windows", "Microsoft", "Basra"]
        );
    }

    #[test]
    fn a_grade_of_crude_is_none_of_the_facets() {
        use MentionKind::*;
        let body = "Brent crude rose, as did Dubai crude, OPEC crude and North Sea crude; \
                    Brent Walker rose.";
        assert_eq!(
            kept(
                body,
                &[
                    ("Brent", Organization),
                    ("Dubai", Location),
                    ("OPEC", Organization),
                    ("North Sea", Location),
                    ("Brent Walker", Organization),
                ]
            ),
            vec!["Dubai", "OPEC", "North Sea", "Brent Walker"]
        );
    }

    #[test]
    fn a_name_beside_a_word_for_a_product_is_none_of_the_facets() {
        for (body, name) in [
            ("Xbox sold well. The next Xbox console is due.", "Xbox"),
            ("Sony wants the PSP games console to sell.", "PSP"),
            (
                "It fights open source software like Linux, which threatens it.",
                "Linux",
            ),
            (
                "Bluetooth reaches far. It uses technology such as Bluetooth.",
                "Bluetooth",
            ),
            (
                "Sites like Facebook push technology such as Bluetooth.",
                "Bluetooth",
            ),
            ("Gamers want the handheld console PSP.", "PSP"),
            ("Films will come on the HD-DVD format in 2005.", "HD-DVD"),
            (
                "It will launch its first handheld console, the PSP, in March.",
                "PSP",
            ),
            (
                "Sony's PlayStation Portable (PSP) games console sold out.",
                "PSP",
            ),
            (
                "Higher capacity discs, such as HD-DVD and Blu-ray, are due.",
                "HD-DVD",
            ),
            (
                "Sony showed its new games console, PlayStation.",
                "PlayStation",
            ),
        ] {
            assert!(
                kept(body, &[(name, MentionKind::Organization)]).is_empty(),
                "{body}"
            );
        }
        for (body, name, kind) in [
            (
                "It spreads via short range Bluetooth technology.",
                "Bluetooth",
                MentionKind::Person,
            ),
            (
                "IBM backs Linux software. Qwerty won.",
                "Linux",
                MentionKind::Location,
            ),
        ] {
            assert!(kept(body, &[(name, kind)]).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_person_or_place_before_devices_in_the_plural_is_a_brand() {
        let body = "Users can alter a setting on Symbian phones. Symbian said so.";
        let kinds = testing::kinds_after(
            body,
            &[
                ("Symbian", MentionKind::Person),
                ("Symbian", MentionKind::Person),
            ],
            drop_products,
        );
        assert!(
            kinds
                .iter()
                .all(|(_, kind)| *kind == MentionKind::Organization)
        );
        let listed = testing::kinds_after(
            "Paris phones rang.",
            &[("Paris", MentionKind::Location)],
            drop_products,
        );
        assert_eq!(listed[0].1, MentionKind::Location, "a list knows it");
        for (body, name) in [
            ("Frank Sinatra discs sold well.", "Frank Sinatra"),
            ("Cheap New York phones sold well.", "York"),
        ] {
            let kinds = testing::kinds_after(body, &[(name, MentionKind::Person)], drop_products);
            assert_eq!(kinds[0].1, MentionKind::Person, "{body}");
        }
    }

    #[test]
    fn a_firm_beside_a_word_for_a_product_stays() {
        for (body, name, kind) in [
            ("Zed phones sold well.", "Zed", MentionKind::Organization),
            (
                "It backs software like Linux. Qwerty won.",
                "Qwerty",
                MentionKind::Organization,
            ),
            (
                "Apple devices and Apple software sold well.",
                "Apple",
                MentionKind::Organization,
            ),
            (
                "Qwerty technology sold well.",
                "Qwerty",
                MentionKind::Organization,
            ),
            ("He bought a Zed phone.", "Zed", MentionKind::Person),
            (
                "Use special software, like HP's ProtectTools.",
                "HP",
                MentionKind::Organization,
            ),
            (
                "Brokers said blue chips like IDLC would rise.",
                "IDLC",
                MentionKind::Organization,
            ),
            (
                "Symbian said its Symbian phones are safe.",
                "Symbian",
                MentionKind::Person,
            ),
            (
                "John Smith phones daily.",
                "John Smith",
                MentionKind::Person,
            ),
            ("Paris phones rang.", "Paris", MentionKind::Location),
            (
                "Arsenal players and Chelsea games.",
                "Chelsea",
                MentionKind::Organization,
            ),
        ] {
            assert_eq!(kept(body, &[(name, kind)]), vec![name], "{body}");
        }
    }
}
