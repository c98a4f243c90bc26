//! The page of `newsdex serve` in a real browser: Debian's chromium,
//! driven through chromedriver with fantoccini. It loads a search, checks
//! the hit count against `newsdex query`, drags across bars of the date
//! chart, clicks a facet value and a bar and checks the address and the
//! count follow each time, opens an article and goes back, and saves screenshots (`target/serve.png`,
//! `target/serve-article.png`).
//!
//! Ignored by a plain `cargo test`, which must pass on a machine with
//! only Rust; `.ci/run` installs `chromium` and `chromium-driver` and runs
//! it with `cargo test --test browser -- --ignored`. Run that way without
//! chromedriver, it fails saying what to install.

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use support::{Server, shared_index, stdout_of};

/// A chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts chromedriver, failing with what to install when it is not
    /// on the PATH.
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start chromedriver ({error}): install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), as .ci/run does"
                )
            });
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The capabilities of a headless chromium that makes no connection of
/// its own (this machine's network is closed).
fn capabilities() -> Capabilities {
    let mut arguments = vec![
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
    ];
    arguments.push("--lang=en-US");
    let mut options = json!({ "args": arguments });
    if Path::new("/usr/bin/chromium").exists() {
        options["binary"] = json!("/usr/bin/chromium");
    }
    let mut capabilities = Capabilities::new();
    capabilities.insert("goog:chromeOptions".to_string(), options);
    capabilities
}

/// Runs JavaScript until it returns something other than null or false,
/// for at most ten seconds.
async fn wait_for(client: &Client, script: &str) -> Value {
    let started = Instant::now();
    loop {
        let value = client.execute(script, vec![]).await.expect("script runs");
        if !value.is_null() && value != Value::Bool(false) {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "waited in vain for: {script}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the page has drawn a render after `before` and returns the
/// new render's number.
async fn wait_for_render(client: &Client, before: u64) -> u64 {
    let script = format!(
        "const ready = Number(document.body.dataset.ready || 0); return ready > {before} && !document.getElementById('app').hasAttribute('aria-busy') ? ready : null;"
    );
    wait_for(client, &script).await.as_u64().unwrap()
}

/// The number of hits the page shows.
async fn shown_total(client: &Client) -> u64 {
    let count = client.find(Locator::Id("hit-count")).await.unwrap();
    let total = count.attr("data-total").await.unwrap().unwrap();
    total.parse().unwrap()
}

/// The `total_hits` of `newsdex query --json` with these arguments.
fn cli_total(index: &Path, arguments: &[&str]) -> u64 {
    let mut with_json = arguments.to_vec();
    with_json.extend(["--json", "--limit", "0"]);
    let printed: Value = serde_json::from_slice(&stdout_of(index, "query", &with_json)).unwrap();
    printed["total_hits"].as_u64().unwrap()
}

/// The page's current query string, decoded into pairs.
async fn current_parameters(client: &Client) -> Vec<(String, String)> {
    let url = client.current_url().await.unwrap();
    url.query_pairs()
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

/// The value of a parameter in the page's address.
fn parameter<'a>(parameters: &'a [(String, String)], name: &str) -> Option<&'a str> {
    parameters
        .iter()
        .find(|(known, _)| known == name)
        .map(|(_, value)| value.as_str())
}

/// The folder cargo builds in (`target/`).
fn target_folder() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target folder")
        .to_path_buf()
}

#[test]
#[ignore = "needs chromium-driver: run via .ci/run"]
fn the_page_searches_filters_narrows_dates_and_opens_an_article() {
    let index = shared_index();
    let server = Server::start(&index, &[]);
    let driver = Driver::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities())
            .connect(&driver.url)
            .await
            .expect("a chromium session");
        // The walk runs as a task, so that a failed check still closes
        // the browser (killing chromedriver alone leaves chromium running).
        let walk = tokio::spawn(drive(client.clone(), server.url.clone(), index.clone()));
        let outcome = walk.await;
        let _ = client.close().await;
        if let Err(failure) = outcome {
            match failure.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                Err(failure) => panic!("the walk through the page stopped: {failure}"),
            }
        }
    });
}

