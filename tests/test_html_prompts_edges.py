"""Edge furniture is found past furniture already peeled: datelines, closing bios, their
headings and rows of buttons."""

from tidings.extract.prompts import drop_prompts, is_edge_furniture, is_prompt

REPORT = [
    "The council voted on Tuesday to close the river bridge for repairs until spring.",
    "Engineers said the steel frame had corroded faster than the 1998 survey predicted.",
    "Drivers will be sent through the northern bypass, adding about ten minutes.",
    "Residents can comment on the plan at the library until the end of the month.",
]


def test_date_only_line_is_a_dateline_at_the_edge() -> None:
    assert is_edge_furniture("January 22nd, 2019")
    assert is_edge_furniture("|  | 3 May 2024 |")
    assert not is_edge_furniture("The vote is on May 3, 2024.")


def test_closing_bio_and_its_heading_dropped_past_a_button() -> None:
    bio = "Ann Lee is a transport reporter who has covered the city council since 2015."
    kept, dropped = drop_prompts([*REPORT, "About the author", bio, "Learn more"])
    assert kept == REPORT
    assert dropped == ["About the author", bio, "Learn more"]


def test_row_of_buttons_and_list_marked_labels() -> None:
    assert is_edge_furniture("Get started | Subscribe | Read more")
    assert not is_edge_furniture("| Bridge | Cost | Years |")
    assert is_prompt("- Share this")
    kept, _ = drop_prompts([*REPORT, "- Explore more stories about transport"])
    assert kept == REPORT


def test_wire_credits_and_press_release_boilerplate_at_the_end() -> None:
    release = [
        *REPORT,
        "Northwind is a global provider of bridge sensors for city councils and ports.",
        "Northwind is headquartered in Leeds and employs around 300 people.",
        "(Reporting by Ann Lee; Editing by Tom Roe)",
    ]
    kept, dropped = drop_prompts(release)
    assert kept == REPORT
    assert len(dropped) == 3


def test_page_tools_are_labels() -> None:
    for line in ("- Order Reprints", "- Print Article", "DON'T MISS", "SEE MORE: Bridge news"):
        assert is_prompt(line), line
    assert not is_prompt("Engineers said they would print the survey results for residents.")


def test_list_under_a_rail_heading_is_furniture() -> None:
    rail = ["More Great Stories", "- The bridge that sings", "- Ten ferries worth the trip"]
    kept, dropped = drop_prompts([*REPORT[:2], *rail, *REPORT[2:]])
    assert kept == REPORT
    assert dropped == rail
    # the same list under a heading of the article stays
    steps = ["What drivers should do", "- Use the northern bypass", "- Allow ten minutes more"]
    kept, _ = drop_prompts([*REPORT[:2], *steps, *REPORT[2:]])
    assert kept == [*REPORT[:2], *steps, *REPORT[2:]]
