"""The article's countries: the outlet's that published it, and the one the article is about.

A person the article names without saying where they are from is, by default, of the
country the outlet writes for ("Martha Mullen, of Richmond" in USA Today is American) when
the article speaks of that country at all (:func:`article_country`); an article that never
names the outlet's country is about another one, whose people it quotes: Al Jazeera's story
from New Delhi quotes Indians, not Qataris. That country is the one the article's places,
states and bodies clearly name most, more than once (:func:`topic_country`), else the one
its dateline names ("NEW DELHI —"). The outlet's writers and the press it names by a short
name stay of the outlet's country. Measured on 10,300 annotated corpus parties
(``scripts/measure_actor_codes.py``) and the speaker samples of ``data/quotes``.

The outlet is read from the article's publisher name, looked up among the news media of
``data/organisations.tsv`` ("Fox Online News" → Fox News → USA), else from its web address:
the outlet's name run together ("washingtontimes.com") or a country's top-level domain
(".co.uk" → GBR). ``data/outlets.tsv`` adds outlets whose names are common words and so are
not matched in article text ("Reason", "The Hill").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Protocol
from urllib.parse import urlparse

from tidings.actors.fold import fold
from tidings.actors.gazetteer import load_gazetteer
from tidings.actors.organisations import REGIONS
from tidings.model import Actor, ActorMention, Article

# Country-code top-level domains of the countries whose outlets recur in English news.
_TLDS = {
    "uk": "GBR", "ie": "IRL", "in": "IND", "pk": "PAK", "au": "AUS", "nz": "NZL", "ca": "CAN",
    "za": "ZAF", "ng": "NGA", "ke": "KEN", "sg": "SGP", "my": "MYS", "ph": "PHL", "hk": "HKG",
    "cn": "CHN", "jp": "JPN", "kr": "KOR", "il": "ISR", "ae": "ARE", "qa": "QAT", "tr": "TUR",
    "ru": "RUS", "ua": "UKR", "de": "DEU", "fr": "FRA", "it": "ITA", "es": "ESP", "nl": "NLD",
    "be": "BEL", "ch": "CHE", "at": "AUT", "se": "SWE", "no": "NOR", "dk": "DNK", "fi": "FIN",
    "pl": "POL", "rs": "SRB", "gr": "GRC", "br": "BRA", "mx": "MEX", "ar": "ARG", "cr": "CRI",
}  # fmt: skip
# Words a feed adds to an outlet's name: "Fox Online News", "CNN (Web News)", "NYT - News".
_DECORATION = re.compile(r"\s*(?:\([^)]*\)|-\s*News|Online News|Web News|Online)\s*$", re.I)


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name).removeprefix("the "))


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Squashed outlet name → country, from the gazetteer's media and ``outlets.tsv``."""
    gaz = load_gazetteer()
    table: dict[str, str] = {}
    for org in gaz.organisations:
        code = org.offices[-1].code if org.offices else ""
        role = org.offices[-1].role if org.offices else None
        # A wire service writes for the world: its country says nothing of the people quoted.
        if code.endswith("MED") and code[:3] in gaz.countries and role != "news agency":
            table[_squash(org.name)] = code[:3]
    text = files("tidings.actors").joinpath("data", "outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, country = line.partition("\t")
            table.setdefault(_squash(name), country.strip())
    return table


def _by_name(name: str) -> str | None:
    # "NPR Online News" is NPR, "Fox Online News" Fox News: the feed's words inside the name.
    return _by_decorated_name(name) or _by_decorated_name(
        re.sub(r"\s+Online(?=\s+News\b)", "", name))  # fmt: skip


def _by_decorated_name(name: str) -> str | None:
    outlets = _outlets()
    while True:
        country = outlets.get(_squash(name))
        if country is not None:
            return country
        shorter = _DECORATION.sub("", name)
        if shorter == name or not shorter:
            return None
        name = shorter


def outlet_country(name: str) -> str | None:
    """The country of the news outlet ``name`` names, with or without its "The" ("Economist"
    is The Economist, GBR); None for a name no outlet has."""
    return _outlets().get(_squash(name)) if _squash(name) else None


def home_country(article: Article) -> str | None:
    """The country of the outlet that published ``article``, when it can be told."""
    if article.publisher:
        country = _by_name(article.publisher)
        if country is not None:
            return country
    if not article.url:
        return None
    host = (urlparse(article.url).hostname or "").lower().removeprefix("www.")
    parts = host.split(".")
    if len(parts) < 2:
        return None
    for part in parts[:-1]:
        country = _outlets().get(part)
        if country is not None:
            return country
    return _TLDS.get(parts[-1])


# A dateline opens the body: "NEW DELHI —", "KABUL, Afghanistan (AP) —", "BEIJING—",
# "New Delhi, India - " (a place in capitals, or in title case followed by its country).
_DATELINE = re.compile(
    r"\s*(?P<place>(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?=,))"
    r"(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})?)\s*(?:\([^)]{1,30}\)\s*)?(?:[—–]|--|-(?=\s))"
)


def dateline(body: str) -> tuple[int, int] | None:
    """Where the body's dateline names its place, if the body opens with one."""
    m = _DATELINE.match(body)
    return m.span("place") if m is not None else None


class Placed(Protocol):
    """A mention of an actor at a place in the body (an ActorMention, or the actors stage's
    own record of one while it reads the article)."""

    @property
    def start(self) -> int: ...

    @property
    def actor(self) -> Actor: ...


def dateline_country(body: str, mentions: Sequence[Placed]) -> str | None:
    """The country of the place the body's dateline names ("NEW DELHI —" → IND), when a
    mention of a place or state there has one."""
    span = dateline(body)
    if span is None:
        return None
    countries = load_gazetteer().countries
    return next((m.actor.country for m in mentions
                 if span[0] <= m.start < span[1] and m.actor.kind != "person"
                 and m.actor.country in countries), None)  # fmt: skip


def main_country(mentions: Sequence[Placed], least: int = 1) -> str | None:
    """The country the article is clearly about: the one its places, states and bodies
    (not its people, whose nationality says nothing of the others', nor its media: "he told
    Al Jazeera" is the outlet naming itself, nor a region: "African leaders") name most,
    when it leads the next one and is named at least ``least`` times."""
    countries = load_gazetteer().countries
    counts = Counter(m.actor.country for m in mentions
                     if m.actor.kind != "person" and m.actor.sector != "MED"
                     and m.actor.country in countries
                     and m.actor.country not in REGIONS)  # fmt: skip
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0] if ranked[0][1] >= least else None


