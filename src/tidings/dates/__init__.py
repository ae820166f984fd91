"""Dates: date expressions in the body, resolved against the publication date.

:func:`resolve_dates` finds every date expression (:mod:`.expressions`: one regex pass;
:mod:`.filters`: the parse rules out "May" the verb, "Section 2022", counts), reads the
tense that governs it (:mod:`.tense`) and resolves it (:mod:`.resolve`) against the
reference date given by :func:`reference_date`: ``article.published`` when known, else a
date inferred from the text itself (:mod:`.infer`), else none, in which case relative
expressions stay ``unresolved`` and absolute ones are still resolved. Each mention's
``reference`` field says what its value rests on (``published``, ``inferred``, ``anchor``,
or ``None`` for absolute dates and durations). The article is never modified: a pipeline
that wants to record an inferred publication date calls :func:`reference_date`.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from tidings.dates.expressions import Expression, find_expressions
from tidings.dates.filters import is_date
from tidings.dates.infer import infer_published
from tidings.dates.resolve import Resolver
from tidings.dates.tense import Tense, tense_at
from tidings.model import Article, DateMention

# Kinds whose resolution depends on the tense of their clause.
_TENSE_KINDS = frozenset({"wd", "month", "md", "dm", "mrange", "season", "relunit"})


def reference_date(
    doc: Doc, article: Article, expressions: list[Expression] | None = None
) -> tuple[dt.date | None, str | None]:
    """The date relative expressions resolve against and where it comes from:
    ``(article.published, "published")``, ``(inferred, "inferred")`` when the text alone
    fixes it (see :func:`tidings.dates.infer.infer_published`, which is given
    ``expressions`` when the caller has them), or ``(None, None)``."""
    if article.published is not None:
        return article.published, "published"
    inferred = infer_published(doc, expressions)
    return (inferred, "inferred") if inferred is not None else (None, None)


def candidate_expressions(doc: Doc, text: str | None = None) -> list[Expression]:
    """The grammar's matches in ``doc.text`` that the parse confirms as dates. Pass the
    text when you have it: spaCy rebuilds ``doc.text`` from the tokens on each access."""
    text = doc.text if text is None else text
    return [e for e in find_expressions(text) if is_date(e, doc, text)]


def expression_tense(doc: Doc, expr: Expression) -> Tense | None:
    """The tense that decides the direction of ``expr``; ``None`` when it does not matter."""
    if expr.kind not in _TENSE_KINDS or expr.parts.get("y"):
        return None
    return tense_at(doc, expr.core_start, expr.end)


def mentions_against(
    doc: Doc,
    ref: dt.date | None,
    source: str | None = "published",
    text: str | None = None,
    expressions: list[Expression] | None = None,
) -> list[DateMention]:
    """Date mentions of ``doc`` resolved against ``ref``; ``source`` names where ``ref``
    came from and is copied to each mention that used it. ``expressions``: the doc's
    :func:`candidate_expressions`, when the caller has already found them."""  # fmt: skip
    resolver = Resolver(ref)
    mentions: list[DateMention] = []
    if expressions is None:
        expressions = candidate_expressions(doc, text)
    for expr in expressions:
        resolution = resolver.resolve(expr, expression_tense(doc, expr))
        if resolution is None:
            continue
        if resolution.value.precision == "unresolved":
            reference = None
        else:
            resolver.remember(resolution)
            reference = {"absolute": None, "reference": source, "anchor": "anchor"}[
                resolution.basis
            ]
        mentions.append(
            DateMention(
                text=expr.text, start=expr.start, end=expr.end, date=resolution.value,
                relation=resolution.relation, duration_days=resolution.duration_days,
                reference=reference,
            )
        )  # fmt: skip
    return mentions


def resolve_dates(doc: Doc, article: Article) -> list[DateMention]:
    """Every date expression in the body with its resolved value and precision.

    Relative expressions resolve against ``article.published``; when that is ``None``,
    against the date :func:`infer_published` finds in the text (those mentions say
    ``reference="inferred"``), and when nothing can be inferred they stay ``unresolved``.
    """
    # The expressions are found once: inferring the reference date reads the same ones.
    text = _body_of(doc, article)
    expressions = candidate_expressions(doc, doc.text if text is None else text)
    ref, source = reference_date(doc, article, expressions)
    return mentions_against(doc, ref, source, text, expressions)


def _body_of(doc: Doc, article: Article) -> str | None:
    """``article.body`` when ``doc`` is its parse (cheap check), else ``None``."""
    if not len(doc):
        return None
    last = doc[-1]
    return article.body if last.idx + len(last.text_with_ws) == len(article.body) else None


__all__ = [
    "candidate_expressions", "infer_published", "mentions_against", "reference_date",
    "resolve_dates",
]  # fmt: skip
