"""Quoted stretches turned into attributed quotations: cue, speaker, partial or not.

The order of evidence, for each stretch: a verb of saying that opens it after a comma or a
colon ("who told her, “…”"), whatever verb the parser hung it on; a cue above it in the
parse of its own sentence
("…,” Vucic said"; "said the ship “was seized”"; verbs of judging with the quotation as
their complement: "slammed the move as “unconscionable”", "called on Beijing to “…”"),
or set off as an aside ("This change, said Tom, means “…”"), or hung below the quotation
by the parser; for a quotation standing as its own sentence, any cue in the words around
it; a cue right after a quotation that ends with a comma ("was “bitter,” a source told
Der Spiegel"; "…,” according to X"); a colon after a name or a clause about speech
("Trump: “…”"; "made a declaration to a police officer: “…”"); the speaker label of a
broadcast transcript for a quotation opening a turn ("TRUMP: “…”"); else the speaker of
the quotation it continues (split quotes, paragraph continuations), of the paragraph
before ("he said:" then a quoted paragraph), or of the quotation right after it in the
paragraph. A stretch inside a reporter's sentence with no cue of its own is a scare quote
and gives nothing; so is one in a clause that tells when ("After Trump labeled …") or in
an adjunct that opens the clause ("In their latest “seven-figure project”, …"). A cue
whose subject is a thing, not anyone who speaks ("Hagel's resignation doesn't hint at …"),
gives way to the verb of saying above it. A speaker the actors stage made no mention of is
coded from its own words (:mod:`tidings.actors.unnamed`: "a Yemeni security source", "the
Times reported").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.actors import actor_at
from tidings.actors.unnamed import describes_someone, outlet_code, unnamed_code
from tidings.model import Actor, ActorMention, ActorRef, Quote
from tidings.quotes.cues import (
    SCENE_MARKS,
    Cue,
    cue_at,
    cues_in,
    flipped_cue,
    governing_cue,
    lexicon,
    sentence_goes_on,
    trailing_cue,
)
from tidings.quotes.labels import SpeakerLabel, is_label, looks_like_title, speaker_turns
from tidings.quotes.marks import DOUBLE_MARKS, QuoteSpan, find_quote_spans, paragraph_bounds
from tidings.quotes.speakers import DOCUMENT_NOUNS, Referent, Referents, name_key

TOKEN = re.compile(r"\w+")
POSSESSIVE_END = re.compile(r"['’]s$")
# What a writer for the press writes: "wrote in a column", "in a piece for The Atlantic".
PRESS_PIECES = frozenset({"column", "piece", "op-ed", "oped", "editorial", "commentary",
                          "blog", "newsletter", "article", "story"})  # fmt: skip
# Verbs of the press's own work: a short name that reports or editorialises is an outlet.
PUBLISHING = frozenset({"report", "write", "publish", "editorialize", "editorialise"})
# "the Bee reported", "the Sacramento Bee reported": a name the article gives with "the".
SHORT_OUTLET = re.compile(r"\b[Tt]he (?:[A-Z][\w.'’-]* )*$")
# Words ending in a full stop inside a sentence: "the U.S. “will not …”".
ABBREVIATIONS = (
    "U.S.", "U.K.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "Gen.", "Sen.",
    "Rep.", "Gov.", "No.", "vs.", "Lt.", "Col.", "Capt.", "Sgt.",
)  # fmt: skip
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})  # a verb that tells what was said
MIN_SINGLE_QUOTED_WORDS = 3  # single marks outside double quotes: only clear quotations
MIN_UNCLOSED_WORDS = 3  # an unclosed quotation must be long enough to be one
LOOK_BACK_PARAGRAPHS = 3  # how far a document-noun cue ("a statement said") looks back
LEAD_AFTER_LABEL = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?")  # "(Through interpreter)"
# "I said" in a transcript speaker's turn: the speaker whose turn it is.
_FIRST_PERSON = frozenset({"i", "we"})
INTRODUCER_REACH = 4  # a cue verb, its object ("told her") and the comma before a quotation
MIN_JUDGED_WORDS = 3  # a partial quotation under a verb of no lexicon: leave-one-round-out
COLON_LABEL_WORDS = 7  # "Obama campaign manager Jim Messina: “…”" names its speaker
# "“…” — Philip Ellis, president of the National Cattlemen's Beef Association": a quotation
# credited after a dash at the end of its paragraph (round-ups of reactions, epigraphs,
# embedded posts "— Donald J. Trump (@realDonaldTrump) April 18, 2019").
DASH_CREDIT = re.compile(r"[.,]?[ \t\u00a0]*(?:—|–|--)[ \t\u00a0]*(?=[A-Z])")
CREDIT_END = re.compile(r"[,(\n]|$")
CREDIT_WORDS = 7  # "House Judiciary Committee Ranking Member Doug Collins"
# A round-up of commentary credits each quotation to its writer and outlet, right after the
# quotation or on the next line: "“… a second term.” Edward B. Foley, Politico".
PRESS_CREDIT = re.compile(
    r"[ \t\u00a0]*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}), "
    r"(?P<outlet>(?:[Tt]he )?[A-Z][\w.'’&-]*(?: [A-Z&][\w.'’&-]*){0,5})[ \t\u00a0]*"
)
ROUNDUP_CREDITS = 2  # credited quotations that make an article a round-up of commentary
# A credit that names no writer: the outlet's own voice ("Editorial Board, USA Today").
OUTLET_VOICES = frozenset({"editorial board", "editors", "the editors", "editorial"})
# A line of page furniture or a caption between a quotation and what announced it ends
# with no mark of a sentence and holds no clause break: "Story Continued Below".
FURNITURE_END = re.compile(r"[.!?:;\"”’')\]]$")
FURNITURE_WORDS = 12  # "Enlarge this image toggle caption Jeff J Mitchell/Getty Images …"
# Lower-case words a name may hold: "Organization of American States", "Osama bin Laden".
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "bin", "al", "de", "da", "van", "von"})
# Nouns for what someone says: "made a declaration to a police officer: “I am …”".
SPEECH_NOUNS = DOCUMENT_NOUNS | frozenset({
    "declaration", "words", "word", "remark", "comment", "response", "reply", "answer",
    "speech", "address", "plea", "appeal", "warning", "message", "question", "interview",
    "tweet", "post", "explanation", "argument", "promise", "pledge", "vow", "verdict",
})  # fmt: skip


@dataclass(slots=True)
class Found:
    """A quoted stretch and what was learnt about it."""

    span: QuoteSpan
    inner: Span
    outer: Span
    embedded: bool
    cue: Cue | None = None
    cue_text: str | None = None
    speaker: Referent | None = None
    subject: Token | None = None
    keep: bool = True
    document: bool = False  # the cue's subject is a text with no author named
    introduced: bool = False  # a colon introduces it: it borrows no neighbour's speaker
    media: bool = False  # its speaker is a transcript's host, reporter or byline
    outlet: tuple[int, int] | None = None  # a round-up credit's outlet: the writer is MED
    outlet_home: str | None = None  # the country of a credit's outlet the actors don't know


def _frame(doc: Doc, f: Found, para: tuple[int, int], quoted: set[int]) -> list[Token]:
    """The reporter's words around a quotation: its sentences, outside any quotation."""
    first, last = f.outer[0].sent, f.outer[-1].sent
    start, end = first.start, last.end
    said = f.inner.text.rstrip("”\"’' ")
    # “…,” he said; “… continue!” he said
    ends_open = said.endswith(",") or sentence_goes_on(said, doc, f.outer.end)
    if ends_open and end < len(doc) and doc[end - 1].i <= f.outer[-1].i:
        end = doc[end].sent.end  # “…,” | he said: the parser split before the cue
    close = f.span.close_mark
    lo, hi = para
    if (
        close is not None
        and f.inner.text.rstrip("”\"’' ").endswith((".", "!", "?"))
        and f.outer[-1].idx + len(f.outer[-1].text) > close + 1
    ):
        # '…break on Benghazi."And former Ambassador John Bolton told …': on a page without
        # spaces the closing mark sticks to the next sentence's first word; that sentence's
        # cue is not this quotation's.
        if f.outer[-1].is_sent_start and f.outer[-1].i > start:
            end = min(end, f.outer[-1].i)
    return [t for t in doc[start:end] if lo <= t.idx < hi and t.i not in quoted]


