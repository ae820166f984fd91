"""Every date form resolves to the expected value and precision (sentences written here)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dates_support import mention_at

SUN = dt.date(2024, 10, 20)  # a Sunday
WED = dt.date(2024, 10, 23)

CASES: list[tuple[str, str, dt.date, str, str]] = [
    # weekdays: past by default, future when the verb says so
    ("Vucic spoke with Putin on Sunday.", "on Sunday", SUN, "2024-10-20", "day"),
    ("The ministers met on Thursday in Brussels.", "on Thursday", SUN, "2024-10-17", "day"),
    ("The leaders will meet on Monday in Kazan.", "on Monday", SUN, "2024-10-21", "day"),
    ("He would announce his decision by Monday.", "by Monday", SUN, "2024-10-21", "day"),
    ("Sunday's phone call was intended to mark the date.", "Sunday", SUN, "2024-10-20", "day"),
    ("The talks were held last Tuesday.", "last Tuesday", SUN, "2024-10-15", "day"),
    ("The envoy will arrive next Friday.", "next Friday", WED, "2024-10-25", "day"),
    ("The government resigned on Sunday.", "on Sunday", dt.date(2025, 1, 3), "2024-12-29", "day"),
    (
        "The two leaders will sit down later Friday.",
        "later Friday",
        dt.date(2017, 7, 7),
        "2017-07-07",
        "day",
    ),
    (
        "Zarif said he would on Wednesday meet the ministers.",
        "on Wednesday",
        dt.date(2019, 9, 22),
        "2019-09-25",
        "day",
    ),
    ("The army left the port on Friday morning.", "Friday morning", WED, "2024-10-18", "day"),
    # days relative to publication
    ("The strike began today.", "today", SUN, "2024-10-20", "day"),
    ("The minister resigned yesterday.", "yesterday", SUN, "2024-10-19", "day"),
    ("Voting starts tomorrow.", "tomorrow", SUN, "2024-10-21", "day"),
    ("The ceasefire collapsed yesterday.", "yesterday", dt.date(2024, 3, 1), "2024-02-29", "day"),
    ("The ceasefire collapsed yesterday.", "yesterday", dt.date(2023, 3, 1), "2023-02-28", "day"),
    ("Currently, the envoy is in Panama.", "Currently", WED, "2024-10-23", "day"),
    # ISO weeks, with the Sunday convention
    ("The summit takes place this week.", "this week", SUN, "2024-W43", "week"),
    ("The summit takes place this week.", "this week", WED, "2024-W43", "week"),
    ("The talks collapsed last week.", "last week", WED, "2024-W42", "week"),
    ("The talks collapsed last week.", "last week", SUN, "2024-W42", "week"),
    ("A vote is expected next week.", "next week", WED, "2024-W44", "week"),
    (
        "He said earlier in the week that he would go.",
        "earlier in the week",
        SUN,
        "2024-W42",
        "week",
    ),
    ("The summit takes place this week.", "this week", dt.date(2024, 12, 30), "2025-W01", "week"),
    # weekends
    (
        "Aides worked through the weekend.",
        "the weekend",
        dt.date(2018, 7, 15),
        "2018-07-14/2018-07-15",
        "range",
    ),
    (
        "The call last weekend went badly.",
        "last weekend",
        dt.date(2019, 11, 20),
        "2019-11-16/2019-11-17",
        "range",
    ),
    # months
    ("Inflation rose this month.", "this month", WED, "2024-10", "month"),
    ("Inflation rose last month.", "last month", WED, "2024-09", "month"),
    ("The tariffs take effect next month.", "next month", WED, "2024-11", "month"),
    ("Inflation rose last month.", "last month", dt.date(2025, 1, 3), "2024-12", "month"),
    (
        "Parliament was dissolved in December.",
        "in December",
        dt.date(2025, 1, 3),
        "2024-12",
        "month",
    ),
    ("The protests began in September.", "in September", WED, "2024-09", "month"),
    ("The hearing will take place in February.", "in February", WED, "2025-02", "month"),
    ("Putin's September invitation is still open.", "September", SUN, "2024-09", "month"),
    (
        "Last November, they agreed to talk.",
        "Last November",
        dt.date(2018, 7, 15),
        "2017-11",
        "month",
    ),
    (
        "This March, the police arrested 500 people.",
        "This March",
        dt.date(2022, 4, 21),
        "2022-03",
        "month",
    ),
    (
        "Washington said it would act by the end of August.",
        "the end of August",
        dt.date(2018, 8, 12),
        "2018-08",
        "month",
    ),
    ("The plant closed in mid-September.", "mid-September", WED, "2024-09", "month"),
    # months and days with and without a year
    ("Moscow's forces invaded Ukraine in February 2022.", "February 2022", SUN, "2022-02", "month"),
    ("The vote was held on October 22, 2023.", "October 22, 2023", SUN, "2023-10-22", "day"),
    ("The vote was held on Oct. 12.", "Oct. 12", SUN, "2024-10-12", "day"),
    ("The vote was held on 12 October.", "12 October", SUN, "2024-10-12", "day"),
    ("The vote was held on 22 October 2023.", "22 October 2023", SUN, "2023-10-22", "day"),
    (
        "Tariffs start on Dec. 15 as scheduled.",
        "Dec. 15",
        dt.date(2019, 11, 20),
        "2019-12-15",
        "day",
    ),
    ("The deal was signed Feb. 29, 2024.", "Feb. 29, 2024", SUN, "2024-02-29", "day"),
    (
        "Rouhani spoke in Tehran, Friday, Sept. 27, 2019.",
        "Friday, Sept. 27, 2019",
        SUN,
        "2019-09-27",
        "day",
    ),
    # ranges
    (
        "The summit is in Kazan on Oct. 22 to 24.",
        "Oct. 22 to 24",
        SUN,
        "2024-10-22/2024-10-24",
        "range",
    ),
    ("The summit is in Kazan on Oct. 22-24.", "Oct. 22-24", SUN, "2024-10-22/2024-10-24", "range"),
    (
        "The festival ran from March 3 to March 5.",
        "March 3 to March 5",
        WED,
        "2024-03-03/2024-03-05",
        "range",
    ),
    (
        "The visit is expected between October 11 and 13.",
        "October 11 and 13",
        dt.date(2019, 10, 9),
        "2019-10-11/2019-10-13",
        "range",
    ),
    (
        "Offices close from Dec. 30 to Jan. 2.",
        "Dec. 30 to Jan. 2",
        dt.date(2024, 12, 20),
        "2024-12-30/2025-01-02",
        "range",
    ),
    ("He led the party between 2010 and 2012.", "2010 and 2012", SUN, "2010/2012", "range"),
    ("The 1980-88 war left deep scars.", "1980-88", SUN, "1980/1988", "range"),
    ("Prices doubled in the 1990s.", "the 1990s", SUN, "1990/1999", "range"),
    # years
    ("The embassy closed in 2019.", "in 2019", SUN, "2019", "year"),
    ("Russia's 2014 annexation of Crimea was condemned.", "2014", SUN, "2014", "year"),
    ("Exports fell this year.", "this year", SUN, "2024", "year"),
    ("Exports fell last year.", "last year", SUN, "2023", "year"),
    ("Exports will grow next year.", "next year", SUN, "2025", "year"),
    ("The probe was reopened earlier this year.", "earlier this year", SUN, "2024", "year"),
    # seasons: meteorological months, valued as a month range
    ("Russia will provide enough gas this winter.", "this winter", SUN, "2024-12/2025-02", "range"),
    (
        "Russia will provide enough gas this winter.",
        "this winter",
        dt.date(2025, 1, 15),
        "2024-12/2025-02",
        "range",
    ),
    ("The fires spread last summer.", "last summer", SUN, "2024-06/2024-08", "range"),
    ("The law passed in the summer of 2020.", "summer of 2020", SUN, "2020-06/2020-08", "range"),
    # ago
    ("The talks began a year ago.", "a year ago", SUN, "2023", "year"),
    ("The talks began two weeks ago.", "two weeks ago", SUN, "2024-W40", "week"),
    ("The talks began three months ago.", "three months ago", SUN, "2024-07", "month"),
    ("The talks began three days ago.", "three days ago", SUN, "2024-10-17", "day"),
    (
        "Trump left the deal over a year ago.",
        "over a year ago",
        dt.date(2019, 9, 27),
        "2018",
        "year",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expr", "published", "value", "precision"), CASES)
def test_dates_resolve_forms(
    nlp: Any, text: str, expr: str, published: dt.date, value: str, precision: str
) -> None:
    m = mention_at(nlp, text, expr, published)
    assert (m.date.value, m.date.precision) == (value, precision), m


RELATIONS = [
    ("In his first talk with Putin since May 2022, Vucic spoke.", "May 2022", "since", "2022-05"),
    ("He would announce his decision by Monday.", "Monday", "until", "2024-10-21"),
    ("The law stays in force until 2030.", "2030", "until", "2030"),
    ("The tanker was seized on July 19.", "July 19", "at", "2024-07-19"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expr", "relation", "value"), RELATIONS)
def test_dates_resolve_relations(nlp: Any, text: str, expr: str, relation: str, value: str) -> None:
    m = mention_at(nlp, text, expr, SUN)
    assert (m.relation, m.date.value) == (relation, value)


DURATIONS = [
    (
        "They spoke for the first time in two and a half years.",
        "two and a half years",
        "P2Y6M",
        913.125,
    ),
    ("The siege lasted three days.", "three days", "P3D", 3.0),
    ("He spent 29 months in jail.", "29 months", "P29M", 29 * 30.4375),
    ("The country has been an adversary for 35 years.", "35 years", "P35Y", 35 * 365.25),
    ("Networks fell offline over a three hour period.", "three hour", "PT3H", 0.125),
    ("The truce held for a year and a half.", "a year and a half", "P1Y6M", 1.5 * 365.25),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expr", "value", "days"), DURATIONS)
def test_dates_resolve_durations(nlp: Any, text: str, expr: str, value: str, days: float) -> None:
    m = mention_at(nlp, text, expr, SUN)
    assert (m.relation, m.date.value, m.date.precision) == ("duration", value, "duration")
    assert m.duration_days == pytest.approx(days)
    assert m.date.first_day() is None  # a duration covers no particular days


@pytest.mark.slow
def test_dates_resolve_anaphora_counts_from_the_previous_date(nlp: Any) -> None:
    text = (
        "On Oct. 5, 2023, the army crossed the border. The previous day, talks had failed. "
        "Two days later, the capital fell. The following week, the envoy returned."
    )
    assert mention_at(nlp, text, "The previous day", SUN).date.value == "2023-10-04"
    later = mention_at(nlp, text, "Two days later", SUN)
    assert (later.date.value, later.reference) == ("2023-10-06", "anchor")
    assert mention_at(nlp, text, "The following week", SUN).date.value == "2023-W41"


@pytest.mark.slow
def test_dates_resolve_without_reference_keeps_absolute_dates(nlp: Any) -> None:
    text = (
        "The ministers met on Thursday. Moscow's forces invaded Ukraine in February 2022. "
        "The talks collapsed last week after two and a half years."
    )
    thursday = mention_at(nlp, text, "on Thursday", None)
    assert (thursday.date.value, thursday.date.precision) == (None, "unresolved")
    assert thursday.reference is None
    assert mention_at(nlp, text, "last week", None).date.precision == "unresolved"
    february = mention_at(nlp, text, "February 2022", None)
    assert (february.date.value, february.date.precision) == ("2022-02", "month")
    assert mention_at(nlp, text, "two and a half years", None).date.value == "P2Y6M"


def test_dates_month_range_cut_at_and_resolves_the_first_month(nlp) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from tidings.dates import resolve_dates
    from tidings.model import Article

    art = Article.from_paragraphs(
        "h",
        ["Sales rose in July and August, the firm said."],
        title=None,
        published=dt.date(2024, 10, 20),
    )
    values = [m.date.value for m in resolve_dates(nlp(art.body), art)]
    assert "2024-07" in values
