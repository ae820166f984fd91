"""Named furniture blocks are pruned from the tree; prose is kept whatever its name says."""

from lxml import html as lxml_html

from tidings.extract.prune import prune_furniture

STORY = (
    "The harbour board met on Monday to decide the future of the old ferry pier, and "
    "engineers told it that the timber piles had rotted below the waterline."
)


def _text(body: str) -> str:
    tree = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
    prune_furniture(tree)
    return tree.text_content()


def test_a_named_newsletter_box_and_share_bar_go() -> None:
    text = _text(
        f"<p>{STORY}</p><div class='newsletter-box'>Sign up for our weekly letter</div>"
        "<ul class='share-bar'><li>Facebook</li><li>X</li></ul>"
    )
    assert STORY in text and "Sign up" not in text and "Facebook" not in text


def test_a_long_block_of_prose_stays_whatever_its_name() -> None:
    long_story = " ".join([STORY] * 4)
    assert long_story in _text(f"<div class='entry-content-read-more'>{long_story}</div>")


def test_paragraphs_marked_as_behind_the_paywall_are_the_article() -> None:
    text = _text(f"<p>{STORY}</p><p class='paywall'>{STORY[:60]} and more.</p>"
                 "<div class='paywall-prompt'>Subscribe to keep reading</div>")  # fmt: skip
    assert f"{STORY[:60]} and more." in text and "Subscribe to keep" not in text
