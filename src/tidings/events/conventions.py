"""Coding conventions: the hooks where a use of the coder may depart from how a news
article is coded.

The coder (``events.coder``) codes an article for an analyst: only coded actors take part,
an event needs a recipient (or is passed to ``discourse`` to find one), and refusals of
asked-for acts are added. :class:`Conventions` is that default; an evaluation that scores
sentences on their own under another scheme's rules (the PLOVER gold standard,
``evaluation.plover_conventions``) overrides its hooks.
"""

from __future__ import annotations

from spacy.tokens import Token

from tidings.events.arguments import ActorIndex, Party


class Conventions:
    """Hooks the coder calls while it fills in an event's parties; as they stand here,
    they code a news article and change nothing."""

    def admits_uncoded(self) -> bool:
        """Whether mentions the actors stage could not code take part as actors."""
        return False

    def keeps_without_recipient(self) -> bool:
        """Whether an event with no recipient is kept as it is (also one addressed to the
        actor's own side), rather than dropped or left to the discourse to complete."""
        return False

    def infers_refusals(self) -> bool:
        """Whether REJECTs of asked-for acts are added (``events.refusals``)."""
        return True

    def complete_source(
        self, trigger: Token, index: ActorIndex, source: list[Party]
    ) -> list[Party]:
        """The event's source once the coder found ``source`` (maybe none) on the parse."""
        return source

    def complete_parties(
        self,
        trigger: Token,
        index: ActorIndex,
        source: list[Party],
        targets: list[Party],
        source_codes: set[str],
    ) -> tuple[list[Party], list[Party]]:
        """Source and recipients once the coder found its recipients (maybe none);
        ``source_codes`` are the source's codes as a state acts (``SRB`` → ``SRBGOV``)."""
        return source, targets


ARTICLE = Conventions()

__all__ = ["ARTICLE", "Conventions"]
