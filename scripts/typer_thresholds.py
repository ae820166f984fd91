"""Where the coder's events come from on the annotated candidates, and which thresholds of
``events.typed`` to use: measured on the typer's out-of-fold probabilities.

``scripts/train_event_typer.py --cv-out cv.npz`` writes, for every annotated candidate, its
label, the lexicon's type and the typer's probabilities from the fold that did not see its
article. This script replays the coder's decision on them (``events.typed``: the lexicon's
type unless the typer vetoes or retypes it, the typer's type where the lexicon has none),
reports event precision, recall and type accuracy per decision path (lexicon kept, vetoed,
retyped, typer-added) and the triggers of the false events, then searches the thresholds
for the best event F1 whose precision stays at or above ``--floor``. The search is checked
the honest way too: thresholds chosen on four folds' articles, scored on the fifth's.

    python scripts/typer_thresholds.py /tmp/cv.npz [--floor 0.70]

Two limits: the candidates were drawn half among triggers the CAMEO dictionary knows, so
the lexicon's paths weigh more here than in a whole article; and an event of the coder is
right only when its source and recipient are too, which this does not see (``tidings
eval`` on the dev articles does).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from tidings.events.typed import ADD_AT, DROP_AT, RETYPE_AT  # noqa: E402
from tidings.events.typer import NONE  # noqa: E402
from tidings.model import PLOVER_TYPES  # noqa: E402

LABELS = (NONE, *PLOVER_TYPES)
PATHS = ("kept", "vetoed", "retyped", "added", "none")


@dataclass(frozen=True)
class Thresholds:
    drop: float  # veto a lexicon match when the typer says NONE at least this sure
    retype: float  # take the typer's other type when it is at least this sure
    add: float  # add an event the lexicon lacks when the typer is at least this sure
    # also veto a lexicon match whose type the typer gives under this (tried at 0.10; the
    # coder has no such veto: events.typed)
    keep: float = 0.0

    def __str__(self) -> str:
        return (
            f"drop {self.drop:.2f} retype {self.retype:.2f} add {self.add:.2f} keep {self.keep:.2f}"
        )


SHIPPED = Thresholds(DROP_AT, RETYPE_AT, ADD_AT)


def decide(lexicon: np.ndarray, probs: np.ndarray, t: Thresholds) -> tuple[np.ndarray, np.ndarray]:
    """The coder's type per candidate (0 = no event) and the path that gave it."""
    best, p = probs.argmax(axis=1), probs.max(axis=1)
    known = lexicon != 0
    lexicon_p = probs[np.arange(len(lexicon)), lexicon]
    veto = known & (((best == 0) & (p >= t.drop)) | (lexicon_p < t.keep))
    retype = known & ~veto & (best != 0) & (best != lexicon) & (p >= t.retype)
    add = ~known & (best != 0) & (p >= t.add)
    out = np.where(known & ~veto, lexicon, 0)
    out[retype] = best[retype]
    out[add] = best[add]
    path = np.full(len(lexicon), "none", dtype=object)
    path[known] = "kept"
    path[veto] = "vetoed"
    path[retype] = "retyped"
    path[add] = "added"
    return out, path


