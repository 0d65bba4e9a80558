"""Contact groups with soft delete (D22, D23) and the contacts inside them (D24)."""

from __future__ import annotations

from ..records import Group, Principal
from ..store import groups
from .backend import Backend
from .errors import ApiError

# The spec's `\S` is an ECMA-262 pattern: its white space is this set, not Python's str.isspace(),
# which also counts U+0085 and U+001C-U+001F (a name of those is schema-valid, so it is kept).
_SPEC_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def _name(raw: str) -> str:
    name = raw.strip(_SPEC_WHITESPACE)
    if not name or len(name) > 100:
        raise ApiError("TS-1083")
    return name


def create(backend: Backend, principal: Principal, raw_name: str) -> Group:
    name = _name(raw_name)
    with backend.database.write() as connection:
        if groups.live_named(connection, principal.account_id, name):
            raise ApiError("TS-1082")
        return groups.create(connection, principal.account_id, name, backend.clock.now())


def rename(backend: Backend, principal: Principal, group_id: int, raw_name: str) -> Group:
    name = _name(raw_name)
    with backend.database.write() as connection:
        group = groups.live(connection, principal.account_id, group_id)
        if group is None:
            raise ApiError("TS-1086")
        clash = groups.live_named(connection, principal.account_id, name)
        if clash is not None and clash.id != group_id:
            raise ApiError("TS-1082")
        groups.rename(connection, group_id, name)
        return Group(group.id, name, group.created_at)


def delete(backend: Backend, principal: Principal, group_id: int) -> None:
    with backend.database.write() as connection:
        if groups.live(connection, principal.account_id, group_id) is None:
            raise ApiError("TS-1086")
        groups.soft_delete(connection, group_id, backend.clock.now())


def search(backend: Backend, principal: Principal, text: str) -> list[Group]:
    with backend.database.read() as connection:
        return groups.list_live(connection, principal.account_id, text)


def add_contact(
    backend: Backend,
    principal: Principal,
    group_id: int,
    number: str,
    fields: tuple[str | None, str | None, str | None, str | None],
) -> None:
    with backend.database.write() as connection:
        if groups.live(connection, principal.account_id, group_id) is None:
            raise ApiError("TS-1086")
        if not groups.add_contact(connection, group_id, number, fields, backend.clock.now()):
            raise ApiError("TS-1101", "The number is already in this group.")
