"""Records as the store returns them: the model's records plus where they were stored.

``StoredEvent`` and ``StoredQuote`` are subclasses of :class:`~tidings.model.Event` and
:class:`~tidings.model.Quote`, so every function that takes model records takes them; they
add the article they come from (``doc_id``, ``ordinal`` within it, and the article's
``published`` date and ``publisher``, which timelines need to weigh reports).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tidings.actors.fold import is_code as is_code  # re-exported for the filters
from tidings.actors.fold import name_key
from tidings.model import Event, Quote, to_dict
from tidings.plover import event_record


@dataclass(slots=True)
class StoredEvent(Event):
    doc_id: str = ""
    ordinal: int = 0
    published: dt.date | None = None
    publisher: str | None = None

    def plover(self) -> dict[str, Any]:
        """The PLOVER-named record that ``events --json`` and JSON Lines export write."""
        return event_record(
            self,
            id=f"{self.doc_id}:{self.ordinal}",
            doc_id=self.doc_id,
            published=self.published,
            publisher=self.publisher,
        )


def json_record(record: Any) -> dict[str, Any]:
    """What ``--json`` and JSON Lines export write for a record: PLOVER's field names for
    events, the record's own fields otherwise."""
    return record.plover() if isinstance(record, StoredEvent) else to_dict(record)


@dataclass(slots=True)
class StoredQuote(Quote):
    doc_id: str = ""
    ordinal: int = 0
    published: dt.date | None = None
    publisher: str | None = None


def fold(text: str) -> str:
    """The stored, comparable form of a name: tidings' one name folding
    (:func:`tidings.actors.fold.name_key`): ``Marko Đurić`` → ``marko djuric``."""
    return name_key(text)
