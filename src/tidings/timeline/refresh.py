"""After an ingest: link duplicate articles, then rebuild event instances and findings.

Deduplication is incremental: only articles without a signature are signed, and each is
compared with the articles stored before it (in this run or any earlier one) that share
an LSH band or the normalised body. Instances and findings are recomputed in full from
the events table, because one new report can merge two instances, move an instance's
date to a more precise one, or change every later finding of a dyad; at 10k articles the
full rebuild takes seconds (``tidings bench timeline`` measures it). The rebuild is
idempotent: running it twice leaves the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.store import timeline_tables as T
from tidings.store.store import Store
from tidings.timeline import storage as S
from tidings.timeline.dedup import Signature, near_duplicate, signature
from tidings.timeline.findings import compute_findings
from tidings.timeline.instances import build_instances


@dataclass(slots=True)
class RefreshCounts:
    signed: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    reports: int = 0
    instances: int = 0
    findings: int = 0

    def summary(self) -> str:
        return (
            f"timeline: {self.exact_duplicates} exact and {self.near_duplicates} near "
            f"duplicates linked among {self.signed} new articles; {self.reports} dated "
            f"reports of events that happened → {self.instances} instances, "
            f"{self.findings} findings"
        )


def link_duplicates(
    new: list[Signature],
    candidates: dict[str, list[Signature]],
    canonical: dict[str, str],
) -> list[T.Duplicate]:
    """Each new signature (oldest first) against the candidates stored before it: the
    best near-duplicate match (an exact body match first) makes it a duplicate of that
    article's canonical copy."""
    rank = {s.doc_id: n for n, s in enumerate(new)}
    links: list[T.Duplicate] = []
    for n, sig in enumerate(new):
        if sig.words == 0:
            continue
        best: tuple[bool, float, str] | None = None
        for other in candidates.get(sig.doc_id, []):
            if rank.get(other.doc_id, -1) >= n:  # only copies stored before this one
                continue
            exact = other.body_hash == sig.body_hash
            near = 1.0 if exact else near_duplicate(sig, other)
            if near is None:
                continue
            score = near
            if best is None or (exact, score) > best[:2]:
                best = (exact, score, other.doc_id)
        if best is None:
            continue
        exact, score, other_id = best
        original = canonical.get(other_id, other_id)
        canonical[sig.doc_id] = original
        links.append(T.Duplicate(sig.doc_id, original, round(score, 4), exact))
    return links


def deduplicate(store: Store) -> tuple[int, list[T.Duplicate]]:
    """Sign the articles not yet signed and link their duplicates; (signed, links)."""
    pending = T.unsigned_articles(store)
    if not pending:
        return 0, []
    signatures = [signature(doc_id, body) for doc_id, body in pending]
    S.save_signatures(store, signatures)
    candidates = S.candidate_signatures(store, [s.doc_id for s in signatures])
    links = link_duplicates(signatures, candidates, T.duplicate_map(store))
    T.write_duplicates(store, links)
    return len(signatures), links


def rebuild_timeline(store: Store) -> tuple[int, int, int]:
    """Recompute instances and findings from the stored events; (reports, instances,
    findings)."""
    reports = S.happened_reports(store)
    instances = build_instances(reports)
    findings = compute_findings(instances)
    S.replace_timeline(store, instances, findings)
    return len(reports), len(instances), len(findings)


def refresh(store: Store) -> RefreshCounts:
    """Link new duplicates, then rebuild instances and findings; an earlier refresh cut
    short between its transactions is redone whole."""
    store.discard_partial_refresh()
    counts = RefreshCounts()
    counts.signed, links = deduplicate(store)
    counts.exact_duplicates = sum(1 for d in links if d.exact)
    counts.near_duplicates = len(links) - counts.exact_duplicates
    counts.reports, counts.instances, counts.findings = rebuild_timeline(store)
    return counts
