"""Which grammar matches really are dates, judged with the parse of the sentence.

The grammar in :mod:`tidings.dates.expressions` matches on form. Some forms are also
ordinary words or numbers: "May" the modal verb or Theresa May, "March" the verb, a year
that is a label ("Section 2022") or a count ("2000 votes"), "Black Friday", "the fall of
Kabul", "once a year". spaCy's DATE entities are used here as evidence for a bare month
that has no other cue; they are never required, because the small model misses and
mis-bounds many dates.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.dates.expressions import Expression
from tidings.dates.lexicon import words

# Month names that are also common words or given names.
AMBIGUOUS_MONTHS = words("ambiguous_month")
# Entity labels under which a month or weekday word is part of a name, not a date.
NAME_LABELS = words("name_label")
# Words before a weekday that make it a named day, not a date.
NAMED_DAY_WORDS = words("named_day")
# Words before a number that make it a label, not a year ("Section 2022", "Flight 1549").
LABEL_WORDS = words("number_label")
# Nouns after a number that make it a count or a measure, not a year.
MEASURE_WORDS = words("measure")
# Words that make "two years" a frequency or an age rather than a stretch of time.
FREQUENCY_WORDS = words("frequency")
DURATION_PREPS = frozenset({"for", "over", "within", "in", "during", "after", "since"})
SEASON_PREPS = frozenset(
    {"in", "during", "by", "until", "till", "since", "over", "through", "before", "after",
     "from"}
)  # fmt: skip


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _word_before(text: str, pos: int) -> str:
    """The word (lower-cased, with a trailing dot kept) just before ``pos``."""
    head = text[max(0, pos - 40) : pos].rstrip()
    tokens = head.split()
    return tokens[-1].lower() if tokens else ""


def _month_ok(expr: Expression, doc: Doc, text: str) -> bool:
    month = expr.parts["m"]
    cue = expr.prep or expr.parts.get("rel") or expr.parts.get("pre") or expr.parts.get("mid")
    tok = _token_at(doc, text.index(month, expr.core_start))
    if tok is None:
        return bool(cue)
    if tok.ent_type_ in NAME_LABELS or tok.tag_ not in ("NNP", "NNPS", "NN"):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if month == "May" and prev is not None and prev.is_title and not prev.is_sent_start:
        return False  # Theresa May, Prime Minister May
    if cue:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if (
        prev is not None
        and prev.lower_ == "the"
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))
    ):
        return False  # "the March for Life": a name; "the March elections" is a date
    if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
        return False  # "August Landmesser", "the October Revolution"
    if month in AMBIGUOUS_MONTHS:
        return tok.ent_type_ == "DATE"
    return True


def _year_ok(expr: Expression, doc: Doc, text: str) -> bool:
    if _word_before(text, expr.core_start) in LABEL_WORDS:
        return False
    tok = _token_at(doc, text.index(expr.parts["y"], expr.core_start))
    if tok is None:
        return True
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in MEASURE_WORDS:
        return False
    if expr.prep or expr.parts.get("pre") or expr.parts.get("mid"):
        return True
    # "2000 votes": a count heads a plural noun with no determiner before the number;
    # "the 2016 elections" / "Russia's 2014 annexation" are years.
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i:
        return prev is not None and prev.tag_ in ("DT", "POS", "PRP$", "JJ", "HYPH")
    return True


def _weekday_ok(expr: Expression, doc: Doc, text: str) -> bool:
    if not expr.parts.get("rel") and not expr.prep:
        if _word_before(text, expr.core_start) in NAMED_DAY_WORDS:
            return False
    tok = _token_at(doc, text.index(expr.parts["wd"], expr.core_start))
    return tok is None or tok.ent_type_ not in NAME_LABELS


def _season_ok(expr: Expression, doc: Doc, text: str) -> bool:
    rel = (expr.parts.get("rel") or "").lower()
    if expr.parts.get("y"):
        return True
    if expr.parts["s"].lower() == "fall" and rel in ("", "the"):
        return False  # "the fall of Kabul", "a fall in prices"
    if rel in ("", "the", "early", "late") and expr.prep not in SEASON_PREPS:
        return False
    nxt = text[expr.end : expr.end + 30].split()
    # "the Winter Olympics", "the Spring Festival": a name, not a season.
    return not (expr.parts["s"][0].isupper() and nxt and nxt[0][:1].isupper())


def _duration_ok(expr: Expression, doc: Doc, text: str) -> bool:
    if _word_before(text, expr.start) in FREQUENCY_WORDS:
        return False
    n = expr.parts["n"].lower()
    quant = (expr.parts.get("q") or "").lower()
    if n in ("a", "an", "one") or (n == "a dozen" and not quant):
        return expr.prep in DURATION_PREPS or quant not in ("", "a", "another")
    return True


def is_date(expr: Expression, doc: Doc, text: str | None = None) -> bool:
    """Whether the match ``expr`` is a date expression in this document; pass ``text``
    (``doc.text``) when calling in a loop: spaCy rebuilds ``doc.text`` on every access."""
    text = doc.text if text is None else text
    kind = expr.kind
    if kind == "month":
        return _month_ok(expr, doc, text)
    if kind in ("year", "yrange"):
        return _year_ok(expr, doc, text)
    if kind == "wd":
        return _weekday_ok(expr, doc, text)
    if kind == "season":
        return _season_ok(expr, doc, text)
    if kind == "duration":
        return _duration_ok(expr, doc, text)
    if kind == "relunit":
        rel = expr.parts["rel"].lower()
        unit = expr.parts["u"].lower()
        if expr.parts["u"][0].isupper():
            return False  # "This Week", a programme or a title
        if rel == "the" and unit != "weekend":
            return False  # "the week", "the year": too vague alone
        return not (unit == "day" and rel in ("this", "last", "next", "the"))
    return True


__all__ = ["is_date"]
