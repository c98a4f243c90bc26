//! `newsdex ingest` on web archives: the HTML responses of a WARC as
//! pages, with the record's address and date as fallbacks, gzipped, and a
//! WARC cut short. The sample is `samples/formats/cc-news-sample.warc`,
//! which the README uses.

use std::io::Write;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::formats::format_sample;
use crate::util::{TestEnv, json, stderr};

fn sample_bytes() -> Vec<u8> {
    std::fs::read(format_sample("cc-news-sample.warc")).expect("read the sample")
}

#[test]
fn each_html_response_of_a_warc_is_an_article() {
    let env = TestEnv::new();
    let output = env.run("ingest", &["--json", &format_sample("cc-news-sample.warc")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    assert_eq!(
        (report["read"].as_u64(), report["indexed"].as_u64()),
        (Some(2), Some(2))
    );
    let copper = &env.query(&["copper"])["hits"][0];
    assert_eq!(copper["title"], "Copper output rises at the northern mines");
    assert_eq!(copper["source"], "Andes Mining Weekly");
    assert_eq!(copper["date"], "2024-10-20");
    assert_eq!(
        copper["url"],
        "https://mining.example.org/2024/10/20/copper-output"
    );
    assert_eq!(
        env.query(&["Subscribe"])["total_hits"],
        0,
        "footer left out"
    );
    let fleet = &env.query(&["hake"])["hits"][0];
    assert_eq!(fleet["date"], "2024-10-21", "the WARC-Date");
    assert_eq!(fleet["url"], "https://coast.example.org/fleet-in-port");
    assert_eq!(env.query(&["\"Puerto Aysén\""])["total_hits"], 1);
}

#[test]
fn a_gzipped_warc_is_read_and_a_cut_one_keeps_the_records_before() {
    let env = TestEnv::new();
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(&sample_bytes()).expect("compress");
    let gzipped = env.write(
        "CC-NEWS-sample.warc.gz",
        encoder.finish().expect("compress"),
    );
    let output = env.run("ingest", &["--json", gzipped.to_str().unwrap()]);
    assert_eq!(json(&output)["indexed"], 2, "{}", stderr(&output));

    let env = TestEnv::new();
    let bytes = sample_bytes();
    let cut = env.write("cut.warc", &bytes[..bytes.len() - 300]);
    let output = env.run("ingest", &["--json", cut.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(json(&output)["indexed"], 1);
    let message = stderr(&output);
    let expected = format!(
        "newsdex: skipped {}:64: truncated WARC: the file ends inside this record",
        cut.display()
    );
    assert!(message.starts_with(&expected), "{message}");
}
