"""Fuzzing every reader with mutated, realistic inputs (hypothesis drives the mutations).

Each input is a generated file of one kind (plain text in several encodings, JSON Lines,
gzipped JSON Lines, an HTML page, a WARC and a gzipped WARC of several pages, RSS and
Atom feeds, a sitemap) mutated by a few operations: bytes flipped, inserted, deleted,
repeated or cut, and "interesting" tokens spliced in (lone surrogates, BOMs, control
characters, Content-Length lies, entity bombs, huge attribute lists, deep nesting, long
lines). Container kinds are also mutated one record at a time, so that the records left
intact can be looked for afterwards. The file goes through the same path as ``tidings
ingest`` (:func:`tidings.sources.iter_documents`) and each input is judged:

* **failure**: an exception escaped the reader (a traceback) or an item is unstorable
  (text or hints that cannot be encoded);
* **lost**: the reader said nothing at all about the file, or a record left intact by
  the mutation is missing from the documents;
* **hang**: one input took more than :data:`HANG_SECONDS` (``make fuzz`` runs inputs in
  worker processes and a watchdog ends a stuck one).

``make test`` runs a small budget (``tests/test_reliability_fuzz.py``); ``make fuzz``
runs ``python -m tidings.benchmarks.reliability --inputs 10000`` and writes
``bench/results/reliability.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import platform
import random
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HANG_SECONDS = 30.0
SLOW_SECONDS = 5.0  # inputs slower than this are listed (and kept), though not counted as hangs

# ---- seeds: realistic inputs of every kind ---------------------------------------------------

WORDS = (
    "residents of the mill town voted on Thursday to build a new public library beside the "
    "river, the council announced after the count; the mayor said work would start in spring"
).split()


def _paragraph(rng: random.Random, marker: str) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(25, 45))]
    return f"{marker}: " + " ".join(words).capitalize() + "."


def _article_html(rng: random.Random, marker: str, title: str) -> str:
    paras = "".join(f"<p>{_paragraph(rng, f'{marker}-{i}')}</p>" for i in range(3))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | The Mill Gazette</title>"
        f"<meta property='og:title' content='{title}'>"
        "<meta property='article:published_time' content='2024-09-12T08:00:00Z'>"
        "<meta name='author' content='Ann Reporter'>"
        "<script>var tracking = {id: 12, list: [1, 2, 3]};</script>"
        "<style>body { font: 12px serif }</style></head><body>"
        "<header><nav><a href='/'>Home</a> | <a href='/news'>News</a> | "
        "<a href='/sport'>Sport</a></nav></header>"
        f"<main><article class='story'><h1>{title}</h1>"
        "<p class='byline'>By Ann Reporter, 12 September 2024</p>"
        f"{paras}<figure><img src='a.jpg' alt='the river'><figcaption>The river bank"
        "</figcaption></figure><blockquote>\u201cWe waited years,\u201d a reader said."
        "</blockquote></article>"
        "<aside>Read more: <a href='/x'>Council budget</a></aside></main>"
        "<footer>\u00a9 2024 The Mill Gazette. All rights reserved.</footer></body></html>"
    )


@dataclass
class Seed:
    """A generated input: its records (one for single-document kinds) and how to join
    them into a file; ``markers`` name each record's unique text."""

    kind: str
    suffix: str
    records: list[bytes]
    markers: list[str]
    join: Callable[[list[bytes]], bytes]
    gz_members: bool = False  # each record its own gzip member (WARC .gz)
    gz_whole: bool = False  # the joined file gzipped whole (.jsonl.gz)
    lossless: bool = False  # intact records must all come out

    def build(self, records: list[bytes] | None = None) -> bytes:
        recs = self.records if records is None else records
        if self.gz_members:
            return b"".join(gzip.compress(r, mtime=0) for r in recs)
        data = self.join(recs)
        return gzip.compress(data, mtime=0) if self.gz_whole else data


def _concat(records: list[bytes]) -> bytes:
    return b"".join(records)


