"""The split tests (anchored branches matched once, word-boundary branches sharing one
boundary test) answer exactly as the patterns they were split from."""

import re

from tidings.extract import prompts
from tidings.extract.prune import NAMED_FURNITURE, is_furniture_name, may_be_furniture_name

LINES = [
    "Advertisement",
    "- Read more: How the bridge was built",
    "Sign up for our weekly newsletter and get updates in your inbox",
    "We may earn a commission when you buy through links on this page.",
    "Disclosure: the author owns shares in the company.",
    "(Reporting by Ann Lee; Editing by Tom Roe)",
    "Reach the reporter at ann@example.org",
    "Updated 12:30 pm, 2024-05-03",
    "Follow us on Instagram for more recipes.",
    "Need a new roof? Contact our team today.",
    "The council voted on Tuesday to close the river bridge for repairs until spring.",
    "Engineers said the survey was published in 1998 and updated twice since.",
    "Residents may receive compensation for the closure, the council said.",
    "SHARE THIS ARTICLE",
    "Story Continued Below",
    "Enlarge this image toggle caption Richard Drew/AP Richard Drew/AP",
    "",
]


def _variants(line: str) -> list[str]:
    starts = [m.start() for m in re.finditer(r"\b\w", line)]
    return [line, line.upper(), *(line[i:] for i in starts)]


def test_split_patterns_agree_with_their_sources() -> None:
    pairs = [
        (prompts.SITE_VOICE_ANY, prompts.SITE_VOICE),
        (prompts.SITE_CALL_ANY, prompts.SITE_CALL),
        (prompts.CREDIT_ANY, prompts.CREDIT),
        (prompts.STAMP_ANY, prompts.STAMP),
    ]
    hits = 0
    for text in (v for line in LINES for v in _variants(line)):
        for fast, source in pairs:
            assert fast.found(text) == bool(source.search(text)), (text, source.pattern[:30])
        any_length = (prompts.DISCLOSURE, prompts.IMAGE_VIEWER)
        assert prompts.ANY_LENGTH.found(text) == any(p.search(text) for p in any_length), text
        either = (*any_length, prompts.LABEL, prompts.PROMPT)
        expected = any(p.search(text) for p in either)
        assert prompts.PROMPT_ANY.found(text) == expected, text
        hits += expected
    assert hits > 0


def test_branches_split_only_at_the_top_level() -> None:
    assert prompts._branches(r"^a(?:b|c)|[|x]d|\|e") == [r"^a(?:b|c)", r"[|x]d", r"\|e"]


def test_furniture_name_screen_never_hides_a_match() -> None:
    names = ["share-bar", "AD", "x ad", "ad-slot", "fooNewsletterBar", "CtaX", "post-body"]
    names += ["header", "entry_content", "col-md-4", "ſhare", "table-of-contents", "promo"]
    for name in names:
        found = NAMED_FURNITURE.search(name) is not None
        assert is_furniture_name(name) == found, name
        assert may_be_furniture_name(name) or not found, name
    assert not is_furniture_name("header") and is_furniture_name("share-bar")