def _nearest(cues: list[Cue], outer: Span) -> Cue | None:
    def distance(c: Cue) -> int:
        i = c.token.i
        return outer.start - i if i < outer.start else i - outer.end

    return min(cues, key=distance) if cues else None


def _introducing_cue(outer: Span, frame: list[Token]) -> Cue | None:
    """A verb of saying that opens the quotation after a comma or colon ("…, a refugee from
    Syria, who told her, “Here no food …”"): the words' introducer, whatever verb above it
    the parser hung the quotation on ("spoke")."""
    before = [t for t in frame if t.i < outer.start][-INTRODUCER_REACH:]
    if len(before) < 2 or before[-1].text not in (",", ":"):
        return None
    for t in reversed(before[:-1]):
        cue = cue_at(t)
        if cue is not None and cue.kind == "verb" and t.pos_ == "VERB":
            return cue
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return None
    return None


def _attribute(f: Found, frame: list[Token], refs: Referents) -> None:
    cue = _introducing_cue(f.outer, frame) or governing_cue(f.inner, frame) \
        or flipped_cue(f.outer, frame)  # fmt: skip
    if cue is None and not f.embedded:
        cue = _nearest(cues_in(frame), f.outer)
    if cue is None:
        cue = trailing_cue(f.outer, frame)
    if cue is None:
        cue = next((c for c in map(cue_at, frame) if c and c.kind == "phrase"), None)
    if cue is None and not f.embedded:
        _colon_intro(f, frame, refs)
        return
    if cue is None:
        judged = _judging_verb(f.inner, frame, refs)
        if judged is not None:  # not a subject later pronouns look back to: no note_speaker
            f.cue, f.cue_text = judged, judged.text
            f.speaker, f.subject, _ = refs.subject_of(judged)
        return
    ref, subject, f.document = refs.subject_of(cue)
    if _no_one(ref, subject):
        outer = _outer_cue(cue)
    else:
        # "He also said Trump will likely use his address to explain that there is a
        # “humanitarian and security crisis”": words not yet said are the reporting speaker's
        # (only a speaker found is replaced: the phrase under a cue with no one stays out)
        outer = _reporting_cue(cue) if ref is not None else None
    if outer is not None:
        # "He added that Hagel's resignation doesn't hint at any “major changes”": a thing
        # that hints says nothing; the verb of saying above it has the speaker.
        cue = outer
        ref, subject, f.document = refs.subject_of(cue)
    f.cue, f.cue_text = cue, cue.text
    f.speaker, f.subject = ref, subject
    if ref is not None and subject is not None:
        refs.note_speaker(subject, ref)


