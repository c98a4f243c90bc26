//! The index schema: loads (reads from disk), parses and validates the
//! schema file (`index-schema/articles.json` built in, or `ingest --schema
//! FILE`), builds the tantivy schema from it, and resolves the fields the
//! pipeline reads and writes into [`Fields`].
//!
//! The file format is newsdex's own, so that a typo is an error rather than
//! a silently ignored option:
//!
//! ```json
//! { "version": 1,
//!   "fields": [ { "name": "title", "type": "text", "stored": true,
//!                 "indexed": true, "fast": false, "tokenizer": "default" } ] }
//! ```
//!
//! `type` is `text` (tokenized, with positions for phrase queries),
//! `string` (one token per value: exact match and facets), `date` or `u64`
//! (an unsigned number, such as the fingerprint of what a document was
//! made from).
//! `tokenizer` is `default` or `en_stem` for text, `raw` (the default) or
//! `lowercase` (case-insensitive match) for strings; each but `raw` has a
//! `_folded` twin (`default_folded`, `en_stem_folded`, `lowercase_folded`)
//! that also folds letters to their plain ASCII form (tantivy's
//! `AsciiFoldingFilter`), so that `Sanchez` matches `Sánchez` and
//! `Sao Paulo` matches `São Paulo`; the built-in schema folds the title,
//! dateline and body, and the names of persons, organizations, locations
//! and keywords. Folding changes the terms, never the text: stored values,
//! snippets and their highlights keep the accents. A fast string column
//! always keeps values as written, which is what facets show.

use std::path::Path;

use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, FieldType, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer, TokenizerManager,
};

use crate::error::{Error, Result};
use crate::kinds::PerKind;
use folded_words::FoldedWordTokenizer;

mod folded_words;

/// The schema file the binary embeds as its default.
pub const BUILT_IN_SCHEMA: &str = include_str!("../index-schema/articles.json");

/// The name of the tokenizer that matches strings case-insensitively.
pub const LOWERCASE_TOKENIZER: &str = "lowercase";

/// The name of the tokenizer that matches strings case-insensitively and
/// with or without accents.
pub const LOWERCASE_FOLDED_TOKENIZER: &str = "lowercase_folded";

/// The name of the text tokenizer of tantivy's `default`, with accents
/// folded.
pub const DEFAULT_FOLDED_TOKENIZER: &str = "default_folded";

/// The name of the text tokenizer of tantivy's `en_stem`, with accents
/// folded before stemming.
pub const EN_STEM_FOLDED_TOKENIZER: &str = "en_stem_folded";

/// The longest token tantivy's `default` and `en_stem` keep, in bytes.
const LONGEST_TOKEN: usize = 40;

/// The schema format version this build reads.
const VERSION: u32 = 1;

/// The schema file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFile {
    version: u32,
    fields: Vec<FieldSpec>,
}

/// One field of the schema file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldSpec {
    name: String,
    #[serde(rename = "type")]
    kind: FieldKind,
    #[serde(default)]
    stored: bool,
    #[serde(default = "yes")]
    indexed: bool,
    #[serde(default)]
    fast: bool,
    tokenizer: Option<String>,
}

fn yes() -> bool {
    true
}

/// The field types the schema file accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FieldKind {
    Text,
    String,
    Date,
    U64,
}

/// How error messages name the built-in schema.
const BUILT_IN_ORIGIN: &str = "index-schema/articles.json (built in)";

/// Loads the schema a new index is built with: the schema file at `path`,
/// read and checked, or the built-in one when no file is named
/// (`ingest --schema FILE`).
pub fn load_schema(path: Option<&Path>) -> Result<Schema> {
    let Some(path) = path else {
        return parse_schema(BUILT_IN_SCHEMA, BUILT_IN_ORIGIN);
    };
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|error| Error::Schema {
        path: origin.clone(),
        reason: error.to_string(),
    })?;
    parse_schema(&text, &origin)
}

