//! Day and month names in the languages feeds are written in, turned into
//! the English the date layouts read: `mer., 16 nov. 2022 00:38:15 +0100`
//! becomes `16 Nov 2022 00:38:15 +0100`, `Do, 18 Mär 2023` becomes
//! `18 Mar 2023`, `Sat, Dec 16 2023 02:02:33 PM` becomes
//! `Dec 16 2023 02:02:33 PM`.
//!
//! The rules, on the words of the text (split at spaces):
//!
//! - the first word is dropped when it is a day's name, or any word
//!   followed by a comma (`mer.,`, `Do,`, `Sat,`): the weekday, which
//!   the day and month already fix, and which a wrong one would make
//!   unreadable;
//! - a month's name or abbreviation, in English, French, German, Spanish,
//!   Italian, Portuguese or Dutch, in any case and with or without its
//!   dot, becomes the English abbreviation (a comma after it is kept);
//! - a day number followed by a dot (`17.`, German) loses the dot, and the
//!   word `de` (`17 de mayo de 2023`) is dropped.

/// Month names and abbreviations, lowercase and without their dot, with
/// the month's number.
const MONTHS: &[(&str, u32)] = &[
    ("jan", 1),
    ("january", 1),
    ("janv", 1),
    ("janvier", 1),
    ("januar", 1),
    ("jän", 1),
    ("jänner", 1),
    ("ene", 1),
    ("enero", 1),
    ("gen", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("feb", 2),
    ("february", 2),
    ("fév", 2),
    ("févr", 2),
    ("février", 2),
    ("fevr", 2),
    ("fev", 2),
    ("februar", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("mar", 3),
    ("march", 3),
    ("mars", 3),
    ("mär", 3),
    ("märz", 3),
    ("marz", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("apr", 4),
    ("april", 4),
    ("avr", 4),
    ("avril", 4),
    ("abr", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("mag", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("jun", 6),
    ("june", 6),
    ("juin", 6),
    ("juni", 6),
    ("junio", 6),
    ("giu", 6),
    ("giugno", 6),
    ("junho", 6),
    ("jul", 7),
    ("july", 7),
    ("juil", 7),
    ("juillet", 7),
    ("juli", 7),
    ("julio", 7),
    ("lug", 7),
    ("luglio", 7),
    ("julho", 7),
    ("aug", 8),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("ago", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("set", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("oct", 10),
    ("october", 10),
    ("octobre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("octubre", 10),
    ("ott", 10),
    ("ottobre", 10),
    ("out", 10),
    ("outubro", 10),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dec", 12),
    ("december", 12),
    ("déc", 12),
    ("décembre", 12),
    ("dez", 12),
    ("dezember", 12),
    ("dic", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// The English abbreviations the date layouts read (`%b`).
const ENGLISH_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Day names and abbreviations written without a comma before the day
/// (`mercredi 16 novembre 2022`), lowercase and without their dot.
const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// The number of a month written as a name or abbreviation in any of the
/// languages of [`MONTHS`], or `None`.
fn month_number(word: &str) -> Option<u32> {
    let bare = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == bare)
        .map(|(_, number)| *number)
}

/// Tells whether the first word of a date is a weekday to drop: a day's
/// name, or any word of letters followed by a comma.
fn is_leading_weekday(word: &str) -> bool {
    let bare = word.trim_end_matches(',').trim_end_matches('.');
    let is_letters = !bare.is_empty() && bare.chars().all(|c| c.is_alphabetic() || c == '-');
    if !is_letters || month_number(bare).is_some() {
        return false;
    }
    word.ends_with(',') || WEEKDAYS.contains(&bare.to_lowercase().as_str())
}

/// Rewrites a date's day and month names into the English the layouts
/// read, or `None` when nothing needed rewriting.
pub fn in_english(text: &str) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let mut changed = false;
    if words.first().is_some_and(|first| is_leading_weekday(first)) {
        words.remove(0);
        changed = true;
    }
    let mut rewritten = Vec::with_capacity(words.len());
    for word in words {
        if word.eq_ignore_ascii_case("de") {
            changed = true;
            continue;
        }
        let (bare, comma) = match word.strip_suffix(',') {
            Some(bare) => (bare, ","),
            None => (word, ""),
        };
        if let Some(number) = month_number(bare) {
            let english = ENGLISH_MONTHS[number as usize - 1];
            changed |= bare != english;
            rewritten.push(format!("{english}{comma}"));
            continue;
        }
        let is_dotted_day = bare.len() <= 3
            && bare.ends_with('.')
            && bare[..bare.len() - 1].bytes().all(|b| b.is_ascii_digit());
        if is_dotted_day {
            changed = true;
            rewritten.push(format!("{}{comma}", &bare[..bare.len() - 1]));
            continue;
        }
        rewritten.push(word.to_string());
    }
    changed.then(|| rewritten.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_each_language_become_english() {
        let cases = [
            (
                "mer, 16 nov 2022 00:38:15 +0100",
                "16 Nov 2022 00:38:15 +0100",
            ),
            (
                "mer., 17 mai 2023 10:38:15 +0200",
                "17 May 2023 10:38:15 +0200",
            ),
            ("ven., 10 févr. 2023 09:00:00", "10 Feb 2023 09:00:00"),
            (
                "Do, 18 Mai 2023 11:20:00 +0200",
                "18 May 2023 11:20:00 +0200",
            ),
            ("Di, 14 Mär 2023", "14 Mar 2023"),
            ("Mittwoch, 17. Mai 2023", "17 May 2023"),
            (
                "mié, 15 feb 2023 12:00:00 +0100",
                "15 Feb 2023 12:00:00 +0100",
            ),
            ("17 de mayo de 2023", "17 May 2023"),
            ("gio, 18 mag 2023", "18 May 2023"),
            ("seg, 2 out 2023", "2 Oct 2023"),
            ("qua, 17 mai 2023", "17 May 2023"),
            ("ma, 6 mrt 2023", "6 Mar 2023"),
            ("mercredi 16 novembre 2022", "16 Nov 2022"),
            ("Sat, Dec 16 2023 02:02:33 PM", "Dec 16 2023 02:02:33 PM"),
            ("DÉC 1, 2023", "Dec 1, 2023"),
        ];
        for (input, expected) in cases {
            assert_eq!(in_english(input).as_deref(), Some(expected), "{input:?}");
        }
    }

    #[test]
    fn dates_without_names_to_rewrite_are_left_alone() {
        for input in [
            "2024-10-14",
            "14 Oct 2024",
            "Oct 14, 2024 08:00",
            "2024-10-14 May",
        ] {
            assert_eq!(in_english(input), None, "{input:?}");
        }
        assert_eq!(in_english("Mar, 1 Mar 2023"), None, "a month is no weekday");
    }
}
