"""Kinds of line the local features tell apart: a call to act from a how-to instruction, a
flattened table row, a contact box, a page's label, a separator from a list item.

Every line here is written for these tests."""

from __future__ import annotations

import pytest

from tidings.extract.furniture import context_features
from tidings.extract.line_features import line_features


@pytest.mark.parametrize(
    ("line", "call"),
    [
        ("Book a demo", True),
        ("See price at the shop", True),
        ("Want more?", True),
        ("Subscribe to our newsletter for weekly updates and offers from the whole team", True),
        ("Choose a quiet room with soft furnishings and place the microphone near you.", False),
        ("Like its two rivals, the new model folds flat and fits in a small rucksack.", False),
        ("Book the caterer early – set up tastings and look at menus with both families", False),
    ],
)
def test_everyday_verb_opens_a_call_to_act_only_in_a_short_line(line: str, call: bool) -> None:
    assert line_features(line)["imperative_opens"] == float(call)


def test_call_to_act_after_an_opening_sentence() -> None:
    assert line_features("Enjoyed this guide? Sign up for the weekly letter.")["imperative_inside"]
    assert not line_features("The council met on Monday. Then it adjourned.")["imperative_inside"]


def test_separator_row_is_not_a_list_item() -> None:
    assert line_features("* Bring two litres of water")["list_marker"] == 1.0
    assert line_features("**************************")["list_marker"] == 0.0
    assert line_features("- - - - - - - - -")["list_marker"] == 0.0


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("Open source apps Yes No Yes Yes No", True),
        ("Download speed loss 5.78% 7.76% 8.18% 4.84%", True),
        ("Battery life 11.5 hours 9.25 hours 14.0 hours", True),
        ("The ferry runs twice a day in summer and once a day in winter.", False),
    ],
)
def test_flattened_table_row(line: str, cells: bool) -> None:
    assert line_features(line)["table_cells"] == float(cells)


@pytest.mark.parametrize(
    ("line", "contact"),
    [
        ("412 Harbour Street, Portsmouth, ME 03801", True),
        ("Call us (555) 201-4477 from nine to five", True),
        ("The plant employs 1,200 people and ships 40,000 tonnes a year.", False),
    ],
)
def test_contact_box_line(line: str, contact: bool) -> None:
    assert line_features(line)["contact"] == float(contact)


def test_short_colon_label_and_longer_lead_in() -> None:
    assert line_features("Locations:")["colon_label"] == 1.0
    assert line_features("Here is how the new timetable would work:")["colon_label"] == 0.0


def test_prose_marks_of_list_items_and_questions() -> None:
    item = line_features("Hire the band – confirm the set list and any special songs")
    assert item["dash_item"] == 1.0
    assert line_features("Tents for two (with a porch for the packs)")["parenthesis"] == 1.0
    assert line_features("What does a season ticket cost?")["question_long"] == 1.0
    assert line_features("Why?")["question_long"] == 0.0


def test_context_pass_sees_whether_a_line_names_furniture() -> None:
    lines = [
        "Sign up for our newsletter",
        "The bridge will reopen to traffic on Friday after three months of repairs, the "
        "city's transport office said in a statement.",
        "Share this article",
    ]
    found = context_features(lines, [-2.0, 3.0, -2.0])
    assert [f["cued"] for f in found] == [1.0, 0.0, 1.0]
    # before the first and after the last paragraph of prose
    assert [f["cued_outside"] for f in found] == [1.0, 0.0, 1.0]


@pytest.mark.parametrize(
    ("line", "pitch"),
    [
        ("Earn your certificate in garden design", True),
        ("Grab the deal you deserve with a low-rate card today", True),
        ("Unlock up to 40% off the annual plan", True),
        ("The mayor said the plan would cost more than expected.", False),
        ("Your call is important to the council, the clerk said.", False),
        ("Dr Lee opened the meeting.", False),
    ],
)
def test_a_verb_turned_to_the_reader_opens_a_pitch(line: str, pitch: bool) -> None:
    assert line_features(line)["pitch_opens"] == float(pitch)