/// Parses and validates a schema file's text, and builds the tantivy schema.
/// `origin` names the file in error messages.
pub fn parse_schema(text: &str, origin: &str) -> Result<Schema> {
    let error = |reason: String| Error::Schema {
        path: origin.to_string(),
        reason,
    };
    let file: SchemaFile = serde_json::from_str(text).map_err(|e| error(e.to_string()))?;
    if file.version != VERSION {
        return Err(error(format!(
            "version {} is not supported: this newsdex reads version {VERSION}",
            file.version
        )));
    }
    let mut builder = Schema::builder();
    let mut names = std::collections::HashSet::new();
    for spec in &file.fields {
        if !names.insert(spec.name.as_str()) {
            return Err(error(format!("field `{}` is declared twice", spec.name)));
        }
        add_field(&mut builder, spec)
            .map_err(|reason| error(format!("field `{}`: {reason}", spec.name)))?;
    }
    let schema = builder.build();
    Fields::resolve(&schema).map_err(error)?;
    Ok(schema)
}

/// Adds one declared field to the tantivy schema builder.
fn add_field(builder: &mut tantivy::schema::SchemaBuilder, spec: &FieldSpec) -> Result<(), String> {
    let tokenizer = spec.tokenizer.as_deref();
    match spec.kind {
        FieldKind::U64 => {
            if tokenizer.is_some() {
                return Err("a u64 field takes no tokenizer".to_string());
            }
            let mut options = NumericOptions::default();
            if spec.stored {
                options = options.set_stored();
            }
            if spec.indexed {
                options = options.set_indexed();
            }
            if spec.fast {
                options = options.set_fast();
            }
            builder.add_u64_field(&spec.name, options);
        }
        FieldKind::Date => {
            if tokenizer.is_some() {
                return Err("a date field takes no tokenizer".to_string());
            }
            let mut options = DateOptions::default().set_precision(DateTimePrecision::Seconds);
            if spec.stored {
                options = options.set_stored();
            }
            if spec.indexed {
                options = options.set_indexed();
            }
            if spec.fast {
                options = options.set_fast();
            }
            builder.add_date_field(&spec.name, options);
        }
        FieldKind::Text | FieldKind::String => {
            let (allowed, default, record): (&[&str], &str, IndexRecordOption) = match spec.kind {
                FieldKind::Text => (
                    &[
                        "default",
                        "en_stem",
                        DEFAULT_FOLDED_TOKENIZER,
                        EN_STEM_FOLDED_TOKENIZER,
                    ],
                    "default",
                    IndexRecordOption::WithFreqsAndPositions,
                ),
                _ => (
                    &["raw", LOWERCASE_TOKENIZER, LOWERCASE_FOLDED_TOKENIZER],
                    "raw",
                    IndexRecordOption::Basic,
                ),
            };
            let tokenizer = tokenizer.unwrap_or(default);
            if !allowed.contains(&tokenizer) {
                return Err(format!(
                    "unknown tokenizer `{tokenizer}`: use one of {}",
                    allowed.join(", ")
                ));
            }
            if spec.kind == FieldKind::Text && spec.fast {
                return Err(
                    "a text field cannot be fast: declare a string field for facets".to_string(),
                );
            }
            let mut options = TextOptions::default();
            if spec.stored {
                options = options.set_stored();
            }
            if spec.indexed {
                let indexing = TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(record)
                    .set_fieldnorms(spec.kind == FieldKind::Text);
                options = options.set_indexing_options(indexing);
            }
            if spec.fast {
                options = options.set_fast("raw");
            }
            builder.add_text_field(&spec.name, options);
        }
    }
    Ok(())
}

/// Registers the tokenizers the schema may name beyond tantivy's own.
pub fn register_tokenizers(tokenizers: &TokenizerManager) {
    let lowercase = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    tokenizers.register(LOWERCASE_TOKENIZER, lowercase);
    let lowercase_folded = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    tokenizers.register(LOWERCASE_FOLDED_TOKENIZER, lowercase_folded);
    // tantivy's `SimpleTokenizer`, `RemoveLongFilter`, `LowerCaser` and
    // `AsciiFoldingFilter` in one pass: a third of the instructions an
    // ingest spent in tantivy's indexing of a document went to that chain.
    let default_folded = TextAnalyzer::from(FoldedWordTokenizer::new(LONGEST_TOKEN));
    tokenizers.register(DEFAULT_FOLDED_TOKENIZER, default_folded);
    let en_stem_folded = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_TOKEN))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build();
    tokenizers.register(EN_STEM_FOLDED_TOKENIZER, en_stem_folded);
}

/// A name as the `lowercase_folded` tokenizer makes it a term: lowercase,
/// with accents folded (`Sánchez` → `sanchez`), for comparing names that
/// are not looked up in the index (the person aliases).
pub fn fold_for_matching(text: &str) -> String {
    // The tokenizer's whole work on ASCII, without building it.
    if text.is_ascii() {
        return text.trim().to_ascii_lowercase();
    }
    fold_with_tokenizer(text)
}

