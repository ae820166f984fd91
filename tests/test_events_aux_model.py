"""The trained aux model (``events.aux_model``): what it reads of a sentence, its weights
as shipped, and the coder's use of it. Sentences are shortened from the corpus
(``../shared/corpus``, AllSides) and from ``gold/dev2``."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import numpy as np
import pytest

from events_support import date_at, pipeline_events
from tidings.events.aux_model import (
    LABELS,
    NOW,
    AuxContext,
    AuxModel,
    age_of,
    aux_features,
    discourse_features,
    load_aux_model,
    old_share,
)

pytestmark = pytest.mark.slow


def _token(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def _features(nlp, body: str, word: str, published: dt.date, dates=()) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(body)
    trigger = _token(doc, word)
    return aux_features(trigger, trigger, AuxContext(list(dates), published, [], None))


def test_features_read_a_time_clause_and_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published 2014-08-13
    body = "When President Obama authorized military force last week, it was to protect Americans."
    dates = [date_at(body, "last week", "2014-W32", "week")]
    f = _features(nlp, body, "authorized", dt.date(2014, 8, 13), dates)
    assert {"mark=when", "timemark", "tag=VBD", "date=recent", "sdate=recent"} <= set(f)
    assert "rule.future" not in f and "rule.hypothetical" not in f


def test_features_date_far_before_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published 2013-12-05
    body = "He issued a searing rebuke of Bush on the eve of the invasion of Iraq in 2003."
    dates = [date_at(body, "in 2003", "2003", "year")]
    f = _features(nlp, body, "rebuke", dt.date(2013, 12, 5), dates)
    assert "sdate=far_past" in f and "pos=NOUN" in f


def test_features_read_condition_and_modal(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published 2015-02-16
    body = "If the US and Israel cooperate less on Iran, Iran has less incentive to make a deal."
    f = _features(nlp, body, "cooperate", dt.date(2015, 2, 16))
    assert {"mark=if", "cond", "rule.hypothetical", "date=none"} <= set(f)
    # corpus, published 2018-09-02
    body = "From there, Pompeo and Dunford will travel to India for talks with Narendra Modi."
    f = _features(nlp, body, "travel", dt.date(2018, 9, 2))
    assert {"t.aux=will", "rule.future", "modal"} <= set(f)


def test_features_read_the_reporting_verb_and_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus, published 2015-11-24
    body = '"Future airstrikes will be carried out only under cover of fighters," Rudskoy said.'
    doc = nlp(body)
    trigger = _token(doc, "carried")
    ctx = AuxContext([], dt.date(2015, 11, 24), [(1, body.index(',"'))], None)
    f = aux_features(trigger, trigger, ctx)
    assert {"quoted", "report=say", "report.tag=VBD", "t.aux=will"} <= set(f)


def _paragraphs(body: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for text in body.split("\n\n"):
        spans.append((at, at + len(text)))
        at += len(text) + 2
    return spans


def test_discourse_reads_a_background_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus (allsides-3G1kHYZTSArwcEgc, published 2012-09-27), shortened: a paragraph of
    # background after the news, opened by "Last year"
    body = (
        "Speaking later, Netanyahu criticized Abbas' remarks.\n\n"
        "Last year, the Palestinian Authority failed in its bid to win U.N. recognition."
    )
    dates = [date_at(body, "Last year", "2011", "year")]
    doc = nlp(body)
    ctx = AuxContext(dates, dt.date(2012, 9, 27), [], None, _paragraphs(body))
    f = discourse_features(_token(doc, "bid"), ctx)
    assert {"d.pdate=gt30", "d.para=2", "d.q.none"} <= set(f)
    # the first paragraph has no date before the act and no paragraph before it
    f = discourse_features(_token(doc, "criticized"), ctx)
    assert {"d.pdate=none", "d.para0", "d.para=0"} <= set(f)
    # the features join the sentence's in aux_features; without paragraphs there are none
    assert "d.pdate=gt30" in aux_features(_token(doc, "bid"), _token(doc, "bid"), ctx)
    bare = AuxContext(dates, dt.date(2012, 9, 27), [], None)
    assert not discourse_features(_token(doc, "bid"), bare)


def test_discourse_reads_the_paragraph_opener_and_the_nearest_date(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus (allsides-VZkGlNXEAO5kXrAr, published 2012-06-15): the paragraph opens on 2008,
    # but the date nearest before the act is "Thursday", the day before publication
    body = (
        'In 2008, President Obama campaigned on a message of "Hope and Change." Thursday, '
        'the president announced his re-election campaign message of "Divide and Blame."'
    )
    dates = [date_at(body, "2008", "2008", "year"), date_at(body, "Thursday", "2012-06-14", "day")]
    doc = nlp(body)
    ctx = AuxContext(dates, dt.date(2012, 6, 15), [], None, _paragraphs(body))
    f = discourse_features(_token(doc, "announced"), ctx)
    assert {"d.pdate=week", "d.popen=in", "d.popen.date", "d.past=3"} <= set(f)


def test_old_share_reads_an_article_telling_of_the_past(nlp) -> None:  # type: ignore[no-untyped-def]
    # shaped on corpus background passages (published 2019-10-02): the article has been
    # telling of 2014 and of July; the act's own paragraph holds no date
    body = (
        "Russia annexed Crimea in 2014. Kyiv cut ties with Moscow in July.\n\n"
        "The president praised the deal on Monday.\n\n"
        "The government imposed sanctions on the banks."
    )
    published = dt.date(2019, 10, 2)
    dates = [
        date_at(body, "in 2014", "2014", "year"),
        date_at(body, "in July", "2019-07", "month"),
        date_at(body, "on Monday", "2019-09-30", "day"),
    ]
    doc = nlp(body)
    ctx = AuxContext(dates, published, [], None, _paragraphs(body))
    imposed = _token(doc, "imposed")
    # two of the three dates before "imposed" are months or years old
    assert old_share(imposed.idx, ctx) == "2"
    assert {"d.oldshare=2", "d.artold=2"} <= set(aux_features(imposed, imposed, ctx))
    # before "praised", both dates are old; before "annexed", none: no feature
    assert old_share(_token(doc, "praised").idx, ctx) == "2"
    annexed = _token(doc, "annexed")
    assert old_share(annexed.idx, ctx) is None
    assert not any(x.startswith("d.oldshare") for x in aux_features(annexed, annexed, ctx))
    # the article as a whole: two of its three dates are old
    assert old_share(None, ctx) == "2"
    # an article of this week's dates only
    recent = [date_at(body, "on Monday", "2019-09-30", "day")]
    assert old_share(imposed.idx, AuxContext(recent, published, [], None)) == "0"


def test_age_of_a_date_before_publication() -> None:
    published = dt.date(2012, 9, 27)
    body = "on Monday, on Sept. 10, in July, in 2011, in 2010, next year"
    ages = [
        age_of(date_at(body, text, value, precision), published)
        for text, value, precision in (
            ("on Monday", "2012-09-24", "day"), ("on Sept. 10", "2012-09-10", "day"),
            ("in July", "2012-07", "month"), ("in 2011", "2011", "year"),
            ("in 2010", "2010", "year"), ("next year", "2013", "year"),
        )
    ]  # fmt: skip
    assert ages == ["week", "gt7", "gt30", "gt30", "gt1y", "future"]
    assert age_of(date_at(body, "in 2010", "2010", "year"), None) is None


def test_model_round_trips_through_bytes() -> None:
    vocabulary = {"bias": 0, "s.had": 1, "t.aux=will": 2}
    weights = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 3.0, 0.0, 0.0], [0.0, 0.0, 3.0, 0.0]])
    model = AuxModel(LABELS, vocabulary, weights, np.zeros(len(LABELS)))
    again = AuxModel.from_bytes(model.to_bytes())
    for features in (["bias"], ["bias", "s.had"], ["bias", "t.aux=will", "unseen"]):
        p, q = model.probabilities(features), again.probabilities(features)
        assert np.allclose(p, q, atol=1e-6) and p.sum() == pytest.approx(1.0)
    assert LABELS[int(again.probabilities(["bias", "s.had"]).argmax())] == "historical"
    assert LABELS[0] == NOW


def test_packaged_weights_are_small_with_a_model_card() -> None:
    data = resources.files("tidings.events").joinpath("data")
    weights = data.joinpath("aux.npz")
    assert weights.is_file() and len(weights.read_bytes()) < 1_000_000
    card = data.joinpath("aux.md").read_text(encoding="utf-8")
    assert "scripts/train_event_aux.py" in card and "kappa" in card
    model = load_aux_model()
    assert model is not None and model.labels == LABELS


def test_coder_reads_an_announced_meeting_in_a_when_clause(pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # ../shared/gold/dev (allsides-3uUyh08OPyrVs4R5, 2017-07-07), shortened: the verb group
    # reads no mode in "when he meets"; the model reads the announced meeting
    text = (
        "Mr. Trump will try to manage another rocky relationship when he meets with "
        "Mexican President Enrique Pena Nieto."
    )
    events = pipeline_events(pipeline, tmp_path, text, "2017-07-07")
    consult = [e for e in events if e.event == "CONSULT"]
    assert consult and all(e.aux == "future" for e in consult)


def test_features_read_a_dated_report_and_the_sequence_of_tenses(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-TxUVyftoa1GVFEfP (2013-02-17), shortened: the report is a month old,
    # so what it reports is at least as old
    body = "Last month, the group of senators announced they had agreed on the outline of a plan."
    dates = [date_at(body, "Last month", "2013-01", "month")]
    f = _features(nlp, body, "agreed", dt.date(2013, 2, 17), dates)
    assert {"report=announce", "report.date=far_past", "backshifted"} <= set(f)
    assert "rule.pluperfect" not in f


def test_features_read_a_then_title(nlp) -> None:  # type: ignore[no-untyped-def]
    # gold/dev2 erGhHLhQuTxXGoyg (2019-02-19), shortened: "then-" tells of a past standing
    body = (
        "At issue are negotiations between top Saudi officials and senior Trump aides, "
        "including then-National Security Advisor Michael Flynn."
    )
    assert "s.then-" in _features(nlp, body, "negotiations", dt.date(2019, 2, 19))
    body = "Then the National Security Advisor met Saudi officials."
    assert "s.then-" not in _features(nlp, body, "met", dt.date(2019, 2, 19))


def test_features_read_a_former_official_acting(nlp) -> None:  # type: ignore[no-untyped-def]
    # corpus allsides-TCezutf8vR5MgMPy (2017-02-22), shortened: Obama is a former president
    # in 2017 (USAELI), so an act of his government is told of the past
    body = "Under Obama, the Department of Justice sued the state of North Carolina."
    doc = nlp(body)
    sued = _token(doc, "sued")
    at = body.index("Obama")
    ctx = AuxContext([], dt.date(2017, 2, 22), [], None, former=[(at, at + 5)])
    f = aux_features(sued, sued, ctx)
    assert "s.former" in f and "subj.former" not in f
    # the former official is the one acting
    # corpus allsides-URN0a9PnL0XTE70L (2015-03-20), shortened
    body = "In 1996, Bill Clinton openly campaigned against Netanyahu."
    doc = nlp(body)
    campaigned = _token(doc, "campaigned")
    at = body.index("Bill Clinton")
    ctx = AuxContext([], dt.date(2015, 3, 20), [], None, former=[(at, at + 12)])
    assert {"s.former", "subj.former"} <= set(aux_features(campaigned, campaigned, ctx))
