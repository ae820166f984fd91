"""Pages that carry mojibake in their own text (UTF-8 once read as cp1252 or Latin-1 and
stored that way) are repaired; text without that sign is never touched."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tidings.sources.decode import decode_html
from tidings.sources.mojibake import repair_mojibake
from tidings.sources.text import decode_text

SENTENCE = "The mayor’s office said the café “won’t reopen” before 2027 — not even in São Paulo."


def garble(text: str, codec: str) -> str:
    """UTF-8 bytes read as ``codec``; bytes cp1252 leaves unassigned become C1 controls,
    as browsers read them."""
    return "".join(
        bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def test_cp1252_mojibake_is_repaired() -> None:
    garbled = garble(SENTENCE, "cp1252")
    assert "â€™" in garbled
    assert repair_mojibake(garbled) == SENTENCE


def test_latin1_mojibake_with_c1_controls_is_repaired() -> None:
    garbled = garble(SENTENCE, "latin-1")
    assert "\x80" in garbled
    assert repair_mojibake(garbled) == SENTENCE


def test_no_break_space_mojibake_goes_with_the_rest() -> None:
    garbled = garble("It costs $62.44\xa0— per month’s premium.", "latin-1")
    assert repair_mojibake(garbled) == "It costs $62.44\xa0— per month’s premium."


def test_a_utf8_page_carrying_mojibake_decodes_clean() -> None:
    body = garble("<p>But here’s the good news: it doesn’t have to cost much.</p>", "latin-1")
    html = f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'
    text, codec = decode_html(html.encode("utf-8"), "page.html")
    assert codec == "utf-8" and "doesn’t have to" in text and "â" not in text


def test_a_text_file_carrying_mojibake_decodes_clean() -> None:
    data = garble("Serbia’s president said “we will not”.", "latin-1").encode("utf-8")
    text, _ = decode_text(data, "dump.txt")
    assert text == "Serbia’s president said “we will not”."


def test_real_accented_text_is_left_alone() -> None:
    for text in ("Ã la carte? No: à la carte, château, naïve, Ærø, Ðakovo", "Â© 2024", SENTENCE):
        assert repair_mojibake(text) == text


CP1252_SIGNS = set(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FFF,
                                      blacklist_categories=("Cs", "Cc"))))  # fmt: skip
def test_text_without_the_sign_is_never_changed(text: str) -> None:
    # without C1 controls and without the characters cp1252 puts at 0x80-0x9F there is no
    # sign of mojibake, whatever accented letters the text holds
    text = "".join(ch for ch in text if ch not in CP1252_SIGNS)
    assert repair_mojibake(text) == text


@given(st.text(alphabet=st.characters(min_codepoint=0xA0, max_codepoint=0x2FFF,
                                      blacklist_categories=("Cs",)), min_size=1))  # fmt: skip
def test_latin1_garbling_round_trips(text: str) -> None:
    garbled = garble(text, "latin-1")
    if any("\x80" <= ch <= "\x9f" for ch in garbled):
        assert repair_mojibake(garbled) == text
