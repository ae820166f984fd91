"""Who a cue's subject is: names, titles, pronouns and organisations, within the article.

A light, article-local resolver used for quotations: the actors stage codes actors, this
finds *which* person or body a quoted sentence's subject refers to ("he", "the foreign
minister", "the head of the Guards, Major General Hossein Salami", "Pelosi, who called
it …", "it said in a tweet"). It walks the article's subjects in order once, so a
pronoun refers to the latest person who was the subject of a sentence, as a reader would
take it.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Span, Token

from tidings.actors.corefer import PRONOUNS as PRONOUN_GENDERS
from tidings.actors.gazetteer import known_person, load_gazetteer
from tidings.actors.resolve import name_gender
from tidings.actors.unnamed import describes_someone
from tidings.model import ActorMention
from tidings.quotes.cues import Cue, cue_at

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it", "they"})
# "It said" refers to a body named by a description as readily as to a named one: "North
# Korea's state news agency said … It said …" is the agency, not the country.
THING_KINDS = frozenset({"organisation", "body"})
BODY_NOUNS = frozenset({
    "agency", "ministry", "newspaper", "paper", "tabloid", "daily", "broadcaster", "network",
    "channel", "station", "outlet", "service", "government", "administration", "council",
    "committee", "commission", "company", "firm", "group", "organisation", "organization",
    "office", "department", "party", "court", "military", "army", "navy", "police",
    "union", "bank", "institute", "university", "embassy", "consulate", "regime", "body",
    "authority", "board", "alliance", "coalition", "campaign", "cabinet", "parliament",
    "assembly", "legislature", "watchdog", "monitor", "observatory", "center", "centre",
    "foundation", "charity", "website", "magazine", "journal", "operator",
    "presidency", "secretariat", "mission", "delegation", "team", "club", "association",
})  # fmt: skip
# Words any organisation goes by: "the group said" is the body named before.
GENERIC_BODY_NOUNS = frozenset({"group", "organisation", "organization", "body"})
GROUP_REACH = 150  # tokens back to the body a bare "the group" names, when no subject was
# Head nouns of phrases that cannot speak: a cue's subject of this kind is a parse slip
# or a figure of speech ("the vote margin said", "his decision shows").
NON_AGENT_NOUNS = frozenset({
    "margin", "vote", "decision", "behavior", "behaviour", "explosion", "past",
    "position", "principle", "standard", "sign", "abortion", "reprisal", "conference",
    "morning", "afternoon", "evening", "night", "day", "week", "month", "year", "time",
    "rate", "amount", "level", "share", "percentage", "total", "price",
    "cost", "issue", "problem", "matter", "idea", "move", "step",
    "situation", "event", "incident", "attack", "strike", "crisis", "war", "fight",
    "result", "outcome", "fact", "reason", "way", "thing", "something", "everything",
    "nothing", "anything", "deal", "case", "process", "effort", "change", "growth",
})  # fmt: skip
# Words before a plural description that may mean the pair of people just named.
PAIR_DETERMINERS = frozenset({"the", "both", "two"})
# Relatives whose given name the article gives with the family's surname before them.
KIN_NOUNS = frozenset({
    "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "widow",
    "uncle", "aunt", "cousin", "grandmother", "grandfather", "parent",
})  # fmt: skip
REPORTED_PRONOUNS = frozenset({"i", "we", "you"})  # of reported words, not the reporter's
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SPEAKER_DEPS = ("nsubj", "nsubjpass")
INVERTED_DEPS = frozenset({"npadvmod", "attr", "oprd"})  # "…, said Tom, …"
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
# Nouns for texts rather than authors: "a statement said" speaks for whoever issued it.
DOCUMENT_NOUNS = frozenset({
    "statement", "communique", "communiqué", "letter", "report", "message", "tweet",
    "post", "release", "document", "memo", "note", "declaration", "readout", "transcript",
    "text", "notice", "bulletin", "filing", "order", "ruling", "verdict", "decree",
    "video", "clip", "proposal", "measure",
})  # fmt: skip
BACK_DETERMINERS = frozenset({"the", "this", "that"})
TITLE_LINKS = frozenset({"of", "for", "and", "the"})  # "Director of National Intelligence"
# Texts an article lets speak for themselves, by their kind, when no author is named ("The
# federal complaint detailed … The document says"): "the document" is that text.
NAMED_TEXTS = frozenset({
    "complaint", "indictment", "affidavit", "lawsuit", "petition", "resolution",
    "assessment", "study", "survey", "dossier", "cable", "memorandum", "testimony",
})  # fmt: skip
TEXT_OR_BODY_NOUNS = BODY_NOUNS | DOCUMENT_NOUNS  # never one person described
QUOTE_OR_BREAK = frozenset({",", ";", "(", "—", "–", '"', "“", "”", "'", "‘", "’", ":"})
ONGOING_ADVERBS = frozenset({"also", "further", "later", "again"})
ALSO_REACH = 250
# Prepositions before a speech participle whose subject is the main verb's: "reacted by
# saying", "before accusing", "after warning"; not "beyond saying".
PCOMP_PREPS = frozenset({"by", "before", "after", "while", "in", "without", "as", "when"})
SPOKE_DEPS = frozenset(
    {"conj", "advcl", "xcomp", "ccomp", "parataxis"}
)  # tokens back that "he also said" looks for the last speaker
DESCRIPTION_TAIL = 6  # words kept after a description's head noun
ASIDE_TOKENS = 8  # the longest aside between a speaker's name and the cue: ", R-New York,"
_DROP_EDGES = frozenset({"the", "a", "an", "'s", "’s", "’", "'", ",", "-", "—", "–"})


def name_key(text: str) -> str:
    """The surname key of a name: its last word, lower-cased, without accents."""
    words = [
        w for w in text.replace("’s", "").replace("'s", "").split() if any(c.isalnum() for c in w)
    ]
    if not words:
        return ""
    last = unicodedata.normalize("NFKD", words[-1].lower())
    return "".join(c for c in last if not unicodedata.combining(c)).strip(".,;:’'")


def title_gender(word: str) -> str | None:
    """The gender a title before a name tells ("Mrs.", "Congresswoman", "King"): the
    gazetteer's titles.tsv flags."""
    title = load_gazetteer().titles.get(word.lower().rstrip("."))
    if title is None:
        return None
    return "f" if "female" in title.flags else "m" if "male" in title.flags else None


