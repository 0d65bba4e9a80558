"""Hostile and odd requests: always the JSON envelope, never HTML, never a 500."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from turkeysms._contract import load_openapi

PATHS = list(load_openapi()["paths"])
HOSTILE_BODIES = [
    b"",
    b"null",
    b"[]",
    b'"text"',
    b"[" * 20_000 + b"]" * 20_000,
    b'{"a":' * 5000 + b"1" + b"}" * 5000,
    b'{"api_key": "key-all", "group_id": ' + b"9" * 5000 + b"}",
    b'{"api_key": "key-all", "sms_id": NaN, "raporid": Infinity, "group_id": -Infinity}',
    b'{"api_key": "key-all", "sms_id": 1e400, "raporid": 1.5, "page": true, "group_id": 9007199254740992}',
    b'{"api_key": "\xff\xfe\xfd"}',
    b'{"api_key": "key-all", "title": "\xc3\x28"}',
    b'{"api_key": "key-all", "title": "MyCompany", "text": "\\ud800", "sentto": "905321234567"}',
    b'{"api_key": "key-all", "title": "MyCompany", "text": ["\\udfff"], "sentto": ["905321234567"]}',
    b'{"api_key": "key-all", "group_name": "\\udfff", "number": "\\ud800", "search": "\\ud800"}',
    b'{"api_key": ["key-all"], "title": {"a": 1}, "text": 5, "sentto": [[1]]}',
    b'{"api_key": "key-all", "sentto": [], "text": [], "title": ""}',
    b'{"api_key": "key-all", "response_type": "php", "sms_id": "1"}',
    b'{"api_key": "key-all", "scheduled_sms": 1, "scheduled_date": "2026-02-30", "scheduled_time": "25:61",'
    b' "title": "MyCompany", "text": "x", "sentto": "905321234567", "sentto2": null}',
    b'{"api_key": "' + b"k" * 10_000 + b'"}',
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=range(len(HOSTILE_BODIES)))
def test_hostile_body_never_breaks_the_server(client: FlaskClient, path: str, body: bytes) -> None:
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.mimetype == "application/json":
        assert response.get_json()["result_code"].startswith("TS-")
    else:
        assert response.mimetype == "application/vnd.php.serialized"


def test_oversized_body_answers_413_envelope(client: FlaskClient) -> None:
    body = json.dumps({"api_key": "key-all", "text": "x" * (3 * 1024 * 1024)})
    response = client.post("/sms/send", data=body, content_type="application/json")
    assert (response.status_code, response.get_json()["result_code"]) == (413, "TS-1033")


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_non_json_content_type_answers_415(client: FlaskClient, content_type: str) -> None:
    response = client.post("/balance/", data=b'{"api_key": "key-all"}', content_type=content_type)
    assert (response.status_code, response.get_json()["result_code"]) == (415, "TS-1033")


def test_missing_content_type_is_read_as_json(client: FlaskClient) -> None:
    response = client.post("/balance/", data=b'{"api_key": "key-all"}')
    assert response.get_json()["result_code"] == "TS-1040"


def test_missing_key_comes_before_field_checks(client: FlaskClient) -> None:
    response = client.post("/sms/send", json={"title": "bad!!", "sentto": "x"})
    assert (response.status_code, response.get_json()["result_code"]) == (401, "TS-1050")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/sms/send", 405),
        ("PUT", "/balance/", 405),
        ("POST", "/nowhere", 404),
        ("POST", "/", 405),
        ("GET", "/inbox/x.js", 404),
    ],
)
def test_routing_errors_are_json(client: FlaskClient, method: str, path: str, status: int) -> None:
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.get_json()["result"] is False


def test_both_spellings_of_a_path_answer_without_redirect(client: FlaskClient) -> None:
    for path in ("/balance", "/balance/", "/auth/check/"):
        assert client.post(path, json={"api_key": "key-all"}).status_code == 200


def test_php_answer_for_errors_after_parsing(client: FlaskClient) -> None:
    response = client.post("/balance/", json={"api_key": "nope", "response_type": "php"})
    assert response.mimetype == "application/vnd.php.serialized"
    assert response.get_data(as_text=True).startswith(
        'a:3:{s:6:"result";b:0;s:11:"result_code";s:7:"TS-1031";'
    )