def _judging_verb(inner: Span, frame: list[Token], refs: Referents) -> Cue | None:
    """The active verb a partial quotation of some length is the complement of, when its
    subject is a person or body the article names: what that speaker said in the reporter's
    paraphrase ("Josh Earnest credited Sweden for the “tireless efforts of their embassy”",
    "Ali Rabiei expressed “concern and sorrow”"), whatever the verb. Shorter phrases are as
    often the reporter's scare quotes ("sold “green” bonds"), and a title in quote marks is
    no one's words."""
    if len(_words(inner.text)) < MIN_JUDGED_WORDS or looks_like_title(inner.text):
        return None
    in_frame = {t.i for t in frame}
    heads = [t for t in inner if t.head.i < inner.start or t.head.i >= inner.end]
    for head in heads:
        for node in head.ancestors:
            if node.i not in in_frame or node.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children) or _in_scene(node):
                return None
            if node.lemma_.lower() in lexicon().bare:
                return None  # "continued its “special military operation”": not speech
            cue = Cue(node, node.text, "verb")
            ref, _, _ = refs.subject_of(cue)
            return cue if ref is not None and ref.kind in ("person", "organisation") else None
    return None


def _after_full_stop(before: str, quoted: str) -> bool:
    """The quotation opens a sentence of its own after the reporter's words ``before``
    ("And it is vital to defeating the Islamic State, he says. “Any opportunity …”")."""
    return before[-1] in ".!?" and quoted[:1].isupper() and not before.endswith(ABBREVIATIONS)


def _in_scene(token: Token) -> bool:
    """The word is in a clause that tells when or despite what ("After China proposed its
    tariffs, Trump blamed …"): its verb introduces no one's words."""
    return any(
        a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in a.children)
        for a in (token, *token.ancestors)
    )


def _no_one(ref: Referent | None, subject: Token | None) -> bool:
    """The cue's subject is a common noun for a thing, not for anyone who speaks ("the
    court victory", "his qualifications"; :func:`tidings.actors.unnamed.describes_someone`)."""
    return ref is not None and ref.kind == "group" and subject is not None \
        and subject.pos_ == "NOUN" and not describes_someone(ref.name)  # fmt: skip


def _reporting_cue(cue: Cue) -> Cue | None:
    """The verb of saying that reports a cue of words yet to be said: "McMaster also said
    Friday that Iran would be a major focus, with Trump expected to call out the country's
    “destabilizing behavior”" quotes McMaster's account, not anything Trump has said. A
    cue in the base form (an infinitive, after a modal) inside the clause another speaker
    reports gives way to that speaker."""
    if cue.kind == "phrase" or cue.token.tag_ != "VB":
        return None
    for token in cue.token.ancestors:
        outer = cue_at(token)
        if outer is None or outer.kind != "verb" or token.tag_ not in FINITE_TAGS:
            continue
        reported = any(c.dep_ == "ccomp" and cue.token in c.subtree for c in token.children)
        return outer if reported else None
    return None


def _outer_cue(cue: Cue) -> Cue | None:
    """The nearest verb of saying above a cue in the parse ("added" above "hint")."""
    for token in cue.token.ancestors:
        outer = cue_at(token)
        if outer is not None and outer.kind == "verb":
            return outer
    return None