def test_hook_questions_offers_and_the_publisher_introducing_itself() -> None:
    assert line_features("Want to plan your trip in half the time?")["hook_question"]
    assert not line_features("Why did the bridge close for a week in May?")["hook_question"]
    assert line_features("Save 20% on every kettle this week")["offer"]
    assert line_features("Start your free trial, no credit card needed")["offer"]
    assert not line_features("Prices rose by 20% in the year to March.")["offer"]
    assert line_features("At Northwind Maps, we help walkers find quiet routes.")["publisher_intro"]
    assert line_features("We are a small team of cartographers.")["publisher_intro"]
    assert not line_features("We were told to wait outside, she said.")["publisher_intro"]
    assert line_features("Use our route planner to find the walk for you.")["self_to_reader"]
    assert not line_features('"We will find you a seat," the driver said.')["self_to_reader"]


def test_headline_form_is_a_capitalised_line_without_a_sentence() -> None:
    assert line_features("Five Quiet Walks Along the Northern Canal")["headline_form"]
    assert not line_features("Five quiet walks along the northern canal were mapped.")[
        "headline_form"
    ]


def test_context_sees_pitches_repeats_and_the_byline_again() -> None:
    lines = [
        "Quiet Walks by the Canal",
        "By Ann Lee",
        "The towpath runs for eleven miles between the two locks, and most of it is flat.",
        "Earn your certificate in garden design",
        "Walkers can join it at four bridges, each with a car park and a cafe nearby.",
        "The council resurfaced the northern half last spring after years of complaints.",
        "Ann Lee writes about the outdoors for the paper.",
        "Earn your certificate in garden design",
    ]
    found = context_features(lines, [1.0] * len(lines))
    assert found[3]["pitch_inside"] and found[3]["pitch_alone"] and found[3]["repeated_long"]
    assert found[6]["opens_with_byline_name"] and not found[4].get("opens_with_byline_name")
    assert found[7]["past_article"] > 0 and not found[4]["past_article"]


def test_a_box_about_a_person_and_an_author_introducing_themselves() -> None:
    assert line_features("About Jane Whitlow")["about_heading"] == 1.0
    assert line_features("About the Author:")["about_heading"] == 1.0
    assert line_features("About the talks between the two ministries")["about_heading"] == 0.0
    hello = "Hi, I'm Jane Whitlow, and I look after every camera review on this site."
    assert line_features(hello)["bio_opening"] == 1.0
    assert line_features("Jane Whitlow said the camera was too heavy.")["bio_opening"] == 0.0


def test_a_shouted_line_may_open_a_pitch_but_an_acronym_does_not() -> None:
    assert line_features("FIND YOUR NEAREST CAMPUS")["pitch_opens"] == 1.0
    assert line_features("NASA plans your trip to the moon")["pitch_opens"] == 0.0


def test_context_sees_rails_of_headlines_and_paragraphs_set_apart() -> None:
    lines = [
        "A Bridge Reopens After Two Years",
        "The bridge over the river reopened on Monday after two years of repairs and delays.",
        "Drivers had used a ferry or a long detour through the hills since the spring of 2024.",
        "Share",
        "Tweet",
        "Email",
        "Council Approves New School Budget Today",
        "Storm Closes Three Roads Near The Coast",
        "Our team of writers has covered the region's roads and rivers for twenty years now.",
    ]
    scores = [1.0, 3.0, 3.0, -3.0, -3.0, -3.0, -1.0, -1.0, 1.0]
    found = context_features(lines, scores)
    assert found[6]["headlines_near"] > 0  # the next line is a headline too
    assert found[4]["cued_near"] > 0  # share buttons around it
    assert found[8]["island"] == 1.0  # prose after five lines of no prose, at the page's end
    assert found[2]["island"] == 0.0  # the article's next paragraph
    assert found[8]["gap_before"] == 1.0


def test_no_break_spaces_read_as_spaces() -> None:
    # a bio's opening written with a no-break space is the same opening
    plain = "Hi, I'm Ann Lee, and I oversee all laptop coverage at the Daily Planet."
    assert line_features(plain)["bio_opening"] == 1.0
    assert line_features(plain.replace("I'm ", "I'm\u00a0"))["bio_opening"] == 1.0
