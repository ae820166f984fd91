"""The founding article's required events, with their dates. Actor mentions are written by
hand here (the events stage is tested on its own); dates come from the dates stage."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tidings.model import Actor, ActorMention, ActorRef, Event, Quote

pytestmark = pytest.mark.slow

# Surface form → (code, name, kind), as an actor stage would resolve them in this article.
SEED_ACTORS = {
    "Serbian President Aleksandar Vucic": ("SRBGOV", "Aleksandar Vucic", "person"),
    "Vucic": ("SRBGOV", "Aleksandar Vucic", "person"),
    "Russian President Vladimir Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "President Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Vladimir Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Serbia": ("SRB", "Serbia", "country"),
    "Russia": ("RUS", "Russia", "country"),
    "the Russian Federation": ("RUS", "Russia", "country"),
    "Moscow": ("RUS", "Russia", "country"),
    "Ukraine": ("UKR", "Ukraine", "country"),
    "Kyiv": ("UKR", "Ukraine", "country"),
    "The Kremlin": ("RUSGOV", "Kremlin", "organisation"),
    "the Kremlin": ("RUSGOV", "Kremlin", "organisation"),
    "European Union": ("EUR", "European Union", "organisation"),
}


@pytest.fixture(scope="module")
def seed_events(nlp, seed_text) -> list[Event]:  # type: ignore[no-untyped-def]
    from tidings.dates import resolve_dates
    from tidings.events import code_events
    from tidings.model import Article

    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Serbian President"))
    end = next(i for i, p in enumerate(paragraphs) if p.startswith("Sunday's phone call"))
    article = Article.from_paragraphs("seed", paragraphs[start : end + 1], title=None,
                                      published=dt.date(2024, 10, 20))  # fmt: skip
    body = article.body
    mentions: list[ActorMention] = []
    taken: set[int] = set()
    for surface in sorted(SEED_ACTORS, key=len, reverse=True):
        code, name, kind = SEED_ACTORS[surface]
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", body):
            if not taken & set(range(m.start(), m.end())):
                taken.update(range(m.start(), m.end()))
                actor = Actor(name=name, code=code, kind=kind)  # type: ignore[arg-type]
                mentions.append(ActorMention(surface, m.start(), m.end(), actor))
    mentions.sort(key=lambda m: m.start)
    words = "I particularly thanked President Putin"
    q_start = body.index(words)
    q_end = body.index('"', q_start)
    quotes = [Quote(body[q_start:q_end], q_start, q_end, ActorRef("SRBGOV", "Aleksandar Vucic"),
                    "said")]  # fmt: skip
    doc = nlp(body)
    return code_events(doc, article, mentions, quotes, resolve_dates(doc, article))


def _find(events: list[Event], event: str, actor: str, recipient: str, date: str) -> Event:
    for e in events:
        if (e.event == event and actor in {a.code for a in e.actor}
                and recipient in {r.code for r in e.recipient}
                and e.date is not None and e.date.value == date):  # fmt: skip
            return e
    seen = [(e.event, e.rule, e.date and e.date.value) for e in events]
    raise AssertionError(f"no {event} {actor}→{recipient} @{date} in {seen}")


def test_phone_call_on_sunday(seed_events) -> None:  # type: ignore[no-untyped-def]
    ev = _find(seed_events, "CONSULT", "SRBGOV", "RUSGOV", "2024-10-20")
    assert ev.mode == "phone" and ev.aux is None and ev.cameo == "041"


def test_the_later_phone_call_mention_is_merged(seed_events) -> None:  # type: ignore[no-untyped-def]
    current = [e for e in seed_events if e.event == "CONSULT" and e.aux is None]
    assert len(current) == 1


def test_historical_talk_of_may_2022(seed_events) -> None:  # type: ignore[no-untyped-def]
    ev = _find(seed_events, "CONSULT", "SRBGOV", "RUSGOV", "2022-05")
    assert ev.aux == "historical"


def test_thanks_are_support(seed_events) -> None:  # type: ignore[no-untyped-def]
    _find(seed_events, "SUPPORT", "SRBGOV", "RUSGOV", "2024-10-20")


def test_refusing_sanctions_is_reject(seed_events) -> None:  # type: ignore[no-untyped-def]
    _find(seed_events, "REJECT", "SRBGOV", "RUSGOV", "2024-10-20")
    assert not [e for e in seed_events if e.event == "SANCTION"]


def test_invasion_of_february_2022(seed_events) -> None:  # type: ignore[no-untyped-def]
    ev = _find(seed_events, "ASSAULT", "RUSMIL", "UKR", "2022-02")
    assert ev.aux == "historical"


def test_september_invitation(seed_events) -> None:  # type: ignore[no-untyped-def]
    ev = _find(seed_events, "REQUEST", "RUSGOV", "SRBGOV", "2024-09")
    assert ev.aux == "historical" and ev.mode == "meet"


def test_leaders_agreed(seed_events) -> None:  # type: ignore[no-untyped-def]
    ev = _find(seed_events, "AGREE", "SRBGOV", "RUSGOV", "2024-10-20")
    assert {a.code for a in ev.actor} == {"SRBGOV", "RUSGOV"}
    assert "KREMLIN" not in {a.name.upper() for a in ev.actor}
