//! The JSON API: each route reads its parameters ([`super::params`]),
//! then calls the same library functions as the command it mirrors and
//! answers with the bytes that command prints: `/api/search` is
//! `query --json` (or `--format csv`, `--format jsonl`, or an Atom feed),
//! `/api/articles/{id}` is `show ID --json`, `/api/stats` is `stats
//! --json`, `/api/pairs` is `pairs --format json`. The routes are listed
//! once, in [`routes`], which `openapi.json` describes (a test compares
//! them).
//!
//! Searching is blocking work: it runs on tokio's blocking threads, within
//! [`REQUEST_TIME_LIMIT`]. A refused value is a 400 with `{"error":
//! "<the CLI's message>"}`; an id the index does not hold a 404.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use serde::Serialize;

use crate::enrich::Enricher;
use crate::error::Error;
use crate::index::stored;
use crate::output::{self, atom, csv, json};
use crate::query::{self, Sort, collect, pairs::PairsRequest};

use super::live::LiveIndex;
use super::params::{self, ParameterError, SearchFormat};

/// The longest a request may take before it is answered with a 503; the
/// search it started still runs to its end on its blocking thread.
pub const REQUEST_TIME_LIMIT: Duration = Duration::from_secs(10);

/// What every request shares: the index and the enricher that re-derives
/// an article's country evidence.
pub struct AppState {
    /// The index, opened again after each commit.
    pub live: LiveIndex,
    /// The enricher of `show`.
    pub enricher: Enricher,
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;

/// The OpenAPI 3 description of the routes.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

/// The API's routes and their handlers, each answering GET (and HEAD).
pub fn routes() -> Vec<(&'static str, MethodRouter<Shared>)> {
    vec![
        ("/api/search", get(search)),
        ("/api/articles/{id}", get(article)),
        ("/api/stats", get(stats)),
        ("/api/pairs", get(pairs)),
        ("/api/openapi.json", get(openapi)),
    ]
}

/// An answer other than success: the status and the message.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

/// The body of an error answer.
#[derive(Serialize)]
struct ErrorJson<'a> {
    error: &'a str,
}

impl ApiError {
    /// Makes an error answer.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&ErrorJson {
            error: &self.message,
        })
        .unwrap_or_else(|_| r#"{"error": "internal failure"}"#.to_string());
        (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            body + "\n",
        )
            .into_response()
    }
}

impl From<ParameterError> for ApiError {
    fn from(error: ParameterError) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, error.0)
    }
}

impl From<Error> for ApiError {
    /// What the user typed wrong is a 400; a missing article a 404;
    /// anything else (the index unreadable) a 500.
    fn from(error: Error) -> ApiError {
        let status = match &error {
            Error::Usage { .. } | Error::Query { .. } | Error::NoStories(_) => {
                StatusCode::BAD_REQUEST
            }
            Error::NoArticle { .. } => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, error.to_string())
    }
}

/// Runs blocking work (tantivy's) on tokio's blocking threads, answering
/// with a 503 when it takes longer than [`REQUEST_TIME_LIMIT`].
async fn run_blocking(
    work: impl FnOnce() -> Result<Response, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    run_blocking_within(REQUEST_TIME_LIMIT, work).await
}

/// Runs blocking work within a time limit: a 503 when it takes longer,
/// a 500 when it panicked.
async fn run_blocking_within(
    limit: Duration,
    work: impl FnOnce() -> Result<Response, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let task = tokio::task::spawn_blocking(work);
    match tokio::time::timeout(limit, task).await {
        Err(_elapsed) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the request took longer than {}: narrow the query or the filters",
                describe_duration(limit)
            ),
        )),
        Ok(Err(_failed)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal failure while answering the request",
        )),
        Ok(Ok(answer)) => answer,
    }
}

/// Writes a time limit in whole seconds (`10 s`), or milliseconds when
/// shorter than a second.
fn describe_duration(limit: Duration) -> String {
    match limit.as_secs() {
        0 => format!("{} ms", limit.as_millis()),
        seconds => format!("{seconds} s"),
    }
}

