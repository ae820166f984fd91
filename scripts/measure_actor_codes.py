"""What the actors stage gives the parties annotators coded: over every annotated event of
the corpus candidates (``data/events/labels-*.jsonl`` with their pointers in
``candidates-*.jsonl``; text in ``../shared/corpus``), the source and recipient phrases the
annotator wrote are found in the event's sentence and put in one class:

``right``          a mention overlapping the phrase has the annotated code;
``wrong country``  no code is right, one has the annotated sector in another country;
``wrong sector``   no code is right, one has the annotated country with another sector;
``wrong both``     mentions with codes, none of the country nor the sector;
``no code``        mentions overlap the phrase, none has a code;
``no mention``     the actors stage saw nothing there.

Codes compare as the scorer compares them (``../shared/gold/README.md``, Scoring): a bare
country is its government (``USA`` ≡ ``USAGOV``). Phrases are grouped by what they are,
read from the parse: a pronoun, a person's name (with a title or description before it, or
bare), a place name (countries, capitals: metonyms), an organisation's name, a demonym or
party adjective ("Russians", "Democrats"), an organisation noun ("the regime", "the
ministry"), an agent noun ("police", "lawmakers", "the president"; Phoenix agents
dictionary or the gazetteer's titles), another noun.

Beside it, the ``events`` view: what the event coder's phrases (``argument_model.units``,
which add unnamed groups, bare names as civilians and anaphors) give the same words, so
that a fix in the actors stage can be told from one the events stage already makes.

Run from the repository root (corpus data only: no gold set is read)::

    PYTHONPATH=src .venv/bin/python scripts/measure_actor_codes.py [--shared ../shared] \
        [--parsed /tmp/parsed.pkl] [--examples "agent noun:no mention"] [--json out.json]

Measured 2026-12-07 (4,220 annotated events, 1,530 articles; 7,067 coded phrases found in
their sentence, 548 left out: paraphrased or implicit), share right, actors stage → events
view, before → after the round that added ``actors.groups`` (military groups placed by a
nationality, party members in a legislature as LEG), the FBI as COP, the Special Counsel as
JUD, "the House", legislative intelligence committees, stuttered names and "the rebels"
after "Syrian rebels"::

    kind                 n     actors        events
    title+name         819   83.6 → 85.3   84.2 → 85.8
    person name       1055   71.6 → 73.9   72.9 → 75.4
    place name        1324   83.2 → 83.2   82.8 → 82.8
    organisation name 1032   74.0 → 79.4   73.7 → 78.9
    demonym            295   42.0 → 50.2   38.0 → 45.4
    organisation noun  146   51.4 → 56.8   62.3 → 64.4
    agent noun        1177   54.9 → 56.4   58.0 → 59.3
    pronoun            374   37.7 → 38.2   43.3 → 43.9
    other noun         724   34.7 → 35.8   36.3 → 37.4
    all               7067   64.8 → 67.0   65.9 → 67.9

Of what is left (after), 1,099 phrases have no mention (mostly common nouns the annotators
coded as their owner: "the bill" USALEG, "the decision", "the caravan"; pronouns; unnamed
groups with no country in the phrase), 789 the wrong sector (place names coded by the act:
"Pyongyang" PRKMIL for a launch, 148; a bare "Democrats" USALEG in Congress where the dev
gold codes the party; former officials coded by the event's date), 150 the wrong country.

The next round (protesters and demonstrators CVL as the annotators code them, OPP only
when the words place them against the government or for democracy; analysts of a brand no
gazetteer knows BUS; "NAME at <firm>"; directors of unknown bodies NGO) moved the agent
nouns 56.5 → 59.6 (events view 59.4 → 62.5) and all phrases 67.0 → 67.5 (68.0 → 68.5).

Each article is resolved with its corpus record's publisher and url, as ``tidings`` passes
them to the pipeline (the article's home country comes from them; the parse cache does not
keep them, and earlier rounds ran without: 67.5 % either way). Then (2026-12-07, issue #11:
militants of no state IMG when the words or the nearest militant body say so, a state
modifying a military act its armed forces, insurgents not guessed of the outlet's country,
a possessive inside a PERSON entity no longer hiding the gazetteer's person, an object
pronoun never its clause's subject, "the regime" its ruler's or a foreign one), actors
stage → events view, before → after::

    kind                 n     actors        events
    pronoun            372   38.2 → 38.7   43.3 → 43.8
    title+name         811   85.3 → 86.3   85.5 → 85.9
    person name       1050   73.3 → 73.4   74.4 → 74.5
    place name        1321   83.3 → 84.3   82.8 → 83.8
    organisation name 1024   79.4 → 79.5   78.8 → 78.9
    demonym            293   49.8 → 55.3   45.1 → 45.7
    organisation noun  145   56.6 → 56.6   63.4 → 63.4
    agent noun        1168   59.9 → 64.0   62.8 → 66.6
    other noun         718   36.1 → 36.9   37.7 → 38.6
    all               7021   67.5 → 68.9   68.3 → 69.4

Since 2026-12-08 the actors stage ends with the sector model (``tidings.actors.code_model``)
learned from these same parties, so this script's figure is in sample (69.4% → 72.0%); the
model's honest figure is its cross-validation grouped by article (``train_actor_codes.py``).

Left for later: bare "Democrats"/"Republicans" (64 coded USALEG by the annotators where the
dev gold and gold/dev2 code the party, USAPOL); people coded by their office at
publication where the annotators code the event's date (42 USAGOV given USAELI: "In 2014
President Obama …"; the events stage's business); first-person pronouns (58), which only
the quotes stage can resolve (this script gives the events view no quotes); they/it (45),
which the events view resolves itself.

``--parsed`` keeps the parsed articles (extraction and spaCy, ~20 minutes on one core; the
same file form as ``train_event_arguments.py --parsed``), so that a re-run after a change to
the actors stage parses nothing. ``--examples KIND:CLASS`` prints up to ``--limit`` cases of
one cell (phrase, annotated code, codes given), for reading.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

sys.path.insert(0, str(Path(__file__).parent))
from event_data import cached_parses, corpus_records, read_candidates  # noqa: E402

from tidings.actors import resolve_actors  # noqa: E402
from tidings.actors.agents import agent_table  # noqa: E402
from tidings.actors.fold import phrase_keys  # noqa: E402
from tidings.actors.home import article_country  # noqa: E402
from tidings.actors.orgtypes import head_sector  # noqa: E402
from tidings.actors.unnamed import head_sector_of  # noqa: E402
from tidings.events.argument_model import units  # noqa: E402
from tidings.events.arguments import ActorIndex  # noqa: E402
from tidings.model import ActorMention, Article  # noqa: E402
from tidings.nlp import load_nlp  # noqa: E402

CLASSES = ("right", "wrong country", "wrong sector", "wrong both", "no code", "no mention")
KINDS = ("pronoun", "title+name", "person name", "place name", "organisation name",
         "demonym", "organisation noun", "agent noun", "other noun", "other")  # fmt: skip
_NOT_COUNTRY = frozenset({"IGO", "IMG", "EUR", "NGO", "MNC"})
_PERSON_OPENERS = frozenset({"DET", "PUNCT", "CCONJ"})

Parsed = tuple[Any, ...] | None


def state_codes(codes: Iterable[str]) -> frozenset[str]:
    """Codes as the scorer compares them: a bare country also as its government."""
    out: set[str] = set()
    for c in codes:
        out.add(c)
        if len(c) == 3 and c.isalpha() and c not in _NOT_COUNTRY:
            out.add(c + "GOV")
        elif c.endswith("GOV") and len(c) == 6:
            out.add(c[:3])
    return frozenset(out)


def split_code(code: str) -> tuple[str, str]:
    """(country, sector) of a code; a bare country's sector is GOV, an IGO has no country."""
    if code[:3] in _NOT_COUNTRY:
        return "", code
    return code[:3], code[3:6] or "GOV"


