"""Evaluation: score what the pipeline extracts against hand-written gold files.

:mod:`~tidings.evaluation.gold` reads gold files and their inputs,
:mod:`~tidings.evaluation.matching` holds the comparison rules (tokens, names, dates),
:mod:`~tidings.evaluation.scoring` turns (gold, prediction) into counts and figures, and
:mod:`~tidings.evaluation.runner` runs the pipeline over a gold set.
"""

from tidings.evaluation.gold import Gold, load_gold, read_gold
from tidings.evaluation.scoring import ArticleScore, Totals, score_article

__all__ = ["ArticleScore", "Gold", "Totals", "load_gold", "read_gold", "score_article"]