/// An answer with a body and its content type.
fn answer(content_type: &'static str, body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A download: an answer with a file name to save it under.
fn download(content_type: &'static str, file_name: &'static str, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    let mut response = answer(content_type, body);
    if let Ok(value) = disposition.parse() {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A failed write into memory, which only an output shape's bug causes.
fn write_failed(error: std::io::Error) -> ApiError {
    ApiError::from(Error::Output(error))
}

/// `GET /api/search`: `query --json`, or the format asked for.
async fn search(
    State(state): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let raw_query = raw.unwrap_or_default();
    let decoded = params::decode_query_string(&raw_query)?;
    let parsed = params::parse_search(&decoded)?;
    let page_url = page_url(&headers);
    run_blocking(move || {
        let mut options = parsed.options;
        if parsed.format == SearchFormat::Atom {
            options.sort = Sort::DateDescending;
        }
        let request = query::build_search_request(&options)?;
        let snapshot = state.live.current()?;
        let result = collect::search_in(&snapshot.open, &snapshot.searcher, &request)?;
        let mut body = Vec::new();
        let response = match parsed.format {
            SearchFormat::Json => {
                json::write_query(&mut body, &request.query, &result).map_err(write_failed)?;
                answer("application/json", body)
            }
            SearchFormat::Jsonl => {
                json::write_hits(&mut body, &result.hits).map_err(write_failed)?;
                download("application/x-ndjson", "newsdex-search.jsonl", body)
            }
            SearchFormat::Csv => {
                csv::write_hits(&mut body, &result.hits).map_err(write_failed)?;
                download("text/csv; charset=utf-8", "newsdex-search.csv", body)
            }
            SearchFormat::Atom => {
                let title = match request.query.trim() {
                    "" | "*" => "newsdex: every article".to_string(),
                    text => format!("newsdex: {text}"),
                };
                let self_url = format!("{}api/search?{raw_query}", page_url);
                let header = atom::FeedHeader {
                    title: &title,
                    search: &feed_search(&decoded),
                    self_url: &self_url,
                    page_url: &page_url,
                };
                atom::write_feed(&mut body, &header, &result.hits).map_err(write_failed)?;
                answer("application/atom+xml; charset=utf-8", body)
            }
        };
        Ok(response)
    })
    .await
}

/// The parameters that make a feed's id: those of the search, without
/// `format`, re-encoded in the order given.
fn feed_search(decoded: &[(String, String)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in decoded {
        if name != "format" {
            serializer.append_pair(name, value);
        }
    }
    serializer.finish()
}

/// The address of the page, as the client reached it (`http://HOST/`).
fn page_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .filter(|host| !host.is_empty() && !host.contains(['/', ' ', '"', '<', '>']))
        .unwrap_or("localhost");
    format!("http://{host}/")
}

/// `GET /api/articles/{id}`: `show ID --json`.
async fn article(
    State(state): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    run_blocking(move || {
        let open = state.live.current()?.open;
        let Some(found) = stored::shown_article(&open, &state.enricher, &id)? else {
            return Err(ApiError::from(Error::NoArticle {
                index: state.live.path().to_path_buf(),
                id,
            }));
        };
        let mut body = Vec::new();
        json::write_line(&mut body, &found).map_err(write_failed)?;
        Ok(answer("application/json", body))
    })
    .await
}

/// `GET /api/stats`: `stats --json`.
async fn stats(State(state): State<Shared>) -> Result<Response, ApiError> {
    run_blocking(move || {
        let open = state.live.current()?.open;
        let summary = crate::operations::stats::index_stats(&open, 10)?;
        let mut body = Vec::new();
        json::write_stats(&mut body, &summary).map_err(write_failed)?;
        Ok(answer("application/json", body))
    })
    .await
}

/// `GET /api/pairs`: `pairs --format json`.
async fn pairs(State(state): State<Shared>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let decoded = params::decode_query_string(&raw.unwrap_or_default())?;
    let parsed = params::parse_pairs(&decoded)?;
    run_blocking(move || {
        let request = PairsRequest {
            search: query::build_filtered_request(&parsed.filters)?,
            kinds: parsed.kinds,
            min_count: parsed.min_count,
            limit: parsed.limit,
        };
        let open = state.live.current()?.open;
        let result = query::pairs::count_pairs(&open, &request)?;
        let mut body = Vec::new();
        output::pairs::write_json(&mut body, &request.search.query, &result)
            .map_err(write_failed)?;
        Ok(answer("application/json", body))
    })
    .await
}

/// `GET /api/openapi.json`: the description of the routes.
async fn openapi() -> Response {
    answer("application/json", OPENAPI_JSON.as_bytes().to_vec())
}

/// Any path no route serves.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such page: the API is under /api/ (see /api/openapi.json)",
    )
}

/// A method other than GET or HEAD.
pub async fn method_not_allowed() -> Response {
    let mut response = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "only GET and HEAD are served: the API and the page only read the index",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openapi_describes_exactly_the_routes() {
        let description: serde_json::Value = serde_json::from_str(OPENAPI_JSON).unwrap();
        assert_eq!(
            description["openapi"].as_str().unwrap().get(..2),
            Some("3.")
        );
        let described: Vec<&str> = description["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut served: Vec<&str> = routes().iter().map(|(path, _)| *path).collect();
        let mut described_sorted = described.clone();
        described_sorted.sort();
        served.sort();
        assert_eq!(described_sorted, served);
        for path in described {
            let operations = description["paths"][path].as_object().unwrap();
            let methods: Vec<&String> = operations.keys().collect();
            assert_eq!(methods, ["get"], "{path} describes only GET");
        }
    }

    #[test]
    fn work_over_the_time_limit_is_a_503() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let slow = runtime.block_on(run_blocking_within(Duration::from_millis(20), || {
            std::thread::sleep(Duration::from_millis(300));
            Ok(answer("text/plain", Vec::new()))
        }));
        let refused = slow.unwrap_err();
        assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            refused
                .message
                .starts_with("the request took longer than 20 ms:")
        );
        let quick = runtime.block_on(run_blocking_within(Duration::from_secs(5), || {
            Ok(answer("text/plain", b"done".to_vec()))
        }));
        assert_eq!(quick.unwrap().status(), StatusCode::OK);
    }

    #[test]
    fn a_refused_value_is_a_400_and_a_missing_article_a_404() {
        let usage = ApiError::from(Error::Usage {
            what: "facet",
            value: "colour".to_string(),
            hint: "x".to_string(),
        });
        assert_eq!(usage.status, StatusCode::BAD_REQUEST);
        assert_eq!(usage.message, "invalid facet \"colour\": x");
        let missing = ApiError::from(Error::NoArticle {
            index: "idx".into(),
            id: "a".to_string(),
        });
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    }
}
