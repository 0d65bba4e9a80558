"""What a request reads before anything is checked, in one statement: whether any fault rule is active,
the shared clock, and the presented key with its account and the sender ID its body names."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Principal
from . import accounts, keys
from .connection import Connection

# One statement is one snapshot on both engines; mock_state's single row carries the rest as LEFT
# JOINs (a NULL key or title matches nothing). Every column comes from the shared tables, read per
# request: a rule added, a key deactivated or the clock moved by any worker is seen by the next one.
_SENDER = ", ".join(f"s.{column}" for column in accounts.SENDER_COLUMNS.split(", "))
_READ = (
    "SELECT EXISTS (SELECT 1 FROM fault_rules WHERE remaining > 0), m.clock_offset,"  # noqa: S608 (constants)
    f" {accounts.PRINCIPAL_COLUMNS}, {_SENDER}"
    " FROM mock_state AS m"
    " LEFT JOIN api_keys AS k ON k.key = ?"
    " LEFT JOIN accounts AS a ON a.id = k.account_id"
    " LEFT JOIN sender_ids AS s ON s.account_id = a.id AND s.title = ?"
    " WHERE m.id = 1"
)


@dataclass(frozen=True, slots=True)
class FirstRead:
    faults_active: bool
    # None: no key was presented, or none is stored by that value (or its account is gone).
    principal: Principal | None


def read(connection: Connection, key_secret: bytes, key: str | None, title: str | None) -> FirstRead | None:
    """The request's first read (None: the database has no mock_state row yet)."""
    stored_key = None if key is None else keys.presented(key_secret, key)
    row = connection.execute(_READ, (stored_key, title)).fetchone()
    if row is None:
        return None
    principal = None
    if row[2] is not None and row[5] is not None:  # the key and its account
        principal = accounts.principal_of(
            row[2:9],
            sender_title=title,
            sender=None if row[9] is None else accounts.sender_of(row[9:14]),
            clock_offset=float(row[1]),
        )
    return FirstRead(faults_active=bool(row[0]), principal=principal)