def _colon_intro(f: Found, frame: list[Token], refs: Referents) -> None:
    """A quotation introduced by a colon with no cue verb: a name ("Trump: “Yes, he
    did.”", "Obama campaign manager Jim Messina: “…”") or a clause about speech ("made a
    declaration to a police officer: “I am a KGB officer …”")."""
    before = [t for t in frame if t.i < f.outer.start]
    if not before or before[-1].text != ":":
        return
    colon = before[-1]
    f.introduced = True
    words = [t for t in before[:-1] if t.sent == colon.sent or t.i >= colon.sent.start]
    start = len(words)
    while start and not (words[start - 1].is_punct and words[start - 1].text in ".;!?-–—|"):
        start -= 1
    words = words[start:]
    if not words:
        return
    ids = {t.i for t in words}
    heads = [t for t in words if t.head.i not in ids or t.head == t]
    head = heads[0] if len(heads) == 1 else words[-1]  # "Trump on Afghanistan:" is Trump
    if (
        len(words) <= COLON_LABEL_WORDS
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
        and (
            head.pos_ == "PROPN"
            or head.ent_type_ in ("PERSON", "ORG")
            or (head.is_title and refs.knows_person(head.text))
        )
    ):
        ref = refs.resolve(head)
        if ref is not None and ref.start < words[0].idx:  # the parse ran past the label
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            ref = Referent(refs.text[start:end], start, end, ref.kind, ref.key)
        if ref is not None:
            f.cue, f.cue_text = Cue(colon, ":", "label"), ":"
            f.speaker, f.subject = ref, head
        return
    nouns = [t for t in words if t.lemma_.lower() in SPEECH_NOUNS and t.pos_ == "NOUN"]
    if not nouns:
        return
    for prep in nouns[-1].children:  # "these words from the Prophet Isaiah:"
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            ref = refs.resolve(obj) if obj is not None and obj.pos_ == "PROPN" else None
            if obj is not None and ref is not None:
                f.cue, f.cue_text = Cue(colon, ":", "label"), ":"
                f.speaker, f.subject = ref, obj
                return
    verb = next((t for t in heads if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return
    ref, subject, _ = refs.subject_of(Cue(verb, verb.text, "verb"))
    if ref is not None and subject is not None:
        f.cue, f.cue_text = Cue(colon, ":", "label"), ":"
        f.speaker, f.subject = ref, subject


def _dash_credit(doc: Doc, f: Found, body: str, end: int, refs: Referents,
                 mentions: list[ActorMention], home: str | None) -> None:  # fmt: skip
    """A quotation credited after a dash that ends its paragraph ("“TPP is a major win …”
    — Philip Ellis, president of the National Cattlemen's Beef Association"): the name
    after the dash is the speaker. A dash followed by anything but a name (a clause, a
    second quotation) credits no one."""
    close = f.span.close_mark
    if close is None:
        return
    dash = DASH_CREDIT.match(body, close + 1, end)
    if dash is None or any(DOUBLE_MARKS.match(c) for c in body[dash.end() : end]):
        return
    stop = CREDIT_END.search(body, dash.end(), end)
    name_end = stop.start() if stop is not None else end
    words = body[dash.end() : name_end].split()
    if not words or len(words) > CREDIT_WORDS:
        return
    if not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
        return  # "— a word the White House rejected": not a credit
    span = doc.char_span(dash.end(), dash.end() + len(body[dash.end() : name_end].rstrip()),
                         alignment_mode="expand")  # fmt: skip
    if span is None or not len(span):
        return
    head = span.root
    ref = refs.resolve(head)
    if ref is None or not (span.start_char <= ref.start and ref.end <= span.end_char + 1):
        kind = "person" if head.ent_type_ == "PERSON" else "organisation"
        name = span.text.strip()
        ref = Referent(name, span.start_char, span.end_char, kind,
                       name_key(name) if kind == "person" else "")  # fmt: skip
    f.cue, f.cue_text = Cue(doc[span.start - 1], "—", "label"), "—"
    f.speaker, f.subject = ref, head
    press = PRESS_CREDIT.fullmatch(body, dash.end(), end)  # "— Matthew Yglesias, Vox"
    if press is not None and _outlet_code(*press.span("outlet"), mentions, body, home):
        f.outlet = press.span("outlet")


def _outlet_code(start: int, end: int, mentions: list[ActorMention], body: str,
                 home: str | None) -> str:  # fmt: skip
    """The media code of an outlet named in a credit: the actors stage's, else one the name
    itself shows ("Miami Herald"); "" for a name that is not known as an outlet."""
    actor = _covering(mentions, start, end)
    if actor is not None and actor.code.endswith("MED"):
        return actor.code
    return outlet_code(body[start:end], mentions, home)


def _credit_after(span: QuoteSpan, body: str, paragraphs: list[tuple[int, int]]
                  ) -> re.Match[str] | None:  # fmt: skip
    """A "Name, Outlet" credit right after the quotation's closing mark, or on the next line
    when the quotation ends its paragraph."""
    close = span.close_mark
    if close is None:
        return None
    _, hi = paragraphs[span.paragraph]
    credit = PRESS_CREDIT.fullmatch(body, close + 1, hi)
    if credit is None and not body[close + 1 : hi].strip(" .\t\u00a0"):
        if span.paragraph + 1 < len(paragraphs):
            nlo, nhi = paragraphs[span.paragraph + 1]
            credit = PRESS_CREDIT.fullmatch(body, nlo, nhi)
    return credit


def _press_credit(
    doc: Doc,
    f: Found,
    body: str,
    paragraphs: list[tuple[int, int]],
    mentions: list[ActorMention],
    home: str | None,
    roundup: bool,
) -> None:
    """A quotation credited to a writer and outlet at its end or on the next line, as
    round-ups of commentary do ("“… a second term.” Edward B. Foley, Politico";
    "Editorial Board, Wall Street Journal" under the quoted paragraph). Outside a round-up
    (``roundup``: an article with several such credits) the outlet must be known as one:
    "Mikhail Klimentyev, Kremlin Pool Photo via AP" credits a photograph."""
    credit = _credit_after(f.span, body, paragraphs)
    if credit is None:
        return
    if not roundup and not _outlet_code(*credit.span("outlet"), mentions, body, home):
        return
    voice = credit.group("name").lower() in OUTLET_VOICES  # "Editorial Board": the outlet
    group = "outlet" if voice else "name"
    name, (start, end) = credit.group(group), credit.span(group)
    kind = "organisation" if voice else "person"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return
    f.cue, f.cue_text = Cue(span[0], ",", "label"), ","
    f.speaker = Referent(name, start, end, kind, name_key(name) if kind == "person" else "")
    f.outlet = credit.span("outlet")


def _take_label(doc: Doc, f: Found, label: SpeakerLabel) -> None:
    span = doc.char_span(label.start, label.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    f.cue, f.cue_text = Cue(span[-1], ":", "label"), ":"
    f.speaker = Referent(label.name, label.start, label.end, "person", name_key(label.name))
    f.media = label.media


def _paragraph_before(body: str, paragraphs: list[tuple[int, int]], n: int) -> int | None:
    """The paragraph a quotation opening paragraph ``n`` follows on from: the one before,
    or the one before that when a line of page furniture or a caption stands between a
    speaker's words and the paragraph that announced them ("Lauren reports for our Newscast
    unit:" | "Enlarge this image toggle caption …" | "“Migrants …"; "“…,” Bush said." |
    "Story Continued Below" | "“This administration …”"). None after a furniture line
    that follows no such paragraph: "Story Continued Below" names no speaker."""
    lo, hi = paragraphs[n - 1]
    line = body[lo:hi].strip()
    if FURNITURE_END.search(line) or "," in line or len(line.split()) > FURNITURE_WORDS:
        return n - 1
    if n < 2:
        return None
    plo, phi = paragraphs[n - 2]
    announced = body[plo:phi].rstrip()
    if announced.endswith(":") or DOUBLE_MARKS.search(announced):
        return n - 2
    return None


def _sentence_cue(doc: Doc, sent: list[Token], quoted: set[int], refs: Referents) -> Found | None:
    """A reporter's sentence with a cue and a resolvable speaker ("Siluanov said …")."""
    for t in sorted(sent, key=lambda t: (t.dep_ != "ROOT", -t.i)):  # main verb, then last
        if t.i in quoted:
            continue
        cue = cue_at(t)
        if cue is None or cue.kind == "naming" or t.lemma_.lower() == "call":
            continue  # "They were calling for a medic." introduces no one's words
        ref, subject, _ = refs.subject_of(cue)
        if ref is not None:
            whole = doc[sent[0].i : sent[-1].i + 1]
            holder = Found(QuoteSpan(0, 0, 0, None, -1), whole, whole, False, cue, cue.text)
            holder.speaker, holder.subject = ref, subject
            return holder
    return None


def _inherit(f: Found, source: Found) -> None:
    f.cue, f.cue_text, f.speaker, f.subject = source.cue, source.cue_text, source.speaker, None
    f.outlet, f.outlet_home = source.outlet, source.outlet_home  # a round-up's writer


def _covering(mentions: list[ActorMention], start: int, end: int) -> Actor | None:
    """The actor of a mention that covers the end (the head word) of [start, end)."""
    actor = actor_at(mentions, max(start, end - 1), end)
    return actor


def _coded(actor: Actor) -> ActorRef:
    ref = ActorRef.of(actor)
    if actor.kind == "country" and len(actor.code) == 3:
        ref.code += "GOV"  # a country that speaks is its government ("Iran warned")
    return ref


def _actor_ref(f: Found, mentions: list[ActorMention], body: str, home: str | None = None,
               press: str | None = None) -> ActorRef | None:  # fmt: skip
    """The speaker as an actor: the code from the actors stage's mentions, the name from the
    article (its canonical form when the two agree on the surname). A person the article
    says nothing codable of is a civilian of the article's home country (``home``: the
    article's country), as CAMEO codes people without an office ("Martha Mullen, of
    Richmond" in USA Today → USACVL), one who writes or reports for the press is media of
    the outlet's country (``press``: an NPR reporter in Croatia is USAMED); a description
    with no mention is coded from its own words (:func:`tidings.actors.unnamed.unnamed_code`:
    "a Yemeni security source")."""
    if f.outlet is not None and f.speaker is not None:
        return _credited(f.speaker, f.outlet, mentions, body, f.outlet_home)
    press = press or home
    coded = _named_ref(f, mentions, body, home, press)
    if coded is not None and not coded.code and f.speaker is not None \
            and f.speaker.kind == "person" and not f.media:  # fmt: skip
        writer = _writes_for_press(f)
        country = press if writer else home
        if country:
            coded.code = f"{country}{'MED' if writer else 'CVL'}"
    return coded


def _credited(ref: Referent, outlet: tuple[int, int], mentions: list[ActorMention], body: str,
              home: str | None) -> ActorRef:  # fmt: skip
    """A round-up's writer or outlet: the outlet's media code (the actors stage's, else
    :func:`~tidings.actors.unnamed.outlet_code`); a writer is media of the outlet's
    country, as CAMEO codes journalists and columnists."""
    start, end = outlet
    actor = _covering(mentions, start, end)
    code = _outlet_code(start, end, mentions, body, home)
    country = code[:3] if len(code) == len("USAMED") else home or ""
    if ref.kind != "person":
        name = actor.name if actor is not None and code == actor.code else ref.name
        return ActorRef(code=f"{country}MED", name=name)
    person = _covering(mentions, ref.start, ref.end)
    if person is not None and person.kind == "person" and person.code[3:] not in ("", "CVL"):
        # "Max Boot" the actors know for more than a civilian; a civilian by default is,
        # by this credit, a writer for the press
        return ActorRef(code=person.code, name=ref.name)
    return ActorRef(code=f"{country}MED", name=ref.name)


def _writes_for_press(f: Found) -> bool:
    """The speaker wrote the words in a piece of journalism ("David Frum wrote in a 2016
    piece for The Atlantic") or reports them: a writer for the press, MED."""
    cue = f.cue
    if cue is None or cue.kind != "verb":
        return False
    if cue.token.lemma_.lower() == "report":
        return True  # "Lauren reports for our Newscast unit:": a person who reports
    if cue.token.lemma_.lower() != "write":
        return False
    return any(t.lower_ in PRESS_PIECES for t in cue.token.subtree)


def _named_ref(f: Found, mentions: list[ActorMention], body: str, home: str | None,
               press: str | None) -> ActorRef | None:  # fmt: skip
    ref = f.speaker
    if ref is None:
        return None
    actor = _covering(mentions, ref.start, ref.end)
    if actor is None and ref.key:
        actor = next(
            (
                m.actor
                for m in mentions
                if m.actor.kind == "person"
                and ref.key in (name_key(m.text), name_key(m.actor.name))
            ),
            None,
        )
    if actor is None and ref.kind != "person" and f.subject is not None:
        actor = _covering(mentions, f.subject.idx, f.subject.idx + len(f.subject.text))
    if actor is None and f.media:
        return ActorRef(code=_broadcaster(mentions), name=ref.name)
    if actor is None:
        return ActorRef(code=_described(f, ref, mentions, body, home, press), name=ref.name)
    actor = _fullest(actor, mentions)
    coded = _coded(actor)
    if actor.kind == "person":  # "Pastor Suresh Rao's house" named him, not "Suresh Rao's"
        coded.name = POSSESSIVE_END.sub("", coded.name)
    # A body goes by its gazetteer name ("AP" → Associated Press) unless that is an acronym
    # the article spells out ("Korean Central News Agency" for KCNA); a person by the
    # article's name.
    acronym = actor.name.isupper() and len(ref.name.split()) > 1
    # "the Maryland Democrat": the person named before, not a role ("the judge")
    described = actor.kind == "person" and ref.kind != "person" and actor.name != actor.role
    if (
        name_key(actor.name) != name_key(ref.name)
        and (actor.kind != "organisation" or acronym)
        and not described
        and not _fuller_in_article(actor, ref.name, body)
    ):
        coded.name = ref.name  # the article's name for whom it quotes
    if not coded.code and actor.kind != "person":  # a body the actors stage could not code
        coded.code = _described(f, ref, mentions, body, home, press)
    return coded


def _fuller_in_article(actor: Actor, name: str, body: str) -> bool:
    """The actor is a person whose name, as the article gives it, holds every word of the
    name the quotation's cue used: "Ri said" of North Korea's "Ri Yong Ho", whose family
    name comes first, so that the surname rule would keep the short form."""
    if actor.kind != "person" or actor.name not in body:
        return False
    words = _words(name)
    full = _words(actor.name)
    return bool(words) and len(full) > len(words) and set(words) <= set(full)


def _fullest(actor: Actor, mentions: list[ActorMention]) -> Actor:
    """The one person of the article a bare surname stands for: "digital expert Diaz says"
    is the Manuel Diaz named before, with his code, when the article names no other Diaz
    in full."""
    if actor.kind != "person" or len(actor.name.split()) > 1:
        return actor
    key = name_key(actor.name)
    fuller = {m.actor.name: m.actor for m in mentions
              if m.actor.kind == "person" and len(m.actor.name.split()) > 1
              and name_key(m.actor.name) == key}  # fmt: skip
    return next(iter(fuller.values())) if len(fuller) == 1 else actor


def _described(f: Found, ref: Referent, mentions: list[ActorMention], body: str,
               home: str | None, press: str | None) -> str:  # fmt: skip
    """The code of a speaker the actors stage gave none: an outlet by its short name ("the
    Times reported": the outlet the article names in full), else what the words say ("a
    White House official", "Iranian TV", "federal prosecutors")."""
    reported = _publishes(f) and SHORT_OUTLET.search(body, max(0, ref.start - 40),
                                                     ref.start) is not None  # fmt: skip
    words = ref.name.split()
    if len(words) > 1 and words[-1].lower() in PRESS_PIECES:  # "that Bee article"
        return outlet_code(" ".join(w for w in words[:-1] if w[:1].isupper()), mentions, press,
                           reported=True)  # fmt: skip
    if ref.kind == "person" and not reported:  # "the Sacramento Bee reported", tagged a name
        return ""
    code = outlet_code(ref.name, mentions, press, reported) if ref.kind != "group" else ""
    code = code or unnamed_code(body, ref.start, ref.end, mentions, home)
    subject = f.subject
    if not code and subject is not None and subject.pos_ == "NOUN" and subject.idx != ref.start:
        # "The group said", read as the Civil Human Rights Front the actors stage does not
        # code: what the article called it codes it ("group": an NGO of its country).
        start = subject.left_edge.idx
        code = unnamed_code(body, start, subject.idx + len(subject.text), mentions, home)
    return code


def _publishes(f: Found) -> bool:
    """The cue is a verb of publishing ("the Bee reported", "the Journal wrote"): with "the"
    and a short capitalised name for subject, what only the press does."""
    cue = f.cue
    return cue is not None and cue.kind == "verb" and cue.token.lemma_.lower() in PUBLISHING


def _broadcaster(mentions: list[ActorMention]) -> str:
    """The media code the article mentions most ("NPR" → USAMED): a transcript's host or
    reporter works for the broadcaster (CAMEO: media people are MED)."""
    codes = Counter(m.actor.code for m in mentions if m.actor.code.endswith("MED"))
    return codes.most_common(1)[0][0] if codes else ""


def _words(text: str) -> tuple[str, ...]:
    return tuple(TOKEN.findall(text.lower()))


def attribute_quotes(doc: Doc, body: str, mentions: list[ActorMention],
                     home: str | None = None, outlet: str | None = None
                     ) -> list[Quote]:  # fmt: skip
    """Every attributed quotation in the body (see the module docstring for the rules).
    ``home`` is the country of people the article places nowhere (the one it is about,
    :func:`tidings.actors.home.article_country`), ``outlet`` the publisher's, which its
    writers, reporters and the press it names by a short name ("the Times") are of."""
    press = outlet or home
    if not len(doc) or doc[-1].idx + len(doc[-1].text_with_ws) != len(body):
        return []  # not the parse of this body: offsets would not line up
    if not doc.has_annotation("DEP"):
        return []  # no parse to find cues and speakers in
    spans = find_quote_spans(body, allow_single=not DOUBLE_MARKS.search(body))
    if not spans:
        return []
    paragraphs = paragraph_bounds(body)
    found: list[Found] = []
    quoted: set[int] = set()
    for s in spans:
        close = s.close_mark + 1 if s.close_mark is not None else s.end
        outer = doc.char_span(s.open_mark, close, alignment_mode="expand")
        inner = doc.char_span(s.start, s.end, alignment_mode="expand")
        if outer is None or inner is None or not len(inner):
            continue
        if (
            s.single
            and not s.nested
            and len(_words(body[s.start : s.end])) < MIN_SINGLE_QUOTED_WORDS
        ):
            continue
        if not s.nested:
            quoted.update(range(outer.start, outer.end))
        found.append(Found(s, inner, outer, embedded=False))
    if not found:
        return []
    turns = speaker_turns(body, paragraphs)
    for n, label in enumerate(turns):
        if label is not None and label.start >= paragraphs[n][0] and label.end <= paragraphs[n][1]:
            tokens = doc.char_span(label.start, label.label_end, alignment_mode="expand")
            if tokens is not None:  # a label is no one's subject: not "David Greene said"
                quoted.update(range(tokens.start, tokens.end))
    refs = Referents(doc, quoted, body, mentions)
    refs.turns = [
        (lo, hi, name_key(label.name))
        for (lo, hi), label in zip(paragraphs, turns, strict=True)
        if label is not None
    ]
    refs.person_keys = {name_key(m.actor.name) for m in mentions if m.actor.kind == "person"}
    # persons the article calls by name ("North Korean leader Kim Jong Un", "Pardo"), not
    # only by an office ("the Mossad director")
    named = {
        m.actor.name
        for m in mentions
        if m.actor.kind == "person" and set(_words(m.actor.name)[-1:]) & set(_words(m.text))
    }
    for m in mentions:
        if m.actor.kind == "person" and m.how in ("name", "surname"):
            for key in (name_key(m.text), name_key(m.actor.name)):
                refs.person_codes.setdefault(key, m.actor.code)
        elif m.how == "title" and m.actor.code:
            refs.described_codes.append((m.start, m.end, m.actor.code))
            if m.actor.kind == "person" and m.actor.name in named:
                refs.titled_people.append((m.start, m.end, m.actor.name))
    refs.pronoun_actors = [
        (m.start, m.end, m.actor.name, "person" if m.actor.kind == "person" else "organisation")
        for m in mentions
        if m.how == "pronoun"
    ]
    hosts = [f for f in found if not f.span.nested]
    credits = [c for f in hosts if (c := _credit_after(f.span, body, paragraphs)) is not None]
    roundup = len(credits) >= ROUNDUP_CREDITS
    # An outlet the actors stage does not know is of the country of the round-up's others.
    codes = [_outlet_code(*c.span("outlet"), mentions, body, press) for c in credits]
    known = Counter(code[:3] for code in codes if len(code) == len("USAMED"))
    press_home = known.most_common(1)[0][0] if known else press

    for f in found:
        s = f.span
        lo, hi = paragraphs[s.paragraph]
        if s.nested:
            host = next((h for h in hosts if h.span.start <= s.start <= s.end <= h.span.end), None)
            if host is None:  # its host quotation was set aside
                f.keep = False
                continue
            inner_ids = set(range(f.outer.start, f.outer.end))
            frame = [t for t in host.inner if t.i not in inner_ids]
            f.embedded = True
            cue = governing_cue(f.inner, frame)
            if cue is not None:
                f.cue, f.cue_text = cue, cue.text
                f.speaker, f.subject, _ = refs.subject_of(cue, inside_quote=True)
            f.keep = f.speaker is not None and not is_label(body, s.open_mark, f.inner, True)
            continue
        previous = [h for h in hosts if h.span.paragraph == s.paragraph and h.span.end < s.start]
        before_lo = max(lo, f.outer[0].sent.start_char)
        if previous and previous[-1].span.close_mark is not None:
            before_lo = max(before_lo, previous[-1].span.close_mark + 1)
        before = body[before_lo : s.open_mark].strip()
        f.embedded = bool(before) and before[-1] not in ":,"
        _attribute(f, _frame(doc, f, (lo, hi), quoted), refs)
        if f.speaker is None:  # no cue, or one with no speaker ("Some suggest that …")
            _dash_credit(doc, f, body, hi, refs, mentions, press)
        if f.speaker is None:
            _press_credit(doc, f, body, paragraphs, mentions, press, roundup)
        if f.outlet is not None:
            f.outlet_home = press_home
        label = turns[s.paragraph]
        if f.speaker is None and label is not None and f.subject is not None \
                and f.subject.lower_ in _FIRST_PERSON:  # fmt: skip
            # "WELNA: … and I said, “It is not.”": the one whose turn it is.
            f.speaker = Referent(label.name, label.start, label.end, "person",
                                 name_key(label.name))  # fmt: skip
            f.media = label.media
        if f.embedded and is_label(body, s.open_mark, f.inner, True):
            f.keep = False
        elif not f.embedded and is_label(body, s.open_mark, f.inner, False):
            f.keep = False

    # Quotations with no cue of their own borrow from their neighbours, in text order.
    for n, f in enumerate(hosts):
        if f.cue is not None or f.embedded or not f.keep or f.introduced:
            continue
        s = f.span
        prior = hosts[n - 1] if n else None
        if (
            prior is not None
            and prior.cue is not None
            and (s.continues or prior.span.paragraph == s.paragraph)
        ):
            _inherit(f, prior)
            continue
        lo, hi = paragraphs[s.paragraph]
        lead = body[lo : s.open_mark].strip()
        if lead and _after_full_stop(lead, body[s.start : s.end]) and f.outer.start > 0:
            # "And it is vital to defeating the Islamic State, he says. “Any opportunity …”":
            # a quotation that is a sentence of its own is the reporter's sentence before's
            last_sent = [t for t in doc[f.outer.start - 1].sent
                         if lo <= t.idx < hi and not _in_scene(t)]  # fmt: skip
            holder = _sentence_cue(doc, last_sent, quoted, refs)
            if holder is not None:
                _inherit(f, holder)
                f.subject = holder.subject
            continue
        if s.paragraph > 0 and not lead:
            back = _paragraph_before(body, paragraphs, s.paragraph)
            if back is None:
                continue
            if prior is not None and prior.cue is not None and prior.span.paragraph == back:
                _inherit(f, prior)
                continue
            plo, phi = paragraphs[back]
            before_para = doc.char_span(plo, phi, alignment_mode="expand")
            if before_para is not None and len(before_para):
                last_sent = [t for t in before_para[-1].sent if plo <= t.idx < phi]
                holder = _sentence_cue(doc, last_sent, quoted, refs)
                if holder is not None:
                    _inherit(f, holder)
                    f.subject = holder.subject
    for n in range(len(hosts) - 2, -1, -1):  # “A.” “B,” he said. / a paragraph continued
        f, nxt = hosts[n], hosts[n + 1]
        if (
            f.cue is None
            and not f.embedded
            and not f.introduced
            and nxt.cue is not None
            and (nxt.span.continues or nxt.span.paragraph == f.span.paragraph)
        ):
            _inherit(f, nxt)

    # In a transcript, a quotation that opens a speaker's turn or paragraph is theirs
    # ("TRUMP: “I won New Hampshire …”"); one further on may be someone they quote.
    for f in hosts:
        label = turns[f.span.paragraph]
        unattributed = f.cue is None or f.cue.kind == "label"  # no cue, or the label itself
        if unattributed and not f.embedded and f.keep and label is not None:
            lo, _ = paragraphs[f.span.paragraph]
            lead = body[max(lo, label.label_end) : f.span.open_mark]
            if not LEAD_AFTER_LABEL.fullmatch(lead):
                continue
            _take_label(doc, f, label)

    # A cue whose subject is a text ("said an official statement") speaks for the last
    # speaker named just before.
    last: Found | None = None
    for f in hosts:
        if f.document and f.speaker is None and last is not None:
            if f.span.paragraph - last.span.paragraph <= LOOK_BACK_PARAGRAPHS:
                f.speaker = last.speaker
        if f.speaker is not None:
            last = f

    quotes: list[Quote] = []
    seen: set[tuple[str, ...]] = set()
    for f in sorted(found, key=lambda x: x.span.start):
        if not f.keep or f.cue is None or (f.embedded and f.speaker is None):
            continue
        if f.speaker is None and looks_like_title(f.inner.text):
            continue  # a name in quote marks with nobody to say it
        words = _words(body[f.span.start : f.span.end])
        if f.span.close_mark is None and len(words) < MIN_UNCLOSED_WORDS:
            continue  # a stray mark at a paragraph's end, not a quotation left open
        if words in seen:
            continue  # the same words quoted again (a repeated caption, an embedded post)
        seen.add(words)
        speaker = _actor_ref(f, mentions, body, home, press)
        quotes.append(
            Quote(
                text=body[f.span.start : f.span.end],
                start=f.span.start,
                end=f.span.end,
                speaker=speaker,
                cue=f.cue_text,
                partial=f.embedded,
                speaker_start=f.speaker.start if f.speaker else None,
                speaker_end=f.speaker.end if f.speaker else None,
            )
        )
    return quotes


__all__ = ["attribute_quotes"]
