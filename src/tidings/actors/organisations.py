"""Organisations in a body: those only spaCy knows, the documents that speak for them, and
gazetteer organisations read in context.

- ORG entities the gazetteer lacks, and capitalised names spaCy misses that an apposition
  describes as a body ("The Muslim Advocates, an Oakland-based group"), are coded by their
  head word or the describing apposition (:mod:`tidings.actors.orgtypes`), with the country
  named in the description, else a nationality inside the name ("the Mexican Consulate in
  Washington" is Mexico's), else "in <place>" after the name; state sectors need a country.
- "The G7 communique …, the agreement states": the speaking document is its issuer's mention.
- "Brussels" is the EU when the article mentions the EU (contextual.tsv); "the Ivory
  Coast's Supreme Court" is that country's court, whatever the generic alias says.

:class:`OrganisationReader` is a part of the actor stage's per-article state
(:class:`tidings.actors.resolve._Article`); the attributes it declares are set there.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc

from tidings.actors.atoms import Atom
from tidings.actors.fold import Chunk, chunks, phrase_keys
from tidings.actors.gazetteer import Gazetteer, make_actor
from tidings.actors.orgtypes import STATE_SECTORS, described_sector, head_sector
from tidings.model import Actor

# CAMEO's region pseudo-countries in countries.tsv: in a name or a description they name a
# field or a scope, not a state.
REGIONS = frozenset({"LAM", "AFR", "MEA", "ASA", "EUR"})
_DOCUMENTS = re.compile(r"\b(?:communiqu[eé]|declaration|agreement|resolution)\b")
# A document that speaks: "the agreement states", "the communique said".
_DOCUMENT_SPEAKS = re.compile(r",? (?:states|stated|says|said|reads|read|declares|notes|adds)\b")


# Two to five capitalised words before ", a|an|the": a name an apposition may describe.
_DESCRIBED_NAME = re.compile(r"(?:\b[Tt]he )?(?P<name>(?:[A-Z][\w&.'’-]*\s){1,4}[A-Z][\w&'’-]*)"
                             r"(?=, (?:an?|the) )")  # fmt: skip


@dataclass(slots=True)
class Found:
    start: int
    end: int
    actor: Actor
    how: str
    gender: str | None = None
    institution: str | None = None  # court | prosecution | police (titles.tsv flags)


@lru_cache(maxsize=1)
def _contextual() -> dict[tuple[str, ...], tuple[str, frozenset[str]]]:
    text = files("tidings.actors").joinpath("data", "contextual.tsv").read_text(encoding="utf-8")
    rules: dict[tuple[str, ...], tuple[str, frozenset[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        place, org, codes = (line.split("\t") + ["", ""])[:3]
        rules[phrase_keys(place)] = (org.strip(), frozenset(c for c in codes.split(";") if c))
    return rules


class OrganisationReader:
    """The organisation steps of resolving one article."""

    doc: Doc
    text: str
    day: dt.date
    gaz: Gazetteer
    chs: list[Chunk]
    atoms: list[Atom]
    found: list[Found]
    orgs: list[Found]  # organisations only spaCy knows, coded by orgtypes.tsv

    def atom_actor(self, atom: Atom) -> Actor | None:
        raise NotImplementedError

    def covered(self, start: int, end: int) -> bool:
        raise NotImplementedError

    def add(self, start: int, end: int, actor: Actor, how: str, gender: str | None = None,
            institution: str | None = None) -> None:  # fmt: skip
        raise NotImplementedError

    def unknown_organisations(self, atoms: list[Atom]) -> set[int]:
        """ORG entities the gazetteer lacks, coded by their head word or a describing
        apposition (orgtypes.tsv); the country from a place named in the description, then
        inside the name, then "in <place>" after the name. State sectors need a country.
        Returns the ids of atoms inside the names ("American" in "American Enterprise
        Institute"), which are no mentions of their own."""
        inside: set[int] = set()
        known: dict[tuple[str, ...], Actor] = {}
        starts = [a.start for a in atoms]
        for start, end, label in self.organisation_spans():
            if label == "PERSON":
                # "Dechert LLP's Beijing office": a firm the tagger took for a person.
                company = self.company_end(start, end)
                if company is None:
                    continue
                end = company
            elif label not in ("ORG", "DESCRIBED"):
                continue
            within = [a for a in atoms[bisect.bisect_left(starts, start) :] if a.start < end]
            if any(a.kind in ("organisation", "person", "dictionary", "title") for a in within):
                continue  # the gazetteer knows it, or a title phrase will read it
            keys = [c.key for c in chunks(self.text[start:end])]
            if keys and keys[0] == "the":
                keys, start = keys[1:], start + 4
            earlier = known.get(tuple(keys))
            if earlier is not None:  # named again, without its description
                self.orgs.append(Found(start, end, earlier, "name"))
                inside.update(id(a) for a in within)
                continue
            # A one-word name ("LLC", "Times") is too little to go on without a description.
            sector = head_sector(keys) if len(keys) > 1 else None
            describe_end = self.description_end(end)
            if describe_end > end:
                words = [c.key for c in chunks(self.text[end:describe_end])]
                sector = described_sector(words) or sector
            if sector is None:
                continue
            named_in = [a.entry.code for a in within  # "Asia Society": no country
                        if a.kind in ("country", "adjective", "metonym")
                        and a.entry.code not in REGIONS]  # fmt: skip
            # A nationality in the name says whose body it is ("the Mexican Consulate in
            # Washington"); a place after the name only where it is.
            country = (self.place_in(end, describe_end)
                       or (named_in[0] if named_in else None)
                       or self.place_after(describe_end))  # fmt: skip
            if country is None and sector in STATE_SECTORS:
                continue
            code = f"{country}{sector}" if country else sector
            name = self.text[start:end]
            actor = make_actor(name, code, None, "organisation", self.gaz.countries)
            known[tuple(keys)] = actor
            self.orgs.append(Found(start, end, actor, "name"))
            inside.update(id(a) for a in within)
        return inside

    def organisation_spans(self) -> list[tuple[int, int, str]]:
        """spaCy's entities, and capitalised names it missed that an apposition describes as
        a body ("The Muslim Advocates, an Oakland Calif.-based group that …"), in text order."""
        spans = [(e.start_char, e.end_char, e.label_) for e in self.doc.ents]
        named = [(s, e) for s, e, label in spans if label in ("ORG", "PERSON")]
        for m in _DESCRIBED_NAME.finditer(self.text):
            start, end = m.start("name"), m.end("name")
            if any(s < end and start < e for s, e in named):
                continue
            describe_end = self.description_end(end)
            words = [c.key for c in chunks(self.text[end:describe_end])]
            if describe_end > end and described_sector(words) is not None:
                spans.append((start, end, "DESCRIBED"))
        return sorted(spans)

    def company_end(self, start: int, end: int) -> int | None:
        """The end of a company's name inside a PERSON entity ending with a company's legal
        form ("Dechert LLP", "Acme Inc's"), else None."""
        words = chunks(self.text[start:end])
        while words and words[-1].key == "s":  # the possessive
            words = words[:-1]
        if len(words) < 2 or head_sector([words[-1].key]) != "BUS" or not words[-1].capitalised:
            return None
        return start + words[-1].end

    def description_end(self, end: int) -> int:
        """The end of a describing apposition right after ``end`` (", a Washington think
        tank", ", an organisation that monitors …"), or ``end`` if there is none."""
        # A period inside a word ("Calif.-based", "U.S.-based") does not end it.
        m = re.match(r", (?:an?|the) (?:[^,.;:()\n\"“”]|\.(?=\S)){3,80}", self.text[end : end + 90])
        return end + m.end() if m else end

    def place_in(self, start: int, end: int) -> str | None:
        for atom in self.atoms:
            if start <= atom.start and atom.end <= end and atom.kind in (
                    "country", "adjective", "metonym"):  # fmt: skip
                return atom.entry.code
        return None

    def place_after(self, end: int) -> str | None:
        """ "… Institute in Washington": the place right after a name."""
        m = re.match(r" in (?:the )?", self.text[end : end + 8])
        if m is None:
            return None
        return self.place_in(end + m.end(), end + m.end() + 40) if any(
            a.start == end + m.end() for a in self.atoms) else None  # fmt: skip

    def trailing_org(self, end: int) -> Found | None:
        """The organisation named right after ``end`` by at/with/of/for ("a scholar with
        the American Enterprise Institute"): one only spaCy knows, or a gazetteer one."""
        m = re.match(r"\s+(?:at|with|of|for|from)\s+", self.text[end : end + 16])
        return self.org_at(end + m.end()) if m is not None else None

    def leading_org(self, start: int) -> Found | None:
        """An organisation only spaCy knows right before a title ("NetWatch Director",
        "the Kiel Institute's president")."""
        for f in self.orgs:
            gap = self.text[f.end : start]
            if gap in (" ", "'s ", "’s "):
                return f
        return None

    def org_at(self, at: int) -> Found | None:
        """The organisation whose name starts at ``at`` (after an optional "the ")."""
        if self.text[at : at + 4].lower() == "the ":
            at += 4
        for f in self.orgs:
            if f.start == at or f.start == at - 4:
                return f
        for atom in self.atoms:
            if atom.start == at and atom.kind == "organisation":
                actor = self.atom_actor(atom)
                if actor is not None and actor.code:
                    return Found(atom.start, atom.end, actor, "name")
        return None

    def add_organisations(self) -> None:
        for f in self.orgs:
            if not self.covered(f.start, f.end):
                self.found.append(f)

    def documents(self) -> None:
        """ "The G7 communique …, the agreement states": a document that speaks (states,
        says …) speaks for the organisation that issued the document named just before it."""
        issued: list[tuple[int, Actor]] = []
        for m in _DOCUMENTS.finditer(self.text):
            if self.covered(m.start(), m.end()):
                continue
            owner = self.issuer(m.start())
            if owner is not None:
                issued.append((m.end(), owner))
                continue
            if self.text[max(0, m.start() - 4) : m.start()].lower() != "the ":
                continue
            if not _DOCUMENT_SPEAKS.match(self.text, m.end()):
                continue
            earlier = [(e, a) for e, a in issued if 0 < m.start() - e < 400]
            if earlier:  # "the agreement": the document named just before
                self.add(m.start() - 4, m.end(), earlier[-1][1], "title")

    def issuer(self, noun: int) -> Actor | None:
        """An organisation mentioned right before a document noun ("the G7 communique")."""
        for f in self.found:
            if 0 <= noun - f.end <= 1 and f.actor.kind == "organisation":
                return f.actor
        return None

    def owned_institution(self, atom: Atom, atoms: list[Atom], actor: Actor) -> Actor:
        """A national institution named generically after another country ("the Ivory
        Coast's Supreme Court", "Kenyan Labour Party") is that country's, not the one the
        gazetteer's generic alias points to."""
        if not actor.country or not actor.sector:
            return actor
        before = [a for a in atoms if a.end <= atom.start and a.kind in (
            "country", "adjective", "metonym")]  # fmt: skip
        if not before:
            return actor
        owner = before[-1]
        if self.text[owner.end : atom.start] not in (" ", "'s ", "’s ", "' ", "’ "):
            return actor
        if owner.entry.code == actor.country or owner.entry.code not in self.gaz.countries:
            return actor
        return make_actor(actor.name, f"{owner.entry.code}{actor.sector}", None, actor.kind,
                          self.gaz.countries)  # fmt: skip

    def contextual(self, atom: Atom, context: set[str]) -> Actor | None:
        """ "Brussels" is the EU when the article mentions the EU (contextual.tsv)."""
        keys = tuple(c.key for c in self.chs[atom.first : atom.last])
        rule = _contextual().get(keys)
        if rule is None or not context & rule[1]:
            return None
        for org in self.gaz.organisations:
            if org.name == rule[0]:
                return org.actor_on(self.day, self.gaz.countries)
        return None
