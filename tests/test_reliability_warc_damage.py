"""WARC damage the fuzz harness found (tidings.benchmarks.reliability), each now one error
for the damaged record while every intact record after it is still read, and reading
always moves forward (no endless loop over a damaged gzip member)."""

from __future__ import annotations

import base64
import gzip
from pathlib import Path

from tidings.benchmarks.reliability import SEEDS
from tidings.errors import InputError
from tidings.model import Document
from tidings.sources import iter_documents

SEED = SEEDS["warc"][0]  # warcinfo, then four pages marked WREC0Q ... WREC3Q


def _read(tmp_path: Path, data: bytes, name: str = "x.warc") -> list[Document | InputError]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(iter_documents([str(path)]))


def _pages(items: list[Document | InputError]) -> list[str]:
    found = []
    for item in items:
        if isinstance(item, Document):
            found += [m for m in ("WREC0Q", "WREC1Q", "WREC2Q", "WREC3Q") if m in item.content]
    return found


def _damaged(index: int, old: bytes, new: bytes) -> bytes:
    records = list(SEED.records)
    assert old in records[index]
    records[index] = records[index].replace(old, new, 1)
    return SEED.join(records)


def test_reliability_warc_header_running_into_next_record(tmp_path: Path) -> None:
    # page 0's record is cut inside its "WARC-Type: resp" line, which then runs on into
    # the next record's "WARC/1.0" line: the next record's header became its header
    records = list(SEED.records)
    records[1] = b"WARC/1.0\r\nWARC-Type: resp<html><p>cut here"
    items = _read(tmp_path, SEED.join(records))
    assert _pages(items) == ["WREC1Q", "WREC2Q", "WREC3Q"]
    assert any(isinstance(i, InputError) and "damaged" in i.one_line() for i in items)


