"""Routes of the account tag: /auth/check, /balance/, /senderid/check."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from ..domain import accounts
from ..domain.backend import Backend
from ..records import Balance, Principal
from .pipeline import endpoint
from .responses import success

blueprint = Blueprint("account", __name__)


def _balance(balance: Balance) -> dict[str, int]:
    return {"main": balance.main, "international": balance.international}


@endpoint(blueprint, "/auth/check")
def check_auth(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    report = accounts.auth_report(backend, principal)
    return {
        "result": True,
        "result_code": "TS-1000",
        "key_details": {
            "status": "Active" if report.key_active else "Inactive",
            "permissions": report.permissions,
        },
        "account_summary": {
            "account_status": "Active" if report.account_active else "Suspended",
            "balance": _balance(report.balance),
        },
    }


@endpoint(blueprint, "/balance/")
def get_balance(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    return success("TS-1040", balance=_balance(accounts.balance(backend, principal)))


@endpoint(blueprint, "/senderid/check")
def list_sender_ids(backend: Backend, principal: Principal, fields: dict[str, Any]) -> dict[str, Any]:
    return success(
        "TS-1064",
        sender_ids=[
            {
                "id": sender.id,
                "title": sender.title,
                "status": int(sender.active),
                "document": int(sender.document),
                "network_stat": int(sender.network_stat),
            }
            for sender in accounts.sender_ids(backend, principal)
        ],
    )
