"""api/fast_path.py: the pipeline's POSTs answered without Flask give Flask's answers, byte for byte."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from werkzeug.test import Client, TestResponse

from tests.mock_server.conftest import backend
from turkeysms_mock.api import pipeline
from turkeysms_mock.domain import faults
from turkeysms_spec.catalogue import RESULT_CODES

SEND = {"api_key": "key-all", "title": "MyCompany", "text": "hi", "sentto": "905321234567"}


def _flask_only(app: Flask) -> Client:
    """A client of the app's own Flask WSGI callable, in front of which fast_path sits."""
    return Client(Flask.wsgi_app.__get__(app))


def _post(client: Any, body: bytes, path: str = "/sms/send", **headers: str) -> TestResponse:
    answer: TestResponse = client.post(path, data=body, headers=headers)
    return answer


def _same(one: TestResponse, other: TestResponse) -> None:
    assert one.status == other.status
    assert sorted(one.headers.items()) == sorted(other.headers.items())
    assert one.data == other.data


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (json.dumps({**SEND, "api_key": "nobody"}).encode(), {"Content-Type": "application/json"}),
        (b"{not json", {"Content-Type": "application/json"}),
        (b'{"api_key": NaN}', {}),
        (b'{"api_key": "a", "api_key": "b"}', {"Content-Type": "application/json; charset=utf-8"}),
        (b"[1, 2]", {"Content-Type": "application/json"}),
        (json.dumps(SEND).encode(), {"Content-Type": "text/plain"}),
        (json.dumps({**SEND, "sentto": "12"}).encode(), {"Content-Type": "Application/JSON"}),
        (json.dumps({**SEND, "text": None, "response_type": "php"}).encode(), {}),
        (b"", {"Content-Type": "application/json"}),
    ],
)
def test_refusals_are_the_answers_flask_gives(app: Flask, body: bytes, headers: dict[str, str]) -> None:
    _same(_post(app.test_client(), body, **headers), _post(_flask_only(app), body, **headers))


def test_a_send_is_answered_and_billed_alike_on_both_paths(app: Flask) -> None:
    fast = _post(app.test_client(), json.dumps(SEND).encode(), **{"Content-Type": "application/json"})
    slow = _post(_flask_only(app), json.dumps(SEND).encode(), **{"Content-Type": "application/json"})
    assert fast.status_code == slow.status_code == 200
    assert sorted(fast.headers.items()) == sorted(slow.headers.items())
    first, second = fast.get_json(), slow.get_json()
    assert second.pop("sms_id") > first.pop("sms_id")
    assert first == second


def test_the_trailing_slash_spelling_is_the_same_operation(app: Flask) -> None:
    answer = _post(app.test_client(), json.dumps(SEND).encode(), "/sms/send/")
    assert answer.status_code == 200
    assert answer.get_json()["result_code"] == "TS-1024"


def test_a_body_over_the_limit_goes_to_flask_and_gets_the_413_envelope(app: Flask) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 100  # read per request, by both
    answer = _post(app.test_client(), json.dumps({**SEND, "text": "x" * 2000}).encode())
    assert answer.status_code == 413
    assert answer.get_json()["result"] is False


def test_a_stored_fault_rule_is_met_on_the_fast_path(app: Flask) -> None:
    fault = faults.define({"kind": "code", "code": "TS-1027", "retry_after": 7}, None)
    faults.add(backend(app), fault, count=1)
    answer = _post(app.test_client(), json.dumps(SEND).encode())
    assert answer.status_code == RESULT_CODES["TS-1027"].http_status
    assert answer.headers["Retry-After"] == "7"
    assert answer.get_json()["result_code"] == "TS-1027"
    assert _post(app.test_client(), json.dumps(SEND).encode()).status_code == 200


def test_a_bug_is_the_500_envelope_not_a_traceback(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any) -> dict[str, Any]:
        raise RuntimeError("a bug")

    # fast_path copied the routes when the app was built: patch the handler it holds.
    operation, _, blueprint = pipeline.ROUTES["/sms/send"]
    monkeypatch.setitem(pipeline.ROUTES, "/sms/send", (operation, broken, blueprint))
    rebuilt = Flask.wsgi_app.__get__(app)
    from turkeysms_mock.api import fast_path  # noqa: PLC0415

    app.wsgi_app = rebuilt  # type: ignore[method-assign]
    fast_path.install(app, backend(app))
    answer = _post(app.test_client(), json.dumps(SEND).encode())
    assert answer.status_code == 500
    assert answer.get_json() == {
        "result": False,
        "result_code": "TS-1033",
        "result_message": "Internal error of the mock server.",
    }


def test_a_request_hook_of_the_app_sends_requests_through_flask(app: Flask) -> None:
    seen: list[int] = []

    @app.after_request
    def record(response: Any) -> Any:
        seen.append(response.status_code)
        return response

    assert _post(app.test_client(), json.dumps(SEND).encode()).status_code == 200
    assert _post(app.test_client(), b"{").status_code == 400
    assert seen == [200, 400]
