#!/usr/bin/env python3
"""Measure enrichment speed on a JSON Lines corpus and print the figures.

Usage: scripts/bench-enrichment.py [CORPUS.jsonl] [RUNS]

CORPUS defaults to ../shared/corpora/reuters21578/articles.jsonl; RUNS to 5.
Builds the release binary, then times whole processes (this machine is
noisy, so it prints the median and the best of RUNS):
- `newsdex extract --threads 1` (articles per second on one thread), and
- `newsdex ingest` against `newsdex ingest --no-enrich` into fresh indexes,
  with their ratio (the cost of enrichment at ingest), and
- `newsdex ingest --no-enrich` of the corpus with the values `extract`
  found added to each article: what indexing the entity, country and
  keyword values costs when extracting them costs nothing, the floor of the
  ratio above.
Asserts nothing: it prints numbers.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
NEWSDEX = os.path.join(ROOT, "target", "release", "newsdex")


def timed(command):
    started = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def ingest_seconds(corpus, extra):
    with tempfile.TemporaryDirectory() as folder:
        return timed([NEWSDEX, "ingest", "-q", "--index", os.path.join(folder, "index"), *extra, corpus])


ENTITY_KEYS = ("persons", "organizations", "locations", "countries", "countries_mentioned", "keywords")


def write_pre_extracted(corpus, path):
    """Writes the corpus with each article's extracted values added."""
    extracted = subprocess.run([NEWSDEX, "extract", corpus], check=True, capture_output=True, text=True).stdout.splitlines()
    with open(corpus, encoding="utf-8") as lines, open(path, "w", encoding="utf-8") as out:
        articles = (json.loads(line) for line in lines if line.strip())
        for article, values in zip(articles, extracted, strict=True):
            values = json.loads(values)
            article.update({key: values[key] for key in ENTITY_KEYS})
            out.write(json.dumps(article) + "\n")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpora", "reuters21578", "articles.jsonl")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with open(corpus, encoding="utf-8") as lines:
        articles = sum(1 for line in lines if line.strip())
    extract = [timed([NEWSDEX, "extract", "--threads", "1", corpus]) for _ in range(runs)]
    plain, enriched, floor = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        pre_extracted = os.path.join(folder, "pre-extracted.jsonl")
        write_pre_extracted(corpus, pre_extracted)
        for _ in range(runs):
            plain.append(ingest_seconds(corpus, ["--no-enrich"]))
            enriched.append(ingest_seconds(corpus, []))
            floor.append(ingest_seconds(pre_extracted, ["--no-enrich"]))
    print(f"corpus: {corpus} ({articles} articles), {runs} runs, {os.cpu_count()} cores")
    lines = (
        ("extract --threads 1", extract),
        ("ingest --no-enrich", plain),
        ("ingest", enriched),
        ("pre-extracted --no-enrich", floor),
    )
    for name, seconds in lines:
        median = statistics.median(seconds)
        print(f"{name:<26} median {median:6.2f} s ({articles / median:8.0f} articles/s)   best {min(seconds):6.2f} s ({articles / min(seconds):8.0f} articles/s)")
    for name, seconds in (("ingest", enriched), ("pre-extracted --no-enrich", floor)):
        print(f"{name} / ingest --no-enrich: median {statistics.median(seconds) / statistics.median(plain):.2f}, best {min(seconds) / min(plain):.2f}")


if __name__ == "__main__":
    main()
