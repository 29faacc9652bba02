"""One hierarchy for everything zhibiao cannot process.

"Nothing found" is an empty result, never an exception; these are for input the
library could not read or work it could not do. The CLI prints ``str(error)`` as
one line and exits with ``exit_code``.
"""


class ZhibiaoError(Exception):
    """Base of every error zhibiao raises on purpose."""

    exit_code = 2


class InputError(ZhibiaoError):
    """The input cannot be read: missing, empty, binary, undecodable, corrupt."""


class UnsupportedFormat(InputError):
    """The file's content is of a kind zhibiao does not read."""


class LimitExceeded(InputError):
    """The input is larger or slower to process than the configured limits allow."""


class StoreError(ZhibiaoError):
    """The indicator database cannot be opened, migrated or written."""


class StoreBusy(StoreError):
    """Another process holds the database file (DuckDB allows one writer, or many readers)."""

    exit_code = 3


class QueryError(ZhibiaoError):
    """A query against the database is invalid or not read-only."""
