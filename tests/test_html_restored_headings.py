"""Subheadings trafilatura dropped between two lines it kept are put back in place; a
teaser's linked title, a comment thread's heading and a heading beside dropped text are
not."""

from lxml import html as lxml_html

from tidings.extract.headings import restore_headings, same_site
from tidings.extract.html import main_text

FIRST = [
    "The harbour board met on Monday to decide the future of the old ferry pier.",
    "Engineers told the board that the timber piles had rotted below the waterline.",
    "A repair would cost less than a new pier but would last only fifteen years.",
]
SECOND = [
    "Fishermen who use the pier every morning asked the board to keep it open.",
    "The board will publish both plans next month and hold a public meeting after.",
    "Until then the pier stays open to walkers but closed to vehicles and trailers.",
]


def _page(heading: str, wrapper: str = "div class='story'") -> lxml_html.HtmlElement:
    tag = wrapper.split()[0]
    body = (
        f"<{wrapper}>"
        + "".join(f"<p>{s}</p>" for s in FIRST)
        + heading
        + "".join(f"<p>{s}</p>" for s in SECOND)
        + f"</{tag}>"
    )
    return lxml_html.fromstring(f"<html><head><title>Pier</title></head><body>{body}</body></html>")


def test_anchor_heading_dropped_by_the_precise_pass_comes_back() -> None:
    # site builders wrap every subheading in a link to its own anchor; trafilatura's
    # precise pass deletes such headings as links
    tree = _page("<h3 id='users'><a href='#users'>What the fishermen want</a></h3>")
    lines = main_text(tree, None)
    k = lines.index("What the fishermen want")
    assert lines[k - 1] == FIRST[-1] and lines[k + 1] == SECOND[0]


def test_heading_between_consecutive_lines_is_inserted_once() -> None:
    tree = _page("<h2><strong>Two plans</strong></h2><h3>The repair</h3>")
    restored = restore_headings(FIRST + SECOND, tree)
    assert restored == [*FIRST, "Two plans", "The repair", *SECOND]
    assert restore_headings(restored, tree) == restored


def test_teaser_title_linking_away_stays_out() -> None:
    tree = _page("<h3><a href='/news/other-story'>Council approves the new bus depot</a></h3>")
    assert restore_headings(FIRST + SECOND, tree) == FIRST + SECOND


def test_heading_in_a_comment_thread_stays_out() -> None:
    tree = _page("<h4>Reply from a reader</h4>", wrapper="div class='comments'")
    assert restore_headings(FIRST + SECOND, tree) == FIRST + SECOND


def test_heading_beside_a_dropped_paragraph_stays_out() -> None:
    # the extractor dropped the paragraph under the heading too: the gap is not the
    # heading's alone, so nothing is guessed
    tree = _page("<h2>Two plans</h2><p>Sign up for our weekly harbour newsletter today.</p>")
    assert restore_headings(FIRST + SECOND, tree) == FIRST + SECOND


def test_long_heading_is_not_a_subheading() -> None:
    long = " ".join(["word"] * 25)
    tree = _page(f"<h2>{long}</h2>")
    assert restore_headings(FIRST + SECOND, tree) == FIRST + SECOND


def test_heading_in_its_own_wrapper_between_sections_comes_back() -> None:
    # page builders put each section in its own wrapper, the heading in another
    body = (
        "<main><section><div>"
        + "".join(f"<p>{s}</p>" for s in FIRST)
        + "</div></section><div class='title'><h2>What the fishermen want</h2></div>"
        + "<section><div><div>"
        + "".join(f"<p>{s}</p>" for s in SECOND)
        + "</div></div></section></main>"
    )
    tree = lxml_html.fromstring(f"<html><body>{body}</body></html>")
    restored = restore_headings(FIRST + SECOND, tree)
    assert restored == [*FIRST, "What the fishermen want", *SECOND]


def test_more_headings_in_a_row_than_a_section_has_stay_out() -> None:
    # four headings in a row are a menu or a list of links, not a section's heading
    tree = _page("".join(f"<h3>Part {n}</h3>" for n in "ABCD"))
    assert restore_headings(FIRST + SECOND, tree) == FIRST + SECOND
    tree = _page("".join(f"<h3>Part {n}</h3>" for n in "ABC"))
    assert len(restore_headings(FIRST + SECOND, tree)) == len(FIRST + SECOND) + 3


def test_heading_naming_another_site_comes_back() -> None:
    # a listicle's section heading links to the shop or company it names, on another site
    heading = "<h2><a href='https://www.harbourdivers.example/'>2. Harbour Divers Ltd</a></h2>"
    tree = _page(heading)
    restored = restore_headings(FIRST + SECOND, tree, ["https://news.example.com/best-divers"])
    assert restored == [*FIRST, "2. Harbour Divers Ltd", *SECOND]


def test_heading_linking_to_the_same_site_stays_out() -> None:
    # a teaser's title links to another story of the site itself, absolute or relative
    urls = ["https://news.example.com/pier"]
    for href in ("https://www.example.com/news/depot", "/news/depot"):
        tree = _page(f"<h3><a href='{href}'>Council approves the new bus depot</a></h3>")
        assert restore_headings(FIRST + SECOND, tree, urls) == FIRST + SECOND


def test_heading_between_a_list_and_a_paragraph_comes_back() -> None:
    # trafilatura writes list items with a "- " marker: the block next to the heading is
    # still found among the lines
    items = ["Check the piles every spring", "Close the pier in a storm"]
    body = (
        "<div class='story'>"
        + "".join(f"<p>{s}</p>" for s in FIRST)
        + "<ul>"
        + "".join(f"<li>{s}</li>" for s in items)
        + "</ul><h2>What the fishermen want</h2>"
        + "".join(f"<p>{s}</p>" for s in SECOND)
        + "</div>"
    )
    tree = lxml_html.fromstring(f"<html><body>{body}</body></html>")
    lines = [*FIRST, *(f"- {s}" for s in items), *SECOND]
    restored = restore_headings(lines, tree)
    k = restored.index("What the fishermen want")
    assert restored[k - 1] == "- Close the pier in a storm" and restored[k + 1] == SECOND[0]


def test_own_site_is_either_address_of_the_page() -> None:
    # the canonical tag may name a staging host; the address the page came from counts too
    urls = [
        "http://harbour-news.staging-cluster.example.net/pier",
        "https://www.harbournews.example/pier",
    ]
    assert same_site("https://harbournews.example/ferry-fares", urls)
    assert same_site("/ferry-fares", urls)
    assert not same_site("https://www.harbourdivers.example/", urls)
    assert same_site("https://www.harbourdivers.example/", [])  # no address: all taken as own
