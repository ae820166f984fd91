"""Parse a page into an lxml.html tree the way trafilatura does, with a cheaper element lookup.

lxml creates a Python object for every element it hands out, and the stock ``lxml.html``
parser asks a Python method which class to give it (``HtmlElementClassLookup.lookup``, so
that ``<form>`` and ``<input>`` get their form helpers). trafilatura walks and copies the
tree several times per page, so that callback ran about 5,000 times per page and cost
more than a tenth of the extraction time. Here every element is a plain ``HtmlElement``,
chosen in C (``ElementDefaultClassLookup``); the form helpers are not used by tidings or
trafilatura. Copies of the tree keep the parser, and so the cheap lookup.

Otherwise this is ``trafilatura.utils.load_html`` for text input: the same parser options,
the same repairs before parsing, the same fallback to bytes and the same rejection of text
that is not HTML. Its first repair, a regular-expression pass deleting characters XML
forbids, scans the whole page (about 1 ms for a news page) and almost never finds one;
looking for each of those characters with ``in`` is three times faster, so the pass only
runs when one is there.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html


def _parser() -> lxml_html.HTMLParser:
    parser = lxml_html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8",
        remove_comments=True, remove_pis=True,
    )  # fmt: skip
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return parser


PARSER = _parser()
# The characters trafilatura's INVALID_XML_CHARS pattern deletes.
XML_FORBIDDEN = tuple(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)
)


def repair(content: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html``, without its full scan when it has nothing
    to delete (the doctype and self-closing ``<html/>`` fixes are its own lines)."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, repair_faulty_html

    if any(ch in content for ch in XML_FORBIDDEN):
        return repair_faulty_html(content, beginning)
    if "doctype" in beginning:
        first_line, _, rest = content.partition("\n")
        content = DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    for line in content[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", content, count=1)
    return content


def load_tree(content: str) -> lxml_html.HtmlElement | None:
    """The page's tree, or None when the text is not HTML (as trafilatura's loader)."""
    beginning = content[:50].lower()
    dubious = "html" not in beginning  # trafilatura's is_dubious_html
    content = repair(content, beginning)
    tree: lxml_html.HtmlElement | None = None
    as_bytes = False
    try:
        tree = lxml_html.fromstring(content, parser=PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        as_bytes = True
    except Exception:  # noqa: BLE001 - lxml's own errors: an unreadable page
        tree = None
    if as_bytes or tree is None or len(tree) < 1:
        try:
            tree = lxml_html.fromstring(content.encode("utf8", "surrogatepass"), parser=PARSER)
        except Exception:  # noqa: BLE001 - as above
            tree = None
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def document_elements(tree: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """What XPath ``//*`` (or ``//tag``) selects from ``tree``: the elements of its whole
    document in document order, the root included. A broken page can leave libxml2 with
    several top-level elements (a second ``<html>`` after the first); ``//*`` reads them
    all. A Python walk over them is about twice as fast as that XPath on a news page."""
    root = tree.getroottree().getroot()
    before = list(root.itersiblings(etree.Element, preceding=True))
    for top in (*reversed(before), root, *root.itersiblings(etree.Element)):
        yield from top.iter(*tags) if tags else top.iter(etree.Element)
