"""A string that never shows itself in repr, str or logs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

__all__ = ["REDACTED", "Secret", "redact"]

REDACTED: Final = "**redacted**"
# Scrubbing a one- or two-letter test key out of free text would only mangle the text.
_MIN_SCRUB_LENGTH: Final = 6


class Secret:
    """Hold the API key so that printing a client, its `vars()` or a traceback shows no key."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        """The secret itself, for the request body only."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({REDACTED!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> Any:
        # Pickling would write the key into whatever stores the pickle.
        raise TypeError("a Secret cannot be pickled")


def redact(value: Any, secret: str) -> Any:
    """Replace the secret wherever it occurs in a decoded JSON value, and every `api_key` field."""
    if isinstance(value, str):
        return (
            value.replace(secret, REDACTED) if len(secret) >= _MIN_SCRUB_LENGTH and secret in value else value
        )
    if isinstance(value, Mapping):
        return {key: REDACTED if key == "api_key" else redact(item, secret) for key, item in value.items()}
    if isinstance(value, list):
        return [redact(item, secret) for item in value]
    return value
