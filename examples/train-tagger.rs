//! Trains newsdex's name tagger from a CoNLL-2003 token file and writes
//! the model newsdex embeds:
//!
//! ```text
//! cargo run --release --example train-tagger -- \
//!     ../shared/corpora/conll2003/eng.train src/enrich/data/tagger.bin [EPOCHS] [DEV_FILE]
//! ```
//!
//! With a development file (`eng.testa`), it prints the exact-match
//! precision and recall of each label on it, to choose with; it never
//! trains on it.

use newsdex::enrich::tagger::train;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let [train_path, out_path, rest @ ..] = arguments.as_slice() else {
        return Err("usage: train-tagger TRAIN_FILE OUT [EPOCHS] [DEV_FILE]".into());
    };
    let epochs: usize = match rest.first() {
        Some(text) => text.parse()?,
        None => 10,
    };
    let articles = train::read_conll(&std::fs::read_to_string(train_path)?);
    let started = std::time::Instant::now();
    let (model, report) = train::train(&articles, epochs, train::MIN_WEIGHT);
    std::fs::write(out_path, &model)?;
    println!(
        "{} articles, {} texts, {} candidate tokens, {} epochs in {:.1} s",
        articles.len(),
        report.texts,
        report.tokens,
        epochs,
        started.elapsed().as_secs_f64()
    );
    let shown: Vec<String> = report
        .accuracy
        .iter()
        .map(|share| format!("{share:.4}"))
        .collect();
    println!("training accuracy per epoch: {}", shown.join(" "));
    println!(
        "{} features, {} bytes written to {out_path}",
        report.features,
        model.len()
    );
    if let Some(dev_path) = rest.get(1) {
        let dev = train::read_conll(&std::fs::read_to_string(dev_path)?);
        for (label, predicted, expected, agreed) in train::evaluate(&model, &dev) {
            let precision = agreed as f64 / predicted.max(1) as f64;
            let recall = agreed as f64 / expected.max(1) as f64;
            let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
            println!(
                "{label:?}: precision {precision:.3} recall {recall:.3} F1 {f1:.3} (exact spans)"
            );
        }
    }
    Ok(())
}
