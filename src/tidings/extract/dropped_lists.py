"""Put back the article's lists that trafilatura dropped whole between two lines it kept.

trafilatura's precise pass deletes some of an article's lists (a list of short items reads
to it like a menu), and the fallback texts it compares with may have none. On the WCXB dev
pages the reference keeps those lists: the steps of a checklist, the criteria of a review,
the facts of a summary. A list comes back only where the page places it between two blocks
the text already holds one after the other (as subheadings do, :mod:`tidings.extract.
headings`), so nothing is added outside the part of the page taken for the article.

What else a list between two kept lines can be is kept out: a rail of related stories or a
table of contents (mostly links to the site's own pages or to anchors on this one), a
row of controls (player buttons, a share bar: items of a word or two, or form controls),
a list its page names as the article's credits or its pictures (a byline's author, date
and reading time; a gallery's captions), and anything inside navigation, a header, footer
or aside, or a comment thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html as lxml_html

from tidings.extract.container import in_comments
from tidings.extract.headings import insert_before, line_key, next_block, same_site

# More items than this is an index or a menu, not a list the article makes.
MAX_ITEMS = 30
# Items shorter than this on average are controls or labels ("Download", "Share").
MIN_ITEM_WORDS = 3
# Page regions that are not the article, and the controls no article list holds.
OUTSIDE = frozenset({"nav", "header", "footer", "aside", "form"})
CONTROLS = ("button", "input", "textarea", "select")
# Names of lists that hold the article's credits or picture captions, not its text.
CREDITS_OR_PICTURES = re.compile(r"author|byline|gallery|carousel|slider|slideshow", re.I)


def _items(plain: lxml_html.HtmlElement) -> list[str]:
    return [
        text
        for item in plain
        if item.tag == "li" and (text := " ".join((item.text_content() or "").split()))
    ]


def _mostly_own_links(plain: lxml_html.HtmlElement, words: int, urls: Sequence[str]) -> bool:
    """Whether most of the list's words link to this site (a rail, a table of contents)."""
    own = sum(
        len((a.text_content() or "").split())
        for a in plain.iter("a")
        if same_site(a.get("href") or "", urls)
    )
    return 2 * own > words


def _article_list(plain: lxml_html.HtmlElement, items: list[str], urls: Sequence[str]) -> bool:
    words = sum(len(item.split()) for item in items)
    return (
        len(items) <= MAX_ITEMS
        and words >= MIN_ITEM_WORDS * len(items)
        and next(plain.iterdescendants(*CONTROLS), None) is None
        and not CREDITS_OR_PICTURES.search(f"{plain.get('class') or ''} {plain.get('id') or ''}")
        and not _mostly_own_links(plain, words, urls)
        and not any(a.tag in OUTSIDE for a in plain.iterancestors())
    )


def restore_lists(
    lines: list[str], tree: lxml_html.HtmlElement, urls: Sequence[str] = ()
) -> list[str]:
    """``lines`` with the lists the page holds whole between two consecutive lines of
    them put back in place, one ``- item`` line per item (as trafilatura writes lists);
    ``urls`` are the page's addresses (canonical first), to tell its own links."""
    if not lines:
        return lines
    at: dict[str, int] = {}
    for i, line in enumerate(lines):
        at.setdefault(line_key(line), i)
    added: dict[int, list[str]] = {}
    for plain in tree.iter("ul", "ol"):
        if next(plain.iterancestors("ul", "ol", "li"), None) is not None:
            continue  # a nested list comes back with its parent's item or not at all
        items = _items(plain)
        if not items or any(line_key(item) in at for item in items):
            continue
        before, after = next_block(plain, forward=False), next_block(plain, forward=True)
        if before is None or after is None:
            continue
        above = at.get(line_key(before.text_content() or ""))
        below = at.get(line_key(after.text_content() or ""))
        if (
            above is not None
            and below == above + 1
            and _article_list(plain, items, urls)
            and not in_comments(plain)
        ):
            added.setdefault(below, []).extend(f"- {item}" for item in items)
    return insert_before(lines, added)
