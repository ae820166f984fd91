"""Furniture lines that sit inside the article container: prompts, not prose.

Every extractor keeps some lines that the page's designers placed inside the article:
"Advertisement", "Read more: …", "Sign up for our newsletter", "Subscribe to …", "Share
this", "Follow us", "Table of Contents", "5 min read", donation appeals, "Book a demo".
They speak to the reader about the site rather than report anything, and they are short.
Three kinds of rule, from the narrowest view to the widest:

- a line alone (:func:`is_prompt`): labels, prompts and page records, judged only on short
  lines (≤ :data:`MAX_WORDS` words), so a sentence of reporting that happens to mention a
  newsletter is kept; paid-link disclosures, a photo viewer's text and footnotes (which end
  with "↩") at any length;
- a line at an edge of the text (:func:`is_edge_furniture`, :func:`is_closing_furniture`,
  :func:`is_author_bio`): datelines, credits, the site's own voice and calls to contact it,
  an "about us" blurb, a legal disclaimer, the bio of the byline's author;
- a box of lines: a rail of links under its heading, the pitch above a button, everything
  from a closing box's first line or from a request for the reader's verdict to the end.

A jump link glued to a paragraph ("JUMP TO THE LIST ⤵ The …") loses the link only.
"""

from __future__ import annotations

import re

from tidings.extract.line_features import SPACES

MAX_WORDS = 40
WORD = re.compile(r"\w+")
# Lines at the edges of the extraction (this many from either end) are also checked for
# datelines, bare URLs and contributor credits, which belong to the page, not the story.
EDGE = 3
URL_ONLY = re.compile(r"^\S*(?:https?://|www\.)\S+$", re.IGNORECASE)
STAMP = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}\S*)?\b|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|"
    r"\b(?:updated|published|posted)\b",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"\bcontributed (?:to )?(?:this )?(?:report|story|article)|"
    r"^(?:follow|contact|email) (?:the )?(?:reporter|writer|author)s?\b|"
    r"^\(?(?:additional )?reporting by\b|^\(?(?:editing|edited|writing) by\b",
    re.IGNORECASE,
)

# The whole line is a label or a button.
LABEL = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|"
    r"(?:read|see|view|show|load) (?:more|all|less)(?: \w+){0,3}|continue reading|"
    r"related(?: articles| stories| posts| content| reading| coverage)?|more from \w+|"
    r"(?:you (?:may|might) also like)|recommended(?: for you| reading)?|"
    r"share(?: this| on| via)?(?: \w+){0,3}|tweet|email|print(?: this)?(?: article| story| page)?|"
    r"copy link|(?:order )?reprints?|(?:don['’]t|do not) miss|"
    r"follow us(?: on \w+)?|table of contents|contents|in this article|jump to|"
    r"\d+ min(?:ute)?s? read|listen(?: to (?:this|the) (?:article|story))?|"
    r"skip to (?:main )?content|back to (?:top|\w+)|top|menu|home|"
    r"log ?in|sign ?in|sign ?up|register|subscribe(?: now| today)?|join(?: now)?|"
    r"book a demo|request a (?:demo|quote)|get started|learn more|shop now|buy now|"
    r"(?:schedule|book) (?:a|an|your) (?:free )?(?:consultation|call|demo|appointment)|"
    r"donate(?: now| today)?|support us|newsletters?|"
    r"advertiser disclosure|editorial disclosure|privacy policy|terms of (?:use|service)|"
    r"cookie (?:policy|settings)|all rights reserved\.?|"
    r"photo|image|video|audio|gallery|comments?|\d+ comments?|leave a (?:comment|reply)|"
    r"page \d+ of \d+|"
    # the mark of an advertisement slot in the text ("Story Continued Below", "Article
    # Continues Below", "Story continues below video."): politico.com, newsmax.com,
    # usatoday.com in the corpus, alistapart.com among the gold dumps, a Zyte page
    r"(?:the )?(?:story|article) continue[sd]? below"
    r"(?: (?:the )?(?:advertisements?|ads?|videos?|gallery|photos?|images?))?)"
    r"[.:!…]*$",
    re.IGNORECASE,
)
# The line starts by addressing the reader about the site.
PROMPT = re.compile(
    r"^(?:read (?:more|also|next)|also read|see (?:also|more)|related|more|watch|listen)"
    r"\s*[:|»›>-]|"
    r"\bdelivered (?:to|through) your (?:letterbox|letter box|inbox)\b|"
    r"^(?:sign up|signup|subscribe|join|register|get|follow|like|download|share)\b.{0,80}"
    r"\b(?:newsletter|inbox|updates|alerts|mailing list|e-?mail|podcast|app|facebook|twitter|"
    r"instagram|youtube|linkedin|telegram|whatsapp|community|group|us)\b|"
    # "our"/"my" name the site's own list (news writes "sign up for the military")
    r"\b(?:sign up|subscribe) (?:for|to) (?:our|my)\b|"
    r"\bnewsletter\b.{0,60}\b(?:sign up|subscribe|inbox|delivered|weekly|daily)\b|"
    r"^(?:copyright|©)\s|"
    r"\b(?:may|might|could) (?:earn|receive) (?:us )?(?:a )?(?:small )?"
    r"(?:commission|compensation)\b|"
    r"\bwe (?:may|might) be compensated\b|\bqualifying purchases\b|"
    r"\baffiliate (?:links?|marketer|commissions?)\b|"
    r"\brate this recipe\b|"
    r"^(?:how|what) (?:was|did you think of) this (?:issue|article|post|story|episode)\b|"
    r"^was this (?:article|page|post|answer) helpful\b|"
    r"^advertisement\s*[:|-]|"
    r"^you (?:may|might) (?:also )?be interested in\b|\bas a preferred source on google\b|"
    r"^(?:or )?call us (?:directly|today|now|at|on)\b|^fill (?:out |in )?(?:this|the|our) form\b|"
    r"^jump to (?:the )?\w+|^pin (?:it |this )?for later\b|"
    r"^(?:this (?:article|story|post) (?:contains|may contain) affiliate links)",
    re.IGNORECASE,
)

