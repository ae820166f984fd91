"""The faster attribute ruler and lemmatizer (tidings.nlp.speed) annotate exactly as
spaCy's own components do."""

from __future__ import annotations

import gzip
import json
from itertools import islice
from pathlib import Path

import pytest
import spacy

from tidings.nlp import MODEL
from tidings.nlp.speed import speed_up

TEXTS = [
    "The ministers met in Port Avery on Monday. They didn't agree on anything, and "
    "nobody expects the talks to resume soon.",
    "\"We ain't gonna give up,\" a protester said. \"Let's see what they do. C'mon, y'all!\"",
    "There is no doubt: the committee's report, which was published late, is damning.",
    "Prices rose 3.5% in May   after falling in April.\n\nAnalysts had expected a smaller rise.",
    "Who's to blame? It's not clear whether the minister knew what his aides were doing.",
    # the attribute ruler's patterns of two tokens ("got ta", "y' all", "There were")
    "\"You gotta see it, y' all,\" she said. There were nothin' but ruins. Y'all ain't seen it.",
]


def _annotations(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


def _compare(texts: list[str]) -> None:
    plain = spacy.load(MODEL)
    fast = speed_up(spacy.load(MODEL))
    assert type(fast.get_pipe("lemmatizer")).__name__.startswith("Cached")
    assert type(fast.get_pipe("attribute_ruler")).__name__.startswith("Indexed")
    for batch_size in (1, 8):  # twice, so the second pass runs on warm caches
        got = [_annotations(d) for d in fast.pipe(texts, batch_size=batch_size)]
        want = [_annotations(d) for d in plain.pipe(texts, batch_size=batch_size)]
        assert got == want


def test_bench_pipeline_fast_components_match_spacy_on_made_up_text() -> None:
    _compare(TEXTS)


@pytest.mark.slow
def test_bench_pipeline_fast_components_match_spacy_on_corpus(shared: Path) -> None:
    corpus = shared / "corpus" / "allsides-10k.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in islice(fh, 1000, 1012)]
    _compare(texts)
