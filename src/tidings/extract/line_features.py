"""What one line of text looks like, as named numbers: the evidence the furniture filter weighs.

A line of page furniture betrays itself by its form (short, no sentence punctuation, title
case, a button's single word, a price, a domain, code, a short label ending in a colon, a
phone number or street address) and by its words (calls to act, newsletter and consent
vocabulary, the publisher speaking of itself as "we", share and related-link labels, bylines
and bios). Article prose has the opposite marks: long sentences, commas, asides in
parentheses, questions, reporting verbs, quotations, names in mid-sentence, list items
("Term – what it is"), table rows. An everyday verb ("Book", "See", "Choose") opens a call
to act only in a short line; in a longer one it opens an instruction of a how-to text.
Every feature here reads the line alone, so a line can be scored without its page; the page
context (position, neighbours, repetition) is added by :mod:`tidings.extract.furniture`.

The cue phrases live in ``data/furniture_cues.txt``, one family per section.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

Features = dict[str, float]

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
# spaces other than the plain one (no-break, thin, narrow, ideographic): the patterns below
# spell a space as " ", and pages write "Hi, I’m\xa0Ashley" or "At\xa0Tailor Brands"
SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u205f\u3000", " "))
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
SENTENCE_BREAK = re.compile(r"[a-z0-9)\"”'’][.!?][\"”’]?\s+[A-Z\"“]")
MONEY = re.compile(
    r"[$€£¥₽₹]\s?\d|\d\s?(?:€|£|₽|usd|eur|gbp|rub|dollars?|euros?|pounds?|rubles?|roubles?)\b",
    re.IGNORECASE,
)
# a product's model name: a word mixing capitals or digits with letters ("4K", "UHD", "Wi-Fi 6",
# "XPS13", "M2"), as product pitches and shop rails write them
MODEL_WORD = re.compile(r"^(?:\d+[A-Za-z]+\w*|[A-Za-z]+\d+\w*|[A-Z]{2,5})$")
# an author's bio opens with the author's name and what they are ("Kimber Streams is a writer
# who …", "Ann Lee has covered …"): a page's box about its writer, not the story
BIO_OPENING = re.compile(
    r"^(?:(?:Dr|Prof)\.? )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3},? "
    r"(?:is an? (?:[\w-]+ ){0,5}?(?:writer|editor|journalist|reporter|correspondent|contributor|"
    r"columnist|author|blogger|producer|photographer|freelancer)\b|"
    r"(?:has (?:been )?(?:covered|covering|written|writing|reported|reporting)|"
    r"covers|writes about|reports on)\b)|"
    # ... or the author introducing themselves ("Hi, I'm Ashley Biancuzzo, and I oversee …")
    r"^(?:Hi|Hello|Hey)[,!]? (?:I['’]m|I am|my name is) [A-Z]"
)
# the heading of a box about a person or the publisher ("About Amar Hussain", "About the
# Author", "About Us"): a short line naming whom the box is about
ABOUT_HEADING = re.compile(r"^About (?:[A-Z][\w'’.-]*|the|us)(?: [A-Z][\w'’.-]*){0,3}:?$")
# words that open a line without being a verb in the imperative: articles, pronouns,
# prepositions, conjunctions, question words, quantifiers (an opening word outside this list,
# followed by "your", "our", "up" …, is most often a verb telling the reader what to do:
# "Earn your degree", "Build your dream workspace", "Unlock up to 55% off")
NOT_VERBS = frozenset(
    "the a an this that these those it its he she they we i you there here in on at for with "
    "by from as if when while after before but and or so because although though what how why "
    "who whom whose which where my our your his her their some many most all every each no not "
    "one two three four five six seven eight nine ten once since until during over under about "
    "into onto than then also just even only still yet both either neither more less few "
    "several much any such same other another dear mr mrs ms dr".split()
)  # fmt: skip
# words after such an opening verb that turn it to the reader or to the publisher's offer
PITCH_OBJECTS = frozenset({"your", "you", "yourself", "our", "us", "up", "more"})
ARTICLES = frozenset({"the", "a", "an"})
SECOND_PERSON = frozenset({"you", "your", "you're", "you'll", "yourself"})
# a line of at most this many words that opens with a verb turned to the reader is a pitch
PITCH_WORDS = 25
# the hook of a pitch: a question without a subject, asked of the reader ("Want to win more
# jobs with less effort?", "Need more advice?", "Ready to streamline your arrival?",
# "Would you like to receive notifications?")
HOOK_QUESTION = re.compile(
    r"^(?:want|need|looking|ready|tired|interested|curious|struggling|wondering|thinking|"
    r"would you like|do you (?:want|need)|are you (?:ready|looking|interested))\b",
    re.IGNORECASE,
)
HOOK_WORDS = 15
# the marks of an offer: a discount, a free trial or quote, a deadline shouted at the reader
OFFER = re.compile(
    r"\d\s?% off\b|\bup to \d+\s?%|\b(?:today|now)\s*!|"
    r"\bfree (?:credits?|trial|quote|shipping|consultation|estimate|demo|download|guide|account)\b|"
    r"\bno credit card\b|\b(?:limited|special)(?: time)? offer\b|\bsave \d+\s?%",
    re.IGNORECASE,
)
# the publisher introducing itself ("At Tailor Brands, we love …", "Here at Oakywood we make
# …", "We are a reader-supported website …")
PUBLISHER_INTRO = re.compile(
    r"^(?:(?:here )?at [A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3},? we\b|we(?:'re| are) an? )",
    re.IGNORECASE,
)
# a headline or a menu item: capitalised words and no sentence
HEADLINE_CASE = 0.7
HEADLINE_WORDS = (4, 16)
TLD = r"(?:com|org|net|io|co|rs|ru|uk|de|fr|info|news|gov|edu|tv|me|ly|us|ca|au|in|eu)"
# "\b[\w-]+\.TLD\b", tried only at the start of each run of [\w-] (a run with a \w in it
# has a word boundary where that \w starts): linear, where the plain form restarted at
# every boundary of "a-a-a-…" and ran to the end each time.
DOMAIN = re.compile(rf"https?://|www\.|(?<![\w-])-*+\w[\w-]*+\.{TLD}\b", re.IGNORECASE)
DOMAIN_LINE = re.compile(rf"(?:https?://)?(?:[\w-]+\.)+{TLD}(?:/\S*)?", re.IGNORECASE)
HANDLE = re.compile(r"(?:^|\s)[@#]\w|\w@\w")
SEPARATORS = re.compile(r"\s[|•·/»›>]\s|\s[|•·»›]|[|•·»›]\s")
# Code-like lines. Linear on any line: no alternative may rescan the rest of the line from
# each start position, which on a long line ("aaa…a;") would take quadratic time. The two
# checks that need "something later in the line" (a tag's closing ">", a call's ")" at the
# end) are done by :func:`looks_like_code` with one scan each; together they match what
# ``[{};]\s*$|^\s*[{}<\]/]|</?\w+[^>]*>|\w+\(.*\)\s*[;{]?$|\b(?:const|…)\b\s+\w+\s*[=(:{]|
# \w+=\"|=>|==|!=|&&|\|\|`` matched.
CODE = re.compile(
    r"[{};]\s*$|^\s*[{}<\]/]|"
    r"\b(?:const|var|let|def|return|function|import|class)\b\s++\w++\s*+[=(:{]|"
    r"\w=\"|=>|==|!=|&&|\|\|"
)
TAG_OPEN = re.compile(r"</?\w")  # a tag, when a ">" follows it anywhere later
CALL_END = re.compile(r"\)\s*[;{]?$")  # a line ending in a call: "f(x);", "if (x) {"
CALL_OPEN = re.compile(r"\w\(")
# a list item's marker, followed by its words (a row of asterisks or dashes is a separator)
LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]\s|[-*•▪►✓✔]\s?(?=[^\W_])|\(\w\)\s)")
DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\s?(?:am|pm)?\b",
    re.IGNORECASE,
)
TIME_AGO = re.compile(r"\b\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b", re.I)
QUOTE = re.compile(r"[“”]|\"[^\"]{3,}\"")
# a quoted span (an opening mark with no closing one runs to the end: a quote that goes on
# into the next paragraph)
QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.IGNORECASE)
NUMBER = re.compile(r"\d")
# characters without which a line cannot be code (a cheap test before the code pattern)
CODE_CHARS = frozenset("{};<>=|&")
WIDE_GAP = re.compile(r"\S {3,}\S")
# a parenthesis of a few characters: an aside of running text ("(WireGuard recommended)")
PAREN = re.compile(r"\([^)]{2,}\)")
# an item of a list written "Term – what it is" ("Book music – DJ or band secured")
DASH_ITEM = re.compile(r"^[^–—:]{2,60}\s[–—-]\s\S")
# figures of a flattened table row: percentages and decimals ("5.78% 7.76% 8.18%")
FIGURE = re.compile(r"\d[\d.,]*\s?%|\b\d+\.\d+\b")
# how a page's contact box reads: a phone number, a street address, a US state and ZIP code
CONTACT = re.compile(
    r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b|"
    r"^\d{1,5}\s+(?:[NSEW]\.?\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pkwy|Suite|Ste|Hwy)\b|"
    r",\s*[A-Z]{2}\s+\d{5}\b"
)


@lru_cache(maxsize=1)
def has_parenthesis(text: str) -> bool:
    """``PAREN.search(text)`` in linear time: a "(" then at least two characters before
    the next ")". Within the stretch before each ")", the first "(" gives the longest span
    (the pattern itself rescans to the end of the line from every "(" that has no ")")."""
    stretches = text.split(")")
    for stretch in stretches[:-1]:
        opening = stretch.find("(")
        if opening >= 0 and len(stretch) - opening - 1 >= 2:
            return True
    return False


def looks_like_code(text: str) -> bool:
    """The line looks like program code or markup; linear time on any line."""
    if CODE.search(text):
        return True
    tag = TAG_OPEN.search(text)
    if tag is not None and ">" in text[tag.end() :]:
        return True
    end = CALL_END.search(text)
    if end is None:
        return False
    # "name(" on the same line, before the call's closing parenthesis
    line_start = text.rfind("\n", 0, end.start()) + 1
    return CALL_OPEN.search(text, line_start, end.start()) is not None


def cue_phrases() -> dict[str, tuple[str, ...]]:
    """The cue phrases of each family, from the package's data file."""
    text = (resources.files("tidings.extract") / "data" / "furniture_cues.txt").read_text("utf-8")
    families: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = families.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line.lower().translate(APOSTROPHES))
    return {name: tuple(dict.fromkeys(p)) for name, p in families.items()}


