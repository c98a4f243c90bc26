#!/usr/bin/env python3
"""Generates web pages and a WARC of them, for measuring the page and WARC
readers: `generate-web-corpus.py pages DIR COUNT` writes COUNT .html pages
(head metadata, navigation, an article of 8-14 paragraphs, ads, comments,
a sidebar and a footer, about 25 KB each); `generate-web-corpus.py warc
FILE MEGABYTES` writes a WARC of about that size, shaped like CC-NEWS
(warcinfo, then request/response/metadata per page, plus image responses
that are skipped). The text is random words, nothing copied.

    scripts/generate-web-corpus.py pages /tmp/pages 2000
    time newsdex ingest --no-enrich --index /tmp/ix /tmp/pages
    scripts/generate-web-corpus.py warc /tmp/news.warc 200
    /usr/bin/time -v newsdex ingest --no-enrich --index /tmp/iw /tmp/news.warc
"""

import os
import random
import sys

WORDS = ("harbour port ferry crew union wage offer vote strike talks minister "
         "council river bridge road rail freight cargo ship container crane "
         "winter storm flood lava quake barrier island village market price "
         "grain coffee cocoa copper mine export import tariff bank rate loan "
         "school hospital nurse doctor court judge police election party "
         "mayor budget tax report study season tourist hotel fishing fleet").split()


def sentence(rng, low=8, high=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def page(rng, number):
    title = sentence(rng, 5, 9)[:-1]
    paragraphs = "\n".join(
        "<p>" + " ".join(sentence(rng) for _ in range(rng.randint(3, 6))) + "</p>"
        for _ in range(rng.randint(8, 14)))
    nav = " ".join(f'<li><a href="/section/{i}">{rng.choice(WORDS).title()}</a></li>' for i in range(40))
    related = "".join(f'<li><a href="/story/{i}">{sentence(rng, 4, 8)}</a></li>' for i in range(15))
    comments = "".join(f'<div class="comment"><b>reader{i}</b> {sentence(rng)}</div>' for i in range(10))
    script = "var config = {" + ",".join(f'"k{i}": {i}' for i in range(200)) + "};"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Example Gazette</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2024-10-{1 + number % 28:02d}T08:00:00Z">
<link rel="canonical" href="https://news.example.org/story/{number}">
<script>{script}</script><style>.ad {{ width: 300px }} .nav li {{ display: inline }}</style></head>
<body><header><nav><ul class="nav">{nav}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Writer</p>
{paragraphs}
<div class="ad">Advertisement {sentence(rng, 4, 6)}</div></article>
<section class="comments">{comments}</section></main>
<aside><h3>Most read</h3><ul>{related}</ul></aside>
<footer><p>Copyright Example Gazette</p><a href="/privacy">Privacy</a></footer></body></html>
"""


def write_pages(folder, count):
    rng = random.Random(13)
    os.makedirs(folder, exist_ok=True)
    for number in range(count):
        with open(os.path.join(folder, f"page-{number:06}.html"), "w") as out:
            out.write(page(rng, number))


def warc_record(kind, uri, content_type, content):
    header = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
              f"WARC-Date: 2024-10-20T06:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri + kind))}>\r\n"
              f"Content-Type: {content_type}\r\nContent-Length: {len(content)}\r\n\r\n")
    return header.encode() + content + b"\r\n\r\n"


def write_warc(path, megabytes):
    rng = random.Random(13)
    limit = megabytes << 20
    with open(path, "wb") as out:
        out.write(warc_record("warcinfo", "", "application/warc-fields", b"software: generate-web-corpus\r\n"))
        number = 0
        while out.tell() < limit:
            uri = f"https://news.example.org/story/{number}"
            body = page(rng, number).encode()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
            out.write(warc_record("request", uri, "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"))
            out.write(warc_record("response", uri, "application/http; msgtype=response", http))
            out.write(warc_record("metadata", uri, "application/warc-fields", b"fetchTimeMs: 120\r\n"))
            if number % 10 == 0:
                image = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + os.urandom(200_000)
                out.write(warc_record("response", uri + ".jpg", "application/http; msgtype=response", image))
            number += 1
    print(f"{path}: {number} pages")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("pages", "warc"):
        sys.exit(__doc__)
    if sys.argv[1] == "pages":
        write_pages(sys.argv[2], int(sys.argv[3]))
    else:
        write_warc(sys.argv[2], int(sys.argv[3]))
