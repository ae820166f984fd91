"""The aux mode of an event from a trained model: reported as happening now (None), or
``historical``, ``future`` or ``hypothetical``.

The rules of :mod:`.auxmodes` read the verb group alone, and most of their errors are
earlier events told in the simple past ("The U.S. imposed sanctions in 2018 …", "when
Russia annexed Crimea") that they code as today's. This model reads more of the sentence:
the rules' own flags, the tense tags and auxiliaries of the trigger and of the verbs that
govern it, condition and time subordinators, the reporting verb and its tense, the words
that place an act in time ("ago", "since", "last", "former", "earlier"), how a date of the
clause relates to publication, whether the act sits in a quotation, and where in the
article it stands; and the discourse around it (``discourse_features``): background
paragraphs that recall earlier events read like news sentence by sentence, but they sit
late, after an old date, open with "In 2014," or "Last year" and lean on the past
perfect; and how many of the article's dates, before the act and in all, lie months or
years before publication (``old_share``). A multinomial logistic regression over those
indicators, trained by ``scripts/train_event_aux.py`` on the candidates annotated for
tidings (``data/events/``); weights in ``data/aux.npz``, model card in ``data/aux.md``.
``negation`` stays with the rules (a negated act is often a refusal, coded REJECT).
Deterministic, no network: one small dot product per event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from tidings.events.auxmodes import CONDITION_MARKS, REPORT_VERBS, backshifted, verb_group
from tidings.events.dating import HISTORICAL_DAYS, Dating, own_date
from tidings.events.linear_file import linear_bytes, read_linear
from tidings.model import ActorMention, DateMention

NOW = "now"  # the label of an event reported as happening now (aux None)
LABELS = (NOW, "historical", "future", "hypothetical")

# Words of the clause that place its act in time or in a condition.
TIME_WORDS = frozenset(
    "ago since earlier previously formerly once already then last former past previous "
    "recent recently first next upcoming soon later future planned proposed expected "
    "still yet again years decades months weeks history historic until before after "
    "when while during if unless whether whenever tomorrow today yesterday now".split()
)
# Subordinators whose clause is dated by another event.
TIME_MARKS = frozenset({"when", "after", "before", "since", "until", "while", "as", "once"})
# Relations of a clause's own date to publication that settle the mode by themselves
# (``coder._date_pass``): the model is not asked.
SETTLING = frozenset({"far_past", "future", "recalled"})
# The model's mode is taken when its probability reaches this (chosen in cross-validation,
# ``scripts/train_event_aux.py``); below it the rules' mode stands.
AUX_AT = 0.5
MODALS = frozenset("will would shall should can could may might must wo 'll ca".split())
# First words of a sentence that open it with a time adverbial ("In 2014, …", "Last year
# …", "Since then …"): background passages recalling earlier events start this way.
OPENERS = frozenset(
    "in last since earlier previously before after back then at during until years months "
    "decades weeks later once when while on by for following prior over".split()
)


@dataclass(frozen=True, slots=True)
class AuxContext:
    """What the model reads of the article beyond the sentence's parse."""

    dates: Sequence[DateMention]
    published: dt.date | None
    quotes: Sequence[tuple[int, int]]  # character spans of attributed quotations
    lede_end: int | None  # where the first paragraph ends
    paragraphs: Sequence[tuple[int, int]] = ()  # character spans of the body's paragraphs
    # character spans of mentions of former officials (a code ending in ELI): "Under Obama,
    # the Department of Justice sued …" in 2017 tells of his presidency
    former: Sequence[tuple[int, int]] = ()


def former_spans(mentions: Sequence[ActorMention]) -> list[tuple[int, int]]:
    """The character spans of the mentions of former officials (``AuxContext.former``)."""
    return [(m.start, m.end) for m in mentions if (m.actor.code or "").endswith("ELI")]


def _former_subject(clause: Token, ctx: AuxContext) -> bool:
    """Whether the subject of the act's clause names a former official ("Under Obama, the
    Department of Justice sued …" is not; "Obama sued …" in 2017 is)."""
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            start = c.left_edge.idx
            end = c.right_edge.idx + len(c.right_edge.text)
            if any(start <= a < end for a, _ in ctx.former):
                return True
    return False