def classify(gold: str, given: Sequence[str]) -> str:
    """The class of the codes given to a phrase annotated ``gold``."""
    coded = [c for c in given if c]
    if not given:
        return "no mention"
    if not coded:
        return "no code"
    if state_codes([gold]) & state_codes(coded):
        return "right"
    country, sector = split_code(gold)
    pairs = [split_code(c) for c in coded]
    if any(s == sector and c != country for c, s in pairs):
        return "wrong country"
    if any(c == country and s != sector for c, s in pairs):
        return "wrong sector"
    return "wrong both"


def phrase_kind(span: Span) -> str:
    """What the phrase is, from its head and entities (see the module docstring)."""
    root = span.root
    if root.pos_ == "PRON":
        return "pronoun"
    people = [e for e in span.ents if e.label_ == "PERSON"]
    if people or root.ent_type_ == "PERSON":
        start = people[0].start if people else root.i
        before = [t for t in span if t.i < start and t.pos_ not in _PERSON_OPENERS]
        return "title+name" if before else "person name"
    if root.ent_type_ in ("GPE", "LOC"):
        return "place name"
    if root.ent_type_ == "NORP":
        return "demonym"
    if root.ent_type_ in ("ORG", "FAC") or root.pos_ == "PROPN":
        return "organisation name"
    if root.pos_ == "NOUN":
        keys = list(phrase_keys(root.text))
        if head_sector(keys) is not None:
            return "organisation noun"
        if tuple(keys) in agent_table() or head_sector_of(keys)[1]:
            return "agent noun"
        return "other noun"
    return "other"