# Disclosures of paid links are furniture wherever they sit and however long they run.
DISCLOSURE = re.compile(
    r"\bwe (?:may|might) (?:be compensated|receive (?:\w+ )?compensation)\b|"
    r"\bqualifying purchases\b|\bour advertising partners\b|"
    r"^(?:advertiser |affiliate )?disclosure:",
    re.IGNORECASE,
)
# A photo viewer's controls opening a line, the picture's caption or credit after them
# ("Enlarge this image toggle caption Richard Drew/AP Richard Drew/AP", "Hide Caption 4 of
# 13 Photos: …", "Show caption Hide caption MCALLEN, Texas - …", "Click to expand Image …"):
# the viewer's text, judged up to EDGE_MAX_WORDS words (a flattened gallery runs long). In
# the corpus (allsides-10k, 2026-12-07): npr.org 491 articles, cnn.com 8, usatoday.com 2,
# hrw.org 1.
IMAGE_VIEWER = re.compile(
    r"^\W*(?:enlarge this image|toggle caption|(?:show|hide) caption|"
    r"click to (?:enlarge|expand) (?:this |the )?image)\b",
    re.IGNORECASE,
)
# Lines at the edges that speak for the site rather than report: how to follow or share
# it, credits for the page's images, legal notes. Judged up to EDGE_MAX_WORDS words,
# because such closing blocks run long …
EDGE_MAX_WORDS = 150
SITE_VOICE = re.compile(
    r"\b(?:follow|find) us on\b|"
    r"\bfollow [\w’' ]{1,40} on (?:facebook|twitter|instagram|pinterest|youtube|tiktok|linkedin)\b|"
    r"^(?:images?|photos?|photography) (?:by|via|courtesy|credits?)\b|"
    r"\bnot (?:intended as )?(?:financial|investment|legal|tax|medical) advice\b|"
    r"^(?:explore|discover|browse|find|read|see) more (?:\w+ ){0,3}?"
    r"(?:articles|blogs?|posts|stories|guides|news|resources)\b",
    re.IGNORECASE,
)
# … and calls to buy or contact, which also occur inside a long paragraph of advice, only
# on lines of up to SITE_CALL_WORDS words (a closing call runs a sentence or two).
SITE_CALL_WORDS = 60
SITE_CALL = re.compile(
    r"\brequest a (?:quote|demo|consultation)\b|"
    r"\b(?:do not|don't) hesitate to (?:reach out|contact|call)\b|"
    r"^(?:want|need|looking|interested|curious)\b[^?]{0,80}\? (?:check out|see|read|visit|click|"
    r"contact|get in touch|reach out|download|sign up|join|try)\b",
    re.IGNORECASE,
)
# The closing "about us" blurb: a capitalised name introduced as an agency, a company, a
# publication ("Clay is a design agency in …"), or the author's bio ("Ann Lee is a finance
# writer who …"). Only judged at the end of the text.
ABOUT_US = re.compile(
    r"^[A-Z0-9][\w&.'’/-]*,? (?:(?:[A-Z0-9][\w&.'’/-]*|of|for|and|the|&),? ){0,5}"
    r"(?:(?:LLC|Inc|Ltd)\.?,? )?is an? (?:[\w/&,-]+ ){0,6}"
    r"(?:agency|company|firm|studio|nonprofit|organi[sz]ation|publication|production|"
    r"consultancy|newsroom|adviser|advisor|provider|supplier|manufacturer|developer|"
    r"writer|journalist|reporter|editor|columnist|correspondent|contributor|blogger)\b|"
    r"^[A-Z][\w&.'’/-]*(?: [A-Z][\w&.'’/-]*){0,4} is headquartered in\b"
)
# A legal disclaimer closing the page ("Disclaimer: …", "The views expressed by the authors
# of this blog are their own …", "… is intended for general information purposes only",
# "… not a substitute for medical advice"): the publisher's small print, not the story.
# Only judged at the end of the text.
DISCLAIMER = re.compile(
    r"^disclaimer\b|"
    r"\bfor (?:general )?(?:informational|information|educational) purposes only\b|"
    r"\bis intended (?:for|as) general information\b|"
    r"\bviews (?:expressed|are)\b.{0,60}\b(?:their|his|her|the authors?['’]?s?) own\b|"
    r"\b(?:not|never) (?:be )?(?:intended as|a substitute for|constitute|considered) "
    r"(?:\w+ ){0,3}(?:legal|financial|medical|investment|tax|professional) advice\b",
    re.IGNORECASE,
)
# The heading of such a closing box ("About the author", "About Northwind").
ABOUT_HEADING = re.compile(
    r"^(?i:about) (?:(?i:the) )?(?:(?i:authors?|us)|[A-Z][\w&.'’-]*(?: [\w&.'’-]+){0,2})$"
)
# The page's own author introduced near its end ("Karina Cohen is the owner of CR Maids …",
# "Mirel Zaman is the health and fitness director at PS"): the box about the writer, whatever
# the role. Tied to the byline's names, so a closing sentence about anyone else stays.
AUTHOR_BIO_VERBS = (
    r"(?:is|was|has|had|holds|joined|leads|serves|works|worked|writes|wrote|covers|"
    r"co-?founded|founded|started|began|lives|spent|brings)"
)
AUTHOR_BIO_WORDS = 8
BYLINE_SPLIT = re.compile(r"\s*(?:[,;|&/]|\band\b)\s*")
BYLINE_PREFIX = re.compile(r"^(?i:by|written by|posted by|author:?)\s+")
NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*$")
# a byline's part that names a role or a desk, not a person ("Staff Writers", "News Desk")
ROLE_WORD = re.compile(
    r"^(?i:staff|writers?|editors?|reporters?|contributors?|correspondents?|team|desk|news)$"
)
# The author's name and role heading a closing bio box ("Ann Lee, Senior Technology Writer").
NAME_ROLE = re.compile(
    r"^(?:[A-Z][\w'’.-]+ ){1,3}[A-Z][\w'’-]+,?\s+(?:[\w&/-]+\s+){0,6}"
    r"(?i:writer|editor|journalist|reporter|correspondent|contributor|columnist|author|"
    r"theorist|researcher|analyst|photographer|producer)s?$"
)
# A line that is nothing but a date ("January 22nd, 2019", "| 3 May 2024 |") is the page's
# dateline, when it sits at an edge.
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_ONLY = re.compile(
    rf"^\W*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*,? )?"
    rf"(?:{MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)? {MONTH},? \d{{4}})\W*$",
    re.IGNORECASE,
)