@dataclass(frozen=True)
class CueIndex:
    """Cue phrases as one look-up table, so a line is matched in one pass over its words."""

    families: tuple[str, ...]
    grams: dict[str, tuple[str, ...]]  # phrase (words joined by a space) → its families
    prefixes: tuple[str, ...]  # every word beginning ("subscri*"), for a quick first test
    prefix_families: dict[str, tuple[str, ...]]  # word beginning → its families
    buttons: frozenset[str]
    longest: int
    stems: frozenset[str]  # every opening part of a phrase of several words ("sign", "sign up")


def _words_of(phrase: str) -> str:
    return " ".join(WORD.findall(phrase.lower().translate(APOSTROPHES)))


@lru_cache(maxsize=1)
def cue_index() -> CueIndex:
    grams: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    buttons: set[str] = set()
    families = tuple(name for name in cue_phrases() if name != "button")
    for name, family in cue_phrases().items():
        for phrase in family:
            words = _words_of(phrase.rstrip("*"))
            if not words:
                continue
            if name == "button":
                buttons.add(words)
            elif phrase.endswith("*"):
                prefixes.setdefault(words, []).append(name)
            else:
                grams.setdefault(words, []).append(name)
    longest = max((g.count(" ") + 1 for g in grams), default=1)
    return CueIndex(
        families=families,
        grams={g: tuple(dict.fromkeys(f)) for g, f in grams.items()},
        prefixes=tuple(prefixes),
        prefix_families={p: tuple(dict.fromkeys(f)) for p, f in prefixes.items()},
        buttons=frozenset(buttons),
        longest=longest,
        stems=frozenset(" ".join(g.split()[:k]) for g in grams for k in range(1, g.count(" ") + 1)),
    )