def trigger_token(doc: Doc, text: str, pointer: dict[str, Any]) -> Token | None:
    """The token the pointer's trigger offsets name in the record's text, through its
    sentence (the extractor may have changed what lies between sentences)."""
    s_start, s_end = pointer["sentence"]
    wanted = text[s_start:s_end]
    for sent in doc.sents:
        if sent.text != wanted and sent.text.strip() != wanted.strip():
            continue
        at = sent.start_char + (pointer["trigger"][0] - s_start)
        at -= len(wanted) - len(wanted.lstrip())
        for tok in sent:
            if tok.idx == at:
                return tok
    return None


def locate(sent: Span, surface: str, trigger: Token) -> tuple[int, int] | None:
    """Body offsets of the annotator's phrase: the occurrence nearest the trigger, matched
    exactly, else ignoring case."""
    needle = surface.strip()
    text = sent.text
    for hay, pin in ((text, needle), (text.lower(), needle.lower())):
        starts = [k for k in range(len(hay)) if hay.startswith(pin, k)]
        if starts:
            where = trigger.idx - sent.start_char
            first = min(starts, key=lambda k: (abs(k - where), k))
            return sent.start_char + first, sent.start_char + first + len(needle)
    return None


def phrase_mentions(mentions: Sequence[ActorMention], lo: int, hi: int, root: Token) -> list[int]:
    """Indices of the mentions over the phrase: those covering its head when there are any."""
    over = [i for i, m in enumerate(mentions) if m.start < hi and lo < m.end]
    on_root = [i for i in over if mentions[i].start <= root.idx < mentions[i].end]
    return on_root or over


def actor_codes(mentions: Sequence[ActorMention], lo: int, hi: int, root: Token) -> list[str]:
    """Codes of the mentions over the phrase (``phrase_mentions``)."""
    return [mentions[i].actor.code for i in phrase_mentions(mentions, lo, hi, root)]


def event_codes(sent: Span, trigger: Token, index: ActorIndex, lo: int, hi: int) -> list[str]:
    """Codes the event coder's phrases give the words: those whose head lies inside them
    when there are any."""
    found = [u for u in units(sent, trigger, index) if u.start < hi and lo < u.end]
    inside = [u for u in found if lo <= u.token.idx < hi]
    return [p.code for u in (inside or found) for p in u.parties]


def parse_articles(shared: Path, wanted: set[str], cache: Path | None) -> dict[str, Parsed]:
    """Article id → (record text, parsed body as bytes, article, …), kept in ``cache``
    (``train_event_arguments.py --parsed`` writes the same first three fields)."""
    nlp = load_nlp()

    def parse(rec: dict[str, Any], article: Article) -> Parsed:
        return (rec["text"], nlp(article.body).to_bytes(exclude=["tensor"]), article)

    return cached_parses(shared, wanted, cache, parse)


