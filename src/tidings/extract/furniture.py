"""Line-by-line furniture filter for crawler text (placeholder: keeps every line)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextParts:
    title: str | None
    credit: str | None
    byline: str | None
    paragraphs: list[str]
    furniture: list[str] = field(default_factory=list)


def split_article(text: str, title_hint: str | None = None) -> TextParts:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return TextParts(title=None, credit=None, byline=None, paragraphs=lines)
