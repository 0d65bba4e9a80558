"""The control API's live account edits (spec/control-api.yaml, tag accounts): list, status, balance, keys, sender IDs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response

from ..domain import account_edits
from ..domain.account_edits import AccountState, EditRefusedError
from . import guard
from .control_bodies import answers_refusals, body
from .pipeline import backend
from .responses import RefusedError, write

blueprint = Blueprint("state_edits", __name__, url_prefix="/_mock/accounts")
# The same gate as every control call: Host and Origin we serve, the token if set, JSON.
blueprint.before_request(guard.check)
answers_refusals(blueprint)
_STATUSES = {"active": True, "inactive": False, "suspended": False}
_REFUSALS = {
    "not_found": (404, "not_found"),
    "conflict": (409, "conflict"),
    "invalid": (400, "invalid_request"),
}


def _described(state: AccountState) -> dict[str, Any]:
    return {
        "name": state.name,
        "status": "active" if state.active else "suspended",
        "international": state.international,
        "rate_limit_per_minute": state.rate_limit_per_minute,
        "balance": {"main": state.balance.main, "international": state.balance.international},
        "webhook_url": state.webhook_url,
        "sender_ids": [
            {"title": s.title, "status": "active" if s.active else "inactive"} for s in state.sender_ids
        ],
        "keys": [
            {"id": k.id, "status": "active" if k.active else "inactive", "permissions": list(k.permissions)}
            for k in state.keys
        ],
    }


def _answer(edit: Callable[[], AccountState], status: int = 200) -> Response:
    try:
        return write(_described(edit()), status)
    except EditRefusedError as refused:
        status_code, slug = _REFUSALS[refused.reason]
        raise RefusedError(status_code, slug, refused.message) from None


def _active(fields: dict[str, Any]) -> bool | None:
    status = fields.get("status")
    return None if status is None else _STATUSES[status]


@blueprint.get("")
def list_accounts() -> Response:
    return write({"accounts": [_described(state) for state in account_edits.listing(backend())]})


@blueprint.patch("/<name>")
def edit_account(name: str) -> Response:
    fields = body("AccountEdit")
    return _answer(
        lambda: account_edits.edit_account(
            backend(),
            name,
            active=_active(fields),
            international=fields.get("international"),
            rate_limit_per_minute=fields.get("rate_limit_per_minute"),
        )
    )


@blueprint.post("/<name>/balance")
def edit_balance(name: str) -> Response:
    fields = body("BalanceEdit")
    add = "add" in fields
    amounts: dict[str, int] = fields["add" if add else "set"]
    return _answer(
        lambda: account_edits.change_balance(
            backend(), name, amounts.get("main"), amounts.get("international"), add=add
        )
    )


@blueprint.post("/<name>/keys")
def add_key(name: str) -> Response:
    fields = body("NewKey")
    return _answer(
        lambda: account_edits.add_key(
            backend(),
            name,
            fields["key"],
            fields.get("permissions", "all"),
            active=_active(fields) is not False,
        ),
        201,
    )


@blueprint.patch("/<name>/keys")
def edit_key(name: str) -> Response:
    fields = body("KeyEdit")
    return _answer(
        lambda: account_edits.edit_key(
            backend(), name, fields["key"], active=_active(fields), granted=fields.get("permissions")
        )
    )


@blueprint.post("/<name>/sender-ids")
def add_sender_id(name: str) -> Response:
    fields = body("NewSenderId")
    return _answer(
        lambda: account_edits.add_sender(
            backend(), name, fields["title"], active=_active(fields) is not False
        ),
        201,
    )


@blueprint.patch("/<name>/sender-ids")
def edit_sender_id(name: str) -> Response:
    fields = body("SenderIdEdit")
    return _answer(
        lambda: account_edits.edit_sender(backend(), name, fields["title"], active=bool(_active(fields)))
    )