def _warc_record(n: int, html: bytes) -> bytes:
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        + f"Content-Length: {len(html)}\r\n\r\n".encode()
        + html
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: http://gazette.example/news/{n}\r\n"
        "WARC-Date: 2024-09-12T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _warcinfo() -> bytes:
    body = b"software: tidings-fuzz\r\nformat: WARC File Format 1.0\r\n"
    head = (
        "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-09-12T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-999999999999>\r\n"
        f"Content-Type: application/warc-fields\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body + b"\r\n\r\n"


def _rss(items: list[bytes]) -> bytes:
    return (
        b"<?xml version='1.0' encoding='utf-8'?>\n<rss version='2.0' "
        b"xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
        b"<title>The Mill Gazette</title><link>http://gazette.example/</link>"
        b"<description>News</description>\n" + b"\n".join(items) + b"\n</channel></rss>\n"
    )


def _atom(entries: list[bytes]) -> bytes:
    return (
        b"<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>"
        b"<title>The Mill Gazette</title><id>urn:gazette</id>"
        b"<updated>2024-09-12T10:00:00Z</updated>\n" + b"\n".join(entries) + b"\n</feed>\n"
    )


def _sitemap(urls: list[bytes]) -> bytes:
    return (
        b"<?xml version='1.0' encoding='UTF-8'?>\n"
        b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>\n"
        + b"\n".join(urls)
        + b"\n</urlset>\n"
    )


def make_seeds(seed: int = 13) -> dict[str, list[Seed]]:
    """Every kind's seeds (a few variants each), generated here: nothing is copied."""
    rng = random.Random(seed)
    seeds: dict[str, list[Seed]] = defaultdict(list)

    def text_seed(encoding: str, lang: str = "en") -> Seed:
        if lang == "ru":
            body = "Жители города проголосовали в четверг за новую библиотеку у реки.\n\n" * 4
        elif lang == "fr":
            body = "Les habitants ont voté jeudi pour une bibliothèque près de la rivière.\n\n" * 4
        else:
            body = "\n\n".join(_paragraph(rng, f"T{i}") for i in range(4)) + "\n"
        text = "Mill town votes on new library\n\n" + body
        return Seed("text", ".txt", [text.encode(encoding)], ["Mill town"], _concat)

    seeds["text"] += [text_seed("utf-8"), text_seed("utf-8-sig"), text_seed("utf-16"),
                      text_seed("cp1251", "ru"), text_seed("latin-1", "fr")]  # fmt: skip

    def jsonl_records(count: int) -> tuple[list[bytes], list[str]]:
        recs, marks = [], []
        for i in range(count):
            mark = f"JREC{i}Q"
            record = {"id": f"r{i}", "title": f"Story {i}", "url": f"http://gazette.example/{i}",
                      "published": "2024-09-12", "text": _paragraph(rng, mark)}  # fmt: skip
            recs.append(json.dumps(record, ensure_ascii=i % 2 == 0).encode() + b"\n")
            marks.append(mark)
        return recs, marks

    recs, marks = jsonl_records(5)
    seeds["jsonl"].append(Seed("jsonl", ".jsonl", recs, marks, _concat, lossless=True))
    recs, marks = jsonl_records(5)
    seeds["jsonl.gz"].append(
        Seed("jsonl.gz", ".jsonl.gz", recs, marks, _concat, gz_whole=True, lossless=True)
    )

    for charset in ("utf-8", "windows-1252"):
        page = _article_html(rng, "H", "Mill town votes on new library")
        page = page.replace("charset='utf-8'", f"charset='{charset}'")
        data = page.encode(charset, "replace")
        seeds["html"].append(Seed("html", ".html", [data], ["H-0"], _concat))

    warc_recs = [_warcinfo()] + [
        _warc_record(i, _article_html(rng, f"WREC{i}Q", f"Story {i}").encode()) for i in range(4)
    ]
    warc_marks = [""] + [f"WREC{i}Q" for i in range(4)]  # warcinfo: not a page
    seeds["warc"].append(Seed("warc", ".warc", warc_recs, warc_marks, _concat, lossless=True))
    seeds["warc.gz"].append(
        Seed(
            "warc.gz", ".warc.gz", warc_recs, warc_marks, _concat, gz_members=True, lossless=True
        )  # fmt: skip
    )

    items = []
    for i in range(4):
        html = "".join(f"<p>{_paragraph(rng, f'FREC{i}Q-{j}')}</p>" for j in range(2))
        if i % 2:
            desc = f"<description><![CDATA[{html}]]></description>"
        else:
            desc = f"<description>{html.replace('&', '&amp;').replace('<', '&lt;')}</description>"
        items.append(
            (
                f"<item><title>Story {i}</title><link>http://gazette.example/{i}</link>"
                f"<pubDate>Thu, 12 Sep 2024 08:00:00 GMT</pubDate>{desc}</item>"
            ).encode()
        )
    seeds["rss"].append(Seed("rss", ".rss", items, [f"FREC{i}Q" for i in range(4)], _rss))
    entries = []
    for i in range(3):
        html = "".join(f"<p>{_paragraph(rng, f'AREC{i}Q-{j}')}</p>" for j in range(2))
        entries.append((f"<entry><title>Story {i}</title><id>urn:s{i}</id>"
                        f"<link href='http://gazette.example/{i}'/>"
                        "<updated>2024-09-12T08:00:00Z</updated>"
                        f"<content type='html'>{html.replace('&', '&amp;').replace('<', '&lt;')}"
                        "</content></entry>").encode())  # fmt: skip
    seeds["atom"].append(Seed("atom", ".atom", entries, [f"AREC{i}Q" for i in range(3)], _atom))
    urls = [f"<url><loc>http://gazette.example/news/{i}</loc></url>".encode() for i in range(6)]
    seeds["sitemap"].append(Seed("sitemap", ".xml", urls, [str(i) for i in range(6)], _sitemap))
    return dict(seeds)


SEEDS = make_seeds()
KINDS = tuple(SEEDS)

# ---- mutations -------------------------------------------------------------------------------

TOKENS: tuple[bytes, ...] = (
    b"\x00", b"\x01\x02\x1b", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xc3\x28",
    b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x80\xa8", b"\r", b"\r\n\r\n", b"\n" * 50,
    b"&#xd800;", b"&#55296;", b"&#0;", b"&#x110000;", b"\\ud800", b'"\\udfff"', b"&amp;#xd800;",
    b"WARC/1.0\r\n", b"Content-Length: 99999999\r\n", b"Content-Length: -5\r\n",
    b"Content-Length: 0\r\n", b"WARC-Type: response\r\n", b"HTTP/1.1 200 OK\r\n",
    b"Content-Type: text/html; charset=utf-16\r\n", b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<item>", b"</item>", b"<entry>", b"</channel>",
    b"<?xml version='1.0' encoding='utf-16'?>", b"<?xml version='1.0' encoding='bogus'?>",
    b"<meta charset='utf-7'>", b"+ADw-script+AD4-", b"<meta charset='cp1251'>",
    b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>',
    b"&e;&e;&e;", b'<!ENTITY x SYSTEM "file:///etc/passwd">', b"&x;",
    b" a=\"1\"" * 400, b"<div>" * 400, b"<b><i>" * 200, b"<p>" * 300, b";" * 3000,
    b"a" * 20_000, b"x " * 5000 + b";", b"<script>", b"</script>", b"<style>", b"<table>",
    b'{"text": "', b'"}', b"[" * 3000, b'{"a":' * 2000, b"null\n", b"{}\n", b'"text"',
    b"http://user:secret@gazette.example/x", b"<loc>", b"</loc>", b"<sitemapindex>",
    b"\xd0\x96\xd0\xb8", b"\xe4\xf6\xfc", b"\x85", b"\xa0", "\u00e2\u0080\u0099".encode(),
)  # fmt: skip
OPS = ("flip", "insert", "token", "delete", "repeat", "truncate", "splice", "swap")


def mutate(data: bytes, ops: list[tuple[str, float, float, int, bytes]], other: bytes) -> bytes:
    """``data`` after each (op, where, where2, n, payload) in turn; positions are
    fractions of the current length, so every op applies to every input."""
    buf = bytearray(data)
    for op, where, where2, n, payload in ops:
        size = len(buf)
        at = int(where * size)
        to = min(size, at + 1 + int(where2 * min(size, 4096)))
        if op == "flip" and size:
            buf[min(at, size - 1)] ^= 1 << (n % 8)
        elif op == "insert":
            buf[at:at] = payload
        elif op == "token":
            buf[at:at] = TOKENS[n % len(TOKENS)]
        elif op == "delete":
            del buf[at:to]
        elif op == "repeat":
            buf[at:at] = bytes(buf[at:to]) * (1 + n % 50)
        elif op == "truncate":
            del buf[at:]
        elif op == "splice" and other:
            start = int(where2 * len(other))
            buf[at:at] = other[start : start + 1 + n * 37 % 4096]
        elif op == "swap" and size:
            piece = bytes(buf[at:to])
            del buf[at:to]
            where_to = int(where2 * len(buf))
            buf[where_to:where_to] = piece
    return bytes(buf)


@dataclass
class Case:
    """One fuzz input: the file's bytes and what must survive."""

    kind: str
    variant: int
    mode: str  # "whole" (the file mutated) or "record" (one record mutated)
    data: bytes
    suffix: str
    intact: list[str] = field(default_factory=list)  # markers that must come out

    def describe(self) -> str:
        return f"{self.kind}[{self.variant}] {self.mode}, {len(self.data):,} bytes"


def cases() -> Any:
    """The hypothesis strategy of fuzz inputs."""
    from hypothesis import strategies as st

    op = st.tuples(
        st.sampled_from(OPS),
        st.floats(0, 1, allow_nan=False),
        st.floats(0, 1, allow_nan=False),
        st.integers(0, 1 << 16),
        st.binary(max_size=64),
    )

    @st.composite
    def build(draw: Any) -> Case:
        kind = draw(st.sampled_from(KINDS))
        variant = draw(st.integers(0, len(SEEDS[kind]) - 1))
        seed = SEEDS[kind][variant]
        ops = draw(st.lists(op, min_size=1, max_size=5))
        donor_kind = draw(st.sampled_from(KINDS))
        other = SEEDS[donor_kind][0].build()
        many = len(seed.records) > 1
        mode = draw(st.sampled_from(("whole", "record", "inner"))) if many else "whole"
        if mode == "record":
            index = draw(st.integers(0, len(seed.records) - 1))
            records = list(seed.records)
            records[index] = mutate(records[index], ops, other)
            if kind == "jsonl" or kind == "jsonl.gz":  # a line's end is not the record's
                records[index] = records[index].rstrip(b"\n") + b"\n"
            intact = [m for i, m in enumerate(seed.markers) if i != index and m] \
                if seed.lossless else []  # fmt: skip
            return Case(kind, variant, mode, seed.build(records), seed.suffix, intact)
        if mode == "inner" and (seed.gz_whole or seed.gz_members):
            data = mutate(seed.join(seed.records), ops, other)
            return Case(kind, variant, mode, gzip.compress(data, mtime=0), seed.suffix)
        return Case(kind, variant, "whole", mutate(seed.build(), ops, other), seed.suffix)

    return build()


# ---- judging one input -----------------------------------------------------------------------


@dataclass
class Verdict:
    kind: str
    description: str
    seconds: float
    documents: int = 0
    errors: int = 0
    failure: str = ""  # a traceback or an unstorable item
    lost: str = ""  # what went missing


def _storable(doc: Any) -> str:
    try:
        doc.content.encode("utf-8")
        doc.source.encode("utf-8")
        json.dumps(doc.hints, ensure_ascii=False, default=str).encode("utf-8")
    except (UnicodeError, TypeError, ValueError) as exc:
        return f"unstorable document {doc.source!r}: {type(exc).__name__}: {exc}"[:500]
    return ""


def check(case: Case, folder: Path) -> Verdict:
    """Run ``case`` through the readers (the ingest path) and judge what came out."""
    from tidings.errors import InputError
    from tidings.model import Document
    from tidings.sources import iter_documents

    path = folder / f"input{case.suffix}"
    path.write_bytes(case.data)
    verdict = Verdict(case.kind, case.describe(), 0.0)
    start = time.perf_counter()
    texts: list[str] = []
    try:
        if case.kind == "sitemap":
            from tidings.sources.feed import listed_urls

            try:
                _, urls = listed_urls(case.data, str(path))
                verdict.documents = len(urls)
                texts.append(" ".join(urls))
            except InputError:
                verdict.errors += 1
        else:
            for item in iter_documents([str(path)]):
                if isinstance(item, Document):
                    verdict.documents += 1
                    verdict.failure = verdict.failure or _storable(item)
                    texts.append(item.content)
                    texts.append(json.dumps(item.hints, default=str))
                elif isinstance(item, InputError):
                    verdict.errors += 1
                    item.one_line()
                else:
                    verdict.failure = f"reader yielded a {type(item).__name__}"
    except Exception:  # noqa: BLE001 - this is what the fuzz looks for
        verdict.failure = traceback.format_exc(limit=12)[-4000:]
    verdict.seconds = time.perf_counter() - start
    if not verdict.failure:
        if case.kind != "sitemap" and verdict.documents + verdict.errors == 0:
            verdict.lost = "the reader said nothing about the file (no document, no error)"
        else:
            joined = "\n".join(texts)
            missing = [m for m in case.intact if m not in joined]
            if missing:
                verdict.lost = f"intact records missing: {', '.join(missing)}"
    return verdict


# ---- the long run: workers, a watchdog, the report --------------------------------------------


def _worker(budget: int, seed: int, folder: str, conn: Any) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from tidings.pipeline import die_with_parent

    die_with_parent(os.getppid())
    where = Path(folder)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)  # libraries' warnings about the broken inputs are expected noise

    @hseed(seed)
    @settings(max_examples=budget, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(cases())
    def run(case: Case) -> None:
        (where / "current.bin").write_bytes(case.data)
        conn.send(("start", case.kind, case.describe(), case.suffix))
        verdict = check(case, where)
        bad = verdict.failure or verdict.lost or verdict.seconds > SLOW_SECONDS
        conn.send(("done", asdict(verdict), case.data if bad else b"", list(case.intact)))

    run()
    conn.send(("end",))


@dataclass
class Tally:
    tried: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    hangs: Counter[str] = field(default_factory=Counter)
    lost: Counter[str] = field(default_factory=Counter)
    slowest: dict[str, float] = field(default_factory=dict)
    slow: int = 0
    details: list[str] = field(default_factory=list)

    def add(self, v: dict[str, Any], data: bytes = b"", keep: Path | None = None,
            suffix: str = "") -> None:  # fmt: skip
        kind = v["kind"]
        self.tried[kind] += 1
        self.documents[kind] += v["documents"]
        self.errors[kind] += v["errors"]
        self.slowest[kind] = max(self.slowest.get(kind, 0.0), v["seconds"])
        kept = ""
        slow = v["seconds"] > SLOW_SECONDS
        if (v["failure"] or v["lost"] or slow) and keep is not None and data:
            keep.mkdir(parents=True, exist_ok=True)
            target = keep / f"case-{len(self.details)}{suffix}"
            target.write_bytes(data)
            kept = f" (input kept as {target})"
        if v["failure"]:
            self.failures[kind] += 1
            self.details.append(f"failure, {v['description']}{kept}:\n{v['failure']}")
        if slow:
            self.slow += 1
            self.details.append(f"slow ({v['seconds']:.1f} s), {v['description']}{kept}")
        if v["lost"]:
            self.lost[kind] += 1
            self.details.append(f"data lost, {v['description']}{kept}: {v['lost']}")


def run_fuzz(inputs: int, seed: int, workers: int, keep: Path | None = None,
             hang: float = HANG_SECONDS) -> tuple[Tally, float]:  # fmt: skip
    """``inputs`` fuzz inputs over ``workers`` processes; a worker stuck on one input for
    more than ``hang`` seconds is ended, the input kept in ``keep``, and a new worker
    goes on with the rest of the budget."""
    ctx: Any = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    tally = Tally()
    began = time.monotonic()
    left = inputs
    rounds = 0
    with tempfile.TemporaryDirectory(prefix="tidings-fuzz-") as tmp:
        slots: list[dict[str, Any]] = []

        def start(share: int) -> None:
            nonlocal rounds
            rounds += 1
            folder = Path(tmp) / f"w{rounds}"
            folder.mkdir()
            parent, child = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_worker, args=(share, seed + rounds, str(folder), child))
            proc.start()
            child.close()
            slots.append({"proc": proc, "conn": parent, "left": share, "folder": folder,
                          "current": None, "since": 0.0})  # fmt: skip

        per = max(1, inputs // workers)
        for n in range(workers):
            start(per if n < workers - 1 else inputs - per * (workers - 1))
        while slots:
            for slot in list(slots):
                conn, proc = slot["conn"], slot["proc"]
                try:
                    ready = conn.poll(0.2)
                    message = conn.recv() if ready else None
                except (EOFError, OSError):
                    message = ("gone",)
                if message is None:
                    if slot["current"] and time.monotonic() - slot["since"] > hang:
                        kind, description, suffix = slot["current"]
                        tally.tried[kind] += 1
                        tally.hangs[kind] += 1
                        kept = ""
                        if keep is not None:
                            keep.mkdir(parents=True, exist_ok=True)
                            target = keep / f"hang-{len(tally.details)}{suffix}"
                            target.write_bytes((slot["folder"] / "current.bin").read_bytes())
                            kept = f" (input kept as {target})"
                        tally.details.append(f"hang over {hang:g} s, {description}{kept}")
                        proc.kill()
                        proc.join()
                        slots.remove(slot)
                        left_here = slot["left"] - 1
                        if left_here > 0:
                            start(left_here)
                    continue
                if message[0] == "start":
                    slot["current"], slot["since"] = message[1:], time.monotonic()
                elif message[0] == "done":
                    tally.add(message[1], message[2], keep, slot["current"][2])
                    slot["current"] = None
                    slot["left"] -= 1
                    left -= 1
                else:  # "end" or the worker died
                    proc.join()
                    slots.remove(slot)
                    if message[0] == "gone" and slot["current"]:
                        kind, description, _ = slot["current"]
                        tally.tried[kind] += 1
                        tally.failures[kind] += 1
                        tally.details.append(f"worker died (exit {proc.exitcode}), {description}")
                        if slot["left"] > 1:
                            start(slot["left"] - 1)
    return tally, time.monotonic() - began


def report(tally: Tally, seconds: float, inputs: int, seed: int, workers: int) -> str:
    import hypothesis

    kinds = sorted(tally.tried)
    lines = [
        "# Reliability: fuzzing every reader",
        "",
        "Generated with `make fuzz` (`python -m tidings.benchmarks.reliability`): mutated, "
        "generated inputs of every kind (see the module's docstring for the mutations and "
        "the judging), each read through the ingest path (`tidings.sources.iter_documents`; "
        "sitemaps through `listed_urls`).",
        "",
        f"- inputs asked for: {inputs:,}; seed {seed}; {workers} worker processes; "
        f"{seconds:,.0f} s in all",
        f"- hypothesis {hypothesis.__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}",
        f"- a hang is one input over {HANG_SECONDS:g} s; data lost is a file the reader "
        "says nothing about, or a record left intact by the mutation missing afterwards",
        "",
        "| kind | inputs tried | documents | errors (one per bad item) | failures (tracebacks) "
        "| hangs > 30 s | data lost | slowest input (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in kinds:
        lines.append(
            f"| {kind} | {tally.tried[kind]:,} | {tally.documents[kind]:,} | "
            f"{tally.errors[kind]:,} | {tally.failures[kind]} | {tally.hangs[kind]} | "
            f"{tally.lost[kind]} | {tally.slowest.get(kind, 0.0):.2f} |"
        )
    lines.append(
        f"| **all** | **{sum(tally.tried.values()):,}** | {sum(tally.documents.values()):,} | "
        f"{sum(tally.errors.values()):,} | **{sum(tally.failures.values())}** | "
        f"**{sum(tally.hangs.values())}** | **{sum(tally.lost.values())}** | "
        f"{max(tally.slowest.values(), default=0.0):.2f} |"
    )
    lines += ["", "## Failures, hangs and losses", ""]
    if not tally.details:
        lines.append("None.")
    for detail in tally.details[:40]:
        lines += ["```", detail.strip(), "```", ""]
    if len(tally.details) > 40:
        lines.append(f"... and {len(tally.details) - 40} more.")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="fuzz inputs in all")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--out", type=Path, default=Path("bench/results/reliability.md"))
    parser.add_argument("--keep", type=Path, default=None,
                        help="folder for inputs that hung (default: none kept)")  # fmt: skip
    args = parser.parse_args(argv)
    tally, seconds = run_fuzz(args.inputs, args.seed, args.workers, args.keep)
    text = report(tally, seconds, args.inputs, args.seed, args.workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    bad = sum(tally.failures.values()) + sum(tally.hangs.values()) + sum(tally.lost.values())
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
