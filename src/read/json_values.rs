//! How the values of JSON keys are read: text that may be nested in an
//! object's `name` or spread over a list ([`TextParts`]), ids and dates
//! that may be numbers ([`StringOrNumber`]), lists of extracted values
//! ([`OneOrMany`]), the long texts under keys newsdex does not read
//! ([`UnreadTextProbe`]), the keys themselves ([`Key`]), and the dotted
//! paths of `--field` ([`find_path`]).
//!
//! Each reads straight from the parser without building a
//! `serde_json::Value`, so that JSON Lines stay as fast as the plain keys
//! were; `--field`, which needs paths, goes through a `Value`.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::fields::is_long_text;

/// The keys of an object whose value is the object's text, best first:
/// `{"name": "Reuters"}`, `{"@value": ...}`, WordPress's `{"rendered":
/// ...}`, JSON-LD's `{"@id": URL}`.
const TEXT_KEYS_OF_OBJECTS: &[&str] = &[
    "name", "@value", "value", "text", "#text", "rendered", "@id", "url",
];

/// The strings of a value: a string, an object's `name` (or another of
/// [`TEXT_KEYS_OF_OBJECTS`]), or every such string of a list, in order.
/// Numbers and booleans are refused: they are not text. One string, the
/// common case, is kept without a list around it.
#[derive(Debug, Default, PartialEq, Eq)]
pub enum TextParts {
    /// No text.
    #[default]
    Empty,
    /// One string.
    One(String),
    /// Several strings.
    Many(Vec<String>),
}

impl TextParts {
    /// Joins the parts that are not blank with `separator`, or gives
    /// `None` when all are blank. A single part is kept as it is, without
    /// a copy.
    pub fn join(self, separator: &str) -> Option<String> {
        let mut kept = match self {
            TextParts::Empty => return None,
            TextParts::One(text) => return (!text.trim().is_empty()).then_some(text),
            TextParts::Many(texts) => texts,
        };
        kept.retain(|part| !part.trim().is_empty());
        if kept.len() <= 1 {
            return kept.pop();
        }
        Some(kept.join(separator))
    }

    /// The strings, in order.
    pub fn into_vec(self) -> Vec<String> {
        match self {
            TextParts::Empty => Vec::new(),
            TextParts::One(text) => vec![text],
            TextParts::Many(texts) => texts,
        }
    }
}

impl<'de> Deserialize<'de> for TextParts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextPartsVisitor)
    }
}

struct TextPartsVisitor;

