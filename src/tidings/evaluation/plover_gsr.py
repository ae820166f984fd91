"""Score event coding on the PLOVER gold-standard records (``tidings eval --plover-gsr``).

The file (openeventdata/PLOVER, ``PLOVER_GSR_CAMEO``; CC BY-SA 4.0, Open Event Data
Alliance) holds 322 one-sentence records from the CAMEO manual, each with one gold event
type and source/target actors coded by ISO 3166 alpha-3 country. Each sentence runs through
the pipeline's nlp, actors, quotes, dates and events stages with no publication date.

Older labels are mapped to the 16 current types (DEMAND→REQUEST, DISAPPROVE→ACCUSE,
INVESTIGATE→ACCUSE, FIGHT→ASSAULT), and a predicted event with aux future/hypothetical is
projected to PLOVER's convention (:func:`plover_type`). A sentence's predicted event is its
*main* event: the one whose trigger stands highest in the dependency tree (the main
clause's verb before anything it governs), the earliest on a tie; a sentence with no event
predicts nothing. Events are coded with PLOVER's sentence conventions
(``evaluation.plover_conventions``: an event whose recipient or actor is not a coded actor
still counts for its type; it then disagrees on that role).

Reported figures:
- ``type_accuracy``: sentences whose main event has the gold type / all sentences.
- ``source_agreement`` / ``target_agreement``: among sentences with a gold source (target)
  and a predicted event, those where a predicted actor (recipient) shares the country part
  (first three letters) of a gold code. ``*_agreement_all`` divides by every sentence with
  a gold source (target) instead, counting a missing prediction as disagreement.
- ``per_type``: for each gold type, ``n``, ``correct`` and ``accuracy``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from tidings.actors import resolve_actors
from tidings.dates import resolve_dates
from tidings.errors import InputError
from tidings.evaluation.plover_conventions import PLOVER
from tidings.events import code_events
from tidings.events.candidates import NAMED_KINDS, candidates
from tidings.events.typer import NONE, EventTyper, load_typer
from tidings.events.typer_features import eventive_noun
from tidings.model import Article, Event
from tidings.nlp import load_nlp
from tidings.quotes import extract_quotes

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}  # fmt: skip


def read_records(path: Path) -> list[dict[str, Any]]:
    """The coded sentence records of a GSR file (the DOCUMENT header dropped)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the PLOVER gold standard ({exc})", source=str(path)) from exc
    if not isinstance(data, list):
        raise InputError("expected a JSON list of records", source=str(path))
    return [r for r in data if isinstance(r, dict) and r.get("event") not in (None, "DOCUMENT")
            and r.get("text")]  # fmt: skip


def gold_type(record: dict[str, Any]) -> str:
    label = str(record["event"]).upper()
    return OLD_LABELS.get(label, label)


def _countries(actors: Any) -> set[str]:
    """Country parts of a record's actor codes (a few records hold a stray string here)."""
    if not isinstance(actors, list):
        return set()
    return {str(a["code"])[:3].upper() for a in actors if isinstance(a, dict) and a.get("code")}


def _depth(doc: Doc, event: Event) -> int:
    """How far the event's trigger sits below its sentence root (0 = the root)."""
    span = doc.char_span(event.sentence_start, event.sentence_end, alignment_mode="expand")
    if span is None or event.trigger is None:
        return 99
    best = 99
    for tok in span:
        if tok.text == event.trigger:
            depth, t = 0, tok
            while t.head.i != t.i and depth < 50:
                t, depth = t.head, depth + 1
            best = min(best, depth)
    return best


# PLOVER codes a stated intention as its own event: promised or offered cooperation is AGREE,
# announced or conditional coercion is THREATEN. tidings keeps the action's type and marks it
# with aux "future"/"hypothetical"; for this comparison it is projected back.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
COERCIVE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def plover_type(event: Event) -> str:
    """The event's type as PLOVER would code it (intent projected to AGREE/THREATEN)."""
    if event.aux in ("future", "hypothetical"):
        if event.event in COOPERATIVE:
            return "AGREE"
        if event.event in COERCIVE:
            return "THREATEN"
    return event.event


def main_event(doc: Doc, events: list[Event]) -> Event | None:
    if not events:
        return None
    return min(enumerate(events), key=lambda ie: (_depth(doc, ie[1]), ie[0]))[1]


def code_sentence(text: str, doc: Doc) -> list[Event]:
    article = Article.from_paragraphs("gsr", [text], title=None, published=None)
    mentions = resolve_actors(doc, article)
    quotes = extract_quotes(doc, article, mentions)
    dates = resolve_dates(doc, article)
    return code_events(doc, article, mentions, quotes, dates, conventions=PLOVER)


def typer_type(doc: Doc, typer: EventTyper) -> str | None:
    """The trained typer's own reading of a sentence, without the lexicon (which was
    written on these sentences): the type it gives most probability among the
    sentence's candidates, any named entity or pronoun standing for an actor."""
    found = [
        c
        for sent in doc.sents
        for c in candidates(
            sent, lambda t: t.ent_type_ in NAMED_KINDS or t.pos_ == "PRON", eventive_noun
        )
    ]
    if not found:
        return None
    verdicts = typer.predict(found, [None] * len(found))
    probs = max((v[2] for v in verdicts), key=lambda p: 1.0 - p[NONE])
    return max((k for k in probs if k != NONE), key=probs.__getitem__)


def evaluate_gsr(path: str | Path) -> dict[str, Any]:
    """Type accuracy and source/target agreement of the main event per GSR sentence."""
    records = read_records(Path(path))
    nlp = load_nlp()
    texts = [str(r["text"]) for r in records]
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    typer = load_typer()
    for record, doc in zip(records, nlp.pipe(texts, batch_size=64), strict=True):
        expected = gold_type(record)
        if typer is not None:
            totals["typer_correct"] += typer_type(doc, typer) == expected
        predicted = main_event(doc, code_sentence(str(record["text"]), doc))
        correct = predicted is not None and plover_type(predicted) == expected
        per_type[expected]["n"] += 1
        per_type[expected]["correct"] += correct
        totals["sentences"] += 1
        totals["correct"] += correct
        totals["predicted"] += predicted is not None
        for role, field in (("source", "actor"), ("target", "recipient")):
            gold = _countries(record.get(role))
            if not gold:
                continue
            totals[f"{role}_gold"] += 1
            if predicted is None:
                continue
            totals[f"{role}_predicted"] += 1
            mine = {a.code[:3].upper() for a in getattr(predicted, field)}
            totals[f"{role}_agree"] += bool(gold & mine)

    def ratio(a: str, b: str) -> float:
        return round(totals[a] / totals[b], 4) if totals[b] else 0.0

    return {
        "sentences": totals["sentences"],
        "predicted": totals["predicted"],
        "type_accuracy": ratio("correct", "sentences"),
        # the trained typer alone: never trained or tuned on these sentences, unlike the
        # lexicon, so this is the out-of-sample figure
        "typer_type_accuracy": ratio("typer_correct", "sentences"),
        "source_agreement": ratio("source_agree", "source_predicted"),
        "target_agreement": ratio("target_agree", "target_predicted"),
        "source_agreement_all": ratio("source_agree", "source_gold"),
        "target_agreement_all": ratio("target_agree", "target_gold"),
        "per_type": {
            t: {
                "n": c["n"],
                "correct": c["correct"],
                "accuracy": round(c["correct"] / c["n"], 4) if c["n"] else 0.0,
            }
            for t, c in sorted(per_type.items())
        },  # fmt: skip
    }


__all__ = ["evaluate_gsr", "gold_type", "main_event", "read_records"]
