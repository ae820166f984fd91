"""The comparison rules under the scorer: tokens, lines, names, dates."""

from __future__ import annotations

import pytest

from tidings.evaluation import matching
from tidings.model import DateValue


def test_matching_tokens_are_lowercased_word_runs() -> None:
    assert matching.tokens("Vucic's \u201cfirst\u201d talk — in 2.5 years!") == [
        "vucic", "s", "first", "talk", "in", "2", "5", "years",
    ]  # fmt: skip


def test_matching_token_f1_is_a_bag_of_words_score() -> None:
    assert matching.token_f1("a b b c", "c b a b") == 1.0
    assert matching.token_f1("a b", "a") == pytest.approx(2 / 3)
    assert matching.token_f1("a", "") == 0.0
    assert matching.token_f1("", "") == 1.0


def test_matching_body_lines_keep_unicode_line_separators_inside_a_line() -> None:
    body = "First\u2028 line  of text\n\nSecond\u00a0line"
    assert matching.body_lines(body) == {"first line of text", "second line"}


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("Aleksandar Vucic", "Vucic", True),
        ("Aleksandar Vucic", "President Vučić", True),
        ("Kremlin", "The Kremlin", True),
        ("Vladimir Putin", "Vladimir Putin's", False),  # trailing "s" token is not the surname
        ("Vladimir Putin", "Dmitry Peskov", False),
        ("Vladimir Putin", None, False),
    ],
)
def test_matching_names_agree_on_surname(gold: str, pred: str | None, ok: bool) -> None:
    assert matching.names_agree(gold, pred) is ok


@pytest.mark.parametrize(
    ("gold", "value", "precision", "ok"),
    [
        ("2024-10-20", "2024-10-20", "day", True),
        ("2024-10-20", "2024-10-21", "day", False),
        ("2024-10-20", "2024-10", "month", False),
        ("2024-W43", "2024-10-22", "day", True),
        ("2024-W43", "2024-10-20", "day", False),  # a Sunday: the end of week 42
        ("2024-W43", "2024-W43", "week", True),
        ("2024", "2024-06", "month", True),
        ("2024-10-22/2024-10-24", "2024-10-22/2024-10-24", "range", True),
        ("2024-10-22/2024-10-24", "2024-10-22", "day", False),
        ("2022-05", None, "unresolved", False),
        ("2022-05", "P2Y", "duration", False),
    ],
)
def test_matching_dates_compare_at_gold_precision(
    gold: str, value: str | None, precision: str, ok: bool
) -> None:
    assert matching.date_matches(gold, DateValue(value, precision)) is ok  # type: ignore[arg-type]


def test_matching_null_gold_date_wants_no_value() -> None:
    assert matching.date_matches(None, None)
    assert matching.date_matches(None, DateValue(None, "unresolved"))
    assert not matching.date_matches(None, DateValue("2024-10-20", "day"))


def test_matching_date_values_equal_by_span_or_duration() -> None:
    assert matching.date_value_equal("2024-W43", DateValue("2024-10-21/2024-10-27", "range"))
    assert not matching.date_value_equal("2024-W43", DateValue("2024-10-21", "day"))
    assert matching.date_value_equal("P2Y6M", DateValue("P2Y6M", "duration"))
    assert matching.date_value_equal("P2Y6M", DateValue(None, "duration"), 913.0)
    assert not matching.date_value_equal("P2Y6M", DateValue(None, "duration"), 730.0)
    assert matching.date_value_equal("P2Y6M", DateValue("P30M", "duration"))
