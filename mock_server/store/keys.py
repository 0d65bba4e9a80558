"""How API keys are stored: an HMAC-SHA256, under a secret of the database's own, of the key's SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .connection import Connection

# A seed may carry a key's fingerprint instead of the key (the stored seed always does).
FINGERPRINT_PREFIX = "sha256:"
_ADD_SECRET = "INSERT INTO meta (name, value) VALUES ('key_secret', ?) ON CONFLICT DO NOTHING"  # noqa: S105  # SQL


def fingerprint(key: str) -> str:
    """What the stored seed keeps instead of a key: its SHA-256 (never accepted as a key itself)."""
    return FINGERPRINT_PREFIX + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def seeded_fingerprint(key: str) -> str:
    """A seed's key: a fingerprint as written, any other value fingerprinted."""
    if key.startswith(FINGERPRINT_PREFIX) and len(key) == len(FINGERPRINT_PREFIX) + 64:
        return key
    return fingerprint(key)


def ensure_secret(connection: Connection) -> bool:
    """Create the database's key secret once (every process may try; the first one wins); True if
    this call created it."""
    return connection.execute(_ADD_SECRET, (secrets.token_hex(32),)).rowcount == 1


def _secret(connection: Connection) -> bytes:
    # Read each time (a primary-key lookup, a few microseconds): a connection keeps no attributes.
    (value,) = connection.execute("SELECT value FROM meta WHERE name = 'key_secret'").fetchone()
    return bytes.fromhex(value)


def stored(connection: Connection, fingerprinted: str) -> str:
    """The value api_keys holds for a key with this fingerprint: what a copy of the database shows
    is neither the key nor a hash anyone can compute without the database's secret."""
    return hmac.new(_secret(connection), fingerprinted.encode("ascii"), hashlib.sha256).hexdigest()


def lookup(connection: Connection, presented: str) -> str:
    """The api_keys value to look a presented key up by (a fingerprint presented is just a string)."""
    return stored(connection, fingerprint(presented))
