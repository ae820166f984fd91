"""A page that prints the article once per screen size yields one copy; lines that merely
recur in the text stay."""

from tidings.extract.html import drop_repeated_copy

ARTICLE = [
    "The library will open on Sundays from March, the council announced on Friday.",
    "Staff asked for the change after a survey of more than two thousand readers.",
    "Most readers said they could only visit at weekends because of work and school.",
    "The extra day will be paid for by closing an hour earlier on Monday evenings.",
    "The council will review the new hours after six months and publish the figures.",
    "Volunteers from the reading club have offered to run a story hour for children.",
    "The mayor thanked the staff and said the change had cost the town nothing extra.",
]


def test_second_copy_of_the_whole_article_dropped() -> None:
    assert drop_repeated_copy(["Posted on 3 May", *ARTICLE, *ARTICLE]) == [
        "Posted on 3 May",
        *ARTICLE,
    ]


def test_recurring_lines_kept() -> None:
    plan = []
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday"):
        plan += [f"{day}: easy run", "Warm up for ten minutes with easy jogging and drills."]
    lines = ARTICLE + plan
    assert drop_repeated_copy(lines) == lines
