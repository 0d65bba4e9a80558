"""Per-key permissions: which a key holds, what `/auth/check` reports, and the code a missing one answers."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

from turkeysms_spec.catalogue import PERMISSIONS

from ..records import Principal
from .errors import ApiError

GROUP_PRIVILEGES = ("create_group", "edit_group", "delete_group", "list_groups")


@functools.cache
def all_permissions() -> frozenset[str]:
    return frozenset(PERMISSIONS)


def resolve(spec: str | Iterable[str]) -> frozenset[str]:
    """A seed's `permissions:` value, `all` or a list of names, as a set; unknown names are an error."""
    if isinstance(spec, str):
        if spec != "all":
            raise ValueError(f"permissions must be 'all' or a list, not {spec!r}")
        return all_permissions()
    names = frozenset(spec)
    # manage_groups is what /auth/check reports for the four group privileges together (D17).
    if "manage_groups" in names:
        names = (names - {"manage_groups"}) | frozenset(GROUP_PRIVILEGES)
    unknown = names - all_permissions()
    if unknown:
        raise ValueError(f"unknown permissions: {sorted(unknown)}")
    return names


def require(principal: Principal, required: Iterable[str]) -> None:
    """Check the operation's permissions in the spec's order; the first one missing decides the code."""
    for name in required:
        if name not in principal.permissions:
            raise ApiError(PERMISSIONS[name].denial_code)


def report(principal: Principal) -> Mapping[str, bool]:
    """The `key_details.permissions` object of `/auth/check`."""
    flags = {name: name in principal.permissions for name in PERMISSIONS}
    flags["manage_groups"] = all(flags[name] for name in GROUP_PRIVILEGES)
    return flags
