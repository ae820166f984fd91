"""The argument model: a trained classifier that says, for an event's trigger and each party
its sentence names, whether that party is the event's source, its recipient or neither.

The coder's rules (``events.arguments``, ``events.coder``) attach a source and a recipient
through the parse's nearest places: the subject, the object, an argument preposition. News
often puts them further off (the subject of a governing verb, the speaker of a reported
statement, a chain of complements or conjuncts, a possessor), where the rules do not look.
The model looks at every party the coder can see in the sentence (``units``: resolved actor
mentions, agent nouns the Phoenix dictionary codes, pronouns the coder resolves) and scores
each pair (trigger, party) from the dependency path between them, their distance and order,
the party's role at the trigger and at the trigger's governing verb, the trigger's voice,
quotation and the party's kind (``pair_features``). It is a three-way logistic regression
(none / source / recipient) trained by ``scripts/train_event_arguments.py`` on the
annotated corpus candidates of ``data/events`` (the annotators' source and recipient text,
aligned with the parties by character overlap); weights in ``data/arguments.npz``, model
card ``data/arguments.md``. The coder asks it only where its rules found no source (or no
recipient) and takes its pick when the model is at least as sure as the threshold stored
with the weights (``events.coder``). The recipient threshold is stored above 1: on the
development articles the model's recipients made more spurious events than found ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from scipy import sparse
from spacy.tokens import Span, Token

from tidings.events.arguments import ActorIndex, Party
from tidings.events.linear_file import linear_bytes, read_linear

NONE, SOURCE, RECIPIENT = "none", "source", "recipient"
LABELS = (NONE, SOURCE, RECIPIENT)
# Modifiers whose party their head's phrase already names ("Russian forces", "Trump
# administration"): the phrase is one party, not two.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "flat"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
PATH_STEPS = 4  # longer paths keep their two first and two last steps
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass(frozen=True, slots=True)
class Unit:
    """A party the coder can see in a sentence: the phrase's head token, the parties it names
    and the characters of the phrase (its head and what stands before it)."""

    token: Token
    parties: tuple[Party, ...]
    start: int
    end: int


def units(sent: Span, trigger: Token, index: ActorIndex) -> list[Unit]:
    """Every phrase of the sentence that names a party, but the trigger itself; a modifier
    whose head already names a party is part of that party's phrase, and a coordinated
    phrase ("Serbia and Russia") gives one unit per conjunct."""

    def parties_of(tok: Token) -> list[Party]:
        return index.phrase_parties(tok) if tok.pos_ in NOMINAL else []

    out: list[Unit] = []
    for tok in sent:
        if tok.i == trigger.i or tok.pos_ not in NOMINAL:
            continue
        found = parties_of(tok)
        if not found:
            continue
        head = tok.head
        if (
            tok.dep_ in MODIFIER_DEPS
            and head.i != trigger.i
            and head.i != tok.i
            and parties_of(head)
        ):
            continue
        conjuncts = {p for c in tok.children if c.dep_ == "conj" for p in parties_of(c)}
        own = tuple(p for p in found if p not in conjuncts) or tuple(found)
        out.append(Unit(tok, own, tok.left_edge.idx, tok.idx + len(tok.text)))
    return out


def _ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def dependency_path(trigger: Token, target: Token) -> tuple[list[str], list[str]]:
    """The relations climbed from the trigger to the lowest common head, and those descended
    from it to the target (empty lists when the two are in different trees)."""
    up = _ancestors(trigger)
    down = _ancestors(target)
    down_at = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in down_at:
            climbed = [u.dep_ for u in up[:k]]
            descended = [d.dep_ for d in reversed(down[: down_at[t.i]])]
            return climbed, descended
    return [], []


def _path_text(climbed: list[str], descended: list[str]) -> str:
    steps = [f"^{d}" for d in climbed] + [f"v{d}" for d in descended]
    if len(steps) > PATH_STEPS:
        steps = steps[:2] + ["..."] + steps[-2:]
    return " ".join(steps) or "same"


def _role(tok: Token, head: Token) -> str | None:
    """How ``tok`` hangs on ``head``: its relation, or "prep:<word>" for the object of one
    of head's prepositions, or "agent" for a passive's by-phrase."""
    if tok.head.i == head.i and tok.i != head.i:
        return tok.dep_
    prep = tok.head
    if tok.dep_ == "pobj" and prep.head.i == head.i and prep.i != head.i:
        return "agent" if prep.dep_ == "agent" else f"prep:{prep.lower_}"
    return None


def _bucket(n: int) -> str:
    for limit in (1, 2, 3, 5, 10, 20):
        if n <= limit:
            return str(limit)
    return "more"


def _in_quote(tok: Token, index: ActorIndex) -> int | None:
    """The number of the quotation holding the token, if one does."""
    for k, q in enumerate(index.quotes):
        if q.start <= tok.idx < q.end:
            return k
    return None


def _kind(unit: Unit) -> list[str]:
    party = unit.parties[0]
    code = party.code
    sector = code[3:6] if len(code) >= 6 else ("state" if len(code) == 3 else "other")
    return [
        f"how={party.how}",
        f"kind={party.kind or '-'}",
        f"sector={sector}",
        f"upos={unit.token.pos_}",
        f"pron={unit.token.lower_ if unit.token.pos_ == 'PRON' else '-'}",
    ]


def pair_features(
    trigger: Token, unit: Unit, all_units: Sequence[Unit], index: ActorIndex, event_type: str
) -> list[str]:
    """What the model sees of one (trigger, party) pair, as "group=value" strings."""
    tok = unit.token
    climbed, descended = dependency_path(trigger, tok)
    path = _path_text(climbed, descended)
    order = "before" if tok.i < trigger.i else "after"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    voice = "passive" if passive else "active"
    steps = [f"^{d}" for d in climbed] + [f"v{d}" for d in descended] or ["same"]
    feats = [
        f"path={path}",
        f"path+type={path}|{event_type}",
        f"path+pos={path}|{trigger.pos_}",
        f"first={steps[0]}",
        f"last={steps[-1]}",
        f"ends={steps[0]}|{steps[-1]}",
        f"up={_bucket(len(climbed))}",
        f"down={_bucket(len(descended))}",
        f"order={order}",
        f"dist={_bucket(abs(tok.i - trigger.i))}|{order}",
        f"tpos={trigger.pos_}",
        f"tdep={trigger.dep_}",
        f"type={event_type}",
        f"voice={voice}",
    ]
    role = _role(tok, trigger)
    feats.append(f"role={role}|{voice}|{trigger.pos_}")
    if role is not None:
        feats.append(f"role+type={role}|{voice}|{event_type}")
        feats.append(f"role+lemma={role}|{trigger.lemma_.lower()}")
    gov = trigger.head
    if gov.i != trigger.i:
        gov_role = _role(tok, gov)
        feats.append(f"gov={trigger.dep_}>{gov_role}")
        if gov_role is not None:
            feats.append(f"gov+pos={trigger.dep_}>{gov_role}|{gov.pos_}")
            feats.append(f"gov+type={trigger.dep_}>{gov_role}|{event_type}")
            feats.append(f"gov+lemma={gov.lemma_.lower()}>{gov_role}")
    # the unit's own place: a subject, object or possessor somewhere in the sentence
    feats.append(f"udep={tok.dep_}")
    if tok.dep_ == "pobj":
        feats.append(f"prep={tok.head.lower_}|{order}")
    feats.append(f"udep+head={tok.dep_}|{tok.head.pos_}")
    if tok.dep_ in SUBJECT_DEPS and tok.head.i == tok.sent.root.i:
        feats.append("root.subject")
    # quotation: the trigger in a quote, the party in it, the party its speaker
    tq, uq = _in_quote(trigger, index), _in_quote(tok, index)
    feats.append(f"quote={tq is not None}|{uq is not None}|{tq == uq}")
    if tq is not None:
        q = index.quotes[tq]
        speaker = q.speaker.code if q.speaker is not None else None
        spoke = q.speaker_start is not None and unit.start <= q.speaker_start < unit.end + 1
        if spoke or (speaker is not None and any(p.code == speaker for p in unit.parties)):
            feats.append("quote.speaker")
    feats.extend(_kind(unit))
    # the party's rank among the sentence's parties on its side of the trigger
    same_side = [u for u in all_units if (u.token.i < trigger.i) == (tok.i < trigger.i)]
    rank = sorted(abs(u.token.i - trigger.i) for u in same_side).index(abs(tok.i - trigger.i))
    feats.append(f"rank={min(rank, 3)}|{order}")
    feats.append(f"units={_bucket(len(all_units))}")
    return feats


@dataclass(frozen=True)
class ArgumentModel:
    vocabulary: dict[str, int]  # feature → column
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    source_at: float  # the coder takes a source the model gives at least this probability
    recipient_at: float  # the same for a recipient

    def matrix(self, rows: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        r: list[int] = []
        c: list[int] = []
        for k, names in enumerate(rows):
            known = {self.vocabulary[f] for f in names if f in self.vocabulary}
            r.extend([k] * len(known))
            c.extend(known)
        shape = (len(rows), len(self.vocabulary))
        return sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=shape, dtype=np.float64)

    def probabilities(self, x: sparse.csr_matrix) -> np.ndarray:
        logits = np.asarray(x @ self.weights) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return np.asarray(p / p.sum(axis=1, keepdims=True))

    def score(
        self, trigger: Token, index: ActorIndex, event_type: str
    ) -> list[tuple[Unit, float, float]]:
        """Each party of the trigger's sentence with its source and recipient probability."""
        found = units(trigger.sent, trigger, index)
        if not found:
            return []
        rows = [pair_features(trigger, u, found, index, event_type) for u in found]
        probs = self.probabilities(self.matrix(rows))
        s, r = LABELS.index(SOURCE), LABELS.index(RECIPIENT)
        return [(u, float(p[s]), float(p[r])) for u, p in zip(found, probs, strict=True)]

    def to_bytes(self) -> bytes:
        return linear_bytes(
            LABELS, self.vocabulary, self.weights, self.bias,
            thresholds=np.array([self.source_at, self.recipient_at]),
        )  # fmt: skip

    @classmethod
    def from_bytes(cls, data: bytes) -> ArgumentModel:
        f = read_linear(data)
        if f.labels != LABELS:
            raise ValueError("argument model: its labels are not none/source/recipient")
        source_at, recipient_at = (float(x) for x in f.extra["thresholds"])
        return cls(
            vocabulary=f.vocabulary, weights=f.weights, bias=f.bias,
            source_at=source_at, recipient_at=recipient_at,
        )  # fmt: skip


@lru_cache(maxsize=1)
def load_argument_model() -> ArgumentModel | None:
    """The packaged argument model, or None when the package carries no weights (the coder
    then attaches arguments by its rules alone)."""
    path = resources.files("tidings.events").joinpath("data/arguments.npz")
    if not path.is_file():
        return None
    return ArgumentModel.from_bytes(path.read_bytes())


__all__ = ["ArgumentModel", "LABELS", "Unit", "load_argument_model", "pair_features", "units"]
