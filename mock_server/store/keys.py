"""How API keys are stored: an HMAC-SHA256, under a secret of the database's own, of the key's SHA-256."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import weakref
from typing import TYPE_CHECKING

from .connection import Connection

if TYPE_CHECKING:
    from .database import Database

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
    (value,) = connection.execute("SELECT value FROM meta WHERE name = 'key_secret'").fetchone()
    return bytes.fromhex(value)


# By Database, not by connection (sqlite3's take no weak references); dropped with the Database.
_SECRETS: weakref.WeakKeyDictionary[Database, bytes] = weakref.WeakKeyDictionary()


def secret(database: Database, connection: Connection) -> bytes:
    """The database's key secret, read through `connection` once per Database: the first start writes
    it (ON CONFLICT DO NOTHING: every later start keeps it), no statement changes it and a reset keeps
    meta's rows, so every worker's and instance's copy stays the database's for its whole life."""
    found = _SECRETS.get(database)
    if found is None:
        found = _SECRETS[database] = _secret(connection)
    return found


def stored(connection: Connection, fingerprinted: str) -> str:
    """The value api_keys holds for a key with this fingerprint: what a copy of the database shows
    is neither the key nor a hash anyone can compute without the database's secret."""
    return hashed(_secret(connection), fingerprinted)


def hashed(key_secret: bytes, fingerprinted: str) -> str:
    """`stored` under a secret already read."""
    return hmac.new(key_secret, fingerprinted.encode("ascii"), hashlib.sha256).hexdigest()


def lookup(connection: Connection, presented: str) -> str:
    """The api_keys value to look a presented key up by (a fingerprint presented is just a string)."""
    return hashed(_secret(connection), fingerprint(presented))


def presented(key_secret: bytes, key: str) -> str:
    """`lookup` under a secret already read (keys.secret)."""
    return hashed(key_secret, fingerprint(key))
