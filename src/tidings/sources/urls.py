"""Credentials in URLs (``http://user:pass@host/``): split off before a URL is used or
stored, so that they reach only the one address given and never the store."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

_ENDS_AUTHORITY = "/?#\\ \t\r\n\"'<>"


def split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """(the URL without ``user:pass@``, (user, password) or None)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = urlunsplit((parts.scheme, hostport, parts.path, parts.query, parts.fragment))
    return clean, (unquote(user), unquote(password))


def strip_credentials(text: str) -> str:
    """``text`` with the userinfo of every ``scheme://user:pass@host`` in it removed (also
    inside longer strings such as ``feed.xml#http://u:p@host/1``); linear in the length."""
    if "@" not in text or "://" not in text:
        return text
    out: list[str] = []
    pos = 0
    while True:
        mark = text.find("://", pos)
        if mark < 0:
            break
        start = mark + 3
        end = start
        while end < len(text) and text[end] not in _ENDS_AUTHORITY:
            end += 1
        at = text.rfind("@", start, end)
        out.append(text[pos:start])
        out.append(text[at + 1 if at >= 0 else start : end])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def scrub(value: Any) -> Any:
    """A JSON-like value with credentials stripped from every string in it."""
    if isinstance(value, str):
        return strip_credentials(value)
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(scrub(v) for v in value)
    return value
