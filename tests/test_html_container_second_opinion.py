"""The container check: a second trafilatura pass only when the text-rich element holds
clearly more of the same article, and split articles are gathered chunk by chunk."""

from lxml import html as lxml_html

from tidings.extract.container import gather_chunks, paragraph_credit, second_opinion
from tidings.extract.html import main_text

SENTENCES = [
    "The harbour board met on Monday to decide the future of the old ferry pier.",
    "Engineers told the board that the timber piles had rotted below the waterline.",
    "A repair would cost less than a new pier but would last only fifteen years.",
    "Fishermen who use the pier every morning asked the board to keep it open.",
    "The board will publish both plans next month and hold a public meeting after.",
    "Until then the pier stays open to walkers but closed to vehicles and trailers.",
]


def _page(body: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><head><title>Pier</title></head><body>{body}</body></html>")


def test_lines_that_cover_the_container_run_no_second_pass() -> None:
    tree = _page("<article>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article>")
    _, parts = paragraph_credit(tree)
    calls: list[int] = []

    def extract(t: lxml_html.HtmlElement) -> list[str]:
        calls.append(1)
        return []

    assert second_opinion(SENTENCES, parts, extract) == SENTENCES
    assert not calls


def test_container_wins_when_it_tells_the_same_article_more_fully() -> None:
    tree = _page("<div class='story'>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</div>")
    _, parts = paragraph_credit(tree)
    found = SENTENCES[:2]
    assert second_opinion(found, parts, lambda t: SENTENCES) == SENTENCES
    # a different text from the container is not the same article: keep the first pass
    other = ["Weather: rain in the north, sun in the south, wind everywhere along the coast."]
    assert second_opinion(found, parts, lambda t: other * 6) == found


def test_article_split_by_an_advert_is_gathered() -> None:
    chunk = "<div class='chunk'>{}</div>"
    first = "".join(f"<p>{s}</p>" for s in SENTENCES)
    second = "".join(f"<p>{s}</p>" for s in reversed(SENTENCES))
    tree = _page(chunk.format(first) + "<div class='ad'>Advert</div>" + chunk.format(second))
    _, parts = paragraph_credit(tree)
    assert [p.get("class") for p in parts] == ["chunk", "chunk"]
    lone = tree.xpath("//div[@class='chunk']")[0]
    assert len(gather_chunks(lone)) == 2


def test_article_inside_an_aside_is_found() -> None:
    # broken markup put the whole body inside a pop-up <aside>, which trafilatura skips
    body = (
        "<aside class='popup'><div class='entry'>"
        + "".join(f"<p>{s}</p>" for s in SENTENCES)
        + "</div></aside>"
    )
    lines = main_text(_page(body), None)
    assert any("timber piles" in line for line in lines)


def _slides(teaser_links: bool) -> str:
    """An intro block with the most paragraph credit, and the article's sections beside it
    further up the tree, each paragraph nested too deep to credit the section."""
    intro = (
        "<div class='intro'><div class='copy'>"
        + "".join(f"<p>{s}</p>" for s in SENTENCES[:4])
        + "</div></div>"
    )
    link = "<a href='/other'>{}</a>" if teaser_links else "{}"
    slides = "".join(
        f"<section class='slide'><div><div><div><p>{link.format(s)}</p></div></div></div></section>"
        for s in SENTENCES * 2
    )
    return f"<div class='listicle'><section class='head'><div>{intro}</div></section>{slides}</div>"


def test_sections_beside_the_best_container_widen_it() -> None:
    _, parts = paragraph_credit(_page(_slides(teaser_links=False)))
    assert [p.get("class") for p in parts] == ["listicle"]


def test_teasers_beside_the_best_container_do_not_widen_it() -> None:
    _, parts = paragraph_credit(_page(_slides(teaser_links=True)))
    assert [p.get("class") for p in parts] == ["copy"]


def _cards(depth: int) -> str:
    """A ranking: a short intro and entries each in its own card, nested ``depth`` deep,
    so that no element near the intro credits the entries."""
    intro = "<div class='intro'><div>" + f"<p>{SENTENCES[0]}</p>" + "</div></div>"
    card = "<div class='card'>" * depth + "<p>{}</p>" + "</div>" * depth
    cards = "".join(card.format(s) for s in SENTENCES[1:] * 3)
    return f"<div class='ranking'><div class='cards'>{cards}</div>{intro}</div>"


def test_a_container_with_little_of_the_page_reaches_the_prose_around_it() -> None:
    tree = _page(_cards(depth=3))
    total, parts = paragraph_credit(tree)
    assert total > 0
    assert [p.get("class") for p in parts] in (["ranking"], ["cards"])


def test_block_lines_stand_in_when_trafilatura_drops_the_container_too() -> None:
    tree = _page("<div class='story'>" + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</div>")
    _, parts = paragraph_credit(tree)
    # both trafilatura passes kept one scrap of the article
    found = [SENTENCES[0]]
    wider = second_opinion(found, parts, lambda t: [SENTENCES[0]])
    assert wider == SENTENCES


def test_a_first_pass_that_strayed_gives_way_to_a_container_many_times_larger() -> None:
    tree = _page("<div class='story'>" + "".join(f"<p>{s}</p>" for s in SENTENCES * 2) + "</div>")
    _, parts = paragraph_credit(tree)
    scrap = ["Sign up for our course and get a certificate within a week of starting."]
    assert second_opinion(scrap, parts, lambda t: SENTENCES * 2) == SENTENCES * 2
    # a first pass as large as the container's text is not a scrap: it stays
    other = [f"Other text number {k} of a page that talks about something else." for k in range(9)]
    assert second_opinion(other, parts, lambda t: SENTENCES * 2) == other
