"""tidings: reads news the way an analyst does."""

__version__ = "0.1.0"
