"""Events: PLOVER event coding from sentence structure, with dates and aux modes.

The patterns are data (``data/lexicon.tsv``, ``data/modes.tsv``); ``coder`` applies them
over the dependency parse. See ``coder.code_events``.
"""

from __future__ import annotations

from tidings.events.coder import code_events

__all__ = ["code_events"]