def person_genders(mentions: Sequence[ActorMention]) -> dict[str, set[str]]:
    """Surname key → the genders the actors stage's person mentions tell: the gazetteer
    person's ("Trump": Donald Trump, m), else the given name or honorific of the name."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        if m.actor.kind != "person" or m.how not in ("name", "surname"):
            continue
        person = known_person(m.actor.name)
        gender = (person.gender if person else None) or name_gender(m.actor.name)
        gender = gender or name_gender(m.text)
        if gender:
            for key in {name_key(m.text), name_key(m.actor.name)} - {""}:
                found.setdefault(key, set()).add(gender)
    return found


def _speaks(subject: Token) -> bool:
    """A cue verb's subject is its speaker, except a passive's ("was told", "was declared"),
    unless the passive is "was quoted as saying"."""
    if subject.dep_ == "nsubj":
        return True
    return subject.dep_ == "nsubjpass" and subject.head.lemma_.lower() == "quote"


def _cannot_speak(token: Token) -> bool:
    """A common noun for what nobody is: a figure, a time, an abstraction ("the vote
    margin", "this morning", "the past")."""
    if token.pos_ != "NOUN":
        return False
    return token.lemma_.lower() in NON_AGENT_NOUNS


def _speech_subject(subject: Token) -> bool:
    """The subject of a speech verb ("Mousavi said …")."""
    cue = cue_at(subject.head)
    return cue is not None and cue.kind == "verb" and _speaks(subject)


def _goes_on_speaking(pronoun: Token) -> bool:
    """The pronoun carries on the last speaker: "he also said", "she added"."""
    verb = pronoun.head
    lemma = verb.lemma_.lower()
    if pronoun.dep_ != "nsubj" or lemma not in ("say", "add", "continue", "tell"):
        return False
    if lemma in ("add", "continue"):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in ONGOING_ADVERBS for c in verb.children)


def _main_clause(subject: Token) -> bool:
    """A subject of the sentence's own statement, not of a clause that modifies a word nor
    of the words it reports ("Huckabee said that … Obama and his administration 'will have
    lost the right to govern'": a later "he said" is Huckabee)."""
    node = subject.head
    while node.dep_ in ("conj", "ccomp") and node.head != node:
        if node.dep_ == "ccomp" and node.i > node.head.i and _reports(node.head):
            # Not "Mousavi rejected …, state media said": a trailing attribution.
            return False
        node = node.head
    return node.dep_ == "ROOT"


def _reports(verb: Token) -> bool:
    """A verb of saying whose clause is what someone said ("said that …")."""
    cue = cue_at(verb)
    return cue is not None and cue.kind == "verb" and any(_speaks(c) for c in verb.children)


def _refers_back(noun: Token) -> bool:
    """A document noun that points at a text named before: "the letter", "this report",
    "one video" (of the videos just mentioned); not "a statement", which is new."""
    return any(
        (c.dep_ == "det" and c.lower_ in BACK_DETERMINERS)
        or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in noun.children
    )


def _named_example(noun: Token) -> Token | None:
    """The name a plural noun gives as its example ("banks such as Citigroup"): the one the
    article means by the group."""
    if noun.tag_ != "NNS":
        return None
    for prep in noun.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "as"
            and any(c.lower_ == "such" for c in prep.children)
        ):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
    return None


