"""Which site a page comes from, and which cross-validation fold that site falls in.

The furniture model is judged on sites it never saw: its training pages are split into
folds by site (:func:`fold_of`), each fold's model is fitted on the others, and the figures
of a page come from the model that did not see its site. A site is the registrable part of
the page's host ("www.nytimes.com" and "cooking.nytimes.com" are one site, "bbc.co.uk" keeps
its country suffix), so a publisher's sections never sit on both sides of a split.

The same host also names the publisher, whose own name in a short line ("Other WRAL Top
Stories") marks the page speaking of itself (:func:`site_words`).
"""

from __future__ import annotations

import re
import zlib
from urllib.parse import urlsplit

FOLDS = 5
# second-level labels under which a country code's domains are registered ("co.uk", "com.au")
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"})
# labels of a host that never name a publisher
GENERIC_LABELS = frozenset({"www", "m", "amp", "mobile", "news", "blog", "en", "com", "org"})
LABEL_WORD = re.compile(r"[a-z]{3,}")


def host_of(url: str | None) -> str:
    """The lower-cased host of a URL ("" when there is none)."""
    if not url:
        return ""
    text = url.strip()
    if "://" not in text:
        text = f"http://{text}"
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".")


def site_of(url: str | None) -> str:
    """The registrable domain of a URL or host: "www.wral.com/x" → "wral.com"."""
    labels = [label for label in host_of(url).split(".") if label]
    if len(labels) <= 2:
        return ".".join(labels)
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def fold_of(site: str, folds: int = FOLDS) -> int:
    """The cross-validation fold of a site (a fixed hash, the same on every machine)."""
    return zlib.crc32(site.encode("utf-8")) % folds


def site_words(url: str | None) -> frozenset[str]:
    """Lower-cased words naming the publisher, from its registrable domain's first label
    ("wral" for www.wral.com, "theverge" for theverge.com); empty without a URL."""
    site = site_of(url)
    if not site:
        return frozenset()
    name = site.split(".")[0]
    if name in GENERIC_LABELS or not LABEL_WORD.fullmatch(name):
        return frozenset()
    return frozenset({name})


__all__ = ["FOLDS", "fold_of", "host_of", "site_of", "site_words"]
