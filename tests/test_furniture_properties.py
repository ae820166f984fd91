"""Whatever text comes in, split_article returns without error and only lines of its input,
each line exactly once (as title, credit, byline, paragraph or furniture)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.extract.furniture import line_score, split_article

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits on
LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=LINE_BREAKS),
    max_size=120,
)
WORDS = st.sampled_from([
    "Subscribe", "Monthly", "$5", "said", "the", "minister", "Read more:", "we", "our",
    "newsletter", "Photo:", "By", "Jane", "Doe", "cookies", "Reuters", ".", ",", "vucic.rs",
    "support", "Continue", "{", "}", "|", "€10", "2024-10-20", "“quoted”",
])  # fmt: skip
WORDY_LINE = st.lists(WORDS, max_size=30).map(" ".join)


def _accounted(text: str, title_hint: str | None = None) -> None:
    parts = split_article(text, title_hint=title_hint)
    inputs = Counter(ln.strip() for ln in text.splitlines() if ln.strip())
    outputs = Counter(parts.paragraphs + parts.furniture)
    for extra in (parts.title, parts.credit, parts.byline):
        if extra is not None:
            outputs[extra] += 1
    assert outputs == inputs


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=25), st.none() | LINE)
def test_any_text_is_split_into_its_own_lines(lines: list[str], hint: str | None) -> None:
    _accounted("\n".join(lines), hint)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDY_LINE, max_size=40))
def test_furniture_like_text_is_split_into_its_own_lines(lines: list[str]) -> None:
    _accounted("\n\n".join(lines))


@given(LINE)
def test_a_line_alone_always_has_a_finite_score(line: str) -> None:
    score = line_score(line)
    assert score == score and abs(score) < 1e6