# Short lines (≤ 6 words) that start with a call to act on the site, or name who wrote the
# page ("Follow Hardtail Canada", "Written by Ann Lee", "Tags").
SHORT = re.compile(
    r"^(?:follow|subscribe|share|pin|tweet|like us|join|written by|posted by|reviewed by|"
    r"fact[- ]checked by|edited by|tags?|categories|filed under)\b",
    re.IGNORECASE,
)
SHORT_WORDS = 6
# Labels of the page's own records, wherever they sit: who made a picture ("Photo: Ann Lee",
# "Image courtesy of Northwind"), how long the page takes to read, when it was last
# revised ("Last updated: May 2, 2025", "Posted on"). Judged up to RECORD_WORDS words, so a
# caption that describes its picture ("Cover image: the lights over the canal") stays.
PAGE_RECORD = re.compile(
    r"^\W*(?:(?:header|featured|cover|lead|top|hero) )?"
    r"(?:photo|image|picture|illustration|photograph)s?(?: credits?)?\s*(?::|by\b|via\b|©|"
    r"courtesy\b)|^(?:photo |image )?credits?\s*:|"
    r"\b\d+\s*min(?:ute)?s?\.?\s+read\b|"
    r"^(?:last )?(?:updated|reviewed|posted|published)(?: on| at)?\W*$|"
    r"^last (?:updated|reviewed)\b|"
    r"^reading time\W*$",
    re.IGNORECASE,
)
RECORD_WORDS = 10
# trafilatura writes list items as "- item"; the marker is not part of what the line says.
LIST_MARK = re.compile(r"^[-*•]\s+")
# The heading of a rail of links to other pages.
RAIL_HEADING = re.compile(
    r"^(?:more (?:\w+ ){0,3}(?:stories|articles|posts|reads|news|coverage)|"
    r"related(?: \w+)?(?: stories| articles| posts| content| reading| coverage| links)|"
    r"(?:you (?:may|might) also (?:like|enjoy))|recommended(?: for you| reading| stories)?|"
    r"(?:read|see) (?:more|also|next)|popular (?:now|stories|articles)|trending(?: now)?|"
    r"most (?:read|popular|viewed))[.:!…]*$",
    re.IGNORECASE,
)
# A call-to-action button; the short line right above one is its pitch ("Centralize your
# training with Acme!" over "Book a demo", "Get the app!" over "Download now").
CTA_BUTTON = re.compile(
    r"^(?:book an? (?:demo|call|consultation)|request an? (?:demo|quote|consultation)|"
    r"get started(?: \w+){0,2}|shop now|buy now|subscribe (?:now|today)|"
    r"sign ?up (?:now|today|for free)|donate (?:now|today)|start (?:your |a )?free trial|"
    r"try (?:it )?(?:for )?free|get (?:a )?(?:free )?(?:quote|demo)|download (?:now|the app)|"
    r"register now|join (?:now|today)|see (?:plans|pricing)|claim (?:offer|discount))[.:!…]*$",
    re.IGNORECASE,
)
PITCH_WORDS = 15
# A request for the reader's verdict on what they just read closes the article: what
# follows it is the page's own business (sharing, the next issue, offers).
FEEDBACK = re.compile(
    r"^(?:how|what) (?:was|did you think of) this "
    r"(?:issue|article|post|story|episode|newsletter)\b|"
    r"^(?:was|is) this (?:article|page|post|answer|guide|story) (?:helpful|useful)\b|"
    r"^did you (?:find|like|enjoy) this (?:article|post|story|guide|issue)\b",
    re.IGNORECASE,
)
# ... once at least this many words of the article came before it.
FEEDBACK_AFTER_WORDS = 100
# A footnote ends with the link back to its marker in the text ("… ↩"): an aside filed
# below the article, not part of its running text.
FOOTNOTE_RETURN = ("↩", "↩\ufe0e", "↩\ufe0f")
# A link that jumps down the page, glued to the paragraph that follows it ("JUMP TO THE
# LIST ⤵ The moving process …"): the label goes, the paragraph stays.
JUMP_LABEL = re.compile(
    r"^(?:jump|skip|go) (?:straight )?to (?:the )?(?:\w+ ){0,3}?\w+\s*[⤵↓⬇▼▾👇»]\s*(?=\w)",
    re.IGNORECASE,
)
# A row of buttons: three or more short labels separated by bars ("Get started | Subscribe
# | Read more"); a table row starts with a bar, and a headline with a site name has two parts.
BUTTON_ROW = re.compile(r"^[^|\s][^|]*(?:\|[^|]+){2,}$")
BUTTON_WORDS = 3


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (``a|b(c|d)|e`` → ``a``, ``b(c|d)``, ``e``)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1  # the escaped character is a literal
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]" or pattern[i + 1 : i + 3] == "^]":
                i += pattern[i + 1] == "^"
                i += 1  # a leading "]" is a literal inside the class
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class AnyOf:
    """Whether any of several patterns occurs in a line, tested the cheap way.

    A long alternation searched as one pattern is tried branch by branch at every position
    of the line. Here the branches anchored at the start (``^…``) are tried once, at the
    start, and those that begin at a word boundary (``\\b…``) share one boundary test, so
    most positions fail at once. Only whether a match exists is answered, which the split
    leaves unchanged."""

    def __init__(self, *patterns: re.Pattern[str]) -> None:
        start: list[str] = []
        word: list[str] = []
        other: list[str] = []
        for pattern in patterns:
            # other flags would change what the split branches mean
            assert not pattern.flags & ~(re.IGNORECASE | re.UNICODE), pattern.pattern[:40]
            ignore_case = bool(pattern.flags & re.IGNORECASE)
            for branch in _branches(pattern.pattern):
                if branch.startswith("^"):
                    start.append(_scoped(branch[1:], ignore_case))
                elif branch.startswith("\\b"):
                    word.append(_scoped(branch[2:], ignore_case))
                else:
                    other.append(_scoped(branch, ignore_case))
        self.start = re.compile("|".join(start)) if start else None
        self.word = re.compile(rf"\b(?:{'|'.join(word)})") if word else None
        self.other = re.compile("|".join(other)) if other else None

    def found(self, text: str) -> bool:
        if self.start is not None and self.start.match(text):
            return True
        if self.word is not None and self.word.search(text):
            return True
        return self.other is not None and self.other.search(text) is not None


