//! `newsdex serve`: a web page and a JSON API over one index, served by
//! axum on a small tokio runtime.
//!
//! The server adds no search logic: each API route ([`api`]) reads its
//! parameters into the option structs the command line fills
//! ([`params`]), and calls the library functions the matching command
//! calls, so both answer the same and refuse the same values with the
//! same messages. The index is opened for reading only and opened again
//! after each commit ([`live`]); the page is embedded ([`assets`]).
//!
//! One current-thread runtime accepts the connections and parses HTTP;
//! searches, which block, run on its blocking threads (two per core), so
//! that on a small machine the cores go to tantivy rather than to idle
//! worker threads. Every answer carries `Content-Security-Policy:
//! default-src 'self'` and `X-Content-Type-Options: nosniff`; CORS
//! headers only with [`ServeOptions::cors_origin`]. Ctrl-C stops it after
//! the answers under way.

pub mod api;
pub mod assets;
pub mod live;
pub mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, Method, header};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::enrich::Enricher;
use crate::error::{Error, Result};
use api::AppState;
use live::LiveIndex;

/// What `serve` serves, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeOptions {
    /// The index folder.
    pub index: PathBuf,
    /// The address and port to listen at; port 0 picks a free one.
    pub address: SocketAddr,
    /// The origin allowed to call the API from another site's pages
    /// (`--cors`), or `*` for any; no CORS headers when `None`.
    pub cors_origin: Option<String>,
}

/// Serves the index until Ctrl-C, calling `on_ready` with the address
/// listened at once connections are accepted.
pub fn serve(options: &ServeOptions, on_ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let live = LiveIndex::open(&options.index)?;
    let cors_opt = match &options.cors_origin {
        Some(origin) => Some(cors_layer(origin)?),
        None => None,
    };
    let state = Arc::new(AppState {
        live,
        enricher: Enricher::new(),
    });
    let router = build_router(state, cors_opt);
    let address_text = options.address.to_string();
    let bind_failed = |source| Error::Bind {
        address: address_text.clone(),
        source,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(blocking_threads())
        .build()
        .map_err(bind_failed)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(options.address)
            .await
            .map_err(bind_failed)?;
        let bound = listener.local_addr().map_err(bind_failed)?;
        on_ready(bound);
        axum::serve(listener, router)
            .with_graceful_shutdown(interrupted())
            .await
            .map_err(bind_failed)
    })
}

/// Builds the router: the API, the page, JSON 404 and 405 answers, the
/// security headers and, when asked, CORS.
pub fn build_router(state: api::Shared, cors_opt: Option<CorsLayer>) -> Router {
    let mut router = Router::new();
    for (path, method_router) in api::routes().into_iter().chain(assets::routes()) {
        router = router.route(path, method_router);
    }
    router = router
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed);
    if let Some(cors) = cors_opt {
        router = router.layer(cors);
    }
    router
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .with_state(state)
}

/// The CORS layer of `--cors ORIGIN`: GET from that origin (or any, for
/// `*`).
fn cors_layer(origin: &str) -> Result<CorsLayer> {
    let refused = || Error::Usage {
        what: "CORS origin",
        value: origin.to_string(),
        hint: "give a scheme and host such as https://example.org, or * for any".to_string(),
    };
    let allowed = match origin {
        "*" => AllowOrigin::any(),
        _ if origin.starts_with("http://") || origin.starts_with("https://") => {
            let value =
                HeaderValue::from_str(origin.trim_end_matches('/')).map_err(|_| refused())?;
            AllowOrigin::list([value])
        }
        _ => return Err(refused()),
    };
    Ok(CorsLayer::new()
        .allow_origin(allowed)
        .allow_methods([Method::GET, Method::HEAD]))
}

/// How many searches may run at once: two per core, so that one waiting
/// on the disk leaves its core to another.
fn blocking_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |cores| cores.get());
    2 * cores
}

/// Completes on Ctrl-C (or never, when the signal cannot be watched).
async fn interrupted() {
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cors_origin_needs_a_scheme() {
        assert!(cors_layer("https://example.org").is_ok());
        assert!(cors_layer("*").is_ok());
        let refused = cors_layer("example.org").unwrap_err().to_string();
        assert!(
            refused.starts_with("invalid CORS origin \"example.org\""),
            "{refused}"
        );
    }
}
