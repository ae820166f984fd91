"""RSS and Atom feeds → one Document per entry; sitemaps and feeds → the URLs they list.

An entry's content (or, failing that, its summary) becomes the document's text, HTML turned
into one line per block so paragraphs survive; the entry's title, link, author and date
travel as hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.model import Document
from tidings.sources.limits import read_capped
from tidings.sources.text import sha256

BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
          "br", "section", "article", "header", "footer", "figcaption", "td"}  # fmt: skip
SPACES = re.compile(r"[ \t\r\f\v]+")
LOC = re.compile(rb"<(?:\w+:)?loc>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)", re.IGNORECASE)


# Characters lxml refuses ("All strings must be XML compatible"): C0 controls but tab,
# newline and carriage return, and lone surrogates (which no encoder accepts either).
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# Numeric character references to lone surrogates (&#55296; &#xD800;), which feedparser
# turns into strings that no encoder accepts: replaced by U+FFFD before parsing.
SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|5734[0-3]))(?=;)"
)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    from lxml import html as lxml_html

    from tidings.sources.html import strip_heavy_tags

    fragment = NOT_XML.sub("", fragment)
    if "<" not in fragment:
        return fragment.strip()
    fragment = strip_heavy_tags(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several kinds on junk markup
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter():
        # line breaks in the markup are plain spaces; only blocks break lines
        el.text = (el.text or "").replace("\n", " ")
        el.tail = (el.tail or "").replace("\n", " ")
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n" + el.tail
            if el.tag.lower() != "br":
                el.text = "\n" + el.text
    lines = (SPACES.sub(" ", ln).strip() for ln in root.text_content().splitlines())
    return "\n".join(ln for ln in lines if ln)


def _entry_text(entry: Any) -> str:
    for item in entry.get("content") or []:
        if item.get("value", "").strip():
            return html_fragment_text(item["value"])
    return html_fragment_text(entry.get("summary", "") or "")


XML_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]{0,200}?encoding\s*=\s*["'])([^"'>]{0,40})(["'])""")


def feed_utf8(data: bytes) -> bytes:
    """The feed's bytes as UTF-8, decoded with the same care as a web page (BOM, the XML
    declaration's encoding if the bytes bear it out, strict UTF-8, a guess, cp1252),
    with its declaration saying UTF-8. feedparser's own charset guessing (chardet) is
    then never needed: on long runs of letters next to odd bytes it takes minutes."""
    from tidings.sources.decode import decode_html

    head = XML_ENCODING.match(data[:1024])
    declared = head.group(2).decode("ascii", "ignore") if head else None
    try:
        text, _ = decode_html(data, "feed", declared)
    except InputError:  # empty or binary: utf-8 with replacements, never a guess
        text = data.decode("utf-8", "replace")
    out = text.encode("utf-8", "replace")
    return XML_ENCODING.sub(rb"\1utf-8\3", out, count=1)


def parse_feed(data: bytes) -> Any:
    import feedparser

    return feedparser.parse(feed_utf8(data))


def is_feed(parsed: Any) -> bool:
    return bool(parsed.get("entries")) and bool(parsed.get("version") or parsed.get("feed"))


def read_feed(path: Path, hints: dict[str, Any]) -> Iterator[Document | InputError]:
    data = read_capped(path)
    yield from feed_documents(data, str(path), hints)


def feed_documents(
    data: bytes, source: str, hints: dict[str, Any]
) -> Iterator[Document | InputError]:
    """One Document per feed entry; an entry without text is an error for that entry, and
    a feed the parser chokes on is one error for the feed (the batch goes on)."""
    try:
        parsed = parse_feed(SURROGATE_REF.sub(b"&#xFFFD;", data))
        feed_ok = is_feed(parsed)
    except Exception as exc:  # noqa: BLE001 - feedparser/sgmllib/lxml raise many kinds
        yield InputError(f"cannot parse feed: {type(exc).__name__}: {exc}"[:300], source=source)
        return
    if not feed_ok:
        cause = parsed.get("bozo_exception") or "no entries"
        yield InputError(f"not an RSS/Atom feed: {cause}"[:200], source=source)
        return
    publisher = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{entry.get('id') or entry.get('link') or n}"
        try:
            yield _entry_document(entry, where, publisher, hints)
        except InputError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - one odd entry costs only itself
            yield InputError(f"cannot read feed entry: {type(exc).__name__}: {exc}"[:300],
                             source=where)  # fmt: skip


def _entry_document(
    entry: Any, where: str, publisher: str | None, hints: dict[str, Any]
) -> Document:
    text = _entry_text(entry)
    # lone surrogates from numeric character references cannot be stored or hashed
    text = NOT_XML.sub("", text)
    if not text.strip():
        raise InputError("feed entry has no content or summary", source=where)
    entry_hints = dict(hints)
    given = (
        ("title", entry.get("title")),
        ("url", entry.get("link")),
        ("author", entry.get("author")),
        ("publisher", publisher),
        ("published", entry.get("published") or entry.get("updated")),
    )
    for key, value in given:
        if value:
            entry_hints.setdefault(key, value)
    parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
    if (
        parsed_date
        and "published" in entry_hints
        and entry_hints["published"] == (entry.get("published") or entry.get("updated"))
    ):
        entry_hints["published"] = "{:04d}-{:02d}-{:02d}".format(*parsed_date[:3])
    return Document(source=where, content_hash=sha256(text.encode("utf-8")), format="feed",
                    content=text, hints=entry_hints)  # fmt: skip


def listed_urls(data: bytes, source: str) -> tuple[bool, list[str]]:
    """(is_sitemap_index, URLs) listed by a feed (entry links) or a sitemap (``<loc>``);
    a sitemap index lists further sitemaps rather than pages."""
    head = data[:4096].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        urls = [m.decode("utf-8", "replace").strip() for m in LOC.findall(data)]
        return b"<sitemapindex" in head, urls
    parsed = parse_feed(data)
    if not is_feed(parsed):
        raise InputError("neither an RSS/Atom feed nor a sitemap", source=source)
    return False, [e.link for e in parsed.entries if e.get("link")]
