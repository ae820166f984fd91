"""The REST API and pages in-process: the same records as the CLI, filters, validation,
pagination, downloads, search, actors, security headers and the one error shape."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tidings.api import Tidings
from tidings.cli import app as cli
from tidings.model import PLOVER_TYPES
from tidings.shapes import names
from tidings.web import create_app, store_snapshot
from web_support import SEED_TITLE, build_store, write_hostile

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    folder = tmp_path_factory.mktemp("web_api")
    return build_store(folder / "web.duckdb", pipeline, write_hostile(folder / "in"))


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    app = create_app(store_snapshot(store), watch=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.snapshot.close()


@pytest.fixture(scope="module")
def seed_id(client: TestClient) -> str:
    items = client.get("/api/articles").json()["items"]
    return next(a["id"] for a in items if a["title"] == SEED_TITLE)


def _cli_json(*argv: str) -> list[Any]:
    result = CliRunner().invoke(cli, list(argv))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("url", "params", "argv"),
    [
        ("/api/events", {"actor": "Vucic"}, ["events", "--actor", "Vucic"]),
        (
            "/api/events",
            {"type": "CONSULT", "mode": "phone"},
            ["events", "--type", "CONSULT/phone"],
        ),
        ("/api/quotes", {"speaker": "SRB"}, ["quotes", "--speaker", "SRB"]),
        ("/api/findings", {"since": "2024"}, ["findings", "--since", "2024"]),
    ],
)
def test_web_lists_are_the_cli_records(
    client: TestClient, store: Path, url: str, params: dict[str, str], argv: list[str]
) -> None:
    served = client.get(url, params={**params, "limit": 1000}).json()["items"]
    expected = _cli_json(*argv, "--json", "--db", str(store))
    if url == "/api/findings":  # the web lists the newest first
        expected.reverse()
    assert served and served == expected
    kind = url.rsplit("/", 1)[1]
    assert all(list(r) == list(names(kind)) for r in served)


def test_web_article_is_show_json(client: TestClient, store: Path, seed_id: str) -> None:
    served = client.get(f"/api/articles/{seed_id[:12]}").json()
    assert served == _cli_json("show", seed_id[:12], "--json", "--db", str(store))[0]
    listed = client.get("/api/articles", params={"limit": 1000}).json()["items"]
    assert served["article"] == next(a for a in listed if a["id"] == seed_id)


def test_web_articles_are_the_exported_records(client: TestClient, store: Path) -> None:
    served = client.get("/api/articles", params={"limit": 1000}).json()["items"]
    with Tidings(store, read_only=True) as api:
        expected = json.loads(json.dumps(api.articles().to_dicts(), default=str))
    assert served == expected and list(served[0]) == list(names("articles"))


def test_web_offset_pages_are_the_api_slices(client: TestClient, store: Path) -> None:
    with Tidings(store, read_only=True) as api:
        every = [e["id"] for e in api.events().to_dicts()]
        page = [e["id"] for e in api.events(limit=3, offset=2).to_dicts()]
    assert page == every[2:5]
    served = client.get("/api/events", params={"limit": 3, "offset": 2}).json()["items"]
    assert [e["id"] for e in served] == page


def test_web_article_has_body_furniture_quotes_events_offsets(
    client: TestClient, seed_id: str
) -> None:
    a = client.get(f"/api/articles/{seed_id[:12]}").json()
    assert a["article"]["id"] == seed_id
    assert len(a["quotes"]) == 5
    assert "Support The Moscow Times!" in a["article"]["furniture"]
    body = a["article"]["body"]
    for q in a["quotes"]:
        assert body[q["start"] : q["end"]] == q["text"]
    consult = next(e for e in a["events"] if e["event"] == "CONSULT" and e["date"] == "2022-05")
    assert "since May 2022" in body[consult["sentence_start"] : consult["sentence_end"]]
    assert any(f["kind"] == "contact_gap" for f in a["findings"])


def test_web_unknown_type_is_422_listing_the_valid_ones(client: TestClient) -> None:
    r = client.get("/api/events", params={"type": "PARLEY"})
    assert r.status_code == 422
    body = r.json()
    assert set(body) == {"ok", "status", "error", "errors"} and body["ok"] is False
    assert all(t in body["error"] for t in PLOVER_TYPES)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events?since=2024-13", 422),
        ("/api/articles/0123456789abcdef", 404),
        ("/api/articles/..%2F..%2Fetc%2Fpasswd", 404),
        ("/api/actors/Nobody%20Atall", 404),
        ("/api/events?actor=Putn", 422),
        ("/api/timeline?a=Nobody&b=Putin", 422),
        ("/api/events?offset=-1", 422),
        ("/api/nothing", 404),
        ("/api/events?limit=0", 422),
    ],
)
def test_web_errors_have_one_shape(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_web_pages_follow_next_links(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/events?limit=3"
    while url:
        page = client.get(url).json()
        seen.extend(e["id"] for e in page["items"])
        url = page["next"]
    every = [e["id"] for e in client.get("/api/events?limit=1000").json()["items"]]
    assert seen == every and len(every) > 3


def test_web_mode_filter(client: TestClient) -> None:
    items = client.get("/api/events", params={"mode": "phone"}).json()["items"]
    assert items and all(e["mode"] == "phone" for e in items)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_web_downloads_hold_the_list(client: TestClient, fmt: str) -> None:
    r = client.get("/api/quotes", params={"format": fmt})
    assert r.status_code == 200
    assert f'filename="quotes.{fmt}"' in r.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in r.text.splitlines()]
    else:
        rows = pq.read_table(io.BytesIO(r.content)).to_pylist()
    listed = client.get("/api/quotes?limit=1000").json()["items"]
    assert [row["id"] for row in rows] == [q["id"] for q in listed]


def test_web_timeline_has_months_instances_findings(client: TestClient) -> None:
    line = client.get("/api/timeline", params={"a": "Vucic", "b": "Putin"}).json()
    months = {m["month"] for m in line["months"]}
    assert {"2022-05", "2024-10"} <= months
    assert any("first contact since 2022-05" in f["text"] for f in line["findings"])
    report = line["instances"][0]["reports"][0]
    assert report["sentence_end"] > report["sentence_start"]


def test_web_search_articles_and_quotes(client: TestClient, seed_id: str) -> None:
    hits = client.get("/api/search", params={"q": "sanctions Serbia"}).json()["items"]
    assert hits[0]["id"] == seed_id and "sanctions" in hits[0]["snippet"].lower()
    assert list(hits[0])[1:-1] == list(names("articles"))  # score, the record, snippet
    phrase = client.get("/api/search", params={"q": '"will not change"', "kind": "quotes"})
    (quote,) = phrase.json()["items"]
    assert quote["speaker_code"] == "SRBGOV"
    assert list(quote)[1:-1] == list(names("quotes"))
    none = client.get("/api/search", params={"q": '"change will not"', "kind": "quotes"})
    assert none.json()["items"] == []


def test_web_actor_search_and_page(client: TestClient) -> None:
    found = client.get("/api/actors", params={"q": "vučić"}).json()["items"]
    assert found[0]["name"] == "Aleksandar Vucic" and "SRBGOV" in found[0]["codes"]
    by_code = client.get("/api/actors", params={"q": "RUS"}).json()["items"]
    assert any(a["name"] == "Vladimir Putin" for a in by_code)
    page = client.get("/api/actors/Aleksandar Vucic").json()
    assert page["offices"][0]["code"] == "SRBGOV"
    assert any(d["name"] == "Vladimir Putin" for d in page["dyads"])
    assert len(page["quotes"]) >= 3


def test_web_findings_newest_first(client: TestClient) -> None:
    items = client.get("/api/findings").json()["items"]
    days = [f["first_day"] for f in items]
    assert len(days) > 1 and days == sorted(days, reverse=True)


def test_web_headers_forbid_inline_script(client: TestClient, seed_id: str) -> None:
    r = client.get(f"/articles/{seed_id}")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_web_hostile_text_is_escaped(client: TestClient) -> None:
    items = client.get("/api/articles").json()["items"]
    hostile = [a for a in items if "Valdoria" in (a["title"] or "") + (a["publisher"] or "")
               or "Harbour" in (a["title"] or "")]  # fmt: skip
    assert len(hostile) == 2
    for a in hostile:
        html = client.get(f"/articles/{a['id']}").text
        assert "<script>window" not in html and 'onerror="window' not in html
        assert 'href="javascript:' not in html.lower()
        assert "&lt;script&gt;" in html or "&lt;img" in html


def test_web_writes_nothing(client: TestClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/articles")
        assert r.status_code == 405


def test_web_static_is_a_table_not_the_file_system(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/..%2F..%2Fapp.py").status_code == 404
    assert client.get("/static/__init__.py").status_code == 404


def test_web_pages_render(client: TestClient, seed_id: str) -> None:
    for url in ("/", "/articles", f"/articles/{seed_id}", "/timeline?a=Vucic&b=Putin",
                "/actors?q=Putin", "/actors/Vladimir Putin", "/search?q=gas",
                "/search?q=sanctions&kind=quotes", "/findings", "/events?type=CONSULT",
                "/findings?kind=", "/articles?since=&until="):  # fmt: skip
        r = client.get(url)
        assert r.status_code == 200, url
        assert "<h1>" in r.text
    assert client.get("/events?type=PARLEY").status_code == 422