/// Folds a value through the index's own tokenizer chain for matching
/// (raw, lowercase, ASCII folding), which `fold_for_matching` shortens on
/// ASCII.
fn fold_with_tokenizer(text: &str) -> String {
    let mut analyzer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut folded = String::new();
    analyzer
        .token_stream(text.trim())
        .process(&mut |token| folded.push_str(&token.text));
    folded
}

/// The handles of every field newsdex reads or writes, resolved by name once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Unique article id (string).
    pub id: Field,
    /// Publication date (date, fast).
    pub date: Field,
    /// Headline (text).
    pub title: Field,
    /// Wire dateline (text).
    pub dateline: Field,
    /// Article text (text).
    pub body: Field,
    /// Publisher (string, fast).
    pub source: Field,
    /// Address (string).
    pub url: Field,
    /// Author (string).
    pub author: Field,
    /// One fast string field for each extracted kind, named by
    /// [`crate::kinds::Kind::field`] (`person`, `organization`...).
    pub kinds: PerKind<Field>,
    /// The hash of what the document was made from (u64, fast), which lets
    /// a re-ingest skip articles indexed already.
    pub fingerprint: Field,
    /// The MinHash band values of the body (u64, fast, four numbers packing
    /// the 16 bands: [`crate::bands::Bands::to_stored`]), which
    /// group near copies into stories ([`crate::enrich::minhash`]); `None`
    /// in an index built before it, which can be searched but not grouped.
    pub minhash: Option<Field>,
    /// The acronyms and short forms each article defines, with the full
    /// name it gives them (string, fast only:
    /// [`crate::index::aliases::variants`]); `None` in an index built
    /// before it, which then learns no acronyms across articles.
    pub short_form: Option<Field>,
    /// The names each article gives to works (string, fast only:
    /// [`crate::index::aliases::works`]); `None` in an index built before
    /// it, which then learns no titles across articles.
    pub work: Option<Field>,
}

impl Fields {
    /// The name of the [`Fields::id`] field.
    pub const ID: &str = "id";
    /// The name of the [`Fields::date`] field, whose fast column facets,
    /// stories and aliases read by name.
    pub const DATE: &str = "date";
    /// The name of the [`Fields::title`] field.
    pub const TITLE: &str = "title";
    /// The name of the [`Fields::dateline`] field.
    pub const DATELINE: &str = "dateline";
    /// The name of the [`Fields::body`] field.
    pub const BODY: &str = "body";
    /// The name of the [`Fields::source`] field, also the facet counting it.
    pub const SOURCE: &str = "source";
    /// The name of the [`Fields::url`] field.
    pub const URL: &str = "url";
    /// The name of the [`Fields::author`] field.
    pub const AUTHOR: &str = "author";
    /// The name of the [`Fields::fingerprint`] field.
    pub const FINGERPRINT: &str = "fingerprint";
    /// The name of the [`Fields::minhash`] field.
    pub const MINHASH: &str = "minhash";
    /// The name of the [`Fields::short_form`] field.
    pub const SHORT_FORM: &str = "short_form";
    /// The name of the [`Fields::work`] field.
    pub const WORK: &str = "work";
    /// The fields an index built before them may lack: it is read, and
    /// written to, without them.
    pub const ADDED_LATER: [&str; 2] = [Fields::SHORT_FORM, Fields::WORK];

    /// Finds every field the pipeline needs in a schema, checking its type.
    pub fn resolve(schema: &Schema) -> Result<Fields, String> {
        let text = |name: &str| find(schema, name, "text", is_tokenized_text);
        let string = |name: &str| find(schema, name, "string", is_string);
        let facet = |name: &str| find(schema, name, "fast string", is_fast_string);
        Ok(Fields {
            id: string(Fields::ID)?,
            date: find(schema, Fields::DATE, "fast date", is_fast_date)?,
            title: text(Fields::TITLE)?,
            dateline: text(Fields::DATELINE)?,
            body: text(Fields::BODY)?,
            source: facet(Fields::SOURCE)?,
            url: string(Fields::URL)?,
            author: string(Fields::AUTHOR)?,
            kinds: PerKind::try_from_fn(|kind| facet(kind.field()))?,
            fingerprint: find_fast_u64(schema, Fields::FINGERPRINT)?,
            minhash: find_fast_u64(schema, Fields::MINHASH).ok(),
            short_form: find_fast_column(schema, Fields::SHORT_FORM),
            work: find_fast_column(schema, Fields::WORK),
        })
    }
}

