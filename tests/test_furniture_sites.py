"""Sites and folds of the furniture model's grouped cross-validation, and the features that
read a line against its page's publisher."""

from __future__ import annotations

from tidings.extract import furniture
from tidings.extract.furniture import context_features, names_publisher, using_weights
from tidings.extract.line_features import line_features
from tidings.extract.sites import FOLDS, fold_of, host_of, site_of, site_words


def test_a_site_is_the_registrable_domain_of_the_host() -> None:
    assert site_of("https://www.wral.com/story/x/") == "wral.com"
    assert site_of("https://cooking.nytimes.com/recipes/1") == "nytimes.com"
    assert site_of("http://news.bbc.co.uk/2/hi/world") == "bbc.co.uk"
    assert site_of("example.org") == "example.org"
    assert site_of(None) == "" and host_of(None) == ""


def test_every_page_of_a_site_falls_in_one_fold() -> None:
    folds = {fold_of(site_of(u)) for u in ("https://www.wral.com/a", "http://m.wral.com/b")}
    assert len(folds) == 1
    assert all(0 <= fold_of(f"site{k}.com") < FOLDS for k in range(50))
    # the hash is fixed: the same fold on every machine and run
    assert fold_of("wral.com") == fold_of("wral.com")


def test_the_publisher_is_named_by_a_word_or_by_words_written_together() -> None:
    assert site_words("https://www.wral.com/x") == frozenset({"wral"})
    assert names_publisher("Other WRAL Top Stories", site_words("https://www.wral.com/x"))
    assert names_publisher("Subscribe to The Verge", site_words("https://www.theverge.com/a"))
    assert not names_publisher("An unprecedented vote", site_words("https://www.npr.org/a"))
    assert site_words("https://www.example.com/news") == frozenset({"example"})
    assert site_words(None) == frozenset()


def test_a_short_line_naming_the_publisher_is_a_context_feature() -> None:
    lines = ["The council voted on Monday to close the bridge.", "Other WRAL Top Stories"]
    found = context_features(lines, [3.0, -1.0], site="https://www.wral.com/story/1")
    assert found[1]["names_site_short"] == 1.0
    assert found[0]["names_site_short"] == 0.0
    assert context_features(lines, [3.0, -1.0])[1]["names_site_short"] == 0.0


def test_bio_openings_and_model_names_are_line_features() -> None:
    bio = "Kimber Streams is a writer who has been covering laptops and keyboards since 2014."
    assert line_features(bio)["bio_opening"] == 1.0
    assert line_features("The mayor said the writer would be named next week.")["bio_opening"] == 0
    assert line_features("4K UHD Wi-Fi 6 Security System with 2 cameras")["model_names"] == 1.0
    assert line_features("The council met on Monday to vote.")["model_names"] == 0.0


def test_another_model_judges_lines_only_inside_its_block() -> None:
    line = "Sign up for our newsletter"
    before = furniture.line_score(line)
    keep_all = {"local": {"bias": 5.0}, "context": {}, "smooth": {}}
    with using_weights(keep_all):
        assert furniture.line_score(line) == 5.0
    assert furniture.line_score(line) == before
