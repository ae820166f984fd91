"""Hand-made analyses for the store and CLI tests (imported by test_store_* and
test_cli_records_*), and checks that the samples themselves are coherent.

The sentences are written for these tests; offsets are computed from the text so every
record points at the words that support it, as the pipeline's records do.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from tidings.model import (
    Actor,
    ActorMention,
    ActorRef,
    Analysis,
    Article,
    DateMention,
    DateValue,
    Document,
    Event,
    Quote,
)

VUCIC = Actor("Aleksandar Vučić", "SRBGOV", role="President", country="SRB", sector="GOV")
PUTIN = Actor("Vladimir Putin", "RUSGOV", role="President", country="RUS", sector="GOV")
RUSMIL = Actor("Russian Defence Ministry", "RUSMIL", country="RUS", sector="MIL",
               kind="organisation")  # fmt: skip
UKRGOV = Actor("Ukrainian government", "UKRGOV", country="UKR", sector="GOV",
               kind="organisation")  # fmt: skip
OKAFOR = Actor("Grace Okafor", "NGAGOV", role="Foreign Minister", country="NGA", sector="GOV")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _span(body: str, words: str) -> tuple[int, int]:
    start = body.index(words)
    return start, start + len(words)


def _document(name: str, paragraphs: list[str]) -> Document:
    raw = "\n\n".join(paragraphs)
    return Document(source=f"samples/{name}.txt", content_hash=_hash(raw), format="text",
                    content=raw, hints={"note": "hand-made"})  # fmt: skip


def _mention(body: str, words: str, actor: Actor, how: str = "name",
             within: str | None = None) -> ActorMention:  # fmt: skip
    """``words`` where they first occur (inside the phrase ``within``, when given)."""
    base = body.index(within) if within else 0
    start = body.index(words, base)
    return ActorMention(text=words, start=start, end=start + len(words), actor=actor, how=how)


def _sentence(body: str, words: str) -> tuple[int, int]:
    """The sentence (here: the paragraph) holding ``words``."""
    start, _ = _span(body, words)
    s = body.rfind("\n\n", 0, start)
    e = body.find("\n\n", start)
    return (0 if s < 0 else s + 2), (len(body) if e < 0 else e)


def _event(body: str, words: str, kind: str, actor: list[Actor], recipient: list[Actor],
           date: DateValue | None, **extra: object) -> Event:  # fmt: skip
    s, e = _sentence(body, words)
    return Event(event=kind, actor=[ActorRef.of(a) for a in actor],
                 recipient=[ActorRef.of(r) for r in recipient], date=date,
                 sentence_start=s, sentence_end=e, text=words, rule=f"test.{kind.lower()}",
                 **extra)  # type: ignore[arg-type]  # fmt: skip


def phone_call() -> Analysis:
    """Vučić phones Putin (day) and recalls their previous talk (month, historical)."""
    paragraphs = [
        "Serbian President Aleksandar Vučić said on Sunday he had spoken with Vladimir Putin "
        "by phone for the first time since May 2022.",
        "\u201cWe discussed gas supplies for the coming winter,\u201d Vučić told reporters "
        "in Belgrade.",
        "The two leaders last met in person in Beijing in 2019.",
    ]
    doc = _document("phone_call", paragraphs)
    art = Article.from_paragraphs(
        doc.content_hash, paragraphs, title="Vučić and Putin talk by phone",
        credit="By A. Writer", publisher="Balkan Wire", published=dt.date(2024, 10, 20),
        url="https://example.org/vucic-putin", furniture=["Subscribe now", "Share this"],
    )  # fmt: skip
    body = art.body
    q_start, q_end = _span(body, "We discussed gas supplies for the coming winter,")
    sp_start, sp_end = _span(body, "Vučić told")
    mentions = [
        _mention(body, "Aleksandar Vučić", VUCIC),
        _mention(body, "Vladimir Putin", PUTIN),
        _mention(body, "Vučić", VUCIC, how="surname", within="Vučić told"),
    ]
    quote = Quote(text=body[q_start:q_end], start=q_start, end=q_end,
                  speaker=ActorRef.of(VUCIC), cue="told", speaker_start=sp_start,
                  speaker_end=sp_start + len("Vučić"))  # fmt: skip
    dates = [
        DateMention("on Sunday", *_span(body, "on Sunday"), DateValue("2024-10-20", "day")),
        DateMention(
            "May 2022", *_span(body, "May 2022"), DateValue("2022-05", "month"), relation="since"
        ),  # fmt: skip
        DateMention("2019", *_span(body, "2019"), DateValue("2019", "year")),
    ]
    events = [
        _event(body, "had spoken with Vladimir Putin by phone", "CONSULT", [VUCIC], [PUTIN],
               DateValue("2024-10-20", "day"), mode="phone", date_text="on Sunday",
               trigger="spoken", context=["diplomatic"], cameo="040"),  # fmt: skip
        _event(body, "since May 2022", "CONSULT", [VUCIC], [PUTIN],
               DateValue("2022-05", "month"), aux="historical", date_text="May 2022"),
        _event(body, "last met in person in Beijing", "CONSULT", [VUCIC, PUTIN], [],
               DateValue("2019", "year"), mode="visit", location="Beijing", aux="historical"),
    ]  # fmt: skip
    return Analysis(doc, art, mentions, [quote], dates, events)


def shelling() -> Analysis:
    """An accusation (month), a rejection (day), a threat (undated)."""
    paragraphs = [
        "Russia\u2019s defence ministry accused Ukraine of shelling border villages "
        "throughout November.",
        "Ukrainian officials on Saturday rejected the claim as \u201cpure invention\u201d.",
        "Putin warned that Moscow would respond.",
    ]
    doc = _document("shelling", paragraphs)
    art = Article.from_paragraphs(
        doc.content_hash,
        paragraphs,
        title="Shelling claims",
        publisher="Harbor Daily",
        published=dt.date(2024, 11, 3),
    )
    body = art.body
    q_start, q_end = _span(body, "pure invention")
    return Analysis(
        doc, art,
        [_mention(body, "defence ministry", RUSMIL, how="title"),
         _mention(body, "Ukrainian officials", UKRGOV, how="demonym"),
         _mention(body, "Putin", PUTIN, how="surname")],
        [Quote(text="pure invention", start=q_start, end=q_end, speaker=ActorRef.of(UKRGOV),
               cue="rejected", partial=True)],
        [DateMention("November", *_span(body, "November"), DateValue("2024-11", "month")),
         DateMention("on Saturday", *_span(body, "on Saturday"), DateValue("2024-11-02", "day"))],
        [_event(body, "accused Ukraine of shelling", "ACCUSE", [RUSMIL], [UKRGOV],
                DateValue("2024-11", "month"), date_text="throughout November"),
         _event(body, "rejected the claim", "REJECT", [UKRGOV], [RUSMIL],
                DateValue("2024-11-02", "day"), date_text="on Saturday"),
         _event(body, "warned that Moscow would respond", "THREATEN", [PUTIN], [UKRGOV], None,
                aux="future")],
    )  # fmt: skip


def trade_deal() -> Analysis:
    """An agreement dated by a week, a quote, and an undated article."""
    paragraphs = [
        "Foreign Minister Grace Okafor said Nigeria and Serbia agreed last week to expand "
        "trade in farm machinery.",
        "\u201cThis is a start,\u201d Okafor said.",
    ]
    doc = _document("trade_deal", paragraphs)
    art = Article.from_paragraphs(doc.content_hash, paragraphs, title="A trade deal")
    body = art.body
    q_start, q_end = _span(body, "This is a start,")
    return Analysis(
        doc, art,
        [_mention(body, "Grace Okafor", OKAFOR),
         _mention(body, "Okafor", OKAFOR, how="surname", within="Okafor said")],
        [Quote(text=body[q_start:q_end], start=q_start, end=q_end,
               speaker=ActorRef.of(OKAFOR), cue="said")],
        [DateMention("last week", *_span(body, "last week"), DateValue("2023-W40", "week"))],
        [_event(body, "agreed last week to expand trade", "AGREE", [OKAFOR], [VUCIC],
                DateValue("2023-W40", "week"), context=["economic"])],
    )  # fmt: skip


def all_samples() -> list[Analysis]:
    return [phone_call(), shelling(), trade_deal()]


def test_samples_offsets_point_at_their_words() -> None:
    for analysis in all_samples():
        body = analysis.article.body
        for m in analysis.mentions:
            assert body[m.start : m.end] == m.text
        for q in analysis.quotes:
            assert body[q.start : q.end] == q.text
        for d in analysis.dates:
            assert body[d.start : d.end] == d.text
        for e in analysis.events:
            assert e.text in body[e.sentence_start : e.sentence_end]


def test_samples_have_distinct_hashes() -> None:
    hashes = {a.document.content_hash for a in all_samples()}
    assert len(hashes) == 3
