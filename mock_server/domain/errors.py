"""The one exception the domain raises: a TS result code, mapped to HTTP by the api layer."""

from __future__ import annotations


class ApiError(Exception):
    """A refusal the API answers with its error envelope; `code` is a TS code of the catalogue."""

    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        # None means the catalogue's message; a decision (e.g. D1) may word it more precisely.
        self.message = message
