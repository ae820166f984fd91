"""Shared by the candidate sampler and the typer's training: an article of the corpus parsed
as the pipeline parses it, and its candidates with their offsets in the record's text."""

from __future__ import annotations

import gzip
import json
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from tidings.actors import resolve_actors
from tidings.events.candidates import NAMED_KINDS, Candidate, candidates
from tidings.events.typer_features import eventive_noun
from tidings.extract import extract_article
from tidings.model import ActorMention, Article, Document


def read_candidates(folder: Path) -> list[dict[str, Any]]:
    """Every candidate pointer drawn so far, in id order: one file per draw,
    ``candidates-<batch>.jsonl`` (kept apart so that no data file grows past a megabyte)."""
    rows = [
        json.loads(line)
        for path in sorted(folder.glob("candidates-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    return sorted(rows, key=lambda row: row["id"])


def measured_articles(shared: Path, repo: Path) -> set[str]:
    """Articles no model may be trained on: tidings' test articles and every gold set's,
    shared or the project's own (``gold/dev2`` stays a measure of what is trained here)."""
    selection = (repo / "gold/test/SELECTION.tsv").read_text(encoding="utf-8").splitlines()
    ids = {line.split("\t")[0] for line in selection[1:]}
    for path in [*(shared / "gold").rglob("*.json"), *(repo / "gold").rglob("*.json")]:
        source = json.loads(path.read_text(encoding="utf-8"))["input"]
        ids.add(source.get("record") or Path(source["file"]).stem)
    return ids


def corpus_records(shared: Path, ids: set[str]) -> Iterator[dict[str, Any]]:
    """The records of the 10k corpus whose id is in ``ids``, in corpus order."""
    with gzip.open(shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                yield rec


def record_article(rec: dict[str, Any]) -> Article | None:
    """The record's article as the pipeline extracts it, or None when the extractor
    refuses it."""
    doc_in = Document(
        source=rec["id"],
        content_hash=rec["id"],
        format="text",
        content=rec["text"],
        hints={"published": rec.get("published"), "title": rec.get("title")},
    )
    try:
        return extract_article(doc_in)
    except Exception:  # an article the extractor refuses is simply not used
        return None


def cached_parses(
    shared: Path,
    wanted: set[str],
    cache: Path | None,
    parse: Callable[[dict[str, Any], Article], Any],
) -> dict[str, Any]:
    """Article id → what ``parse`` makes of the record and its extracted article (None for
    an article the extractor refuses), kept in ``cache`` so that re-runs skip the parsing.
    A script reading another's cache finds that script's tuples there."""
    parsed: dict[str, Any] = {}
    if cache is not None and cache.is_file():
        with cache.open("rb") as fh:
            parsed = pickle.load(fh)  # noqa: S301 - a file one of these scripts wrote
    missing = wanted - set(parsed)
    if missing:
        for rec in corpus_records(shared, missing):
            article = record_article(rec)
            parsed[rec["id"]] = None if article is None else parse(rec, article)
        if cache is not None:
            with cache.open("wb") as fh:
                pickle.dump(parsed, fh)
    return parsed


def parse_record(rec: dict[str, Any], nlp: Language) -> tuple[Doc, list[ActorMention]] | None:
    """The record through extract → nlp → actors, or None when the extractor refuses it."""
    article = record_article(rec)
    if article is None:
        return None
    sdoc = nlp(article.body)
    return sdoc, resolve_actors(sdoc, article)


def actor_test(sdoc: Doc, mentions: list[ActorMention]) -> Callable[[Token], bool]:
    """A resolved mention or a named entity of a political kind."""
    covered = set()
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return lambda tok: tok.i in covered or tok.ent_type_ in NAMED_KINDS


def located_candidates(
    text: str, sdoc: Doc, mentions: list[ActorMention]
) -> list[tuple[Candidate, int, int]]:
    """Each candidate with the offsets of its sentence and trigger in the record's text
    (candidates whose sentence the extractor changed cannot be pointed at and are left out)."""
    is_actor = actor_test(sdoc, mentions)
    out = []
    for sent in sdoc.sents:
        at = text.find(sent.text)
        if at < 0:
            continue
        for cand in candidates(sent, is_actor, eventive_noun):
            out.append((cand, at, at + (cand.trigger.idx - sent.start_char)))
    return out
