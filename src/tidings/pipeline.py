"""The pipeline: sources → extract → nlp → actors → quotes → dates → events.

Data flows one way; each stage is a pure function of the outputs of the stages before it.
A failure in one document's stage becomes a :class:`StageError` for that document and the
batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.actors import resolve_actors
from tidings.dates import resolve_dates
from tidings.errors import InputError, StageError, TidingsError
from tidings.events import code_events
from tidings.extract import extract_article
from tidings.model import Analysis, Article, Document
from tidings.nlp import load_nlp
from tidings.quotes import extract_quotes


@dataclass
class Settings:
    """Everything a run can be told, in one object passed down the stages."""

    actors_file: Path | None = None  # extra TABARI/PETRARCH actor dictionary
    batch_size: int = 32
    n_process: int = 1
    spacy_disable: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = load_nlp(self.settings.spacy_disable)

    def analyze(self, document: Document) -> Analysis:
        """One document through every stage; raises a TidingsError naming the cause."""
        for result in self.analyze_many([document]):
            if isinstance(result, TidingsError):
                raise result
            return result
        raise InputError("nothing came out of the pipeline", source=document.source)

    def analyze_many(
        self, documents: Iterable[Document | TidingsError]
    ) -> Iterator[Analysis | TidingsError]:
        """Each document's Analysis (or its error), in input order, parsing in batches."""
        extracted = self._extract_all(documents)
        batch: list[tuple[Document, Article]] = []
        for item in extracted:
            if isinstance(item, TidingsError):
                yield from self._run_batch(batch)
                batch = []
                yield item
                continue
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        yield from self._run_batch(batch)

    def _extract_all(
        self, documents: Iterable[Document | TidingsError]
    ) -> Iterator[tuple[Document, Article] | TidingsError]:
        for doc in documents:
            if isinstance(doc, TidingsError):
                yield doc
                continue
            try:
                yield doc, extract_article(doc)
            except TidingsError as exc:
                yield exc
            except Exception as exc:  # a bug in extract must not stop the batch
                yield StageError(repr(exc), stage="extract", source=doc.source)

    def _run_batch(self, batch: list[tuple[Document, Article]]) -> Iterator[Analysis | TidingsError]:
        if not batch:
            return
        texts = [article.body for _, article in batch]
        docs = self.nlp.pipe(texts, batch_size=self.settings.batch_size,
                             n_process=self.settings.n_process)
        for (document, article), sdoc in zip(batch, docs, strict=True):
            stage = "actors"
            try:
                mentions = resolve_actors(sdoc, article)
                stage = "quotes"
                quotes = extract_quotes(sdoc, article, mentions)
                stage = "dates"
                dates = resolve_dates(sdoc, article)
                stage = "events"
                events = code_events(sdoc, article, mentions, quotes, dates)
            except TidingsError as exc:
                yield exc
                continue
            except Exception as exc:
                yield StageError(repr(exc), stage=stage, source=document.source)
                continue
            yield Analysis(document=document, article=article, mentions=mentions,
                           quotes=quotes, dates=dates, events=events)
