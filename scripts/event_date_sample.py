"""A blind sample of annotated corpus events for labelling their dates, and its score (issue #12).

The 13,336 annotated corpus candidates of ``data/events`` carry a type, arguments and aux but
no date, so the coder's dating could only be developed on the few gold articles.

``draw``: draws, with ``--seed``, up to ``--events`` of the annotated events (type not NONE),
one per article, and writes for the annotator only each event's article up to the end of its
paragraph with the sentence and trigger marked (``--show``; not committed: third-party
text). The annotator adds a ``date`` to each pointer following ``../shared/gold/README.md``
(ISO 8601 at the precision the text supports, resolved against the publication date; a
future act dated by when it is to happen; null when the text gives no date) and a ``basis``
saying where the date came from (``own``: the event's own clause; ``report``: the clause
reporting it; ``context``: the surrounding story; ``today``: the publication day; ``none``:
no date). Pointers and labels are kept in ``data/events/dates-<annotator>.jsonl``; no text
is copied.

``score``: runs the pipeline (as ``scripts/event_data.py`` parses an article) over each
labelled article, takes the coder's event at the labelled trigger (same sentence, trigger
overlap; of the labelled type when there are several) and prints, by basis, how many dates
are right (equal at the label's precision, or both null), wrong (both dated, differently),
missing (labelled, none predicted) or spurious (predicted, labelled null). A labelled event
the coder does not find is dated as the coder would date it had it found it: the coder's aux
and date passes over a row of the labelled type at the trigger (``direct``), scored apart.
``--labels`` takes files or glob patterns (rows without a ``date`` key, such as the
pointers, are skipped; an event labelled twice keeps its first annotation, and the count of
disagreements is printed); ``--details`` lists every date not right; ``--cache`` keeps the
parses between runs.

    python scripts/event_date_sample.py draw --seed 20261211 --events 300 \
        --show /tmp/date_show.txt
    PYTHONPATH=src python scripts/event_date_sample.py score [--details] \
        [--labels 'data/events/dates-*.jsonl'] [--cache /tmp/date_parses.pkl]
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from event_data import cached_parses, corpus_records, read_candidates, record_article

# Characters of the article shown before the trigger's paragraph besides its lede: enough
# for the narrative's last date, short enough to read quickly.
LEDE_CHARS = 900
CONTEXT_CHARS = 1800


def annotated_events(folder: Path) -> dict[str, dict[str, Any]]:
    """The first annotation of every candidate labelled an event, by candidate id."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("labels-T*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line else None
            if row and row.get("event") not in (None, "NONE"):
                out.setdefault(row["id"], row)
    return out


