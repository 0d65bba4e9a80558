"""control-api.yaml's examples are real: every operation shows one, and each error example is what the mock answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from turkeysms_mock.api.validation import resolve
from turkeysms_mock.pytest_plugin import MockServer
from turkeysms_spec.documents import CONTROL_API_PATH, load_openapi

DOCUMENT = load_openapi(CONTROL_API_PATH)
METHODS = ("get", "post", "put", "patch", "delete")

# (operationId, status) → the request that answers it. Run right after a reset: nothing was sent.
ERRORS: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {
    ("advanceClock", "400"): ("post", "/_mock/clock", {"json": {"advance": -1}}),
    ("advanceClock", "415"): ("post", "/_mock/clock", {"content": b"advance=1"}),
    ("resetState", "400"): ("post", "/_mock/reset", {"json": []}),
    ("resetState", "415"): ("post", "/_mock/reset", {"content": b"{}"}),
    ("getLatestOtp", "400"): ("get", "/_mock/otp", {}),
    ("getLatestOtp", "404"): ("get", "/_mock/otp", {"params": {"mobile": "905321234567"}}),
    ("listMessages", "400"): ("get", "/_mock/messages", {"params": {"number": "905321234567"}}),
    ("forceMessageStatus", "400"): (
        "post",
        "/_mock/messages/1000000001/status",
        {"json": {"status": "lost"}},
    ),
    ("forceMessageStatus", "404"): (
        "post",
        "/_mock/messages/1000000001/status",
        {"json": {"status": "failed"}},
    ),
    ("forceMessageStatus", "415"): (
        "post",
        "/_mock/messages/1000000001/status",
        {"content": b"status=failed"},
    ),
    ("setWebhook", "400"): ("post", "/_mock/webhook", {"json": {"api_key": "test-key"}}),
    ("setWebhook", "404"): ("post", "/_mock/webhook", {"json": {"api_key": "nobody", "url": None}}),
    ("setWebhook", "415"): ("post", "/_mock/webhook", {"content": b"url="}),
    ("listWebhookAttempts", "400"): ("get", "/_mock/webhooks", {"params": {"sms_id": "0"}}),
    ("addFault", "400"): ("post", "/_mock/faults", {"json": {"kind": "code"}}),
    ("addFault", "415"): ("post", "/_mock/faults", {"content": b"{}"}),
    ("deleteFault", "400"): ("delete", "/_mock/faults/0", {}),
    ("deleteFault", "404"): ("delete", "/_mock/faults/1", {}),
    ("editAccount", "400"): ("patch", "/_mock/accounts/demo", {"json": {"status": "closed"}}),
    ("editAccount", "404"): ("patch", "/_mock/accounts/nobody", {"json": {"status": "suspended"}}),
    ("editAccount", "415"): ("patch", "/_mock/accounts/demo", {"content": b"{}"}),
    ("editBalance", "400"): ("post", "/_mock/accounts/demo/balance", {"json": {"add": {"main": -1}}}),
    ("editBalance", "404"): ("post", "/_mock/accounts/nobody/balance", {"json": {"add": {"main": 500}}}),
    ("editBalance", "415"): ("post", "/_mock/accounts/demo/balance", {"content": b"{}"}),
    ("addKey", "400"): ("post", "/_mock/accounts/demo/keys", {"json": {}}),
    ("addKey", "404"): ("post", "/_mock/accounts/nobody/keys", {"json": {"key": "second-key"}}),
    ("addKey", "409"): ("post", "/_mock/accounts/demo/keys", {"json": {"key": "test-key"}}),
    ("addKey", "415"): ("post", "/_mock/accounts/demo/keys", {"content": b"{}"}),
    ("editKey", "400"): ("patch", "/_mock/accounts/demo/keys", {"json": {"key": "test-key"}}),
    ("editKey", "404"): (
        "patch",
        "/_mock/accounts/demo/keys",
        {"json": {"key": "nope", "status": "inactive"}},
    ),
    ("editKey", "415"): ("patch", "/_mock/accounts/demo/keys", {"content": b"{}"}),
    ("addSenderId", "400"): (
        "post",
        "/_mock/accounts/demo/sender-ids",
        {"json": {"title": "way too long title"}},
    ),
    ("addSenderId", "404"): ("post", "/_mock/accounts/nobody/sender-ids", {"json": {"title": "NewBrand"}}),
    ("addSenderId", "409"): ("post", "/_mock/accounts/demo/sender-ids", {"json": {"title": "MyCompany"}}),
    ("addSenderId", "415"): ("post", "/_mock/accounts/demo/sender-ids", {"content": b"{}"}),
    ("editSenderId", "400"): ("patch", "/_mock/accounts/demo/sender-ids", {"json": {"title": "MyCompany"}}),
    ("editSenderId", "404"): (
        "patch",
        "/_mock/accounts/demo/sender-ids",
        {"json": {"title": "Nope", "status": "inactive"}},
    ),
    ("editSenderId", "415"): ("patch", "/_mock/accounts/demo/sender-ids", {"content": b"{}"}),
}


def _operations() -> Iterator[tuple[str, dict[str, Any]]]:
    for item in DOCUMENT["paths"].values():
        for method in METHODS:
            if method in item:
                yield item[method]["operationId"], item[method]


def _example(media: dict[str, Any]) -> Any:
    if "example" in media:
        return media["example"]
    return next(iter(media.get("examples", {}).values()), {}).get("value")


def _documented_errors() -> dict[tuple[str, str], Any]:
    found = {}
    for operation_id, operation in _operations():
        for status, declared in operation["responses"].items():
            if status.startswith("4"):
                answer = resolve(declared, DOCUMENT)
                found[(operation_id, status)] = _example(answer["content"]["application/json"])
    return found


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize(
    ("operation_id", "operation"), list(_operations()), ids=lambda value: str(value)[:40]
)
def test_every_body_answer_and_parameter_has_an_example(operation_id: str, operation: dict[str, Any]) -> None:
    # Where none is given, Swagger UI makes one up from the schema ("string", a maximum as the value).
    bodies = [media for media in operation.get("requestBody", {}).get("content", {}).values()]
    for declared in operation["responses"].values():
        bodies += list(resolve(declared, DOCUMENT).get("content", {}).values())
    for media in bodies:
        example = _example(media)
        assert example is not None, (operation_id, media)
        assert "string" not in list(_strings(example)), (operation_id, example)
    for declared_parameter in operation.get("parameters", ()):
        parameter = resolve(declared_parameter, DOCUMENT)
        schema = resolve(parameter["schema"], DOCUMENT)
        assert {"example", "default", "enum"} & set(schema) or "example" in parameter, (
            operation_id,
            parameter,
        )


def test_every_error_example_is_covered_below() -> None:
    assert set(_documented_errors()) == set(ERRORS)


def test_each_error_example_is_what_the_mock_answers(turkeysms_mock: MockServer) -> None:
    for (operation_id, status), example in _documented_errors().items():
        method, path, request = ERRORS[(operation_id, status)]
        if "content" in request:
            request = {**request, "headers": {"Content-Type": "text/plain"}}
        answer = turkeysms_mock.http.request(method.upper(), path, **request)
        assert (str(answer.status_code), answer.json()) == (status, example), operation_id
