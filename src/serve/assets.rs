//! The page's files, embedded in the binary: the HTML shell, its script
//! and its style sheet, served from memory by fixed routes (no path from a
//! request ever reaches the file system). The script and the style are
//! files of their own because the Content-Security-Policy
//! (`default-src 'self'`) refuses inline ones.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};

use super::api::Shared;

/// The page.
const INDEX_HTML: &str = include_str!("page/index.html");

/// The page's script.
const APP_JS: &str = include_str!("page/app.js");

/// The page's style sheet.
const STYLE_CSS: &str = include_str!("page/style.css");

/// The page's routes.
pub fn routes() -> Vec<(&'static str, MethodRouter<Shared>)> {
    vec![
        ("/", get(|| served("text/html; charset=utf-8", INDEX_HTML))),
        (
            "/app.js",
            get(|| served("text/javascript; charset=utf-8", APP_JS)),
        ),
        (
            "/style.css",
            get(|| served("text/css; charset=utf-8", STYLE_CSS)),
        ),
    ]
}

/// Answers with an embedded file; the browser asks again after an hour,
/// so a new binary's page is picked up.
async fn served(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        body,
    )
        .into_response()
}
