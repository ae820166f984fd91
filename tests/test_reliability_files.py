"""Silent loss: damaged WARC records, legacy and UTF-16 text files."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from test_warc_records import STORY, _response
from tidings.errors import InputError
from tidings.model import Document
from tidings.sources import iter_documents

RUSSIAN = (
    "Президент Сербии Александр Вучич заявил во вторник, что впервые за два с половиной "
    "года говорил по телефону с президентом России.\nОн поблагодарил его за поставки газа."
)


def _members(n: int) -> list[bytes]:
    out = []
    for i in range(n):
        buf = io.BytesIO()
        _response(WARCWriter(buf, gzip=False), f"https://news.test/{i}",
                  STORY.replace("Monday", f"day {i}").encode(), "text/html")  # fmt: skip
        out.append(buf.getvalue())
    return out


@pytest.mark.parametrize("gz", [False, True])
def test_reliability_warc_record_with_a_false_length_loses_only_itself(
    tmp_path: Path, gz: bool
) -> None:
    members = _members(6)
    # record 2 claims ten times its length: read naively, it swallows the records after it
    members[2] = re.sub(rb"Content-Length: (\d+)",
                        lambda m: b"Content-Length: %d" % (int(m.group(1)) * 10), members[2],
                        count=1)  # fmt: skip
    data = b"".join(gzip.compress(m) if gz else m for m in members)
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    items = list(iter_documents([str(path)]))
    urls = [i.hints["url"] for i in items if isinstance(i, Document)]
    assert urls == [f"https://news.test/{i}" for i in (0, 1, 3, 4, 5)]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert error.source and error.source.startswith(f"{path}#") and "truncated" in str(error)


def test_reliability_warc_gz_damaged_member_resyncs(tmp_path: Path) -> None:
    members = [gzip.compress(m) for m in _members(6)]
    bad = bytearray(members[2])
    bad[30:90] = bytes(b ^ 0x55 for b in bad[30:90])
    members[2] = bytes(bad)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(members))
    items = list(iter_documents([str(path)]))
    urls = [i.hints["url"] for i in items if isinstance(i, Document)]
    assert urls == [f"https://news.test/{i}" for i in (0, 1, 3, 4, 5)]
    assert len([i for i in items if isinstance(i, InputError)]) == 1


def test_reliability_cp1251_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, Document) and doc.content == RUSSIAN and doc.encoding == "cp1251"


def test_reliability_cp1252_text_still_cp1252(tmp_path: Path) -> None:
    text = "Café owners in the old town said the naïve plan would cost €2m, the mayor's résumé."
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, Document) and doc.content == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_reliability_utf16_text_with_bom_is_accepted(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    data = RUSSIAN.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    (doc,) = list(iter_documents([str(path)]))
    assert isinstance(doc, Document) and doc.content == RUSSIAN


def test_reliability_binary_text_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00binary\x00data")
    (item,) = list(iter_documents([str(path)]))
    assert isinstance(item, InputError) and "binary" in item.one_line()


def test_reliability_warc_gz_bomb_line_is_one_error_and_reading_resumes(tmp_path: Path) -> None:
    members = [gzip.compress(m) for m in _members(3)]
    bomb = b"WARC/1.0\r\nWARC-Type: response\r\nX-Filler: " + b"a" * (48 << 20)
    members.insert(1, gzip.compress(bomb, compresslevel=1))
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(b"".join(members))
    items = list(iter_documents([str(path)]))
    urls = [i.hints["url"] for i in items if isinstance(i, Document)]
    assert urls == [f"https://news.test/{i}" for i in range(3)]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert "decompression bomb" in error.one_line() and f"{path}#" in error.one_line()