fn find(
    schema: &Schema,
    name: &str,
    kind: &str,
    check: fn(&FieldType) -> bool,
) -> Result<Field, String> {
    let field = schema
        .get_field(name)
        .map_err(|_| format!("field `{name}` is missing: newsdex needs it as a {kind} field"))?;
    let entry = schema.get_field_entry(field);
    if !entry.is_stored() || !check(entry.field_type()) {
        return Err(format!("field `{name}` must be a stored {kind} field"));
    }
    Ok(field)
}

/// Finds a fast u64 field, stored or not.
fn find_fast_u64(schema: &Schema, name: &str) -> Result<Field, String> {
    let field = schema
        .get_field(name)
        .map_err(|_| format!("field `{name}` is missing: newsdex needs it as a fast u64 field"))?;
    let field_type = schema.get_field_entry(field).field_type();
    if !matches!(field_type, FieldType::U64(options) if options.is_fast()) {
        return Err(format!("field `{name}` must be a fast u64 field"));
    }
    Ok(field)
}

/// Finds a string field that has a fast column, whether indexed or stored
/// or not; `None` when the schema has no such field.
fn find_fast_column(schema: &Schema, name: &str) -> Option<Field> {
    let field = schema.get_field(name).ok()?;
    let field_type = schema.get_field_entry(field).field_type();
    matches!(field_type, FieldType::Str(_) if field_type.is_fast()).then_some(field)
}

fn is_tokenized_text(field_type: &FieldType) -> bool {
    matches!(field_type, FieldType::Str(options) if options.get_indexing_options()
        .is_some_and(|indexing| indexing.index_option() == IndexRecordOption::WithFreqsAndPositions))
}

fn is_string(field_type: &FieldType) -> bool {
    matches!(field_type, FieldType::Str(options) if options.get_indexing_options().is_some())
}

fn is_fast_string(field_type: &FieldType) -> bool {
    is_string(field_type) && field_type.is_fast()
}

fn is_fast_date(field_type: &FieldType) -> bool {
    matches!(field_type, FieldType::Date(options) if options.is_fast() && options.is_indexed())
}

