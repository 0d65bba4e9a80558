"""Queries on contact groups (soft-deleted rows stay) and their contacts."""

from __future__ import annotations

from ..records import Group
from .connection import Connection

_LIVE = "account_id = ? AND deleted_at IS NULL"


def create(connection: Connection, account_id: int, name: str, now: float) -> Group:
    (group_id,) = connection.execute(
        "INSERT INTO groups (account_id, name, created_at) VALUES (?, ?, ?) RETURNING id",
        (account_id, name, now),
    ).fetchone()
    return Group(id=group_id, name=name, created_at=now)


def live(connection: Connection, account_id: int, group_id: int) -> Group | None:
    row = connection.execute(
        f"SELECT id, name, created_at FROM groups WHERE id = ? AND {_LIVE}",  # noqa: S608 (constant)
        (group_id, account_id),
    ).fetchone()
    return None if row is None else Group(*row)


def live_named(connection: Connection, account_id: int, name: str) -> Group | None:
    row = connection.execute(
        f"SELECT id, name, created_at FROM groups WHERE name = ? AND {_LIVE}",  # noqa: S608 (constant)
        (name, account_id),
    ).fetchone()
    return None if row is None else Group(*row)


def rename(connection: Connection, group_id: int, name: str) -> None:
    connection.execute("UPDATE groups SET name = ? WHERE id = ?", (name, group_id))


def soft_delete(connection: Connection, group_id: int, now: float) -> None:
    connection.execute("UPDATE groups SET deleted_at = ? WHERE id = ?", (now, group_id))


def list_live(connection: Connection, account_id: int, search: str) -> list[Group]:
    # instr on lower() rather than LIKE: a user's % or _ must match literally (PostgreSQL's instr is
    # postgres_schema's).
    rows = connection.execute(
        f"SELECT id, name, created_at FROM groups WHERE {_LIVE} AND instr(lower(name), lower(?)) > 0"  # noqa: S608
        " ORDER BY id",
        (account_id, search),
    ).fetchall()
    return [Group(*row) for row in rows]


def add_contact(
    connection: Connection,
    group_id: int,
    number: str,
    fields: tuple[str | None, str | None, str | None, str | None],
    now: float,
) -> bool:
    """Add a number to a group; False when the group already holds it."""
    cursor = connection.execute(
        "INSERT INTO contacts (group_id, number, name, f_01, f_02, f_03, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (group_id, number, *fields, now),
    )
    return cursor.rowcount == 1
