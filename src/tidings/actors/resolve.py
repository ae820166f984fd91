"""Every mention of a political actor in a body, resolved to a canonical Actor.

Order of work, all in one pass over the body's word chunks plus spaCy's PERSON entities:

1. atoms: gazetteer/dictionary phrases (countries, demonyms, capitals, organisations,
   people, titles), longest first;
2. title phrases: "Serbian President Aleksandar Vucic" (one mention spanning title and
   name), "Iran's foreign minister" (the holder on the article's date, else a title-coded
   actor), "Russian troops" (a group), "the president" (left for step 5);
3. the remaining atoms as mentions of their own (Russia, Moscow, the Kremlin, Russian …);
4. people only spaCy knows: PERSON entities, coded from an appositive title if any
   ("Chris Tang, Hong Kong's new police commissioner") — otherwise code "" (unknown);
   then their surnames later in the article;
5. coreference: definite descriptions, "the two leaders", pronouns.

Conventions: offsets are body character offsets; mentions of one actor never overlap;
a plural mention ("the two leaders") is one ActorMention per person over the same span
with how="plural"; the article's date (``published``, else today) picks each person's
office; people without a known office and no title are kept with code "".
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Doc

from tidings.actors.atoms import Atom, find_atoms
from tidings.actors.corefer import PLURAL, PRONOUNS, PersonRef, Resolver
from tidings.actors.dictionary import ActorDictionary, dictionary_kind
from tidings.actors.fold import chunks, fold, phrase_keys
from tidings.actors.gazetteer import Gazetteer, Person, load_gazetteer, make_actor
from tidings.actors.phrases import Phrase, PhraseBuilder
from tidings.model import Actor, ActorMention, Article

# Institutions named with "the" alone stand for the article's main country.
_INSTITUTIONS = frozenset({"government", "administration", "authorities", "regime", "military",
                           "army", "police", "leadership", "cabinet", "parliament",
                           "judiciary", "foreign ministry", "defence ministry",
                           "defense ministry"})  # fmt: skip
_HEAD_FALLBACK = ("supreme leader", "president", "king", "emir", "sultan", "prime minister")


@dataclass(slots=True)
class Found:
    start: int
    end: int
    actor: Actor
    how: str
    gender: str | None = None


@dataclass(slots=True)
class Pending:
    """A definite description waiting for the people named before it."""

    start: int
    end: int
    phrase: Phrase
    country: str | None


@lru_cache(maxsize=1)
def _government_heads() -> dict[str, str]:
    text = files("tidings.actors").joinpath("data", "heads.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: row[1].strip() for row in rows if len(row) >= 2}


def _definite(phrase: Phrase) -> bool:
    """The phrase names a sector itself (judge, troops, "Director of Public Prosecution"),
    not only a position that takes its owner's sector (spokesman, director)."""
    atoms = [*phrase.titles, *phrase.owners] + ([phrase.of_owner] if phrase.of_owner else [])
    return any(a.entry.title is not None and a.entry.title.sector not in ("*", "-")
               for a in atoms)  # fmt: skip


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


