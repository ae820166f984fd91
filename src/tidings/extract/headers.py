"""The lines above an article: its headline, a credit line under it, and a byline.

Crawler text puts the headline near the top, among page furniture (a support banner, a
breadcrumb, "Skip to content") and article metadata (a byline, a date, a standfirst).
The headline is the line that reads like one: a handful of capitalised words without a
closing full stop, not a call to act, not a date or a name alone, closest above the body.
A credit is a short line right under the headline that names a source or photographer
("vucic.rs", "Photo: Reuters", "Jane Doe / AP"). A byline opens with "By" and a name.
Only the lines before the article's first prose paragraph are considered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tidings.extract.line_features import (
    DATE,
    DOMAIN_LINE,
    SENTENCE_END,
    SPACES,
    WORD,
    cue_hits,
    cue_index,
)
from tidings.extract.prompts import is_prompt

# How far down the page a headline may sit (crawler dumps open with menus and banners).
HEAD_LINES = 25
BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|story by|text by)\s+"
    r"[A-Z\u00C0-\u024F][\w'’.-]*(?:\s+(?:[A-Z\u00C0-\u024F][\w'’.-]*|and|&|de|van|von|al|bin|,))*"
    r"(?:\s*[,|–—-]\s*.*)?$",
    re.IGNORECASE,
)
CREDIT_LEAD = re.compile(
    r"^(?:photo|photos|image|images|picture|pictures|illustration|video|credit|credits|source|"
    r"sources|foto|photograph|cover photo|file photo|main image|top image)\b"
    r"\s*(?:by|credit)?\s*[:/|–—-]?",
    re.IGNORECASE,
)
AGENCY = re.compile(
    r"\b(?:reuters|associated press|ap photo|afp|getty images|getty|shutterstock|istock|"
    r"unsplash|pexels|epa|efe|anadolu|tass|ria novosti|sputnik|xinhua|bloomberg|"
    r"press service|pool|courtesy|handout|wikimedia|wikipedia|flickr|kremlin\.ru)\b",
    re.IGNORECASE,
)
SLASH_CREDIT = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[\w .'’-]+$")
CREDIT_MAX_WORDS = 10
# cue families that, opening a line, make it page furniture rather than a headline
NOT_HEADLINE = (
    "dateline",
    "bio",
    "navigation",
    "related",
    "comments",
    "newsletter",
    "consent",
    "social",
    "advert",
)
# how much a headline candidate loses for each line between it and the body
DISTANCE_COST = 0.15
# Lines between a headline and its body that read like headlines but name the page's
# records: a dateline with an ordinal day ("November 26th, 2024"), a credit glued to its
# name ("Written byAnn Lee"), the writer's role ("Audrey Huang, Print Managing Editor",
# "National Biotech Reporter").
ORDINAL_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)",
    re.IGNORECASE,
)
CREDIT_OPENING = re.compile(
    r"^(?:written|reviewed|edited|posted|published|updated|fact[- ]checked|medically reviewed)"
    r"\s*by",
    re.IGNORECASE,
)
ROLE_LINE = re.compile(
    r"^(?:[\w'’.,-]+\s+){0,5}(?i:reporter|editor|writer|correspondent|columnist|contributor|"
    r"expert|analyst|producer|photographer|strategist|specialist)s?$"
)
ROLE_WORDS = 6


@dataclass
class Headers:
    title: str | None = None
    credit: str | None = None
    byline: str | None = None
    indices: set[int] = field(default_factory=set)  # lines taken out of the body


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def is_byline(line: str) -> bool:
    return len(WORD.findall(line)) <= 14 and bool(BYLINE.match(line.strip()))


def is_credit(line: str) -> bool:
    """A short line naming where a picture or the story came from."""
    text = line.strip()
    words = WORD.findall(text)
    if not words or len(words) > CREDIT_MAX_WORDS or SENTENCE_END.search(text) and len(words) > 4:
        return False
    if CREDIT_LEAD.match(text) or AGENCY.search(text):
        return True
    domain = DOMAIN_LINE.fullmatch(text) is not None
    return domain or bool(SLASH_CREDIT.match(text))


def headline_score(line: str) -> float:
    """How much a line reads like a headline (0 when it cannot be one)."""
    text = line.strip() if line.isascii() else line.translate(SPACES).strip()
    if "\t" in text or "   " in text:
        return 0.0  # a table's row flattened into columns, not a headline
    words = WORD.findall(text)
    n = len(words)
    if n < 3 or n > 30 or text.endswith((".", ":", ",", ";")) and not text.endswith("..."):
        return 0.0
    if is_byline(text) or is_credit(text) or DATE.search(text) and n <= 8:
        return 0.0
    if ORDINAL_DATE.search(text) and n <= 8 or CREDIT_OPENING.match(text):
        return 0.0
    if n <= ROLE_WORDS and ROLE_LINE.match(text) or is_prompt(text):
        return 0.0
    _, opens = cue_hits([w.lower() for w in words], cue_index())
    if opens.intersection(NOT_HEADLINE):
        return 0.0
    alpha = [w for w in words if w[0].isalpha()]
    if not alpha:
        return 0.0
    capitalised = sum(w[0].isupper() for w in alpha) / len(alpha)
    score = 1.0 + capitalised + min(n, 12) / 12
    if "|" in text or " / " in text or "»" in text or "›" in text:
        score -= 1.0  # breadcrumbs and "Title | Site" page titles
    return max(score, 0.0)


def _is_prose(line: str) -> bool:
    """A paragraph of running text (headlines can be long too, but do not end in a stop)."""
    n = len(WORD.findall(line))
    return n >= 30 or n >= 10 and SENTENCE_END.search(line.strip()) is not None


def find_headers(lines: list[str], keep: list[bool], title_hint: str | None = None) -> Headers:
    """Title, credit and byline among the lines above the body, and their indices."""
    found = Headers()
    body_start = next((i for i, line in enumerate(lines) if keep[i] and _is_prose(line)),
                      len(lines))  # fmt: skip
    top = min(body_start, HEAD_LINES)
    title_at: int | None = None
    if title_hint and title_hint.strip():
        hint = _normal(title_hint)
        title_at = next((i for i in range(min(len(lines), HEAD_LINES + 5))
                         if _normal(lines[i]) == hint), None)  # fmt: skip
    else:
        best = 0.0
        for i in range(top):
            score = headline_score(lines[i])
            if not score:
                continue
            # the headline sits just above the body (banners and menus sit higher up) and
            # is no call to act: the filter's verdict on the line counts
            score += (0.5 if keep[i] else -1.0) - DISTANCE_COST * (top - 1 - i)
            if score > best:
                best, title_at = score, i
    if title_at is not None:
        found.title = lines[title_at]
        found.indices.add(title_at)
        for j in range(title_at + 1, min(title_at + 4, len(lines))):
            if j >= body_start:
                break
            if found.credit is None and is_credit(lines[j]):
                found.credit = lines[j]
                found.indices.add(j)
            elif found.byline is None and is_byline(lines[j]):
                found.byline = lines[j]
                found.indices.add(j)
    if found.byline is None:
        for i in range(top):
            if i not in found.indices and is_byline(lines[i]):
                found.byline = lines[i]
                found.indices.add(i)
                break
    return found
