"""``tidings bench pipeline``: the figures, the markdown table, and small real runs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tidings.benchmarks.pipeline import Phase, figures, markdown, spacy_phase, tidings_phase
from tidings.cli import app

ARTICLES = [
    "The foreign minister of Norland met her Southland counterpart in Port Avery on Monday. "
    "The two sides agreed to reopen the border crossing next month.",
    'Southland accused Norland of sending troops into the disputed valley. "We will not '
    'accept this," the defence ministry said in a statement on Tuesday.',
    "Farmers in the northern province protested against the new water tax for a third day, "
    "blocking roads into the capital.",
]


def _corpus(tmp: Path) -> Path:
    path = tmp / "corpus.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": t, "published": "2024-05-10"})
             for i, t in enumerate(ARTICLES)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _phase(seconds: float, cpu: float, **extra: object) -> Phase:
    base = {"quotes": 4, "events": 6, "dates": 2, "failed": 0, "components": ["tok2vec"],
            "stage_share": {"nlp": 0.75, "events": 0.25}}  # fmt: skip
    return Phase(seconds, cpu, 300.0, 10, base | extra)


def test_bench_pipeline_figures_ratio_and_rates() -> None:
    fig = figures([_phase(5.0, 10.0)], [_phase(4.0, 6.0)], processes=2)
    assert fig["articles"] == 10
    assert fig["tidings_per_s"] == 2.5
    assert fig["spacy_per_s"] == 2.0
    assert fig["ratio"] == 1.25
    assert fig["ratio_cpu"] == round(1.0 / 0.6, 3)
    assert fig["quotes_per_s"] == 1.0 and fig["events_per_s"] == 1.5
    assert fig["peak_rss_mb"] == 300.0
    table = markdown(fig, Path("corpus.jsonl"))
    assert "| ratio (tidings / spaCy) | 1.25 |" in table
    assert "share of stage time: nlp | 75.0%" in table


def test_bench_pipeline_phases_run_on_a_small_corpus(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    ours = tidings_phase(corpus, 2, 1)
    bare = spacy_phase(corpus, 2, 1)
    assert ours.articles == bare.articles == 2
    assert ours.seconds > 0 and bare.seconds > 0 and ours.peak_rss_mb > 0
    assert set(ours.extra["stage_share"]) >= {"extract", "nlp", "events"}
    assert abs(sum(ours.extra["stage_share"].values()) - 1.0) < 0.01


def test_bench_pipeline_cli_missing_corpus_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "pipeline", "--corpus", str(tmp_path / "no.jsonl")])
    assert result.exit_code == 2
    assert "no such corpus" in result.stderr
