"""Reset: every worker back to the seed, the clock to real time, the outbox empty."""

from __future__ import annotations

import functools

from ..records import Seed
from ..store import keys, schema
from ..store.database import Database
from . import seed
from .backend import Backend


def prepare(database: Database, loaded: Seed) -> bool:
    """Tables, and the seed in an empty database (True then); a stored seed made when keys were kept
    in clear is redacted on the way (the store hashes the keys themselves)."""
    seeded = schema.prepare(database, loaded)
    source = schema.stored_seed(database)
    if source is not None and (sealed := seed.redacted(source)) != source:
        schema.redact_stored_seed(database, sealed)
    return seeded


# A reset parses the same stored text every time (YAML, twice: about 80% of a reset's time before
# this); a Seed is frozen, so the parsed one can be handed out again. Keyed by the text itself.
_parse_seed = functools.lru_cache(maxsize=8)(seed.parse)


def reset(backend: Backend) -> int:
    """Reload the database's own seed (parsed here, written by the store); returns the number of accounts."""
    source = schema.stored_seed(backend.database)
    accounts = schema.reset(backend.database, Seed() if source is None else _parse_seed(source))
    backend.clock.reset()
    return accounts


def ready(backend: Backend) -> bool:
    """The database answers (what a load balancer's health check must know)."""
    return backend.database.ping()


def example_key(loaded: Seed) -> str | None:
    """The first key of the first account of the seed this process loaded: the key the docs' examples
    use. The database keeps only fingerprints, and a seed that holds a fingerprint has no key to show."""
    first = loaded.accounts[0].keys if loaded.accounts else ()
    if not first or first[0].key.startswith(keys.FINGERPRINT_PREFIX):
        return None
    return first[0].key
