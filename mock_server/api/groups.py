"""Routes of groups and contacts: /groups/create, edit, delete, list and /contacts/add."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from ..domain import groups
from ..domain.backend import Backend
from ..domain.clock import to_istanbul
from ..records import Principal
from .pipeline import endpoint
from .responses import success

blueprint = Blueprint("groups", __name__)


def _day(epoch: float) -> str:
    return to_istanbul(epoch).date().isoformat()


@endpoint(blueprint, "/groups/create")
def create_group(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    group = groups.create(backend, principal, fields["group_name"])
    return success(
        "TS-1080", group={"id": group.id, "name": group.name, "created_at": _day(group.created_at)}
    )


@endpoint(blueprint, "/groups/edit")
def edit_group(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    group = groups.rename(backend, principal, fields["group_id"], fields["new_name"])
    return success("TS-1087", new_name=group.name)


@endpoint(blueprint, "/groups/delete")
def delete_group(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    groups.delete(backend, principal, fields["group_id"])
    return success("TS-1088")


@endpoint(blueprint, "/groups/list")
def list_groups(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    found = groups.search(backend, principal, fields.get("search", ""))
    return {
        "result": True,
        "result_code": "TS-1090",
        "groups_count": len(found),
        "groups": [{"id": g.id, "name": g.name, "date": _day(g.created_at)} for g in found],
    }


@endpoint(blueprint, "/contacts/add")
def add_contact(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    number = fields["gsm_number"]
    extra = (fields.get("name"), fields.get("f_01"), fields.get("f_02"), fields.get("f_03"))
    groups.add_contact(backend, principal, fields["group_id"], number, extra)
    return success(
        "TS-1100", group_id=fields["group_id"], total_sent=1, total_added=1, total_failed=0, mobile=number
    )
