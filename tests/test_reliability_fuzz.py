"""A small fuzz budget over every reader (``make fuzz`` runs a long one and writes
bench/results/reliability.md): mutated, generated inputs of every kind through the
ingest path, each judged for tracebacks, unstorable items and silent data loss.

``TIDINGS_FUZZ_EXAMPLES`` raises the budget; the examples are derandomised, so a run is
reproducible (a failure shrinks to a small input that hypothesis prints).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tidings.benchmarks.reliability import KINDS, SEEDS, Case, cases, check, mutate

EXAMPLES = int(os.environ.get("TIDINGS_FUZZ_EXAMPLES", "300"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])  # fmt: skip
@given(case=cases())
def test_reliability_fuzz_every_reader(
    case: Case, tmp_path_factory: pytest.TempPathFactory
) -> None:
    verdict = check(case, tmp_path_factory.mktemp("fuzz"))
    assert not verdict.failure, verdict.failure
    assert not verdict.lost, verdict.lost


@pytest.mark.parametrize("kind", KINDS)
def test_reliability_fuzz_seeds_read_whole(kind: str, tmp_path: Path) -> None:
    """The unmutated seeds read without a single error, every record found."""
    for n, seed in enumerate(SEEDS[kind]):
        markers = [m for m in seed.markers if m]
        case = Case(kind, n, "whole", seed.build(), seed.suffix, markers)
        verdict = check(case, tmp_path)
        assert not verdict.failure and not verdict.lost, (verdict.failure, verdict.lost)
        assert verdict.errors == 0 and verdict.documents >= 1


def test_reliability_fuzz_mutations_apply_anywhere() -> None:
    data = b"0123456789"
    for op in ("flip", "insert", "token", "delete", "repeat", "truncate", "splice", "swap"):
        for where in (0.0, 0.5, 1.0):
            out = mutate(data, [(op, where, 0.3, 7, b"xy")], b"other")
            assert isinstance(out, bytes)
    assert mutate(b"", [("flip", 0.5, 0.5, 1, b"")], b"") == b""


@pytest.mark.parametrize(
    "name, data",
    [
        ("cp1251.rss", "<?xml version='1.0' encoding='windows-1251'?><rss version='2.0'>"
         "<channel><title>T</title><item><title>Жители</title><description>Жители города"
         "</description></item></channel></rss>"),
        ("slow.rss", None),  # chardet's quadratic word filter: minutes before the fix
    ],
)  # fmt: skip
def test_reliability_feed_charsets_without_chardet(name: str, data: str | None,
                                                   tmp_path: Path) -> None:  # fmt: skip
    from tidings.model import Document
    from tidings.sources import iter_documents

    path = tmp_path / name
    if data is not None:
        path.write_bytes(data.encode("cp1251"))
        (doc,) = list(iter_documents([str(path)]))
        assert isinstance(doc, Document) and doc.content == "Жители города"
        return
    import feedparser.encodings as fe

    called: list[bytes] = []
    original = fe.lazy_chardet_encoding
    fe.lazy_chardet_encoding = lambda d: called.append(d) or ""  # type: ignore[assignment,func-returns-value]
    try:
        body = b"<p>" + b"a" * 20_000 + b"\xe4 river library</p>"
        path.write_bytes(b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
                         b"<item><title>S</title><description>" + body +
                         b"</description></item></channel></rss>")  # fmt: skip
        items = list(iter_documents([str(path)]))
    finally:
        fe.lazy_chardet_encoding = original
    assert not called  # feedparser never falls back to guessing
    assert len(items) == 1 and isinstance(items[0], Document)
    assert "river library" in items[0].content
