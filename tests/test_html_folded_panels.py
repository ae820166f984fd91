"""An accordion's closed panels (hidden blocks that a button opens through
``aria-controls``) are read as the article; hidden blocks nothing opens, and folded menus of
links, stay hidden."""

from lxml import html as lxml_html

from tidings.extract.disclosure import is_hidden, open_folded_panels
from tidings.extract.html import main_text

INTRO = [
    "Installing solar panels can cut a household's electricity bill by more than half.",
    "The process takes about three months from the first quote to switching the system on.",
    "Each step below says how long it usually takes and what the installer will ask of you.",
]
FOLDED = [
    "An engineer visits the house to check the roof, the wiring and the main fuse box.",
    "The visit takes an hour or two and the engineer may ask for recent electricity bills.",
    "Permits come next, and most installers file the paperwork on the owner's behalf.",
]


def _page(panel_attributes: str, button: bool = True, inside: str = "") -> str:
    control = (
        '<button aria-expanded="false" aria-controls="step-1">Site visit</button>'
        if button
        else "<h3>Site visit</h3>"
    )
    inside = inside or "".join(f"<p>{s}</p>" for s in FOLDED)
    return (
        "<html><head><title>Solar guide</title></head><body><article>"
        + "".join(f"<p>{s}</p>" for s in INTRO)
        + f'{control}<div id="step-1" {panel_attributes}>{inside}</div>'
        + "</article></body></html>"
    )


def test_closed_panel_a_button_opens_is_read() -> None:
    page = _page('style="display:none;" role="region"')
    # trafilatura deletes the hidden panel before it reads the page
    assert not any(s in main_text(lxml_html.fromstring(page), None) for s in FOLDED)
    tree = lxml_html.fromstring(page)
    assert open_folded_panels(tree) == 1
    lines = main_text(tree, None)
    assert lines[: len(INTRO + FOLDED)] == INTRO + FOLDED


def test_panel_hidden_by_class_is_opened() -> None:
    tree = lxml_html.fromstring(_page('class="accordion-content hidden"'))
    panel = tree.get_element_by_id("step-1")
    assert is_hidden(panel)
    open_folded_panels(tree)
    assert panel.get("class") == "accordion-content" and not is_hidden(panel)


def test_hidden_block_nothing_opens_stays_hidden() -> None:
    tree = lxml_html.fromstring(_page('style="display:none"', button=False))
    assert open_folded_panels(tree) == 0
    assert is_hidden(tree.get_element_by_id("step-1"))


def test_folded_menu_of_links_stays_hidden() -> None:
    menu = "<ul>" + "".join(
        f'<li><a href="/guides/{n}">Read our complete guide to {n} for homeowners</a></li>'
        for n in ("batteries", "inverters", "heat pumps")
    )
    tree = lxml_html.fromstring(_page('hidden=""', inside=menu + "</ul>"))
    assert open_folded_panels(tree) == 0
