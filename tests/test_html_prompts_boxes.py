"""Boxes inside the article container: a button's pitch, the page after a request for
feedback, a closing box and what follows it, footnotes, and jump links glued to prose."""

from tidings.extract.prompts import drop_prompts

REPORT = [
    "The council voted on Tuesday to close the river bridge for repairs until spring.",
    "Engineers said the steel frame had corroded faster than the 1998 survey predicted.",
    "Drivers will be sent through the northern bypass, adding about ten minutes.",
    "The mayor said the company is a partner in the repair contract and will pay half.",
    "Residents can comment on the plan at the library until the end of the month.",
]


def test_the_short_pitch_above_a_button_goes_with_it() -> None:
    pitch = "Plan every bridge inspection in one place with Girderly!"
    kept, dropped = drop_prompts([*REPORT[:3], pitch, "Book a demo", *REPORT[3:]])
    assert kept == REPORT and dropped == [pitch, "Book a demo"]


def test_a_long_paragraph_above_a_button_stays() -> None:
    paragraph = REPORT[3] + " " + REPORT[4]
    kept, dropped = drop_prompts([*REPORT[:3], paragraph, "Get started"])
    assert paragraph in kept and dropped == ["Get started"]


def test_a_request_for_feedback_closes_the_article() -> None:
    tail = ["How was this issue?", "Share with a friend", "Jobs this week",
            "- Analyst at Northwind", "See you next week,"]  # fmt: skip
    kept, dropped = drop_prompts([*REPORT, *REPORT, *tail])
    assert kept == [*REPORT, *REPORT] and dropped == tail


def test_a_request_for_feedback_before_the_article_closes_nothing() -> None:
    kept, _ = drop_prompts(["Was this article helpful?", *REPORT])
    assert kept == REPORT


def test_what_follows_a_closing_about_us_blurb_belongs_to_its_box() -> None:
    box = ["Northwind Studio is a small design agency in Leeds.",
           "Looking for: web design Leeds / web design York / web design Hull",
           "All loans made by Example Bank."]  # fmt: skip
    kept, dropped = drop_prompts([*REPORT, *box])
    assert kept == REPORT and dropped == box


def test_a_closing_name_and_role_opens_the_bio_box() -> None:
    box = ["Ann Lee Senior Technology Writer", "Ann covers city budgets and transport."]
    kept, dropped = drop_prompts([*REPORT, *box])
    assert kept == REPORT and dropped == box


def test_footnotes_with_their_return_links_are_dropped() -> None:
    notes = ["- The survey was paid for by the city. ↩", "- Figures from 2023. ↩︎"]
    kept, dropped = drop_prompts([*REPORT, *notes])
    assert kept == REPORT and dropped == notes


def test_a_jump_link_glued_to_a_paragraph_loses_only_the_link() -> None:
    kept, dropped = drop_prompts([f"JUMP TO THE LIST ⤵ {REPORT[0]}", *REPORT[1:]])
    assert kept == REPORT and dropped == ["JUMP TO THE LIST ⤵"]
    # without the arrow, a paragraph that happens to start that way stays whole
    line = "Jump to the conclusions of the report and you find a bridge in danger. " + REPORT[1]
    line += " " + REPORT[2] + " " + REPORT[4]
    assert len(line.split()) > 40
    assert drop_prompts([line, *REPORT])[0][0] == line


def test_a_pagination_label_is_a_label() -> None:
    kept, dropped = drop_prompts([*REPORT[:2], "Page 1 of 8", *REPORT[2:]])
    assert kept == REPORT and dropped == ["Page 1 of 8"]


def test_calls_to_the_reader_about_the_site() -> None:
    calls = [
        "You may also be interested in the following reports:",
        "Add Northwind News as a preferred source on Google to see more of our coverage.",
        "Or call us directly at 1-800-555-0199",
        "Fill out the form to get a copy of our ebook.",
    ]
    kept, dropped = drop_prompts([*REPORT[:2], *calls, *REPORT[2:]])
    assert kept == REPORT and dropped == calls
    # a quoted call in a story is reporting
    quoted = "“Call us directly if the water rises again,” the fire chief told residents."
    assert drop_prompts([*REPORT, quoted, *REPORT])[0].count(quoted) == 1


def test_a_closing_call_of_two_sentences_is_the_site_speaking() -> None:
    call = (
        "To get started, request a quote here and our team of experienced bridge engineers "
        "will get right back to you with a plan, a price and a date. You can also call our "
        "office directly on weekdays between nine and five, or write to us at any time."
    )
    assert 40 < len(call.split()) <= 60
    kept, dropped = drop_prompts([*REPORT, call])
    assert kept == REPORT and dropped == [call]


def test_a_closing_disclaimer_goes_with_what_follows() -> None:
    small_print = [
        "Disclaimer: this post is for general informational purposes only.",
        "Past performance is no guarantee of future results.",
    ]
    kept, dropped = drop_prompts([*REPORT, *small_print])
    assert kept == REPORT and dropped == small_print
    views = "The views expressed by the authors of this blog are their own."
    assert drop_prompts([*REPORT, views])[0] == REPORT


def test_a_disclaimer_inside_the_article_stays() -> None:
    # the article may report on small print; only the end of the text is judged
    line = "The bank's disclaimer says the figures are for informational purposes only."
    lines = [REPORT[0], line, *REPORT[1:]]
    assert drop_prompts(lines)[0] == lines


def test_a_line_between_two_closing_boxes_belongs_to_them() -> None:
    # an adviser's bio, the firm's registration, then its disclaimer: the box nearest the
    # article takes everything after it, the registration line too
    box = [
        "Ann Lee is a fee-only financial advisor with Northwind Wealth since 2004.",
        "Northwind Wealth, LLC is registered with the state securities regulator.",
        "This material is for informational purposes only and is not tax advice.",
    ]
    kept, dropped = drop_prompts([*REPORT, *box])
    assert kept == REPORT and dropped == box


def test_no_break_spaces_read_as_spaces() -> None:
    # pages write "for general\xa0informational …": the patterns spell a space as " "
    small_print = ["This post is for general\u00a0informational purposes only."]
    kept, dropped = drop_prompts([*REPORT, *small_print])
    assert kept == REPORT and dropped == small_print
