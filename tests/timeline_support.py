"""Hand-made articles and events for the store → timeline → findings tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from tidings.model import ActorRef, Analysis, Article, DateValue, Document, Event

MARKO = ActorRef("ELDGOV", "Marko Belan")
IVA = ActorRef("KORGOV", "Iva Sorel")

# A fictional wire story (written for these tests): two countries' leaders, a call, a
# history of meetings. Eldoria and Korvia do not exist.
WIRE = [
    "Eldorian President Marko Belan spoke by phone with Korvian Prime Minister Iva Sorel "
    "on Tuesday, their first conversation since a tense summit in the spring of last year.",
    "The two leaders discussed grain shipments across the river border, the reopening of "
    "two customs posts and a long-delayed agreement on fishing rights in the northern lake.",
    "Belan told reporters in the capital that the call had been frank and useful, and that "
    "his government would send a delegation of trade officials to the Korvian city of Tarn.",
    "Sorel's office said in a statement that both sides had agreed to keep talking and to "
    "meet in person before the end of the year if the customs talks made enough progress.",
]
OTHER = [
    "Floods in the southern valleys of Eldoria forced thousands of farmers from their homes "
    "this week, and the national weather office warned of more rain to come on Friday.",
    "Rescue teams used boats to reach villages cut off by the water, and the army opened "
    "three schools as shelters for families who had lost their houses and their livestock.",
    "Economists said the damage to the wheat harvest could push bread prices higher across "
    "the region before winter, adding to pressure on a government already short of money.",
]


def analysis(doc_name: str, paragraphs: list[str], published: str, publisher: str,
             events: list[Event] | None = None) -> Analysis:  # fmt: skip
    content = "\n\n".join(paragraphs) + f"\n<!-- {doc_name} -->"
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    document = Document(source=f"{doc_name}.txt", content_hash=digest, format="text",
                        content=content)  # fmt: skip
    article = Article.from_paragraphs(digest, paragraphs, title=doc_name, publisher=publisher,
                                      published=dt.date.fromisoformat(published))  # fmt: skip
    for ev in events or []:
        if not ev.sentence_end:
            ev.sentence_start, ev.sentence_end = 0, len(paragraphs[0])
    return Analysis(document=document, article=article, events=events or [])


def event(kind: str, actor: ActorRef, recipient: ActorRef | None, value: str,
          precision: str = "day", aux: str | None = None,
          mode: str | None = None) -> Event:  # fmt: skip
    return Event(event=kind, actor=[actor], recipient=[recipient] if recipient else [],
                 mode=mode, aux=aux, date=DateValue(value, precision),  # type: ignore[arg-type]
                 text=kind.lower(), rule="test")  # fmt: skip