/// Describes the first difference between the schema an index was built
/// with and the one expected, or `None` when they are the same.
pub fn describe_difference(recorded: &Schema, expected: &Schema) -> Option<String> {
    for (_, expected_entry) in expected.fields() {
        let name = expected_entry.name();
        let Ok(field) = recorded.get_field(name) else {
            if Fields::ADDED_LATER.contains(&name) {
                continue;
            }
            return Some(format!(
                "field `{name}` is in the schema file but not in the index"
            ));
        };
        let recorded_entry = recorded.get_field_entry(field);
        if recorded_entry != expected_entry {
            let show = |entry| serde_json::to_string(entry).unwrap_or_default();
            return Some(format!(
                "field `{name}` is {} in the index but {} in the schema file",
                show(recorded_entry),
                show(expected_entry)
            ));
        }
    }
    for (_, recorded_entry) in recorded.fields() {
        if expected.get_field(recorded_entry.name()).is_err() {
            return Some(format!(
                "field `{}` is in the index but not in the schema file",
                recorded_entry.name()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Schema {
        parse_schema(BUILT_IN_SCHEMA, "built-in").unwrap()
    }

    #[test]
    fn folding_ascii_is_what_the_tokenizer_does() {
        for text in [
            "  U.S. Agriculture DEPARTMENT ",
            "usda",
            "",
            "Sánchez",
            "ÉCOLE",
        ] {
            assert_eq!(
                fold_for_matching(text),
                fold_with_tokenizer(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn folded_tokenizers_match_letters_with_and_without_accents() {
        assert_eq!(fold_for_matching(" Pedro Sánchez "), "pedro sanchez");
        assert_eq!(fold_for_matching("SÃO PAULO"), "sao paulo");
        let index = tantivy::Index::create_in_ram(built_in());
        register_tokenizers(index.tokenizers());
        let terms = |tokenizer: &str, text: &str| {
            let mut analyzer = index.tokenizers().get(tokenizer).unwrap();
            let mut terms = Vec::new();
            analyzer
                .token_stream(text)
                .process(&mut |token| terms.push(token.text.clone()));
            terms
        };
        assert_eq!(
            terms(DEFAULT_FOLDED_TOKENIZER, "São Paulo"),
            ["sao", "paulo"]
        );
        assert_eq!(
            terms(EN_STEM_FOLDED_TOKENIZER, "Cafés opened"),
            ["cafe", "open"]
        );
        assert_eq!(
            terms(LOWERCASE_FOLDED_TOKENIZER, "Coopérative Café"),
            ["cooperative cafe"]
        );
        let title = built_in().get_field("title").unwrap();
        let indexing = match built_in().get_field_entry(title).field_type() {
            FieldType::Str(options) => options.get_indexing_options().cloned(),
            _ => None,
        };
        assert_eq!(indexing.unwrap().tokenizer(), DEFAULT_FOLDED_TOKENIZER);
    }

    #[test]
    fn the_built_in_schema_has_every_field_the_pipeline_needs() {
        let schema = built_in();
        assert!(Fields::resolve(&schema).is_ok());
        assert_eq!(describe_difference(&schema, &built_in()), None);
    }

    #[test]
    fn loads_the_named_file_or_the_built_in_schema() {
        let loaded = load_schema(None).unwrap();
        assert_eq!(describe_difference(&loaded, &built_in()), None);
        let error = load_schema(Some(Path::new("/no/such/schema.json")))
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("schema /no/such/schema.json: "),
            "{error}"
        );
    }

    fn error_of(text: &str) -> String {
        parse_schema(text, "s.json").unwrap_err().to_string()
    }

    #[test]
    fn rejects_typos_and_unknown_values() {
        let typo = r#"{"version": 1, "fields": [{"name": "id", "type": "string", "stord": true}]}"#;
        assert!(
            error_of(typo).starts_with("schema s.json: unknown field `stord`"),
            "{}",
            error_of(typo)
        );
        let kind = r#"{"version": 1, "fields": [{"name": "id", "type": "blob"}]}"#;
        assert!(error_of(kind).contains("unknown variant `blob`"));
        let version = r#"{"version": 9, "fields": []}"#;
        assert_eq!(
            error_of(version),
            "schema s.json: version 9 is not supported: this newsdex reads version 1"
        );
    }

    #[test]
    fn names_the_field_at_fault() {
        let text = BUILT_IN_SCHEMA.replace(
            r#""name": "person", "type": "string""#,
            r#""name": "person", "type": "date""#,
        );
        assert_eq!(
            error_of(&text),
            "schema s.json: field `person`: a date field takes no tokenizer"
        );
        let missing = BUILT_IN_SCHEMA.replace(r#""name": "keyword""#, r#""name": "keywords""#);
        assert_eq!(
            error_of(&missing),
            "schema s.json: field `keyword` is missing: newsdex needs it as a fast string field"
        );
        let tokenizer = BUILT_IN_SCHEMA.replace(
            r#""tokenizer": "default_folded""#,
            r#""tokenizer": "klingon""#,
        );
        assert!(error_of(&tokenizer).contains("field `title`: unknown tokenizer `klingon`"));
    }

    #[test]
    fn describes_the_first_difference() {
        let stemmed = BUILT_IN_SCHEMA.replacen(
            r#""tokenizer": "default_folded""#,
            r#""tokenizer": "en_stem""#,
            1,
        );
        let other = parse_schema(&stemmed, "other").unwrap();
        let difference = describe_difference(&built_in(), &other).unwrap();
        assert!(difference.starts_with("field `title` is "), "{difference}");
        assert!(difference.contains("en_stem"), "{difference}");
    }

    #[test]
    fn an_index_built_before_short_forms_is_no_other_schema() {
        let line = r#",
    { "name": "short_form", "type": "string", "stored": false, "indexed": false, "fast": true }"#;
        assert!(BUILT_IN_SCHEMA.contains(line));
        let older = parse_schema(&BUILT_IN_SCHEMA.replace(line, ""), "older").unwrap();
        assert_eq!(describe_difference(&older, &built_in()), None);
        assert_eq!(Fields::resolve(&older).unwrap().short_form, None);
        assert!(Fields::resolve(&built_in()).unwrap().short_form.is_some());
        let without_minhash = BUILT_IN_SCHEMA.replace(r#""name": "minhash""#, r#""name": "other""#);
        let other = parse_schema(&without_minhash, "other").unwrap();
        assert!(
            describe_difference(&other, &built_in()).is_some(),
            "only the fields added later may be missing"
        );
    }
}