def test_reliability_warc_record_without_content_length(tmp_path: Path) -> None:
    head = SEED.records[1].split(b"\r\n\r\n", 1)[0]
    length = next(line for line in head.split(b"\r\n") if line.startswith(b"Content-Length"))
    items = _read(tmp_path, _damaged(1, length + b"\r\n", b""))
    assert _pages(items) == ["WREC1Q", "WREC2Q", "WREC3Q"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert "no valid Content-Length" in error.one_line()


def test_reliability_warc_record_cut_short_runs_into_next_header(tmp_path: Path) -> None:
    page = SEED.records[2]
    items = _read(tmp_path, _damaged(2, page[len(page) // 2 :], b""))  # no newline before next
    assert _pages(items) == ["WREC0Q", "WREC2Q", "WREC3Q"]
    assert any(isinstance(i, InputError) for i in items)


def test_reliability_warc_length_overshooting_into_next_header(tmp_path: Path) -> None:
    # warcinfo's body shortened by 29 bytes: its Content-Length now ends inside the next
    # record's header, right before a line break, so warcio sees its blank line
    info = SEED.records[0]
    head, body = info.split(b"\r\n\r\n", 1)
    eaten = len(b"WARC/1.0\r\nWARC-Type: response")
    records = [head + b"\r\n\r\n" + body[: int(head.split(b"Content-Length: ")[1]) - eaten]]
    items = _read(tmp_path, b"".join(records + SEED.records[1:]))
    assert _pages(items) == ["WREC0Q", "WREC1Q", "WREC2Q", "WREC3Q"]


def test_reliability_warc_gz_damaged_member_no_endless_loop(tmp_path: Path) -> None:
    # a fuzzed .warc.gz on which resynchronising went back and forth for ever
    data = base64.b64decode(
        "H4sIAAAAAAACA01P0QqDMAx8L/Qf+gOdVRxsZQyGIgz2JIKwt2JbV3CtaMqYX7/WCVsSjnC5kEt7qYsk3TGM2tDR"
        "5j0qTl5i6ozVbiNLAYHMWJZTdqRp1qSMs1j3TVCrzk2SXktOTn6y3Hsjw/gbdIU8wiHC8S/OGBXOgrKwXRbjOJhO"
        "gHE2iS6oNmqQ8092U7aHByf7HCOMZqchyMIiGGlsP1PtlwUj7aanAE6iO1KZQZFqZcj6acwP/R2ds/gAAAAfiwgA"
        "AAAAAAIDbVVdbuM2EH4PkDtMn/QSW1KaFqkiE8g6i+6iP7t1XARtURS0NJbZSKSWpJyo2wX2IO0Beo0eZU/SISnZ"
        "2k2NRNaQ830z8w2HvrteLeN0npye3NHbbN23mIFG0yppcFzkukI7+3H1MoOdtW0WxxX/A63FOT7ypq0xlvhg4pHk"
        "hlsiOU/OL2bJV7P0fJ0mWeL+fh4cVlgoXc5e3mSQd1pmXSdK2g6fmX9cuMflaI4fdnqyVNKitEOmvG1rUXArlIxd"
        "alfQmMrS1uJYw4j4FmVldxmkX3yZnp6cnrxYr19T6SllmsCrbz6ltvhoibOpr6DYcW3QLjq7nV3+D+HFZeII889u"
        "Xi3XP71+Dg7GcveEmstqEaGMyEZesrxByw+MkaekPStsjezWKt1DAn/Ceofwnahr+DooncfBI8BbrVrUtl9Eqsr8"
        "RgRFyGoRDSTRE1+urShqzNpuUwuzw/I3K5opctKy5HJo2UgjeYNE0dmd0hPItZSwwlZpi5pcTaFFa9mea7CaF/dC"
        "VrCAt9ReSM/PgMLaDH5Jz4CMz399d5XHAyI3tqfyNqrs4S1sid4h2kcwqMUW3pGjd8jjoKJzDIqiZrnke5Zz2Gnc"
        "LqI4Yi9UQ4pxRkIel90Zjdj39HyyZVwBEbt1X24zjz1jPPI3XEgKEPSDoubGLCLjdHZtTce+ESBleTs6bPpaSIzY"
        "sx6mMp1RYXCLrcVmg9rPSR63hGN3q+fL5IdZksGtpWBuDkVJMhuwdBwMFyUISdp3shA1WPUgSdGN5hSbk0unTcl7"
        "2HjUBOwA9gp82wuCQeMOloerLRgfij+FuZgPqqvLwcXZHkk5kJbe5lK6bLCEhvdKBx//FjB7ZWnPrR6ydpX4vXFl"
        "CDyaIdv5x5KkGTwb8hN7J+FQ0zFb02p32I4JcR/KhwtbY84h+ihcyHa0pvWG94+rVPIQyAv4SZrnGSyn3XHgQfZD"
        "tZ0YWN3/0fLddS/HVPS9i+fW6MsrPxVx4A0M1Mcj3SBowIYMt6LqNE2PaCowuqBBnv/eVhHwmmbYIb2skXcseOvu"
        "U7Yel2HD5X0eT7a84Qk3tSru33TUZvbh/V93dGK4cC3vkS64sw/v/yahtJ8iXyFlM0HQqIWRotlyKbMVeUKjNF2/"
        "x+F8jNjyIF5Jv0RhQgMij8NsbhURavbvP36enlyfc7gmQ4tqR0eFDg3qPbpkBhhl5e8Tf98zd5f/B1WvGiQYBwAA"
        "H4sIAAAAAAACA21V4W7bNhD+HyDvcPulP7FleVmRKjKBzCnWYt3aOR6CtRgGWjrLXCRSIyknalegD7I9wF5jj9In"
        "2ZGULLeZEcsk7+67777TMbdXq2WcTGenJ7e0mqy7BlPQaBolDQ6HXJdoJz+vXqSws7ZJ47jk79BanOIDr5sKY4n3"
        "Jk56/2tuCWQ+m59PZk8nyXydzNKZ+3vTO6wwV7qYvLhOIWu1TNtWFGQOn4l/nLvHxbDtPwk7PVkqaVHanilvmkrk"
        "3AolY0ftEmpTWjItxhqGiJcoS7tLIfnmfH56cnryfL1+TaUnxHQGr77/EtrigyXMurqEfMe1Qbto7XZy8T+A508S"
        "B5h9df1quf7l9TNwYSxzT6i4LBcRyoj2yAuW1Wj5ATHykGSzwlbIbqzSHSTwJ6x3CD+IqoLvgtJZHDxCeKNVg9p2"
        "i0iVqTdEkAdWi6gHiR75cm1FXmHatJtKmB0Wv1lRH0cetWx20bdsgJG8RoJo7U7po5ArKWGFjdIWNbmaXIvGsj3X"
        "YDXP74QsYQHvqb2QzM+A0toU3iZnQJuvf/1wmcV9RGZsR+VtVNHBe9gSvItoHsCgFlv4QI7eIYuDis4xKIqaZZLv"
        "WcZhp3G7iOKIPVc1KcYZCTkeu3c0Yj/S85HJuAIiduN+nDGLPWI84NdcSEoQ9IO84sYsIuN0dm1Nhr5RQMKyZnDY"
        "dJWQGLFvOziW6YwKgxtsLNYb1H5OsrihOHa7erZMfprMUt9+tSW9NpoTshZ7F2fp1H25lKqVORawaUVVgJLAt4QM"
        "tXtjRuu4yunXXoZgN96ioO6ZPtw02vXJGUdTANwrS9F9ej79nGeSwg0XAwkXbtz2sDiwP4AKeTi06l4G15B9OKeq"
        "qVHBHLLXvFPaH4aVsdQIH+pf5JyWrTYF7wKRL0jOezHlEY0gUw9PCQ8AnyP5nL6SkHKU817puyG7Xw8KedFC8Jhu"
        "XDnSpAGR6UvplVfudOju+B1YOS0850Gke9VShp7AxsN7HqH2rShbTaMi6hKMzmlqp783ZQS8ooH1XXZsI++Y88Zd"
        "nmw9HMOGy7ssPjL5jQfcVCq/+6Ml2dinj3/dUk4unIQd0m129unj3/7lciPjZSM2RxE0V2F+aJAcYbYiT6iVprt2"
        "nMSHiC2dyKIiGQv6txPGMURkcRjErSJAzf79xw/Po7tyCle00aLcBfFR79GR6cOIlb88/OXO3MX9HwqbdWwFBwAA"
        "H4sIAAAAAAACA21VXW7bRhB+N+A7TJ/4YomikhYuTS3g2kETtE1SWYXRFkWxIkfU1uQus7uUraQBcpD2AL1Gj5KT"
        "dPaHlBJXkChyZ+abb77ZWd5eLq/SbDo7Pbmlu8lq32EOGk2npMFhkesa7eSn5YscttZ2eZrW/C1ai1N84G3XYCrx"
        "3qTz6H/NLYHMZ/Onk9nXk2y+ymb5zH1/iQ5LLJWuJi+ucyh6LfO+FxWZw2fiL0/d5Xx4jJ85Oz25UtKitJEp77pG"
        "lNwKJVNH7QJaU1syLQ41DBHfo6ztNofsqyw7PTk9eb5avabSM2I6g1fffQ5t8cESZttcQLnl2qBd9HYzOf8fwC+f"
        "zBxg8cX1q6vVz6+fgQtjhbtCw2W9SFAm9Iy8YkWLlo+IiYckmxW2QXZjld7DHP6E1RbhB9E08G1QukiDRwjvtOpQ"
        "2/0iUXXuDQmUgdUiiSDJI1+urSgbzLt+3Qizxep3K9rjyKOWzc5jywYYyVskiN5ulT4KuZQSltgpbVGTqym16Czb"
        "cQ1W8/JOyBoW8I7aC9n8DCitzeHX7Azo4clv7y+KNEYUxu6pvLWq9vAONgTvIroHMKjFBt6To3co0qCicwyKomaF"
        "5DtWcNhq3CySNGHPVUuKcUZCHpbdHk3YS7o+MhlXQMJu3J8zFqlHTAf8lgtJCYJ+UDbcmEVinM6urdnQNwrIWNEN"
        "Dut9IyQm7Js9HMt0RoXBDXYW2zVqPydF2lEcu10+u5r/OJnlcAmWNoBV/q9UvbQXJN5ac0qz7kVTAd8QFJl7bSq+"
        "h3vV0+Lg0rqd40KNJdIHr3FdyXDP3d1OWaxCQvoFYBIL/D4pD9Hk6qiUogEtdq4QPiJOPy0hy+Gm0677I2s0onpU"
        "S0wxZkKfeMgyeMVskaeKChguqgHvCOCTn7qXICSpo+9G9FCgX4rRXEqXkcC1ZymtiV7cRXxW2zyHq0gwyDvQdAki"
        "1cjHBA0C8SC4hyUlo2loEDqaMcpTG1i6tkbQADByjeSHVjqM4B5CI9gxuSOCwVONOQfJx1ZuRN1rmjfREkld0uhP"
        "/+jqBHhDUz8CJd6x5J07gdlqWIY1l3dFemTyDx5w3ajy7k1PkrCPH/66JdJcOHn2SEfi2ccPf5Po2s+d7zCxOYqg"
        "4QxDSNPoOsWW5Amt0nRgH8b5IWFDh9Z9Re+uMNMhokjDNG8UAWr27z9+Ah8duFO4bNw+r7e0GWhboN6hIxPDiJU/"
        "gfwbgrnT/z+hQD/ISgcAAB+LCAAAAAAAAgPtVV1u4zYQfg/gO0yf9BJblp0tsopMIOssuov+7NZxYbRFUdASLbOR"
        "SJWknGi3C+xB2gP0Gj3KnqRDUrS9SR/7aCOhSM1838x85FCr68U8TkbjwdkKZ8Nl17AUFNONFJqFl1SVzAx/WLxO"
        "YWtMk8ZxSd8xY9iIPdC6qVgs2L2Op73/DTVIMhlPLobj58NkskzG6dj+/dQ7LFguVTF8fZNC1iqRti0v0Ox/Qzdc"
        "2OEyLPvflAzO5lIYJkyfKW2aiufUcClim9oV1Lo0aJodagiIb5gozTaF5Mvk2eBscPZquXyLpSeY6RjefP2Y2rAH"
        "g5x1dQX5lirNzKw1m+HlfxA+m15YwuyLmzfz5Y9vX4KFkcyOUFFRziImIlwzWpCsZobuGSNHiTbDTcXIrZGqgyn8"
        "Acstg295VcFXXuks9h4e3ijZMGW6WSTL1BkiyH1Ws6gniZ74UmV4XrG0adcV11tW/Gp4fYw82rLxZb9lgUbQmiFF"
        "a7ZSHUGuhYAFa6QyTKGrzhVvDNlRBUbR/I6LEmbwHrcXksk5YFiTws/JOeBi+suHqyzuEZk2HZa3lkUH72GD9BbR"
        "PIBmim/gAzo6hyz2KlpHryhTJBN0RzIKW8U2syiOyCtZo2KUoJCH1/aMRuQ7HJ+YtC0gIrf2YY1Z7BjjwF9TLjCA"
        "1w/yimo9i7TV2W5rEvYNAQnJmuCw7iouWERedHAs0zkWBresMaxeM+X6JIsbxJHV4uV8+v1wnMILpnmBkWQrzBWs"
        "/Uq5hzAasBS4l+oOpPDPdcurAgweGrc0EnSjrPg7aVjh/K3x4EbRscW5H2vaSWVRDu0xcoNOXDjvYL8XgddsW6UL"
        "2o0+Tz1JYeUYEagNCmZJce4D+2C2qJxXLqlDSTaM/ffBg487qnkQoOJrRVFoiwzz2jbJgSak90iAkC5oyoNOvnys"
        "94A+zBxtiLFH98qIkFCvC9J9Fq1f9LtHH2k0SV13u0xCBMV39mA4rY8jBx2oEHZmuZ2qvS4ufUeEu9XntFfbpeW8"
        "6QaP3Z6rt0pbh7e7kO5UhDA+5Q0vW4U9x+sStMqx/Ue/NWUEtMLOt/4u7cg55rSxtzBZhtewpuIui49MbuEI15XM"
        "735vUSzy6eOfK9wNyq1wHcNr8fzTx7/w6CnXe646zOYIgQ3qGxE70lZMFugJtVR4aR9a+iEi833BBX6/fF97RBb7"
        "jt5IJFTkn79dFz65dEdwbQ8XL7f+bDC1c9L0MMzK3ULuK0HsF+DEdGL6P5lOAU4BTgEGZ/8C3hGq5KYMAAA="
    )
    items = _read(tmp_path, data, "loop.warc.gz")
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == len({d.source for d in docs})  # nothing read twice
    assert _pages(items) == ["WREC0Q", "WREC1Q", "WREC2Q", "WREC3Q"]


def test_reliability_warc_without_pages_is_one_error(tmp_path: Path) -> None:
    (empty,) = _read(tmp_path, b"", "empty.warc")
    assert isinstance(empty, InputError) and "no WARC record" in empty.one_line()
    (info,) = _read(tmp_path, gzip.compress(SEED.records[0]), "info.warc.gz")
    assert isinstance(info, InputError) and "none an HTML page" in info.one_line()


def test_reliability_warc_header_merged_with_next_records(tmp_path: Path) -> None:
    # warcinfo cut inside its header: with no blank line, its header and the next
    # record's merge into one (WARC-Type twice, the next record's Content-Length)
    cut = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Date: 2024-09-12T10:00:00Z\r\nConte"
    items = _read(tmp_path, cut + b"".join(SEED.records[1:]))
    assert _pages(items) == ["WREC0Q", "WREC1Q", "WREC2Q", "WREC3Q"]
    (error,) = [i for i in items if isinstance(i, InputError)]
    assert "twice" in error.one_line()


def test_reliability_warc_gz_first_member_not_warc(tmp_path: Path) -> None:
    # a first member of other text makes warcio take the file for ARC and refuse the
    # next member: that member is read again with a fresh reader, not skipped
    junk = gzip.compress(b"residents of the mill town voted on Thursday\r\n")
    items = _read(
        tmp_path, junk + b"".join(gzip.compress(r) for r in SEED.records[1:]), "j.warc.gz"
    )
    assert _pages(items) == ["WREC0Q", "WREC1Q", "WREC2Q", "WREC3Q"]
    assert sum(isinstance(i, InputError) for i in items) == 1


def test_reliability_warc_starting_with_gzip_magic_is_read_uncompressed(tmp_path: Path) -> None:
    items = _read(tmp_path, b"\x1f\x8b\x08junk\r\n" + SEED.build())
    assert _pages(items) == ["WREC0Q", "WREC1Q", "WREC2Q", "WREC3Q"]
