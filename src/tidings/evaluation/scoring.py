"""Scores one predicted :class:`~tidings.model.Analysis` against one gold file, and sums
articles into the figures ``tidings eval`` reports (``../shared/gold/README.md``).

Token, line, name and date rules are defined in :mod:`tidings.evaluation.matching`.

Article
    ``body_f1``: bag-of-tokens F1 of the predicted body against the gold body, per article,
    averaged over articles. ``furniture_leaked``: the share of gold furniture lines that
    appear as a whole line of the predicted body (a furniture line that is also a line of
    the gold body is not counted); the count is reported beside it. ``title_exact``: the
    share of articles with a gold title whose predicted title is equal up to whitespace.

Quotes
    A predicted quote matches a gold quote when the gold's tokens it shares (as a bag) are
    at least 80% of the gold's tokens. Matching is one-to-one: a maximum matching of
    gold to predicted quotes, each gold quote trying its best-covered candidates first.
    Precision = matched / predicted, recall = matched / gold. ``speaker_accuracy`` is the
    share of matched quotes whose predicted speaker has the gold's code *and* a name that
    agrees (surname suffices); the code-only and name-only shares are reported too.

Events
    A predicted event matches a gold event when the types are equal, the actor code sets
    intersect, and the recipient code sets intersect or are both empty. Matching is not
    one-to-one (a duplicate of a correct event is not an error; one prediction may
    satisfy two gold events that differ only in their date). Precision = predictions that
    match any gold event, required or not / predictions; recall = required gold events
    that some prediction matches / required gold events. So an event marked
    ``required: false`` never counts against precision nor toward recall. The dated
    variant also requires the predicted date to equal the gold's at the gold's precision.
    ``aux_accuracy`` is judged on the required gold events some prediction matches: the
    share whose best match has the gold's aux mode (null, historical, future,
    hypothetical, negation), the best match being the matching predictions that also have
    the gold's date when there are any, else all matching predictions.

Dates
    For each gold date expression, the candidates are predicted date mentions whose text
    equals it (case and whitespace aside), else contains or is contained in it, else whose
    span overlaps an occurrence of it in the predicted body. It counts as correct when a
    candidate's value equals the gold value (:func:`matching.date_value_equal`).
    Accuracy = correct / gold expressions.

Aggregation and conventions
    Counts are summed over articles (micro average) before dividing. A section (quotes,
    events, dates) counts only for gold files that annotate it: the key is present, and
    the file is not a body-only gold (one whose actors, quotes, events and dates are all
    empty, like the crawler-dump golds). With no prediction at all, precision is 0.0 when
    there was something to find and 1.0 when there was not (then recall is 1.0 too); with
    nothing to find, recall is 1.0. A figure over no annotated article is ``None``. An
    input that failed is scored as an empty prediction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tidings.evaluation import matching
from tidings.model import Analysis, DateMention, Event, Quote

QUOTE_OVERLAP = 0.8
_EPSILON = 1e-9  # so that exactly 80% is not lost to floating point


@dataclass
class ArticleScore:
    """Counts for one article; :class:`Totals` sums them."""

    id: str
    error: str | None = None
    body_f1: float = 0.0
    has_body: bool = True  # tidings' own gold files keep no copy of the article's text
    furniture_lines: int = 0
    furniture_leaked: int = 0
    has_title: bool = False
    title_exact: bool = False
    # quotes
    quotes_scored: bool = False
    quotes_gold: int = 0
    quotes_predicted: int = 0
    quotes_matched: int = 0
    speakers_judged: int = 0
    speaker_code_ok: int = 0
    speaker_name_ok: int = 0
    speaker_ok: int = 0
    # events
    events_scored: bool = False
    events_predicted: int = 0
    events_predicted_matched: int = 0
    events_predicted_matched_dated: int = 0
    events_required: int = 0
    events_required_matched: int = 0
    events_required_matched_dated: int = 0
    events_aux_judged: int = 0
    events_aux_ok: int = 0
    # dates
    dates_scored: bool = False
    dates_gold: int = 0
    dates_correct: int = 0
    # what went wrong, for debugging stages (human-readable lines)
    notes: list[str] = field(default_factory=list)


def _annotates(gold: dict[str, Any], section: str) -> bool:
    if section not in gold or not isinstance(gold[section], list):
        return False
    body_only = not any(gold.get(k) for k in ("actors", "quotes", "events", "dates"))
    return not body_only


def _ref_codes(refs: Iterable[Any]) -> set[str]:
    codes: set[str] = set()
    for ref in refs or ():
        code = ref.get("code") if isinstance(ref, dict) else getattr(ref, "code", None)
        if code:
            codes.add(str(code))
    return codes


# --- article ----------------------------------------------------------------------------


def score_article_text(
    gold: dict[str, Any], analysis: Analysis | None, score: ArticleScore
) -> None:
    article = gold.get("article") or {}
    body = analysis.article.body if analysis else ""
    score.has_body = isinstance(article.get("body"), str)
    score.body_f1 = matching.token_f1(article.get("body") or "", body) if score.has_body else 0.0
    gold_lines = matching.body_lines(article.get("body") or "")
    predicted_lines = matching.body_lines(body)
    for line in article.get("furniture") or []:
        norm = matching.normal_line(line)
        if not norm or norm in gold_lines:
            continue
        score.furniture_lines += 1
        if norm in predicted_lines:
            score.furniture_leaked += 1
            score.notes.append(f"furniture leaked: {line[:80]}")
    gold_title = article.get("title")
    score.has_title = bool(gold_title)
    if gold_title:
        predicted = analysis.article.title if analysis else None
        score.title_exact = matching.titles_equal(gold_title, predicted)
        if not score.title_exact:
            score.notes.append(f"title: got {predicted!r}")


# --- quotes -----------------------------------------------------------------------------


def maximum_matching(candidates: Sequence[Sequence[int]], right_size: int) -> dict[int, int]:
    """A maximum one-to-one matching (left index → right index) by augmenting paths.

    ``candidates[i]`` lists the right items left item ``i`` may take, best first; each
    left item tries them in that order, so ties resolve toward the better pair.
    """
    owner: list[int | None] = [None] * right_size

    def augment(left: int, seen: set[int]) -> bool:
        for right in candidates[left]:
            if right in seen:
                continue
            seen.add(right)
            current = owner[right]
            if current is None or augment(current, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(candidates)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


def quote_matches(gold_text: str, predicted: Quote) -> bool:
    return matching.gold_coverage(gold_text, predicted.text) + _EPSILON >= QUOTE_OVERLAP


def score_quotes(gold: dict[str, Any], quotes: Sequence[Quote], score: ArticleScore) -> None:
    gold_quotes = [q for q in gold.get("quotes") or [] if isinstance(q, dict)]
    score.quotes_scored = True
    score.quotes_gold = len(gold_quotes)
    score.quotes_predicted = len(quotes)
    candidates: list[list[int]] = []
    for g in gold_quotes:
        cover = [
            (matching.gold_coverage(g.get("text", ""), q.text), j) for j, q in enumerate(quotes)
        ]
        ok = sorted((c for c in cover if c[0] + _EPSILON >= QUOTE_OVERLAP), reverse=True)
        candidates.append([j for _, j in ok])
    pairs = maximum_matching(candidates, len(quotes))
    score.quotes_matched = len(pairs)
    for i, g in enumerate(gold_quotes):
        if i not in pairs:
            score.notes.append(f"quote missed: {g.get('text', '')[:80]}")
            continue
        speaker = g.get("speaker")
        if not isinstance(speaker, dict) or not (speaker.get("code") or speaker.get("name")):
            continue
        predicted = quotes[pairs[i]].speaker
        score.speakers_judged += 1
        code_ok = predicted is not None and predicted.code == speaker.get("code")
        name_ok = predicted is not None and matching.names_agree(
            speaker.get("name"), predicted.name
        )
        score.speaker_code_ok += code_ok
        score.speaker_name_ok += name_ok
        score.speaker_ok += code_ok and name_ok
        if not (code_ok and name_ok):
            got = f"{predicted.code} {predicted.name}" if predicted else "no speaker"
            want = f"{speaker.get('code')} {speaker.get('name')}"
            score.notes.append(f"speaker: want {want}, got {got}: {g.get('text', '')[:50]}")
    matched = set(pairs.values())
    for j, q in enumerate(quotes):
        if j not in matched:
            score.notes.append(f"quote spurious: {q.text[:80]}")


# --- events -----------------------------------------------------------------------------


def event_matches(gold: dict[str, Any], predicted: Event, *, dated: bool = False) -> bool:
    """The README's event match: type, actor codes intersect, recipients intersect or both
    empty; ``dated`` also requires the date at the gold's precision."""
    if predicted.event != gold.get("event"):
        return False
    if not _ref_codes(gold.get("actor") or []) & _ref_codes(predicted.actor):
        return False
    gold_recipients = _ref_codes(gold.get("recipient") or [])
    predicted_recipients = _ref_codes(predicted.recipient)
    if gold_recipients or predicted_recipients:
        if not gold_recipients & predicted_recipients:
            return False
    return not dated or matching.date_matches(gold.get("date"), predicted.date)


