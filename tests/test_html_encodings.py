"""HTML bytes in several encodings decode without mojibake, whatever the page declares."""

from __future__ import annotations

import codecs

import pytest

from tidings.errors import InputError
from tidings.extract import extract_article
from tidings.sources.decode import decode_html
from tidings.sources.html import html_document

RUSSIAN = [
    "Городской совет Самары в четверг утвердил новый бюджет на строительство мостов.",
    "Депутаты обсуждали документ почти шесть часов, после чего проголосовали за него.",
    "Мэр города заявил, что первые работы начнутся весной следующего года.",
    "Жители района давно просили отремонтировать старый мост через реку.",
]
FRENCH = [
    "Le conseil municipal de Besançon a voté jeudi un budget élevé pour les écoles.",
    "Les élus ont débattu pendant près de six heures avant de se prononcer à l'unanimité.",
    "Le maire a déclaré que les premiers travaux commenceront dès l'été prochain.",
    "Les parents d'élèves réclamaient depuis longtemps la rénovation des bâtiments.",
]


def page(paragraphs: list[str], charset: str | None, title: str = "Заголовок") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs * 3)
    return (f"<html><head>{meta}<title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{body}</article></body></html>")  # fmt: skip


@pytest.mark.parametrize("declared", ["windows-1251", None])
def test_cp1251_page_decodes_with_and_without_declared_charset(declared: str | None) -> None:
    data = page(RUSSIAN, declared).encode("cp1251")
    text, codec = decode_html(data, "ru.html")
    assert RUSSIAN[0] in text
    assert codec == "cp1251"


def test_latin1_page_decodes() -> None:
    data = page(FRENCH, "iso-8859-1", "Budget").encode("latin-1")
    text, _ = decode_html(data, "fr.html")
    assert FRENCH[0] in text


def test_utf8_with_bom_decodes_and_drops_the_bom() -> None:
    data = codecs.BOM_UTF8 + page(RUSSIAN, None).encode("utf-8")
    text, codec = decode_html(data, "bom.html")
    assert codec == "utf-8-sig"
    assert not text.startswith("\ufeff") and RUSSIAN[1] in text


def test_utf8_page_declaring_latin1_is_read_as_utf8() -> None:
    data = page(RUSSIAN, "iso-8859-1").encode("utf-8")
    text, codec = decode_html(data, "liar.html", declared="iso-8859-1")
    assert codec == "utf-8" and RUSSIAN[2] in text


def test_cp1251_page_declaring_utf8_is_not_mojibake() -> None:
    data = page(RUSSIAN, "utf-8").encode("cp1251")
    text, _ = decode_html(data, "liar.html", declared="utf-8")
    assert RUSSIAN[3] in text
    assert "\ufffd" not in text


def test_transport_charset_is_used_for_single_byte_pages() -> None:
    data = page(FRENCH, None, "Budget").encode("latin-1")
    text, codec = decode_html(data, "fr.html", declared="ISO-8859-1")
    assert FRENCH[2] in text and codec == "cp1252"


def test_cp1251_article_reaches_the_body_intact() -> None:
    doc = html_document(page(RUSSIAN, None).encode("cp1251"), "ru.html", {})
    article = extract_article(doc)
    assert RUSSIAN[0] in article.body


def test_binary_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "image.html")
