"""The code-line test is linear on long adversarial lines and matches what the old
(backtracking) pattern matched on ordinary input."""

from __future__ import annotations

import random
import re

import pytest

from tidings.extract.line_features import (
    CODE,
    DOMAIN,
    PAREN,
    has_parenthesis,
    line_features,
    looks_like_code,
)

OLD = re.compile(
    r"[{};]\s*$|^\s*[{}<\]/]|</?\w+[^>]*>|\w+\(.*\)\s*[;{]?$|"
    r"\b(?:const|var|let|def|return|function|import|class)\b\s+\w+\s*[=(:{]|"
    r"\w+=\"|=>|==|!=|&&|\|\|"
)
PIECES = ["a", "b", "x1", " ", "  ", "\t", "\n", "(", ")", ";", "{", "}", "<", ">", "/",
          "]", "=", '"', "!", "&", "|", "const ", "return ", "def ", "é", ".", ",", "-",
          "_"]  # fmt: skip


def test_reliability_code_same_matches_as_the_old_pattern() -> None:
    rng = random.Random(13)
    lines = [
        "var x = 1;", "if (ready) {", "print(value)", "</div>", "<a href=x>", "} else {",
        "a == b", "x => y", "name=\"v\"", "def main(args):", "He said (quietly) no.",
        "The talks (held in Oslo) ended;", "Prices rose 3% in May.", "<3 you", "f(x) ;",
        "f(x)\n;", "f(\nx);", "call(x); ", "  ]", "a && b || c",
    ]  # fmt: skip
    lines += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    for line in lines:
        assert looks_like_code(line) == bool(OLD.search(line)), repr(line)


def test_reliability_code_pattern_has_no_rescanning_quantifiers() -> None:
    # Structural: no "\w+" or ".*" that the engine could restart at every position and run
    # to the end of the line (the source of the quadratic time).
    assert r"\w+(" not in CODE.pattern and ".*" not in CODE.pattern
    assert r"[^>]*" not in CODE.pattern and r"\w+=" not in CODE.pattern


@pytest.mark.parametrize(
    "line",
    ["a" * 80_000 + ";", "f(" * 40_000 + ";", " <a" * 30_000 + ";", "x=" * 40_000 + ";",
     "const " + "a" * 80_000 + ";", "a(" + " " * 80_000 + ";", "(a" * 40_000 + ")x;"],
)  # fmt: skip
def test_reliability_code_long_adversarial_lines_finish(line: str) -> None:
    # Would take minutes with the old pattern; with a linear one, milliseconds.
    looks_like_code(line)
    line_features(line)


OLD_DOMAIN = re.compile(
    r"https?://|www\.|\b[\w-]+\.(?:com|org|net|io|co|rs|ru|uk|de|fr|info|news|gov|edu|tv|me|"
    r"ly|us|ca|au|in|eu)\b",
    re.IGNORECASE,
)
DOMAIN_PIECES = ["a", "Z", "1", "-", "--", ".", ".com", ".CO", ".news", "www.", "http://",
                 " ", "_", "é", "/", ".ru", "x."]  # fmt: skip


def test_reliability_domain_and_parenthesis_same_as_old_patterns() -> None:
    rng = random.Random(7)
    for _ in range(20000):
        line = "".join(rng.choice(DOMAIN_PIECES) for _ in range(rng.randint(1, 10)))
        assert bool(DOMAIN.search(line)) == bool(OLD_DOMAIN.search(line)), repr(line)
        paren = "".join(rng.choice("ab( )") for _ in range(rng.randint(1, 10)))
        assert has_parenthesis(paren) == bool(PAREN.search(paren)), repr(paren)


@pytest.mark.parametrize(
    "line", ["a-" * 40_000 + ".", "(" * 80_000 + ";", "f(" * 40_000 + "a", "a." * 40_000]
)
def test_reliability_line_features_long_adversarial_lines_finish(line: str) -> None:
    line_features(line)
