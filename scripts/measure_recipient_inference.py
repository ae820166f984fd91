"""Measure how often each recipient-inference route of ``tidings.events.discourse`` is right.

Two measures, neither touching the blind test set (``gold/test``, ``gold/test-agreement``):

* **gold**: the dev and seed gold articles (``../shared/gold/dev``, ``../shared/gold/seed``)
  through the pipeline; an event whose rule ends in ``+sentence``/``+prev``/``+counterpart``
  is right (exact) when a gold event of the same type whose actors intersect its actors has
  recipients intersecting its recipients (``scoring.event_matches``), and right at country
  level when the recipients' countries intersect.
* **corpus**: the annotated event candidates of ``data/events`` (candidates-*.jsonl with the
  labels of labels-T1/T2.jsonl) whose articles of ``../shared/corpus/allsides-10k.jsonl.gz``
  are run through the pipeline; an inferred event whose trigger sits at an annotated
  candidate's trigger is compared with the annotated recipient_code (exact code, or same
  country). Scored on the candidates annotated as an event (not NONE); a candidate annotated
  with no recipient counts as wrong.

Further gold folders (default ``gold/dev2``) are scored like the dev gold; with the corpus
they are the out-of-sample measure, the rules having been written on the dev gold.

Run from the repository root::

    .venv/bin/python scripts/measure_recipient_inference.py [--shared ../shared] [--json out]

It prints, per route, n and precision (exact and country level), overall and by event type;
``--all-routes`` measures the routes ``discourse.INFERRED`` no longer asks, too.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from event_data import read_candidates

from tidings.evaluation.gold import Gold, gold_document, load_gold
from tidings.events import discourse
from tidings.model import Analysis, Document, Event
from tidings.pipeline import Pipeline

ROUTES = ("sentence", "prev", "counterpart")
STATELESS = frozenset({"IGO", "EUR", "NGO", "MNC", "UNO", "NATO"})


def route(ev: Event) -> str | None:
    suffix = ev.rule.rsplit("+", 1)[-1] if "+" in ev.rule else ""
    return suffix if suffix in ROUTES else None


def country(code: str) -> str:
    return code if code in STATELESS or len(code) < 3 else code[:3]


def codes(refs: Iterable[Any]) -> set[str]:
    out = set()
    for r in refs:
        c = r.get("code") if isinstance(r, dict) else getattr(r, "code", None)
        if c:
            out.add(str(c))
    return out


def sector(ev: Event) -> str:
    return "+".join(sorted({a.code[3:6] or "-" for a in ev.actor}))


def row(ev: Event, where: str, exact: bool, by_country: bool, gold: str) -> dict[str, Any]:
    return {
        "where": where,
        "route": route(ev),
        "event": ev.event,
        "sector": sector(ev),
        "actor": sorted(codes(ev.actor)),
        "recipient": sorted(codes(ev.recipient)),
        "gold": gold,
        "exact": exact,
        "country": by_country,
        "rule": ev.rule,
        "text": ev.text[:160],
    }


def measure_gold(pipeline: Pipeline, shared: Path, folders: list[Path]) -> list[dict[str, Any]]:
    golds = [g for g in load_gold(folders) if isinstance(g, Gold)]
    rows = []
    for g in golds:
        doc = gold_document(g, shared)
        if not isinstance(doc, Document):
            continue
        analysis = pipeline.analyze(doc)
        gold_events = [e for e in g.data.get("events") or [] if isinstance(e, dict)]
        for ev in analysis.events:
            if route(ev) is None:
                continue
            same = [e for e in gold_events if e.get("event") == ev.event
                    and codes(e.get("actor") or []) & codes(ev.actor)]  # fmt: skip
            pred = codes(ev.recipient)
            exact = any(codes(e.get("recipient") or []) & pred for e in same)
            by_country = any({country(c) for c in codes(e.get("recipient") or [])}
                             & {country(c) for c in pred} for e in same)  # fmt: skip
            gold_desc = "; ".join(sorted("+".join(sorted(codes(e.get("recipient") or []))) or "-"
                                         for e in same)) or "(no gold event)"  # fmt: skip
            sentence = analysis.article.body[ev.sentence_start : ev.sentence_end]
            extra = {"set": g.path.parent.name, "is_event": bool(same), "sentence": sentence}
            rows.append(row(ev, g.id, exact, by_country, gold_desc) | extra)
    return rows


def _records(path: Path, wanted: set[str]) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                yield rec


def _document(rec: dict[str, Any]) -> Document:
    """The record as ``scripts/event_data.py`` parses it."""
    hints = {"published": rec.get("published"), "title": rec.get("title")}
    return Document(rec["id"], rec["id"], "text", rec["text"], hints=hints)


def _trigger_offsets(text: str, analysis: Analysis, ev: Event) -> list[int]:
    """Where the event's trigger may sit in the record's text (its sentence found there)."""
    sentence = analysis.article.body[ev.sentence_start : ev.sentence_end]
    at = text.find(sentence)
    if at < 0 or not ev.trigger:
        return []
    out, i = [], sentence.find(ev.trigger)
    while i >= 0:
        out.append(at + i)
        i = sentence.find(ev.trigger, i + 1)
    return out


def measure_corpus(pipeline: Pipeline, shared: Path, data: Path) -> list[dict[str, Any]]:
    cands = read_candidates(data)
    labels: dict[str, dict[str, Any]] = {}
    for name in ("labels-T1.jsonl", "labels-T2.jsonl"):
        for line in (data / name).open():
            lab = json.loads(line)
            labels[lab["id"]] = lab
    by_article: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    for c in cands:
        if c["id"] in labels:
            by_article[c["article"]][c["trigger"][0]] = {**c, "label": labels[c["id"]]}
    rows = []
    for rec in _records(shared / "corpus" / "allsides-10k.jsonl.gz", set(by_article)):
        try:
            analysis = pipeline.analyze(_document(rec))
        except Exception:  # an article the pipeline refuses is left out, as the sampler does
            continue
        at_trigger = by_article[rec["id"]]
        for ev in analysis.events:
            if route(ev) is None:
                continue
            sentence = analysis.article.body[ev.sentence_start : ev.sentence_end]
            hits = [at_trigger[o] for o in _trigger_offsets(rec["text"], analysis, ev)
                    if o in at_trigger]  # fmt: skip
            if not hits:
                continue
            lab = hits[0]["label"]
            if lab["event"] in (None, "NONE"):
                rows.append(
                    row(ev, rec["id"], False, False, "NONE")
                    | {"is_event": False, "sentence": sentence}
                )
                continue
            gold = lab.get("recipient_code") or ""
            pred = codes(ev.recipient)
            exact = gold in pred
            by_country = bool(gold) and country(gold) in {country(c) for c in pred}
            desc = f"{lab['event']} {lab.get('source_code')}→{gold or '-'}"
            rows.append(
                row(ev, rec["id"], exact, by_country, desc)
                | {"is_event": True, "sentence": sentence}
            )
    return rows


def _line(name: str, rows: list[dict[str, Any]]) -> str:
    scored = [r for r in rows if r["is_event"]]
    n, off = len(scored), len(rows) - len(scored)
    if not n:
        return f"  {name:<22} n=0    (+{off} not an event)"
    exact = sum(r["exact"] for r in scored)
    ctry = sum(r["country"] for r in scored)
    return (
        f"  {name:<22} n={n:<3} exact {exact / n:.2f} ({exact:>2})  "
        f"country {ctry / n:.2f} ({ctry:>2})  (+{off} not an event)"
    )


def report(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"== {title}")
    for r_name in ROUTES:
        sub = [r for r in rows if r["route"] == r_name]
        print(_line(r_name, sub))
        for value in sorted({r["event"] for r in sub}):
            print("    " + _line(value, [r for r in sub if r["event"] == value]))
    print(_line("all routes", rows))
    for value in sorted({r["event"] for r in rows}):
        print("    " + _line(f"{value}, any route", [r for r in rows if r["event"] == value]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--data", default="data/events", type=Path)
    ap.add_argument(
        "--gold",
        nargs="*",
        type=Path,
        default=[Path("gold/dev2")],
        help="further gold folders beside ../shared/gold/dev and seed "
        "(never gold/test or gold/test-agreement: the blind test)",
    )
    ap.add_argument(
        "--all-routes",
        action="store_true",
        help="measure every route for every directed type, not only those kept",
    )
    ap.add_argument("--json", type=Path, help="write every measured event here")
    ap.add_argument("--skip-corpus", action="store_true")
    args = ap.parse_args()
    if args.all_routes:
        discourse.INFERRED = dict.fromkeys(
            discourse.DISCOURSE_TYPES, ("sentence", "prev", "counterpart")
        )
    pipeline = Pipeline()
    folders = [args.shared / "gold" / "dev", args.shared / "gold" / "seed", *args.gold]
    gold_rows = measure_gold(pipeline, args.shared, folders)
    for name in sorted({r["set"] for r in gold_rows}):
        report(f"gold {name}", [r for r in gold_rows if r["set"] == name])
    corpus_rows: list[dict[str, Any]] = []
    if not args.skip_corpus:
        corpus_rows = measure_corpus(pipeline, args.shared, args.data)
        report("corpus candidates (data/events)", corpus_rows)
        unseen = [r for r in gold_rows if r["set"] not in ("dev", "seed")] + corpus_rows
        report("out of sample: further gold + corpus candidates", unseen)
    print("(n: events scored; not an event: no gold event of the type and actor, or the")
    print(" candidate annotated NONE)")
    if args.json:
        args.json.write_text(json.dumps(gold_rows + corpus_rows, indent=1))


if __name__ == "__main__":
    main()
