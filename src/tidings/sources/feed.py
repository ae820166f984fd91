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


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per block element."""
    from lxml import html as lxml_html

    if "<" not in fragment:
        return fragment.strip()
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


def parse_feed(data: bytes) -> Any:
    import feedparser

    return feedparser.parse(data)


def is_feed(parsed: Any) -> bool:
    return bool(parsed.get("entries")) and bool(parsed.get("version") or parsed.get("feed"))


def read_feed(path: Path, hints: dict[str, Any]) -> Iterator[Document | InputError]:
    data = read_capped(path)
    yield from feed_documents(data, str(path), hints)


def feed_documents(
    data: bytes, source: str, hints: dict[str, Any]
) -> Iterator[Document | InputError]:
    """One Document per feed entry; an entry without text is an error for that entry."""
    parsed = parse_feed(data)
    if not is_feed(parsed):
        cause = parsed.get("bozo_exception") or "no entries"
        yield InputError(f"not an RSS/Atom feed: {cause}"[:200], source=source)
        return
    publisher = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{entry.get('id') or entry.get('link') or n}"
        text = _entry_text(entry)
        if not text.strip():
            yield InputError("feed entry has no content or summary", source=where)
            continue
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
        yield Document(source=where, content_hash=sha256(text.encode("utf-8")), format="feed",
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
