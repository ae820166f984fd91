"""Bad inputs: each is one one-line InputError naming the item and the cause; the batch
goes on to the good page."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tidings.errors import InputError
from tidings.extract import extract_article
from tidings.model import Document
from tidings.sources import iter_documents
from tidings.sources.html import html_document

GOOD = (
    "<html><head><title>Orchard harvest beats forecasts</title></head><body><article>"
    + "".join(
        f"<p>Note {i}: growers in the northern valley picked more apples this autumn than "
        "forecasters expected, the growers' association said in its season report.</p>"
        for i in range(5)
    )
    + "</article></body></html>"
).encode()
NO_ARTICLE = (
    b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> "
    b"<a href='/about'>About</a></nav><footer>(c) 2024</footer></body></html>"
)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    (tmp_path / "a_binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (tmp_path / "b_truncated.html.gz").write_bytes(gzip.compress(GOOD)[:-40])
    with gzip.open(tmp_path / "c_bomb.html.gz", "wb", compresslevel=9) as fh:
        chunk = b" " * (1 << 20)
        for _ in range(60):  # 60 MB of spaces inflate from ~60 KB
            fh.write(chunk)
    with (tmp_path / "d_huge.html").open("wb") as fh:
        fh.write(b"<html><body>")
        fh.truncate(50 * 2**20)  # a 50 MB page
    (tmp_path / "e_empty.html").write_bytes(b"   \n")
    (tmp_path / "z_good.html").write_bytes(GOOD)
    return tmp_path


def test_each_bad_file_is_one_error_and_the_good_page_still_comes(batch: Path) -> None:
    items = list(iter_documents([str(batch)]))
    errors = {Path(e.source or "").name: e.one_line() for e in items if isinstance(e, InputError)}
    docs = [i for i in items if isinstance(i, Document)]
    assert sorted(errors) == ["a_binary.html", "b_truncated.html.gz", "c_bomb.html.gz",
                              "d_huge.html", "e_empty.html"]  # fmt: skip
    assert "binary" in errors["a_binary.html"]
    assert "truncated gzip" in errors["b_truncated.html.gz"]
    assert "decompression bomb" in errors["c_bomb.html.gz"]
    assert "cap" in errors["d_huge.html"]
    assert all("\n" not in line for line in errors.values())
    assert [Path(d.source).name for d in docs] == ["z_good.html"]
    assert "northern valley" in extract_article(docs[0]).body


def test_page_without_an_article_is_an_input_error() -> None:
    doc = html_document(NO_ARTICLE, "menu.html", {})
    with pytest.raises(InputError, match="menu.html.*no article"):
        extract_article(doc)


def test_text_without_markup_is_not_taken_for_html() -> None:
    with pytest.raises(InputError, match="no HTML markup"):
        html_document(b"just a line of text, no tags at all", "plain.html", {})