def _clean(span: Span) -> tuple[str, int, int]:
    """A span's text without leading articles and trailing possessives or punctuation."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in _DROP_EDGES:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in _DROP_EDGES:
        tokens = tokens[:-1]
    if not tokens:
        return span.text, span.start_char, span.end_char
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return span.doc[tokens[0].i : tokens[-1].i + 1].text, start, end


@dataclass(slots=True)
class Referent:
    name: str
    start: int
    end: int
    kind: str  # person | organisation | body (a described organisation) | group
    key: str = ""  # surname key for persons

    def fits(self, gender: str | None, genders: dict[str, str]) -> bool:
        """A pronoun of this gender may mean this referent: a person of that gender or of
        none the article tells ("she" never means Donald Trump; "he" may mean "Lee")."""
        return not gender or self.kind != "person" or genders.get(self.key, gender) == gender


class Referents:
    """Resolves cue subjects to the persons and bodies of one article."""

    def __init__(
        self, doc: Doc, quoted: set[int], text: str, people: Sequence[ActorMention] = ()
    ) -> None:
        self.doc = doc
        self.text = text  # the body (Doc.text would join every token on each access)
        self.quoted = quoted  # token indices inside quotations: not the reporter's words
        # documents whose issuer is being looked for: "the statement" whose earlier mention's
        # subject leads back to it must not send the look-up round in a circle
        self._seeking_issuer: set[int] = set()
        self.full_names: dict[str, str] = {}
        self.given_names: dict[str, str] = {}  # other words of full names -> surname key
        self.titles: dict[str, set[str]] = {}
        self.person_mentions: list[tuple[int, Referent]] = []  # (token index, referent)
        self.org_mentions: list[tuple[int, Referent]] = []
        # resolved subjects in text order; the flag marks a main clause's subject
        self.subjects: list[tuple[int, Referent, bool]] = []
        self._ent_of: dict[int, Span] = {}
        self.person_keys: set[str] = set()  # surnames of the actors stage's persons
        self.turns: list[tuple[int, int, str]] = []  # transcript turns: start, end, speaker
        self.speakers: list[tuple[int, Referent]] = []  # persons who said something, in order
        # the actors stage's pronoun mentions: start, end, canonical name, person|organisation
        self.pronoun_actors: list[tuple[int, int, str, str]] = []
        # the actors stage's codes: of named persons by surname key, and of the descriptions
        # it coded (start, end, code), to tell whom "the North Korean diplomat" means
        self.person_codes: dict[str, str] = {}
        self.described_codes: list[tuple[int, int, str]] = []
        # the descriptions the actors stage reads as a person the article names (start, end,
        # name): "the North Korean leader" for Kim Jong Un, by title, country and date
        self.titled_people: list[tuple[int, int, str]] = []
        # persons the actors stage named where the recogniser saw none: a pronoun's last
        # resort, as the recogniser's persons are (not the subjects of its own sentence)
        self.unrecognised_people: list[tuple[int, Referent]] = []
        # surname key → "m" | "f", where the article's names, titles and the actors stage's
        # people agree on one gender; a pronoun passes over a person of the other
        self._gender_evidence = person_genders(people)
        self.genders: dict[str, str] = {}
        self._register_entities()
        self._register_people(people)
        self._walk_subjects()

    # --- registry -----------------------------------------------------------------------
    def _register_entities(self) -> None:
        forms: dict[str, list[str]] = {}
        for ent in self.doc.ents:
            for t in ent:
                self._ent_of[t.i] = ent
            if ent.start in self.quoted:
                continue
            if ent.label_ == "PERSON":
                name, start, end = _clean(ent)
                key = name_key(name)
                if not key:
                    continue
                if 2 <= len(name.split()) <= 5 and all(
                    t.pos_ == "PROPN" for t in ent if t.is_alpha
                ):
                    forms.setdefault(key, []).append(name)
                family = self._family_name(ent)
                if family:  # "Foley's mother Diane": Diane Foley
                    forms.setdefault(key, []).append(f"{name} {family}")
                # the words of its title: "Iranian Foreign Minister X", "X, the head of …"
                words = {t.lower_ for t in ent.root.subtree if t.i < ent.start}
                if ent.root.dep_ == "appos":
                    words |= {t.lower_ for t in ent.root.head.subtree if t.i < ent.start}
                for child in ent.root.children:
                    if child.dep_ == "appos":
                        words |= {t.lower_ for t in child.subtree}
                self.titles.setdefault(key, set()).update(words)
                self._note_gender(key, ent, name)
                self.person_mentions.append((ent.start, Referent(name, start, end, "person", key)))
            elif ent.label_ in ORG_LABELS:
                name, start, end = _clean(ent)
                self.org_mentions.append((ent.start, Referent(name, start, end, "organisation")))
        for key, names in forms.items():  # the fullest form the article uses most
            self.full_names[key] = max(names, key=lambda n: (names.count(n), len(n)))
            for word in self.full_names[key].split()[:-1]:
                if word[:1].isupper() and len(word) > 2:
                    self.given_names.setdefault(word.lower(), key)
        for key in self.titles:
            self.full_names.setdefault(key, key.title())
        self.genders = {k: next(iter(g)) for k, g in self._gender_evidence.items() if len(g) == 1}

    def _register_people(self, people: Sequence[ActorMention]) -> None:
        """The persons the actors stage names where the entity recogniser saw no person
        ("Nikki Haley" run into a page's link text, taken for a body): mentions a pronoun
        may look back to."""
        for m in people:
            if m.actor.kind != "person" or m.how not in ("name", "surname"):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or any(
                t.i in self.quoted or (t.i in self._ent_of and self._ent_of[t.i].label_ == "PERSON")
                for t in span
            ):
                continue  # a person of the recogniser's, registered already
            ref = self._person(name_key(m.text), m.start, m.end)
            self.unrecognised_people.append((span.start, ref))
        self.unrecognised_people.sort(key=lambda x: x[0])

    def _note_gender(self, key: str, ent: Span, name: str) -> None:
        """What this mention of a person tells of their gender: the title just before the
        name ("Mrs. DeLuca", "Congresswoman Maxine Waters"), the gazetteer person of that
        name, or a given name the gazetteer holds with one gender ("Nikki Haley")."""
        before = self.doc[ent.start - 1] if ent.start else None
        gender = title_gender(before.text) if before is not None else None
        person = known_person(name)
        gender = gender or (person.gender if person else None) or name_gender(name)
        if gender:
            self._gender_evidence.setdefault(key, set()).add(gender)

    def _family_name(self, ent: Span) -> str:
        """The surname a given name takes from the relative it is named as: "Foley's mother
        Diane", "Sotloff's mother, Shirley," (the article's only full name for them)."""
        if len(ent) != 1 or ent.start < 3:
            return ""
        kin = self.doc[ent.start - 1]
        if kin.text == ",":
            kin = self.doc[ent.start - 2]
        if kin.lemma_.lower() not in KIN_NOUNS:
            return ""
        owner = self._ent_of.get(kin.i - 2)
        if owner is None or owner.label_ != "PERSON" or kin.nbor(-1).lower_ not in ("'s", "’s"):
            return ""
        return owner[-1].text if owner[-1].text[:1].isupper() else ""

    def _person(self, key: str, start: int, end: int) -> Referent:
        if key in self.given_names and len(self.full_names.get(key, "").split()) < 2:
            key = self.given_names[key]
        return Referent(self.full_names.get(key, self.text[start:end]), start, end, "person", key)

    def _walk_subjects(self) -> None:
        deps = self.doc.to_array("DEP")  # only the subjects become Token objects
        labels = [self.doc.vocab.strings[d] for d in SPEAKER_DEPS]
        for i in numpy.flatnonzero(numpy.isin(deps, labels)).tolist():
            token = self.doc[i]
            if i not in self.quoted:
                ref = self.resolve(token)
                if ref is not None:
                    self.subjects.append((token.i, ref, _main_clause(token)))
                    if ref.kind == "person" and _speech_subject(token):
                        self.speakers.append((token.i, ref))

    def note_speaker(self, token: Token, ref: Referent) -> None:
        """A quotation's speaker is as salient as a main subject for later pronouns."""
        bisect.insort(self.subjects, (token.i, ref, True), key=lambda x: x[0])
        if ref.kind == "person":
            bisect.insort(self.speakers, (token.i, ref), key=lambda x: x[0])

    def knows_person(self, word: str) -> bool:
        """A person of this article goes by this (sur)name ("Trump: “Yes, he did.”")."""
        key = name_key(word)
        return key in self.titles or key in self.person_keys

    # --- lookups ------------------------------------------------------------------------
    def _latest(
        self,
        items: list[tuple[int, Referent]],
        before: int,
        kind: str,
        skip: str = "",
        kinds: frozenset[str] = frozenset(),
        gender: str | None = None,
    ) -> Referent | None:
        wanted = kinds or {kind}
        for i, ref in reversed(items):
            if (
                i < before
                and ref.kind in wanted
                and not (skip and ref.key == skip)
                and ref.fits(gender, self.genders)
            ):
                return ref
        return None

    def _latest_subject(
        self,
        before: int,
        kind: str,
        skip: str = "",
        kinds: frozenset[str] = frozenset(),
        gender: str | None = None,
    ) -> Referent | None:
        """The latest main-clause subject of that kind, else the latest subject at all."""
        mains = [(i, ref) for i, ref, main in self.subjects if main]
        ref = self._latest(mains, before, kind, skip, kinds, gender)
        everyone = [(i, r) for i, r, _ in self.subjects]
        return ref or self._latest(everyone, before, kind, skip, kinds, gender)

    def _spoke(self, ref: Referent | None, before: int) -> bool:
        """The latest subject mention of this referent is the subject of a verb of saying,
        naming or judging ("Sullivan called Mattis an “inspired choice”")."""
        if ref is None:
            return False
        for i, other, _ in reversed(self.subjects):
            if i < before and other is ref:
                verb = self.doc[i].head
                return cue_at(verb) is not None or any(
                    (c.dep_ in SPOKE_DEPS and cue_at(c) is not None)
                    or (c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS)
                    for c in verb.children
                )  # "called Mattis an “inspired choice” and ended his statement with …"
        return False

    def _actor_of(self, pronoun: Token) -> Referent | None:
        """The actors stage's reading of a pronoun this resolver found no antecedent for
        (its coreference knows "the president" by title and date)."""
        for start, end, name, kind in self.pronoun_actors:
            if start <= pronoun.idx < end:
                return Referent(name, start, end, kind, name_key(name) if kind == "person" else "")
        return None

    def _index_of(self, ref: Referent) -> int:
        """The token index where a referent was named."""
        span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        return span.start if span is not None else 0

    def _own_turn(self, token: Token) -> str:
        """The surname key of the transcript speaker whose turn this token is in."""
        for start, end, key in self.turns:
            if start <= token.idx < end:
                return key
        return ""

    def _by_title(self, noun: Token) -> Referent | None:
        word = noun.lower_
        fitting = {k for k, words in self.titles.items() if word in words}
        if not fitting:
            return None
        for i, ref, _ in reversed(self.subjects):
            if i < noun.i and ref.key in fitting:
                return ref
        for i, ref in reversed(self.person_mentions):
            if i < noun.i and ref.key in fitting:
                return ref
        for i, ref in self.person_mentions:
            if i > noun.i and ref.key in fitting:
                return ref
        return None

    def _description(self, noun: Token) -> Referent:
        """A common-noun subject kept as written ("a state body in charge of …")."""
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "appos", "acl")]
        left = [t for t in noun.subtree if t.i <= noun.i and t.i >= noun.left_edge.i]
        start_i = min(t.i for t in left)
        end_i = noun.i + 1
        for t in self.doc[noun.i + 1 : noun.right_edge.i + 1]:  # "in charge of cyber security"
            if any(t in c.subtree for c in clauses) or t.text in QUOTE_OR_BREAK:
                break
            if t.ent_type_ in ("DATE", "TIME") or (
                t.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in t.children)
            ):
                break  # "senators on Friday": when, not who
            if t.i - noun.i > DESCRIPTION_TAIL:
                break
            end_i = t.i + 1
        name, start, end = _clean(self.doc[start_i:end_i])
        singular = noun.tag_ in ("NN", "NNP")
        # "North Korea's state news agency" is a body in its own right; a bare "the group"
        # points back to one named before, which is what a later "it" means too.
        specific = any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in noun.children)
        kind = "body" if singular and specific and noun.lemma_.lower() in BODY_NOUNS else "group"
        return Referent(name, start, end, kind)

    def resolve(self, token: Token) -> Referent | None:
        """The person or body a subject (or object of "according to") refers to."""
        lower = token.lower_
        if lower in PERSON_PRONOUNS:
            same = self._named_in_sentence(token)
            if same is not None:
                return same
            skip = self._own_turn(token) if self.turns else ""  # "he" is not the speaker
            described = self._described_subject(token.i)
            if described is not None:
                return described
            gender = PRONOUN_GENDERS.get(lower)  # "she" passes over a man named since
            ref = self._latest_subject(token.i, "person", skip, gender=gender)
            if _goes_on_speaking(token) and not self._spoke(ref, token.i):
                # "He also said" after a sentence whose subject said nothing ("Pompeo met
                # Netanyahu"): the last one who spoke
                speaker = self._latest(self.speakers, token.i, "person", skip, gender=gender)
                if speaker is not None and token.i - self._index_of(speaker) <= ALSO_REACH:
                    return speaker
            if ref is None:
                people = sorted(self.person_mentions + self.unrecognised_people, key=lambda x: x[0])
                ref = self._latest(people, token.i, "person", skip, gender=gender)
            return ref or self._actor_of(token)  # "The president … He continued:"
        if lower == "they":
            pair = self._conjoined_people(token.i)
            if pair is not None:
                return pair
        if lower in THING_PRONOUNS:
            ref = self._latest_subject(token.i, "organisation", kinds=THING_KINDS)
            ref = ref or self._latest(self.org_mentions, token.i, "organisation")
            return ref or self._actor_of(token)
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            antecedent = token.head.head
            if token.lower_ == "who":
                # "Jamal al-Shahoud, a refugee from Syria, who told her": the person whose
                # description the parser hung the clause on, not the place in it.
                node = antecedent
                while node.dep_ in ("pobj", "prep", "appos") and node.head != node:
                    node = node.head
                    ent = self._ent_of.get(node.i)
                    if ent is not None and ent.label_ == "PERSON":
                        return self.resolve(node)
            return self.resolve(antecedent)
        if token.pos_ == "PRON":
            return None
        ent = self._ent_of.get(token.i)
        if ent is None and token.pos_ in ("NUM", "NOUN", "ADJ", "X") and token.text[:1].isupper():
            key = name_key(token.text)
            if key in self.titles:  # "O’Shaughnessy said", tagged a number
                return self._person(key, token.idx, token.idx + len(token.text))
        # "the head of the Guards, Major General Hossein Salami"; "Ukraine's ambassador to the
        # United States, Valeriy Chaly" (the parser hangs the name on the last noun).
        for child in (c for c in token.subtree if c.dep_ == "appos" and c.i > token.i):
            if self._ent_of.get(child.i) is not None:
                if self._ent_of[child.i].label_ == "PERSON" and (
                    ent is None or ent.label_ != "PERSON"
                ):
                    return self.resolve(child)
        holder = self._name_closing_title(token) if ent is None else None
        if holder is not None:  # "Director of National Intelligence James Clapper hailed"
            return self.resolve(holder)
        if ent is not None and ent.label_ != "PERSON":
            name, start, end = _clean(ent)
            if name_key(name) in self.titles and token.pos_ == "PROPN":
                ent = None  # a person the tagger took for a place or body here
        if ent is not None and ent.label_ == "PERSON":
            name, start, end = _clean(ent)
            return self._person(name_key(name), start, end)
        if ent is not None and ent.label_ in ORG_LABELS:
            name, start, end = _clean(ent)
            return Referent(name, start, end, "organisation")
        if token.pos_ == "PROPN":
            chain = [t for t in token.subtree if t.dep_ in ("compound", "flat") or t == token]
            chain = [t for t in chain if t.pos_ == "PROPN" and self._same_paragraph(t, token)]
            start_i = min(t.i for t in chain)
            name, start, end = _clean(self.doc[start_i : token.i + 1])
            key = name_key(name)
            if key in self.titles:
                return self._person(key, token.idx, token.idx + len(token.text))
            if token.lower_ in self.given_names:  # "Geng" of "Geng Shuang"
                return self._person(
                    self.given_names[token.lower_], token.idx, token.idx + len(token.text)
                )
            ref = self._titled_person(token) or self._by_title(token)  # "the President tweeted"
            if ref is not None:
                return ref
            return Referent(name, start, end, "organisation")
        if token.pos_ in ("NOUN", "PROPN"):
            if token.lemma_.lower() in DOCUMENT_NOUNS:
                for child in token.children:
                    if child.ent_type_ in ("DATE", "TIME"):
                        continue  # "Wednesday's OIG report": a day is nobody
                    if child.dep_ == "poss":
                        return self.resolve(child)
                    if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                return self.resolve(obj)
                for child in token.children:  # "the OIG report says": its author
                    if child.dep_ == "compound" and (
                        child.ent_type_ in ("ORG", "PERSON", "GPE")
                        or child.pos_ == "PROPN"
                        # "the news agency report"; not "a court filing", filed by a party
                        or (child.lemma_.lower() in BODY_NOUNS and child.lower_ != "court")
                    ):
                        return self.resolve(child)
                if _refers_back(token):
                    # "wrote a letter … The co-signed letter said", "He released videos … one
                    # video says": the issuer of the same text, before any other text's
                    # ("a statement from George Little" said nothing of the letter)
                    issuer = self._issuer_before(token)
                    if issuer is not None:
                        return issuer
                for i, ref, _ in reversed(self.subjects):  # "The G7 communique … the agreement"
                    if token.i - i > ALSO_REACH:
                        break
                    if i >= token.i:
                        continue
                    earlier = self.doc[i].lemma_.lower()
                    if earlier in DOCUMENT_NOUNS or (
                        earlier in NAMED_TEXTS and ref.kind == "group" and _refers_back(token)
                    ):
                        return ref
                return None  # the text of someone not named here: the caller looks back
            titled = self._titled_person(token)
            if titled is not None:  # "The North Korean leader later said": Kim Jong Un
                return titled
            pair = self._described_pair(token)
            if pair is not None:  # "Sens. John McCain and Lindsey Graham … the senators said"
                return pair
            example = _named_example(token)
            if example is not None:  # "Investment banks such as Citigroup have warned"
                return self.resolve(example)
            named = self._named_body(token)
            if named is not None:  # "The group said" after "the Civil Human Rights Front"
                return named
            described = self._described_before(token)
            if described is not None:  # "a senior administration official … the official said"
                return described
            if token.tag_ == "NN" and token.lemma_.lower() not in BODY_NOUNS:
                named = self._named_by_code(token)
                if named is not None:  # "the North Korean diplomat said": Ri Yong Ho
                    return named
            ref = self._by_title(token)
            if ref is not None:
                return ref
            if _cannot_speak(token):
                return None  # "the vote margin", "this morning": nobody who speaks
            return self._description(token)
        return None

    def _titled_person(self, noun: Token) -> Referent | None:
        """The named person the actors stage reads a singular definite description as ("the
        president tweeted" of Donald Trump, not the Iranian president named further on; "the
        North Korean leader" of Kim Jong Un, not his sister named since): its coreference
        weighs the title's country and the office held on the day."""
        if noun.tag_ not in ("NN", "NNP") or not any(
            c.dep_ in ("det", "poss") and c.lower_ != "a" for c in noun.children
        ):
            return None
        for start, end, name in self.titled_people:
            if start <= noun.idx < end:
                key = name_key(name)
                if key not in self.full_names:
                    return None  # not a person the article names ("Ambassador of China")
                return Referent(self.full_names[key], start, end, "person", key)
        return None

    def _one_described(self, i: int, ref: Referent) -> bool:
        """The subject at ``i`` is a description of one person, not named ("one senior
        Israeli official", "the North Korean diplomat", "a local resident")."""
        noun = self.doc[i]
        return (
            ref.kind == "group"
            and noun.tag_ == "NN"
            and noun.lemma_.lower() not in TEXT_OR_BODY_NOUNS
            and describes_someone(ref.name)
        )

    def _described_subject(self, before: int) -> Referent | None:
        """The described person a "he" or "she" refers to: the latest main-clause subject,
        when that is one person the article describes without naming ("“It’s very hard to
        read Assad,” one senior Israeli official said. “But we are seeing …,” he said")."""
        for i, ref, main in reversed(self.subjects):
            if i >= before or not main:
                continue
            if ref.kind == "person" or not self._one_described(i, ref):
                return None
            return self._named_by_code(self.doc[i]) or ref
        return None

    def _named_by_code(self, noun: Token) -> Referent | None:
        """The person named before whom a definite description means: the latest one the
        actors stage codes as it codes the description ("Although Pompeo had left by the
        time Ri spoke, the North Korean diplomat pulled no punches": Ri, PRKGOV like "the
        North Korean diplomat", not Pompeo)."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        code = next((c for start, end, c in self.described_codes
                     if start <= noun.idx < end), "")  # fmt: skip
        if len(code) != len("USAGOV"):
            return None
        for i, ref in reversed(self.person_mentions):
            if i >= noun.i:
                continue
            if noun.i - i > ALSO_REACH:
                break
            if self.person_codes.get(ref.key) == code:
                return self._person(ref.key, ref.start, ref.end)
        return None

    def _described_before(self, noun: Token) -> Referent | None:
        """The described person a bare definite description points back to: the latest
        subject described with the same noun ("But a senior administration official …
        issued a new warning. “…,” the official said": not the Israeli official before)."""
        if noun.tag_ != "NN" or [c.lower_ for c in noun.children] != ["the"]:
            return None
        lemma = noun.lemma_.lower()
        for i, ref, _ in reversed(self.subjects):
            if i >= noun.i:
                continue
            if noun.i - i > ALSO_REACH:
                break
            if self.doc[i].lemma_.lower() == lemma and self._one_described(i, ref) \
                    and not any(c.lower_ == "the" for c in self.doc[i].children):  # fmt: skip
                return ref
        return None

    def _name_closing_title(self, title: Token) -> Token | None:
        """The name that ends a title the parser made the head of its phrase: "Director of
        National Intelligence James Clapper" (the name hung as the object of "of")."""
        if title.tag_ not in ("NN", "NNP") or not title.text[:1].isupper():
            return None
        ent = self._ent_of.get(title.right_edge.i)
        if ent is None or ent.label_ != "PERSON" or ent.start <= title.i + 1:
            return None
        between = self.doc[title.i + 1 : ent.start]
        if not all(t.is_title or t.lower_ in TITLE_LINKS for t in between):
            return None
        return self.doc[ent.end - 1]

    def _named_body(self, noun: Token) -> Referent | None:
        """The organisation a bare "the group", "the agency", "the ministry" refers back to:
        the latest one named with that word ("the agency" → Korean Central News Agency), or
        for a word any body goes by ("the group", "the organization"), the latest
        organisation that was a subject."""
        word = noun.lemma_.lower()
        if noun.tag_ != "NN" or word not in BODY_NOUNS:
            return None
        if [c.lower_ for c in noun.children] != ["the"]:
            return None  # "the state news agency", "the group of lawmakers": said in full
        for i, ref in reversed(self.org_mentions):
            if i >= noun.i or noun.i - i > ALSO_REACH:
                break
            if word in ref.name.lower().split() and self.doc[i].ent_type_ == "ORG":
                return ref
        if word not in GENERIC_BODY_NOUNS:
            return None
        for i, ref, _ in reversed(self.subjects):
            if i >= noun.i:
                continue
            if noun.i - i > ALSO_REACH:
                break
            if ref.kind == "organisation" and self.doc[i].ent_type_ == "ORG":
                return ref
        for i, ref in reversed(self.org_mentions):  # the parse lost its subject
            if i < noun.i and self.doc[i].ent_type_ == "ORG":
                return ref if noun.i - i <= GROUP_REACH else None
        return None

    def _issuer_before(self, document: Token) -> Referent | None:
        """Who issued the document "the statement" refers back to: the subject of the verb
        that an earlier mention of the same noun belongs to ("In a statement Thursday night,
        a top North Korean official expressed …", "X said in a statement", "X released a
        statement"), or the author after "from"/"by"."""
        if document.i in self._seeking_issuer:
            return None
        self._seeking_issuer.add(document.i)
        try:
            return self._find_issuer(document)
        finally:
            self._seeking_issuer.discard(document.i)

    def _find_issuer(self, document: Token) -> Referent | None:
        lemma = document.lemma_.lower()
        start = max(0, document.i - ALSO_REACH)
        for earlier in reversed(self.doc[start : document.i]):
            if earlier.lemma_.lower() != lemma or earlier.i in self.quoted:
                continue
            for child in earlier.children:
                if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    return self.resolve(obj) if obj is not None else None
            verb = earlier.head
            if earlier.dep_ == "pobj" and verb.dep_ == "prep":
                verb = verb.head  # "in a statement"
            elif earlier.dep_ != "dobj":
                return None
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return self.resolve(subject) if subject is not None else None
        return None

    def _named_in_sentence(self, pronoun: Token) -> Referent | None:
        """The person named earlier in the pronoun's own sentence, when the actors stage
        reads the pronoun as that person too ("after Umar Farouk Abdulmutallab, a young
        Nigerian man, attempted …, he confessed …": not the subject of an earlier sentence)."""
        actor = self._actor_of(pronoun)
        if actor is None or actor.kind != "person":
            return None
        for i, ref in reversed(self.person_mentions):
            if pronoun.sent.start <= i < pronoun.i and ref.key == actor.key:
                return self._person(ref.key, ref.start, ref.end)
        return None

    def _conjoined_people(self, before: int) -> Referent | None:
        """ "Senators John McCain and Lindsey Graham said … “…,” they said": "they" after
        a sentence whose subject was people joined by "and" is them, given as the first."""
        for i, ref, main in reversed(self.subjects):
            if i >= before or not main:
                continue
            subject = self.doc[i]
            if ref.kind == "person" and any(
                c.dep_ == "conj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
                for c in subject.subtree
            ):
                return ref
            return None
        return None

    def _described_pair(self, noun: Token) -> Referent | None:
        """The people joined by "and" that a plural definite description after them means:
        "Sens. John McCain and Lindsey Graham … “…,” the senators said"; given as the first,
        as "they" is. The noun must be their title (an abbreviation is the start of the
        word: "Sens." of "senators"), so that "the protesters said" stays the protesters."""
        if noun.tag_ != "NNS":
            return None
        if not any(c.lower_ in PAIR_DETERMINERS for c in noun.children):
            return None
        if any(c.dep_ in ("amod", "compound", "prep", "relcl", "acl", "poss")
               for c in noun.children):  # fmt: skip
            return None  # "the Republican senators from Ohio": said in full, someone else
        pair = self._conjoined_people(noun.i)
        if pair is None:
            return None
        lemma = noun.lemma_.lower()
        for word in self.titles.get(pair.key, ()):
            stem = word.rstrip(".").removesuffix("s")  # "Sens." and "Sens": senators
            if len(stem) >= 3 and stem.isalpha() and lemma.startswith(stem):
                return pair
        return None

    def _name_before(self, verb: Token) -> Token | None:
        """A name or pronoun right before a verb that has no subject in the parse."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ in ("ADV", "AUX", "PART") and verb.i - i < 4:
            i -= 1
        if i > 0 and self.doc[i].text == ",":
            i = self._before_aside(i)
        if i < 0 or i in self.quoted:
            return None
        token = self.doc[i]
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.lower_ in PERSON_PRONOUNS:
            return token if self._same_paragraph(token, verb) else None
        return None

    def _subject_before_aside(self, verb: Token) -> Token | None:
        """The name before an aside right before a finite verb that has no subject of its
        own outside the quotation: "King, R-New York, said", parsed as the quotation's
        apposition; "“…, the other countries in the area,” Ruppersberger, D-Maryland, said",
        whose parse takes a noun of the quotation for the subject."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3 or verb.nbor(-1).text != ",":
            return None
        if any(c.dep_ in SPEAKER_DEPS and c.i not in self.quoted for c in verb.children):
            return None
        return self._name_before(verb)

    def _before_aside(self, comma: int) -> int:
        """The token before an aside closed by the comma at ``comma`` ("King, R-New York,
        said": a party tag the parser takes for the subject's apposition), or -1 when no
        short verbless aside opens with a comma there."""
        i = comma - 1
        while i >= 0 and comma - i <= ASIDE_TOKENS:
            token = self.doc[i]
            if token.i in self.quoted or token.pos_ in ("VERB", "AUX") or "\n" in token.text:
                return -1
            if token.text == ",":
                return i - 1 if i > 0 and comma - i > 1 else -1
            i -= 1
        return -1

    def _in_paragraph_of(self, subject: Token, verb: Token) -> Token | None:
        """The subject, or where the parser ran it across a paragraph break, the part of
        its phrase that sits in the verb's paragraph."""
        if self._same_paragraph(subject, verb):
            return subject
        for t in subject.subtree:
            if self._same_paragraph(t, verb) and not self._same_paragraph(t.head, verb):
                return t
        return None

    def _same_paragraph(self, a: Token, b: Token) -> bool:
        lo, hi = sorted((a.idx, b.idx))
        return "\n" not in self.text[lo:hi]

    def subject_of(
        self, cue: Cue, inside_quote: bool = False
    ) -> tuple[Referent | None, Token | None, bool]:
        """The speaker of a cue, the token naming it, and whether that token was a document
        noun with no author in sight ("said an official statement")."""
        verb = cue.token
        if cue.kind == "phrase":  # according to X
            for obj in verb.nbor(1).children:
                if obj.dep_ == "pobj":
                    if obj.pos_ == "NOUN":  # "according to Blinken's remarks"
                        for child in obj.children:
                            if child.dep_ == "poss":
                                return self.resolve(child), child, False
                    return self.resolve(obj), obj, False
            return None, None, False
        aside = self._subject_before_aside(verb)
        if aside is not None:  # "…,” King, R-New York, said: the parser lost the subject
            return self.resolve(aside), aside, False
        for _ in range(6):
            inverted = [  # "This change, said Tom, means …": Tom, not the parser's subject
                c
                for c in verb.children
                if c.left_edge.i == verb.i + 1
                and c.dep_ in INVERTED_DEPS
                and c.pos_ == "PROPN"
                and c.i not in self.quoted
            ]
            named = any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in verb.children)
            if inverted and verb.dep_ == "parataxis" and not named:
                return self.resolve(inverted[0]), inverted[0], False
            subjects: list[Token | None] = [
                self._in_paragraph_of(c, verb)
                for c in verb.children
                if _speaks(c) and (inside_quote or c.i not in self.quoted)
            ]
            found = [c for c in subjects if c is not None and not _cannot_speak(c)]
            if found:
                subj = min(found, key=lambda c: abs(c.i - verb.i))
                ref = self.resolve(subj)
                if ref is None and subj.lower_ in REPORTED_PRONOUNS and verb.dep_ == "ccomp":
                    # "Cheney said we should stand by Mubarak and called him our “good
                    # friend”": "we" of the words reported; the one who said them speaks.
                    verb = verb.head
                    continue
                is_document = (
                    subj.pos_ in ("NOUN", "PROPN") and subj.lemma_.lower() in DOCUMENT_NOUNS
                )
                return ref, subj, ref is None and is_document
            named_after = [  # "…,” write Juan Carlos Hidalgo and Ian Vasquez: parsed dobj
                c
                for c in verb.children
                if c.dep_ == "dobj"
                and c.left_edge.i == verb.i + 1
                # "write Hidalgo and Vasquez": a surname the article gave in full before
                and (c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and self.knows_person(c.text)))
                and c.i not in self.quoted
            ]
            if named_after and not named and verb.tag_ in ("VB", "VBD", "VBP", "VBZ") \
                    and verb.i > 0 and verb.nbor(-1).text in QUOTE_OR_BREAK:  # fmt: skip
                # Not "describing Brexit as …": a participle's object is what it describes.
                return self.resolve(named_after[0]), named_after[0], False
            agents = [c for c in verb.children if c.dep_ == "agent"]
            if agents and verb.tag_ == "VBN":
                for obj in agents[0].children:
                    if obj.dep_ == "pobj":
                        return self.resolve(obj), obj, False
            if verb.dep_ in ("conj", "advcl", "xcomp", "ccomp") and verb.head != verb:
                participle = verb.tag_ == "VBG"
                verb = verb.head  # "…, adding that", "tweeting that", "and warned"
                if (
                    participle
                    and verb.dep_ == "advcl"
                    and any(c.dep_ == "mark" for c in verb.children)
                ):
                    verb = verb.head  # "X acted …, after I left, saying …": X says it
                continue
            if verb.dep_ == "relcl":
                return self.resolve(verb.head), verb.head, False
            if (
                verb.dep_ == "pcomp"
                and verb.head.dep_ == "prep"
                and verb.head.lower_ in PCOMP_PREPS
                and verb.head.head != verb
            ):
                verb = verb.head.head  # "reacted by saying: “…”"
                quoted = [c for c in verb.children if c.dep_ == "dobj"]
                if verb.lemma_.lower() == "quote" and quoted:  # "KCNA quoted Kim as saying"
                    return self.resolve(quoted[0]), quoted[0], False
                continue
            if (
                verb.dep_ == "acl"
                and verb.tag_ in ("VBG", "VBD", "VBZ", "VBP")
                and verb.head.pos_ in ("NOUN", "PROPN")
                and verb.head.lemma_.lower() not in DOCUMENT_NOUNS
            ):
                # "a member … stating that"; a finite verb the parser hung on its subject:
                # "A pair of senior Republican senators on Friday called on …, saying"
                return self.resolve(verb.head), verb.head, False
            before = self._name_before(verb) if verb.dep_ in ("ROOT", "ccomp") else None
            if before is not None:  # the parser lost the subject: "Mrs May joked: “…”"
                return self.resolve(before), before, False
            if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
                holder = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if holder is not None:  # "said in a statement accusing …"
                    verb = holder
                    continue
            break
        return None, None, False


__all__ = ["Referent", "Referents", "name_key"]
