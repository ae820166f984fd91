"""The reads the web needs, in the library API: pages with offset, findings newest first
and by instance, actors with their codes over time and their dyads, full-text search."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_store_samples import all_samples
from tidings.api import Tidings
from tidings.errors import InputError, StoreError
from tidings.shapes import names


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("reads") / "r.duckdb")
    with Tidings(path) as api:
        api.store.save_many(all_samples())
        api.refresh()
    return path


def test_offset_pages_are_slices_of_the_whole_list(db: str) -> None:
    with Tidings(db, read_only=True) as api:
        for read in (api.events, api.quotes, api.articles, api.findings):
            every = [r["id"] for r in read().to_dicts()]
            assert [r["id"] for r in read(limit=2, offset=1).to_dicts()] == every[1:3]
            assert [r["id"] for r in read(offset=len(every)).to_dicts()] == []
        with pytest.raises(InputError, match="offset"):
            api.events(offset=-1)


def test_findings_newest_first_and_by_instance(db: str) -> None:
    with Tidings(db, read_only=True) as api:
        oldest = list(api.findings())
        assert list(api.findings(newest_first=True)) == oldest[::-1]
        assert list(api.findings(since="2024")) == [f for f in oldest
                                                    if f["first_day"] >= "2024-01-01"]  # fmt: skip
        line = api.timeline("Vucic", "Putin")
        about = api.instance_findings(i.id for i in line.instances)
        ids = {i.id for i in line.instances}
        assert about and all(f["instance_id"] in ids for f in about)
        assert all(list(f) == list(names("findings")) for f in about)
        assert list(api.instance_findings([])) == []


def test_actors_their_codes_and_partners(db: str) -> None:
    with Tidings(db, read_only=True) as api:
        (vucic,) = [a for a in api.actors("vucic") if a["name"] == "Aleksandar Vučić"]
        assert "SRBGOV" in vucic["codes"] and vucic["articles"] >= 1
        assert vucic["first_seen"] <= vucic["last_seen"]
        assert any(a["name"] == "Vladimir Putin" for a in api.actors("RUS"))
        assert list(api.actors("RUSGOV", limit=1, offset=0)) == list(api.actors("RUSGOV"))[:1]
        offices = api.offices("aleksandar VUCIC")
        assert offices and {o["name"] for o in offices} == {"Aleksandar Vučić"}
        assert [o["first_seen"] for o in offices] == sorted(o["first_seen"] for o in offices)
        assert list(api.offices("Nobody Atall")) == []
        partners = api.partners("Aleksandar Vučić")
        putin = next(p for p in partners if p["name"] == "Vladimir Putin")
        assert putin["code"] == "RUSGOV" and putin["events"] >= 1 and putin["last_date"]
        with pytest.raises(InputError):
            api.actors("  ")
        # one actor as the web pages show it: the same reads, under the name as stored
        profile = api.actor("aleksandar VUCIC", quotes=2)
        assert profile is not None and profile["name"] == "Aleksandar Vučić"
        assert profile["offices"] == list(offices) and profile["dyads"] == list(partners)
        assert 1 <= len(profile["quotes"]) <= 2
        assert api.actor("Nobody Atall") is None


def test_search_needs_an_index_built_where_one_may_write(db: str, tmp_path: Path) -> None:
    with Tidings(db, read_only=True) as api, pytest.raises(StoreError, match="no search index"):
        api.search("Putin")
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(db).read_bytes())
    with Tidings(copy) as api:
        api.build_search_index()
        hits = api.search("gas supplies", kind="quotes")
        assert hits and all(list(h)[0] == "score" for h in hits)
        assert all(list(h)[1:] == list(names("quotes")) for h in hits)
        assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
        articles = api.search("Putin")
        assert articles and list(articles[0])[1:] == list(names("articles"))
        assert api.search_terms('Vučić "will not change"').words[0] == "vucic"
        before = list(api.search("Putin"))
        api.build_search_index()  # up to date already: the same answers
        assert list(api.search("Putin")) == before
        with pytest.raises(InputError, match="search articles or quotes"):
            api.search("Putin", kind="events")
