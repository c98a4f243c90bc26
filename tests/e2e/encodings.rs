//! Character encodings of the formats that declare none (issue 20): text,
//! JSON, JSON Lines, CSV and TSV not in UTF-8 are read as Windows-1252 with
//! one warning per file, or in the encoding `--encoding` names; UTF-16
//! with a byte-order mark is read whatever the format.

use crate::util::{TestEnv, json, stderr, stdout};

/// Encodes text as Windows-1252.
fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "{text}");
    bytes.into_owned()
}

/// Encodes text as UTF-16 with its byte-order mark, little- or big-endian.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    for unit in std::iter::once(0xfeff).chain(text.encode_utf16()) {
        match little_endian {
            true => bytes.extend_from_slice(&unit.to_le_bytes()),
            false => bytes.extend_from_slice(&unit.to_be_bytes()),
        }
    }
    bytes
}

/// The titles of every article in the index, sorted.
fn titles(env: &TestEnv) -> Vec<String> {
    let result = env.query(&["--limit", "100"]);
    let mut titles: Vec<String> = result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

/// Runs `ingest --json` with the arguments and checks it succeeded.
fn ingest(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = env.run("ingest", &all);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    output
}

/// Regression test for issue 20: a Windows-1252 CSV was stored with
/// U+FFFD for every accent (`Caf� prices soar in S�o Paulo`), for good,
/// with a warning on every row.
#[test]
fn r20_files_not_in_utf8_are_read_as_windows_1252_with_one_warning_each() {
    let env = TestEnv::new();
    let csv = env.write(
        "prices.csv",
        windows_1252(
            "title,body\n\"Café prices soar in São Paulo\",\"José Ramírez sold\"\nCrème brûlée,Déjà vu\n",
        ),
    );
    let lines = env.write(
        "wire.jsonl",
        windows_1252(concat!(
            "{\"title\": \"Zürich bank\", \"body\": \"Grüße\"}\n",
            "{\"title\": \"Plain line\", \"body\": \"Nothing odd\"}\n",
            "{\"title\": \"Málaga port\", \"body\": \"Señor\"}\n",
        )),
    );
    let text = env.write(
        "note.txt",
        windows_1252("date 2024-01-01 Œuvre sold for 5 €\n\nThe café sold it.\n"),
    );
    let output = ingest(
        &env,
        &[
            csv.to_str().unwrap(),
            lines.to_str().unwrap(),
            text.to_str().unwrap(),
        ],
    );
    assert_eq!(json(&output)["indexed"], 6, "{}", stderr(&output));
    assert_eq!(
        titles(&env),
        [
            "Café prices soar in São Paulo",
            "Crème brûlée",
            "Málaga port",
            "Plain line",
            "Zürich bank",
            "Œuvre sold for 5 €"
        ]
    );
    let messages = stderr(&output);
    let warnings: Vec<&str> = messages
        .lines()
        .filter(|line| line.contains("UTF-8"))
        .collect();
    let read_as = "not valid UTF-8: read as Windows-1252; if it is in another encoding, pass --encoding LABEL (said once per file)";
    assert_eq!(
        warnings,
        [
            format!("newsdex: warning: {}:2: {read_as}", csv.display()),
            format!("newsdex: warning: {}:1: {read_as}", lines.display()),
            format!("newsdex: warning: {}: {read_as}", text.display()),
        ],
        "{messages}"
    );
}

/// Regression test for issue 20: there was no way to name a file's
/// encoding, and UTF-16 was a binary file.
#[test]
fn r20_encoding_names_the_encoding_and_utf16_with_a_bom_is_read() {
    let env = TestEnv::new();
    let (greek, _, _) = encoding_rs::ISO_8859_7.encode("{\"title\": \"Αθήνα votes\"}\n");
    let greek = env.write("greek.jsonl", greek);
    let output = ingest(&env, &["--encoding", "iso-8859-7", greek.to_str().unwrap()]);
    assert!(!stderr(&output).contains("warning:"), "{}", stderr(&output));
    let little = env.write("little.csv", utf16("title,body\nÅland ferry,Sails\n", true));
    let big = env.write("big.jsonl", utf16("{\"title\": \"Łódź mill\"}\n", false));
    let text = env.write(
        "notepad.txt",
        utf16("date 2024-01-01 Reykjavík harbour\r\n\r\nBody.\r\n", true),
    );
    let output = ingest(
        &env,
        &[
            little.to_str().unwrap(),
            big.to_str().unwrap(),
            text.to_str().unwrap(),
        ],
    );
    assert!(!stderr(&output).contains("warning:"), "{}", stderr(&output));
    let piped = env
        .command()
        .args(["ingest", "--json", "--index"])
        .arg(env.index())
        .arg("-")
        .write_stdin(utf16("{\"title\": \"Ørsted wind\"}\n", true))
        .output()
        .expect("run newsdex");
    assert_eq!(json(&piped)["indexed"], 1, "{}", stderr(&piped));
    assert_eq!(
        titles(&env),
        [
            "Reykjavík harbour",
            "Åland ferry",
            "Ørsted wind",
            "Łódź mill",
            "Αθήνα votes"
        ]
    );
    let wrong = env.run("ingest", &["--encoding", "klingon", "-"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert_eq!(
        stderr(&wrong),
        "newsdex: error: invalid --encoding \"klingon\": use a WHATWG encoding label such as windows-1252, iso-8859-2, shift_jis, gb18030 or utf-16le\n"
    );
}

/// Issue 19: a name written with a soft hyphen inside (`Vladi\u{ad}mir`,
/// where a web page allows a line break) was the person `Vladi`, and a
/// search for `Vladimir` missed the article.
#[test]
fn r19_a_soft_hyphen_inside_a_name_is_removed() {
    let env = TestEnv::new();
    let article = "{\"id\": \"p1\", \"title\": \"Talks in Moscow\", \"body\": \
                   \"President Vladi\u{ad}mir Putin met the envoy on Tuesday, the Kremlin said.\"}\n";
    let file = env.write("soft.jsonl", article);
    let extracted = env
        .command()
        .arg("extract")
        .arg(&file)
        .output()
        .expect("run newsdex");
    let line = json(&extracted);
    assert_eq!(
        line["persons"],
        serde_json::json!(["Vladimir Putin"]),
        "{line}"
    );
    ingest(&env, &[file.to_str().unwrap()]);
    let found = env.query(&["Vladimir"]);
    assert_eq!(found["hits"][0]["id"], "p1", "{found}");
    let shown = env.run("show", &["p1"]);
    assert!(!stdout(&shown).contains('\u{ad}'), "{}", stdout(&shown));
}
