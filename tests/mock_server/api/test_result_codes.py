"""Every (operation, TS code) pair the spec's x-result-codes lists is produced over HTTP, with its status."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import jsonschema_rs
import pytest
from flask import Flask
from werkzeug.test import TestResponse

from tests.mock_server.conftest import Api, backend, send
from tests.valid_bodies import valid_body
from turkeysms._contract import load_openapi, permissions, result_codes
from turkeysms_mock.api.validation import resolve
from turkeysms_mock.domain import lifecycle

Scenario = Callable[[Api, Flask], TestResponse]
SPEC = load_openapi()
PATHS = {path: item["post"] for path, item in SPEC["paths"].items()}
PAIRS = sorted((path, code) for path, op in PATHS.items() for code in op["x-result-codes"])

INTL = "447911123456"
LONG = "x" * 2000  # 13 GSM-7 parts


def _body(path: str, api: Api) -> dict[str, Any]:
    return valid_body(path, api.ok)


def _valid(path: str, key: str = "key-all", **changes: Any) -> Scenario:
    def run(api: Api, app: Flask) -> TestResponse:
        body = _body(path, api)
        body.update(changes)
        return api(path, key=key, **{k: v for k, v in body.items() if v is not ...})

    return run


def _generic(path: str, code: str) -> Scenario | None:
    """Codes every operation answers the same way, derived from the catalogues."""
    if code == "TS-1050":
        return lambda api, app: api.client.post(path, json={})
    if code == "TS-1031":
        return lambda api, app: api(path, key="no-such-key")
    if code == "TS-1030":
        return lambda api, app: api(path, key="key-suspended")
    if code == "TS-1033":
        return lambda api, app: api.client.post(path, data=b"{not json", content_type="application/json")
    if code == "TS-1060":

        def limited(api: Api, app: Flask) -> TestResponse:
            for _ in range(2):
                api(path, key="key-limited")
            return api(path, key="key-limited")

        return limited
    for name in PATHS[path]["x-permissions"]:
        if permissions()[name].denial_code == code:
            return _valid(path, key=f"key-without-{name}")
    return None


def _blacklisted_then(path: str, **changes: Any) -> Scenario:
    def run(api: Api, app: Flask) -> TestResponse:
        api.ok("/blacklist/add", number="905321234567")
        return _valid(path, **changes)(api, app)

    return run


def _sent_then_status(outcome: str | None, advance: float) -> Scenario:
    def run(api: Api, app: Flask) -> TestResponse:
        sms_id = send(api)["sms_id"]
        if outcome:
            lifecycle.force(backend(app), sms_id, outcome, None)
        backend(app).clock.advance(advance)
        return api("/sms/status", sms_id=sms_id)

    return run


def _duplicate_group(path: str) -> Scenario:
    def run(api: Api, app: Flask) -> TestResponse:
        api.ok("/groups/create", group_name="Taken")
        if path == "/groups/create":
            return api(path, group_name=" Taken ")
        group = api.ok("/groups/create", group_name="Mine")["group"]["id"]
        return api(path, group_id=group, new_name="Taken")

    return run


def _deleted_group(path: str) -> Scenario:
    def run(api: Api, app: Flask) -> TestResponse:
        group = api.ok("/groups/create", group_name="Gone")["group"]["id"]
        api.ok("/groups/delete", group_id=group)
        extra = {"/groups/edit": {"new_name": "X"}, "/contacts/add": {"gsm_number": "905051234567"}}.get(
            path, {}
        )
        return api(path, group_id=group, **extra)

    return run


def _duplicate_contact(api: Api, app: Flask) -> TestResponse:
    group = api.ok("/groups/create", group_name="Team")["group"]["id"]
    api.ok("/contacts/add", group_id=group, gsm_number="905051234567")
    return api("/contacts/add", group_id=group, gsm_number="905051234567")


SENDS = ("/sms/send", "/group/send", "/group/sendMixed", "/otp/detailed")


def _specific() -> dict[tuple[str, str], Scenario]:
    table: dict[tuple[str, str], Scenario] = {}
    for path in SENDS:
        bulk = path.startswith("/group/")
        mixed = path == "/group/sendMixed"
        recipient = "mobile" if path.startswith("/otp") else "sentto"

        def many(number: str, bulk: bool = bulk) -> Any:
            return [number, "905321234568"] if bulk else number

        table[path, "TS-1025"] = _valid(path, **{recipient: many("0123")})
        table[path, "TS-1026"] = _valid(path, text=["Hi", "   "] if mixed else "   ")
        table[path, "TS-1027"] = _valid(path, key="key-poor")
        table[path, "TS-1028"] = _valid(path, title="Pending")
        table[path, "TS-1029"] = _valid(path, title="Unknown")
        table[path, "TS-1032"] = _valid(path, key="key-domestic", **{recipient: many(INTL)})
        table[path, "TS-1034"] = _valid(path, title="Not/A/Title!")
    table["/otp/detailed", "TS-1026"] = _valid("/otp/detailed", text="No placeholder here")
    for path in ("/group/send", "/group/sendMixed"):
        table[path, "TS-1072"] = _valid(path, sentto=["905321234567", "905321234567"])
    table["/otp/send", "TS-1025"] = _valid("/otp/send", mobile="12")
    table["/otp/send", "TS-1027"] = _valid("/otp/send", key="key-poor")
    table["/otp/send", "TS-1032"] = _valid("/otp/send", key="key-domestic", mobile=INTL)
    table["/groups/create", "TS-1082"] = _duplicate_group("/groups/create")
    table["/groups/edit", "TS-1082"] = _duplicate_group("/groups/edit")
    table["/groups/create", "TS-1083"] = _valid("/groups/create", group_name="   ")
    table["/groups/edit", "TS-1083"] = _valid("/groups/edit", new_name="")
    for path in ("/groups/edit", "/groups/delete", "/contacts/add"):
        table[path, "TS-1086"] = _deleted_group(path)
    table["/contacts/add", "TS-1101"] = _duplicate_contact
    table["/blacklist/add", "TS-1140"] = _blacklisted_then("/blacklist/add")
    table["/blacklist/status", "TS-1143"] = _blacklisted_then("/blacklist/status")
    for path in ("/blacklist/add", "/blacklist/status"):
        table[path, "TS-1144"] = _valid(path, number="+90 532")
    for path in ("/reports/basic", "/reports/detailed"):
        table[path, "TS-1052"] = _valid(path, raporid=999)
    table["/sms/status", "TS-1052"] = _valid("/sms/status", sms_id=...)
    table["/sms/status", "TS-1023"] = _sent_then_status(None, 0)
    table["/sms/status", "TS-1064"] = _sent_then_status(None, 5)
    table["/sms/status", "TS-1022"] = _sent_then_status("failed", 5)
    return table


SPECIFIC = _specific()


def scenario(path: str, code: str) -> Scenario | None:
    if (path, code) in SPECIFIC:
        return SPECIFIC[path, code]
    if result_codes()[code].kind != "error":
        return _valid(path)  # the operation's success (or status) answer
    return _generic(path, code)


@functools.cache
def _validator(path: str, status: int) -> Any:
    responses = PATHS[path]["responses"]
    response = resolve(responses[str(status)], SPEC)
    return jsonschema_rs.Draft4Validator(response["content"]["application/json"]["schema"])


def test_every_scenario_is_a_documented_pair() -> None:
    assert set(SPECIFIC) <= set(PAIRS)


@pytest.mark.parametrize(("path", "code"), PAIRS, ids=[f"{p} {c}" for p, c in PAIRS])
def test_operation_answers_code(api: Api, app: Flask, path: str, code: str) -> None:
    run = scenario(path, code)
    assert run is not None, f"no scenario produces {code} on {path}"
    response = run(api, app)
    payload = response.get_json()
    status = result_codes()[code].http_status
    assert (response.status_code, payload.get("result_code", code)) == (status, code), payload
    # The answer's shape is the spec's for that status, not just its code.
    _validator(path, status).validate(payload)
