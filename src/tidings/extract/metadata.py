"""What a page says about itself: JSON-LD, ``<meta>`` tags, ``<html lang>``, canonical link.

Publishers describe their articles for search engines and social sites in several
overlapping vocabularies (schema.org JSON-LD, Open Graph, ``article:``, Highwire
``citation_``, Parse.ly, Sailthru, Dublin Core). These are more reliable than any text
heuristic, so tidings reads them first. Some pages write ``<meta value=…>`` instead of
``content=…``; both are read.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

ARTICLE_TYPES = ("newsarticle", "reportagenewsarticle", "analysisnewsarticle", "article",
                 "blogposting", "opinionnewsarticle", "backgroundnewsarticle", "report",
                 "scholarlyarticle", "techarticle", "liveblogposting", "socialmediaposting",
                 "webpage")  # fmt: skip
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class PageMeta:
    """Metadata fields found on the page; each is None when the page does not say."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # as written (ISO-like), parsed later
    url: str | None = None
    language: str | None = None
    article_body: str | None = None  # JSON-LD articleBody, when the page gives one
    meta: dict[str, str] = field(default_factory=dict)


def meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Lower-cased name/property/itemprop → first non-empty content (or value)."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content") or el.get("value")
        if key and value and value.strip():
            # some sites escape entities twice ("&amp;#8211;"): unescape what lxml left
            found.setdefault(key.strip().lower(), html.unescape(value.strip()))
    return found


def _load_json(text: str) -> Any:
    text = CONTROL.sub(" ", text.strip())
    if text.startswith("<!--"):
        text = text.strip("<!->")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _walk(node: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object, flattening lists and @graph."""
    out: list[dict[str, Any]] = []
    if isinstance(node, list):
        for item in node:
            out.extend(_walk(item))
    elif isinstance(node, dict):
        out.append(node)
        if "@graph" in node:
            out.extend(_walk(node["@graph"]))
        if isinstance(node.get("mainEntity"), dict | list):
            out.extend(_walk(node["mainEntity"]))
    return out


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [str(k).lower() for k in kinds if k]


def json_ld_article(tree: lxml_html.HtmlElement) -> dict[str, Any] | None:
    """The page's JSON-LD article object, preferring the most specific article type."""
    best: tuple[int, dict[str, Any]] | None = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        for obj in _walk(_load_json(script.text or "")):
            for kind in _types(obj):
                if kind in ARTICLE_TYPES:
                    rank = ARTICLE_TYPES.index(kind)
                    if best is None or rank < best[0]:
                        best = (rank, obj)
    return best[1] if best else None


def _names(value: Any) -> list[str]:
    """Person/organisation names from a JSON-LD author or publisher value."""
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith("http") else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            return [name]
        if isinstance(name, list):
            return _names(name)
    return []


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return html.unescape(value.strip()) if isinstance(value, str) and value.strip() else None


TITLE_SEPARATOR = re.compile(r"\s+(?:[|•·–—-]|::)\s+")
WORDS = re.compile(r"\w+")


def strip_site_suffix(title: str, site: str | None) -> str:
    """ "Headline | Site" → "Headline": drop a trailing part that names the site or is a
    short label (≤ 3 words) after the last separator of a longer headline."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    cut = separators[-1]
    head, last = title[: cut.start()].strip(), title[cut.end() :]
    last_words = set(WORDS.findall(last.lower()))
    named = bool(site) and last_words <= set(WORDS.findall((site or "").lower()))
    if named or (len(last_words) <= 3 and len(WORDS.findall(head)) >= 3):
        return head
    return title


def visible_headline(tree: lxml_html.HtmlElement, declared: str | None) -> str | None:
    """The page's visible headline: an ``<h1>`` of 3–40 words (a one- or two-word h1 is
    usually the site's logo). With several, the first that shares most of its words with
    the declared title, else the first."""
    candidates = []
    for h1 in tree.iter("h1"):
        text = " ".join((h1.text_content() or "").split())
        if 3 <= len(WORDS.findall(text)) <= 40:
            candidates.append(text)
    if len(candidates) > 1 and declared:
        said = set(WORDS.findall(declared.lower()))
        for text in candidates:
            words = WORDS.findall(text.lower())
            if sum(w in said for w in words) >= 0.5 * len(words):
                return text
    return candidates[0] if candidates else None


def _join(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    return ", ".join(unique) if unique else None


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        # article:author and friends often hold a profile URL, not a name
        if value and not value.startswith(("http://", "https://", "//")):
            return value
    return None


def page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Metadata from the page's JSON-LD and meta tags (JSON-LD first where both exist)."""
    meta = meta_tags(tree)
    ld = json_ld_article(tree) or {}
    found = PageMeta(meta=meta)
    declared = _text(ld.get("headline")) or _first(
        meta, "og:title", "twitter:title", "citation_title", "parsely-title", "sailthru.title",
        "dc.title", "title")  # fmt: skip
    # The visible headline is what readers (and annotators) call the title; meta titles are
    # often rewritten for search engines and carry the site's name.
    found.title = visible_headline(tree, declared) or declared
    found.author = _join(_names(ld.get("author")) or _names(ld.get("creator"))) or _first(
        meta,
        "author",
        "article:author",
        "citation_author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "byl",
        "byline",
    )
    found.publisher = (
        _first(meta, "og:site_name")
        or _join(_names(ld.get("publisher")))
        or (_first(meta, "application-name", "citation_journal_title", "dc.publisher"))
    )
    found.published = _text(ld.get("datePublished")) or _first(
        meta,
        "article:published_time",
        "citation_publication_date",
        "citation_date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date",
        "dc.date.issued",
        "pubdate",
        "publishdate",
        "date",
        "og:published_time",
        "datepublished",
    )
    canonical = next(
        (
            el.get("href")
            for el in tree.iter("link")
            if (el.get("rel") or "").lower() == "canonical" and el.get("href")
        ),
        None,
    )
    found.url = (canonical if canonical and canonical.startswith("http") else None) or (
        meta.get("og:url") if (meta.get("og:url") or "").startswith("http") else None
    )
    lang = (
        tree.get("lang")
        or tree.get("xml:lang")
        or meta.get("content-language")
        or (_text(ld.get("inLanguage")))
        or meta.get("og:locale")
    )
    found.language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    body = _text(ld.get("articleBody"))
    found.article_body = body
    if found.title:
        found.title = strip_site_suffix(found.title, found.publisher)
    if found.author and found.author.lower().startswith("by "):
        found.author = found.author[3:].strip()
    return found