def topic_country(body: str, mentions: Sequence[Placed]) -> str | None:
    """The country the article is about, from its own words: the one its places, states and
    bodies clearly name most, and more than once (:func:`main_country`: a country named once
    is more often a topic than a place, "an architect of the Iran nuclear deal"), else its
    dateline's (a dateline alone misleads: AP's "BEIRUT —" heads its stories on Syria)."""
    return main_country(mentions, least=2) or dateline_country(body, mentions)


def article_country(article: Article, mentions: Sequence[ActorMention]) -> str | None:
    """The country of people and bodies ``article`` places nowhere
    (:func:`default_country` with the outlet's country, :func:`home_country`)."""
    return default_country(home_country(article), article.body, mentions)


def default_country(home: str | None, body: str, mentions: Sequence[Placed]) -> str | None:
    """The country of people and bodies an article places nowhere, from the outlet's
    country ``home`` and the ``mentions`` of its ``body``: the outlet's when the article
    speaks of that country at all (a USA Today story on Greece that names the White House
    quotes Americans too); else the one the article is about (:func:`topic_country`: Al
    Jazeera's story from New Delhi quotes Indians, not Qataris); else, when its words do not
    tell, the outlet's. The one rule for the actors stage (while it reads the article, from
    the mentions found so far) and the later stages (from all of them). Measured on the
    speaker samples of ``data/quotes``: taking the topic first even where the outlet's
    country is named codes the Americans of U.S. stories abroad as locals."""
    if home is not None and names_country(home, (m.actor for m in mentions)):
        return home
    return topic_country(body, mentions) or home


def names_country(country: str, actors: Iterable[Actor]) -> bool:
    """Whether the article speaks of ``country`` through a place, its state or one of its
    bodies; its people and its media (the outlet naming itself: "told Al Jazeera") do not
    count."""
    return any(a.country == country and a.kind != "person" and a.sector != "MED"
               for a in actors)  # fmt: skip


__all__ = [
    "article_country",
    "dateline",
    "dateline_country",
    "default_country",
    "home_country",
    "main_country",
    "names_country",
    "outlet_country",
    "topic_country",
]
