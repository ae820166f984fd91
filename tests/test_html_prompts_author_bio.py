"""The bio of the page's own author at the end of the text: a box about the writer, tied to
the byline's names so that a closing sentence about anyone else stays."""

from tidings.extract.prompts import author_names, drop_prompts

REPORT = [
    "The council voted on Tuesday to close the river bridge for repairs until spring.",
    "Engineers said the steel frame had corroded faster than the 1998 survey predicted.",
    "Drivers will be sent through the northern bypass, adding about ten minutes.",
    "Residents can comment on the plan at the library until the end of the month.",
]
BIO = [
    "Dana Whitfield is the owner of a small bookkeeping firm in Leeds and a part-time tutor.",
    "When she is not working, Dana restores old bicycles with her two sons.",
]


def test_the_names_of_a_byline() -> None:
    assert author_names("By Dana Whitfield and Omar Haddad, Staff Writers") == [
        "Dana Whitfield",
        "Omar Haddad",
    ]
    assert author_names("Dana Whitfield; Jean-Luc Aubert") == ["Dana Whitfield", "Jean-Luc Aubert"]
    assert author_names("staff") == [] and author_names(None) == []


def test_the_authors_closing_bio_goes_with_what_follows() -> None:
    kept, dropped = drop_prompts([*REPORT, *BIO], byline="By Dana Whitfield")
    assert kept == REPORT and dropped == BIO


def test_a_role_between_commas_still_opens_the_bio() -> None:
    bio = "Dana Whitfield, a former council engineer, has written about public works since 2010."
    assert drop_prompts([*REPORT, bio], byline="Dana Whitfield")[0] == REPORT


def test_without_the_byline_or_about_someone_else_the_sentence_stays() -> None:
    assert drop_prompts([*REPORT, *BIO])[0] == [*REPORT, *BIO]
    assert drop_prompts([*REPORT, *BIO], byline="Omar Haddad")[0] == [*REPORT, *BIO]


def test_the_author_named_inside_the_article_stays() -> None:
    # only the closing lines are judged: an article about its own writer keeps its opening
    lines = [BIO[0], *REPORT]
    assert drop_prompts(lines, byline="Dana Whitfield")[0] == lines
