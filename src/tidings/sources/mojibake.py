"""Repair text that was UTF-8, read as Latin-1 or Windows-1252, and written out again.

A page can be valid UTF-8 and still carry mojibake: its CMS once decoded UTF-8 bytes with
a single-byte charset and stored the result, so "doesn’t" is served as "doesnâ€™t" (or
"doesnâ\\x80\\x99t", with C1 control characters), "café" as "cafÃ©" and a no-break space as
"Â\\xa0". No decoder choice can undo that; the characters themselves must be mapped back
to the bytes they came from and decoded as UTF-8.

The repair runs only on text that shows the unmistakable sign: a would-be UTF-8 sequence
whose continuation includes a C1 control or one of the characters Windows-1252 puts in
0x80–0x9F ("€", "™", "œ" …), which real text never writes right after "â" or "Ã". Then each
such sequence that decodes as strict UTF-8 is replaced, and nothing else changes.
"""

from __future__ import annotations

import re

# The characters Windows-1252 maps to bytes 0x80–0x9F (five of those bytes are unassigned,
# and Latin-1 readers leave them as C1 controls, covered by \x80-\x9f below).
_CP1252_HIGH = "".join(
    ch for ch in bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore") if ord(ch) > 0xFF
)
_CONTINUATION = f"[\x80-\xbf{re.escape(_CP1252_HIGH)}]"
# A lead byte read as a character, then the continuation bytes UTF-8 says it needs.
SEQUENCE = re.compile(
    rf"[\xc2-\xdf]{_CONTINUATION}|[\xe0-\xef]{_CONTINUATION}{{2}}|[\xf0-\xf4]{_CONTINUATION}{{3}}"
)
# The sign: a continuation only a single-byte reading of UTF-8 produces.
_TELLTALE = re.compile(rf"[\xc2-\xf4][\x80-\xbf]*[\x80-\x9f{re.escape(_CP1252_HIGH)}]")


def _byte(char: str) -> int:
    code = ord(char)
    return code if code <= 0xFF else char.encode("cp1252")[0]


def _restore(match: re.Match[str]) -> str:
    found = match.group(0)
    try:
        return bytes(_byte(ch) for ch in found).decode("utf-8")
    except UnicodeDecodeError:
        return found  # not a UTF-8 sequence after all: leave it as written


def repair_mojibake(text: str) -> str:
    """``text`` with UTF-8 read as a single-byte charset turned back into what it said;
    unchanged when it shows no sign of that."""
    if not _TELLTALE.search(text):
        return text
    return SEQUENCE.sub(_restore, text)
