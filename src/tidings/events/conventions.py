"""Coding conventions: the hooks where a use of the coder may depart from how a news
article is coded.

The coder (``events.coder``) codes an article for an analyst: only coded actors take part,
an event needs a recipient (or is passed to ``discourse`` to find one), and refusals of
asked-for acts are added. An evaluation that scores sentences on their own under another
scheme's rules (the PLOVER gold standard, ``evaluation.plover_conventions``) supplies its
own :class:`Conventions`; :class:`ArticleConventions`, the default, changes nothing.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from tidings.events.arguments import ActorIndex, Party


class Conventions(Protocol):
    """Hooks the coder calls while it fills in an event's parties."""

    def admits_uncoded(self) -> bool:
        """Whether mentions the actors stage could not code take part as actors."""
        ...

    def keeps_without_recipient(self) -> bool:
        """Whether an event with no recipient is kept as it is (also one addressed to the
        actor's own side), rather than dropped or left to the discourse to complete."""
        ...

    def infers_refusals(self) -> bool:
        """Whether REJECTs of asked-for acts are added (``events.refusals``)."""
        ...

    def complete_source(
        self, trigger: Token, index: ActorIndex, source: list[Party]
    ) -> list[Party]:
        """The event's source once the coder found ``source`` (maybe none) on the parse."""
        ...

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
        ...


class ArticleConventions:
    """The coder's own conventions for news articles: no hook changes anything."""

    def admits_uncoded(self) -> bool:
        """Only coded mentions take part."""
        return False

    def keeps_without_recipient(self) -> bool:
        """An event needs a recipient, or the discourse may supply one."""
        return False

    def infers_refusals(self) -> bool:
        """Refusals of asked-for acts are coded."""
        return True

    def complete_source(
        self, trigger: Token, index: ActorIndex, source: list[Party]
    ) -> list[Party]:
        """The source as found."""
        return source

    def complete_parties(
        self,
        trigger: Token,
        index: ActorIndex,
        source: list[Party],
        targets: list[Party],
        source_codes: set[str],
    ) -> tuple[list[Party], list[Party]]:
        """The parties as found."""
        return source, targets


ARTICLE = ArticleConventions()

__all__ = ["ARTICLE", "ArticleConventions", "Conventions"]
