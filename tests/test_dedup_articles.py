"""Duplicate articles: exact and near copies are linked to the first stored copy; the
events they repeat merge into the same instances; different articles stay apart."""

from __future__ import annotations

from pathlib import Path

from tidings.store import Store
from tidings.store import timeline_tables as T
from tidings.timeline.dedup import near_duplicate, signature, similarity
from tidings.timeline.refresh import refresh
from tidings.timeline.storage import instances_for_pair
from timeline_support import IVA, MARKO, OTHER, WIRE, analysis, event


def test_dedup_near_copy_scores_high_and_other_story_low() -> None:
    original = signature("a", "\n\n".join(WIRE))
    trimmed = signature("b", "\n\n".join(WIRE[:3]) + "\n\nReporting by a local stringer.")
    other = signature("c", "\n\n".join(OTHER))
    assert near_duplicate(trimmed, original) is not None  # the tail cut: contained
    assert near_duplicate(original, other) is None
    assert similarity(original.minhash, other.minhash) < 0.1


def test_dedup_exact_copy_ignores_punctuation_and_spacing() -> None:
    a = signature("a", "\n\n".join(WIRE))
    b = signature("b", "  ".join(p.replace(",", " ,").upper() for p in WIRE))
    assert a.body_hash == b.body_hash


def test_dedup_links_copies_across_ingests_and_merges_their_events(tmp_path: Path) -> None:
    call = "2024-03-12"
    with Store(tmp_path / "d.duckdb") as store:
        store.save(analysis("wire", WIRE, call, "Wire Service",
                            [event("CONSULT", MARKO, IVA, call, mode="phone")]))  # fmt: skip
        store.save(analysis("floods", OTHER, call, "Eldoria Daily"))
        first = refresh(store)
        assert first.signed == 2 and first.exact_duplicates == first.near_duplicates == 0
        # A later ingest: one outlet reprints the wire story verbatim, another trims it.
        store.save(analysis("reprint", [p.replace("  ", " ") for p in WIRE], "2024-03-13",
                            "Daily Reprint", [event("CONSULT", MARKO, IVA, call)]))  # fmt: skip
        store.save(analysis("trimmed", WIRE[:3] + ["Reporting by a local stringer."],
                            "2024-03-13", "Trimmed Times",
                            [event("CONSULT", IVA, MARKO, call)]))  # fmt: skip
        second = refresh(store)
        assert second.signed == 2
        assert (second.exact_duplicates, second.near_duplicates) == (1, 1)
        links = {d.doc_id: d for d in T.duplicates(store)}
        wire_id = store.con.execute("SELECT doc_id FROM articles WHERE title = 'wire'").fetchone()[
            0
        ]  # type: ignore[index]
        assert {d.duplicate_of for d in links.values()} == {wire_id}
        assert sorted(d.exact for d in links.values()) == [False, True]
        floods_id = store.con.execute(
            "SELECT doc_id FROM articles WHERE title = 'floods'"
        ).fetchone()[0]  # type: ignore[index]
        assert floods_id not in links
        (inst,) = instances_for_pair(store, "c:ELDGOV|c:KORGOV")
        # Linked, not double-counted: one instance, three reports, one independent article.
        assert len(inst.sources) == 3 and inst.articles == 3 and inst.independent == 1
        row = store.con.execute("SELECT reports, articles, independent FROM instances").fetchone()
        assert row == (3, 3, 1)
        assert refresh(store).signed == 0  # nothing new to sign
