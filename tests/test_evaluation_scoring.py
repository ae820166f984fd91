"""The gold scorer on hand-made gold and predictions (no model, no shared data)."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.evaluation.scoring import Totals, score_article
from tidings.model import (
    ActorRef,
    Analysis,
    Article,
    DateMention,
    DateValue,
    Document,
    Event,
    Quote,
)

BODY = (
    "The mayor of Brindleford met the harbour board on Tuesday.\n\n"
    '"We will rebuild the pier before winter," Mayor Ana Costa said.\n\n'
    "The board rejected a request for more money last March."
)
GOLD: dict[str, Any] = {
    "id": "hand-made",
    "input": {"file": "x.txt", "format": "text", "published": "2024-05-10"},
    "article": {
        "title": "Mayor meets harbour board",
        "body": BODY,
        "furniture": ["Subscribe to our newsletter", "Share this story"],
    },
    "actors": [{"name": "Ana Costa", "code": "XYZGOV"}],
    "quotes": [
        {
            "text": "We will rebuild the pier before winter,",
            "speaker": {"code": "XYZGOV", "name": "Ana Costa"},
        },
        {
            "text": "the pier is our first priority and nothing else comes close",
            "speaker": {"code": "XYZGOV", "name": "Ana Costa"},
        },
    ],
    "events": [
        {
            "event": "CONSULT",
            "actor": [{"code": "XYZGOV", "name": "Ana Costa"}],
            "recipient": [{"code": "XYZBUS", "name": "harbour board"}],
            "date": "2024-05-07",
            "required": True,
        },
        {
            "event": "REJECT",
            "actor": [{"code": "XYZBUS", "name": "harbour board"}],
            "recipient": [],
            "date": "2024-03",
            "required": True,
        },
        {
            "event": "COOPERATE",
            "actor": [{"code": "XYZGOV", "name": "Ana Costa"}],
            "recipient": [{"code": "XYZ", "name": "Brindleford"}],
            "date": None,
            "required": False,
        },
    ],
    "dates": [
        {"text": "on Tuesday", "value": "2024-05-07"},
        {"text": "last March", "value": "2024-03"},
    ],
}

COSTA = ActorRef("XYZGOV", "Ana Costa")
BOARD = ActorRef("XYZBUS", "harbour board")
TOWN = ActorRef("XYZ", "Brindleford")


def analysis(
    *,
    body: str = BODY,
    title: str | None = "Mayor meets harbour board",
    quotes: list[Quote] | None = None,
    events: list[Event] | None = None,
    dates: list[DateMention] | None = None,
) -> Analysis:
    doc = Document(source="x.txt", content_hash="h", format="text", content=body)
    article = Article.from_paragraphs("h", body.split("\n\n"), title=title)
    return Analysis(document=doc, article=article, quotes=quotes or [],
                    events=events or [], dates=dates or [])  # fmt: skip


def quote(text: str, speaker: ActorRef | None = COSTA) -> Quote:
    start = BODY.find(text)
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker, cue="said")


def event(kind: str, actor: ActorRef, recipient: list[ActorRef], date: str | None) -> Event:
    when = DateValue(date, "day") if date else None
    return Event(event=kind, actor=[actor], recipient=recipient, date=when)


def mention(text: str, value: str, precision: str = "day") -> DateMention:
    start = BODY.find(text)
    return DateMention(
        text=text, start=start, end=start + len(text), date=DateValue(value, precision)
    )  # type: ignore[arg-type]


def perfect() -> Analysis:
    return analysis(
        quotes=[
            quote("We will rebuild the pier before winter,"),
            Quote(
                "the pier is our first priority and nothing else comes close", 0, 0, COSTA, "said"
            ),
        ],  # fmt: skip
        events=[
            event("CONSULT", COSTA, [BOARD], "2024-05-07"),
            event("REJECT", BOARD, [], "2024-03"),
        ],
        dates=[mention("on Tuesday", "2024-05-07"), mention("last March", "2024-03", "month")],
    )


def report(gold: dict[str, Any], pred: Analysis | None) -> dict[str, Any]:
    totals = Totals()
    totals.add(score_article(gold, pred))
    return totals.report()


def test_scoring_perfect_prediction_scores_one_everywhere() -> None:
    r = report(GOLD, perfect())
    assert r["articles"] == 1
    assert r["article"]["body_f1"] == 1.0
    assert r["article"]["furniture_leaked"] == 0.0
    assert r["article"]["title_exact"] == 1.0
    for key in ("precision", "recall", "f1", "speaker_accuracy"):
        assert r["quotes"][key] == 1.0
    for key in ("precision", "recall", "f1", "precision_dated", "recall_dated", "f1_dated"):
        assert r["events"][key] == 1.0
    assert r["dates"]["accuracy"] == 1.0


@pytest.mark.parametrize("pred", [None, analysis(body="", title=None)])
def test_scoring_empty_prediction_scores_zero(pred: Analysis | None) -> None:
    # Convention: no prediction where there was something to find gives precision 0.0.
    r = report(GOLD, pred)
    assert r["article"]["body_f1"] == 0.0
    assert r["article"]["title_exact"] == 0.0
    assert r["article"]["furniture_leaked"] == 0.0
    assert (r["quotes"]["precision"], r["quotes"]["recall"], r["quotes"]["f1"]) == (0, 0, 0)
    assert r["quotes"]["speaker_accuracy"] is None  # no matched quote to judge
    assert all(v == 0.0 for k, v in r["events"].items() if k != "aux_accuracy")
    assert r["events"]["aux_accuracy"] is None  # no matched event to judge
    assert r["dates"]["accuracy"] == 0.0


def test_scoring_partly_right_matches_hand_counts() -> None:
    body = BODY + "\n\nSubscribe to our newsletter"
    pred = analysis(
        body=body,
        title="Mayor meets the harbour board",
        quotes=[
            quote("We will rebuild the pier before winter,", ActorRef("XYZGOV", "Costa")),
            quote("The board rejected a request", None),  # not a gold quote
        ],
        events=[
            event("CONSULT", COSTA, [BOARD], "2024-05-08"),  # right, wrong day
            event("REJECT", BOARD, [TOWN], "2024-03-01"),  # recipients: gold empty, pred not
            event("ASSAULT", BOARD, [COSTA], None),  # spurious
        ],
        dates=[mention("Tuesday", "2024-05-07"), mention("last March", "2023-03", "month")],
    )
    r = report(GOLD, pred)
    gold_tokens, pred_tokens = 31, 35  # the body's 31 tokens, plus "subscribe to our newsletter"
    p, rec = 31 / pred_tokens, 31 / gold_tokens
    assert r["article"]["body_f1"] == pytest.approx(2 * p * rec / (p + rec))
    assert r["article"]["furniture_leaked"] == 0.5
    assert r["article"]["furniture_leaked_lines"] == 1
    assert r["article"]["title_exact"] == 0.0
    # quotes: 1 of 2 predicted matches, 1 of 2 gold found; the speaker's surname suffices
    assert r["quotes"]["precision"] == 0.5
    assert r["quotes"]["recall"] == 0.5
    assert r["quotes"]["f1"] == 0.5
    assert r["quotes"]["speaker_accuracy"] == 1.0
    # events: CONSULT matches (undated only); REJECT does not (recipients); ASSAULT spurious
    assert r["events"]["precision"] == pytest.approx(1 / 3)
    assert r["events"]["recall"] == 0.5
    assert r["events"]["f1"] == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))
    assert r["events"]["precision_dated"] == 0.0
    assert r["events"]["recall_dated"] == 0.0
    assert r["events"]["f1_dated"] == 0.0
    # dates: "Tuesday" overlaps "on Tuesday" and is right; "last March" has the wrong year
    assert r["dates"]["accuracy"] == 0.5


def test_scoring_non_required_events_neither_help_recall_nor_hurt_precision() -> None:
    base = perfect()
    with_optional = perfect()
    with_optional.events.append(event("COOPERATE", COSTA, [TOWN], None))
    r_base, r_opt = report(GOLD, base), report(GOLD, with_optional)
    assert r_opt["events"]["precision"] == r_base["events"]["precision"] == 1.0
    assert r_opt["events"]["recall"] == r_base["events"]["recall"] == 1.0
    only_optional = analysis(events=[event("COOPERATE", COSTA, [TOWN], None)])
    r = report(GOLD, only_optional)
    assert r["events"]["precision"] == 1.0  # it matches a gold event, so it is not wrong
    assert r["events"]["recall"] == 0.0  # but it finds none of the required ones
    assert r["events"]["precision_dated"] == 1.0  # gold date null, predicted date None


@pytest.mark.parametrize(
    ("predicted", "precision", "ok"),
    [
        ("2024-03-01", "day", True),  # a day inside the gold month
        ("2024-03", "month", True),
        ("2024", "year", False),  # coarser than the gold
        ("2024-W10", "week", True),  # 4-10 March: both ends fall in March
        ("2024-03-30/2024-04-02", "range", False),  # straddles the month
        ("2024-02", "month", False),
    ],
)
def test_scoring_event_date_matches_at_gold_precision(
    predicted: str, precision: str, ok: bool
) -> None:
    pred = analysis(events=[event("REJECT", BOARD, [], None)])
    pred.events[0].date = DateValue(predicted, precision)  # type: ignore[arg-type]
    r = report(GOLD, pred)
    assert r["events"]["recall"] == 0.5
    assert r["events"]["recall_dated"] == (0.5 if ok else 0.0)


def test_scoring_aux_accuracy_judges_the_best_match_of_required_events() -> None:
    gold = {**GOLD, "events": [dict(e) for e in GOLD["events"]]}
    gold["events"][1]["aux"] = "historical"  # "rejected … last March": recalled
    recalled = event("REJECT", BOARD, [], "2024-03")
    recalled.aux = "historical"
    now = event("REJECT", BOARD, [], "2024-05-10")  # the same act coded as today's
    pred = analysis(events=[event("CONSULT", COSTA, [BOARD], "2024-05-07"), now, recalled])
    r = report(gold, pred)
    # both required events matched; the dated match of REJECT has the gold aux
    assert r["events"]["aux_accuracy"] == 1.0
    pred = analysis(events=[event("CONSULT", COSTA, [BOARD], "2024-05-07"), now])
    r = report(gold, pred)
    assert r["events"]["aux_accuracy"] == 0.5  # REJECT matched, aux null for historical
    only_optional = analysis(events=[event("COOPERATE", COSTA, [TOWN], None)])
    assert report(gold, only_optional)["events"]["aux_accuracy"] is None  # nothing judged


def _words(n: int) -> str:
    return " ".join(f"w{i}" for i in range(n))


@pytest.mark.parametrize(("shared", "matched"), [(79, False), (80, True)])
def test_scoring_quote_overlap_threshold_is_80_percent(shared: int, matched: bool) -> None:
    gold = dict(
        GOLD, quotes=[{"text": _words(100), "speaker": {"code": "XYZGOV", "name": "Ana Costa"}}]
    )
    pred = analysis(quotes=[Quote(_words(shared) + " extra words here", 0, 0, COSTA, "said")])
    r = report(gold, pred)
    assert r["quotes"]["recall"] == (1.0 if matched else 0.0)


def test_scoring_quotes_match_one_to_one() -> None:
    text = "We will rebuild the pier before winter,"
    pred = analysis(quotes=[quote(text), quote(text)])
    r = report(GOLD, pred)
    assert r["quotes"]["precision"] == 0.5  # the duplicate finds no second gold quote
    assert r["quotes"]["recall"] == 0.5


def test_scoring_speaker_needs_code_and_name() -> None:
    text = "We will rebuild the pier before winter,"
    wrong_code = analysis(quotes=[quote(text, ActorRef("XYZ", "Ana Costa"))])
    wrong_name = analysis(quotes=[quote(text, ActorRef("XYZGOV", "Piet Brand"))])
    r1, r2 = report(GOLD, wrong_code), report(GOLD, wrong_name)
    assert r1["quotes"]["speaker_accuracy"] == 0.0
    assert r1["quotes"]["speaker_accuracy_name"] == 1.0
    assert r2["quotes"]["speaker_accuracy"] == 0.0
    assert r2["quotes"]["speaker_accuracy_code"] == 1.0


def test_scoring_micro_averages_across_articles() -> None:
    totals = Totals()
    totals.add(score_article(GOLD, perfect()))
    totals.add(score_article(GOLD, None, error="x.txt: empty file [T100]"))
    r = totals.report()
    assert r["articles"] == 2
    assert r["article"]["body_f1"] == 0.5
    assert r["quotes"]["precision"] == 1.0  # 2 right of 2 predicted
    assert r["quotes"]["recall"] == 0.5  # 2 of 4 gold
    assert r["events"]["recall"] == 0.5


def test_scoring_body_only_gold_leaves_other_sections_unmeasured() -> None:
    gold = dict(GOLD, actors=[], quotes=[], events=[], dates=[])
    r = report(gold, perfect())
    assert r["quotes"]["precision"] is None
    assert r["events"]["f1"] is None
    assert r["dates"]["accuracy"] is None
    assert r["article"]["body_f1"] == 1.0
