"""What the event typer makes of the judged corpus events (issue #12): the blind samples'
verdicts (``data/events/corpus_sample_rN_judged.jsonl``) joined to the typer's features and
probabilities at the trigger that coded each event.

``collect`` runs today's pipeline over the judged samples' articles, one at a time, and
records for each judged event the candidate that coded it (the coded event's own trigger
where today's coder still codes it, else the candidate of that sentence the typer gives the
judged type most): its features as ``train_event_typer.py`` stores them (so the judged
events can train the typer: ``train_event_typer.py --judged``), its lexicon type, the
typer's probabilities and the verdict. The label a judged event trains with is its coded
type when the judge found the type right, NONE when the judge found it wrong and named no
other type in the note (the sentence reports no such act), and none at all (left out) when
the note names another type: that may be another act of the sentence, not this trigger's.

``report`` reads what ``collect`` wrote and tells whether the typer's NONE probability
separates the events judged wrong on type from those judged right (rank AUC, and the share
of each the coder's veto would drop at several thresholds).

    python scripts/typer_judged_events.py collect --out /tmp/judged.pkl
    python scripts/typer_judged_events.py report /tmp/judged.pkl
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from corpus_event_sample import _documents  # noqa: E402
from train_event_typer import seen_names, sentence_and_trigger  # noqa: E402

from tidings.events import coder as coder_module  # noqa: E402
from tidings.events.candidates import Candidate  # noqa: E402
from tidings.events.typer import NONE, EventTyper  # noqa: E402
from tidings.events.typer_features import OPINION_KEY, dense_features, opinion_article  # noqa: E402
from tidings.model import PLOVER_TYPES  # noqa: E402
from tidings.pipeline import Pipeline, Settings  # noqa: E402

ROUNDS = tuple(f"corpus_sample_r{n}" for n in range(3, 9))


@dataclass
class JudgedEvent:
    """One judged event as the typer sees it, with the judge's verdict."""

    stem: str  # the sample it was judged in
    id: str
    article: str
    event: str  # the coded type
    rule: str
    type_right: bool
    label: str | None  # what it trains as (None: left out)
    found: str  # "coded" (today's coder codes it from this trigger), "sentence", "missing"
    names: list[str] = field(default_factory=list)
    dense: np.ndarray | None = None
    lexicon: str | None = None
    sentence: str = ""
    trigger: tuple[int, int] = (0, 0)
    probs: dict[str, float] = field(default_factory=dict)
    note: str = ""


def training_label(event: str, verdict: dict[str, Any]) -> str | None:
    """The judged event's label for training: its type if right, NONE if wrong and no other
    type is named, else None (the note points at another act, maybe of another word)."""
    if verdict.get("type") is True:
        return event
    named = [t for t in re.findall(r"[A-Z]{4,}", verdict.get("note", "")) if t in PLOVER_TYPES]
    return None if any(t != event for t in named) else NONE


class _Recorder:
    """Catches, while the pipeline codes one article, the typer's candidates with their
    lexicon types and probabilities, and the trigger each coded event came from."""

    def __init__(self) -> None:
        self.cands: dict[int, tuple[Candidate, str | None, dict[str, float]]] = {}
        self.events: list[tuple[int, int, str, int]] = []  # sentence, type, trigger index

    def install(self) -> None:
        predict = EventTyper.predict
        make_event = coder_module._event
        recorder = self

        def recording_predict(typer, cands, lexicon_types):  # type: ignore[no-untyped-def]
            out = predict(typer, cands, lexicon_types)
            for cand, lex, (_, _, probs) in zip(cands, lexicon_types, out, strict=True):
                recorder.cands[cand.trigger.i] = (cand, lex, probs)
            return out

        def recording_event(m, *args, **kwargs):  # type: ignore[no-untyped-def]
            ev = make_event(m, *args, **kwargs)
            if ev is not None:
                recorder.events.append((ev.sentence_start, ev.sentence_end, ev.event, m.trigger.i))
            return ev

        EventTyper.predict = recording_predict  # type: ignore[method-assign]
        coder_module._event = recording_event