def _scoped(branch: str, ignore_case: bool) -> str:
    return f"(?i:{branch})" if ignore_case else f"(?:{branch})"


# is_prompt asks, for a short line, whether any of these occurs (one pass per kind of
# anchor instead of one search per pattern).
PROMPT_ANY = AnyOf(DISCLOSURE, IMAGE_VIEWER, LABEL, PROMPT)
# ... and for a longer one, whether it is a disclosure or a photo viewer's text
ANY_LENGTH = AnyOf(DISCLOSURE, IMAGE_VIEWER)
SITE_VOICE_ANY = AnyOf(SITE_VOICE)
SITE_CALL_ANY = AnyOf(SITE_CALL)
CREDIT_ANY = AnyOf(CREDIT)
STAMP_ANY = AnyOf(STAMP)


def _plain(line: str) -> str:
    """The line with no-break and other wide spaces read as plain ones (the patterns here
    spell a space as " ")."""
    return line.strip() if line.isascii() else line.translate(SPACES).strip()


def _bare(line: str) -> str:
    return LIST_MARK.sub("", _plain(line))


def is_button_row(text: str) -> bool:
    if not BUTTON_ROW.match(text):
        return False
    return all(0 < len(WORD.findall(part)) <= BUTTON_WORDS for part in text.split("|"))


