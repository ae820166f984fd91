"""Shared fixtures: the seed, the ../shared data (skipped when absent), the spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "000_c9068389083bc5e7.txt"
SEED_PUBLISHED = "2024-10-20"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; tests that need it are skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent: shared-data tests need it beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from tidings.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from tidings.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_analysis(pipeline):  # type: ignore[no-untyped-def]
    from tidings.sources import iter_documents

    (doc,) = list(
        iter_documents([str(SEED)], {"published": SEED_PUBLISHED, "publisher": "The Moscow Times"})
    )
    return pipeline.analyze(doc)
