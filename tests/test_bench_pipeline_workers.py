"""Worker processes give the same analyses, in the same order, as one process."""

from __future__ import annotations

from tidings.errors import InputError
from tidings.model import Document, to_dict
from tidings.pipeline import Pipeline, Settings, worker_count

TEXTS = [
    "Norland's prime minister visited Southland on Monday and signed a trade agreement.",
    "The Southland army shelled positions near the border town of Kessel overnight.",
    '"We demand an apology," the Norland foreign ministry said on Wednesday.',
    "Protesters gathered outside parliament in Port Avery to oppose the new fuel tax.",
    "The central bank left its interest rate unchanged, citing slowing inflation.",
]


def _items() -> list[Document | InputError]:
    docs: list[Document | InputError] = [
        Document(
            source=f"t{i}",
            content_hash=f"h{i}",
            format="text",
            content=text,
            hints={"published": "2024-05-10"},
        )  # fmt: skip
        for i, text in enumerate(TEXTS)
    ]
    docs.insert(2, InputError("empty file", source="bad.txt"))
    return docs


def _plain(results: list[object]) -> list[object]:
    return [str(r) if isinstance(r, Exception) else to_dict(r) for r in results]


def test_bench_pipeline_workers_match_one_process() -> None:
    one = Pipeline(Settings(batch_size=2, n_process=1))
    two = Pipeline(Settings(batch_size=2, n_process=2))
    alone = list(one.analyze_many(_items()))
    pooled = list(two.analyze_many(_items()))
    assert len(pooled) == len(TEXTS) + 1
    assert isinstance(pooled[2], InputError) and pooled[2].source == "bad.txt"
    assert _plain(pooled) == _plain(alone)
    assert two.stage_seconds["nlp"] > 0  # workers report their stage times


def test_bench_pipeline_workers_auto_count_is_at_least_one() -> None:
    assert worker_count(3) == 3
    assert 1 <= worker_count(0) <= 4


def test_bench_pipeline_workers_return_stage_errors_intact(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tidings.pipeline as pipeline_module
    from tidings.errors import StageError

    def broken(doc, article):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    monkeypatch.setattr(pipeline_module, "resolve_dates", broken)  # workers fork after this
    results = list(Pipeline(Settings(batch_size=2, n_process=2)).analyze_many(_items()))
    failed = [r for r in results if isinstance(r, StageError)]
    assert failed, "every extracted article should fail in the dates stage"
    for error in failed:
        assert error.stage == "dates" and error.source in {f"t{i}" for i in range(5)}
        assert "boom" in error.one_line() and error.code == "T200"