def is_prompt(line: str) -> bool:
    """True when a line is in-container furniture (a label, a button, a reader prompt)."""
    text = _bare(line)
    if not text:
        return False
    words = len(WORD.findall(text))
    if words > EDGE_MAX_WORDS:
        return False
    if words > MAX_WORDS:
        return ANY_LENGTH.found(text)
    if words <= SHORT_WORDS and SHORT.match(text):
        return True
    if words <= RECORD_WORDS and PAGE_RECORD.search(text):
        return True
    return PROMPT_ANY.found(text)  # DISCLOSURE, LABEL or PROMPT


def is_edge_furniture(line: str) -> bool:
    """A dateline, a bare URL, a contributor credit or the site speaking for itself
    (judged only near the edges)."""
    text = _bare(line)
    words = len(WORD.findall(text))
    if URL_ONLY.match(text) or words <= MAX_WORDS and CREDIT_ANY.found(text):
        return True
    if words <= EDGE_MAX_WORDS and SITE_VOICE_ANY.found(text):
        return True
    if words <= SITE_CALL_WORDS and SITE_CALL_ANY.found(text) or is_button_row(text):
        return True
    return words <= 12 and (STAMP_ANY.found(text) or bool(DATE_ONLY.match(text)))


def is_closing_furniture(line: str) -> bool:
    """The closing box about the site or the author, its heading, or the publisher's legal
    disclaimer (judged at the end)."""
    text = _bare(line)
    words = len(WORD.findall(text))
    if words <= 4 and ABOUT_HEADING.match(text) or words <= 12 and NAME_ROLE.match(text):
        return True
    return words <= EDGE_MAX_WORDS and (
        bool(ABOUT_US.match(text)) or DISCLAIMER.search(text) is not None
    )


