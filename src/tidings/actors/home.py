"""The article's home country: the country of the outlet that published it.

A person the article names without saying where they are from is, by default, of the
country the outlet writes for ("Martha Mullen, of Richmond" in USA Today is American). The
outlet is read from the article's publisher name, looked up among the news media of
``data/organisations.tsv`` ("Fox Online News" → Fox News → USA), else from its web address:
the outlet's name run together ("washingtontimes.com") or a country's top-level domain
(".co.uk" → GBR). ``data/outlets.tsv`` adds outlets whose names are common words and so are
not matched in article text ("Reason", "The Hill").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlparse

from tidings.actors.fold import fold
from tidings.actors.gazetteer import load_gazetteer
from tidings.model import ActorMention, Article

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


def main_country(mentions: Sequence[ActorMention]) -> str | None:
    """The country the article is clearly about: the one its places, states and bodies
    (not its people, whose nationality says nothing of the others') name most, when it
    leads the next one."""
    countries = load_gazetteer().countries
    counts = Counter(m.actor.country for m in mentions
                     if m.actor.kind != "person" and m.actor.country in countries)  # fmt: skip
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


def article_country(article: Article, mentions: Sequence[ActorMention]) -> str | None:
    """The country of people the article places nowhere: the outlet's, else (a wire
    service, an outlet unknown) the one the article is clearly about."""
    return home_country(article) or main_country(mentions)


__all__ = ["article_country", "home_country", "main_country", "outlet_country"]
