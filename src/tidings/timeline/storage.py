"""The timeline's records in the store: signatures, duplicate candidates, reports,
instances and findings turned into the store's rows (:mod:`tidings.store.timeline_tables`)
and back. The timeline reaches the store only through those functions.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json

import pyarrow as pa

from tidings.actors.fold import name_key
from tidings.model import ActorRef, DateValue, Event
from tidings.plover import scale_of
from tidings.store import timeline_tables as T
from tidings.store.store import Store
from tidings.timeline.dedup import Signature, comparable
from tidings.timeline.dyads import instance_pairs
from tidings.timeline.findings import Finding
from tidings.timeline.instances import EventInstance, Source

# ---- signatures and duplicates --------------------------------------------------------------


def save_signatures(store: Store, signatures: list[Signature]) -> None:
    if not signatures:
        return
    sigs = pa.table({
        "doc_id": [s.doc_id for s in signatures],
        "body_hash": [s.body_hash for s in signatures],
        "minhash": pa.array([list(s.minhash) for s in signatures], pa.list_(pa.uint64())),
        "words": pa.array([s.words for s in signatures], pa.int32()),
    }, schema=T.SIGNATURE_SCHEMA)  # fmt: skip
    # Short bodies get no bands: they can only be exact copies, and many near-identical
    # stubs ("Media playback is unsupported…") would make every one a candidate of all.
    band_rows = [(s.doc_id, b, h) for s in signatures if comparable(s) for b, h in s.bands()]
    bands = pa.table({
        "band": pa.array([r[1] for r in band_rows], pa.int32()),
        "hash": pa.array([r[2] for r in band_rows], pa.uint64()),
        "doc_id": [r[0] for r in band_rows],
    }, schema=T.BAND_SCHEMA)  # fmt: skip
    T.write_signatures(store, sigs, bands)


def candidate_signatures(store: Store, doc_ids: list[str]) -> dict[str, list[Signature]]:
    """For each doc id, the signatures of other stored articles sharing a band or the
    normalised body hash with it (the candidates for duplicates)."""
    found: dict[str, list[Signature]] = {}
    for doc_id, other, body_hash, minhash, words in T.candidate_rows(store, doc_ids):
        found.setdefault(doc_id, []).append(Signature(other, body_hash, tuple(minhash), words))
    return found


# ---- reports in, instances and findings out ---------------------------------------------------


def happened_reports(store: Store) -> list[tuple[Event, Source]]:
    """Every dated event that happened (current or historical), with its sentence, the
    article's date and publisher, and the article it duplicates if any."""
    reports = []
    for (event, mode, context, aux, actor, recipient, value, precision, date_text, doc_id,
         ordinal, s_start, s_end, sentence, published, publisher,
         dup_of) in T.happened_rows(store):  # fmt: skip
        ev = Event(event=event, actor=_refs(actor), recipient=_refs(recipient), mode=mode,
                   context=list(context or []), aux=aux,
                   date=DateValue(value, precision), date_text=date_text)  # fmt: skip
        source = Source(doc_id=doc_id, ordinal=ordinal, sentence_start=s_start,
                        sentence_end=s_end, text=(sentence or "").strip(),
                        published=published, publisher=publisher, aux=aux,
                        date_text=date_text, duplicate_of=dup_of)  # fmt: skip
        reports.append((ev, source))
    return reports


def replace_timeline(store: Store, instances: list[EventInstance], findings: list[Finding]) -> None:
    """Swap in a new set of instances and findings in one transaction."""
    ordered = sorted(instances, key=cluster_key)
    T.write_timeline(store, {
        "instances": _instance_table(ordered),
        "instance_sources": _source_table(ordered),
        "instance_dyads": _dyad_table(ordered),
        "findings": _finding_table(findings),
    })  # fmt: skip


def cluster_key(inst: EventInstance) -> tuple[str, str, str, str]:
    """Where an instance is stored: by the country pair, then the code pair, of its first
    two sides, then by date, so that a dyad's instances sit together (see 002_timeline)."""
    codes = sorted({r.code for r in (*inst.actor, *inst.recipient)})[:2] or [""]
    countries = "|".join(sorted(c[:3] for c in codes))
    return countries, "|".join(codes), inst.date.value or "", inst.id


def _refs(raw: str | None) -> list[ActorRef]:
    return [ActorRef(code=r["code"], name=r["name"]) for r in json.loads(raw or "[]")]


def _refs_json(refs: list[ActorRef]) -> str:
    return json.dumps([{"code": r.code, "name": r.name} for r in refs], ensure_ascii=False)


