"""A body each operation of the contract answers 200 to, creating first what it refers to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# POSTs a body (with a working key) to a path and returns the 200 answer.
Ok = Callable[..., dict[str, Any]]

_STATELESS: dict[str, dict[str, Any]] = {
    "/auth/check": {},
    "/balance/": {},
    "/senderid/check": {},
    "/sms/send": {"title": "MyCompany", "text": "Hello", "sentto": "905321234567"},
    "/otp/send": {"mobile": "905321234567"},
    "/otp/detailed": {"mobile": "905321234567", "title": "MyCompany", "text": "Code: TS-CODE"},
    "/groups/create": {"group_name": "Team"},
    "/groups/list": {},
    "/group/send": {"title": "MyCompany", "text": "Hi", "sentto": ["905321234567", "905321234568"]},
    "/group/sendMixed": {
        "title": "MyCompany",
        "text": ["Hi A", "Hi B"],
        "sentto": ["905321234567", "905321234568"],
    },
    "/blacklist/add": {"number": "905321234567"},
    "/blacklist/status": {"number": "905321234567"},
}


def valid_body(path: str, ok: Ok) -> dict[str, Any]:
    """The body for `path` (without api_key); `ok(path, **body)` creates the group or send it needs."""
    if path in {"/groups/edit", "/groups/delete", "/contacts/add"}:
        group = ok("/groups/create", group_name=f"Group for {path}")["group"]["id"]
        return {
            "/groups/edit": {"group_id": group, "new_name": "Renamed"},
            "/groups/delete": {"group_id": group},
            "/contacts/add": {"group_id": group, "gsm_number": "905051234567", "name": "Ada"},
        }[path]
    if path in {"/sms/status", "/reports/basic", "/reports/detailed"}:
        sms_id = ok("/sms/send", **_STATELESS["/sms/send"])["sms_id"]
        return {"sms_id": sms_id} if path == "/sms/status" else {"raporid": sms_id}
    return dict(_STATELESS[path])