def outlets(shared: Path, ids: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """Article id → (publisher, url) of its corpus record: the input metadata ``tidings``
    passes the pipeline (the article's home country comes from them), which the parse cache
    does not keep."""
    return {rec["id"]: (rec.get("publisher"), rec.get("url"))
            for rec in corpus_records(shared, ids)}  # fmt: skip


def restored(
    entry: Parsed, meta: tuple[str | None, str | None], nlp: Language
) -> tuple[str, Doc, Article]:
    """A cached article as the pipeline sees it: the record's text, the parsed body, and the
    article with the publisher and url (``outlets``) the cache does not keep."""
    text, blob, article = entry[:3]
    publisher, url = meta
    article = replace(article, publisher=article.publisher or publisher,
                      url=article.url or url)  # fmt: skip
    return text, Doc(nlp.vocab).from_bytes(blob), article


def events_by_article(data: Path) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """The annotated events (label not NONE) with their candidate pointers, by article."""
    labels = read_labels(data)
    by_article: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for pointer in read_candidates(data):
        label = labels.get(pointer["id"])
        if label is not None and label["event"] != "NONE":
            by_article[pointer["article"]].append((pointer, label))
    return by_article


@dataclass(frozen=True)
class Party:
    """One annotated source or recipient of an event, found (or not) in its sentence."""

    pointer: dict[str, Any]
    role: str  # "source" or "recipient"
    gold: str  # the annotated code
    surface: str | None  # the annotated words
    trigger: Token | None  # the event's trigger, None when the pointer does not align
    span: Span | None  # the words in the trigger's sentence, None when not found there
    lo: int = 0  # the words' character offsets as located (the span may be wider)
    hi: int = 0


def annotated_parties(
    doc: Doc, text: str, events: Sequence[tuple[dict[str, Any], dict[str, Any]]]
) -> Iterator[Party]:
    """Every coded source and recipient of an article's annotated events, with its words
    located in the event's sentence where they are there (a party whose words make no span
    is skipped)."""
    for pointer, label in events:
        trigger = trigger_token(doc, text, pointer)
        for role in ("source", "recipient"):
            gold, surface = label.get(f"{role}_code"), label.get(role)
            if not gold:
                continue
            at = locate(trigger.sent, surface, trigger) if trigger and surface else None
            if trigger is None or at is None:
                yield Party(pointer, role, gold, surface, trigger, None)
                continue
            span = doc.char_span(at[0], at[1], alignment_mode="expand")
            if span is not None and len(span):
                yield Party(pointer, role, gold, surface, trigger, span, at[0], at[1])


def read_labels(folder: Path) -> dict[str, dict[str, Any]]:
    rows = {}
    for path in sorted(folder.glob("labels-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line:
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


Case = dict[str, Any]


def measure(shared: Path, data: Path, cache: Path | None, articles: int = 0) -> list[Case]:
    """One case per annotated source or recipient with a code and words in the sentence."""
    by_article = events_by_article(data)
    parsed = parse_articles(shared, set(by_article), cache)
    meta = outlets(shared, set(by_article))
    nlp = load_nlp()
    cases: list[Case] = []
    for art_id in sorted(by_article)[: articles or None]:
        entry = parsed.get(art_id)
        if entry is None:
            continue
        text, doc, article = restored(entry, meta.get(art_id, (None, None)), nlp)
        mentions = resolve_actors(doc, article)
        index = ActorIndex(doc, mentions, [], home=article_country(article, mentions))
        for party in annotated_parties(doc, text, by_article[art_id]):
            case: Case = {"id": party.pointer["id"], "article": art_id, "role": party.role,
                          "gold": party.gold, "phrase": party.surface}  # fmt: skip
            trigger, span = party.trigger, party.span
            if trigger is None or span is None:
                case["kind"] = "not in sentence" if trigger is not None else "unaligned"
                cases.append(case)
                continue
            given = actor_codes(mentions, party.lo, party.hi, span.root)
            seen = event_codes(trigger.sent, trigger, index, party.lo, party.hi)
            case.update(kind=phrase_kind(span), given=given, seen=seen,
                        actors=classify(party.gold, given), events=classify(party.gold, seen),
                        sentence=trigger.sent.text)  # fmt: skip
            cases.append(case)
    return cases


def table(cases: Sequence[Case], view: str) -> str:
    """Counts by kind and class, with each kind's share right."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for c in cases:
        if view in c:
            counts[c["kind"]][c[view]] += 1
            counts["all"][c[view]] += 1
    width = max(len(k) for k in KINDS) + 2
    lines = ["kind".ljust(width) + "".join(f"{k:>14}" for k in (*CLASSES, "n", "right %"))]
    for kind in (*KINDS, "all"):
        row = counts.get(kind)
        if not row:
            continue
        n = sum(row.values())
        cells = "".join(f"{row[k]:>14}" for k in CLASSES)
        lines.append(kind.ljust(width) + cells + f"{n:>14}{100 * row['right'] / n:>13.1f}%")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--data", type=Path, default=Path("data/events"))
    parser.add_argument("--parsed", type=Path, default=None)
    parser.add_argument("--examples", default=None, help="KIND:CLASS, e.g. 'agent noun:no code'")
    parser.add_argument("--view", default="actors", choices=("actors", "events"))
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--articles", type=int, default=0, help="only the first N (0: all)")
    parser.add_argument("--json", type=Path, default=None, help="write every case here")
    args = parser.parse_args()
    if not (args.shared / "corpus/allsides-10k.jsonl.gz").is_file():
        sys.exit(f"{args.shared}: no corpus/allsides-10k.jsonl.gz (give --shared)")
    cases = measure(args.shared, args.data, args.parsed, args.articles)
    for role in ("source", "recipient", None):
        chosen = [c for c in cases if role is None or c["role"] == role]
        for view in ("actors", "events"):
            print(f"\n== {role or 'both'} · {view} stage")
            print(table(chosen, view))
    placed = Counter(c["kind"] for c in cases if c["kind"] in ("not in sentence", "unaligned"))
    print(f"\nleft out: {dict(placed)} of {len(cases)}")
    if args.examples:
        kind, _, cls = args.examples.partition(":")
        hits = [c for c in cases if c["kind"] == kind and c.get(args.view) == cls]
        random.Random(0).shuffle(hits)
        for c in hits[: args.limit]:
            print(f"\n{c['id']} {c['role']} {c['phrase']!r} gold={c['gold']} "
                  f"actors={c['given']} events={c['seen']}\n   {c['sentence']}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(cases, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
