"""Sources: turn paths, folders, globs and URLs into :class:`~tidings.model.Document` s.

The public entry is :func:`iter_documents`; each reader module handles one container
format and yields ``Document`` or, for an item it cannot read, an ``InputError`` so that a
batch goes on past bad items.
"""

from tidings.sources.dispatch import iter_documents

__all__ = ["iter_documents"]
