"""Schemathesis over the OpenAPI document: no generated request gets a 5xx answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from tidings.web import create_app, store_snapshot
from web_support import build_store, write_hostile

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("web_schema")
    store: Path = build_store(folder / "web.duckdb", pipeline, write_hostile(folder / "in"))
    snapshot = store_snapshot(store)
    snapshot.open()
    try:
        yield schemathesis.openapi.from_asgi("/api/openapi.json", create_app(snapshot, watch=False))
    finally:
        snapshot.close()


MODES = ("positive", "negative")


@pytest.mark.parametrize("mode", MODES)
def test_web_api_answers_no_server_error(web_schema: Any, mode: str) -> None:
    """Every operation, with valid (positive) and invalid (negative) generated requests.

    Schemathesis' pytest plugin does not run under this pytest, so its strategies are
    driven by hypothesis directly, one operation after another."""
    generation = schemathesis.GenerationMode(mode)
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @settings(max_examples=30, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(case=operation.as_strategy(generation_mode=generation))
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} {case.query}: "
                f"{response.status_code} {response.text[:300]}"
            )
            if response.status_code >= 400:
                body = response.json()
                assert body["ok"] is False and body["status"] == response.status_code

        try:
            check()
        except Unsatisfiable:  # nothing of this operation can be made invalid (no parameters)
            assert mode == "negative" and not operation.query and not operation.path_parameters
