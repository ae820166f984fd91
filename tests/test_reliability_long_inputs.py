"""One article over the NLP limit, or one oversized JSON record, costs only itself."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tidings.errors import InputError, StageError, TidingsError
from tidings.model import Analysis, Document
from tidings.sources.dispatch import iter_documents
from tidings.sources.text import read_jsonl, sha256

PARAGRAPH = (
    "The minister of finance said on Monday that the government would present a new budget "
    "to parliament next month, after weeks of talks with the unions and the central bank."
)


def _doc(name: str, paragraphs: int) -> Document:
    text = "\n\n".join(f"{PARAGRAPH} ({name} {n})" for n in range(paragraphs))
    return Document(source=f"{name}.txt", content_hash=sha256(text.encode()), format="text",
                    content=text)  # fmt: skip


def test_reliability_article_over_nlp_limit_is_one_error_batch_goes_on(
    pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline.nlp, "max_length", 5_000)
    docs = [_doc("small1", 2), _doc("huge", 200), _doc("small2", 3)]
    results = list(pipeline.analyze_many(docs))
    assert isinstance(results[0], Analysis) and isinstance(results[2], Analysis)
    error = results[1]
    assert isinstance(error, InputError) and error.source == "huge.txt"
    assert "over the 5,000-character limit of the NLP stage" in str(error)
    assert "\n" not in str(error)


class _Poisoned:
    """spaCy stand-in: fails on one text, as spaCy's E088 or a model bug would."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.max_length = nlp, 10**9

    def pipe(self, texts: list[str], batch_size: int = 8) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    def __call__(self, text: str) -> Any:
        if "poison" in text:
            raise ValueError("[E088] Text of length 2000000 exceeds maximum of 1000000.")
        return self.nlp(text)


def test_reliability_nlp_failure_on_one_text_costs_only_that_text(
    pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "nlp", _Poisoned(pipeline.nlp))
    text = _doc("bad", 2).content.replace("finance", "poison")
    bad = Document(source="bad.txt", content_hash="x" * 64, format="text", content=text)
    results = list(pipeline.analyze_many([_doc("a", 2), bad, _doc("b", 2)]))
    assert [type(r) for r in results] == [Analysis, StageError, Analysis]
    assert results[1].source == "bad.txt" and "E088" in str(results[1])  # type: ignore[union-attr]


def _write_jsonl(path: Path, lines: list[str], gz: bool = False) -> None:
    data = "".join(line + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if gz else data)


@pytest.mark.parametrize("gz", [False, True])
def test_reliability_oversized_jsonl_record_is_one_error(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("dump.jsonl.gz" if gz else "dump.jsonl")
    big = json.dumps({"text": "x" * 5000, "id": "big"})
    _write_jsonl(path, [json.dumps({"text": "first ok", "id": "a"}), big,
                        json.dumps({"text": "after ok", "id": "b"})], gz=gz)  # fmt: skip
    items = list(read_jsonl(path, {}, max_record_bytes=1000))
    assert [type(i) for i in items] == [Document, InputError, Document]
    assert items[1].source == f"{path}:2"
    assert "over the 1,000-byte cap" in str(items[1])
    assert items[2].source == f"{path}#b"  # type: ignore[union-attr]


def test_reliability_jsonl_gzip_bomb_is_read_in_bounded_steps(tmp_path: Path) -> None:
    # 64 MB of one endless line compresses to ~64 kB; reading must not hold it whole
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b'{"text": "')
        for _ in range(64):
            fh.write(b"a" * (1 << 20))
    items = list(read_jsonl(path, {}))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "over the" in str(items[0]) and "cap" in str(items[0])


def test_reliability_empty_jsonl_gz_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl.gz"
    empty.write_bytes(b"")
    items = list(iter_documents([str(empty)]))
    assert len(items) == 1 and isinstance(items[0], TidingsError)
    assert "empty" in str(items[0]) and items[0].source == str(empty)
    blank = tmp_path / "blank.jsonl.gz"
    blank.write_bytes(gzip.compress(b"\n\n"))
    assert [type(i) for i in iter_documents([str(blank)])] == [InputError]


def test_reliability_jsonl_lone_surrogate_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"text": "bad \\ud800 text here"}\n', encoding="utf-8")
    (doc,) = read_jsonl(path, {})
    assert isinstance(doc, Document) and "\ud800" not in doc.content
