"""Agreement between two annotations of the same material (issues #11, #12).

Articles: each ``gold/test-agreement/<annotator>/<id>.json`` against ``gold/test/<id>.json``
(annotated independently by another annotator): quotes (F1 of the 80%-overlap match),
speakers (same code / same surname on matched quotes) and events (F1 of the README's match,
required events of one against all events of the other, both ways, averaged).

Candidates: each ``data/events/agreement-<A>.jsonl`` against the other annotator's
``labels-*.jsonl``: raw agreement and Cohen's kappa on the type (NONE included), and on
event / not event.

    python scripts/annotation_agreement.py
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from tidings.evaluation.gold import gold_document, read_gold, with_texts
from tidings.evaluation.matching import gold_coverage, names_agree
from tidings.model import Document


def codes(refs: list[dict[str, Any]] | None) -> set[str]:
    return {r["code"] for r in refs or [] if isinstance(r, dict) and r.get("code")}


def same_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("event") != b.get("event") or not codes(a.get("actor")) & codes(b.get("actor")):
        return False
    ra, rb = codes(a.get("recipient")), codes(b.get("recipient"))
    return bool(ra & rb) if (ra or rb) else True


def event_recall(gold: dict[str, Any], other: dict[str, Any]) -> tuple[int, int]:
    required = [e for e in gold.get("events", []) if e.get("required", True)]
    found = sum(any(same_event(g, o) for o in other.get("events", [])) for g in required)
    return found, len(required)


def quotes(a: dict[str, Any], b: dict[str, Any]) -> tuple[int, int, int, int, int]:
    """(matched, in a, in b, speaker codes equal, speaker names agree) on matched quotes."""
    used: set[int] = set()
    matched = code_ok = name_ok = 0
    for qa in a.get("quotes", []):
        for j, qb in enumerate(b.get("quotes", [])):
            if j not in used and gold_coverage(qa["text"], qb["text"]) >= 0.8:
                used.add(j)
                matched += 1
                sa, sb = qa.get("speaker") or {}, qb.get("speaker") or {}
                code_ok += sa.get("code") == sb.get("code")
                name_ok += names_agree(sa.get("name"), sb.get("name"))
                break
    return matched, len(a.get("quotes", [])), len(b.get("quotes", [])), code_ok, name_ok


def annotation(path: Path, shared: Path) -> dict[str, Any]:
    """A gold file with its quoted text read back from the input (its spans)."""
    gold = read_gold(path)
    document = gold_document(gold, shared)
    if not isinstance(document, Document):
        raise SystemExit(f"{path}: {document}")
    return with_texts(gold, document).data


def articles(root: Path, shared: Path) -> None:
    totals: Counter[str] = Counter()
    for path in sorted((root / "gold/test-agreement").glob("*/*.json")):
        other = root / "gold/test" / path.name
        if not other.is_file():
            continue
        a, b = annotation(path, shared), annotation(other, shared)
        m, na, nb, c, n = quotes(a, b)
        fa, ta = event_recall(a, b)
        fb, tb = event_recall(b, a)
        totals.update(q_m=m, q_a=na, q_b=nb, code=c, name=n, ev_f=fa + fb, ev_t=ta + tb)
        print(f"{path.parent.name}/{path.stem}: quotes {m}/{na}|{nb}, speaker code {c}/{m}, "
              f"required events found by the other {fa}/{ta} and {fb}/{tb}")  # fmt: skip
    if totals["q_a"] + totals["q_b"]:
        f1 = 2 * totals["q_m"] / (totals["q_a"] + totals["q_b"])
        m = max(1, totals["q_m"])
        print(
            f"articles: quote F1 {f1:.3f}; speaker code agreement {totals['code'] / m:.3f}, "
            f"name {totals['name'] / m:.3f}; required events found by the other annotator "
            f"{totals['ev_f'] / max(1, totals['ev_t']):.3f} ({totals['ev_f']}/{totals['ev_t']})"
        )


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def candidates(root: Path) -> None:
    folder = root / "data/events"
    labels: dict[str, dict[str, str]] = {}
    for path in folder.glob("labels-*.jsonl"):
        name = path.stem.split("-", 1)[1]
        labels[name] = {
            r["id"]: r["event"] for line in path.read_text().splitlines()
            if line.strip() and (r := json.loads(line))
        }  # fmt: skip
    for path in sorted(folder.glob("agreement-*.jsonl")):
        name = path.stem.split("-", 1)[1]
        mine = {
            r["id"]: r["event"] for line in path.read_text().splitlines()
            if line.strip() and (r := json.loads(line))
        }  # fmt: skip
        others = {k: v for n, lab in labels.items() if n != name for k, v in lab.items()}
        pairs = [(mine[k], others[k]) for k in mine if k in others]
        if not pairs:
            continue
        agree = sum(a == b for a, b in pairs) / len(pairs)
        binary = [(a != "NONE", b != "NONE") for a, b in pairs]
        both = [(a, b) for a, b in pairs if a != "NONE" and b != "NONE"]
        print(
            f"candidates {name} vs others: n={len(pairs)}, type agreement {agree:.3f}, "
            f"kappa {kappa(pairs):.3f}; event/not kappa "
            f"{kappa([(str(a), str(b)) for a, b in binary]):.3f}; type agreement where both "
            f"saw an event {sum(a == b for a, b in both) / max(1, len(both)):.3f} (n={len(both)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    root = Path(".")
    articles(root, args.shared)
    candidates(root)


if __name__ == "__main__":
    main()
