#!/usr/bin/env python3
"""Compare newsdex hit counts and per-month counts with SQLite FTS5.

Usage: scripts/compare-fts5.py CORPUS.jsonl INDEX_DIR TERM [TERM...]

Builds an in-memory FTS5 table (unicode61 tokenizer, diacritics kept, like
tantivy's default tokenizer) over title, dateline and body of CORPUS, then
for each single-term query prints the hit count and the per-month counts
from both engines and whether they agree. INDEX_DIR must hold CORPUS
ingested by newsdex. Prints figures; exits 1 when any count differs.
"""
import collections
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys

NEWSDEX = os.environ.get("NEWSDEX", "target/release/newsdex")


def month_of(date_text):
    """The month of a Reuters date (`26-FEB-1987 15:01:01.79`, with or without
    trailing desk codes) or of an ISO date, read independently of newsdex."""
    reuters = re.match(r"\s*(\d{1,2}-[A-Za-z]{3}-\d{4})", date_text)
    if reuters:
        return datetime.datetime.strptime(reuters.group(1).title(), "%d-%b-%Y").strftime("%Y-%m")
    iso = re.match(r"\s*(\d{4}-\d{2})-\d{2}", date_text)
    return iso.group(1) if iso else "none"


def main(corpus, index, terms):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE a USING fts5(title, dateline, body, month UNINDEXED, "
               "tokenize='unicode61 remove_diacritics 0')")
    with open(corpus, encoding="utf-8") as lines:
        rows = []
        for line in lines:
            article = json.loads(line)
            rows.append((article.get("title", ""), article.get("dateline", ""), article.get("body", ""),
                         month_of(article.get("date", ""))))
    db.executemany("INSERT INTO a VALUES (?, ?, ?, ?)", rows)
    failures = 0
    print(f"{'term':<12} {'fts5':>6} {'newsdex':>8}  months compared  result")
    for term in terms:
        fts_total = db.execute("SELECT count(*) FROM a WHERE a MATCH ?", (term,)).fetchone()[0]
        fts_months = collections.Counter(dict(db.execute(
            "SELECT month, count(*) FROM a WHERE a MATCH ? GROUP BY month", (term,)).fetchall()))
        result = json.loads(subprocess.run(
            [NEWSDEX, "query", "--index", index, term, "--facet", "date:month", "--limit", "0", "--json"],
            check=True, capture_output=True, text=True).stdout)
        ours = collections.Counter({f["value"]: f["count"] for f in result["facets"]["date:month"]})
        fts_months.pop("none", None)
        same = fts_total == result["total_hits"] and +fts_months == +ours
        failures += not same
        months = ", ".join(f"{m} {ours[m]}/{fts_months[m]}" for m in sorted(set(ours) | set(fts_months)))
        print(f"{term:<12} {fts_total:>6} {result['total_hits']:>8}  {months}  {'same' if same else 'DIFFERENT'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
