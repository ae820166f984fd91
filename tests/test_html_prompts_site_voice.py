"""Closing blocks where the site speaks for itself are dropped; reporting is kept."""

from tidings.extract.prompts import drop_prompts, is_edge_furniture, is_prompt

REPORT = [
    "The council voted on Tuesday to close the river bridge for repairs until spring.",
    "Engineers said the steel frame had corroded faster than the 1998 survey predicted.",
    "Drivers will be sent through the northern bypass, adding about ten minutes.",
    "The mayor said the company is a partner in the repair contract.",
    "Residents can comment on the plan at the library until the end of the month.",
]


def test_long_paid_link_disclosure_is_furniture_anywhere() -> None:
    line = (
        "Disclosure: as an affiliate of several shops, I earn from qualifying purchases. "
        + "The links in this guide lead to products I tested in my own kitchen over the year. " * 3
    )
    assert len(line.split()) > 40
    assert is_prompt(line)


def test_site_voice_at_the_edges() -> None:
    assert is_edge_furniture(
        "Catch up on our coverage of tools and wellness, and follow us on Facebook and "
        "Instagram to stay up to date."
    )
    assert is_edge_furniture("Images by Ann Lee, all other pictures via the makers.")
    assert not is_edge_furniture(REPORT[0])


def test_closing_about_us_blurb_dropped_only_at_the_end() -> None:
    blurb = "Northwind Studio is a small design agency in Leeds. We build sites for charities."
    kept, dropped = drop_prompts([*REPORT, blurb])
    assert dropped == [blurb]
    assert kept == REPORT
    # the same sentence in the middle of the text is reporting about a company
    middle = [*REPORT[:2], blurb, *REPORT[2:], *REPORT]
    kept, dropped = drop_prompts(middle)
    assert blurb in kept and not dropped