def author_names(byline: str | None) -> list[str]:
    """The people's full names in a byline ("By Ann Lee and Bo Park, Staff Writers" →
    ["Ann Lee", "Bo Park"]): parts of two to four capitalised words."""
    names = []
    for part in BYLINE_SPLIT.split(BYLINE_PREFIX.sub("", (byline or "").strip())):
        words = part.split()
        if (
            2 <= len(words) <= 4
            and all(NAME_WORD.match(w) for w in words)
            and not any(ROLE_WORD.match(w) for w in words)
        ):
            names.append(" ".join(words))
    return names


def is_author_bio(line: str, names: list[str]) -> bool:
    """A sentence about one of the page's authors, opening with the name and what they
    are or have done ("Ann Lee, a former nurse, has written …")."""
    if not names:
        return False
    text = _bare(line)
    if len(WORD.findall(text)) < AUTHOR_BIO_WORDS:
        return False
    return any(
        re.match(rf"{re.escape(name)}(?:, [^,]{{1,80}},)? {AUTHOR_BIO_VERBS}\b", text)
        for name in names
    )


def _edge_flags(
    lines: list[str], flags: list[bool], order: range, closing: bool, authors: list[str]
) -> None:
    """Mark edge furniture from one end inwards. The edge is the first EDGE lines of
    content, counted past the furniture already found: a dateline under a share bar and a
    bio above a "Learn more" button are still at the edge. At the end, a closing box (an
    "about us" blurb, a bio heading, a disclaimer) takes every line after it too: contact
    lines, keyword links, a legal line, and a line between it and another closing box
    nearer the end (a firm's registration between its adviser's bio and its disclaimer)."""
    content = 0
    for i in order:
        if content >= EDGE:
            return
        line = lines[i]
        if not WORD.search(line):
            continue
        if closing and (is_closing_furniture(line) or is_author_bio(line, authors)):
            flags[i:] = [True] * (len(lines) - i)
        elif flags[i] or is_edge_furniture(line):
            flags[i] = True
        else:
            content += 1


def _rail_flags(lines: list[str], flags: list[bool]) -> None:
    """Mark the list under a rail heading ("More great stories", "Related articles"): its
    items are other pages' titles, whatever words they use."""
    in_rail = False
    for i, line in enumerate(lines):
        text = _plain(line)
        if RAIL_HEADING.match(text):
            in_rail = flags[i] = True
        elif in_rail and LIST_MARK.match(text):
            flags[i] = True
        else:
            in_rail = False


def _pitch_flags(lines: list[str], flags: list[bool]) -> None:
    """Mark the short pitch right above a call-to-action button."""
    for i in range(1, len(lines)):
        if CTA_BUTTON.match(_bare(lines[i])) and len(WORD.findall(lines[i - 1])) <= PITCH_WORDS:
            flags[i] = flags[i - 1] = True


def _closing_feedback_flags(lines: list[str], flags: list[bool]) -> None:
    """Mark everything from a request for the reader's verdict to the end of the text."""
    before = 0
    for i, line in enumerate(lines):
        if before >= FEEDBACK_AFTER_WORDS and FEEDBACK.match(_bare(line)):
            for j in range(i, len(lines)):
                flags[j] = True
            return
        if not flags[i]:
            before += len(WORD.findall(line))


def _without_jump_labels(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the lines with glued jump links cut off, the labels cut)."""
    labels: list[str] = []
    out: list[str] = []
    for line in lines:
        label = JUMP_LABEL.match(line)
        if label:
            labels.append(label.group(0).strip())
            line = line[label.end() :]
        out.append(line)
    return out, labels


def drop_prompts(lines: list[str], byline: str | None = None) -> tuple[list[str], list[str]]:
    """(kept lines, dropped furniture lines); lines without a single word (table rules,
    separators) go too. ``byline`` names the page's authors, whose bio closes many pages."""
    authors = author_names(byline)
    lines, dropped = _without_jump_labels(lines)
    flags = [is_prompt(line) or line.rstrip().endswith(FOOTNOTE_RETURN) for line in lines]
    _rail_flags(lines, flags)
    _pitch_flags(lines, flags)
    _closing_feedback_flags(lines, flags)
    _edge_flags(lines, flags, range(len(lines)), closing=False, authors=authors)
    _edge_flags(lines, flags, range(len(lines) - 1, -1, -1), closing=True, authors=authors)
    kept: list[str] = []
    for line, furniture in zip(lines, flags, strict=True):
        if WORD.search(line):
            (dropped if furniture else kept).append(line)
    return kept, dropped
