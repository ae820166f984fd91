"""What the event typer sees of a candidate: words of the trigger and its arguments, what the
CAMEO verb dictionary and tidings' lexicon say of the trigger, the clause's shape, the
parser's own contextual vectors, and the sentence and trigger read through static word-piece
vectors (``static_vectors``).

The CAMEO verb dictionary (``data/cameo_verbs.tsv``, converted from PETRARCH2's
CAMEO.2.0.txt, MIT) gives ~1,500 verbs and ~3,100 patterns a PLOVER type through
CAMEO2PLOVER; here it is a feature and a safety net, not the decider: the classifier learns
how far to trust it from annotated candidates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from tidings.events.candidates import Candidate
from tidings.events.encoder import SentenceEncoder
from tidings.events.static_vectors import StaticVectors

DENSE_DIM = 96 * 2  # the parser's tok2vec row of the trigger, and the sentence's mean
# The sentence encoder's embedding of the candidate's sentence, and of its trigger there.
ENCODER_DIM = 2 * 384

# Nouns that state an event when an actor is their argument ("Russia's invasion of
# Ukraine", "talks with Iran"). Written for tidings from the PLOVER type definitions; the
# lexicon's own noun triggers are added to these.
EVENTIVE_NOUNS = frozenset(
    """
accord accusation agreement aid airstrike alliance annexation apology appeal arrest assault
assistance attack ban blockade bombing boycott call ceasefire charge commitment concession
condemnation conversation cooperation crackdown criticism deal demand demonstration
deployment deportation detention drill embargo endorsement exercise execution expulsion
invasion investigation invitation killing meeting mobilization negotiation occupation offer
offensive pact partnership pledge praise probe promise proposal protest raid rally
recognition refusal rejection release request sanction seizure shelling siege strike summit
support talk threat treaty truce ultimatum visit walkout warning withdrawal
""".split()
)


@dataclass(frozen=True, slots=True)
class CameoPattern:
    words: tuple[str, ...]  # content words that must appear among the verb's dependents
    plover: str  # TYPE or TYPE/mode


@lru_cache(maxsize=1)
def cameo_verbs() -> dict[tuple[str, str], tuple[CameoPattern, ...]]:
    """(lemma, particle or "-") → its CAMEO patterns, longest first."""
    text = resources.files("tidings.events").joinpath("data/cameo_verbs.tsv").read_text("utf-8")
    table: dict[tuple[str, str], list[tuple[str, CameoPattern]]] = defaultdict(list)
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        words, code, plover, forms = line.split("\t")
        pattern = CameoPattern(tuple(words.split()) if words != "-" else (), plover)
        for form in forms.split("|"):
            lemma, _, particle = form.partition("+")
            table[(lemma, particle or "-")].append((f"{words}\t{code}", pattern))
    # the longest pattern first; among equals, the table's order (words, then code)
    return {
        key: tuple(p for _, p in sorted(rows, key=lambda r: (-len(r[1].words), r[0])))
        for key, rows in table.items()
    }


@lru_cache(maxsize=1)
def _lexicon_nouns() -> frozenset[str]:
    from tidings.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    return frozenset(lemma for (lemma, pos) in lexicon.entries if pos == "N")


def eventive_noun(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in EVENTIVE_NOUNS or lemma in _lexicon_nouns()


def particle(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "prt"), "-")


def cameo_types(
    tok: Token, lemma: str | None = None, prt: str | None = None
) -> tuple[str | None, str | None]:
    """The CAMEO dictionary's reading of a trigger: (the verb's default type, the type of
    its longest pattern whose words all appear in the clause). ``lemma`` (lower-cased) and
    ``prt`` (its ``particle``) when the caller has them."""
    if lemma is None:
        lemma = tok.lemma_.lower()
    verbs = cameo_verbs()
    patterns = verbs.get((lemma, particle(tok) if prt is None else prt)) or verbs.get((lemma, "-"))
    if not patterns:
        return None, None
    default = next((p.plover for p in patterns if not p.words), None)
    if not any(p.words for p in patterns):
        return default, None
    clause: set[str] = set()
    for t in tok.subtree:  # the clause's words, lemmas and forms, read in one walk
        clause.add(t.lemma_.lower())
        clause.add(t.lower_)
    matched = next((p.plover for p in patterns if p.words and clause.issuperset(p.words)), None)
    return default, matched


def _arg_words(tokens: tuple[Token, ...]) -> list[str]:
    out = []
    for t in tokens:
        out.append(t.ent_type_ or t.lemma_.lower())
    return out


def feature_names(
    cand: Candidate,
    lexicon_type: str | None,
    sent: Span | None = None,
    bags: dict[int, list[str]] | None = None,
) -> list[str]:
    """The candidate's indicator features, as "group=value" strings.

    ``sent`` is the candidate's sentence when the caller has it (spaCy finds it again on
    each ``cand.sent``); ``bags`` keeps each sentence's bag of words across the calls of
    one article, so a sentence with several candidates is read once."""
    tok = cand.trigger
    lemma, prt = tok.lemma_.lower(), particle(tok)
    feats = [f"lemma={lemma}", f"pos={tok.pos_}", f"dep={tok.dep_}", f"lemma+prt={lemma}+{prt}"]
    default, matched = cameo_types(tok, lemma, prt)
    feats.append(f"cameo={default}")
    feats.append(f"cameo.type={(default or '-').split('/')[0]}")
    feats.append(f"cameo.pattern={matched}")
    feats.append(f"cameo.pattern.type={(matched or '-').split('/')[0]}")
    feats.append(f"lexicon={lexicon_type}")
    feats.append(f"src={bool(cand.sources)}")
    feats.append(f"tgt={bool(cand.targets)}")
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "oprd", "xcomp", "ccomp", "prep", "neg", "aux", "prt"):
            feats.append(f"{c.dep_}={c.lemma_.lower()}")
            feats.append(f"lemma+{c.dep_}={lemma}+{c.lemma_.lower()}")
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj":
                        feats.append(f"prep+pobj={c.lower_}+{g.lemma_.lower()}")
    feats.extend(f"srcw={w}" for w in _arg_words(cand.sources))
    feats.extend(f"tgtw={w}" for w in _arg_words(cand.targets))
    head = tok.head
    if head.i != tok.i:
        feats.append(f"head={head.lemma_.lower()}")
        feats.append(f"head.dep={tok.dep_}+{head.lemma_.lower()}")
    if sent is None:
        sent = cand.sent
    lo, hi = max(sent.start, tok.i - 4), min(sent.end, tok.i + 5)
    feats.extend(f"win={t.lemma_.lower()}" for t in tok.doc[lo:hi] if t.i != tok.i and t.is_alpha)
    bag = None if bags is None else bags.get(sent.start)
    if bag is None:
        bag = [f"bow={t.lemma_.lower()}" for t in sent if t.is_alpha and not t.is_stop]
        if bags is not None:
            bags[sent.start] = bag
    feats.extend(bag)
    return feats


# Dependents that tell a generic or quantified sense from an act ("the threat", "declined
# 0.3%", "if Iran attacks").
_SENSE_DEPS = frozenset({"det", "poss", "nummod", "npadvmod", "mark", "advmod", "nsubj", "acomp"})
_SENSE_MARKED = ("det", "poss", "mark")  # also paired with the trigger's lemma
_QUOTE_MARKS = frozenset('"“”')
# The groups (the part before "=") of the features below.
SENSE_GROUPS = frozenset(
    {"tag", "bare.noun", "quantity", "in.quote", "question"}
    | {f"{dep}.w" for dep in _SENSE_DEPS}
    | {f"lemma+{dep}.w" for dep in _SENSE_MARKED}
)


def sense_features(cand: Candidate) -> list[str]:
    """What might separate an act from a word's other senses: the trigger's tag, its
    determiner, possessor and clause marker, a subject that is no actor (a market index,
    "the plan"), a number or percentage among its dependents (a market's move), whether it
    stands inside a quotation (a speaker's phrase, not the article's report) and a question.

    Not among ``feature_names``: trained with them (``train_event_typer.py
    --sense-features``) the typer gained too little to ship (the model card), so the
    shipped typer neither sees nor pays for them."""
    tok = cand.trigger
    feats = [f"tag={tok.tag_}"]
    for c in tok.children:
        if c.dep_ in _SENSE_DEPS:
            word = c.ent_type_ if c.dep_ == "nsubj" and c.ent_type_ else c.lemma_.lower()
            feats.append(f"{c.dep_}.w={word}")
            if c.dep_ in _SENSE_MARKED:
                feats.append(f"lemma+{c.dep_}.w={tok.lemma_.lower()}+{word}")
    if tok.pos_ == "NOUN" and not any(
        c.dep_ in ("poss", "compound", "amod", "prep") for c in tok.children
    ):
        feats.append("bare.noun")  # "the threat" with nobody's name on it
    quantities = [t for t in tok.subtree if t.like_num or t.ent_type_ in ("PERCENT", "MONEY")]
    if quantities:
        feats.append("quantity")
        feats.extend(sorted({f"quantity={t.ent_type_ or 'NUM'}" for t in quantities}))
    sent = cand.sent
    marks = sum(1 for t in sent if t.i < tok.i and t.text in _QUOTE_MARKS)
    if marks % 2:
        feats.append("in.quote")
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        feats.append("question")
    return feats


def encoded_features(cands: list[Candidate], encoder: SentenceEncoder) -> np.ndarray:
    """(candidates, ENCODER_DIM): each candidate's sentence embedding and the embedding of
    its trigger in that sentence. Only sentences holding a candidate are encoded, each
    once, all in one batched call."""
    by_sentence: dict[int, list[int]] = {}
    for r, cand in enumerate(cands):
        by_sentence.setdefault(cand.sent.start, []).append(r)
    rows = list(by_sentence.values())
    texts = [cands[group[0]].sent.text for group in rows]
    spans = [[trigger_span(cands[r]) for r in group] for group in rows]
    pooled, marked = encoder.encode(texts, spans)
    out = np.zeros((len(cands), ENCODER_DIM), dtype=np.float32)
    half = ENCODER_DIM // 2
    for group, sentence, triggers in zip(rows, pooled, marked, strict=True):
        for r, trigger in zip(group, triggers, strict=True):
            out[r, :half] = sentence
            out[r, half:] = trigger
    return out


def static_features(
    cands: list[Candidate], vectors: StaticVectors, sents: list[Span] | None = None
) -> np.ndarray:
    """(candidates, 2 * vectors.dim): each candidate's sentence vector and its trigger's,
    from the static word-piece table (``events.static_vectors``): a lookup per piece, each
    sentence read once. ``sents``: the candidates' sentences, when the caller has them."""
    out = np.zeros((len(cands), 2 * vectors.dim), dtype=np.float32)
    if sents is None:
        sents = [cand.sent for cand in cands]
    by_sentence: dict[int, list[int]] = {}
    for r, sent in enumerate(sents):
        by_sentence.setdefault(sent.start, []).append(r)
    for group in by_sentence.values():
        sent = sents[group[0]]
        text = sent.text
        spans = [trigger_span(cands[r], sent) for r in group]
        sentence, triggers = vectors.text_and_spans(text, spans)
        for r, trigger in zip(group, triggers, strict=True):
            out[r, : vectors.dim] = sentence
            out[r, vectors.dim :] = trigger
    return out


def trigger_span(cand: Candidate, sent: Span | None = None) -> tuple[int, int]:
    """The trigger's characters within its sentence's text (``sent``, when known)."""
    start = cand.trigger.idx - (cand.sent if sent is None else sent).start_char
    return start, start + len(cand.trigger.text)


def dense_features(cand: Candidate, sent: Span | None = None) -> np.ndarray:
    """The parser's contextual vector at the trigger and the sentence's mean (of ``sent``,
    the candidate's sentence, when known): both come free with the spaCy pass
    (``doc.tensor``)."""
    doc = cand.trigger.doc
    tensor = doc.tensor
    if tensor is None or len(tensor) == 0:
        return np.zeros(DENSE_DIM, dtype=np.float32)
    if sent is None:
        sent = cand.sent
    width = tensor.shape[1]
    trig = np.asarray(tensor[cand.trigger.i], dtype=np.float32)[:96]
    mean = np.asarray(tensor[sent.start : sent.end].mean(axis=0), dtype=np.float32)[:96]
    if width < 96:
        trig = np.pad(trig, (0, 96 - width))
        mean = np.pad(mean, (0, 96 - width))
    return np.concatenate([trig, mean])


# Adverbs of habit and generality: "countries often impose sanctions" states no act.
_HABITUAL = frozenset(
    "often usually always never rarely seldom typically generally sometimes frequently "
    "traditionally routinely historically repeatedly increasingly".split()
)
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# Determiners of a generic or hypothetical party ("a country that attacks", "any nation").
_GENERIC_DETS = frozenset({"a", "an", "any", "every", "each", "no", "some", "such", "many"})
_CONDITIONS = frozenset({"if", "unless", "whether", "until", "once", "lest"})
# A page of opinion by its address: the writer's own views, not a report of acts.
_OPINION_PATH = re.compile(
    r"/(?:opinions?|commentary|editorials?|op-?eds?|columns?|columnists?|blogs?|perspectives?|"
    r"views|voices|ideas)(?:/|$)",
    re.IGNORECASE,
)
# A title that files the piece as opinion ("OPINION: ...", "Op-Ed | ...", "... - Editorial"),
# a letter or a review (a book's or film's plot is no act of its people).
_OPINION_TITLE = re.compile(
    r"^\s*(?:opinions?|op-?eds?|editorials?|commentary|columns?|letters?|reviews?)\s*[:|]"
    r"|[|\u2013\u2014-]\s*(?:opinions?|op-?eds?|editorials?|commentary)\s*$",
    re.IGNORECASE,
)
# The key under ``Doc.user_data`` that marks an article as an opinion piece.
OPINION_KEY = "tidings.opinion"
# Groups of ``act_features`` (the part before "="), to leave them out of a variant.
ACT_GROUPS = frozenset(
    {"act.form", "act.subj", "act.relcl", "act.habit", "act.first", "act.cond",
     "act.party", "act.obj", "act.quote", "act.lemma+form", "act.lemma+party", "act.opinion",
     "act.opinion+first", "act.opinion+form"}
)  # fmt: skip


def act_features(cand: Candidate, sent: Span | None = None) -> list[str]:
    """What tells an act from talk about acts: the trigger's verb form with its modal
    (a present simple or "would" states a habit or a hypothesis, a past tense a deed); a
    generic subject (a bare plural, "a"/"any" noun, a relative clause's "that"); an
    adverb of habit; a first-person writer outside any quotation (a column's own
    opinion); a condition ("if Iran attacks"); whether any party is named or only
    described; whether the object is a named party, a common noun (a mood, an idea) or
    nothing; and, in an article filed as opinion (``OPINION_KEY`` set on the doc by the
    caller from its address), that the writer's own voice may speak. ``sent``: the
    candidate's sentence, when the caller has it.

    Not among ``feature_names``: trained with them (``train_event_typer.py
    --act-features``, retrained on the current lexicon, fold 0 of the grouped CV) the typer
    alone scored event F1 0.532 against 0.531 without, and the typer with the lexicon as
    the coder combines them 0.533 against 0.546, so the shipped typer neither sees nor
    pays for them."""
    if sent is None:
        sent = cand.sent
    return trigger_act_features(cand, sent) + sentence_act_features(sent)


def trigger_act_features(cand: Candidate, sent: Span) -> list[str]:
    """The part of ``act_features`` that belongs to the trigger and its clause."""
    tok = cand.trigger
    lemma = tok.lemma_.lower()
    modal = next((c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"), "")
    form = f"{tok.tag_}+{modal or '-'}"
    feats = [f"act.form={form}", f"act.lemma+form={lemma}+{form}"]
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            feats.append(f"act.subj={_subject_kind(c)}")
        elif c.dep_ == "advmod" and c.lower_ in _HABITUAL:
            feats.append("act.habit")
    if tok.dep_ == "relcl":
        feats.append(f"act.relcl={_subject_kind(tok.head)}")
    if _conditional(tok):
        feats.append("act.cond")
    named = any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in _party_words(cand))
    party = "named" if named else "described"
    feats.extend((f"act.party={party}", f"act.lemma+party={lemma}+{party}"))
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    feats.append(f"act.obj={_object_kind(obj)}")
    marks = sum(1 for t in tok.doc[sent.start : tok.i] if t.text in _QUOTE_MARKS)
    if marks % 2:
        feats.append("act.quote")
    if tok.doc.user_data.get(OPINION_KEY):
        feats.extend(opinion_features(feats))
    return feats


def sentence_act_features(sent: Span) -> list[str]:
    """The part of ``act_features`` that belongs to the sentence: the writer speaks in the
    first person outside quotation marks (and does so on an opinion page)."""
    inside = False
    for t in sent:
        if t.text in _QUOTE_MARKS:
            inside = not inside
        elif not inside and t.lower_ in _FIRST_PERSON:
            if sent.doc.user_data.get(OPINION_KEY):
                return ["act.first", *opinion_features(["act.first"])]
            return ["act.first"]
    return []


def opinion_features(act_names: list[str]) -> list[str]:
    """What an opinion piece adds to a candidate's act features (``act_names``, or part of
    them): the genre, and the genre with the verb form and with the writer's first person
    (a columnist's "we must punish" is advice, a reporter's "punished" a deed). Computed
    from the act features alone, so that a cache of them can be re-read under another test
    of the genre."""
    out: list[str] = []
    for name in act_names:
        if name.startswith("act.form="):
            out.extend(("act.opinion", f"act.opinion+form={name.partition('=')[2]}"))
        elif name == "act.first":
            out.append("act.opinion+first")
    return out


def opinion_page(url: str | None) -> bool:
    """The article's address files it under opinion, commentary, a column or a blog."""
    if not url:
        return False
    return _OPINION_PATH.search(url.split("?", 1)[0]) is not None


def opinion_article(url: str | None, title: str | None) -> bool:
    """The article is an opinion piece, a letter or a review, by its address or its title
    ("OPINION: ...", "Editorial | ...", "... - Op-Ed")."""
    return opinion_page(url) or (title is not None and _OPINION_TITLE.search(title) is not None)


def _subject_kind(subj: Token) -> str:
    """A subject as act features read it: named, pronoun, generic or definite noun."""
    if subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "named"
    if subj.pos_ == "PRON":
        return "first" if subj.lower_ in _FIRST_PERSON else subj.lower_
    det = next((c.lower_ for c in subj.children if c.dep_ in ("det", "poss")), "")
    if det in _GENERIC_DETS:
        return "generic"
    if not det and subj.tag_ in ("NNS", "NNPS") and not subj.ent_type_:
        return "bare.plural"
    return "definite" if det else "bare"


def _object_kind(obj: Token | None) -> str:
    if obj is None:
        return "none"
    if obj.ent_type_:
        return "named"
    if obj.pos_ == "PRON":
        return "pron"
    if obj.pos_ == "PROPN":
        return "propn"
    return "noun"


def _party_words(cand: Candidate) -> list[Token]:
    """The arguments' heads and their modifiers (where a party's name stands)."""
    words: list[Token] = []
    for t in (*cand.sources, *cand.targets):
        words.append(t)
        words.extend(c for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod"))
    return words


def _conditional(tok: Token) -> bool:
    """The trigger, or a clause it hangs in, is marked as a condition ("if … attacks")."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in ("advcl", "xcomp", "conj", "ccomp"):
            return False
        node = node.head
    return False
