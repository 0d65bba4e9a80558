"""APIResponse: one raw answer (status, headers, body) that parses into its typed model on demand."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, Final, Generic, TypeVar

import httpx

from turkeysms._envelope import decode_body
from turkeysms._exceptions import APIResponseValidationError
from turkeysms._secret import redact

__all__ = ["APIResponse"]

T = TypeVar("T")
# What a generated parser raises on a body that does not match its model.
PARSE_ERRORS: Final = (KeyError, TypeError, ValueError, AttributeError)


class APIResponse(Generic[T]):
    """A successful answer as it arrived; `parse()` gives the typed model the method returns.

    Errors never come back as an APIResponse: they raise, and the exception's
    `http_response` holds the answer instead.
    """

    def __init__(
        self,
        http_response: httpx.Response,
        model: type[T],
        *,
        secret: str,
        retries_taken: int = 0,
        decoded: Mapping[str, Any] | None = None,
    ) -> None:
        self.http_response: httpx.Response = http_response
        self.retries_taken: int = retries_taken
        self._model = model
        self._secret = secret
        self._parsed: T | None = None
        # The body's JSON object when the client already decoded it to check the answer: parsed once.
        self._decoded = decoded

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The answer's headers."""
        return self.http_response.headers

    @property
    def content(self) -> bytes:
        """The raw body."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self.http_response.text

    @property
    def elapsed(self) -> dt.timedelta:
        """Time from sending the request to reading the answer."""
        return self.http_response.elapsed

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.http_response.content)

    def parse(self) -> T:
        """The body as the operation's typed model; APIResponseValidationError when it does not fit."""
        if self._parsed is None:
            self._parsed = self._parse()
        return self._parsed

    def _parse(self) -> T:
        model: Any = self._model
        try:
            data = self.json() if self._decoded is None else self._decoded
            if not isinstance(data, Mapping):
                raise TypeError("the body is not a JSON object")
            parsed: T = model.from_dict(data)
        except PARSE_ERRORS as error:
            detail = redact(f"{type(error).__name__}: {error}", self._secret)
            body = decode_body(self.http_response)
            raise APIResponseValidationError(
                f"the answer does not match {self._model.__name__}: {detail}",
                status_code=self.status_code,
                body=redact(body, self._secret) if body is not None else None,
                http_response=self.http_response,
            ) from error
        return parsed

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self._model.__name__}>"
