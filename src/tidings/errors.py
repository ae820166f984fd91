"""One tree of errors, each with a code that can be grepped and a one-line message.

TidingsError
├── InputError      (T1xx) an input file, URL or record cannot be read or holds no article
├── StageError      (T2xx) a pipeline stage failed on one document (names the stage)
├── StoreError      (T3xx) the DuckDB store cannot be opened, migrated or written
├── ConfigError     (T4xx) a setting, dictionary or lexicon file is malformed
└── FetchError      (T5xx) a URL may not be fetched (private address, robots.txt, size cap)
"""

from __future__ import annotations


class TidingsError(Exception):
    code = "T000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """``source: message [code]`` on one line, for CLI output and logs."""
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]".replace("\n", " ")


class InputError(TidingsError):
    code = "T100"


class StageError(TidingsError):
    code = "T200"

    def __init__(self, message: str, *, stage: str, source: str | None = None) -> None:
        self.stage = stage
        super().__init__(f"stage {stage!r} failed: {message}", source=source)


class StoreError(TidingsError):
    code = "T300"


class ConfigError(TidingsError):
    code = "T400"


class FetchError(TidingsError):
    code = "T500"