impl<'de> Visitor<'de> for TextPartsVisitor {
    type Value = TextParts;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("text, an object with a name, or a list of them")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<TextParts, E> {
        Ok(TextParts::One(text.to_string()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<TextParts, E> {
        Ok(TextParts::One(text))
    }

    fn visit_unit<E: de::Error>(self) -> Result<TextParts, E> {
        Ok(TextParts::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<TextParts, E> {
        Ok(TextParts::default())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, inner: D) -> Result<TextParts, D::Error> {
        TextParts::deserialize(inner)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<TextParts, A::Error> {
        let mut parts = Vec::new();
        while let Some(more) = items.next_element::<TextParts>()? {
            parts.extend(more.into_vec());
        }
        Ok(TextParts::Many(parts))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextParts, A::Error> {
        let mut best: Option<(usize, TextParts)> = None;
        while let Some(Key(key)) = map.next_key()? {
            let position = TEXT_KEYS_OF_OBJECTS
                .iter()
                .position(|text_key| *text_key == key);
            match position {
                Some(position) if best.as_ref().is_none_or(|(kept, _)| position < *kept) => {
                    best = Some((position, map.next_value::<TextParts>()?));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(best.map(|(_, parts)| parts).unwrap_or_default())
    }
}

/// The key of an object, borrowed from the input when it holds no escape,
/// so that reading a key makes no new string.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(key)))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key.to_string())))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(key)))
    }
}

/// A value that may be a string or a number, read as a string.
pub struct StringOrNumber(pub Option<String>);

impl<'de> Deserialize<'de> for StringOrNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Option::<Value>::deserialize(deserializer)? {
            None | Some(Value::Null) => Ok(StringOrNumber(None)),
            Some(Value::String(text)) => Ok(StringOrNumber(Some(text))),
            Some(Value::Number(number)) => Ok(StringOrNumber(Some(number.to_string()))),
            Some(other) => Err(de::Error::custom(format!(
                "expected a string or a number, found {}",
                describe(&other)
            ))),
        }
    }
}

/// A value that may be one string or a list of strings (or of objects
/// with a name), read as a list.
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match TextParts::deserialize(deserializer) {
            Ok(parts) => Ok(OneOrMany(parts.into_vec())),
            Err(_) => Err(de::Error::custom("expected a string or a list of strings")),
        }
    }
}

/// Looks, without keeping anything else, for a string of at least
/// [`super::fields::UNREAD_TEXT_CHARS`] characters in a value, at most
/// [`PROBE_DEPTH`] levels down; gives the dotted path to the first one
/// below the value (empty for the value itself). Deeper levels are
/// skipped without recursing, as serde's `IgnoredAny` does, so hostile
/// nesting under an unknown key costs nothing more than before.
pub struct UnreadTextProbe(pub Option<String>);

/// How many levels of objects and lists the probe looks into.
pub const PROBE_DEPTH: usize = 3;

impl<'de> Deserialize<'de> for UnreadTextProbe {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ProbeVisitor { depth: 0 }.deserialize(deserializer)
    }
}

/// The probe at a given depth, usable as a seed for the values below.
#[derive(Clone, Copy)]
struct ProbeVisitor {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for ProbeVisitor {
    type Value = UnreadTextProbe;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<UnreadTextProbe, D::Error> {
        if self.depth > PROBE_DEPTH {
            IgnoredAny::deserialize(deserializer)?;
            return Ok(UnreadTextProbe(None));
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = UnreadTextProbe;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any value")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(is_long_text(text).then(String::new)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<UnreadTextProbe, E> {
        Ok(UnreadTextProbe(None))
    }

    fn visit_some<D: serde::Deserializer<'de>>(
        self,
        inner: D,
    ) -> Result<UnreadTextProbe, D::Error> {
        self.deserialize(inner)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<UnreadTextProbe, A::Error> {
        let below = ProbeVisitor {
            depth: self.depth + 1,
        };
        let mut found = None;
        while let Some(UnreadTextProbe(path)) = items.next_element_seed(below)? {
            if found.is_none() && path.is_some() {
                found = Some(String::new());
            }
        }
        Ok(UnreadTextProbe(found))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UnreadTextProbe, A::Error> {
        let below = ProbeVisitor {
            depth: self.depth + 1,
        };
        let mut found = None;
        while let Some(Key(key)) = map.next_key()? {
            let UnreadTextProbe(path) = map.next_value_seed(below)?;
            if found.is_some() {
                continue;
            }
            found = path.map(|path| join_path(&key, &path));
        }
        Ok(UnreadTextProbe(found))
    }
}

/// Joins a key and the dotted path below it.
pub fn join_path(key: &str, below: &str) -> String {
    match below.is_empty() {
        true => key.to_string(),
        false => format!("{key}.{below}"),
    }
}

/// Finds the value at a dotted path (`meta.published`): each step is a
/// key, matched exactly or else without regard to case; a step into a
/// list is taken in each of its items, and their values gathered in a
/// list.
pub fn find_path(value: &Value, path: &str) -> Option<Value> {
    let mut current = vec![value];
    let mut through_list = false;
    for step in path.split('.') {
        let mut next = Vec::new();
        for value in current {
            let items: Vec<&Value> = match value {
                Value::Array(items) => {
                    through_list = true;
                    items.iter().collect()
                }
                other => vec![other],
            };
            for item in items {
                if let Some(found) = find_key(item, step) {
                    next.push(found);
                }
            }
        }
        current = next;
    }
    match (current.len(), through_list) {
        (0, _) => None,
        (1, false) => Some(current[0].clone()),
        _ => Some(Value::Array(current.into_iter().cloned().collect())),
    }
}

fn find_key<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    let object = value.as_object()?;
    if let Some(found) = object.get(key) {
        return Some(found);
    }
    let mut matching = object
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case(key));
    matching.next().map(|(_, found)| found)
}

/// Names the kind of a JSON value, for error messages.
pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(json: &str) -> Result<Option<String>, String> {
        serde_json::from_str::<TextParts>(json)
            .map(|parts| parts.join(", "))
            .map_err(|error| error.to_string())
    }

    #[test]
    fn text_comes_from_strings_names_and_lists() {
        assert_eq!(parts(r#""Reuters""#).unwrap().as_deref(), Some("Reuters"));
        assert_eq!(
            parts(r#"{"id": null, "name": "Reuters"}"#)
                .unwrap()
                .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            parts(r#"[{"@type": "Person", "name": "Ana Ruiz"}, "Li Wei", ""]"#)
                .unwrap()
                .as_deref(),
            Some("Ana Ruiz, Li Wei")
        );
        assert_eq!(
            parts(r#"{"@id": "https://x.example/p", "name": "Ana Ruiz"}"#)
                .unwrap()
                .as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(parts("null").unwrap(), None);
        assert_eq!(parts(r#"{"logo": "x"}"#).unwrap(), None);
        assert!(parts("5").unwrap_err().starts_with("invalid type: integer"));
    }

    #[test]
    fn the_probe_finds_the_path_of_a_long_text() {
        let long = "word ".repeat(50);
        let probe = |json: &str| serde_json::from_str::<UnreadTextProbe>(json).unwrap().0;
        assert_eq!(probe(&format!(r#""{long}""#)), Some(String::new()));
        assert_eq!(probe(r#""short""#), None);
        assert_eq!(
            probe(&format!(r#"{{"a": 1, "b": {{"story": "{long}"}}}}"#)),
            Some("b.story".to_string())
        );
        assert_eq!(probe(&format!(r#"[1, "{long}"]"#)), Some(String::new()));
        assert_eq!(probe("[1, true, null, 2.5]"), None);
    }

    #[test]
    fn dotted_paths_step_through_objects_and_lists() {
        let value: Value = serde_json::from_str(
            r#"{"meta": {"Published": "2024-10-14"}, "people": [{"name": "A"}, {"name": "B"}]}"#,
        )
        .unwrap();
        assert_eq!(
            find_path(&value, "meta.published"),
            Some(Value::from("2024-10-14"))
        );
        assert_eq!(
            find_path(&value, "people.name"),
            Some(serde_json::json!(["A", "B"]))
        );
        assert_eq!(find_path(&value, "meta.missing"), None);
    }
}
