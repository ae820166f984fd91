"""Who did what to whom on the PLOVER gold-standard sentences (../shared/events): the
source and target agreement over every sentence with a gold source (target) stays at or
above 0.70, a missing prediction counting as a disagreement."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.evaluation.plover_gsr import evaluate_gsr

pytestmark = pytest.mark.slow


def test_gsr_source_and_target_agreement(shared: Path) -> None:
    path = shared / "events" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        pytest.skip("the PLOVER gold standard is not in ../shared/events")
    report = evaluate_gsr(path)
    assert report["sentences"] == 322
    assert report["source_agreement_all"] >= 0.70
    assert report["target_agreement_all"] >= 0.70