def collect(args: argparse.Namespace) -> None:
    judged: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = {}
    for stem in args.samples.split(","):
        pointers = {
            (row := json.loads(line))["id"]: row
            for line in (args.data / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
            if line
        }
        for line in (args.data / f"{stem}_judged.jsonl").read_text(encoding="utf-8").splitlines():
            if line:
                verdict = json.loads(line)
                pointer = pointers[verdict["id"]]
                judged.setdefault(pointer["article"], []).append((stem, pointer, verdict))
    with gzip.open(args.shared / "corpus/allsides-10k.jsonl.gz", "rt", encoding="utf-8") as fh:
        records = [r for line in fh if (r := json.loads(line))["id"] in judged]
    recorder = _Recorder()
    recorder.install()
    pipeline = Pipeline(Settings(n_process=1))
    out: list[JudgedEvent] = []
    for rec, document in zip(records, _documents(records), strict=True):
        recorder.cands, recorder.events = {}, []
        try:
            pipeline.analyze(document)
        except Exception as exc:  # noqa: BLE001 - an article the pipeline refuses is reported
            print(f"{rec['id']}: {exc}", file=sys.stderr)
        for stem, pointer, verdict in judged[rec["id"]]:
            opinion = opinion_article(rec.get("url"), rec.get("title"))
            out.append(_judged_event(recorder, stem, pointer, verdict, opinion))
    with args.out.open("wb") as fh:
        pickle.dump([vars(j) for j in out], fh)  # plain dicts: readable from any script
    print(f"{len(out)} judged events -> {args.out}; found {Counter(j.found for j in out)}")


def _judged_event(
    recorder: _Recorder,
    stem: str,
    pointer: dict[str, Any],
    verdict: dict[str, Any],
    opinion: bool,
) -> JudgedEvent:
    start, end = pointer["sentence"]
    event = pointer["event"]
    j = JudgedEvent(
        stem, verdict["id"], pointer["article"], event, pointer["rule"],
        verdict.get("type") is True, training_label(event, verdict), "missing",
        note=verdict.get("note", ""),
    )  # fmt: skip
    coded = [i for s, e, t, i in recorder.events if (s, e, t) == (start, end, event)]
    at = next((i for i in coded if i in recorder.cands), None)
    if at is not None:
        j.found = "coded"
    else:  # not coded today: the sentence's candidate that best reads as the judged type
        inside = [
            (probs.get(event, 0.0), i)
            for i, (cand, _, probs) in recorder.cands.items()
            if start <= cand.trigger.idx < end
        ]
        if inside:
            at, j.found = max(inside)[1], "sentence"
    if at is None:
        return j
    cand, lex, probs = recorder.cands[at]
    cand.trigger.doc.user_data[OPINION_KEY] = opinion
    j.names, j.dense, j.lexicon, j.probs = seen_names(cand, lex), dense_features(cand), lex, probs
    j.sentence, j.trigger = sentence_and_trigger(cand)
    return j


def read_judged(path: Path) -> list[JudgedEvent]:
    """The judged events ``collect`` wrote."""
    with path.open("rb") as fh:
        return [JudgedEvent(**row) for row in pickle.load(fh)]  # noqa: S301 - written by collect


def auc(wrong: np.ndarray, right: np.ndarray) -> float:
    """The chance a random wrong event scores above a random right one (ties half)."""
    if not len(wrong) or not len(right):
        return float("nan")
    above = (wrong[:, None] > right[None, :]).sum() + 0.5 * (wrong[:, None] == right[None, :]).sum()
    return float(above / (len(wrong) * len(right)))


def report(args: argparse.Namespace) -> None:
    rows = [j for j in read_judged(args.judged) if j.probs]
    kinds = Counter(
        "right" if j.type_right else ("no event" if j.label == NONE else "other type") for j in rows
    )
    print(f"{len(rows)} judged events with a candidate: {dict(kinds)}")
    none = np.array([j.probs.get(NONE, 0.0) for j in rows])
    own = np.array([j.probs.get(j.event, 0.0) for j in rows])
    right = np.array([j.type_right for j in rows])
    no_event = np.array([j.label == NONE and not j.type_right for j in rows])
    print(f"AUC of P(NONE), no event vs right: {auc(none[no_event], none[right]):.3f}")
    print(f"AUC of 1 - P(type), judged wrong vs right: {auc(-own[~right], -own[right]):.3f}")
    for name, sel in (("right", right), ("no event", no_event), ("other type", ~right & ~no_event)):
        print(f"  {name:10} n={int(sel.sum()):3d} P(NONE) mean {none[sel].mean():.3f} median "
              f"{np.median(none[sel]):.3f}; P(type) mean {own[sel].mean():.3f}")  # fmt: skip
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.85):
        print(f"  P(NONE) >= {t:.2f}: drops {int((none[no_event] >= t).sum())} of "
              f"{int(no_event.sum())} no-event, {int((none[right] >= t).sum())} of "
              f"{int(right.sum())} right")  # fmt: skip
    by_path = Counter(
        ("typer" if j.rule.startswith("typer.") else "lexicon", j.type_right) for j in rows
    )
    print("by path (coded by, type right):", dict(by_path))
    feats = Counter()
    for j in rows:
        for f in j.names:
            if f.startswith(("act.", "tag=")):
                feats[(f, j.type_right)] += 1
    shown = sorted({f for f, _ in feats}, key=lambda f: -(feats[(f, True)] + feats[(f, False)]))
    n_right, n_wrong = int(right.sum()), int((~right).sum())
    print("act features, share among judged right / wrong:")
    for f in shown[:40]:
        print(f"  {f:40} {feats[(f, True)] / n_right:.2f} {feats[(f, False)] / n_wrong:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--shared", type=Path, default=Path("../shared"))
    c.add_argument("--data", type=Path, default=Path("data/events"))
    c.add_argument("--samples", default=",".join(ROUNDS))
    c.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("report")
    r.add_argument("judged", type=Path)
    args = parser.parse_args()
    {"collect": collect, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
