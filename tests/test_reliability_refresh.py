"""A refresh cut short (crash, kill) is finished by the next ingest, even with 0 new."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tidings.errors import TidingsError
from tidings.model import Analysis, Document
from tidings.store import Store
from tidings.store import timeline_tables as T
from tidings.store.ingest import ingest
from tidings.timeline import storage as S
from tidings.timeline.refresh import refresh
from timeline_support import IVA, MARKO, OTHER, WIRE, analysis, event


def _analyses() -> list[Analysis]:
    return [
        analysis("first", WIRE, "2024-03-12", "Eldoria Daily", [
            event("CONSULT", MARKO, IVA, "2024-03-12", mode="phone"),
            event("CONSULT", MARKO, IVA, "2023-04", "month", aux="historical"),
        ]),
        analysis("second", OTHER + WIRE[:1], "2024-03-13", "Korvia News", [
            event("CONSULT", IVA, MARKO, "2024-03-13"),
            event("ACCUSE", IVA, MARKO, "2023", "year", aux="historical"),
        ]),
        # The same story reprinted: an exact duplicate of "first".
        analysis("reprint", WIRE, "2024-03-14", "Reprint Times", [
            event("CONSULT", MARKO, IVA, "2024-03-12", mode="phone"),
        ]),
    ]  # fmt: skip


class _Canned:
    """An analyzer answering with prepared analyses (no NLP)."""

    def __init__(self, analyses: list[Analysis]) -> None:
        self.by_hash = {a.document.content_hash: a for a in analyses}

    def analyze_many(
        self, documents: Iterable[Document | TidingsError]
    ) -> Iterator[Analysis | TidingsError]:
        for d in documents:
            yield d if isinstance(d, TidingsError) else self.by_hash[d.content_hash]


def _run(db: Path) -> Any:
    analyses = _analyses()
    with Store(db) as store:
        return ingest(store, [a.document for a in analyses], lambda: _Canned(analyses),
                      refresh=refresh)  # fmt: skip


def _derived(db: Path) -> dict[str, Any]:
    with Store(db) as store:
        con = store.con
        return {
            "counts": T.timeline_counts(store),
            "duplicates": [(d.doc_id, d.duplicate_of, d.exact) for d in T.duplicates(store)],
            "instances": con.execute(
                "SELECT instance_id, reports, articles, independent FROM instances"
                " ORDER BY instance_id"
            ).fetchall(),
            "findings": con.execute("SELECT text FROM findings ORDER BY text").fetchall(),
            "signatures": con.execute("SELECT count(*) FROM article_signatures").fetchone(),
            "pending": store.refresh_pending(),
        }


class _Crash(RuntimeError):
    pass


def _boom(*args: Any, **kwargs: Any) -> None:
    raise _Crash("simulated crash inside the refresh")


@pytest.mark.parametrize(
    "module, where",
    [(T, "write_duplicates"), (S, "replace_timeline"), (S, "candidate_signatures")],
)
def test_reliability_interrupted_refresh_is_finished_by_the_next_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: Any, where: str
) -> None:
    clean = tmp_path / "clean.duckdb"
    counts = _run(clean)
    assert counts.stored == 3
    expected = _derived(clean)
    assert expected["duplicates"] and expected["findings"] and not expected["pending"]

    db = tmp_path / "crashed.duckdb"
    with monkeypatch.context() as m:
        m.setattr(module, where, _boom)
        with pytest.raises(_Crash):
            _run(db)
    crashed = _derived(db)
    assert crashed["pending"]  # the articles are stored, their derived rows are not current
    assert crashed["findings"] == [] and crashed["instances"] == []

    again = _run(db)  # nothing new to store, but the refresh is finished
    assert (again.stored, again.present) == (0, 3)
    assert again.timeline
    assert _derived(db) == expected


def test_reliability_no_refresh_when_nothing_pending(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    _run(db)
    again = _run(db)
    assert again.stored == 0 and again.timeline == ""


def test_reliability_failed_write_leaves_no_marker(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        assert not store.refresh_pending()
        store.save_many(_analyses()[:1])
        assert store.refresh_pending()
        refresh(store)
        assert not store.refresh_pending()