def draw(seed: int, n_events: int, folder: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    labels = annotated_events(folder)
    by_article: dict[str, list[dict[str, Any]]] = {}
    for cand in read_candidates(folder):
        if cand["id"] in labels:
            by_article.setdefault(cand["article"], []).append(cand)
    rng = random.Random(seed)
    articles = sorted(by_article)
    rng.shuffle(articles)
    picks = [rng.choice(by_article[a]) for a in articles[:n_events]]
    return [(cand, labels[cand["id"]]) for cand in sorted(picks, key=lambda c: c["id"])]


def shown(text: str, cand: dict[str, Any], label: dict[str, Any], key: str) -> str:
    s_start, s_end = cand["sentence"]
    t_start, t_end = cand["trigger"]
    para_end = text.find("\n", s_end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[:s_start]
    if len(before) > LEDE_CHARS + CONTEXT_CHARS:
        before = before[:LEDE_CHARS] + "\n[…]\n" + before[-CONTEXT_CHARS:]
    marked = text[s_start:t_start] + "<<" + text[t_start:t_end] + ">>" + text[t_end:s_end]
    event = (
        f"{label['event']}: source {label.get('source')!r} ({label.get('source_code')}), "
        f"recipient {label.get('recipient')!r} ({label.get('recipient_code')}), "
        f"aux {label.get('aux')}"
    )
    return (
        f"=== {key} | {cand['article']} | published {cand['published']}\n"
        f"EVENT {event}\n\n{before}[[{marked}]]{text[s_end:para_end]}\n"
    )


def draw_sample(args: argparse.Namespace) -> None:
    picks = draw(args.seed, args.events, args.data)
    texts = {
        rec["id"]: rec["text"]
        for rec in corpus_records(args.shared, {cand["article"] for cand, _ in picks})
    }
    pointers, blocks = [], []
    for n, (cand, label) in enumerate(picks, 1):
        key = f"d{n:03d}"
        pointers.append({"id": key, "candidate": cand["id"], "article": cand["article"]})
        blocks.append(shown(texts[cand["article"]], cand, label, key))
    args.pointers.write_text("".join(json.dumps(p) + "\n" for p in pointers), encoding="utf-8")
    args.show.write_text("\n".join(blocks), encoding="utf-8")
    print(f"{len(picks)} events -> {args.pointers}, {args.show}")


# --- score ------------------------------------------------------------------------------

BASES = ("own", "report", "context", "today", "none")
OUTCOMES = ("right", "wrong", "missing", "spurious")


def read_labels(patterns: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Label rows (those with a ``date`` key) by sample id, from files or glob patterns in
    the order given (within a pattern, a second annotation, ``…second.jsonl``, after the
    first ones); an event labelled twice keeps its first label. A line that is not JSON (a
    label being written) or whose date is no calendar value is skipped with a warning
    naming it."""
    from tidings.evaluation.matching import span_of

    rows: dict[str, dict[str, Any]] = {}
    twice: list[bool] = []  # whether a second label of an event agrees with the first
    for pattern in patterns:
        paths = sorted(glob.glob(pattern), key=lambda p: (Path(p).stem.endswith("second"), p))
        paths = paths or ([pattern] if Path(pattern).is_file() else [])
        if not paths:
            raise SystemExit(f"--labels {pattern}: no such file")
        for path in paths:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    print(f"{path}:{n}: skipped, not JSON ({exc.msg})", file=sys.stderr)
                    continue
                if not isinstance(row, dict) or "date" not in row or "id" not in row:
                    continue  # a pointer not yet labelled
                if row["date"] is not None and span_of(row["date"]) is None:
                    print(f"{path}:{n}: skipped, date {row['date']!r} is no ISO value",
                          file=sys.stderr)  # fmt: skip
                    continue
                first = rows.setdefault(row["id"], row)
                if first is not row:
                    twice.append(first["date"] == row["date"])
    if twice:
        print(f"{len(twice)} events labelled twice: {twice.count(False)} disagree on the "
              "date; the first file's label is kept", file=sys.stderr)  # fmt: skip
    return rows


@dataclass
class Scored:
    """One labelled event and the date tidings gives it."""

    key: str
    basis: str
    label: str | None
    predicted: str | None
    predicted_text: str | None
    aux: str | None
    how: str  # "found": the coder's event; "direct": the coder's passes at the trigger
    outcome: str
    trigger: str
    sentence: str


def outcome(label: str | None, predicted: Any) -> str:
    from tidings.evaluation.matching import date_matches

    if date_matches(label, predicted):
        return "right"
    if label is None:
        return "spurious"
    return "missing" if predicted is None or predicted.value is None else "wrong"


def _coder_date(token: Any, label_type: str, analysis: tuple[Any, ...]) -> tuple[Any, Any, Any]:
    """The date, its text and the aux the coder's passes give an act of ``label_type`` at
    ``token``, as if the coder had found it (the typer's generic row of that type)."""
    from tidings.actors.home import article_country
    from tidings.events.arguments import ActorIndex
    from tidings.events.aux_model import AuxContext, load_aux_model
    from tidings.events.coder import AuxReader, Match, _aux_pass, _date_pass
    from tidings.events.typed import model_entry

    article, doc, mentions, quotes, dates = analysis
    index = ActorIndex(doc, mentions, quotes, home=article_country(article, mentions))
    context = AuxContext(
        dates, article.published, [(q.start, q.end) for q in quotes],
        article.paragraphs[0].end if article.paragraphs else None,
        [(p.start, p.end) for p in article.paragraphs],
    )  # fmt: skip
    reader = AuxReader(load_aux_model(), context)
    stance = _aux_pass(Match(model_entry(label_type, token), token), [], reader)
    return _date_pass(token, stance, index, article, dates)


def _parse(rec: dict[str, Any], article: Any) -> tuple[Any, bytes]:
    from tidings.nlp import load_nlp

    return article, load_nlp()(article.body).to_bytes()


def score(args: argparse.Namespace) -> None:
    from spacy.tokens import Doc

    from tidings.actors import resolve_actors
    from tidings.dates import resolve_dates
    from tidings.events import code_events
    from tidings.nlp import load_nlp
    from tidings.quotes import extract_quotes

    labels = read_labels(args.labels)
    if not labels:
        raise SystemExit(f"--labels {' '.join(args.labels)}: no labelled rows")
    pointers = {
        row["id"]: row
        for line in args.pointers.read_text(encoding="utf-8").splitlines()
        if line and (row := json.loads(line))
    }
    cands = {c["id"]: c for c in read_candidates(args.data)}
    types = annotated_events(args.data)
    wanted: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for key, row in sorted(labels.items()):
        cand_id = row.get("candidate") or pointers.get(key, {}).get("candidate")
        if cand_id not in cands:
            print(f"{key}: skipped, no candidate pointer for it", file=sys.stderr)
            continue
        wanted.setdefault(cands[cand_id]["article"], []).append((key, cands[cand_id]))
    records = {rec["id"]: rec for rec in corpus_records(args.shared, set(wanted))}
    if args.cache is not None:
        parsed = cached_parses(args.shared, set(wanted), args.cache, _parse)
    else:
        parsed = {}
        for art_id, rec in records.items():
            article = record_article(rec)
            parsed[art_id] = None if article is None else _parse(rec, article)
    nlp = load_nlp()
    scored: list[Scored] = []
    unlocated = 0
    for art_id, items in sorted(wanted.items()):
        if parsed.get(art_id) is None or art_id not in records:
            unlocated += len(items)
            continue
        article, doc_bytes = parsed[art_id]
        doc = Doc(nlp.vocab).from_bytes(doc_bytes)
        mentions = resolve_actors(doc, article)
        quotes = extract_quotes(doc, article, mentions)
        dates = resolve_dates(doc, article)
        events = code_events(doc, article, mentions, quotes, dates)
        text, body = records[art_id]["text"], article.body
        for key, cand in items:
            s_start, s_end = cand["sentence"]
            at = body.find(text[s_start:s_end])
            if at < 0:
                unlocated += 1
                continue
            t_start = at + cand["trigger"][0] - s_start
            t_end = at + cand["trigger"][1] - s_start
            label_type = types.get(cand["id"], {}).get("event", "")
            found = [e for e in events if _at_trigger(e, body, t_start, t_end)]
            found.sort(key=lambda e: e.event != label_type)
            span = doc.char_span(t_start, t_end, alignment_mode="expand")
            if found:
                ev = found[0]
                date, date_text, aux, how = ev.date, ev.date_text, ev.aux, "found"
            elif span is not None and label_type:
                analysis = (article, doc, mentions, quotes, dates)
                date, date_text, aux = _coder_date(span.root, label_type, analysis)
                how = "direct"
            else:
                unlocated += 1
                continue
            label = labels[key]
            scored.append(
                Scored(
                    key, label.get("basis") or "unspecified", label["date"],
                    date.value if date is not None else None, date_text, aux, how,
                    outcome(label["date"], date), body[t_start:t_end],
                    body[at : at + s_end - s_start],
                )
            )  # fmt: skip
    report(scored, unlocated, args.details)


def _at_trigger(ev: Any, body: str, t_start: int, t_end: int) -> bool:
    """Whether the coder's event sits in the trigger's sentence with its trigger word
    overlapping the labelled trigger."""
    if not ev.sentence_start <= t_start < ev.sentence_end or not ev.trigger:
        return False
    at = body.find(ev.trigger, ev.sentence_start, ev.sentence_end)
    while at >= 0:
        if at < t_end and t_start < at + len(ev.trigger):
            return True
        at = body.find(ev.trigger, at + 1, ev.sentence_end)
    return False


def report(scored: list[Scored], unlocated: int, details: bool) -> None:
    if details:
        for s in scored:
            if s.outcome != "right":
                print(
                    f"{s.key} {s.basis:8} {s.outcome:8} label {s.label} | {s.how} "
                    f"{s.predicted} ({s.predicted_text}) aux {s.aux} | <<{s.trigger}>> "
                    f"{' '.join(s.sentence.split())[:200]}"
                )
    bases = [b for b in BASES if any(s.basis == b for s in scored)]
    bases += sorted({s.basis for s in scored} - set(BASES))
    print(f"{len(scored)} labelled events scored ({unlocated} not located in the body)")
    header = f"{'basis':12}{'n':>5}" + "".join(f"{o:>10}" for o in OUTCOMES) + f"{'accuracy':>10}"
    for how in ("found", "direct", "all"):
        rows = [s for s in scored if how == "all" or s.how == how]
        print(f"\n{how} ({len(rows)})\n{header}")
        for basis in [*bases, "total"]:
            group = [s for s in rows if basis == "total" or s.basis == basis]
            if not group:
                continue
            counts = Counter(s.outcome for s in group)
            print(
                f"{basis:12}{len(group):>5}" + "".join(f"{counts[o]:>10}" for o in OUTCOMES)
                + f"{counts['right'] / len(group):>10.3f}"
            )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("draw", "score"))
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--seed", type=int, default=20261211)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--pointers", type=Path, default=Path("data/events/dates-sample.jsonl"))
    parser.add_argument("--show", type=Path, default=Path("/tmp/date_show.txt"))
    parser.add_argument(
        "--labels", nargs="+", default=["data/events/dates-*.jsonl"],
        help="label files or glob patterns (score)",
    )  # fmt: skip
    parser.add_argument("--details", action="store_true", help="list every date not right")
    parser.add_argument("--cache", type=Path, help="file keeping the parses between runs")
    args = parser.parse_args()
    draw_sample(args) if args.command == "draw" else score(args)


if __name__ == "__main__":
    main()