def cue_hits(words: list[str], index: CueIndex) -> tuple[dict[str, int], set[str]]:
    """Per family, how many of the line's word n-grams are its cues; and the families with a
    cue opening the line. ``words`` are lower-cased."""
    hits = dict.fromkeys(index.families, 0)
    opens: set[str] = set()
    table = index.grams
    n = len(words)
    for i in range(n):
        gram = ""
        for size in range(min(index.longest, n - i)):
            gram = words[i] if not size else f"{gram} {words[i + size]}"
            found = table.get(gram)
            if found:
                for name in found:
                    hits[name] += 1
                if i == 0:
                    opens.update(found)
            if gram not in index.stems:
                break  # no longer phrase starts with these words
        if words[i].startswith(index.prefixes):
            for prefix, names in index.prefix_families.items():
                if words[i].startswith(prefix):
                    for name in names:
                        hits[name] += 1
                    if i == 0:
                        opens.update(names)
    return hits, opens


# Families whose count is measured against the line's length (their words are ordinary words
# that only mark furniture in numbers); the others count as present or not.
DENSITY_FAMILIES = ("self", "reader", "reporting")
# families of pronoun-like cues ("we", "our", "you") that speak for the publisher only outside
# quotation marks: inside them a speaker is talking
SPEAKER_FAMILIES = ("self", "reader")
# a line of at most this many words opening with an everyday verb ("Book a demo") is a call
# to act; a longer one is an instruction or plain prose
CALL_WORDS = 10