def _describe_gold_event(g: dict[str, Any]) -> str:
    actors = "+".join(sorted(_ref_codes(g.get("actor") or [])))
    recipients = "+".join(sorted(_ref_codes(g.get("recipient") or [])))
    return f"{g.get('event')} {actors}→{recipients or '-'} @{g.get('date')}"


def _describe_event(e: Event) -> str:
    actors = "+".join(sorted(_ref_codes(e.actor)))
    recipients = "+".join(sorted(_ref_codes(e.recipient)))
    when = e.date.value if e.date else None
    return f"{e.event} {actors}→{recipients or '-'} @{when}"


def score_events(gold: dict[str, Any], events: Sequence[Event], score: ArticleScore) -> None:
    gold_events = [g for g in gold.get("events") or [] if isinstance(g, dict)]
    score.events_scored = True
    score.events_predicted = len(events)
    for e in events:
        any_match = any(event_matches(g, e) for g in gold_events)
        score.events_predicted_matched += any_match
        score.events_predicted_matched_dated += any(
            event_matches(g, e, dated=True) for g in gold_events
        )
        if not any_match:
            score.notes.append(f"event spurious: {_describe_event(e)} [{e.rule}] {e.text[:50]}")
    for g in gold_events:
        if not g.get("required", True):
            continue
        score.events_required += 1
        found = any(event_matches(g, e) for e in events)
        dated = any(event_matches(g, e, dated=True) for e in events)
        score.events_required_matched += found
        score.events_required_matched_dated += dated
        if not found:
            score.notes.append(f"event missed: {_describe_gold_event(g)}")
            continue
        if not dated:
            score.notes.append(f"event date wrong: {_describe_gold_event(g)}")
        best = best_matches(g, events)
        score.events_aux_judged += 1
        if any(e.aux == g.get("aux") for e in best):
            score.events_aux_ok += 1
        else:
            found_aux = "/".join(sorted({str(e.aux) for e in best}))
            score.notes.append(
                f"event aux wrong: {_describe_gold_event(g)} aux {g.get('aux')} ≠ {found_aux}"
            )


