import datetime as dt

from tidings.model import Article, DateValue, to_dict


def test_model_article_offsets_point_into_body() -> None:
    art = Article.from_paragraphs("h", ["First para.", "Second one."], title="T")
    assert art.paragraph_texts() == ["First para.", "Second one."]
    assert art.body == "First para.\n\nSecond one."


def test_model_to_dict_dates_are_iso() -> None:
    art = Article.from_paragraphs("h", ["x"], title="T", published=dt.date(2024, 10, 20))
    assert to_dict(art)["published"] == "2024-10-20"


def test_model_date_value_bounds() -> None:
    assert DateValue("2022-05", "month").first_day() == dt.date(2022, 5, 1)
    assert DateValue("2022-05", "month").last_day() == dt.date(2022, 5, 31)
    assert DateValue("2024-W43", "week").first_day() == dt.date(2024, 10, 21)
    rng = DateValue("2024-10-22/2024-10-24", "range")
    assert (rng.first_day(), rng.last_day()) == (dt.date(2024, 10, 22), dt.date(2024, 10, 24))
    assert DateValue(None, "unresolved").first_day() is None
