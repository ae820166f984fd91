"""The web face of a tidings store: a read-only REST API and browser pages.

``tidings serve`` runs :func:`create_app` under uvicorn. The server reads a private copy
of the store that follows the file as ``tidings ingest`` writes it
(:mod:`tidings.web.snapshot`), so serving never locks anyone out of the store.
"""

from tidings.web.app import create_app, store_snapshot
from tidings.web.snapshot import Snapshot

__all__ = ["Snapshot", "create_app", "store_snapshot"]