def best_matches(gold: dict[str, Any], events: Sequence[Event]) -> list[Event]:
    """The predictions that stand for a gold event when its aux mode is judged: those that
    match it with its date when there are any (the same instance of a repeated act), else
    all those that match it."""
    dated = [e for e in events if event_matches(gold, e, dated=True)]
    return dated or [e for e in events if event_matches(gold, e)]


# --- dates ------------------------------------------------------------------------------


def _occurrences(needle: str, haystack: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if not needle:
        return spans
    low, target = haystack.lower(), needle.lower()
    start = low.find(target)
    while start >= 0:
        spans.append((start, start + len(target)))
        start = low.find(target, start + 1)
    return spans


def date_candidates(text: str, mentions: Sequence[DateMention], body: str) -> list[DateMention]:
    """Predicted mentions for a gold expression: same text, else nested text, else overlap."""
    want = matching.normal_line(text)
    same = [m for m in mentions if matching.normal_line(m.text) == want]
    if same:
        return same
    nested = [
        m
        for m in mentions
        if matching.normal_line(m.text)
        and (matching.normal_line(m.text) in want or want in matching.normal_line(m.text))
    ]
    if nested:
        return nested
    spans = _occurrences(text, body)
    return [m for m in mentions if any(m.start < end and start < m.end for start, end in spans)]


def score_dates(
    gold: dict[str, Any], mentions: Sequence[DateMention], body: str, score: ArticleScore
) -> None:
    gold_dates = [d for d in gold.get("dates") or [] if isinstance(d, dict) and d.get("value")]
    score.dates_scored = True
    score.dates_gold = len(gold_dates)
    for d in gold_dates:
        found = date_candidates(str(d.get("text", "")), mentions, body)
        ok = any(matching.date_value_equal(str(d["value"]), m.date, m.duration_days) for m in found)
        score.dates_correct += ok
        if not ok:
            got = ", ".join(f"{m.text}={m.date.value}" for m in found) or "not found"
            score.notes.append(f"date: {d.get('text')!r} want {d['value']}, got {got}")


def score_article(
    gold: dict[str, Any], analysis: Analysis | None, *, error: str | None = None
) -> ArticleScore:
    """All counts for one article; ``analysis`` None (a failed input) scores as empty."""
    score = ArticleScore(id=str(gold.get("id", "?")), error=error)
    score_article_text(gold, analysis, score)
    if _annotates(gold, "quotes"):
        score_quotes(gold, analysis.quotes if analysis else [], score)
    if _annotates(gold, "events"):
        score_events(gold, analysis.events if analysis else [], score)
    if _annotates(gold, "dates"):
        body = analysis.article.body if analysis else ""
        score_dates(gold, analysis.dates if analysis else [], body, score)
    return score


# --- aggregation ------------------------------------------------------------------------


def precision(correct: int, predicted: int, gold: int) -> float:
    """correct / predicted; with no prediction, 1.0 if there was nothing to find, else 0.0."""
    if predicted:
        return correct / predicted
    return 1.0 if gold == 0 else 0.0


def recall(found: int, gold: int) -> float:
    """found / gold; 1.0 when there was nothing to find."""
    return found / gold if gold else 1.0


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Totals:
    """The summed counts of many articles and the report built from them."""

    scores: list[ArticleScore] = field(default_factory=list)

    def add(self, score: ArticleScore) -> None:
        self.scores.append(score)

    def _sum(self, name: str, section: str | None = None) -> int:
        return sum(
            int(getattr(s, name))
            for s in self.scores
            if section is None or getattr(s, f"{section}_scored")
        )

    def article(self) -> dict[str, Any]:
        bodied = [s for s in self.scores if s.has_body]
        titled = [s for s in self.scores if s.has_title]
        lines, leaked = self._sum("furniture_lines"), self._sum("furniture_leaked")
        return {
            "body_f1": sum(s.body_f1 for s in bodied) / len(bodied) if bodied else None,
            "furniture_leaked": leaked / lines if lines else 0.0,
            "title_exact": sum(s.title_exact for s in titled) / len(titled) if titled else None,
            "furniture_leaked_lines": leaked,
            "furniture_lines": lines,
        }

    def quotes(self) -> dict[str, Any]:
        if not any(s.quotes_scored for s in self.scores):
            return dict.fromkeys(("precision", "recall", "f1", "speaker_accuracy"))
        gold, pred = self._sum("quotes_gold", "quotes"), self._sum("quotes_predicted", "quotes")
        matched = self._sum("quotes_matched", "quotes")
        p, r = precision(matched, pred, gold), recall(matched, gold)
        judged = self._sum("speakers_judged", "quotes")
        return {
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "speaker_accuracy": _ratio(self._sum("speaker_ok", "quotes"), judged),
            "speaker_accuracy_code": _ratio(self._sum("speaker_code_ok", "quotes"), judged),
            "speaker_accuracy_name": _ratio(self._sum("speaker_name_ok", "quotes"), judged),
        }

    def events(self) -> dict[str, Any]:
        keys = ("precision", "recall", "f1", "precision_dated", "recall_dated", "f1_dated")
        if not any(s.events_scored for s in self.scores):
            return dict.fromkeys((*keys, "aux_accuracy"))
        pred = self._sum("events_predicted", "events")
        required = self._sum("events_required", "events")
        p = precision(self._sum("events_predicted_matched", "events"), pred, required)
        r = recall(self._sum("events_required_matched", "events"), required)
        pd = precision(self._sum("events_predicted_matched_dated", "events"), pred, required)
        rd = recall(self._sum("events_required_matched_dated", "events"), required)
        figures: dict[str, Any] = dict(zip(keys, (p, r, f1(p, r), pd, rd, f1(pd, rd)), strict=True))
        aux_judged = self._sum("events_aux_judged", "events")
        figures["aux_accuracy"] = _ratio(self._sum("events_aux_ok", "events"), aux_judged)
        return figures

    def dates(self) -> dict[str, Any]:
        if not any(s.dates_scored for s in self.scores):
            return {"accuracy": None}
        gold = self._sum("dates_gold", "dates")
        return {"accuracy": self._sum("dates_correct", "dates") / gold if gold else 1.0}

    def report(self) -> dict[str, Any]:
        """The one JSON object of ``tidings eval --json``."""
        return {
            "articles": len(self.scores),
            "article": self.article(),
            "quotes": self.quotes(),
            "events": self.events(),
            "dates": self.dates(),
        }
