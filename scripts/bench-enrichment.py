#!/usr/bin/env python3
"""Measure enrichment speed on a JSON Lines corpus and print the figures.

Usage: scripts/bench-enrichment.py [CORPUS.jsonl] [RUNS]

CORPUS defaults to ../shared/corpora/reuters21578/articles.jsonl; RUNS to 5.
Builds the release binary, then times whole processes (this machine is
noisy, so it prints the median and the best of RUNS):
- `newsdex extract --threads 1` (articles per second on one thread), and
- `newsdex ingest` against `newsdex ingest --no-enrich` into fresh indexes,
  with their ratio (the cost of enrichment at ingest).
Asserts nothing: it prints numbers.
"""
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


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpora", "reuters21578", "articles.jsonl")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with open(corpus, encoding="utf-8") as lines:
        articles = sum(1 for line in lines if line.strip())
    extract = [timed([NEWSDEX, "extract", "--threads", "1", corpus]) for _ in range(runs)]
    plain, enriched = [], []
    for _ in range(runs):
        plain.append(ingest_seconds(corpus, ["--no-enrich"]))
        enriched.append(ingest_seconds(corpus, []))
    print(f"corpus: {corpus} ({articles} articles), {runs} runs, {os.cpu_count()} cores")
    for name, seconds in (("extract --threads 1", extract), ("ingest --no-enrich", plain), ("ingest", enriched)):
        median = statistics.median(seconds)
        print(f"{name:<22} median {median:6.2f} s ({articles / median:8.0f} articles/s)   best {min(seconds):6.2f} s ({articles / min(seconds):8.0f} articles/s)")
    print(f"ingest / ingest --no-enrich: median {statistics.median(enriched) / statistics.median(plain):.2f}, best {min(enriched) / min(plain):.2f}")


if __name__ == "__main__":
    main()
