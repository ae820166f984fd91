"""Resolving pronouns, definite descriptions and "the two leaders" within one article.

- he/him/his/she/her…: the nearest compatible person (gender from the gazetteer, the
  honorific or the title; unknown gender fits both), never the subject of the clause whose
  object the pronoun is ("Comey said Trump pressed him": Comey). Inside one sentence the
  subject wins if the pronoun is a subject, else the nearest earlier person; otherwise the latest
  earlier sentence (up to four back) with a compatible person, preferring its subject (of
  the main or a relative clause), then a person who is not a mere modifier of a noun.
- "the president", "the Russian leader", "the foreign minister": the nearest earlier
  person whose role has that title (and that country, when one is given).
- "the two leaders", "both men": the two most recent distinct people. A plural mention
  is represented as one ActorMention per person over the same span, how="plural".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tidings.model import Actor

PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip
HEAD_ROLES = ("president", "prime minister", "chancellor", "premier", "supreme leader", "king",
              "queen", "emir", "sultan", "taoiseach", "leader", "crown prince")  # fmt: skip
PLURAL = re.compile(r"\b(?:[Tt]he two|[Bb]oth(?: the)?)\s+(?:leaders|men|women|presidents|"
                    r"ministers|foreign ministers|heads of state|officials)\b")  # fmt: skip
_SENTENCES_BACK = 4


@dataclass(slots=True)
class PersonRef:
    """A person mention the resolver can point back to."""

    start: int
    end: int
    actor: Actor
    gender: str | None
    subject: bool
    sentence: int
    modifier: bool = False  # names something else's attribute ("the Putin meeting")


def role_matches(actor: Actor, role_word: str, head: bool) -> bool:
    """Whether ``actor``'s role fits a title word ("president" fits "President of Iran")."""
    role = (actor.role or "").lower().replace("defense", "defence")
    word = role_word.lower().replace("defense", "defence")
    if head and any(role.startswith(h) or f" {h}" in role for h in HEAD_ROLES):
        return not role.startswith(("vice", "deputy", "former"))
    if word not in role:
        return False
    # "president" must not pick the vice president.
    at = role.find(word)
    return not role[:at].rstrip().endswith(("vice", "deputy", "former"))


class Resolver:
    """Earlier person mentions of one article, ordered, with their sentence numbers."""

    def __init__(self, people: list[PersonRef]) -> None:
        self.people = sorted(people, key=lambda p: p.start)
        self.starts = [p.start for p in self.people]

    def before(self, offset: int) -> list[PersonRef]:
        return self.people[: bisect.bisect_left(self.starts, offset)]

    def pronoun(self, offset: int, gender: str, sentence: int, is_subject: bool,
                bound: tuple[int, ...] = ()) -> Actor | None:  # fmt: skip
        """The person a he/she pronoun refers to; ``bound`` are offsets inside the subject of
        the pronoun's own clause when it is that clause's object, whom it cannot be ("Trump
        pressed him" is not Trump)."""
        earlier = [p for p in self.before(offset) if p.gender in (None, gender)
                   and not any(p.start <= b < p.end for b in bound)]  # fmt: skip
        if not earlier:
            return None
        same = [p for p in earlier if p.sentence == sentence]
        if same:
            if is_subject:
                subjects = [p for p in same if p.subject]
                if subjects:
                    return subjects[0].actor
            return same[-1].actor
        for back in range(1, _SENTENCES_BACK + 1):
            group = [p for p in earlier if p.sentence == sentence - back]
            if group:
                # The sentence's topic: its subject (also of a relative clause, "Mr. Trump,
                # who addressed …"), else a person heading a noun phrase rather than one
                # modifying another noun ("The Putin meeting … for Mr. Trump").
                subjects = [p for p in group if p.subject]
                heads = [p for p in group if not p.modifier]
                return (subjects or heads or group)[0].actor
        return None

    def description(self, offset: int, role_word: str, head: bool,
                    country: str | None) -> Actor | None:  # fmt: skip
        """The person a definite description refers back to. With a country ("the Russian
        president") the nearest one who fits; without one ("the president"), the one the
        article has named most so far, the nearest on a tie: a story's president is its
        main subject, not a president a quote mentioned in passing (Rouhani, not "France's
        president" quoted by him; Trump, not Putin, in a story about Trump's meeting)."""
        fitting = [p for p in self.before(offset)
                   if (not country or p.actor.country == country)
                   and role_matches(p.actor, role_word, head)]  # fmt: skip
        if not fitting:
            return None
        if country:
            return fitting[-1].actor
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        for rank, p in enumerate(fitting):
            counts[p.actor.name] = counts.get(p.actor.name, 0) + 1
            latest[p.actor.name] = rank
        best = max(counts, key=lambda name: (counts[name], latest[name]))
        return next(p.actor for p in reversed(fitting) if p.actor.name == best)

    def two_people(self, offset: int) -> list[Actor]:
        found: list[Actor] = []
        names: set[str] = set()
        for p in reversed(self.before(offset)):
            if p.actor.name not in names:
                names.add(p.actor.name)
                found.append(p.actor)
            if len(found) == 2:
                return list(reversed(found))
        return []