def _instance_table(instances: list[EventInstance]) -> pa.Table:
    rows = []
    for no, i in enumerate(instances):
        scale = scale_of(i.event)
        rows.append({
            "instance_no": no, "instance_id": i.id, "event": i.event, "mode": i.mode,
            "context": i.context,
            "actor": _refs_json(i.actor), "recipient": _refs_json(i.recipient),
            "actor_codes": [r.code for r in i.actor],
            "recipient_codes": [r.code for r in i.recipient],
            "date_value": i.date.value, "date_precision": i.date.precision,
            "first_day": i.first_day, "last_day": i.last_day,
            "historical_only": i.historical_only,
            "quad_code": scale.quad_code if scale else None,
            "event_scale": scale.weight if scale else None,
            "reports": len(i.sources), "articles": i.articles, "independent": i.independent,
        })  # fmt: skip
    return pa.Table.from_pylist(rows, schema=T.INSTANCE_SCHEMA)


def _source_table(instances: list[EventInstance]) -> pa.Table:
    rows = [
        {"instance_no": no, "doc_id": s.doc_id, "ordinal": s.ordinal,
         "published": s.published, "publisher": s.publisher, "aux": s.aux,
         "date_text": s.date_text, "sentence_start": s.sentence_start,
         "sentence_end": s.sentence_end, "text": s.text, "duplicate_of": s.duplicate_of}
        for no, i in enumerate(instances) for s in i.sources
    ]  # fmt: skip
    return pa.Table.from_pylist(rows, schema=T.SOURCE_SCHEMA)


def _dyad_table(instances: list[EventInstance]) -> pa.Table:
    rows = sorted((T.pair_hash(pair), pair, no)
                  for no, i in enumerate(instances) for pair in instance_pairs(i))  # fmt: skip
    return pa.table({
        "pair_hash": pa.array([r[0] for r in rows], pa.uint64()),
        "pair": pa.array([r[1] for r in rows], pa.string()),
        "instance_no": pa.array([r[2] for r in rows], pa.int64()),
    }, schema=T.DYAD_SCHEMA)  # fmt: skip


def finding_id(f: Finding) -> str:
    raw = "|".join([f.kind, f.instance_id, f.actor.code, f.recipient.code])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _finding_table(findings: list[Finding]) -> pa.Table:
    rows = []
    for f in findings:
        first = f.date.first_day()
        rows.append({
            "finding_id": finding_id(f), "kind": f.kind, "instance_id": f.instance_id,
            "event": f.event, "mode": f.mode, "date_value": f.date.value,
            "date_precision": f.date.precision, "first_day": first,
            "actor": _refs_json([f.actor]), "recipient": _refs_json([f.recipient]),
            "actor_code": f.actor.code, "recipient_code": f.recipient.code,
            "actor_key": name_key(f.actor.name or ""),
            "recipient_key": name_key(f.recipient.name or ""),
            "text": f.text, "previous_instance_id": f.previous_instance_id,
            "previous_date_value": f.previous_date.value if f.previous_date else None,
            "previous_date_precision": f.previous_date.precision if f.previous_date else None,
            "gap_days": f.gap_days, "gap_months": f.gap_months, "doc_ids": f.doc_ids,
        })  # fmt: skip
    # Two dyads of one instance can state the same finding id only if they share codes.
    unique = {r["finding_id"]: r for r in rows}
    return pa.Table.from_pylist(list(unique.values()), schema=T.FINDING_SCHEMA)


# ---- reading ---------------------------------------------------------------------------------


def instances_for_pair(store: Store, pair: str) -> list[EventInstance]:
    """The instances stored under one dyad key pair, with their sources, in date order."""
    nos = T.instance_numbers(store, pair)
    # Building thousands of records in one go would trigger the cyclic garbage collector
    # several times over objects that hold no cycles: pause it for the build.
    paused = gc.isenabled()
    gc.disable()
    try:
        return load_instances(store, nos)
    finally:
        if paused:
            gc.enable()


def load_instances(store: Store, nos: list[int]) -> list[EventInstance]:
    if not nos:
        return []
    rows, source_rows = T.instance_rows(store, nos)
    sources: dict[int, list[Source]] = {}
    for r in source_rows:
        sources.setdefault(r[0], []).append(Source(*r[1:]))
    out = []
    for no, iid, event, mode, context, actor, recipient, value, precision in rows:
        found = sorted(
            sources.get(no, []), key=lambda s: (s.published or dt.date.max, s.doc_id, s.ordinal)
        )
        out.append(EventInstance(id=iid, event=event, mode=mode, actor=_refs(actor),
                                 recipient=_refs(recipient), date=DateValue(value, precision),
                                 context=list(context or []), sources=found))  # fmt: skip
    out.sort(key=lambda i: (i.first_day, i.last_day, i.event, i.id))
    return out