/// The walk through the page.
async fn drive(client: Client, url: String, index: PathBuf) {
    let client = &client;
    let index = index.as_path();
    client.goto(&format!("{url}?q=oil")).await.unwrap();
    let mut render = wait_for_render(client, 0).await;
    assert_eq!(shown_total(client).await, cli_total(index, &["oil"]));
    let screenshot = client.screenshot().await.unwrap();
    std::fs::write(target_folder().join("serve.png"), screenshot).unwrap();

    // A drag across the first four bars narrows the dates to theirs; back
    // returns to the whole range.
    let bars = client
        .find_all(Locator::Css("svg.bars .bar"))
        .await
        .unwrap();
    assert!(bars.len() >= 4, "{} bars", bars.len());
    let drag = MouseActions::new("mouse".to_string())
        .then(PointerAction::MoveToElement {
            element: bars[0].clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: bars[3].clone(),
            duration: Some(Duration::from_millis(100)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(drag).await.unwrap();
    render = wait_for_render(client, render).await;
    let parameters = current_parameters(client).await;
    let from = parameter(&parameters, "from")
        .expect("from set")
        .to_string();
    let to = parameter(&parameters, "to").expect("to set").to_string();
    assert!(from < to, "{from} to {to}");
    let dragged = cli_total(index, &["oil", "--from", &from, "--to", &to]);
    assert_eq!(shown_total(client).await, dragged);
    assert!(dragged >= 1 && dragged < cli_total(index, &["oil"]));
    client.back().await.unwrap();
    render = wait_for_render(client, render).await;
    assert_eq!(parameter(&current_parameters(client).await, "from"), None);
    assert_eq!(shown_total(client).await, cli_total(index, &["oil"]));

    // A facet value adds its filter to the address and narrows the count.
    let value = client
        .find(Locator::Css(
            "section.facet[data-facet=country] a.facet-value",
        ))
        .await
        .unwrap();
    let country = value.attr("data-value").await.unwrap().unwrap();
    value.click().await.unwrap();
    render = wait_for_render(client, render).await;
    let parameters = current_parameters(client).await;
    assert_eq!(parameter(&parameters, "country"), Some(country.as_str()));
    assert_eq!(parameter(&parameters, "q"), Some("oil"));
    let by_country = cli_total(index, &["oil", "--country", &country]);
    assert_eq!(shown_total(client).await, by_country);
    assert!(by_country < cli_total(index, &["oil"]));

    // A bar of the chart narrows the dates to its own.
    let bar = client.find(Locator::Css("svg.bars .bar")).await.unwrap();
    let bucket = bar.attr("data-value").await.unwrap().unwrap();
    bar.click().await.unwrap();
    render = wait_for_render(client, render).await;
    let parameters = current_parameters(client).await;
    let from = parameter(&parameters, "from")
        .expect("from set")
        .to_string();
    let to = parameter(&parameters, "to").expect("to set").to_string();
    assert!(from.starts_with(&bucket[..4]), "{from} for bar {bucket}");
    let narrowed = cli_total(
        index,
        &["oil", "--country", &country, "--from", &from, "--to", &to],
    );
    assert_eq!(shown_total(client).await, narrowed);
    assert!(
        narrowed >= 1 && narrowed < by_country,
        "{narrowed} of {by_country}"
    );
    let chips = client.find_all(Locator::Css(".chip")).await.unwrap();
    assert_eq!(chips.len(), 4, "query, country, from and to");

    // A hit opens the article view; back returns to the same search.
    let title = client.find(Locator::Css(".hit a.title")).await.unwrap();
    let hit_title = title.text().await.unwrap();
    title.click().await.unwrap();
    render = wait_for_render(client, render).await;
    let article = client.find(Locator::Id("article")).await.unwrap();
    let heading = article.find(Locator::Css("h1")).await.unwrap();
    assert_eq!(heading.text().await.unwrap(), hit_title);
    assert!(parameter(&current_parameters(client).await, "article").is_some());
    let screenshot = client.screenshot().await.unwrap();
    std::fs::write(target_folder().join("serve-article.png"), screenshot).unwrap();
    client.back().await.unwrap();
    wait_for_render(client, render).await;
    let parameters = current_parameters(client).await;
    assert_eq!(parameter(&parameters, "article"), None);
    assert_eq!(parameter(&parameters, "from"), Some(from.as_str()));
    assert_eq!(shown_total(client).await, narrowed);
}
