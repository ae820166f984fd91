"""tidings: reads news the way an analyst does."""

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tidings.api import Tidings


def open(  # noqa: A001
    db: "str | Path | None" = None, create: bool = True, read_only: bool = False
) -> "Tidings":
    """Open a tidings store (``$TIDINGS_DB`` or ``tidings.duckdb`` unless ``db`` names one;
    ``read_only`` to read beside other readers): see :mod:`tidings.api` (imported on first
    use, so that ``import tidings`` stays light)."""
    from tidings.api import open as open_store

    return open_store(db, create=create, read_only=read_only)