def _own_clause(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs that govern it through infinitives, or whose auxiliaries a
    conjoined verb without its own shares ("had ended … and endorsed"). Tokens are compared
    by index: spaCy makes a new object on each access."""
    chain = [trigger]
    tok = trigger
    while tok.head.i != tok.i and len(chain) < 4:
        if tok.dep_ == "conj" and (tok.pos_ != "VERB" or _own_clause(tok)):
            break
        if tok.dep_ not in ("xcomp", "conj"):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _report_verb(verb: Token) -> Token | None:
    """The reporting verb whose complement holds the clause ("said … would")."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lemma_.lower() in REPORT_VERBS:
            return tok
    return None


def clause_date(trigger: Token, clause: Token, dates: Sequence[DateMention]) -> Dating | None:
    """The date of the trigger's clause, else of the verb that carries the act."""
    dating = own_date(trigger, list(dates))
    if dating is None and clause.i != trigger.i:
        dating = own_date(clause, list(dates))
    return dating


def date_relation(trigger: Token, clause: Token, ctx: AuxContext) -> str:
    """How the date of the clause relates to publication: far past (more than
    ``HISTORICAL_DAYS`` before), recent, future, or none."""
    dating = clause_date(trigger, clause, ctx.dates)
    if dating is None:
        return "none"
    if dating.recalled:
        return "recalled"
    return _relation(dating.mention, ctx.published)


def _relation(mention: DateMention, published: dt.date | None) -> str:
    """How a date relates to publication: far past, recent, future, or unknown."""
    value = mention.date
    if published is None or not value.value:
        return "unknown"
    first, last = value.first_day(), value.last_day()
    if last is not None and last < published - dt.timedelta(days=HISTORICAL_DAYS):
        return "far_past"
    if first is not None and first > published:
        return "future"
    return "recent"


def report_relation(clause: Token, ctx: AuxContext) -> str | None:
    """How the date of the report that governs the clause relates to publication ("Last
    month, the senators announced they had agreed …": far past), None when no dated report
    governs it. A report made long ago tells an act at least as old, whatever its tense."""
    report = _report_verb(clause)
    if report is None:
        return None
    dating = own_date(report, list(ctx.dates))
    return None if dating is None else _relation(dating.mention, ctx.published)


def _sentence_dates(trigger: Token, ctx: AuxContext) -> set[str]:
    """The relations to publication of every resolved date in the sentence."""
    sent = trigger.sent
    out = set()
    for d in ctx.dates:
        if d.end <= sent.start_char or d.start >= sent.end_char or not d.date.value:
            continue
        if ctx.published is None:
            continue
        first, last = d.date.first_day(), d.date.last_day()
        if last is not None and last < ctx.published - dt.timedelta(days=HISTORICAL_DAYS):
            out.add("far_past")
        elif first is not None and first > ctx.published:
            out.add("future")
        else:
            out.add("recent")
        if d.relation != "at":
            out.add(f"rel={d.relation}")
    return out


def age_of(mention: DateMention, published: dt.date | None) -> str | None:
    """How long before publication a date lies: within a week ("week"), more than 7 days
    ("gt7"), more than 30 ("gt30"), more than a year ("gt1y"), or after it ("future")."""
    if published is None or not mention.date.value:
        return None
    first, last = mention.date.first_day(), mention.date.last_day()
    if first is not None and first > published:
        return "future"
    if last is None or last >= published - dt.timedelta(days=HISTORICAL_DAYS):
        return "week"
    if last >= published - dt.timedelta(days=30):
        return "gt7"
    return "gt30" if last >= published - dt.timedelta(days=365) else "gt1y"


def old_share(at: int | None, ctx: AuxContext) -> str | None:
    """How many of the article's resolved dates before character ``at`` (all of them when
    ``at`` is None) lie more than 30 days before publication, in thirds ("0": under a
    third, "2": two thirds or more); None when there is no such date. An article that has
    been telling of months or years past tells its simple-past acts as recalled ones, though
    the act's own paragraph holds no date; an article about the past (a retrospective, an
    anniversary, a trial of old deeds) does so throughout."""
    ages = [
        a for d in ctx.dates
        if (at is None or d.end <= at) and (a := age_of(d, ctx.published))
    ]  # fmt: skip
    if not ages:
        return None
    old = sum(a in ("gt30", "gt1y") for a in ages) / len(ages)
    return str(min(2, int(old * 3)))


def _paragraph_of(at: int, ctx: AuxContext) -> int | None:
    for n, (start, end) in enumerate(ctx.paragraphs):
        if start <= at < end + 2:  # the blank line belongs to the paragraph before it
            return n
    return None


def _opener(sent: Span, ctx: AuxContext) -> list[str]:
    """Whether a paragraph's first sentence opens with a time adverbial: a date mention
    among its first words, or a time word ("Last year", "Since then", "In 2014")."""
    words = [t for t in sent if not t.is_punct][:3]
    if not words:
        return []
    out = []
    first = words[0].lower_
    if first in OPENERS:
        out.append(f"open={first}")
    head_end = words[-1].idx + len(words[-1].text)
    if any(sent.start_char <= d.start < head_end for d in ctx.dates):
        out.append("open.date")
    return out


def discourse_features(trigger: Token, ctx: AuxContext) -> list[str]:
    """What the passage around the act says of its time: the nearest date before it in its
    paragraph (else the previous one) and how long before publication it lies, whether its
    paragraph opens with a time adverbial ("In 2014, …", "Last year …"), where the
    paragraph stands in the article, how much of the paragraph is told in the past perfect
    and in the past, and whether quotations stand around the act or it is narration.
    Background passages that recall earlier events read like news sentence by sentence;
    these say where they are. Measured and left out (no gain in cross-validation, model
    card): the act's own sentence opening with a time adverbial, and a date well before
    publication in the previous sentence."""
    f: list[str] = []
    doc, sent = trigger.doc, trigger.sent
    n = _paragraph_of(trigger.idx, ctx)
    if n is None:
        return f
    p0, p1 = ctx.paragraphs[n]
    before = [d for d in ctx.dates if p0 <= d.start and d.end <= trigger.idx]
    where = "p"
    if not before and n > 0:
        q0, q1 = ctx.paragraphs[n - 1]
        before, where = [d for d in ctx.dates if q0 <= d.start < q1 + 2], "pp"
    ages = [a for d in before if (a := age_of(d, ctx.published))]
    f.append(f"d.{where}date={ages[-1] if ages else 'none'}")
    para = doc.char_span(p0, p1, alignment_mode="expand")
    if para is not None and para[0].sent.start != sent.start:
        f += [f"d.p{o}" for o in _opener(para[0].sent, ctx)]
    f.append(f"d.para={min(4, int(n / max(1, len(ctx.paragraphs)) * 5))}")
    if n == 0:
        f.append("d.para0")
    if para is not None:
        finite = [t for t in para if t.tag_ in ("VBD", "VBZ", "VBP", "MD")]
        had = [t for t in finite if t.lower_ in ("had", "'d") and t.tag_ == "VBD"]
        past = [t for t in finite if t.tag_ == "VBD"]
        if finite:
            f.append(f"d.pluperf={min(2, int(len(had) / len(finite) * 5))}")
            f.append(f"d.past={min(3, int(len(past) / len(finite) * 4))}")
    # quotation or narration: reported speech around the act, in its sentence or paragraph
    if not any(q0 <= trigger.idx < q1 for q0, q1 in ctx.quotes):
        if any(q0 < sent.end_char and q1 > sent.start_char for q0, q1 in ctx.quotes):
            f.append("d.q.sent")
        elif any(q0 < p1 and q1 > p0 for q0, q1 in ctx.quotes):
            f.append("d.q.para")
        else:
            f.append("d.q.none")
    return f


def _then_title(tok: Token) -> bool:
    """Whether the token is the "then" of "then-President Obama", "then-Secretary of
    State": a standing of the past, so the passage tells of the past."""
    doc = tok.doc
    if tok.lower_ == "then-":
        return True
    return (
        tok.lower_ == "then"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not tok.whitespace_
        and not doc[tok.i + 1].whitespace_
    )


def aux_features(trigger: Token, clause: Token, ctx: AuxContext) -> list[str]:
    """The indicator features of one event (``clause`` is the verb that carries the act:
    the trigger, or the verb of a light-verb or manner construction)."""
    f = ["bias"]
    group = verb_group(clause)
    f += [f"rule.{k}" for k in ("negated", "future", "hypothetical", "pluperfect")
          if getattr(group, k)]  # fmt: skip
    f.append(f"pos={trigger.pos_}")
    f.append(f"tag={clause.tag_}")
    f.append(f"dep={clause.dep_}")
    f.append(f"lemma={trigger.lemma_.lower()}")
    for depth, verb in enumerate(_chain(clause)):
        where = "t" if depth == 0 else "g"
        f.append(f"{where}.tag={verb.tag_}")
        if depth:
            f.append(f"g.lemma={verb.lemma_.lower()}")
        for c in verb.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass"):
                f.append(f"{where}.aux={low}")
                f.append(f"{where}.auxtag={c.lemma_.lower()}/{c.tag_}")
                if low in MODALS:
                    f.append("modal")
            elif c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB"):
                # "when" is parsed as an adverb of the clause it subordinates
                f.append(f"mark={low}")
                if low in CONDITION_MARKS:
                    f.append("cond")
                if low in TIME_MARKS:
                    f.append("timemark")
            elif c.dep_ in ("advmod", "npadvmod", "neg") and low in TIME_WORDS | {"not", "n't"}:
                f.append(f"adv={low}")
    # the governing clauses above the chain: conditions and time clauses
    tok, hops = _chain(clause)[-1], 0
    while tok.head.i != tok.i and hops < 4:
        f.append(f"up.dep={tok.dep_}")
        tok, hops = tok.head, hops + 1
        f.append(f"up.tag={tok.tag_}")
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            f.append("up.cond")
    report = _report_verb(clause)
    if report is not None:
        f.append(f"report.tag={report.tag_}")
        f.append(f"report={report.lemma_.lower()}")
        if (told := report_relation(clause, ctx)) is not None:
            f.append(f"report.date={told}")
        if backshifted(clause):
            f.append("backshifted")
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if c.dep_ in ("amod", "compound", "advmod", "nummod", "det", "poss"):
                f.append(f"nmod={c.lower_}" if c.dep_ != "poss" else "nmod=<poss>")
        f.append(f"n.head={trigger.head.lemma_.lower()}")
        f.append(f"n.headtag={trigger.head.tag_}")
    words = {t.lower_ for t in clause.subtree if t.lower_ in TIME_WORDS}
    words |= {t.lower_ for t in trigger.subtree if t.lower_ in TIME_WORDS}
    f += [f"w={w}" for w in sorted(words)]
    sent_words = {t.lower_ for t in trigger.sent if t.lower_ in TIME_WORDS or t.lower_ in MODALS}
    f += [f"s={w}" for w in sorted(sent_words)]
    if any(t.lower_ == "had" and t.tag_ == "VBD" for t in trigger.sent):
        f.append("s.had")
    sent_start, sent_end = trigger.sent.start_char, trigger.sent.end_char
    if any(sent_start <= a < sent_end for a, _ in ctx.former):
        f.append("s.former")
        if _former_subject(clause, ctx):
            f.append("subj.former")
    if any(_then_title(t) for t in trigger.sent):
        f.append("s.then-")  # "then-National Security Advisor Michael Flynn": told of the past
    f.append(f"date={date_relation(trigger, clause, ctx)}")
    f += [f"sdate={r}" for r in sorted(_sentence_dates(trigger, ctx))]
    root = trigger.sent.root
    f.append(f"root.tag={root.tag_}")
    if any(q0 <= trigger.idx < q1 for q0, q1 in ctx.quotes):
        f.append("quoted")
    if ctx.lede_end is not None and trigger.idx < ctx.lede_end:
        f.append("lede")
    last = trigger.doc[-1]  # the text's length: Doc.text would join every token again
    position = trigger.idx / max(1, last.idx + len(last.text_with_ws))
    f.append(f"at={min(4, int(position * 5))}")
    if (share := old_share(trigger.idx, ctx)) is not None:
        f.append(f"d.oldshare={share}")
    f.append(f"d.artold={old_share(None, ctx) or 'none'}")
    f += discourse_features(trigger, ctx)
    return f


@dataclass(frozen=True)
class AuxModel:
    labels: tuple[str, ...]  # LABELS, in column order
    vocabulary: dict[str, int]  # indicator feature → row of ``weights``
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)

    def probabilities(self, features: list[str]) -> np.ndarray:
        rows = sorted({self.vocabulary[f] for f in features if f in self.vocabulary})
        logits = self.weights[rows].sum(axis=0) + self.bias
        p = np.exp(logits - logits.max())
        return np.asarray(p / p.sum())

    def predict(self, trigger: Token, clause: Token, ctx: AuxContext) -> tuple[str | None, float]:
        """The aux mode (None for an event reported as happening now) and its probability."""
        p = self.probabilities(aux_features(trigger, clause, ctx))
        best = int(p.argmax())
        label = self.labels[best]
        return (None if label == NOW else label), float(p[best])

    def to_bytes(self) -> bytes:
        return linear_bytes(self.labels, self.vocabulary, self.weights, self.bias)

    @classmethod
    def from_bytes(cls, data: bytes) -> AuxModel:
        f = read_linear(data)
        return cls(labels=f.labels, vocabulary=f.vocabulary, weights=f.weights, bias=f.bias)


@lru_cache(maxsize=1)
def load_aux_model() -> AuxModel | None:
    """The packaged model, or None when the package carries no weights (the coder then
    reads the aux mode by its rules alone)."""
    path = resources.files("tidings.events").joinpath("data/aux.npz")
    if not path.is_file():
        return None
    return AuxModel.from_bytes(path.read_bytes())


__all__ = [
    "AUX_AT", "LABELS", "NOW", "SETTLING", "AuxContext", "AuxModel", "aux_features", "clause_date",
    "date_relation", "former_spans", "load_aux_model", "old_share",
]  # fmt: skip