class _Article:
    """The state of resolving one article."""

    def __init__(self, doc: Doc, article: Article, dictionary: ActorDictionary | None) -> None:
        self.doc = doc
        self.text = article.body
        self.day = article.published or dt.date.today()
        self.gaz: Gazetteer = load_gazetteer()
        self.dictionary = dictionary
        self.chs = chunks(self.text)
        self.persons = {e.start_char: e.end_char for e in doc.ents if e.label_ == "PERSON"}
        self.found: list[Found] = []
        self.pending: list[Pending] = []
        self.unknown: dict[str, Found] = {}  # folded name → first mention of an unknown person
        self.overrides: dict[int, Actor] = {}  # id(Person) → actor its title in the text gave

    # -- actors ---------------------------------------------------------------------------
    def country_actor(self, code: str) -> Actor:
        return Actor(name=self.gaz.countries.get(code, code), code=code, role=None,
                     country=code, sector=None, kind="country")  # fmt: skip

    def country_phrase(self, code: str | None) -> str | None:
        """The country's name as it reads after "of": "the United States", "Serbia"."""
        name = self.gaz.countries.get(code or "")
        if name is None:
            return None
        plural = name.startswith("United ") or name.endswith(("Republic", "Islands", "lands"))
        if plural or name in ("Philippines", "Bahamas", "Gambia", "Maldives", "Middle East"):
            return f"the {name}"
        return name

    def atom_actor(self, atom: Atom) -> Actor | None:
        entry = atom.entry
        if entry.kind in ("country", "adjective", "metonym"):
            return self.country_actor(entry.code)
        if entry.kind == "organisation" and entry.organisation is not None:
            return entry.organisation.actor_on(self.day, self.gaz.countries)
        if entry.kind == "person" and entry.person is not None:
            if id(entry.person) in self.overrides:
                return self.overrides[id(entry.person)]
            return entry.person.actor_on(self.day, self.gaz.countries)
        if entry.kind == "dictionary" and atom.dict_actor is not None:
            code = atom.dict_actor.code_on(self.day)
            if not code:
                return None
            kind = dictionary_kind(code, self.gaz.countries)
            name = self.gaz.countries.get(code, atom.dict_actor.name) if kind == "country" \
                else atom.dict_actor.name  # fmt: skip
            return make_actor(name, code, None, kind, self.gaz.countries)
        return None

    def owner_country(self, atom: Atom) -> str | None:
        if atom.kind in ("country", "adjective", "metonym"):
            return atom.entry.code
        actor = self.atom_actor(atom)
        return actor.country if actor else None

    # -- step 2: title phrases ------------------------------------------------------------
    def phrases(self, atoms: list[Atom]) -> set[int]:
        builder = PhraseBuilder(self.text, self.chs, atoms, self.gaz, self.persons)
        taken: set[int] = set()
        for k, atom in enumerate(atoms):
            if atom.kind != "title" or id(atom) in taken:
                continue
            phrase = builder.build(k, taken)
            if phrase is None:
                continue
            used = [*phrase.titles, *phrase.owners, *phrase.consumed]
            if phrase.name_atom is not None:
                used.append(phrase.name_atom)
            if self.phrase_mention(phrase):
                taken.update(id(a) for a in used)
        return taken

    def phrase_code(self, phrase: Phrase) -> tuple[str | None, str | None, str]:
        """(country, owner organisation name, sector) of a title phrase."""
        head = phrase.head
        owners = ([phrase.of_owner] if phrase.of_owner else []) + phrase.owners
        country: str | None = None
        org_name: str | None = None
        org_code: str | None = None
        sector = head.sector if head.sector not in ("*", "-") else ""
        for atom in owners:
            if atom.kind == "title" and atom.entry.title is not None:
                if not sector and atom.entry.title.sector not in ("*", "-"):
                    sector = atom.entry.title.sector
                continue
            if atom.kind in ("organisation", "dictionary"):
                actor = self.atom_actor(atom)
                if actor is not None and org_code is None:
                    org_name, org_code = actor.name, actor.code
                    if not sector and actor.sector and actor.country:
                        sector = actor.sector
            if country is None:
                country = self.owner_country(atom)
        for t in phrase.titles[:-1]:
            title = t.entry.title
            if title is None:
                continue
            if not sector and title.sector not in ("*", "-"):
                sector = title.sector
            if country is None and title.phrase in _INSTITUTIONS:  # "administration officials"
                prefer = "USA" if title.phrase == "administration" else None
                country = self.dominant_country(phrase.start, prefer, clear=True)
        if country is None and org_code is not None:
            return None, org_name, org_code  # an IGO/EUR body: its own code
        if country is None and "usa" in head.flags:
            country = "USA"
        return country, org_name, sector or "GOV"

    def phrase_mention(self, phrase: Phrase) -> bool:
        head = phrase.head
        country, org_name, sector = self.phrase_code(phrase)
        code = f"{country}{sector}" if country else (sector if org_name else "")
        gender = "f" if "female" in head.flags else "m" if "male" in head.flags else None
        role = None
        if head.role:
            owner = self.country_phrase(country) or org_name
            role = f"{head.role} of {owner}" if owner else head.role
        if phrase.name_atom is not None:
            return self.named(phrase, code, role, gender)
        if phrase.name_span is not None:
            start, end = phrase.name_span
            name = self.text[start:end]
            if not code and _definite(phrase) and "head" not in head.flags:
                # Unnamed country: only the article's clearly main one. Not for heads of
                # state: a leader introduced without a country is usually a foreign one.
                code = self.fallback_code(start, sector)
            if head.sector == "-":  # Mr. Smith: an honorific is no title
                code, role = "", None
            actor = make_actor(name, code, role, "person", self.gaz.countries)
            self.add(phrase.start, phrase.end, actor, "title", gender)
            self.unknown.setdefault(fold(name), self.found[-1])
            return True
        if head.sector == "-":
            return False
        if head.kind == "person":
            if phrase.determiner == "the" or phrase.anaphoric:
                self.pending.append(Pending(phrase.start, phrase.end, phrase, country))
                return True
            if country is None and not org_name:
                # "a judge", "a senior commander": the article's clearly main country. A bare
                # title word without an article ("in general") is too ambiguous to code.
                if phrase.determiner not in ("a", "an") or head.sector in ("*", "-"):
                    return False
                country = self.dominant_country(phrase.start, clear=True)
                if country is None:
                    return False
                code = f"{country}{sector}"
                role = f"{head.role} of {self.country_phrase(country)}" if head.role else None
            holder = self.holder(country, org_name, phrase)
            if holder is not None:
                self.add(phrase.start, phrase.end, holder, "title", gender)
                return True
            name = role or head.phrase
            self.add(
                phrase.start,
                phrase.end,
                make_actor(name, code, role, "person", self.gaz.countries),
                "title",
                gender,
            )
            return True
        # A group: "Russian troops", "U.S. officials", "the Obama administration".
        if code:
            name = self.text[phrase.start : phrase.end]
            if phrase.determiner and name.lower().startswith(phrase.determiner + " "):
                name = name[len(phrase.determiner) + 1 :]
            self.add(
                phrase.start,
                phrase.end,
                make_actor(name, code, None, "group", self.gaz.countries),
                "title",
            )
            return True
        if phrase.determiner == "the" and head.phrase in _INSTITUTIONS:
            self.pending.append(Pending(phrase.start, phrase.end, phrase, None))
            return True
        if "bare" in head.flags:
            # Rebels, protesters with no country named: the article's clearly main country,
            # else the bare sector (REB, OPP).
            country = self.dominant_country(phrase.start, clear=True)
            name = self.text[phrase.start : phrase.end]
            if phrase.determiner and name.lower().startswith(phrase.determiner + " "):
                name = name[len(phrase.determiner) + 1 :]
            self.add(phrase.start, phrase.end,
                     make_actor(name, f"{country or ''}{head.sector}", None, "group",
                                self.gaz.countries), "title")  # fmt: skip
            return True
        return False

    def named(self, phrase: Phrase, code: str, role: str | None, gender: str | None) -> bool:
        atom = phrase.name_atom
        assert atom is not None
        actor = self.atom_actor(atom)
        if actor is None:
            return False
        person = atom.entry.person
        if person is not None:
            gender = person.gender or gender
        # The gazetteer knows no office on this date: trust the title in the text, and
        # keep that reading for the rest of the article ("Trump" after "President Trump").
        if (actor.sector == "ELI" or not actor.code) and code and phrase.head.sector != "-":
            actor = make_actor(actor.name, code, role, "person", self.gaz.countries)
            if person is not None:
                self.overrides.setdefault(id(person), actor)
        elif person is not None and id(person) in self.overrides:
            actor = self.overrides[id(person)]
        how = "dictionary" if atom.kind == "dictionary" else "name"
        self.add(phrase.start, phrase.end, actor, how, gender)
        return True

    def holder(self, country: str | None, org_name: str | None, phrase: Phrase) -> Actor | None:
        """Who held the office a title names on the article's date ("Iran's president")."""
        head = phrase.head
        words = [head.phrase]
        if "head" in head.flags and head.phrase in ("leader", "leaders"):
            lead = _government_heads().get(country or "")
            words = [lead] if lead else list(_HEAD_FALLBACK)
        for word in words:
            found = self._holders(country, org_name, word)
            if found is not None:
                return found
        return None

    def _holders(self, country: str | None, org_name: str | None, word: str) -> Actor | None:
        word = word.replace("defense", "defence")
        hits: list[Actor] = []
        for person in self.gaz.people:
            office = person.office_on(self.day)
            if office is None or not office.role:
                continue
            if country and office.code[:3] != country:
                continue
            role = office.role.lower().replace("defense", "defence")
            if org_name and org_name.lower().replace("the ", "") not in role.replace("the ", ""):
                continue
            if not country and not org_name:
                continue
            if word in role and not role.startswith(("vice", "deputy", "former")):
                hits.append(make_actor(person.name, office.code, office.role, "person",
                                       self.gaz.countries))  # fmt: skip
        if len(hits) > 1:
            hits = [h for h in hits if (h.role or "").lower().startswith(word)]
        return hits[0] if len(hits) == 1 else None

    def fallback_code(self, offset: int, sector: str) -> str:
        """An unnamed country: the one the article has mentioned most so far."""
        country = self.dominant_country(offset, clear=True)
        return f"{country}{sector}" if country else ""

    def dominant_country(self, offset: int, prefer: str | None = None,
                         clear: bool = False) -> str | None:  # fmt: skip
        """The country mentioned most before ``offset`` (``prefer`` if mentioned at all);
        with ``clear``, only when it leads the next one."""
        counts = Counter(f.actor.country for f in self.found
                         if f.start < offset and f.actor.country in self.gaz.countries)  # fmt: skip
        if prefer and counts.get(prefer):
            return prefer
        ranked = counts.most_common(2)
        if not ranked:
            return None
        if clear and len(ranked) == 2 and ranked[1][1] >= ranked[0][1]:
            return None
        return ranked[0][0]

    # -- steps 3 and 4 --------------------------------------------------------------------
    def add(self, start: int, end: int, actor: Actor, how: str, gender: str | None = None) -> None:
        self.found.append(Found(start, end, actor, how, gender))

    def lone_atoms(self, atoms: list[Atom], taken: set[int]) -> None:
        chs, text = self.chs, self.text
        context = {a.entry.code for a in atoms if a.kind == "organisation"}
        for atom in atoms:
            if id(atom) in taken or atom.kind == "title":
                continue
            actor = self.atom_actor(atom)
            if actor is None:
                continue
            if atom.kind == "metonym":
                actor = self.contextual(atom, context) or actor
            start = atom.start
            words = chs[atom.first : atom.last]
            # "the United States", "the U.S.", "the Kremlin" — but not "the Syria conflict".
            named = atom.kind == "organisation" or (
                atom.kind == "country" and (len(words) > 1 or words[0].text.isupper())
            )
            if named and atom.first > 0:
                prev = chs[atom.first - 1]
                if prev.key == "the" and text[prev.end : atom.start] == " ":
                    start = prev.start
            how = {"adjective": "demonym", "metonym": "metonym", "dictionary": "dictionary"}.get(
                atom.kind, "name"
            )
            gender = None
            if atom.kind == "person":
                person: Person | None = atom.entry.person
                gender = person.gender if person else None
                if atom.entry.surname_only or atom.last - atom.first == 1:
                    how = "surname"
            self.add(start, self.abbreviation_end(atom.end), actor, how, gender)

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

    def abbreviation_end(self, end: int) -> int:
        """Keep the final period of an initialism: "U.S." not "U.S"."""
        text = self.text
        if text[end : end + 1] == "." and end >= 3 and text[end - 2] == "." \
                and text[end - 1].isalpha():  # fmt: skip
            return end + 1
        return end

    def covered(self, start: int, end: int) -> bool:
        return any(f.start < end and start < f.end for f in self.found)

    def ner_people(self) -> None:
        """PERSON entities the gazetteer does not know, coded from an appositive title."""
        for start, end in sorted(self.persons.items()):
            if self.covered(start, end):
                continue
            name = self.text[start:end].strip()
            if len(name.split()) < 2 or not name[:1].isupper():
                continue
            if "'s" in name or "’s" in name:  # "Trump's Wall" is no person
                continue
            known = self.known_surname(name)
            if known is not None:  # "Ms Persson" after "Eva-Marie Persson"
                self.add(start, end, known.actor, "surname", known.gender)
                continue
            actor = make_actor(name, "", None, "person", self.gaz.countries)
            appositive = self.appositive(end)
            described = self.described_appositive(end)
            if appositive is not None:
                actor = make_actor(name, appositive.actor.code, appositive.actor.role, "person",
                                   self.gaz.countries)  # fmt: skip
            elif described is not None:
                code, role = self.description_code(described)
                actor = make_actor(name, code, role, "person", self.gaz.countries)
                # "Cheuk Hau-yip, the commander of …": the description is this person.
                self.pending.remove(described)
                self.add(described.start, described.end, actor, "title")
            self.add(start, end, actor, "name")
            self.unknown.setdefault(fold(name), self.found[-1])

    def known_surname(self, name: str) -> Found | None:
        """The unknown person an honorific plus surname refers back to."""
        words = name.replace(".", " ").split()
        if len(words) != 2 or fold(words[0]) not in ("mr", "mrs", "ms", "dr"):
            return None
        surname = fold(words[1])
        for key, first in self.unknown.items():
            if key.split()[-1] == surname or key.split("-")[-1] == surname:
                return first
        return None

    def described_appositive(self, end: int) -> Pending | None:
        """A definite description right after ", " ("Cheuk, the commander of …")."""
        if self.text[end : end + 2] != ", ":
            return None
        for p in self.pending:
            if end + 2 <= p.start <= end + 3 and p.phrase.head.kind == "person":
                return p
        return None

    def description_code(self, pending: Pending) -> tuple[str, str | None]:
        """Code and role a description gives its person, guessing the country if unnamed."""
        country, org_name, sector = self.phrase_code(pending.phrase)
        if country is None and not org_name:
            country = self.dominant_country(pending.start, clear=True)
        head = pending.phrase.head
        owner = self.country_phrase(country) or org_name
        role = f"{head.role} of {owner}" if head.role and owner else head.role
        if country:
            return f"{country}{sector}", role
        return (sector if org_name else ""), role

    def appositive(self, end: int) -> Found | None:
        """A title-coded mention right after ", " ("Tang, Hong Kong's police commissioner")."""
        if self.text[end : end + 2] != ", ":
            return None
        for f in self.found:
            if f.how == "title" and end + 2 <= f.start <= end + 6 and f.actor.kind == "person":
                return f
        return None

    def surnames(self) -> None:
        """Later mentions of unknown people by surname ("Chollet", "Mr Kinzinger")."""
        table: dict[str, Found] = {}
        for key, first in self.unknown.items():
            parts = key.split()
            if len(parts) >= 2 and len(parts[-1]) > 2:
                table.setdefault(parts[-1], first)
        if not table:
            return
        for ch in self.chs:
            named = table.get(ch.key)
            if named is None or ch.start < named.end or not ch.capitalised:
                continue
            if self.covered(ch.start, ch.end):
                continue
            self.add(ch.start, ch.end, named.actor, "surname", named.gender)

    # -- step 5: coreference --------------------------------------------------------------
    def sentence_starts(self) -> list[int]:
        return [s.start_char for s in self.doc.sents]

    def coreference(self) -> None:
        starts = self.sentence_starts()

        def sentence_of(offset: int) -> int:
            return bisect.bisect_right(starts, offset) - 1

        def is_subject(start: int, end: int) -> bool:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in span)

        people = [PersonRef(f.start, f.end, f.actor, f.gender, is_subject(f.start, f.end),
                            sentence_of(f.start))
                  for f in self.found if f.actor.kind == "person"]  # fmt: skip
        resolver = Resolver(people)
        for pending in self.pending:
            self.describe(pending, resolver)
        for m in PLURAL.finditer(self.text):
            if self.covered(m.start(), m.end()):
                continue
            for each in resolver.two_people(m.start()):
                self.add(m.start(), m.end(), each, "plural")
        for token in self.doc:
            gender = PRONOUNS.get(token.lower_)
            if gender is None:
                continue
            start, end = token.idx, token.idx + len(token.text)
            referent = resolver.pronoun(start, gender, sentence_of(start),
                                        token.dep_ in ("nsubj", "nsubjpass"))  # fmt: skip
            if referent is not None:
                self.add(start, end, referent, "pronoun", gender)

    def describe(self, pending: Pending, resolver: Resolver) -> None:
        phrase = pending.phrase
        head = phrase.head
        if head.kind == "group":  # "the government": the article's main country
            prefer = "USA" if head.phrase == "administration" else None
            country = self.dominant_country(pending.start, prefer)
            if country:
                sector = head.sector if head.sector not in ("*", "-") else "GOV"
                adjective = self.gaz.adjectives.get(country, self.gaz.countries[country])
                name = f"{adjective} {head.phrase}"
                self.add(pending.start, pending.end,
                         make_actor(name, f"{country}{sector}", None, "group",
                                    self.gaz.countries), "title")  # fmt: skip
            return
        actor: Actor | None = resolver.description(pending.start, head.role or head.phrase,
                                     "head" in head.flags and head.phrase.startswith("leader"),
                                     pending.country)  # fmt: skip
        if actor is None and pending.country:
            actor = self.holder(pending.country, None, phrase)
            if actor is None:
                country_name = self.country_phrase(pending.country)
                role = f"{head.role} of {country_name}" if head.role else head.phrase
                sector = head.sector if head.sector not in ("*", "-") else "GOV"
                actor = make_actor(role, f"{pending.country}{sector}", role, "person",
                                   self.gaz.countries)  # fmt: skip
        guessable = head.sector not in ("*", "-") and "bare" not in head.flags
        if actor is None and not pending.country and guessable and "head" not in head.flags:
            # "the judge": a title no one in the article has had, in its main country.
            if self.dominant_country(pending.start, clear=True):
                guess, guess_role = self.description_code(pending)
                if guess:
                    actor = make_actor(guess_role or head.phrase, guess, guess_role, "person",
                                       self.gaz.countries)  # fmt: skip
        if actor is None and "bare" in head.flags:  # "the opposition leader"
            country = self.dominant_country(pending.start, clear=True) or ""
            role = head.role or head.phrase
            actor = make_actor(role, f"{country}{head.sector}", role, "person",
                               self.gaz.countries)  # fmt: skip
        if actor is not None:
            self.add(pending.start, pending.end, actor, "title")

    # -- all together ---------------------------------------------------------------------
    def run(self) -> list[ActorMention]:
        index = self.dictionary.index if self.dictionary else None
        atoms = find_atoms(self.text, self.chs, self.gaz.trie, index, self.day)
        atoms = self.drop_inside_names(atoms)
        taken = self.phrases(atoms)
        self.lone_atoms(atoms, taken)
        self.ner_people()
        self.surnames()
        self.coreference()
        self.found.sort(key=lambda f: (f.start, f.end))
        return [ActorMention(text=self.text[f.start : f.end], start=f.start, end=f.end,
                             actor=f.actor, how=f.how) for f in self.found]  # fmt: skip

    def drop_inside_names(self, atoms: list[Atom]) -> list[Atom]:
        """Atoms inside a longer PERSON name are not what they seem: "George Washington",
        "Hunter Biden" (a one-word alias inside someone else's full name)."""
        if not self.persons:
            return atoms
        spans = sorted(self.persons.items())
        starts = [s for s, _ in spans]
        kept: list[Atom] = []
        for atom in atoms:
            i = bisect.bisect_right(starts, atom.start) - 1
            inside = i >= 0 and spans[i][1] >= atom.end and (spans[i][0], spans[i][1]) != (
                atom.start, atom.end)  # fmt: skip
            if inside and (atom.kind in ("country", "adjective", "metonym") or (
                    atom.kind == "person" and atom.last - atom.first == 1)):  # fmt: skip
                continue
            kept.append(atom)
        return kept


def resolve_actors(doc: Doc, article: Article,
                   dictionary: ActorDictionary | None = None) -> list[ActorMention]:  # fmt: skip
    """Every mention of a political actor in the body, in text order."""
    if not article.body:
        return []
    return _Article(doc, article, dictionary).run()
