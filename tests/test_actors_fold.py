"""One name folding for the gazetteer, the store's filters and the timeline: accents, case
and punctuation aside, "Marko Đurić" is "Marko Djuric" everywhere (issue 11: three copies
of ``fold()`` disagreed, so ``events --actor "Marko Đurić"`` found nothing)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from tidings.actors.fold import chunks, fold, name_key, name_matches
from tidings.model import (
    Actor,
    ActorMention,
    ActorRef,
    Analysis,
    Article,
    DateValue,
    Document,
    Event,
    Quote,
)
from tidings.store import Store, filters, records
from tidings.timeline import dyads

# After a sentence of a Serbian news report (shortened): the head of the government's
# Kosovo office, written with and without diacritics in two reports.
DJURIC = Actor("Marko Đurić", "SRBGOV", role="Director of the Office for Kosovo",
               country="SRB", sector="GOV")  # fmt: skip
KIM = Actor("Kim Jong Un", "PRKGOV", role="Supreme Leader", country="PRK", sector="GOV")
KOSOVO = Actor("Kosovo", "KOS", country="KOS", kind="country")
SUNG_KIM = Actor("Sung Kim", "USAGOV", role="Ambassador", country="USA", sector="GOV")


@pytest.mark.parametrize(("a", "b"), [("Marko Đurić", "Marko Djuric"), ("Vučić", "VUCIC"),
                                      ("Moon Jae-in", "moon jae in"), ("U.S.", "u s"),
                                      ("Łukasz  Øster", "lukasz oster")])  # fmt: skip
def test_actors_fold_one_key_for_accents_case_and_punctuation(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    # The store and the timeline read names through this one function, with no copy of their own.
    assert dyads.name_key is name_key and filters.name_key is name_key
    assert not hasattr(records, "fold") and not hasattr(dyads, "fold")


def test_actors_fold_gazetteer_chunks_use_the_same_folding() -> None:
    assert [c.key for c in chunks("Marko Đurić said")] == ["marko", "djuric", "said"]
    assert fold("Đurić") == "djuric"


def test_actors_fold_name_rule_surname_in_either_order() -> None:
    assert name_matches("Kim", "Kim Jong Un")
    assert name_matches("Marko Đurić", "Marko Djuric")
    assert name_matches("djuric", "Marko Đurić")
    assert not name_matches("Kim", "Kimberly Ross")  # whole words, not prefixes
    assert not name_matches("", "Kim Jong Un")


def test_actors_fold_timeline_refs_match_accented_terms() -> None:
    ref = ActorRef.of(DJURIC)
    assert dyads.ref_matches(ref, "Marko Djuric")
    assert dyads.ref_matches(ref, "đurić")
    assert dyads.term_key("Marko Djuric") in dyads.ref_keys(ref)


def _analysis(name: str, body: str, events: list[Event], mentions: list[ActorMention],
              quotes: list[Quote]) -> Analysis:  # fmt: skip
    digest = hashlib.sha256(body.encode()).hexdigest()
    doc = Document(source=f"fold/{name}.txt", content_hash=digest, format="text", content=body)
    article = Article(doc_id=digest[:16], title=name, body=body, published=dt.date(2018, 6, 12))
    return Analysis(doc, article, mentions, quotes, [], events)


def _event(body: str, words: str, kind: str, actor: Actor, recipient: Actor) -> Event:
    assert words in body
    return Event(event=kind, actor=[ActorRef.of(actor)], recipient=[ActorRef.of(recipient)],
                 date=DateValue("2018-06-12", "day"), sentence_start=0, sentence_end=len(body),
                 text=words, rule="test.fold")  # fmt: skip


@pytest.fixture(scope="module")
def store() -> Store:
    body = (
        "Marko Đurić, the head of Serbia's office for Kosovo, accused Pristina of "
        "provocations. Kim Jong Un met U.S. Ambassador Sung Kim."
    )
    events = [
        _event(body, "accused Pristina", "ACCUSE", DJURIC, KOSOVO),
        _event(body, "met U.S. Ambassador", "CONSULT", KIM, SUNG_KIM),
    ]
    quote = Quote(
        text="provocations",
        start=body.index("provocations"),
        end=body.index("provocations") + 12,
        speaker=ActorRef.of(DJURIC),
        cue="accused",
    )
    mentions = [ActorMention("Marko Đurić", 0, 11, DJURIC, "name")]
    s = Store(":memory:")
    s.save(_analysis("fold", body, events, mentions, [quote]))
    return s


@pytest.mark.parametrize("term", ["Marko Đurić", "Marko Djuric", "djuric", "ĐURIĆ"])
def test_actors_fold_store_events_and_quotes_find_accented_names(store: Store, term: str) -> None:
    assert [e.event for e in store.events(actor=term)] == ["ACCUSE"]
    assert [q.speaker.name for q in store.quotes(speaker=term) if q.speaker] == ["Marko Đurić"]


def test_actors_fold_store_family_name_first_as_in_timelines(store: Store) -> None:
    # "Kim" finds Kim Jong Un (family name first) as well as Sung Kim, as timelines do.
    assert sorted(e.event for e in store.events(actor="Kim")) == ["CONSULT"]
    assert [e.event for e in store.events(recipient="Kim")] == ["CONSULT"]  # Sung Kim
    assert list(store.events(actor="Kim Jong Il")) == []
    assert [e.event for e in store.events(actor="Jong Un Kim")] == ["CONSULT"]
