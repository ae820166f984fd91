"""Lists trafilatura dropped whole between two lines it kept are put back in place; a rail
of the site's own stories, a table of contents, a row of player controls and a list in the
page's navigation are not."""

from lxml import html as lxml_html

from tidings.extract.dropped_lists import restore_lists

BEFORE = [
    "The inspector walked the old ferry pier on Monday with the harbour engineer.",
    "Before any repair starts, the board wants three things checked:",
]
AFTER = [
    "The engineer will report to the board at its meeting next month.",
    "Until then the pier stays open to walkers but closed to vehicles.",
]
URLS = ["https://news.example.com/harbour/pier-inspection"]


def _page(between: str) -> lxml_html.HtmlElement:
    body = (
        "<div class='story'>"
        + "".join(f"<p>{s}</p>" for s in BEFORE)
        + between
        + "".join(f"<p>{s}</p>" for s in AFTER)
        + "</div>"
    )
    return lxml_html.fromstring(f"<html><body>{body}</body></html>")


def _list(items: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


CHECKS = [
    "The timber piles below the waterline",
    "The steel ladder on the east side",
    "The lights along the <a href='https://ports.example.org/rules'>walkway rules</a> sign",
]


def test_checklist_between_kept_lines_comes_back() -> None:
    restored = restore_lists(BEFORE + AFTER, _page(_list(CHECKS)), URLS)
    assert restored == [
        *BEFORE,
        "- The timber piles below the waterline",
        "- The steel ladder on the east side",
        "- The lights along the walkway rules sign",
        *AFTER,
    ]
    assert restore_lists(restored, _page(_list(CHECKS)), URLS) == restored


def test_rail_of_own_stories_stays_out() -> None:
    rail = [
        f"<a href='{href}'>{title}</a>"
        for href, title in (
            ("/harbour/ferry-fares-rise", "Ferry fares rise again in spring"),
            ("https://www.example.com/city/bus-depot", "Council approves the new bus depot"),
        )
    ]
    assert restore_lists(BEFORE + AFTER, _page(_list(rail)), URLS) == BEFORE + AFTER


def test_table_of_contents_stays_out() -> None:
    toc = [
        "<a href='#piles'>The timber piles and their state</a>",
        "<a href='#costs'>What it costs</a>",
    ]
    assert restore_lists(BEFORE + AFTER, _page(_list(toc, "ol")), URLS) == BEFORE + AFTER


def test_player_controls_stay_out() -> None:
    # a word or two per item, or buttons: the controls of an audio player or a share bar
    assert restore_lists(BEFORE + AFTER, _page(_list(["Download", "Transcript"])), URLS) == (
        BEFORE + AFTER
    )
    buttons = ["<button>Embed</button> the audio of this story on your page"]
    assert restore_lists(BEFORE + AFTER, _page(_list(buttons)), URLS) == BEFORE + AFTER


def test_list_in_navigation_stays_out() -> None:
    nav = "<nav>" + _list(CHECKS) + "</nav>"
    assert restore_lists(BEFORE + AFTER, _page(nav), URLS) == BEFORE + AFTER


def test_list_beside_a_dropped_paragraph_stays_out() -> None:
    # the extractor dropped the paragraph after the list too: the gap is not the list's
    page = _page(_list(CHECKS) + "<p>Sign up for our weekly harbour newsletter today.</p>")
    assert restore_lists(BEFORE + AFTER, page, URLS) == BEFORE + AFTER


def test_byline_and_gallery_lists_stay_out() -> None:
    # a byline set as a list (author, handle, date and reading time), a gallery's captions
    byline = (
        "<ul class='article-author'>"
        + "".join(f"<li>{s}</li>" for s in ("by Ann Harbour Writer", "Nov 18, 2019 at 9:24 pm ET"))
        + "</ul>"
    )
    assert restore_lists(BEFORE + AFTER, _page(byline), URLS) == BEFORE + AFTER
    gallery = (
        "<ol class='js-article-gallery'>"
        + "".join(
            f"<li>{s}</li>" for s in ("The east side of the pier at low tide", "Rotten piles")
        )
        + "</ol>"
    )
    assert restore_lists(BEFORE + AFTER, _page(gallery), URLS) == BEFORE + AFTER