def line_features(line: str) -> Features:
    """The named features of one line, read alone (no page context)."""
    text = line.strip() if line.isascii() else line.translate(SPACES).strip()
    # curly apostrophes keep "don’t" one word, as the cue phrases spell it
    words = WORD.findall(text.translate(APOSTROPHES) if "’" in text or "‘" in text else text)
    n = len(words)
    f: Features = {"bias": 1.0}
    f["words_log"] = math.log1p(n)
    f["words_le1"] = float(n <= 1)
    f["words_le3"] = float(n <= 3)
    f["words_le6"] = float(n <= 6)
    f["words_ge15"] = float(n >= 15)
    f["words_ge30"] = float(n >= 30)
    ends_sentence = bool(SENTENCE_END.search(text))
    f["sentence_end"] = float(ends_sentence)
    f["short_unpunctuated"] = float(n <= 6 and not ends_sentence and not text.endswith(":"))
    f["ends_colon"] = float(text.endswith(":"))
    f["ends_question"] = float(text.rstrip("\"'”’ )").endswith("?"))
    f["ends_exclamation"] = float(text.rstrip("\"'”’ )").endswith("!"))
    f["sentences_ge2"] = float(len(SENTENCE_BREAK.findall(text)) >= 1)
    # a question of several words: an article's subheading or its reader's question
    f["question_long"] = float(n >= 4 and f["ends_question"] == 1.0)
    # a lead-in to a list or a block of the article ("Here is how:") is several words long;
    # a label of the page's own ("Locations:", "More by the author:") a few
    f["colon_label"] = float(n <= 4 and f["ends_colon"] == 1.0)
    f["commas"] = min(text.count(","), 4) / 4
    # one pass over the words: letters-first words, how many capitalised, how many in capitals
    alpha = capitalised = shouting = first_upper = 0
    for w in words:
        c = w[0]
        if c.isalpha():
            alpha += 1
            if c.isupper():
                capitalised += 1
                if alpha == 1:
                    first_upper = 1
                if w.isupper():
                    shouting += 1
    f["title_case"] = capitalised / alpha if alpha else 0.0
    # names in mid-sentence: capitalised words after the first, in a line with lower-case
    # words too (headlines and menus are capitalised throughout)
    inner = alpha - 1
    inner_upper = capitalised - first_upper
    lower_share = (inner - inner_upper) / inner if inner > 0 else 0.0
    f["lower_share"] = lower_share
    f["mid_capitals"] = min(inner_upper, 6) / 6 if lower_share > 0.5 else 0.0
    f["all_caps"] = float(alpha >= 1 and shouting == alpha and len(text) > 3)
    f["starts_lower"] = float(alpha > 0 and text[0].islower())
    digits = len(NUMBER.findall(text))
    f["digit_share"] = min(digits / max(len(text), 1) * 5, 1.0)
    f["no_letters"] = float(not alpha)
    money = bool(MONEY.search(text))
    f["money"] = float(money)
    f["money_short"] = float(money and n <= 12)
    # model names in a line that does not end a sentence: a product card or a shop rail
    models = sum(1 for w in words if MODEL_WORD.match(w) and not w.isdigit())
    f["model_names"] = float(not ends_sentence and n <= 20 and models >= 2)
    f["bio_opening"] = float(n >= 6 and bool(BIO_OPENING.match(text)))
    f["about_heading"] = float(n <= 5 and bool(ABOUT_HEADING.match(text)))
    # columns of a table or spec sheet, which a text dump flattens with tabs or wide gaps
    f["table_row"] = float("\t" in text or "   " in text and len(WIDE_GAP.findall(text)) >= 2)
    # ... or with single spaces, when its cells repeat ("Yes No Yes Yes") or are figures
    f["table_cells"] = float(not ends_sentence and _table_cells(words, text))
    f["parenthesis"] = float("(" in text and has_parenthesis(text))
    f["dash_item"] = float(n >= 5 and bool(DASH_ITEM.match(text)))
    f["contact"] = float(digits >= 5 and bool(CONTACT.search(text)))
    f["domain"] = float("." in text and bool(DOMAIN.search(text)))
    f["handle"] = float(("@" in text or "#" in text) and bool(HANDLE.search(text)))
    f["separators"] = float(bool(SEPARATORS.search(text)))
    f["code"] = float(not CODE_CHARS.isdisjoint(text) and looks_like_code(text))
    f["list_marker"] = float(bool(LIST_MARKER.match(text)))
    # a pitch: a verb turned to the reader or to the publisher's offer, a hook question,
    # an offer's terms, the publisher introducing itself, a headline's form
    lower2 = words[1].lower() if n >= 2 else ""
    # a first word in capitals is an acronym ("NASA says …") unless the whole line shouts
    # ("FIND YOUR PROGRAM")
    f["pitch_opens"] = float(
        2 <= n <= PITCH_WORDS
        and words[0][0].isupper()
        and (not words[0].isupper() or f["all_caps"] == 1.0)
        and words[0].lower() not in NOT_VERBS
        and (
            lower2 in PITCH_OBJECTS
            or lower2 in ARTICLES
            and any(w.lower() in SECOND_PERSON for w in words[2:])
        )
    )
    f["hook_question"] = float(
        n <= HOOK_WORDS and f["ends_question"] == 1.0 and bool(HOOK_QUESTION.match(text))
    )
    f["offer"] = float(bool(OFFER.search(text)))
    f["publisher_intro"] = float(bool(PUBLISHER_INTRO.match(text)))
    f["headline_form"] = float(
        HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1]
        and not ends_sentence
        and f["title_case"] >= HEADLINE_CASE
    )
    f["date"] = float(digits > 0 and bool(DATE.search(text)))
    f["time_ago"] = float(digits > 0 and bool(TIME_AGO.search(text)))
    f["quote"] = float(('"' in text or "“" in text or "”" in text) and bool(QUOTE.search(text)))
    f["ellipsis_end"] = float(bool(ELLIPSIS_END.search(text)))
    f["copyright"] = float(bool(COPYRIGHT.search(text)))
    index = cue_index()
    lower_words = [w.lower() for w in words]
    f["button"] = float(n <= 4 and " ".join(lower_words) in index.buttons)
    hits, opens = cue_hits(lower_words, index)
    if f["quote"] and any(hits[name] for name in SPEAKER_FAMILIES if name in hits):
        outside = WORD.findall(QUOTED.sub(" ", text.translate(APOSTROPHES)))
        unquoted, unquoted_opens = cue_hits([w.lower() for w in outside], index)
        for name in SPEAKER_FAMILIES:
            if name in hits:
                hits[name] = unquoted[name]
                opens.discard(name)
                if name in unquoted_opens and outside[:1] == words[:1]:
                    opens.add(name)
    # the publisher speaking to the reader ("Use our calculator to … your home", "Make sure
    # you stay in the loop with our newsletters"), outside quotations
    f["self_to_reader"] = float(
        n <= PITCH_WORDS and bool(hits.get("self")) and bool(hits.get("reader"))
    )
    # a call to act after an opening sentence ("Want more? Sign up for our newsletter.")
    f["imperative_inside"] = float(_later_sentence_calls(text, index))
    # an everyday verb opens a call to act only in a short line
    if "plain_verb" in opens and n <= CALL_WORDS:
        opens.add("imperative")
    for name, count in hits.items():
        if name == "plain_verb":
            continue
        if name in DENSITY_FAMILIES:
            f[f"{name}_density"] = min(count / max(n, 1) * 5, 1.0)
        elif name != "imperative":
            f[f"{name}_any"] = float(count > 0)
            # a cue word weighs more in a short line than in a long paragraph
            f[f"{name}_short"] = float(count > 0 and n <= 12)
        f[f"{name}_opens"] = float(name in opens)
    return f


SENTENCE_START = re.compile(r"[.!?…][\"'”’)]*\s+([\"“‘(]?[A-Z])")


def _later_sentence_calls(text: str, index: CueIndex) -> bool:
    """Whether a sentence after the line's first opens with a verb of a call to act."""
    for match in SENTENCE_START.finditer(text):
        rest = text[match.start(1) : match.start(1) + 40].translate(APOSTROPHES)
        _, opens = cue_hits([w.lower() for w in WORD.findall(rest)[:4]], index)
        if "imperative" in opens:
            return True
    return False


def _table_cells(words: list[str], text: str) -> bool:
    """Whether a line reads as a table row flattened with single spaces: a word repeated
    across its cells, or three figures or more."""
    if len(FIGURE.findall(text)) >= 3:
        return True
    if len(words) > 25:
        return False
    counts: dict[str, int] = {}
    for w in words:
        key = w.lower()
        counts[key] = counts.get(key, 0) + 1
    return max(counts.values(), default=0) >= 3
