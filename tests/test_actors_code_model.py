"""The trained sector model of actor codes (tidings.actors.code_model): its file, how its
sector combines with the rules' code, and sentences where it corrects the rules."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from tests.actors_support import codes, mentions

from tidings.actors.code_model import CodeModel, combined, load_code_model, split_code

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))


def test_split_code_reads_country_and_sector() -> None:
    assert split_code("USALEG") == ("USA", "LEG")
    assert split_code("RUS") == ("RUS", "GOV")
    assert split_code("IGO") == ("", "IGO")
    assert split_code("") == ("", "")


def test_combined_keeps_the_rules_below_the_threshold_and_the_country_above() -> None:
    assert combined("USAGOV", "LEG", 0.5, 0.6, "USA") == "USAGOV"
    assert combined("USAGOV", "LEG", 0.9, 0.6, "USA") == "USALEG"
    assert combined("RUS", "MIL", 0.9, 0.6, "USA") == "RUSMIL"
    # a state's body is not made an IGO; an uncoded mention stays so unless any sector may go
    assert combined("USAGOV", "IGO", 0.9, 0.6, "USA") == "USAGOV"
    assert combined("", "BUS", 0.9, 0.6, "GBR") == ""
    assert combined("", "BUS", 0.9, 0.6, "GBR", replaceable=None) == "GBRBUS"
    assert combined("", "BUS", 0.9, 0.6, None, replaceable=None) == ""


def test_model_round_trips_through_bytes() -> None:
    model = CodeModel(labels=("GOV", "MIL"), vocabulary={"a": 0, "b": 1},
                      weights=np.array([[1.0, -1.0], [0.0, 2.0]]), bias=np.zeros(2),
                      sector_at=0.7)  # fmt: skip
    again = CodeModel.from_bytes(model.to_bytes())
    assert again.labels == model.labels and again.vocabulary == model.vocabulary
    assert again.sector_at == pytest.approx(0.7)
    p = again.probabilities([["a"], ["b", "unknown"], []])
    assert p.shape == (3, 2)
    assert p[0].argmax() == 0 and p[1].argmax() == 1
    assert p[2] == pytest.approx([0.5, 0.5])


def test_packaged_weights_load_once_small_with_a_model_card() -> None:
    model = load_code_model()
    assert model is not None and load_code_model() is model
    data = resources.files("tidings.actors").joinpath("data")
    assert data.joinpath("code_model.npz").stat().st_size < 5_000_000  # type: ignore[attr-defined]
    card = data.joinpath("code_model.md").read_text(encoding="utf-8")
    assert "grouped by article" in card
    assert {"GOV", "MIL", "LEG", "CVL"} <= set(model.labels)
    assert 0.3 <= model.sector_at <= 0.95


def test_training_is_deterministic() -> None:
    from train_actor_codes import fit

    rows = [["bias", "h=soldier"], ["bias", "h=senator"], ["bias", "h=soldier", "w=army"],
            ["bias", "h=senator", "w=senate"], ["bias", "h=minister"]] * 3  # fmt: skip
    ys = ["MIL", "LEG", "MIL", "LEG", "GOV"] * 3
    one, two = fit(rows, ys, ["GOV", "LEG", "MIL"]), fit(rows, ys, ["GOV", "LEG", "MIL"])
    assert one.vocabulary == two.vocabulary
    assert np.array_equal(one.weights, two.weights) and np.array_equal(one.bias, two.bias)
    assert one.labels[int(one.probabilities([["bias", "h=soldier"]])[0].argmax())] == "MIL"


def test_rules_alone_without_the_model(nlp) -> None:  # type: ignore[no-untyped-def]
    from tidings.actors import resolve_actors
    from tidings.model import Article

    text = "Russian troops shelled the town, Ukraine's military said."
    article = Article(doc_id="t", title=None, body=text)
    ruled = resolve_actors(nlp(text), article, learned=False)
    assert ruled and all(m.actor.code for m in ruled)
    assert codes(mentions(nlp, text))["Russian troops"] == "RUSMIL"


def _both(nlp, text: str) -> tuple[dict[str, str], dict[str, str]]:  # type: ignore[no-untyped-def]
    """The codes of the rules alone and those shipped, by surface form."""
    from tidings.actors import resolve_actors
    from tidings.model import Article

    article = Article(doc_id="t", title=None, body=text)
    return codes(resolve_actors(nlp(text), article, learned=False)), codes(mentions(nlp, text))


@pytest.mark.parametrize(
    ("text", "phrase", "rules", "shipped"),
    [
        # demonyms the rules read as the state: people in the street
        ("Thousands of Iranians took to the streets of Tehran on Friday to protest rising "
         "fuel prices.", "Iranians", "IRN", "IRNCVL"),
        ("Thousands of Hong Kongers took to the streets to protest the extradition bill.",
         "Hong Kongers", "HKG", "HKGCVL"),
        # a state that fires missiles: its armed forces, as the annotators code launches
        ("North Korea fired two short-range missiles into the sea, South Korea's military "
         "said.", "North Korea", "PRK", "PRKMIL"),
        ("Russia launched dozens of drones at Kyiv overnight, Ukraine's air force said.",
         "Russia", "RUS", "RUSMIL"),
    ],
)  # fmt: skip
def test_model_corrects_the_rules_sector(nlp, text, phrase, rules, shipped) -> None:  # type: ignore[no-untyped-def]
    ruled, final = _both(nlp, text)
    assert ruled[phrase] == rules
    assert final[phrase] == shipped


def test_model_leaves_a_sector_read_from_a_description(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will not back down," said Maria Lopez, a nurse who joined the march in Caracas.'
    ruled, final = _both(nlp, text)
    assert final["Maria Lopez"] == ruled["Maria Lopez"] == "VENHLH"
