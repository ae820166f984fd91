"""The record over time: event instances (deduplicated), dyad timelines and findings."""

from tidings.timeline.dyads import MonthRow, dyad_instances, monthly
from tidings.timeline.findings import Finding, compute_findings
from tidings.timeline.instances import EventInstance, Source, build_instances

__all__ = [
    "EventInstance", "Finding", "MonthRow", "Source", "build_instances", "compute_findings",
    "dyad_instances", "monthly",
]  # fmt: skip
