"""tidings: reads news the way an analyst does."""

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tidings.api import Tidings


def open(db: str = "tidings.duckdb", create: bool = True) -> "Tidings":  # noqa: A001
    """Open a tidings store: see :mod:`tidings.api` (imported on first use, so that
    ``import tidings`` stays light)."""
    from tidings.api import open as open_store

    return open_store(db, create=create)
