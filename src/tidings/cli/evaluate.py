"""Commands: evaluate (to be written)."""

from tidings.cli import app  # noqa: F401
