"""Which webhook URLs the mock stores: http(s), a host, no spaces or control characters."""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL = 2048


def usable_url(value: object) -> bool:
    """An http(s) URL with a host, of at most 2048 characters, without control characters or spaces:
    a CR or LF in it would let the URL write its own header lines into the request."""
    if not isinstance(value, str) or not value or len(value) > MAX_URL:
        return False
    if any(ord(char) <= 0x20 or ord(char) == 0x7F for char in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed or invalid IPv6 literal: "http://[::1"
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc)