def scores(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    """Event precision, recall and F1: an event is right when its type is the label's."""
    tp = float(((y == pred) & (y != 0)).sum())
    p = tp / max(1, int((pred != 0).sum()))
    r = tp / max(1, int((y != 0).sum()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def by_path(y: np.ndarray, lexicon: np.ndarray, pred: np.ndarray, path: np.ndarray) -> None:
    """Per decision path: how many, how many are events, how many have the right type."""
    print(f"{'path':8} {'n':>6} {'label event':>12} {'type right':>11}  what the label was")
    for name in PATHS:
        sel = path == name
        n = int(sel.sum())
        if not n:
            continue
        event = int((y[sel] != 0).sum())
        shown = pred if name not in ("vetoed", "none") else lexicon
        right = int(((y == shown) & (y != 0) & sel).sum())
        top = Counter(LABELS[i] for i in y[sel]).most_common(4)
        print(f"{name:8} {n:6d} {event:6d} {event / n:5.2f} {right:5d} {right / n:5.2f}  {top}")


def false_events(
    y: np.ndarray, pred: np.ndarray, path: np.ndarray, triggers: np.ndarray, n: int = 25
) -> None:
    """The triggers of the false events by path: a NONE label, or another type."""
    wrong = (pred != 0) & (pred != y)
    for name in ("kept", "retyped", "added"):
        sel = wrong & (path == name)
        none = sel & (y == 0)
        print(f"\nfalse events, {name}: {int(sel.sum())} ({int(none.sum())} are no event)")
        words = Counter(
            f"{str(t).lower()}:{LABELS[p]}{'' if gold == 0 else '/was ' + LABELS[gold]}"
            for t, p, gold in zip(triggers[sel], pred[sel], y[sel], strict=True)
        )
        print("  ", ", ".join(f"{w} {c}" for w, c in words.most_common(n)))


GRID_DROP = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.01)
GRID_RETYPE = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
GRID_ADD = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
GRID_KEEP = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)


def search(
    y: np.ndarray, lexicon: np.ndarray, probs: np.ndarray, floor: float
) -> tuple[Thresholds, tuple[float, float, float]] | None:
    """The thresholds of the grid with the best F1 at precision >= floor."""
    best: tuple[Thresholds, tuple[float, float, float]] | None = None
    for d, r, a, k in itertools.product(GRID_DROP, GRID_RETYPE, GRID_ADD, GRID_KEEP):
        t = Thresholds(d, r, a, k)
        s = scores(y, decide(lexicon, probs, t)[0])
        if s[0] >= floor and (best is None or s[2] > best[1][2]):
            best = (t, s)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cv", type=Path, help="the .npz of train_event_typer.py --cv-out")
    parser.add_argument("--floor", type=float, default=0.70, help="least event precision")
    parser.add_argument("--at", type=float, nargs=4, metavar=("DROP", "RETYPE", "ADD", "KEEP"),
                        help="also score these thresholds, path by path")  # fmt: skip
    args = parser.parse_args()
    if not args.cv.is_file():
        sys.exit(f"{args.cv}: no such file (write it with train_event_typer.py --cv-out)")
    cv = np.load(args.cv)
    y, lexicon, probs, folds = cv["y"], cv["lexicon"], cv["probs"], cv["folds"]
    triggers = cv["triggers"] if "triggers" in cv else np.full(len(y), "?")
    print(f"{len(y)} candidates, {int((y != 0).sum())} events")
    for name, pred in (
        ("lexicon alone", lexicon),
        ("typer alone", probs.argmax(axis=1)),
        (f"shipped ({SHIPPED})", decide(lexicon, probs, SHIPPED)[0]),
    ):
        p, r, f = scores(y, pred)
        print(f"{name:60} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if args.at:
        at = Thresholds(*args.at)
        pred, path = decide(lexicon, probs, at)
        p, r, f = scores(y, pred)
        print(f"\n{at}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        by_path(y, lexicon, pred, path)
    pred, path = decide(lexicon, probs, SHIPPED)
    print("\nby decision path, shipped thresholds:")
    by_path(y, lexicon, pred, path)
    false_events(y, pred, path, triggers)
    found = search(y, lexicon, probs, args.floor)
    if found is None:
        sys.exit(f"\nno thresholds of the grid reach precision {args.floor}")
    t, (p, r, f) = found
    print(f"\nbest at P >= {args.floor}: {t}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    pred, path = decide(lexicon, probs, t)
    by_path(y, lexicon, pred, path)
    # honest check: choose on four folds' articles, score on the fifth's
    held = np.zeros_like(y)
    for fold in np.unique(folds):
        train, test = folds != fold, folds == fold
        chosen = search(y[train], lexicon[train], probs[train], args.floor)
        use = chosen[0] if chosen is not None else SHIPPED
        held[test] = decide(lexicon[test], probs[test], use)[0]
        print(f"fold {fold}: chose {use}")
    p, r, f = scores(y, held)
    print(f"chosen on the other folds, scored on each: P {p:.3f} R {r:.3f} F1 {f:.3f}")


if __name__ == "__main__":
    main()
